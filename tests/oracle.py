#!/usr/bin/python3
"""An independent expansion of recurring events, to check ev-list against.

    /usr/bin/python3 tests/oracle.py [--no-cancelled] FILE FROM TO ZONE

prints the occurrences of the events in FILE that overlap the window from
the start of day FROM to the end of day TO (YYYY-MM-DD, days in ZONE), one
line each, as "START END UID": the same as

    ev-list -f '{start} {end} {uid}' --tz ZONE --from FROM --to TO \
        --cancelled FILE

START and END are ISO 8601 in ZONE with its UTC offset, a floating time
without an offset and an all-day date as YYYY-MM-DD, as evkit(7) writes
them; END is empty for an instant (neither DTEND nor DURATION).  Lines are
sorted by start, end, uid, as ev-list sorts them.  --no-cancelled leaves
out occurrences with STATUS:CANCELLED, as ev-list does without
--cancelled.

The expansion is that of recurring_ical_events 2.0.1 (over icalendar 4.0.3,
pytz and dateutil), the Debian packages, which only /usr/bin/python3 can
import.  Only the printing is ours, so what it gets wrong is its own; see
tests/data/oracle/README for the cases where it disagrees with RFC 5545.
"""

import datetime
import sys
import zoneinfo

import icalendar
import recurring_ical_events


def usage():
    sys.stderr.write("usage: oracle.py [--no-cancelled] FILE FROM TO ZONE\n")
    sys.exit(2)


def day_start(text, zone, later=0):
    """Midnight at the start of day TEXT (YYYY-MM-DD), plus LATER days,
    in ZONE."""
    d = datetime.date.fromisoformat(text) + datetime.timedelta(days=later)
    return datetime.datetime(d.year, d.month, d.day, tzinfo=zone)


def fmt(value, zone):
    """A start or end as evkit(7) writes it."""
    if not isinstance(value, datetime.datetime):
        return value.isoformat()
    if value.tzinfo is None:
        return value.isoformat()
    return value.astimezone(zone).isoformat()


def key(value, zone):
    """An instant to sort by: floating times and dates are in ZONE."""
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime(value.year, value.month, value.day)
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.timestamp()


def uid(comp):
    """The UID, empty when there is none, as ev-list prints it."""
    return str(comp.get("UID", ""))


def main(argv):
    no_cancelled = False
    if argv and argv[0] == "--no-cancelled":
        no_cancelled = True
        argv = argv[1:]
    if len(argv) != 4:
        usage()
    path, first, last, zonename = argv
    zone = zoneinfo.ZoneInfo(zonename)
    begin = day_start(first, zone)
    end = day_start(last, zone, 1)
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    # recurring_ical_events gives an instant an end equal to its start;
    # ev-list leaves it empty.
    has_end = set()
    for comp in cal.walk("VEVENT"):
        if "DTEND" in comp or "DURATION" in comp:
            has_end.add(uid(comp))
        # icalendar drops a property it cannot parse and says so only here
        for prop, msg in comp.errors:
            sys.stderr.write("oracle.py: %s: %s: %s: %s\n" %
                             (path, comp.get("UID"), prop, msg))
    rows = []
    for ev in recurring_ical_events.of(cal).between(begin, end):
        if no_cancelled and str(ev.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start = ev["DTSTART"].dt
        stop = ev["DTEND"].dt
        instant = (isinstance(start, datetime.datetime) and
                   start == stop and uid(ev) not in has_end)
        rows.append((key(start, zone), key(stop, zone), uid(ev),
                     fmt(start, zone), "" if instant else fmt(stop, zone)))
    rows.sort()
    for row in rows:
        print("%s %s %s" % (row[3], row[4], row[2]))


if __name__ == "__main__":
    main(sys.argv[1:])
