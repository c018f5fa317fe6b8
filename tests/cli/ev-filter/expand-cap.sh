# --expand writes every occurrence of a series in the window: four years
# of a daily event are not cut.  A rule no real series has (every second)
# stops at the limit of 20000, and that is reported as capped.
printf 'BEGIN:VEVENT\nUID:daily@test\nDTSTART:20160101T100000Z\nRRULE:FREQ=DAILY\nSUMMARY:Täglich\nEND:VEVENT\n' |
    ev-filter --expand -c --from 2016-01-01 --to 2019-12-31
echo "status $?"
ev-filter --expand -c --on 2019-01-01 real-cap-secondly.ics
echo "status $?"
