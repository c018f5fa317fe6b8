# an unknown key that starts with a BOM is quoted: YAML drops a BOM at a line start
once=$(news-fmt -o md --no-typo)
twice=$(printf '%s\n' "$once" | news-fmt -o md --no-typo)
printf '%s\n' "$once"
[ "$once" = "$twice" ] && echo same
