# The EXAMPLES of ev-filter(1) run, on the bundled month (the cron line with local paths)
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
cp "$TOP/examples/veranstaltungen.ics" "$d/all.ics" &&
    cp "$TOP/examples/termine.csv" "$d"/ && cd "$d" || exit 1
export EV_NOW=2026-12-03T09:00:00+01:00
ev-filter --strict --allow-empty --category Kinder \
    --output kinder.ics all.ics; echo "cron $? $(grep -c BEGIN:VEVENT kinder.ics)"
ev-filter --strict --allow-empty --category Nichts \
    --output nichts.ics all.ics; echo "cron, none $? $(grep -c BEGIN:VEVENT nichts.ics)"
{ ev-filter --category Nichts all.ics || [ $? -eq 1 ]; } >/dev/null; echo "idiom $?"
ev-filter --weekend --free all.ics | grep -c BEGIN:VEVENT
ev-filter --weekend --list-categories all.ics
ev-filter -e 'Flohmarkt|Trödel' -i all.ics | grep '^SUMMARY'
ev-filter --field X-PRICE='^0' all.ics >/dev/null; echo "price $?"
ev-filter --month --category Lesung --category Kinder termine.csv |
    ev-filter -v --cancelled | wc -l | tr -d ' '
ev-filter -c --on 2026-12 --missing price all.ics
ev-filter --on 2026-12 --missing price all.ics | ev-list --all | head -n 3
if ev-filter -q --on sunday --free all.ics; then echo "a free Sunday"; fi
