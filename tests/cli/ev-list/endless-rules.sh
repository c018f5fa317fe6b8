# Rules that never produce a date (February 30th) or produce dates without
# end (every second, without COUNT, here from ten minutes before the
# default window ends) neither hang nor exhaust memory: the window bounds
# them, a rule without dates is reported (status 3).  Occurrences are
# counted per series; real-cap-absurd shows the cap of a series.
ev-list -f '{uid}' endless.ics | sort | uniq -c
ev-list -f '{uid}' endless.ics >/dev/null 2>&1; echo "status $?"
# BYSETPOS beyond the largest set a period can have (one "second-last
# Friday" a month has no third) is found at once, not after libical's
# long search (found by fuzzing: a second per rule); -1 of a larger set
# stays possible.
printf 'BEGIN:VEVENT\nUID:setpos@test\nDTSTART:20151231T230000Z\nRRULE:FREQ=MONTHLY;BYDAY=-2FR;BYSETPOS=3\nEND:VEVENT\nBEGIN:VEVENT\nUID:setpos-ok@test\nDTSTART:20160101T100000Z\nRRULE:FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1,10\nEND:VEVENT\nBEGIN:VEVENT\nUID:setpos-year@test\nDTSTART:20160101T100000Z\nRRULE:FREQ=YEARLY;BYMONTH=3,9;BYDAY=1SU;BYSETPOS=3\nEND:VEVENT\n' |
	ev-list --from 2016-01-01 --to 2016-03-31 -f '{uid} {start}'
echo "status $?"
# A rule of every 30 seconds from 2000 with a COUNT: the dates before a
# 2016 window must be counted from DTSTART, more of them than a series is
# followed for; it stops there, and the warning says why (not "no date").
printf 'BEGIN:VEVENT\nUID:count@test\nDTSTART:20000101T000000Z\nRRULE:FREQ=MINUTELY;COUNT=50000000;BYSECOND=0,30\nEND:VEVENT\n' |
	ev-list --on 2016-12-24 -f '{uid}'
echo "status $?"
