# Two feeds define different custom zones under one TZID ("Custom
# Berlin": Berlin's rules, and UTC+5 in filter-clash.ics).  Written byte
# for byte, the later feed's event would take the first definition, so
# that is reported (status 3), once per zone.  Another definition with
# the same offsets (rich.ics) is no clash.
ev-filter --uid custom-tzid@oracle.evkit --uid anders@test \
    oracle/custom-tzid.ics filter-clash.ics filter-clash.ics >/dev/null
echo "status $?"
ev-filter --uid custom-tzid@oracle.evkit --uid custom-1@rathaus.example \
    oracle/custom-tzid.ics rich.ics | grep -c '^BEGIN:VTIMEZONE'
ev-filter --uid custom-tzid@oracle.evkit --uid custom-1@rathaus.example \
    oracle/custom-tzid.ics rich.ics >/dev/null
echo "status $?"
# ev-list renames the later zone instead
ev-list --all -o ics oracle/custom-tzid.ics filter-clash.ics | grep '^TZID'
