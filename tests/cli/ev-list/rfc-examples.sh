# The examples of RFC 5545 section 3.8.5.3, each in oracle/rfc-*.ics with
# DTSTART in America/New_York as the RFC gives it: ev-list's occurrences,
# shown in New York time.  rfc-examples.out holds the dates that the RFC
# text lists, converted by hand to ev-list's format (EDT is -04:00, EST
# -05:00); an infinite rule is listed in a window that ends with the last
# date the RFC lists.  rfc-vtimezone.ics has two of the examples again with
# the RFC's own VTIMEZONE for New York (1967-2007 rules) instead of the
# IANA zone.  See oracle/README for rfc-33a, where the RFC's list and its
# rule disagree.

while read -r name from to; do
	echo "== $name"
	ev-list -f '{start}' --tz America/New_York --from "$from" --to "$to" \
	    "oracle/$name.ics"
done <<'END'
rfc-01-daily-count 1997-01-01 1998-12-31
rfc-02-daily-until 1997-01-01 1998-12-31
rfc-03-every-other-day 1997-01-01 1997-12-03
rfc-04-every-10-days 1997-01-01 1998-12-31
rfc-05a-january-yearly 1997-01-01 2001-12-31
rfc-05b-january-daily 1997-01-01 2001-12-31
rfc-06-weekly-count 1997-01-01 1998-12-31
rfc-07-weekly-until 1997-01-01 1998-12-31
rfc-08-every-other-week 1997-01-01 1998-02-17
rfc-09a-tu-th-until 1997-01-01 1998-12-31
rfc-09b-tu-th-count 1997-01-01 1998-12-31
rfc-10-mo-we-fr 1997-01-01 1998-12-31
rfc-11-tu-th-8 1997-01-01 1998-12-31
rfc-12-first-friday-count 1997-01-01 1998-12-31
rfc-13-first-friday-until 1997-01-01 1998-12-31
rfc-14-first-last-sunday 1997-01-01 1998-12-31
rfc-15-second-to-last-monday 1997-01-01 1998-12-31
rfc-16-third-to-last-day 1997-01-01 1998-02-28
rfc-17-2nd-and-15th 1997-01-01 1998-12-31
rfc-18-first-and-last-day 1997-01-01 1998-12-31
rfc-19-every-18-months 1997-01-01 1999-12-31
rfc-20-tuesday-every-other-month 1997-01-01 1998-03-31
rfc-21-june-july 1997-01-01 2002-12-31
rfc-22-jan-feb-mar 1997-01-01 2004-12-31
rfc-23-yeardays 1997-01-01 2007-12-31
rfc-24-20th-monday 1997-01-01 1999-12-31
rfc-25-weekno-20 1997-01-01 1999-12-31
rfc-26-thursdays-in-march 1997-01-01 1999-12-31
rfc-27-summer-thursdays 1997-01-01 1999-12-31
rfc-28-friday-13th 1997-01-01 2000-12-31
rfc-29-saturday-after-sunday 1997-01-01 1998-06-30
rfc-30-election-day 1996-01-01 2004-12-31
rfc-31-bysetpos-3 1997-01-01 1998-12-31
rfc-32-second-to-last-weekday 1997-01-01 1998-03-31
rfc-33a-every-3-hours 1997-09-01 1997-09-30
rfc-33b-every-3-hours-to-5pm 1997-09-01 1997-09-30
rfc-34-every-15-minutes 1997-09-01 1997-09-30
rfc-35-every-90-minutes 1997-09-01 1997-09-30
rfc-36a-every-20-minutes-daily 1997-09-02 1997-09-03
rfc-36b-every-20-minutes-minutely 1997-09-02 1997-09-03
rfc-37-wkst-mo 1997-01-01 1998-12-31
rfc-38-wkst-su 1997-01-01 1998-12-31
rfc-39-february-30 2007-01-01 2008-12-31
rfc-vtimezone 1997-01-01 2007-12-31
END
