# an unknown key whose YAML is a mapping on one line goes out on the
# line below: after the key on its line, "k: v" would be no YAML
in=$(cat)
for o in --no-typo --lang=de; do
	once=$(printf '%s\n' "$in" | news-fmt -o md $o)
	twice=$(printf '%s\n' "$once" | news-fmt -o md $o)
	printf '%s\n' "$once"
	[ "$once" = "$twice" ] && echo same
done
