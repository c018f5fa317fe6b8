# A rule no real series has (every second: 86400 a day) stops at the
# limit of 20000 occurrences in the window; that is reported as capped,
# not as a bad record, with status 3, and --strict makes it an error.
ev-list -f '{uid}' --on 2019-01-01 real-cap-secondly.ics |
	awk 'END { print NR " occurrences" }'
ev-list --on 2019-01-01 real-cap-secondly.ics >/dev/null 2>&1
echo "status $?"
ev-list --strict --on 2019-01-01 real-cap-secondly.ics >/dev/null 2>&1
echo "strict: status $?"
# An explicit --max-occurrences is the same kind of cap.
ev-list -f '{start}' --max-occurrences 2 --from 2019-01-01 --to 2021-12-31 \
	real-cap-daily.ics
echo "status $?"
