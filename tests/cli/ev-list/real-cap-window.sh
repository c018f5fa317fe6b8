# The window bounds the work, so it bounds no valid series: a daily event
# over three years, in a window of those three years, gives every one of
# its 1096 occurrences (2020 is a leap year), without a warning.
ev-list -f '{start}' --from 2019-01-01 --to 2021-12-31 real-cap-daily.ics |
	sed -n '1p;$p'
ev-list -o csv --from 2019-01-01 --to 2021-12-31 real-cap-daily.ics |
	awk 'END { print NR - 1 " occurrences" }'
ev-list --from 2019-01-01 --to 2021-12-31 real-cap-daily.ics >/dev/null
echo "status $?"
