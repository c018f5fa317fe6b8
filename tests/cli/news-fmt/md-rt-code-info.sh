# a code block's info string reads back as written: backslashes and entities in it are escaped
once=$(news-fmt -o md --no-typo)
twice=$(printf '%s\n' "$once" | news-fmt -o md --no-typo)
printf '%s\n' "$once"
[ "$once" = "$twice" ] && echo same
news-fmt -o json --no-typo <<'IN' | grep '"info"'
Titel: Code

``` a\\\\> &amp; b\c
x
```
IN
