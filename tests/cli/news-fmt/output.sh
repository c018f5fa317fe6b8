# --output replaces the file atomically; a usage error leaves nothing
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
news-fmt -o md --output "$d"/out.md news/bruecke.md && head -n 3 "$d"/out.md
news-fmt -o nope --output "$d"/neu.md news/bruecke.md 2>/dev/null
echo "status $?"
ls "$d"
