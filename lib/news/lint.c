/*
 * lint.c - news-fmt --check: the table of lint rules, the run that puts
 * a text or an article through them, and the character rules (encoding,
 * invisible characters, normalisation, spaces).
 *
 * A rule is a small function that looks at one text (or one article)
 * and reports; it knows nothing of files, lines or output formats.  The
 * run collects the findings of every rule, sorts them by offset and
 * hands them to the caller, who maps offsets to FILE:LINE:COL (and
 * news-fmt, holding an article's findings, sorts them by those).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "evkit.h"
#include "news.h"
#include "news_lint.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * The rules, in the order of the man page.  A rule with an option is
 * off until the caller gives what it needs (a limit, a terms file, a
 * speller); --disable still turns it off then.
 */
static const struct rule {
	struct news_lint_rule pub;
	news_ltext_fn *text;
	news_lart_fn *art;
} rules[] = {
	{ { "utf8", NEWS_SEV_ERROR, "invalid UTF-8",
	    "caf\\xe9", NULL }, news_rule_utf8, NULL },
	{ { "quote-unpaired", NEWS_SEV_ERROR,
	    "a quotation mark without its partner",
	    "\xe2\x80\x9e" "Es freut mich, sagt er.", NULL },
	    news_rule_quote_unpaired, NULL },
	{ { "quote-mismatch", NEWS_SEV_WARNING,
	    "a quotation closed by the mark of another style",
	    "\xe2\x80\x9e" "Es freut mich" "\xe2\x80\x9d", NULL },
	    news_rule_quote_mismatch, NULL },
	{ { "quote-straight", NEWS_SEV_WARNING,
	    "a straight quote or apostrophe where the language has "
	    "typographic ones", "\"Es freut mich" "\xe2\x80\x9c", NULL },
	    news_rule_quote_straight, NULL },
	{ { "bracket-unpaired", NEWS_SEV_ERROR,
	    "a bracket without its partner", "(am 14. September", NULL },
	    news_rule_bracket_unpaired, NULL },
	{ { "bracket-mismatch", NEWS_SEV_ERROR,
	    "a bracket closed by another kind", "(am 14. September]", NULL },
	    news_rule_bracket_mismatch, NULL },
	{ { "space-double", NEWS_SEV_WARNING,
	    "two or more spaces in a row (also a no-break space and a space)",
	    "die  Stadt", NULL }, news_rule_space_double, NULL },
	{ { "space-punct", NEWS_SEV_WARNING,
	    "a space before punctuation", "die Stadt , die", NULL },
	    news_rule_space_punct, NULL },
	{ { "word-repeat", NEWS_SEV_WARNING,
	    "a word repeated (legitimate German doubles such as "
	    "\", die die\" allowed)", "Er sagte, dass die die Stadt", NULL },
	    news_rule_word_repeat, NULL },
	{ { "invisible", NEWS_SEV_WARNING,
	    "an invisible character: zero-width space, soft hyphen, byte "
	    "order mark, control or format character",
	    "Stadt\\u200Bbahn", NULL }, news_rule_invisible, NULL },
	{ { "nfd", NEWS_SEV_WARNING,
	    "a decomposed character (not NFC), such as a + combining "
	    "diaeresis for \xc3\xa4", "Ma\\u0308rz", NULL },
	    news_rule_nfd, NULL },
	{ { "date-weekday", NEWS_SEV_ERROR,
	    "a weekday that does not match its date",
	    "Samstag, 25. Dezember 2016", NULL },
	    news_rule_date_weekday, NULL },
	{ { "sentence-long", NEWS_SEV_NOTE,
	    "a sentence of more than N words", "(--max-sentence 3) "
	    "Die Stadt baut eine Halle.", "--max-sentence" },
	    news_rule_sentence_long, NULL },
	{ { "term", NEWS_SEV_WARNING,
	    "a word the house writes otherwise (a terms file's "
	    "\"wrong => right\")", "(Email => E-Mail) per Email",
	    "--terms" }, news_rule_term, NULL },
	{ { "spell", NEWS_SEV_WARNING,
	    "a word hunspell does not know (nor the --dict file)",
	    "Oberb\xc3\xbcrgermeiser", "--spell" }, news_rule_spell, NULL },
	{ { "time-style", NEWS_SEV_WARNING,
	    "times written in more than one style in one article",
	    "18 Uhr ... 20:00 Uhr", NULL }, NULL, news_rule_time_style },
	{ { "date-order", NEWS_SEV_WARNING,
	    "an article updated before its date, or dated more than a "
	    "year after --now", "(Date: 2016-12-21, Updated: 2016-12-20)",
	    NULL }, NULL, news_rule_date_order },
	{ { "missing-title", NEWS_SEV_ERROR,
	    "an article without headline", "(no Title:)", NULL },
	    NULL, news_rule_missing_title },
	{ { "missing-lead", NEWS_SEV_WARNING,
	    "an article without lead", "(no Lead:, no paragraph)", NULL },
	    NULL, news_rule_missing_lead },
	{ { "missing-alt", NEWS_SEV_WARNING,
	    "an image without alt text", "(Image: without Alt:)", NULL },
	    NULL, news_rule_missing_alt },
	{ { "missing-credit", NEWS_SEV_WARNING,
	    "an image without credit", "(Image: without Credit:)", NULL },
	    NULL, news_rule_missing_credit },
};

const struct news_lint_rule *
news_lint_rule(size_t i)
{
	return i < NELEM(rules) ? &rules[i].pub : NULL;
}

/* ---- the options of a run ---- */

struct news_lint *
news_lint_new(enum news_lang lang)
{
	struct news_lint *l = ev_ecalloc(1, sizeof(*l));

	l->lang = lang;
	l->on = ev_emalloc(NELEM(rules));
	memset(l->on, 1, NELEM(rules));
	return l;
}

void
news_lint_free(struct news_lint *l)
{
	if (l == NULL)
		return;
	free(l->on);
	free(l);
}

int
news_lint_enable(struct news_lint *l, const char *id, int on)
{
	size_t i;

	if (id == NULL)
		return -1;
	if (strcmp(id, "all") == 0) {
		memset(l->on, on != 0, NELEM(rules));
		return 0;
	}
	for (i = 0; i < NELEM(rules); i++)
		if (strcmp(id, rules[i].pub.id) == 0) {
			l->on[i] = on != 0;
			return 0;
		}
	return -1;
}

void
news_lint_set_cont(struct news_lint *l, int cont)
{
	l->cont = cont;
}

void
news_lint_set_lang(struct news_lint *l, enum news_lang lang)
{
	l->lang = lang;
}

void
news_lint_set_max_sentence(struct news_lint *l, unsigned words)
{
	l->max_sentence = words;
}

void
news_lint_set_date(struct news_lint *l, int y, int m, int d)
{
	if (m < 1 || m > 12 || d < 1 || d > ev_days_in_month(y, m))
		y = m = d = 0;
	l->ref_y = y;
	l->ref_m = m;
	l->ref_d = d;
}

void
news_lint_set_now(struct news_lint *l, const struct news_now *now)
{
	l->now = *now;
	if (now->m < 1 || now->m > 12 || now->d < 1 ||
	    now->d > ev_days_in_month(now->y, now->m))
		l->now.known = 0;
}

void
news_lint_set_terms(struct news_lint *l, const struct news_terms *terms)
{
	l->terms = terms;
}

void
news_lint_set_spell(struct news_lint *l, news_spell_fn *fn, void *arg)
{
	l->spell = fn;
	l->spell_arg = arg;
}

/* ---- the sink: findings collected, sorted, reported ---- */

struct found {
	size_t	 off, len;
	const struct news_lint_rule *rule;
	size_t	 msg, fix;		/* offsets into str; fix: or NOFIX */
	void	*arg;
	size_t	 seq;			/* keeps equal offsets in rule order */
};
#define NOFIX	SIZE_MAX

struct news_lsink {
	struct found *v;
	size_t	 len, cap;
	struct ev_buf str;
};

static void
sink_add(struct news_lsink *k, const struct news_lint_rule *rule, void *arg,
    size_t off, size_t len, const char *fix, const char *fmt, va_list ap)
{
	struct found *f;
	char msg[512];

	if (k->len == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 16;
		k->v = ev_ereallocarray(k->v, k->cap, sizeof(*k->v));
	}
	f = &k->v[k->len];
	f->off = off;
	f->len = len;
	f->rule = rule;
	f->arg = arg;
	f->seq = k->len++;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	f->msg = k->str.len;
	ev_buf_add(&k->str, msg, strlen(msg) + 1);
	f->fix = NOFIX;
	if (fix != NULL) {
		f->fix = k->str.len;
		ev_buf_add(&k->str, fix, strlen(fix) + 1);
	}
}

void
news_lint_report(struct news_ltext *t, size_t off, size_t len, const char *fix,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sink_add(t->sink, t->rule, NULL, off, len, fix, fmt, ap);
	va_end(ap);
}

void
news_lint_report_part(struct news_lsink *k, const struct news_lint_rule *rule,
    const struct news_lint_part *part, void *arg, size_t off, size_t len,
    const char *fix, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sink_add(k, rule, part != NULL ? part->arg : arg, off, len, fix, fmt,
	    ap);
	va_end(ap);
}

static int
found_cmp(const void *a, const void *b)
{
	const struct found *x = a, *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Report every finding (sorted by offset when sort), then empty k. */
static size_t
sink_flush(struct news_lsink *k, int sort, news_report_fn *report,
    void *arg)
{
	struct news_finding f;
	size_t i, n = k->len;

	if (sort && k->len > 1)
		qsort(k->v, k->len, sizeof(*k->v), found_cmp);
	for (i = 0; i < k->len; i++) {
		f.off = k->v[i].off;
		f.len = k->v[i].len;
		f.rule = k->v[i].rule->id;
		f.sev = k->v[i].rule->sev;
		f.msg = k->str.p + k->v[i].msg;
		f.fix = k->v[i].fix == NOFIX ? NULL : k->str.p + k->v[i].fix;
		report(sort ? arg : k->v[i].arg, &f);
	}
	free(k->v);
	ev_buf_free(&k->str);
	return n;
}

/* ---- the runs ---- */

static void
mark(void *arg, size_t start, size_t end)
{
	struct news_ltext *t = arg;

	memset((unsigned char *)t->prot + start, 1, end - start);
}

int
news_lint_text(const struct news_lint *l, const char *s, size_t n,
    news_report_fn *report, void *arg)
{
	struct news_lsink sink = { NULL, 0, 0, { NULL, 0, 0 } };
	struct news_ltext t;
	size_t i;

	t.lint = l;
	t.s = n > 0 ? s : "";
	t.n = n;
	t.prot = ev_ecalloc(n ? n : 1, 1);
	t.sink = &sink;
	news_protected(s, n, mark, &t);
	for (i = 0; i < NELEM(rules); i++) {
		if (!l->on[i] || rules[i].text == NULL)
			continue;
		t.rule = &rules[i].pub;
		rules[i].text(&t);
	}
	free((unsigned char *)t.prot);
	return (int)sink_flush(&sink, 1, report, arg);
}

int
news_lint_article(const struct news_lint *l,
    const struct news_lint_article *a, news_report_fn *report)
{
	struct news_lsink sink = { NULL, 0, 0, { NULL, 0, 0 } };
	size_t i;

	for (i = 0; i < NELEM(rules); i++)
		if (l->on[i] && rules[i].art != NULL)
			rules[i].art(l, a, &sink, &rules[i].pub);
	return (int)sink_flush(&sink, 0, report, NULL);
}

/* ---- characters ---- */

int32_t
news_lint_cp(const char *s, size_t n, size_t i, size_t *len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

	if ((unsigned char)s[i] < 0x80) {
		*len = 1;
		return (unsigned char)s[i];
	}
	k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	    (utf8proc_ssize_t)(n - i < 4 ? n - i : 4), &cp);
	if (k < 1) {
		*len = 1;
		return -1;
	}
	*len = (size_t)k;
	return cp;
}

int32_t
news_lint_at(const struct news_ltext *t, size_t i, size_t *len)
{
	if (i >= t->n) {
		*len = 1;
		return -1;
	}
	return news_lint_cp(t->s, t->n, i, len);
}

int32_t
news_lint_cp_before(const char *s, size_t i, size_t *start)
{
	size_t j, len;
	int32_t cp;

	if (i == 0) {
		*start = 0;
		return -1;
	}
	j = ev_utf8_cut(s, i - 1);
	cp = news_lint_cp(s, i, j, &len);
	if (j + len != i) {
		*start = i - 1;
		return -1;
	}
	*start = j;
	return cp;
}

int
news_lint_is_letter(int32_t c)
{
	if (c < 0)
		return 0;
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
		return 1;
	default:
		return 0;
	}
}

int
news_lint_is_digit(int32_t c)
{
	return c >= '0' && c <= '9';
}

int
news_lint_is_alnum(int32_t c)
{
	if (c < 0)
		return 0;
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return news_lint_is_letter(c);
	}
}

int
news_lint_is_upper(int32_t c)
{
	return c >= 0 && (utf8proc_category(c) == UTF8PROC_CATEGORY_LU ||
	    utf8proc_category(c) == UTF8PROC_CATEGORY_LT);
}

int
news_lint_is_lower(int32_t c)
{
	return c >= 0 && utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

int
news_lint_is_hspace(int32_t c)
{
	return c == ' ' || c == 0xa0 || (c >= 0x2000 && c <= 0x200a) ||
	    c == 0x202f || c == 0x205f || c == 0x3000;
}

int
news_lint_is_blank(int32_t c)
{
	return c == -1 || c == '\n' || news_lint_is_hspace(c);
}

int
news_lint_protected(const struct news_ltext *t, size_t a, size_t b)
{
	for (; a < b && a < t->n; a++)
		if (t->prot[a])
			return 1;
	return 0;
}

int
news_lint_word_eq(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0, la, lb;

	while (i < an && j < bn) {
		int32_t x = news_lint_cp(a, an, i, &la);
		int32_t y = news_lint_cp(b, bn, j, &lb);

		if (x < 0 || y < 0 ||
		    utf8proc_tolower(x) != utf8proc_tolower(y))
			return 0;
		i += la;
		j += lb;
	}
	return i == an && j == bn;
}

/* ---- the character rules ---- */

/* One finding per run of bytes that are no UTF-8. */
void
news_rule_utf8(struct news_ltext *t)
{
	size_t i = 0, len, start;

	while (i < t->n) {
		if (news_lint_at(t, i, &len) >= 0) {
			i += len;
			continue;
		}
		start = i;
		while (i < t->n && news_lint_at(t, i, &len) < 0)
			i++;
		news_lint_report(t, start, i - start, NULL,
		    "invalid UTF-8 (%zu byte%s)", i - start,
		    i - start == 1 ? "" : "s");
	}
}

/* The name of an invisible character for the message, or NULL. */
static const char *
invisible_name(int32_t c)
{
	static const struct {
		int32_t	 cp;
		const char *name;
	} names[] = {
		{ 0x09, "tab" }, { 0x0d, "carriage return" },
		{ 0xad, "soft hyphen" }, { 0x200b, "zero-width space" },
		{ 0x200c, "zero-width non-joiner" },
		{ 0x200d, "zero-width joiner" },
		{ 0x200e, "left-to-right mark" },
		{ 0x200f, "right-to-left mark" },
		{ 0x2028, "line separator" }, { 0x2029, "paragraph separator" },
		{ 0x2060, "word joiner" }, { 0xfeff, "byte order mark" },
		{ 0xfffd, "replacement character (broken encoding upstream)" },
	};
	size_t i;

	for (i = 0; i < NELEM(names); i++)
		if (names[i].cp == c)
			return names[i].name;
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_CC:	return "control character";
	case UTF8PROC_CATEGORY_CF:	return "format character";
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:	return "separator";
	default:			return NULL;
	}
}

static int
pictographic(int32_t c)
{
	const utf8proc_property_t *p;

	if (c < 0)
		return 0;
	p = utf8proc_get_property(c);
	return p->boundclass == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC ||
	    utf8proc_category(c) == UTF8PROC_CATEGORY_SO;
}

/*
 * Characters that do belong where they stand: the line breaks that
 * join a block's lines, a CR before one (a CRLF file), the joiner
 * inside emoji sequences and the tags of flag sequences.
 */
static int
invisible_ok(const struct news_ltext *t, size_t i, size_t len, int32_t c)
{
	size_t k, start;
	int32_t prev, next;

	if (c == '\n')
		return 1;
	next = i + len < t->n ? news_lint_at(t, i + len, &k) : -1;
	if (c == '\r')
		return next == '\n';
	prev = i > 0 ? news_lint_cp_before(t->s, i, &start) : -1;
	if (c == 0x200d || (c >= 0xe0020 && c <= 0xe007f) || c == 0xfe0f)
		return pictographic(prev) || pictographic(next) ||
		    (prev >= 0xe0020 && prev <= 0xe007f) || prev == 0xfe0f;
	return 0;
}

void
news_rule_invisible(struct news_ltext *t)
{
	size_t i, len;
	const char *name;
	int32_t c;

	for (i = 0; i < t->n; i += len) {
		c = news_lint_at(t, i, &len);
		if (c < 0 || (c >= 0x20 && c < 0x7f) || t->prot[i])
			continue;
		if ((name = invisible_name(c)) == NULL ||
		    invisible_ok(t, i, len, c))
			continue;
		/* a tab stands for a space; the rest stands for nothing,
		 * except U+FFFD, which stands for a character lost */
		news_lint_report(t, i, len,
		    c == 0xfffd ? NULL : c == '\t' ? " " : "",
		    "%s U+%04X", name, (unsigned)c);
	}
}

/* A code point that NFC may change: one with a combining class or a
 * canonical decomposition of its own. */
static int
nfc_suspect(int32_t c)
{
	const utf8proc_property_t *p;

	if (c < 0x300)
		return 0;
	p = utf8proc_get_property(c);
	return p->combining_class != 0 ||
	    (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0) ||
	    utf8proc_category(c) == UTF8PROC_CATEGORY_MN;
}

/*
 * The end of the cluster at s[i]: a character and the marks after it.
 * A cluster of more than 30 marks is no text (Unicode's stream-safe
 * limit) and is not normalised: sorting its marks would cost the
 * square of their number.
 */
static size_t
cluster_end(const struct news_ltext *t, size_t i, int *suspect)
{
	size_t len, marks = 0;
	int32_t c = news_lint_at(t, i, &len);

	*suspect = nfc_suspect(c);
	for (i += len; i < t->n; i += len) {
		c = news_lint_at(t, i, &len);
		if (c < 0 || utf8proc_get_property(c)->combining_class == 0)
			break;
		*suspect = ++marks <= 30;
	}
	return i;
}

/* The clusters that are not in NFC ("a" + U+0308 for "ä"): replaced by
 * their NFC form, which is always safe. */
void
news_rule_nfd(struct news_ltext *t)
{
	size_t i = 0, e;
	int suspect;
	char *cl;
	utf8proc_uint8_t *nfc;

	while (i < t->n) {
		e = cluster_end(t, i, &suspect);
		if (!suspect || news_lint_protected(t, i, e)) {
			i = e;
			continue;
		}
		cl = ev_estrndup(t->s + i, e - i);
		nfc = utf8proc_NFC((const utf8proc_uint8_t *)cl);
		if (nfc != NULL && strcmp((char *)nfc, cl) != 0)
			news_lint_report(t, i, e - i, (char *)nfc,
			    "decomposed character, NFC is \"%s\"", (char *)nfc);
		free(nfc);
		free(cl);
		i = e;
	}
}

/*
 * Runs of two or more spaces, no-break spaces among them.  A run at
 * the start or end of a line is left alone: indentation, and Markdown's
 * hard line break (two spaces before the newline).  The fix keeps the
 * first no-break space of the run, which someone put there on purpose.
 */
void
news_rule_space_double(struct news_ltext *t)
{
	size_t i = 0, start, len, nb, nblen, count;
	int32_t c;

	while (i < t->n) {
		c = news_lint_at(t, i, &len);
		if (!news_lint_is_hspace(c) || t->prot[i]) {
			i += len;
			continue;
		}
		start = i;
		nb = SIZE_MAX;
		nblen = count = 0;
		while (i < t->n && news_lint_is_hspace(c = news_lint_at(t, i,
		    &len)) && !t->prot[i]) {
			if (c != ' ' && nb == SIZE_MAX)
				nb = i, nblen = len;
			i += len;
			count++;
		}
		if (count < 2 || start == 0 ||
		    t->s[start - 1] == '\n' || i == t->n || t->s[i] == '\n')
			continue;
		if (nb == SIZE_MAX)
			news_lint_report(t, start, i - start, " ", "%zu spaces",
			    count);
		else {
			char fix[8];

			memcpy(fix, t->s + nb, nblen);
			fix[nblen] = '\0';
			news_lint_report(t, start, i - start, fix,
			    "no-break space next to another space");
		}
	}
}

/*
 * Is the punctuation at s[i] one that no space goes before?  Not the
 * '.' of "...", ".NET" or ".5", nor the ':' or ';' of ":-)".
 */
static int
tight_punct(const struct news_ltext *t, size_t i)
{
	int32_t c = (unsigned char)t->s[i], next;
	size_t len;

	if (strchr(",.;:!?)]}", c) == NULL || c == '\0')
		return 0;
	next = i + 1 < t->n ? news_lint_at(t, i + 1, &len) : -1;
	if (c == '.' && (next == '.' || news_lint_is_alnum(next)))
		return 0;
	if ((c == ':' || c == ';') && next >= 0 && !news_lint_is_blank(next) &&
	    !news_lint_is_alnum(next))
		return 0;
	return 1;
}

void
news_rule_space_punct(struct news_ltext *t)
{
	size_t i = 0, start, len;

	while (i < t->n) {
		if (!news_lint_is_hspace(news_lint_at(t, i, &len)) ||
		    t->prot[i]) {
			i += len;
			continue;
		}
		start = i;
		while (news_lint_is_hspace(news_lint_at(t, i, &len)) &&
		    !t->prot[i])
			i += len;
		/* indentation at a line's start is no space before */
		if (start == 0 || t->s[start - 1] == '\n' || i == t->n ||
		    t->prot[i] || !tight_punct(t, i))
			continue;
		news_lint_report(t, start, i - start, "", "space before '%c'",
		    t->s[i]);
	}
}
