# -o md of a nested list, and of an item's paragraphs after its nested list, quote or code: the flat blocks go out as they read back
once=$(news-fmt -o md --no-typo)
twice=$(printf '%s\n' "$once" | news-fmt -o md --no-typo)
printf '%s\n' "$once"
[ "$once" = "$twice" ] && echo same
