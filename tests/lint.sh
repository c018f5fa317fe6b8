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

# The floors of lib/ (lib/README): a module calls the functions of its
# own floor and of the floors below it, never of one above, so readers
# and predicates do not import writers and nothing below the tools calls
# cli.c.  A module of lib/ that is not in this table is an error: give
# it a floor here and in lib/README.
floors='
1 util diag atomic civil fold names match utf8 escape ascii datetext
2 winzones zone ctx when
3 event field admission
4 lex ics csv read recur set occ filter cal
5 write icsout csvout jsonout tmplout textout pass
6 cli
'
set -- lib/*.c
arrows=$(awk -v floors="$floors" -v nfiles=$# '
	BEGIN {
		n = split(floors, l, "\n")
		for (i = 1; i <= n; i++) {
			k = split(l[i], w, " ")
			for (j = 2; j <= k; j++) floor[w[j]] = w[1]
		}
	}
	# the files come twice: first to learn which module defines each
	# ev_ function, then to look at the calls
	FNR == 1 {
		files++
		m = FILENAME; sub(/.*\//, "", m); sub(/\.c$/, "", m)
		if (files <= nfiles && !(m in floor))
			print FILENAME ": no floor in tests/lint.sh"
	}
	files <= nfiles && /^ev_[a-z0-9_]*\(/ {
		f = $0; sub(/\(.*/, "", f); def[f] = m
		next
	}
	files > nfiles {
		line = $0
		while (match(line, /ev_[a-z0-9_]*\(/)) {
			f = substr(line, RSTART, RLENGTH - 1)
			line = substr(line, RSTART + RLENGTH)
			if ((f in def) && (def[f] in floor) && (m in floor) &&
			    floor[def[f]] > floor[m] && !seen[m, f]++)
				print FILENAME " (floor " floor[m] ") calls " f \
				    " of lib/" def[f] ".c (floor " floor[def[f]] ")"
		}
	}
	' "$@" "$@")
if [ -n "$arrows" ]; then echo "$arrows"; st=1; fi
# Tools see evkit.h only; third-party headers stay in lib/.
if grep -l 'evkit_priv\.h\|<libical\|<pcre2\|<csv\.h>\|<utf8proc' bin/*.c 2>/dev/null; then
	echo "bin/: private or third-party headers (above)"; st=1
fi
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
