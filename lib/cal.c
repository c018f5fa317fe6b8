/*
 * cal.c - month grids: count events per display day, then print the
 * months as text like cal(1) or as HTML for the portal.  The layout of a
 * month is ev_month_grid's 6x7 array of days; the renderers only print
 * it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit.h"

#define DAY		86400
#define MAXMONTHS	1200
#define PERBAND		3	/* months side by side in text */
#define CELLW		3	/* "%2d" and the mark */
#define DAYSW		20	/* "Mo Di Mi Do Fr Sa So" */
#define WEEKW		3	/* "48 " before a week */
#define GAP		2	/* between months side by side */

struct ev_cal {
	const struct ev_ctx *ctx;
	struct ev_cal_opts o;
	int	 year, mon, nmonths;
	int64_t	 day0;		/* first day shown, days since 1970-01-01 */
	int	 ndays;
	int64_t	 mfirst, mend;	/* the months proper: [mfirst, mend) */
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
ev_cal_new(const struct ev_ctx *ctx, int year, int mon, int nmonths,
    const struct ev_cal_opts *o)
{
	static const struct ev_cal_opts none;
	struct ev_cal *cal;
	int64_t grid[6][7];
	int y, m, rows;

	/* the year bound keeps day counts far from int overflow */
	if (mon < 1 || mon > 12 || nmonths < 1 || nmonths > MAXMONTHS ||
	    year < -1000000 || year > 1000000)
		return NULL;
	cal = ev_ecalloc(1, sizeof(*cal));
	cal->ctx = ctx;
	cal->o = o != NULL ? *o : none;
	cal->year = year;
	cal->mon = mon;
	cal->nmonths = nmonths;
	cal->mfirst = ev_days_from_civil(year, mon, 1);
	month_at(year, mon, nmonths, &y, &m);
	cal->mend = ev_days_from_civil(y, m, 1);
	/* the first week of the first month to the last of the last */
	ev_month_grid(year, mon, cal->o.sunday, grid);
	cal->day0 = grid[0][0];
	month_at(year, mon, nmonths - 1, &y, &m);
	rows = ev_month_grid(y, m, cal->o.sunday, grid);
	cal->ndays = (int)(grid[rows - 1][6] + 1 - cal->day0);
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

void
ev_cal_months_span(const struct ev_cal *cal, int64_t *from, int64_t *to)
{
	const struct ev_zone *z = ev_ctx_zone(cal->ctx);

	*from = ev_zone_to_utc(z, cal->mfirst * DAY);
	*to = ev_zone_to_utc(z, cal->mend * DAY);
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

/* The display days an occurrence covers, [*first, *last]; 0 if none. */
static int
occ_days(const struct ev_cal *cal, const struct ev_event *occ,
    int64_t *first, int64_t *last)
{
	const struct ev_time *s = ev_event_start(occ), *e = ev_event_end(occ);

	if (s->kind == EV_T_NONE)
		return 0;
	*first = *last = ev_floordiv(display_wall(cal, s), DAY);
	/* the end is exclusive: an end at midnight leaves that day out */
	if (e->kind != EV_T_NONE)
		*last = ev_floordiv(display_wall(cal, e) - 1, DAY);
	if (*last < *first)
		*last = *first;
	return 1;
}

void
ev_cal_add(struct ev_cal *cal, const struct ev_event *occ)
{
	int64_t first, last;

	if (!occ_days(cal, occ, &first, &last))
		return;
	if (first < cal->day0)
		first = cal->day0;
	if (last >= cal->day0 + cal->ndays)
		last = cal->day0 + cal->ndays - 1;
	for (int64_t d = first; d <= last; d++)
		cal->count[d - cal->day0]++;
}

int
ev_cal_shows(const struct ev_cal *cal, const struct ev_event *occ)
{
	int64_t first, last;

	return occ_days(cal, occ, &first, &last) && first < cal->mend &&
	    last >= cal->mfirst;
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

/* A year view: twelve months from January, titled by the year on top. */
static int
is_year(const struct ev_cal *cal)
{
	return cal->mon == 1 && cal->nmonths == 12;
}

/* The day of the month of day when it is in year-mon, else 0. */
static int
mday_in(int64_t day, int mon, int *mday)
{
	int y, m;

	ev_civil_from_days(day, &y, &m, mday);
	return m == mon;
}

/* ISO 8601 week of the week that holds day: that of its Thursday. */
static int
iso_week(int64_t day)
{
	int64_t thu = day - ev_weekday(day) + 3;
	int y, m, d;

	ev_civil_from_days(thu, &y, &m, &d);
	return (int)((thu - ev_days_from_civil(y, 1, 1)) / 7 + 1);
}

/* The week number of a grid row: its Monday's (Sunday-first rows: the
 * day after the first). */
static int
row_week(const struct ev_cal *cal, const int64_t row[7])
{
	return iso_week(row[cal->o.sunday ? 1 : 0]);
}

/* The weekday of column i, 0 = Monday. */
static int
col_wday(const struct ev_cal *cal, int i)
{
	return cal->o.sunday ? (i + 6) % 7 : i;
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

/* Is a day shown with its number: the month's own, or a neighbour's
 * unless --no-adjacent. */
static int
shown(const struct ev_cal *cal, int64_t day, int mon, int *mday)
{
	return mday_in(day, mon, mday) || !cal->o.noadjacent;
}

/* ---- text ------------------------------------------------------------------ */

/* "KW" / "Wk", the heading of the week column */
static const char *
week_abbr(enum ev_lang lang)
{
	return lang == EV_LANG_DE ? "KW" : "Wk";
}

static size_t
block_width(const struct ev_cal *cal)
{
	return DAYSW + (cal->o.weeks ? WEEKW : 0);
}

static void
spaces(struct ev_buf *b, size_t n)
{
	while (n-- > 0)
		ev_buf_addc(b, ' ');
}

/* The title line, centred over the block; returns the columns used. */
static size_t
text_title(const struct ev_cal *cal, int y, int m, int with_year,
    struct ev_buf *b)
{
	struct ev_buf t = {0};
	size_t w, pad, bw = block_width(cal);

	ev_buf_adds(&t, ev_month_name(ev_ctx_lang(cal->ctx), m, 0));
	if (with_year)
		ev_buf_printf(&t, " %d", y);
	w = ev_utf8_width(t.p);
	pad = w < bw ? (bw - w) / 2 : 0;
	spaces(b, pad);
	ev_buf_adds(b, t.p);
	ev_buf_free(&t);
	return pad + w;
}

static size_t
text_header(const struct ev_cal *cal, struct ev_buf *b)
{
	char wd[3];

	if (cal->o.weeks)
		ev_buf_printf(b, "%s ", week_abbr(ev_ctx_lang(cal->ctx)));
	for (int i = 0; i < 7; i++) {
		short_wday(ev_ctx_lang(cal->ctx), col_wday(cal, i), wd);
		ev_buf_printf(b, i ? " %s" : "%s", wd);
	}
	return block_width(cal);
}

/* The mark after a day: '*', or with --counts the number as a
 * superscript digit, '+' above for 10 or more. */
static void
text_mark(const struct ev_cal *cal, int n, struct ev_buf *b)
{
	static const char *const sup[] = {
		" ", "\u00b9", "\u00b2", "\u00b3", "\u2074", "\u2075",
		"\u2076", "\u2077", "\u2078", "\u2079", "\u207a"
	};

	if (!cal->o.counts)
		ev_buf_addc(b, n > 0 ? '*' : ' ');
	else
		ev_buf_adds(b, sup[n > 10 ? 10 : n]);
}

/* One day: "%2d" then the mark; with colour bold for events, dim for a
 * neighbouring month's day, reverse video for today. */
static void
text_cell(const struct ev_cal *cal, int64_t day, int mon, int color,
    struct ev_buf *b)
{
	int n, mday, own = mday_in(day, mon, &mday);
	int today = day == cal->today && own;
	char sgr[16] = "";

	if (!own && cal->o.noadjacent) {
		spaces(b, CELLW);
		return;
	}
	n = count_day(cal, day);
	if (color) {
		snprintf(sgr, sizeof(sgr), "%s%s%s", n > 0 ? ";1" : "",
		    own ? "" : ";2", today ? ";7" : "");
		if (sgr[0] != '\0')
			ev_buf_printf(b, "\033[%sm", sgr + 1);
	}
	ev_buf_printf(b, "%2d", mday);
	if (sgr[0] != '\0')
		ev_buf_adds(b, "\033[0m");
	text_mark(cal, n, b);
}

static size_t
text_week(const struct ev_cal *cal, int m, const int64_t week[7], int color,
    struct ev_buf *b)
{
	if (cal->o.weeks)
		ev_buf_printf(b, "%2d ", row_week(cal, week));
	for (int i = 0; i < 7; i++)
		text_cell(cal, week[i], m, color, b);
	return block_width(cal) + 1;
}

/* Line `line` of a month's block: title, header, then its weeks. */
static size_t
text_line(const struct ev_cal *cal, int y, int m, int64_t grid[6][7],
    int rows, int line, int color, struct ev_buf *b)
{
	if (line == 0)
		return text_title(cal, y, m, !is_year(cal), b);
	if (line == 1)
		return text_header(cal, b);
	if (line - 2 < rows)
		return text_week(cal, m, grid[line - 2], color, b);
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
	int64_t grid[PERBAND][6][7];
	int ym[PERBAND][2], rows[PERBAND], nlines = 0;
	size_t pitch = block_width(cal) + GAP;

	for (int k = 0; k < n; k++) {
		month_at(cal->year, cal->mon, i + k, &ym[k][0], &ym[k][1]);
		rows[k] = ev_month_grid(ym[k][0], ym[k][1], cal->o.sunday,
		    grid[k]);
		if (2 + rows[k] > nlines)
			nlines = 2 + rows[k];
	}
	for (int line = 0; line < nlines; line++) {
		size_t start = b->len, col = 0;

		for (int k = 0; k < n; k++) {
			if ((size_t)k * pitch > col)
				spaces(b, (size_t)k * pitch - col);
			col = (size_t)k * pitch + text_line(cal, ym[k][0],
			    ym[k][1], grid[k], rows[k], line, color, b);
		}
		trim_line(b, start);
	}
}

/* Is a day with events shown in some month of the calendar? */
static int
any_marked(const struct ev_cal *cal)
{
	int64_t grid[6][7];
	int y, m, rows, mday;

	for (int i = 0; i < cal->nmonths; i++) {
		month_at(cal->year, cal->mon, i, &y, &m);
		rows = ev_month_grid(y, m, cal->o.sunday, grid);
		for (int r = 0; r < rows; r++)
			for (int c = 0; c < 7; c++)
				if (count_day(cal, grid[r][c]) > 0 &&
				    shown(cal, grid[r][c], m, &mday))
					return 1;
	}
	return 0;
}

void
ev_cal_text(const struct ev_cal *cal, int color, struct ev_buf *b)
{
	int de = ev_ctx_lang(cal->ctx) == EV_LANG_DE;
	size_t w, bandw = PERBAND * (block_width(cal) + GAP) - GAP;
	char year[16];

	if (is_year(cal)) {
		w = (size_t)snprintf(year, sizeof(year), "%d", cal->year);
		spaces(b, (bandw - w) / 2);
		ev_buf_printf(b, "%s\n\n", year);
	}
	for (int i = 0; i < cal->nmonths; i += PERBAND) {
		if (i > 0)
			ev_buf_addc(b, '\n');
		text_band(cal, i, cal->nmonths - i < PERBAND ?
		    cal->nmonths - i : PERBAND, color, b);
	}
	if (!any_marked(cal))
		return;
	if (cal->o.counts)
		ev_buf_adds(b, de ?
		    "\n\u00b9 \u00b2 \u2026 \u2079 Veranstaltungen am Tag, "
		    "\u207a 10 oder mehr\n" :
		    "\n\u00b9 \u00b2 \u2026 \u2079 events on the day, "
		    "\u207a 10 or more\n");
	else
		ev_buf_adds(b, de ? "\n* Tage mit Veranstaltungen\n" :
		    "\n* days with events\n");
}

/* ---- HTML ------------------------------------------------------------------ */

static const char *
lang_tag(const struct ev_cal *cal)
{
	return ev_ctx_lang(cal->ctx) == EV_LANG_DE ? "de" : "en";
}

static void
iso_date(int64_t day, char out[16])
{
	int y, m, d;

	ev_civil_from_days(day, &y, &m, &d);
	snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
}

int
ev_cal_link_check(const char *tmpl, struct ev_err *err)
{
	const char *p, *q;

	for (p = tmpl; (p = strchr(p, '{')) != NULL; p = q + 1) {
		if ((q = strchr(p, '}')) == NULL) {
			ev_err_set(err, NULL, 0, "\"{\" without \"}\" in "
			    "\"%s\"", tmpl);
			return -1;
		}
		if (q - p != 5 || strncmp(p, "{date}", 6) != 0) {
			ev_err_set(err, NULL, 0, "unknown \"%.*s\" in \"%s\": "
			    "the template knows {date}", (int)(q - p + 1), p,
			    tmpl);
			return -1;
		}
	}
	return 0;
}

/* The link template with {date} replaced, HTML-escaped. */
static void
html_link(const char *tmpl, const char *date, struct ev_buf *b)
{
	struct ev_buf t = {0};
	const char *p;

	for (p = tmpl; *p != '\0'; p++) {
		if (strncmp(p, "{date}", 6) == 0) {
			ev_buf_adds(&t, date);
			p += 5;
		} else
			ev_buf_addc(&t, *p);
	}
	ev_html_escape(t.p, b);
	ev_buf_free(&t);
}

static void
html_head(const struct ev_cal *cal, int y, int m, struct ev_buf *b)
{
	enum ev_lang lang = ev_ctx_lang(cal->ctx);
	char wd[3];

	ev_buf_printf(b, "<table class=\"ev-cal\" lang=\"%s\">\n<caption>",
	    lang_tag(cal));
	ev_html_escape(ev_month_name(lang, m, 0), b);
	ev_buf_printf(b, " %d</caption>\n<thead>\n<tr>", y);
	if (cal->o.weeks)
		ev_buf_printf(b, "<th scope=\"col\"><abbr title=\"%s\">%s"
		    "</abbr></th>", lang == EV_LANG_DE ? "Kalenderwoche" :
		    "Week", week_abbr(lang));
	for (int i = 0; i < 7; i++) {
		short_wday(lang, col_wday(cal, i), wd);
		ev_buf_adds(b, "<th scope=\"col\"><abbr title=\"");
		ev_html_escape(ev_weekday_name(lang, col_wday(cal, i), 0), b);
		ev_buf_adds(b, "\">");
		ev_html_escape(wd, b);
		ev_buf_adds(b, "</abbr></th>");
	}
	ev_buf_adds(b, "</tr>\n</thead>\n<tbody>\n");
}

/* "Samstag, 24. Dezember 2016: 3 Veranstaltungen" */
static void
html_label(const struct ev_cal *cal, int64_t day, int n, struct ev_buf *b)
{
	enum ev_lang lang = ev_ctx_lang(cal->ctx);
	struct ev_buf t = {0};
	struct ev_tm tm = {0};

	ev_civil_from_days(day, &tm.year, &tm.mon, &tm.mday);
	ev_fmt_long_date(lang, &tm, &t);
	if (lang == EV_LANG_DE)
		ev_buf_printf(&t, ": %d Veranstaltung%s", n, n == 1 ? "" : "en");
	else
		ev_buf_printf(&t, ": %d event%s", n, n == 1 ? "" : "s");
	ev_html_escape(t.p, b);
	ev_buf_free(&t);
}

static void
html_cell(const struct ev_cal *cal, int64_t day, int mon, struct ev_buf *b)
{
	int mday, own = mday_in(day, mon, &mday), n = count_day(cal, day);
	int today = day == cal->today && own;
	struct ev_buf cls = {0};
	char iso[16];

	if (!own && cal->o.noadjacent) {
		ev_buf_adds(b, "<td class=\"adjacent\"></td>");
		return;
	}
	iso_date(day, iso);
	if (today)
		ev_buf_adds(&cls, " today");
	if (ev_weekday(day) >= 5)
		ev_buf_adds(&cls, " weekend");
	if (!own)
		ev_buf_adds(&cls, " adjacent");
	if (n > 0)
		ev_buf_adds(&cls, " has-events");
	ev_buf_adds(b, "<td");
	if (cls.len > 0)
		ev_buf_printf(b, " class=\"%s\"", cls.p + 1);
	ev_buf_printf(b, " data-date=\"%s\" data-count=\"%d\"", iso, n);
	if (today)
		ev_buf_adds(b, " aria-current=\"date\"");
	if (n > 0 && cal->o.link == NULL) {
		ev_buf_adds(b, " title=\"");
		html_label(cal, day, n, b);
		ev_buf_addc(b, '"');
	}
	ev_buf_addc(b, '>');
	if (n > 0 && cal->o.link != NULL) {
		ev_buf_adds(b, "<a href=\"");
		html_link(cal->o.link, iso, b);
		ev_buf_adds(b, "\" aria-label=\"");
		html_label(cal, day, n, b);
		ev_buf_adds(b, "\">");
	}
	ev_buf_printf(b, "<time datetime=\"%s\">%d</time>", iso, mday);
	if (n > 0 && cal->o.link != NULL)
		ev_buf_adds(b, "</a>");
	ev_buf_adds(b, "</td>");
	ev_buf_free(&cls);
}

static void
html_month(const struct ev_cal *cal, int y, int m, struct ev_buf *b)
{
	int64_t grid[6][7];
	int rows = ev_month_grid(y, m, cal->o.sunday, grid);

	html_head(cal, y, m, b);
	for (int r = 0; r < rows; r++) {
		ev_buf_adds(b, "<tr>");
		if (cal->o.weeks)
			ev_buf_printf(b, "<th scope=\"row\">%d</th>",
			    row_week(cal, grid[r]));
		for (int i = 0; i < 7; i++)
			html_cell(cal, grid[r][i], m, b);
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

/* "Dezember 2016", "2016", "November 2016 – Januar 2017" */
static void
title(const struct ev_cal *cal, struct ev_buf *b)
{
	enum ev_lang lang = ev_ctx_lang(cal->ctx);
	int y, m;

	if (is_year(cal)) {
		ev_buf_printf(b, "%d", cal->year);
		return;
	}
	ev_buf_printf(b, "%s %d", ev_month_name(lang, cal->mon, 0),
	    cal->year);
	if (cal->nmonths == 1)
		return;
	month_at(cal->year, cal->mon, cal->nmonths - 1, &y, &m);
	ev_buf_printf(b, " \u2013 %s %d", ev_month_name(lang, m, 0), y);
}

/* ---- HTML agenda ------------------------------------------------------ */

/* "18:00" or "ganztägig"/"all day", with its <time> */
static void
agenda_time(const struct ev_cal *cal, const struct ev_time *t,
    struct ev_buf *b)
{
	struct ev_tm tm;
	int64_t wall = display_wall(cal, t), off;
	char iso[16];

	ev_tm_from_wall(wall, &tm);
	iso_date(ev_floordiv(wall, DAY), iso);
	if (t->kind == EV_T_DATE) {
		ev_buf_printf(b, "<time datetime=\"%s\">%s</time>", iso,
		    ev_ctx_lang(cal->ctx) == EV_LANG_DE ? "ganztägig" :
		    "all day");
		return;
	}
	ev_buf_printf(b, "<time datetime=\"%sT%02d:%02d", iso, tm.hour,
	    tm.min);
	if (t->kind != EV_T_FLOAT) {
		off = (wall - t->utc) / 60;
		if (off == 0)
			ev_buf_addc(b, 'Z');
		else
			ev_buf_printf(b, "%c%02d:%02d", off < 0 ? '-' : '+',
			    (int)((off < 0 ? -off : off) / 60),
			    (int)((off < 0 ? -off : off) % 60));
	}
	ev_buf_printf(b, "\">%02d:%02d</time>", tm.hour, tm.min);
}

/* The day heading of the agenda, with its id for links. */
static void
agenda_day(const struct ev_cal *cal, int64_t day, struct ev_buf *b)
{
	struct ev_tm tm = {0};
	char iso[16];

	iso_date(day, iso);
	ev_civil_from_days(day, &tm.year, &tm.mon, &tm.mday);
	ev_buf_printf(b, "<h3 id=\"ev-%s\"><time datetime=\"%s\">", iso, iso);
	ev_fmt_long_date(ev_ctx_lang(cal->ctx), &tm, b);
	ev_buf_adds(b, "</time></h3>\n<ul>\n");
}

static void
agenda_item(const struct ev_cal *cal, struct ev_event *occ,
    struct ev_buf *b)
{
	const char *summary = ev_event_text(occ, EV_F_SUMMARY);
	const char *location = ev_event_text(occ, EV_F_LOCATION);
	const struct ev_time *s = ev_event_start(occ), *e = ev_event_end(occ);

	ev_buf_adds(b, "<li>");
	agenda_time(cal, s, b);
	/* an end on the same day, as "18:00–20:00" */
	if (s->kind != EV_T_DATE && e->kind != EV_T_NONE &&
	    e->kind != EV_T_DATE && ev_floordiv(display_wall(cal, e), DAY) ==
	    ev_floordiv(display_wall(cal, s), DAY)) {
		ev_buf_adds(b, "\u2013");
		agenda_time(cal, e, b);
	}
	ev_buf_adds(b, " <span class=\"summary\">");
	ev_html_escape(summary != NULL && *summary != '\0' ? summary :
	    ev_ctx_lang(cal->ctx) == EV_LANG_DE ? "(ohne Titel)" :
	    "(untitled)", b);
	ev_buf_adds(b, "</span>");
	if (location != NULL && *location != '\0') {
		ev_buf_adds(b, ", <span class=\"location\">");
		ev_html_escape(location, b);
		ev_buf_adds(b, "</span>");
	}
	ev_buf_adds(b, "</li>\n");
}

void
ev_cal_html_agenda(const struct ev_cal *cal, struct ev_occs *occs,
    struct ev_buf *b)
{
	struct ev_event *occ;
	int64_t first, last, day = INT64_MIN;

	ev_buf_printf(b, "<section class=\"ev-cal-agenda\" lang=\"%s\">\n"
	    "<h2>", lang_tag(cal));
	ev_buf_adds(b, ev_ctx_lang(cal->ctx) == EV_LANG_DE ?
	    "Veranstaltungen" : "Events");
	ev_buf_adds(b, "</h2>\n");
	ev_occs_rewind(occs);
	while (ev_occs_next(occs, &occ, NULL) > 0) {
		if (!ev_cal_shows(cal, occ) || ev_event_cancelled(occ) ||
		    !occ_days(cal, occ, &first, &last))
			continue;
		/* what began before the months is listed on their first */
		if (first < cal->mfirst)
			first = cal->mfirst;
		if (first != day) {
			if (day != INT64_MIN)
				ev_buf_adds(b, "</ul>\n");
			agenda_day(cal, first, b);
			day = first;
		}
		agenda_item(cal, occ, b);
	}
	if (day != INT64_MIN)
		ev_buf_adds(b, "</ul>\n");
	else
		ev_buf_adds(b, ev_ctx_lang(cal->ctx) == EV_LANG_DE ?
		    "<p>Keine Veranstaltungen.</p>\n" : "<p>No events.</p>\n");
	ev_buf_adds(b, "</section>\n");
}

/* ---- a page around it ------------------------------------------------- */

static const char stylesheet[] =
    "body{font-family:sans-serif;margin:1em;color:#1a1a1a;"
    "background:#fff}\n"
    ".ev-cal{border-collapse:collapse;margin:0 1em 1em 0;"
    "display:inline-table;vertical-align:top}\n"
    ".ev-cal caption{font-weight:bold;padding:.3em}\n"
    ".ev-cal th,.ev-cal td{text-align:right;padding:.2em .4em}\n"
    ".ev-cal .weekend{background:#f2f2f2}\n"
    ".ev-cal .adjacent{color:#595959}\n"
    ".ev-cal .has-events{font-weight:bold}\n"
    ".ev-cal .today{outline:2px solid #1a1a1a}\n"
    ".ev-cal a{color:#0b4f9c;display:inline-block;min-width:24px;"
    "min-height:24px}\n";

void
ev_cal_html_begin(const struct ev_cal *cal, struct ev_buf *b)
{
	struct ev_buf t = {0};

	title(cal, &t);
	ev_buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>", lang_tag(cal));
	ev_html_escape(t.p, b);
	ev_buf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n"
	    "<main>\n<h1>", stylesheet);
	ev_html_escape(t.p, b);
	ev_buf_adds(b, "</h1>\n");
	ev_buf_free(&t);
}

void
ev_cal_html_end(const struct ev_cal *cal, struct ev_buf *b)
{
	(void)cal;
	ev_buf_adds(b, "</main>\n</body>\n</html>\n");
}
