# a related link typeset ('' -> ‚‘) is split again into text and URL:
# the text output does not cut a character, -o md reads back the same
in=$(cat)
printf '%s\n' "$in" | news-fmt -o text --lang=de
once=$(printf '%s\n' "$in" | news-fmt -o md --lang=de)
twice=$(printf '%s\n' "$once" | news-fmt -o md --lang=de)
printf '%s\n' "$once"
[ "$once" = "$twice" ] && echo same
