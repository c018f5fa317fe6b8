# -o ics writes a recurrence rule with blanks in it ("BYDAY=MO, TU", as
# some exporters send) in the form the expansion reads, which strict
# readers accept; the output expands to the same instances.  A rule
# without blanks is written as it came.
t=$(mktemp -d) || exit 1
{
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n'
	printf 'BEGIN:VEVENT\r\nUID:blanks@example.org\r\n'
	printf 'DTSTAMP:20240101T000000Z\r\nDTSTART:20131203T100000Z\r\n'
	printf 'RRULE:FREQ=WEEKLY;BYDAY=MO, TU;COUNT=4\r\nSUMMARY:blanks\r\n'
	printf 'END:VEVENT\r\nBEGIN:VEVENT\r\nUID:plain@example.org\r\n'
	printf 'DTSTAMP:20240101T000000Z\r\nDTSTART;VALUE=DATE:20131204\r\n'
	printf 'RRULE:COUNT=2;FREQ=WEEKLY\r\nSUMMARY:plain\r\n'
	printf 'END:VEVENT\r\nEND:VCALENDAR\r\n'
} >"$t/in.ics"
ev-list --all -o ics "$t/in.ics" >"$t/out.ics"
echo "status $?"
grep '^RRULE' "$t/out.ics"
/usr/bin/python3 "$TOP/tests/strict_ics.py" "$t/out.ics" && echo "strict: ok"
ev-list --from 2013-12-01 --to 2013-12-31 -f '{start} {summary}' "$t/in.ics" >"$t/a"
ev-list --from 2013-12-01 --to 2013-12-31 -f '{start} {summary}' "$t/out.ics" >"$t/b"
cmp "$t/a" "$t/b" && echo "same instances"
cat "$t/a"
rm -rf "$t"
