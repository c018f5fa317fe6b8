/*
 * pass.c - write selected records byte for byte, as they were read.
 *
 * The output has the format of the first input.  iCalendar: one
 * VCALENDAR with the first calendar's header lines, the VEVENTs as they
 * came (folding, X- properties, VALARMs), and the VTIMEZONE of each TZID
 * they use, written just before the first event that needs it (or, when
 * the VTIMEZONE comes later in the input, when it is read).  CSV and TSV:
 * the first file's header row and the rows as they came, so columns and
 * delimiter stay.  Nothing is kept but the header and the TZIDs written.
 */
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"

struct ev_pass {
	FILE	*fp;
	enum ev_format fmt;		/* EV_FMT_AUTO until the first input */
	struct ev_buf header;		/* ICS header lines or CSV header row */
	int	 have_header;
	int	 begun;			/* the header is written */
	const char *eol;		/* of the first input */
	char	**done;			/* TZIDs whose VTIMEZONE is written */
	const struct ev_zone **dzone;	/* ... and the zone it defines */
	size_t	 ndone;
	const struct ev_zone **seen;	/* zones compared with the first */
	size_t	 nseen;
	char	**pending;		/* TZIDs used, VTIMEZONE not seen yet */
	size_t	 npending;
	const struct ev_reader *bad;	/* the input of another format */
	const char *badname;		/* and its name: a reader opened later
					 * may get the closed one's address */
	struct ev_buf tmp;
	int	 werr;
};

struct ev_pass *
ev_pass_new(FILE *fp)
{
	struct ev_pass *p = ev_ecalloc(1, sizeof(*p));

	p->fp = fp;
	p->eol = "\r\n";
	return p;
}

static int
csvlike(enum ev_format f)
{
	return f == EV_FMT_CSV || f == EV_FMT_TSV;
}

static void
put(struct ev_pass *p, const char *s, size_t n)
{
	if (n > 0 && fwrite(s, 1, n, p->fp) != n)
		p->werr = 1;
}

/* Bytes that must end with a line end (a last line at end of file may
 * have none). */
static void
putlines(struct ev_pass *p, const char *s, size_t n)
{
	put(p, s, n);
	if (n > 0 && s[n - 1] != '\n')
		put(p, p->eol, strlen(p->eol));
}

static int
listed(char **v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

static void
push(char ***v, size_t *n, const char *s)
{
	*v = ev_ereallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = ev_estrdup(s);
}

/* A header line NAME:... present in the header's bytes. */
static int
header_has(const struct ev_buf *h, const char *name)
{
	size_t n = strlen(name);

	for (const char *l = h->p; l != NULL && *l;) {
		const char *nl = strchr(l, '\n');

		if (ev_strncaseeq(l, name, n) && (l[n] == ':' || l[n] == ';'))
			return 1;
		l = nl ? nl + 1 : NULL;
	}
	return 0;
}

/* The first input decides the format, the header and the line ends. */
static void
take_header(struct ev_pass *p, const struct ev_reader *r)
{
	const char *nl;

	if (p->have_header)
		return;
	p->fmt = r->fmt;
	ev_buf_clear(&p->header);
	ev_buf_add(&p->header, r->header.p ? r->header.p : "", r->header.len);
	if ((nl = memchr(p->header.p, '\n', p->header.len)) != NULL)
		p->eol = nl > p->header.p && nl[-1] == '\r' ? "\r\n" : "\n";
	else if (r->eol != NULL)
		p->eol = r->eol;	/* bare VEVENTs: as their lines */
	p->have_header = 1;
}

static void
begin(struct ev_pass *p)
{
	if (p->begun || !p->have_header)
		return;
	p->begun = 1;
	if (csvlike(p->fmt)) {
		putlines(p, p->header.p, p->header.len);
		return;
	}
	ev_buf_clear(&p->tmp);
	ev_buf_printf(&p->tmp, "BEGIN:VCALENDAR%s", p->eol);
	/* a chunk of bare VEVENTs has no header: make the calendar valid */
	if (!header_has(&p->header, "VERSION"))
		ev_buf_printf(&p->tmp, "VERSION:2.0%s", p->eol);
	if (!header_has(&p->header, "PRODID"))
		ev_buf_printf(&p->tmp, "PRODID:-//evkit//ev-filter %s//EN%s",
		    EV_VERSION, p->eol);
	put(p, p->tmp.p, p->tmp.len);
	putlines(p, p->header.p, p->header.len);
}

/* The VTIMEZONE block of tzid in r's current calendar, when read. */
static int
vtz_block(const struct ev_reader *r, const char *tzid, const char **s,
    size_t *n)
{
	for (size_t i = 0; i < r->zones.n; i++) {
		if (strcmp(r->zones.tzid[i], tzid) != 0)
			continue;
		*s = r->vtz.p + r->vtzoff[i];
		*n = (i + 1 < r->zones.n ? r->vtzoff[i + 1] : r->vtz.len) -
		    r->vtzoff[i];
		return 1;
	}
	return 0;
}

/* The zone r's calendar defines as tzid, or NULL. */
static const struct ev_zone *
vtz_zone(const struct ev_reader *r, const char *tzid)
{
	for (size_t i = 0; i < r->zones.n; i++)
		if (strcmp(r->zones.tzid[i], tzid) == 0)
			return r->zones.zone[i];
	return NULL;
}

static long
done_index(const struct ev_pass *p, const char *tzid)
{
	for (size_t i = 0; i < p->ndone; i++)
		if (strcmp(p->done[i], tzid) == 0)
			return (long)i;
	return -1;
}

/* Write the VTIMEZONE of tzid if r has it; 1 when written (or done). */
static int
write_vtz(struct ev_pass *p, const struct ev_reader *r, const char *tzid)
{
	const char *s;
	size_t n;

	if (done_index(p, tzid) >= 0)
		return 1;
	if (!vtz_block(r, tzid, &s, &n))
		return 0;
	begin(p);
	putlines(p, s, n);
	push(&p->done, &p->ndone, tzid);
	p->dzone = ev_ereallocarray(p->dzone, p->ndone, sizeof(*p->dzone));
	p->dzone[p->ndone - 1] = vtz_zone(r, tzid);
	return 1;
}

/* Two zones with the same offsets every hour from 1970 to 2040. */
static int
same_offsets(const struct ev_zone *a, const struct ev_zone *b)
{
	const int64_t from = 0, to = INT64_C(2208988800);	/* 2040 */

	for (int64_t t = from; t < to; t += 3600)
		if (ev_zone_offset(a, t) != ev_zone_offset(b, t))
			return 0;
	return 1;
}

/*
 * A custom TZID that an earlier calendar defined otherwise: the events
 * are written byte for byte, so they get the first definition.  1 (and
 * a message, once per zone) when that changes their times.
 */
static int
clash(struct ev_pass *p, const struct ev_reader *r, const char *tzid,
    const struct ev_event *ev, struct ev_err *err)
{
	const struct ev_zone *z = vtz_zone(r, tzid), *first;
	long k = done_index(p, tzid);

	if (z == NULL || k < 0 || (first = p->dzone[k]) == NULL || z == first)
		return 0;
	/* an IANA or Windows name means its zone, whatever the block says */
	if (ev_zone_get(r->ctx, tzid) != NULL)
		return 0;
	for (size_t i = 0; i < p->nseen; i++)
		if (p->seen[i] == z)
			return 0;
	p->seen = ev_ereallocarray(p->seen, p->nseen + 1, sizeof(*p->seen));
	p->seen[p->nseen++] = z;
	if (same_offsets(z, first))
		return 0;
	ev_err_set(err, ev->file, ev->line, "TZID \"%.64s\" is defined "
	    "otherwise than in an earlier input; its events keep the first "
	    "definition", tzid);
	return 1;
}

/* Pending TZIDs whose VTIMEZONE r has read since. */
static void
resolve_pending(struct ev_pass *p, const struct ev_reader *r)
{
	size_t j = 0;

	for (size_t i = 0; i < p->npending; i++) {
		if (write_vtz(p, r, p->pending[i]))
			free(p->pending[i]);
		else
			p->pending[j++] = p->pending[i];
	}
	p->npending = j;
}

/* 0, or -1 when r's format cannot join the output (message in err). */
static int
accept_reader(struct ev_pass *p, const struct ev_reader *r, struct ev_err *err)
{
	if (r == p->bad && r->name == p->badname)
		return -3;	/* reported already */
	if (!p->have_header) {
		if (r->fmt != EV_FMT_ICS && r->header.len == 0)
			return 0;	/* a CSV header not read yet */
		take_header(p, r);
		return 0;
	}
	if (csvlike(p->fmt) != csvlike(r->fmt)) {
		ev_err_set(err, NULL, 0, "%s: %s input, but the output is %s "
		    "(as the first input); convert it with ev-list", r->name,
		    csvlike(r->fmt) ? "CSV" : "iCalendar",
		    csvlike(p->fmt) ? "CSV" : "iCalendar");
		p->bad = r;
		p->badname = r->name;
		return -1;
	}
	if (csvlike(p->fmt) && (r->header.len != p->header.len ||
	    memcmp(r->header.p, p->header.p, p->header.len) != 0)) {
		ev_err_set(err, NULL, 0, "%s: its header row differs from the "
		    "first input's; filter it on its own", r->name);
		p->bad = r;
		p->badname = r->name;
		return -1;
	}
	return 0;
}

int
ev_pass_write(struct ev_pass *p, const struct ev_reader *r,
    struct ev_event *ev, struct ev_err *err)
{
	const char *nl;
	int rc;

	if ((rc = accept_reader(p, r, err)) < 0)
		return rc == -3 ? -3 : -2;
	if (!p->have_header)
		take_header(p, r);
	/* bare VEVENTs: the calendar's lines end as the first event's */
	if (!p->begun && memchr(p->header.p, '\n', p->header.len) == NULL &&
	    (nl = memchr(ev->raw.p, '\n', ev->raw.len)) != NULL)
		p->eol = nl > ev->raw.p && nl[-1] == '\r' ? "\r\n" : "\n";
	begin(p);
	rc = 0;
	if (!csvlike(p->fmt)) {
		if (p->npending > 0)
			resolve_pending(p, r);
		for (size_t i = 0; i < ev->nprops; i++) {
			if (strchr(EV_PPARAMS(ev, i), '=') == NULL ||
			    !ev_param_get(EV_PPARAMS(ev, i), "TZID", &p->tmp))
				continue;
			if (clash(p, r, p->tmp.p, ev, err))
				rc = 1;
			if (!write_vtz(p, r, p->tmp.p) &&
			    !listed(p->pending, p->npending, p->tmp.p))
				push(&p->pending, &p->npending, p->tmp.p);
		}
	}
	putlines(p, ev->raw.p, ev->raw.len);
	return p->werr ? -1 : rc;
}

int
ev_pass_sync(struct ev_pass *p, const struct ev_reader *r, struct ev_err *err)
{
	int rc;

	if ((rc = accept_reader(p, r, err)) < 0)
		return rc == -3 ? 0 : -2;
	if (!p->have_header && (r->fmt == EV_FMT_ICS || r->header.len > 0))
		take_header(p, r);
	if (!csvlike(p->fmt) && p->npending > 0)
		resolve_pending(p, r);
	return p->werr ? -1 : 0;
}

int
ev_pass_finish(struct ev_pass *p)
{
	begin(p);
	if (p->begun && !csvlike(p->fmt)) {
		put(p, "END:VCALENDAR", 13);
		put(p, p->eol, strlen(p->eol));
	}
	if (fflush(p->fp) != 0)
		p->werr = 1;
	return p->werr ? -1 : 0;
}

void
ev_pass_free(struct ev_pass *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->ndone; i++)
		free(p->done[i]);
	for (size_t i = 0; i < p->npending; i++)
		free(p->pending[i]);
	free(p->done);
	free(p->dzone);
	free(p->seen);
	free(p->pending);
	ev_buf_free(&p->header);
	ev_buf_free(&p->tmp);
	free(p);
}
