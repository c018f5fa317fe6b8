#!/bin/sh
# Documentation checks: man pages clean under mandoc -Tlint, and every
# long option of every tool named in its --help, man page and completions.
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
st=0
out=$(mandoc -Tlint -Wwarning man/*.[1-9] 2>&1)
if [ -n "$out" ]; then echo "$out"; st=1; fi
for src in bin/*.c; do
	t=$(basename "$src" .c)
	opts=$(sed -n 's/^	{"\([a-z-]*\)",.*/\1/p' "$src")
	[ -n "$opts" ] || { echo "$t: no option table found"; st=1; continue; }
	helptext=$(build/bin/"$t" --help 2>&1)
	for o in $opts; do
		echo "$helptext" | grep -q -- "--$o\b" || { echo "$t: --$o missing from --help"; st=1; }
		grep -q -- "Fl \(-\)\?$o\b\|Fl -$o\b" "man/$t.1" 2>/dev/null ||
		    grep -q -- "^\.It Fl -$o\b\|Fl -$o\b" "man/$t.1" ||
		    { echo "$t: --$o missing from man/$t.1"; st=1; }
		for c in "completions/$t.bash" "completions/_$t" "completions/$t.fish"; do
			case $c in
			*.fish) grep -q -- "-l $o\b" "$c" 2>/dev/null ;;
			*) grep -q -- "--$o\b" "$c" 2>/dev/null ;;
			esac || { echo "$t: --$o missing from $c"; st=1; }
		done
	done
done
exit $st
