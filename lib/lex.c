/*
 * lex.c - iCalendar content lines (RFC 5545 3.1): read, unfold, split.
 *
 * One growable buffer holds the bytes read and not yet consumed; before
 * each read the unconsumed tail moves to the front, so memory follows the
 * longest logical line, not the input.  An unfolded line is handed out in
 * place (its first line-end byte overwritten by a NUL); only folded lines
 * are copied, into lex->unf.
 *
 * Bytes are decoded as they are read, so that every reader sees valid
 * UTF-8: a feed is UTF-8 until its first byte that is not; when no
 * character of more than one byte came before it (so far the feed was
 * ASCII) nor in the rest of the read that brought it, and Windows-1252
 * has that byte, the rest of the feed is read as Windows-1252, else each
 * such byte becomes U+FFFD.  The decision needs no more than one read,
 * so memory still follows the longest line.
 * Reports wait in lex->notes until the reader hands them out.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evkit_priv.h"

#define CHUNK	65536			/* bytes asked of each read(2) */
#define MAXLINE	(16UL * 1024 * 1024)	/* longer logical lines are dropped */

/* RFC 5545 name characters, plus '_' and '.' that real exporters use. */
#define ISNAME(c) (ev_isalnum(c) || (c) == '-' || (c) == '_' || (c) == '.')

/* Where the logical line starting at lex->off ends, in bytes from off. */
struct scan {
	size_t	 end;		/* past its last line end */
	size_t	 first;		/* end of the first physical line, before LF */
	unsigned long nphys;	/* physical lines it spans */
	int	 folded;
	size_t	 dropped;	/* bytes forgotten because it was too long */
};

void
ev_lex_init(struct ev_lex *lex, int fd)
{
	memset(lex, 0, sizeof(*lex));
	lex->fd = fd;
	lex->cap = 2 * CHUNK;
	lex->buf = ev_emalloc(lex->cap);
	lex->lineno = 1;
}

static void decode(struct ev_lex *, size_t);

void
ev_lex_init_mem(struct ev_lex *lex, const char *s, size_t n)
{
	memset(lex, 0, sizeof(*lex));
	lex->fd = -1;
	lex->cap = n + 1;	/* room for the NUL after a last line */
	lex->buf = ev_emalloc(lex->cap);
	memcpy(lex->buf, s, n);
	lex->len = n;
	lex->eof = 1;
	lex->lineno = 1;
	decode(lex, 0);
}

void
ev_lex_free(struct ev_lex *lex)
{
	if (lex == NULL)
		return;
	free(lex->buf);
	lex->buf = NULL;
	lex->off = lex->len = lex->cap = 0;
	ev_buf_free(&lex->unf);
	ev_buf_free(&lex->tmp);
	free(lex->notes);
	lex->notes = NULL;
	lex->nnotes = lex->firstnote = lex->capnotes = 0;
}

/* ---- decoding -------------------------------------------------------------- */

#define REPLACEMENT	"\xef\xbf\xbd"	/* U+FFFD */
#define MAXBAD		10		/* lines with bad bytes reported */

/* The line of buf[pos], pos at or after off: newlines counted on from
 * the last such question, so that a read full of bad bytes stays linear. */
static unsigned long
line_at(struct ev_lex *lex, size_t pos)
{
	const char *p, *e = lex->buf + pos;

	if (lex->nlline == 0 || lex->nlpos < lex->off || lex->nlpos > pos) {
		lex->nlpos = lex->off;
		lex->nlline = lex->lineno;
	}
	p = lex->buf + lex->nlpos;
	while (p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		lex->nlline++;
		p++;
	}
	lex->nlpos = pos;
	return lex->nlline;
}

/* Report what at the line of buf[len], once per line and kind. */
static void
note(struct ev_lex *lex, const char *what)
{
	unsigned long line = line_at(lex, lex->len);

	if (line == lex->lastline && what == lex->lastwhat)
		return;
	lex->lastline = line;
	lex->lastwhat = what;
	if (lex->firstnote > 0 && lex->nnotes == lex->capnotes) {
		memmove(lex->notes, lex->notes + lex->firstnote,
		    (lex->nnotes - lex->firstnote) * sizeof(*lex->notes));
		lex->nnotes -= lex->firstnote;
		lex->firstnote = 0;
	}
	if (lex->nnotes == lex->capnotes) {
		lex->capnotes = lex->capnotes ? 2 * lex->capnotes : 8;
		lex->notes = ev_ereallocarray(lex->notes, lex->capnotes,
		    sizeof(*lex->notes));
	}
	lex->notes[lex->nnotes].line = line;
	lex->notes[lex->nnotes++].what = what;
}

int
ev_lex_note(struct ev_lex *lex, unsigned long upto, struct ev_lexnote *n)
{
	if (lex->firstnote == lex->nnotes ||
	    (upto > 0 && lex->notes[lex->firstnote].line >= upto))
		return 0;
	*n = lex->notes[lex->firstnote++];
	return 1;
}

/*
 * A byte replaced by U+FFFD: reported on the first MAXBAD lines, then
 * once more for all later ones (a binary file would fill the screen).
 */
static void
bad(struct ev_lex *lex, const char *what)
{
	if (lex->nbad > MAXBAD)
		return;
	if (line_at(lex, lex->len) == lex->lastline && what == lex->lastwhat)
		return;
	if (++lex->nbad > MAXBAD)
		what = "more bad bytes here and on later lines: replaced "
		    "by U+FFFD, not reported again";
	note(lex, what);
}

/* Room for n more bytes and a spare one after them in buf. */
static void
room(struct ev_lex *lex, size_t n)
{
	size_t cap = lex->cap ? lex->cap : CHUNK;

	if (lex->cap - lex->len >= n + 1)
		return;
	while (cap - lex->len < n + 1) {
		if (cap > SIZE_MAX / 2)
			cap = SIZE_MAX;	/* ev_erealloc dies */
		else
			cap *= 2;
	}
	lex->buf = ev_erealloc(lex->buf, cap);
	lex->cap = cap;
}

/* Append s[0..n) to buf, one spare byte kept after it. */
static void
put(struct ev_lex *lex, const char *s, size_t n)
{
	room(lex, n);
	memcpy(lex->buf + lex->len, s, n);
	lex->len += n;
}

/* s[0..n) as Windows-1252. */
static void
put1252(struct ev_lex *lex, const char *s, size_t n)
{
	size_t i = 0, j;
	char u[4];
	int32_t cp;

	while (i < n) {
		for (j = i; j < n && (unsigned char)s[j] < 0x80; j++)
			;
		put(lex, s + i, j - i);
		if ((i = j) == n)
			break;
		if (!lex->lookalike && ev_utf8_scan(s + i, n - i < 4 ? n - i :
		    4, &lex->lookalike) > 0)
			note(lex, "UTF-8 in a feed read as Windows-1252: "
			    "read as Windows-1252 too");
		if ((cp = ev_cp1252((unsigned char)s[i])) < 0) {
			bad(lex, "byte undefined in Windows-1252: "
			    "replaced by U+FFFD");
			put(lex, REPLACEMENT, 3);
		} else
			put(lex, u, (size_t)ev_utf8_put(cp, u));
		i++;
	}
}

/* s[0..n) holds a valid UTF-8 character of more than one byte. */
static int
multi_after(const char *s, size_t n)
{
	size_t i = 0;
	int m = 0;

	while (i < n && !m)
		i += ev_utf8_scan(s + i, n - i, &m) + 1;
	return m;
}

/*
 * A character of more than one byte at s[0..n), perhaps cut by folds
 * (a line end and a blank, at most one between two of its bytes: RFC
 * 5545 folds at octets): its length with the folds, 0 when it is none,
 * -1 when the bytes end before it does and more may come.
 */
static int
folded_char(const char *s, size_t n, int eof)
{
	char c[4];
	const char *q = c;
	size_t k = (size_t)ev_utf8_seqlen((unsigned char)s[0]), i = 1, j = 1;

	if (k < 2)
		return 0;
	c[0] = s[0];
	while (j < k) {
		if (i < n && (s[i] == '\r' || s[i] == '\n')) {
			if (s[i] == '\r' && (++i >= n || s[i] != '\n'))
				break;
			if (++i >= n || (s[i] != ' ' && s[i] != '\t'))
				break;
			i++;
		}
		if (i >= n || ((unsigned char)s[i] & 0xc0) != 0x80)
			break;
		c[j++] = s[i++];
	}
	if (j < k)
		return i >= n && !eof ? -1 : 0;
	return ev_utf8_next(&q, k) < 0 ? 0 : (int)i;
}

/*
 * s[0..n), which does not start valid: bytes that are no UTF-8 become
 * U+FFFD or switch the feed to Windows-1252; a character cut by the end
 * of a read waits in pend for the next.
 */
static void
redecode(struct ev_lex *lex, const char *s, size_t n)
{
	size_t i = 0, k;
	int f;

	while (i < n && !lex->cp1252) {
		k = ev_utf8_scan(s + i, n - i, &lex->multi);
		put(lex, s + i, k);
		if ((i += k) == n)
			return;
		if ((f = folded_char(s + i, n - i, lex->eof)) > 0) {
			lex->multi = 1;
			put(lex, s + i, (size_t)f);
			i += (size_t)f;
			continue;
		}
		if (f < 0 && n - i <= sizeof(lex->pend)) {
			memcpy(lex->pend, s + i, n - i);
			lex->npend = n - i;
			return;
		}
		if (!lex->multi && ev_cp1252((unsigned char)s[i]) >= 0 &&
		    !multi_after(s + i + 1, n - i - 1)) {
			note(lex, "not UTF-8: read as Windows-1252");
			lex->cp1252 = 1;
			break;
		}
		bad(lex, "invalid UTF-8: replaced by U+FFFD");
		put(lex, REPLACEMENT, 3);
		i++;
	}
	put1252(lex, s + i, n - i);
}

/*
 * Decode buf[from..len), just read.  Valid UTF-8 stays where it is, folds
 * inside characters included; the rest goes through lex->tmp.
 */
static void
decode(struct ev_lex *lex, size_t from)
{
	size_t p = from, n;
	int f;

	while (!lex->cp1252) {
		p += ev_utf8_scan(lex->buf + p, lex->len - p, &lex->multi);
		if (p == lex->len)
			return;
		if ((f = folded_char(lex->buf + p, lex->len - p,
		    lex->eof)) <= 0)
			break;
		lex->multi = 1;
		p += (size_t)f;
	}
	n = lex->len - p;
	ev_buf_clear(&lex->tmp);
	ev_buf_add(&lex->tmp, lex->buf + p, n);
	lex->len = p;
	redecode(lex, lex->tmp.p, n);
}

/*
 * Move the unconsumed bytes to the front, make room for a chunk and read
 * once.  Offsets relative to lex->off stay valid.  Always keeps one spare
 * byte after len for the NUL of a last line without a line end.
 */
static int
fill(struct ev_lex *lex)
{
	ssize_t n;
	size_t from;

	if (lex->eof)
		return 0;
	if (lex->off > 0) {
		memmove(lex->buf, lex->buf + lex->off, lex->len - lex->off);
		lex->len -= lex->off;
		if (lex->nlpos >= lex->off)
			lex->nlpos -= lex->off;
		else
			lex->nlline = 0;
		lex->off = 0;
	}
	room(lex, CHUNK);
	if (lex->wait != NULL)
		lex->wait(lex->warg);
	/* a character the last read cut in two goes first */
	memcpy(lex->buf + lex->len, lex->pend, lex->npend);
	do
		n = read(lex->fd, lex->buf + lex->len + lex->npend,
		    lex->cap - lex->len - lex->npend - 1);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -2;
	if (n == 0)
		lex->eof = 1;
	from = lex->len;
	lex->len += lex->npend + (size_t)n;
	lex->npend = 0;
	decode(lex, from);
	return 0;
}

/* Drop a UTF-8 byte order mark at the very start of the input. */
static int
start(struct ev_lex *lex)
{
	while (!lex->eof && lex->len - lex->off < 3)
		if (fill(lex) < 0)
			return -2;
	if (lex->len - lex->off >= 3 &&
	    memcmp(lex->buf + lex->off, "\xef\xbb\xbf", 3) == 0)
		lex->off += 3;
	lex->started = 1;
	return 0;
}

/* The unconsumed input holds a non-blank line with its LF. */
static int
has_line(const struct ev_lex *lex)
{
	const char *p = lex->buf + lex->off, *e = lex->buf + lex->len;

	while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p < e && memchr(p, '\n', (size_t)(e - p)) != NULL;
}

int
ev_lex_fill(struct ev_lex *lex)
{
	/* no more than that: a slow producer must not be waited for, and
	 * a first line without an end must not be read whole */
	while (!lex->eof && !has_line(lex) && lex->len - lex->off < CHUNK)
		if (fill(lex) < 0)
			return -2;
	if (!lex->started)
		return start(lex);
	return 0;
}

int
ev_lex_more(struct ev_lex *lex)
{
	if (!lex->started && start(lex) < 0)
		return -2;
	return fill(lex) < 0 ? -2 : 0;
}

/*
 * Find the next LF at or after off + *rel, reading as needed; *rel is left
 * at the LF (1) or at the end of input (0).  When more than limit bytes
 * have been scanned they are consumed unseen and counted in *dropped, so
 * a line without end cannot eat all memory.
 */
static int
findnl(struct ev_lex *lex, size_t *rel, size_t limit, size_t *dropped)
{
	char *nl;

	for (;;) {
		nl = memchr(lex->buf + lex->off + *rel, '\n',
		    lex->len - lex->off - *rel);
		if (nl != NULL) {
			*rel = (size_t)(nl - (lex->buf + lex->off));
			return 1;
		}
		*rel = lex->len - lex->off;
		if (lex->eof)
			return 0;
		if (*rel > limit) {
			lex->off += *rel;
			*dropped += *rel;
			*rel = 0;
		}
		if (fill(lex) < 0)
			return -2;
	}
}

/* The byte at off + rel: -1 at end of input, -2 on a read error. */
static int
peek(struct ev_lex *lex, size_t rel)
{
	while (lex->off + rel >= lex->len) {
		if (lex->eof)
			return -1;
		if (fill(lex) < 0)
			return -2;
	}
	return (unsigned char)lex->buf[lex->off + rel];
}

int
ev_lex_is_end(const char *s, size_t n, int cal)
{
	const char *what = cal ? "VCALENDAR" : "VEVENT";
	size_t k = cal ? 9 : 6;

	/* every line of a record passes here: most are no END at all */
	if (n < 4 + k || (s[0] != 'E' && s[0] != 'e'))
		return 0;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n == 4 + k && ev_strncaseeq(s, "END:", 4) &&
	    ev_strncaseeq(s + 4, what, k);
}

/*
 * Find the extent of the logical line at lex->off: physical lines joined
 * while the next one starts with SPACE or HTAB.  An empty first line is
 * never folded onto.  1, 0 at end of input, -2.
 */
static int
scanline(struct ev_lex *lex, struct scan *s)
{
	size_t rel = 0;
	int r, c;

	memset(s, 0, sizeof(*s));
	for (;;) {
		r = findnl(lex, &rel, MAXLINE, &s->dropped);
		if (r < 0)
			return -2;
		if (r == 0 && s->nphys == 0 && rel == 0 && s->dropped == 0)
			return 0;
		if (++s->nphys == 1)
			s->first = rel;
		if (r == 0) {
			s->end = rel;
			return 1;
		}
		if (s->nphys == 1 && s->dropped == 0 && (rel == 0 ||
		    (rel == 1 && lex->buf[lex->off] == '\r'))) {
			s->end = rel + 1;
			return 1;
		}
		/* an END of a record or calendar is never folded: do not
		 * wait for the next line to know (a slow producer) */
		if (s->nphys == 1 && s->dropped == 0 &&
		    (ev_lex_is_end(lex->buf + lex->off, rel, 0) ||
		    ev_lex_is_end(lex->buf + lex->off, rel, 1))) {
			s->end = rel + 1;
			return 1;
		}
		if ((c = peek(lex, rel + 1)) == -2)
			return -2;
		if (c != ' ' && c != '\t') {
			s->end = rel + 1;
			return 1;
		}
		s->folded = 1;
		rel += 2;
	}
}

/*
 * Unfold raw[0..n) into lex->unf: drop each line end and the single
 * whitespace after it.  Bytes, not characters, so a UTF-8 sequence split
 * by a fold comes back whole.
 */
static void
unfold(struct ev_lex *lex, const char *raw, size_t n)
{
	const char *p = raw, *e = raw + n, *nl, *q;

	ev_buf_clear(&lex->unf);
	ev_buf_reserve(&lex->unf, n);
	while (p < e) {
		nl = memchr(p, '\n', (size_t)(e - p));
		q = nl != NULL ? nl : e;
		if (q > p && q[-1] == '\r')
			q--;
		if (p != raw)
			p++;	/* the fold's SPACE or HTAB */
		ev_buf_add(&lex->unf, p, (size_t)(q - p));
		p = nl != NULL ? nl + 1 : e;
	}
}

/* Name up to ';' or ':', params after ';', value after the first ':'
 * outside a DQUOTE-quoted parameter value. */
static int
split(struct ev_line *l)
{
	const char *s = l->line;
	size_t i = 0;
	int quoted = 0;

	l->namelen = l->params = l->value = 0;
	while (ISNAME(s[i]))
		i++;
	if (i == 0 || (s[i] != ':' && s[i] != ';'))
		return -1;
	l->namelen = i;
	if (s[i] == ':') {
		l->value = i + 1;
		return 0;
	}
	l->params = ++i;
	for (; i < l->len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (s[i] == ':' && !quoted) {
			l->value = i + 1;
			return 0;
		}
	}
	l->params = 0;
	return -1;
}

static int
blank(const char *s, size_t n)
{
	for (; n > 0; n--, s++)
		if (*s != ' ' && *s != '\t')
			return 0;
	return 1;
}

/* A logical line over MAXLINE: reported as malformed, raw NULL. */
static int
toolong(struct ev_lex *lex, const struct scan *s, struct ev_line *l)
{
	lex->off += s->end;
	ev_buf_clear(&lex->unf);
	ev_buf_add(&lex->unf, "", 0);
	l->raw = NULL;
	l->rawlen = s->dropped + s->end;
	l->line = lex->unf.p;
	l->len = l->namelen = l->params = l->value = 0;
	return -1;
}

int
ev_lex_next(struct ev_lex *lex, struct ev_line *l)
{
	struct scan s;
	char *base;
	size_t n;
	int r;

	if (!lex->started && start(lex) < 0)
		return -2;
	for (;;) {
		if ((r = scanline(lex, &s)) <= 0)
			return r;
		l->lineno = lex->lineno;
		lex->lineno += s.nphys;
		if (s.dropped || s.end > MAXLINE)
			return toolong(lex, &s, l);
		base = lex->buf + lex->off;
		n = s.first;
		if (n > 0 && base[n - 1] == '\r')
			n--;
		if (n == 0 && !s.folded) {	/* empty line */
			lex->off += s.end;
			continue;
		}
		if (s.folded || (s.end == s.first && n != s.first)) {
			/* folded, or a CR at the very end: copy */
			unfold(lex, base, s.end);
			l->line = lex->unf.p;
			l->len = lex->unf.len;
		} else {
			base[n] = '\0';
			l->line = base;
			l->len = n;
		}
		l->raw = base;
		l->rawlen = s.end;
		lex->off += s.end;
		if ((l->line[0] == ' ' || l->line[0] == '\t') &&
		    blank(l->line, l->len))
			continue;
		return split(l) < 0 ? -1 : 1;
	}
}

int
ev_lex_physline(struct ev_lex *lex, const char **p, size_t *n)
{
	size_t rel = 0;
	char *nl;

	if (!lex->started && start(lex) < 0)
		return -2;
	for (;;) {
		nl = memchr(lex->buf + lex->off + rel, '\n',
		    lex->len - lex->off - rel);
		if (nl != NULL) {
			rel = (size_t)(nl - (lex->buf + lex->off)) + 1;
			break;
		}
		rel = lex->len - lex->off;
		/* a line longer than MAXLINE comes in pieces: memory stays
		 * bounded however long a line without an end is */
		if (lex->eof || rel >= MAXLINE)
			break;
		if (fill(lex) < 0)
			return -2;
	}
	if (rel == 0)
		return 0;
	*p = lex->buf + lex->off;
	*n = rel;
	lex->off += rel;
	if (lex->buf[lex->off - 1] == '\n' || lex->eof)
		lex->lineno++;
	return 1;
}
