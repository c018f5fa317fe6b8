# --color: where colour goes and where it never does.  Each run says
# whether its standard output holds an escape sequence: --check text
# with always; never; auto in a pipe (this test's stdout is a file);
# always with NO_COLOR set (always wins); never in JSON, nor in the
# articles written; --diff with always and never.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
printf 'Titel: Eine Halle (für alle\n\nDie die Halle. "Ja", sagt er.\n' >"$tmp/a.txt"
esc=$(printf '\033')
run() {
	what=$1
	shift
	news-fmt "$@" >"$tmp/out" 2>/dev/null
	rc=$?
	if grep -q "$esc" "$tmp/out"; then c=coloured; else c=plain; fi
	echo "$what: $c, status $rc"
}
run "--check --color=always" --check --color=always "$tmp/a.txt"
run "--check --color=never" --check --color=never "$tmp/a.txt"
run "--check --color=auto" --check --color=auto "$tmp/a.txt"
run "--check (no --color)" --check "$tmp/a.txt"
NO_COLOR=1 run "NO_COLOR=1 --check --color=always" --check --color=always "$tmp/a.txt"
run "--check -o json --color=always" --check -o json --color=always "$tmp/a.txt"
run "-o md --color=always" -o md --color=always "$tmp/a.txt"
run "-o text --color=always" --color=always "$tmp/a.txt"
run "--diff --color=always" --diff --color=always "$tmp/a.txt"
run "--diff --color=never" --diff --color=never "$tmp/a.txt"
run "--diff --color=auto" --diff "$tmp/a.txt"
run "--check --color=always --output FILE" --check --color=always --output "$tmp/o" "$tmp/a.txt"
grep -c "$esc" "$tmp/o"
