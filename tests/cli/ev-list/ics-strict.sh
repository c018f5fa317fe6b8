# -o ics output passes the strict independent checker, and is shown.
t=$(mktemp) || exit 1
ev-list --all -o ics --calname "Neustadt" --refresh PT12H basic.ics recur.ics termine.csv >"$t"
echo "status $?"
/usr/bin/python3 "$TOP/tests/strict_ics.py" "$t" && echo "strict: ok"
cat "$t"
rm -f "$t"
