/* jsonout.c - JSON Lines: one object an event, every field a key. */
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"

/* JSON string: valid UTF-8 out, whatever came in (bad bytes: U+FFFD). */
static void
json_str(const char *s, struct ev_buf *b)
{
	const unsigned char *p = (const unsigned char *)s;
	const char *q;

	ev_buf_addc(b, '"');
	while (*p) {
		if (*p == '"' || *p == '\\') {
			ev_buf_addc(b, '\\');
			ev_buf_addc(b, *p++);
		} else if (*p == '\n') {
			ev_buf_add(b, "\\n", 2), p++;
		} else if (*p == '\t') {
			ev_buf_add(b, "\\t", 2), p++;
		} else if (*p == '\r') {
			ev_buf_add(b, "\\r", 2), p++;
		} else if (*p < 0x20 || *p == 0x7f) {
			ev_buf_printf(b, "\\u%04x", *p++);
		} else if (*p < 0x80) {
			ev_buf_addc(b, *p++);
		} else {
			q = (const char *)p;
			if (ev_utf8_next(&q, SIZE_MAX) >= 0)
				ev_buf_add(b, p, (size_t)(q - (const char *)p));
			else
				ev_buf_adds(b, "\xef\xbf\xbd");
			p = (const unsigned char *)q;
		}
	}
	ev_buf_addc(b, '"');
}

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
		json_str(ev_field_name(f), &w->buf);
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
			json_str(v.p ? v.p : "", &w->buf);
	}
	ev_buf_add(&w->buf, "}\n", 2);
	ev_buf_free(&v);
	return ev_writer_flush(w);
}

const struct ev_wfmt ev_wfmt_json = {
	EV_FMT_JSON, NULL, NULL, write_json, NULL, NULL
};
