# -o md of its own output gives the same bytes (two articles, %%%)
once=$(news-fmt -o md news/artikel.txt news/bruecke.md)
twice=$(printf '%s\n' "$once" | news-fmt -o md)
thrice=$(printf '%s\n' "$twice" | news-fmt -i md -o md)
[ "$once" = "$twice" ] && [ "$twice" = "$thrice" ] && echo same
