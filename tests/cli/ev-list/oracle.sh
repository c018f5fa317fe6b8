# ev-list's recurrence expansion against an independent implementation:
# for each feed in oracle/, the occurrences ev-list lists and those that
# tests/oracle.py (python's recurring_ical_events) lists, in the same
# window and display zone, must be the same.  Where the oracle is known
# to be wrong, ev-list is held to oracle/NAME.expected instead, dates
# worked out by hand from RFC 5545 (see oracle/README for why), and the
# oracle is still run, so that the outcome is pinned on both sides.
#
#   NAME: same                            ev-list = oracle
#   NAME: differs                         ev-list != oracle (diff follows,
#                                         < oracle, > ev-list)
#   NAME: same as RFC (oracle differs)    ev-list = expected != oracle
#   NAME: differs from RFC (...)          ev-list != expected (diff follows,
#                                         < expected, > ev-list)

oracle() {
	/usr/bin/python3 "$TOP/tests/oracle.py" "$@" 2>&1
}

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# check LABEL ORACLE-OPTIONS EV-LIST-OPTIONS NAME FROM TO ZONE
check() {
	label=$1 oopt=$2 eopt=$3 name=$4 from=$5 to=$6 zone=$7
	ev-list -f '{start} {end} {uid}' --tz "$zone" --from "$from" \
	    --to "$to" $eopt "oracle/$name.ics" >"$tmp/ev"
	oracle $oopt "oracle/$name.ics" "$from" "$to" "$zone" >"$tmp/or"
	if [ -f "oracle/$name.expected" ]; then
		if cmp -s "oracle/$name.expected" "$tmp/or"; then
			o="oracle agrees"
		else
			o="oracle differs"
		fi
		if cmp -s "oracle/$name.expected" "$tmp/ev"; then
			echo "$label: same as RFC ($o)"
		else
			echo "$label: differs from RFC ($o)"
			diff "oracle/$name.expected" "$tmp/ev"
		fi
	elif cmp -s "$tmp/or" "$tmp/ev"; then
		echo "$label: same"
	else
		echo "$label: differs"
		diff "$tmp/or" "$tmp/ev"
	fi
}

while read -r name from to zone; do
	check "$name" "" --cancelled "$name" "$from" "$to" "$zone"
done <<'END'
allday 2016-12-01 2016-12-31 Europe/Berlin
allday-multi 2016-03-27 2016-04-30 Europe/Berlin
bysetpos 2016-01-01 2016-12-31 Europe/Berlin
cancelled 2016-12-01 2016-12-31 Europe/Berlin
custom-tzid 2016-03-01 2016-04-30 Europe/Berlin
dst-berlin-fold 2016-10-01 2016-11-30 Europe/Berlin
dst-berlin-gap 2016-03-01 2016-04-30 Europe/Berlin
dst-newyork-fold 2016-11-01 2016-11-30 America/New_York
dst-newyork-gap 2016-03-01 2016-03-31 America/New_York
duration-p1d 2016-03-01 2016-11-30 Europe/Berlin
duration-pt24h 2016-03-01 2016-11-30 Europe/Berlin
floating 2016-03-01 2016-04-30 America/New_York
leapday 2016-01-01 2025-12-31 Europe/Berlin
rdate 2016-12-01 2016-12-31 Europe/Berlin
rdate-period 1996-04-01 1996-04-30 Europe/Berlin
recurrence-id-utc 2016-10-01 2016-11-30 Europe/Berlin
rfc-vtimezone 1997-01-01 2007-12-31 America/New_York
thisandfuture 2016-12-01 2017-01-31 Europe/Berlin
utc 2016-03-01 2016-04-30 Europe/Berlin
windows-tzid 2016-10-01 2016-11-30 Europe/Berlin
rfc-01-daily-count 1997-01-01 1998-12-31 America/New_York
rfc-02-daily-until 1997-01-01 1998-12-31 America/New_York
rfc-03-every-other-day 1997-01-01 1997-12-03 America/New_York
rfc-04-every-10-days 1997-01-01 1998-12-31 America/New_York
rfc-05a-january-yearly 1997-01-01 2001-12-31 America/New_York
rfc-05b-january-daily 1997-01-01 2001-12-31 America/New_York
rfc-06-weekly-count 1997-01-01 1998-12-31 America/New_York
rfc-07-weekly-until 1997-01-01 1998-12-31 America/New_York
rfc-08-every-other-week 1997-01-01 1998-02-17 America/New_York
rfc-09a-tu-th-until 1997-01-01 1998-12-31 America/New_York
rfc-09b-tu-th-count 1997-01-01 1998-12-31 America/New_York
rfc-10-mo-we-fr 1997-01-01 1998-12-31 America/New_York
rfc-11-tu-th-8 1997-01-01 1998-12-31 America/New_York
rfc-12-first-friday-count 1997-01-01 1998-12-31 America/New_York
rfc-13-first-friday-until 1997-01-01 1998-12-31 America/New_York
rfc-14-first-last-sunday 1997-01-01 1998-12-31 America/New_York
rfc-15-second-to-last-monday 1997-01-01 1998-12-31 America/New_York
rfc-16-third-to-last-day 1997-01-01 1998-02-28 America/New_York
rfc-17-2nd-and-15th 1997-01-01 1998-12-31 America/New_York
rfc-18-first-and-last-day 1997-01-01 1998-12-31 America/New_York
rfc-19-every-18-months 1997-01-01 1999-12-31 America/New_York
rfc-20-tuesday-every-other-month 1997-01-01 1998-03-31 America/New_York
rfc-21-june-july 1997-01-01 2002-12-31 America/New_York
rfc-22-jan-feb-mar 1997-01-01 2004-12-31 America/New_York
rfc-23-yeardays 1997-01-01 2007-12-31 America/New_York
rfc-24-20th-monday 1997-01-01 1999-12-31 America/New_York
rfc-25-weekno-20 1997-01-01 1999-12-31 America/New_York
rfc-26-thursdays-in-march 1997-01-01 1999-12-31 America/New_York
rfc-27-summer-thursdays 1997-01-01 1999-12-31 America/New_York
rfc-28-friday-13th 1997-01-01 2000-12-31 America/New_York
rfc-29-saturday-after-sunday 1997-01-01 1998-06-30 America/New_York
rfc-30-election-day 1996-01-01 2004-12-31 America/New_York
rfc-31-bysetpos-3 1997-01-01 1998-12-31 America/New_York
rfc-32-second-to-last-weekday 1997-01-01 1998-03-31 America/New_York
rfc-33a-every-3-hours 1997-09-01 1997-09-30 America/New_York
rfc-33b-every-3-hours-to-5pm 1997-09-01 1997-09-30 America/New_York
rfc-34-every-15-minutes 1997-09-01 1997-09-30 America/New_York
rfc-35-every-90-minutes 1997-09-01 1997-09-30 America/New_York
rfc-36a-every-20-minutes-daily 1997-09-02 1997-09-03 America/New_York
rfc-36b-every-20-minutes-minutely 1997-09-02 1997-09-03 America/New_York
rfc-37-wkst-mo 1997-01-01 1998-12-31 America/New_York
rfc-38-wkst-su 1997-01-01 1998-12-31 America/New_York
rfc-39-february-30 2007-01-01 2008-12-31 America/New_York
END
# Without --cancelled, the cancelled instance is left out.
check "cancelled (default agenda)" --no-cancelled "" cancelled \
    2016-12-01 2016-12-31 Europe/Berlin
