# -n N and -q stop reading once they have what they need: an endless
# producer is left (it gets SIGPIPE), the calendar is closed properly.
feed() {
	printf 'BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//endless//DE\n'
	i=1
	while :; do
		printf 'BEGIN:VEVENT\nUID:e%d@test\nDTSTART:20161222T100000Z\n' $i
		printf 'SUMMARY:Nummer %d\nEND:VEVENT\n' $i
		i=$((i + 1))
	done
}
feed | timeout 10 ev-filter -n 2
echo "-n 2: status $?"
feed | timeout 10 ev-filter -q -e 'Nummer 500$'
echo "-q: status $?"
feed | timeout 10 ev-filter -n 1 -e 'Nummer 1000$' | grep '^UID'
echo "-n 1 -e: done"
