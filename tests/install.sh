#!/bin/sh
# make install and uninstall honour DESTDIR and PREFIX: every tool, man
# page and completion lands where it belongs, and uninstall takes it all.
top=$(cd "$(dirname "$0")/.." && pwd)
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
st=0
make -s -C "$top" install DESTDIR="$d" PREFIX=/opt/evkit >/dev/null || exit 1
tools=$(sed -n 's/^TOOLS *= *//p' "$top/Makefile")
for t in $tools; do
	for f in bin/$t share/man/man1/$t.1 \
	    share/bash-completion/completions/$t \
	    share/zsh/site-functions/_$t \
	    share/fish/vendor_completions.d/$t.fish; do
		[ -f "$d/opt/evkit/$f" ] || { echo "missing: $f"; st=1; }
	done
	[ -x "$d/opt/evkit/bin/$t" ] || { echo "not executable: bin/$t"; st=1; }
done
[ -f "$d/opt/evkit/share/man/man7/evkit.7" ] || { echo "missing: evkit.7"; st=1; }
make -s -C "$top" uninstall DESTDIR="$d" PREFIX=/opt/evkit >/dev/null || exit 1
left=$(find "$d" -type f)
[ -z "$left" ] || { echo "left after uninstall: $left"; st=1; }
exit $st
