#!/bin/sh
# news-fmt -o html --standalone: the bundled Markdown article (kicker,
# dated lead, image with alt, caption and credit, a quote with its
# attribution, a list, related links, tags), typeset in German.
# news-article.js checks it at 360 and 1024 pixels wide.
news-fmt -o html --standalone examples/artikel.md
