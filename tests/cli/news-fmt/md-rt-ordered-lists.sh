# -o md of two numbered lists in a row, "1." then "1)", reads back as two lists
once=$(news-fmt -o md --no-typo)
twice=$(printf '%s\n' "$once" | news-fmt -o md --no-typo)
printf '%s\n' "$once"
[ "$once" = "$twice" ] && echo same
