/*
 * typo.c - typography of inline Markdown, per language: quotation marks
 * paired with a stack, apostrophes, ellipses, number ranges, dashes,
 * no-break spaces and runs of spaces.
 *
 * Three linear passes over one block:
 *  1. its protected spans (span.c), which the others never touch;
 *  2. its quotation marks: each is judged by its neighbours (opening
 *     after a space, closing before one, an apostrophe between
 *     letters, a measure after a digit) and paired with a stack; a
 *     pair becomes the language's marks (a double pair inside the
 *     outermost double one its single marks), a mark that pairs with
 *     nothing is reported and stays as it was;
 *  3. the rules: a table of small functions over a cursor.  At each
 *     position the first rule that matches writes its output and says
 *     how many bytes it took; where none does, the character is copied.
 *
 * Idempotent by construction: a rule decides on features of the text
 * that every rule's output keeps.  A dash is Unicode class Pd before
 * and after, a space Zs, an ellipsis Po; quotation marks and emphasis
 * markers are looked past when judging a neighbour, so it does not
 * matter whether they have been typeset yet.  The second pass sees
 * what the first saw and decides the same.
 *
 * The text is taken as it comes, not normalised: the reader makes it
 * NFC (and protected spans must stay byte for byte).  A combining mark
 * counts as a letter, so decomposed umlauts do not split a word.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "evkit.h"
#include "news.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define NONE		((size_t)-1)
/* How many quotation marks and emphasis markers (*_~) are looked past
 * to find a quotation mark's neighbour: a bound, so that a run of
 * marks costs no more than linear time. */
#define SKIP_MAX	6
/* How far the rules look back and ahead for a token ("z.", "14.",
 * "September", "0511"). */
#define LOOK_MAX	24
/* span.c's bound on a link destination */
#define SCAN_MAX	8192

/* The classes of characters the rules judge neighbours by. */
enum cls {
	C_EDGE,		/* before the start, after the end */
	C_SPACE,	/* Zs, tab, line feed */
	C_LETTER,	/* L*, and M*: a combining mark belongs to its letter */
	C_DIGIT,	/* Nd */
	C_OPEN,		/* Ps, Pi */
	C_CLOSE,	/* Pe, Pf */
	C_DASH,		/* Pd */
	C_PUNCT,	/* Po, Pc */
	C_OTHER
};

/* Where a quotation mark stands, judged by its neighbours. */
enum ctx {
	X_OPENING,	/* after a space or an opening bracket: „ */
	X_CLOSING,	/* before a space or punctuation: “ */
	X_INSIDE,	/* between letters or digits */
	X_EITHER	/* nothing tells */
};

enum kind { K_DOUBLE, K_SINGLE };
enum role {
	R_TEXT,		/* not a quotation mark here (´ not between letters) */
	R_OPEN,
	R_CLOSE,
	R_APOS,		/* an apostrophe: ’ */
	R_MEASURE,	/* 26" or 5': left alone */
	R_UNPAIRED	/* reported, left alone */
};

/*
 * The marks a text may hold, and how each one tends.  Whether a single
 * mark is an apostrophe does not depend on which one it is: the output
 * of one is read back the same ("‚s" typeset in English is "‘s", which
 * must again be taken for what "‚s" was).
 */
static const struct mark {
	int32_t	 cp;
	unsigned char kind;
	unsigned char straight;	/* may be a measure: 26", 5' */
	/* per enum news_lang when nothing else tells: 1 opens, -1 closes,
	 * 0 the stack decides.  Each language's own marks tend as it uses
	 * them, which makes the output read back the same. */
	signed char tend[3];
} marks[] = {
	{ '"', K_DOUBLE, 1, { 0, 0, 0 } },
	{ '\'', K_SINGLE, 1, { 0, 0, 0 } },
	{ 0x201e, K_DOUBLE, 0, { 1, 1, 1 } },	/* „ */
	{ 0x201c, K_DOUBLE, 0, { -1, 0, 1 } },	/* “ */
	{ 0x201d, K_DOUBLE, 0, { -1, -1, -1 } },	/* ” */
	{ 0x00bb, K_DOUBLE, 0, { 1, -1, -1 } },	/* » (German: »…«) */
	{ 0x00ab, K_DOUBLE, 0, { -1, 1, 1 } },	/* « */
	{ 0x201a, K_SINGLE, 0, { 1, 1, 1 } },	/* ‚ */
	{ 0x2018, K_SINGLE, 0, { -1, 0, 1 } },	/* ‘ */
	{ 0x2019, K_SINGLE, 0, { -1, -1, -1 } },	/* ’ */
	{ 0x203a, K_SINGLE, 0, { 1, -1, -1 } },	/* › */
	{ 0x2039, K_SINGLE, 0, { -1, 1, 1 } },	/* ‹ */
	{ 0x00b4, K_SINGLE, 0, { 0, 0, 0 } },	/* ´ (geht´s) */
};

/* What each language writes: [lang][kind][0 opening, 1 closing]. */
static const char *const quote_out[3][2][2] = {
	[NEWS_LANG_DE] = { { "„", "“" }, { "‚", "‘" } },
	[NEWS_LANG_DE_CH] = { { "«", "»" }, { "‹", "›" } },
	[NEWS_LANG_EN] = { { "“", "”" }, { "‘", "’" } },
};

static const char *const rule_names[NEWS_TYPO_COUNT] = {
	[NEWS_TYPO_QUOTES] = "quotes",
	[NEWS_TYPO_APOSTROPHE] = "apostrophe",
	[NEWS_TYPO_ELLIPSIS] = "ellipsis",
	[NEWS_TYPO_RANGE] = "range",
	[NEWS_TYPO_DASH] = "dash",
	[NEWS_TYPO_NBSP] = "nbsp",
	[NEWS_TYPO_SPACES] = "spaces",
};

/* A quotation mark of the text and what pass 2 made of it. */
struct tok {
	size_t	 pos;
	size_t	 outer;		/* nest: the opener of the enclosing pair */
	size_t	 unsafe;	/* an opener: t->unsafe when it was pushed */
	unsigned char len, kind, role;
	unsigned char opening;	/* R_UNPAIRED: it was taken for an opener */
	unsigned char ctx;	/* enum ctx, as judged */
	unsigned char nest;	/* a double pair inside a double one: set
				 * as a single pair if the outer one pairs */
};

struct span {
	size_t	 start, end;
};

struct typo {
	const struct news_typo *opt;
	const unsigned char *s;
	size_t	 n;
	struct span *spans;
	size_t	 nspans, spancap;
	struct tok *toks;
	size_t	 ntoks, tokcap;
	size_t	*stack;			/* indexes of open quotes in toks */
	size_t	 depth, stackcap, ndouble;
	size_t	 unsafe;		/* single marks so far that may read
					 * otherwise inside single marks */
	/* pass 3: the cursor */
	size_t	 i, lim;		/* lim: the next protected span */
	size_t	 base;			/* the end of the one before */
	size_t	 tk;			/* the first token not before i */
	struct ev_buf *out;
	news_report_fn *report;
	void	*arg;
};

/* ---- characters ----------------------------------------------------------- */

/* The character at s[i] (valid UTF-8: news_typeset checked) and its
 * length in *len. */
static int32_t
char_at(const struct typo *t, size_t i, size_t *len)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;

	if (t->s[i] < 0x80) {
		*len = 1;
		return t->s[i];
	}
	k = utf8proc_iterate(t->s + i, (utf8proc_ssize_t)(t->n - i), &c);
	*len = k > 0 ? (size_t)k : 1;
	return k > 0 ? c : -1;
}

/* The start of the character before i (i > 0). */
static size_t
back(const struct typo *t, size_t i)
{
	return i > 0 ? ev_utf8_cut((const char *)t->s, i - 1) : 0;
}

/* ASCII by hand (it is most of the text), the rest by utf8proc. */
static enum cls
cls_ascii(int c)
{
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
		return C_LETTER;
	if (c >= '0' && c <= '9')
		return C_DIGIT;
	switch (c) {
	case ' ': case '\t': case '\n': case '\r':
		return C_SPACE;
	case '(': case '[': case '{':
		return C_OPEN;
	case ')': case ']': case '}':
		return C_CLOSE;
	case '-':
		return C_DASH;
	case '!': case '"': case '#': case '%': case '&': case '\'': case '*':
	case ',': case '.': case '/': case ':': case ';': case '?': case '@':
	case '\\': case '_':
		return C_PUNCT;
	default:
		return C_OTHER;	/* controls, $+<=>^`|~ (Sc, Sm, Sk) */
	}
}

static enum cls
cls_of(int32_t c)
{
	if (c >= 0 && c < 0x80)
		return cls_ascii(c);
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_ZS:
		return C_SPACE;
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
		return C_LETTER;
	case UTF8PROC_CATEGORY_ND:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PI:
		return C_OPEN;
	case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PF:
		return C_CLOSE;
	case UTF8PROC_CATEGORY_PD:
		return C_DASH;
	case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_PC:
		return C_PUNCT;
	default:
		return C_OTHER;
	}
}

static int
alnum(enum cls c)
{
	return c == C_LETTER || c == C_DIGIT;
}

static const struct mark *
mark_of(int32_t c)
{
	size_t i;

	if (c != '"' && c != '\'' && c != 0xab && c != 0xbb && c != 0xb4 &&
	    (c < 0x2018 || c > 0x203a))
		return NULL;
	for (i = 0; i < NELEM(marks); i++)
		if (marks[i].cp == c)
			return &marks[i];
	return NULL;
}

/* Looked past when judging a quotation mark's neighbour: other marks
 * (typeset or not) and Markdown's emphasis. */
static int
see_through(int32_t c)
{
	return c == '*' || c == '_' || c == '~' ||
	    (c != 0x00b4 && mark_of(c) != NULL);
}

/* The class of the character before i; with look, past marks and
 * emphasis (at most SKIP_MAX of them, then C_OTHER: the same answer
 * whatever those marks have become). */
static enum cls
cls_before(const struct typo *t, size_t i, int look)
{
	size_t b, len;
	int32_t c;
	int k;

	for (k = 0; i > 0; k++, i = b) {
		b = back(t, i);
		c = char_at(t, b, &len);
		if (!look || !see_through(c))
			return cls_of(c);
		if (k == SKIP_MAX)
			return C_OTHER;
	}
	return C_EDGE;
}

static enum cls
cls_after(const struct typo *t, size_t i, int look)
{
	size_t len;
	int32_t c;
	int k;

	for (k = 0; i < t->n; k++, i += len) {
		c = char_at(t, i, &len);
		if (!look || !see_through(c))
			return cls_of(c);
		if (k == SKIP_MAX)
			return C_OTHER;
	}
	return C_EDGE;
}

/* ' ', U+00A0, U+202F: the spaces a run is made of; the length, or 0. */
static size_t
hspace(const struct typo *t, size_t i)
{
	if (i >= t->n)
		return 0;
	if (t->s[i] == ' ')
		return 1;
	if (i + 1 < t->n && t->s[i] == 0xc2 && t->s[i + 1] == 0xa0)
		return 2;
	if (i + 2 < t->n && t->s[i] == 0xe2 && t->s[i + 1] == 0x80 &&
	    t->s[i + 2] == 0xaf)
		return 3;
	return 0;
}

/* Does a space end at i? */
static int
hspace_before(const struct typo *t, size_t i)
{
	return i > 0 && hspace(t, back(t, i)) > 0;
}

static void
put(struct typo *t, const void *p, size_t n)
{
	ev_buf_add(t->out, p, n);
}

static void
puts_(struct typo *t, const char *p)
{
	ev_buf_add(t->out, p, strlen(p));
}

/* A '.' or an "…" ends at i: the rules take them alike, since "..."
 * becomes "…". */
static int
dot_before(const struct typo *t, size_t i)
{
	return (i >= 1 && t->s[i - 1] == '.') || (i >= 3 &&
	    t->s[i - 3] == 0xe2 && t->s[i - 2] == 0x80 && t->s[i - 1] == 0xa6);
}

static int abbr_chain(const struct typo *, size_t);

/* s[i..] starts with word (bytes) and a non-letter follows it. */
static int
word_at(const struct typo *t, size_t i, const char *word)
{
	size_t k;

	if (i >= t->n || t->s[i] != (unsigned char)word[0])
		return 0;
	k = strlen(word);
	if (t->n - i < k || memcmp(t->s + i, word, k) != 0)
		return 0;
	return word[k - 1] == '.' || !alnum(cls_after(t, i + k, 0));
}

/* word (bytes) ends at i and no letter, digit or '.' comes before it. */
static int
word_before(const struct typo *t, size_t i, const char *word)
{
	size_t k;
	enum cls c;

	if (i == 0 || t->s[i - 1] != (unsigned char)word[strlen(word) - 1])
		return 0;
	k = strlen(word);
	if (i < k || memcmp(t->s + i - k, word, k) != 0)
		return 0;
	c = cls_before(t, i - k, 0);
	/* a '.' inside an abbreviation gets its space (u.a.S. 12) */
	return !alnum(c) && (!dot_before(t, i - k) || abbr_chain(t, i - k - 1));
}

/* ---- pass 2: quotation marks ---------------------------------------------- */

/*
 * Words that lose their first letters to an apostrophe (’s, ’n, ’nen,
 * ’raus; ’tis, ’cause): a mark before them at a word's start is an
 * apostrophe, not an opening quote.
 */
static const char *const elisions[] = {
	"s", "n", "ne", "nen", "nem", "ner", "nes", "em", "ran", "rauf",
	"raus", "rein", "rum", "runter", "tis", "twas", "til", "cause",
};

static int
elision(const struct typo *t, size_t j)
{
	char w[8];
	size_t k, e;

	/* '90er, '16 */
	if (j + 1 < t->n && t->s[j] >= '0' && t->s[j] <= '9' &&
	    t->s[j + 1] >= '0' && t->s[j + 1] <= '9')
		return 1;
	for (e = j; e < t->n && e - j < sizeof(w) - 1 &&
	    ((t->s[e] | 0x20) >= 'a' && (t->s[e] | 0x20) <= 'z'); e++)
		w[e - j] = (char)(t->s[e] | 0x20);
	w[e - j] = '\0';
	if (e == j || alnum(cls_after(t, e, 0)))
		return 0;
	for (k = 0; k < NELEM(elisions); k++)
		if (strcmp(w, elisions[k]) == 0)
			return 1;
	return 0;
}

static enum ctx
context(enum cls p, enum cls n)
{
	int ps = p == C_EDGE || p == C_SPACE, ns = n == C_EDGE || n == C_SPACE;

	if (ps)
		return ns ? X_EITHER : X_OPENING;
	if (ns)
		return X_CLOSING;
	if (p == C_OPEN || p == C_DASH)
		return X_OPENING;
	if (n == C_CLOSE || n == C_PUNCT || n == C_DASH)
		return X_CLOSING;
	if (alnum(p) && alnum(n))
		return X_INSIDE;
	return X_EITHER;
}

static int
can_close(const struct typo *t, int kind)
{
	if (kind == K_DOUBLE)
		return t->ndouble > 0;
	return t->depth > 0 && t->toks[t->stack[t->depth - 1]].kind == K_SINGLE;
}

static void
push(struct typo *t, size_t k)
{
	t->toks[k].unsafe = t->unsafe;
	if (t->depth == t->stackcap) {
		t->stackcap = t->stackcap ? t->stackcap * 2 : 16;
		t->stack = ev_ereallocarray(t->stack, t->stackcap,
		    sizeof(*t->stack));
	}
	t->stack[t->depth++] = k;
	t->toks[k].role = R_OPEN;
	if (t->toks[k].kind == K_DOUBLE)
		t->ndouble++;
}

static void
unpaired(struct tok *k, int opening)
{
	k->role = R_UNPAIRED;
	k->opening = (unsigned char)opening;
}

/* A mark that reads the same as a single one: its neighbours are not
 * two letters or digits (an apostrophe), nor an elided word after an
 * opener ("raus" would make ‚raus an apostrophe). */
static int
single_safe(const struct typo *t, const struct tok *k)
{
	if (alnum(cls_before(t, k->pos, 0)) &&
	    alnum(cls_after(t, k->pos + k->len, 0)))
		return 0;
	return k->ctx != X_OPENING || !elision(t, k->pos + k->len);
}

/*
 * The double pair o..k just closed, directly inside the outermost open
 * double quotation: it is set as a single pair ("a "b" c" → „a ‚b‘ c“)
 * when single marks there are read back as the same pair: the opener
 * where an opener stands and the closer where a closer stands, neither
 * an apostrophe, and no single mark between them that a single quote
 * open around it would read otherwise (Klaus' would close it).  Whether
 * the outer one pairs is known at the end (r_quotes asks).  On a second
 * pass the pair is a single one inside a double one, as it was set.
 */
static void
nest(struct typo *t, size_t o, size_t k)
{
	struct tok *a = &t->toks[o], *b = &t->toks[k];
	size_t up;

	if (a->kind != K_DOUBLE || t->depth == 0 || t->ndouble != 1)
		return;
	up = t->stack[t->depth - 1];
	if (t->toks[up].kind != K_DOUBLE || a->ctx != X_OPENING ||
	    b->ctx != X_CLOSING || a->unsafe != t->unsafe ||
	    !single_safe(t, a) || !single_safe(t, b))
		return;
	a->nest = b->nest = 1;
	a->outer = b->outer = up;
}

/* Close with token k what it can close: a double mark closes the
 * innermost open double one, and single ones left open inside it are
 * unpaired; a single mark closes only an open single one on top. */
static void
close_(struct typo *t, size_t k)
{
	struct tok *o;

	if (!can_close(t, t->toks[k].kind)) {
		unpaired(&t->toks[k], 0);
		return;
	}
	for (;;) {
		o = &t->toks[t->stack[--t->depth]];
		if (o->kind == t->toks[k].kind)
			break;
		unpaired(o, 1);
	}
	if (o->kind == K_DOUBLE)
		t->ndouble--;
	t->toks[k].role = R_CLOSE;
	nest(t, (size_t)(o - t->toks), k);
}

/* An apostrophe: between letters (it's, Ku'damm), before an elided
 * word (’s, ’90er), or after a word's last letter where no single
 * quote is open (Klaus’ Auto). */
static int
apostrophe(const struct typo *t, const struct tok *k, enum ctx x)
{
	enum cls p = cls_before(t, k->pos, 0), n = cls_after(t,
	    k->pos + k->len, 0);

	if (alnum(p) && alnum(n))
		return 1;
	if (x == X_OPENING && elision(t, k->pos + k->len))
		return 1;
	return x == X_CLOSING && p == C_LETTER && !can_close(t, K_SINGLE);
}

/* Decide token k (the last one), pushing or closing. */
static void
judge(struct typo *t, size_t ki, const struct mark *m)
{
	struct tok *k = &t->toks[ki];
	enum ctx x = context(cls_before(t, k->pos, 1),
	    cls_after(t, k->pos + k->len, 1));
	int dir;

	k->ctx = (unsigned char)x;

	if (m->cp == 0x00b4) {
		k->role = alnum(cls_before(t, k->pos, 0)) &&
		    alnum(cls_after(t, k->pos + k->len, 0)) ? R_APOS : R_TEXT;
		return;
	}
	if (m->straight && cls_before(t, k->pos, 0) == C_DIGIT) {
		if (x == X_CLOSING && can_close(t, k->kind))
			close_(t, ki);
		else
			k->role = R_MEASURE;
		return;
	}
	if (m->kind == K_SINGLE && apostrophe(t, k, x)) {
		k->role = R_APOS;
		return;
	}
	if (x == X_OPENING)
		dir = 1;
	else if (x == X_CLOSING)
		dir = -1;
	else if ((dir = m->tend[t->opt->lang]) == 0)
		dir = can_close(t, k->kind) ? -1 : 1;
	if (dir > 0)
		push(t, ki);
	else
		close_(t, ki);
}

static void
add_tok(struct typo *t, size_t pos, size_t len, const struct mark *m)
{
	struct tok *k;

	if (t->ntoks == t->tokcap) {
		t->tokcap = t->tokcap ? t->tokcap * 2 : 64;
		t->toks = ev_ereallocarray(t->toks, t->tokcap, sizeof(*t->toks));
	}
	k = &t->toks[t->ntoks++];
	memset(k, 0, sizeof(*k));
	k->pos = pos;
	k->len = (unsigned char)len;
	k->kind = m->kind;
	judge(t, t->ntoks - 1, m);
	k = &t->toks[t->ntoks - 1];
	if (k->kind == K_SINGLE && k->role != R_TEXT &&
	    (k->role != R_APOS || k->ctx != X_INSIDE ||
	    !alnum(cls_before(t, k->pos, 0)) ||
	    !alnum(cls_after(t, k->pos + k->len, 0))))
		t->unsafe++;
}

/*
 * Straight quotes that may belong to an HTML tag stay as they are.  A
 * '<' and a letter ("<a", "</", "<!", "<?") outside the protected
 * spans starts what may be a tag; as it is no protected span, it is no
 * tag, but typesetting an attribute's quotes could make it one on the
 * next pass (a '>' inside a quoted value ends nothing), and change what
 * the Markdown means.  So every straight quote that a tag begun there
 * could reach is text: the tag-to-be is followed as an automaton over
 * the bytes, outside quotes (it ends at '>' or '<'), inside "…" or
 * inside '…'; one flag per state, because the tags begun at different
 * places merge once they are in the same state.  The automaton reads
 * only '<', '>' and the straight quotes it keeps, so the typeset text
 * gives the same answers.
 */
enum { TAG_OUT, TAG_DQ, TAG_SQ };

static int
tag_start(const struct typo *t, size_t i)
{
	int c = i + 1 < t->n ? t->s[i + 1] : 0;

	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '/' ||
	    c == '!' || c == '?';
}

/* The tags-to-be after byte c (at i; protected: inside a span). */
static void
tag_step(const struct typo *t, unsigned char a[3], size_t i, int protected)
{
	int c = t->s[i];
	unsigned char out = a[TAG_OUT];

	a[TAG_OUT] = (out && c != '>' && c != '<' && c != '"' && c != '\'') ||
	    (a[TAG_DQ] && c == '"') || (a[TAG_SQ] && c == '\'') ||
	    (c == '<' && !protected && tag_start(t, i));
	a[TAG_DQ] = (a[TAG_DQ] && c != '"') || (out && c == '"');
	a[TAG_SQ] = (a[TAG_SQ] && c != '\'') || (out && c == '\'');
}

/*
 * The same for link destinations and titles: after "](" (outside the
 * protected spans, so no link was found there), the straight quotes up
 * to the ')' that would end the destination are text, so that
 * typesetting a title's quote cannot make "[a](x "t"y")" a link on the
 * next pass.  The end is looked for as span.c looks for it, but
 * leniently (any quote opens a title; at most SCAN_MAX bytes), so it
 * covers every quote span.c could have read.  The end of the region.
 */
static size_t
tail_end(const struct typo *t, size_t i)
{
	size_t lim = t->n - i > SCAN_MAX ? i + SCAN_MAX : t->n, j;
	int depth = 0, q = 0, c;

	for (j = i + 1; j < lim; j++) {
		c = t->s[j];
		if (q != 0) {
			q = c == q ? 0 : q;
			continue;
		}
		if (c == '\\')
			j++;
		else if (c == '"' || c == '\'')
			q = c;
		else if (c == '(')
			depth++;
		else if (c == ')' && depth-- == 0)
			return j + 1;
	}
	return lim;
}

/* Pass 2: every mark outside the protected spans, judged in order;
 * what is still open at the end is unpaired. */
static void
pair(struct typo *t)
{
	size_t i, sp = 0, len, tail = 0;
	const struct mark *m;
	unsigned char tag[3] = { 0, 0, 0 };
	int in_tag, c;

	for (i = 0; i < t->n; i += len) {
		c = t->s[i];
		in_tag = tag[TAG_OUT] | tag[TAG_DQ] | tag[TAG_SQ];
		len = 1;
		/* most bytes are none of these, and change nothing */
		if (!in_tag && c != '<' && c != ']' && c != '"' && c != '\'' &&
		    c != 0xc2 && c != 0xe2)
			continue;
		while (sp < t->nspans && t->spans[sp].end <= i)
			sp++;
		if (sp < t->nspans && i >= t->spans[sp].start) {
			tag_step(t, tag, i, 1);
			continue;
		}
		tag_step(t, tag, i, 0);
		if (c == ']' && i + 1 < t->n && t->s[i + 1] == '(' &&
		    tail < i + 1)
			tail = tail_end(t, i + 1);
		/* the first bytes of the marks; never inside a character */
		if (c != '"' && c != '\'' && c != 0xc2 && c != 0xe2)
			continue;
		if ((m = mark_of(char_at(t, i, &len))) == NULL)
			len = 1;
		else if (!(m->straight && (in_tag || i < tail)))
			add_tok(t, i, len, m);
	}
	/* a quotation that continues in the next paragraph stays open:
	 * the one opened first, still open at the end */
	while (t->depth > (t->opt->cont ? 1u : 0u))
		unpaired(&t->toks[t->stack[--t->depth]], 1);
	t->depth = 0;
	t->ndouble = 0;
}

/* ---- pass 3: the rules ---------------------------------------------------- */

static const struct tok *
tok_here(const struct typo *t)
{
	return t->tk < t->ntoks && t->toks[t->tk].pos == t->i ?
	    &t->toks[t->tk] : NULL;
}

static void
say(struct typo *t, size_t off, size_t len, const char *rule,
    enum news_severity sev, const char *msg)
{
	struct news_finding f = { off, len, rule, sev, msg, NULL };

	if (t->report != NULL)
		t->report(t->arg, &f);
}

/* quotes: paired marks in the language's form; an unpaired one is
 * reported and copied. */
static size_t
r_quotes(struct typo *t)
{
	const struct tok *k = tok_here(t);
	char msg[96];

	if (k == NULL)
		return 0;
	if (k->role == R_OPEN || k->role == R_CLOSE) {
		puts_(t, quote_out[t->opt->lang][k->nest &&
		    t->toks[k->outer].role == R_OPEN ? K_SINGLE : k->kind]
		    [k->role == R_CLOSE]);
		return k->len;
	}
	if (k->role != R_UNPAIRED)
		return 0;
	snprintf(msg, sizeof(msg), k->opening ?
	    "quotation mark %.*s is never closed" :
	    "quotation mark %.*s closes no quotation", (int)k->len,
	    (const char *)t->s + k->pos);
	say(t, k->pos, k->len, "quote-unpaired", NEWS_SEV_WARNING, msg);
	put(t, t->s + k->pos, k->len);
	return k->len;
}

/* apostrophe: ' ´ ‘ where an apostrophe belongs become ’ */
static size_t
r_apostrophe(struct typo *t)
{
	const struct tok *k = tok_here(t);

	if (k == NULL || k->role != R_APOS)
		return 0;
	puts_(t, "’");
	return k->len;
}

/* ellipsis: exactly three dots; two or four are something else */
static size_t
r_ellipsis(struct typo *t)
{
	size_t i = t->i;

	if (t->lim - i < 3 || memcmp(t->s + i, "...", 3) != 0 ||
	    (i > 0 && t->s[i - 1] == '.') || (i + 3 < t->n && t->s[i + 3] == '.'))
		return 0;
	puts_(t, "…");
	return 3;
}

/* A number for ranges: digits, maybe a separator and more digits
 * (10.30, 9:00, 2,5), maybe a '.' after it (10.-12. Mai). */
struct num {
	size_t	 start, end;
	unsigned long long ival;	/* the digits before the separator */
	int	 idigits;
	int	 dot;
};

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_sep(int c)
{
	return c == '.' || c == ':' || c == ',';
}

/* The digits ending at e, at most 12: their start, or e. */
static size_t
digits_back(const struct typo *t, size_t e)
{
	size_t b = e;

	while (b > 0 && e - b < 12 && is_digit(t->s[b - 1]))
		b--;
	return b;
}

static void
num_value(const struct typo *t, size_t b, size_t e, struct num *v)
{
	v->ival = 0;
	v->idigits = (int)(e - b);
	for (; b < e; b++)
		v->ival = v->ival * 10 + (unsigned)(t->s[b] - '0');
}

/* The number that ends before the '-' at i, standing on its own. */
static int
num_before(const struct typo *t, size_t i, struct num *v)
{
	size_t e = i, b, b2;
	enum cls c;

	v->dot = e > 0 && t->s[e - 1] == '.';
	e -= (size_t)v->dot;
	if ((b = digits_back(t, e)) == e)
		return 0;
	if (b > 1 && is_sep(t->s[b - 1]) && (b2 = digits_back(t, b - 1)) <
	    b - 1) {
		num_value(t, b2, b - 1, v);
		b = b2;
	} else
		num_value(t, b, e, v);
	v->start = b;
	if (b == 0)
		return 1;
	c = cls_before(t, b, 0);
	return !alnum(c) && c != C_DASH && strchr(",:/+", t->s[b - 1]) == NULL &&
	    !dot_before(t, b);
}

/* The number that starts at j, after the '-'; not part of a chain
 * (2016-12-24, 1.2.3) nor longer than 12 digits. */
static int
num_after(const struct typo *t, size_t j, int dot, struct num *v)
{
	size_t e = j, f;

	while (e < t->n && e - j < 12 && is_digit(t->s[e]))
		e++;
	if (e == j)
		return 0;
	num_value(t, j, e, v);
	if (e + 1 < t->n && is_sep(t->s[e]) && is_digit(t->s[e + 1])) {
		for (f = e + 1; f < t->n && f - e < 12 && is_digit(t->s[f]); f++)
			;
		e = f;
	}
	if (dot) {
		if (e >= t->n || t->s[e] != '.')
			return 0;
		e++;
	}
	v->end = e;
	if (e < t->n && (is_digit(t->s[e]) || ((t->s[e] == '-' ||
	    is_sep(t->s[e])) && e + 1 < t->n && is_digit(t->s[e + 1]))))
		return 0;
	return 1;
}

/* Digit groups before b, joined by spaces (no-break ones too), '/' or
 * brackets, one of them an area code (0511, 030) or a '+' before them:
 * a phone number (0511 168-0, +49 511 168-0). */
static int
phone(const struct typo *t, size_t b)
{
	size_t i, lo = b > LOOK_MAX ? b - LOOK_MAX : 0, k;

	for (i = b; i > lo; i--) {
		int c = t->s[i - 1];

		if (c == '+')
			return 1;
		if (c == '0' && i + 2 < b && is_digit(t->s[i]) &&
		    is_digit(t->s[i + 1]) && (i == 1 || !is_digit(t->s[i - 2])))
			return 1;
		if (c >= 0x80 && (k = hspace(t, back(t, i))) > 0 &&
		    back(t, i) + k == i) {
			i = back(t, i) + 1;
			continue;
		}
		if (!is_digit(c) && c != ' ' && c != '/' && c != '(' && c != ')')
			return 0;
	}
	return 0;
}

/* The second number is after the first: 10-12, 1990-95, 2016-17, not
 * 2016-12 (a month) nor 3-1 (a score) nor 168-0 (an extension). */
static int
ascending(const struct num *l, const struct num *r)
{
	unsigned long long lv = l->ival, m = 1;
	int k;

	if (r->idigits < l->idigits) {
		for (k = 0; k < r->idigits; k++)
			m *= 10;
		lv %= m;
	}
	return r->ival > lv;
}

/* range: a hyphen between numbers becomes an en dash (10–12 Uhr) */
static size_t
r_range(struct typo *t)
{
	struct num l, r;
	size_t i = t->i;

	if (t->s[i] != '-' || !num_before(t, i, &l) ||
	    !num_after(t, i + 1, l.dot, &r))
		return 0;
	if ((l.idigits >= 3 && t->s[l.start] == '0') || phone(t, l.start) ||
	    !ascending(&l, &r))
		return 0;
	puts_(t, "–");
	return 1;
}

/*
 * dash: a hyphen (or two) between spaces is a dash: " – "; a line break
 * counts as a space on either side (a header value folded before its
 * dash reads back joined by a space).
 */
static size_t
r_dash(struct typo *t)
{
	size_t i = t->i, k;

	if (t->s[i] != '-')
		return 0;
	k = i + 1 < t->lim && t->s[i + 1] == '-' ? 2 : 1;
	if (!(hspace_before(t, i) || (i > 0 && t->s[i - 1] == '\n')) ||
	    i + k >= t->n ||
	    (hspace(t, i + k) == 0 && t->s[i + k] != '\n'))
		return 0;
	puts_(t, "–");
	return k;
}

/*
 * minus: a hyphen before a number standing on its own is a minus sign,
 * U+2212 (-5 °C → −5 °C, (-3 Grad)): after the start, a space, a line
 * break or an opening bracket or quotation mark, and not after a
 * number and a space (10 -12, 0511 -123: a range or a phone number);
 * the number is digits, maybe a separator and digits (-2,5), and no
 * letter, digit or hyphen and digit follow it (-3D, -19er, -12-24).
 * A bullet's hyphen has a space after it, an option (-o) a letter.
 */
static size_t
r_minus(struct typo *t)
{
	size_t i = t->i, e, b;
	enum cls c;

	if (t->s[i] != '-' || i + 1 >= t->lim || !is_digit(t->s[i + 1]))
		return 0;
	c = cls_before(t, i, 1);
	if (c != C_EDGE && c != C_SPACE && c != C_OPEN)
		return 0;
	if (c == C_SPACE) {
		for (b = i; b > 0 && (hspace_before(t, b) || t->s[b - 1] == '\n');
		    b = back(t, b))
			;
		if (b < i && b > 0 && cls_before(t, b, 0) == C_DIGIT)
			return 0;
	}
	for (e = i + 1; e < t->lim && e - i <= 12 && is_digit(t->s[e]); e++)
		;
	if (e + 1 < t->lim && is_sep(t->s[e]) && is_digit(t->s[e + 1]))
		for (b = ++e; e < t->lim && e - b < 12 && is_digit(t->s[e]); e++)
			;
	/* what follows: the end, or no protected span, letter, digit,
	 * hyphen (a range: "-5-10", "-10.-12." is no minus for r_range
	 * to find on the next pass) nor separator and digit */
	if (e < t->n && (e >= t->lim || alnum(cls_after(t, e, 0)) ||
	    t->s[e] == '-' || (e + 1 < t->n && is_sep(t->s[e]) &&
	    (is_digit(t->s[e + 1]) || t->s[e + 1] == '-'))))
		return 0;
	puts_(t, "−");
	return 1;
}

/* The end of the run of spaces at i. */
static size_t
run_end(const struct typo *t, size_t i)
{
	size_t k;

	while (i < t->lim && (k = hspace(t, i)) > 0)
		i += k;
	return i;
}

/* A run at a line's start or end: indentation, a hard line break
 * ("  \n"), left as it is. */
static int
line_edge(const struct typo *t, size_t i, size_t e)
{
	return i == 0 || t->s[i - 1] == '\n' || e >= t->n || t->s[e] == '\n';
}

/* Units after a number: symbols take the narrow no-break space when
 * asked for, words the normal one. */
static const struct unit {
	const char *u;
	int	 narrow;
	int	 en;		/* English too */
} units[] = {
	{ "km/h", 1, 1 }, { "km²", 1, 1 }, { "km", 1, 1 }, { "cm", 1, 1 },
	{ "mm", 1, 1 }, { "m²", 1, 1 }, { "m³", 1, 1 }, { "m", 1, 1 },
	{ "kg", 1, 1 }, { "g", 1, 1 }, { "t", 1, 0 }, { "ml", 1, 1 },
	{ "l", 1, 0 }, { "ha", 1, 1 }, { "kWh", 1, 1 }, { "kW", 1, 1 },
	{ "MW", 1, 1 }, { "h", 1, 1 }, { "min", 1, 1 }, { "%", 1, 1 },
	{ "‰", 1, 1 }, { "°C", 1, 1 }, { "°F", 1, 1 }, { "°", 1, 1 },
	{ "€", 1, 1 }, { "EUR", 1, 1 }, { "CHF", 1, 1 }, { "Fr.", 0, 0 },
	{ "mph", 1, 1 }, { "GB", 1, 1 }, { "MB", 1, 1 },
	{ "Uhr", 0, 0 }, { "Euro", 0, 0 }, { "Cent", 0, 0 },
	{ "Prozent", 0, 0 }, { "Grad", 0, 0 }, { "Meter", 0, 0 },
	{ "Kilometer", 0, 0 }, { "Zentimeter", 0, 0 }, { "Millimeter", 0, 0 },
	{ "Quadratmeter", 0, 0 }, { "Kubikmeter", 0, 0 },
	{ "Kilogramm", 0, 0 }, { "Gramm", 0, 0 }, { "Tonnen", 0, 0 },
	{ "Liter", 0, 0 }, { "Hektar", 0, 0 }, { "Franken", 0, 0 },
	{ "Mio.", 0, 0 }, { "Mrd.", 0, 0 }, { "Tsd.", 0, 0 },
	{ "Millionen", 0, 0 }, { "Milliarden", 0, 0 },
	{ "a.m.", 0, 1 }, { "p.m.", 0, 1 }, { "million", 0, 1 },
	{ "billion", 0, 1 },
};

static const char *const months[] = {
	"Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli",
	"August", "September", "Oktober", "November", "Dezember", "Jan.",
	"Feb.", "Mär.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
	"Okt.", "Nov.", "Dez.",
};

/* Words before a number: Nr. 5, S. 12, Abs. 2. */
static const char *const before_num[] = {
	"Nr.", "Nrn.", "S.", "Abs.", "Art.", "Bd.", "Kap.", "Ziff.", "Tel.",
};

enum { NB_NONE, NB_NORMAL, NB_NARROW };

/*
 * Abbreviations of single letters and '.' written without the space
 * (z.B., d.h., u.a., o.Ä., i.d.R.) or with a line break in it (z.\nB.).
 * Two to ABBR_MAX groups, the first letter lower case and at a word's
 * start, nothing between the groups, or one line break between the
 * two of a pair; after the last no letter or digit (z.B.de is a name);
 * all of it between two protected spans.  Lower case first, so that
 * initials (J.R.R.) and U.S.A. stay as they are; one letter each, so
 * that a.txt and x.com at a sentence's end do too.  Groups with spaces
 * between them are abbrev's: "z. B. d. h." is two abbreviations, and
 * "d.h.\nu.a." could be one, so a line break joins a pair only.
 */
#define ABBR_MAX	4

/* A letter at j that a '.' follows: one group; its length in *len. */
static int
abbr_group(const struct typo *t, size_t j, size_t *len)
{
	if (j < t->base || j >= t->lim ||
	    cls_of(char_at(t, j, len)) != C_LETTER ||
	    alnum(cls_before(t, j, 0)))
		return 0;
	return j + *len < t->lim && t->s[j + *len] == '.';
}

/* The end of the separator at j: one line break, or none. */
static size_t
abbr_sep(const struct typo *t, size_t j)
{
	return j < t->lim && t->s[j] == '\n' ? j + 1 : j;
}

/* The start of the separator that ends at j (j itself when none). */
static size_t
abbr_sep_back(const struct typo *t, size_t j)
{
	return j > t->base && t->s[j - 1] == '\n' ? j - 1 : j;
}

/* Is the '.' at d the end of a group, not the last, of such an
 * abbreviation? */
static int
abbr_chain(const struct typo *t, size_t d)
{
	size_t l, q, p, len, j, e, dot, n2;
	int k, mid = 0, nl = 0;
	int32_t c;

	if (t->opt->lang == NEWS_LANG_EN || d <= t->base)
		return 0;
	/* back to the first group */
	l = back(t, d);
	if (!abbr_group(t, l, &len) || l + len != d)
		return 0;
	for (k = 1; k < ABBR_MAX; k++) {
		q = abbr_sep_back(t, l);
		if (q < t->base + 2 || t->s[q - 1] != '.' ||
		    !abbr_group(t, (p = back(t, q - 1)), &len))
			break;
		/* a line break only after the first group of a pair */
		if (q < l && (k > 1 || dot_before(t, p)))
			break;
		l = p;
	}
	c = char_at(t, l, &len);
	if (dot_before(t, l) || (c >= 0 && c < 0x80 ? !(c >= 'a' && c <= 'z') :
	    utf8proc_category(c) != UTF8PROC_CATEGORY_LL))
		return 0;
	/* forward: count the groups, see that d is one of them */
	for (j = l, k = 1;; k++) {
		(void)abbr_group(t, j, &len);
		dot = j + len;
		e = abbr_sep(t, dot + 1);
		if (k == ABBR_MAX || (nl && k == 2) || (e > dot + 1 && k > 1) ||
		    !abbr_group(t, e, &n2))
			break;
		mid |= dot == d;
		nl |= e > dot + 1;
		j = e;
	}
	if (!mid || k < 2 || (nl && k != 2) || alnum(cls_after(t, dot + 1, 0)))
		return 0;
	/* a pair across a line break is none after a group and a space:
	 * "d. h.\nu." ends one abbreviation at the break */
	for (q = l; q > t->base && hspace_before(t, q); q = back(t, q))
		;
	return !nl || q == l || q < t->base + 2 || t->s[q - 1] != '.' ||
	    !abbr_group(t, back(t, q - 1), &len);
}

/* abbr: a '.' inside such an abbreviation, where the space is missing
 * or a line break stands, takes the no-break space: z.B. → z. B. */
static size_t
r_abbr(struct typo *t)
{
	size_t i = t->i, k;

	if (t->s[i] != '.' || i + 1 >= t->lim)
		return 0;
	/* with a space, r_nbsp does it */
	k = t->s[i + 1] == '\n' ? 2 : 1;
	if ((k == 1 && hspace(t, i + 1) > 0) || !abbr_chain(t, i))
		return 0;
	puts_(t, t->opt->nbsp == NEWS_NBSP_NARROW ? ".\xe2\x80\xaf" :
	    ".\xc2\xa0");
	return k;
}

/* z. B., d. h., i. d. R.: one letter and '.', then one to three
 * letters and '.'. */
static int
abbrev(const struct typo *t, size_t i, size_t e)
{
	size_t b, len, j;
	int k;

	if (i < 2 || t->s[i - 1] != '.')
		return 0;
	b = back(t, i - 1);
	if (cls_of(char_at(t, b, &len)) != C_LETTER ||
	    alnum(cls_before(t, b, 0)) ||
	    (dot_before(t, b) && !abbr_chain(t, b - 1)))
		return 0;
	for (j = e, k = 0; j < t->n && k < 4; j += len, k++)
		if (cls_of(char_at(t, j, &len)) != C_LETTER)
			break;
	return k >= 1 && k <= 3 && j < t->n && t->s[j] == '.' &&
	    (!alnum(cls_after(t, j + 1, 0)) || abbr_chain(t, j));
}

/* 14. September: one or two digits and '.', then a month. */
static int
day_month(const struct typo *t, size_t i, size_t e)
{
	size_t b, k;

	if (i < 2 || t->s[i - 1] != '.')
		return 0;
	b = digits_back(t, i - 1);
	if (b == i - 1 || i - 1 - b > 2 || alnum(cls_before(t, b, 0)) ||
	    dot_before(t, b))
		return 0;
	for (k = 0; k < NELEM(months); k++)
		if (word_at(t, e, months[k]))
			return 1;
	return 0;
}

/* 5 km, 18 Uhr, 10 %: a number (digits, '.' or ',' between them) on
 * its own, then a unit. */
static int
number_unit(const struct typo *t, size_t i, size_t e)
{
	size_t b = i, k;
	int en = t->opt->lang == NEWS_LANG_EN;

	if (i == 0 || !is_digit(t->s[i - 1]))
		return NB_NONE;
	/* digits, and '.' or ',' between digits */
	while (b > 0 && i - b < LOOK_MAX && (is_digit(t->s[b - 1]) ||
	    ((t->s[b - 1] == '.' || t->s[b - 1] == ',') && b > 1 &&
	    is_digit(t->s[b - 2]))))
		b--;
	if (cls_before(t, b, 0) == C_LETTER || dot_before(t, b))
		return NB_NONE;
	for (k = 0; k < NELEM(units); k++)
		if ((!en || units[k].en) && word_at(t, e, units[k].u))
			return units[k].narrow ? NB_NARROW : NB_NORMAL;
	return NB_NONE;
}

/* The no-break space the run of spaces s[i..e) wants, or NB_NONE. */
static int
nbsp_context(const struct typo *t, size_t i, size_t e)
{
	size_t k;
	int en = t->opt->lang == NEWS_LANG_EN, c = i > 0 ? t->s[i - 1] : 0;

	/* every context ends in '.', a digit, § or ©: most spaces follow
	 * a letter, and are done with here */
	if (c != '.' && !is_digit(c) && c != 0xa7 && c != 0xa9)
		return NB_NONE;
	if ((word_before(t, i, "§") || word_before(t, i, "§§")) &&
	    is_digit(t->s[e]))
		return NB_NARROW;
	if (word_before(t, i, "©"))
		return NB_NORMAL;
	if (!en) {
		if (abbrev(t, i, e))
			return NB_NARROW;
		if (day_month(t, i, e))
			return NB_NORMAL;
		for (k = 0; k < NELEM(before_num); k++)
			if (word_before(t, i, before_num[k]) && is_digit(t->s[e]))
				return NB_NORMAL;
	}
	return number_unit(t, i, e);
}

/* nbsp: a run of spaces between words that belong together becomes
 * one no-break space */
static size_t
r_nbsp(struct typo *t)
{
	size_t e;
	int nb;

	if (hspace(t, t->i) == 0)
		return 0;
	e = run_end(t, t->i);
	if (line_edge(t, t->i, e) || e >= t->lim ||
	    (nb = nbsp_context(t, t->i, e)) == NB_NONE)
		return 0;
	puts_(t, nb == NB_NARROW && t->opt->nbsp == NEWS_NBSP_NARROW ?
	    "\xe2\x80\xaf" : "\xc2\xa0");
	return e - t->i;
}

/* spaces: a run of spaces inside a line becomes one; a no-break space
 * in it wins (NBSP + space is an NBSP). */
static size_t
r_spaces(struct typo *t)
{
	size_t i = t->i, e, k = 1, first = hspace(t, i);

	if (first == 0)
		return 0;
	e = run_end(t, i);
	if (e - i == first)
		return 0;
	if (line_edge(t, i, e)) {
		put(t, t->s + i, e - i);
		return e - i;
	}
	for (; i < e && (k = hspace(t, i)) == 1; i++)
		;
	put(t, i < e ? t->s + i : (const unsigned char *)" ",
	    i < e ? k : 1);
	return e - t->i;
}

/* The rules, in the order they are tried at each position. */
static const struct rule {
	enum news_typo_rule id;
	size_t	(*fn)(struct typo *);
} rules[] = {
	{ NEWS_TYPO_QUOTES, r_quotes },
	{ NEWS_TYPO_APOSTROPHE, r_apostrophe },
	{ NEWS_TYPO_ELLIPSIS, r_ellipsis },
	{ NEWS_TYPO_RANGE, r_range },
	{ NEWS_TYPO_DASH, r_dash },
	{ NEWS_TYPO_DASH, r_minus },
	{ NEWS_TYPO_NBSP, r_abbr },
	{ NEWS_TYPO_NBSP, r_nbsp },
	{ NEWS_TYPO_SPACES, r_spaces },
};

/* The first bytes any rule starts at: everything else is copied in
 * runs. */
static const unsigned char triggers[256] = {
	['"'] = 1, ['\''] = 1, ['-'] = 1, ['.'] = 1, [' '] = 1,
	[0xc2] = 1, [0xe2] = 1,
};

static int
trigger(int c)
{
	return triggers[c];
}

/* Where a rule may start: a trigger, except the one space between
 * words that no rule wants (not after '.', a digit, § or ©, not
 * before another space), which is most of them. */
static int
stop_at(const struct typo *t, size_t i)
{
	int c = t->s[i], p, q;

	if (!trigger(c))
		return 0;
	if (c != ' ' || i == 0 || i + 1 >= t->n)
		return 1;
	p = t->s[i - 1];
	q = t->s[i + 1];
	return p == '.' || is_digit(p) || p == 0xa7 || p == 0xa9 || q == ' ' ||
	    q == 0xc2 || q == 0xe2;
}

/* One position: the first rule that takes it, else one character. */
static size_t
step(struct typo *t)
{
	size_t k, r;

	while (t->tk < t->ntoks && t->toks[t->tk].pos < t->i)
		t->tk++;
	for (r = 0; r < NELEM(rules); r++)
		if (!(t->opt->off & 1u << rules[r].id) &&
		    (k = rules[r].fn(t)) > 0)
			return k;
	char_at(t, t->i, &k);
	put(t, t->s + t->i, k);
	return k;
}

/* Pass 3: the protected spans copied, the text between them given to
 * the rules. */
static void
emit(struct typo *t)
{
	size_t sp = 0, j;

	t->i = 0;
	while (t->i < t->n) {
		if (sp < t->nspans && t->i == t->spans[sp].start) {
			put(t, t->s + t->i, t->spans[sp].end - t->i);
			t->i = t->base = t->spans[sp++].end;
			continue;
		}
		t->lim = sp < t->nspans ? t->spans[sp].start : t->n;
		if (!stop_at(t, t->i)) {
			for (j = t->i + 1; j < t->lim && !stop_at(t, j); j++)
				;
			put(t, t->s + t->i, j - t->i);
			t->i = j;
			continue;
		}
		t->i += step(t);
	}
}

/* ---- the interface -------------------------------------------------------- */

static void
add_span(void *arg, size_t start, size_t end)
{
	struct typo *t = arg;

	if (t->nspans == t->spancap) {
		t->spancap = t->spancap ? t->spancap * 2 : 16;
		t->spans = ev_ereallocarray(t->spans, t->spancap,
		    sizeof(*t->spans));
	}
	t->spans[t->nspans].start = start;
	t->spans[t->nspans++].end = end;
}

/* The offset of the first byte that is not valid UTF-8, or NONE; its
 * sequence's length in *len. */
static size_t
invalid_at(const unsigned char *s, size_t n, size_t *len)
{
	size_t i = 0;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &c);
		if (k <= 0) {
			for (*len = 1; i + *len < n && *len < 4 &&
			    (s[i + *len] & 0xc0) == 0x80; (*len)++)
				;
			return i;
		}
		i += (size_t)k;
	}
	return NONE;
}

int
news_typeset(const struct news_typo *opt, const char *s, size_t n,
    struct ev_buf *out, news_report_fn *report, void *arg)
{
	static const struct news_typo dflt;
	struct typo t = { 0 };
	size_t bad, len;

	if (opt == NULL)
		opt = &dflt;
	if (s == NULL)
		s = "", n = 0;
	t.opt = opt;
	t.s = (const unsigned char *)s;
	t.n = n;
	t.out = out;
	t.report = report;
	t.arg = arg;
	ev_buf_reserve(out, n + n / 8);
	if ((unsigned)opt->lang > NEWS_LANG_EN) {
		put(&t, s, n);
		return -1;
	}
	/* ev_utf8_valid is the fast check (ASCII 8 bytes at a time);
	 * where it fails, invalid_at finds the place */
	if (!ev_utf8_valid(s, n) &&
	    (bad = invalid_at(t.s, n, &len)) != NONE) {
		put(&t, s, n);
		say(&t, bad, len, "utf8-invalid", NEWS_SEV_ERROR,
		    "invalid UTF-8");
		return -1;
	}
	news_protected(s, n, add_span, &t);
	pair(&t);
	emit(&t);
	free(t.spans);
	free(t.toks);
	free(t.stack);
	return 0;
}

int
news_quote_opens(const struct news_typo *opt, const char *s, size_t n)
{
	static const struct news_typo dflt;
	struct typo t = { 0 };
	size_t i = 0;
	int r;

	if (s == NULL || n == 0)
		return 0;
	t.opt = opt != NULL ? opt : &dflt;
	if ((unsigned)t.opt->lang > NEWS_LANG_EN || !ev_utf8_valid(s, n))
		return 0;
	t.s = (const unsigned char *)s;
	t.n = n;
	while (i < n && (s[i] == '*' || s[i] == '_' || s[i] == '~'))
		i++;
	if (i == n || mark_of(char_at(&t, i, &(size_t){ 0 })) == NULL)
		return 0;
	news_protected(s, n, add_span, &t);
	pair(&t);
	r = t.ntoks > 0 && t.toks[0].pos == i && t.toks[0].ctx == X_OPENING &&
	    (t.toks[0].role == R_OPEN || (t.toks[0].role == R_UNPAIRED &&
	    t.toks[0].opening));
	free(t.spans);
	free(t.toks);
	free(t.stack);
	return r;
}

const char *
news_typo_rule_name(enum news_typo_rule r)
{
	return (unsigned)r < NEWS_TYPO_COUNT ? rule_names[r] : NULL;
}

int
news_typo_rule_lookup(const char *name)
{
	int r;

	if (name == NULL)
		return -1;
	for (r = 0; r < NEWS_TYPO_COUNT; r++)
		if (strcmp(name, rule_names[r]) == 0)
			return r;
	return -1;
}
