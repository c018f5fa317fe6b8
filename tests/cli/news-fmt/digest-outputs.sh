# The digest is an article like any: the weekend's free events as HTML,
# JSON and JSON-LD (parsed), and as an RSS and Atom item that the feed
# clients read (tests/feedcheck.py).
ev="$TOP/examples/veranstaltungen.ics"
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
ev-filter --weekend --free --now 2026-12-03 "$ev" >"$d/weekend.ics"
news-fmt --digest --lang de --now 2026-12-03 -o html "$d/weekend.ics"
echo "status $?"
news-fmt --digest --lang de --now 2026-12-03 -o json "$d/weekend.ics" |
    /usr/bin/python3 -c 'import json, sys
a = json.loads(sys.stdin.read())
print(a["title"], "|", a["lead"], "|", len(a["body"]), "blocks")'
news-fmt --digest --lang de --now 2026-12-03 -o jsonld \
    --base-url https://www.neustadt.example/tipps "$d/weekend.ics" |
    /usr/bin/python3 -c 'import json, sys
a = json.loads(sys.stdin.read())
print(a["@type"], "|", a["headline"], "|", a["url"])'
for f in rss atom jsonfeed; do
	news-fmt --digest --lang de --now 2026-12-03 -o "$f" \
	    --feed-title 'Veranstaltungstipps' \
	    --base-url https://www.neustadt.example/tipps/ "$d/weekend.ics" |
	    /usr/bin/python3 "$TOP/tests/feedcheck.py" "$f"
	echo "$f status $?"
done
