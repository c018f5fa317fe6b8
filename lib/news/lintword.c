/*
 * lintword.c - the rules about words and sentences: repeated words,
 * long sentences (and the sentence splitter they need), house terms and
 * spelling.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "news.h"
#include "news_lint.h"
#include "news_priv.h"

#define NONE		SIZE_MAX

/* The next run of letters at or after *i: [*a, *b); 0 at the end. */
static int
next_letters(const struct news_ltext *t, size_t *i, size_t *a, size_t *b)
{
	size_t len;

	while (*i < t->n && !news_lint_is_letter(news_lint_at(t, *i, &len)))
		*i += len;
	if (*i >= t->n)
		return 0;
	*a = *i;
	while (*i < t->n && news_lint_is_letter(news_lint_at(t, *i, &len)))
		*i += len;
	*b = *i;
	return 1;
}

static int32_t
cp_at(const struct news_ltext *t, size_t i)
{
	size_t len;

	return i < t->n ? news_lint_at(t, i, &len) : -1;
}

static int32_t
cp_before(const struct news_ltext *t, size_t i)
{
	size_t start;

	return i > 0 ? news_lint_cp_before(t->s, i, &start) : -1;
}

/* ---- word-repeat ---- */

/* Is s[a, b) one of words (lower case)? */
static int
word_in(const struct news_ltext *t, size_t a, size_t b,
    const char *const *words)
{
	for (; *words != NULL; words++)
		if (news_lint_word_eq(t->s + a, b - a, *words, strlen(*words)))
			return 1;
	return 0;
}

/* The character before s[i], blanks skipped (-1 at the start); *at is
 * where it starts. */
static int32_t
before_blanks(const struct news_ltext *t, size_t i, size_t *at)
{
	int32_t c = -1;
	size_t start;

	while (i > 0 &&
	    news_lint_is_blank(c = news_lint_cp_before(t->s, i, &start)))
		i = start;
	*at = i > 0 ? start : 0;
	return i > 0 ? c : -1;
}

/* Does a clause start before s[i]: a comma, a bracket, a dash? */
static int
clause_before(const struct news_ltext *t, size_t i)
{
	size_t at;
	int32_t c = before_blanks(t, i, &at);

	return c == ',' || c == '(' || c == ';' || c == 0x2013 || c == 0x2014;
}

/* Is the word before s[i] a preposition that starts a clause (", zu
 * der der Chor sang", ", mit dem dem Kind geholfen wird")? */
static int
prep_clause_before(const struct news_ltext *t, size_t i)
{
	static const char *const preps[] = { "an", "auf", "aus", "bei",
	    "bis", "durch", "f\xc3\xbcr", "gegen", "hinter", "in", "mit", "nach",
	    "neben", "ohne", "seit", "trotz", "\xc3\xbc" "ber", "um", "unter",
	    "von", "vor", "w\xc3\xa4hrend", "wegen", "zu", "zwischen", NULL };
	size_t at, a, len;

	if (!news_lint_is_letter(before_blanks(t, i, &at)))
		return 0;
	for (a = at; a > 0 && news_lint_is_letter(news_lint_cp_before(t->s, a,
	    &i)); a = i)
		;
	news_lint_at(t, at, &len);
	return word_in(t, a, at + len, preps) && clause_before(t, a);
}

/*
 * Doubles a language allows.  German: "sie sie" and "ihr ihr" ("wenn
 * sie sie sieht") anywhere, an article after a relative pronoun at the
 * start of a clause (", die die Stadt", ", das das", "(der der", ", zu
 * der der Chor"); "Die die Stadt prägenden Bauten" is grammatical too
 * but rare, and is flagged.  English: "had had", "that that"; two
 * capitalised words are a name ("Bora Bora").
 */
static int
double_ok(const struct news_ltext *t, size_t a1, size_t b1, size_t a2)
{
	static const char *const de_any[] = { "sie", "ihr", NULL };
	static const char *const de_clause[] = { "der", "die", "das", "den",
	    "dem", NULL };
	static const char *const en_any[] = { "had", "that", NULL };

	if (t->lint->lang == NEWS_LANG_EN)
		return word_in(t, a1, b1, en_any) ||
		    (news_lint_is_upper(cp_at(t, a1)) &&
		    news_lint_is_upper(cp_at(t, a2)));
	if (word_in(t, a1, b1, de_any))
		return 1;
	return word_in(t, a1, b1, de_clause) && (clause_before(t, a1) ||
	    prep_clause_before(t, a1));
}

/* Only blanks between b1 and a2, and the words stand alone (not parts
 * of "Baden-Baden", "A4", a protected span). */
static int
adjacent(const struct news_ltext *t, size_t a1, size_t b1, size_t a2,
    size_t b2)
{
	size_t i, len;
	int32_t before = cp_before(t, a1), after = cp_at(t, b2);

	if (a2 == b1 || news_lint_protected(t, a1, b2))
		return 0;
	for (i = b1; i < a2; i += len)
		if (!news_lint_is_blank(news_lint_at(t, i, &len)))
			return 0;
	return !news_lint_is_alnum(before) && before != '-' && before != '\'' &&
	    before != 0x2019 && !news_lint_is_alnum(after) && after != '-' &&
	    !news_lint_is_alnum(cp_at(t, b1)) &&
	    !news_lint_is_alnum(cp_before(t, a2));
}

void
news_rule_word_repeat(struct news_ltext *t)
{
	size_t i = 0, a1 = 0, b1 = 0, a2, b2;
	int have = 0;

	while (next_letters(t, &i, &a2, &b2)) {
		if (have && adjacent(t, a1, b1, a2, b2) &&
		    news_lint_word_eq(t->s + a1, b1 - a1, t->s + a2, b2 - a2) &&
		    !double_ok(t, a1, b1, a2))
			news_lint_report(t, a2, b2 - a2, NULL,
			    "repeated word \"%.*s\"", (int)(b2 - a2),
			    t->s + a2);
		a1 = a2;
		b1 = b2;
		have = 1;
	}
}

/* ---- sentences ---- */

/*
 * Is w[0..n) (the word before a '.') an abbreviation?  One of the list,
 * an initial ("B", "J") or pieces of one or two letters joined by dots
 * ("z.B", "U.S", "e.g").
 */
static int
abbreviation(const char *w, size_t n)
{
	size_t i, len, letters = 0, pieces = 1;

	if (news_abbrev_word(w, n))
		return 1;
	for (i = 0; i < n; i += len) {
		int32_t c = news_lint_cp(w, n, i, &len);

		if (c == '.' && letters > 0) {
			pieces++;
			letters = 0;
		} else if (!news_lint_is_letter(c) || ++letters > 2) {
			return 0;
		}
	}
	return letters > 0 && (pieces > 1 || letters == 1);
}

/* Marks that may stand after a sentence's last word ("Ja.“") or
 * before a word ("„Ja"): quotes, brackets, emphasis. */
static int
wrapper(int32_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == '(' ||
	    c == '[' || c == '*' || c == '_' || c == 0xab || c == 0xbb ||
	    (c >= 0x2018 && c <= 0x201f) || c == 0x2039 || c == 0x203a;
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!news_lint_is_digit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

/* Does the word before the '.' at dot end no sentence? */
static int
dot_inside(const struct news_ltext *t, size_t a, size_t dot)
{
	size_t w = a, len;

	while (w < dot && wrapper(news_lint_at(t, w, &len)))
		w += len;
	if (w == dot || t->s[dot - 1] == '.')
		return 0;		/* "." alone, "..." */
	if (abbreviation(t->s + w, dot - w))
		return 1;
	/* German ordinals: "14. September", "am 3. Tag" (a year ends
	 * a sentence: "im Jahr 2016. Danach") */
	return t->lint->lang != NEWS_LANG_EN && all_digits(t->s + w, dot - w) &&
	    dot - w <= 3;
}

/*
 * Does the token [a, b) end a sentence, the next token starting at c
 * (NONE at the end)?  Its last character before closing quotes and
 * brackets is '.', '!', '?' or '…', and the next word does not start
 * in lower case ("z. B. die", "Ja!, sagte").
 */
static int
ends_sentence(const struct news_ltext *t, size_t a, size_t b, size_t c)
{
	size_t e = b, start, len;
	int32_t last;

	while (e > a && wrapper(news_lint_cp_before(t->s, e, &start)))
		e = start;
	if (e == a || t->prot[e - 1])
		return 0;
	last = news_lint_cp_before(t->s, e, &start);
	if (last != '.' && last != '!' && last != '?' && last != 0x2026)
		return 0;
	if (c != NONE) {
		while (c < t->n && wrapper(news_lint_at(t, c, &len)))
			c += len;
		if (c < t->n && (news_lint_is_lower(cp_at(t, c)) ||
		    (t->s[c] != '\0' && strchr(",;:", t->s[c]) != NULL)))
			return 0;
	}
	return last != '.' || !dot_inside(t, a, start);
}

/* The token (a run of non-blanks) at or after *i: [*a, *b); 0 at end. */
static int
next_token(const struct news_ltext *t, size_t *i, size_t *a, size_t *b)
{
	size_t len;

	while (*i < t->n && news_lint_is_blank(news_lint_at(t, *i, &len)))
		*i += len;
	if (*i >= t->n)
		return 0;
	*a = *i;
	while (*i < t->n && !news_lint_is_blank(news_lint_at(t, *i, &len)))
		*i += len;
	*b = *i;
	return 1;
}

void
news_lint_sentences(const struct news_ltext *t,
    void (*fn)(void *, size_t, size_t), void *arg)
{
	size_t i = 0, a, b, na, nb, start;

	if (!next_token(t, &i, &a, &b))
		return;
	start = a;
	for (;;) {
		int more = next_token(t, &i, &na, &nb);

		if (!more || ends_sentence(t, a, b, na)) {
			fn(arg, start, b);
			start = na;
		}
		if (!more)
			return;
		a = na;
		b = nb;
	}
}

/* ---- sentence-long ---- */

/* A word is a token with a letter or digit outside protected spans, or
 * a protected span standing alone (a URL, a code span). */
static int
is_word(const struct news_ltext *t, size_t a, size_t b)
{
	size_t i, len;
	int all = 1;

	for (i = a; i < b; i += len) {
		int32_t c = news_lint_at(t, i, &len);

		if (!t->prot[i] && news_lint_is_alnum(c))
			return 1;
		all = all && t->prot[i];
	}
	return all;
}

static void
long_sentence(void *arg, size_t start, size_t end)
{
	struct news_ltext *t = arg;
	size_t i = start, a, b;
	unsigned words = 0;

	while (i < end && next_token(t, &i, &a, &b))
		words += is_word(t, a, b);
	if (words > t->lint->max_sentence)
		news_lint_report(t, start, end - start, NULL,
		    "sentence of %u words (at most %u)", words,
		    t->lint->max_sentence);
}

void
news_rule_sentence_long(struct news_ltext *t)
{
	if (t->lint->max_sentence > 0)
		news_lint_sentences(t, long_sentence, t);
}

/* ---- term ---- */

static void
term_found(void *arg, size_t off, size_t len, const char *right)
{
	struct news_ltext *t = arg;

	news_lint_report(t, off, len, right,
	    "house style: \"%s\", not \"%.*s\"", right, (int)len,
	    t->s + off);
}

void
news_rule_term(struct news_ltext *t)
{
	if (t->lint->terms != NULL)
		news_lint_terms_each(t->lint->terms, t, term_found, t);
}

/* ---- spell ---- */

struct starts {
	size_t	*v;
	size_t	 n, cap;
};

static void
add_start(void *arg, size_t start, size_t end)
{
	struct starts *s = arg;

	(void)end;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = ev_ereallocarray(s->v, s->cap, sizeof(*s->v));
	}
	s->v[s->n++] = start;
}

static int
apostrophe(int32_t c)
{
	return c == '\'' || c == 0x2019;
}

/*
 * The next word to spell at or after *i: letters and digits, joined
 * by single hyphens and apostrophes ("Vollzeit-Lehrkraft", "don't").
 */
static int
next_spell_word(const struct news_ltext *t, size_t *i, size_t *a, size_t *b)
{
	size_t len, k;

	while (*i < t->n && !news_lint_is_alnum(news_lint_at(t, *i, &len)))
		*i += len;
	if (*i >= t->n)
		return 0;
	*a = *i;
	for (;;) {
		while (news_lint_is_alnum(news_lint_at(t, *i, &len)))
			*i += len;
		if (*i >= t->n)
			break;
		k = *i;
		if (t->s[k] != '-' && !apostrophe(news_lint_at(t, k, &len)))
			break;
		if (!news_lint_is_alnum(cp_at(t, k + len)))
			break;
		*i = k + len;
	}
	*b = *i;
	return 1;
}

/* Words no dictionary knows and no reader misses: numbers and words
 * with digits, single letters, abbreviations in capitals ("LHH"),
 * handles and hashtags. */
static int
spell_skip(const struct news_ltext *t, size_t a, size_t b)
{
	size_t i, len, chars = 0, lower = 0;
	int32_t before = cp_before(t, a);

	if (before == '@' || before == '#' || before == '&' ||
	    news_lint_protected(t, a, b))
		return 1;
	if (b < t->n && t->s[b] == '.' && abbreviation(t->s + a, b - a))
		return 1;
	for (i = a; i < b; i += len) {
		int32_t c = news_lint_at(t, i, &len);

		if (c < 0 || (news_lint_is_alnum(c) && !news_lint_is_letter(c)))
			return 1;
		chars++;
		lower += news_lint_is_lower(c);
	}
	return chars < 2 || lower == 0;
}

/* Is the word known?  German drops an elision ("geht’s": "geht"),
 * which de_DE does not list; the apostrophe goes to hunspell as "'". */
static int
spell_known(const struct news_ltext *t, const char *w, size_t n,
    struct ev_buf *hint)
{
	const struct news_lint *l = t->lint;
	struct ev_buf b = { NULL, 0, 0 };
	size_t i, len;
	int known;

	for (i = 0; i < n; i += len) {
		int32_t c = news_lint_cp(w, n, i, &len);

		if (apostrophe(c) && l->lang != NEWS_LANG_EN)
			break;
		if (apostrophe(c))
			ev_buf_addc(&b, '\'');
		else
			ev_buf_add(&b, w + i, len);
	}
	if (b.len == 0)
		return 1;
	if (l->terms != NULL && news_lint_terms_word(l->terms, b.p, b.len))
		known = 1;
	else
		known = l->spell(l->spell_arg, b.p, b.len, hint);
	ev_buf_free(&b);
	return known;
}

/* A hyphenated word hunspell does not know is still right when each
 * part is known or is skipped on its own ("LHH-Sprecher"). */
static int
parts_known(const struct news_ltext *t, size_t a, size_t b)
{
	size_t i = a, e;
	struct ev_buf hint = { NULL, 0, 0 };
	int ok = 1;

	while (ok && i < b) {
		for (e = i; e < b && t->s[e] != '-'; e++)
			;
		if (e == b && i == a)
			ok = 0;
		else if (!spell_skip(t, i, e))
			ok = spell_known(t, t->s + i, e - i, &hint);
		ev_buf_clear(&hint);
		i = e + 1;
	}
	ev_buf_free(&hint);
	return ok;
}

static void
spell_word(struct news_ltext *t, size_t a, size_t b, int first)
{
	struct ev_buf hint = { NULL, 0, 0 };

	/* English capitalises names, not nouns: a capital inside a
	 * sentence is a name, which no dictionary has */
	if (!first && t->lint->lang == NEWS_LANG_EN &&
	    news_lint_is_upper(cp_at(t, a)))
		return;
	if (!spell_known(t, t->s + a, b - a, &hint) &&
	    (memchr(t->s + a, '-', b - a) == NULL || !parts_known(t, a, b))) {
		if (hint.len > 0)
			news_lint_report(t, a, b - a, NULL,
			    "unknown word \"%.*s\" (%s?)", (int)(b - a),
			    t->s + a, hint.p);
		else
			news_lint_report(t, a, b - a, NULL,
			    "unknown word \"%.*s\"", (int)(b - a), t->s + a);
	}
	ev_buf_free(&hint);
}

void
news_rule_spell(struct news_ltext *t)
{
	struct starts st = { NULL, 0, 0 };
	size_t i = 0, a, b, k = 0;
	int first;

	if (t->lint->spell == NULL)
		return;
	news_lint_sentences(t, add_start, &st);
	while (next_spell_word(t, &i, &a, &b)) {
		first = 0;
		while (k < st.n && st.v[k] <= a) {
			k++;
			first = 1;
		}
		if (!spell_skip(t, a, b))
			spell_word(t, a, b, first);
	}
	free(st.v);
}
