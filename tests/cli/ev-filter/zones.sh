# VTIMEZONEs: only those of the TZIDs the selected events use, each once,
# just before the first event that uses it; one that the input has only
# after its events (Europe/Lisbon here) is written when it is read; a
# TZID defined in two inputs keeps the first VTIMEZONE.  Each output
# passes the strict checker.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
show() {
	ev-filter "$@" >"$tmp/out.ics"
	echo "$*: status $?"
	grep -E '^(BEGIN:VTIMEZONE|TZID|UID)' "$tmp/out.ics" | tr -d '\r' | sed 's/^/    /'
	/usr/bin/python3 "$TOP/tests/strict_ics.py" "$tmp/out.ics" && echo "    strict: ok"
}
show --uid utc@test filter-zones.ics
show -e Neustadt filter-zones.ics
show --uid insel@test --uid neustadt-2@test filter-zones.ics
show --uid lissabon@test filter-zones.ics
show filter-zones.ics
# a second feed with other UIDs and its own VTIMEZONE "Neustadt Zeit"
awk '{ sub(/@test/, "@zwei"); print }
    /^TZID:Neustadt Zeit/ { printf "X-ZWEITE-DEFINITION:ja\r\n" }' \
    filter-zones.ics >"$tmp/zwei.ics"
show -e Neustadt filter-zones.ics "$tmp/zwei.ics" | sed "s|$tmp/||"
echo "second definition written: $(grep -c X-ZWEITE-DEFINITION "$tmp/out.ics")"
