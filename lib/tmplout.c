/* tmplout.c - templates: {field}, {field:strftime}, \t \n, {{ and }}. */
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"

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
				ev_fmt_named(ctx, ev, p + 1, (size_t)(colon - p - 1), b);
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

static int
write_template(struct ev_writer *w, struct ev_event *ev)
{
	template_run(w->ctx, w->o.template ? w->o.template : "", ev, &w->buf,
	    NULL);
	ev_buf_addc(&w->buf, '\n');
	return ev_writer_flush(w);
}

const struct ev_wfmt ev_wfmt_template = {
	EV_FMT_TEMPLATE, NULL, NULL, write_template, NULL, NULL
};
