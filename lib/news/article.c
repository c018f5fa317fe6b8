/*
 * article.c - the article: a plain data structure the readers fill and
 * the passes and writers walk, its texts with their maps back to the
 * source, and the lead.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

/* Capacity as a function of the count: a power of two from 8 on, so the
 * arrays need no capacity field and still grow by doubling. */
static size_t
cap_of(size_t n)
{
	size_t c = 8;

	while (c < n)
		c *= 2;
	return c;
}

void *
news_grow(void *p, size_t n, size_t sz)
{
	if (p != NULL && n + 1 <= cap_of(n))
		return p;
	return ev_ereallocarray(p, cap_of(n + 1), sz);
}

static void
text_reserve(struct news_text *t, size_t more)
{
	size_t need = t->len + more + 1;

	if (need < t->len)
		ev_die(EV_EXIT_ERROR, "text too long");
	if (t->s == NULL || cap_of(t->len + 1) < need)
		t->s = ev_erealloc(t->s, cap_of(need));
}

void
news_text_add(struct news_text *t, const char *p, size_t n,
    const struct news_pos *pos)
{
	text_reserve(t, n);
	memcpy(t->s + t->len, p, n);
	if (pos != NULL) {
		t->seg = news_grow(t->seg, t->nseg, sizeof(*t->seg));
		t->seg[t->nseg].off = t->len;
		t->seg[t->nseg].len = n;
		t->seg[t->nseg].pos = *pos;
		t->nseg++;
	}
	t->len += n;
	t->s[t->len] = '\0';
}

void
news_text_addc(struct news_text *t, int c)
{
	char ch = (char)c;

	news_text_add(t, &ch, 1, NULL);
}

void
news_text_free(struct news_text *t)
{
	free(t->s);
	free(t->seg);
	memset(t, 0, sizeof(*t));
}

void
news_text_set(struct news_text *t, const char *s, size_t n)
{
	t->len = 0;
	text_reserve(t, n);
	memcpy(t->s, s, n);
	t->len = n;
	t->s[n] = '\0';
}

size_t
news_chars(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

/* The last piece that starts at or before off (binary search). */
static const struct news_seg *
seg_of(const struct news_text *t, size_t off)
{
	size_t lo = 0, hi = t->nseg;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->seg[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return &t->seg[lo];
}

void
news_text_pos(const struct news_text *t, size_t off,
    struct news_pos *pos)
{
	const struct news_seg *g;
	size_t in;

	memset(pos, 0, sizeof(*pos));
	if (t->nseg == 0)
		return;
	if (off > t->len)
		off = t->len;
	g = seg_of(t, off);
	if (off < g->off)	/* before the first piece: where it starts */
		off = g->off;
	*pos = g->pos;
	/* past the piece (a '\n' joining lines): the end of its line */
	in = off - g->off < g->len ? off - g->off : g->len;
	pos->col += news_chars(t->s + g->off, in);
	pos->byte += in;
}

void
news_diag_add(struct news_article *a, enum news_severity sev,
    const struct news_pos *pos, const char *fmt, ...)
{
	struct news_diag *d;
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	a->diag = news_grow(a->diag, a->ndiag, sizeof(*a->diag));
	d = &a->diag[a->ndiag++];
	d->sev = sev;
	d->pos = *pos;
	d->msg = ev_estrdup(buf);
}

struct news_article *
news_article_new(void)
{
	struct news_article *a = ev_ecalloc(1, sizeof(*a));

	a->lead_block = -1;
	return a;
}

void
news_article_free(struct news_article *a)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < NEWS_F_COUNT; i++)
		news_text_free(&a->field[i]);
	for (i = 0; i < a->nrelated; i++)
		news_text_free(&a->related[i].text);
	for (i = 0; i < a->ntags; i++)
		news_text_free(&a->tags[i]);
	for (i = 0; i < a->nextra; i++) {
		free(a->extra[i].key);
		news_text_free(&a->extra[i].value);
	}
	for (i = 0; i < a->nblock; i++) {
		news_text_free(&a->block[i].text);
		free(a->block[i].info);
	}
	for (i = 0; i < a->ndiag; i++)
		free(a->diag[i].msg);
	free(a->related);
	free(a->tags);
	free(a->extra);
	free(a->block);
	free(a->diag);
	free(a);
}

const struct news_text *
news_article_lead(const struct news_article *a)
{
	if (a->field[NEWS_F_LEAD].s != NULL)
		return &a->field[NEWS_F_LEAD];
	if (a->lead_block >= 0 && (size_t)a->lead_block < a->nblock)
		return &a->block[a->lead_block].text;
	return NULL;
}

/*
 * "(14. September)", "(Montag, 14.9.)", "(14 September)": a parenthesis
 * of at most 40 bytes on the first line with a digit in it, then blanks
 * (a no-break space too).  A parenthesis without a digit ("(dpa)") is no
 * date.
 */
size_t
news_dateline(const char *s, size_t n)
{
	size_t i;
	int digit = 0;

	if (n < 3 || s[0] != '(')
		return 0;
	for (i = 1; i < n && i <= 40 && s[i] != ')'; i++) {
		if (s[i] == '\n' || s[i] == '(')
			return 0;
		if (s[i] >= '0' && s[i] <= '9')
			digit = 1;
	}
	if (i >= n || s[i] != ')' || !digit)
		return 0;
	for (i++; i < n;) {
		if (s[i] == ' ' || s[i] == '\t')
			i++;
		else if (n - i >= 2 && (unsigned char)s[i] == 0xc2 &&
		    (unsigned char)s[i + 1] == 0xa0)
			i += 2;
		else
			break;
	}
	return i;
}

static const char *const block_names[] = {
	[NEWS_B_PARA] = "para", [NEWS_B_SUBHEAD] = "subhead",
	[NEWS_B_QUOTE] = "quote", [NEWS_B_ATTRIB] = "attrib",
	[NEWS_B_ITEM] = "item", [NEWS_B_CODE] = "code",
	[NEWS_B_HTML] = "html", [NEWS_B_RULE] = "rule",
};

const char *
news_block_name(enum news_block_kind k)
{
	if ((unsigned)k >= NELEM(block_names))
		return NULL;
	return block_names[k];
}

void
news_article_texts(struct news_article *a,
    void (*fn)(void *, struct news_text *, const char *), void *arg)
{
	size_t i;

	for (i = 0; i < NEWS_F_COUNT; i++)
		if (a->field[i].s != NULL)
			fn(arg, &a->field[i], news_field_name(i));
	for (i = 0; i < a->nrelated; i++) {
		fn(arg, &a->related[i].text, "related");
		news_link_split(&a->related[i]);	/* fn may change it */
	}
	for (i = 0; i < a->ntags; i++)
		fn(arg, &a->tags[i], "tags");
	for (i = 0; i < a->nextra; i++)
		if (!a->extra[i].yaml)
			fn(arg, &a->extra[i].value, a->extra[i].key);
	for (i = 0; i < a->nblock; i++)
		if (a->block[i].kind != NEWS_B_RULE)
			fn(arg, &a->block[i].text,
			    news_block_name(a->block[i].kind));
}

void
news_text_sub(const struct news_text *v, size_t b, size_t e,
    struct news_text *t)
{
	struct news_pos pos;
	size_t at = b, i;

	memset(t, 0, sizeof(*t));
	t->exact = v->exact;
	t->quote = v->quote;
	news_text_add(t, "", 0, NULL);
	for (i = 0; i < v->nseg; i++) {
		const struct news_seg *g = &v->seg[i];
		size_t lo = b > g->off ? b : g->off;
		size_t hi = e < g->off + g->len ? e : g->off + g->len;

		if (lo >= hi && !(g->len == 0 && g->off >= b && g->off <= e &&
		    t->nseg == 0))
			continue;
		if (lo > at)
			news_text_add(t, v->s + at, lo - at, NULL);
		if (lo < at)
			lo = at;
		news_text_pos(v, lo, &pos);
		news_text_add(t, v->s + lo, hi > lo ? hi - lo : 0, &pos);
		if (hi > at)
			at = hi;
	}
	if (e > at)
		news_text_add(t, v->s + at, e - at, NULL);
	if (t->nseg == 0) {
		news_text_pos(v, b, &pos);
		t->seg = news_grow(t->seg, 0, sizeof(*t->seg));
		t->seg[0].off = t->seg[0].len = 0;
		t->seg[0].pos = pos;
		t->nseg = 1;
	}
}
