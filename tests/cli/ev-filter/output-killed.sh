# --output FILE and a run that is killed (cron's timeout): FILE keeps its
# old contents and no temporary file is left beside it; the run ends by
# the signal, as it would have.
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
echo alt >"$t/kinder.ics"
{
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//slow//DE\r\n'
	printf 'BEGIN:VEVENT\r\nUID:a@test\r\nDTSTART:20161222T100000Z\r\n'
	printf 'SUMMARY:Kinder\r\nEND:VEVENT\r\n'
	sleep 3
} | ev-filter -e Kinder --output "$t/kinder.ics" &
pid=$!
sleep 1
ls -A "$t" | sed 's/\.kinder\.ics\.[A-Za-z0-9]*$/.kinder.ics.TMP/' | sort
kill -TERM $pid
wait $pid 2>/dev/null
echo "status $?"
ls -A "$t"
cat "$t/kinder.ics"
