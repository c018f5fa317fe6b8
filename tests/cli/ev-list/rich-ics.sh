# Unknown properties, parameters and components survive; a Windows zone
# name becomes its IANA name; an inline custom zone is written back; TEXT
# is escaped strictly; LF input with a BOM and a fold inside "ü".
t=$(mktemp) || exit 1
ev-list --all -o ics rich.ics >"$t"; echo "status $?"
/usr/bin/python3 "$TOP/tests/strict_ics.py" "$t" && echo "strict: ok"
cat "$t"
rm -f "$t"
