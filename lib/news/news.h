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

#endif
