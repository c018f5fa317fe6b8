/*
 * field.c - the face of a record: its fields as the contract prints
 * them, and the facts about an event that readers, predicates, sets and
 * writers all ask (order, cancelled; admission is in admission.c, apart
 * because it needs the regex engine).  Below the writers, so that
 * nothing that reads or selects events imports a writer.
 */
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"

/* ---- fields as the contract prints them ----------------------------------- */

static void
fmt_last_modified(struct ev_ctx *ctx, struct ev_event *ev, struct ev_buf *b)
{
	const char *v = ev_event_prop(ev, "LAST-MODIFIED");
	struct ev_time t;

	if (v != NULL && ev_time_parse(ctx, v, 0, NULL, &t) == 0)
		ev_time_iso(ctx, &t, b);
	else if (v != NULL)
		ev_buf_adds(b, v);
}

/*
 * The zone's name, when a reader can resolve it again: a custom TZID
 * from an inline VTIMEZONE means nothing in a CSV file, whose times keep
 * their offsets instead.
 */
static void
fmt_tz(struct ev_ctx *ctx, struct ev_event *ev, struct ev_buf *b)
{
	size_t before = b->len;

	ev_event_field(ev, EV_F_TZ, b);
	if (b->len > before && ev_zone_get(ctx, b->p + before) == NULL) {
		b->len = before;
		b->p[before] = '\0';
	}
}

void
ev_fmt_field(struct ev_ctx *ctx, struct ev_event *ev, enum ev_field f,
    struct ev_buf *b)
{
	switch (f) {
	case EV_F_START:
		ev_time_iso(ctx, &ev->start, b);
		break;
	case EV_F_END:
		ev_time_iso(ctx, &ev->end, b);
		break;
	case EV_F_RECURRENCE_ID:
		ev_time_iso(ctx, &ev->rid, b);
		break;
	case EV_F_LAST_MODIFIED:
		fmt_last_modified(ctx, ev, b);
		break;
	case EV_F_TZ:
		fmt_tz(ctx, ev, b);
		break;
	default:
		ev_event_field(ev, f, b);
	}
}

/* A field by canonical name, else a raw property by its own name. */
int
ev_fmt_named(struct ev_ctx *ctx, struct ev_event *ev, const char *name,
    size_t len, struct ev_buf *b)
{
	char tmp[128];
	const char *v;
	int f;

	if (len >= sizeof(tmp))
		return 0;
	memcpy(tmp, name, len);
	tmp[len] = '\0';
	if ((f = ev_field_lookup(tmp)) >= 0) {
		size_t before = b->len;

		ev_fmt_field(ctx, ev, (enum ev_field)f, b);
		return b->len > before;
	}
	if ((v = ev_event_prop(ev, tmp)) == NULL)
		return 0;
	ev_text_unescape(v, strlen(v), b);
	return 1;
}

/* ---- facts: order, cancelled ------------------------------------------------ */

/* By start, then end, then the raw UID (equal as written, escapes and all). */
int
ev_event_cmp(const struct ev_event *a, const struct ev_event *b)
{
	int64_t ea = a->end.kind ? a->end.utc : a->start.utc;
	int64_t eb = b->end.kind ? b->end.utc : b->start.utc;
	const char *ua, *ub;

	if (a->start.utc != b->start.utc)
		return a->start.utc < b->start.utc ? -1 : 1;
	if (ea != eb)
		return ea < eb ? -1 : 1;
	ua = ev_event_prop(a, "UID");
	ub = ev_event_prop(b, "UID");
	return strcmp(ua ? ua : "", ub ? ub : "");
}

int
ev_event_cancelled(struct ev_event *ev)
{
	const char *st = ev_event_text(ev, EV_F_STATUS);

	return st != NULL && ev_strcaseeq(st, "CANCELLED");
}
