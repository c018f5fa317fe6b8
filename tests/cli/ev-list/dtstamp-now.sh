# A CSV record becomes a VEVENT with a UID made from its content (the same
# in every run) and a DTSTAMP from --now (else EV_NOW).
ev-list --all -o ics -n 1 termine.csv | grep -E '^(UID|DTSTAMP)'
ev-list --all -o ics -n 1 --now 2017-03-01T12:00:00Z termine.csv | grep -E '^(UID|DTSTAMP)'
EV_NOW=2018-06-30T23:30:00+02:00 ev-list --all -o ics -n 1 termine.csv | grep -E '^(UID|DTSTAMP)'
