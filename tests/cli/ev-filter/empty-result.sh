# Nothing selected: status 1, and the output is still a valid calendar
# (a cron export stays valid): BEGIN:VCALENDAR, the input's header lines,
# END:VCALENDAR; for CSV just the header row.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
ev-filter -e nichts filter-crlf.ics >"$tmp/out.ics"
echo "ics: status $?"
tr -d '\r' <"$tmp/out.ics"
/usr/bin/python3 "$TOP/tests/strict_ics.py" "$tmp/out.ics" && echo "strict: ok"
ev-filter -e nichts filter-zones.ics >"$tmp/out.ics"
echo "ics with VTIMEZONEs: status $?"
grep -c VTIMEZONE "$tmp/out.ics"
/usr/bin/python3 "$TOP/tests/strict_ics.py" "$tmp/out.ics" && echo "strict: ok"
sed 's/$/\r/' filter-bare.ics | ev-filter -e nichts >"$tmp/out.ics"
echo "bare VEVENTs: status $?"
/usr/bin/python3 "$TOP/tests/strict_ics.py" "$tmp/out.ics" && echo "strict: ok"
ev-filter -e nichts filter-events.csv
echo "csv: status $?"
