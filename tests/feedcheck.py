#!/usr/bin/python3
"""Check a feed the way its clients read it (tests/cli/news-fmt/feed-check.sh).

    python3 tests/feedcheck.py rss|atom|jsonfeed <FEED

RSS and Atom must be well-formed XML (xml.etree) and keep the feed rules:
the required elements, RFC 822 dates that email.utils reads (RSS), RFC 3339
dates (Atom), ids present and unique, an author for every Atom entry.
JSON Feed must be JSON with the keys JSON Feed 1.1 requires.  Then Python's
feedparser (Debian's python3-feedparser) reads RSS and Atom, and must get
each item's title, link, date and summary back; Debian's feedparser 6.0
reads no JSON Feed, so that one is checked by the rules above only.

It prints what a client sees, one line per item, for the golden file; a
broken rule is a line "FAIL: ..." and exit status 1.
"""
import datetime
import email.utils
import json
import re
import sys
import xml.etree.ElementTree as ET

import feedparser

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
fails = []


def fail(msg):
    fails.append(msg)
    print("FAIL:", msg)


def need(el, name, where):
    child = el.find(name)
    if child is None or not (child.text or "").strip():
        fail(f"{where}: no {name}")
        return ""
    return child.text


def rfc822(s, where):
    # English names only: email.utils reads no "Fr" or "Nov." and no zone name
    if not re.fullmatch(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d "
                        r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                        r"\d{4} \d\d:\d\d:\d\d [+-]\d{4}", s):
        fail(f"{where}: not RFC 822 with a numeric zone: {s!r}")
    try:
        d = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError):
        fail(f"{where}: email.utils cannot read {s!r}")
        return None
    if d.strftime("%a") != s[:3]:
        fail(f"{where}: {s!r} names the wrong weekday")
    return d


def rfc3339(s, where):
    if not isinstance(s, str) or not RFC3339.match(s):
        fail(f"{where}: not RFC 3339: {s!r}")
        return None
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))


def unique(ids, what):
    seen = set()
    for i in ids:
        if not i:
            fail(f"{what}: an empty id")
        elif i in seen:
            fail(f"{what}: id {i!r} twice")
        seen.add(i)


def check_rss(data):
    root = ET.fromstring(data)
    if root.tag != "rss" or root.get("version") != "2.0":
        fail("the root is no <rss version=\"2.0\">")
    chans = root.findall("channel")
    if len(chans) != 1:
        fail(f"{len(chans)} channels, not one")
        return
    ch = chans[0]
    for name in ("title", "link", "description"):
        need(ch, name, "channel")
    if ch.find("lastBuildDate") is not None:
        rfc822(ch.find("lastBuildDate").text, "lastBuildDate")
    self_link = ch.find(ATOM + "link")
    if self_link is not None and self_link.get("rel") != "self":
        fail("channel: an atom:link that is not rel=self")
    guids = []
    for n, it in enumerate(ch.findall("item"), 1):
        where = f"item {n}"
        need(it, "title", where)
        need(it, "link", where)
        guid = it.find("guid")
        if guid is None:
            fail(f"{where}: no guid")
        else:
            guids.append(guid.text)
            if guid.get("isPermaLink", "true") == "true" and \
                    guid.text != it.findtext("link"):
                fail(f"{where}: a permalink guid that is not the link")
        rfc822(need(it, "pubDate", where), where)
    unique(guids, "rss guid")


def check_atom(data):
    root = ET.fromstring(data)
    if root.tag != ATOM + "feed":
        fail("the root is no Atom <feed>")
        return
    for name in ("id", "title", "updated"):
        need(root, ATOM + name, "feed")
    feed_upd = rfc3339(root.findtext(ATOM + "updated"), "feed updated")
    feed_author = root.find(ATOM + "author") is not None
    if not root.findtext(ATOM + "id", "").startswith("tag:"):
        fail("feed: the id is no tag URI")
    ids = []
    for n, e in enumerate(root.findall(ATOM + "entry"), 1):
        where = f"entry {n}"
        ids.append(need(e, ATOM + "id", where))
        if not ids[-1].startswith("tag:"):
            fail(f"{where}: the id is no tag URI")
        need(e, ATOM + "title", where)
        upd = rfc3339(need(e, ATOM + "updated", where), where)
        if e.find(ATOM + "published") is not None:
            rfc3339(e.findtext(ATOM + "published"), where)
        if upd and feed_upd and upd > feed_upd:
            fail(f"{where}: updated after the feed's updated")
        if e.find(ATOM + "author/" + ATOM + "name") is None and not feed_author:
            fail(f"{where}: no author, and the feed has none")
        alt = [x for x in e.findall(ATOM + "link")
               if x.get("rel", "alternate") == "alternate"]
        if len(alt) != 1 or not alt[0].get("href"):
            fail(f"{where}: not one link rel=alternate")
    unique(ids, "atom id")


def check_jsonfeed(data):
    feed = json.loads(data)
    if feed.get("version") != "https://jsonfeed.org/version/1.1":
        fail("version is not https://jsonfeed.org/version/1.1")
    if not isinstance(feed.get("title"), str) or not feed["title"]:
        fail("no title")
    if not isinstance(feed.get("items"), list):
        fail("no items")
        return
    for n, it in enumerate(feed["items"], 1):
        where = f"item {n}"
        if not isinstance(it.get("id"), str):
            fail(f"{where}: no id")
        if "content_text" not in it and "content_html" not in it:
            fail(f"{where}: neither content_text nor content_html")
        for k in ("date_published", "date_modified"):
            if k in it:
                rfc3339(it[k], f"{where} {k}")
        for a in it.get("authors", []):
            if not a.get("name") and not a.get("url"):
                fail(f"{where}: an author without name and url")
        print(f"item: {it.get('title')} | {it.get('url')} | "
              f"{it.get('date_published')} | {it.get('summary', '')[:40]}")
    unique([it.get("id") for it in feed["items"]], "jsonfeed id")


def read_back(data, kind):
    """What feedparser gets: the feed's title and each entry's title,
    link, date (UTC) and the start of its summary."""
    d = feedparser.parse(data)
    if d.bozo:
        fail(f"feedparser: {d.bozo_exception}")
    want = {"rss": "rss20", "atom": "atom10"}[kind]
    if d.version != want:
        fail(f"feedparser: version {d.version!r}, not {want}")
    print(f"feed: {d.feed.get('title')} | {d.feed.get('link')} | "
          f"{d.feed.get('language')}")
    for e in d.entries:
        t = e.get("published_parsed") or e.get("updated_parsed")
        for k in ("title", "link", "summary"):
            if not e.get(k):
                fail(f"feedparser: an entry without {k}")
        if t is None:
            fail("feedparser: an entry without a date")
        date = "%04d-%02d-%02dT%02d:%02d:%02dZ" % tuple(t[:6]) if t else None
        print(f"entry: {e.get('title')} | {e.get('link')} | {date} | "
              f"{e.get('author', '')} | {e.get('summary', '')[:40]} | "
              f"{','.join(x.term for x in e.get('tags', []))}")


def main():
    kind = sys.argv[1]
    data = sys.stdin.buffer.read()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        fail(f"not UTF-8: {err}")
    try:
        {"rss": check_rss, "atom": check_atom,
         "jsonfeed": check_jsonfeed}[kind](data)
    except (ET.ParseError, json.JSONDecodeError) as err:
        fail(f"does not parse: {err}")
    if kind != "jsonfeed":
        read_back(data, kind)
    print(f"{kind}: {'bad' if fails else 'ok'}")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
