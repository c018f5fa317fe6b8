/* Unit tests: news/field.c */
#include "news.h"
#include "t.h"

/* Every header key as an article writes it, English and German. */
static const struct {
	const char *key;
	int	 field;
} written[] = {
	{ "Title", NEWS_F_TITLE }, { "Titel", NEWS_F_TITLE },
	{ "Kicker", NEWS_F_KICKER }, { "Dachzeile", NEWS_F_KICKER },
	{ "Date", NEWS_F_DATE }, { "Datum", NEWS_F_DATE },
	{ "Updated", NEWS_F_UPDATED }, { "Aktualisiert", NEWS_F_UPDATED },
	{ "Author", NEWS_F_AUTHOR }, { "Autor", NEWS_F_AUTHOR },
	{ "Lead", NEWS_F_LEAD }, { "Vorspann", NEWS_F_LEAD },
	{ "Image", NEWS_F_IMAGE }, { "Bild", NEWS_F_IMAGE },
	{ "Caption", NEWS_F_CAPTION }, { "Bildunterschrift", NEWS_F_CAPTION },
	{ "Credit", NEWS_F_CREDIT }, { "Bildnachweis", NEWS_F_CREDIT },
	{ "Alt", NEWS_F_ALT },
	{ "Related", NEWS_F_RELATED }, { "Mehr zum Thema", NEWS_F_RELATED },
	{ "Tags", NEWS_F_TAGS }, { "Schlagworte", NEWS_F_TAGS },
	{ "Slug", NEWS_F_SLUG },
	{ "Lang", NEWS_F_LANG }, { "Sprache", NEWS_F_LANG },
};
#define NWRITTEN (sizeof(written) / sizeof(written[0]))

static void
test_every_key(void)
{
	size_t i;
	int seen[NEWS_F_COUNT] = { 0 };

	for (i = 0; i < NWRITTEN; i++) {
		T_EQ(news_field_lookup(written[i].key), written[i].field);
		seen[written[i].field] = 1;
	}
	/* the table above names every field */
	for (i = 0; i < NEWS_F_COUNT; i++)
		T_OK(seen[i]);
}

static void
test_case(void)
{
	T_EQ(news_field_lookup("title"), NEWS_F_TITLE);
	T_EQ(news_field_lookup("TITLE"), NEWS_F_TITLE);
	T_EQ(news_field_lookup("tItLe"), NEWS_F_TITLE);
	T_EQ(news_field_lookup("TITEL"), NEWS_F_TITLE);
	T_EQ(news_field_lookup("bildunterschrift"), NEWS_F_CAPTION);
	T_EQ(news_field_lookup("BILDNACHWEIS"), NEWS_F_CREDIT);
	T_EQ(news_field_lookup("mehr zum thema"), NEWS_F_RELATED);
	T_EQ(news_field_lookup("MEHR ZUM THEMA"), NEWS_F_RELATED);
	T_EQ(news_field_lookup("ALT"), NEWS_F_ALT);
	T_EQ(news_field_lookup("sLUG"), NEWS_F_SLUG);
}

static void
test_unknown(void)
{
	T_EQ(news_field_lookup(NULL), -1);
	T_EQ(news_field_lookup(""), -1);
	T_EQ(news_field_lookup("Body"), -1);
	T_EQ(news_field_lookup("Untertitel"), -1);
	/* whole keys only: no prefixes, no longer words */
	T_EQ(news_field_lookup("Tit"), -1);
	T_EQ(news_field_lookup("Titles"), -1);
	T_EQ(news_field_lookup("Mehr"), -1);
	T_EQ(news_field_lookup("Mehr zum"), -1);
	T_EQ(news_field_lookup("MehrzumThema"), -1);
	T_EQ(news_field_lookup("Mehr  zum Thema"), -1);
	/* the caller trims: blanks and the colon are not part of a key */
	T_EQ(news_field_lookup(" Title"), -1);
	T_EQ(news_field_lookup("Title "), -1);
	T_EQ(news_field_lookup("Title:"), -1);
	T_EQ(news_field_lookup("\tDatum"), -1);
	/* ASCII case only: a Latin-1 or UTF-8 look-alike is not a key */
	T_EQ(news_field_lookup("T\xc3\xaftle"), -1);
}

static void
test_names(void)
{
	int f;

	T_STREQ(news_field_name(NEWS_F_TITLE), "title");
	T_STREQ(news_field_name(NEWS_F_UPDATED), "updated");
	T_STREQ(news_field_name(NEWS_F_RELATED), "related");
	T_STREQ(news_field_name(NEWS_F_LANG), "lang");
	/* every name is lower case and leads back to its field */
	for (f = 0; f < NEWS_F_COUNT; f++) {
		const char *n = news_field_name(f);

		T_OK(n != NULL && *n != '\0');
		if (n == NULL)
			continue;
		T_EQ(strspn(n, "abcdefghijklmnopqrstuvwxyz"), strlen(n));
		T_EQ(news_field_lookup(n), f);
	}
	T_OK(news_field_name(NEWS_F_COUNT) == NULL);
	T_OK(news_field_name((enum news_field)-1) == NULL);
}

static void
run(void)
{
	test_every_key();
	test_case();
	test_unknown();
	test_names();
}
