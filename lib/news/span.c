/*
 * span.c - the protected spans of inline Markdown: the bytes that no
 * typographic or lint rule may touch, because changing them would break
 * code, a link, markup or an address.
 *
 * One scan from left to right, as CommonMark's inline parser goes: at
 * each byte the constructs that can start there are tried, the first
 * that matches is reported and skipped whole, so the spans come in order
 * and never overlap.  The scan is linear in the length of the text: code
 * spans find their closer through a table of backtick runs, the
 * searches for "-->" and friends remember their answer for the later
 * ones, and the two constructs that CommonMark lets run without bound
 * and fail late (an HTML open tag, a link destination) give up after
 * SCAN_MAX bytes.
 *
 * The text need not be valid UTF-8: bytes are classified as ASCII or
 * not, and the few non-ASCII characters that end a bare URL are
 * compared as byte sequences.
 */
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "news.h"

/*
 * How far one attempt at an HTML open tag or a link destination may
 * look before it gives up (the construct is then text).  Real tags and
 * destinations are far shorter; the bound keeps hostile input (many
 * unfinished "<a x=" or "](" in one block) from making the scan
 * quadratic.
 */
#define SCAN_MAX	8192
/* Nesting of unescaped parentheses in a link destination (CommonMark
 * lets an implementation bound it; cmark allows 32). */
#define PAREN_MAX	32
/* A link label is at most 999 characters (CommonMark 4.7). */
#define LABEL_MAX	999
#define NONE		((size_t)-1)

/* The code spans' closers: the maximal backtick runs of the text,
 * grouped by length, each group in order of position. */
struct ticks {
	size_t	*pos;		/* the starts of the runs, by group */
	size_t	*group;		/* group[len]..group[len + 1]: len's runs */
	size_t	*cur;		/* cur[len]: the first run not yet passed */
	size_t	 maxlen;
	int	 built;
};

/* The answer of the last search for a terminator ("-->", "?>", ...):
 * its first occurrence at or after from is at (n: there is none). */
struct found {
	size_t	 from, at;
};

struct scan {
	const unsigned char *s;
	size_t	 n;
	void	(*fn)(void *, size_t, size_t);
	void	*arg;
	int	 brackets;	/* '[' not yet closed by ']' */
	struct ticks ticks;
	struct found comment, pi, cdata, decl;
};

/* ---- bytes -------------------------------------------------------------- */

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alnum(int c)
{
	return is_alpha(c) || is_digit(c);
}

static int
is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* c is one of the bytes of set (never the NUL that ends it). */
static int
in(const char *set, int c)
{
	return c != 0 && strchr(set, c) != NULL;
}

/* CommonMark's ASCII punctuation: what a backslash escapes. */
static int
is_punct(int c)
{
	return c > 0x20 && c < 0x7f && !is_alnum(c);
}

/*
 * The non-ASCII characters that end a bare URL, an autolink, a link
 * destination or an unquoted HTML attribute value: the spaces (U+00A0,
 * U+2000-U+200A, U+202F, U+205F, U+3000), the quotation marks (U+00AB,
 * U+00BB, U+2018-U+201F, U+2039, U+203A) and the ellipsis (U+2026).
 * An IRI may hold other letters (Döhren), so these are all that stop
 * it.  CommonMark lets autolinks, destinations and attribute values
 * hold them, but they are what typography writes for a space, a
 * straight quote or "...": stopping at them keeps a typeset text's
 * spans those of the text it came from (a space made no-break does not
 * turn "[a](5 km)" into a link on the second pass).  Returns the
 * length of the character at s[i] when it is one of them, else 0.
 */
static size_t
typeset_stop(const unsigned char *s, size_t n, size_t i)
{
	if (i + 1 < n && s[i] == 0xc2 &&
	    (s[i + 1] == 0xa0 || s[i + 1] == 0xab || s[i + 1] == 0xbb))
		return 2;
	if (i + 2 < n && s[i] == 0xe2 && s[i + 1] == 0x80 &&
	    ((s[i + 2] >= 0x80 && s[i + 2] <= 0x8a) || s[i + 2] == 0xa6 ||
	    s[i + 2] == 0xaf || (s[i + 2] >= 0x98 && s[i + 2] <= 0x9f) ||
	    s[i + 2] == 0xb9 || s[i + 2] == 0xba))
		return 3;
	if (i + 2 < n && s[i] == 0xe2 && s[i + 1] == 0x81 && s[i + 2] == 0x9f)
		return 3;
	if (i + 2 < n && s[i] == 0xe3 && s[i + 1] == 0x80 && s[i + 2] == 0x80)
		return 3;
	return 0;
}

static void
report(struct scan *sc, size_t start, size_t end)
{
	sc->fn(sc->arg, start, end);
}

/* The first occurrence of pat at or after from, or n; remembered in f
 * for the searches that start later, so that a text full of "<!--"
 * without "-->" is searched once. */
static size_t
find(struct scan *sc, struct found *f, const char *pat, size_t from)
{
	size_t k = strlen(pat), i;
	const unsigned char *p;

	if (f->at != NONE && from >= f->from && from <= f->at)
		return f->at;
	f->from = from;
	f->at = sc->n;
	for (i = from; i + k <= sc->n; i = (size_t)(p - sc->s) + 1) {
		p = memchr(sc->s + i, pat[0], sc->n - i);
		if (p == NULL || (size_t)(p - sc->s) + k > sc->n)
			break;
		if (memcmp(p, pat, k) == 0) {
			f->at = (size_t)(p - sc->s);
			break;
		}
	}
	return f->at;
}

/* ---- code spans --------------------------------------------------------- */

static size_t
run_len(const struct scan *sc, size_t i, int c)
{
	size_t j = i;

	while (j < sc->n && sc->s[j] == c)
		j++;
	return j - i;
}

/* The table of backtick runs, made the first time a backtick is met:
 * two passes, one to size it, one to fill it (a counting sort by
 * length that keeps the order of position). */
static void
ticks_build(struct scan *sc)
{
	struct ticks *t = &sc->ticks;
	size_t i, k, nruns = 0, *fill;

	t->built = 1;
	for (i = 0; i < sc->n; i += k ? k : 1)
		if ((k = sc->s[i] == '`' ? run_len(sc, i, '`') : 0) > 0) {
			nruns++;
			if (k > t->maxlen)
				t->maxlen = k;
		}
	t->pos = ev_ereallocarray(NULL, nruns, sizeof(size_t));
	t->group = ev_ecalloc(t->maxlen + 2, sizeof(size_t));
	t->cur = ev_ecalloc(t->maxlen + 2, sizeof(size_t));
	for (i = 0; i < sc->n; i += k ? k : 1)
		if ((k = sc->s[i] == '`' ? run_len(sc, i, '`') : 0) > 0)
			t->group[k + 1]++;
	for (k = 1; k <= t->maxlen + 1; k++)
		t->group[k] += t->group[k - 1];
	fill = ev_ecalloc(t->maxlen + 2, sizeof(size_t));
	memcpy(fill, t->group, (t->maxlen + 2) * sizeof(size_t));
	memcpy(t->cur, t->group, (t->maxlen + 2) * sizeof(size_t));
	for (i = 0; i < sc->n; i += k ? k : 1)
		if ((k = sc->s[i] == '`' ? run_len(sc, i, '`') : 0) > 0)
			t->pos[fill[k]++] = i;
	free(fill);
}

/* The start of the first run of exactly len backticks after i, or
 * NONE.  The openers come in order, so each group's cursor only moves
 * forward: every run is passed once. */
static size_t
ticks_after(struct scan *sc, size_t len, size_t i)
{
	struct ticks *t = &sc->ticks;
	size_t c;

	if (!t->built)
		ticks_build(sc);
	if (len > t->maxlen)
		return NONE;
	for (c = t->cur[len]; c < t->group[len + 1] && t->pos[c] <= i; c++)
		;
	t->cur[len] = c;
	return c < t->group[len + 1] ? t->pos[c] : NONE;
}

/* A backtick run opens a code span when a run of the same length
 * follows (CommonMark 6.1); else the run is text. */
static size_t
code_span(struct scan *sc, size_t i)
{
	size_t k = run_len(sc, i, '`'), c = ticks_after(sc, k, i);

	if (c == NONE)
		return i + k;	/* literal backticks, not protected */
	report(sc, i, c + k);
	return c + k;
}

/* ---- "<": autolinks and raw HTML ---------------------------------------- */

/* <scheme:...> (CommonMark 6.5): the end after '>', or 0. */
static size_t
autolink_uri(const struct scan *sc, size_t i)
{
	size_t j = i + 1, k;

	if (j >= sc->n || !is_alpha(sc->s[j]))
		return 0;
	for (k = j + 1; k < sc->n && (is_alnum(sc->s[k]) || sc->s[k] == '+' ||
	    sc->s[k] == '.' || sc->s[k] == '-'); k++)
		;
	if (k - j < 2 || k - j > 32 || k >= sc->n || sc->s[k] != ':')
		return 0;
	for (k++; k < sc->n; k++) {
		if (sc->s[k] == '>')
			return k + 1;
		if (sc->s[k] <= 0x20 || sc->s[k] == '<' || sc->s[k] == 0x7f ||
		    typeset_stop(sc->s, sc->n, k) > 0)
			return 0;
	}
	return 0;
}

static int
is_email_local(int c)
{
	return is_alnum(c) || in(".!#$%&'*+/=?^_`{|}~-", c);
}

/* <local@domain> (CommonMark 6.5): the end after '>', or 0. */
static size_t
autolink_email(const struct scan *sc, size_t i)
{
	size_t j = i + 1, label;

	while (j < sc->n && is_email_local(sc->s[j]))
		j++;
	if (j == i + 1 || j >= sc->n || sc->s[j] != '@')
		return 0;
	for (j++, label = 0; j < sc->n; j++) {
		int c = sc->s[j];

		if (is_alnum(c) || (c == '-' && label > 0))
			label++;
		else if (c == '.' && label > 0 && sc->s[j - 1] != '-')
			label = 0;
		else if (c == '>' && label > 0 && sc->s[j - 1] != '-')
			return j + 1;
		else
			return 0;
		if (label > 63)
			return 0;
	}
	return 0;
}

/* An attribute value after '=' (CommonMark 6.6): its end, or 0. */
static size_t
attr_value(const struct scan *sc, size_t j, size_t lim)
{
	int q = sc->s[j];

	if (q == '"' || q == '\'') {
		const unsigned char *e = memchr(sc->s + j + 1, q, lim - j - 1);

		return e == NULL ? 0 : (size_t)(e - sc->s) + 1;
	}
	while (j < lim && !is_ws(sc->s[j]) && !in("\"'=<>`", sc->s[j]) &&
	    typeset_stop(sc->s, lim, j) == 0)
		j++;
	return j;
}

/* <name attr="value" ... /?> within SCAN_MAX bytes: the end, or 0. */
static size_t
open_tag(const struct scan *sc, size_t i)
{
	size_t lim = sc->n - i > SCAN_MAX ? i + SCAN_MAX : sc->n, j = i + 1, w;

	if (j >= lim || !is_alpha(sc->s[j]))
		return 0;
	while (j < lim && (is_alnum(sc->s[j]) || sc->s[j] == '-'))
		j++;
	for (;;) {
		for (w = j; j < lim && is_ws(sc->s[j]); j++)
			;
		if (j >= lim)
			return 0;
		if (sc->s[j] == '>')
			return j + 1;
		if (sc->s[j] == '/')
			return j + 1 < lim && sc->s[j + 1] == '>' ? j + 2 : 0;
		/* an attribute needs white space before it */
		if (w == j || !(is_alpha(sc->s[j]) || sc->s[j] == '_' ||
		    sc->s[j] == ':'))
			return 0;
		while (j < lim && (is_alnum(sc->s[j]) || in("_.:-", sc->s[j])))
			j++;
		for (w = j; w < lim && is_ws(sc->s[w]); w++)
			;
		if (w < lim && sc->s[w] == '=') {
			for (w++; w < lim && is_ws(sc->s[w]); w++)
				;
			if (w >= lim || (j = attr_value(sc, w, lim)) <= w)
				return 0;
		}
	}
}

/* </name >: the end, or 0. */
static size_t
close_tag(const struct scan *sc, size_t i)
{
	size_t j = i + 2;

	if (j >= sc->n || !is_alpha(sc->s[j]))
		return 0;
	while (j < sc->n && (is_alnum(sc->s[j]) || sc->s[j] == '-'))
		j++;
	while (j < sc->n && is_ws(sc->s[j]))
		j++;
	return j < sc->n && sc->s[j] == '>' ? j + 1 : 0;
}

/* The end of the thing that begins at i with open and ends with close,
 * or 0 when close never comes. */
static size_t
until(struct scan *sc, struct found *f, size_t i, const char *open,
    const char *close)
{
	size_t k = strlen(open), e;

	if (sc->n - i < k || memcmp(sc->s + i, open, k) != 0)
		return 0;
	e = find(sc, f, close, i + k);
	return e >= sc->n ? 0 : e + strlen(close);
}

/* Comments, processing instructions, declarations, CDATA (CommonMark
 * 0.31 6.6): the end, or 0. */
static size_t
html_other(struct scan *sc, size_t i)
{
	size_t e;

	if (sc->n - i >= 5 && memcmp(sc->s + i, "<!-->", 5) == 0)
		return i + 5;
	if (sc->n - i >= 6 && memcmp(sc->s + i, "<!--->", 6) == 0)
		return i + 6;
	if ((e = until(sc, &sc->comment, i, "<!--", "-->")) > 0)
		return e;
	if ((e = until(sc, &sc->cdata, i, "<![CDATA[", "]]>")) > 0)
		return e;
	if ((e = until(sc, &sc->pi, i, "<?", "?>")) > 0)
		return e;
	if (i + 2 < sc->n && sc->s[i + 1] == '!' && is_alpha(sc->s[i + 2]))
		return until(sc, &sc->decl, i, "<!", ">");
	return 0;
}

static size_t
angle(struct scan *sc, size_t i)
{
	size_t e;

	if ((e = autolink_uri(sc, i)) == 0 &&
	    (e = autolink_email(sc, i)) == 0 &&
	    (e = open_tag(sc, i)) == 0 &&
	    (i + 1 >= sc->n || sc->s[i + 1] != '/' ||
	    (e = close_tag(sc, i)) == 0) &&
	    (e = html_other(sc, i)) == 0)
		return i + 1;
	report(sc, i, e);
	return e;
}

/* ---- "&": entities ------------------------------------------------------- */

/* &name; &#123; &#x1F; (CommonMark 6.2; the name is not looked up in
 * HTML's list: an unknown name is no text to typeset either). */
static size_t
entity(struct scan *sc, size_t i)
{
	size_t j = i + 1, k;

	if (j < sc->n && sc->s[j] == '#') {
		int hex = j + 1 < sc->n && (sc->s[j + 1] | 0x20) == 'x';

		j += hex ? 2 : 1;
		for (k = j; k < sc->n && k - j < (hex ? 6u : 7u) &&
		    (is_digit(sc->s[k]) || (hex && in("abcdefABCDEF", sc->s[k])));
		    k++)
			;
	} else {
		if (j >= sc->n || !is_alpha(sc->s[j]))
			return i + 1;
		for (k = j; k < sc->n && k - j < 32 && is_alnum(sc->s[k]); k++)
			;
	}
	if (k == j || k >= sc->n || sc->s[k] != ';')
		return i + 1;
	report(sc, i, k + 1);
	return k + 1;
}

/* ---- "](": link destinations and titles ---------------------------------- */

static size_t
skip_ws(const struct scan *sc, size_t j, size_t lim)
{
	while (j < lim && is_ws(sc->s[j]))
		j++;
	return j;
}

/* <dest> or a destination with balanced parentheses: its end, or 0. */
static size_t
destination(const struct scan *sc, size_t j, size_t lim)
{
	int depth = 0;

	if (j < lim && sc->s[j] == '<') {
		for (j++; j < lim && sc->s[j] != '\n' && sc->s[j] != '<'; j++) {
			if (sc->s[j] == '\\' && j + 1 < lim && is_punct(sc->s[j + 1]))
				j++;
			else if (sc->s[j] == '>')
				return j + 1;
		}
		return 0;
	}
	for (; j < lim && sc->s[j] > 0x20 && sc->s[j] != 0x7f &&
	    typeset_stop(sc->s, lim, j) == 0; j++) {
		if (sc->s[j] == '\\' && j + 1 < lim && is_punct(sc->s[j + 1]))
			j++;
		else if (sc->s[j] == '(' && ++depth > PAREN_MAX)
			return 0;
		else if (sc->s[j] == ')' && --depth < 0)
			break;
	}
	return depth <= 0 ? j : 0;
}

/* "title", 'title' or (title): its end, or 0. */
static size_t
title(const struct scan *sc, size_t j, size_t lim)
{
	int open = sc->s[j], close = open == '(' ? ')' : open;

	for (j++; j < lim; j++) {
		if (sc->s[j] == '\\' && j + 1 < lim && is_punct(sc->s[j + 1]))
			j++;
		else if (sc->s[j] == close)
			return j + 1;
		else if (open == '(' && sc->s[j] == '(')
			return 0;
	}
	return 0;
}

/*
 * At the '(' after "]": "(dest "title")" (CommonMark 6.3), the whole
 * parenthesis protected.  The end, or 0 when it is no destination (the
 * parenthesis is then text, and what is inside is scanned as text).
 */
static size_t
link_tail(const struct scan *sc, size_t i)
{
	size_t lim = sc->n - i > SCAN_MAX ? i + SCAN_MAX : sc->n, j, e;

	j = skip_ws(sc, i + 1, lim);
	if (j < lim && sc->s[j] == ')')
		return j + 1;
	if ((e = destination(sc, j, lim)) == 0 || e == j)
		return 0;
	j = skip_ws(sc, e, lim);
	if (j > e && j < lim && in("\"'(", sc->s[j]) &&
	    (e = title(sc, j, lim)) > 0)
		j = skip_ws(sc, e, lim);
	return j < lim && sc->s[j] == ')' ? j + 1 : 0;
}

/* [label] after "]" (a full reference link): its end, or 0. */
static size_t
ref_label(const struct scan *sc, size_t i)
{
	size_t j;

	for (j = i + 1; j < sc->n && j - i <= LABEL_MAX; j++) {
		if (sc->s[j] == '\\' && j + 1 < sc->n && is_punct(sc->s[j + 1]))
			j++;
		else if (sc->s[j] == '[')
			return 0;
		else if (sc->s[j] == ']')
			return j > i + 1 ? j + 1 : 0;
	}
	return 0;
}

static size_t
bracket_close(struct scan *sc, size_t i)
{
	size_t e = 0;
	int open = sc->brackets > 0;

	if (open)
		sc->brackets--;
	if (!open || i + 1 >= sc->n)
		return i + 1;
	if (sc->s[i + 1] == '(')
		e = link_tail(sc, i + 1);
	else if (sc->s[i + 1] == '[')
		e = ref_label(sc, i + 1);
	if (e == 0)
		return i + 1;
	report(sc, i + 1, e);
	return e;
}

/* Only spaces from j to the end of the line: the end, or 0. */
static size_t
line_end(const struct scan *sc, size_t j)
{
	while (j < sc->n && (sc->s[j] == ' ' || sc->s[j] == '\t'))
		j++;
	return j == sc->n || sc->s[j] == '\n' ? j : 0;
}

/*
 * A link reference definition, "[label]: dest 'title'" on lines of its
 * own at the start of the block (CommonMark 4.7; one cannot interrupt a
 * paragraph): the end of its last line (before the '\n'), or 0.  The
 * whole definition is protected: its label must match the references
 * byte for byte, and typesetting it could make them differ.
 */
static size_t
refdef(const struct scan *sc, size_t i)
{
	size_t lim = sc->n - i > SCAN_MAX ? i + SCAN_MAX : sc->n, j, e, t;

	for (j = i; j < lim && j - i < 3 && sc->s[j] == ' '; j++)
		;
	if (j >= lim || sc->s[j] != '[' || (e = ref_label(sc, j)) == 0 ||
	    e >= lim || sc->s[e] != ':')
		return 0;
	j = skip_ws(sc, e + 1, lim);
	if ((e = destination(sc, j, lim)) == 0 || e == j)
		return 0;
	j = skip_ws(sc, e, lim);
	if (j > e && j < lim && in("\"'(", sc->s[j]) &&
	    (t = title(sc, j, lim)) > 0 && (t = line_end(sc, t)) > 0)
		return t;
	/* without the title, when what follows is on a line of its own */
	return line_end(sc, e);
}

/* ---- bare URLs and e-mail addresses --------------------------------------- */

/* Trailing punctuation is the sentence's, not the URL's (GFM's
 * autolink extension): ".,:;!?*_~'" and a ')' that closes nothing in
 * the URL. */
static size_t
url_trim(const struct scan *sc, size_t i, size_t e)
{
	size_t j;
	long open = 0;

	for (j = i; j < e; j++)
		open += sc->s[j] == '(' ? 1 : sc->s[j] == ')' ? -1 : 0;
	while (e > i) {
		int c = sc->s[e - 1];

		if (in(".,:;!?*_~'", c))
			e--;
		else if (c == ')' && open < 0)
			e--, open++;
		else
			break;
	}
	return e;
}

/* The end of a bare URL's body from j: white space, control
 * characters, <>"` and Unicode spaces and quotation marks end it, so
 * does ']' inside a link text. */
static size_t
url_body(const struct scan *sc, size_t j)
{
	size_t k;

	while (j < sc->n) {
		int c = sc->s[j];

		if (c <= 0x20 || c == 0x7f || in("<>\"`", c) ||
		    (c == ']' && sc->brackets > 0))
			break;
		if (c >= 0x80 && (k = typeset_stop(sc->s, sc->n, j)) > 0)
			break;
		j++;
	}
	return j;
}

/* scheme://... or www.... at the start of a word: the end, or 0. */
static size_t
bare_url(const struct scan *sc, size_t i)
{
	size_t j = i, body, e;

	while (j < sc->n && j - i <= 32 && (is_alnum(sc->s[j]) ||
	    sc->s[j] == '+' || sc->s[j] == '.' || sc->s[j] == '-'))
		j++;
	if (is_alpha(sc->s[i]) && sc->n - j >= 3 &&
	    memcmp(sc->s + j, "://", 3) == 0)
		body = j + 3;
	else if (sc->n - i >= 4 && ev_strncaseeq((const char *)sc->s + i,
	    "www.", 4))
		body = i + 4;
	else
		return 0;
	e = url_trim(sc, i, url_body(sc, body));
	return e > body ? e : 0;
}

/* local@domain.tld at the start of a word: the end, or 0.  The local
 * part is what mail addresses in prose use; the domain needs a dot and
 * loses a trailing '.' or '-' to the sentence. */
static size_t
bare_email(const struct scan *sc, size_t i)
{
	size_t j = i, e, k;

	if (!is_alnum(sc->s[i]))
		return 0;
	while (j < sc->n && (is_alnum(sc->s[j]) || in("._%+-", sc->s[j])))
		j++;
	if (j >= sc->n || sc->s[j] != '@' || j + 1 >= sc->n ||
	    !is_alnum(sc->s[j + 1]))
		return 0;
	for (e = j + 1; e < sc->n && (is_alnum(sc->s[e]) || sc->s[e] == '-' ||
	    sc->s[e] == '.'); e++)
		;
	while (e > j + 1 && (sc->s[e - 1] == '.' || sc->s[e - 1] == '-'))
		e--;
	for (k = j + 2; k + 1 < e; k++)
		if (sc->s[k] == '.')
			return e;
	return 0;
}

/* After these a word does not start (word_start). */
static int
joins(int c)
{
	return is_alnum(c) || c == '+' || c == '.' || c == '-' || c == '%';
}

/*
 * Where a word starts: not after a letter, digit, or what joins a URL
 * or an address to what comes before.  Of the non-ASCII characters,
 * Latin-1's signs and the general punctuation (U+00A0-U+00BF,
 * U+2000-U+206F: spaces, dashes, quotation marks) start a word;
 * letters and "…" do not ("Müllerwww.x", "…www.x" are no URLs).
 * After ':' is a start, for "mailto:a@b.de".
 */
static int
word_start(const struct scan *sc, size_t i)
{
	size_t b;
	int c;

	if (i == 0)
		return 1;
	c = sc->s[i - 1];
	if (c < 0x80)
		return !joins(c) && c != '@' && c != '/' && c != '&';
	/* the character before i; a stray continuation byte (the text
	 * need not be valid) starts none of those below */
	b = ev_utf8_cut((const char *)sc->s, i - 1);
	if (i - b == 2 && sc->s[b] == 0xc2 && sc->s[b + 1] >= 0xa0)
		return 1;
	/* "…" joins as "." does */
	return i - b == 3 && sc->s[b] == 0xe2 &&
	    (sc->s[b + 1] == 0x80 || sc->s[b + 1] == 0x81) &&
	    !(sc->s[b + 1] == 0x80 && sc->s[b + 2] == 0xa6);
}

/*
 * At a word's start: a URL or an address, or the end of the run of
 * letters, digits and joining characters, inside which no word starts.
 * What can follow the run decides which is tried: ':' for a scheme,
 * '@' (or '_', part of an address's local part) for an address; a run
 * that starts with "www." is a URL to try.
 */
static size_t
word(struct scan *sc, size_t i)
{
	size_t r = i, e = 0;

	while (r < sc->n && joins(sc->s[r]))
		r++;
	if (r < sc->n && sc->s[r] == ':')
		e = bare_url(sc, i);
	else if (r - i >= 4 && ev_strncaseeq((const char *)sc->s + i, "www.", 4))
		e = bare_url(sc, i);
	if (e == 0 && r < sc->n && (sc->s[r] == '@' || sc->s[r] == '_'))
		e = bare_email(sc, i);
	if (e == 0)
		return r;
	report(sc, i, e);
	return e;
}

/* ---- the scan ------------------------------------------------------------ */

/* One step from i: the position after what starts there. */
static size_t
step(struct scan *sc, size_t i)
{
	int c = sc->s[i];

	switch (c) {
	case '\\':
		if (i + 1 < sc->n && is_punct(sc->s[i + 1])) {
			report(sc, i, i + 2);
			return i + 2;
		}
		return i + 1;
	case '`':
		return code_span(sc, i);
	case '<':
		return angle(sc, i);
	case '&':
		return entity(sc, i);
	case '[':
		sc->brackets++;
		return i + 1;
	case ']':
		return bracket_close(sc, i);
	}
	if (!is_alnum(c))
		return i + 1;
	if (word_start(sc, i))
		return word(sc, i);
	/* inside a word (after "ü"): no word starts in the rest of it */
	while (i < sc->n && joins(sc->s[i]))
		i++;
	return i;
}

/* The bytes that can start a span; everything else is stepped over. */
static int
interesting(int c)
{
	static const unsigned char start[256] = {
		['\\'] = 1, ['`'] = 1, ['<'] = 1, ['&'] = 1, ['['] = 1,
		[']'] = 1,
		['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
		['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
		['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1,
		['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
		['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1,
		['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
		['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1,
		['Z'] = 1,
		['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1,
		['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
		['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1,
		['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
		['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1,
		['z'] = 1,
	};

	return start[c];
}

void
news_protected(const char *s, size_t n,
    void (*fn)(void *, size_t start, size_t end), void *arg)
{
	struct scan sc = { 0 };
	size_t i = 0, e;

	if (s == NULL || fn == NULL)
		return;
	sc.s = (const unsigned char *)s;
	sc.n = n;
	sc.fn = fn;
	sc.arg = arg;
	sc.comment.at = sc.pi.at = sc.cdata.at = sc.decl.at = NONE;
	/* reference definitions open the block, one after the other */
	while (i < n && (e = refdef(&sc, i)) > 0) {
		size_t b = i;

		while (sc.s[b] == ' ')
			b++;
		report(&sc, b, e);
		i = e < n ? e + 1 : e;
	}
	while (i < n) {
		if (!interesting(sc.s[i])) {
			i++;
			continue;
		}
		i = step(&sc, i);
	}
	free(sc.ticks.pos);
	free(sc.ticks.group);
	free(sc.ticks.cur);
}
