/*
 * filter.c - the predicates of ev-filter: which records a selection keeps.
 *
 * A filter is a list of groups, one per kind of predicate; a group holds
 * the values its option was given and holds when one of them does (OR),
 * and the filter holds when every group does (AND).  Time groups are
 * windows tested with the overlap rule of evkit(7); a recurring master
 * holds when one of its occurrences satisfies every time group at once.
 * Series bookkeeping (overrides travel with their master) keeps a hash
 * of the UIDs of the last recurring series in a table of fixed size,
 * nothing else of past records.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"

/* Instances of one series tried for a time match before the answer is no. */
#define PROBECAP 100000

struct win {
	int64_t	 lo, hi;
};

struct val {
	char	*s;			/* name, uid, status */
	struct ev_regex *re;		/* search, field */
	int	 field;			/* field: enum ev_field, or -1 */
};

struct group {
	struct win *w;			/* time kinds */
	size_t	 nw;
	struct val *v;			/* the others */
	size_t	 nv;
};

/*
 * What the series seen last are remembered by: a direct-mapped table of
 * 64-bit UID hashes with one flag bit each.  Its size is fixed, so memory
 * does not grow with the input; a UID whose slot a later one took is
 * forgotten, and its late overrides are judged on their own.  Overrides
 * mostly come right after (or before) their master, well inside it.
 */
#define HSLOTS	(1U << 17)		/* 1 MiB per table */

struct hset {
	uint64_t *k;			/* 0: empty slot */
};

struct ev_filter {
	struct ev_ctx *ctx;
	int	 reflags;
	int	 invert;
	struct ev_regex *markers;	/* free markers */
	struct group g[EV_P_COUNT];
	int	 used[EV_P_COUNT];
	struct ev_buf tmp;
	struct hset masters;		/* recurring UIDs seen: flag = kept */
	struct hset hits;		/* UIDs with an override that matched */
};

static const char *defmarkers =
    "\\b(?:kostenlos|eintritt frei|frei|gratis|umsonst|free)\\b";

static int
is_time(enum ev_pred p)
{
	return p <= EV_P_UPCOMING;
}

/* ---- hash sets ---------------------------------------------------------- */

static uint64_t
hash(const char *s)
{
	uint64_t h = UINT64_C(1469598103934665603);	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	return (h << 1) | 1;	/* never 0; bit 0 is taken by the flag */
}

/* -1 absent (or forgotten), else its flag. */
static int
hget(const struct hset *s, uint64_t h)
{
	uint64_t k;

	if (s->k == NULL)
		return -1;
	k = s->k[(h >> 1) & (HSLOTS - 1)];
	return (k | 1) == h ? (int)(k & 1) : -1;
}

static void
hput(struct hset *s, uint64_t h, int flag)
{
	if (s->k == NULL)
		s->k = ev_ecalloc(HSLOTS, sizeof(*s->k));
	s->k[(h >> 1) & (HSLOTS - 1)] = (h & ~UINT64_C(1)) | (flag ? 1 : 0);
}

/* ---- building ----------------------------------------------------------- */

struct ev_filter *
ev_filter_new(struct ev_ctx *ctx, int reflags)
{
	struct ev_filter *f = ev_ecalloc(1, sizeof(*f));
	struct ev_err err;

	f->ctx = ctx;
	f->reflags = reflags;
	f->markers = ev_regex_new(defmarkers, EV_RE_CASELESS, &err);
	return f;
}

int
ev_filter_free_pattern(struct ev_filter *f, const char *re, struct ev_err *err)
{
	struct ev_regex *r = ev_regex_new(re, EV_RE_CASELESS, err);

	if (r == NULL)
		return -1;
	ev_regex_free(f->markers);
	f->markers = r;
	return 0;
}

void
ev_filter_invert(struct ev_filter *f)
{
	f->invert = 1;
}

static void
addwin(struct group *g, int64_t lo, int64_t hi)
{
	g->w = ev_ereallocarray(g->w, g->nw + 1, sizeof(*g->w));
	g->w[g->nw].lo = lo;
	g->w[g->nw++].hi = hi;
}

static void
addval(struct group *g, const char *s, struct ev_regex *re, int field)
{
	g->v = ev_ereallocarray(g->v, g->nv + 1, sizeof(*g->v));
	g->v[g->nv].s = s ? ev_estrdup(s) : NULL;
	g->v[g->nv].re = re;
	g->v[g->nv++].field = field;
}

int
ev_filter_add(struct ev_filter *f, enum ev_pred p, const char *arg,
    struct ev_err *err)
{
	struct group *g = &f->g[p];
	struct ev_regex *re;
	int64_t lo, hi;
	const char *eq;
	char *name;
	int field;

	if ((unsigned)p >= EV_P_COUNT)
		return -1;
	if (is_time(p)) {
		if (ev_window(f->ctx, (enum ev_win)p, arg, &lo, &hi, err) < 0)
			return -1;
		addwin(g, lo, hi);
	} else if (p == EV_P_SEARCH) {
		if ((re = ev_regex_new(arg, f->reflags, err)) == NULL)
			return -1;
		addval(g, NULL, re, -1);
	} else if (p == EV_P_FIELD) {
		if ((eq = strchr(arg, '=')) == NULL || eq == arg) {
			ev_err_set(err, NULL, 0, "takes NAME=REGEX: \"%s\"",
			    arg);
			return -1;
		}
		if ((re = ev_regex_new(eq + 1, f->reflags, err)) == NULL)
			return -1;
		name = ev_estrndup(arg, (size_t)(eq - arg));
		field = ev_field_lookup(name);
		addval(g, name, re, field);
		free(name);
	} else if (p == EV_P_HAS || p == EV_P_MISSING) {
		if (*arg == '\0') {
			ev_err_set(err, NULL, 0, "takes a field or property name");
			return -1;
		}
		addval(g, arg, NULL, ev_field_lookup(arg));
	} else if (p == EV_P_CATEGORY || p == EV_P_UID || p == EV_P_STATUS) {
		addval(g, arg, NULL, -1);
	}
	f->used[p] = 1;
	return 0;
}

int
ev_filter_timed(const struct ev_filter *f)
{
	for (int p = 0; p < EV_P_COUNT; p++)
		if (is_time(p) && f->used[p])
			return 1;
	return 0;
}

void
ev_filter_window(const struct ev_filter *f, int64_t *from, int64_t *to)
{
	*from = EV_TIME_MIN;
	*to = EV_TIME_MAX;
	for (int p = 0; p < EV_P_COUNT; p++) {
		const struct group *g = &f->g[p];
		int64_t lo = EV_TIME_MAX, hi = EV_TIME_MIN;

		if (!is_time(p) || !f->used[p])
			continue;
		for (size_t i = 0; i < g->nw; i++) {
			if (g->w[i].lo < lo)
				lo = g->w[i].lo;
			if (g->w[i].hi > hi)
				hi = g->w[i].hi;
		}
		if (lo > *from)
			*from = lo;
		if (hi < *to)
			*to = hi;
	}
}

void
ev_filter_free(struct ev_filter *f)
{
	if (f == NULL)
		return;
	for (int p = 0; p < EV_P_COUNT; p++) {
		for (size_t i = 0; i < f->g[p].nv; i++) {
			free(f->g[p].v[i].s);
			ev_regex_free(f->g[p].v[i].re);
		}
		free(f->g[p].v);
		free(f->g[p].w);
	}
	ev_regex_free(f->markers);
	ev_buf_free(&f->tmp);
	free(f->masters.k);
	free(f->hits.k);
	free(f);
}

/* ---- matching ----------------------------------------------------------- */

static int
category_is(void *name, const char *cat)
{
	return ev_casefold_eq(cat, name);
}

static int
has_category(struct ev_event *ev, const char *name)
{
	return ev_event_each_category(ev, category_is, (void *)name);
}

static const enum ev_field searched[] = {
	EV_F_SUMMARY, EV_F_DESCRIPTION, EV_F_LOCATION, EV_F_CATEGORIES
};

static int
search(struct ev_event *ev, const struct ev_regex *re)
{
	for (size_t i = 0; i < sizeof(searched) / sizeof(searched[0]); i++) {
		const char *t = ev_event_text(ev, searched[i]);

		if (t != NULL && ev_regex_match(re, t, strlen(t)))
			return 1;
	}
	return 0;
}

/* A field's text (times as printed) or a property's values; calls
 * test(re, text) on each; 1 when one passes (re NULL: when present). */
static int
field(struct ev_filter *f, struct ev_event *ev, const struct val *v)
{
	if (v->field >= 0) {
		ev_buf_clear(&f->tmp);
		ev_fmt_field(f->ctx, ev, (enum ev_field)v->field, &f->tmp);
		if (f->tmp.len == 0)
			return 0;
		return v->re == NULL ||
		    ev_regex_match(v->re, f->tmp.p, f->tmp.len);
	}
	for (size_t i = 0; i < ev->nprops; i++) {
		const char *val;

		if (ev->props[i].depth != 0 ||
		    !ev_strcaseeq(EV_PNAME(ev, i), v->s))
			continue;
		val = EV_PVALUE(ev, i);
		if (v->re == NULL && *val != '\0')
			return 1;	/* --has: present and not empty */
		if (v->re == NULL)
			continue;
		if (ev_regex_match(v->re, val, strlen(val)))
			return 1;
	}
	return 0;
}

static int
group_holds(struct ev_filter *f, enum ev_pred p, struct ev_event *ev)
{
	const struct group *g = &f->g[p];
	const char *t;
	enum ev_admission a;

	switch (p) {
	case EV_P_FREE:
	case EV_P_PAID:
		a = ev_event_admission(ev, f->markers);
		return (f->used[EV_P_FREE] && a == EV_ADM_FREE) ||
		    (f->used[EV_P_PAID] && a == EV_ADM_PAID);
	case EV_P_CANCELLED:
		return ev_event_cancelled(ev);
	default:
		break;
	}
	for (size_t i = 0; i < g->nv; i++) {
		const struct val *v = &g->v[i];

		switch (p) {
		case EV_P_CATEGORY:
			if (has_category(ev, v->s))
				return 1;
			break;
		case EV_P_SEARCH:
			if (search(ev, v->re))
				return 1;
			break;
		case EV_P_FIELD:
		case EV_P_HAS:
			if (field(f, ev, v))
				return 1;
			break;
		case EV_P_MISSING:
			if (!field(f, ev, v))
				return 1;
			break;
		case EV_P_UID:
			t = ev_event_text(ev, EV_F_UID);
			if (t != NULL && strcmp(t, v->s) == 0)
				return 1;
			break;
		case EV_P_STATUS:
			t = ev_event_text(ev, EV_F_STATUS);
			if (t != NULL && ev_strcaseeq(t, v->s))
				return 1;
			break;
		default:
			break;
		}
	}
	return 0;
}

/* An instance [s, e) (an instant when !has_end) in every time group. */
static int
in_time(void *arg, int64_t s, int has_end, int64_t e)
{
	const struct ev_filter *f = arg;

	for (int p = 0; p < EV_P_COUNT; p++) {
		const struct group *g = &f->g[p];
		size_t i;

		if (!is_time(p) || !f->used[p])
			continue;
		for (i = 0; i < g->nw; i++) {
			const struct win *w = &g->w[i];

			if (!has_end || e <= s ? s >= w->lo && s < w->hi :
			    s < w->hi && e > w->lo)
				break;
		}
		if (i == g->nw)
			return 0;
	}
	return 1;
}

/* The predicates alone, before -v. */
static int
holds(struct ev_filter *f, struct ev_event *ev, struct ev_err *warn)
{
	int64_t lo, hi;

	for (int p = 0; p < EV_P_COUNT; p++) {
		if (is_time(p) || !f->used[p])
			continue;
		/* --free and --paid are one group, tested once */
		if (p == EV_P_PAID && f->used[EV_P_FREE])
			continue;
		if (!group_holds(f, (enum ev_pred)p, ev))
			return 0;
	}
	if (!ev_filter_timed(f))
		return 1;
	if (!ev->recurring || ev->rid.kind != EV_T_NONE)
		return ev->start.kind != EV_T_NONE && in_time(f,
		    ev->start.utc, ev->end.kind != EV_T_NONE, ev->end.utc);
	ev_filter_window(f, &lo, &hi);
	if (lo >= hi)
		return 0;
	return ev_expand_any(f->ctx, ev, lo, hi, PROBECAP, in_time, f, warn);
}

int
ev_filter_match(struct ev_filter *f, struct ev_event *ev, struct ev_err *warn)
{
	if (warn != NULL)
		warn->msg[0] = '\0';
	return holds(f, ev, warn) != f->invert;
}

int
ev_filter_select(struct ev_filter *f, struct ev_event *ev, struct ev_err *warn)
{
	const char *uid = ev_event_text(ev, EV_F_UID);
	int own, m;
	uint64_t h;

	if (uid == NULL || (!ev->recurring && ev->rid.kind == EV_T_NONE))
		return ev_filter_match(f, ev, warn);
	h = hash(uid);
	if (ev->rid.kind != EV_T_NONE) {
		/* an override goes where its master went */
		if ((m = hget(&f->masters, h)) == 1) {
			if (warn != NULL)
				warn->msg[0] = '\0';
			return 1;
		}
		if ((own = ev_filter_match(f, ev, warn)) && m < 0)
			hput(&f->hits, h, 1);
		return own;
	}
	own = ev_filter_match(f, ev, warn) || hget(&f->hits, h) == 1;
	hput(&f->masters, h, own);
	return own;
}
