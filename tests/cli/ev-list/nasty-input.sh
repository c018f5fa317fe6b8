# Inputs that are not feeds: an empty file, binary garbage, a feed cut off
# in the middle of an event, a stream of only blank lines.  Each is
# reported as FILE:LINE (stdin as <stdin>) and the good records are kept.
: >"${TMPDIR:-/tmp}/ev-empty.$$"
ev-list --all -f '{uid}' "${TMPDIR:-/tmp}/ev-empty.$$"; echo "empty: status $?"
rm -f "${TMPDIR:-/tmp}/ev-empty.$$"
printf '\000\001\002\377\376garbage\n\377\n' | ev-list --all -f '{uid}'; echo "binary: status $?"
head -c 700 basic.ics | ev-list --all -f '{uid}'; echo "truncated: status $?"
printf '\r\n\n\r\n' | ev-list --all -o csv; echo "blank: status $?"
