/*
 * textout.c - an article as plain text, typeset and wrapped: kicker,
 * headline, date line, lead, body, caption with credit, related links.
 * Inline Markdown is read (emphasis goes, a link keeps its URL); lines
 * break at blanks only, never at a no-break space nor inside a code
 * span, so never inside a word or a URL either: a word wider than the
 * line stands on a line of its own.  Widths are display widths (a
 * terminal's columns: ü is one, a CJK character or an emoji two).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

#define WIDTH	72

struct tw {
	const struct news_wopts *w;
	struct ev_buf *out;
	struct ev_buf tmp;
	size_t	 width;		/* SIZE_MAX: no wrapping */
};

/* Columns of s[0..n) on a terminal; a bad byte takes one. */
static size_t
cols(const char *s, size_t n)
{
	const char *p = s, *e = s + n;
	size_t w = 0;

	while (p < e) {
		int32_t c = ev_utf8_next(&p, (size_t)(e - p));

		w += c < 0 ? 1 : (size_t)ev_utf8_cwidth(c);
	}
	return w;
}

/* s[0..n) with a code span's glued spaces as spaces. */
static void
put(struct tw *t, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ev_buf_addc(t->out, s[i] == NEWS_GLUE ? ' ' : s[i]);
}

static int
german(const struct tw *t)
{
	return t->w->lang != NEWS_LANG_EN;
}

/* Append s with its lines wrapped at the width, each line after indent
 * (the first after first, when given). */
static void
wrap(struct tw *t, const char *s, const char *first, const char *indent)
{
	const char *lead = first ? first : indent;
	size_t col, room;

	while (*s == ' ' || *s == '\n')
		s++;
	ev_buf_adds(t->out, lead);
	col = cols(lead, strlen(lead));
	room = t->width;
	for (int start = 1; *s != '\0';) {
		size_t n = strcspn(s, " \n"), w = cols(s, n);

		if (!start && room != SIZE_MAX && col + 1 + w > room) {
			ev_buf_addc(t->out, '\n');
			ev_buf_adds(t->out, indent);
			col = cols(indent, strlen(indent));
		} else if (!start) {
			ev_buf_addc(t->out, ' ');
			col++;
		}
		put(t, s, n);
		col += w;
		start = 0;
		s += n;
		if (*s == '\n') {	/* a hard line break */
			ev_buf_addc(t->out, '\n');
			ev_buf_adds(t->out, indent);
			col = cols(indent, strlen(indent));
			start = 1;
		}
		while (*s == ' ' || *s == '\n')
			s++;
	}
	ev_buf_addc(t->out, '\n');
}

/* The plain text of inline Markdown, in t->tmp. */
static const char *
plain(struct tw *t, const struct news_text *x)
{
	ev_buf_clear(&t->tmp);
	news_plain_glued(x->s, x->len, &t->tmp);
	if (t->tmp.p == NULL)
		ev_buf_adds(&t->tmp, "");
	return t->tmp.p;
}

static void
para(struct tw *t, const struct news_text *x, const char *first,
    const char *indent)
{
	wrap(t, plain(t, x), first, indent);
}

/* The headline underlined with '=' as wide as it is. */
static void
headline(struct tw *t, const struct news_article *a)
{
	const char *s;
	size_t n;

	if (a->field[NEWS_F_KICKER].s != NULL)
		para(t, &a->field[NEWS_F_KICKER], NULL, "");
	if (a->field[NEWS_F_TITLE].s == NULL)
		return;
	s = plain(t, &a->field[NEWS_F_TITLE]);
	wrap(t, s, NULL, "");
	n = cols(s, strlen(s));
	for (size_t i = 0; i < n && i < t->width; i++)
		ev_buf_addc(t->out, '=');
	ev_buf_addc(t->out, '\n');
}

/* "2026-11-27", "27.11.2026" (a time after it is passed over) as the
 * long date "Freitag, 27. November 2026"; else the value as it is. */
static void
date(struct tw *t, const struct news_text *x, struct ev_buf *b)
{
	struct ev_tm tm = { 0 };
	int y, m, d, k = 0;

	if ((sscanf(x->s, "%4d-%2d-%2d%n", &y, &m, &d, &k) == 3 ||
	    sscanf(x->s, "%2d.%2d.%4d%n", &d, &m, &y, &k) == 3) && k >= 8 &&
	    m >= 1 && m <= 12 && d >= 1 && d <= ev_days_in_month(y, m)) {
		tm.year = y, tm.mon = m, tm.mday = d;
		tm.wday = ev_weekday(ev_days_from_civil(y, m, d));
		ev_fmt_long_date(german(t) ? EV_LANG_DE : EV_LANG_EN, &tm, b);
		return;
	}
	ev_buf_adds(b, plain(t, x));
}

/* "Freitag, 27. November 2026 · Lena Hoffmann (aktualisiert: ...)" */
static void
dateline(struct tw *t, const struct news_article *a)
{
	struct ev_buf b = { 0 };

	if (a->field[NEWS_F_DATE].s != NULL)
		date(t, &a->field[NEWS_F_DATE], &b);
	if (a->field[NEWS_F_AUTHOR].s != NULL) {
		if (b.len > 0)
			ev_buf_adds(&b, " · ");
		ev_buf_adds(&b, plain(t, &a->field[NEWS_F_AUTHOR]));
	}
	if (a->field[NEWS_F_UPDATED].s != NULL) {
		ev_buf_adds(&b, b.len > 0 ? " (" : "(");
		ev_buf_adds(&b, german(t) ? "aktualisiert: " : "updated: ");
		date(t, &a->field[NEWS_F_UPDATED], &b);
		ev_buf_addc(&b, ')');
	}
	if (b.len > 0)
		wrap(t, b.p, NULL, "");
	ev_buf_free(&b);
}

/* A subhead underlined with '-' as wide as it is. */
static void
subhead(struct tw *t, const struct news_text *x)
{
	const char *s = plain(t, x);
	size_t n = cols(s, strlen(s));

	wrap(t, s, NULL, "");
	for (size_t i = 0; i < n && i < t->width; i++)
		ev_buf_addc(t->out, '-');
	ev_buf_addc(t->out, '\n');
}

static void
block(struct tw *t, const struct news_block *k)
{
	char num[32];

	switch (k->kind) {
	case NEWS_B_PARA: para(t, &k->text, NULL, ""); break;
	case NEWS_B_SUBHEAD: subhead(t, &k->text); break;
	case NEWS_B_QUOTE: para(t, &k->text, NULL, "    "); break;
	case NEWS_B_ATTRIB: para(t, &k->text, "    — ", "      "); break;
	case NEWS_B_ITEM:
		if (!k->item)
			para(t, &k->text, NULL, "    ");
		else if (k->ordered) {
			snprintf(num, sizeof(num), "  %ld. ", k->number);
			para(t, &k->text, num, "    ");
		} else
			para(t, &k->text, "  - ", "    ");
		break;
	case NEWS_B_CODE:
	case NEWS_B_HTML:
		for (const char *s = k->text.s; *s != '\0';) {
			size_t n = strcspn(s, "\n");

			ev_buf_adds(t->out, "    ");
			ev_buf_add(t->out, s, n);
			ev_buf_addc(t->out, '\n');
			s += n + (s[n] == '\n');
		}
		break;
	case NEWS_B_RULE: ev_buf_adds(t->out, "    * * *\n"); break;
	}
}

/* Blocks that stay together: a quote and its attribution, the items
 * of one list. */
static int
joined(const struct news_block *prev, const struct news_block *k)
{
	return (k->kind == NEWS_B_ATTRIB && prev->kind == NEWS_B_QUOTE) ||
	    (k->kind == NEWS_B_ITEM && prev->kind == NEWS_B_ITEM && !k->first &&
	    k->item);
}

static void
body(struct tw *t, const struct news_article *a)
{
	for (size_t i = 0; i < a->nblock; i++) {
		if ((long)i == a->lead_block)
			continue;
		if (i == 0 || (long)i - 1 == a->lead_block ||
		    !joined(&a->block[i - 1], &a->block[i]))
			ev_buf_addc(t->out, '\n');
		block(t, &a->block[i]);
	}
}

/* "Bild: Caption (Foto: ...)" */
static void
caption(struct tw *t, const struct news_article *a)
{
	struct ev_buf b = { 0 };
	const struct news_text *cap = &a->field[NEWS_F_CAPTION];
	const struct news_text *cr = &a->field[NEWS_F_CREDIT];

	if (cap->s == NULL && cr->s == NULL)
		return;
	ev_buf_adds(&b, german(t) ? "Bild: " : "Image: ");
	if (cap->s != NULL)
		ev_buf_adds(&b, plain(t, cap));
	if (cr->s != NULL) {
		ev_buf_adds(&b, cap->s != NULL ? " (" : "");
		ev_buf_adds(&b, plain(t, cr));
		ev_buf_adds(&b, cap->s != NULL ? ")" : "");
	}
	ev_buf_addc(t->out, '\n');
	wrap(t, b.p, NULL, "");
	ev_buf_free(&b);
}

static void
related(struct tw *t, const struct news_article *a)
{
	if (a->nrelated == 0)
		return;
	ev_buf_adds(t->out, german(t) ? "\nMehr zum Thema:\n" : "\nRelated:\n");
	for (size_t i = 0; i < a->nrelated; i++) {
		const struct news_link *l = &a->related[i];
		struct news_text x = { .s = l->text.s + l->toff, .len = l->tlen };
		struct ev_buf b = { 0 };

		ev_buf_adds(&b, plain(t, &x));
		if (l->ulen > 0) {
			ev_buf_adds(&b, " <");
			ev_buf_add(&b, l->text.s + l->uoff, l->ulen);
			ev_buf_addc(&b, '>');
		}
		wrap(t, b.p, "  - ", "    ");
		ev_buf_free(&b);
	}
}

void
news_text_write(const struct news_article *a, const struct news_wopts *w,
    struct ev_buf *out)
{
	struct tw t = { .w = w, .out = out, .width = w->width > 0 ?
	    (size_t)w->width : w->width < 0 ? SIZE_MAX : WIDTH };
	const struct news_text *lead = news_article_lead(a);

	headline(&t, a);
	dateline(&t, a);
	if (lead != NULL) {
		ev_buf_addc(out, '\n');
		para(&t, lead, NULL, "");
	}
	body(&t, a);
	caption(&t, a);
	related(&t, a);
	ev_buf_free(&t.tmp);
}
