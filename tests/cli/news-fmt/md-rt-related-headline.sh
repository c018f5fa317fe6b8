# a "# Heading" after a related section is the headline when the section
# has gone to the header: written back it is the first block; an empty
# "#" is no headline
in=$(cat)
for o in --no-typo --lang=de; do
	once=$(printf '%s\n' "$in" | news-fmt -o md $o)
	twice=$(printf '%s\n' "$once" | news-fmt -o md $o)
	printf '%s\n' "$once"
	[ "$once" = "$twice" ] && echo same
done
