/* field.c - the keys of an article's header, in English and German. */
#include <stddef.h>

#include "evkit.h"
#include "news.h"

/* Indexed by enum news_field: the English key (also the name) and the
 * German one; NULL where both languages say the same. */
static const struct {
	const char *en;
	const char *de;
} keys[NEWS_F_COUNT] = {
	[NEWS_F_TITLE] = { "title", "titel" },
	[NEWS_F_KICKER] = { "kicker", "dachzeile" },
	[NEWS_F_DATE] = { "date", "datum" },
	[NEWS_F_UPDATED] = { "updated", "aktualisiert" },
	[NEWS_F_AUTHOR] = { "author", "autor" },
	[NEWS_F_LEAD] = { "lead", "vorspann" },
	[NEWS_F_IMAGE] = { "image", "bild" },
	[NEWS_F_CAPTION] = { "caption", "bildunterschrift" },
	[NEWS_F_CREDIT] = { "credit", "bildnachweis" },
	[NEWS_F_ALT] = { "alt", NULL },
	[NEWS_F_RELATED] = { "related", "mehr zum thema" },
	[NEWS_F_TAGS] = { "tags", "schlagworte" },
	[NEWS_F_SLUG] = { "slug", NULL },
	[NEWS_F_LANG] = { "lang", "sprache" },
};

const char *
news_field_name(enum news_field f)
{
	if ((unsigned)f >= NEWS_F_COUNT)
		return NULL;
	return keys[f].en;
}

int
news_field_lookup(const char *key)
{
	int f;

	if (key == NULL)
		return -1;
	for (f = 0; f < NEWS_F_COUNT; f++)
		if (ev_strcaseeq(key, keys[f].en) ||
		    (keys[f].de != NULL && ev_strcaseeq(key, keys[f].de)))
			return f;
	return -1;
}
