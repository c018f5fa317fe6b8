# The English articles on stdin (%%% between them): dates in English and
# in the zone of each date (summer, winter), Slug, Updated, an image path.
exec news-fmt -o atom --feed-title "Neustadt News" --base-url https://www.neustadt.example/news "$TOP/tests/cli/news-fmt/feed-rss-en.in"
