# The EXAMPLES of news-fmt(1) run
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
cp news/artikel.txt "$d"/ && cd "$d" || exit 1
mkdir -p content/posts
news-fmt --lang de artikel.txt >/dev/null && echo text ok
news-fmt -o md artikel.txt > content/posts/artikel.md && echo md ok
news-fmt --diff artikel.txt >/dev/null; echo "diff $?"
news-fmt --fix artikel.txt && echo fix ok
news-fmt -o html --standalone artikel.txt > artikel.html &&
    grep -c '^<!DOCTYPE html>$' artikel.html
news-fmt -o html artikel.txt > fragment.html &&
    grep -c '^<article lang=' fragment.html
printf 'Titel: Eins\n\nA.\n%%%%%%\nTitel: Zwei\n\nB.\n' |
    news-fmt --check -o json; echo "check $?"
