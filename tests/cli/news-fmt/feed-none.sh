# No article a feed can take (no Date, no Title): an error, no feed
# written, and --output keeps the file it had.
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
echo old >"$t/feed.xml"
printf 'Title: Ohne Datum\n\nText.\n%%%%%%\nDate: 2026-12-01\n\nOhne Titel.\n' |
news-fmt -o rss --feed-title Neustadt --base-url https://www.neustadt.example/ \
    --output "$t/feed.xml"
echo "status $?"
cat "$t/feed.xml"
