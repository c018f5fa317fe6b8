# --fix rewrites the files in place; a second --fix changes nothing
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
cp news/artikel.txt news/bruecke.md "$d"/
here=$(pwd)
cd "$d" || exit 1
news-fmt --fix artikel.txt bruecke.md || echo "status $?"
diff "$here"/news/artikel.txt artikel.txt
diff "$here"/news/bruecke.md bruecke.md
cp artikel.txt once
news-fmt --fix artikel.txt && cmp once artikel.txt && echo idempotent
ls
