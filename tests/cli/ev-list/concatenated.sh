# cat a.ics b.ics | ev-list: several VCALENDARs on one stream, and bare
# VEVENT chunks as split(1) or GNU parallel cut them.
cat basic.ics recur.ics | ev-list --all -f '{uid}'
echo "--"
sed -n '/^BEGIN:VEVENT/,/^END:VEVENT/p' basic.ics | ev-list --all -f '{summary}'
