# TZ as glibc reads it: a leading colon, an absolute path to a zone file, a plain copy of one (a container's /etc/localtime); an unknown file is an error
for tz in :Europe/London :/usr/share/zoneinfo/America/New_York /usr/share/zoneinfo/Asia/Tokyo /usr/share/zoneinfo/posix/Europe/Lisbon; do
	TZ=$tz ev-list --on 2016-12-22 -f "$tz: {start} {tz}" basic.ics; echo "status $?"
done
d=$(mktemp -d) || exit 1
cp /usr/share/zoneinfo/America/Sao_Paulo "$d/localtime"
TZ=$d/localtime ev-list --on 2016-12-22 -f "{start} {tz}" basic.ics | sed "s|$d|DIR|"
TZ=:$d/localtime ev-list --on 2016-12-24 -f '{start}' basic.ics
ev-list --tz "$d/localtime" --on 2016-12-22 -f "{start}" basic.ics
echo 'not a zone' >"$d/junk"
{ TZ=$d/junk ev-list --all basic.ics; echo "junk: $?"; } 2>&1 | sed "s|$d|DIR|"
rm -rf "$d"
