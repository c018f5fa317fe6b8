/*
 * lex.c - iCalendar content lines (RFC 5545 3.1): read, unfold, split.
 *
 * One growable buffer holds the bytes read and not yet consumed; before
 * each read the unconsumed tail moves to the front, so memory follows the
 * longest logical line, not the input.  An unfolded line is handed out in
 * place (its first line-end byte overwritten by a NUL); only folded lines
 * are copied, into lex->unf.
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
	size_t cap;

	if (lex->eof)
		return 0;
	if (lex->off > 0) {
		memmove(lex->buf, lex->buf + lex->off, lex->len - lex->off);
		lex->len -= lex->off;
		lex->off = 0;
	}
	if (lex->cap - lex->len < CHUNK + 1) {
		cap = lex->cap ? lex->cap : CHUNK;
		while (cap - lex->len < CHUNK + 1) {
			if (cap > SIZE_MAX / 2)
				cap = SIZE_MAX;	/* ev_erealloc dies */
			else
				cap *= 2;
		}
		lex->buf = ev_erealloc(lex->buf, cap);
		lex->cap = cap;
	}
	if (lex->wait != NULL)
		lex->wait(lex->warg);
	do
		n = read(lex->fd, lex->buf + lex->len, lex->cap - lex->len - 1);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -2;
	if (n == 0)
		lex->eof = 1;
	lex->len += (size_t)n;
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
