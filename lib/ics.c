/*
 * ics.c - VEVENT records and VTIMEZONEs from a stream of content lines.
 *
 * One VEVENT at a time: its lines become props of the caller's event as
 * they come, nothing else of the file is kept but the current VCALENDAR's
 * header lines, its VTIMEZONEs and their zones.  Concatenated calendars
 * and bare VEVENTs (chunks of a split file) read the same way.  Bad input
 * is normal input: a bad record is reported with FILE:LINE and skipped,
 * and reading goes on with the next one.  A bad content line inside a
 * VEVENT or VTIMEZONE is not a bad record: it is reported and skipped
 * (left out of the raw bytes too), and the rest is read.
 */
#include <stdio.h>
#include <string.h>

#include "evkit_priv.h"

#define MAXREC	(16UL * 1024 * 1024)	/* longer records are skipped */

/* States of r->incal, a bit set. */
enum {
	CAL_IN = 1,	/* inside BEGIN:VCALENDAR */
	CAL_BODY = 2,	/* a component was seen: the header is complete */
	CAL_JUNK = 4,	/* in a run of garbage lines already reported */
	CAL_ITIP = 8	/* METHOD other than PUBLISH: an iTIP message */
};

/* The line's name is name (any case). */
static int
is(const struct ev_line *l, const char *name)
{
	size_t n = strlen(name);

	return l->namelen == n && ev_strncaseeq(l->line, name, n);
}

/* The line's value is s (any case; trailing blanks forgiven). */
static int
val(const struct ev_line *l, const char *s)
{
	const char *v = l->line + l->value;
	size_t n = strlen(s), vlen = l->len - l->value;

	while (vlen > n && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
		vlen--;
	return vlen == n && ev_strncaseeq(v, s, n);
}

/* Lines that no component can hold: they end whatever is open. */
static int
stops(const struct ev_line *l)
{
	if (is(l, "BEGIN"))
		return val(l, "VEVENT") || val(l, "VCALENDAR");
	return is(l, "END") && val(l, "VCALENDAR");
}

/*
 * Append the line's bytes as read.  An unfolded line is handed out in
 * the read buffer with a NUL over its first line-end byte; put it back.
 */
static void
addraw(struct ev_buf *b, const struct ev_line *l)
{
	size_t eol;

	if (l->line != l->raw) {
		ev_buf_add(b, l->raw, l->rawlen);
		return;
	}
	eol = l->rawlen - l->len;
	ev_buf_add(b, l->raw, l->len);
	ev_buf_add(b, &"\r\n"[2 - eol], eol);
}

/*
 * Give the line back to the lexer, so that the next ev_lex_next returns
 * it again: it is still in the read buffer, just before lex->off.
 */
static void
unread(struct ev_lex *lex, const struct ev_line *l)
{
	size_t at = (size_t)(l->raw - lex->buf);

	if (l->line == l->raw && l->len < l->rawlen)
		lex->buf[at + l->len] = l->rawlen - l->len == 2 ? '\r' : '\n';
	lex->off = at;
	lex->lineno = l->lineno;
}

static void
addprop(struct ev_event *ev, const struct ev_line *l, unsigned depth)
{
	size_t plen = l->params ? l->value - 1 - l->params : 0;

	ev_event_addpropn(ev, l->line, l->namelen, l->line + l->params, plen,
	    l->line + l->value, l->len - l->value, depth, 0, l->lineno);
}

/* The value of the BEGIN that opened the component at depth, or "". */
static const char *
opened(const struct ev_event *ev, unsigned depth)
{
	for (size_t i = ev->nprops; i-- > 0;)
		if (ev->props[i].depth == depth &&
		    ev_strcaseeq(EV_PNAME(ev, i), "BEGIN"))
			return EV_PVALUE(ev, i);
	return "";
}

/* Why a line the lexer rejected is bad, quoting its start (at most 60
 * bytes, cut at a character; bytes that are not UTF-8 shown as '?'). */
static const char *
badline(const struct ev_line *l)
{
	static char msg[128];
	size_t n = l->len, i;
	int valid;

	if (l->raw == NULL)
		return "content line longer than 16 MiB";
	if (n > 60)
		n = ev_utf8_cut(l->line, 57);
	valid = ev_utf8_valid(l->line, n);
	memcpy(msg, "bad content line \"", 18);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)l->line[i];

		msg[18 + i] = c < 0x20 || c == 0x7f || (c >= 0x80 && !valid) ?
		    '?' : (char)c;
	}
	snprintf(msg + 18 + n, sizeof(msg) - 18 - n, "%s\"",
	    n < l->len ? "..." : "");
	return msg;
}

/*
 * An END inside the VEVENT: closes a nested component (0), the VEVENT
 * (1), or is bad (-1, message set).
 */
static int
vevent_end(struct ev_reader *r, struct ev_event *ev, const struct ev_line *l,
    unsigned *depth)
{
	const char *v = l->line + l->value, *o;

	if (*depth == 0) {
		if (val(l, "VEVENT"))
			return 1;
		ev_err_set(&r->err, r->name, l->lineno,
		    "END:%.64s without BEGIN:%.64s", v, v);
		return -1;
	}
	o = opened(ev, *depth);
	if (!val(l, o)) {
		ev_err_set(&r->err, r->name, l->lineno,
		    "END:%.64s where BEGIN:%.64s is open", v, o);
		return -1;
	}
	addprop(ev, l, (*depth)--);
	return 0;
}

/*
 * One line inside the VEVENT, stored: 1 at its END, 0 to go on, -1 when
 * it made the record bad (message set).
 */
static int
vevent_line(struct ev_reader *r, struct ev_event *ev, const struct ev_line *l,
    unsigned *depth)
{
	int rc = 0;

	if (ev->raw.len + ev->text.len + l->rawlen > MAXREC) {
		ev_err_set(&r->err, r->name, ev->line,
		    "VEVENT longer than 16 MiB");
		return -1;
	}
	/* no UTF-8 check: lex.c decodes, every line is valid UTF-8 */
	if (is(l, "BEGIN"))
		addprop(ev, l, ++*depth);
	else if (is(l, "END"))
		rc = vevent_end(r, ev, l, depth);
	else
		addprop(ev, l, *depth);
	if (rc >= 0 && !r->noraw)
		addraw(&ev->raw, l);
	return rc;
}


/* ---- the common case, fast ------------------------------------------------ */

/* The bytes of a name as lex.c takes them: A-Z a-z 0-9 - _ . (a table:
 * every name of every line passes here) */
static const unsigned char namechar[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	/* 0x80-0xff: none */
};
#define ISNAME(c) (namechar[(unsigned char)(c)] != 0)

/* Where the value of the content line s[0..n) starts, as lex.c's split
 * finds it; 0 when the line is malformed.  *nlen and *params (0: none)
 * as in struct ev_line. */
static size_t
split_fast(const char *s, size_t n, size_t *nlen, size_t *params)
{
	const char *colon;
	size_t i = 0;
	int quoted = 0;

	while (i < n && ISNAME(s[i]))
		i++;
	if (i == 0 || i == n || (s[i] != ':' && s[i] != ';'))
		return 0;
	*nlen = i;
	*params = 0;
	if (s[i] == ':')
		return i + 1;
	*params = ++i;
	/* parameters without quotes end at the first ':' */
	if ((colon = memchr(s + i, ':', n - i)) == NULL)
		return 0;
	if (memchr(s + i, '"', (size_t)(colon - (s + i))) == NULL)
		return (size_t)(colon - s) + 1;
	for (; i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (s[i] == ':' && !quoted)
			return i + 1;
	}
	return 0;
}

/* One logical line s[0..n), unfolded, as a property; 1 END:VEVENT, 0 a
 * property, -1 not for the fast path. */
static int
fast_line(struct ev_event *ev, const char *s, size_t n, unsigned long lineno)
{
	size_t nlen, params, value;

	if ((value = split_fast(s, n, &nlen, &params)) == 0)
		return -1;
	if ((nlen == 3 && ev_strncaseeq(s, "END", 3)) ||
	    (nlen == 5 && ev_strncaseeq(s, "BEGIN", 5))) {
		const char *v = s + value;
		size_t vlen = n - value;

		while (vlen > 6 && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
			vlen--;
		return nlen == 3 && params == 0 && vlen == 6 &&
		    ev_strncaseeq(v, "VEVENT", 6) ? 1 : -1;
	}
	ev_event_addpropn(ev, s, nlen, s + params, params ? value - 1 - params :
	    0, s + value, n - value, 0, 0, lineno);
	return 0;
}

/*
 * A VEVENT without nested components, empty lines or anything to report,
 * read from the lexer's buffer in one pass: the same props and raw bytes
 * as the general path below makes, without its per-line overhead.  1 when
 * read; 0 when the general path must read it (nothing consumed); -2.
 */
static int
vevent_fast(struct ev_reader *r, struct ev_event *ev)
{
	struct ev_lex *lex = &r->lex;
	struct ev_buf *u = &lex->unf;
	size_t rel = 0, ls = 0, firstn = 0, nphys = 0;
	size_t start_text = ev->text.len;
	unsigned long lstart = 0;
	int inline_ = 0, folded = 0, rc;

	for (;;) {
		const char *b = lex->buf + lex->off, *nl;
		size_t end, n;
		int atend = 0;

		nl = memchr(b + rel, '\n', lex->len - lex->off - rel);
		if (nl == NULL) {
			if (!lex->eof && rel <= MAXREC / 2) {
				if (ev_lex_more(lex) < 0)
					return -2;
				continue;
			}
			if (!lex->eof || rel != lex->len - lex->off)
				goto slow;
			atend = 1;	/* the input ends after a line end */
		}
		if (!atend && (b[rel] == ' ' || b[rel] == '\t')) {
			/* a continuation: copy the logical line so far once */
			if (!inline_)
				goto slow;
			if (!folded) {
				ev_buf_clear(u);
				ev_buf_add(u, b + ls, firstn);
				folded = 1;
			}
			end = (size_t)(nl - b) + 1;
			n = end - 1 - rel;
			if (n > 0 && b[end - 2] == '\r')
				n--;
			ev_buf_add(u, b + rel + 1, n - 1);
			nphys++;
			rel = end;
			continue;
		}
		/* a logical line begins: the previous one is complete */
		if (inline_) {
			rc = folded ? fast_line(ev, u->p, u->len, lstart) :
			    fast_line(ev, b + ls, firstn, lstart);
			if (rc < 0)
				goto slow;
			if (rc == 1)
				break;
		}
		if (atend)
			goto slow;	/* no END:VEVENT */
		end = (size_t)(nl - b) + 1;
		n = end - 1 - rel;
		if (n > 0 && b[end - 2] == '\r')
			n--;
		if (n == 0 || rel > MAXREC / 2)
			goto slow;	/* an empty line; a huge record */
		if ((b[rel] == 'E' || b[rel] == 'e') &&
		    ev_lex_is_end(b + rel, end - 1 - rel, 0)) {
			/* complete at its line end, as lex.c sees it */
			ls = rel;
			nphys++;
			rel = end;
			break;
		}
		inline_ = 1;
		folded = 0;
		ls = rel;
		firstn = n;
		lstart = lex->lineno + nphys;
		nphys++;
		rel = end;
	}
	/* the END:VEVENT line began at ls; rel is at the next line */
	if (!r->noraw)
		ev_buf_add(&ev->raw, lex->buf + lex->off, rel);
	lex->off += rel;
	lex->lineno += nphys;
	return 1;
slow:
	/* undo: the general path reads the record again */
	ev->text.len = start_text;
	ev->text.p[start_text] = '\0';
	ev->nprops = 0;
	return 0;
}

/*
 * Decode the VEVENT just read: 1, or -1 (message set); 0 when it has no
 * DTSTART in an iTIP message other than PUBLISH, where RFC 5546 lets a
 * CANCEL, REPLY or REFRESH leave it out: not an event to list, skipped
 * without a word.
 */
static int
decode(struct ev_reader *r, struct ev_event *ev)
{
	if ((r->incal & CAL_ITIP) && ev_event_find(ev, "DTSTART") < 0) {
		ev_event_reset(ev);
		return 0;
	}
	return ev_event_decode(r->ctx, ev, &r->zones, &r->err) >= 0 ? 1 : -1;
}

/*
 * Read the VEVENT whose BEGIN is b.  A malformed line is skipped with a
 * warning; after a line that makes the record bad the rest up to
 * END:VEVENT is skipped; a line no VEVENT can hold (BEGIN:VEVENT,
 * BEGIN:VCALENDAR, END:VCALENDAR) means it was not closed, and is left
 * for the next call.
 */
static int
vevent(struct ev_reader *r, struct ev_event *ev, const struct ev_line *b)
{
	struct ev_line l;
	unsigned depth = 0;
	int rc = 0, bad = 0;

	ev->file = r->name;
	ev->line = b->lineno;
	ev->src = EV_FMT_ICS;
	if (!r->noraw)
		addraw(&ev->raw, b);
	if (!r->nofast && (rc = vevent_fast(r, ev)) == 1)
		return decode(r, ev);
	if (rc == -2)
		return -2;
	for (;;) {
		if ((rc = ev_lex_next(&r->lex, &l)) == -2)
			return -2;
		if (rc == 0 || (rc == 1 && stops(&l))) {
			if (rc == 1)
				unread(&r->lex, &l);
			if (!bad && rc == 0)
				ev_err_set(&r->err, r->name, ev->line,
				    "VEVENT not closed");
			else if (!bad)
				ev_err_set(&r->err, r->name, ev->line,
				    "VEVENT not closed before line %lu",
				    l.lineno);
			return -1;
		}
		if (bad) {
			if (rc == 1 && is(&l, "END") && val(&l, "VEVENT"))
				return -1;
			continue;
		}
		if (rc == -1) {		/* a bad property: not a bad record */
			ev_reader_warn(r, l.lineno, "%s: skipped",
			    badline(&l));
			continue;
		}
		if ((rc = vevent_line(r, ev, &l, &depth)) < 0) {
			if (is(&l, "END") && val(&l, "VEVENT"))
				return -1;
			bad = 1;
		} else if (rc == 1)
			return decode(r, ev);
	}
}

/* A TZID this VCALENDAR has defined already. */
static int
known_tzid(const struct ev_zonemap *m, const char *tzid)
{
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->tzid[i], tzid) == 0)
			return 1;
	return 0;
}

/*
 * Turn the VTIMEZONE's text into a zone under its TZID.  A TZID defined
 * twice in one VCALENDAR keeps its first definition and block: some
 * exporters repeat the VTIMEZONE before every VEVENT, and r->vtz must
 * not grow with them.  0, or -1 with a message.
 */
static int
vtz_add(struct ev_reader *r, unsigned long line, const struct ev_buf *text,
    const struct ev_buf *tzid, size_t rawstart)
{
	const struct ev_zone *z;
	struct ev_err zerr = {{0}};

	if (known_tzid(&r->zones, tzid->p)) {
		r->vtz.len = rawstart;
		r->vtz.p[rawstart] = '\0';
		return 0;
	}
	/* Exchange writes TZID: and TZID= for UTC: that is what it means */
	if (tzid->len == 0 && ev_vtimezone_utc(text->p, text->len)) {
		z = ev_zone_utc(r->ctx);
		goto add;
	}
	if (tzid->len == 0) {
		ev_err_set(&r->err, r->name, line, "VTIMEZONE without TZID");
		return -1;
	}
	if ((z = ev_zone_from_vtimezone(r->ctx, text->p, text->len,
	    &zerr)) == NULL) {
		if (zerr.msg[0] == '\0')
			ev_err_set(&zerr, NULL, 0, "bad VTIMEZONE \"%.64s\"",
			    tzid->p);
		ev_err_set(&r->err, r->name, line, "%s", zerr.msg);
		return -1;
	}
add:
	r->vtzoff = ev_ereallocarray(r->vtzoff, r->zones.n + 1,
	    sizeof(*r->vtzoff));
	r->vtzoff[r->zones.n] = rawstart;
	ev_zonemap_add(&r->zones, tzid->p, z);
	return 0;
}

/*
 * One line inside the VTIMEZONE: 1 at its END, 0 to go on, -1 when it
 * made the block bad (message set).
 */
static int
vtz_line(struct ev_reader *r, const struct ev_line *l, unsigned *depth,
    struct ev_buf *text, struct ev_buf *tzid)
{
	if (text->len + l->len > MAXREC) {
		ev_err_set(&r->err, r->name, l->lineno,
		    "VTIMEZONE longer than 16 MiB");
		return -1;
	}
	if (is(l, "BEGIN"))
		++*depth;
	else if (is(l, "END") && *depth > 0 && val(l, "VTIMEZONE")) {
		ev_err_set(&r->err, r->name, l->lineno,
		    "END:VTIMEZONE inside an open component");
		return -1;
	} else if (is(l, "END") && *depth > 0)
		--*depth;
	else if (is(l, "END") && !val(l, "VTIMEZONE")) {
		ev_err_set(&r->err, r->name, l->lineno,
		    "END:%.64s where BEGIN:VTIMEZONE is open",
		    l->line + l->value);
		return -1;
	} else if (*depth == 0 && is(l, "TZID")) {
		ev_buf_clear(tzid);
		ev_text_unescape(l->line + l->value, l->len - l->value, tzid);
	}
	ev_buf_add(text, l->line, l->len);
	ev_buf_addc(text, '\n');
	addraw(&r->vtz, l);
	return is(l, "END") && *depth == 0 && val(l, "VTIMEZONE");
}

/* Read the VTIMEZONE whose BEGIN is b: 0, -1 (bad, reported) or -2. */
static int
vtimezone(struct ev_reader *r, const struct ev_line *b)
{
	struct ev_buf text = {0}, tzid = {0};
	struct ev_line l;
	size_t rawstart = r->vtz.len;
	unsigned depth = 0;
	int rc, bad = 0;

	ev_buf_add(&text, b->line, b->len);
	ev_buf_addc(&text, '\n');
	ev_buf_add(&tzid, "", 0);
	addraw(&r->vtz, b);
	for (;;) {
		if ((rc = ev_lex_next(&r->lex, &l)) == -2)
			break;
		if (rc == 0 || (rc == 1 && stops(&l))) {
			if (rc == 1)
				unread(&r->lex, &l);
			if (!bad)
				ev_err_set(&r->err, r->name, b->lineno,
				    "VTIMEZONE not closed");
			rc = -1;
			break;
		}
		if (bad) {
			if (rc == 1 && is(&l, "END") && val(&l, "VTIMEZONE")) {
				rc = -1;
				break;
			}
			continue;
		}
		if (rc == -1) {
			ev_reader_warn(r, l.lineno, "%s: skipped",
			    badline(&l));
		} else if ((rc = vtz_line(r, &l, &depth, &text, &tzid)) < 0) {
			if (is(&l, "END") && val(&l, "VTIMEZONE"))
				break;
			bad = 1;
		} else if (rc == 1) {
			rc = vtz_add(r, b->lineno, &text, &tzid, rawstart);
			break;
		}
	}
	if (rc < 0 && r->vtz.p != NULL) {
		r->vtz.len = rawstart;
		r->vtz.p[rawstart] = '\0';
	}
	ev_buf_free(&text);
	ev_buf_free(&tzid);
	return rc;
}

/*
 * Skip a component that is not a record (VTODO, VJOURNAL, VFREEBUSY,
 * X-...): 0, or -1 when it is not closed, or -2.
 */
static int
skip(struct ev_reader *r, const struct ev_line *b)
{
	struct ev_line l;
	char name[65];
	unsigned depth = 0;
	int rc;

	snprintf(name, sizeof(name), "%s", b->line + b->value);
	for (;;) {
		if ((rc = ev_lex_next(&r->lex, &l)) == -2)
			return -2;
		if (rc == 0 || (rc == 1 && stops(&l))) {
			if (rc == 1)
				unread(&r->lex, &l);
			ev_err_set(&r->err, r->name, b->lineno,
			    "%s not closed", name[0] != '\0' ? name :
			    "component without a name (BEGIN:)");
			return -1;
		}
		if (rc == 1 && is(&l, "BEGIN"))
			depth++;
		else if (rc == 1 && is(&l, "END") && depth-- == 0)
			return 0;
	}
}

/* The end of a VCALENDAR, by its END or by the next BEGIN. */
static void
endcal(struct ev_reader *r)
{
	if ((r->incal & CAL_IN) && r->calend != NULL)
		r->calend(r->carg, r);
	r->incal = 0;
}

/* A new VCALENDAR: a new TZID scope and header. */
static void
newcal(struct ev_reader *r)
{
	endcal(r);
	ev_zonemap_clear(&r->zones);
	ev_buf_clear(&r->header);
	ev_buf_clear(&r->vtz);
	r->calgen++;
	r->incal = CAL_IN;
}

/* A component at the top level: 1 an event, 0 go on, -1, -2. */
static int
component(struct ev_reader *r, struct ev_event *ev, const struct ev_line *l)
{
	r->incal &= ~CAL_JUNK;
	if (val(l, "VCALENDAR")) {
		newcal(r);
		return 0;
	}
	r->incal |= CAL_BODY;
	if (val(l, "VEVENT"))
		return vevent(r, ev, l);
	if (val(l, "VTIMEZONE"))
		return vtimezone(r, l);
	return skip(r, l);
}

/* A line outside any component that does not belong there: the first of
 * a run is reported (1), the rest are skipped quietly (0). */
static int
junk(struct ev_reader *r)
{
	if (r->incal & CAL_JUNK)
		return 0;
	r->incal |= CAL_JUNK;
	return 1;
}

int
ev_ics_read(struct ev_reader *r, struct ev_event *ev)
{
	struct ev_line l;
	int rc;

	for (;;) {
		if ((rc = ev_lex_next(&r->lex, &l)) == 0 || rc == -2)
			return rc;
		/* an unfolded line has a NUL over its first line-end byte */
		if (r->eol == NULL && l.raw != NULL)
			r->eol = (l.line == l.raw ? l.rawlen - l.len == 2 :
			    l.rawlen >= 2 && l.raw[l.rawlen - 2] == '\r') ?
			    "\r\n" : "\n";
		if (rc == -1) {
			if (!junk(r))
				continue;
			ev_err_set(&r->err, r->name, l.lineno, "%s",
			    badline(&l));
			return -1;
		}
		if (is(&l, "BEGIN")) {
			if ((rc = component(r, ev, &l)) != 0)
				return rc;
		} else if (is(&l, "END") && val(&l, "VCALENDAR")) {
			endcal(r);
		} else if ((r->incal & CAL_IN) && !is(&l, "END")) {
			r->incal &= ~CAL_JUNK;
			if (is(&l, "METHOD") && l.len > l.value &&
			    !val(&l, "PUBLISH"))
				r->incal |= CAL_ITIP;
			if (!(r->incal & CAL_BODY) &&
			    r->header.len + l.rawlen <= MAXREC)
				addraw(&r->header, &l);
		} else if (junk(r)) {
			ev_err_set(&r->err, r->name, l.lineno,
			    "%.*s%s%.64s outside a component",
			    (int)(l.namelen < 64 ? l.namelen : 64), l.line,
			    is(&l, "END") ? ":" : "",
			    is(&l, "END") ? l.line + l.value : "");
			return -1;
		}
	}
}
