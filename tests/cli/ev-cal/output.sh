# --output replaces the file atomically, and a failed run leaves it as it was.
d=$(mktemp -d) || exit 1
ev-cal --lang de --output "$d/cal.txt" cal.ics; echo "status $?"
cat "$d/cal.txt"
ev-cal --color auto -o html --output "$d/cal.html" cal.ics; echo "status $?"
grep -o 'has-events"' "$d/cal.html" | wc -l | tr -d ' '
echo "old content" >"$d/keep.txt"
ev-cal --strict --output "$d/keep.txt" bad.ics 2>/dev/null; echo "strict status $?"
cat "$d/keep.txt"
ev-cal --output "$d/bad.txt" bad.ics 2>/dev/null; echo "bad status $?"
grep -c . "$d/bad.txt"
ev-cal --output "$d/no/such/dir/x.txt" cal.ics 2>&1 | sed "s|$d|DIR|"
ls -A "$d"
rm -rf "$d"
