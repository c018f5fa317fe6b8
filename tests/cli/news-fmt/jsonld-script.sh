# -o jsonld sits safely in <script type="application/ld+json">: no "<",
# ">" or "&" as such (so no "</script>", no "<!--"), and it still parses
# as JSON with the text as written
printf 'Title: Alarm `</script><script>alert(1)</script>` <!-- & -->\nLead: A & B < C > D, line\342\200\250sep.\nTags: </script>, <!--, &amp;\n\nBody \\</SCRIPT> text.\n' |
    news-fmt -o jsonld --no-typo >"${TMPDIR:-/tmp}/ld.$$"
grep -c "[<>&]" "${TMPDIR:-/tmp}/ld.$$"
grep -o "\\\\u[0-9a-f]*" "${TMPDIR:-/tmp}/ld.$$" | sort | uniq -c
python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    assert o["@type"] == "NewsArticle" and o["@context"] == "https://schema.org"
    for k in ("headline", "description", "keywords", "articleBody"):
        print(k, json.dumps(o[k], ensure_ascii=False))
' "${TMPDIR:-/tmp}/ld.$$"
rm -f "${TMPDIR:-/tmp}/ld.$$"
