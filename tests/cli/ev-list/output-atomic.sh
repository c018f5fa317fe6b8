# --output replaces the file atomically, and a failed run leaves it as it was.
d=$(mktemp -d) || exit 1
ev-list --all -o csv --output "$d/feed.csv" basic.ics; echo "status $?"
wc -l <"$d/feed.csv"
echo "old content" >"$d/keep.csv"
ev-list --strict --all -o csv --output "$d/keep.csv" bad.ics 2>/dev/null; echo "strict status $?"
cat "$d/keep.csv"
ev-list --all -o csv --output "$d/no/such/dir/x.csv" basic.ics 2>&1 | sed "s|$d|DIR|"
ls -A "$d"
rm -rf "$d"
