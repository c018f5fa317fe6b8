# Occurrences in the second pass of the doubled hour (Europe/Berlin,
# 2016-10-30, 02:00-03:00 happens twice): a 30-minute event from the first
# 02:30 ends at the second 02:00; an RDATE given in UTC for the second
# 02:30 starts there.  In ICS such a time is written in UTC form, since a
# local time with TZID always means the first pass (RFC 5545 3.3.5).
ev-list -f '{start} {end} {uid}' --from 2016-10-30 --to 2016-10-30 doubled-hour.ics
t=$(mktemp) || exit 1
ev-list -o ics --from 2016-10-30 --to 2016-10-30 doubled-hour.ics >"$t"
grep -E '^(UID|DTSTART|DTEND|RECURRENCE-ID)' "$t"
/usr/bin/python3 "$TOP/tests/strict_ics.py" "$t" && echo "strict: ok"
rm -f "$t"
