/* jsonout.c - JSON Lines: one object an event, every field a key. */
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"

/* A JSON number: digits without a leading zero ("007" is a string). */
static int
is_number(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && n < 10 && s[n] == '\0' && (s[0] != '0' || n == 1);
}

static int
write_json(struct ev_writer *w, struct ev_event *ev)
{
	struct ev_buf v = {0};

	ev_buf_addc(&w->buf, '{');
	for (int f = 0; f < EV_F_COUNT; f++) {
		ev_buf_clear(&v);
		if (f > 0)
			ev_buf_addc(&w->buf, ',');
		ev_json_escape(ev_field_name(f), &w->buf);
		ev_buf_addc(&w->buf, ':');
		if (f == EV_F_ALL_DAY) {
			ev_buf_adds(&w->buf, ev->all_day ? "true" : "false");
			continue;
		}
		ev_fmt_field(w->ctx, ev, f, &v);
		if (v.len == 0 && ev_event_text(ev, f) == NULL)
			ev_buf_adds(&w->buf, "null");
		else if (f == EV_F_SEQUENCE && is_number(v.p))
			ev_buf_adds(&w->buf, v.p);
		else
			ev_json_escape(v.p ? v.p : "", &w->buf);
	}
	ev_buf_add(&w->buf, "}\n", 2);
	ev_buf_free(&v);
	return ev_writer_flush(w);
}

const struct ev_wfmt ev_wfmt_json = {
	EV_FMT_JSON, NULL, NULL, write_json, NULL, NULL
};
