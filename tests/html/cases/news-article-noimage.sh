#!/bin/sh
# news-fmt -o html --standalone of an article without an image (the
# bundled header article, its Bild line left out): no <figure> but the
# quotes', which have no attribution here and stand as <blockquote>s.
sed '/^Bild: /d' examples/artikel.txt | news-fmt -o html --standalone --lang de
