/*
 * read.c - articles from a source file: split at "%%%" lines, checked
 * for UTF-8, the header read as a "Key: value" block (header.c) or as
 * YAML front matter (yaml.c), the body as CommonMark (body.c).
 */
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

struct news_reader {
	const char *name;
	const char *p;
	size_t	 n;
	size_t	 at;		/* where the next article starts */
	unsigned long line;	/* its line */
	enum news_format fmt;
	int	 count;		/* articles read or skipped */
	size_t	 unclosed[2];	/* a '`', '~' fence this long or longer
				 * opened from here on closes no more */
	struct news_src src;
};

int
news_format_parse(const char *s, enum news_format *f)
{
	if (s != NULL && strcmp(s, "hdr") == 0)
		*f = NEWS_IN_HDR;
	else if (s != NULL && strcmp(s, "md") == 0)
		*f = NEWS_IN_MD;
	else
		return -1;
	return 0;
}

struct news_reader *
news_reader_new(const char *name, const char *src, size_t n,
    enum news_format fmt)
{
	struct news_reader *r = ev_ecalloc(1, sizeof(*r));

	r->name = name;
	r->p = src;
	r->n = n;
	r->line = 1;
	r->fmt = fmt;
	return r;
}

void
news_reader_free(struct news_reader *r)
{
	if (r == NULL)
		return;
	free(r->src.ls);
	free(r);
}

/* The line p[b, e) without its "\r", is it "%%%" (blanks after it)? */
static int
is_separator(const char *p, size_t b, size_t e)
{
	if (e - b < 3 || memcmp(p + b, "%%%", 3) != 0)
		return 0;
	for (b += 3; b < e; b++)
		if (p[b] != ' ' && p[b] != '\t' && p[b] != '\r')
			return 0;
	return 1;
}

/*
 * A code fence of CommonMark at the margin: up to three blanks, then
 * three or more '`' or '~' (a '`' fence's info string has none).  With
 * open 0 the line opens one: its char and length in *c, *len.  Else it
 * may close the fence open (c, len): as many of c or more, then blanks.
 */
static int
is_code_fence(const char *p, size_t b, size_t e, int open, int *c,
    size_t *len)
{
	size_t i = b, n;

	while (i < e && i - b < 3 && p[i] == ' ')
		i++;
	if (i >= e || (p[i] != '`' && p[i] != '~') || (open && p[i] != *c))
		return 0;
	for (n = 0; i + n < e && p[i + n] == p[i]; n++)
		;
	if (n < 3 || (open && n < *len))
		return 0;
	if (open) {
		for (i += n; i < e && (p[i] == ' ' || p[i] == '\t'); i++)
			;
		return i == e;
	}
	if (p[i] == '`' && memchr(p + i + n, '`', e - i - n) != NULL)
		return 0;
	*c = p[i];
	*len = n;
	return 1;
}

/* Lines of blanks only in p[b, e)? */
static int
only_blanks(const char *p, size_t b, size_t e)
{
	for (; b < e; b++)
		if (p[b] != ' ' && p[b] != '\t')
			return 0;
	return 1;
}

/* Where a line is in an article: before its first line that is not
 * blank, in front matter, in a header block, in the body (from this
 * line, or from the next). */
enum { FIRST, FRONT, HEADER, BODY, BODY_NEXT };

/* The state after line p[b, e) in state st (not BODY). */
static int
head(const char *p, size_t b, size_t e, int st)
{
	int dashes = e - b >= 3 && memcmp(p + b, "---", 3) == 0 &&
	    only_blanks(p, b + 3, e);
	size_t ke, vb;

	switch (st) {
	case FIRST:
		if (dashes)
			return FRONT;
		if (only_blanks(p, b, e))
			return FIRST;
		return news_header_line(p, b, e, &ke, &vb) ? HEADER : BODY;
	case FRONT:
		return dashes || (e - b >= 3 && memcmp(p + b, "...", 3) == 0 &&
		    only_blanks(p, b + 3, e)) ? BODY_NEXT : FRONT;
	default:
		return only_blanks(p, b, e) ? BODY_NEXT : HEADER;
	}
}

/*
 * Lay out the lines of the article from r->at up to a separator line or
 * the end; *next: where the next one starts.  A "%%%" inside a fenced
 * code block is code, not a separator -- unless the fence is never
 * closed: then the first such line separates after all, and the code
 * ends with the article, as it would at the end of a document.
 */
static void
lay_lines(struct news_reader *r, size_t *next, unsigned long *nextline)
{
	struct news_src *s = &r->src;
	size_t b = r->at, e, le, flen = 0, cut = 0, cutnext = 0, cutlines = 0;
	size_t bs = r->at, bsl = 0;
	int fc = 0, st = FIRST;

	s->name = r->name;
	s->p = r->p;
	s->start = r->at;
	s->first = r->line;
	s->nlines = 0;
	*next = r->n;
	*nextline = 0;
	while (b < r->n) {
		const char *nl = memchr(r->p + b, '\n', r->n - b);
		size_t nb;

		e = nl ? (size_t)(nl - r->p) : r->n;
		le = e > b && r->p[e - 1] == '\r' ? e - 1 : e;
		nb = nl ? e + 1 : r->n;
		if (is_separator(r->p, b, e)) {
			if (fc == 0) {
				*next = nb;
				*nextline = r->line + s->nlines + 1;
				break;
			}
			if (cut == 0) {
				cut = b;
				cutnext = nb;
				cutlines = s->nlines;
			}
		} else if (st != BODY) {
			st = head(r->p, b, le, st);
			if (st == BODY)
				bs = b, bsl = s->nlines;
			else if (st == BODY_NEXT)
				st = BODY, bs = nb, bsl = s->nlines + 1;
		}
		if (st == BODY && b >= bs && !is_separator(r->p, b, e)) {
			if (fc == 0) {
				if (is_code_fence(r->p, b, le, 0, &fc, &flen) &&
				    r->unclosed[fc == '~'] != 0 &&
				    flen >= r->unclosed[fc == '~'])
					fc = 0;	/* known: none closes it */
			} else if (is_code_fence(r->p, b, le, 1, &fc, &flen)) {
				fc = 0;
				/* closed: a "%%%" in it is code if CommonMark
				 * reads a code block there (not HTML, say) */
				if (cut != 0 && !news_body_fenced(r->p + bs,
				    e - bs, (int)(cutlines - bsl + 1)))
					break;
				cut = 0;
			}
		}
		s->ls = news_grow(s->ls, s->nlines, sizeof(*s->ls));
		s->ls[s->nlines++] = b;
		b = nb;
	}
	if (cut != 0 && fc == 0) {
		b = cut;		/* the "%%%" was no code after all */
		s->nlines = cutlines;
		*next = cutnext;
		*nextline = r->line + s->nlines + 1;
	}
	if (b >= r->n && cut != 0) {
		/* what closes no fence this long closes no longer one after
		 * it either: no second scan to the end for it */
		r->unclosed[fc == '~'] = flen;
		b = cut;
		s->nlines = cutlines;
		*next = cutnext;
		*nextline = r->line + s->nlines + 1;
	}
	s->end = b;
	/* a byte order mark is no part of the text, at the start of the
	 * file or of an article after "%%%" (files pasted together) */
	if (s->nlines > 0 && s->end - s->start >= 3 &&
	    memcmp(r->p + s->start, "\xef\xbb\xbf", 3) == 0)
		s->start = s->ls[0] = s->start + 3;
	s->ls = news_grow(s->ls, s->nlines, sizeof(*s->ls));
	s->ls[s->nlines] = s->end;
}

void
news_src_pos(const struct news_src *s, size_t b, struct news_pos *pos)
{
	size_t lo = 0, hi = s->nlines;

	/* the last line that starts at or before b */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->ls[mid] <= b)
			lo = mid;
		else
			hi = mid;
	}
	pos->line = s->first + lo;
	pos->col = 1 + news_chars(s->p + s->ls[lo], b - s->ls[lo]);
	pos->byte = b;
}

void
news_src_line(const struct news_src *s, unsigned long l, size_t *b,
    size_t *e)
{
	size_t i = l - s->first;

	if (l < s->first || i >= s->nlines) {
		*b = *e = s->end;
		return;
	}
	*b = s->ls[i];
	*e = s->ls[i + 1];
	if (*e > *b && s->p[*e - 1] == '\n')
		(*e)--;
	if (*e > *b && s->p[*e - 1] == '\r')
		(*e)--;
}

/* Only blanks and line ends in p[b, e)? */
static int
blank(const char *p, size_t b, size_t e)
{
	for (; b < e; b++)
		if (p[b] != ' ' && p[b] != '\t' && p[b] != '\r' && p[b] != '\n')
			return 0;
	return 1;
}

/* Invalid UTF-8 or a NUL byte: its position in err, -1. */
static int
check_bytes(const struct news_src *s, struct ev_err *err)
{
	size_t n = s->end - s->start, bad;
	const char *nul = memchr(s->p + s->start, '\0', n);
	struct news_pos pos;

	bad = ev_utf8_invalid(s->p + s->start, n);
	/* a CR alone ends a line for cmark, not for the line table: old
	 * Mac line ends are refused rather than mapped wrong */
	for (const char *cr = s->p + s->start; (cr = memchr(cr, '\r',
	    (size_t)(s->p + s->end - cr))) != NULL; cr++) {
		if (cr + 1 < s->p + s->end && cr[1] == '\n')
			continue;
		if ((size_t)(cr - s->p) - s->start < bad) {
			news_src_pos(s, (size_t)(cr - s->p), &pos);
			ev_err_setc(err, s->name, pos.line, pos.col,
			    "carriage return without line feed");
			return -1;
		}
		break;
	}
	if (nul != NULL && (size_t)(nul - s->p) - s->start < bad) {
		news_src_pos(s, (size_t)(nul - s->p), &pos);
		ev_err_setc(err, s->name, pos.line, pos.col, "NUL byte");
		return -1;
	}
	if (bad == n)
		return 0;
	news_src_pos(s, s->start + bad, &pos);
	ev_err_setc(err, s->name, pos.line, pos.col,
	    "invalid UTF-8 (byte 0x%02x)", (unsigned char)s->p[s->start + bad]);
	return -1;
}

/* "---" and blanks: the line that opens and closes front matter. */
static int
is_fence(const struct news_src *s, unsigned long l)
{
	size_t b, e;

	news_src_line(s, l, &b, &e);
	return e - b >= 3 && memcmp(s->p + b, "---", 3) == 0 &&
	    blank(s->p, b + 3, e);
}

/* Front matter: its closing line ("---" or "..."), 0 when none. */
static unsigned long
fence_end(const struct news_src *s)
{
	for (unsigned long l = s->first + 1; l < s->first + s->nlines; l++) {
		size_t b, e;

		news_src_line(s, l, &b, &e);
		if (is_fence(s, l) || (e - b >= 3 &&
		    memcmp(s->p + b, "...", 3) == 0 && blank(s->p, b + 3, e)))
			return l;
	}
	return 0;
}

/* Markdown with front matter: the YAML, then the body. */
static int
read_md(struct news_article *a, const struct news_src *s, struct ev_err *err)
{
	unsigned long close;
	size_t b, e, body;

	if (!is_fence(s, s->first)) {
		/* -i md without front matter: all body */
		news_body_read(a, s, s->start, s->end);
		return 0;
	}
	if ((close = fence_end(s)) == 0) {
		ev_err_set(err, s->name, s->first,
		    "front matter not closed by a line \"---\"");
		return -1;
	}
	news_src_line(s, s->first + 1, &b, &e);
	news_src_line(s, close, &body, &e);
	if (news_yaml_read(a, s, b, body, err) < 0)
		return -1;
	news_src_line(s, close + 1, &body, &e);
	news_body_read(a, s, body, s->end);
	return 0;
}

/*
 * A header block, a blank line, the body.  Blank lines before the header
 * are passed over; when the first line is no "Key: value" there is no
 * header: all of it is body.
 */
static int
read_hdr(struct news_article *a, const struct news_src *s, struct ev_err *err)
{
	unsigned long l, last = s->first + s->nlines;
	size_t b = s->start, e = s->start, hb, ke, vb;

	for (l = s->first; l < last; l++) {
		news_src_line(s, l, &b, &e);
		if (!blank(s->p, b, e))
			break;
	}
	hb = b;
	if (l == last || !news_header_line(s->p, b, e, &ke, &vb)) {
		news_body_read(a, s, s->start, s->end);
		return 0;
	}
	for (; l < last; l++) {
		news_src_line(s, l, &b, &e);
		if (blank(s->p, b, e))
			break;
	}
	news_src_line(s, l, &b, &e);
	if (news_header_read(a, s, hb, b, err) < 0)
		return -1;
	news_body_read(a, s, b, s->end);
	return 0;
}

/* Without a Lead field the first paragraph leads. */
static void
find_lead(struct news_article *a)
{
	for (size_t i = 0; i < a->nblock; i++) {
		if (a->block[i].kind == NEWS_B_PARA) {
			a->lead_block = (long)i;
			return;
		}
		if (a->block[i].kind != NEWS_B_SUBHEAD)
			return;
	}
}

static int
read_one(struct news_reader *r, struct news_article *a, struct ev_err *err)
{
	const struct news_src *s = &r->src;
	enum news_format f = r->fmt;
	int rc;

	if (check_bytes(s, err) < 0)
		return -1;
	if (f == NEWS_IN_AUTO)
		f = s->nlines > 0 && is_fence(s, s->first) ? NEWS_IN_MD :
		    NEWS_IN_HDR;
	a->format = f;
	a->start = s->start;
	a->end = s->end;
	a->line = s->first;
	rc = f == NEWS_IN_MD ? read_md(a, s, err) : read_hdr(a, s, err);
	if (rc == 0 && a->field[NEWS_F_LEAD].s == NULL)
		find_lead(a);
	return rc;
}

int
news_read(struct news_reader *r, struct news_article **ap,
    struct ev_err *err)
{
	struct news_article *a;
	size_t next;
	unsigned long nextline;

	*ap = NULL;
	for (;;) {
		if (r->at >= r->n)
			return 0;
		lay_lines(r, &next, &nextline);
		r->at = next;
		if (nextline != 0)
			r->line = nextline;
		/* an empty piece between separators (a "%%%" at the end) */
		if (!blank(r->p, r->src.start, r->src.end))
			break;
		if (next >= r->n)
			return 0;
	}
	r->count++;
	a = news_article_new();
	if (read_one(r, a, err) < 0) {
		news_article_free(a);
		return -1;
	}
	*ap = a;
	return 1;
}
