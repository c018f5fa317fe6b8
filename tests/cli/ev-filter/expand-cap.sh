# --expand writes at most 1000 occurrences of a series, and says so.
printf 'BEGIN:VEVENT\nUID:daily@test\nDTSTART:20160101T100000Z\nRRULE:FREQ=DAILY\nSUMMARY:Täglich\nEND:VEVENT\n' |
    ev-filter --expand -c --from 2016-01-01 --to 2019-12-31
echo "status $?"
