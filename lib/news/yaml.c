/*
 * yaml.c - front matter, "---" ... "---" as Hugo and Jekyll write it: a
 * YAML mapping of keys to strings or lists of strings, read with libyaml,
 * which keeps the line and column of every value.
 */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

struct fm {
	struct news_article *a;
	const struct news_src *s;
	size_t	 b, e;		/* the YAML's bytes */
	unsigned long line;	/* the line at b */
	yaml_parser_t p;
	yaml_event_t ev;
	struct ev_err *err;
};

/* A libyaml mark (line from 0, column in characters from 0) as a
 * position in the file. */
static void
mark_pos(const struct fm *f, yaml_mark_t m, struct news_pos *pos)
{
	size_t b, e, i;
	unsigned long c;

	pos->line = f->line + m.line;
	news_src_line(f->s, pos->line, &b, &e);
	for (i = b, c = 0; i < e && c < m.column; c++)
		for (i++; i < e && ((unsigned char)f->s->p[i] & 0xc0) == 0x80;
		    i++)
			;
	pos->col = (unsigned long)m.column + 1;
	pos->byte = i;
}

static int
next(struct fm *f)
{
	struct news_pos pos;

	yaml_event_delete(&f->ev);
	if (yaml_parser_parse(&f->p, &f->ev))
		return 0;
	mark_pos(f, f->p.problem_mark, &pos);
	ev_err_setc(f->err, f->s->name, pos.line, pos.col,
	    "front matter: %s", f->p.problem ? f->p.problem : "bad YAML");
	f->ev.type = YAML_NO_EVENT;
	return -1;
}

/*
 * A block scalar, "|" or ">", mapped line by line.  Its value's lines
 * (of a folded one: the runs of text between folds) are the ends of
 * the source lines after the indicator's, past the indentation; between
 * two of them the value has line breaks, or one space where a folded
 * scalar folds.  Lines of blanks only are line breaks.  v[0..n) is the
 * value without its last line breaks and blanks.  A literal scalar's
 * text is exact, the lines can be written back one by one; a folded
 * one's is not, but each position maps (fix.c finds the folds again).
 * quote: '|' or '>', so that fix.c knows them.  -1 when the lines are not so
 * (blanks that are content): then the text keeps its start only.
 */
static int
block_text(struct fm *f, struct news_text *t, const char *v, size_t n,
    int literal, unsigned long l)
{
	const char *p = f->s->p;
	size_t vo = 0, pe = 0, indent = 0, b, e, len;
	struct news_pos pos;

	while (vo < n) {
		news_src_line(f->s, l++, &b, &e);
		if (b >= f->e)
			return -1;
		for (len = 0; b + len < e && (p[b + len] == ' ' ||
		    p[b + len] == '\t'); len++)
			;
		if (b + len == e)
			continue;	/* a line break of the value */
		if (vo > 0 && v[vo] == ' ' && !literal)
			vo++;		/* a fold */
		else
			while (vo < n && v[vo] == '\n')
				vo++;
		if (pe == 0 && t->nseg == 0) {
			size_t lead = strspn(v + vo, " ");

			if (len < lead)
				return -1;
			indent = len - lead;
		}
		if (e - b < indent || vo > n)
			return -1;
		len = e - b - indent < n - vo ? e - b - indent : n - vo;
		if (memcmp(p + b + indent, v + vo, len) != 0)
			return -1;
		news_text_add(t, v + pe, vo - pe, NULL);
		news_src_pos(f->s, b + indent, &pos);
		news_text_add(t, v + vo, len, &pos);
		vo += len;
		pe = vo;
		if (vo < n && v[vo] != '\n' && (literal || v[vo] != ' '))
			return -1;	/* the value goes on in the line */
	}
	t->exact = literal;
	t->quote = literal ? '|' : '>';
	return 0;
}

/*
 * A scalar as a text: exact when its bytes in the file are the value
 * (a plain scalar on one line, a quoted one without escapes), else one
 * empty piece where it starts.
 */
static void
scalar_text(struct fm *f, struct news_text *t)
{
	const char *v = (const char *)f->ev.data.scalar.value;
	size_t n = f->ev.data.scalar.length;
	yaml_scalar_style_t st = f->ev.data.scalar.style;
	struct news_pos sp, ep;

	memset(t, 0, sizeof(*t));
	mark_pos(f, f->ev.start_mark, &sp);
	mark_pos(f, f->ev.end_mark, &ep);
	if (st == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
	    st == YAML_DOUBLE_QUOTED_SCALAR_STYLE) {
		t->quote = st == YAML_SINGLE_QUOTED_SCALAR_STYLE ? '\'' : '"';
		sp.byte++, sp.col++;
		if (ep.byte > sp.byte)
			ep.byte--;
	}
	if ((st == YAML_PLAIN_SCALAR_STYLE || t->quote) &&
	    sp.line == ep.line && ep.byte >= sp.byte &&
	    ep.byte - sp.byte == n && memcmp(f->s->p + sp.byte, v, n) == 0 &&
	    memchr(v, '\\', n) == NULL) {
		t->exact = 1;
		news_text_add(t, v, n, &sp);
		return;
	}
	/* a block scalar's final line break is no part of a value */
	while (n > 0 && (v[n - 1] == '\n' || v[n - 1] == ' '))
		n--;
	if ((st == YAML_LITERAL_SCALAR_STYLE || st == YAML_FOLDED_SCALAR_STYLE) &&
	    n > 0) {
		if (block_text(f, t, v, n, st == YAML_LITERAL_SCALAR_STYLE,
		    sp.line + 1) == 0)
			return;
		news_text_free(t);
	}
	news_text_add(t, "", 0, &sp);
	news_text_add(t, v, n, NULL);
}

/* Skip a node that starts with the current event (a mapping or a
 * sequence, with everything in it); its source as a YAML text in t. */
static int
skip_node(struct fm *f, struct news_text *t)
{
	int depth = 0;
	struct news_pos sp, ep;

	mark_pos(f, f->ev.start_mark, &sp);
	do {
		if (f->ev.type == YAML_MAPPING_START_EVENT ||
		    f->ev.type == YAML_SEQUENCE_START_EVENT)
			depth++;
		else if (f->ev.type == YAML_MAPPING_END_EVENT ||
		    f->ev.type == YAML_SEQUENCE_END_EVENT)
			depth--;
		mark_pos(f, f->ev.end_mark, &ep);
		if (depth > 0 && next(f) < 0)
			return -1;
	} while (depth > 0);
	memset(t, 0, sizeof(*t));
	while (ep.byte > sp.byte && (f->s->p[ep.byte - 1] == '\n' ||
	    f->s->p[ep.byte - 1] == ' ' || f->s->p[ep.byte - 1] == '\r'))
		ep.byte--;
	news_text_add(t, f->s->p + sp.byte, ep.byte - sp.byte, &sp);
	return 0;
}

/* A list of strings: each an item of a repeatable field (Related,
 * Tags), or joined by ", " for another field. */
static int
sequence(struct fm *f, const char *key, const struct news_pos *kpos)
{
	int fld = news_field_lookup(key);
	int each = fld == NEWS_F_RELATED || fld == NEWS_F_TAGS;
	struct news_text joined = { 0 }, t;

	for (;;) {
		if (next(f) < 0)
			goto bad;
		if (f->ev.type == YAML_SEQUENCE_END_EVENT)
			break;
		if (f->ev.type != YAML_SCALAR_EVENT) {
			struct news_pos pos;

			mark_pos(f, f->ev.start_mark, &pos);
			news_diag_add(f->a, NEWS_SEV_WARNING, &pos,
			    "%s: a list of strings expected: left out", key);
			if (skip_node(f, &t) < 0)
				goto bad;
			news_text_free(&t);
			continue;
		}
		scalar_text(f, &t);
		if (each) {
			news_header_set(f->a, key, kpos, &t, 1);
			continue;
		}
		if (joined.s != NULL)
			news_text_add(&joined, ", ", 2, NULL);
		news_text_add(&joined, t.s, t.len, t.nseg ? &t.seg[0].pos : NULL);
		news_text_free(&t);
	}
	if (joined.s != NULL)
		news_header_set(f->a, key, kpos, &joined, 0);
	return 0;
bad:
	news_text_free(&joined);
	return -1;
}

/* The value of key: a string, a list, or (kept for an extra only)
 * anything else. */
static int
value(struct fm *f, const char *key, const struct news_pos *kpos)
{
	struct news_text t;

	if (next(f) < 0)
		return -1;
	switch (f->ev.type) {
	case YAML_SCALAR_EVENT:
		scalar_text(f, &t);
		news_header_set(f->a, key, kpos, &t, 0);
		return 0;
	case YAML_SEQUENCE_START_EVENT:
		if (news_field_lookup(key) >= 0)
			return sequence(f, key, kpos);
		break;
	case YAML_ALIAS_EVENT:
		news_diag_add(f->a, NEWS_SEV_WARNING, kpos,
		    "%s: YAML aliases are not followed: left out", key);
		return 0;
	default:
		break;
	}
	if (skip_node(f, &t) < 0)
		return -1;
	if (news_field_lookup(key) >= 0) {
		news_diag_add(f->a, NEWS_SEV_WARNING, kpos,
		    "%s: a string or a list of strings expected: left out", key);
		news_text_free(&t);
		return 0;
	}
	news_header_set(f->a, key, kpos, &t, 0);
	if (f->a->nextra > 0)
		f->a->extra[f->a->nextra - 1].yaml = 1;
	return 0;
}

/* The top mapping, key after key. */
static int
mapping(struct fm *f)
{
	for (;;) {
		struct news_pos kpos;
		char *key;
		int rc;

		if (next(f) < 0)
			return -1;
		if (f->ev.type == YAML_MAPPING_END_EVENT)
			return 0;
		mark_pos(f, f->ev.start_mark, &kpos);
		if (f->ev.type != YAML_SCALAR_EVENT) {
			ev_err_setc(f->err, f->s->name, kpos.line, kpos.col,
			    "front matter: keys must be strings");
			return -1;
		}
		key = ev_estrdup((const char *)f->ev.data.scalar.value);
		rc = value(f, key, &kpos);
		free(key);
		if (rc < 0)
			return -1;
	}
}

/* Up to the top node: an empty front matter is none, anything but a
 * mapping an error. */
static int
document(struct fm *f)
{
	struct news_pos pos;

	do {
		if (next(f) < 0)
			return -1;
	} while (f->ev.type == YAML_STREAM_START_EVENT ||
	    f->ev.type == YAML_DOCUMENT_START_EVENT);
	if (f->ev.type == YAML_STREAM_END_EVENT)
		return 0;
	if (f->ev.type == YAML_SCALAR_EVENT && f->ev.data.scalar.length == 0)
		return 0;
	if (f->ev.type == YAML_MAPPING_START_EVENT)
		return mapping(f);
	mark_pos(f, f->ev.start_mark, &pos);
	ev_err_setc(f->err, f->s->name, pos.line, pos.col,
	    "front matter: a mapping of keys expected (\"Title: ...\")");
	return -1;
}

int
news_yaml_read(struct news_article *a, const struct news_src *s,
    size_t b, size_t e, struct ev_err *err)
{
	struct fm f = { .a = a, .s = s, .b = b, .e = e, .err = err };
	struct news_pos pos;
	int rc;

	news_src_pos(s, b, &pos);
	f.line = pos.line;
	if (!yaml_parser_initialize(&f.p))
		ev_die(EV_EXIT_ERROR, "out of memory");
	yaml_parser_set_input_string(&f.p, (const unsigned char *)s->p + b,
	    e - b);
	yaml_parser_set_encoding(&f.p, YAML_UTF8_ENCODING);
	memset(&f.ev, 0, sizeof(f.ev));
	rc = document(&f);
	yaml_event_delete(&f.ev);
	yaml_parser_delete(&f.p);
	return rc;
}
