# a folded header value is written on one line, its line breaks as
# spaces; a line's "- " or "-- " is a dash to typeset before it is
# joined too (a line break counts as the space before a dash), so the
# written value typesets the same when read back
in=$(cat)
for o in --no-typo --lang=de; do
	once=$(printf '%s\n' "$in" | news-fmt -o md $o)
	twice=$(printf '%s\n' "$once" | news-fmt -o md $o)
	printf '%s\n' "$once"
	[ "$once" = "$twice" ] && echo same
done
