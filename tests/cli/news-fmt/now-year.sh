# date-weekday on a date without a year: the year nearest the article's
# Date, else nearest --now (or EV_NOW) in the --tz zone, never the
# clock's.  2016-12-25 is a Sunday, 2017-12-25 a Monday; 2016-07-02 a
# Saturday, 2017-07-02 a Sunday.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
printf 'Titel: Advent\nVorspann: Am Samstag, 25. Dezember, ist Markt.\n' >"$tmp/a.txt"
printf 'Titel: Advent\nDatum: 2017-12-01\nVorspann: Am Samstag, 25. Dezember, ist Markt.\n' >"$tmp/dated.txt"
printf 'Titel: Sommer\nVorspann: Am Samstag, 2. Juli, ist Fest.\n' >"$tmp/juli.txt"
cd "$tmp" || exit 1
echo "EV_NOW 2016-12-21:"
news-fmt --check a.txt
echo "--now 2017-12-01:"
news-fmt --check --now 2017-12-01 a.txt
echo "--now 2016-12-21, Date 2017-12-01 wins:"
news-fmt --check --now 2016-12-21 dated.txt
echo "no --now, no EV_NOW: not checked"
EV_NOW= news-fmt --check a.txt
unset EV_NOW
news-fmt --check a.txt
echo "status $?"
echo "--now 2016-12-31T23:30:00Z --tz UTC (2016-12-31):"
news-fmt --check --now 2016-12-31T23:30:00Z --tz UTC juli.txt
echo "status $?"
echo "--now 2016-12-31T23:30:00Z --tz Europe/Berlin (2017-01-01):"
news-fmt --check --now 2016-12-31T23:30:00Z --tz Europe/Berlin juli.txt
echo "status $?"
