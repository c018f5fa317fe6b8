# Streaming: a slow producer writes the calendar header and one matching
# event, then pauses 3 seconds before the rest.  ev-filter must have
# written that event (and flushed it) while the producer is still
# pausing, not only at the end of its input; here its output goes to a
# file, looked at after 1.5 seconds.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
{
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//slow//DE\r\n'
	printf 'BEGIN:VEVENT\r\nUID:sofort@test\r\nDTSTART:20161222T100000Z\r\n'
	printf 'SUMMARY:Sofort da\r\nEND:VEVENT\r\n'
	sleep 3
	printf 'BEGIN:VEVENT\r\nUID:danach@test\r\nDTSTART:20161222T110000Z\r\n'
	printf 'SUMMARY:Sofort danach\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
} | ev-filter -e Sofort >"$tmp/out" &
sleep 1.5
echo "after 1.5 s:"
tr -d '\r' <"$tmp/out"
wait
echo "at the end:"
tr -d '\r' <"$tmp/out"
