/*
 * occ.c - occurrence streams: collect records (merging the copies of an
 * event found in several feeds), expand them over a window, hand the
 * occurrences out in order.  The one path from records to occurrences
 * for every tool: ev-list's agenda, ev-cal's marks, ev-filter --expand.
 *
 * The expander already sorts what it makes (start, end, UID, then the
 * order made), so the stream keeps its events as they come, without a
 * second copy or sort; latest first is the same array turned round,
 * with events that compare equal kept in the order they were made.
 */
#include <stdlib.h>

#include "evkit_priv.h"

struct ev_occs {
	struct ev_ctx *ctx;
	struct ev_set *set;		/* the records, until expanded */
	struct ev_expand *x;
	int	 reverse;
	struct ev_event **ev;		/* the occurrences handed out so far */
	size_t	 n, cap;
	size_t	 next;			/* the next one to hand out */
	int	 done;			/* every occurrence is in ev */
};

struct ev_occs *
ev_occs_new(struct ev_ctx *ctx, int dedupe)
{
	struct ev_occs *o = ev_ecalloc(1, sizeof(*o));

	o->ctx = ctx;
	o->set = ev_set_new(dedupe);
	return o;
}

void
ev_occs_add(struct ev_occs *o, const struct ev_event *ev)
{
	ev_set_add(o->set, ev);
}

size_t
ev_occs_records(const struct ev_occs *o)
{
	return ev_set_count(o->set);
}

void
ev_occs_expand(struct ev_occs *o, int64_t from, int64_t to, unsigned cap,
    int reverse)
{
	o->x = ev_expand_new(o->ctx, from, to, cap);
	o->reverse = reverse;
	for (size_t i = 0; i < ev_set_count(o->set); i++)
		ev_expand_add(o->x, ev_set_take(o->set, i));
	ev_set_free(o->set);
	o->set = NULL;
}

/* Reverse ev[lo..hi). */
static void
turn(struct ev_event **ev, size_t lo, size_t hi)
{
	while (lo + 1 < hi) {
		struct ev_event *t = ev[lo];

		ev[lo++] = ev[--hi];
		ev[hi] = t;
	}
}

/* Latest first: the whole array turned round, then every run of equal
 * events turned back, so that they stay in the order they were made
 * (a stable sort's answer). */
static void
latest_first(struct ev_occs *o)
{
	size_t i = 0, j;

	turn(o->ev, 0, o->n);
	while (i < o->n) {
		for (j = i + 1; j < o->n && ev_event_cmp(o->ev[i],
		    o->ev[j]) == 0; j++)
			;
		turn(o->ev, i, j);
		i = j;
	}
}

/* Take every occurrence from the expander (its warnings came first). */
static void
drain(struct ev_occs *o, struct ev_event *first)
{
	struct ev_event *ev = first;
	int rc;

	do {
		if (o->n == o->cap) {
			o->cap = o->cap ? o->cap * 2 : 256;
			o->ev = ev_ereallocarray(o->ev, o->cap, sizeof(*o->ev));
		}
		o->ev[o->n++] = ev;
	} while ((rc = ev_expand_next(o->x, &ev, NULL)) > 0);
	if (o->reverse)
		latest_first(o);
}

int
ev_occs_next(struct ev_occs *o, struct ev_event **out, struct ev_err *err)
{
	struct ev_event *ev;
	int rc;

	*out = NULL;
	if (!o->done && o->x != NULL) {
		if ((rc = ev_expand_next(o->x, &ev, err)) < 0)
			return -1;
		if (rc > 0)
			drain(o, ev);
		o->done = 1;
	}
	if (o->next >= o->n)
		return 0;
	*out = o->ev[o->next++];
	return 1;
}

void
ev_occs_rewind(struct ev_occs *o)
{
	o->next = 0;
}

void
ev_occs_free(struct ev_occs *o)
{
	if (o == NULL)
		return;
	ev_set_free(o->set);
	ev_expand_free(o->x);
	for (size_t i = 0; i < o->n; i++)
		ev_event_free(o->ev[i]);
	free(o->ev);
	free(o);
}
