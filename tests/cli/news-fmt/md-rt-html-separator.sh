# a line "%%%" of an HTML block in an item goes out with a blank: it ends no article
once=$(news-fmt -o md --no-typo)
twice=$(printf '%s\n' "$once" | news-fmt -o md --no-typo)
printf '%s\n' "$once"
[ "$once" = "$twice" ] && echo same
