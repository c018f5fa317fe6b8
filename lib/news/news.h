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

/* ---- article.c: the article, a plain data structure -------------------- */

/*
 * Where something stands in an article's source file: line and column
 * from 1, the column counted in characters (as lint reports it), and the
 * byte offset from the start of the file.
 */
struct news_pos {
	unsigned long line, col;
	size_t	 byte;
};

/*
 * A text of an article -- a header value, a block's inline Markdown --
 * with the map back to its source.  Piece i is s[seg[i].off, seg[i].off +
 * seg[i].len), a verbatim copy of the source bytes at seg[i].pos; pieces
 * are in order, and the bytes between two of them ('\n' joining the lines
 * of a block, with the markup of the next line, "> ", left out) stand at
 * the end of the piece before.  exact: every piece is a copy, so a changed
 * text can be written back into the source line by line (fix.c); 0 for
 * values the reader decoded (a YAML scalar with escapes or folded lines,
 * a code block), whose one piece only tells where the value starts.
 * quote: the YAML quote around the value in the source ('"', '\''), or
 * 0.  s is NUL-terminated and never NULL in a text the reader filled.
 */
struct news_seg {
	size_t	 off, len;
	struct news_pos pos;
};
struct news_text {
	char	*s;
	size_t	 len;
	struct news_seg *seg;
	size_t	 nseg;
	int	 exact;
	int	 quote;
};
/* The source position of s[off] (off up to len: the end of the text). */
void	 news_text_pos(const struct news_text *, size_t off,
	    struct news_pos *);
/* Replace the text by s[0..n) (the typeset text): the map stays that of
 * the source, so positions after a change are approximate. */
void	 news_text_set(struct news_text *, const char *s, size_t n);

/*
 * The body, block by block, each with the inline Markdown that the
 * typography and lint passes work on.  Containers are flattened: a
 * quote's paragraphs are QUOTE blocks (first set on the first of each
 * quote), a list's items are ITEM blocks (first on the first item of a
 * list; item on the first paragraph of each item).
 */
enum news_block_kind {
	NEWS_B_PARA,		/* a paragraph */
	NEWS_B_SUBHEAD,		/* a heading, "## Text"; level 1-6 */
	NEWS_B_QUOTE,		/* a paragraph of a "> " quote */
	NEWS_B_ATTRIB,		/* the "— Name" after a quote: Name only */
	NEWS_B_ITEM,		/* a paragraph of a list item */
	NEWS_B_CODE,		/* a code block: literal text, no Markdown */
	NEWS_B_HTML,		/* an HTML block: literal text */
	NEWS_B_RULE		/* a thematic break: no text */
};
struct news_block {
	enum news_block_kind kind;
	struct news_text text;
	struct news_pos pos;	/* where the block starts */
	unsigned long end_line;	/* its last line */
	int	 level;		/* SUBHEAD */
	int	 first;		/* QUOTE, ITEM: starts a quote, a list */
	int	 item;		/* ITEM: starts an item */
	int	 ordered;	/* ITEM: of a numbered list ... */
	long	 number;	/* ... with this number */
	char	*info;		/* CODE: the fence's info string, or "" */
};

/* A Related entry, "Text <https://…>" (or "[Text](https://…)", "Text
 * https://…"): text.s[toff, toff + tlen) is the text, text.s[uoff, uoff
 * + ulen) the URL (ulen 0: none). */
struct news_link {
	struct news_text text;
	size_t	 toff, tlen, uoff, ulen;
};

/* A header key that is no field, kept with its value as written.  yaml:
 * the value is YAML as written (a sequence, a mapping), not a string. */
struct news_extra {
	char	*key;
	struct news_text value;
	struct news_pos pos;	/* of the key */
	int	 yaml;
};

/* A problem the reader found and went on: "LINE:COL: msg". */
struct news_diag {
	enum news_severity sev;
	struct news_pos pos;
	char	*msg;
};

enum news_format { NEWS_IN_AUTO, NEWS_IN_HDR, NEWS_IN_MD };

/*
 * An article.  field[f].s is NULL when the header has no field f; the
 * repeatable Related and Tags are in related[] and tags[] instead (a
 * "Mehr zum Thema:" paragraph with a list under it in the body counts
 * too), field[] empty for them.  key[f] is where f's key stands (line 0:
 * absent).  lead_block: the paragraph that is the lead when there is no
 * Lead field, or -1.  start, end: the article's bytes in the source
 * (without a "%%%" line).  Everything lives until news_article_free.
 */
struct news_article {
	enum news_format format;	/* NEWS_IN_HDR or NEWS_IN_MD */
	size_t	 start, end;
	unsigned long line;		/* its first line */
	struct news_text field[NEWS_F_COUNT];
	struct news_pos key[NEWS_F_COUNT];
	struct news_link *related;
	size_t	 nrelated;
	struct news_text *tags;
	size_t	 ntags;
	struct news_extra *extra;
	size_t	 nextra;
	struct news_block *block;
	size_t	 nblock;
	long	 lead_block;
	struct news_diag *diag;
	size_t	 ndiag;
};
struct news_article *news_article_new(void);
void	 news_article_free(struct news_article *);
/* The lead: the Lead field, else the first paragraph; NULL when none. */
const struct news_text *news_article_lead(const struct news_article *);
/*
 * A lead may start with a dated parenthesis, "(14. September) Die
 * Stadt ...": the bytes of s[0..n) it takes with the blanks after it,
 * 0 when s starts with none.
 */
size_t	 news_dateline(const char *s, size_t n);
/* Every text of the article in order (the header's values, the related
 * entries, tags and extras, then the blocks): fn(arg, text, what), what
 * being the field's name or the block kind's ("para", "quote", ...). */
void	 news_article_texts(struct news_article *,
	    void (*fn)(void *, struct news_text *, const char *what),
	    void *arg);
/* "para", "subhead", "quote", "attrib", "item", "code", "html", "rule" */
const char *news_block_name(enum news_block_kind);

/* ---- read.c: articles from header-block and Markdown sources ----------- */

/* "hdr", "md"; 0, or -1 for anything else. */
int	 news_format_parse(const char *, enum news_format *);

/*
 * The articles of src[0..n), a whole file (name: for messages): one, or
 * several separated by lines "%%%".  As fmt says, or (NEWS_IN_AUTO) by
 * article: front matter ("---" on the first line) is Markdown, anything
 * else a header block and body.  The reader keeps pointers into src,
 * which must outlive it.
 */
struct news_reader;
struct news_reader *news_reader_new(const char *name, const char *src,
	    size_t n, enum news_format fmt);
/*
 * 1: *a is the next article, the caller's to free (news_article_free),
 * with the warnings about it in its diag[]; 0: no more; -1: a bad article
 * was skipped (invalid UTF-8, front matter that does not end, bad YAML),
 * "FILE:LINE[:COL]: what" in err; reading goes on with the next.
 */
int	 news_read(struct news_reader *, struct news_article **a,
	    struct ev_err *err);
void	 news_reader_free(struct news_reader *);

/* ---- lang.c: the language of an article ------------------------------- */

/* "de", "de-CH" (also de_CH, de-ch), "en" (en-GB, en_US.UTF-8, ...);
 * 0, or -1 for anything else. */
int	 news_lang_parse(const char *, enum news_lang *);
/* The locale's: LC_ALL, LC_TIME, LANG as POSIX takes them; English
 * when none names German. */
enum news_lang news_lang_from_env(void);
const char *news_lang_name(enum news_lang);	/* "de", "de-CH", "en" */

/* ---- out.c, textout.c, mdout.c: writing articles ----------------------- */

enum news_out {
	NEWS_OUT_TEXT,		/* plain text, typeset, wrapped */
	NEWS_OUT_MD,		/* CommonMark with YAML front matter */
	NEWS_OUT_HTML,		/* an HTML fragment, <article> (htmlout.c) */
	NEWS_OUT_JSON,		/* the parsed article, a JSON object a line */
	NEWS_OUT_JSONLD,	/* schema.org NewsArticle, a line each */
	NEWS_OUT_RSS,		/* RSS 2.0: feedout.c, not news_write */
	NEWS_OUT_ATOM,		/* Atom, RFC 4287: feedout.c */
	NEWS_OUT_JSONFEED	/* JSON Feed 1.1: feedout.c */
};
/* "text", "md", "html", "json", "jsonld", "rss", "atom", "jsonfeed" */
int	 news_out_parse(const char *, enum news_out *);
struct news_wopts {
	enum news_lang lang;	/* the words the writer adds */
	int	 width;		/* text: wrap at this many columns of
				 * display width; 0: 72; < 0: not at all */
	/* json, jsonld (jsonout.c): the zone that dates without an offset
	 * are in (NULL: the dates as written only), --base-url (NULL:
	 * none), the teaser's length in characters (0: 160) */
	const struct ev_ctx *ctx;
	const char *base_url;
	size_t	 teaser;
};
/*
 * Append article a to out: as text (kicker, headline, date line, lead,
 * body, caption with credit, related links) or as Markdown that reads
 * back into the same article (news-fmt -o md of its own output gives it
 * byte for byte).  sep: what goes between two articles ("%%%" for md).
 */
void	 news_write(enum news_out, const struct news_article *,
	    const struct news_wopts *, struct ev_buf *out);
const char *news_out_sep(enum news_out);
/*
 * htmlout.c: -o html --standalone, the minimal HTML5 document around the
 * articles: begin (lang and <title> from the first article, the page's
 * <style>, <main>) before the first, end after the last.
 */
void	 news_html_begin(const struct news_article *first,
	    const struct news_wopts *, struct ev_buf *out);
void	 news_html_end(struct ev_buf *out);

/* ---- slug.c, teaser.c, jsonout.c: slugs, teasers, counts ------------- */

/*
 * The slug of plain text s[0..n) (a headline) appended to out: NFC
 * first, then German transliteration (ä → ae, ö → oe, ü → ue, ß → ss,
 * capitals too), other Latin letters without their diacritics (é → e),
 * ASCII letters lower case, apostrophes dropped, anything else '-';
 * runs of '-' collapsed, none at either end; cut at the last '-' that
 * keeps it within max bytes (0: NEWS_SLUG_MAX), or at max when there
 * is none.  Returns its length (0: the text has no letter or digit).
 * Idempotent: the slug of a slug is itself.
 */
#define NEWS_SLUG_MAX	80
size_t	 news_slug(const char *s, size_t n, size_t max, struct ev_buf *out);
/*
 * A teaser of plain text s[0..n) (a lead) appended to out: white space
 * squeezed, then the whole text when it has at most max characters
 * (code points; 0: no limit), else the sentences that fit, else the
 * words that fit and "…" (within max with it).  Dots after
 * abbreviations (z. B., Dr., bzw.), ordinals (14. September) and in
 * numbers (3.5) end no sentence.  Returns the bytes appended.
 */
size_t	 news_teaser(const char *s, size_t n, size_t max, struct ev_buf *out);
/*
 * Words of the article: headline, lead and body text (not code or
 * HTML blocks), read as plain text.  A word is a run of letters, marks
 * and digits (Unicode classes L, M, N); a single ' ’ - . , between two
 * of them joins (it's, 15-Minuten-Takt, 3.000, 3,5 are one word each).
 */
size_t	 news_article_words(const struct news_article *);
/* The article's slug appended to out: its Slug field's (as news_slug
 * makes it), else its headline's; nothing when neither has a letter or
 * digit. */
void	 news_article_slug(const struct news_article *, struct ev_buf *out);
/* The teaser of the article's lead (news_teaser, max characters). */
void	 news_article_teaser(const struct news_article *, size_t max,
	    struct ev_buf *out);
/* Reading time in minutes: words / NEWS_WPM, rounded up (0 words: 0). */
#define NEWS_WPM	200
/*
 * A Date or Updated value (YYYY-MM-DD, DD.MM.YYYY, a time after it,
 * an offset; evkit(7) DATE EXPRESSIONS) as RFC 3339 with the offset of
 * ctx's zone ("2026-11-27T00:00:00+01:00") appended to out: 0, or -1
 * when it reads as no date (nothing appended).
 */
int	 news_rfc3339(const struct ev_ctx *, const char *s, struct ev_buf *out);

/* ---- feedout.c: articles as a feed (-o rss, atom, jsonfeed) ----------- */

/*
 * What a feed says besides its articles: its title, the URL it is
 * published at (NULL: not said), the URL that an article's slug is
 * appended to (its link; ids are tag URIs of its host), and the ctx
 * whose zone Date and Updated values are read and written in.
 */
struct news_feed_opts {
	const char *title;
	const char *feed_url;
	const char *base_url;
	const struct ev_ctx *ctx;
};
int	 news_out_feed(enum news_out);	/* 1: rss, atom or jsonfeed */
/* 0, or -1 with a message naming the option that is missing or bad. */
int	 news_feed_check(enum news_out, const struct news_feed_opts *,
	    struct ev_err *);
/* A feed (after news_feed_check): opts' strings and ctx must outlive it. */
struct news_feed *news_feed_new(enum news_out, const struct news_feed_opts *);
/* Article a, in language lang, as the next item: 0, or -1 with a message
 * (no Title, no Date, a date that does not read) and a left out. */
int	 news_feed_add(struct news_feed *, const struct news_article *a,
	    enum news_lang lang, struct ev_err *);
size_t	 news_feed_count(const struct news_feed *);	/* items added */
/* Append the whole feed, its items in the order added, to out. */
void	 news_feed_finish(struct news_feed *, struct ev_buf *out);
void	 news_feed_free(struct news_feed *);

/* ---- digest.c: event digests (news-fmt --digest) ---------------------- */

enum news_group { NEWS_GROUP_DAY, NEWS_GROUP_CATEGORY };
enum news_tstyle { NEWS_TIME_DUDEN, NEWS_TIME_DIN };	/* 18.30 / 18:30 */
struct news_digest_opts {
	enum news_lang lang;
	enum news_group group;	/* headings: display days or categories */
	enum news_tstyle style;
	const char *title;	/* NULL: "Veranstaltungstipps", "Event tips" */
	const char *kicker;	/* NULL: none */
	int64_t	 date;		/* the article's date: its day in ctx's zone */
};
/*
 * A digest of events as an article: add the records (news_digest_add
 * keeps a compact copy), then build the article over a window [lo, hi)
 * (news_digest_span: the display days of the records; only those of a
 * day or less that do not recur when there are such; a recurring record
 * by its first occurrence).  The recurring ones are expanded (at
 * most cap occurrences each; warn(arg, "FILE:LINE: ...") for a cap hit,
 * a bad rule), the cancelled ones left out; each goes under the display
 * day it starts on (or the window's first day) or its first category,
 * as "- 18 Uhr, [Title](URL), Location, Eintritt frei" (the price by
 * ev-filter's --free and --paid rule).  The article lives until
 * news_article_free, the digest until news_digest_free; NULL when no
 * event is in the window.  The digest keeps ctx, which must outlive it.
 */
struct news_digest;
typedef void news_digest_warn_fn(void *arg, const char *msg);
struct news_digest *news_digest_new(struct ev_ctx *,
	    const struct news_digest_opts *);
void	 news_digest_add(struct news_digest *, const struct ev_event *);
int	 news_digest_span(const struct news_digest *, int64_t *lo,
	    int64_t *hi);	/* 0, or -1 when no record was added */
struct news_article *news_digest_build(struct news_digest *, int64_t lo,
	    int64_t hi, unsigned cap, news_digest_warn_fn *warn, void *arg);
void	 news_digest_free(struct news_digest *);

/* ---- fix.c: changed texts written back into the source ----------------- */

/*
 * The edits of one source file (src[0..n), which must outlive it): each
 * text of an article read from it that a pass changed, written back line
 * by line where the text maps exactly, so that the rest of the file --
 * markup, the other lines, the other articles -- stays as it was.
 */
struct news_fix;
struct news_fix *news_fix_new(const char *src, size_t n);
/* Text t (of an article read from src) is now s[0..n): 0 (also when
 * nothing changed), or -1 when t cannot be written back (a decoded YAML
 * value). */
int	 news_fix_text(struct news_fix *, const struct news_text *t,
	    const char *s, size_t n);
size_t	 news_fix_count(const struct news_fix *);	/* edits so far */
/* The source with the edits made. */
void	 news_fix_apply(const struct news_fix *, struct ev_buf *out);
/* The edits as a unified diff (3 lines of context) of name. */
void	 news_fix_diff(const struct news_fix *, const char *name,
	    struct ev_buf *out);
void	 news_fix_free(struct news_fix *);

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
 * white space, a quotation mark, "…" or '<', less trailing
 * ".,:;!?*_~'" and unbalanced ')') and e-mail addresses (a@b.de).
 * fn(arg, start, end) for each, in order, not overlapping.
 *
 * Where CommonMark lets autolinks, link destinations and unquoted HTML
 * attribute values hold no-break spaces, typographic quotation marks
 * or "…", these end them here: typography writes them, and a typeset
 * text must have the spans of the text it came from.  Linear in n; an
 * HTML tag or a link destination that has not ended after 8 KiB is
 * taken for text.  s need not be valid UTF-8 nor end in a NUL.
 * s == NULL: no spans.
 */
void	 news_protected(const char *s, size_t n,
	    void (*fn)(void *, size_t start, size_t end), void *arg);

/* ---- typo.c: typography ------------------------------------------------- */

/*
 * The rules of news_typeset, each with an id (news_typo_rule_name) for
 * options such as --disable.  struct news_typo's off switches rules off
 * by bit (1u << NEWS_TYPO_DASH); 0 runs them all.  Each rule works on
 * its own, so each can be tested on its own.
 */
enum news_typo_rule {
	NEWS_TYPO_QUOTES,	/* "quotes": paired marks as the language
				 * writes them: "…" → „…“, '…' → ‚…‘ */
	NEWS_TYPO_APOSTROPHE,	/* "apostrophe": it's, ’s, ’90er, Klaus’ */
	NEWS_TYPO_ELLIPSIS,	/* "ellipsis": exactly three dots → … */
	NEWS_TYPO_RANGE,	/* "range": 10-12 → 10–12 */
	NEWS_TYPO_DASH,		/* "dash": " - ", " -- " → " – ", -5 → −5 */
	NEWS_TYPO_NBSP,		/* "nbsp": no-break spaces (see below) */
	NEWS_TYPO_SPACES,	/* "spaces": a run of spaces → one */
	NEWS_TYPO_COUNT
};
/* "quotes", ...: a static string; NULL for a value that is no rule. */
const char *news_typo_rule_name(enum news_typo_rule);
int	 news_typo_rule_lookup(const char *);	/* the rule, or -1 */

/*
 * The no-break space for the contexts typographers set narrow: inside
 * abbreviations (z. B., d. h., i. d. R.), between a number and a unit
 * symbol (5 km, 10 %, 20 °C) and after § (§ 5).  The others take a
 * normal one (U+00A0) either way: a day and its month (14. September),
 * a number and a unit word (18 Uhr, 4 Euro, 2 Mio.), Nr. 5, S. 12,
 * © LHH.  NORMAL, the default, is the safe choice for the web: U+202F
 * is missing from some fonts.  English text gets only the language-
 * neutral ones: number and unit (5 km, 5 p.m.), § 5, © Name.
 */
enum news_nbsp { NEWS_NBSP_NORMAL, NEWS_NBSP_NARROW };	/* U+00A0, U+202F */

struct news_typo {
	enum news_lang lang;
	enum news_nbsp nbsp;
	unsigned off;		/* rules switched off: 1u << NEWS_TYPO_... */
	/* 1: the next paragraph opens with a quotation mark
	 * (news_quote_opens), so a quotation left open at the end of this
	 * one continues there: set as opened, not reported */
	int	 cont;
};
/* 1 when the inline Markdown s[0..n) starts (after *_~) with a
 * quotation mark that opens, as news_typeset judges it. */
int	 news_quote_opens(const struct news_typo *, const char *s, size_t n);

/*
 * Typeset the inline Markdown of one block, s[0..n) (its lines joined by
 * '\n', block markup such as "> " or "- " already removed), appending
 * the result to out.  opt NULL: German, normal no-break spaces, every
 * rule.  Protected spans (news_protected) are copied as they are, and
 * the rules never look into them for work.
 *
 * Quotation marks: each mark, straight or typographic, of any language
 * ("" „“ “” »« «» '' ‚‘ ‘’ ‹›), is judged by its neighbours (quotation
 * marks and *_~ looked past): opening after a space or an opening
 * bracket or dash, closing before a space or punctuation; where that
 * does not tell, the language's own marks tend as it writes them and a
 * straight one closes what is open, else opens.  Marks pair with a
 * stack: a double one closes the innermost open double one, a single
 * one only an open single one on top.  A double pair directly inside
 * the outermost double quotation is set with single marks ("a "b" c" →
 * „a ‚b‘ c“) when the outer one pairs and single marks there read back
 * as the same pair (opener and closer where they stand, neither an
 * apostrophe, no single mark between them that could close); else it
 * stays double.  A straight ' or " after a digit is a
 * measure (26", 5', 2'000) and stays, unless it closes a quotation
 * ("Es waren 26").  Apostrophes: between letters (it's, Ku'damm), before
 * an elided word at a word's start ('s, 'n, 'nen, 'raus, '90er, 'tis)
 * and after a word where no single quotation is open (Klaus' Auto), a
 * single mark (' ´ ‘ ‚ ‹ …) becomes ’.  Straight quotes that an HTML
 * tag or a link destination could still reach (after "<a" without its
 * '>', after "](" up to its ')') stay as they are: they may be the
 * markup's, and typesetting them could turn text into markup.
 *
 * A mark that pairs with nothing is left as it was and reported:
 * rule "quote-unpaired", NEWS_SEV_WARNING, off and len of the mark in s.
 *
 * Dashes: a hyphen (or two) between spaces becomes an en dash; a hyphen
 * between two numbers too (10-12, 9:00-17:00, 10.-12. Mai, 1990-95)
 * when the second is greater and neither is part of a chain (ISO dates
 * 2016-12-24), a phone number (0511 168-0, +49 …, 030-123) or a word
 * (A4-10, Vollzeit-Lehrkraft; suspended hyphens as in "Jugend- und"
 * have no space before them and stay).  A hyphen before a number, at the
 * start or after a space or an opening bracket or quotation mark, is a
 * minus sign U+2212 (-5 °C, (-3 Grad)), unless a number and a space come
 * before it (10 -12, 0511 -123) or a letter, digit, hyphen or another
 * group of digits after the number (-3D, -5-10, -2016-12-24).  Exactly
 * three dots become "…".
 * A run of spaces (' ', U+00A0, U+202F) inside a line becomes one, a
 * no-break space if it held one; at a line's start or end (indentation,
 * a hard break "  \n") it stays.  A run of spaces in one of the
 * contexts of enum news_nbsp becomes the no-break space opt->nbsp asks
 * for (a line break there is left alone).  German abbreviations of single
 * letters without their space (z.B., d.h., i.d.R.: two to four, the first
 * lower case, no letter or digit after them) get it too, and so does a
 * pair broken over a line ("z.\nB.": the line break is replaced).
 *
 * The text is not normalised: the reader makes it NFC.  Idempotent:
 * typesetting the result again with the same opt changes nothing.
 * Linear in n.  0, or -1 when s is not valid UTF-8 (out then holds s
 * unchanged and report is told the offset of the first bad byte, rule
 * "utf8-invalid", NEWS_SEV_ERROR) or opt->lang is no language.  report
 * may be NULL.
 */
int	 news_typeset(const struct news_typo *opt, const char *s, size_t n,
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
/* 1: the next text checked is a paragraph whose next paragraph opens
 * with a quotation mark (news_quote_opens), so a quotation it leaves
 * open runs on there and is not reported (quote-unpaired); 0 again. */
void	 news_lint_set_cont(struct news_lint *, int);
/* --max-sentence N: sentences of more than N words (0: no limit). */
void	 news_lint_set_max_sentence(struct news_lint *, unsigned words);
/* The article's date: date-weekday checks dates written without a year
 * ("Samstag, 24. Dezember") in the year nearest to it; 0 0 0: none. */
void	 news_lint_set_date(struct news_lint *, int y, int m, int d);
/*
 * The present as the caller knows it, and how it reads a date value: when
 * known (news-fmt: --now or EV_NOW was given, never the clock), utc is
 * now and y-m-d its date in the display zone; date-weekday takes the
 * year of a date without one from it when the article has no date, and
 * date-order compares the article's date with it.  when(arg, s, &lo,
 * &hi) reads a Date or Updated value as the span [lo, hi) of UTC seconds
 * it names: 0, or -1 (NULL: date-order is off).  Copied.
 */
typedef int news_when_fn(void *arg, const char *s, int64_t *lo, int64_t *hi);
struct news_now {
	int	 known;
	int64_t	 utc;
	int	 y, m, d;
	news_when_fn *when;
	void	*arg;
};
void	 news_lint_set_now(struct news_lint *, const struct news_now *);
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
	struct news_lint_part date, updated;	/* as written */
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
