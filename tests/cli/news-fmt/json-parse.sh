# -o json and -o jsonld parse as JSON Lines and carry their keys, on the
# bundled articles and a Markdown one
for o in json jsonld; do
	news-fmt -o "$o" news/artikel.txt news/bruecke.md "$TOP"/examples/artikel.md |
	python3 -c '
import json, sys
kind = sys.argv[1]
need = {"json": ["kicker", "title", "date", "date_rfc3339", "updated",
    "author", "lead", "image", "related", "tags", "lang", "slug", "extra",
    "body", "words", "reading_minutes", "teaser"],
    "jsonld": ["@context", "@type", "headline", "datePublished", "author",
    "description", "inLanguage", "wordCount"]}[kind]
n = 0
for line in sys.stdin:
    o = json.loads(line)
    n += 1
    missing = [k for k in need if k not in o]
    print(kind, n, "missing:", missing or "none")
' "$o"
done
