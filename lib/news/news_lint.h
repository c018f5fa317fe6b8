/*
 * news_lint.h - what the lint files of lib/news/ share and callers need
 * not see: the text a rule looks at, how a rule reports, and the
 * character classes every rule asks about.  lint.c holds the table of
 * rules and runs them; lintquote.c, lintword.c, lintdate.c and
 * lintart.c hold the rules; terms.c the house terms.
 */
#ifndef NEWS_LINT_H
#define NEWS_LINT_H

#include <stddef.h>
#include <stdint.h>

#include "evkit.h"
#include "news.h"

/*
 * The options of a run (struct news_lint is news.h's opaque handle).
 * on[] is indexed like the table of rules in lint.c.
 */
struct news_lint {
	enum news_lang lang;
	unsigned char *on;
	unsigned max_sentence;		/* 0: no limit */
	int	 ref_y, ref_m, ref_d;	/* the article's date, or 0 */
	struct news_now now;		/* known 0: no present given */
	const struct news_terms *terms;
	news_spell_fn *spell;
	void	*spell_arg;
	int	 cont;			/* news_lint_set_cont */
};

/* One text under the rules: s[0..n), prot[i] != 0 where s[i] is in a
 * protected span.  A rule reports through news_lint_report. */
struct news_ltext {
	const struct news_lint *lint;
	const char *s;
	size_t	 n;
	const unsigned char *prot;
	struct news_lsink *sink;	/* lint.c: collects, sorts, reports */
	const struct news_lint_rule *rule;	/* the rule running */
};

/* A rule over one text, and one over a whole article. */
typedef void news_ltext_fn(struct news_ltext *);
typedef void news_lart_fn(const struct news_lint *,
	    const struct news_lint_article *, struct news_lsink *,
	    const struct news_lint_rule *);

/* Report s[off, off + len) under the running rule; fix NULL: none. */
void	 news_lint_report(struct news_ltext *, size_t off, size_t len,
	    const char *fix, const char *fmt, ...) EV_PRINTFLIKE(5, 6);
/* The same for an article rule: about part (NULL: the article). */
void	 news_lint_report_part(struct news_lsink *,
	    const struct news_lint_rule *, const struct news_lint_part *,
	    void *arg, size_t off, size_t len, const char *fix,
	    const char *fmt, ...) EV_PRINTFLIKE(8, 9);

/* ---- characters (lint.c) ---- */

/* The code point at s[i] (i < n) and its length in *len; -1 and
 * length 1 for a byte that starts no valid UTF-8 sequence. */
int32_t	 news_lint_cp(const char *s, size_t n, size_t i, size_t *len);
/* The code point at t->s[i], -1 at the end (length 1). */
int32_t	 news_lint_at(const struct news_ltext *t, size_t i, size_t *len);
/* The code point ending just before s[i] (i > 0) and its start. */
int32_t	 news_lint_cp_before(const char *s, size_t i, size_t *start);
int	 news_lint_is_letter(int32_t);	/* L*, and M* that follows one */
int	 news_lint_is_digit(int32_t);	/* ASCII 0-9 */
int	 news_lint_is_alnum(int32_t);	/* letter, mark or number (N*) */
int	 news_lint_is_upper(int32_t);
int	 news_lint_is_lower(int32_t);
/* Space, no-break spaces, the other Zs spaces; not '\n' or tab. */
int	 news_lint_is_hspace(int32_t);
/* hspace or '\n' or the start or end of the text (-1). */
int	 news_lint_is_blank(int32_t);
/* Is s[a, b) touched by a protected span? */
int	 news_lint_protected(const struct news_ltext *, size_t a, size_t b);
/* Case-insensitive (simple lower-casing) equality of two UTF-8 words. */
int	 news_lint_word_eq(const char *a, size_t an, const char *b, size_t bn);

/* ---- sentences (lintword.c) ---- */

/*
 * The sentences of t: fn(arg, start, end) for each, in order, covering
 * the text's words.  Not fooled by abbreviations ("z. B.", "Dr."),
 * German ordinals ("14. September"), initials, decimals, "..." before
 * a lower-case word, or terminators inside protected spans.
 */
void	 news_lint_sentences(const struct news_ltext *,
	    void (*fn)(void *, size_t start, size_t end), void *arg);

/* ---- terms.c: house terms ---- */

/* Each place in t where a wrong term stands: fn(arg, off, len, right). */
void	 news_lint_terms_each(const struct news_terms *,
	    const struct news_ltext *,
	    void (*fn)(void *, size_t, size_t, const char *), void *arg);
/* Is w[0..n) a word of a right-hand side (known to the spelling rule)? */
int	 news_lint_terms_word(const struct news_terms *, const char *w,
	    size_t n);

/* ---- the rules, by file ---- */

/* lint.c */
news_ltext_fn news_rule_utf8, news_rule_invisible, news_rule_nfd,
	    news_rule_space_double, news_rule_space_punct;
/* lintquote.c */
news_ltext_fn news_rule_quote_unpaired, news_rule_quote_mismatch,
	    news_rule_quote_straight, news_rule_bracket_unpaired,
	    news_rule_bracket_mismatch;
/* lintword.c */
news_ltext_fn news_rule_word_repeat, news_rule_sentence_long,
	    news_rule_term, news_rule_spell;
/* lintdate.c */
news_ltext_fn news_rule_date_weekday;
/* lintart.c */
news_lart_fn news_rule_time_style, news_rule_missing_title,
	    news_rule_missing_lead, news_rule_missing_alt,
	    news_rule_missing_credit, news_rule_date_order;

#endif
