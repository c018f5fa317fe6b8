# The newsroom's pipeline: the free events of the coming weekend from
# ev-filter on standard input; the window is their span, the market that
# runs for weeks is listed once, on the weekend's first day.
ev-filter --weekend --free --now 2026-12-03 "$TOP/examples/veranstaltungen.ics" |
	news-fmt --digest --lang de --now 2026-12-03 -o md
echo "status $?"
