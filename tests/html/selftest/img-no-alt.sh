#!/bin/sh
# Must fail: an image without a text alternative (no alt) -- axe-core's
# image-alt rule (WCAG 1.1.1); vnu flags it too.
printf '<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1"></p>\n' |
	sh tests/html/page.sh
