# --output: a replaced file keeps its mode, group and (as root) owner; a new one gets 0666 less the umask; a directory or an empty name is named as the problem
d=$(mktemp -d) || exit 1
umask 027
ev-list --all -o ics --output "$d/new.ics" basic.ics; echo "new: $? $(stat -c %a "$d/new.ics")"
umask 022
ev-list --all -o ics --output "$d/new2.ics" basic.ics; echo "new: $? $(stat -c %a "$d/new2.ics")"
echo old >"$d/feed.ics"
chmod 0604 "$d/feed.ics"
# another group (and owner) than the caller's, where the caller may give it
if [ "$(id -u)" -eq 0 ]; then
	chown nobody:daemon "$d/feed.ics"
else
	g=$(id -G | tr ' ' '\n' | grep -vx "$(id -g)" | head -n 1)
	[ -n "$g" ] && chgrp "$g" "$d/feed.ics"
fi
before=$(stat -c '%a %u %g' "$d/feed.ics")
ev-list --all -o ics --output "$d/feed.ics" basic.ics; echo "replaced: $?"
after=$(stat -c '%a %u %g' "$d/feed.ics")
[ "$before" = "$after" ] && echo "mode, owner and group kept: $(stat -c %a "$d/feed.ics")" ||
    echo "was $before, is $after"
grep -c BEGIN:VEVENT "$d/feed.ics"
{ ev-list --all -o ics --output "$d" basic.ics; echo "dir: $?"; } 2>&1 | sed "s|$d|DIR|"
ev-list --all -o ics --output '' basic.ics; echo "empty: $?"
ls -A "$d"
rm -rf "$d"
