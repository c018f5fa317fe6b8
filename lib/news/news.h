/*
 * news.h - the one public header of libnews, the newsroom's library under
 * news-fmt: articles and digests, their header fields, typography, lint
 * and rendering.
 *
 * libnews stands on libevkit's base and uses only its public API
 * (evkit.h: buffers, errors, ASCII helpers, UTF-8, names, dates).  The
 * arrow points one way: lib/ never includes this header or calls news_
 * code, and nothing here includes lib/'s private evkit_priv.h
 * (tests/lint.sh checks both).  Every public name starts with news_
 * (functions, struct news_...) or NEWS_ (constants).
 *
 * Grouped by the file that implements each part, as evkit.h is.
 */
#ifndef NEWS_H
#define NEWS_H

#include <stddef.h>

#include "evkit.h"

/* ---- field.c: the keys of an article's header ------------------------ */

/*
 * The fields of an article's header ("Title: ..." lines), in the order an
 * article lists them.  NEWS_F_COUNT sizes arrays indexed by field; a new
 * field is one line here and one in field.c's table.
 */
enum news_field {
	NEWS_F_TITLE,		/* Title, Titel */
	NEWS_F_KICKER,		/* Kicker, Dachzeile */
	NEWS_F_DATE,		/* Date, Datum */
	NEWS_F_UPDATED,		/* Updated, Aktualisiert */
	NEWS_F_AUTHOR,		/* Author, Autor */
	NEWS_F_LEAD,		/* Lead, Vorspann */
	NEWS_F_IMAGE,		/* Image, Bild */
	NEWS_F_CAPTION,		/* Caption, Bildunterschrift */
	NEWS_F_CREDIT,		/* Credit, Bildnachweis */
	NEWS_F_ALT,		/* Alt (the image's text alternative) */
	NEWS_F_RELATED,		/* Related, Mehr zum Thema */
	NEWS_F_TAGS,		/* Tags, Schlagworte */
	NEWS_F_SLUG,		/* Slug */
	NEWS_F_LANG,		/* Lang, Sprache */
	NEWS_F_COUNT
};

/* The English key of a field in lower case ("title"), a static string;
 * NULL for a value that is no field. */
const char *news_field_name(enum news_field);
/*
 * The field of a header key, English or German, in any ASCII case
 * ("Title", "TITEL", "mehr zum thema"), or -1 for an unknown key or NULL.
 * The key is compared whole: the caller trims the blanks around it, so
 * " Title" is unknown.
 */
int	 news_field_lookup(const char *key);


/* ---- the language of an article ---------------------------------------- */

enum news_lang {
	NEWS_LANG_DE,		/* „…“ ‚…‘ */
	NEWS_LANG_DE_CH,	/* «…» ‹…› */
	NEWS_LANG_EN		/* “…” ‘…’ */
};

/* ---- report: what every pass says about a text ------------------------ */

enum news_severity { NEWS_SEV_ERROR, NEWS_SEV_WARNING, NEWS_SEV_NOTE };

/*
 * A finding about s[off, off + len) of the text a pass was given: its
 * rule id ("quote-unpaired"), severity, message, and the suggested
 * replacement of that span (NULL: none).  Strings live until the
 * callback returns.  The caller maps off to FILE:LINE:COL.
 */
struct news_finding {
	size_t	 off, len;
	const char *rule;
	enum news_severity sev;
	const char *msg;
	const char *fix;
};
typedef void news_report_fn(void *arg, const struct news_finding *);

/* ---- span.c: protected spans of inline Markdown ------------------------ */

/*
 * The spans of inline Markdown s[0..n) that no typographic or lint rule
 * touches: code spans (`…`, ``…``: any run length, CommonMark 6.1),
 * autolinks (<https://…>, <a@b.de>), raw HTML (tags, comments,
 * processing instructions, declarations, CDATA) and entities (&nbsp;
 * &#8222;), backslash escapes (\" stays a straight quote), link and image
 * destinations with their titles (the "(…)" after "]"), the label of a
 * full reference link ("[label]" after "]"), link reference definitions
 * opening the block (whole lines), bare URLs (scheme://…, www.… up to
 * white space, a quotation mark or '<', less trailing ".,:;!?*_~'" and
 * unbalanced ')') and e-mail addresses (a@b.de).
 * fn(arg, start, end) for each, in order, not overlapping.
 *
 * Linear in n; an HTML tag or a link destination that has not ended
 * after 8 KiB is taken for text.  s need not be valid UTF-8 nor end in
 * a NUL.  s == NULL: no spans.
 */
void	 news_protected(const char *s, size_t n,
	    void (*fn)(void *, size_t start, size_t end), void *arg);

/* ---- typo.c: typography ------------------------------------------------- */

enum news_nbsp { NEWS_NBSP_NORMAL, NEWS_NBSP_NARROW };	/* U+00A0, U+202F */

struct news_typo {
	enum news_lang lang;
	enum news_nbsp nbsp;
};

/*
 * Typeset the inline Markdown of one block, s[0..n) (its lines joined by
 * '\n', block markup such as "> " or "- " already removed), appending
 * the result to out: quotes paired with a stack (nested quotes, the
 * language's marks, apostrophes, measures like 26" left alone), dashes,
 * "..." to "…", runs of spaces, no-break spaces.  Protected spans are
 * copied as they are.  What it cannot fix (a quote it cannot pair) is
 * reported with an offset into s, never guessed silently.  Idempotent:
 * typesetting the result again changes nothing.  0, or -1 when s is not
 * valid UTF-8 (out then holds s unchanged, the position reported).
 */
int	 news_typeset(const struct news_typo *, const char *s, size_t n,
	    struct ev_buf *out, news_report_fn *report, void *arg);

/* ---- lint.c: lint rules (--check) -------------------------------------- */

/*
 * The rules, in the order the man page lists them: news_lint_rule(i)
 * for i = 0, 1, ... until NULL (--list-rules prints them so).  id is
 * what --disable and --enable take and what a finding's rule says; sev
 * the severity of its findings; summary one line; example a text it
 * flags; option what turns it on ("--spell"), NULL when it is on by
 * default.  Static.
 */
struct news_lint_rule {
	const char *id;
	enum news_severity sev;
	const char *summary;
	const char *example;
	const char *option;
};
const struct news_lint_rule *news_lint_rule(size_t i);

struct news_terms;
/*
 * Spelling as the lint sees it (spell.c has hunspell's): 1 when
 * word[0..len) is known, 0 when not, with a suggestion (or nothing)
 * appended to hint.
 */
typedef int news_spell_fn(void *arg, const char *word, size_t len,
	    struct ev_buf *hint);

/*
 * The options of a lint run.  Every rule is on, those with an option
 * only once they have what they need; the handle keeps the terms and
 * the speller it is given (the caller frees them after it).
 */
struct news_lint;
struct news_lint *news_lint_new(enum news_lang);
void	 news_lint_free(struct news_lint *);
/* --enable ID / --disable ID ("all": every rule): 0, -1 for no such id. */
int	 news_lint_enable(struct news_lint *, const char *id, int on);
void	 news_lint_set_lang(struct news_lint *, enum news_lang);
/* --max-sentence N: sentences of more than N words (0: no limit). */
void	 news_lint_set_max_sentence(struct news_lint *, unsigned words);
/* The article's date: date-weekday checks dates written without a year
 * ("Samstag, 24. Dezember") in the year nearest to it; 0 0 0: none. */
void	 news_lint_set_date(struct news_lint *, int y, int m, int d);
void	 news_lint_set_terms(struct news_lint *, const struct news_terms *);
/* --spell: news_lint_set_spell(l, news_spell_check, sp) (spell.c). */
void	 news_lint_set_spell(struct news_lint *, news_spell_fn *, void *arg);

/*
 * The text rules over the inline Markdown of one block, s[0..n), given
 * as to news_typeset (its lines joined by '\n', block markup removed;
 * also a headline, a lead, a caption).  Protected spans are not
 * checked.  report(arg, finding) for each finding in the order of its
 * offset; the offsets are bytes of s, the caller maps them to
 * FILE:LINE:COL.  Returns the number of findings.
 */
int	 news_lint_text(const struct news_lint *, const char *s, size_t n,
	    news_report_fn *report, void *arg);

/*
 * An article as the article rules see it, filled by the caller from
 * its model: a header field's value (s NULL, or only blanks: absent),
 * each body block's inline text, and for each an arg that findings
 * about it are reported with.  Findings about the article as a whole
 * (no headline) go to the article's arg with offset and length 0.
 */
struct news_lint_part {
	const char *s;
	size_t	 n;
	void	*arg;
};
struct news_lint_article {
	struct news_lint_part title, lead, image, alt, credit;
	const struct news_lint_part *blocks;	/* the body, in order */
	size_t	 nblocks;
	void	*arg;
};
/* The article rules (time styles over title, lead and blocks; missing
 * parts), in the order of the table.  The number of findings. */
int	 news_lint_article(const struct news_lint *,
	    const struct news_lint_article *, news_report_fn *report);

/* ---- terms.c: house terms (--terms FILE) ------------------------------- */

/*
 * Load a terms file: "wrong => right" a line, blanks around either side
 * ignored, a space in wrong matching any run of spaces or a line break,
 * '#' lines and blank lines skipped.  Matched as whole words, case as
 * written.  NULL with "FILE:LINE: what" in err for a line without "=>",
 * an empty side, wrong given twice, invalid UTF-8; "FILE: strerror"
 * when it cannot be read.
 */
struct news_terms *news_terms_load(const char *path, struct ev_err *);
void	 news_terms_free(struct news_terms *);

/* ---- spell.c: spelling through hunspell (--spell, --dict FILE) -------- */

/*
 * A speller for lang from hunspell's dictionaries in dir (NULL:
 * /usr/share/hunspell): de_DE, de_CH or en_US.  NULL with a message
 * naming the missing file.
 */
struct news_spell;
struct news_spell *news_spell_open(enum news_lang, const char *dir,
	    struct ev_err *);
/* --dict FILE: the house's own words, one a line ('#' lines and blank
 * lines skipped); 0, or -1 with "FILE:LINE: what". */
int	 news_spell_dict(struct news_spell *, const char *path,
	    struct ev_err *);
/* A news_spell_fn: arg is a struct news_spell. */
int	 news_spell_check(void *spell, const char *word, size_t len,
	    struct ev_buf *hint);
void	 news_spell_free(struct news_spell *);

#endif
