# The digest pipelines of news-fmt(1)'s EXAMPLES, as printed there, on
# the bundled December (now: Thursday 3 December).
EV_NOW=2026-12-03T09:00:00
export EV_NOW
cd "$TOP/examples" || exit 1
ev-filter --weekend --free veranstaltungen.ics |
    news-fmt --digest --lang de -o md
echo "status $?"
news-fmt --digest --lang de --group category --time-style din \
    --from 2026-12-01 --to 2026-12-31 veranstaltungen.ics termine.csv
echo "status $?"
