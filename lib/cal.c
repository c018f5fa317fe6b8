/*
 * cal.c - month grids: count events per display day, then print the
 * months as text like cal(1) or as HTML for the portal.  The layout of a
 * month is ev_month_grid's 6x7 array; the renderers only print it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit.h"

#define DAY		86400
#define MAXMONTHS	1200
#define PERBAND		3	/* months side by side in text */
#define CELLW		3	/* "%2d" and the mark */
#define BLOCKW		22	/* a month's columns and the gap after it */
#define MONTHW		20	/* "Mo Di Mi Do Fr Sa So" */

struct ev_cal {
	const struct ev_ctx *ctx;
	int	 year, mon, nmonths;
	int64_t	 day0;		/* first day shown, days since 1970-01-01 */
	int	 ndays;
	int	*count;		/* events per day, [day - day0] */
	int64_t	 today;		/* ctx's now as a display day */
};

/* The month i months after year-mon. */
static void
month_at(int year, int mon, int i, int *y, int *m)
{
	int k = mon - 1 + i;

	*y = year + k / 12;
	*m = k % 12 + 1;
}

struct ev_cal *
ev_cal_new(const struct ev_ctx *ctx, int year, int mon, int nmonths)
{
	struct ev_cal *cal;
	int y, m;

	/* the year bound keeps day counts far from int overflow */
	if (mon < 1 || mon > 12 || nmonths < 1 || nmonths > MAXMONTHS ||
	    year < -1000000 || year > 1000000)
		return NULL;
	cal = ev_ecalloc(1, sizeof(*cal));
	cal->ctx = ctx;
	cal->year = year;
	cal->mon = mon;
	cal->nmonths = nmonths;
	cal->day0 = ev_days_from_civil(year, mon, 1);
	month_at(year, mon, nmonths, &y, &m);
	cal->ndays = (int)(ev_days_from_civil(y, m, 1) - cal->day0);
	cal->count = ev_ecalloc((size_t)cal->ndays, sizeof(*cal->count));
	cal->today = ev_floordiv(ev_zone_to_wall(ev_ctx_zone(ctx),
	    ev_ctx_now(ctx)), DAY);
	return cal;
}

void
ev_cal_free(struct ev_cal *cal)
{
	if (cal == NULL)
		return;
	free(cal->count);
	free(cal);
}

void
ev_cal_span(const struct ev_cal *cal, int64_t *from, int64_t *to)
{
	const struct ev_zone *z = ev_ctx_zone(cal->ctx);

	*from = ev_zone_to_utc(z, cal->day0 * DAY);
	*to = ev_zone_to_utc(z, (cal->day0 + cal->ndays) * DAY);
}

/*
 * The wall clock a time shows in the display zone: DATE and floating
 * values are the same wall time everywhere, so their own.
 */
static int64_t
display_wall(const struct ev_cal *cal, const struct ev_time *t)
{
	if (t->kind == EV_T_DATE || t->kind == EV_T_FLOAT)
		return t->wall;
	return ev_zone_to_wall(ev_ctx_zone(cal->ctx), t->utc);
}

void
ev_cal_add(struct ev_cal *cal, const struct ev_event *occ)
{
	const struct ev_time *s = ev_event_start(occ), *e = ev_event_end(occ);
	int64_t first, last;

	if (s->kind == EV_T_NONE)
		return;
	first = last = ev_floordiv(display_wall(cal, s), DAY);
	/* the end is exclusive: an end at midnight leaves that day out */
	if (e->kind != EV_T_NONE)
		last = ev_floordiv(display_wall(cal, e) - 1, DAY);
	if (last < first)
		last = first;
	if (first < cal->day0)
		first = cal->day0;
	if (last >= cal->day0 + cal->ndays)
		last = cal->day0 + cal->ndays - 1;
	for (int64_t d = first; d <= last; d++)
		cal->count[d - cal->day0]++;
}

static int
count_day(const struct ev_cal *cal, int64_t day)
{
	if (day < cal->day0 || day >= cal->day0 + cal->ndays)
		return 0;
	return cal->count[day - cal->day0];
}

int
ev_cal_count(const struct ev_cal *cal, int year, int mon, int mday)
{
	if (mon < 1 || mon > 12 || mday < 1 ||
	    mday > ev_days_in_month(year, mon))
		return 0;
	return count_day(cal, ev_days_from_civil(year, mon, mday));
}

static int
any_marked(const struct ev_cal *cal)
{
	for (int i = 0; i < cal->ndays; i++)
		if (cal->count[i] > 0)
			return 1;
	return 0;
}

/* A year view: twelve months from January, titled by the year on top. */
static int
is_year(const struct ev_cal *cal)
{
	return cal->mon == 1 && cal->nmonths == 12;
}

/* The weeks a month spans: rows of its grid up to the last day. */
static int
weeks(int grid[6][7])
{
	int n = 6;

	while (n > 4 && grid[n - 1][0] == 0)
		n--;
	return n;
}

/*
 * The column headings: the first two letters of the abbreviated names
 * ("Mo Di Mi" / "Mo Tu We"), all ASCII.
 */
static void
short_wday(enum ev_lang lang, int wday, char out[3])
{
	memcpy(out, ev_weekday_name(lang, wday, 1), 2);
	out[2] = '\0';
}

/* ---- text ------------------------------------------------------------------ */

/* Columns of UTF-8 text; month names have no wide characters. */
static void
spaces(struct ev_buf *b, size_t n)
{
	while (n-- > 0)
		ev_buf_addc(b, ' ');
}

/* The title line, centred in MONTHW columns; returns the columns used. */
static size_t
text_title(const struct ev_cal *cal, int y, int m, int with_year,
    struct ev_buf *b)
{
	struct ev_buf t = {0};
	size_t w, pad;

	ev_buf_adds(&t, ev_month_name(ev_ctx_lang(cal->ctx), m, 0));
	if (with_year)
		ev_buf_printf(&t, " %d", y);
	w = ev_utf8_width(t.p);
	pad = w < MONTHW ? (MONTHW - w) / 2 : 0;
	spaces(b, pad);
	ev_buf_adds(b, t.p);
	ev_buf_free(&t);
	return pad + w;
}

static size_t
text_header(const struct ev_cal *cal, struct ev_buf *b)
{
	char wd[3];

	for (int i = 0; i < 7; i++) {
		short_wday(ev_ctx_lang(cal->ctx), i, wd);
		ev_buf_printf(b, i ? " %s" : "%s", wd);
	}
	return MONTHW;
}

/* One day: "%2d" then '*' or ' '; with color bold and reverse video. */
static void
text_cell(const struct ev_cal *cal, int64_t day, int mday, int color,
    struct ev_buf *b)
{
	int n, today = day == cal->today;

	if (mday == 0) {
		spaces(b, CELLW);
		return;
	}
	n = count_day(cal, day);
	if (color && (n > 0 || today))
		ev_buf_adds(b, n > 0 && today ? "\033[1;7m" :
		    today ? "\033[7m" : "\033[1m");
	ev_buf_printf(b, "%2d", mday);
	if (color && (n > 0 || today))
		ev_buf_adds(b, "\033[0m");
	ev_buf_addc(b, n > 0 ? '*' : ' ');
}

static size_t
text_week(const struct ev_cal *cal, int y, int m, int week[7], int color,
    struct ev_buf *b)
{
	int64_t day1 = ev_days_from_civil(y, m, 1);

	for (int i = 0; i < 7; i++)
		text_cell(cal, day1 + week[i] - 1, week[i], color, b);
	return 7 * CELLW;
}

/* Line `line` of a month's block: title, header, then its weeks. */
static size_t
text_line(const struct ev_cal *cal, int y, int m, int grid[6][7], int line,
    int color, struct ev_buf *b)
{
	if (line == 0)
		return text_title(cal, y, m, !is_year(cal), b);
	if (line == 1)
		return text_header(cal, b);
	if (line - 2 < weeks(grid))
		return text_week(cal, y, m, grid[line - 2], color, b);
	return 0;
}

static void
trim_line(struct ev_buf *b, size_t start)
{
	while (b->len > start && b->p[b->len - 1] == ' ')
		b->p[--b->len] = '\0';
	ev_buf_addc(b, '\n');
}

/* Months i .. i+n-1 of cal side by side, as many lines as the longest. */
static void
text_band(const struct ev_cal *cal, int i, int n, int color,
    struct ev_buf *b)
{
	int grid[PERBAND][6][7], ym[PERBAND][2], nlines = 0;

	for (int k = 0; k < n; k++) {
		month_at(cal->year, cal->mon, i + k, &ym[k][0], &ym[k][1]);
		ev_month_grid(ym[k][0], ym[k][1], grid[k]);
		if (2 + weeks(grid[k]) > nlines)
			nlines = 2 + weeks(grid[k]);
	}
	for (int line = 0; line < nlines; line++) {
		size_t start = b->len, col = 0;

		for (int k = 0; k < n; k++) {
			spaces(b, (size_t)k * BLOCKW - col);
			col = (size_t)k * BLOCKW + text_line(cal, ym[k][0],
			    ym[k][1], grid[k], line, color, b);
		}
		trim_line(b, start);
	}
}

void
ev_cal_text(const struct ev_cal *cal, int color, struct ev_buf *b)
{
	int de = ev_ctx_lang(cal->ctx) == EV_LANG_DE;
	char year[16];
	size_t w;

	/* centred over the bands, which are as wide as cal -y's: 64 */
	if (is_year(cal)) {
		w = (size_t)snprintf(year, sizeof(year), "%d", cal->year);
		spaces(b, (PERBAND * BLOCKW - 2 - w) / 2);
		ev_buf_printf(b, "%s\n\n", year);
	}
	for (int i = 0; i < cal->nmonths; i += PERBAND) {
		if (i > 0)
			ev_buf_addc(b, '\n');
		text_band(cal, i, cal->nmonths - i < PERBAND ?
		    cal->nmonths - i : PERBAND, color, b);
	}
	if (any_marked(cal))
		ev_buf_adds(b, de ? "\n* Tage mit Veranstaltungen\n" :
		    "\n* days with events\n");
}

/* ---- HTML ------------------------------------------------------------------ */

/* Text for HTML content and attribute values alike. */
static void
html_head(const struct ev_cal *cal, int y, int m, struct ev_buf *b)
{
	enum ev_lang lang = ev_ctx_lang(cal->ctx);
	char wd[3];

	ev_buf_printf(b, "<table class=\"ev-cal\" lang=\"%s\">\n<caption>",
	    lang == EV_LANG_DE ? "de" : "en");
	ev_html_escape(ev_month_name(lang, m, 0), b);
	ev_buf_printf(b, " %d</caption>\n<thead>\n<tr>", y);
	for (int i = 0; i < 7; i++) {
		short_wday(lang, i, wd);
		ev_buf_adds(b, "<th scope=\"col\"><abbr title=\"");
		ev_html_escape(ev_weekday_name(lang, i, 0), b);
		ev_buf_adds(b, "\">");
		ev_html_escape(wd, b);
		ev_buf_adds(b, "</abbr></th>");
	}
	ev_buf_adds(b, "</tr>\n</thead>\n<tbody>\n");
}

/* "3 Veranstaltungen", "1 event" */
static void
html_count(enum ev_lang lang, int n, struct ev_buf *b)
{
	struct ev_buf t = {0};

	if (lang == EV_LANG_DE)
		ev_buf_printf(&t, "%d Veranstaltung%s", n, n == 1 ? "" : "en");
	else
		ev_buf_printf(&t, "%d event%s", n, n == 1 ? "" : "s");
	ev_html_escape(t.p, b);
	ev_buf_free(&t);
}

static void
html_cell(const struct ev_cal *cal, int y, int m, int mday, struct ev_buf *b)
{
	int64_t day = ev_days_from_civil(y, m, mday);
	int n = count_day(cal, day), today = day == cal->today;
	char iso[32];

	snprintf(iso, sizeof(iso), "%04d-%02d-%02d", y, m, mday);
	ev_buf_adds(b, "<td");
	if (n > 0 || today)
		ev_buf_printf(b, " class=\"%s%s%s\"", n > 0 ? "ev-cal-events" :
		    "", n > 0 && today ? " " : "", today ? "ev-cal-today" : "");
	if (today)
		ev_buf_adds(b, " aria-current=\"date\"");
	ev_buf_addc(b, '>');
	if (n > 0) {
		ev_buf_printf(b, "<a href=\"#%s\" title=\"", iso);
		html_count(ev_ctx_lang(cal->ctx), n, b);
		ev_buf_adds(b, "\">");
	}
	ev_buf_printf(b, "<time datetime=\"%s\">%d</time>", iso, mday);
	if (n > 0)
		ev_buf_adds(b, "</a>");
	ev_buf_adds(b, "</td>");
}

static void
html_month(const struct ev_cal *cal, int y, int m, struct ev_buf *b)
{
	int grid[6][7];

	ev_month_grid(y, m, grid);
	html_head(cal, y, m, b);
	for (int w = 0; w < weeks(grid); w++) {
		ev_buf_adds(b, "<tr>");
		for (int i = 0; i < 7; i++) {
			if (grid[w][i] == 0)
				ev_buf_adds(b, "<td></td>");
			else
				html_cell(cal, y, m, grid[w][i], b);
		}
		ev_buf_adds(b, "</tr>\n");
	}
	ev_buf_adds(b, "</tbody>\n</table>\n");
}

void
ev_cal_html(const struct ev_cal *cal, struct ev_buf *b)
{
	int y, m;

	if (cal->nmonths > 1)
		ev_buf_printf(b, "<div class=\"%s\">\n",
		    is_year(cal) ? "ev-cal-year" : "ev-cal-months");
	for (int i = 0; i < cal->nmonths; i++) {
		month_at(cal->year, cal->mon, i, &y, &m);
		html_month(cal, y, m, b);
	}
	if (cal->nmonths > 1)
		ev_buf_adds(b, "</div>\n");
}
