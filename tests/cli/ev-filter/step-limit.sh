# A series whose dates before the window are more than the steps a series
# is followed for (every 30 seconds since 2000, with a COUNT): reported,
# with why, and not selected (status 3); the weekly series beside it is.
printf 'BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:count@test\nDTSTART:20000101T000000Z\nRRULE:FREQ=MINUTELY;COUNT=50000000;BYSECOND=0,30\nEND:VEVENT\nBEGIN:VEVENT\nUID:weekly@test\nDTSTART:20161203T100000Z\nRRULE:FREQ=WEEKLY\nEND:VEVENT\nEND:VCALENDAR\n' >"${TMPDIR:-/tmp}/step-limit.$$.ics"
ev-filter --on 2016-12-24 "${TMPDIR:-/tmp}/step-limit.$$.ics" >"${TMPDIR:-/tmp}/step-limit.$$.out" 2>&1
echo "status $?"
sed "s|${TMPDIR:-/tmp}/step-limit.$$.ics|FEED|" "${TMPDIR:-/tmp}/step-limit.$$.out" | grep -E '^UID|^ev-filter'
rm -f "${TMPDIR:-/tmp}/step-limit.$$.ics" "${TMPDIR:-/tmp}/step-limit.$$.out"
