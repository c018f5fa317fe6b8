# --output FILE replaces FILE atomically: written in full on success (also
# when nothing is selected), left untouched when the run fails, and no
# temporary file is left beside it.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
echo old >"$tmp/out.ics"
ev-filter --on 2016-12-24 --output "$tmp/out.ics" filter-time.ics
echo "selected: status $?"
grep '^UID' "$tmp/out.ics"
echo old >"$tmp/out.ics"
ev-filter --on 2016-12-24 --output "$tmp/out.ics" filter-time.ics nosuch.ics
echo "unreadable input: status $?"
cat "$tmp/out.ics"
ev-filter --output "$tmp/out.ics" --strict filter-bad.ics
echo "--strict, bad record: status $?"
cat "$tmp/out.ics"
ev-filter --output "$tmp/out.ics" filter-time.ics filter-events.csv
echo "CSV after ICS: status $?"
cat "$tmp/out.ics"
ev-filter --output "$tmp/out.ics" -e nichts filter-time.ics
echo "nothing selected: status $?"
cat "$tmp/out.ics"
ev-filter --output - --uid jan@test filter-time.ics | grep '^UID'
echo "--output -: status $?"
ls "$tmp"
ev-filter --output "$tmp/nodir/out.ics" filter-time.ics 2>&1 | sed "s|$tmp/||"
