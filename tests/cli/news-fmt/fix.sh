# --fix rewrites the file in place; a second --fix changes nothing
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
cp news/artikel.txt news/bruecke.md "$d"/
news-fmt --fix "$d"/artikel.txt "$d"/bruecke.md || echo "status $?"
diff news/artikel.txt "$d"/artikel.txt
diff news/bruecke.md "$d"/bruecke.md
cp "$d"/artikel.txt "$d"/once
news-fmt --fix "$d"/artikel.txt && cmp "$d"/once "$d"/artikel.txt && echo idempotent
ls "$d"
