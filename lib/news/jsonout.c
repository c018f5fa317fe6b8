/*
 * jsonout.c - an article as JSON: -o json, the parsed article (every
 * field, the body block by block, slug, word count, reading time,
 * teaser), and -o jsonld, schema.org's NewsArticle for search engines.
 * One object a line, so several articles are JSON Lines.  What they
 * share with the feeds: word counts and RFC 3339 dates.  utf8proc
 * inside (word classes).
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

#define TEASER	160	/* characters: a search result's snippet */

/* ---- words ------------------------------------------------------------ */

static int
wordchar(int32_t c)
{
	int cat;

	if (c < 0)
		return 0;
	if (c < 0x80)
		return ev_isalnum(c);
	cat = utf8proc_category(c);
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
}

/* Joins two runs of word characters into one word. */
static int
joiner(int32_t c)
{
	return c == '\'' || c == 0x2019 || c == '-' || c == 0x2011 ||
	    c == '.' || c == ',';
}

static size_t
count_words(const char *s, size_t n)
{
	const char *p = s, *e = s + n, *q;
	size_t words = 0;
	int in = 0;
	int32_t c;

	while (p < e) {
		c = ev_utf8_next(&p, (size_t)(e - p));
		if (wordchar(c)) {
			words += !in;
			in = 1;
			continue;
		}
		q = p;
		if (in && joiner(c) && q < e &&
		    wordchar(ev_utf8_next(&q, (size_t)(e - q))))
			continue;	/* 15-Minuten-Takt, 3.000 */
		in = 0;
	}
	return words;
}

static size_t
text_words(const struct news_text *t, struct ev_buf *tmp)
{
	if (t == NULL || t->s == NULL)
		return 0;
	ev_buf_clear(tmp);
	news_plain(t->s, t->len, tmp);
	return count_words(tmp->p ? tmp->p : "", tmp->len);
}

size_t
news_article_words(const struct news_article *a)
{
	struct ev_buf tmp = { 0 };
	size_t w;

	w = text_words(&a->field[NEWS_F_TITLE], &tmp) +
	    text_words(news_article_lead(a), &tmp);
	for (size_t i = 0; i < a->nblock; i++) {
		enum news_block_kind k = a->block[i].kind;

		if ((long)i != a->lead_block && k != NEWS_B_CODE &&
		    k != NEWS_B_HTML && k != NEWS_B_RULE)
			w += text_words(&a->block[i].text, &tmp);
	}
	ev_buf_free(&tmp);
	return w;
}

/* ---- dates ------------------------------------------------------------ */

int
news_rfc3339(const struct ev_ctx *ctx, const char *s, struct ev_buf *out)
{
	struct ev_err err;
	struct ev_tm tm;
	int64_t lo, hi;
	int off;

	if (ctx == NULL || s == NULL || ev_when_parse(ctx, s, &lo, &hi, &err) < 0)
		return -1;
	off = ev_zone_offset(ev_ctx_zone(ctx), lo);
	ev_tm_from_wall(lo + off, &tm);
	ev_buf_printf(out, "%04d-%02d-%02dT%02d:%02d:%02d", tm.year, tm.mon,
	    tm.mday, tm.hour, tm.min, tm.sec);
	if (off == 0)
		ev_buf_adds(out, "Z");
	else
		ev_buf_printf(out, "%c%02d:%02d", off < 0 ? '-' : '+',
		    (off < 0 ? -off : off) / 3600,
		    (off < 0 ? -off : off) % 3600 / 60);
	return 0;
}

/* ---- the writer ------------------------------------------------------- */

struct jw {
	const struct news_article *a;
	const struct news_wopts *w;
	struct ev_buf *out;
	struct ev_buf tmp;
	int	 first;		/* no key yet in the object being written */
};

static void
key(struct jw *j, const char *k)
{
	if (!j->first)
		ev_buf_addc(j->out, ',');
	j->first = 0;
	ev_json_string(k, j->out);
	ev_buf_addc(j->out, ':');
}

static void
open_obj(struct jw *j, char c)
{
	ev_buf_addc(j->out, c);
	j->first = 1;
}

static void
close_obj(struct jw *j, char c)
{
	ev_buf_addc(j->out, c);
	j->first = 0;
}

/* "k": "s", or "k": null when s is NULL */
static void
str(struct jw *j, const char *k, const char *s)
{
	if (k != NULL)
		key(j, k);
	else if (!j->first)
		ev_buf_addc(j->out, ',');
	j->first = 0;
	if (s != NULL)
		ev_json_string(s, j->out);
	else
		ev_buf_adds(j->out, "null");
}

/* The plain text of inline Markdown, in j->tmp; NULL for NULL. */
static const char *
plain(struct jw *j, const struct news_text *x)
{
	if (x == NULL || x->s == NULL)
		return NULL;
	ev_buf_clear(&j->tmp);
	news_plain(x->s, x->len, &j->tmp);
	while (j->tmp.len > 0 && j->tmp.p[j->tmp.len - 1] == ' ')
		j->tmp.p[--j->tmp.len] = '\0';	/* after markup left out */
	if (j->tmp.p == NULL)
		ev_buf_adds(&j->tmp, "");
	return j->tmp.p;
}

static const char *
field(struct jw *j, enum news_field f)
{
	return plain(j, &j->a->field[f]);
}

/* The slug: the Slug field's, else the headline's; "" when neither
 * has a letter or digit. */
static void
slug_of(const struct news_article *a, struct ev_buf *b)
{
	const struct news_text *t = &a->field[NEWS_F_SLUG];
	struct ev_buf p = { 0 };

	if (t->s == NULL || news_slug(t->s, t->len, 0, b) == 0) {
		t = &a->field[NEWS_F_TITLE];
		if (t->s != NULL) {
			news_plain(t->s, t->len, &p);
			if (p.p != NULL)
				news_slug(p.p, p.len, 0, b);
		}
	}
	if (b->p == NULL)
		ev_buf_adds(b, "");
	ev_buf_free(&p);
}

void
news_article_slug(const struct news_article *a, struct ev_buf *out)
{
	slug_of(a, out);
}

void
news_article_teaser(const struct news_article *a, size_t max,
    struct ev_buf *out)
{
	const struct news_text *lead = news_article_lead(a);
	struct ev_buf p = { 0 };

	if (lead != NULL) {
		news_plain(lead->s, lead->len, &p);
		if (p.p != NULL)
			news_teaser(p.p, p.len, max, out);
	}
	if (out->p == NULL)
		ev_buf_adds(out, "");
	ev_buf_free(&p);
}

static void
date(struct jw *j, const char *k, enum news_field f)
{
	struct ev_buf b = { 0 };

	if (news_rfc3339(j->w->ctx, j->a->field[f].s, &b) == 0)
		str(j, k, b.p);
	else
		str(j, k, NULL);
	ev_buf_free(&b);
}

static void
image(struct jw *j)
{
	const struct news_article *a = j->a;

	key(j, "image");
	if (a->field[NEWS_F_IMAGE].s == NULL && a->field[NEWS_F_ALT].s == NULL &&
	    a->field[NEWS_F_CAPTION].s == NULL && a->field[NEWS_F_CREDIT].s == NULL) {
		ev_buf_adds(j->out, "null");
		return;
	}
	open_obj(j, '{');
	str(j, "src", a->field[NEWS_F_IMAGE].s);
	str(j, "alt", field(j, NEWS_F_ALT));
	str(j, "caption", field(j, NEWS_F_CAPTION));
	str(j, "credit", field(j, NEWS_F_CREDIT));
	close_obj(j, '}');
}

static void
related(struct jw *j)
{
	key(j, "related");
	open_obj(j, '[');
	for (size_t i = 0; i < j->a->nrelated; i++) {
		const struct news_link *l = &j->a->related[i];
		struct news_text x = { .s = l->text.s + l->toff, .len = l->tlen };
		char *url = l->ulen > 0 ?
		    ev_estrndup(l->text.s + l->uoff, l->ulen) : NULL;

		if (i > 0)
			ev_buf_addc(j->out, ',');
		open_obj(j, '{');
		str(j, "text", plain(j, &x));
		str(j, "url", url);
		close_obj(j, '}');
		free(url);
	}
	close_obj(j, ']');
}

static void
tags(struct jw *j)
{
	key(j, "tags");
	open_obj(j, '[');
	for (size_t i = 0; i < j->a->ntags; i++)
		str(j, NULL, j->a->tags[i].s);
	close_obj(j, ']');
}

static void
extra(struct jw *j)
{
	key(j, "extra");
	open_obj(j, '{');
	for (size_t i = 0; i < j->a->nextra; i++)
		str(j, j->a->extra[i].key, j->a->extra[i].value.s);
	close_obj(j, '}');
}

static void
block(struct jw *j, const struct news_block *k)
{
	open_obj(j, '{');
	str(j, "kind", news_block_name(k->kind));
	switch (k->kind) {
	case NEWS_B_SUBHEAD:
		key(j, "level");
		ev_buf_printf(j->out, "%d", k->level);
		break;
	case NEWS_B_QUOTE:
		key(j, "first");
		ev_buf_adds(j->out, k->first ? "true" : "false");
		break;
	case NEWS_B_ITEM:
		key(j, "first");
		ev_buf_adds(j->out, k->first ? "true" : "false");
		key(j, "item");
		ev_buf_adds(j->out, k->item ? "true" : "false");
		key(j, "ordered");
		ev_buf_adds(j->out, k->ordered ? "true" : "false");
		if (k->ordered) {
			key(j, "number");
			ev_buf_printf(j->out, "%ld", k->number);
		}
		break;
	case NEWS_B_CODE:
		str(j, "info", k->info);
		break;
	default:
		break;
	}
	if (k->kind == NEWS_B_CODE || k->kind == NEWS_B_HTML)
		str(j, "text", k->text.s);
	else if (k->kind != NEWS_B_RULE) {
		str(j, "text", plain(j, &k->text));
		str(j, "markdown", k->text.s);
	}
	close_obj(j, '}');
}

static void
body(struct jw *j)
{
	int n = 0;

	key(j, "body");
	open_obj(j, '[');
	for (size_t i = 0; i < j->a->nblock; i++) {
		if ((long)i == j->a->lead_block)
			continue;
		if (n++ > 0)
			ev_buf_addc(j->out, ',');
		block(j, &j->a->block[i]);
	}
	close_obj(j, ']');
}

static size_t
minutes(size_t words)
{
	return (words + NEWS_WPM - 1) / NEWS_WPM;
}

void
news_json_write(const struct news_article *a, const struct news_wopts *w,
    struct ev_buf *out)
{
	struct jw j = { .a = a, .w = w, .out = out };
	struct ev_buf b = { 0 };
	size_t words = news_article_words(a);

	open_obj(&j, '{');
	str(&j, "kicker", field(&j, NEWS_F_KICKER));
	str(&j, "title", field(&j, NEWS_F_TITLE));
	str(&j, "date", a->field[NEWS_F_DATE].s);
	date(&j, "date_rfc3339", NEWS_F_DATE);
	str(&j, "updated", a->field[NEWS_F_UPDATED].s);
	date(&j, "updated_rfc3339", NEWS_F_UPDATED);
	str(&j, "author", field(&j, NEWS_F_AUTHOR));
	str(&j, "lead", plain(&j, news_article_lead(a)));
	image(&j);
	related(&j);
	tags(&j);
	str(&j, "lang", news_lang_name(w->lang));
	slug_of(a, &b);
	str(&j, "slug", b.len > 0 ? b.p : NULL);
	extra(&j);
	body(&j);
	key(&j, "words");
	ev_buf_printf(out, "%zu", words);
	key(&j, "reading_minutes");
	ev_buf_printf(out, "%zu", minutes(words));
	ev_buf_clear(&b);
	news_article_teaser(a, w->teaser > 0 ? w->teaser : TEASER, &b);
	str(&j, "teaser", news_article_lead(a) != NULL ? b.p : NULL);
	close_obj(&j, '}');
	ev_buf_addc(out, '\n');
	ev_buf_free(&b);
	ev_buf_free(&j.tmp);
}

/* ---- JSON-LD ---------------------------------------------------------- */

/* base (its '/' at the end left out), '/', rest */
static void
url_join(const char *base, const char *rest, struct ev_buf *b)
{
	size_t n = strlen(base);

	while (n > 0 && base[n - 1] == '/')
		n--;
	ev_buf_add(b, base, n);
	if (rest[0] != '/')
		ev_buf_addc(b, '/');
	ev_buf_adds(b, rest);
}

/* An absolute URL has a scheme: letters, digits, + - . before a ':'. */
static int
absolute(const char *u)
{
	size_t n = strspn(u, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789+-.");

	return n > 0 && u[n] == ':' && ev_isalpha((unsigned char)u[0]);
}

static void
ld_image(struct jw *j, struct ev_buf *b)
{
	const struct news_article *a = j->a;
	const char *src = a->field[NEWS_F_IMAGE].s;

	if (src == NULL)
		return;
	key(j, "image");
	open_obj(j, '{');
	str(j, "@type", "ImageObject");
	ev_buf_clear(b);
	if (!absolute(src) && j->w->base_url != NULL)
		url_join(j->w->base_url, src, b);
	else
		ev_buf_adds(b, src);
	str(j, "url", b->p);
	if (a->field[NEWS_F_CAPTION].s != NULL)
		str(j, "caption", field(j, NEWS_F_CAPTION));
	if (a->field[NEWS_F_CREDIT].s != NULL)
		str(j, "creditText", field(j, NEWS_F_CREDIT));
	close_obj(j, '}');
}

/* The body's text, paragraphs apart by a blank line. */
static void
ld_body(struct jw *j, struct ev_buf *b)
{
	ev_buf_clear(b);
	for (size_t i = 0; i < j->a->nblock; i++) {
		const struct news_block *k = &j->a->block[i];

		if ((long)i == j->a->lead_block || k->kind == NEWS_B_CODE ||
		    k->kind == NEWS_B_HTML || k->kind == NEWS_B_RULE)
			continue;
		if (b->len > 0)
			ev_buf_adds(b, "\n\n");
		ev_buf_adds(b, plain(j, &k->text));
	}
	if (b->len > 0)
		str(j, "articleBody", b->p);
}

static void
ld_keywords(struct jw *j)
{
	if (j->a->ntags == 0)
		return;
	key(j, "keywords");
	open_obj(j, '[');
	for (size_t i = 0; i < j->a->ntags; i++)
		str(j, NULL, j->a->tags[i].s);
	close_obj(j, ']');
}

static void
ld_page(struct jw *j, struct ev_buf *b)
{
	struct ev_buf s = { 0 };

	slug_of(j->a, &s);
	if (j->w->base_url != NULL && s.len > 0) {
		ev_buf_clear(b);
		url_join(j->w->base_url, s.p, b);
		key(j, "mainEntityOfPage");
		open_obj(j, '{');
		str(j, "@type", "WebPage");
		str(j, "@id", b->p);
		close_obj(j, '}');
		str(j, "url", b->p);
	}
	ev_buf_free(&s);
}

/*
 * Inside <script type="application/ld+json"> the HTML parser ends the
 * element at "</script" and comments at "<!--", whatever JSON thinks:
 * < > & go as \u escapes (they stand only inside strings), and so do
 * U+2028 and U+2029, which old JavaScript took for line ends.
 */
static void
script_safe(const char *s, size_t n, struct ev_buf *out)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '<' || c == '>' || c == '&')
			ev_buf_printf(out, "\\u%04x", c);
		else if (c == 0xE2 && i + 2 < n &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0xA8 ||
		    (unsigned char)s[i + 2] == 0xA9)) {
			ev_buf_printf(out, "\\u%04x",
			    0x2000 + (unsigned char)s[i + 2] - 0x80);
			i += 2;
		} else
			ev_buf_addc(out, c);
	}
}

void
news_jsonld_write(const struct news_article *a, const struct news_wopts *w,
    struct ev_buf *out)
{
	struct ev_buf raw = { 0 }, b = { 0 };
	struct jw j = { .a = a, .w = w, .out = &raw };
	const char *s;

	open_obj(&j, '{');
	str(&j, "@context", "https://schema.org");
	str(&j, "@type", "NewsArticle");
	ld_page(&j, &b);
	if ((s = field(&j, NEWS_F_TITLE)) != NULL)
		str(&j, "headline", s);
	ev_buf_clear(&b);
	if (news_rfc3339(w->ctx, a->field[NEWS_F_DATE].s, &b) == 0)
		str(&j, "datePublished", b.p);
	ev_buf_clear(&b);
	if (news_rfc3339(w->ctx, a->field[NEWS_F_UPDATED].s, &b) == 0)
		str(&j, "dateModified", b.p);
	if ((s = field(&j, NEWS_F_AUTHOR)) != NULL) {
		key(&j, "author");
		open_obj(&j, '{');
		str(&j, "@type", "Person");
		str(&j, "name", s);
		close_obj(&j, '}');
	}
	ld_image(&j, &b);
	if ((s = plain(&j, news_article_lead(a))) != NULL)
		str(&j, "description", s);
	ld_keywords(&j);
	str(&j, "inLanguage", news_lang_name(w->lang));
	key(&j, "wordCount");
	ev_buf_printf(&raw, "%zu", news_article_words(a));
	ld_body(&j, &b);
	close_obj(&j, '}');
	ev_buf_addc(&raw, '\n');
	script_safe(raw.p, raw.len, out);
	ev_buf_free(&raw);
	ev_buf_free(&b);
	ev_buf_free(&j.tmp);
}
