/*
 * feedout.c - articles as a feed: RSS 2.0, Atom (RFC 4287) or JSON Feed
 * 1.1, one item per article in the order given.  Each item is written
 * when its article is added; the feed's head, which needs the newest
 * date and the language of the first article, when the feed is done.
 * The dates: RFC 822 with English names for RSS, RFC 3339 for the
 * others, both with the offset of --tz at that instant.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

struct news_feed {
	enum news_out kind;
	struct news_feed_opts o;
	struct ev_buf items;		/* the items so far, written */
	struct ev_buf tmp;
	size_t	 nitems;
	char	**urls;			/* the items' links, nitems */
	int64_t	 newest, oldest;	/* of the items' dates */
	int	 noauthor;		/* an item has no Author */
	enum news_lang lang;		/* the first article's */
};

int
news_out_feed(enum news_out o)
{
	return o == NEWS_OUT_RSS || o == NEWS_OUT_ATOM ||
	    o == NEWS_OUT_JSONFEED;
}

/* The host of an http(s) URL: [*b, *e), without user or port; 0, or -1
 * when url is no absolute http(s) URL with a host. */
static int
url_host(const char *url, size_t *b, size_t *e)
{
	const char *p, *h;
	size_t n;

	if (strncmp(url, "https://", 8) == 0)
		h = url + 8;
	else if (strncmp(url, "http://", 7) == 0)
		h = url + 7;
	else
		return -1;
	n = strcspn(h, "/?#");
	if ((p = memchr(h, '@', n)) != NULL) {
		n -= (size_t)(p + 1 - h);
		h = p + 1;
	}
	if ((p = memchr(h, ':', n)) != NULL)
		n = (size_t)(p - h);
	if (n == 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!ev_isalnum(h[i]) && h[i] != '-' && h[i] != '.')
			return -1;
	*b = (size_t)(h - url);
	*e = *b + n;
	return 0;
}

int
news_feed_check(enum news_out kind, const struct news_feed_opts *o,
    struct ev_err *err)
{
	const char *name = kind == NEWS_OUT_RSS ? "rss" :
	    kind == NEWS_OUT_ATOM ? "atom" : "jsonfeed";
	size_t b, e;

	if (o->title == NULL || *o->title == '\0') {
		ev_err_set(err, NULL, 0, "-o %s needs --feed-title", name);
		return -1;
	}
	if (o->base_url == NULL || *o->base_url == '\0') {
		ev_err_set(err, NULL, 0, "-o %s needs --base-url (the articles' "
		    "links are it and their slugs)", name);
		return -1;
	}
	if (url_host(o->base_url, &b, &e) < 0 ||
	    o->base_url[strcspn(o->base_url, " \t\n\"<>?#")] != '\0') {
		ev_err_set(err, NULL, 0, "--base-url must be an http or https "
		    "URL with a host, without ? or #: \"%s\"", o->base_url);
		return -1;
	}
	if (o->feed_url != NULL && (url_host(o->feed_url, &b, &e) < 0 ||
	    o->feed_url[strcspn(o->feed_url, " \t\n\"<>")] != '\0')) {
		ev_err_set(err, NULL, 0, "--feed-url must be an http or https "
		    "URL with a host: \"%s\"", o->feed_url);
		return -1;
	}
	return 0;
}

struct news_feed *
news_feed_new(enum news_out kind, const struct news_feed_opts *o)
{
	struct news_feed *f = ev_ecalloc(1, sizeof(*f));

	f->kind = kind;
	f->o = *o;
	return f;
}

void
news_feed_free(struct news_feed *f)
{
	if (f == NULL)
		return;
	ev_buf_free(&f->items);
	ev_buf_free(&f->tmp);
	for (size_t i = 0; i < f->nitems; i++)
		free(f->urls[i]);
	free(f->urls);
	free(f);
}

/* s as a URL path: unreserved characters and '/' as they are, every
 * other byte %XX. */
static void
url_path(const char *s, struct ev_buf *out)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (ev_isalnum(*p) || strchr("-._~/", *p) != NULL)
			ev_buf_addc(out, *p);
		else
			ev_buf_printf(out, "%%%02X", *p);
}

/* The plain text of inline Markdown, a NUL-terminated string in b. */
static const char *
plain(const struct news_text *t, struct ev_buf *b)
{
	ev_buf_clear(b);
	if (t != NULL && t->s != NULL)
		news_plain(t->s, t->len, b);
	if (b->p == NULL)
		ev_buf_adds(b, "");
	return b->p;
}

/* The article's URL: the base URL, a '/' unless it ends in one, and the
 * slug (news_article_slug: its Slug, else its title's, as --slug). */
static void
article_url(struct news_feed *f, const struct news_article *a,
    struct ev_buf *out)
{
	const char *base = f->o.base_url;
	struct ev_buf s = { 0 };

	ev_buf_adds(out, base);
	if (base[strlen(base) - 1] != '/')
		ev_buf_addc(out, '/');
	news_article_slug(a, &s);
	if (s.p != NULL)
		url_path(s.p, out);
	ev_buf_free(&s);
}

/* The image's URL: as it is when absolute, else under the base URL's
 * host ("/x.jpg") or the base URL itself ("x.jpg"). */
static void
image_url(struct news_feed *f, const char *img, struct ev_buf *out)
{
	const char *base = f->o.base_url;
	size_t hb, he;

	if (strstr(img, "://") != NULL) {
		ev_buf_adds(out, img);
		return;
	}
	if (img[0] == '/') {
		url_host(base, &hb, &he);
		ev_buf_add(out, base, hb + strcspn(base + hb, "/?#"));
	} else {
		ev_buf_adds(out, base);
		if (base[strlen(base) - 1] != '/')
			ev_buf_addc(out, '/');
	}
	url_path(img, out);
}

/* The media type of an image file by its name, or NULL. */
static const char *
image_type(const char *img)
{
	static const char *const types[][2] = {
		{ ".jpg", "image/jpeg" }, { ".jpeg", "image/jpeg" },
		{ ".png", "image/png" }, { ".gif", "image/gif" },
		{ ".webp", "image/webp" }, { ".avif", "image/avif" },
		{ ".svg", "image/svg+xml" },
	};
	size_t n = strlen(img), k;

	for (size_t i = 0; i < NELEM(types); i++) {
		k = strlen(types[i][0]);
		if (n > k && ev_strcaseeq(img + n - k, types[i][0]))
			return types[i][1];
	}
	return NULL;
}

/* ---- dates ---------------------------------------------------------- */

/* An instant in the zone of --tz, split, with its offset (s east). */
struct when {
	int64_t	 utc;
	struct ev_tm tm;
	int	 off;
};

static void
when_at(const struct news_feed *f, int64_t utc, struct when *w)
{
	const struct ev_zone *z = ev_ctx_zone(f->o.ctx);

	w->utc = utc;
	w->off = ev_zone_offset(z, utc);
	ev_tm_from_wall(utc + w->off, &w->tm);
}

/* RFC 822 (as RFC 1123 and RSS write it): "Fri, 27 Nov 2026 00:00:00
 * +0100", English whatever the article's language. */
static void
rfc822(const struct when *w, struct ev_buf *out)
{
	static const char *const wd[] = { "Mon", "Tue", "Wed", "Thu", "Fri",
	    "Sat", "Sun" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int a = w->off < 0 ? -w->off : w->off;

	ev_buf_printf(out, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
	    wd[w->tm.wday], w->tm.mday, mon[w->tm.mon - 1], w->tm.year,
	    w->tm.hour, w->tm.min, w->tm.sec, w->off < 0 ? '-' : '+',
	    a / 3600, a / 60 % 60);
}

/* RFC 3339: "2026-11-27T00:00:00+01:00". */
static void
rfc3339(const struct when *w, struct ev_buf *out)
{
	int a = w->off < 0 ? -w->off : w->off;

	ev_buf_printf(out, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
	    w->tm.year, w->tm.mon, w->tm.mday, w->tm.hour, w->tm.min,
	    w->tm.sec, w->off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
}

/* A Date or Updated value as a date expression in --tz's zone. */
static int
field_when(const struct news_feed *f, const struct news_article *a,
    enum news_field k, struct when *w, struct ev_err *err)
{
	const char *s = a->field[k].s;
	int64_t lo, hi;
	struct ev_err e2;

	if (ev_when_parse(f->o.ctx, s, &lo, &hi, &e2) < 0) {
		ev_err_set(err, NULL, 0, "%s \"%s\" is no date (%s)",
		    k == NEWS_F_DATE ? "Date" : "Updated", s, e2.msg);
		return -1;
	}
	when_at(f, lo, w);
	return 0;
}

/* ---- the parts of an item ------------------------------------------ */

/* The tag URI (RFC 4151) of the base URL, dated day (YYYY-MM-DD) or
 * year (day NULL): "tag:www.neustadt.example,2026:/aktuelles/" and the
 * path after it. */
static void
tag_uri(const struct news_feed *f, const struct when *w, int day,
    const char *path, struct ev_buf *out)
{
	size_t hb, he;

	url_host(f->o.base_url, &hb, &he);
	ev_buf_adds(out, "tag:");
	for (size_t i = hb; i < he; i++)
		ev_buf_addc(out, ev_tolower(f->o.base_url[i]));
	if (day)
		ev_buf_printf(out, ",%04d-%02d-%02d:", w->tm.year, w->tm.mon,
		    w->tm.mday);
	else
		ev_buf_printf(out, ",%04d:", w->tm.year);
	ev_buf_adds(out, path);
}

/* The article as plain text, the lead first: blocks apart by a blank line, list items
 * "- ", a quote's attribution "— Name". */
static void
body_text(const struct news_article *a, struct ev_buf *out)
{
	struct ev_buf t = { 0 };

	if (a->field[NEWS_F_LEAD].s != NULL)
		ev_buf_adds(out, plain(&a->field[NEWS_F_LEAD], &t));
	for (size_t i = 0; i < a->nblock; i++) {
		const struct news_block *b = &a->block[i];

		if (b->kind == NEWS_B_RULE || b->kind == NEWS_B_HTML)
			continue;
		if (out->len > 0)
			ev_buf_adds(out, b->kind == NEWS_B_ITEM && !b->first ?
			    "\n" : "\n\n");
		if (b->kind == NEWS_B_ITEM)
			ev_buf_adds(out, "- ");
		else if (b->kind == NEWS_B_ATTRIB)
			ev_buf_adds(out, "— ");
		if (b->kind == NEWS_B_CODE)
			ev_buf_add(out, b->text.s, b->text.len);
		else
			ev_buf_adds(out, plain(&b->text, &t));
	}
	ev_buf_free(&t);
}

/* What every format says about an item, worked out once. */
struct item {
	struct ev_buf url, id, title, lead, author, img, body;
	struct when date, upd;		/* upd: Updated, else date */
	int	 has_upd;
	const char *lang;
};

static void
item_free(struct item *it)
{
	ev_buf_free(&it->url);
	ev_buf_free(&it->id);
	ev_buf_free(&it->title);
	ev_buf_free(&it->lead);
	ev_buf_free(&it->author);
	ev_buf_free(&it->img);
	ev_buf_free(&it->body);
}

static void
copy_plain(const struct news_text *t, struct ev_buf *b, struct ev_buf *tmp)
{
	ev_buf_adds(b, plain(t, tmp));
}

static int
item_make(struct news_feed *f, const struct news_article *a,
    enum news_lang lang, struct item *it, struct ev_err *err)
{
	size_t hb, he;

	if (a->field[NEWS_F_TITLE].s == NULL || *a->field[NEWS_F_TITLE].s == '\0') {
		ev_err_set(err, NULL, 0, "no Title: a feed item needs one");
		return -1;
	}
	if (a->field[NEWS_F_DATE].s == NULL) {
		ev_err_set(err, NULL, 0, "no Date: a feed item needs one");
		return -1;
	}
	if (field_when(f, a, NEWS_F_DATE, &it->date, err) < 0)
		return -1;
	it->upd = it->date;
	if (a->field[NEWS_F_UPDATED].s != NULL) {
		if (field_when(f, a, NEWS_F_UPDATED, &it->upd, err) < 0)
			return -1;
		it->has_upd = 1;
	}
	it->lang = news_lang_name(lang);
	article_url(f, a, &it->url);
	url_host(it->url.p, &hb, &he);
	tag_uri(f, &it->date, 1, it->url.p + he, &it->id);
	copy_plain(&a->field[NEWS_F_TITLE], &it->title, &f->tmp);
	copy_plain(news_article_lead(a), &it->lead, &f->tmp);
	if (a->field[NEWS_F_AUTHOR].s != NULL)
		copy_plain(&a->field[NEWS_F_AUTHOR], &it->author, &f->tmp);
	if (a->field[NEWS_F_IMAGE].s != NULL && *a->field[NEWS_F_IMAGE].s)
		image_url(f, a->field[NEWS_F_IMAGE].s, &it->img);
	body_text(a, &it->body);
	return 0;
}

/* ---- the three formats ---------------------------------------------- */

/* "<name>escaped text</name>\n" after an indent. */
static void
xml_el(struct ev_buf *o, const char *ind, const char *name, const char *s)
{
	ev_buf_printf(o, "%s<%s>", ind, name);
	ev_xml_escape(s, o);
	ev_buf_printf(o, "</%s>\n", name);
}

static void
rss_item(const struct news_article *a, const struct item *it,
    struct ev_buf *o)
{
	const char *type;

	ev_buf_adds(o, "    <item>\n");
	xml_el(o, "      ", "title", it->title.p);
	xml_el(o, "      ", "link", it->url.p);
	ev_buf_adds(o, "      <guid isPermaLink=\"true\">");
	ev_xml_escape(it->url.p, o);
	ev_buf_adds(o, "</guid>\n      <pubDate>");
	rfc822(&it->date, o);
	ev_buf_adds(o, "</pubDate>\n");
	if (it->author.len > 0)
		xml_el(o, "      ", "dc:creator", it->author.p);
	if (it->lead.len > 0)
		xml_el(o, "      ", "description", it->lead.p);
	for (size_t i = 0; i < a->ntags; i++)
		if (*a->tags[i].s != '\0')
			xml_el(o, "      ", "category", a->tags[i].s);
	if (it->img.len > 0) {
		ev_buf_adds(o, "      <media:content medium=\"image\" url=\"");
		ev_xml_escape(it->img.p, o);
		if ((type = image_type(it->img.p)) != NULL)
			ev_buf_printf(o, "\" type=\"%s", type);
		ev_buf_adds(o, "\"/>\n");
	}
	ev_buf_adds(o, "    </item>\n");
}

static void
atom_item(const struct news_article *a, const struct item *it,
    struct ev_buf *o)
{
	const char *type;

	ev_buf_printf(o, "  <entry xml:lang=\"%s\">\n", it->lang);
	xml_el(o, "    ", "id", it->id.p);
	xml_el(o, "    ", "title", it->title.p);
	ev_buf_adds(o, "    <published>");
	rfc3339(&it->date, o);
	ev_buf_adds(o, "</published>\n    <updated>");
	rfc3339(&it->upd, o);
	ev_buf_adds(o, "</updated>\n");
	if (it->author.len > 0) {
		ev_buf_adds(o, "    <author>\n");
		xml_el(o, "      ", "name", it->author.p);
		ev_buf_adds(o, "    </author>\n");
	}
	ev_buf_adds(o, "    <link rel=\"alternate\" type=\"text/html\" href=\"");
	ev_xml_escape(it->url.p, o);
	ev_buf_adds(o, "\"/>\n");
	if (it->lead.len > 0)
		xml_el(o, "    ", "summary", it->lead.p);
	for (size_t i = 0; i < a->ntags; i++) {
		if (*a->tags[i].s == '\0')
			continue;
		ev_buf_adds(o, "    <category term=\"");
		ev_xml_escape(a->tags[i].s, o);
		ev_buf_adds(o, "\"/>\n");
	}
	if (it->img.len > 0) {
		ev_buf_adds(o, "    <link rel=\"enclosure\" href=\"");
		ev_xml_escape(it->img.p, o);
		if ((type = image_type(it->img.p)) != NULL)
			ev_buf_printf(o, "\" type=\"%s", type);
		ev_buf_adds(o, "\"/>\n");
	}
	ev_buf_adds(o, "  </entry>\n");
}

/* ",\n      \"key\": " and the value as a JSON string. */
static void
json_kv(struct ev_buf *o, const char *ind, const char *k, const char *v)
{
	ev_buf_printf(o, ",\n%s\"%s\": ", ind, k);
	ev_json_string(v, o);
}

static void
json_item(struct news_feed *f, const struct news_article *a,
    const struct item *it, struct ev_buf *o)
{
	const char *in = "      ";

	if (f->nitems > 0)
		ev_buf_addc(o, ',');
	ev_buf_printf(o, "\n    {\n%s\"id\": ", in);
	ev_json_string(it->url.p, o);
	json_kv(o, in, "url", it->url.p);
	json_kv(o, in, "title", it->title.p);
	if (it->lead.len > 0)
		json_kv(o, in, "summary", it->lead.p);
	json_kv(o, in, "content_text", it->body.len > 0 ? it->body.p :
	    it->lead.p != NULL ? it->lead.p : "");
	if (it->img.len > 0)
		json_kv(o, in, "image", it->img.p);
	ev_buf_printf(o, ",\n%s\"date_published\": \"", in);
	rfc3339(&it->date, o);
	ev_buf_addc(o, '"');
	if (it->has_upd) {
		ev_buf_printf(o, ",\n%s\"date_modified\": \"", in);
		rfc3339(&it->upd, o);
		ev_buf_addc(o, '"');
	}
	if (it->author.len > 0) {
		ev_buf_printf(o, ",\n%s\"authors\": [{\"name\": ", in);
		ev_json_string(it->author.p, o);
		ev_buf_adds(o, "}]");
	}
	if (a->ntags > 0) {
		ev_buf_printf(o, ",\n%s\"tags\": [", in);
		for (size_t i = 0; i < a->ntags; i++) {
			if (i > 0)
				ev_buf_adds(o, ", ");
			ev_json_string(a->tags[i].s, o);
		}
		ev_buf_addc(o, ']');
	}
	json_kv(o, in, "language", it->lang);
	ev_buf_adds(o, "\n    }");
}

int
news_feed_add(struct news_feed *f, const struct news_article *a,
    enum news_lang lang, struct ev_err *err)
{
	struct item it = { .has_upd = 0 };

	if (item_make(f, a, lang, &it, err) < 0) {
		item_free(&it);
		return -1;
	}
	/* The link is the RSS guid and the JSON Feed id: one per item. */
	for (size_t i = 0; i < f->nitems; i++)
		if (strcmp(f->urls[i], it.url.p) == 0) {
			ev_err_set(err, NULL, 0, "the link %s is an earlier "
			    "article's: give one of them another Slug", it.url.p);
			item_free(&it);
			return -1;
		}
	f->urls = news_grow(f->urls, f->nitems, sizeof(*f->urls));
	f->urls[f->nitems] = ev_estrdup(it.url.p);
	if (f->nitems == 0) {
		f->lang = lang;
		f->newest = it.upd.utc;
		f->oldest = it.date.utc;
	}
	if (it.upd.utc > f->newest)
		f->newest = it.upd.utc;
	if (it.date.utc < f->oldest)
		f->oldest = it.date.utc;
	if (it.author.len == 0)
		f->noauthor = 1;
	if (f->kind == NEWS_OUT_RSS)
		rss_item(a, &it, &f->items);
	else if (f->kind == NEWS_OUT_ATOM)
		atom_item(a, &it, &f->items);
	else
		json_item(f, a, &it, &f->items);
	f->nitems++;
	item_free(&it);
	return 0;
}

size_t
news_feed_count(const struct news_feed *f)
{
	return f->nitems;
}

static void
rss_head(struct news_feed *f, struct ev_buf *o)
{
	struct when w;

	when_at(f, f->newest, &w);
	ev_buf_adds(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\""
	    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
	    " xmlns:media=\"http://search.yahoo.com/mrss/\">\n"
	    "  <channel>\n");
	xml_el(o, "    ", "title", f->o.title);
	xml_el(o, "    ", "link", f->o.base_url);
	xml_el(o, "    ", "description", f->o.title);
	xml_el(o, "    ", "language", news_lang_name(f->lang));
	ev_buf_adds(o, "    <lastBuildDate>");
	rfc822(&w, o);
	ev_buf_adds(o, "</lastBuildDate>\n");
	if (f->o.feed_url != NULL) {
		ev_buf_adds(o, "    <atom:link rel=\"self\" "
		    "type=\"application/rss+xml\" href=\"");
		ev_xml_escape(f->o.feed_url, o);
		ev_buf_adds(o, "\"/>\n");
	}
}

static void
atom_head(struct news_feed *f, struct ev_buf *o)
{
	struct when w;
	size_t hb, he;

	ev_buf_printf(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%s\">\n",
	    news_lang_name(f->lang));
	when_at(f, f->oldest, &w);
	url_host(f->o.base_url, &hb, &he);
	ev_buf_clear(&f->tmp);
	tag_uri(f, &w, 0, f->o.base_url + he, &f->tmp);
	xml_el(o, "  ", "id", f->tmp.p);
	xml_el(o, "  ", "title", f->o.title);
	when_at(f, f->newest, &w);
	ev_buf_adds(o, "  <updated>");
	rfc3339(&w, o);
	ev_buf_adds(o, "</updated>\n"
	    "  <link rel=\"alternate\" type=\"text/html\" href=\"");
	ev_xml_escape(f->o.base_url, o);
	ev_buf_adds(o, "\"/>\n");
	if (f->o.feed_url != NULL) {
		ev_buf_adds(o, "  <link rel=\"self\" "
		    "type=\"application/atom+xml\" href=\"");
		ev_xml_escape(f->o.feed_url, o);
		ev_buf_adds(o, "\"/>\n");
	}
	/* RFC 4287 4.1.1: an entry without an author takes the feed's. */
	if (f->noauthor) {
		ev_buf_adds(o, "  <author>\n");
		xml_el(o, "    ", "name", f->o.title);
		ev_buf_adds(o, "  </author>\n");
	}
}

static void
json_head(struct news_feed *f, struct ev_buf *o)
{
	const char *in = "  ";

	ev_buf_adds(o, "{\n  \"version\": \"https://jsonfeed.org/version/1.1\"");
	json_kv(o, in, "title", f->o.title);
	json_kv(o, in, "home_page_url", f->o.base_url);
	if (f->o.feed_url != NULL)
		json_kv(o, in, "feed_url", f->o.feed_url);
	json_kv(o, in, "language", news_lang_name(f->lang));
	ev_buf_adds(o, ",\n  \"items\": [");
}

void
news_feed_finish(struct news_feed *f, struct ev_buf *out)
{
	if (f->kind == NEWS_OUT_RSS)
		rss_head(f, out);
	else if (f->kind == NEWS_OUT_ATOM)
		atom_head(f, out);
	else
		json_head(f, out);
	ev_buf_add(out, f->items.p != NULL ? f->items.p : "", f->items.len);
	if (f->kind == NEWS_OUT_RSS)
		ev_buf_adds(out, "  </channel>\n</rss>\n");
	else if (f->kind == NEWS_OUT_ATOM)
		ev_buf_adds(out, "</feed>\n");
	else
		ev_buf_adds(out, "\n  ]\n}\n");
}
