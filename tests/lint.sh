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

# The arrow between the two libraries (STYLE, "Two families of tools"):
# lib/news/ stands on lib/, never the other way round.  No file of lib/
# itself includes a news header or calls a news_ function; of lib/'s
# headers, lib/news/ includes the public evkit.h only (not evkit_priv.h).
out=$(grep -nE '#[[:space:]]*include[[:space:]]*"(news/|news[a-z_]*\.h)|(^|[^A-Za-z0-9_])news_[a-z0-9_]*[[:space:]]*\(' \
    lib/*.c lib/*.h)
if [ -n "$out" ]; then
	echo "$out" | sed 's|$|  (lib/ must not use lib/news/)|'
	st=1
fi
out=$(grep -nE '#[[:space:]]*include' lib/news/*.[ch] | grep -E '"|evkit_priv' |
    grep -vE '"(evkit|news[a-z_]*)\.h"')
if [ -n "$out" ]; then
	echo "$out" | sed 's|$|  (lib/news/ uses the public evkit.h only)|'
	st=1
fi
exit $st
