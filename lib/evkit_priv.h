/*
 * evkit_priv.h - struct bodies and helpers shared inside lib/ only.
 * Tools never include this file; unit tests may.
 */
#ifndef EVKIT_PRIV_H
#define EVKIT_PRIV_H

#include "evkit.h"

/* ---- ctx.c ------------------------------------------------------------ */

struct ev_ctx {
	const struct ev_zone *zone;	/* display zone, never NULL after new */
	int64_t	 now;			/* UTC seconds */
	enum ev_lang lang;
	struct ev_zone **zones;		/* every zone made; zone.c owns them */
	size_t	 nzones;
	char	**strs;			/* interned strings (file names) */
	size_t	 nstrs;
};
/* A copy of s that lives as long as ctx. */
const char *ev_ctx_intern(struct ev_ctx *, const char *s);

/* ---- datetext.c: written dates and times (when.c, csv.c) -------------- */

/*
 * "2016-12-24", "20161224", "24.12.2016", each with an optional time
 * ("T18:00", " 18:00:00", "T180000") and zone ("Z", "+01:00"): one
 * grammar, and flags for the forms one caller takes and the other does
 * not.  Date expressions take EV_DT_EXPR, CSV cells EV_DT_CELL.
 */
enum {
	EV_DT_MONTH = 0x001,	/* "2016-12" alone names a month */
	EV_DT_HHMM = 0x002,	/* a basic time may end at its minutes: T1800 */
	EV_DT_SHORT = 0x004,	/* one digit will do for an ISO month or day
				 * and an extended hour: "2016-1-5 8:00" */
	EV_DT_FRAC = 0x008,	/* a fraction after the seconds, dropped */
	EV_DT_H24 = 0x010,	/* "24:00", "24:00:00": the end of the day */
	EV_DT_TIME = 0x020,	/* a time of day alone: "18:00" (a ':', no
				 * '-' or '.') */
	EV_DT_UHR = 0x040,	/* "Uhr" after a time, a space before its
				 * zone: "18:00 Uhr +01:00" */
	EV_DT_ANYSEP = 0x080,	/* 'T' or spaces after any date, a basic
				 * time only right after a 'T' (else 'T'
				 * after ISO, spaces after extended, the
				 * time in the date's form) */
	EV_DT_OFFLAX = 0x100,	/* zone hours 0-18 and minutes 0-59 each
				 * (else at most 18:00); "+01:" */
	EV_DT_YEAR0 = 0x200,	/* year 0000 (else 0001-9999) */
	EV_DT_EXPR = EV_DT_MONTH | EV_DT_HHMM,
	EV_DT_CELL = EV_DT_SHORT | EV_DT_FRAC | EV_DT_H24 | EV_DT_TIME |
	    EV_DT_UHR | EV_DT_ANYSEP | EV_DT_OFFLAX | EV_DT_YEAR0
};
#define EV_DT_YEAR_MIN	1
#define EV_DT_YEAR_MAX	9999

/* A written date, time of day, or both. */
struct ev_dt {
	int	 has_date, has_time, has_off;
	int	 month;		/* a month alone (EV_DT_MONTH); d is 1 */
	int	 y, m, d;
	int	 secs;		/* time of day, 0 to 86400 */
	int	 off;		/* seconds east of UTC ("Z": 0) */
	char	 why[48];	/* after -1: which value is out of range */
};
/* Parse all of s as flags allow: 1 into dt; 0 not a written date; -1
 * its form with a value out of range ("month must be 1-12" in why). */
int	 ev_dt_parse(const char *s, unsigned flags, struct ev_dt *dt);
/* min..max digits at *p into *v (0 when none), *p past them: how many,
 * or -1 (and *p unmoved) when fewer than min. */
int	 ev_dt_num(const char **p, int min, int max, int *v);

/* ---- zone.c ----------------------------------------------------------- */

/* The system zone: /etc/localtime (its link target's name, else its
 * data), /etc/timezone, else UTC. */
const struct ev_zone *ev_zone_system(struct ev_ctx *);
/* The zone of a TZif file by its absolute path ($TZ, --tz): the IANA
 * zone its path or link target names, else its data, named by the
 * first word of namefile (ev_zone_path: /etc/timezone for
 * /etc/localtime) or by the path.  NULL when it is no TZif file. */
const struct ev_zone *ev_zone_path(struct ev_ctx *, const char *path);
const struct ev_zone *ev_zone_path_at(struct ev_ctx *, const char *path,
    const char *namefile);
void	 ev_zone_free_all(struct ev_ctx *);	/* called by ev_ctx_free */
/* An inline VTIMEZONE's zone (a custom TZID): its text is written as
 * read, whatever the years. */
int	 ev_zone_inline(const struct ev_zone *);
/* A POSIX TZ string ("CET-1CEST,M3.5.0,M10.5.0/3", "<-03>3") as a zone,
 * for $TZ and --tz only (a TZID in a feed is a name); NULL when it is
 * not one. */
const struct ev_zone *ev_zone_posix(struct ev_ctx *, const char *tz);

/* TZIDs defined by the VTIMEZONEs of one VCALENDAR. */
struct ev_zonemap {
	char	**tzid;
	const struct ev_zone **zone;
	size_t	 n;
};
void	 ev_zonemap_add(struct ev_zonemap *, const char *tzid,
	    const struct ev_zone *);
void	 ev_zonemap_clear(struct ev_zonemap *);
/* map first, then an IANA name, then a Windows name, then a fixed
 * offset or Windows display name (evkit(7)); NULL when none.  *guess is
 * set when the reading is a guess worth a warning. */
const struct ev_zone *ev_zone_resolve(struct ev_ctx *,
	    const struct ev_zonemap *, const char *tzid, int *guess);
/* 1, once per zone, with a message in err, when an inline zone read utc
 * by the zone it is named after, outside the span it covers. */
int	 ev_zone_stray(const struct ev_zone *, int64_t utc, struct ev_err *);
/* 1 when the VTIMEZONE text has only +0000 observances. */
int	 ev_vtimezone_utc(const char *text, size_t len);

/* ---- event.c ---------------------------------------------------------- */

enum {
	EV_PROP_CSVCOL = 1	/* a CSV column without iCalendar meaning:
				 * name is the CSV header as read */
};

/*
 * One content line of the record, unfolded.  name, params and value are
 * offsets of NUL-terminated strings in ev->text; params is the raw text
 * after the first ';' up to the value's ':' ("" when none), value is the
 * raw (still escaped) value.  BEGIN/END lines of nested components
 * (VALARM) are props too, with depth >= 1; the VEVENT's own BEGIN/END are
 * not stored.
 */
struct ev_prop {
	/* offsets: a record is at most 16 MiB (ics.c, csv.c) */
	uint32_t name;
	uint32_t params;
	uint32_t value;
	uint16_t depth;
	uint8_t	 flags;
	int8_t	 known;			/* enum ev_known + 1, or 0 */
	unsigned long line;
	const struct ev_zone *zone;	/* resolved TZID param, or NULL */
};

/* Properties looked up on every event: their first index is kept. */
enum ev_known {
	EV_K_DTSTART, EV_K_DTEND, EV_K_DURATION, EV_K_RRULE, EV_K_RDATE,
	EV_K_EXDATE, EV_K_RECURRENCE_ID, EV_K_UID, EV_K_DTSTAMP,
	EV_K_SUMMARY, EV_K_LOCATION, EV_K_DESCRIPTION, EV_K_URL, EV_K_STATUS,
	EV_K_SEQUENCE, EV_K_LAST_MODIFIED, EV_K_ORGANIZER, EV_K_CATEGORIES,
	EV_K_X_PRICE, EV_K_X_COST, EV_K_X_COST_TYPE,
	EV_K_COUNT
};

struct ev_event {
	const char *file;		/* interned in the ctx */
	unsigned long line;		/* BEGIN:VEVENT's line or CSV row's */
	enum ev_format src;		/* EV_FMT_ICS or EV_FMT_CSV */
	struct ev_buf raw;		/* the record's bytes as read */
	struct ev_buf text;		/* arena; text.p[0] is always NUL */
	struct ev_prop *props;
	size_t	 nprops, cprops;
	long	 known[EV_K_COUNT];	/* first depth-0 index, or -1 */
	int	 packed;		/* props and text live in the same
					 * allocation as the struct (hold) */
	struct ev_time start, end, rid;
	int	 all_day;
	int	 recurring;
	/* ev_event_text's decoded values, made on first use (NULL until
	 * then: most held events never need them) */
	struct ev_buf *dec;
	unsigned char decst[EV_F_COUNT]; /* 0 not yet, 1 present, 2 absent */
	/* ev_event_each_category's, kept from call to call: a filter
	 * asks every event: no malloc and free for each */
	struct ev_buf catbuf;
};

#define EV_PSTR(ev, off)	((ev)->text.p + (off))
#define EV_PNAME(ev, i)		EV_PSTR(ev, (ev)->props[i].name)
#define EV_PPARAMS(ev, i)	EV_PSTR(ev, (ev)->props[i].params)
#define EV_PVALUE(ev, i)	EV_PSTR(ev, (ev)->props[i].value)

void	 ev_event_reset(struct ev_event *);
/* A copy without the raw bytes, in one allocation of exactly its size:
 * for sets that keep many events.  It can still be changed (it is then
 * unpacked first) and is freed with ev_event_free. */
struct ev_event *ev_event_hold(const struct ev_event *);
/* Append a property (strings are copied); returns its index. */
size_t	 ev_event_addprop(struct ev_event *, const char *name,
	    const char *params, const char *value, unsigned depth,
	    unsigned flags, unsigned long line);
/* Same, from spans (not NUL-terminated). */
size_t	 ev_event_addpropn(struct ev_event *, const char *name, size_t nlen,
	    const char *params, size_t plen, const char *value, size_t vlen,
	    unsigned depth, unsigned flags, unsigned long line);
void	 ev_event_delprop(struct ev_event *, size_t i);
/* Index of the first depth-0 property NAME, or -1. */
long	 ev_event_find(const struct ev_event *, const char *name);
/*
 * Parse DTSTART, DTEND/DURATION, RECURRENCE-ID and the TZID of every
 * property, resolving zones through map; set start, end, rid, all_day,
 * recurring.  0, or -1 with "FILE:LINE: bad DTSTART \"...\"" in err,
 * or 1: kept, with warnings in err, one a line (what cannot be read is
 * left out of the record or written as it was read: an RRULE, a bad or
 * inconsistent end, bad RDATE and EXDATE values; evkit(7)).  err may
 * be NULL.
 */
int	 ev_event_decode(struct ev_ctx *, struct ev_event *,
	    const struct ev_zonemap *, struct ev_err *);

/* Each category of ev, in order: fn(arg, s, n) with s[0..n) one
 * comma-separated piece of a CATEGORIES value, still escaped; the first
 * nonzero fn returns ends the walk and is returned, else 0. */
int	 ev_categories(const struct ev_event *,
	    int (*fn)(void *, const char *, size_t), void *arg);

/* Append field f's decoded text to out (no cache, unlike
 * ev_event_text); 1 when the field is present. */
int	 ev_event_field(struct ev_event *, enum ev_field, struct ev_buf *);

/* Value of parameter pname in a raw params string ("" when none), with
 * DQUOTEs removed, into out; 1 when present, else 0. */
int	 ev_param_get(const char *params, const char *pname, struct ev_buf *out);

/* iCalendar TEXT: unescape (\\, \; \, \n \N) and escape. */
void	 ev_text_unescape(const char *, size_t, struct ev_buf *);
void	 ev_text_escape(const char *, size_t, struct ev_buf *);

/*
 * A DATE or DATE-TIME value ("20161224", "20161224T180000",
 * "20161224T170000Z"), with its zone (NULL: floating unless Z), into t;
 * utc of DATE and floating values in the display zone.  0 or -1.
 */
int	 ev_time_parse(struct ev_ctx *, const char *value, int is_date,
	    const struct ev_zone *zone, struct ev_time *t);
/* "2016-12-24T18:00:00+01:00", "2016-12-24T18:00:00", "2016-12-24" */
void	 ev_time_iso(struct ev_ctx *, const struct ev_time *, struct ev_buf *);

/* ---- lex.c: iCalendar content lines ------------------------------------ */

struct ev_lex {
	int	 fd;
	char	*buf;			/* bytes read and not yet consumed */
	size_t	 off, len, cap;
	int	 eof;
	int	 started;		/* BOM check done */
	unsigned long lineno;		/* physical line of the next line */
	struct ev_buf unf;		/* the unfolded current line */
	/* called before each read(2) that may block (ev_input_onwait) */
	void	(*wait)(void *);
	void	*warg;
	/* decoding: what reaches buf is valid UTF-8 (lex.c decode) */
	int	 cp1252;		/* the rest is read as Windows-1252 */
	int	 multi;			/* a multi-byte UTF-8 character seen */
	int	 lookalike;		/* UTF-8 after the switch: reported */
	char	 pend[16];		/* a character a read cut in two */
	size_t	 npend;
	struct ev_buf tmp;		/* the rest of a read being decoded */
	size_t	 nlpos;			/* buf[nlpos] is on line nlline */
	unsigned long nlline;		/* (0: count from off afresh) */
	struct ev_lexnote *notes;	/* reports not yet handed out */
	size_t	 nnotes, firstnote, capnotes;
	unsigned long lastline;		/* of the last report */
	const char *lastwhat;
	unsigned nbad;			/* lines with bytes replaced */
};

/* What decoding did to a line, for the reader to report. */
struct ev_lexnote {
	unsigned long line;
	const char *what;		/* static text */
};

/*
 * One logical (unfolded) content line.  raw/rawlen are the physical bytes
 * with line ends, line the unfolded text without its line end (writable,
 * NUL-terminated); name is line[0..namelen), params (after ';') starts at
 * line + params and ends at line + value - 1 (params == 0: none), the
 * value starts at line + value.  Valid until the next ev_lex_next.
 * When the line was not folded, line == raw and its NUL is written over
 * raw[len], the first line-end byte ('\r' if rawlen - len == 2, else
 * '\n'): users of raw must put that byte back (ics.c addraw does).
 */
struct ev_line {
	const char *raw;
	size_t	 rawlen;
	char	*line;
	size_t	 len;
	size_t	 namelen;
	size_t	 params;
	size_t	 value;
	unsigned long lineno;
};

void	 ev_lex_init(struct ev_lex *, int fd);
/* Feed the lexer from memory instead of a descriptor (tests, sniffing). */
void	 ev_lex_init_mem(struct ev_lex *, const char *, size_t);
/* 1 a line; 0 end; -1 malformed line (no ':'; skipped, lineno in line);
 * -2 read error (errno). */
int	 ev_lex_next(struct ev_lex *, struct ev_line *);
void	 ev_lex_free(struct ev_lex *);
/* Read until the unconsumed input, buf[off..len), holds its first
 * non-blank line whole, or 64 KiB, or the input ends: enough to sniff
 * the format without waiting for more than a slow producer sent.  0, or
 * -2. */
int	 ev_lex_fill(struct ev_lex *);
/* s[0..n) (a CR before its LF allowed) is END:VEVENT, or END:VCALENDAR
 * when cal, in any case with trailing blanks: a line that is complete
 * at its line end, without looking at the next line for a fold. */
int	 ev_lex_is_end(const char *s, size_t n, int cal);
/* One read(2) more into the buffer (offsets from off stay valid): 0, or
 * -2 (errno).  lex->eof tells the end. */
int	 ev_lex_more(struct ev_lex *);
/* The first decoding report about a line before line upto into *n: 1,
 * or 0 when there is none (upto 0: any line). */
int	 ev_lex_note(struct ev_lex *, unsigned long upto, struct ev_lexnote *n);
/* One physical line with its line end, for the CSV reader (which feeds
 * libcsv line by line to know line numbers): 1, 0 at end, -2 (errno).
 * A line longer than 16 MiB comes in pieces of about that size, all but
 * the last without a line end.  *p stays valid until the next call. */
int	 ev_lex_physline(struct ev_lex *, const char **p, size_t *n);

/* ---- read.c, ics.c, csv.c: the reader ---------------------------------- */

struct ev_csvrd;			/* csv.c */

struct ev_reader {
	struct ev_ctx *ctx;
	const char *name;		/* interned; "<stdin>" for stdin */
	int	 fd;
	int	 ownfd;
	enum ev_format fmt;
	struct ev_err err;
	int	 noraw;			/* events without their raw bytes */
	int	 nofast;		/* tests: never vevent_fast */
	/* reports about what was read (FILE:LINE: ..., NUL after each),
	 * handed out by ev_read before what it read: a kept record
	 * (held), the end, a read error (errno kept in heldno) */
	struct ev_buf warns;
	size_t	 warnat;
	int	 held;			/* 0: none, else rc + 3 */
	int	 heldno;
	/* ICS */
	struct ev_lex lex;
	struct ev_zonemap zones;	/* of the current VCALENDAR */
	struct ev_buf header;		/* raw VCALENDAR header lines, or
					 * the CSV header row */
	struct ev_buf vtz;		/* raw VTIMEZONE blocks */
	size_t	*vtzoff;		/* where zones.tzid[i]'s block starts */
	unsigned long calgen;		/* VCALENDARs begun so far */
	const char *eol;		/* of the first line: "\r\n" or "\n" */
	/* called at the end of each VCALENDAR, before its header and
	 * zones are dropped (ev_input_ondone) */
	void	(*calend)(void *, struct ev_reader *);
	void	*carg;
	int	 incal;
	/* CSV */
	int	 delim;
	struct ev_csvrd *csv;
};

/* Report a bad part of what is being read that was skipped or read
 * the best way ("FILE:LINE: what is wrong, what was done"): ev_read
 * returns -1 with it before returning what it read. */
void	 ev_reader_warn(struct ev_reader *, unsigned long line,
	    const char *fmt, ...) EV_PRINTFLIKE(3, 4);

/* A reader over s[0..n) (copied) in r's own memory, named name, for
 * tests and harnesses; ev_reader_fini frees what it holds, not r. */
void	 ev_reader_init_mem(struct ev_reader *r, struct ev_ctx *,
	    const char *name, const char *s, size_t n, enum ev_format);
void	 ev_reader_fini(struct ev_reader *);

int	 ev_ics_read(struct ev_reader *, struct ev_event *);
int	 ev_csv_open(struct ev_reader *);
int	 ev_csv_read(struct ev_reader *, struct ev_event *);
void	 ev_csv_close(struct ev_reader *);
/* Both formats read their bytes through r->lex: a UTF-8 BOM at the very
 * start is dropped there, bytes are decoded to UTF-8 there (its reports
 * handed out by ev_read), and read.c sniffs the first chunk with
 * ev_lex_fill before choosing. */

/* ---- field.c: the face of a record ---------------------------------- */

/* A field by canonical name, else a raw property by its own name
 * (name[0..len), unescaped); 1 when something was appended. */
int	 ev_fmt_named(struct ev_ctx *, struct ev_event *, const char *name,
	    size_t len, struct ev_buf *);

/* ---- write.c: the writer and its table of formats ---------------------- */

struct ev_writer;

/*
 * An output format: one file (icsout.c, csvout.c, jsonout.c, tmplout.c,
 * textout.c) and one row of write.c's table.  begin makes the format's
 * state (w->st) and writes what comes first; note sees an event before
 * the first write; write appends one event; finish writes what comes
 * last; free frees the state.  Any but write may be NULL.
 */
struct ev_wfmt {
	enum ev_format fmt;
	int	(*begin)(struct ev_writer *);
	void	(*note)(struct ev_writer *, struct ev_event *);
	int	(*write)(struct ev_writer *, struct ev_event *);
	int	(*finish)(struct ev_writer *);
	void	(*free)(struct ev_writer *);
};
extern const struct ev_wfmt ev_wfmt_text, ev_wfmt_ics, ev_wfmt_csv,
	    ev_wfmt_tsv, ev_wfmt_json, ev_wfmt_template;

struct ev_writer {
	struct ev_ctx *ctx;
	FILE	*fp;
	enum ev_format fmt;
	const struct ev_wfmt *f;
	void	*st;			/* the format's own state */
	struct ev_wopts o;
	unsigned long n;		/* events written */
	int	 started;		/* CSV header, ICS first event written */
	struct ev_buf buf;		/* scratch: what the next flush writes */
	struct ev_buf field;		/* scratch for one field */
	int	 clip;			/* ev_writer_clip was called */
	int64_t	 clip_from;
};
/* Write w->buf and empty it: 0, or -1 on a write error. */
int	 ev_writer_flush(struct ev_writer *);

/* ---- icsout.c ---------------------------------------------------------- */

/* The ICS writer's state: zones used and the UTC years they are used
 * in (here for the unit tests). */
struct ev_icsout {
	const struct ev_zone **zused;
	int	*zfrom, *zto;
	size_t	 nzused;
	unsigned char *zdone;		/* its VTIMEZONE is written */
	char	**zname;		/* the TZID written for it: a custom
					 * zone whose name another custom zone
					 * has gets "NAME (2)" */
};
/* Fold an unfolded content line at 75 octets (never inside a UTF-8
 * character) and append it with CRLF. */
void	 ev_ics_fold(const char *line, size_t len, struct ev_buf *out);

/* ---- csvout.c ---------------------------------------------------------- */

/* RFC 4180 quoting of one field when needed. */
void	 ev_csv_quote(const char *, size_t, int delim, struct ev_buf *);

#endif /* EVKIT_PRIV_H */
