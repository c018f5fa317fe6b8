/* textout.c - the agenda: events by display day, for a terminal. */
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"

/* The display day of a time: wall date for DATE and floating values. */
static int64_t
display_wall(struct ev_ctx *ctx, const struct ev_time *t)
{
	if (t->kind == EV_T_DATE || t->kind == EV_T_FLOAT)
		return t->wall;
	return ev_zone_to_wall(ctx->zone, t->utc);
}

/*
 * The time column and the "(bis 30.12.)" note of an event listed under
 * day (days since 1970 of the display zone's wall clock).  An event that
 * began on an earlier day shows "…–02:00".
 */
static void
agenda_when(struct ev_writer *w, struct ev_event *ev, int64_t day,
    struct ev_buf *when, struct ev_buf *until)
{
	enum ev_lang l = w->ctx->lang;
	int64_t s = display_wall(w->ctx, &ev->start), e;
	struct ev_tm ts, te;

	ev_tm_from_wall(s, &ts);
	if (ev->end.kind == EV_T_NONE) {
		if (!ev->all_day)
			ev_buf_printf(when, "%02d:%02d", ts.hour, ts.min);
		return;
	}
	e = display_wall(w->ctx, &ev->end);
	if (ev->all_day) {
		ev_buf_adds(when, l == EV_LANG_DE ? "ganzt\xc3\xa4gig" : "all day");
		e -= 86400;	/* the end is exclusive */
	} else {
		ev_tm_from_wall(e, &te);
		if (ev_floordiv(s, 86400) < day)
			ev_buf_adds(when, "\xe2\x80\xa6");
		else
			ev_buf_printf(when, "%02d:%02d", ts.hour, ts.min);
		ev_buf_printf(when, "\xe2\x80\x93%02d:%02d", te.hour, te.min);
		if (te.hour == 0 && te.min == 0 && te.sec == 0)
			e -= 1;	/* until midnight is the same day */
	}
	if (ev_floordiv(e, 86400) > day) {
		ev_tm_from_wall(e, &te);
		if (l == EV_LANG_DE)
			ev_buf_printf(until, " (bis %02d.%02d.)", te.mday, te.mon);
		else
			ev_buf_printf(until, " (until %d %s)", te.mday,
			    ev_month_name(l, te.mon, 1));
	}
}

static int
write_agenda(struct ev_writer *w, struct ev_event *ev)
{
	int64_t *lastday = w->st;
	struct ev_buf when = {0}, until = {0};
	const char *sum, *loc, *st;
	struct ev_tm tm;
	int64_t day = ev_floordiv(display_wall(w->ctx, &ev->start), 86400);

	/* an event running since before the window shows on its first day */
	if (w->clip && ev->start.utc < w->clip_from) {
		int64_t first = ev_floordiv(ev_zone_to_wall(w->ctx->zone,
		    w->clip_from), 86400);

		if (first > day)
			day = first;
	}
	sum = ev_event_text(ev, EV_F_SUMMARY);
	loc = ev_event_text(ev, EV_F_LOCATION);
	st = ev_event_text(ev, EV_F_STATUS);
	if (w->n == 0 || day != *lastday) {
		if (w->n > 0)
			ev_buf_addc(&w->buf, '\n');
		ev_tm_from_wall(day * 86400, &tm);
		if (w->o.color)
			ev_buf_adds(&w->buf, "\033[1m");
		ev_fmt_long_date(w->ctx->lang, &tm, &w->buf);
		if (w->o.color)
			ev_buf_adds(&w->buf, "\033[0m");
		ev_buf_addc(&w->buf, '\n');
		*lastday = day;
	}
	agenda_when(w, ev, day, &when, &until);
	ev_buf_add(&w->buf, "  ", 2);
	ev_buf_adds(&w->buf, when.p ? when.p : "");
	for (size_t i = ev_utf8_width(when.p ? when.p : ""); i < 13; i++)
		ev_buf_addc(&w->buf, ' ');
	if (st != NULL && ev_strcaseeq(st, "CANCELLED"))
		ev_buf_adds(&w->buf, w->ctx->lang == EV_LANG_DE ?
		    "[abgesagt] " : "[cancelled] ");
	for (const char *p = sum ? sum : ""; *p; p++)
		ev_buf_addc(&w->buf, *p == '\n' ? ' ' : *p);
	if (loc != NULL && *loc != '\0') {
		ev_buf_adds(&w->buf, " \xc2\xb7 ");
		for (const char *p = loc; *p; p++)
			ev_buf_addc(&w->buf, *p == '\n' ? ' ' : *p);
	}
	ev_buf_adds(&w->buf, until.p ? until.p : "");
	while (w->buf.len > 0 && w->buf.p[w->buf.len - 1] == ' ')
		w->buf.len--;	/* an event without a title: no padding left */
	ev_buf_addc(&w->buf, '\n');
	ev_buf_free(&when);
	ev_buf_free(&until);
	return ev_writer_flush(w);
}

static int
begin(struct ev_writer *w)
{
	w->st = ev_ecalloc(1, sizeof(int64_t));	/* the day listed last */
	return 0;
}

static void
fini(struct ev_writer *w)
{
	free(w->st);
}

const struct ev_wfmt ev_wfmt_text = {
	EV_FMT_TEXT, begin, NULL, write_agenda, NULL, fini
};

