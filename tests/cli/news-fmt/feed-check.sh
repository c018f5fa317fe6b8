# The feeds as their clients read them (tests/feedcheck.py): well-formed
# XML and the feed rules, JSON Feed's required keys, and what Python's
# feedparser gets back from RSS and Atom: title, link, date, summary.
here=$TOP/tests/cli/news-fmt
for f in rss atom jsonfeed; do
	news-fmt -o "$f" --feed-title "Neustadt aktuell" \
	    --feed-url "https://www.neustadt.example/aktuelles/$f" \
	    --base-url https://www.neustadt.example/aktuelles/ \
	    news/artikel.txt news/bruecke.md "$here/feed-rss-en.in" |
	    /usr/bin/python3 "$TOP/tests/feedcheck.py" "$f"
	echo "status $?"
	news-fmt -o "$f" --feed-title 'Tom & "Jerry" <Feed>' \
	    --feed-url 'https://x.example/feed?f=1&g=2' \
	    --base-url https://x.example/a/ "$here/feed-rss-escape.in" \
	    2>/dev/null | /usr/bin/python3 "$TOP/tests/feedcheck.py" "$f"
	echo "status $?"
done
