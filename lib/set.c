/* set.c - a collection of events: duplicates merged, sorted. */
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"

struct slot {
	uint64_t hash;
	size_t	 idx;		/* index in ev[] + 1; 0 = empty */
};

/* where an event sorts, kept beside it: sorting touches no event */
struct span {
	int64_t	 start, end;
};

struct ev_set {
	struct ev_event **ev;
	struct span *span;	/* span[i] of ev[i] */
	size_t	 n, cap;
	int	 dedupe;
	struct slot *tab;	/* open addressing over uid + rid */
	size_t	 tabcap;
};

struct ev_set *
ev_set_new(int dedupe)
{
	struct ev_set *s = ev_ecalloc(1, sizeof(*s));

	s->dedupe = dedupe;
	return s;
}

void
ev_set_free(struct ev_set *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->n; i++)
		ev_event_free(s->ev[i]);
	free(s->ev);
	free(s->span);
	free(s->tab);
	free(s);
}

/* The raw UID value: equal UIDs are equal as written, escapes and all. */
static const char *
uid(const struct ev_event *ev)
{
	return ev_event_prop(ev, "UID");
}

static uint64_t
key_hash(struct ev_event *ev)
{
	const char *u = uid(ev);
	uint64_t h = 1469598103934665603u;

	for (; u && *u; u++)
		h = (h ^ (unsigned char)*u) * 1099511628211u;
	if (ev->rid.kind != EV_T_NONE)
		h = (h ^ (uint64_t)ev->rid.utc) * 1099511628211u;
	return h ? h : 1;
}

static int
same_key(struct ev_event *a, struct ev_event *b)
{
	const char *ua = uid(a), *ub = uid(b);

	if (ua == NULL || ub == NULL || strcmp(ua, ub) != 0)
		return 0;
	if ((a->rid.kind == EV_T_NONE) != (b->rid.kind == EV_T_NONE))
		return 0;
	return a->rid.kind == EV_T_NONE || a->rid.utc == b->rid.utc;
}

static long
seqno(struct ev_event *ev)
{
	const char *s = ev_event_text(ev, EV_F_SEQUENCE);

	return s ? strtol(s, NULL, 10) : 0;
}

/* UTC stamps "20161224T120000Z" compare as strings. */
static int
stamp_cmp(struct ev_event *a, struct ev_event *b, const char *name)
{
	const char *x = ev_event_prop(a, name), *y = ev_event_prop(b, name);

	return strcmp(x ? x : "", y ? y : "");
}

/* Does b win over a? */
static int
newer(struct ev_event *a, struct ev_event *b)
{
	long sa = seqno(a), sb = seqno(b);
	int c;

	if (sa != sb)
		return sb > sa;
	if ((c = stamp_cmp(a, b, "LAST-MODIFIED")) != 0)
		return c < 0;
	return stamp_cmp(a, b, "DTSTAMP") < 0;
}

static void
grow_tab(struct ev_set *s)
{
	size_t cap = s->tabcap ? s->tabcap * 2 : 1024;
	struct slot *t = ev_ecalloc(cap, sizeof(*t));

	for (size_t i = 0; i < s->tabcap; i++) {
		size_t j;

		if (s->tab[i].idx == 0)
			continue;
		for (j = s->tab[i].hash & (cap - 1); t[j].idx; j = (j + 1) & (cap - 1))
			;
		t[j] = s->tab[i];
	}
	free(s->tab);
	s->tab = t;
	s->tabcap = cap;
}

static struct span
span_of(const struct ev_event *ev)
{
	struct span sp = {ev->start.utc, ev->end.kind ? ev->end.utc :
	    ev->start.utc};

	return sp;
}

static void
push(struct ev_set *s, struct ev_event *ev)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->ev = ev_ereallocarray(s->ev, s->cap, sizeof(*s->ev));
		s->span = ev_ereallocarray(s->span, s->cap, sizeof(*s->span));
	}
	s->span[s->n] = span_of(ev);
	s->ev[s->n++] = ev;
}

void
ev_set_add(struct ev_set *s, const struct ev_event *orig)
{
	struct ev_event *ev = ev_event_hold(orig);
	uint64_t h;
	size_t j;

	if (!s->dedupe || uid(ev) == NULL) {
		push(s, ev);
		return;
	}
	if ((s->n + 1) * 2 > s->tabcap)
		grow_tab(s);
	h = key_hash(ev);
	for (j = h & (s->tabcap - 1); s->tab[j].idx; j = (j + 1) & (s->tabcap - 1)) {
		size_t at = s->tab[j].idx - 1;
		struct ev_event **old = &s->ev[at];

		if (s->tab[j].hash != h || !same_key(*old, ev))
			continue;
		if (newer(*old, ev)) {
			ev_event_free(*old);
			*old = ev;
			s->span[at] = span_of(ev);
		} else {
			ev_event_free(ev);
		}
		return;
	}
	push(s, ev);
	s->tab[j].hash = h;
	s->tab[j].idx = s->n;
}

/*
 * Sorting compares keys in one array, not events scattered over the
 * heap: with 100,000 events the cache misses of following pointers
 * cost more than the comparisons.  A merge sort of our own, not qsort:
 * the comparison is inlined (a third of qsort's time went into calling
 * it), and it is stable, so events equal in start, end and uid keep the
 * order they were read in, on every libc.
 */
struct key {
	int64_t	 start, end;
	struct ev_event *ev;
};

/* a strictly before b: equal keys are left in their order (stable) */
static int
key_lt(const struct key *a, const struct key *b, int reverse)
{
	int c;

	if (a->start != b->start)
		c = a->start < b->start ? -1 : 1;
	else if (a->end != b->end)
		c = a->end < b->end ? -1 : 1;
	else
		c = ev_event_cmp(a->ev, b->ev);
	return reverse ? c > 0 : c < 0;
}

#define RUN	16	/* insertion sort below this; merges above */

static void
sort_keys(struct key *k, size_t n, int reverse)
{
	struct key *tmp, *src = k, *dst, *t;

	for (size_t lo = 0; lo < n; lo += RUN) {
		size_t hi = lo + RUN < n ? lo + RUN : n;

		for (size_t i = lo + 1; i < hi; i++) {
			struct key x = k[i];
			size_t j = i;

			for (; j > lo && key_lt(&x, &k[j - 1], reverse); j--)
				k[j] = k[j - 1];
			k[j] = x;
		}
	}
	if (n <= RUN)
		return;
	tmp = ev_ereallocarray(NULL, n, sizeof(*tmp));
	dst = tmp;
	for (size_t w = RUN; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n;
			size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, o = lo;

			/* taking the left one on ties keeps the sort stable */
			while (i < mid && j < hi)
				dst[o++] = key_lt(&src[j], &src[i], reverse) ?
				    src[j++] : src[i++];
			while (i < mid)
				dst[o++] = src[i++];
			while (j < hi)
				dst[o++] = src[j++];
		}
		t = src;
		src = dst;
		dst = t;
	}
	if (src != k)
		memcpy(k, src, n * sizeof(*k));
	free(tmp);
}

void
ev_set_sort(struct ev_set *s, int reverse)
{
	struct key *k;

	/* the table indexes positions: sorting ends deduplication */
	free(s->tab);
	s->tab = NULL;
	s->tabcap = 0;
	s->dedupe = 0;
	if (s->n < 2)
		return;
	k = ev_ereallocarray(NULL, s->n, sizeof(*k));
	for (size_t i = 0; i < s->n; i++) {
		k[i].start = s->span[i].start;
		k[i].end = s->span[i].end;
		k[i].ev = s->ev[i];
	}
	sort_keys(k, s->n, reverse);
	for (size_t i = 0; i < s->n; i++) {
		s->ev[i] = k[i].ev;
		s->span[i].start = k[i].start;
		s->span[i].end = k[i].end;
	}
	free(k);
}

size_t
ev_set_count(const struct ev_set *s)
{
	return s->n;
}

struct ev_event *
ev_set_get(const struct ev_set *s, size_t i)
{
	return i < s->n ? s->ev[i] : NULL;
}

/*
 * After a sort, held events are visited in an order unrelated to their
 * addresses, and a walk that waits for each event's memory in turn
 * spends a third of its time on cache misses (bench: ev-list --all -o
 * csv, writing the sorted set).  Reading one byte per cache line a few
 * events ahead lets those loads run while the walk works on the current
 * event.  Two steps, so that no touch waits on another: the struct of
 * the event FAR ahead, then, NEAR ahead, where its struct is in cache,
 * its properties and text.  Plain C: the volatile sink keeps the reads.
 */
#define AHEAD_FAR	8
#define AHEAD_NEAR	4
#define LINE		64

static volatile unsigned char ahead_sink;

static void
touch(const void *p, size_t n)
{
	const unsigned char *q = p;
	unsigned char x = 0;

	for (size_t i = 0; i < n; i += LINE)
		x ^= q[i];
	if (n > 0)
		x ^= q[n - 1];
	ahead_sink ^= x;
}

void
ev_set_ahead(const struct ev_set *s, size_t i)
{
	const struct ev_event *ev;

	if (i + AHEAD_FAR < s->n && s->ev[i + AHEAD_FAR] != NULL)
		touch(s->ev[i + AHEAD_FAR], sizeof(*ev));
	if (i + AHEAD_NEAR < s->n && (ev = s->ev[i + AHEAD_NEAR]) != NULL) {
		touch(ev->props, ev->nprops * sizeof(*ev->props));
		touch(ev->text.p, ev->text.len + 1);
	}
}

struct ev_event *
ev_set_take(struct ev_set *s, size_t i)
{
	struct ev_event *ev;

	if (i >= s->n)
		return NULL;
	ev = s->ev[i];
	s->ev[i] = NULL;
	return ev;
}
