#!/bin/sh
# Make a complete HTML document of an HTML fragment on stdin, for the
# tools that write fragments (ev-cal -o html):
#
#   TOOL ... | sh tests/html/page.sh [LANG [TITLE [CSS]]]
#
# LANG (default de) is the page's language, TITLE (default evkit) its
# title, CSS the style sheet of the page that includes the fragment.
# No input is an error (the tool before the pipe failed).  A document that is complete already (it
# starts with a doctype) passes through as it is.
lang=${1:-de}
title=${2:-evkit}
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT INT TERM
cat >"$tmp" || exit 1
if ! [ -s "$tmp" ]; then
	echo "page.sh: no HTML on stdin" >&2
	exit 1
fi
if head -c 15 "$tmp" | grep -qi '^<!doctype html'; then
	cat "$tmp"
	exit
fi
printf '<!DOCTYPE html>\n<html lang="%s">\n<head>\n<meta charset="utf-8">\n' \
    "$lang"
printf '<title>%s</title>\n' "$title"
[ -n "$3" ] && printf '<style>\n%s\n</style>\n' "$3"
printf '</head>\n<body>\n<main>\n'
cat "$tmp"
printf '</main>\n</body>\n</html>\n'
