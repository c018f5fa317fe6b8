/* write.c - writers: dispatch, field formatting, JSON, templates, agenda. */
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
static int
fmt_named(struct ev_ctx *ctx, struct ev_event *ev, const char *name,
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

/* ---- JSON Lines ------------------------------------------------------------- */

/* JSON string: valid UTF-8 out, whatever came in (bad bytes: U+FFFD). */
static void
json_str(const char *s, struct ev_buf *b)
{
	const unsigned char *p = (const unsigned char *)s;

	ev_buf_addc(b, '"');
	while (*p) {
		size_t k;

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
			k = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : 2;
			if (strnlen((const char *)p, k) == k &&
			    ev_utf8_valid((const char *)p, k)) {
				ev_buf_add(b, p, k);
				p += k;
			} else {
				ev_buf_adds(b, "\xef\xbf\xbd");
				p++;
			}
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

static void
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
}

/* ---- templates: {field}, {field:strftime}, \t \n, {{ and }} ----------------- */

static int
tm_conv(struct ev_ctx *ctx, int c, const struct ev_tm *tm, int off,
    struct ev_buf *b)
{
	enum ev_lang l = ctx->lang;

	switch (c) {
	case 'Y': ev_buf_printf(b, "%04d", tm->year); break;
	case 'y': ev_buf_printf(b, "%02d", tm->year % 100); break;
	case 'm': ev_buf_printf(b, "%02d", tm->mon); break;
	case 'd': ev_buf_printf(b, "%02d", tm->mday); break;
	case 'e': ev_buf_printf(b, "%2d", tm->mday); break;
	case 'H': ev_buf_printf(b, "%02d", tm->hour); break;
	case 'I': ev_buf_printf(b, "%02d", (tm->hour + 11) % 12 + 1); break;
	case 'p': ev_buf_adds(b, tm->hour < 12 ? "AM" : "PM"); break;
	case 'M': ev_buf_printf(b, "%02d", tm->min); break;
	case 'S': ev_buf_printf(b, "%02d", tm->sec); break;
	case 'j': ev_buf_printf(b, "%03d", tm->yday + 1); break;
	case 'u': ev_buf_printf(b, "%d", tm->wday + 1); break;
	case 'a': ev_buf_adds(b, ev_weekday_name(l, tm->wday, 1)); break;
	case 'A': ev_buf_adds(b, ev_weekday_name(l, tm->wday, 0)); break;
	case 'b': ev_buf_adds(b, ev_month_name(l, tm->mon, 1)); break;
	case 'B': ev_buf_adds(b, ev_month_name(l, tm->mon, 0)); break;
	case 'F': ev_buf_printf(b, "%04d-%02d-%02d", tm->year, tm->mon, tm->mday); break;
	case 'T': ev_buf_printf(b, "%02d:%02d:%02d", tm->hour, tm->min, tm->sec); break;
	case 'R': ev_buf_printf(b, "%02d:%02d", tm->hour, tm->min); break;
	case 'z':
		ev_buf_printf(b, "%c%02d%02d", off < 0 ? '-' : '+',
		    abs(off) / 3600, abs(off) / 60 % 60);
		break;
	case '%': ev_buf_addc(b, '%'); break;
	default: return -1;
	}
	return 0;
}

static const char tm_convs[] = "YymdeHIpMSjuaAbBFTRz%";

static void
fmt_time(struct ev_ctx *ctx, const struct ev_time *t, const char *f, size_t n,
    struct ev_buf *b)
{
	struct ev_tm tm;
	int64_t wall = t->wall;
	int off = 0;

	if (t->kind == EV_T_NONE)
		return;
	if (t->kind == EV_T_UTC || t->kind == EV_T_ZONED) {
		wall = ev_zone_to_wall(ctx->zone, t->utc);
		off = (int)(wall - t->utc);
	}
	ev_tm_from_wall(wall, &tm);
	for (size_t i = 0; i < n; i++) {
		if (f[i] != '%' || i + 1 == n) {
			ev_buf_addc(b, f[i]);
			continue;
		}
		tm_conv(ctx, f[++i], &tm, off, b);
	}
}

static const struct ev_time *
time_field(struct ev_event *ev, const char *name, size_t len)
{
	char tmp[32];

	if (len >= sizeof(tmp))
		return NULL;
	memcpy(tmp, name, len);
	tmp[len] = '\0';
	switch (ev_field_lookup(tmp)) {
	case EV_F_START: return &ev->start;
	case EV_F_END: return &ev->end;
	case EV_F_RECURRENCE_ID: return &ev->rid;
	default: return NULL;
	}
}

/* Walk a template; with ev NULL only check it. */
static int
template_run(struct ev_ctx *ctx, const char *t, struct ev_event *ev,
    struct ev_buf *b, struct ev_err *err)
{
	for (const char *p = t; *p; p++) {
		const char *end, *colon;

		if (*p == '\\' && (p[1] == 't' || p[1] == 'n' || p[1] == '\\')) {
			if (b)
				ev_buf_addc(b, p[1] == 't' ? '\t' : p[1] == 'n' ? '\n' : '\\');
			p++;
			continue;
		}
		if ((*p == '{' && p[1] == '{') || (*p == '}' && p[1] == '}')) {
			if (b)
				ev_buf_addc(b, *p);
			p++;
			continue;
		}
		if (*p == '}') {
			ev_err_set(err, NULL, 0, "template: unmatched '}'");
			return -1;
		}
		if (*p != '{') {
			if (b)
				ev_buf_addc(b, *p);
			continue;
		}
		if ((end = strchr(p + 1, '}')) == NULL) {
			ev_err_set(err, NULL, 0, "template: unclosed '{'");
			return -1;
		}
		colon = memchr(p + 1, ':', (size_t)(end - p - 1));
		if (colon == NULL)
			colon = end;
		if (colon == p + 1) {
			ev_err_set(err, NULL, 0, "template: empty field name");
			return -1;
		}
		if (ev == NULL && colon < end) {
			char name[32];
			size_t nl = (size_t)(colon - p - 1);
			int f;

			memcpy(name, p + 1, nl < 31 ? nl : 31);
			name[nl < 31 ? nl : 31] = '\0';
			f = ev_field_lookup(name);
			if (nl >= 31 || (f != EV_F_START && f != EV_F_END &&
			    f != EV_F_RECURRENCE_ID)) {
				ev_err_set(err, NULL, 0, "template: \"%.*s\" is not a time field",
				    (int)nl, p + 1);
				return -1;
			}
			for (const char *q = colon + 1; q < end; q++)
				if (*q == '%' && (++q == end || !strchr(tm_convs, *q))) {
					ev_err_set(err, NULL, 0,
					    "template: bad time conversion in \"%.*s\"",
					    (int)(end - p - 1), p + 1);
					return -1;
				}
		} else if (ev != NULL) {
			const struct ev_time *tt = NULL;

			if (colon < end)
				tt = time_field(ev, p + 1, (size_t)(colon - p - 1));
			if (tt != NULL)
				fmt_time(ctx, tt, colon + 1, (size_t)(end - colon - 1), b);
			else
				fmt_named(ctx, ev, p + 1, (size_t)(colon - p - 1), b);
		}
		p = end;
	}
	return 0;
}

int
ev_template_check(const char *t, struct ev_err *err)
{
	return template_run(NULL, t, NULL, NULL, err);
}

/* ---- the agenda ---------------------------------------------------------------- */

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

static void
write_agenda(struct ev_writer *w, struct ev_event *ev)
{
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
	if (w->n == 0 || day != w->lastday) {
		if (w->n > 0)
			ev_buf_addc(&w->buf, '\n');
		ev_tm_from_wall(day * 86400, &tm);
		if (w->o.color)
			ev_buf_adds(&w->buf, "\033[1m");
		ev_fmt_long_date(w->ctx->lang, &tm, &w->buf);
		if (w->o.color)
			ev_buf_adds(&w->buf, "\033[0m");
		ev_buf_addc(&w->buf, '\n');
		w->lastday = day;
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
}

/* ---- the writer ------------------------------------------------------------------ */

struct ev_writer *
ev_writer_new(struct ev_ctx *ctx, FILE *fp, enum ev_format fmt,
    const struct ev_wopts *o)
{
	struct ev_writer *w = ev_ecalloc(1, sizeof(*w));

	w->ctx = ctx;
	w->fp = fp;
	w->fmt = fmt;
	if (o != NULL)
		w->o = *o;
	if (fmt == EV_FMT_ICS)
		ev_ics_begin(w);
	return w;
}

static int
flush_buf(struct ev_writer *w)
{
	if (w->buf.len > 0 && fwrite(w->buf.p, 1, w->buf.len, w->fp) != w->buf.len)
		return -1;
	ev_buf_clear(&w->buf);
	return ferror(w->fp) ? -1 : 0;
}

int
ev_write(struct ev_writer *w, struct ev_event *ev)
{
	int rc;

	switch (w->fmt) {
	case EV_FMT_ICS:
		rc = ev_ics_write(w, ev);
		break;
	case EV_FMT_CSV:
	case EV_FMT_TSV:
		rc = ev_csv_write(w, ev);
		break;
	case EV_FMT_JSON:
		write_json(w, ev);
		rc = flush_buf(w);
		break;
	case EV_FMT_TEMPLATE:
		template_run(w->ctx, w->o.template ? w->o.template : "",
		    ev, &w->buf, NULL);
		ev_buf_addc(&w->buf, '\n');
		rc = flush_buf(w);
		break;
	default:
		write_agenda(w, ev);
		rc = flush_buf(w);
		break;
	}
	w->n++;
	return rc;
}

void
ev_writer_note(struct ev_writer *w, struct ev_event *ev)
{
	if (w->fmt == EV_FMT_ICS && !w->started)
		ev_ics_note(w, ev);
	else if ((w->fmt == EV_FMT_CSV || w->fmt == EV_FMT_TSV) && !w->started)
		ev_csv_note(w, ev);
}

void
ev_writer_clip(struct ev_writer *w, int64_t from)
{
	w->clip = 1;
	w->clip_from = from;
}

int
ev_writer_finish(struct ev_writer *w)
{
	if (w->fmt == EV_FMT_ICS && ev_ics_finish(w) < 0)
		return -1;
	if ((w->fmt == EV_FMT_CSV || w->fmt == EV_FMT_TSV) &&
	    ev_csv_finish(w) < 0)
		return -1;
	if (fflush(w->fp) != 0 || ferror(w->fp))
		return -1;
	return 0;
}

void
ev_writer_free(struct ev_writer *w)
{
	if (w == NULL)
		return;
	ev_buf_free(&w->buf);
	ev_buf_free(&w->field);
	free(w->zused);
	free(w->zfrom);
	free(w->zto);
	free(w->zdone);
	for (size_t i = 0; i < w->nzused; i++)
		free(w->zname[i]);
	free(w->zname);
	for (size_t i = 0; i < w->nextra; i++)
		free(w->extra[i]);
	free(w->extra);
	free(w);
}
