/*
 * htmlout.c - an article as an HTML fragment for the portal's page, and
 * (--standalone) the minimal HTML5 document around the articles.
 *
 * The fragment is one <article lang> with no script and no style:
 * <header> (kicker, <h1>, byline with <time datetime>), the lead, the
 * <figure> of the image, the body, <aside> "Mehr zum Thema", tags in a
 * <footer>.  Every text is escaped; inline Markdown is read with cmark
 * and written by this file, so raw HTML in the source comes out as the
 * text it is (safe by default), and a link or image whose URL is a
 * javascript:, vbscript:, file: or data: one loses the URL.
 */
#include <stdio.h>
#include <string.h>
#include <cmark.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

struct hw {
	const struct news_wopts *w;
	struct ev_buf *out;
	struct ev_buf tmp, lit;
};

static int
german(const struct hw *h)
{
	return h->w->lang != NEWS_LANG_EN;
}

/* s[0..n) escaped (ev_html_escape wants a string). */
static void
esc(struct hw *h, const char *s, size_t n)
{
	struct ev_buf t = { 0 };

	ev_buf_add(&t, s, n);
	ev_buf_addc(&t, '\0');
	ev_html_escape(t.p, h->out);
	ev_buf_free(&t);
}

/* A scheme a browser runs or reads locally: such a URL is left out. */
static int
unsafe_url(const char *u)
{
	static const char *const bad[] = { "javascript:", "vbscript:",
	    "file:", "data:" };

	while (*u == ' ' || *u == '\t')
		u++;
	for (size_t i = 0; i < NELEM(bad); i++)
		if (ev_strncaseeq(u, bad[i], strlen(bad[i])))
			return 1;
	return 0;
}

/* A URL as an attribute value: what may not stand in one unencoded
 * (blanks, controls, quotes, angle brackets, ...) percent-encoded, then
 * escaped (& → &amp;). */
static void
url(struct hw *h, const char *s, size_t n)
{
	struct ev_buf t = { 0 };

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c == 0x7f || strchr("\"<>\\^`{|}", c) != NULL)
			ev_buf_printf(&t, "%%%02X", c);
		else
			ev_buf_addc(&t, c);
	}
	ev_buf_addc(&t, '\0');
	ev_html_escape(t.p, h->out);
	ev_buf_free(&t);
}

static void inlines(struct hw *, cmark_node *);

/* A block's literal without the line break that ends it. */
static void
lit_trim(struct ev_buf *b, const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == '\n')
		n--;
	ev_buf_add(b, s, n);
}

/* The plain text under a node, raw HTML kept as text: an image's alt
 * text, the page's title. */
static void
alt_text(cmark_node *n, struct ev_buf *b)
{
	for (cmark_node *c = cmark_node_first_child(n); c != NULL;
	    c = cmark_node_next(c))
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:	/* text, as in the page */
			ev_buf_adds(b, cmark_node_get_literal(c));
			break;
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_CODE_BLOCK:
			lit_trim(b, cmark_node_get_literal(c));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			ev_buf_addc(b, ' ');
			break;
		default:
			alt_text(c, b);
		}
}

/* An image in the body, its label as its alt text. */
static void
image(struct hw *h, cmark_node *n)
{
	const char *u = cmark_node_get_url(n);
	struct ev_buf alt = { 0 };

	if (u == NULL || *u == '\0' || unsafe_url(u)) {
		inlines(h, n);
		return;
	}
	alt_text(n, &alt);
	ev_buf_adds(h->out, "<img src=\"");
	url(h, u, strlen(u));
	ev_buf_adds(h->out, "\" alt=\"");
	esc(h, alt.p != NULL ? alt.p : "", alt.len);
	ev_buf_adds(h->out, "\">");
	ev_buf_free(&alt);
}

static void
link(struct hw *h, cmark_node *n)
{
	const char *u = cmark_node_get_url(n), *t = cmark_node_get_title(n);

	if (u == NULL || *u == '\0' || unsafe_url(u)) {
		inlines(h, n);
		return;
	}
	ev_buf_adds(h->out, "<a href=\"");
	url(h, u, strlen(u));
	if (t != NULL && *t != '\0') {
		ev_buf_adds(h->out, "\" title=\"");
		esc(h, t, strlen(t));
	}
	ev_buf_adds(h->out, "\">");
	inlines(h, n);
	ev_buf_adds(h->out, "</a>");
}

/* One node of inline Markdown (a block reached inside a text, such as
 * a headline "1. FC" read as a list, gives its inlines). */
static void
node(struct hw *h, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_HTML_INLINE:	/* shown, never passed through */
		esc(h, lit, strlen(lit));
		return;
	case CMARK_NODE_HTML_BLOCK:	/* a header value "<b>" alone */
	case CMARK_NODE_CODE_BLOCK:
		ev_buf_clear(&h->lit);
		lit_trim(&h->lit, lit);
		esc(h, h->lit.p != NULL ? h->lit.p : "", h->lit.len);
		return;
	case CMARK_NODE_CODE:
		ev_buf_adds(h->out, "<code>");
		esc(h, lit, strlen(lit));
		ev_buf_adds(h->out, "</code>");
		return;
	case CMARK_NODE_SOFTBREAK: ev_buf_addc(h->out, '\n'); return;
	case CMARK_NODE_LINEBREAK: ev_buf_adds(h->out, "<br>\n"); return;
	case CMARK_NODE_EMPH:
		ev_buf_adds(h->out, "<em>");
		inlines(h, n);
		ev_buf_adds(h->out, "</em>");
		return;
	case CMARK_NODE_STRONG:
		ev_buf_adds(h->out, "<strong>");
		inlines(h, n);
		ev_buf_adds(h->out, "</strong>");
		return;
	case CMARK_NODE_LINK: link(h, n); return;
	case CMARK_NODE_IMAGE: image(h, n); return;
	default: inlines(h, n); return;
	}
}

static void
inlines(struct hw *h, cmark_node *n)
{
	for (cmark_node *c = cmark_node_first_child(n); c != NULL;
	    c = cmark_node_next(c)) {
		if (c != cmark_node_first_child(n) &&
		    cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH)
			ev_buf_addc(h->out, ' ');
		node(h, c);
	}
}

/* Does s start like a block of its own ("# ", "- ", "> ", "1. ") that
 * it is not (a headline "1. FC Neustadt")?  Then it is read with a
 * backslash before that mark. */
static size_t
block_mark(const char *s, size_t n)
{
	size_t i = 0;

	if (n > 0 && s[0] == '>')
		return 1;
	if (n > 1 && strchr("-+*", s[0]) != NULL && (s[1] == ' ' ||
	    s[1] == '\t'))
		return 1;
	while (i < n && s[i] == '#')
		i++;
	if (i > 0 && i <= 6 && (i == n || s[i] == ' ' || s[i] == '\t'))
		return 1;
	for (i = 0; i < n && i < 9 && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i > 0 && i < n && (s[i] == '.' || s[i] == ')') &&
	    (i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\t'))
		return i + 1;
	return 0;
}

/* Inline Markdown s[0..n) read by cmark (tmp: a scratch buffer). */
static cmark_node *
parse(const char *s, size_t n, struct ev_buf *tmp)
{
	size_t m = block_mark(s, n);
	cmark_node *doc;

	ev_buf_clear(tmp);
	if (m > 0) {
		ev_buf_add(tmp, s, m - 1);
		ev_buf_addc(tmp, '\\');
		ev_buf_add(tmp, s + m - 1, n - m + 1);
	} else
		ev_buf_add(tmp, s, n);
	if ((doc = cmark_parse_document(tmp->p != NULL ? tmp->p : "",
	    tmp->len, CMARK_OPT_DEFAULT)) == NULL)
		ev_die(EV_EXIT_ERROR, "out of memory");
	return doc;
}

/* Inline Markdown s[0..n) as HTML. */
static void
md(struct hw *h, const char *s, size_t n)
{
	cmark_node *doc = parse(s, n, &h->tmp);

	inlines(h, doc);
	cmark_node_free(doc);
}

/* Inline Markdown s[0..n) as plain text, escaped: an attribute value. */
static void
plain(const char *s, size_t n, struct ev_buf *out)
{
	struct ev_buf tmp = { 0 }, t = { 0 };
	cmark_node *doc = parse(s, n, &tmp);

	alt_text(doc, &t);
	ev_buf_addc(&t, '\0');
	ev_html_escape(t.p, out);
	cmark_node_free(doc);
	ev_buf_free(&tmp);
	ev_buf_free(&t);
}

static void
text(struct hw *h, const struct news_text *x)
{
	md(h, x->s, x->len);
}

/* A text in an element: <tag>text</tag>\n; tag may carry attributes. */
static void
elem(struct hw *h, const char *tag, const struct news_text *x)
{
	size_t n = strcspn(tag, " ");

	ev_buf_printf(h->out, "<%s>", tag);
	text(h, x);
	ev_buf_printf(h->out, "</%.*s>\n", (int)n, tag);
}

/* "2026-11-27", "27.11.2026" (a time after it is passed over) as
 * <time datetime="2026-11-27">Freitag, 27. November 2026</time>; any
 * other value as it is. */
static void
date(struct hw *h, const struct news_text *x)
{
	struct ev_tm tm = { 0 };
	int y, m, d, k = 0;

	if ((sscanf(x->s, "%4d-%2d-%2d%n", &y, &m, &d, &k) == 3 ||
	    sscanf(x->s, "%2d.%2d.%4d%n", &d, &m, &y, &k) == 3) && k >= 8 &&
	    y >= 1000 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= ev_days_in_month(y, m)) {
		tm.year = y, tm.mon = m, tm.mday = d;
		tm.wday = ev_weekday(ev_days_from_civil(y, m, d));
		ev_buf_printf(h->out, "<time datetime=\"%04d-%02d-%02d\">",
		    y, m, d);
		ev_buf_clear(&h->tmp);
		ev_fmt_long_date(german(h) ? EV_LANG_DE : EV_LANG_EN, &tm,
		    &h->tmp);
		esc(h, h->tmp.p, h->tmp.len);
		ev_buf_adds(h->out, "</time>");
		return;
	}
	text(h, x);
}

/* "<time>Freitag, 27. November 2026</time> · Lena Hoffmann
 * (aktualisiert: <time>…</time>)" */
static void
byline(struct hw *h, const struct news_article *a)
{
	const struct news_text *d = &a->field[NEWS_F_DATE];
	const struct news_text *au = &a->field[NEWS_F_AUTHOR];
	const struct news_text *up = &a->field[NEWS_F_UPDATED];

	if (d->s == NULL && au->s == NULL && up->s == NULL)
		return;
	ev_buf_adds(h->out, "<p class=\"byline\">");
	if (d->s != NULL)
		date(h, d);
	if (au->s != NULL) {
		ev_buf_adds(h->out, d->s != NULL ? " · " : "");
		ev_buf_adds(h->out, "<span class=\"author\">");
		text(h, au);
		ev_buf_adds(h->out, "</span>");
	}
	if (up->s != NULL) {
		ev_buf_adds(h->out, d->s != NULL || au->s != NULL ? " (" : "(");
		ev_buf_adds(h->out, german(h) ? "aktualisiert: " :
		    "updated: ");
		date(h, up);
		ev_buf_addc(h->out, ')');
	}
	ev_buf_adds(h->out, "</p>\n");
}

static void
header(struct hw *h, const struct news_article *a)
{
	ev_buf_adds(h->out, "<header>\n");
	if (a->field[NEWS_F_KICKER].s != NULL)
		elem(h, "p class=\"kicker\"", &a->field[NEWS_F_KICKER]);
	if (a->field[NEWS_F_TITLE].s != NULL)
		elem(h, "h1", &a->field[NEWS_F_TITLE]);
	byline(h, a);
	ev_buf_adds(h->out, "</header>\n");
}

/* The lead, a dated parenthesis "(14. September)" in a span of its own. */
static void
lead(struct hw *h, const struct news_article *a)
{
	const struct news_text *l = news_article_lead(a);
	size_t n, k;

	if (l == NULL)
		return;
	ev_buf_adds(h->out, "<p class=\"lead\">");
	if ((n = news_dateline(l->s, l->len)) > 0) {
		for (k = n; k > 0 && strchr(" \t\n", l->s[k - 1]) != NULL; k--)
			;
		ev_buf_adds(h->out, "<span class=\"dateline\">");
		md(h, l->s, k);
		ev_buf_adds(h->out, "</span> ");
	}
	md(h, l->s + n, l->len - n);
	ev_buf_adds(h->out, "</p>\n");
}

/* "© Credit", unless it has its © already. */
static void
credit(struct hw *h, const struct news_text *cr)
{
	ev_buf_adds(h->out, "<small>");
	if (strncmp(cr->s, "©", strlen("©")) != 0)
		ev_buf_adds(h->out, "© ");
	text(h, cr);
	ev_buf_adds(h->out, "</small>");
}

/* The image with its caption and credit; alt "" when the article gives
 * no text alternative (the caption then says what there is to say). */
static void
figure(struct hw *h, const struct news_article *a)
{
	const struct news_text *img = &a->field[NEWS_F_IMAGE];
	const struct news_text *alt = &a->field[NEWS_F_ALT];
	const struct news_text *cap = &a->field[NEWS_F_CAPTION];
	const struct news_text *cr = &a->field[NEWS_F_CREDIT];

	if (img->s == NULL || unsafe_url(img->s))
		return;
	ev_buf_adds(h->out, "<figure>\n<img src=\"");
	url(h, img->s, img->len);
	ev_buf_adds(h->out, "\" alt=\"");
	if (alt->s != NULL)
		plain(alt->s, alt->len, h->out);
	ev_buf_adds(h->out, "\">\n");
	if (cap->s != NULL || cr->s != NULL) {
		ev_buf_adds(h->out, "<figcaption>");
		if (cap->s != NULL)
			text(h, cap);
		if (cap->s != NULL && cr->s != NULL)
			ev_buf_addc(h->out, ' ');
		if (cr->s != NULL)
			credit(h, cr);
		ev_buf_adds(h->out, "</figcaption>\n");
	}
	ev_buf_adds(h->out, "</figure>\n");
}

/* A quote: its paragraphs from k[0] on; with an attribution after them,
 * a <figure> around the <blockquote> and the attribution in its
 * <figcaption>.  The blocks it took. */
static size_t
quote(struct hw *h, const struct news_block *k, size_t n)
{
	size_t i = 1, j;

	while (i < n && k[i].kind == NEWS_B_QUOTE && !k[i].first)
		i++;
	j = i < n && k[i].kind == NEWS_B_ATTRIB;
	if (j)
		ev_buf_adds(h->out, "<figure class=\"quote\">\n");
	ev_buf_adds(h->out, "<blockquote>\n");
	for (size_t q = 0; q < i; q++)
		elem(h, "p", &k[q].text);
	ev_buf_adds(h->out, "</blockquote>\n");
	if (j) {
		ev_buf_adds(h->out, "<figcaption>— ");
		text(h, &k[i].text);
		ev_buf_adds(h->out, "</figcaption>\n</figure>\n");
	}
	return i + j;
}

/* A list: its items from k[0] on.  The blocks it took. */
static size_t
list(struct hw *h, const struct news_block *k, size_t n)
{
	const char *tag = k[0].ordered ? "ol" : "ul";
	size_t i;

	if (k[0].ordered && k[0].number != 1)
		ev_buf_printf(h->out, "<ol start=\"%ld\">\n", k[0].number);
	else
		ev_buf_printf(h->out, "<%s>\n", tag);
	for (i = 0; i < n && k[i].kind == NEWS_B_ITEM &&
	    (i == 0 || !k[i].first); i++) {
		if (k[i].item || i == 0) {
			if (i > 0)
				ev_buf_adds(h->out, "</li>\n");
			ev_buf_adds(h->out, "<li>");
			text(h, &k[i].text);
		} else {
			ev_buf_adds(h->out, "\n");
			elem(h, "p", &k[i].text);
		}
	}
	ev_buf_printf(h->out, "</li>\n</%s>\n", tag);
	return i;
}

/* A code block, or an HTML block shown as the text it is. */
static void
pre(struct hw *h, const struct news_block *k)
{
	ev_buf_adds(h->out, k->kind == NEWS_B_HTML ? "<pre class=\"html\">" :
	    "<pre>");
	ev_buf_adds(h->out, "<code>");
	esc(h, k->text.s, k->text.len);
	ev_buf_adds(h->out, "</code></pre>\n");
}

/* The blocks from k[0] on that one element takes. */
static size_t
block(struct hw *h, const struct news_block *k, size_t n)
{
	int lv;

	switch (k->kind) {
	case NEWS_B_PARA:
	case NEWS_B_ATTRIB:	/* one without a quote before it */
		elem(h, "p", &k->text);
		return 1;
	case NEWS_B_SUBHEAD:
		/* the headline is the <h1>: subheads from <h2> on */
		lv = k->level < 2 ? 2 : k->level > 6 ? 6 : k->level;
		ev_buf_printf(h->out, "<h%d>", lv);
		text(h, &k->text);
		ev_buf_printf(h->out, "</h%d>\n", lv);
		return 1;
	case NEWS_B_QUOTE: return quote(h, k, n);
	case NEWS_B_ITEM: return list(h, k, n);
	case NEWS_B_CODE:
	case NEWS_B_HTML:
		pre(h, k);
		return 1;
	case NEWS_B_RULE:
		ev_buf_adds(h->out, "<hr>\n");
		return 1;
	}
	return 1;
}

static void
body(struct hw *h, const struct news_article *a)
{
	for (size_t i = 0; i < a->nblock;) {
		size_t end = a->nblock;

		if ((long)i == a->lead_block) {
			i++;
			continue;
		}
		/* an element ends before the lead paragraph */
		if (a->lead_block > (long)i)
			end = (size_t)a->lead_block;
		i += block(h, &a->block[i], end - i);
	}
}

static void
related(struct hw *h, const struct news_article *a)
{
	if (a->nrelated == 0)
		return;
	ev_buf_printf(h->out, "<aside>\n<h2>%s</h2>\n<ul>\n", german(h) ?
	    "Mehr zum Thema" : "Related");
	for (size_t i = 0; i < a->nrelated; i++) {
		const struct news_link *l = &a->related[i];
		const char *u = l->text.s + l->uoff;

		ev_buf_adds(h->out, "<li>");
		if (l->ulen > 0 && !unsafe_url(u)) {
			ev_buf_adds(h->out, "<a href=\"");
			url(h, u, l->ulen);
			ev_buf_adds(h->out, "\">");
		}
		md(h, l->text.s + l->toff, l->tlen);
		if (l->ulen > 0 && !unsafe_url(u))
			ev_buf_adds(h->out, "</a>");
		ev_buf_adds(h->out, "</li>\n");
	}
	ev_buf_adds(h->out, "</ul>\n</aside>\n");
}

static void
tags(struct hw *h, const struct news_article *a)
{
	if (a->ntags == 0)
		return;
	ev_buf_printf(h->out, "<footer>\n<p class=\"tags\">%s: ",
	    german(h) ? "Schlagworte" : "Tags");
	for (size_t i = 0; i < a->ntags; i++) {
		if (i > 0)
			ev_buf_adds(h->out, ", ");
		ev_buf_adds(h->out, "<span class=\"tag\">");
		text(h, &a->tags[i]);
		ev_buf_adds(h->out, "</span>");
	}
	ev_buf_adds(h->out, "</p>\n</footer>\n");
}

void
news_html_write(const struct news_article *a, const struct news_wopts *w,
    struct ev_buf *out)
{
	struct hw h = { .w = w, .out = out };

	ev_buf_printf(out, "<article lang=\"%s\">\n", news_lang_name(w->lang));
	header(&h, a);
	lead(&h, a);
	figure(&h, a);
	body(&h, a);
	related(&h, a);
	tags(&h, a);
	ev_buf_adds(out, "</article>\n");
	ev_buf_free(&h.tmp);
	ev_buf_free(&h.lit);
}

/*
 * --standalone: the page's own style, kept out of the fragment, which
 * takes the portal's.  A measure of about 70 characters, images and
 * long words that never overflow a narrow screen, quotes set off.
 */
static const char style[] =
	"body { margin: 0 auto; padding: 1rem; max-width: 40rem;\n"
	"  font: 1.0625rem/1.55 Georgia, 'Times New Roman', serif;\n"
	"  color: #1a1a1a; background: #fff; overflow-wrap: anywhere; }\n"
	"h1, h2, .kicker, .byline, figcaption, aside, footer {\n"
	"  font-family: system-ui, 'Helvetica Neue', Arial, sans-serif; }\n"
	"h1 { font-size: 1.9rem; line-height: 1.2; margin: .2rem 0 .5rem;\n"
	"  hyphens: auto; }\n"
	"h2 { font-size: 1.25rem; line-height: 1.3; margin: 1.5rem 0 .5rem; }\n"
	".kicker { margin: 0; font-weight: 600; color: #5a3d00; }\n"
	".byline, figcaption, footer { font-size: .875rem; color: #4a4a4a; }\n"
	".lead { font-weight: 600; }\n"
	"img { display: block; max-width: 100%; height: auto; }\n"
	"figure { margin: 1.5rem 0; }\n"
	"figcaption { margin-top: .4rem; }\n"
	"blockquote { margin: 0; padding: .2rem 0 .2rem 1rem;\n"
	"  border-left: .25rem solid #8a8a8a; font-style: italic; }\n"
	"blockquote p { margin: .4rem 0; }\n"
	"figure.quote figcaption { padding-left: 1.25rem; font-style: normal; }\n"
	"pre { white-space: pre-wrap; background: #f4f4f4; padding: .5rem; }\n"
	"aside { margin: 2rem 0 1rem; padding: .5rem 1rem;\n"
	"  border-top: 1px solid #8a8a8a; }\n"
	"aside h2 { margin-top: .5rem; }\n"
	"a { color: #0b4f9c; }\n"
	"article + article { margin-top: 3rem; border-top: 1px solid #8a8a8a; }\n";

void
news_html_begin(const struct news_article *first,
    const struct news_wopts *w, struct ev_buf *out)
{
	const struct news_text *t = &first->field[NEWS_F_TITLE];
	size_t at;

	ev_buf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>", news_lang_name(w->lang));
	at = out->len;
	if (t->s != NULL)
		plain(t->s, t->len, out);
	if (out->len == at)	/* a <title> may not be empty */
		ev_buf_adds(out, w->lang != NEWS_LANG_EN ? "Artikel" :
		    "Article");
	ev_buf_printf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n"
	    "<main>\n", style);
}

void
news_html_end(struct ev_buf *out)
{
	ev_buf_adds(out, "</main>\n</body>\n</html>\n");
}
