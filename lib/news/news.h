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

#endif
