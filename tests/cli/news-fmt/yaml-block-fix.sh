# --fix inside YAML block scalars: a literal one line by line, a folded
# one piece by piece between its folds; a fold that typography would
# change (a no-break space) is not fixed, reported where it starts
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
cat >"$d"/a.md
cp "$d"/a.md "$d"/orig.md
cd "$d" || exit 1
news-fmt --fix a.md || echo "status $?"
diff orig.md a.md
news-fmt --check a.md || echo "status $?"
