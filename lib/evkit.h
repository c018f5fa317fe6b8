/*
 * evkit.h - the one public header of libevkit.
 *
 * Grouped by the file that implements each part.  Every public name starts
 * with ev_ (functions, types) or EV_ (constants).  Tools see evkit types
 * only: libical, libcsv and pcre2 stay inside lib/.
 *
 * Conventions: functions that can fail return -1 (or NULL) and leave a
 * message in an ev_err the caller passed, or in the object they work on;
 * the library never prints and never exits, except through ev_emalloc and
 * friends when memory runs out.  x_free(NULL) is always a no-op.
 */
#ifndef EVKIT_H
#define EVKIT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define EV_VERSION "0.1.0"

/* printf-style checking where the compiler offers it */
#if defined(__GNUC__) || defined(__clang__)
#define EV_PRINTFLIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define EV_PRINTFLIKE(f, a)
#endif

/* exit statuses of every tool (evkit(7) EXIT STATUS) */
enum {
	EV_EXIT_OK = 0,		/* success (filters: something selected) */
	EV_EXIT_NONE = 1,	/* filters: nothing selected */
	EV_EXIT_ERROR = 2,	/* usage, unreadable input, unwritable output */
	EV_EXIT_BAD = 3		/* finished, but something was reported */
};

/* ---- util.c: memory, growable buffers, errors ------------------------ */

void	*ev_emalloc(size_t);
void	*ev_ecalloc(size_t, size_t);
void	*ev_erealloc(void *, size_t);
void	*ev_ereallocarray(void *, size_t, size_t);
char	*ev_estrdup(const char *);
char	*ev_estrndup(const char *, size_t);

/* A growable byte buffer that never shrinks; p is always NUL-terminated. */
struct ev_buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};
void	 ev_buf_reserve(struct ev_buf *, size_t more);
void	 ev_buf_add(struct ev_buf *, const void *, size_t);
void	 ev_buf_adds(struct ev_buf *, const char *);
void	 ev_buf_printf(struct ev_buf *, const char *, ...)
	    EV_PRINTFLIKE(2, 3);
/* s[0..n) as a message shows a value: control bytes and DEL as \t, \n,
 * \r or \xNN, bytes that are no UTF-8 as \xNN; when n > max, the
 * characters in max - 3 bytes and "...". */
void	 ev_buf_addshow(struct ev_buf *, const char *s, size_t n, size_t max);
void	 ev_buf_clear(struct ev_buf *);	/* len = 0, keeps memory */
void	 ev_buf_free(struct ev_buf *);
/* One byte: inline, it is on every writer's hot path. */
static inline void
ev_buf_addc(struct ev_buf *b, int c)
{
	if (b->len + 2 > b->cap)
		ev_buf_reserve(b, 1);
	b->p[b->len++] = (char)c;
	b->p[b->len] = '\0';
}

/* An error message, "FILE:LINE: what is wrong" or just "what is wrong";
 * "FILE: ..." when line is 0, no prefix when file is NULL.  Control
 * bytes in it are written as \t, \n, \r or \xNN. */
struct ev_err {
	char	msg[1024];
};
void	 ev_err_set(struct ev_err *, const char *file, unsigned long line,
	    const char *fmt, ...) EV_PRINTFLIKE(4, 5);
/* With a column, for lint tools: "FILE:LINE:COL: ..." (col 1 is the
 * first character; col 0: as ev_err_set). */
void	 ev_err_setc(struct ev_err *, const char *file, unsigned long line,
	    unsigned long col, const char *fmt, ...) EV_PRINTFLIKE(5, 6);

/* ---- ascii.c: ASCII classes and case, never the locale ---------------- */

/*
 * Bytes for formats: only ASCII has a class or a case here (a byte from
 * 0x80 up, or a negative char, is in no class and maps to itself),
 * whatever the locale says.  Inline: the readers call them per byte.
 */
static inline int
ev_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

static inline int
ev_isupper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static inline int
ev_islower(int c)
{
	return c >= 'a' && c <= 'z';
}

static inline int
ev_isalpha(int c)
{
	return ev_isupper(c) || ev_islower(c);
}

static inline int
ev_isalnum(int c)
{
	return ev_isalpha(c) || ev_isdigit(c);
}

/* Space and TAB. */
static inline int
ev_isblank(int c)
{
	return c == ' ' || c == '\t';
}

/* Space, TAB, LF, VT, FF, CR: C's white space. */
static inline int
ev_isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline int
ev_toupper(int c)
{
	return ev_islower(c) ? c - 'a' + 'A' : c;
}

static inline int
ev_tolower(int c)
{
	return ev_isupper(c) ? c - 'A' + 'a' : c;
}

/* Equal but for the case of ASCII letters (the first n bytes at most). */
int	 ev_strcaseeq(const char *, const char *);
int	 ev_strncaseeq(const char *, const char *, size_t);

/* ---- utf8.c: UTF-8: decode, validate, cut, display width; cp1252 ---- */

/* Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing
 * above U+10FFFF.  Where a length is asked, a NUL-terminated string may
 * pass SIZE_MAX: a NUL ends any sequence. */

/* Decode the character at *s of the n > 0 bytes there: its code point,
 * *s moved past it; -1 for a byte that starts none, *s moved by one. */
int32_t	 ev_utf8_next(const char **s, size_t n);
/* Bytes of the sequence a byte starts: 1 ASCII, 2-4 a lead byte, 0 a
 * continuation byte or a byte no valid character starts with. */
int	 ev_utf8_seqlen(int c);
/* 1 when s[0..n) is all valid UTF-8 (ASCII runs 8 bytes at a time). */
int	 ev_utf8_valid(const char *s, size_t n);
/* The offset of the first byte of s[0..n) that starts no valid UTF-8
 * sequence; n when s is valid. */
size_t	 ev_utf8_invalid(const char *s, size_t n);
/* ev_utf8_invalid that also sets *multi (else leaves it) when the
 * valid bytes hold a character of more than one byte. */
size_t	 ev_utf8_scan(const char *s, size_t n, int *multi);
/* The UTF-8 of code point cp (0..0x10FFFF, no surrogate) into out[0..4):
 * its length. */
int	 ev_utf8_put(int32_t cp, char *out);
/* The code point of Windows-1252 byte c (0..255): -1 for the five bytes
 * it leaves undefined (0x81 0x8D 0x8F 0x90 0x9D). */
int32_t	 ev_cp1252(int c);
/* n moved back over continuation bytes (three at most, as a character
 * has) to where the character of s[n] begins (s[n] must exist):
 * s[0..result) cuts no character in two.  The start of the character
 * before i is ev_utf8_cut(s, i - 1). */
size_t	 ev_utf8_cut(const char *s, size_t n);
/* Columns of a code point on a terminal: 0 combining marks and other
 * zero-width ones, 2 East Asian wide and emoji, else 1 (-1 too). */
int	 ev_utf8_cwidth(int32_t cp);
/* Columns of a UTF-8 string, characters summed; a bad byte is one
 * column (a terminal shows U+FFFD). */
size_t	 ev_utf8_width(const char *);

/* ---- escape.c: text for HTML, XML and JSON --------------------------- */

/* Each appends the NUL-terminated text, escaped, to the buffer. */

/* HTML text and attribute values: & < > " ' escaped, nothing else. */
void	 ev_html_escape(const char *, struct ev_buf *);
/* XML 1.0 text and attribute values: & < > " ' as entities, CR as
 * &#13;; C0 controls but TAB, LF, CR and U+FFFE, U+FFFF (not allowed
 * in XML 1.0) dropped; a byte that is no UTF-8 becomes U+FFFD. */
void	 ev_xml_escape(const char *, struct ev_buf *);
/* A JSON string, its quotes included: \" \\ \n \t \r, other controls
 * and DEL as \u00XX; a byte that is no UTF-8 becomes U+FFFD. */
void	 ev_json_string(const char *, struct ev_buf *);

/* ---- diag.c: one diagnostic voice for the tools ---------------------- */

void	 ev_setprogname(const char *);
const char *ev_getprogname(void);
/* "prog: msg" on stderr; a trailing ':' in fmt appends strerror(errno). */
void	 ev_warn(const char *fmt, ...) EV_PRINTFLIKE(1, 2);
_Noreturn void ev_die(int status, const char *fmt, ...) EV_PRINTFLIKE(2, 3);

/* ---- civil.c: calendar arithmetic (proleptic Gregorian, no zones) ---- */

/* Days since 1970-01-01 of a civil date; month 1-12. */
int64_t	 ev_days_from_civil(int y, int m, int d);
void	 ev_civil_from_days(int64_t days, int *y, int *m, int *d);
int	 ev_days_in_month(int y, int m);
int	 ev_weekday(int64_t days);	/* 0 = Monday ... 6 = Sunday */
/* Split wall seconds (seconds since 1970-01-01T00:00 of a wall clock). */
struct ev_tm {
	int	 year, mon, mday;	/* mon 1-12 */
	int	 hour, min, sec;
	int	 wday;			/* 0 = Monday */
	int	 yday;			/* 0-365 */
};
void	 ev_tm_from_wall(int64_t wall, struct ev_tm *);
int64_t	 ev_wall_from_tm(const struct ev_tm *);
int64_t	 ev_floordiv(int64_t, int64_t);

/* ---- ctx.c: the run's context: display zone, now, language --------- */

enum ev_lang { EV_LANG_EN, EV_LANG_DE };

struct ev_ctx;
struct ev_zone;

struct ev_ctx *ev_ctx_new(void);
void	 ev_ctx_free(struct ev_ctx *);
/* Display zone: name, else $TZ, else the system zone (name NULL). */
int	 ev_ctx_set_tz(struct ev_ctx *, const char *name, struct ev_err *);
/* "Now": a date expression, else $EV_NOW, else the clock (expr NULL). */
int	 ev_ctx_set_now(struct ev_ctx *, const char *expr, struct ev_err *);
void	 ev_ctx_set_lang(struct ev_ctx *, enum ev_lang);
const struct ev_zone *ev_ctx_zone(const struct ev_ctx *);
int64_t	 ev_ctx_now(const struct ev_ctx *);	/* UTC seconds */
enum ev_lang ev_ctx_lang(const struct ev_ctx *);

/* ---- zone.c: time zones (libical inside) ----------------------------- */

/*
 * A zone is owned by the ctx that made it and lives as long as the ctx.
 * ev_zone_get resolves an IANA name or a Windows/Outlook name (CLDR map);
 * NULL when unknown.
 */
const struct ev_zone *ev_zone_get(struct ev_ctx *, const char *name);
const struct ev_zone *ev_zone_utc(struct ev_ctx *);
/* An inline VTIMEZONE (its unfolded text, CRLF or LF lines). */
const struct ev_zone *ev_zone_from_vtimezone(struct ev_ctx *,
	    const char *text, size_t len, struct ev_err *);
const char *ev_zone_name(const struct ev_zone *);	/* TZID to write */
int	 ev_zone_offset(const struct ev_zone *, int64_t utc); /* s east */
/* Wall clock to instant, RFC 5545 3.3.5: a time in a gap takes the
 * offset before the gap; a doubled time means its first occurrence. */
int64_t	 ev_zone_to_utc(const struct ev_zone *, int64_t wall);
int64_t	 ev_zone_to_wall(const struct ev_zone *, int64_t utc);
/* Append the zone's VTIMEZONE as unfolded content lines ("\n" after
 * each), with observances covering the UTC years from..to at least. */
void	 ev_zone_vtimezone(const struct ev_zone *, int year_from, int year_to,
	    struct ev_buf *);
/* Windows zone name -> IANA name (CLDR "001" mapping), or NULL. */
const char *ev_zone_windows(const char *name);
/* Windows display name ("(UTC-05:00) Eastern Time (US & Canada)", the
 * prefix optional) -> IANA name, or NULL; *guess is set when only one
 * of the cities it lists was found in a display name. */
const char *ev_zone_windows_display(const char *name, int *guess);

/* ---- names.c: localized names and date styles ----------------------- */

int	 ev_lang_parse(const char *, enum ev_lang *);	/* "de", "en" */
enum ev_lang ev_lang_from_env(void);	/* LC_ALL, LC_TIME, LANG */
const char *ev_weekday_name(enum ev_lang, int wday, int abbrev); /* 0=Mo */
const char *ev_month_name(enum ev_lang, int mon, int abbrev);	/* 1-12 */
/* Weekday (0=Mo) for an English or German name or abbreviation, or -1. */
int	 ev_weekday_parse(const char *);
int	 ev_month_parse(const char *);	/* 1-12 or -1 */
/* "Samstag, 24. Dezember 2016" / "Saturday, 24 December 2016" */
void	 ev_fmt_long_date(enum ev_lang, const struct ev_tm *, struct ev_buf *);
/*
 * Month layout: the weeks that hold the month, Monday (or Sunday) first,
 * as days since 1970-01-01, the neighbouring months' days included; the
 * number of weeks (4-6) is returned, 0 for a bad month.
 */
int	 ev_month_grid(int year, int mon, int sunday, int64_t grid[6][7]);

/* ---- when.c: date expressions and windows ---------------------------- */

/*
 * Parse a date expression (evkit(7) DATE EXPRESSIONS) against ctx's now
 * and display zone.  *lo is the instant it names, *hi the end of the span
 * it names (a day, a month; for an instant hi == lo).  Returns 0, or -1
 * with a message.
 */
int	 ev_when_parse(const struct ev_ctx *, const char *expr,
	    int64_t *lo, int64_t *hi, struct ev_err *);
/* Local midnight of the display day containing utc, and the next one. */
int64_t	 ev_day_start(const struct ev_ctx *, int64_t utc);
int64_t	 ev_day_add(const struct ev_ctx *, int64_t day_start, int ndays);
int	 ev_when_is_month(const char *);	/* shaped YYYY-MM */

/* Instants before and after any feed: years 0 and 10000. */
#define EV_TIME_MIN	INT64_C(-62167219200)
#define EV_TIME_MAX	INT64_C(253402300800)

/*
 * The windows the tools' options name, one meaning and one set of
 * messages for every tool (evkit(7) DATE EXPRESSIONS): --from DATE is
 * [DATE, EV_TIME_MAX), --to DATE [EV_TIME_MIN, the end of DATE's span),
 * --on DATE its span (a day, a month; an instant: one second), --today,
 * --tomorrow, --weekend (the coming Saturday and Sunday, or this
 * weekend), --week (ISO, Monday first) and --month [YYYY-MM] display
 * days, --upcoming [now, EV_TIME_MAX).  arg is the option's argument,
 * NULL for none.  A tool ANDs several windows by intersecting them.
 */
enum ev_win {
	EV_W_FROM, EV_W_TO, EV_W_ON, EV_W_TODAY, EV_W_TOMORROW, EV_W_WEEKEND,
	EV_W_WEEK, EV_W_MONTH, EV_W_UPCOMING
};
/* [*lo, *hi): 0, or -1 with a message to print after the option's name. */
int	 ev_window(const struct ev_ctx *, enum ev_win, const char *arg,
	    int64_t *lo, int64_t *hi, struct ev_err *);
const char *ev_window_option(enum ev_win);	/* "--from", ... */

/* ---- event.c: the record and its fields ------------------------------ */

enum ev_field {
	EV_F_UID,
	EV_F_START,
	EV_F_END,
	EV_F_ALL_DAY,
	EV_F_TZ,
	EV_F_SUMMARY,
	EV_F_LOCATION,
	EV_F_DESCRIPTION,
	EV_F_CATEGORIES,
	EV_F_PRICE,
	EV_F_URL,
	EV_F_STATUS,
	EV_F_ORGANIZER,
	EV_F_RECURRENCE_ID,
	EV_F_RRULE,
	EV_F_SEQUENCE,
	EV_F_LAST_MODIFIED,
	EV_F_COUNT
};
const char *ev_field_name(enum ev_field);	/* "uid", "start", ... */
int	 ev_field_lookup(const char *name);	/* case-insensitive, or -1 */

enum ev_tkind {
	EV_T_NONE,	/* absent */
	EV_T_DATE,	/* all-day value, wall is local midnight */
	EV_T_FLOAT,	/* floating local time */
	EV_T_UTC,	/* ...Z */
	EV_T_ZONED	/* TZID=... */
};
struct ev_time {
	int64_t	 wall;	/* wall clock: seconds since 1970-01-01T00:00 */
	int64_t	 utc;	/* the instant; DATE and FLOAT in the display zone */
	enum ev_tkind kind;
	const struct ev_zone *zone;	/* EV_T_ZONED only */
};

struct ev_event;
struct ev_event *ev_event_new(void);
void	 ev_event_free(struct ev_event *);
struct ev_event *ev_event_dup(const struct ev_event *);
const char *ev_event_file(const struct ev_event *);
unsigned long ev_event_line(const struct ev_event *);
const struct ev_time *ev_event_start(const struct ev_event *);
/* DTEND, or DTSTART + DURATION, or the day after an all-day start;
 * kind EV_T_NONE for an instant. */
const struct ev_time *ev_event_end(const struct ev_event *);
const struct ev_time *ev_event_rid(const struct ev_event *);
int	 ev_event_all_day(const struct ev_event *);
int	 ev_event_recurring(const struct ev_event *);	/* RRULE or RDATE */
/*
 * Decoded text of a text field (summary, location, description,
 * categories as "a, b", price, url, status, organizer, uid, rrule,
 * sequence): unescaped, NULL when absent.  Times: use ev_fmt_field.
 * Pointers live until the event is changed or freed.
 */
const char *ev_event_text(struct ev_event *, enum ev_field);
/* Each category of ev in order (every comma-separated piece of every
 * CATEGORIES, unescaped and trimmed, empty ones skipped): fn(arg, name);
 * a nonzero return ends the walk and is returned, else 0.  name lives
 * until fn returns. */
int	 ev_event_each_category(struct ev_event *,
	    int (*fn)(void *, const char *), void *arg);
/* A DURATION value ("P1D", "-PT1H30M"): nominal days (weeks * 7 + days)
 * and exact seconds; 0 or -1. */
int	 ev_duration_parse(const char *, int *days, int64_t *secs);
/* Raw value of the first property NAME (case-insensitive), or NULL. */
const char *ev_event_prop(const struct ev_event *, const char *name);

/* ---- read.c, lex.c, ics.c, csv.c: readers ---------------------------- */

enum ev_format {
	EV_FMT_AUTO,
	EV_FMT_ICS,
	EV_FMT_CSV,
	EV_FMT_TSV,
	EV_FMT_JSON,
	EV_FMT_TEXT,
	EV_FMT_TEMPLATE
};
int	 ev_format_parse(const char *, enum ev_format *);
const char *ev_format_name(enum ev_format);

struct ev_reader;
/*
 * Open path ("-" or NULL: stdin, named "<stdin>") as fmt (EV_FMT_AUTO:
 * sniff the first bytes).  delim is the CSV delimiter, 0 to detect.
 * NULL with errno set when the file cannot be opened.
 */
struct ev_reader *ev_reader_open(struct ev_ctx *, const char *path,
	    enum ev_format fmt, int delim);
/*
 * Read the next event into ev (which is reset first).
 * 1: an event; 0: end of input; -1: something was reported (message in
 * ev_reader_error, reading may go on): a bad record was skipped, or a
 * bad part of a record was skipped or read the best way -- the record
 * then comes with a later call, which must get the same ev, untouched;
 * -2: read error (errno, stop).
 */
int	 ev_read(struct ev_reader *, struct ev_event *);
const char *ev_reader_error(const struct ev_reader *);	/* FILE:LINE: ... */
const char *ev_reader_name(const struct ev_reader *);
enum ev_format ev_reader_format(const struct ev_reader *);
void	 ev_reader_close(struct ev_reader *);

/*
 * The input loop every tool shares: the files in order ("-" is stdin, no
 * files: stdin), one event at a time.  1: an event in ev; 0: all read;
 * -1: something was reported (as ev_read; pass the same ev again);
 * -2: a file could not be opened or read
 * (the rest of it is skipped).  After -1 and -2 ev_input_error tells
 * "FILE:LINE: what" / "FILE: strerror"; go on calling.
 */
struct ev_input;
struct ev_input *ev_input_new(struct ev_ctx *, char **files, int nfiles,
	    enum ev_format fmt, int delim);
int	 ev_input_next(struct ev_input *, struct ev_event *);
const char *ev_input_error(const struct ev_input *);
/* Events come without their raw bytes (ev-list never passes records
 * through byte for byte): less copying. */
void	 ev_input_noraw(struct ev_input *);
/* fn(arg) before each read(2) that may wait for input: a filter
 * flushes its output there, so a pipe sees results at once. */
void	 ev_input_onwait(struct ev_input *, void (*fn)(void *), void *arg);
/* fn(arg, r) at the end of each VCALENDAR r reads (before its zones
 * are dropped) and when r has read its last event, before it is
 * closed. */
void	 ev_input_ondone(struct ev_input *,
	    void (*fn)(void *, struct ev_reader *), void *arg);
/* The reader of the file being read (NULL before and after). */
struct ev_reader *ev_input_reader(const struct ev_input *);
void	 ev_input_free(struct ev_input *);

/* ---- write.c, icsout.c, csv.c: writers ------------------------------- */

struct ev_wopts {
	const char *template;	/* EV_FMT_TEMPLATE */
	const char *calname;	/* ICS NAME / X-WR-CALNAME, or NULL */
	const char *refresh;	/* ICS REFRESH-INTERVAL, e.g. "PT12H" */
	int	 delim;		/* CSV: ',' by default */
	int	 color;		/* text: use ANSI colour */
};
struct ev_writer;
struct ev_writer *ev_writer_new(struct ev_ctx *, FILE *, enum ev_format,
	    const struct ev_wopts *);
/* 0, or -1 on a write error (errno). */
int	 ev_write(struct ev_writer *, struct ev_event *);
/* ev will be written (note every event before the first ev_write).
 * ICS: its zones' VTIMEZONEs then come before the events; CSV/TSV: its
 * CSV-only columns are columns of the output.  Else a no-op. */
void	 ev_writer_note(struct ev_writer *, struct ev_event *);
/* Text agenda: list events that began before from under from's day. */
void	 ev_writer_clip(struct ev_writer *, int64_t from);
/* Write what comes last (END:VCALENDAR, VTIMEZONEs); 0 or -1. */
int	 ev_writer_finish(struct ev_writer *);
void	 ev_writer_free(struct ev_writer *);
/* Format field f of ev as the contract prints it (times in the display
 * zone, ISO 8601); appends nothing for an absent field. */
void	 ev_fmt_field(struct ev_ctx *, struct ev_event *, enum ev_field,
	    struct ev_buf *);
/* Check a template; 0 or -1 with a message. */
int	 ev_template_check(const char *, struct ev_err *);

/* ---- pass.c: records byte for byte (ev-filter) ------------------------ */

/*
 * The output takes the format of the first input: iCalendar as one
 * VCALENDAR with the first calendar's header and the VTIMEZONEs the
 * written events use, CSV/TSV with the first header row.  Events need
 * their raw bytes (no ev_input_noraw).
 */
struct ev_pass;
struct ev_pass *ev_pass_new(FILE *);
/* Write ev as r read it: 0; 1 written, but a custom TZID of it means
 * another zone in an earlier input, whose VTIMEZONE the output has
 * (message in err, once per zone); -1 write error (errno); -2 r's
 * format or CSV header cannot join the output (message in err), -3 the
 * same again for a later event of that r (dropped without a message). */
int	 ev_pass_write(struct ev_pass *, const struct ev_reader *r,
	    struct ev_event *ev, struct ev_err *err);
/* r is at its end: take its header, VTIMEZONEs still pending; as
 * ev_pass_write.  Call it from ev_input_ondone. */
int	 ev_pass_sync(struct ev_pass *, const struct ev_reader *r,
	    struct ev_err *err);
/* The calendar's end (a header even when nothing was selected); flush.
 * 0 or -1. */
int	 ev_pass_finish(struct ev_pass *);
void	 ev_pass_free(struct ev_pass *);

/* ---- match.c: regular expressions (pcre2, UTF, JIT) ------------------- */

enum {
	EV_RE_CASELESS = 1,	/* -i */
	EV_RE_WORD = 2,		/* -w: whole words */
	EV_RE_FIXED = 4		/* -F: a fixed string */
};
struct ev_regex;
struct ev_regex *ev_regex_new(const char *pattern, int flags, struct ev_err *);
/* 1 when it matches somewhere in s[0..len), else 0. */
int	 ev_regex_match(const struct ev_regex *, const char *s, size_t len);
void	 ev_regex_free(struct ev_regex *);

/* ---- fold.c: case folding -------------------------------------------- */

/* Equal under full Unicode case folding ("KINDER" = "Kinder"). */
int	 ev_casefold_eq(const char *, const char *);

/* ---- recur.c: recurrence expansion (libical RRULE iterator inside) ---- */

/*
 * Gather records with ev_expand_add (it takes ownership), then take the
 * occurrences that overlap [from, to) in start order with ev_expand_next:
 * non-recurring events as they are, recurring ones expanded (RRULE, RDATE,
 * EXDATE), RECURRENCE-ID overrides replacing or cancelling instances
 * (RANGE=THISANDFUTURE included).  Every occurrence of a series carries
 * RECURRENCE-ID.  At most cap occurrences per series (0: no cap); the
 * rest are left out with a warning that says "capped".
 * Warnings of a batch come before its occurrences; an ev_expand_add
 * after ev_expand_next starts a new batch.
 */
struct ev_expand;
/*
 * The cap the tools use.  Their window bounds the work, so a real series
 * is never cut by it (a daily event for 54 years, an hourly one for two);
 * it stops absurd rules (FREQ=SECONDLY: 31 million a year) before they
 * take more than some 30 MB.
 */
#define EV_OCC_LIMIT	20000
struct ev_expand *ev_expand_new(struct ev_ctx *, int64_t from, int64_t to,
	    unsigned cap);
void	 ev_expand_add(struct ev_expand *, struct ev_event *);
/*
 * 1: *out is an occurrence the caller owns; 0: no more; -1: a warning in
 * err (a cap hit, a bad rule: "FILE:LINE: ..."), call again.
 */
int	 ev_expand_next(struct ev_expand *, struct ev_event **out,
	    struct ev_err *);
void	 ev_expand_free(struct ev_expand *);
/*
 * Has ev an occurrence overlapping [from, to) for which fn(arg, start,
 * has_end, end) says yes?  ev alone, without overrides; a non-recurring
 * ev is its own occurrence.  At most cap instances in the window are
 * asked (0: no cap), then the answer is no.  1 or 0; a warning about ev
 * (a bad rule) in warn, msg[0] == '\0' when none.
 */
int	 ev_expand_any(struct ev_ctx *, struct ev_event *ev, int64_t from,
	    int64_t to, unsigned cap, int (*fn)(void *, int64_t, int, int64_t),
	    void *arg, struct ev_err *warn);

/* ---- filter.c: predicates (ev-filter) -------------------------------- */

/* The predicates, one group each: values of one kind are ORed, groups
 * ANDed (evkit(7) and ev-filter(1) tell what each one means). */
enum ev_pred {
	/* time: the windows of ev_window, with the overlap rule */
	EV_P_FROM = EV_W_FROM, EV_P_TO = EV_W_TO, EV_P_ON = EV_W_ON,
	EV_P_TODAY = EV_W_TODAY, EV_P_TOMORROW = EV_W_TOMORROW,
	EV_P_WEEKEND = EV_W_WEEKEND, EV_P_WEEK = EV_W_WEEK,
	EV_P_MONTH = EV_W_MONTH, EV_P_UPCOMING = EV_W_UPCOMING,
	/* the record */
	EV_P_FREE, EV_P_PAID, EV_P_CATEGORY, EV_P_SEARCH, EV_P_FIELD,
	EV_P_HAS, EV_P_MISSING, EV_P_UID, EV_P_STATUS, EV_P_CANCELLED,
	EV_P_COUNT
};
/* Admission, a three-state fact: no price information is unknown. */
enum ev_admission { EV_ADM_UNKNOWN, EV_ADM_FREE, EV_ADM_PAID };
enum ev_admission ev_event_admission(struct ev_event *,
	    const struct ev_regex *markers);

struct ev_filter;
/* reflags (EV_RE_*) apply to --search and --field patterns. */
struct ev_filter *ev_filter_new(struct ev_ctx *, int reflags);
/* Add a value to a group: a date expression, a regex, NAME=REGEX, a
 * name (NULL for options without one); 0, or -1 with a message. */
int	 ev_filter_add(struct ev_filter *, enum ev_pred, const char *arg,
	    struct ev_err *);
/* Free markers: this regex (caseless) instead of the built-in set. */
int	 ev_filter_free_pattern(struct ev_filter *, const char *,
	    struct ev_err *);
void	 ev_filter_invert(struct ev_filter *);	/* -v */
int	 ev_filter_timed(const struct ev_filter *); /* has time groups */
/* The window every time group overlaps: [*from, *to). */
void	 ev_filter_window(const struct ev_filter *, int64_t *from,
	    int64_t *to);
/* ev, a record or an occurrence, on its own: 1 selected, 0 not.  A
 * recurring master holds when one occurrence satisfies every time
 * group.  A warning about ev (a bad rule) in warn, or msg[0] == '\0'. */
int	 ev_filter_match(struct ev_filter *, struct ev_event *,
	    struct ev_err *warn);
/* As ev_filter_match, for records of a stream: an override goes where
 * its master went; a master goes where an override that came first and
 * matched went.  Remembers recurring UIDs in fixed tables of 131,072
 * hashes (2 MiB in all): a UID is forgotten when a later one takes its
 * slot, and its later records are judged on their own. */
int	 ev_filter_select(struct ev_filter *, struct ev_event *,
	    struct ev_err *warn);
void	 ev_filter_free(struct ev_filter *);

/* ---- set.c: collections: merge duplicates, sort ---------------------------- */

/*
 * A set holds compact copies of the events added to it (their fields
 * and properties, not the raw bytes), so the caller can reuse its event.
 * With dedupe, an event with the same uid and recurrence_id as one
 * already there replaces it only when it has the higher SEQUENCE, then
 * the later LAST-MODIFIED, then DTSTAMP.
 */
struct ev_set;
struct ev_set *ev_set_new(int dedupe);
void	 ev_set_add(struct ev_set *, const struct ev_event *);
/* By start, then end, then uid (reverse: the other way round). */
void	 ev_set_sort(struct ev_set *, int reverse);
size_t	 ev_set_count(const struct ev_set *);
struct ev_event *ev_set_get(const struct ev_set *, size_t);
/* The caller is about to use event i of a walk in index order: start
 * loading the events it will use next, so that their memory is there
 * when it gets to them.  A hint: it changes nothing. */
void	 ev_set_ahead(const struct ev_set *, size_t i);
/* Hand the events over (the set keeps none): for ev_expand_add. */
struct ev_event *ev_set_take(struct ev_set *, size_t);
void	 ev_set_free(struct ev_set *);
int	 ev_event_cmp(const struct ev_event *, const struct ev_event *);
int	 ev_event_cancelled(struct ev_event *);

/* ---- occ.c: occurrence streams ------------------------------------------ */

/*
 * Records in, occurrences out, in order: collect records with
 * ev_occs_add (a compact copy; with dedupe, copies of one event from
 * several feeds are merged as in ev_set), then ev_occs_expand them over
 * [from, to) (at most cap occurrences per series; reverse: latest
 * first) and take the occurrences with ev_occs_next.  The stream owns
 * them: they live until ev_occs_free.
 */
struct ev_occs;
struct ev_occs *ev_occs_new(struct ev_ctx *, int dedupe);
void	 ev_occs_add(struct ev_occs *, const struct ev_event *);
size_t	 ev_occs_records(const struct ev_occs *);	/* before expanding */
void	 ev_occs_expand(struct ev_occs *, int64_t from, int64_t to,
	    unsigned cap, int reverse);
/* 1: *out is the next occurrence; 0: no more; -1: a warning in err (a
 * cap hit, a bad rule: "FILE:LINE: ..."), call again.  The warnings all
 * come before the first occurrence. */
int	 ev_occs_next(struct ev_occs *, struct ev_event **out, struct ev_err *);
/* Hand the occurrences out again from the first (a writer's notes, then
 * its events), without the warnings. */
void	 ev_occs_rewind(struct ev_occs *);
void	 ev_occs_free(struct ev_occs *);

/* ---- cal.c: month grids ------------------------------------------------ */

/* How a calendar is laid out and marked. */
struct ev_cal_opts {
	int	 sunday;	/* weeks start on Sunday, not Monday */
	int	 weeks;		/* ISO 8601 week numbers before each week */
	int	 noadjacent;	/* blank the neighbouring months' days */
	int	 counts;	/* text: the number of events, not a mark */
	const char *link;	/* HTML: event days link here, {date} */
};

/*
 * A calendar of nmonths (1-1200) months from year-mon (1-12) that counts
 * events per day in ctx's display zone, the days of the weeks that hold
 * the months included; then rendered as text like cal(1) or as HTML.  It
 * keeps ctx, which must outlive it; o may be NULL.  Twelve months from
 * January are a year view.  NULL for bad arguments.
 */
struct ev_cal;
struct ev_cal *ev_cal_new(const struct ev_ctx *, int year, int mon,
	    int nmonths, const struct ev_cal_opts *);
void	 ev_cal_free(struct ev_cal *);
/* The instants shown, [*from, *to), neighbouring days included: the
 * window to expand over. */
void	 ev_cal_span(const struct ev_cal *, int64_t *from, int64_t *to);
/* The instants of the months proper, [*from, *to): the agenda's. */
void	 ev_cal_months_span(const struct ev_cal *, int64_t *from, int64_t *to);
/*
 * Count an occurrence on every display day it touches inside the span:
 * its end is exclusive (a DATE end, an end at midnight), an event
 * without end counts on its start day, DATE and floating times use their
 * own wall date.  Cancelled or not is the caller's choice.
 */
void	 ev_cal_add(struct ev_cal *, const struct ev_event *occ);
/* Does an occurrence touch a day of the months proper? */
int	 ev_cal_shows(const struct ev_cal *, const struct ev_event *occ);
/* Events counted on a day; 0 outside the span. */
int	 ev_cal_count(const struct ev_cal *, int year, int mon, int mday);
/*
 * Text: each month's title, weekday header and weeks, cells "%2d" plus
 * '*' (or the count) on days with events; months three side by side, a
 * year view under the centred year; a legend when a day is marked.
 * color: event days bold, other months' days dim, today in reverse
 * video (ANSI).
 */
void	 ev_cal_text(const struct ev_cal *, int color, struct ev_buf *);
/* HTML: one <table class="ev-cal"> per month, several inside a <div>. */
void	 ev_cal_html(const struct ev_cal *, struct ev_buf *);
/* 0, or -1 with a message: a --link template knows {date} only. */
int	 ev_cal_link_check(const char *, struct ev_err *);
/* HTML: the occurrences of the months proper by day (ev_occs_rewind
 * first), under a heading; what began before is listed on the first. */
void	 ev_cal_html_agenda(const struct ev_cal *, struct ev_occs *,
	    struct ev_buf *);
/* A minimal HTML5 page with a small stylesheet around the calendar. */
void	 ev_cal_html_begin(const struct ev_cal *, struct ev_buf *);
void	 ev_cal_html_end(const struct ev_cal *, struct ev_buf *);

/* ---- cli.c: what every tool's main() shares (prints and exits) -------- */

/*
 * The common options (evkit(7) COMMON OPTIONS) have these codes in every
 * tool's option table; ev_cli_option takes them.  The event-input options
 * (--input-format, --delimiter) are apart, for the tools that read
 * events: ev_cli_input_option.  This part of the library is for bin/
 * only: it reports with ev_warn and exits with ev_die.
 */
enum {
	EV_OPT_NOW = 0x1000,
	EV_OPT_TZ,
	EV_OPT_LANG,
	EV_OPT_COLOR,
	EV_OPT_OUTPUT,
	EV_OPT_STRICT,
	EV_OPT_DELIM,
	EV_OPT_INPUT
};
struct ev_cli {
	/* options */
	const char *now, *tz, *lang, *color, *output;
	int	 strict;
	/* set by ev_cli_setup and ev_cli_open */
	struct ev_ctx *ctx;
	int	 color_on;
	FILE	*out;			/* stdout or the --output temp file */
	struct ev_atomic *atomic;
	int	 status;		/* EV_EXIT_* so far */
};
struct ev_cli_input {
	enum ev_format fmt;		/* EV_FMT_AUTO: sniff */
	int	 delim;			/* 0: detect */
};
/* Take option c (EV_OPT_NOW ... EV_OPT_STRICT); 1 when it was one. */
int	 ev_cli_option(struct ev_cli *, int c, const char *arg);
/* Take option c (EV_OPT_INPUT, EV_OPT_DELIM); 1 when it was one. */
int	 ev_cli_input_option(struct ev_cli_input *, int c, const char *arg);
/* An optional argument as the next word, when looks(word) says it is
 * one ("--month 2016-12"); getopt's optarg when given as --opt=ARG. */
const char *ev_cli_optarg(int argc, char **argv, int (*looks)(const char *));
/* Bounded number parser for options: dies with "what must be ..." */
long	 ev_cli_number(const char *arg, const char *what, long min, long max);
/* Make the ctx (zone, now, language) and decide colour: after parsing
 * the options, before checking what needs the ctx. */
void	 ev_cli_setup(struct ev_cli *);
/* Open --output: last, after every check, so a usage error leaves no
 * temporary file; every exit after it removes the file unless
 * ev_cli_finish commits it. */
void	 ev_cli_open(struct ev_cli *);
/* The input loop over files as the event-input options say. */
struct ev_input *ev_cli_input_new(struct ev_cli *,
	    const struct ev_cli_input *, char **files, int nfiles);
/* Report a bad record (rc -1) or an unreadable input (rc -2). */
void	 ev_cli_bad(struct ev_cli *, const char *msg, int rc);
int	 ev_cli_next(struct ev_cli *, struct ev_input *, struct ev_event *);
/* Write errors, --output commit or abort, free; returns the exit status. */
int	 ev_cli_finish(struct ev_cli *, int write_failed);

/* ---- atomic.c: --output FILE ----------------------------------------- */

struct ev_atomic;
/* Open a temporary file beside path; NULL with errno set. */
struct ev_atomic *ev_atomic_open(const char *path);
FILE	*ev_atomic_file(struct ev_atomic *);
/* Flush, fsync and rename over path: 0, or -1 (errno) and no change. */
int	 ev_atomic_commit(struct ev_atomic *);
/* Remove the temporary file, path untouched. */
void	 ev_atomic_abort(struct ev_atomic *);

#endif /* EVKIT_H */
