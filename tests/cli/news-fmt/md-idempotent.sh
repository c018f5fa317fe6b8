# -o md of its own output gives the same bytes (two articles, %%%)
once=$(news-fmt -o md news/artikel.txt news/bruecke.md)
twice=$(printf '%s\n' "$once" | news-fmt -o md)
thrice=$(printf '%s\n' "$twice" | news-fmt -i md -o md)
[ "$once" = "$twice" ] && [ "$twice" = "$thrice" ] && echo same
# the typography cases, in each language and with each no-break space
for f in "$TOP"/tests/cli/news-fmt/typo-*.in; do
	for l in de de-CH en; do
		for nb in normal narrow; do
			once=$(news-fmt -i md -o md --lang $l --nbsp $nb <"$f" 2>/dev/null)
			twice=$(printf '%s\n' "$once" | news-fmt -i md -o md --lang $l \
			    --nbsp $nb 2>/dev/null)
			[ "$once" = "$twice" ] ||
			    echo "changes on a second pass: ${f##*/} --lang $l --nbsp $nb"
		done
	done
done
