/*
 * digest.c - an event digest as an article: the occurrences of the
 * records given, expanded over a window, written as the header block
 * and Markdown body of a "Veranstaltungstipps" article and read back
 * with the article reader, so that every writer takes it as it takes
 * any article.
 *
 * Layout apart from printing: the occurrences become items (their day
 * in the window, their group), sorted, then written line by line.
 */
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

#define DAY	INT64_C(86400)

struct item {
	struct ev_event *ev;	/* owned by the occurrence stream */
	int64_t	 day;		/* its first display day in the window */
	size_t	 group;		/* --group category: the category's index */
	size_t	 seq;		/* the order made: start, end, UID */
};

struct news_digest {
	struct ev_ctx *ctx;
	struct news_digest_opts o;
	struct ev_occs *occs;
	struct ev_filter *free_, *paid;	/* ev-filter's --free and --paid */
	int64_t	 lo[2], hi[2];		/* spans: [0] short single events,
					 * [1] all */
	int	 any[2];
	struct item *it;
	size_t	 n, cap;
	char	**cat;			/* --group category: the groups */
	size_t	 ncat;
	struct ev_buf src;		/* the article as written */
};

static int
german(const struct news_digest *d)
{
	return d->o.lang != NEWS_LANG_EN;
}

static enum ev_lang
evlang(const struct news_digest *d)
{
	return german(d) ? EV_LANG_DE : EV_LANG_EN;
}

struct news_digest *
news_digest_new(struct ev_ctx *ctx, const struct news_digest_opts *o)
{
	struct news_digest *d = ev_ecalloc(1, sizeof(*d));
	struct ev_err err;

	d->ctx = ctx;
	d->o = *o;
	d->occs = ev_occs_new(ctx, 1);
	d->free_ = ev_filter_new(ctx, 0);
	d->paid = ev_filter_new(ctx, 0);
	ev_filter_add(d->free_, EV_P_FREE, NULL, &err);
	ev_filter_add(d->paid, EV_P_PAID, NULL, &err);
	return d;
}

void
news_digest_free(struct news_digest *d)
{
	if (d == NULL)
		return;
	ev_occs_free(d->occs);
	ev_filter_free(d->free_);
	ev_filter_free(d->paid);
	for (size_t i = 0; i < d->ncat; i++)
		free(d->cat[i]);
	free(d->cat);
	free(d->it);
	ev_buf_free(&d->src);
	free(d);
}

/* The wall clock of t in the display zone (a date or a floating time
 * keeps its own). */
static int64_t
wall(const struct news_digest *d, const struct ev_time *t)
{
	if (t->kind == EV_T_DATE || t->kind == EV_T_FLOAT)
		return t->wall;
	return ev_zone_to_wall(ev_ctx_zone(d->ctx), t->utc);
}

/* The display days an event touches, its end exclusive: [*sd, *ed]. */
static void
days(const struct news_digest *d, const struct ev_event *ev, int64_t *sd,
    int64_t *ed)
{
	const struct ev_time *s = ev_event_start(ev), *e = ev_event_end(ev);

	*sd = ev_floordiv(wall(d, s), DAY);
	*ed = *sd;
	if (e->kind != EV_T_NONE && e->utc > s->utc)
		*ed = ev_floordiv(wall(d, e) - 1, DAY);
	if (*ed < *sd)
		*ed = *sd;
}

/* Does ev run over several days (a timed event: a whole day or more;
 * one that ends after midnight is an evening out, not several days)? */
static int
multi_day(const struct news_digest *d, const struct ev_event *ev)
{
	const struct ev_time *s = ev_event_start(ev), *e = ev_event_end(ev);
	int64_t sd, ed;

	days(d, ev, &sd, &ed);
	if (ed == sd)
		return 0;
	return ev_event_all_day(ev) || e->utc - s->utc >= DAY;
}

void
news_digest_add(struct news_digest *d, const struct ev_event *ev)
{
	const struct ev_time *s = ev_event_start(ev), *e = ev_event_end(ev);
	int64_t lo = s->utc, hi = e->kind != EV_T_NONE && e->utc > lo ?
	    e->utc : lo + 1;

	ev_occs_add(d->occs, ev);
	/* a market of weeks, a weekly series that began long ago: they
	 * do not set the span of a weekend's events */
	for (int k = multi_day(d, ev) || ev_event_recurring(ev); k < 2; k++) {
		if (!d->any[k] || lo < d->lo[k])
			d->lo[k] = lo;
		if (!d->any[k] || hi > d->hi[k])
			d->hi[k] = hi;
		d->any[k] = 1;
	}
}

int
news_digest_span(const struct news_digest *d, int64_t *lo, int64_t *hi)
{
	int k = d->any[0] ? 0 : 1;

	if (!d->any[k])
		return -1;
	*lo = ev_day_start(d->ctx, d->lo[k]);
	*hi = ev_day_add(d->ctx, ev_day_start(d->ctx, d->hi[k] - 1), 1);
	return 0;
}

/* ---- the items ---------------------------------------------------------- */

static int
first_cat(void *arg, const char *name)
{
	char **out = arg;

	*out = ev_estrdup(name);
	return 1;
}

/* The index of ev's first category among the groups, a new one at the
 * end; events without one share the group "" (written last). */
static size_t
group_of(struct news_digest *d, struct ev_event *ev)
{
	char *name = NULL;
	size_t i;

	ev_event_each_category(ev, first_cat, &name);
	if (name == NULL)
		name = ev_estrdup("");
	for (i = 0; i < d->ncat; i++)
		if (strcmp(d->cat[i], name) == 0) {
			free(name);
			return i;
		}
	d->cat = ev_ereallocarray(d->cat, d->ncat + 1, sizeof(*d->cat));
	d->cat[d->ncat] = name;
	return d->ncat++;
}

static const struct news_digest *sort_d;	/* qsort has no argument */

static size_t
rank(const struct item *x)
{
	/* the events without a category after the others */
	if (sort_d->o.group != NEWS_GROUP_CATEGORY)
		return 0;
	return sort_d->cat[x->group][0] == '\0' ? (size_t)-1 : x->group;
}

static int
item_cmp(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	size_t rx = rank(x), ry = rank(y);

	if (rx != ry)
		return rx < ry ? -1 : 1;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The occurrences in the window as items, cancelled ones left out. */
static void
collect(struct news_digest *d, int64_t lo, news_digest_warn_fn *warn,
    void *arg)
{
	int64_t wlo = ev_floordiv(ev_zone_to_wall(ev_ctx_zone(d->ctx), lo),
	    DAY), sd, ed;
	struct ev_event *ev;
	struct ev_err err;
	int rc;

	while ((rc = ev_occs_next(d->occs, &ev, &err)) != 0) {
		if (rc < 0) {
			if (warn != NULL)
				warn(arg, err.msg);
			continue;
		}
		if (ev_event_cancelled(ev))
			continue;
		if (d->n == d->cap) {
			d->cap = d->cap ? 2 * d->cap : 32;
			d->it = ev_ereallocarray(d->it, d->cap, sizeof(*d->it));
		}
		days(d, ev, &sd, &ed);
		d->it[d->n].ev = ev;
		d->it[d->n].day = sd > wlo ? sd : wlo;
		d->it[d->n].group = d->o.group == NEWS_GROUP_CATEGORY ?
		    group_of(d, ev) : 0;
		d->it[d->n].seq = d->n;
		d->n++;
	}
	sort_d = d;
	if (d->n > 1)
		qsort(d->it, d->n, sizeof(*d->it), item_cmp);
}

/* ---- writing ------------------------------------------------------------ */

/*
 * Text from an event as inline Markdown on one line: line breaks and
 * controls become spaces, runs of spaces one, and the characters that
 * could be markup are escaped.
 */
static void
inline_text(const char *s, struct ev_buf *b)
{
	int space = 0;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c == ' ' || c == 0x7f) {
			space = 1;
			continue;
		}
		if (space)
			ev_buf_addc(b, ' ');
		space = 0;
		if (strchr("\\`*_[]<>#&!|~", c) != NULL)
			ev_buf_addc(b, '\\');
		ev_buf_addc(b, c);
	}
}

/* A URL that can stand as a link destination "<...>" as it is. */
static int
url_ok(const char *u)
{
	if (u == NULL || *u == '\0')
		return 0;
	for (; *u != '\0'; u++)
		if ((unsigned char)*u <= ' ' || *u == '<' || *u == '>' ||
		    *u == '\\' || *u == 0x7f)
			return 0;
	return 1;
}

/* "Sa., 5. Dezember" / "Sat, 5 December" */
static void
day_name(const struct news_digest *d, int64_t day, struct ev_buf *b)
{
	int y, m, dd;

	ev_civil_from_days(day, &y, &m, &dd);
	if (german(d))
		ev_buf_printf(b, "%s., %d. %s", ev_weekday_name(EV_LANG_DE,
		    ev_weekday(day), 1), dd, ev_month_name(EV_LANG_DE, m, 0));
	else
		ev_buf_printf(b, "%s, %d %s", ev_weekday_name(EV_LANG_EN,
		    ev_weekday(day), 1), dd, ev_month_name(EV_LANG_EN, m, 0));
}

/*
 * Two days as a span: "23.–25. Dezember", "27. November – 6. Dezember",
 * "28. Dezember 2026 – 2. Januar 2027"; "23–25 December" in English.
 * sep between two whole dates: " – " in an item, " bis " in the lead.
 */
static void
day_span(const struct news_digest *d, int64_t a, int64_t z, const char *sep,
    struct ev_buf *b)
{
	int y1, m1, d1, y2, m2, d2;
	enum ev_lang l = evlang(d);
	const char *dot = german(d) ? "." : "";

	ev_civil_from_days(a, &y1, &m1, &d1);
	ev_civil_from_days(z, &y2, &m2, &d2);
	if (y1 == y2 && m1 == m2)
		ev_buf_printf(b, "%d%s–%d%s %s", d1, dot, d2, dot,
		    ev_month_name(l, m1, 0));
	else if (y1 == y2)
		ev_buf_printf(b, "%d%s %s%s%d%s %s", d1, dot,
		    ev_month_name(l, m1, 0), sep, d2, dot, ev_month_name(l, m2, 0));
	else
		ev_buf_printf(b, "%d%s %s %d%s%d%s %s %d", d1, dot,
		    ev_month_name(l, m1, 0), y1, sep, d2, dot,
		    ev_month_name(l, m2, 0), y2);
}

/*
 * A clock time of the day.  German: duden "18 Uhr", "18.30 Uhr"; din
 * "18:00 Uhr".  English: duden the 12-hour clock "6 pm", "6.30 pm"; din
 * the 24-hour clock "18:00".  suffix 0: leave out "Uhr", "am"/"pm" (the
 * first time of a range that ends in the same).
 */
static void
clock_time(const struct news_digest *d, int h, int m, int suffix,
    struct ev_buf *b)
{
	int h12 = h % 12 == 0 ? 12 : h % 12;

	if (d->o.style == NEWS_TIME_DIN)
		ev_buf_printf(b, "%02d:%02d", h, m);
	else if (german(d) && m == 0)
		ev_buf_printf(b, "%d", h);
	else if (german(d))
		ev_buf_printf(b, "%d.%02d", h, m);
	else if (m == 0)
		ev_buf_printf(b, "%d", h12);
	else
		ev_buf_printf(b, "%d.%02d", h12, m);
	if (!suffix)
		return;
	if (german(d))
		ev_buf_adds(b, " Uhr");
	else if (d->o.style == NEWS_TIME_DUDEN)
		ev_buf_adds(b, h < 12 ? " am" : " pm");
}

/* The event's time, "18 Uhr" or "10–18 Uhr"; nothing for an all-day
 * event. */
static void
event_time(const struct news_digest *d, const struct ev_event *ev,
    struct ev_buf *b)
{
	const struct ev_time *s = ev_event_start(ev), *e = ev_event_end(ev);
	int64_t sw = ev_floordiv(wall(d, s), 60), ew;
	int sh = (int)(sw / 60 % 24), sm = (int)(sw % 60), eh, em, same;

	if (ev_event_all_day(ev))
		return;
	if (e->kind == EV_T_NONE || e->utc <= s->utc) {
		clock_time(d, sh, sm, 1, b);
		return;
	}
	ew = ev_floordiv(wall(d, e), 60);
	eh = (int)(ew / 60 % 24);
	em = (int)(ew % 60);
	/* "10–11.30 am", but "10 am–6 pm"; German always "10–18 Uhr" */
	same = german(d) || d->o.style == NEWS_TIME_DIN || (sh < 12) == (eh < 12);
	clock_time(d, sh, sm, !same, b);
	ev_buf_adds(b, "–");
	clock_time(d, eh, em, 1, b);
}

/* The location without a trailing postcode and town, which the readers
 * of a local paper know: "Museum am Fluss, Uferpromenade 1". */
static void
location(const char *s, struct ev_buf *b)
{
	struct ev_buf t = { 0 };
	const char *p;

	for (p = strstr(s, ", "); p != NULL; p = strstr(p + 1, ", ")) {
		size_t n = strspn(p + 2, "0123456789");

		if ((n == 4 || n == 5) && p[2 + n] == ' ')
			break;
	}
	ev_buf_add(&t, s, p != NULL ? (size_t)(p - s) : strlen(s));
	ev_buf_addc(&t, '\0');
	inline_text(t.p, b);
	ev_buf_free(&t);
}

/* ", " between the parts of an item */
static void
sep(struct ev_buf *b, size_t *parts)
{
	if ((*parts)++ > 0)
		ev_buf_adds(b, ", ");
}

/* A number and '.' or ')' and a blank at the start of an item ("27.
 * November - ...", "1. Advent") would start a numbered list in it:
 * escape the mark ("18.30 Uhr" is no list). */
static void
no_list(struct ev_buf *b, size_t at)
{
	size_t i = at;

	while (i < b->len && b->p[i] >= '0' && b->p[i] <= '9')
		i++;
	if (i == at || i - at > 9 || i + 1 >= b->len || (b->p[i] != '.' &&
	    b->p[i] != ')') || (b->p[i + 1] != ' ' && b->p[i + 1] != '\n'))
		return;
	ev_buf_addc(b, '\0');	/* room for one more */
	memmove(b->p + i + 1, b->p + i, b->len - 1 - i);
	b->p[i] = '\\';
}

/* One item: "- 18 Uhr, [Krippenspiel](URL), Marktkirche, Eintritt frei" */
static void
item(struct news_digest *d, const struct item *x, struct ev_buf *b)
{
	struct ev_event *ev = x->ev;
	const char *sum = ev_event_text(ev, EV_F_SUMMARY);
	const char *loc = ev_event_text(ev, EV_F_LOCATION);
	const char *url = ev_event_text(ev, EV_F_URL);
	const char *price = ev_event_text(ev, EV_F_PRICE);
	struct ev_err err;
	size_t parts = 0, at;
	int64_t sd, ed;

	ev_buf_adds(b, "- ");
	at = b->len;
	days(d, ev, &sd, &ed);
	if (multi_day(d, ev)) {
		day_span(d, sd, ed, " – ", b);
		parts++;
	} else {
		if (d->o.group == NEWS_GROUP_CATEGORY) {
			day_name(d, x->day, b);
			parts++;
		}
		if (!ev_event_all_day(ev)) {
			sep(b, &parts);
			event_time(d, ev, b);
		}
	}
	sep(b, &parts);
	if (url_ok(url))
		ev_buf_addc(b, '[');
	inline_text(sum != NULL && *sum != '\0' ? sum : german(d) ?
	    "(ohne Titel)" : "(untitled)", b);
	if (url_ok(url))
		ev_buf_printf(b, strpbrk(url, "()") != NULL ? "](<%s>)" :
		    "](%s)", url);
	if (loc != NULL && *loc != '\0') {
		sep(b, &parts);
		location(loc, b);
	}
	if (ev_filter_match(d->free_, ev, &err)) {
		sep(b, &parts);
		ev_buf_adds(b, german(d) ? "Eintritt frei" : "free admission");
	} else if (ev_filter_match(d->paid, ev, &err) && price != NULL &&
	    *price != '\0') {
		sep(b, &parts);
		inline_text(price, b);
	}
	ev_buf_addc(b, '\n');
	no_list(b, at);
}

/* "Was los ist vom 5. bis 6. Dezember: 4 Tipps." */
static void
lead(const struct news_digest *d, int64_t lo, int64_t hi, struct ev_buf *b)
{
	const struct ev_zone *z = ev_ctx_zone(d->ctx);
	int64_t a = ev_floordiv(ev_zone_to_wall(z, lo), DAY);
	int64_t e = ev_floordiv(ev_zone_to_wall(z, hi) - 1, DAY);
	int y1, m1, d1, y2, m2, d2;
	enum ev_lang l = evlang(d);

	ev_civil_from_days(a, &y1, &m1, &d1);
	ev_civil_from_days(e, &y2, &m2, &d2);
	ev_buf_adds(b, german(d) ? "Was los ist " : "Events ");
	if (e <= a && german(d))
		ev_buf_printf(b, "am %d. %s", d1, ev_month_name(l, m1, 0));
	else if (e <= a)
		ev_buf_printf(b, "on %d %s", d1, ev_month_name(l, m1, 0));
	else if (e == a + 1 && m1 == m2 && german(d))
		ev_buf_printf(b, "am %d. und %d. %s", d1, d2,
		    ev_month_name(l, m1, 0));
	else if (e == a + 1 && m1 == m2)
		ev_buf_printf(b, "on %d and %d %s", d1, d2,
		    ev_month_name(l, m1, 0));
	else if (german(d) && y1 == y2 && m1 == m2)
		ev_buf_printf(b, "vom %d. bis %d. %s", d1, d2,
		    ev_month_name(l, m1, 0));
	else if (y1 == y2 && m1 == m2)
		ev_buf_printf(b, "from %d to %d %s", d1, d2,
		    ev_month_name(l, m1, 0));
	else {
		ev_buf_adds(b, german(d) ? "vom " : "from ");
		day_span(d, a, e, german(d) ? " bis " : " to ", b);
	}
	if (german(d))
		ev_buf_printf(b, ": %zu %s.", d->n, d->n == 1 ? "Tipp" : "Tipps");
	else
		ev_buf_printf(b, ": %zu %s.", d->n, d->n == 1 ? "tip" : "tips");
}

/* A header line "Key: value", the value on one line. */
static void
header(struct ev_buf *b, const char *key, const char *v)
{
	ev_buf_printf(b, "%s: ", key);
	for (; *v != '\0'; v++)
		ev_buf_addc(b, (unsigned char)*v < 0x20 ? ' ' : *v);
	ev_buf_addc(b, '\n');
}

/* The article's source: a header block, a blank line, the body. */
static void
write_source(struct news_digest *d, int64_t lo, int64_t hi)
{
	struct ev_buf *b = &d->src, t = { 0 };
	struct ev_tm tm;

	ev_tm_from_wall(ev_zone_to_wall(ev_ctx_zone(d->ctx), d->o.date), &tm);
	header(b, "Title", d->o.title != NULL ? d->o.title : german(d) ?
	    "Veranstaltungstipps" : "Event tips");
	if (d->o.kicker != NULL)
		header(b, "Kicker", d->o.kicker);
	ev_buf_printf(b, "Date: %04d-%02d-%02d\n", tm.year, tm.mon, tm.mday);
	lead(d, lo, hi, &t);
	ev_buf_addc(&t, '\0');
	header(b, "Lead", t.p);
	header(b, "Lang", news_lang_name(d->o.lang));
	for (size_t i = 0; i < d->n; i++) {
		const struct item *x = &d->it[i];
		int head = i == 0 || (d->o.group == NEWS_GROUP_CATEGORY ?
		    x->group != d->it[i - 1].group : x->day != d->it[i - 1].day);

		if (head && d->o.group == NEWS_GROUP_CATEGORY) {
			ev_buf_adds(b, "\n## ");
			if (d->cat[x->group][0] == '\0')
				ev_buf_adds(b, german(d) ? "Sonstiges" : "Other");
			else
				inline_text(d->cat[x->group], b);
			ev_buf_adds(b, "\n\n");
		} else if (head) {
			ev_buf_adds(b, "\n## ");
			day_name(d, x->day, b);
			ev_buf_adds(b, "\n\n");
		}
		item(d, x, b);
	}
	ev_buf_free(&t);
}

struct news_article *
news_digest_build(struct news_digest *d, int64_t lo, int64_t hi,
    unsigned cap, news_digest_warn_fn *warn, void *arg)
{
	struct news_reader *r;
	struct news_article *a = NULL;
	struct ev_err err;

	ev_occs_expand(d->occs, lo, hi, cap, 0);
	collect(d, lo, warn, arg);
	if (d->n == 0)
		return NULL;
	ev_buf_clear(&d->src);
	write_source(d, lo, hi);
	r = news_reader_new("<digest>", d->src.p, d->src.len, NEWS_IN_HDR);
	if (news_read(r, &a, &err) <= 0)
		a = NULL;	/* cannot happen: the source is ours */
	news_reader_free(r);
	return a;
}
