# an item's paragraph after its quote goes out as an item of its own, not as a paragraph (the quote's attribution then); the line break in a related link stays ("\n")
once=$(news-fmt -o md --no-typo)
twice=$(printf '%s\n' "$once" | news-fmt -o md --no-typo)
printf '%s\n' "$once"
[ "$once" = "$twice" ] && echo same
