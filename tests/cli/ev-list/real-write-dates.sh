# -o ics writes what the reader made of values it had to read another
# way or leave out, never the invalid value: an RDATE marked VALUE=DATE
# with a Z ("20131210Z", as Google sends) is left out, the good values
# beside it stay; a date-time marked VALUE=DATE loses the marking; a
# DATE without VALUE=DATE gets it; "PT1W" is written "P1W"; a DTEND of
# the other type is written in DTSTART's.  Strict readers accept the
# output, and it reads back to the same instances without a report.
t=$(mktemp -d) || exit 1
{
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n'
	printf 'BEGIN:VEVENT\r\nUID:geburtstag@example.org\r\n'
	printf 'DTSTAMP:20240101T000000Z\r\nDTSTART;VALUE=DATE:20141210\r\n'
	printf 'DTEND;VALUE=DATE:20141211\r\nRRULE:FREQ=DAILY;COUNT=1\r\n'
	printf 'RDATE;VALUE=DATE:20131210Z,20121210\r\n'
	printf 'RDATE;VALUE=DATE:20111210Z,20101210Z\r\nSUMMARY:Geburtstag\r\n'
	printf 'END:VEVENT\r\nBEGIN:VEVENT\r\nUID:einlass@example.org\r\n'
	printf 'DTSTAMP:20240101T000000Z\r\n'
	printf 'DTSTART;VALUE=DATE:20131203T120000\r\n'
	printf 'DTEND;VALUE=DATE:20131203T140000\r\nSUMMARY:Einlass\r\n'
	printf 'END:VEVENT\r\nBEGIN:VEVENT\r\nUID:woche@example.org\r\n'
	printf 'DTSTAMP:20240101T000000Z\r\nDTSTART:20131216\r\n'
	printf 'DURATION:PT1W\r\nSUMMARY:Woche\r\nEND:VEVENT\r\n'
	printf 'BEGIN:VEVENT\r\nUID:tag@example.org\r\n'
	printf 'DTSTAMP:20240101T000000Z\r\nDTSTART;VALUE=DATE:20131224\r\n'
	printf 'DTEND:20131224T235900\r\nSUMMARY:Heiligabend\r\n'
	printf 'END:VEVENT\r\nEND:VCALENDAR\r\n'
} >"$t/in.ics"
ev-list --all -o ics "$t/in.ics" >"$t/out.ics" 2>"$t/err"
echo "status $?"
sed "s|$t/||" "$t/err"
grep -E '^(DTSTART|DTEND|DURATION|RDATE)' "$t/out.ics"
/usr/bin/python3 "$TOP/tests/strict_ics.py" "$t/out.ics" && echo "strict: ok"
ev-list --from 2011-01-01 --to 2014-12-31 -f '{start} {end} {summary}' "$t/in.ics" >"$t/a" 2>/dev/null
ev-list --from 2011-01-01 --to 2014-12-31 -f '{start} {end} {summary}' "$t/out.ics" >"$t/b"
echo "status $?"
cmp "$t/a" "$t/b" && echo "same instances"
cat "$t/a"
rm -rf "$t"
