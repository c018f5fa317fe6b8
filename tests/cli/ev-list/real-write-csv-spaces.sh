# ICS -> CSV -> ICS -> CSV keeps every byte of every text field: blanks
# (spaces, TABs) at either end, a field of blanks only, line breaks
# inside and at the end, quotes, commas, semicolons and backslashes.  The
# writer quotes such a value; the reader trims only unquoted cells.
t=$(mktemp -d) || exit 1
{
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n'
	printf 'BEGIN:VEVENT\r\nUID:blanks@example.org\r\n'
	printf 'DTSTAMP:20240101T000000Z\r\nDTSTART:20240108T110000Z\r\n'
	printf 'SUMMARY:  two spaces before\\, a TAB and a space after\t \r\n'
	printf 'LOCATION:\tTAB first\\; "quoted" back\\\\slash \r\n'
	printf 'DESCRIPTION:ends in a space \r\n'
	printf 'X-PRICE: 5 EUR\r\nEND:VEVENT\r\n'
	printf 'BEGIN:VEVENT\r\nUID:breaks@example.org\r\n'
	printf 'DTSTAMP:20240101T000000Z\r\nDTSTART;VALUE=DATE:20240109\r\n'
	printf 'SUMMARY: \r\nLOCATION:\\nbreak first\r\n'
	printf 'DESCRIPTION:line one \\nline two\\n\\n\r\nEND:VEVENT\r\n'
	printf 'END:VCALENDAR\r\n'
} >"$t/in.ics"
ev-list --all -o csv "$t/in.ics" >"$t/a.csv"
ev-list --all -o ics "$t/a.csv" >"$t/b.ics"
ev-list --all -o csv "$t/b.ics" >"$t/b.csv"
cmp "$t/a.csv" "$t/b.csv" && echo "csv: byte-exact"
# ICS -> CSV -> ICS: the same fields, byte for byte
ev-list --all -o json "$t/in.ics" >"$t/a.json"
ev-list --all -o json "$t/b.ics" >"$t/b.json"
cmp "$t/a.json" "$t/b.json" && echo "ics: same fields"
/usr/bin/python3 "$TOP/tests/strict_ics.py" "$t/b.ics" && echo "strict: ok"
od -c "$t/a.csv" | sed 's/^[0-7]* *//'
cat "$t/b.json"
rm -rf "$t"
