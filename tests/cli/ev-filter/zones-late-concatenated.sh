# A VTIMEZONE that comes after its events, at the end of the first of two
# calendars on one stream (cat a.ics b.ics | ev-filter), is written as
# well: when it is read, before the next calendar begins.  The same two
# feeds given as two files, for comparison.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
show() {
	grep -E '^(BEGIN:VTIMEZONE|TZID|UID)' "$tmp/out.ics" | tr -d '\r' | sed 's/^/    /'
	/usr/bin/python3 "$TOP/tests/strict_ics.py" "$tmp/out.ics" && echo "    strict: ok"
}
ev-filter --uid lissabon@test filter-zones.ics filter-crlf.ics >"$tmp/out.ics"
echo "two files: status $?"
show
cat filter-zones.ics filter-crlf.ics | ev-filter --uid lissabon@test >"$tmp/out.ics"
echo "one stream: status $?"
show
cat filter-zones.ics filter-crlf.ics |
    ev-filter --uid lissabon@test --uid ratssitzung@rathaus.example >"$tmp/out.ics"
echo "one stream, an event of the second calendar too: status $?"
show
