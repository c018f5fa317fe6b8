# The EXAMPLES of ev-list(1) run, on the bundled month (the cron line with local paths, the network feed from a file)
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
mkdir "$d/feeds" && cp "$TOP/examples/veranstaltungen.ics" "$d/feeds/" &&
    cp "$TOP/examples/veranstaltungen.ics" "$d/feed.ics" &&
    cp "$TOP/examples/termine.csv" "$d/" && cd "$d" || exit 1
export EV_NOW=2026-12-03T09:00:00+01:00
ev-list --lang de --month feeds/*.ics | head -n 3
ev-list --lang de --month 2016-12 feeds/*.ics; echo "2016: $?"
ev-list --strict --from today --to +30d -o ics \
    --calname 'Veranstaltungen' --refresh PT1H \
    --output next30.ics feeds/*.ics; echo "cron $? $(grep -c BEGIN:VEVENT next30.ics)"
ev-list --all -o csv --delimiter ';' feed.ics > feed.csv; echo "csv $?"
ev-list --all -o ics --output feed.ics feed.csv; echo "ics $? $(grep -c BEGIN:VEVENT feed.ics)"
ev-list --today -f '{start:%H:%M}\t{summary}\t{X-PRICE}' feed.ics; echo "today $?"
ev-list --week --lang de \
    -f '{start:%a, %d.%m. %R} {summary} ({location})' feed.ics | head -n 3
cat feeds/veranstaltungen.ics |
    ev-list --from 2026-12-01 --to 2026-12-31 feed.ics termine.csv - | wc -l | tr -d ' '
ev-list --now 2026-12-24T09:00 --today -o json feed.ics | jq -r .summary
