# A feed really named like a year is given as ./2016: a bare 2016 is the
# year, as cal(1) takes it.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
cp cal.ics "$d/2016"
cd "$d" || exit 1
echo "2016 alone: the year"
ev-cal --lang de 2016 | head -n 3
echo "./2016: the file, this month"
ev-cal --lang de ./2016 | tail -n 3
echo "12 2016 2016: a month, then the file"
ev-cal --lang de 12 2016 2016 | tail -n 3
