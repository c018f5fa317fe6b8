# Rules that never produce a date (February 30th) or produce dates without
# end (every second, without COUNT) neither hang nor exhaust memory: the
# default window and the cap bound them, and each is reported (status 3).
# Occurrences are counted per series.
ev-list -f '{uid}' endless.ics | sort | uniq -c
ev-list -f '{uid}' endless.ics >/dev/null 2>&1; echo "status $?"
