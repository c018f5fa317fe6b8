/* read.c - open an input, sniff its format, hand out one event at a time. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evkit_priv.h"

static const char *const formatnames[] = {
	[EV_FMT_AUTO] = "auto",
	[EV_FMT_ICS] = "ics",
	[EV_FMT_CSV] = "csv",
	[EV_FMT_TSV] = "tsv",
	[EV_FMT_JSON] = "json",
	[EV_FMT_TEXT] = "text",
	[EV_FMT_TEMPLATE] = "template",
};

int
ev_format_parse(const char *s, enum ev_format *fmt)
{
	for (size_t i = 0; i < sizeof(formatnames) / sizeof(formatnames[0]); i++)
		if (ev_strcaseeq(s, formatnames[i])) {
			*fmt = (enum ev_format)i;
			return 0;
		}
	if (ev_strcaseeq(s, "ical") || ev_strcaseeq(s, "icalendar")) {
		*fmt = EV_FMT_ICS;
		return 0;
	}
	return -1;
}

const char *
ev_format_name(enum ev_format fmt)
{
	return (unsigned)fmt < sizeof(formatnames) / sizeof(formatnames[0]) ?
	    formatnames[fmt] : "?";
}

#define JUNKMAX	4096	/* BEGIN:VCALENDAR is looked for this far */

/*
 * Where a line BEGIN:VCALENDAR (any case, blanks after it) starts in the
 * first JUNKMAX bytes of p[0..e) that came with the first read, or NULL:
 * something before a feed, such as the header of an HTTP response.
 */
static const char *
calendar_at(const char *p, const char *e, int eof)
{
	const char *l = p, *nl, *q;

	while (l < e && l - p < JUNKMAX) {
		if ((nl = memchr(l, '\n', (size_t)(e - l))) == NULL) {
			if (!eof)
				return NULL;
			nl = e;
		}
		for (q = nl; q > l && (q[-1] == '\r' || q[-1] == ' ' ||
		    q[-1] == '\t'); q--)
			;
		if (q - l == 15 && ev_strncaseeq(l, "BEGIN:VCALENDAR", 15))
			return l;
		l = nl + 1;
	}
	return NULL;
}

static unsigned long
count_lines(const char *p, const char *e)
{
	unsigned long n = 0;

	while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

/*
 * Skip the lines from p to the BEGIN:VCALENDAR at cal, with a report
 * that quotes the first of them.
 */
static void
skip_junk(struct ev_reader *r, const char *p, const char *cal)
{
	struct ev_lex *lex = &r->lex;
	unsigned long first = lex->lineno + count_lines(lex->buf + lex->off, p);
	unsigned long n = count_lines(p, cal);
	const char *nl = memchr(p, '\n', (size_t)(cal - p));
	struct ev_buf b = {0};

	if (nl > p && nl[-1] == '\r')
		nl--;
	ev_buf_addc(&b, '"');
	ev_buf_addshow(&b, p, (size_t)(nl - p), 60);
	ev_buf_addc(&b, '"');
	if (n > 1)
		ev_buf_printf(&b, " and %lu more line%s", n - 1,
		    n > 2 ? "s" : "");
	ev_reader_warn(r, first, "%s before BEGIN:VCALENDAR: skipped", b.p);
	ev_buf_free(&b);
	lex->lineno += count_lines(lex->buf + lex->off, cal);
	lex->off = (size_t)(cal - lex->buf);
}

/*
 * iCalendar starts with BEGIN: (after the BOM the lexer drops), or has a
 * line BEGIN:VCALENDAR after a few others, which are skipped.  A header
 * row with tabs and no quotes is TSV as -o tsv writes it (backslash
 * escapes, no quoting); anything else is CSV, its delimiter detected.
 */
static enum ev_format
sniff(struct ev_reader *r)
{
	struct ev_lex *lex = &r->lex;
	const char *p = lex->buf + lex->off, *e = lex->buf + lex->len, *nl;

	while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	if (p == e || (e - p >= 6 && ev_strncaseeq(p, "BEGIN:", 6)))
		return EV_FMT_ICS;
	if ((nl = calendar_at(p, e, lex->eof)) != NULL) {
		skip_junk(r, p, nl);
		return EV_FMT_ICS;
	}
	if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
		nl = e;
	if (memchr(p, '\t', (size_t)(nl - p)) != NULL &&
	    memchr(p, '"', (size_t)(nl - p)) == NULL)
		return EV_FMT_TSV;
	return EV_FMT_CSV;
}

struct ev_reader *
ev_reader_open(struct ev_ctx *ctx, const char *path, enum ev_format fmt,
    int delim)
{
	struct ev_reader *r;
	int fd, own = 0;

	if (path == NULL || strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
		path = "<stdin>";
	} else {
		if ((fd = open(path, O_RDONLY)) < 0)
			return NULL;
		own = 1;
	}
	r = ev_ecalloc(1, sizeof(*r));
	r->ctx = ctx;
	r->name = ev_ctx_intern(ctx, path);
	r->fd = fd;
	r->ownfd = own;
	r->delim = delim;
	ev_lex_init(&r->lex, fd);
	if (fmt != EV_FMT_ICS && fmt != EV_FMT_CSV && fmt != EV_FMT_TSV) {
		if (ev_lex_fill(&r->lex) < 0) {
			int saved = errno;

			ev_reader_close(r);
			errno = saved;
			return NULL;
		}
		fmt = sniff(r);
	}
	r->fmt = fmt;
	/* a broken CSV header is reported by the first ev_read */
	if (fmt == EV_FMT_CSV || fmt == EV_FMT_TSV)
		(void)ev_csv_open(r);
	return r;
}

static void decoded(struct ev_reader *, unsigned long);
static void queue(struct ev_reader *, const char *);

static void
queue_at(struct ev_reader *r, unsigned long line, const char *msg)
{
	struct ev_err e;

	ev_err_set(&e, r->name, line, "%s", msg);
	queue(r, e.msg);
}

/* After what decoding reported about the lines up to line: in order. */
void
ev_reader_warn(struct ev_reader *r, unsigned long line, const char *fmt, ...)
{
	struct ev_err e;
	char msg[sizeof(e.msg)];
	va_list ap;

	decoded(r, line + 1);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	queue_at(r, line, msg);
}

/* Queue the reports in msg, one a line (a record's decoding can make
 * several). */
static void
queue(struct ev_reader *r, const char *msg)
{
	for (const char *p = msg; *p != '\0';) {
		size_t n = strcspn(p, "\n");

		ev_buf_add(&r->warns, p, n);
		ev_buf_addc(&r->warns, '\0');
		p += n + (p[n] == '\n');
	}
}

/* The next queued report into r->err: -1. */
static int
next_warning(struct ev_reader *r)
{
	const char *m = r->warns.p + r->warnat;
	size_t n = strlen(m);

	memcpy(r->err.msg, m, n + 1 < sizeof(r->err.msg) ? n + 1 :
	    sizeof(r->err.msg));
	r->err.msg[sizeof(r->err.msg) - 1] = '\0';
	r->warnat += n + 1;
	if (r->warnat >= r->warns.len) {
		ev_buf_clear(&r->warns);
		r->warnat = 0;
	}
	return -1;
}

/* Queue what decoding the bytes before line upto did (0: all). */
static void
decoded(struct ev_reader *r, unsigned long upto)
{
	struct ev_lexnote n;

	while (ev_lex_note(&r->lex, upto, &n))
		queue_at(r, n.line, n.what);
}

/*
 * Reports about a record come first, one -1 each, then the record
 * itself (left in ev, untouched: the caller passes the same ev again).
 * A reader returning 1 with a message in r->err kept the record with
 * that warning (ev_event_decode's).
 */
int
ev_read(struct ev_reader *r, struct ev_event *ev)
{
	int rc;

	if (r->warns.len > 0)
		return next_warning(r);
	if (r->held != 0) {
		rc = r->held - 3;
		r->held = 0;
		errno = r->heldno;
		return rc;
	}
	ev_event_reset(ev);
	r->err.msg[0] = '\0';
	if (r->fmt == EV_FMT_CSV || r->fmt == EV_FMT_TSV)
		rc = ev_csv_read(r, ev);
	else
		rc = ev_ics_read(r, ev);
	decoded(r, rc == 1 || rc == -1 ? r->lex.lineno : 0);
	if (rc == 1 && r->err.msg[0] != '\0')
		queue(r, r->err.msg);
	if (r->warns.len == 0 && (rc != -1 || !strchr(r->err.msg, '\n')))
		return rc;
	if (rc == -1)		/* the bad record's message comes last */
		queue(r, r->err.msg);
	else {
		r->held = rc + 3;
		r->heldno = errno;
	}
	return next_warning(r);
}

const char *
ev_reader_error(const struct ev_reader *r)
{
	return r->err.msg;
}

const char *
ev_reader_name(const struct ev_reader *r)
{
	return r->name;
}

enum ev_format
ev_reader_format(const struct ev_reader *r)
{
	return r->fmt;
}

void
ev_reader_init_mem(struct ev_reader *r, struct ev_ctx *ctx, const char *name,
    const char *s, size_t n, enum ev_format fmt)
{
	memset(r, 0, sizeof(*r));
	r->ctx = ctx;
	r->name = name;
	r->fd = -1;
	r->fmt = fmt;
	ev_lex_init_mem(&r->lex, s, n);
	if (fmt == EV_FMT_CSV || fmt == EV_FMT_TSV)
		(void)ev_csv_open(r);
}

void
ev_reader_fini(struct ev_reader *r)
{
	if (r->csv != NULL)
		ev_csv_close(r);
	ev_lex_free(&r->lex);
	ev_zonemap_clear(&r->zones);
	free(r->vtzoff);
	r->vtzoff = NULL;
	ev_buf_free(&r->header);
	ev_buf_free(&r->vtz);
	ev_buf_free(&r->warns);
	r->warnat = 0;
	r->held = 0;
	if (r->ownfd)
		close(r->fd);
	r->ownfd = 0;
}

void
ev_reader_close(struct ev_reader *r)
{
	if (r == NULL)
		return;
	ev_reader_fini(r);
	free(r);
}

/* ---- the shared input loop ------------------------------------------------ */

struct ev_input {
	struct ev_ctx *ctx;
	char	**files;
	int	 nfiles;
	int	 next;		/* index of the next file to open */
	enum ev_format fmt;
	int	 delim;
	struct ev_reader *r;
	struct ev_err err;
	int	 noraw;
	void	(*wait)(void *);
	void	*warg;
	void	(*done)(void *, struct ev_reader *);
	void	*darg;
};

static char *stdin_only[] = {"-"};

struct ev_input *
ev_input_new(struct ev_ctx *ctx, char **files, int nfiles, enum ev_format fmt,
    int delim)
{
	struct ev_input *in = ev_ecalloc(1, sizeof(*in));

	in->ctx = ctx;
	in->files = nfiles > 0 ? files : stdin_only;
	in->nfiles = nfiles > 0 ? nfiles : 1;
	in->fmt = fmt;
	in->delim = delim;
	return in;
}

int
ev_input_next(struct ev_input *in, struct ev_event *ev)
{
	const char *name;
	int rc;

	for (;;) {
		if (in->r == NULL) {
			if (in->next >= in->nfiles)
				return 0;
			name = in->files[in->next++];
			in->r = ev_reader_open(in->ctx, name, in->fmt, in->delim);
			if (in->r == NULL) {
				ev_err_set(&in->err, NULL, 0, "%s: %s",
				    strcmp(name, "-") == 0 ? "<stdin>" : name,
				    strerror(errno));
				return -2;
			}
			in->r->noraw = in->noraw;
			in->r->lex.wait = in->wait;
			in->r->lex.warg = in->warg;
			in->r->calend = in->done;
			in->r->carg = in->darg;
		}
		rc = ev_read(in->r, ev);
		if (rc == 1)
			return 1;
		if (rc == -1) {
			memcpy(&in->err, &in->r->err, sizeof(in->err));
			return -1;
		}
		if (rc == -2)
			ev_err_set(&in->err, NULL, 0, "%s: %s", in->r->name,
			    strerror(errno));
		if (in->done != NULL)
			in->done(in->darg, in->r);
		ev_reader_close(in->r);
		in->r = NULL;
		if (rc == -2)
			return -2;
	}
}

void
ev_input_noraw(struct ev_input *in)
{
	in->noraw = 1;
}

void
ev_input_onwait(struct ev_input *in, void (*fn)(void *), void *arg)
{
	in->wait = fn;
	in->warg = arg;
}

void
ev_input_ondone(struct ev_input *in, void (*fn)(void *, struct ev_reader *),
    void *arg)
{
	in->done = fn;
	in->darg = arg;
}

const char *
ev_input_error(const struct ev_input *in)
{
	return in->err.msg;
}

struct ev_reader *
ev_input_reader(const struct ev_input *in)
{
	return in->r;
}

void
ev_input_free(struct ev_input *in)
{
	if (in == NULL)
		return;
	ev_reader_close(in->r);
	free(in);
}
