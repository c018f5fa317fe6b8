/* event.c - the record, its fields, and iCalendar value decoding. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"

static const char *const fieldnames[EV_F_COUNT] = {
	[EV_F_UID] = "uid",
	[EV_F_START] = "start",
	[EV_F_END] = "end",
	[EV_F_ALL_DAY] = "all_day",
	[EV_F_TZ] = "tz",
	[EV_F_SUMMARY] = "summary",
	[EV_F_LOCATION] = "location",
	[EV_F_DESCRIPTION] = "description",
	[EV_F_CATEGORIES] = "categories",
	[EV_F_PRICE] = "price",
	[EV_F_URL] = "url",
	[EV_F_STATUS] = "status",
	[EV_F_ORGANIZER] = "organizer",
	[EV_F_RECURRENCE_ID] = "recurrence_id",
	[EV_F_RRULE] = "rrule",
	[EV_F_SEQUENCE] = "sequence",
	[EV_F_LAST_MODIFIED] = "last_modified",
};

const char *
ev_field_name(enum ev_field f)
{
	return (unsigned)f < EV_F_COUNT ? fieldnames[f] : NULL;
}

/* "recurrence-id" and "Recurrence_ID" name the same field. */
int
ev_field_lookup(const char *name)
{
	for (int f = 0; f < EV_F_COUNT; f++) {
		const char *a = fieldnames[f], *b = name;

		for (; *a; a++, b++) {
			int c = (unsigned char)*b;

			if (c == '-')
				c = '_';
			else if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			if (c != *a)
				break;
		}
		if (*a == '\0' && *b == '\0')
			return f;
	}
	return -1;
}

/* ---- the index of known properties ------------------------------------------ */

static const char *const knownnames[EV_K_COUNT] = {
	[EV_K_DTSTART] = "DTSTART",
	[EV_K_DTEND] = "DTEND",
	[EV_K_DURATION] = "DURATION",
	[EV_K_RRULE] = "RRULE",
	[EV_K_RDATE] = "RDATE",
	[EV_K_EXDATE] = "EXDATE",
	[EV_K_RECURRENCE_ID] = "RECURRENCE-ID",
	[EV_K_UID] = "UID",
	[EV_K_DTSTAMP] = "DTSTAMP",
	[EV_K_SUMMARY] = "SUMMARY",
	[EV_K_LOCATION] = "LOCATION",
	[EV_K_DESCRIPTION] = "DESCRIPTION",
	[EV_K_URL] = "URL",
	[EV_K_STATUS] = "STATUS",
	[EV_K_SEQUENCE] = "SEQUENCE",
	[EV_K_LAST_MODIFIED] = "LAST-MODIFIED",
	[EV_K_ORGANIZER] = "ORGANIZER",
	[EV_K_CATEGORIES] = "CATEGORIES",
	[EV_K_X_PRICE] = "X-PRICE",
	[EV_K_X_COST] = "X-COST",
	[EV_K_X_COST_TYPE] = "X-COST-TYPE",
};

/*
 * Every property of every event passes here.  Its length leaves at most
 * four names; the first and last letters rule out nearly all of those,
 * and a name is compared as written (names are upper case in nearly
 * every feed) before it is compared in any case.
 */
static int
known_lookup(const char *name, size_t n)
{
	/* the names of each length, as enum ev_known + 1; 0 ends a row */
	static const signed char bylen[14][4] = {
		[3] = {EV_K_UID + 1, EV_K_URL + 1},
		[5] = {EV_K_DTEND + 1, EV_K_RRULE + 1, EV_K_RDATE + 1},
		[6] = {EV_K_EXDATE + 1, EV_K_STATUS + 1, EV_K_X_COST + 1},
		[7] = {EV_K_DTSTART + 1, EV_K_DTSTAMP + 1, EV_K_SUMMARY + 1,
		    EV_K_X_PRICE + 1},
		[8] = {EV_K_DURATION + 1, EV_K_LOCATION + 1,
		    EV_K_SEQUENCE + 1},
		[9] = {EV_K_ORGANIZER + 1},
		[10] = {EV_K_CATEGORIES + 1},
		[11] = {EV_K_DESCRIPTION + 1, EV_K_X_COST_TYPE + 1},
		[13] = {EV_K_RECURRENCE_ID + 1, EV_K_LAST_MODIFIED + 1},
	};
	int c0, cn;

	if (n < 3 || n >= 14)
		return -1;
	c0 = ev_toupper((unsigned char)name[0]);
	cn = ev_toupper((unsigned char)name[n - 1]);
	for (int i = 0; i < 4 && bylen[n][i] != 0; i++) {
		int k = bylen[n][i] - 1;
		const char *kn = knownnames[k];

		if (c0 == kn[0] && cn == kn[n - 1] &&
		    (memcmp(name, kn, n) == 0 || ev_strncaseeq(name, kn, n)))
			return k;
	}
	return -1;
}

static void
known_note(struct ev_event *ev, size_t i, size_t nlen)
{
	struct ev_prop *p = &ev->props[i];
	int k;

	if (p->depth != 0 || (p->flags & EV_PROP_CSVCOL)) {
		p->known = 0;
		return;
	}
	k = known_lookup(EV_PNAME(ev, i), nlen);
	p->known = k + 1;
	if (k >= 0 && ev->known[k] < 0)
		ev->known[k] = (long)i;
}

static void
known_rebuild(struct ev_event *ev)
{
	for (int k = 0; k < EV_K_COUNT; k++)
		ev->known[k] = -1;
	for (size_t i = 0; i < ev->nprops; i++)
		known_note(ev, i, strlen(EV_PNAME(ev, i)));
}

/*
 * The first index of known property k.  recur.c reorders props in place;
 * an index that no longer names k is rebuilt (a reorder never changes
 * which properties are present, so -1 stays right).
 */
static long
kfind(const struct ev_event *ev, int k)
{
	long i = ev->known[k];

	if (i < 0 || ((size_t)i < ev->nprops && ev->props[i].known == k + 1))
		return i;
	known_rebuild((struct ev_event *)ev);
	return ev->known[k];
}

/* ---- lifecycle ---------------------------------------------------------- */

static void unpack(struct ev_event *);

struct ev_event *
ev_event_new(void)
{
	struct ev_event *ev = ev_ecalloc(1, sizeof(*ev));

	ev_event_reset(ev);
	return ev;
}

void
ev_event_free(struct ev_event *ev)
{
	if (ev == NULL)
		return;
	ev_buf_free(&ev->raw);
	ev_buf_free(&ev->catbuf);
	if (ev->dec != NULL)
		for (int f = 0; f < EV_F_COUNT; f++)
			ev_buf_free(&ev->dec[f]);
	free(ev->dec);
	if (!ev->packed) {
		ev_buf_free(&ev->text);
		free(ev->props);
	}
	free(ev);
}

static void
forget_decoded(struct ev_event *ev)
{
	memset(ev->decst, 0, sizeof(ev->decst));
}

void
ev_event_reset(struct ev_event *ev)
{
	unpack(ev);
	ev->file = NULL;
	ev->line = 0;
	ev->src = EV_FMT_ICS;
	ev_buf_clear(&ev->raw);
	ev_buf_clear(&ev->text);
	ev_buf_addc(&ev->text, '\0');	/* offset 0 is the empty string */
	ev->nprops = 0;
	for (int k = 0; k < EV_K_COUNT; k++)
		ev->known[k] = -1;
	memset(&ev->start, 0, sizeof(ev->start));
	memset(&ev->end, 0, sizeof(ev->end));
	memset(&ev->rid, 0, sizeof(ev->rid));
	ev->all_day = 0;
	ev->recurring = 0;
	forget_decoded(ev);
}

/* What a copy shares with its original besides props, text and raw. */
static void
copy_fields(struct ev_event *d, const struct ev_event *ev)
{
	d->file = ev->file;
	d->line = ev->line;
	d->src = ev->src;
	d->nprops = d->cprops = ev->nprops;
	memcpy(d->known, ev->known, sizeof(d->known));
	d->start = ev->start;
	d->end = ev->end;
	d->rid = ev->rid;
	d->all_day = ev->all_day;
	d->recurring = ev->recurring;
}

struct ev_event *
ev_event_hold(const struct ev_event *ev)
{
	size_t pbytes = ev->nprops * sizeof(*ev->props);
	struct ev_event *d;
	char *mem;

	/* the struct, then its props, then its text: one allocation */
	mem = ev_emalloc(sizeof(*d) + pbytes + ev->text.len + 1);
	d = (struct ev_event *)(void *)mem;
	memset(d, 0, sizeof(*d));
	d->props = (struct ev_prop *)(void *)(mem + sizeof(*d));
	if (pbytes)
		memcpy(d->props, ev->props, pbytes);
	d->text.p = mem + sizeof(*d) + pbytes;
	memcpy(d->text.p, ev->text.p, ev->text.len + 1);
	d->text.len = ev->text.len;
	d->text.cap = ev->text.len + 1;
	d->packed = 1;
	copy_fields(d, ev);
	return d;
}

/* Give a held event buffers of its own before it changes. */
static void
unpack(struct ev_event *ev)
{
	struct ev_prop *props;
	char *text;

	if (!ev->packed)
		return;
	props = ev_ereallocarray(NULL, ev->cprops ? ev->cprops : 1,
	    sizeof(*props));
	if (ev->nprops)
		memcpy(props, ev->props, ev->nprops * sizeof(*props));
	text = ev_emalloc(ev->text.cap);
	memcpy(text, ev->text.p, ev->text.cap);
	ev->props = props;
	ev->text.p = text;
	ev->packed = 0;
}

struct ev_event *
ev_event_dup(const struct ev_event *ev)
{
	struct ev_event *d = ev_ecalloc(1, sizeof(*d));

	ev_buf_add(&d->raw, ev->raw.p ? ev->raw.p : "", ev->raw.len);
	ev_buf_add(&d->text, ev->text.p, ev->text.len);
	d->props = ev_ereallocarray(NULL, ev->nprops, sizeof(*d->props));
	if (ev->nprops)
		memcpy(d->props, ev->props, ev->nprops * sizeof(*d->props));
	copy_fields(d, ev);
	return d;
}

/* ---- properties ----------------------------------------------------------- */

/* Put a string into the arena, which has room for it (arena_room). */
static size_t
arena_put(struct ev_event *ev, const char *s, size_t n)
{
	size_t off;

	if (n == 0)
		return 0;	/* text.p[0] is the empty string */
	off = ev->text.len;
	memcpy(ev->text.p + off, s, n);
	ev->text.p[off + n] = '\0';	/* the string's NUL stays */
	ev->text.len += n + 1;
	return off;
}

/* Room for strings of these lengths (0: none needed) and the NUL. */
static void
arena_room(struct ev_event *ev, size_t a, size_t b, size_t c)
{
	ev_buf_reserve(&ev->text, (a ? a + 1 : 0) + (b ? b + 1 : 0) +
	    (c ? c + 1 : 0));
}

size_t
ev_event_addpropn(struct ev_event *ev, const char *name, size_t nlen,
    const char *params, size_t plen, const char *value, size_t vlen,
    unsigned depth, unsigned flags, unsigned long line)
{
	struct ev_prop *p;

	unpack(ev);
	if (ev->nprops == ev->cprops) {
		ev->cprops = ev->cprops ? ev->cprops * 2 : 16;
		ev->props = ev_ereallocarray(ev->props, ev->cprops,
		    sizeof(*ev->props));
	}
	p = &ev->props[ev->nprops];
	arena_room(ev, nlen, plen, vlen);
	p->name = arena_put(ev, name, nlen);
	p->params = arena_put(ev, params, plen);
	p->value = arena_put(ev, value, vlen);
	ev->text.p[ev->text.len] = '\0';
	p->depth = depth;
	p->flags = flags;
	p->line = line;
	p->zone = NULL;
	forget_decoded(ev);
	known_note(ev, ev->nprops, nlen);
	return ev->nprops++;
}

size_t
ev_event_addprop(struct ev_event *ev, const char *name, const char *params,
    const char *value, unsigned depth, unsigned flags, unsigned long line)
{
	if (params == NULL)
		params = "";
	if (value == NULL)
		value = "";
	return ev_event_addpropn(ev, name, strlen(name), params, strlen(params),
	    value, strlen(value), depth, flags, line);
}

void
ev_event_delprop(struct ev_event *ev, size_t i)
{
	if (i >= ev->nprops)
		return;
	unpack(ev);
	memmove(&ev->props[i], &ev->props[i + 1],
	    (ev->nprops - i - 1) * sizeof(*ev->props));
	ev->nprops--;
	forget_decoded(ev);
	known_rebuild(ev);
}

long
ev_event_find(const struct ev_event *ev, const char *name)
{
	int c0 = ev_toupper(name[0]), k;

	if ((k = known_lookup(name, strlen(name))) >= 0)
		return kfind(ev, k);

	for (size_t i = 0; i < ev->nprops; i++) {
		const char *n = EV_PNAME(ev, i);

		if (ev_toupper(n[0]) == c0 && ev->props[i].depth == 0 &&
		    !(ev->props[i].flags & EV_PROP_CSVCOL) &&
		    ev_strcaseeq(n, name))
			return (long)i;
	}
	return -1;
}

const char *
ev_event_prop(const struct ev_event *ev, const char *name)
{
	int k = known_lookup(name, strlen(name));
	long i;

	if (k >= 0)
		return (i = kfind(ev, k)) >= 0 ? EV_PVALUE(ev, i) : NULL;
	for (size_t i = 0; i < ev->nprops; i++)
		if (ev->props[i].depth == 0 &&
		    ev_strcaseeq(EV_PNAME(ev, i), name))
			return EV_PVALUE(ev, i);
	return NULL;
}

/* ---- parameters and TEXT ------------------------------------------------ */

static int param_add(const char *, const char *, struct ev_buf *);

int
ev_param_get(const char *params, const char *pname, struct ev_buf *out)
{
	ev_buf_clear(out);
	return param_add(params, pname, out);
}

/* ev_param_get, the value added to what out holds */
static int
param_add(const char *params, const char *pname, struct ev_buf *out)
{
	const char *p = params;
	size_t plen = strlen(pname);

	/* out->p is a string even for an empty value ("VALUE=") */
	ev_buf_reserve(out, 1);
	out->p[out->len] = '\0';
	while (*p) {
		const char *eq = p, *v, *e;
		int match;

		while (*eq && *eq != '=' && *eq != ';')
			eq++;
		match = (size_t)(eq - p) == plen && ev_strncaseeq(p, pname, plen);
		if (*eq != '=') {
			p = *eq ? eq + 1 : eq;
			continue;
		}
		v = eq + 1;
		/* a value is a list of possibly quoted parts up to ';',
		 * taken a run at a time */
		for (e = v; *e && *e != ';'; ) {
			if (*e == '"') {
				const char *q = strchr(e + 1, '"');

				if (q == NULL) {
					e += strlen(e);
					continue;
				}
				if (match)
					ev_buf_add(out, e + 1, (size_t)(q - e - 1));
				e = q + 1;
			} else {
				size_t run = strcspn(e, "\";");

				if (match)
					ev_buf_add(out, e, run);
				e += run;
			}
		}
		if (match)
			return 1;
		p = *e ? e + 1 : e;
	}
	return 0;
}

void
ev_text_unescape(const char *s, size_t n, struct ev_buf *out)
{
	const char *e = s + n;
	char *o;

	/* the text never grows: room once, then no checks per piece */
	ev_buf_reserve(out, n);
	o = out->p + out->len;
	while (s < e) {
		const char *bs = memchr(s, '\\', (size_t)(e - s));

		if (bs == NULL) {
			memcpy(o, s, (size_t)(e - s));
			o += e - s;
			break;
		}
		memcpy(o, s, (size_t)(bs - s));
		o += bs - s;
		if (bs + 1 == e) {
			*o++ = '\\';
			break;
		}
		*o++ = bs[1] == 'n' || bs[1] == 'N' ? '\n' : bs[1];
		s = bs + 2;
	}
	out->len = (size_t)(o - out->p);
	out->p[out->len] = '\0';
}

void
ev_text_escape(const char *s, size_t n, struct ev_buf *out)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '\\':
		case ';':
		case ',':
			ev_buf_addc(out, '\\');
			ev_buf_addc(out, s[i]);
			break;
		case '\r':
			if (i + 1 < n && s[i + 1] == '\n')
				break;
			ev_buf_add(out, "\\n", 2);
			break;
		case '\n':
			ev_buf_add(out, "\\n", 2);
			break;
		default:
			ev_buf_addc(out, s[i]);
		}
	}
}

/* ---- times ----------------------------------------------------------------- */

static int
digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

int
ev_time_parse(struct ev_ctx *ctx, const char *s, int is_date,
    const struct ev_zone *zone, struct ev_time *t)
{
	int y, mo, d, h = 0, mi = 0, se = 0;
	size_t n = strlen(s);
	int64_t wall;

	memset(t, 0, sizeof(*t));
	while (n > 8 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;		/* blanks after a value: read without them */
	if (n < 8 || digits(s, 4, &y) < 0 || digits(s + 4, 2, &mo) < 0 ||
	    digits(s + 6, 2, &d) < 0)
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > ev_days_in_month(y, mo))
		return -1;
	wall = ev_days_from_civil(y, mo, d) * 86400;
	if (n == 8) {
		t->kind = EV_T_DATE;
		t->wall = wall;
		t->utc = ev_zone_to_utc(ctx->zone, wall);
		return 0;
	}
	if (is_date || (n != 15 && n != 16) || s[8] != 'T' ||
	    digits(s + 9, 2, &h) < 0 || digits(s + 11, 2, &mi) < 0 ||
	    digits(s + 13, 2, &se) < 0 || (n == 16 && s[15] != 'Z'))
		return -1;
	if (h > 23 || mi > 59 || se > 60)
		return -1;
	if (se == 60)		/* a leap second is the next second's start */
		se = 59;
	wall += h * 3600 + mi * 60 + se;
	t->wall = wall;
	if (n == 16) {
		t->kind = EV_T_UTC;
		t->utc = wall;
	} else if (zone != NULL) {
		t->kind = EV_T_ZONED;
		t->zone = zone;
		t->utc = ev_zone_to_utc(zone, wall);
	} else {
		t->kind = EV_T_FLOAT;
		t->utc = ev_zone_to_utc(ctx->zone, wall);
	}
	return 0;
}

static int
dur_num(const char **p, long *v)
{
	const char *s = *p;

	*v = 0;
	if (*s < '0' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (*v > 100000000)
			return -1;
		*v = *v * 10 + (*s - '0');
	}
	*p = s;
	return 0;
}

/* loose: weeks and days after the T as well ("PT1W", as ical.js reads
 * it; RFC 5545 3.3.6 has them before it only). */
static int
dur_parse(const char *s, int loose, int *days, int64_t *secs)
{
	int sign = 1, time = 0, any = 0;
	long v, d = 0;
	int64_t sec = 0;

	if (*s == '+' || *s == '-')
		sign = *s++ == '-' ? -1 : 1;
	if (*s++ != 'P')
		return -1;
	while (*s) {
		if (*s == 'T' && !time) {
			time = 1;
			s++;
			continue;
		}
		if (dur_num(&s, &v) < 0)
			return -1;
		any = 1;
		switch (*s++) {
		case 'W': if (time && !loose) return -1; d += v * 7; break;
		case 'D': if (time && !loose) return -1; d += v; break;
		case 'H': if (!time) return -1; sec += (int64_t)v * 3600; break;
		case 'M': if (!time) return -1; sec += (int64_t)v * 60; break;
		case 'S': if (!time) return -1; sec += v; break;
		default: return -1;
		}
	}
	if (!any)
		return -1;
	*days = (int)(sign * d);
	*secs = sign * sec;
	return 0;
}

int
ev_duration_parse(const char *s, int *days, int64_t *secs)
{
	return dur_parse(s, 0, days, secs);
}

/* A duration in RFC 5545's form: "P2W", "-P1DT2H", "PT0S". */
static void
dur_format(int days, int64_t secs, struct ev_buf *out)
{
	int64_t d = days, s = secs;

	if (d < 0 || (d == 0 && s < 0)) {
		ev_buf_addc(out, '-');
		d = -d;
		s = -s;
	}
	ev_buf_addc(out, 'P');
	if (s == 0 && d != 0 && d % 7 == 0) {
		ev_buf_printf(out, "%lldW", (long long)(d / 7));
		return;
	}
	if (d != 0)
		ev_buf_printf(out, "%lldD", (long long)d);
	if (s == 0 && d != 0)
		return;
	ev_buf_addc(out, 'T');
	if (s >= 3600)
		ev_buf_printf(out, "%lldH", (long long)(s / 3600));
	if (s % 3600 >= 60)
		ev_buf_printf(out, "%lldM", (long long)(s % 3600 / 60));
	if (s % 60 != 0 || s == 0)
		ev_buf_printf(out, "%lldS", (long long)(s % 60));
}

/* Add nominal days in wall time, then exact seconds (RFC 5545 3.3.6). */
static void
time_add(struct ev_ctx *ctx, const struct ev_time *a, int days, int64_t secs,
    struct ev_time *r)
{
	const struct ev_zone *z = a->kind == EV_T_ZONED ? a->zone : ctx->zone;

	*r = *a;
	if (a->kind == EV_T_UTC) {
		r->utc = a->utc + (int64_t)days * 86400 + secs;
		r->wall = r->utc;
		return;
	}
	r->wall = a->wall + (int64_t)days * 86400;
	r->utc = ev_zone_to_utc(z, r->wall) + secs;
	if (secs != 0)
		r->wall = a->kind == EV_T_ZONED ? ev_zone_to_wall(z, r->utc) :
		    r->wall + secs;
}

/* Digits by hand, into a local buffer added at once: printf, or a call
 * per byte, is a third of writing CSV otherwise. */
static char *
two(char *p, int v)
{
	p[0] = (char)('0' + v / 10 % 10);
	p[1] = (char)('0' + v % 10);
	return p + 2;
}

/* YYYY-MM-DD[Thh:mm:ss] at p (at most 19 bytes; a year outside 0-9999
 * goes to b first); the end. */
static char *
iso_digits(const struct ev_tm *tm, int with_time, char *p, struct ev_buf *b)
{
	if (tm->year < 0 || tm->year > 9999) {
		ev_buf_printf(b, "%04d", tm->year);
	} else {
		p = two(p, tm->year / 100);
		p = two(p, tm->year % 100);
	}
	*p++ = '-';
	p = two(p, tm->mon);
	*p++ = '-';
	p = two(p, tm->mday);
	if (!with_time)
		return p;
	*p++ = 'T';
	p = two(p, tm->hour);
	*p++ = ':';
	p = two(p, tm->min);
	*p++ = ':';
	return two(p, tm->sec);
}

void
ev_time_iso(struct ev_ctx *ctx, const struct ev_time *t, struct ev_buf *b)
{
	struct ev_tm tm;
	int64_t wall;
	int off;
	char s[32], *p;

	switch (t->kind) {
	case EV_T_NONE:
		return;
	case EV_T_DATE:
	case EV_T_FLOAT:
		ev_tm_from_wall(t->wall, &tm);
		p = iso_digits(&tm, t->kind == EV_T_FLOAT, s, b);
		ev_buf_add(b, s, (size_t)(p - s));
		return;
	default:
		break;
	}
	wall = ev_zone_to_wall(ctx->zone, t->utc);
	off = (int)(wall - t->utc);
	ev_tm_from_wall(wall, &tm);
	p = iso_digits(&tm, 1, s, b);
	*p++ = off < 0 ? '-' : '+';
	off = abs(off);
	p = two(p, off / 3600);
	*p++ = ':';
	p = two(p, off / 60 % 60);
	ev_buf_add(b, s, (size_t)(p - s));
}

/* ---- decoding ------------------------------------------------------------- */

/* Properties whose TZID must resolve, or the record is bad. */
static int
is_time_prop(const char *name)
{
	static const char *const names[] = {
		"DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE", "DUE",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (ev_strcaseeq(name, names[i]))
			return 1;
	return 0;
}

/* A quick look before parsing the parameters: is "TZID" there at all? */
static int
has_tzid(const char *params)
{
	for (const char *p = params; (p = strpbrk(p, "Zz")) != NULL; p++)
		if (p > params && (p[-1] == 'T' || p[-1] == 't') &&
		    (p[1] == 'I' || p[1] == 'i') && (p[2] == 'D' || p[2] == 'd'))
			return 1;
	return 0;
}

static int note(struct ev_err *, const char *, unsigned long, const char *,
    ...) EV_PRINTFLIKE(4, 5);

/*
 * A TZID nothing defines is not a bad record (evkit(7)): the time is
 * read floating, in the display zone; a TZID read by a guess says so.
 * 0, or 1 with the first such warning in err.
 */
static int
resolve_zones(struct ev_ctx *ctx, struct ev_event *ev,
    const struct ev_zonemap *map, struct ev_err *err)
{
	struct ev_buf tz = {0};
	int rc = 0, guess;

	for (size_t i = 0; i < ev->nprops; i++) {
		struct ev_prop *p = &ev->props[i];

		if (p->depth != 0 || p->zone != NULL || p->params == 0 ||
		    !has_tzid(EV_PPARAMS(ev, i)) ||
		    !ev_param_get(EV_PPARAMS(ev, i), "TZID", &tz))
			continue;
		p->zone = ev_zone_resolve(ctx, map, tz.p, &guess);
		if (rc || !is_time_prop(EV_PNAME(ev, i)))
			continue;
		if (p->zone == NULL)
			note(err, ev->file, p->line, "undefined TZID "
			    "\"%.200s\" in %s: read as floating time", tz.p,
			    EV_PNAME(ev, i));
		else if (guess)
			note(err, ev->file, p->line, "unknown TZID "
			    "\"%.200s\" in %s: read as %s", tz.p,
			    EV_PNAME(ev, i), ev_zone_name(p->zone));
		rc = p->zone == NULL || guess;
	}
	ev_buf_free(&tz);
	return rc;
}

/*
 * Add a report about a record that is kept to err, after those there
 * (one a line: ev_read hands them out one by one).  1, as the decoding
 * steps return when they reported something.
 */
static int EV_PRINTFLIKE(4, 5)
note(struct ev_err *err, const char *file, unsigned long line,
    const char *fmt, ...)
{
	struct ev_err e;
	char m[sizeof(e.msg)];
	size_t n, k;
	va_list ap;

	if (err == NULL)
		return 1;
	va_start(ap, fmt);
	vsnprintf(m, sizeof(m), fmt, ap);
	va_end(ap);
	ev_err_set(&e, file, line, "%s", m);
	n = strlen(err->msg);
	k = strlen(e.msg);
	if (n > 0 && n + 1 + k >= sizeof(err->msg) - 128) {
		/* full: the last line says so, once */
		if (strstr(err->msg, " more reports about ") == NULL)
			ev_err_set(&e, file, line, "more reports about this "
			    "record left out");
		else
			return 1;
		k = strlen(e.msg);
		if (n + 1 + k >= sizeof(err->msg))
			return 1;
	}
	if (n > 0)
		err->msg[n++] = '\n';
	memcpy(err->msg + n, e.msg, k + 1);
	return 1;
}

/* A time read outside the span its inline zone covers (zone.c): said
 * once per zone.  1 with the warning in err. */
static int
stray(const struct ev_event *ev, long i, const struct ev_time *t,
    struct ev_err *err)
{
	struct ev_err e;

	if (i < 0 || t->kind != EV_T_ZONED || !ev_zone_stray(t->zone, t->utc,
	    &e))
		return 0;
	return note(err, ev->file, ev->props[i].line, "%s", e.msg);
}

/* Blanks after property i's value go (they are read without them). */
static void
trim_value(struct ev_event *ev, long i)
{
	char *v = EV_PVALUE(ev, i);
	size_t n = strlen(v);

	if (n == 0 || (v[n - 1] != ' ' && v[n - 1] != '\t'))
		return;
	unpack(ev);
	v = EV_PVALUE(ev, i);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		v[--n] = '\0';
	forget_decoded(ev);
}

/* Give property i a new value (and params, unless NULL), in place. */
static void
prop_set(struct ev_event *ev, size_t i, const char *params, const char *value)
{
	/* copies first: both may point into the arena, which may move */
	char *v = ev_estrdup(value), *p = params ? ev_estrdup(params) : NULL;
	size_t vn = strlen(v), pn = p ? strlen(p) : 0;

	unpack(ev);
	arena_room(ev, vn, pn, 0);
	ev->props[i].value = (uint32_t)arena_put(ev, v, vn);
	if (p != NULL)
		ev->props[i].params = (uint32_t)arena_put(ev, p, pn);
	forget_decoded(ev);
	free(v);
	free(p);
}

/* params without its VALUE parameter, into out. */
static void
params_without_value(const char *params, struct ev_buf *out)
{
	const char *p = params;

	ev_buf_clear(out);
	ev_buf_add(out, "", 0);
	while (*p != '\0') {
		const char *e = p;
		int q = 0;

		for (; *e != '\0' && (q || *e != ';'); e++)
			if (*e == '"')
				q = !q;
		if (!(e - p > 5 && ev_strncaseeq(p, "VALUE=", 6))) {
			if (out->len > 0)
				ev_buf_addc(out, ';');
			ev_buf_add(out, p, (size_t)(e - p));
		}
		p = *e ? e + 1 : e;
	}
}

/*
 * Property i as a DATE or DATE-TIME into t: 0, -1 when it cannot be
 * read, 1 when it was read with a report in err: a date-time marked
 * VALUE=DATE is the date-time it is (the marking is left out).
 */
static int
read_time(struct ev_ctx *ctx, struct ev_event *ev, long i, struct ev_time *t,
    struct ev_err *err)
{
	struct ev_buf v = {0};
	const char *params;
	int is_date = 0;

	trim_value(ev, i);	/* before pointing into the record */
	params = EV_PPARAMS(ev, i);
	/* most times have only a TZID: no VALUE, no allocation */
	if (strchr(params, '=') != NULL && (strstr(params, "VALUE") ||
	    strstr(params, "value") || strstr(params, "Value"))) {
		is_date = ev_param_get(params, "VALUE", &v) &&
		    ev_strcaseeq(v.p, "DATE");
		ev_buf_free(&v);
	}
	if (ev_time_parse(ctx, EV_PVALUE(ev, i), is_date, ev->props[i].zone,
	    t) == 0) {
		if (t->kind == EV_T_DATE && !is_date) {
			/* a DATE without VALUE=DATE, as every reader takes
			 * it: written with it */
			ev_buf_printf(&v, "VALUE=DATE%s%s", *params ? ";" : "",
			    params);
			prop_set(ev, (size_t)i, v.p, EV_PVALUE(ev, i));
			ev_buf_free(&v);
		}
		return 0;
	}
	if (!is_date || ev_time_parse(ctx, EV_PVALUE(ev, i), 0,
	    ev->props[i].zone, t) < 0)
		return -1;
	note(err, ev->file, ev->props[i].line,
	    "%s \"%.200s\" is marked VALUE=DATE: read as the date-time it is",
	    EV_PNAME(ev, i), EV_PVALUE(ev, i));
	params_without_value(params, &v);
	prop_set(ev, (size_t)i, v.p, EV_PVALUE(ev, i));
	ev_buf_free(&v);
	return 1;
}

static int
decode_time(struct ev_ctx *ctx, struct ev_event *ev, long i, struct ev_time *t,
    struct ev_err *err)
{
	int rc = read_time(ctx, ev, i, t, err);

	if (rc < 0)
		note(err, ev->file, ev->props[i].line, "bad %s \"%.200s\"",
		    EV_PNAME(ev, i), EV_PVALUE(ev, i));
	return rc;
}

/*
 * A DTEND that is a DATE where DTSTART is a DATE-TIME, or the other way
 * round, is read in DTSTART's type: a DATE as midnight starting that day
 * in DTSTART's zone, a DATE-TIME as the day it falls on, or the next day
 * when it is after that day's midnight (so the days it reaches into are
 * covered).  The property is written so.
 */
static void
end_retype(struct ev_ctx *ctx, struct ev_event *ev, long i)
{
	struct ev_buf v = {0}, pp = {0};
	int64_t day = ev->end.wall / 86400 - (ev->end.wall % 86400 < 0);
	int y, m, d;

	if (ev->start.kind == EV_T_DATE) {
		if (ev->end.wall - day * 86400 > 0)
			day++;
		ev_civil_from_days(day, &y, &m, &d);
		ev_buf_printf(&v, "%04d%02d%02d", y, m, d);
		prop_set(ev, (size_t)i, "VALUE=DATE", v.p);
		ev->props[i].zone = NULL;
	} else {
		ev_civil_from_days(day, &y, &m, &d);
		ev_buf_printf(&v, "%04d%02d%02dT000000%s", y, m, d,
		    ev->start.kind == EV_T_UTC ? "Z" : "");
		params_without_value(EV_PPARAMS(ev, kfind(ev, EV_K_DTSTART)),
		    &pp);
		prop_set(ev, (size_t)i, pp.p, v.p);
		ev->props[i].zone = ev->start.kind == EV_T_ZONED ?
		    ev->start.zone : NULL;
	}
	(void)read_time(ctx, ev, i, &ev->end, NULL);
	ev_buf_free(&v);
	ev_buf_free(&pp);
}

/* The end from DTEND i: 0, or 1 with a report (DTEND left out or read
 * another way). */
static int
end_from_dtend(struct ev_ctx *ctx, struct ev_event *ev, long i,
    struct ev_err *err)
{
	unsigned long line = ev->props[i].line;
	char was[64];
	int rc;

	snprintf(was, sizeof(was), "%s", EV_PVALUE(ev, i));
	if ((rc = read_time(ctx, ev, i, &ev->end, err)) < 0) {
		note(err, ev->file, line, "bad DTEND \"%.200s\": left out",
		    EV_PVALUE(ev, i));
		goto leave_out;
	}
	if ((ev->end.kind == EV_T_DATE) != (ev->start.kind == EV_T_DATE)) {
		end_retype(ctx, ev, i);
		rc = note(err, ev->file, line, "DTEND \"%s\" is not of "
		    "DTSTART's type: read as %s", was, EV_PVALUE(ev, i));
	}
	if (ev->end.utc >= ev->start.utc)
		return rc;
	note(err, ev->file, line, "DTEND \"%s\" is before DTSTART: left out",
	    was);
leave_out:
	ev_event_delprop(ev, (size_t)i);
	memset(&ev->end, 0, sizeof(ev->end));
	return 1;
}

/* The end from DURATION i: 0, or 1 with a report (DURATION left out or
 * read another way). */
static int
end_from_duration(struct ev_ctx *ctx, struct ev_event *ev, long i,
    struct ev_err *err)
{
	const char *v;
	unsigned long line = ev->props[i].line;
	struct ev_buf b = {0};
	int days, rc = 0;
	int64_t secs;

	trim_value(ev, i);
	v = EV_PVALUE(ev, i);
	if (ev_duration_parse(v, &days, &secs) < 0) {
		if (dur_parse(v, 1, &days, &secs) < 0) {
			note(err, ev->file, line,
			    "bad DURATION \"%.200s\": left out", v);
			goto leave_out;
		}
		dur_format(days, secs, &b);
		rc = note(err, ev->file, line, "DURATION \"%.200s\" is not "
		    "written as RFC 5545 says: read as %s", v, b.p);
		prop_set(ev, (size_t)i, NULL, b.p);
		ev_buf_free(&b);
	}
	time_add(ctx, &ev->start, days, secs, &ev->end);
	if (ev->end.utc >= ev->start.utc)
		return rc;
	note(err, ev->file, line, "DURATION \"%.200s\" is negative: left out",
	    EV_PVALUE(ev, i));
leave_out:
	ev_event_delprop(ev, (size_t)i);
	memset(&ev->end, 0, sizeof(ev->end));
	return 1;
}

/*
 * A bad or inconsistent end is not a bad record (evkit(7)): what cannot
 * be read is left out of the record, with a report, and the event then
 * ends as one without DTEND and DURATION does.  0, or 1 with reports.
 */
static int
decode_end(struct ev_ctx *ctx, struct ev_event *ev, struct ev_err *err)
{
	long iend = kfind(ev, EV_K_DTEND);
	long idur = kfind(ev, EV_K_DURATION);
	int rc = 0;

	if (iend >= 0) {
		rc = end_from_dtend(ctx, ev, iend, err);
		iend = kfind(ev, EV_K_DTEND);
	}
	idur = kfind(ev, EV_K_DURATION);
	if (iend >= 0 && idur >= 0) {
		/* as python's icalendar, libical and ical.js read it */
		rc = note(err, ev->file, ev->props[idur].line, "both DTEND "
		    "and DURATION: DURATION \"%.200s\" left out",
		    EV_PVALUE(ev, idur));
		ev_event_delprop(ev, (size_t)idur);
	} else if (idur >= 0) {
		rc |= end_from_duration(ctx, ev, idur, err);
	}
	if (ev->end.kind == EV_T_NONE && ev->start.kind == EV_T_DATE)
		time_add(ctx, &ev->start, 1, 0, &ev->end);
	return rc;
}

/* One value of RDATE (period_ok) or EXDATE as the expansion reads it. */
static int
date_ok(struct ev_ctx *ctx, const char *s, size_t n, int is_date,
    int period_ok, const struct ev_zone *zone)
{
	char buf[80], *slash;
	struct ev_time t;
	int days;
	int64_t secs;

	if (n == 0 || n >= sizeof(buf))
		return 0;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if ((slash = strchr(buf, '/')) != NULL) {
		if (!period_ok)
			return 0;
		*slash++ = '\0';
		if (*slash == 'P' || *slash == '+' || *slash == '-') {
			if (ev_duration_parse(slash, &days, &secs) < 0)
				return 0;
		} else if (ev_time_parse(ctx, slash, 0, zone, &t) < 0) {
			return 0;
		}
		is_date = 0;
	}
	return ev_time_parse(ctx, buf, is_date, zone, &t) == 0;
}

/*
 * The values of RDATE and EXDATE property i that cannot be read are left
 * out of it, with one report naming the first; a property left empty
 * goes.  0, or 1.
 */
static int
prune_dates(struct ev_ctx *ctx, struct ev_event *ev, size_t i,
    struct ev_err *err)
{
	struct ev_buf vt = {0}, keep = {0}, bad = {0};
	int is_date, period_ok, nbad = 0;
	const char *p;

	is_date = ev_param_get(EV_PPARAMS(ev, i), "VALUE", &vt) &&
	    ev_strcaseeq(vt.p, "DATE");
	period_ok = ev_strcaseeq(EV_PNAME(ev, i), "RDATE");
	ev_buf_add(&keep, "", 0);
	for (p = EV_PVALUE(ev, i); *p != '\0';) {
		size_t n = strcspn(p, ",");

		if (date_ok(ctx, p, n, is_date, period_ok, ev->props[i].zone)) {
			if (keep.len > 0)
				ev_buf_addc(&keep, ',');
			ev_buf_add(&keep, p, n);
		} else if (n > 0 && nbad++ == 0) {
			ev_buf_add(&bad, p, n < 200 ? n : 200);
		}
		p += n + (p[n] == ',');
	}
	if (nbad == 1)
		note(err, ev->file, ev->props[i].line, "bad %s \"%s\": left out",
		    EV_PNAME(ev, i), bad.p);
	else if (nbad > 1)
		note(err, ev->file, ev->props[i].line, "bad %s \"%s\" (and %d "
		    "more): left out", EV_PNAME(ev, i), bad.p,
		    nbad - 1);
	if (nbad > 0 && keep.len == 0)
		ev_event_delprop(ev, i);
	else if (nbad > 0)
		prop_set(ev, i, NULL, keep.p);
	ev_buf_free(&vt);
	ev_buf_free(&keep);
	ev_buf_free(&bad);
	return nbad > 0;
}

static int
decode_dates(struct ev_ctx *ctx, struct ev_event *ev, struct ev_err *err)
{
	int rc = 0;

	if (kfind(ev, EV_K_RDATE) < 0 && kfind(ev, EV_K_EXDATE) < 0)
		return 0;
	for (size_t i = 0; i < ev->nprops;) {
		int k = ev->props[i].known - 1;
		size_t n = ev->nprops;

		if (k == EV_K_RDATE || k == EV_K_EXDATE)
			rc |= prune_dates(ctx, ev, i, err);
		i += ev->nprops == n;	/* unless it went */
	}
	return rc;
}

/* A whole number of at most 9 digits (so no wrap-around), or -1. */
static long
small_number(const char *s, size_t n)
{
	long v = 0;

	if (n == 0 || n > 9)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* UNTIL's digits name no day or time ("20241340"; libical would roll
 * it over into the next year). */
static int
until_impossible(const char *s, size_t n)
{
	int y, mo, d, h, mi, se;

	if (n < 8 || digits(s, 4, &y) < 0 || digits(s + 4, 2, &mo) < 0 ||
	    digits(s + 6, 2, &d) < 0)
		return 0;
	if (mo < 1 || mo > 12 || d < 1 || d > ev_days_in_month(y, mo))
		return 1;
	if (n < 15 || s[8] != 'T' || digits(s + 9, 2, &h) < 0 ||
	    digits(s + 11, 2, &mi) < 0 || digits(s + 13, 2, &se) < 0)
		return 0;
	return h > 23 || mi > 59 || se > 60;
}

/*
 * The parts of an RRULE that libical reads loosely: FREQ must name a
 * frequency, COUNT and INTERVAL be whole numbers ("COUNT=3x" and
 * "COUNT=4294967297" would quietly become 3 and 1).  0 when it cannot
 * be read; 1 when it can; 2 when it can once a negative COUNT is left
 * out (Atlassian Confluence writes COUNT=-1 beside UNTIL; python's
 * recurring-ical-events reads it as no COUNT too); 3 when its UNTIL
 * names no day (python's reader rejects the rule too).
 */
static int
rrule_ok(const char *v)
{
	static const char *const freqs[] = {"SECONDLY", "MINUTELY", "HOURLY",
	    "DAILY", "WEEKLY", "MONTHLY", "YEARLY"};
	int freq = 0, neg = 0, until = 0;

	for (const char *p = v; *p;) {
		const char *e = strchr(p, ';'), *eq;
		size_t n;

		if (e == NULL)
			e = p + strlen(p);
		if ((eq = memchr(p, '=', (size_t)(e - p))) == NULL)
			return 0;
		n = (size_t)(e - eq - 1);
		if (eq - p == 4 && ev_strncaseeq(p, "FREQ", 4)) {
			for (size_t k = 0; k < 7; k++)
				if (strlen(freqs[k]) == n &&
				    ev_strncaseeq(eq + 1, freqs[k], n))
					freq = 1;
		} else if (eq - p == 5 && ev_strncaseeq(p, "COUNT", 5) &&
		    n > 1 && eq[1] == '-' && small_number(eq + 2, n - 1) > 0) {
			neg = 1;
		} else if (eq - p == 5 && ev_strncaseeq(p, "UNTIL", 5)) {
			until = until_impossible(eq + 1, n);
		} else if ((eq - p == 5 && ev_strncaseeq(p, "COUNT", 5)) ||
		    (eq - p == 8 && ev_strncaseeq(p, "INTERVAL", 8))) {
			if (small_number(eq + 1, n) < 1)
				return 0;
		}
		p = *e ? e + 1 : e;
	}
	if (freq && until)
		return 3;
	return freq ? 1 + neg : 0;
}

/* Leave the negative COUNT parts out of the RRULE value v, in place. */
static void
rrule_drop_count(char *v)
{
	char *p = v, *out = v;

	while (*p) {
		size_t n = strcspn(p, ";");

		if (!(n > 6 && ev_strncaseeq(p, "COUNT=-", 7))) {
			if (out != v)
				*out++ = ';';
			memmove(out, p, n);
			out += n;
		}
		p += n + (p[n] == ';');
	}
	*out = '\0';
}

/*
 * An RRULE that cannot be read is not a bad record (evkit(7)): it is
 * left out, so the event is its DTSTART alone (with its RDATEs), and
 * reported in err; a negative COUNT is left out of it.  0, or 1 with
 * the warning in err.
 */
static int
read_rrule(struct ev_event *ev, struct ev_err *err)
{
	long i = kfind(ev, EV_K_RRULE);
	unsigned long line;
	int ok;

	if (i < 0 || (ok = rrule_ok(EV_PVALUE(ev, i))) == 1)
		return 0;
	line = ev->props[i].line;
	if (ok == 2) {
		note(err, ev->file, line,
		    "RRULE \"%.200s\" has a negative COUNT: read without it",
		    EV_PVALUE(ev, i));
		unpack(ev);
		rrule_drop_count(EV_PVALUE(ev, i));
		forget_decoded(ev);
		return 1;
	}
	note(err, ev->file, line, "RRULE \"%.200s\" not read%s: %s",
	    EV_PVALUE(ev, i), ok == 3 ? " (its UNTIL is no date)" : "",
	    kfind(ev, EV_K_RDATE) >= 0 ? "left out" : "kept as a single event");
	ev_event_delprop(ev, (size_t)i);
	ev->recurring = kfind(ev, EV_K_RRULE) >= 0 ||
	    kfind(ev, EV_K_RDATE) >= 0;
	return 1;
}

/* "YYYYMMDDTHHMMSSZ" by its shape. */
static int
utc_stamp(const char *s)
{
	for (int k = 0; k < 16; k++) {
		char c = s[k];

		if (k == 8 ? c != 'T' : k == 15 ? c != 'Z' :
		    (c < '0' || c > '9'))
			return 0;
	}
	return s[16] == '\0';
}

/*
 * DTSTAMP is a UTC date-time (RFC 5545 3.8.7.2), and clients reject
 * another: a floating or zoned date-time or a date is written as the
 * UTC time it names (a floating one taken as UTC, a date as its
 * midnight), without a report, since no reading depends on it; a value
 * that is no time is left out with one, and the writer stamps the
 * record anew.
 */
static int
read_stamp(struct ev_ctx *ctx, struct ev_event *ev, struct ev_err *err)
{
	long i = kfind(ev, EV_K_DTSTAMP);
	char was[210], v[32];
	struct ev_time t;
	struct ev_tm tm;
	const char *s;

	if (i < 0 || *(s = EV_PVALUE(ev, i)) == '\0' ||
	    (utc_stamp(s) && *EV_PPARAMS(ev, i) == '\0'))
		return 0;
	snprintf(was, sizeof(was), "%s", s);
	if (read_time(ctx, ev, i, &t, NULL) < 0) {
		note(err, ev->file, ev->props[i].line,
		    "bad DTSTAMP \"%.200s\": left out", was);
		ev_event_delprop(ev, (size_t)i);
		return 1;
	}
	ev_tm_from_wall(t.kind == EV_T_ZONED || t.kind == EV_T_UTC ? t.utc :
	    t.wall, &tm);
	snprintf(v, sizeof(v), "%04d%02d%02dT%02d%02d%02dZ", tm.year, tm.mon,
	    tm.mday, tm.hour, tm.min, tm.sec);
	prop_set(ev, (size_t)i, "", v);
	return 0;
}

int
ev_event_decode(struct ev_ctx *ctx, struct ev_event *ev,
    const struct ev_zonemap *map, struct ev_err *err)
{
	long i;
	int rc, warned;

	forget_decoded(ev);
	if (err != NULL)
		err->msg[0] = '\0';
	memset(&ev->end, 0, sizeof(ev->end));
	memset(&ev->rid, 0, sizeof(ev->rid));
	warned = resolve_zones(ctx, ev, map, err);
	if ((i = kfind(ev, EV_K_DTSTART)) < 0) {
		note(err, ev->file, ev->line, "event without DTSTART");
		return -1;
	}
	if ((rc = decode_time(ctx, ev, i, &ev->start, err)) < 0)
		return -1;
	ev->all_day = ev->start.kind == EV_T_DATE;
	rc |= decode_end(ctx, ev, err);
	if ((i = kfind(ev, EV_K_RECURRENCE_ID)) >= 0 &&
	    (rc |= decode_time(ctx, ev, i, &ev->rid, err)) < 0)
		return -1;
	rc |= decode_dates(ctx, ev, err);
	rc |= read_stamp(ctx, ev, err);
	ev->recurring = kfind(ev, EV_K_RRULE) >= 0 ||
	    kfind(ev, EV_K_RDATE) >= 0;
	/* a record's own times; an occurrence's (no map) say it in
	 * the expansion */
	if (map != NULL)
		warned |= stray(ev, kfind(ev, EV_K_DTSTART), &ev->start, err) |
		    stray(ev, kfind(ev, EV_K_DTEND), &ev->end, err);
	return rc | warned | read_rrule(ev, err);
}

/* ---- accessors -------------------------------------------------------------- */

const char *
ev_event_file(const struct ev_event *ev)
{
	return ev->file ? ev->file : "";
}

unsigned long
ev_event_line(const struct ev_event *ev)
{
	return ev->line;
}

const struct ev_time *
ev_event_start(const struct ev_event *ev)
{
	return &ev->start;
}

const struct ev_time *
ev_event_end(const struct ev_event *ev)
{
	return &ev->end;
}

const struct ev_time *
ev_event_rid(const struct ev_event *ev)
{
	return &ev->rid;
}

int
ev_event_all_day(const struct ev_event *ev)
{
	return ev->all_day;
}

int
ev_event_recurring(const struct ev_event *ev)
{
	return ev->recurring;
}

int
ev_categories(const struct ev_event *ev,
    int (*fn)(void *, const char *, size_t), void *arg)
{
	long first = kfind(ev, EV_K_CATEGORIES);
	int rc;

	if (first < 0)
		return 0;
	/* each property knows whether it is one (known_note) */
	for (size_t i = (size_t)first; i < ev->nprops; i++) {
		const char *v, *p;

		if (ev->props[i].known != EV_K_CATEGORIES + 1)
			continue;
		for (v = p = EV_PVALUE(ev, i);; p++) {
			if (*p == '\\' && p[1] != '\0') {
				p++;
				continue;
			}
			if (*p != ',' && *p != '\0')
				continue;
			if (p > v && (rc = fn(arg, v, (size_t)(p - v))) != 0)
				return rc;
			if (*p == '\0')
				break;
			v = p + 1;
		}
	}
	return 0;
}

struct catwalk {
	int	(*fn)(void *, const char *);
	void	*arg;
	struct ev_buf *b;
};

static int
one_category(void *arg, const char *s, size_t n)
{
	struct catwalk *w = arg;

	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	ev_buf_clear(w->b);
	ev_text_unescape(s, n, w->b);
	while (w->b->len > 0 && (w->b->p[w->b->len - 1] == ' ' ||
	    w->b->p[w->b->len - 1] == '\t'))
		w->b->p[--w->b->len] = '\0';
	return w->b->len > 0 ? w->fn(w->arg, w->b->p) : 0;
}

int
ev_event_each_category(struct ev_event *ev, int (*fn)(void *, const char *),
    void *arg)
{
	struct catwalk w = {fn, arg, &ev->catbuf};

	return ev_categories(ev, one_category, &w);
}

struct catlist {
	struct ev_buf *out;
	size_t	 start;
};

static int
add_category(void *arg, const char *s, size_t n)
{
	struct catlist *c = arg;

	if (c->out->len > c->start)
		ev_buf_add(c->out, ", ", 2);
	ev_text_unescape(s, n, c->out);
	return 0;
}

/* CATEGORIES may repeat and hold lists: "a, b, c" across all of them. */
static void
decode_categories(const struct ev_event *ev, struct ev_buf *out)
{
	struct catlist c = {out, out->len};

	(void)ev_categories(ev, add_category, &c);
}

/* RRULE's value, then "RDATE…:…" and "EXDATE…:…" lines. */
static void
decode_rrule(const struct ev_event *ev, struct ev_buf *out)
{
	long r = kfind(ev, EV_K_RRULE);
	size_t start = out->len;

	if (r >= 0)
		ev_buf_adds(out, EV_PVALUE(ev, r));
	if (kfind(ev, EV_K_RDATE) < 0 && kfind(ev, EV_K_EXDATE) < 0)
		return;
	for (size_t i = 0; i < ev->nprops; i++) {
		const char *n = EV_PNAME(ev, i);

		if (ev->props[i].depth != 0 || (ev->props[i].flags & EV_PROP_CSVCOL) ||
		    (!ev_strcaseeq(n, "RDATE") && !ev_strcaseeq(n, "EXDATE")))
			continue;
		if (out->len > start)
			ev_buf_addc(out, '\n');
		ev_buf_adds(out, n);
		if (*EV_PPARAMS(ev, i)) {
			ev_buf_addc(out, ';');
			ev_buf_adds(out, EV_PPARAMS(ev, i));
		}
		ev_buf_addc(out, ':');
		ev_buf_adds(out, EV_PVALUE(ev, i));
	}
}

static int
decode_organizer(const struct ev_event *ev, struct ev_buf *out)
{
	long i = kfind(ev, EV_K_ORGANIZER);
	size_t start = out->len;

	if (i < 0)
		return 0;
	/* "CN <value>": the name goes straight into out */
	if (param_add(EV_PPARAMS(ev, i), "CN", out) && out->len > start) {
		ev_buf_add(out, " <", 2);
		ev_buf_adds(out, EV_PVALUE(ev, i));
		ev_buf_addc(out, '>');
	} else {
		out->len = start;
		out->p[start] = '\0';
		ev_buf_adds(out, EV_PVALUE(ev, i));
	}
	return 1;
}

/* The property a plain text field comes from, escaped or not. */
static int
text_prop(const struct ev_event *ev, enum ev_field f, struct ev_buf *out)
{
	int escaped = 1;
	long i;

	switch (f) {
	case EV_F_UID: i = kfind(ev, EV_K_UID); break;
	case EV_F_SUMMARY: i = kfind(ev, EV_K_SUMMARY); break;
	case EV_F_LOCATION: i = kfind(ev, EV_K_LOCATION); break;
	case EV_F_DESCRIPTION: i = kfind(ev, EV_K_DESCRIPTION); break;
	case EV_F_URL: i = kfind(ev, EV_K_URL); escaped = 0; break;
	case EV_F_STATUS: i = kfind(ev, EV_K_STATUS); escaped = 0; break;
	case EV_F_SEQUENCE: i = kfind(ev, EV_K_SEQUENCE); escaped = 0; break;
	case EV_F_PRICE:
		if ((i = kfind(ev, EV_K_X_PRICE)) < 0 &&
		    (i = kfind(ev, EV_K_X_COST)) < 0)
			i = kfind(ev, EV_K_X_COST_TYPE);
		break;
	default:
		return 0;
	}
	if (i < 0)
		return 0;
	if (escaped)
		ev_text_unescape(EV_PVALUE(ev, i), strlen(EV_PVALUE(ev, i)), out);
	else
		ev_buf_adds(out, EV_PVALUE(ev, i));
	return 1;
}

int
ev_event_field(struct ev_event *ev, enum ev_field f, struct ev_buf *out)
{
	size_t start = out->len;

	switch (f) {
	case EV_F_CATEGORIES:
		decode_categories(ev, out);
		return out->len > start;
	case EV_F_RRULE:
		decode_rrule(ev, out);
		return out->len > start;
	case EV_F_ORGANIZER:
		return decode_organizer(ev, out);
	case EV_F_ALL_DAY:
		ev_buf_adds(out, ev->all_day ? "true" : "false");
		return 1;
	case EV_F_TZ:
		/* UTC times carry their offset: no zone to name */
		if (ev->start.kind == EV_T_ZONED)
			ev_buf_adds(out, ev_zone_name(ev->start.zone));
		return out->len > start;
	default:
		return text_prop(ev, f, out);
	}
}

const char *
ev_event_text(struct ev_event *ev, enum ev_field f)
{
	if ((unsigned)f >= EV_F_COUNT)
		return NULL;
	if (ev->dec == NULL)
		ev->dec = ev_ecalloc(EV_F_COUNT, sizeof(*ev->dec));
	if (ev->decst[f] == 0) {
		ev_buf_clear(&ev->dec[f]);
		ev_buf_reserve(&ev->dec[f], 0);
		ev->decst[f] = ev_event_field(ev, f, &ev->dec[f]) ? 1 : 2;
	}
	return ev->decst[f] == 1 ? ev->dec[f].p : NULL;
}
