# --color auto (the default) colours the agenda only on a terminal, and
# not when NO_COLOR is set and not empty; --color always colours anyway.
# script(1) (util-linux, on every Debian) gives ev-list a terminal.
tty() {
	if command -v script >/dev/null 2>&1; then
		SHELL=/bin/sh script -qec "$1" /dev/null </dev/null | tr -d '\r' | head -n 1 | cat -v
	else
		echo "no script(1): skipped" >&2
	fi
}
tty "ev-list --lang en --on 2016-12-24 basic.ics"
tty "NO_COLOR=1 ev-list --lang en --on 2016-12-24 basic.ics"
tty "NO_COLOR= ev-list --lang en --on 2016-12-24 basic.ics"
tty "NO_COLOR=1 ev-list --color always --lang en --on 2016-12-24 basic.ics"
tty "ev-list --color never --lang en --on 2016-12-24 basic.ics"
ev-list --lang en --on 2016-12-24 basic.ics | head -n 1 | cat -v
