# Streaming ICS output (--no-sort) defines a custom zone before the first
# event that uses it, so the tools can read their own output back (they
# read a feed once, front to back); IANA zones still follow the events.
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
ev-list --all --no-sort -o ics oracle/custom-tzid.ics rich.ics >"$t/out.ics" ||
	echo "ev-list failed"
grep -n '^BEGIN:V\|^TZID' "$t/out.ics"
ev-list --all -f '{uid} {start} {tz}' "$t/out.ics"
echo "status $?"
/usr/bin/python3 "$TOP/tests/strict_ics.py" "$t/out.ics" && echo "strict: ok"
# Two feeds define different zones under one TZID ("Custom Berlin"): the
# later one is written as "Custom Berlin (2)", the same definition again
# is the same zone; sorted or not, one VTIMEZONE per TZID.
for m in --no-sort --reverse; do
	ev-list --all $m -o ics oracle/custom-tzid.ics rich.ics \
	    oracle/custom-tzid.ics >"$t/merged.ics"
	grep '^TZID' "$t/merged.ics"
	/usr/bin/python3 "$TOP/tests/strict_ics.py" "$t/merged.ics" 2>&1 |
	    grep -v 'UID .* already used'
	ev-list --all --no-dedupe -f '{uid} {start}' "$t/merged.ics"
done
