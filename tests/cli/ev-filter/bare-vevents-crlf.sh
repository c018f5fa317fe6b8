# Bare VEVENTs (a chunk as split(1) or GNU parallel cut it) with CRLF line
# ends: the added lines (BEGIN:VCALENDAR, VERSION, PRODID, END:VCALENDAR)
# end in CRLF too, and the output passes the strict checker; see
# bare-vevents for LF.
t=$(mktemp) || exit 1
sed 's/$/\r/' filter-bare.ics | ev-filter --on 2016-12-23 >"$t"
echo "status $?"
cat -A "$t"
/usr/bin/python3 "$TOP/tests/strict_ics.py" "$t" && echo "strict: ok"
rm -f "$t"
