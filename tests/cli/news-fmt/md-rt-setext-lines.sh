# a setext heading of several lines keeps its lines, typeset or not:
# joined on one "## " line they would read and typeset otherwise
in=$(cat)
for o in --no-typo --lang=de; do
	once=$(printf '%s\n' "$in" | news-fmt -o md $o)
	twice=$(printf '%s\n' "$once" | news-fmt -o md $o)
	printf '%s\n' "$once"
	[ "$once" = "$twice" ] && echo same
done
