/*
 * lintquote.c - the rules about pairs: quotation marks (unpaired,
 * mismatched, straight) and brackets.
 *
 * Quotation marks are paired with a stack, one level for double marks
 * and one for single ones, each mark taking its role (opens, closes,
 * apostrophe, a measure like 26") from the characters around it and
 * from what is open.  Three rules read the same pairing; each runs it
 * on its own, so each can be tested (and disabled) alone.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "evkit.h"
#include "news.h"
#include "news_lint.h"

enum role { R_OPEN, R_CLOSE, R_APOS, R_MEASURE };

struct qmark {
	size_t	 off, len;
	int32_t	 cp;
	int	 level;			/* 1 double, 2 single */
	enum role role;
	size_t	 partner;		/* index, or NONE */
	size_t	 up;			/* an opener: the double one open
					 * around it, or NONE */
};
#define NONE	SIZE_MAX

struct quotes {
	struct qmark *m;
	size_t	 n, cap;
	size_t	*stack;			/* indexes into m of open marks */
	size_t	*below;			/* the entry of the same level below */
	size_t	 depth;
	size_t	 top[3];		/* per level: the top entry, or NONE */
	size_t	 last[4];		/* the last ‘ › ‹ ' of the text */
};

/* The marks, straight and typographic, with their level. */
static int
quote_level(int32_t c)
{
	switch (c) {
	case '"': case 0x201e: case 0x201c: case 0x201d: case 0xab: case 0xbb:
		return 1;
	case '\'': case 0x201a: case 0x2018: case 0x2019: case 0x2039:
	case 0x203a:
		return 2;
	default:
		return 0;
	}
}

static int
is_straight(int32_t c)
{
	return c == '"' || c == '\'';
}

/* The closer that belongs to an opener, for every style there is. */
static int32_t
closer_of(int32_t open)
{
	switch (open) {
	case 0x201e: return 0x201c;	/* „“ German */
	case 0x201c: return 0x201d;	/* “” English */
	case 0xbb: return 0xab;		/* »« German */
	case 0xab: return 0xbb;		/* «» Swiss, French */
	case 0x201a: return 0x2018;	/* ‚‘ */
	case 0x2018: return 0x2019;	/* ‘’ */
	case 0x203a: return 0x2039;	/* ›‹ */
	case 0x2039: return 0x203a;	/* ‹› */
	default: return -1;
	}
}

/* The opener that belongs to a closer; -1 for none. */
static int32_t
opener_of(int32_t close)
{
	static const int32_t open[] = { 0x201e, 0x201c, 0xbb, 0xab, 0x201a,
	    0x2018, 0x203a, 0x2039 };
	size_t i;

	for (i = 0; i < sizeof(open) / sizeof(open[0]); i++)
		if (closer_of(open[i]) == close)
			return open[i];
	return -1;
}

/* The language's own marks for a level. */
static int32_t
lang_open(enum news_lang lang, int level)
{
	if (lang == NEWS_LANG_DE_CH)
		return level == 1 ? 0xab : 0x2039;
	if (lang == NEWS_LANG_EN)
		return level == 1 ? 0x201c : 0x2018;
	return level == 1 ? 0x201e : 0x201a;
}

/* The UTF-8 of c in buf (at least 5 bytes), for messages and fixes. */
static const char *
utf8(int32_t c, char *buf)
{
	buf[utf8proc_encode_char(c, (utf8proc_uint8_t *)buf)] = '\0';
	return buf;
}

/* Characters after which a quote opens: blanks, brackets, dashes,
 * slashes and other quotation marks. */
static int
opens_after(int32_t c)
{
	return news_lint_is_blank(c) || (c >= 0 && c < 0x80 &&
	    strchr("([{</-", (int)c) != NULL && c != 0) ||
	    c == 0x2013 || c == 0x2014 || quote_level(c) != 0;
}

/* Characters before which a quote closes: blanks, punctuation, brackets,
 * dashes, other quotation marks. */
static int
closes_before(int32_t c)
{
	return news_lint_is_blank(c) || (c >= 0 && c < 0x80 &&
	    strchr(".,;:!?)]}>/-*_", (int)c) != NULL && c != 0) ||
	    c == 0x2013 || c == 0x2014 || c == 0x2026 || quote_level(c) != 0;
}

/* The open mark of level, nearest the top of the stack: its index in
 * the stack, or NONE.  Kept per level, so that a run of marks of one
 * level over many of the other costs no search. */
static size_t
open_at(const struct quotes *q, int level)
{
	return q->top[level];
}

static void
open_mark(struct quotes *q, size_t i)
{
	int level = q->m[i].level;

	q->m[i].up = q->top[1] == NONE ? NONE : q->stack[q->top[1]];
	q->below[q->depth] = q->top[level];
	q->top[level] = q->depth;
	q->stack[q->depth++] = i;
}

/* Drop the entries from k up: the marks opened there stay unpaired. */
static void
drop_to(struct quotes *q, size_t k)
{
	int level;

	for (level = 1; level <= 2; level++)
		while (q->top[level] != NONE && q->top[level] >= k)
			q->top[level] = q->below[q->top[level]];
	q->depth = k;
}

/* Words a straight or typographic apostrophe stands before: 's, 'n,
 * 'ne, 'nen, 'em, 'til, 'cause (and the digits of '90er). */
static int
elision(const struct news_ltext *t, size_t i)
{
	static const char *const words[] = { "s", "n", "ne", "nen", "nem",
	    "ner", "em", "til", "tis", "twas", "cause", "bout" };
	size_t j = i, k, len;

	if (j < t->n && news_lint_is_digit((unsigned char)t->s[j]))
		return 1;
	while (j < t->n && news_lint_is_letter(news_lint_at(t, j, &len)))
		j += len;
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (j - i == strlen(words[k]) &&
		    news_lint_word_eq(t->s + i, j - i, words[k], j - i))
			return 1;
	return 0;
}

/*
 * Is the right-flanking ’ at off a closer?  It closes an open single
 * quote when it is that quote's closer, or when that quote's closer
 * does not come later in the text; else it is an apostrophe
 * ("Andreas’") inside the quote.
 */
static int
rsquo_closes(const struct quotes *q, size_t open, size_t off)
{
	int32_t want = closer_of(q->m[q->stack[open]].cp);
	size_t later;

	switch (want) {
	case 0x2019: case -1:	return 1;
	case 0x2018:		later = q->last[0]; break;
	case 0x203a:		later = q->last[1]; break;
	case 0x2039:		later = q->last[2]; break;
	default:		return 1;
	}
	return later == NONE || later < off;
}

/* The role of the mark at m->off from its neighbours and the stack. */
static enum role
quote_role(const struct news_ltext *t, const struct quotes *q,
    const struct qmark *m)
{
	size_t start, len;
	int32_t prev = m->off > 0 ?
	    news_lint_cp_before(t->s, m->off, &start) : -1;
	int32_t next = m->off + m->len < t->n ?
	    news_lint_at(t, m->off + m->len, &len) : -1;
	int left = !news_lint_is_blank(next) && opens_after(prev);
	int right = !news_lint_is_blank(prev) && closes_before(next);
	size_t open = open_at(q, m->level);

	if (m->cp == 0x201e || m->cp == 0x201a)
		return R_OPEN;
	if (m->cp == '"' && news_lint_is_digit(prev) && open == NONE && !left)
		return R_MEASURE;
	if (m->cp == '\'' || m->cp == 0x2019) {
		if (news_lint_is_alnum(prev) && news_lint_is_alnum(next))
			return R_APOS;
		if (m->cp == '\'' && news_lint_is_digit(prev) && open == NONE)
			return R_MEASURE;
		if (left && (m->cp == 0x2019 ||
		    elision(t, m->off + m->len)))
			return R_APOS;
		if (!left && open == NONE)
			return R_APOS;
		if (!left && m->cp == 0x2019 && !rsquo_closes(q, open, m->off))
			return R_APOS;
	}
	if (left && !right)
		return R_OPEN;
	if (right && !left)
		return R_CLOSE;
	return open != NONE ? R_CLOSE : R_OPEN;
}

static void
push_mark(struct quotes *q, size_t off, size_t len, int32_t cp)
{
	if (q->n == q->cap) {
		q->cap = q->cap ? 2 * q->cap : 16;
		q->m = ev_ereallocarray(q->m, q->cap, sizeof(*q->m));
		q->stack = ev_ereallocarray(q->stack, q->cap,
		    sizeof(*q->stack));
		q->below = ev_ereallocarray(q->below, q->cap,
		    sizeof(*q->below));
	}
	q->m[q->n].off = off;
	q->m[q->n].len = len;
	q->m[q->n].cp = cp;
	q->m[q->n].level = quote_level(cp);
	q->m[q->n].partner = NONE;
	q->m[q->n].up = NONE;
	q->n++;
}

/* A closer: pair it with the open mark of its level; the marks opened
 * inside and never closed stay unpaired. */
static void
close_mark(struct quotes *q, size_t i)
{
	size_t k = open_at(q, q->m[i].level);

	if (k == NONE)
		return;
	q->m[i].partner = q->stack[k];
	q->m[q->stack[k]].partner = i;
	drop_to(q, k);
}

static void
find_last(struct quotes *q, const struct news_ltext *t)
{
	static const int32_t which[4] = { 0x2018, 0x203a, 0x2039, '\'' };
	size_t i, k, len;
	int32_t c;

	for (k = 0; k < 4; k++)
		q->last[k] = NONE;
	for (i = 0; i < t->n; i += len) {
		c = news_lint_at(t, i, &len);
		for (k = 0; k < 4; k++)
			if (c == which[k] && !t->prot[i])
				q->last[k] = i;
	}
}

/* Pair the quotation marks of t outside protected spans. */
static void
quote_scan(const struct news_ltext *t, struct quotes *q)
{
	size_t i, len;
	int32_t c;

	memset(q, 0, sizeof(*q));
	q->top[0] = q->top[1] = q->top[2] = NONE;
	find_last(q, t);
	for (i = 0; i < t->n; i += len) {
		c = news_lint_at(t, i, &len);
		if (quote_level(c) == 0 || t->prot[i])
			continue;
		push_mark(q, i, len, c);
		q->m[q->n - 1].role = quote_role(t, q, &q->m[q->n - 1]);
		if (q->m[q->n - 1].role == R_OPEN)
			open_mark(q, q->n - 1);
		else if (q->m[q->n - 1].role == R_CLOSE)
			close_mark(q, q->n - 1);
	}
}

static void
quote_free(struct quotes *q)
{
	free(q->m);
	free(q->stack);
	free(q->below);
}

void
news_rule_quote_unpaired(struct news_ltext *t)
{
	struct quotes q;
	size_t i;
	int runs_on = t->lint->cont;
	char b[8];

	quote_scan(t, &q);
	for (i = 0; i < q.n; i++) {
		if (q.m[i].partner != NONE)
			continue;
		/* the outermost quotation left open runs on into the next
		 * paragraph, which opens with a mark again */
		if (q.m[i].role == R_OPEN && runs_on) {
			runs_on = 0;
			continue;
		}
		if (q.m[i].role == R_OPEN)
			news_lint_report(t, q.m[i].off, q.m[i].len, NULL,
			    "quotation mark %s is never closed",
			    utf8(q.m[i].cp, b));
		else if (q.m[i].role == R_CLOSE)
			news_lint_report(t, q.m[i].off, q.m[i].len, NULL,
			    "quotation mark %s closes no quote",
			    utf8(q.m[i].cp, b));
	}
	quote_free(&q);
}

/*
 * A pair of typographic marks of two styles ("„…”").  The fix makes it
 * the language's pair when one side already is, else the opener's own.
 */
static void
mismatch(struct news_ltext *t, const struct qmark *o, const struct qmark *c)
{
	enum news_lang lang = t->lint->lang;
	int32_t lo = lang_open(lang, o->level);
	char b1[8], b2[8], fix[8];

	if (closer_of(o->cp) == c->cp)
		return;
	if (o->cp != lo && c->cp == closer_of(lo))
		news_lint_report(t, o->off, o->len, utf8(lo, fix),
		    "quotation %s%s opened with the wrong mark",
		    utf8(o->cp, b1), utf8(c->cp, b2));
	else if (closer_of(o->cp) < 0)	/* "”…»": no pair to make */
		news_lint_report(t, o->off, o->len, NULL,
		    "quotation opened with %s, a closing mark",
		    utf8(o->cp, b1));
	else
		news_lint_report(t, c->off, c->len, utf8(closer_of(o->cp), fix),
		    "quotation opened with %s closed by %s", utf8(o->cp, b1),
		    utf8(c->cp, b2));
}

void
news_rule_quote_mismatch(struct news_ltext *t)
{
	struct quotes q;
	size_t i;

	quote_scan(t, &q);
	for (i = 0; i < q.n; i++) {
		const struct qmark *m = &q.m[i];

		if (m->role != R_OPEN || m->partner == NONE ||
		    is_straight(m->cp) || is_straight(q.m[m->partner].cp))
			continue;
		mismatch(t, m, &q.m[m->partner]);
	}
	quote_free(&q);
}

/*
 * The typographic mark for a straight one: the partner's own when the
 * partner is typographic ("\"…“" opens with „), else the language's,
 * single for a double pair directly inside the outermost double one,
 * when that pairs ("a "b" c" → „a ‚b‘ c“, as typography sets it; a
 * third level is double again).
 * NULL when it is unpaired: a quote that cannot be paired is reported,
 * never guessed.
 */
static const char *
straight_fix(const struct news_ltext *t, const struct quotes *q,
    const struct qmark *m, char *buf)
{
	enum news_lang lang = t->lint->lang;
	const struct qmark *p, *o;
	int32_t c;
	int level = m->level;

	if (m->role == R_APOS)
		return utf8(0x2019, buf);
	if (m->partner == NONE)
		return NULL;
	p = &q->m[m->partner];
	o = m->role == R_OPEN ? m : p;
	if (level == 1 && o->up != NONE && q->m[o->up].partner != NONE &&
	    q->m[o->up].up == NONE)
		level = 2;
	if (m->role == R_OPEN)
		c = is_straight(p->cp) ? lang_open(lang, level) :
		    opener_of(p->cp);
	else
		c = is_straight(p->cp) ? closer_of(lang_open(lang, level)) :
		    closer_of(p->cp);
	return c < 0 ? NULL : utf8(c, buf);
}

void
news_rule_quote_straight(struct news_ltext *t)
{
	struct quotes q;
	size_t i;
	const char *fix;
	char buf[8];

	quote_scan(t, &q);
	for (i = 0; i < q.n; i++) {
		const struct qmark *m = &q.m[i];

		if (!is_straight(m->cp) || m->role == R_MEASURE)
			continue;
		fix = straight_fix(t, &q, m, buf);
		if (m->role == R_APOS)
			news_lint_report(t, m->off, m->len, fix,
			    "straight apostrophe (typographic: %s)", fix);
		else if (fix != NULL)
			news_lint_report(t, m->off, m->len, fix,
			    "straight quotation mark %c (typographic: %s)",
			    (char)m->cp, fix);
		else
			news_lint_report(t, m->off, m->len, NULL,
			    "straight quotation mark %c, unpaired",
			    (char)m->cp);
	}
	quote_free(&q);
}

/* ---- brackets ---- */

enum bkind { B_NONE, B_UNOPENED, B_UNCLOSED, B_MISMATCH };

/* The bracket events of t: fn(t, kind, off, opener) for each problem
 * (opener: the bracket a mismatched closer found open). */
typedef void bracket_fn(struct news_ltext *, enum bkind, size_t off,
	    size_t opener);

static char
bracket_pair(char c)
{
	switch (c) {
	case '(': return ')';
	case '[': return ']';
	case '{': return '}';
	case ')': return '(';
	case ']': return '[';
	case '}': return '{';
	default: return 0;
	}
}

/* A ')' that closes nothing by nature: an enumeration ("a)", "12)")
 * or a smiley (":)", ";-)"). */
static int
bracket_free(const struct news_ltext *t, size_t i)
{
	size_t j = i;

	if (i > 0 && (t->s[i - 1] == ':' || t->s[i - 1] == ';'))
		return 1;
	if (i > 1 && t->s[i - 1] == '-' && (t->s[i - 2] == ':' ||
	    t->s[i - 2] == ';'))
		return 1;
	if (t->s[i] != ')')
		return 0;
	while (j > 0 && j + 2 > i && ((t->s[j - 1] >= 'a' &&
	    t->s[j - 1] <= 'z') || (t->s[j - 1] >= '0' && t->s[j - 1] <= '9')))
		j--;
	return j < i && (j == 0 || t->s[j - 1] == ' ' || t->s[j - 1] == '\n');
}

struct brackets {
	size_t	*stack;			/* offsets of the open brackets */
	size_t	 depth, cap;
	size_t	 count[3];		/* open ones of each kind: ( [ { */
};

static int
bracket_kind(char c)
{
	return c == '(' || c == ')' ? 0 : c == '[' || c == ']' ? 1 : 2;
}

static void
bracket_push(struct brackets *b, const struct news_ltext *t, size_t i)
{
	if (b->depth == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->stack = ev_ereallocarray(b->stack, b->cap, sizeof(*b->stack));
	}
	b->stack[b->depth++] = i;
	b->count[bracket_kind(t->s[i])]++;
}

static size_t
bracket_pop(struct brackets *b, const struct news_ltext *t)
{
	size_t off = b->stack[--b->depth];

	b->count[bracket_kind(t->s[off])]--;
	return off;
}

/* A closer at i: it closes the nearest opener of its kind, and those
 * opened after that one stay unclosed; with none of its kind open, it
 * closes the top one, mismatched, or nothing. */
static void
bracket_close(struct news_ltext *t, struct brackets *b, size_t i,
    bracket_fn *fn)
{
	char c = t->s[i];

	if (b->count[bracket_kind(c)] == 0) {
		if (bracket_free(t, i))
			return;
		if (b->depth > 0)
			fn(t, B_MISMATCH, i, bracket_pop(b, t));
		else
			fn(t, B_UNOPENED, i, 0);
		return;
	}
	while (t->s[b->stack[b->depth - 1]] != bracket_pair(c))
		fn(t, B_UNCLOSED, bracket_pop(b, t), 0);
	bracket_pop(b, t);
}

static void
bracket_scan(struct news_ltext *t, bracket_fn *fn)
{
	struct brackets b = { NULL, 0, 0, { 0, 0, 0 } };
	size_t i;
	char c;

	for (i = 0; i < t->n; i++) {
		c = t->s[i];
		if (bracket_pair(c) == 0 || t->prot[i])
			continue;
		if (c == ')' || c == ']' || c == '}')
			bracket_close(t, &b, i, fn);
		else if (c != '(' || !bracket_free(t, i))
			bracket_push(&b, t, i);
	}
	while (b.depth > 0)
		fn(t, B_UNCLOSED, bracket_pop(&b, t), 0);
	free(b.stack);
}

static void
unpaired(struct news_ltext *t, enum bkind kind, size_t off, size_t opener)
{
	(void)opener;
	if (kind == B_UNOPENED)
		news_lint_report(t, off, 1, NULL, "'%c' closes no bracket",
		    t->s[off]);
	else if (kind == B_UNCLOSED)
		news_lint_report(t, off, 1, NULL, "'%c' is never closed",
		    t->s[off]);
}

static void
mismatched(struct news_ltext *t, enum bkind kind, size_t off, size_t opener)
{
	if (kind == B_MISMATCH)
		news_lint_report(t, off, 1, NULL, "'%c' closed by '%c'",
		    t->s[opener], t->s[off]);
}

void
news_rule_bracket_unpaired(struct news_ltext *t)
{
	bracket_scan(t, unpaired);
}

void
news_rule_bracket_mismatch(struct news_ltext *t)
{
	bracket_scan(t, mismatched);
}
