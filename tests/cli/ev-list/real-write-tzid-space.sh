# A TZID with white space around it ("TZID= 1", "TZID: 1", as a Nextcloud
# export sends) resolves whether or not the event and the VTIMEZONE agree
# on the space, and -o ics writes one name in both places: every TZID
# parameter has a VTIMEZONE, and the output passes the strict checker.
t=$(mktemp -d) || exit 1
cal() { # VTIMEZONE-TZID DTSTART-TZID UID
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n'
	printf 'BEGIN:VTIMEZONE\r\nTZID:%s\r\n' "$1"
	printf 'BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\n'
	printf 'TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n'
	printf 'BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\n'
	printf 'TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\n'
	printf 'END:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:%s@example.org\r\n' "$3"
	printf 'DTSTAMP:20240101T000000Z\r\n'
	printf 'DTSTART;TZID=%s:20240108T110000\r\n' "$2"
	printf 'DTEND;TZID=%s:20240108T120000\r\nSUMMARY:%s\r\n' "$2" "$3"
	printf 'END:VEVENT\r\nEND:VCALENDAR\r\n'
}
cal ' 1' ' 1' both >"$t/both.ics"
cal ' Stadt' 'Stadt' vtz >"$t/vtz.ics"
cal 'Land' ' Land ' param >"$t/param.ics"
cal ' Kreis\, Amt' '" Kreis, Amt"' comma >"$t/comma.ics"
for f in both vtz param comma; do
	ev-list --all -o ics "$t/$f.ics" >"$t/$f.out"
	echo "$f: status $?"
	# every TZID parameter names a VTIMEZONE's TZID (TEXT, unescaped)
	tr -d '\r' <"$t/$f.out" | awk '
	/^TZID:/ { v = substr($0, 6); gsub(/\\/, "", v); def[v] = 1 }
	/;TZID=/ { v = $0; sub(/.*;TZID=/, "", v); sub(/:[0-9].*/, "", v)
		gsub(/"/, "", v); use[v] = 1 }
	END { for (v in use) print (v in def ? "defined" : "DANGLING") ": [" v "]" }'
	/usr/bin/python3 "$TOP/tests/strict_ics.py" "$t/$f.out" && echo "$f: strict ok"
	ev-list --all -f '{start} {summary}' "$t/$f.out"
done
cat "$t/both.out"
rm -rf "$t"
