# The feed pipeline of news-fmt(1) EXAMPLES, as it stands there, on two
# articles (the newer first by ls -t), checked as the clients read it;
# then a bad article among them: --strict keeps the old feeds.
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
mkdir "$t/artikel" "$t/public" "$t/public/aktuelles"
cp news/bruecke.md "$t/artikel/bruecke.md"
cp "$TOP/tests/cli/news-fmt/feed-rss-en.in" "$t/artikel/bridge.md"
touch -t 202609140800 "$t/artikel/bruecke.md"
touch -t 202612010900 "$t/artikel/bridge.md"
cd "$t" || exit 1
run() {
	set -- $(ls -t artikel/*.md)
	news-fmt -o rss --strict --feed-title 'Neustadt aktuell' \
	    --base-url https://www.neustadt.example/aktuelles/ \
	    --feed-url https://www.neustadt.example/aktuelles/feed.rss \
	    --output public/aktuelles/feed.rss "$@"
	news-fmt -o atom --strict --feed-title 'Neustadt aktuell' \
	    --base-url https://www.neustadt.example/aktuelles/ \
	    --feed-url https://www.neustadt.example/aktuelles/feed.atom \
	    --output public/aktuelles/feed.atom "$@"
	news-fmt -o jsonfeed --strict --feed-title 'Neustadt aktuell' \
	    --base-url https://www.neustadt.example/aktuelles/ \
	    --feed-url https://www.neustadt.example/aktuelles/feed.json \
	    --output public/aktuelles/feed.json "$@"
}
run
echo "status $?"
for f in rss atom json; do
	k=$f
	[ $f = json ] && k=jsonfeed
	/usr/bin/python3 "$TOP/tests/feedcheck.py" $k <public/aktuelles/feed.$f
done
cksum public/aktuelles/* >"$t/sums"
printf 'Titel: Ohne Datum\n\nText.\n' >artikel/neu.md
run
echo "status $?"
cksum public/aktuelles/* | cmp -s - "$t/sums" && echo "the old feeds kept"
