# the line breaks of a folded header value are kept ("\n"): joined, a
# line's "- " or "-- " would read back as a dash to typeset
in=$(cat)
for o in --no-typo --lang=de; do
	once=$(printf '%s\n' "$in" | news-fmt -o md $o)
	twice=$(printf '%s\n' "$once" | news-fmt -o md $o)
	printf '%s\n' "$once"
	[ "$once" = "$twice" ] && echo same
done
