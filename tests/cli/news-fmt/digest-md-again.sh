# The digest as Markdown is an article like any other: news-fmt -o md of
# it gives it back byte for byte.
tmp=$(mktemp) || exit 1
news-fmt --digest -o md --lang de --now 2026-12-03 --from 2026-12-05 \
    --to 2026-12-13 "$TOP/examples/veranstaltungen.ics" >"$tmp"
news-fmt -o md "$tmp" | cmp - "$tmp" && echo same
rm -f "$tmp"
