# The JSON-LD, slug and teaser EXAMPLES of news-fmt(1) run
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
cp news/artikel.txt "$d"/ && cd "$d" || exit 1
news-fmt -o jsonld --base-url https://www.neustadt.example/aktuelles \
    artikel.txt > artikel.jsonld && echo jsonld ok
python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["url"])' artikel.jsonld
news-fmt --slug artikel.txt
news-fmt --teaser 160 artikel.txt
