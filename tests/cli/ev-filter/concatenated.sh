# Several calendars on one stream (cat a.ics b.ics) merge into one
# VCALENDAR with the first calendar's header, as several files do.
cat filter-time.ics filter-text.ics | ev-filter --on 2016-12-24
echo "status $?"
