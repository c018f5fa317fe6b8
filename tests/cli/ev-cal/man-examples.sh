# The EXAMPLES of ev-cal(1) run (the cron line with local paths)
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
cp "$TOP/examples/veranstaltungen.ics" "$TOP/examples/termine.csv" "$d"/ &&
    cd "$d" && mkdir feeds && cp veranstaltungen.ics feeds/ || exit 1
ev-list feeds/*.ics --from today --to +30d -o ics |
    ev-filter --weekend --free | ev-cal >/dev/null; echo "pipeline $?"
ev-cal --lang de dezember 2026 veranstaltungen.ics termine.csv >/dev/null; echo "dezember $?"
ev-cal -y -w 2027 veranstaltungen.ics >/dev/null; echo "year $?"
ev-cal -3 --counts --lang en 2026-12 veranstaltungen.ics >/dev/null; echo "three $?"
ev-cal -a --now 2026-12-03 --lang de veranstaltungen.ics | grep -c '^Donnerstag, 24. Dezember 2026$'
ev-cal -n 4 -s --no-adjacent veranstaltungen.ics >/dev/null; echo "four $?"
ev-cal -o html --link 'https://example.org/veranstaltungen?datum={date}' \
    veranstaltungen.ics > widget.html; echo "widget $?"
ev-cal -o html --standalone -a --link '#ev-{date}' \
    --output dezember.html dezember 2026 veranstaltungen.ics; echo "page $?"
grep -c 'href="#ev-2026-12-24"' dezember.html
grep -c 'id="ev-2026-12-24"' dezember.html
ev-filter --weekend --free feeds/*.ics |
    ev-cal --year -o html --lang de --output cal.html; echo "cron $?"
grep -c '<div class="ev-cal-year">' cal.html
