# --expand writes the matching occurrences, each with its RECURRENCE-ID,
# through the contract's writer (as ev-list -o ics writes them, not byte
# for byte): the same events as ev-list over the same window, a valid
# calendar; -c counts occurrences.  CSV input: CSV as ev-list -o csv
# writes it.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
ev-filter --expand --on 2016-12-21 filter-recur.ics >"$tmp/out.ics"
echo "status $?"
tr -d '\r' <"$tmp/out.ics"
/usr/bin/python3 "$TOP/tests/strict_ics.py" "$tmp/out.ics" && echo "strict: ok"
ev-list --all -o ics "$tmp/out.ics" >"$tmp/a.ics"
ev-list -o ics --on 2016-12-21 filter-recur.ics >"$tmp/b.ics"
cmp -s "$tmp/a.ics" "$tmp/b.ics" && echo "same events as ev-list"
ev-filter --expand -c --month filter-recur.ics
echo "occurrences in December: status $?"
ev-filter -c --month filter-recur.ics
echo "records in December: status $?"
ev-filter --expand --on 2016-12-23 filter-events.csv >"$tmp/a.csv"
echo "csv: status $?"
ev-list -o csv --on 2016-12-23 filter-events.csv >"$tmp/b.csv"
cmp -s "$tmp/a.csv" "$tmp/b.csv" && echo "csv: as ev-list -o csv writes it"
