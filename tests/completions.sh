#!/bin/sh
# Check the shell completions against the tools' option tables.
#
# For every tool bin/TOOL.c: its long options are the lines of its
# `longopts` table (a tab, then {"name",), its short options the optstring
# of getopt_long.  The bash completion (completions/TOOL.bash) is run with
# COMP_WORDS/COMP_CWORD set as bash would; fish (completions/TOOL.fish)
# through `complete -C` when fish is installed; zsh (completions/_TOOL) is
# syntax-checked and grepped when zsh is installed.  A tool without
# completion files is reported and skipped.  The last line is
# "N passed, N failed"; the exit status is 0 only when nothing failed.

top=$(cd "$(dirname "$0")/.." && pwd)
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# A directory to complete file names in.
mkdir "$tmp/cwd" "$tmp/cwd/feeds"
: >"$tmp/cwd/kultur.ics"
: >"$tmp/cwd/termine.CSV"
: >"$tmp/cwd/notes.txt"

# bcomp TOOL WORD... : the bash completions, one per line, for the command
# line WORD... with the cursor at the end of the last WORD.
bcomp() {
	(cd "$tmp/cwd" && bash -c '
		file=$1; tool=$2; shift
		. "$file" || exit 90
		fn=$(complete -p "$tool" 2>/dev/null |
		    sed -n "s/.*-F \([^ ]*\) .*/\1/p")
		[ -n "$fn" ] || exit 91
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		COMPREPLY=()
		"$fn" "$tool" "${COMP_WORDS[COMP_CWORD]}" \
		    "${COMP_WORDS[COMP_CWORD - 1]}" 2>/dev/null
		printf "%s\n" "${COMPREPLY[@]}"
	' bcomp "$top/completions/$1.bash" "$@")
}

# fcomp TOOL LINE : fish's completions for LINE, without descriptions.
fcomp() {
	# shellcheck disable=SC2016 # fish expands $argv, not sh
	(cd "$tmp/cwd" && fish --no-config -c \
	    'source $argv[1]; complete -C $argv[2]' \
	    "$top/completions/$1.fish" "$2" | cut -f 1)
}

# has LIST WORD : LIST (lines) contains WORD.
has() { printf '%s\n' "$1" | grep -qxF -- "$2"; }

# expect WHAT GOT WORD... : GOT contains every WORD.
expect() {
	what=$1 got=$2
	shift 2
	for w in "$@"; do
		if has "$got" "$w"; then ok; else bad "$what: \"$w\" not offered"; fi
	done
}

# expect_not WHAT GOT WORD... : GOT contains none of the WORDs.
expect_not() {
	what=$1 got=$2
	shift 2
	for w in "$@"; do
		if has "$got" "$w"; then bad "$what: \"$w\" offered"; else ok; fi
	done
}

# exactly WHAT GOT WORD... : GOT is the WORDs, in any order.
exactly() {
	what=$1 got=$2
	shift 2
	want=$(for w in "$@"; do printf '%s\n' "$w"; done | sort)
	got=$(printf '%s\n' "$got" | sed '/^$/d' | sort)
	if [ "$got" = "$want" ]; then
		ok
	else
		bad "$what: got [$(printf '%s' "$got" | tr '\n' ' ')]," \
		    "want [$(printf '%s' "$want" | tr '\n' ' ')]"
	fi
}

# ---- bash --------------------------------------------------------------------

bash_generic() {
	t=$1 longs=$2 shorts=$3
	got=$(bcomp "$t" "$t" --)
	rc=$?
	if [ $rc -ge 90 ]; then
		bad "bash: completions/$t.bash does not register a -F function for $t"
		return
	fi
	for o in $longs; do
		expect "bash: $t --" "$got" "--$o"
	done
	got=$(bcomp "$t" "$t" -)
	for c in $shorts; do
		expect "bash: $t -" "$got" "-$c"
	done
	# prefixes narrow the list
	for o in $longs; do
		p=$(printf '%s' "--$o" | cut -c 1-4)
		got=$(bcomp "$t" "$t" "$p")
		expect "bash: $t $p" "$got" "--$o"
		if printf '%s\n' "$got" | grep -qv -- "^$p"; then
			bad "bash: $t $p offers words without that prefix"
		else
			ok
		fi
	done
}

bash_ev_list() {
	t=ev-list
	expect "bash: ev-list --fr" "$(bcomp $t $t --fr)" --from
	exactly "bash: ev-list -o" "$(bcomp $t $t -o '')" text ics csv tsv json
	exactly "bash: ev-list --output-format" "$(bcomp $t $t --output-format '')" \
	    text ics csv tsv json
	exactly "bash: ev-list -o t" "$(bcomp $t $t -o t)" text tsv
	exactly "bash: ev-list -i" "$(bcomp $t $t -i '')" ics csv tsv
	exactly "bash: ev-list --input-format" "$(bcomp $t $t --input-format '')" ics csv tsv
	exactly "bash: ev-list --lang" "$(bcomp $t $t --lang '')" de en
	exactly "bash: ev-list --color" "$(bcomp $t $t --color '')" auto always never
	exactly "bash: ev-list --delimiter" "$(bcomp $t $t --delimiter '')" , '\;' tab
	# --opt=value, split at '=' as bash does, and whole
	exactly "bash: ev-list --lang = " "$(bcomp $t $t --lang = '')" de en
	exactly "bash: ev-list --lang = d" "$(bcomp $t $t --lang = d)" de
	exactly "bash: ev-list --lang=d" "$(bcomp $t $t --lang=d)" --lang=de
	exactly "bash: ev-list --color=a" "$(bcomp $t $t --color=a)" \
	    --color=auto --color=always
	for o in --now --from --to --on; do
		got=$(bcomp $t $t $o '')
		exactly "bash: ev-list $o" "$got" today tomorrow yesterday heute \
		    morgen gestern now +1d +7d +30d
	done
	exactly "bash: ev-list --from h" "$(bcomp $t $t --from h)" heute
	if [ -d /usr/share/zoneinfo/Europe ]; then
		got=$(bcomp $t $t --tz '')
		expect "bash: ev-list --tz" "$got" Europe/Berlin UTC America/New_York
		expect_not "bash: ev-list --tz" "$got" posix/Europe/Berlin \
		    right/Europe/Berlin posixrules zone.tab tzdata.zi
		exactly "bash: ev-list --tz Europe/Ber" "$(bcomp $t $t --tz Europe/Ber)" \
		    Europe/Berlin
	fi
	# options whose argument cannot be guessed offer nothing
	for o in -n -f --format --max-occurrences --calname; do
		exactly "bash: ev-list $o" "$(bcomp $t $t $o '')"
	done
	# feeds: *.ics, *.csv (any case) and directories, nothing else
	got=$(bcomp $t $t '')
	exactly "bash: ev-list (feeds)" "$got" kultur.ics termine.CSV feeds
	got=$(bcomp $t $t --all k)
	exactly "bash: ev-list --all k" "$got" kultur.ics
	# --month takes its argument in the same word: a feed may follow
	exactly "bash: ev-list --month" "$(bcomp $t $t --month '')" \
	    kultur.ics termine.CSV feeds
	# --output takes any file
	expect "bash: ev-list --output" "$(bcomp $t $t --output '')" notes.txt
	# after -- only feeds
	exactly "bash: ev-list -- -" "$(bcomp $t $t -- -)"
}

# ---- fish --------------------------------------------------------------------

fish_generic() {
	t=$1 longs=$2 shorts=$3 f=$top/completions/$1.fish
	if fish -n "$f"; then ok; else bad "fish: fish -n $f"; return; fi
	got=$(fcomp "$t" "$t --")
	for o in $longs; do
		expect "fish: $t --" "$got" "--$o"
	done
	got=$(fcomp "$t" "$t -")
	for c in $shorts; do
		expect "fish: $t -" "$got" "-$c"
	done
}

fish_ev_list() {
	t=ev-list
	exactly "fish: ev-list -o" "$(fcomp $t 'ev-list -o ')" text ics csv tsv json
	exactly "fish: ev-list --output-format" "$(fcomp $t 'ev-list --output-format ')" \
	    text ics csv tsv json
	exactly "fish: ev-list -i" "$(fcomp $t 'ev-list -i ')" ics csv tsv
	exactly "fish: ev-list --lang" "$(fcomp $t 'ev-list --lang ')" de en
	exactly "fish: ev-list --color" "$(fcomp $t 'ev-list --color ')" auto always never
	exactly "fish: ev-list --delimiter" "$(fcomp $t 'ev-list --delimiter ')" , ';' tab
	exactly "fish: ev-list --from" "$(fcomp $t 'ev-list --from ')" today tomorrow \
	    yesterday heute morgen gestern now +1d +7d +30d
	if [ -d /usr/share/zoneinfo/Europe ]; then
		got=$(fcomp $t 'ev-list --tz ')
		expect "fish: ev-list --tz" "$got" Europe/Berlin UTC
		expect_not "fish: ev-list --tz" "$got" posix/Europe/Berlin \
		    right/Europe/Berlin zone.tab
	fi
	exactly "fish: ev-list (feeds)" "$(fcomp $t 'ev-list ')" \
	    kultur.ics termine.CSV feeds/
	expect "fish: ev-list --output" "$(fcomp $t 'ev-list --output ')" notes.txt
}

# ---- zsh ---------------------------------------------------------------------

zsh_generic() {
	t=$1 longs=$2 shorts=$3 f=$top/completions/_$1
	if zsh -n "$f"; then ok; else bad "zsh: zsh -n $f"; return; fi
	if head -n 1 "$f" | grep -q "^#compdef $t\$"; then ok; else
		bad "zsh: $f does not start with #compdef $t"; fi
	for o in $longs; do
		if grep -Eq -- "--$o([]=+[}',\"]|\$)" "$f"; then ok; else
			bad "zsh: --$o missing from $f"; fi
	done
	for c in $shorts; do
		if grep -q -- "[{'(]-${c}[+=[,]" "$f"; then ok; else
			bad "zsh: -$c missing from $f"; fi
	done
}

# ---- every tool ----------------------------------------------------------------

command -v fish >/dev/null 2>&1 || echo "note: fish not installed, fish completions not tested"
command -v zsh >/dev/null 2>&1 || echo "note: zsh not installed, zsh completions not tested"

for src in "$top"/bin/*.c; do
	t=$(basename "$src" .c)
	longs=$(sed -n 's/^	{"\([a-z0-9-]*\)",.*/\1/p' "$src")
	shorts=$(sed -n 's/.*getopt_long([^"]*"\([^"]*\)".*/\1/p' "$src" |
	    head -n 1 | tr -d ':' | sed 's/./& /g')
	if [ -z "$longs" ]; then
		bad "$t: no option table found in $src"
		continue
	fi
	if [ ! -f "$top/completions/$t.bash" ]; then
		echo "note: $t has no completions yet, skipped"
		continue
	fi
	bash_generic "$t" "$longs" "$shorts"
	[ "$t" = ev-list ] && bash_ev_list
	if command -v fish >/dev/null 2>&1; then
		if [ -f "$top/completions/$t.fish" ]; then
			fish_generic "$t" "$longs" "$shorts"
			[ "$t" = ev-list ] && fish_ev_list
		else
			bad "fish: completions/$t.fish missing"
		fi
	fi
	if command -v zsh >/dev/null 2>&1; then
		if [ -f "$top/completions/_$t" ]; then
			zsh_generic "$t" "$longs" "$shorts"
		else
			bad "zsh: completions/_$t missing"
		fi
	fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
