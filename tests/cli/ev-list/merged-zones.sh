# Two feeds, one with an inline VTIMEZONE named Europe/Berlin, one using
# the IANA zone: the merged calendar has one VTIMEZONE for that TZID.
t=$(mktemp) || exit 1
ev-list --all -o ics inline-berlin.ics basic.ics >"$t"; echo "status $?"
grep -c '^BEGIN:VTIMEZONE' "$t"
grep '^TZID' "$t"
/usr/bin/python3 "$TOP/tests/strict_ics.py" "$t" && echo "strict: ok"
rm -f "$t"
