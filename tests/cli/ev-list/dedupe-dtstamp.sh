# The same UID and SEQUENCE in two feeds: the later DTSTAMP wins, in
# either order.
ev-list --all -f '{summary}' stamp-old.ics stamp-new.ics
ev-list --all -f '{summary}' stamp-new.ics stamp-old.ics
