# an item "--" goes out as "- \--", not as the rule "- --"; an HTML block of an item goes out at the margin, not into the item before
once=$(news-fmt -o md --no-typo)
twice=$(printf '%s\n' "$once" | news-fmt -o md --no-typo)
printf '%s\n' "$once"
[ "$once" = "$twice" ] && echo same
