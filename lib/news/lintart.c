/*
 * lintart.c - the rules over a whole article: the parts it must have
 * and one style for its times.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "news.h"
#include "news_lint.h"

/* ---- missing parts ---- */

/* A part that is not there, or only blanks. */
static int
absent(const struct news_lint_part *p)
{
	size_t i;

	if (p->s == NULL)
		return 1;
	for (i = 0; i < p->n; i++)
		if (p->s[i] != ' ' && p->s[i] != '\t' && p->s[i] != '\n' &&
		    p->s[i] != '\r')
			return 0;
	return 1;
}

void
news_rule_missing_title(const struct news_lint *l,
    const struct news_lint_article *a, struct news_lsink *k,
    const struct news_lint_rule *r)
{
	(void)l;
	if (absent(&a->title))
		news_lint_report_part(k, r, NULL, a->arg, 0, 0, NULL,
		    "article without headline (Title:)");
}

void
news_rule_missing_lead(const struct news_lint *l,
    const struct news_lint_article *a, struct news_lsink *k,
    const struct news_lint_rule *r)
{
	(void)l;
	if (absent(&a->lead))
		news_lint_report_part(k, r, NULL, a->arg, 0, 0, NULL,
		    "article without lead (Lead:, or a first paragraph)");
}

/* An image without alt text or credit is reported at the image. */
void
news_rule_missing_alt(const struct news_lint *l,
    const struct news_lint_article *a, struct news_lsink *k,
    const struct news_lint_rule *r)
{
	(void)l;
	if (!absent(&a->image) && absent(&a->alt))
		news_lint_report_part(k, r, &a->image, NULL, 0, a->image.n,
		    NULL, "image without alt text (Alt:)");
}

void
news_rule_missing_credit(const struct news_lint *l,
    const struct news_lint_article *a, struct news_lsink *k,
    const struct news_lint_rule *r)
{
	(void)l;
	if (!absent(&a->image) && absent(&a->credit))
		news_lint_report_part(k, r, &a->image, NULL, 0, a->image.n,
		    NULL, "image without credit (Credit:)");
}

/* ---- time-style ---- */

/*
 * A time of day as written: "18 Uhr" (no minutes), "18:30 Uhr",
 * "18.30 Uhr", "6 p.m.", "6:30pm", and the first of a range ("18 bis
 * 20 Uhr", "18–20 Uhr").  A style has two sides: whether full hours
 * carry ":00", and whether minutes follow ':' or '.'.
 */
struct time {
	const struct news_lint_part *part;
	size_t	 off, len;		/* the digits: "18", "18:30" */
	int	 hour, min;
	char	 sep;			/* ':', '.', or 0: no minutes */
};

struct times {
	struct time *v;
	size_t	 n, cap;
};

static int
digit(const struct news_lint_part *p, size_t i)
{
	return i < p->n && p->s[i] >= '0' && p->s[i] <= '9';
}

/* "18", "18:30", "18.30" at i: the end, or 0. */
static size_t
clock_at(const struct news_lint_part *p, size_t i, struct time *tm)
{
	size_t j = i;

	if (!digit(p, j) || (j > 0 && (digit(p, j - 1) || p->s[j - 1] == '.' ||
	    p->s[j - 1] == ':')))
		return 0;
	tm->hour = p->s[j++] - '0';
	if (digit(p, j))
		tm->hour = tm->hour * 10 + p->s[j++] - '0';
	tm->sep = 0;
	tm->min = 0;
	if (j < p->n && (p->s[j] == ':' || p->s[j] == '.') &&
	    digit(p, j + 1) && digit(p, j + 2) && !digit(p, j + 3)) {
		tm->sep = p->s[j];
		tm->min = (p->s[j + 1] - '0') * 10 + p->s[j + 2] - '0';
		j += 3;
	}
	if (digit(p, j) || tm->hour > 24 || tm->min > 59)
		return 0;
	tm->off = i;
	tm->len = j - i;
	return j;
}

static size_t
skip_blanks(const struct news_lint_part *p, size_t i)
{
	size_t len;

	while (i < p->n &&
	    news_lint_is_hspace(news_lint_cp(p->s, p->n, i, &len)))
		i += len;
	return i;
}

static int
word_at(const struct news_lint_part *p, size_t i, const char *w)
{
	size_t n = strlen(w), len;

	return i + n <= p->n && memcmp(p->s + i, w, n) == 0 &&
	    (i + n == p->n ||
	    !news_lint_is_letter(news_lint_cp(p->s, p->n, i + n, &len)));
}

/* Is "Uhr", "a.m." or the like at i (English "am" in English only)? */
static int
suffix_at(const struct news_lint *l, const struct news_lint_part *p,
    size_t i)
{
	if (word_at(p, i, "Uhr") || word_at(p, i, "a.m.") ||
	    word_at(p, i, "p.m."))
		return 1;
	return l->lang == NEWS_LANG_EN && (word_at(p, i, "am") ||
	    word_at(p, i, "pm") || word_at(p, i, "AM") || word_at(p, i, "PM"));
}

/* After the first time of a range: where the second begins, or 0. */
static size_t
range_to(const struct news_lint_part *p, size_t i)
{
	static const char *const joins[] = { "\xe2\x80\x93", "-", "bis", "to",
	    "until" };
	size_t k, j;

	i = skip_blanks(p, i);
	for (k = 0; k < sizeof(joins) / sizeof(joins[0]); k++) {
		j = i + strlen(joins[k]);
		if (j <= p->n && memcmp(p->s + i, joins[k], j - i) == 0)
			return skip_blanks(p, j);
	}
	return 0;
}

static void
add_time(struct times *ts, const struct time *tm)
{
	if (ts->n == ts->cap) {
		ts->cap = ts->cap ? 2 * ts->cap : 16;
		ts->v = ev_ereallocarray(ts->v, ts->cap, sizeof(*ts->v));
	}
	ts->v[ts->n++] = *tm;
}

static void
mark(void *arg, size_t start, size_t end)
{
	memset((unsigned char *)arg + start, 1, end - start);
}

/* The times in part, in order, outside its protected spans. */
static void
scan_times(const struct news_lint *l, const struct news_lint_part *p,
    struct times *ts)
{
	struct time a, b;
	size_t i, e, r;
	unsigned char *prot;

	if (p->s == NULL)
		return;
	prot = ev_ecalloc(p->n ? p->n : 1, 1);
	news_protected(p->s, p->n, mark, prot);
	for (i = 0; i < p->n; i++) {
		if (prot[i] || (e = clock_at(p, i, &a)) == 0)
			continue;
		a.part = b.part = p;
		if (suffix_at(l, p, skip_blanks(p, e))) {
			add_time(ts, &a);
		} else if ((r = range_to(p, e)) != 0 &&
		    clock_at(p, r, &b) != 0 &&
		    suffix_at(l, p, skip_blanks(p, r + b.len))) {
			add_time(ts, &a);
			add_time(ts, &b);
			e = r + b.len;
		}
		i = e - 1;
	}
	free(prot);
}

/* The style most times share, ties to the first: *bare (full hours
 * without ":00") and *sep (':' or '.'). */
static void
majority(const struct times *ts, int *bare, char *sep)
{
	size_t i, nbare = 0, nfull = 0, ncolon = 0, ndot = 0;
	int first_bare = -1;
	char first_sep = 0;

	for (i = 0; i < ts->n; i++) {
		const struct time *tm = &ts->v[i];

		if (tm->sep == 0 || tm->min == 0) {
			nbare += tm->sep == 0;
			nfull += tm->sep != 0;
			if (first_bare < 0)
				first_bare = tm->sep == 0;
		}
		if (tm->sep != 0) {
			ncolon += tm->sep == ':';
			ndot += tm->sep == '.';
			if (first_sep == 0)
				first_sep = tm->sep;
		}
	}
	*bare = nbare != nfull ? nbare > nfull : first_bare == 1;
	*sep = ncolon != ndot ? (ncolon > ndot ? ':' : '.') :
	    first_sep != 0 ? first_sep : ':';
}

/* The time in the article's style, or 0 when it has it. */
static int
restyle(const struct time *tm, int bare, char sep, char *buf, size_t sz)
{
	if (tm->sep == 0 && !bare)
		snprintf(buf, sz, "%d%c00", tm->hour, sep);
	else if (tm->sep != 0 && tm->min == 0 && bare)
		snprintf(buf, sz, "%d", tm->hour);
	else if (tm->sep != 0 && tm->sep != sep)
		snprintf(buf, sz, "%d%c%02d", tm->hour, sep, tm->min);
	else
		return 0;
	return 1;
}

static void
collect_times(const struct news_lint *l, const struct news_lint_article *a,
    struct times *ts)
{
	size_t i;

	scan_times(l, &a->title, ts);
	scan_times(l, &a->lead, ts);
	for (i = 0; i < a->nblocks; i++)
		scan_times(l, &a->blocks[i], ts);
}

void
news_rule_time_style(const struct news_lint *l,
    const struct news_lint_article *a, struct news_lsink *k,
    const struct news_lint_rule *r)
{
	struct times ts = { NULL, 0, 0 };
	size_t i;
	int bare;
	char sep, fix[16];

	collect_times(l, a, &ts);
	majority(&ts, &bare, &sep);
	for (i = 0; i < ts.n; i++) {
		const struct time *tm = &ts.v[i];

		if (restyle(tm, bare, sep, fix, sizeof(fix)))
			news_lint_report_part(k, r, tm->part, NULL, tm->off,
			    tm->len, fix,
			    "time \"%.*s\": the article writes \"%s\"",
			    (int)tm->len, tm->part->s + tm->off, fix);
	}
	free(ts.v);
}

/* ---- date-order ---- */

/*
 * A Date or Updated value as a span [*lo, *hi) (an instant: one
 * second): only the absolute forms of a date expression, "2016-12-21",
 * "21.12.2016", "2016-12-21T10:00:00+01:00"; "heute" or "+1d" would
 * read the clock.  -1 for anything else.
 */
static int
when(const struct news_lint *l, const struct news_lint_part *p, int64_t *lo,
    int64_t *hi)
{
	char buf[64];
	size_t a = 0, b = p->n;

	if (p->s == NULL)
		return -1;
	while (a < b && (p->s[a] == ' ' || p->s[a] == '\t'))
		a++;
	while (b > a && (p->s[b - 1] == ' ' || p->s[b - 1] == '\t' ||
	    p->s[b - 1] == '\n' || p->s[b - 1] == '\r'))
		b--;
	if (b - a >= sizeof(buf) || a == b ||
	    !ev_isdigit((unsigned char)p->s[a]))
		return -1;
	memcpy(buf, p->s + a, b - a);
	buf[b - a] = '\0';
	if (l->now.when(l->now.arg, buf, lo, hi) < 0)
		return -1;
	if (*hi <= *lo)
		*hi = *lo + 1;
	return 0;
}

/* A year and a day, so that next year's date of a story planned ahead
 * still passes. */
#define FUTURE	(INT64_C(366) * 86400)

void
news_rule_date_order(const struct news_lint *l,
    const struct news_lint_article *a, struct news_lsink *k,
    const struct news_lint_rule *r)
{
	int64_t dlo, dhi, ulo, uhi;

	if (l->now.when == NULL || a->date.s == NULL ||
	    when(l, &a->date, &dlo, &dhi) < 0)
		return;
	if (a->updated.s != NULL && when(l, &a->updated, &ulo, &uhi) == 0 &&
	    uhi <= dlo)
		news_lint_report_part(k, r, &a->updated, NULL, 0, a->updated.n,
		    NULL, "updated before the article's date");
	if (l->now.known && dlo - l->now.utc > FUTURE)
		news_lint_report_part(k, r, &a->date, NULL, 0, a->date.n, NULL,
		    "dated more than a year after now (%04d-%02d-%02d)",
		    l->now.y, l->now.m, l->now.d);
}
