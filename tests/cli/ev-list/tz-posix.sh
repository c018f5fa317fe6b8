# The display zone may be a POSIX TZ string, in --tz or $TZ, as the C
# library takes it: the same times as the zone it describes, a fixed
# offset, a rule of the southern hemisphere; a bad one is an error.
for tz in Europe/Berlin CET-1CEST,M3.5.0,M10.5.0/3 '<-03>3' \
    AEST-10AEDT,M10.1.0,M4.1.0/3; do
	echo "== $tz"
	ev-list --all --tz "$tz" -f '{start} {summary}' dst-utc.ics
done
TZ=:CET-1CEST,M3.5.0,M10.5.0/3 ev-list --all -f '{start}' dst-utc.ics | head -n 2
ev-list --all --tz 'CET-1CEST,M13.5.0,M10.5.0' dst-utc.ics
echo "status $?"
