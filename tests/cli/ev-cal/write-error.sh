# A full disk is an error (status 2), reported once.
ev-cal --lang en cal.ics >/dev/full; echo "status $?"
