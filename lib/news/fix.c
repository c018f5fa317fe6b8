/*
 * fix.c - writing changed texts back into their source (--fix) and
 * telling the change as a unified diff (--diff).  A text maps its lines
 * to their bytes in the file (article.c), so a changed line replaces
 * those bytes alone: the markup around it ("> ", "Titel: ", the quotes
 * of a YAML value) and every other line stay as they are.
 */
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

struct edit {
	size_t	 start, end;	/* the bytes of the source replaced */
	char	*repl;
	size_t	 n;
};

struct news_fix {
	const char *src;
	size_t	 n;
	struct edit *e;
	size_t	 ne;
	int	 sorted;
};

struct news_fix *
news_fix_new(const char *src, size_t n)
{
	struct news_fix *f = ev_ecalloc(1, sizeof(*f));

	f->src = src;
	f->n = n;
	return f;
}

void
news_fix_free(struct news_fix *f)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < f->ne; i++)
		free(f->e[i].repl);
	free(f->e);
	free(f);
}

size_t
news_fix_count(const struct news_fix *f)
{
	return f->ne;
}

/* s[0..n) in the quotes of a YAML value: escaped as they want. */
static void
quoted(int quote, const char *s, size_t n, struct ev_buf *b)
{
	for (size_t i = 0; i < n; i++) {
		if (quote == '\'' && s[i] == '\'')
			ev_buf_addc(b, '\'');
		else if (quote == '"' && (s[i] == '"' || s[i] == '\\'))
			ev_buf_addc(b, '\\');
		ev_buf_addc(b, s[i]);
	}
}

static void
add_edit(struct news_fix *f, size_t start, size_t end, int quote,
    const char *s, size_t n)
{
	struct ev_buf b = { 0 };

	if (end > f->n || start > end)
		return;
	quoted(quote, s, n, &b);
	if (end - start == b.len && memcmp(f->src + start, b.p ? b.p : "",
	    b.len) == 0) {
		ev_buf_free(&b);
		return;
	}
	f->e = news_grow(f->e, f->ne, sizeof(*f->e));
	f->e[f->ne].start = start;
	f->e[f->ne].end = end;
	f->e[f->ne].repl = b.p ? b.p : ev_estrdup("");
	f->e[f->ne].n = b.len;
	f->ne++;
	f->sorted = 0;
}

static size_t
count_lines(const char *s, size_t n)
{
	size_t k = 1;

	for (size_t i = 0; i < n; i++)
		k += s[i] == '\n';
	return k;
}

/* Lines joined again with the markup of the text's second line before
 * each ("> ", the indentation of a list item). */
static void
relines(struct news_fix *f, const struct news_text *t, const char *s,
    size_t n)
{
	const struct news_seg *g0 = &t->seg[0], *gl = &t->seg[t->nseg - 1];
	struct ev_buf b = { 0 };
	size_t pb = 0, pe = 0;

	if (t->nseg > 1) {
		pe = t->seg[1].pos.byte;
		for (pb = pe; pb > 0 && f->src[pb - 1] != '\n'; pb--)
			;
	}
	for (size_t i = 0; i < n; i++) {
		ev_buf_addc(&b, s[i]);
		if (s[i] == '\n')
			ev_buf_add(&b, f->src + pb, pe - pb);
	}
	add_edit(f, g0->pos.byte, gl->pos.byte + gl->len, 0, b.p ? b.p : "",
	    b.len);
	ev_buf_free(&b);
}

/*
 * The pieces of a folded YAML scalar (">") in its new text s: the folds
 * of the old text (one space, or line breaks) found again in s through a
 * longest common subsequence, each piece written over its line.  Only
 * when that is safe: every fold kept as it was, no piece empty or with a
 * line break, none that starts with a blank where it did not (a line
 * indented more is no fold).  -1 when not; nothing is changed then.
 */
#define FOLD_MAX	(1u << 22)	/* cells of the table: 16 MB */

static int
folded(struct news_fix *f, const struct news_text *t, const char *s,
    size_t n)
{
	size_t m = t->len, w = n + 1, i, j, k, *at;
	unsigned *L;
	int rc = -1;

	if (t->seg[0].off != 0 || m + 1 > FOLD_MAX / w)
		return -1;
	L = ev_ecalloc((m + 1) * w, sizeof(*L));
	at = ev_ecalloc(m + 1, sizeof(*at));
	for (i = m; i-- > 0;)
		for (j = n; j-- > 0;)
			L[i * w + j] = t->s[i] == s[j] ? L[(i + 1) * w + j + 1] + 1 :
			    L[(i + 1) * w + j] > L[i * w + j + 1] ?
			    L[(i + 1) * w + j] : L[i * w + j + 1];
	/* at[i]: where t->s[i] stands in s, or (size_t)-1 */
	for (i = 0, j = 0; i < m;) {
		if (j < n && t->s[i] == s[j] && L[i * w + j] ==
		    L[(i + 1) * w + j + 1] + 1)
			at[i++] = j++;
		else if (j >= n || L[(i + 1) * w + j] >= L[i * w + j + 1])
			at[i++] = (size_t)-1;
		else
			j++;
	}
	at[m] = n;
	for (k = 0; k < t->nseg; k++) {
		const struct news_seg *g = &t->seg[k];
		size_t e = k + 1 < t->nseg ? t->seg[k + 1].off : m;
		size_t pb = k == 0 ? 0 : at[g->off - 1] + 1;
		size_t pe;

		/* the fold after the piece, kept byte for byte */
		for (i = g->off + g->len; i < e; i++)
			if (at[i] == (size_t)-1 || (i > g->off + g->len &&
			    at[i] != at[i - 1] + 1))
				goto out;
		pe = g->off + g->len < e ? at[g->off + g->len] : n;
		if (k > 0 && at[g->off - 1] == (size_t)-1)
			goto out;
		if (pe < pb || (pe == pb && g->len > 0) ||
		    memchr(s + pb, '\n', pe - pb) != NULL ||
		    (pe > pb && (s[pb] == ' ' || s[pb] == '\t') &&
		    (g->len == 0 || (t->s[g->off] != ' ' &&
		    t->s[g->off] != '\t'))))
			goto out;
	}
	for (k = 0; k < t->nseg; k++) {
		const struct news_seg *g = &t->seg[k];
		size_t e = k + 1 < t->nseg ? t->seg[k + 1].off : m;
		size_t pb = k == 0 ? 0 : at[g->off - 1] + 1;
		size_t pe = g->off + g->len < e ? at[g->off + g->len] : n;

		add_edit(f, g->pos.byte, g->pos.byte + g->len, 0, s + pb,
		    pe - pb);
	}
	rc = 0;
out:
	free(L);
	free(at);
	return rc;
}

int
news_fix_text(struct news_fix *f, const struct news_text *t, const char *s,
    size_t n)
{
	size_t i, at = 0;

	if (n == t->len && memcmp(s, t->s, n) == 0)
		return 0;
	if (!t->exact && t->quote == '>' && t->nseg > 0)
		return folded(f, t, s, n);
	if (!t->exact || t->nseg == 0)
		return -1;
	if (count_lines(s, n) != t->nseg || count_lines(t->s, t->len) !=
	    t->nseg) {
		if (t->quote)
			return -1;
		relines(f, t, s, n);
		return 0;
	}
	for (i = 0; i < t->nseg; i++) {
		const char *nl = memchr(s + at, '\n', n - at);
		size_t e = nl ? (size_t)(nl - s) : n;

		add_edit(f, t->seg[i].pos.byte, t->seg[i].pos.byte +
		    t->seg[i].len, t->quote, s + at, e - at);
		at = e + 1;
	}
	return 0;
}

static int
by_start(const void *x, const void *y)
{
	const struct edit *a = x, *b = y;

	return a->start < b->start ? -1 : a->start > b->start;
}

static void
sort(const struct news_fix *cf)
{
	struct news_fix *f = (struct news_fix *)cf;

	if (!f->sorted && f->ne > 1)
		qsort(f->e, f->ne, sizeof(*f->e), by_start);
	f->sorted = 1;
}

/* src[from, to) with the edits i.. that lie inside it made; returns the
 * first edit after it. */
static size_t
apply_range(const struct news_fix *f, size_t i, size_t from, size_t to,
    struct ev_buf *out)
{
	size_t at = from;

	for (; i < f->ne && f->e[i].start < to; i++) {
		if (f->e[i].start < at)
			continue;	/* overlaps one made: left out */
		ev_buf_add(out, f->src + at, f->e[i].start - at);
		ev_buf_add(out, f->e[i].repl, f->e[i].n);
		at = f->e[i].end;
	}
	if (to > at)
		ev_buf_add(out, f->src + at, to - at);
	return i;
}

void
news_fix_apply(const struct news_fix *f, struct ev_buf *out)
{
	sort(f);
	apply_range(f, 0, 0, f->n, out);
}

/* The start of the line that holds byte b, and the end of the line
 * (after its '\n') that holds byte e - 1. */
static size_t
line_start(const struct news_fix *f, size_t b)
{
	while (b > 0 && f->src[b - 1] != '\n')
		b--;
	return b;
}

static size_t
line_end(const struct news_fix *f, size_t e)
{
	const char *nl;

	if (e > 0 && f->src[e - 1] == '\n')
		return e;
	nl = memchr(f->src + e, '\n', f->n - e);
	return nl ? (size_t)(nl - f->src) + 1 : f->n;
}

/* One change: whole lines of the source [ob, oe) and what they become. */
struct change {
	size_t	 ob, oe;
	unsigned long ol, on;	/* first line (from 1), count */
	struct ev_buf nw;
	unsigned long nn;
};

static unsigned long
line_of(const struct news_fix *f, size_t b)
{
	unsigned long l = 1;

	for (size_t i = 0; i < b; i++)
		l += f->src[i] == '\n';
	return l;
}

static unsigned long
nlines(const char *s, size_t n)
{
	unsigned long k = 0;

	for (size_t i = 0; i < n; i++)
		k += s[i] == '\n';
	return k + (n > 0 && s[n - 1] != '\n');
}

/* Each line of s[0..n) after mark; a last line without '\n' says so. */
static void
diff_lines(char mark, const char *s, size_t n, struct ev_buf *out)
{
	while (n > 0) {
		const char *nl = memchr(s, '\n', n);
		size_t k = nl ? (size_t)(nl - s) + 1 : n;

		ev_buf_addc(out, mark);
		ev_buf_add(out, s, k);
		if (nl == NULL)
			ev_buf_adds(out, "\n\\ No newline at end of file\n");
		s += k;
		n -= k;
	}
}

/* The edits grouped into changes of whole lines. */
static struct change *
changes(const struct news_fix *f, size_t *nc)
{
	struct change *c = NULL;
	size_t n = 0, i = 0;

	sort(f);
	while (i < f->ne) {
		size_t ob = line_start(f, f->e[i].start);
		size_t oe = line_end(f, f->e[i].end > f->e[i].start ?
		    f->e[i].end : f->e[i].start + 1 > f->n ? f->n :
		    f->e[i].start + 1);
		size_t j = i + 1;

		while (j < f->ne && f->e[j].start < oe) {
			size_t e = line_end(f, f->e[j].end);

			if (e > oe)
				oe = e;
			j++;
		}
		c = news_grow(c, n, sizeof(*c));
		memset(&c[n], 0, sizeof(c[n]));
		c[n].ob = ob;
		c[n].oe = oe;
		c[n].ol = line_of(f, ob);
		c[n].on = nlines(f->src + ob, oe - ob);
		apply_range(f, i, ob, oe, &c[n].nw);
		c[n].nn = nlines(c[n].nw.p ? c[n].nw.p : "", c[n].nw.len);
		n++;
		i = j;
	}
	*nc = n;
	return c;
}

#define CONTEXT	3

/* The source's bytes of lines [from, to) (from 1). */
static void
context(const struct news_fix *f, unsigned long from, unsigned long to,
    struct ev_buf *out)
{
	size_t b = 0, e;
	unsigned long l;

	for (l = 1; l < from && b < f->n; l++) {
		const char *nl = memchr(f->src + b, '\n', f->n - b);

		b = nl ? (size_t)(nl - f->src) + 1 : f->n;
	}
	e = b;
	for (; l < to && e < f->n; l++) {
		const char *nl = memchr(f->src + e, '\n', f->n - e);

		e = nl ? (size_t)(nl - f->src) + 1 : f->n;
	}
	diff_lines(' ', f->src + b, e - b, out);
}

void
news_fix_diff(const struct news_fix *f, const char *name, struct ev_buf *out)
{
	size_t nc, i, j;
	struct change *c = changes(f, &nc);
	unsigned long total = nlines(f->src, f->n);
	long delta = 0;

	if (nc > 0)
		ev_buf_printf(out, "--- %s\n+++ %s\n", name, name);
	for (i = 0; i < nc; i = j) {
		unsigned long hb, he, nlen;
		long d = 0;

		/* a hunk: changes closer than twice the context */
		for (j = i + 1; j < nc && c[j].ol <= c[j - 1].ol + c[j - 1].on +
		    2 * CONTEXT; j++)
			;
		hb = c[i].ol > CONTEXT ? c[i].ol - CONTEXT : 1;
		he = c[j - 1].ol + c[j - 1].on + CONTEXT;
		if (he > total + 1)
			he = total + 1;
		for (size_t k = i; k < j; k++)
			d += (long)c[k].nn - (long)c[k].on;
		nlen = (unsigned long)((long)(he - hb) + d);
		ev_buf_printf(out, "@@ -%lu,%lu +%lu,%lu @@\n", hb, he - hb,
		    (unsigned long)((long)hb + delta), nlen);
		for (size_t k = i; k < j; k++) {
			context(f, k == i ? hb : c[k - 1].ol + c[k - 1].on,
			    c[k].ol, out);
			diff_lines('-', f->src + c[k].ob, c[k].oe - c[k].ob, out);
			diff_lines('+', c[k].nw.p ? c[k].nw.p : "", c[k].nw.len,
			    out);
		}
		context(f, c[j - 1].ol + c[j - 1].on, he, out);
		delta += d;
	}
	for (i = 0; i < nc; i++)
		ev_buf_free(&c[i].nw);
	free(c);
}
