# --output is opened after every option has been checked: a usage error
# leaves neither the target nor a hidden .NAME.XXXXXX beside it (issue
# #8: these three left one).
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
ev-filter --output "$tmp/a.ics" --from 2016-13-45 basic.ics
echo "bad --from: status $?"
ev-filter --output "$tmp/c.ics" -c --list-categories basic.ics
echo "-c --list-categories: status $?"
ev-list --output "$tmp/d.ics" --from 2016-12-31 --to 2016-01-01 basic.ics
echo "window ends before it starts: status $?"
ev-list --output "$tmp/e.ics" -f '{nosuch' basic.ics
echo "bad template: status $?"
ev-list --output "$tmp/f.ics" --month 2016-13 basic.ics
echo "bad --month: status $?"
ev-cal --output "$tmp/g.txt" --month 2016-13 basic.ics
echo "ev-cal bad --month: status $?"
ev-cal --output "$tmp/h.txt" --year 10000 basic.ics
echo "ev-cal bad --year: status $?"
ev-filter --output "$tmp/i.ics" --field nosuch basic.ics
echo "bad --field: status $?"
ev-filter --output "$tmp/j.ics" --tz Nowhere/City basic.ics
echo "bad --tz: status $?"
echo "left behind:"
ls -A "$tmp"
