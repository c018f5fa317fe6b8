# a key or value with characters YAML does not print (U+FFFF, C1 controls) goes out quoted with \u escapes
once=$(news-fmt -o md --no-typo)
twice=$(printf '%s\n' "$once" | news-fmt -o md --no-typo)
printf '%s\n' "$once"
[ "$once" = "$twice" ] && echo same
