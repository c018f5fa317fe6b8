/*
 * csv.c - events as CSV (RFC 4180) and TSV: the reader over libcsv, the
 * header mapping, the writer.
 *
 * The reader feeds libcsv one physical line at a time, so it always
 * knows on which line a record began, even when a quoted field holds
 * newlines.  Each record becomes iCalendar properties on the event, in
 * iCalendar's escaped form, so that the rest of the library sees one
 * kind of record whatever the input was.
 */
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "evkit_priv.h"

#define MAXREC	(16UL * 1024 * 1024)	/* longer records are skipped */

enum colkind {
	COL_IGNORE,	/* an empty header cell */
	COL_FIELD,	/* one of enum ev_field */
	COL_DATE,	/* "Datum" beside a separate start time column */
	COL_PROP,	/* an iCalendar property by name */
	COL_EXTRA	/* anything else: kept as an EV_PROP_CSVCOL prop */
};

struct csvcol {
	enum colkind kind;
	int	 field;
	char	*name;		/* property name, or the header as read */
};

struct ev_csvrd {
	struct csv_parser p;
	int	 delim;
	int	 tsv;		/* backslash escapes, no quoting */
	int	 state;		/* RD_HEADER, RD_BODY, RD_DONE */
	unsigned long lineno;	/* physical lines consumed */
	unsigned long recline;	/* line where the current record began */
	int	 inrec;		/* a record has begun and not ended */
	int	 rowdone;	/* libcsv ended the record */
	int	 badquote;	/* text after a closing quote */
	int	 midline;	/* the last piece read ended inside a line */
	struct ev_buf raw;	/* the record's bytes */
	struct ev_buf cells;	/* its fields, each NUL-terminated */
	size_t	*off, *len;
	unsigned char *quoted;	/* per cell: it was quoted, so it is exact */
	size_t	 ncells, ccells;
	struct csvcol *cols;
	size_t	 ncols;
	int	 fcol[EV_F_COUNT];	/* column of each field, or -1 */
	int	 datecol;		/* COL_DATE column, or -1 */
	struct ev_buf v, prm, tmp;	/* scratch */
};

enum { RD_HEADER, RD_BODY, RD_DONE };

/* ---- small byte helpers ------------------------------------------------ */

/* Blanks around a cell and on a blank line: space, TAB and line ends (a
 * form feed or vertical tab in a cell is data). */
static int
cellblank(int c)
{
	return ev_isblank(c) || c == '\r' || c == '\n';
}

/* Trim blanks (space, TAB, CR, LF) from both ends of s[0..*n). */
static const char *
trim(const char *s, size_t *n)
{
	while (*n > 0 && cellblank((unsigned char)s[0]))
		s++, (*n)--;
	while (*n > 0 && cellblank((unsigned char)s[*n - 1]))
		(*n)--;
	return s;
}

/* Copy s[0..n) into b, trimmed unless exact, CRLF and lone CR turned
 * into LF. */
static void
clean_(struct ev_buf *b, const char *s, size_t n, int exact)
{
	ev_buf_clear(b);
	if (!exact)
		s = trim(s, &n);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r') {
			ev_buf_addc(b, '\n');
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
		} else
			ev_buf_addc(b, s[i]);
	}
}

static void
clean(struct ev_buf *b, const char *s, size_t n)
{
	clean_(b, s, n, 0);
}

/* ---- the header -------------------------------------------------------- */

/* Headers people write, German and English, beside the field names. */
static const struct alias {
	const char *name;
	int	 field;
	int	 isdate;	/* a date that a start time column may refine */
} aliases[] = {
	{ "Titel", EV_F_SUMMARY, 0 },
	{ "Title", EV_F_SUMMARY, 0 },
	{ "Name", EV_F_SUMMARY, 0 },
	{ "Veranstaltung", EV_F_SUMMARY, 0 },
	{ "Beginn", EV_F_START, 0 },
	{ "Von", EV_F_START, 0 },
	{ "DTSTART", EV_F_START, 0 },
	{ "Uhrzeit", EV_F_START, 0 },
	{ "Zeit", EV_F_START, 0 },
	{ "Time", EV_F_START, 0 },
	{ "Datum", EV_F_START, 1 },
	{ "Date", EV_F_START, 1 },
	{ "Ende", EV_F_END, 0 },
	{ "End", EV_F_END, 0 },
	{ "Bis", EV_F_END, 0 },
	{ "DTEND", EV_F_END, 0 },
	{ "Ort", EV_F_LOCATION, 0 },
	{ "Veranstaltungsort", EV_F_LOCATION, 0 },
	{ "Venue", EV_F_LOCATION, 0 },
	{ "Beschreibung", EV_F_DESCRIPTION, 0 },
	{ "Text", EV_F_DESCRIPTION, 0 },
	{ "Kategorie", EV_F_CATEGORIES, 0 },
	{ "Kategorien", EV_F_CATEGORIES, 0 },
	{ "Category", EV_F_CATEGORIES, 0 },
	{ "Rubrik", EV_F_CATEGORIES, 0 },
	{ "Preis", EV_F_PRICE, 0 },
	{ "Eintritt", EV_F_PRICE, 0 },
	{ "Cost", EV_F_PRICE, 0 },
	{ "Kosten", EV_F_PRICE, 0 },
	{ "X-PRICE", EV_F_PRICE, 0 },
	{ "X-COST", EV_F_PRICE, 0 },
	{ "Link", EV_F_URL, 0 },
	{ "Web", EV_F_URL, 0 },
	{ "Webseite", EV_F_URL, 0 },
	{ "Zeitzone", EV_F_TZ, 0 },
	{ "Timezone", EV_F_TZ, 0 },
	{ "TZID", EV_F_TZ, 0 },
	{ "Ganztägig", EV_F_ALL_DAY, 0 },
	{ "Ganztaegig", EV_F_ALL_DAY, 0 },
	{ "allday", EV_F_ALL_DAY, 0 },
	{ "all-day", EV_F_ALL_DAY, 0 },
	{ "Veranstalter", EV_F_ORGANIZER, 0 },
};

/*
 * Properties of a VEVENT (RFC 5545 3.6.1, RFC 7986) that a column may
 * carry as they are; the text ones are escaped.  BEGIN and END are
 * left out on purpose: a cell must not open or close components.
 */
static const struct {
	const char *name;
	int	 text;
} icalprops[] = {
	{ "ATTACH", 0 }, { "ATTENDEE", 0 }, { "CLASS", 0 },
	{ "COLOR", 0 }, { "COMMENT", 1 }, { "CONFERENCE", 0 },
	{ "CONTACT", 1 }, { "CREATED", 0 }, { "DTSTAMP", 0 },
	{ "DURATION", 0 }, { "EXDATE", 0 }, { "GEO", 0 },
	{ "IMAGE", 0 }, { "PRIORITY", 0 }, { "RDATE", 0 },
	{ "RELATED-TO", 1 }, { "REQUEST-STATUS", 1 }, { "RESOURCES", 1 },
	{ "TRANSP", 0 },
};

static int
is_xname(const char *s)
{
	if (!(ev_toupper(s[0]) == 'X' && s[1] == '-' && s[2] != '\0'))
		return 0;
	for (s += 2; *s != '\0'; s++)
		if (!ev_isalnum(*s) && *s != '-')
			return 0;
	return 1;
}

/* 1 when NAME is a property a column may carry, 2 when it is TEXT. */
static int
icalprop(const char *name)
{
	if (is_xname(name))
		return 2;
	for (size_t i = 0; i < sizeof(icalprops) / sizeof(icalprops[0]); i++)
		if (ev_strcaseeq(name, icalprops[i].name))
			return icalprops[i].text ? 2 : 1;
	return 0;
}

/* What header NAME means; *isdate set for a "Datum" column. */
static enum colkind
classify(const char *name, int *field, int *isdate)
{
	*isdate = 0;
	if (name[0] == '\0')
		return COL_IGNORE;
	if ((*field = ev_field_lookup(name)) >= 0)
		return COL_FIELD;
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
		/* without case: "GANZTÄGIG" is "Ganztägig" */
		if (ev_casefold_eq(name, aliases[i].name)) {
			*field = aliases[i].field;
			*isdate = aliases[i].isdate;
			return COL_FIELD;
		}
	}
	return icalprop(name) ? COL_PROP : COL_EXTRA;
}

static const char *
cell(const struct ev_csvrd *c, size_t i, size_t *n)
{
	if (i >= c->ncells) {
		*n = 0;
		return "";
	}
	*n = c->len[i];
	return c->cells.p + c->off[i];
}

/* Give every column its meaning; the first column of a field wins. */
static void
map_columns(struct ev_csvrd *c)
{
	int firstdate = -1;

	for (int f = 0; f < EV_F_COUNT; f++)
		c->fcol[f] = -1;
	c->datecol = -1;
	c->ncols = c->ncells;
	c->cols = ev_ecalloc(c->ncols, sizeof(c->cols[0]));
	for (size_t i = 0; i < c->ncols; i++) {
		struct csvcol *col = &c->cols[i];
		const char *s;
		size_t n;
		int isdate, f = -1;

		s = trim(cell(c, i, &n), &n);
		col->name = ev_estrndup(s, n);
		col->kind = classify(col->name, &f, &isdate);
		if (col->kind == COL_PROP) {
			for (char *p = col->name; *p != '\0'; p++)
				*p = (char)ev_toupper((unsigned char)*p);
		} else if (col->kind == COL_FIELD && isdate) {
			if (firstdate < 0) {
				firstdate = (int)i;
				col->kind = COL_DATE;
			} else
				col->kind = COL_EXTRA;
		} else if (col->kind == COL_FIELD) {
			if (c->fcol[f] < 0) {
				c->fcol[f] = (int)i;
				col->field = f;
			} else
				col->kind = COL_EXTRA;
		}
	}
	/* "Datum" alone is the start; beside "Von" it dates the time. */
	if (firstdate >= 0 && c->fcol[EV_F_START] < 0) {
		c->fcol[EV_F_START] = firstdate;
		c->cols[firstdate].kind = COL_FIELD;
		c->cols[firstdate].field = EV_F_START;
	} else if (firstdate >= 0)
		c->datecol = firstdate;
}

/* ---- libcsv ------------------------------------------------------------ */

static int
csv_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Only LF ends a record, so one physical line ends at most one. */
static int
csv_term(unsigned char c)
{
	return c == '\n';
}

static void
on_field(void *s, size_t n, void *data)
{
	struct ev_csvrd *c = data;

	if (c->ncells == c->ccells) {
		c->ccells = c->ccells ? c->ccells * 2 : 16;
		c->off = ev_ereallocarray(c->off, c->ccells, sizeof(c->off[0]));
		c->len = ev_ereallocarray(c->len, c->ccells, sizeof(c->len[0]));
		c->quoted = ev_ereallocarray(c->quoted, c->ccells,
		    sizeof(c->quoted[0]));
	}
	c->quoted[c->ncells] = 0;
	c->off[c->ncells] = c->cells.len;
	c->len[c->ncells] = n;
	c->ncells++;
	ev_buf_add(&c->cells, s, n);
	ev_buf_addc(&c->cells, '\0');
}

static void
on_row(int ch, void *data)
{
	struct ev_csvrd *c = data;

	(void)ch;
	c->rowdone = 1;
}

static void
parser_init(struct ev_csvrd *c)
{
	/*
	 * Strict, so that text after a closing quote stops the parser at
	 * once instead of swallowing the lines that follow; a lone quote
	 * inside an unquoted field is forgiven in feed().
	 */
	csv_init(&c->p, CSV_STRICT);
	csv_set_realloc_func(&c->p, ev_erealloc);
	csv_set_space_func(&c->p, csv_space);
	csv_set_term_func(&c->p, csv_term);
	csv_set_delim(&c->p, (unsigned char)c->delim);
	/* libcsv grows a field by a fixed block (128 bytes by default): a
	 * field of megabytes would be copied thousands of times */
	csv_set_blk_size(&c->p, 256 * 1024);
	if (c->tsv)
		csv_set_quote(&c->p, '\0');
}

static void
parser_reset(struct ev_csvrd *c)
{
	csv_free(&c->p);
	parser_init(c);
}

static void
feed(struct ev_csvrd *c, const char *s, size_t n)
{
	size_t k;

	while (n > 0) {
		k = csv_parse(&c->p, s, n, on_field, on_row, c);
		if (k >= n)
			return;
		c->p.status = CSV_SUCCESS;
		if (c->p.quoted) {
			c->badquote = 1;
			return;
		}
		/* a quote inside an unquoted field: take it as it is */
		csv_set_opts(&c->p, 0);
		csv_parse(&c->p, s + k, 1, on_field, on_row, c);
		csv_set_opts(&c->p, CSV_STRICT);
		s += k + 1;
		n -= k + 1;
	}
}

/* ---- records ----------------------------------------------------------- */

static int
blank_line(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!cellblank((unsigned char)s[i]))
			return 0;
	return 1;
}

/* The most frequent of , ; TAB outside quotes; ',' on a tie. */
static int
detect_delim(const char *s, size_t n)
{
	size_t comma = 0, semi = 0, tab = 0;
	int inq = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			inq = !inq;
		else if (inq)
			continue;
		else if (s[i] == ',')
			comma++;
		else if (s[i] == ';')
			semi++;
		else if (s[i] == '\t')
			tab++;
	}
	if (comma >= semi && comma >= tab)
		return ',';
	return semi >= tab ? ';' : '\t';
}

/* At the end of the input: end a record left open, or report its quote. */
static int
end_of_input(struct ev_reader *r, struct ev_csvrd *c)
{
	if (!c->inrec)
		return 0;
	/* the last line lacked its line end, or a quoted field is open */
	feed(c, "\n", 1);
	if (c->rowdone && !c->badquote)
		return 1;
	ev_err_set(&r->err, r->name, c->recline,
	    "unterminated quoted field at end of input");
	parser_reset(c);
	c->inrec = 0;
	return -1;
}

/*
 * The next record's fields into c->cells, its bytes into c->raw.
 * 1 a record, 0 end of input, -1 a bad record (message set), -2 read
 * error.
 */
/* Quotes in s[0..n): their parity tells whether a quoted field is open. */
static size_t
quotes(const char *s, size_t n)
{
	size_t k = 0;

	for (const char *q = s; (q = memchr(q, '"', n - (size_t)(q - s))) != NULL;
	    q++)
		k++;
	return k;
}

/* Count the lines: a piece of a long line continues the line before. */
static void
newpiece(struct ev_csvrd *c, const char *s, size_t n)
{
	if (!c->midline)
		c->lineno++;
	c->midline = n == 0 || s[n - 1] != '\n';
}

/*
 * A record longer than MAXREC: report it and skip to its end without
 * keeping it, so memory stays bounded.  The record ends at the first line
 * end outside quotes; "" inside a quoted field counts twice, so the
 * parity of all its quotes tells.
 */
static int
skip_record(struct ev_reader *r, struct ev_csvrd *c, const char *s, size_t n)
{
	size_t q = quotes(c->raw.p ? c->raw.p : "", c->raw.len) + quotes(s, n);
	int rc;

	/* to a line end outside quotes (a long line comes in pieces) */
	while (q % 2 != 0 || c->midline) {
		if ((rc = ev_lex_physline(&r->lex, &s, &n)) < 0)
			return -2;
		if (rc == 0)
			break;
		newpiece(c, s, n);
		q += quotes(s, n);
	}
	ev_buf_clear(&c->raw);
	ev_buf_clear(&c->cells);
	c->ncells = 0;
	parser_reset(c);
	ev_err_set(&r->err, r->name, c->recline, "record longer than 16 MiB");
	return -1;
}

static int
next_record(struct ev_reader *r, struct ev_csvrd *c)
{
	const char *s;
	size_t n;
	int rc;

	ev_buf_clear(&c->raw);
	ev_buf_clear(&c->cells);
	c->ncells = 0;
	c->inrec = c->rowdone = c->badquote = 0;
	for (;;) {
		if ((rc = ev_lex_physline(&r->lex, &s, &n)) < 0)
			return -2;
		if (rc == 0)
			return end_of_input(r, c);
		newpiece(c, s, n);
		if (!c->inrec) {
			if (blank_line(s, n))
				continue;
			c->inrec = 1;
			c->recline = c->lineno;
			if (c->delim == 0) {
				c->delim = detect_delim(s, n);
				csv_set_delim(&c->p, (unsigned char)c->delim);
			}
		}
		if (c->raw.len + n > MAXREC)
			return skip_record(r, c, s, n);
		ev_buf_add(&c->raw, s, n);
		feed(c, s, n);
		if (c->badquote) {
			ev_err_set(&r->err, r->name, c->recline,
			    "text after a closing quote");
			parser_reset(c);
			return -1;
		}
		if (c->rowdone)
			return 1;
	}
}

/* TSV cells: \\ \t \n \r back to their bytes, in place. */
static void
tsv_unescape(struct ev_csvrd *c)
{
	for (size_t i = 0; i < c->ncells; i++) {
		char *s = c->cells.p + c->off[i];
		size_t j, k;

		for (j = k = 0; j < c->len[i]; j++, k++) {
			s[k] = s[j];
			if (s[j] != '\\' || j + 1 == c->len[i])
				continue;
			switch (s[j + 1]) {
			case '\\': s[k] = '\\'; j++; break;
			case 't': s[k] = '\t'; j++; break;
			case 'n': s[k] = '\n'; j++; break;
			case 'r': s[k] = '\r'; j++; break;
			}
		}
		s[k] = '\0';
		c->len[i] = k;
	}
}

/*
 * Which cells were quoted, from the record's bytes (libcsv does not
 * say): a quote after the blanks that open a field begins a quoted
 * one, where "" is a quote and a lone quote ends it; a quote later in
 * an unquoted field is data.
 */
static void
mark_quoted(struct ev_csvrd *c)
{
	const char *p = c->raw.p, *e = c->raw.p + c->raw.len;
	size_t i = 0;

	while (p < e && i < c->ncells) {
		while (p < e && csv_space((unsigned char)*p))
			p++;
		if (p < e && *p == '"') {
			c->quoted[i] = 1;
			for (p++; p < e; p++)
				if (*p == '"' && (p + 1 == e || p[1] != '"'))
					break;
				else if (*p == '"')
					p++;
		}
		while (p < e && *p != c->delim && *p != '\n')
			p++;
		if (p < e && *p == '\n')
			break;
		p++;
		i++;
	}
}

static int
cell_empty(const struct ev_csvrd *c, size_t i)
{
	size_t n;

	trim(cell(c, i, &n), &n);
	return n == 0;
}

/* A record with structure: known number of fields, valid UTF-8. */
static int
check_record(struct ev_reader *r, struct ev_csvrd *c)
{
	if (!ev_utf8_valid(c->raw.p, c->raw.len)) {
		ev_err_set(&r->err, r->name, c->recline, "invalid UTF-8");
		return -1;
	}
	if (c->tsv)
		tsv_unescape(c);
	else
		mark_quoted(c);
	if (c->state == RD_HEADER || c->ncells <= c->ncols)
		return 0;
	/* trailing delimiters past the header are harmless */
	for (size_t i = c->ncols; i < c->ncells; i++) {
		if (!cell_empty(c, i)) {
			ev_err_set(&r->err, r->name, c->recline,
			    "expected %zu fields, found %zu", c->ncols,
			    c->ncells);
			return -1;
		}
	}
	return 0;
}

static int
empty_record(const struct ev_csvrd *c)
{
	for (size_t i = 0; i < c->ncells; i++)
		if (!cell_empty(c, i))
			return 0;
	return 1;
}

static int
read_header(struct ev_reader *r, struct ev_csvrd *c)
{
	int rc;

	if ((rc = next_record(r, c)) != 1)
		return rc;
	if (check_record(r, c) < 0)
		return -1;
	map_columns(c);
	ev_buf_clear(&r->header);
	ev_buf_add(&r->header, c->raw.p, c->raw.len);
	if (c->fcol[EV_F_START] < 0) {
		ev_err_set(&r->err, r->name, c->recline, "no header row: "
		    "no start column (\"start\", \"Beginn\", \"Datum\", ...)");
		return -1;
	}
	return 1;
}

/* ---- dates in cells ---------------------------------------------------- */

/* A cell's date, date and time, or time of day (s is trimmed), as
 * datetext.c reads cells: 0, or -1. */
static int
parse_cell_time(const char *s, struct ev_dt *d)
{
	return ev_dt_parse(s, EV_DT_CELL, d) > 0 ? 0 : -1;
}

static int64_t
dt_wall(const struct ev_dt *d)
{
	return ev_days_from_civil(d->y, d->m, d->d) * 86400 + d->secs;
}

static int
fmt_wall(int64_t wall, int date_only, int z, struct ev_buf *out)
{
	struct ev_tm tm;

	ev_tm_from_wall(wall, &tm);
	if (tm.year < 0 || tm.year > 9999)
		return -1;
	ev_buf_printf(out, "%04d%02d%02d", tm.year, tm.mon, tm.mday);
	if (!date_only)
		ev_buf_printf(out, "T%02d%02d%02d%s", tm.hour, tm.min, tm.sec,
		    z ? "Z" : "");
	return 0;
}

/* ---- building the event ------------------------------------------------ */

struct rec {
	struct ev_reader *r;
	struct ev_csvrd *c;
	struct ev_event *ev;
	const struct ev_zone *zone;	/* the tz column's */
	int	 allday;
	struct ev_dt start;		/* as the cells gave it */
};

/* "FILE:LINE: bad start \"2016-13-45\"" */
static int
bad(struct rec *x, const char *what, const char *val)
{
	ev_err_set(&x->r->err, x->r->name, x->c->recline, "bad %s \"%s\"",
	    what, val);
	return -1;
}

/* Field f's cell, trimmed and with newlines as LF, in b; its length. */
static size_t
fcell(struct rec *x, int f, struct ev_buf *b)
{
	const char *s;
	size_t n;

	ev_buf_clear(b);
	if (x->c->fcol[f] < 0)
		return 0;
	s = cell(x->c, (size_t)x->c->fcol[f], &n);
	clean(b, s, n);
	return b->len;
}

/*
 * A text cell: like fcell, but a quoted cell is taken as it is, blanks
 * and line ends around it included.  Unquoted cells are trimmed, as
 * hand-written CSV pads them; the writer quotes every value that starts
 * or ends with a blank, so ICS -> CSV -> ICS keeps every byte.
 */
static size_t
tcell(struct rec *x, int f, struct ev_buf *b)
{
	const char *s;
	size_t n, i;

	ev_buf_clear(b);
	if ((i = (size_t)x->c->fcol[f]) == (size_t)-1)
		return 0;
	s = cell(x->c, i, &n);
	clean_(b, s, n, i < x->c->ncells && x->c->quoted[i]);
	return b->len;
}

static void
addprop(struct rec *x, const char *name, const char *params,
    const char *value)
{
	ev_event_addprop(x->ev, name, params != NULL ? params : "",
	    value != NULL ? value : "", 0, 0, x->c->recline);
}

/* A TEXT property from s[0..n) (already cleaned). */
static void
add_text(struct rec *x, const char *name, const char *s, size_t n)
{
	struct ev_buf *v = &x->c->v;

	ev_buf_clear(v);
	ev_text_escape(s, n, v);
	addprop(x, name, "", v->p);
}

/* A value that is no TEXT: line breaks cannot be escaped, so go. */
static void
add_flat(struct rec *x, const char *name, const char *params, char *s)
{
	for (char *p = s; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	addprop(x, name, params, s);
}

/* A list of TEXT, comma separated in the cell: "Kinder, Musik". */
static void
add_list(struct rec *x, const char *name, const char *s)
{
	struct ev_buf *v = &x->c->v;
	const char *e;
	size_t n;

	ev_buf_clear(v);
	for (; *s != '\0'; s = *e ? e + 1 : e) {
		const char *t;

		e = strchr(s, ',');
		if (e == NULL)
			e = s + strlen(s);
		n = (size_t)(e - s);
		t = trim(s, &n);
		if (n == 0)
			continue;
		if (v->len > 0)
			ev_buf_addc(v, ',');
		ev_text_escape(t, n, v);
	}
	if (v->len > 0)
		addprop(x, name, "", v->p);
}

static int
truthy(struct rec *x, const char *s)
{
	static const char *yes[] = { "true", "1", "ja", "yes", "x", "wahr",
	    "y", "j" };
	static const char *no[] = { "", "false", "0", "nein", "no", "falsch",
	    "n", "-" };

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (ev_strcaseeq(s, yes[i]))
			return 1;
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (ev_strcaseeq(s, no[i]))
			return 0;
	return bad(x, ev_field_name(EV_F_ALL_DAY), s);
}

/*
 * A DTSTART-like property from a parsed cell: VALUE=DATE for a date or
 * an all-day event, TZID= with a tz column, UTC for an offset, else
 * floating.
 */
static int
put_time(struct rec *x, const char *pname, const struct ev_dt *d)
{
	struct ev_csvrd *c = x->c;
	int64_t wall = dt_wall(d);
	int rc;

	ev_buf_clear(&c->prm);
	ev_buf_clear(&c->v);
	if (!d->has_time || x->allday) {
		ev_buf_adds(&c->prm, "VALUE=DATE");
		rc = fmt_wall(wall - d->secs, 1, 0, &c->v);
	} else if (x->zone != NULL && x->zone != ev_zone_utc(x->r->ctx)) {
		if (d->has_off)
			wall = ev_zone_to_wall(x->zone, wall - d->off);
		ev_buf_printf(&c->prm, "TZID=%s", ev_zone_name(x->zone));
		rc = fmt_wall(wall, 0, 0, &c->v);
	} else if (d->has_off || x->zone != NULL) {
		rc = fmt_wall(wall - d->off, 0, 1, &c->v);
	} else
		rc = fmt_wall(wall, 0, 0, &c->v);
	if (rc == 0)
		addprop(x, pname, c->prm.p, c->v.p);
	return rc;
}

/* The start: its cell, or "Datum" plus a time of day. */
static int
do_start(struct rec *x)
{
	struct ev_csvrd *c = x->c;
	struct ev_dt day;
	const char *fname = ev_field_name(EV_F_START);
	size_t n;

	memset(&day, 0, sizeof(day));
	fcell(x, EV_F_START, &c->tmp);
	if (c->datecol >= 0) {
		const char *s = trim(cell(c, (size_t)c->datecol, &n), &n);

		ev_buf_clear(&c->v);
		ev_buf_add(&c->v, s, n);
		if (n > 0 && parse_cell_time(c->v.p, &day) < 0)
			return bad(x, "date", c->v.p);
		if (n > 0 && c->tmp.len == 0) {
			ev_buf_clear(&c->tmp);
			ev_buf_add(&c->tmp, c->v.p, c->v.len);
		}
	}
	if (c->tmp.len == 0) {
		ev_err_set(&x->r->err, x->r->name, c->recline, "missing %s",
		    fname);
		return -1;
	}
	if (parse_cell_time(c->tmp.p, &x->start) < 0)
		return bad(x, fname, c->tmp.p);
	if (!x->start.has_date) {
		if (c->datecol < 0 || !day.has_date || day.has_time)
			return bad(x, fname, c->tmp.p);
		x->start.has_date = 1;
		x->start.y = day.y, x->start.m = day.m, x->start.d = day.d;
	}
	if (put_time(x, "DTSTART", &x->start) < 0)
		return bad(x, fname, c->tmp.p);
	return 0;
}

/* The end; a bare time of day is on the start's day (or the next). */
static int
do_end(struct rec *x)
{
	struct ev_csvrd *c = x->c;
	const char *fname = ev_field_name(EV_F_END);
	struct ev_dt d;

	if (fcell(x, EV_F_END, &c->tmp) == 0)
		return 0;
	if (parse_cell_time(c->tmp.p, &d) < 0)
		return bad(x, fname, c->tmp.p);
	if (!d.has_date) {
		if (!x->start.has_time)
			return bad(x, fname, c->tmp.p);
		d.has_date = 1;
		d.y = x->start.y, d.m = x->start.m, d.d = x->start.d;
		d.has_off = x->start.has_off, d.off = x->start.off;
		if (d.secs < x->start.secs)
			ev_civil_from_days(ev_days_from_civil(d.y, d.m,
			    d.d) + 1, &d.y, &d.m, &d.d);
	}
	if (put_time(x, "DTEND", &d) < 0)
		return bad(x, fname, c->tmp.p);
	return 0;
}

static int
do_rid(struct rec *x)
{
	struct ev_csvrd *c = x->c;
	const char *fname = ev_field_name(EV_F_RECURRENCE_ID);
	struct ev_dt d;

	if (fcell(x, EV_F_RECURRENCE_ID, &c->tmp) == 0)
		return 0;
	if (parse_cell_time(c->tmp.p, &d) < 0 || !d.has_date ||
	    put_time(x, "RECURRENCE-ID", &d) < 0)
		return bad(x, fname, c->tmp.p);
	return 0;
}

/* LAST-MODIFIED is UTC by definition (RFC 5545 3.8.7.3). */
static int
do_lastmod(struct rec *x)
{
	struct ev_csvrd *c = x->c;
	const char *fname = ev_field_name(EV_F_LAST_MODIFIED);
	const struct ev_zone *z;
	struct ev_dt d;
	int64_t utc;

	if (fcell(x, EV_F_LAST_MODIFIED, &c->tmp) == 0)
		return 0;
	if (parse_cell_time(c->tmp.p, &d) < 0 || !d.has_date)
		return bad(x, fname, c->tmp.p);
	if (d.has_off) {
		utc = dt_wall(&d) - d.off;
	} else {
		z = x->zone != NULL ? x->zone : ev_ctx_zone(x->r->ctx);
		utc = ev_zone_to_utc(z, dt_wall(&d));
	}
	ev_buf_clear(&c->v);
	if (fmt_wall(utc, 0, 1, &c->v) < 0)
		return bad(x, fname, c->tmp.p);
	addprop(x, "LAST-MODIFIED", "", c->v.p);
	return 0;
}

/* A parameter value, quoted when it holds ':' ';' or ',' (3.2). */
static void
param_value(struct ev_buf *b, const char *s, size_t n)
{
	int q = 0;

	for (size_t i = 0; i < n; i++)
		if (s[i] == ':' || s[i] == ';' || s[i] == ',')
			q = 1;
	if (q)
		ev_buf_addc(b, '"');
	for (size_t i = 0; i < n; i++)
		if (s[i] != '"' && (unsigned char)s[i] >= ' ')
			ev_buf_addc(b, s[i]);
	if (q)
		ev_buf_addc(b, '"');
}

/* An address: "mailto:" added to a bare e-mail address. */
static void
cal_address(struct ev_buf *b, const char *s, size_t n)
{
	s = trim(s, &n);
	if (memchr(s, '@', n) != NULL && memchr(s, ':', n) == NULL &&
	    memchr(s, ' ', n) == NULL)
		ev_buf_adds(b, "mailto:");
	ev_buf_add(b, s, n);
}

/* "Name <mailto:a@b>" -> ORGANIZER;CN=Name:mailto:a@b */
static void
do_organizer(struct rec *x)
{
	struct ev_csvrd *c = x->c;
	const char *s, *lt;
	size_t n;

	if ((n = fcell(x, EV_F_ORGANIZER, &c->tmp)) == 0)
		return;
	s = c->tmp.p;
	ev_buf_clear(&c->prm);
	ev_buf_clear(&c->v);
	lt = strrchr(s, '<');
	if (lt != NULL && s[n - 1] == '>') {
		size_t nn = (size_t)(lt - s);
		const char *name = trim(s, &nn);

		if (nn >= 2 && name[0] == '"' && name[nn - 1] == '"')
			name++, nn -= 2;
		if (nn > 0) {
			ev_buf_adds(&c->prm, "CN=");
			param_value(&c->prm, name, nn);
		}
		cal_address(&c->v, lt + 1, (size_t)(s + n - 1 - (lt + 1)));
	} else
		cal_address(&c->v, s, n);
	add_flat(x, "ORGANIZER", c->prm.p, c->v.p);
}

/* One "RDATE;TZID=...:..." or "EXDATE:..." line of the rrule cell. */
static int
rrule_line(struct rec *x, const char *s, size_t n)
{
	size_t nl, pe;
	int inq = 0;

	for (nl = 0; nl < n && s[nl] != ';' && s[nl] != ':'; nl++)
		;
	if (!((nl == 5 && ev_strncaseeq(s, "RDATE", 5)) ||
	    (nl == 6 && ev_strncaseeq(s, "EXDATE", 6))))
		return -1;
	for (pe = nl; pe < n && (inq || s[pe] != ':'); pe++)
		if (s[pe] == '"')
			inq = !inq;
	if (pe == n)
		return -1;
	ev_buf_clear(&x->c->v);
	for (size_t i = 0; i < nl; i++)
		ev_buf_addc(&x->c->v, ev_toupper((unsigned char)s[i]));
	ev_event_addpropn(x->ev, x->c->v.p, nl,
	    s + nl + (nl < pe), pe - nl - (nl < pe), s + pe + 1, n - pe - 1,
	    0, 0, x->c->recline);
	return 0;
}

/* The rrule cell: the RRULE value, then RDATE and EXDATE lines. */
static int
do_rrule(struct rec *x)
{
	struct ev_csvrd *c = x->c;
	const char *fname = ev_field_name(EV_F_RRULE);
	const char *s, *e;
	int seen = 0;

	if (fcell(x, EV_F_RRULE, &c->tmp) == 0)
		return 0;
	for (s = c->tmp.p; *s != '\0'; s = *e ? e + 1 : e) {
		size_t n;
		const char *t;

		if ((e = strchr(s, '\n')) == NULL)
			e = s + strlen(s);
		n = (size_t)(e - s);
		t = trim(s, &n);
		if (n == 0 || rrule_line(x, t, n) == 0)
			continue;
		if (n > 6 && ev_strncaseeq(t, "RRULE:", 6))
			t += 6, n -= 6;
		if (seen++ || memchr(t, ':', n) != NULL)
			return bad(x, fname, c->tmp.p);
		ev_event_addpropn(x->ev, "RRULE", 5, "", 0, t, n, 0, 0,
		    c->recline);
	}
	return 0;
}

static int
do_plain(struct rec *x)
{
	struct ev_csvrd *c = x->c;
	size_t n;

	if ((n = tcell(x, EV_F_UID, &c->tmp)) > 0)
		add_text(x, "UID", c->tmp.p, n);
	if ((n = fcell(x, EV_F_SEQUENCE, &c->tmp)) > 0) {
		for (size_t i = 0; i < n; i++)
			if (!ev_isdigit((unsigned char)c->tmp.p[i]) || n > 9)
				return bad(x, ev_field_name(EV_F_SEQUENCE),
				    c->tmp.p);
		addprop(x, "SEQUENCE", "", c->tmp.p);
	}
	if ((n = tcell(x, EV_F_SUMMARY, &c->tmp)) > 0)
		add_text(x, "SUMMARY", c->tmp.p, n);
	if ((n = tcell(x, EV_F_LOCATION, &c->tmp)) > 0)
		add_text(x, "LOCATION", c->tmp.p, n);
	if ((n = tcell(x, EV_F_DESCRIPTION, &c->tmp)) > 0)
		add_text(x, "DESCRIPTION", c->tmp.p, n);
	if (fcell(x, EV_F_CATEGORIES, &c->tmp) > 0)
		add_list(x, "CATEGORIES", c->tmp.p);
	if ((n = tcell(x, EV_F_PRICE, &c->tmp)) > 0)
		add_text(x, "X-PRICE", c->tmp.p, n);
	if (fcell(x, EV_F_URL, &c->tmp) > 0)
		add_flat(x, "URL", "", c->tmp.p);
	if (fcell(x, EV_F_STATUS, &c->tmp) > 0) {
		for (char *p = c->tmp.p; *p != '\0'; p++)
			*p = (char)ev_toupper((unsigned char)*p);
		add_flat(x, "STATUS", "", c->tmp.p);
	}
	do_organizer(x);
	return 0;
}

/* Property columns and the columns without iCalendar meaning. */
static void
do_columns(struct rec *x)
{
	struct ev_csvrd *c = x->c;
	const char *s;
	size_t n;

	for (size_t i = 0; i < c->ncols; i++) {
		struct csvcol *col = &c->cols[i];

		s = cell(c, i, &n);
		if (col->kind == COL_EXTRA) {
			ev_event_addpropn(x->ev, col->name, strlen(col->name),
			    "", 0, s, n, 0, EV_PROP_CSVCOL, c->recline);
		} else if (col->kind == COL_PROP) {
			clean(&c->tmp, s, n);
			if (c->tmp.len == 0)
				continue;
			if (ev_strcaseeq(col->name, "RESOURCES"))
				add_list(x, col->name, c->tmp.p);
			else if (icalprop(col->name) == 2) {
				clean_(&c->tmp, s, n, c->quoted[i]);
				add_text(x, col->name, c->tmp.p, c->tmp.len);
			}
			else
				add_flat(x, col->name, "", c->tmp.p);
		}
	}
}

static int
build_event(struct ev_reader *r, struct ev_csvrd *c, struct ev_event *ev)
{
	struct rec x = { r, c, ev, NULL, 0, { 0 } };

	ev->file = r->name;
	ev->line = c->recline;
	ev->src = EV_FMT_CSV;
	ev_buf_clear(&ev->raw);
	if (!r->noraw)
		ev_buf_add(&ev->raw, c->raw.p, c->raw.len);
	if (fcell(&x, EV_F_ALL_DAY, &c->tmp) > 0 &&
	    (x.allday = truthy(&x, c->tmp.p)) < 0)
		return -1;
	if (fcell(&x, EV_F_TZ, &c->tmp) > 0 &&
	    (x.zone = ev_zone_get(r->ctx, c->tmp.p)) == NULL)
		{
		ev_err_set(&r->err, r->name, c->recline,
		    "unknown time zone \"%s\"", c->tmp.p);
		return -1;
	}
	if (do_start(&x) < 0 || do_end(&x) < 0 || do_rid(&x) < 0 ||
	    do_rrule(&x) < 0 || do_plain(&x) < 0 || do_lastmod(&x) < 0)
		return -1;
	do_columns(&x);
	return ev_event_decode(r->ctx, ev, NULL, &r->err) < 0 ? -1 : 1;
}

/* ---- the reader's entry points ----------------------------------------- */

int
ev_csv_open(struct ev_reader *r)
{
	struct ev_csvrd *c = ev_ecalloc(1, sizeof(*c));

	c->tsv = r->fmt == EV_FMT_TSV;
	c->delim = c->tsv ? '\t' : r->delim;
	c->state = RD_HEADER;
	parser_init(c);
	r->csv = c;
	return 0;
}

int
ev_csv_read(struct ev_reader *r, struct ev_event *ev)
{
	struct ev_csvrd *c = r->csv;
	int rc;

	if (c->state == RD_HEADER) {
		if ((rc = read_header(r, c)) != 1) {
			c->state = RD_DONE;
			return rc;
		}
		c->state = RD_BODY;
	}
	if (c->state == RD_DONE)
		return 0;
	for (;;) {
		if ((rc = next_record(r, c)) != 1) {
			if (rc == 0 || rc == -2)
				c->state = RD_DONE;
			return rc;
		}
		if (check_record(r, c) < 0)
			return -1;
		/* rows of nothing but delimiters, as spreadsheets leave */
		if (!empty_record(c))
			return build_event(r, c, ev);
	}
}

void
ev_csv_close(struct ev_reader *r)
{
	struct ev_csvrd *c;

	if (r == NULL || (c = r->csv) == NULL)
		return;
	csv_free(&c->p);
	for (size_t i = 0; i < c->ncols; i++)
		free(c->cols[i].name);
	free(c->cols);
	free(c->off);
	free(c->len);
	free(c->quoted);
	ev_buf_free(&c->raw);
	ev_buf_free(&c->cells);
	ev_buf_free(&c->v);
	ev_buf_free(&c->prm);
	ev_buf_free(&c->tmp);
	free(c);
	r->csv = NULL;
}
