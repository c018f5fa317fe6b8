# --check's own options: --max-sentence, --terms (and a bad terms file),
# --spell with the article's dictionary, --dict with the house's words;
# without --check they are a usage error.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
cat >"$tmp/a.txt" <<'ART'
Titel: Neue Radwege
Vorspann: Die Stadt baut Radwege.
Sprache: de

Der Bürgermeistr kam mit dem Fahrad. Dies ist ein sehr langer Satz mit
vielen Wörtern, die nie enden wollen und immer weiter gehen, z. B. hier.
ART
printf '# house terms\nFahrad => Fahrrad\n' >"$tmp/terms"
printf 'Fahrad => Fahrrad\nohne Pfeil\n' >"$tmp/bad-terms"
printf 'Bürgermeistr\n' >"$tmp/dict"
cd "$tmp" || exit 1
news-fmt --check --disable all --enable sentence-long --max-sentence 10 a.txt
echo "--max-sentence: status $?"
news-fmt --check --disable all --enable term --terms terms a.txt
echo "--terms: status $?"
news-fmt --check --terms bad-terms a.txt
echo "bad --terms: status $?"
news-fmt --check --disable all --enable spell --spell a.txt
echo "--spell: status $?"
news-fmt --check --disable all --enable spell --dict dict a.txt
echo "--dict: status $?"
news-fmt --spell a.txt
echo "--spell without --check: status $?"
news-fmt --check --max-sentence 0 a.txt
echo "--max-sentence 0: status $?"
