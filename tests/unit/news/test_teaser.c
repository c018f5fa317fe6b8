/* Unit tests: news/teaser.c */
#include <string.h>

#include "news.h"
#include "t.h"

static const char *
teaser(const char *s, size_t max)
{
	static struct ev_buf b;

	ev_buf_clear(&b);
	news_teaser(s, strlen(s), max, &b);
	return b.p != NULL ? b.p : "";
}

/* Characters, not bytes. */
static size_t
chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void
test_fits(void)
{
	T_STREQ(teaser("Kurz und gut.", 100), "Kurz und gut.");
	T_STREQ(teaser("  Zeilen\n  umbrochen.  ", 100), "Zeilen umbrochen.");
	T_STREQ(teaser("Ohne Grenze. Zwei Sätze.", 0),
	    "Ohne Grenze. Zwei Sätze.");
	/* exactly max characters, umlauts one each */
	T_STREQ(teaser("Über Öl.", 8), "Über Öl.");
}

static void
test_sentences(void)
{
	T_STREQ(teaser("Der Markt ist offen. Die Eisbahn auch. Und mehr.", 40),
	    "Der Markt ist offen. Die Eisbahn auch.");
	T_STREQ(teaser("Wirklich? Ja! Das ist so gekommen.", 15),
	    "Wirklich? Ja!");
	T_STREQ(teaser("„Wir sind bereit.“ Das sagte sie gestern Abend.", 25),
	    "„Wir sind bereit.“");
	T_STREQ(teaser("Es war spät … Dann kam der Bus um elf.", 20),
	    "Es war spät …");
}

/* Dots that end no sentence. */
static void
test_not_fooled(void)
{
	T_STREQ(teaser("Es gibt z. B. Glühwein. Und mehr davon hier.", 30),
	    "Es gibt z. B. Glühwein.");
	T_STREQ(teaser("Es sprach Dr. Meier. Danach gab es Applaus.", 25),
	    "Es sprach Dr. Meier.");
	T_STREQ(teaser("Am 14. September beginnt es. Dann folgt mehr.", 30),
	    "Am 14. September beginnt es.");
	T_STREQ(teaser("Der 1. FC Neustadt gewann. Jubel am Platz.", 30),
	    "Der 1. FC Neustadt gewann.");
	T_STREQ(teaser("Es kamen u. a. Gäste bzw. Nachbarn. Dann Regen.", 40),
	    "Es kamen u. a. Gäste bzw. Nachbarn.");
	T_STREQ(teaser("Es kostet ca. 3.5 Mio. Euro. So viel wie nie.", 30),
	    "Es kostet ca. 3.5 Mio. Euro.");
	T_STREQ(teaser("Sie wohnt in St. Marien. Das ist alt.", 25),
	    "Sie wohnt in St. Marien.");
	T_STREQ(teaser("Das war im Jahr 2026. Dann kam mehr Text.", 25),
	    "Das war im Jahr 2026.");
	/* every dot here is an abbreviation: words, then … */
	T_STREQ(teaser("Es sprach Dr. Meier über Nr. 5 und St. Pauli lange.",
	    20), "Es sprach Dr. Meier…");
}

/* No sentence fits: whole words and "…" within max. */
static void
test_words(void)
{
	const char *s = "Mit dem Anschneiden des Riesenstollens hat "
	    "Oberbürgermeisterin Sabine Krüger den Markt eröffnet.";

	T_STREQ(teaser(s, 30), "Mit dem Anschneiden des…");
	T_OK(chars(teaser(s, 30)) <= 30);
	T_STREQ(teaser("Eins, zwei, drei, vier", 12), "Eins, zwei…");
	T_STREQ(teaser("Donaudampfschifffahrt", 8), "Donauda…");
	T_EQ(chars(teaser("Donaudampfschifffahrt", 8)), 8);
	T_STREQ(teaser("Grüße – und mehr davon", 9), "Grüße…");
	for (size_t max = 1; max < 60; max++)
		T_OK(chars(teaser(s, max)) <= max);
}

static void
run(void)
{
	test_fits();
	test_sentences();
	test_not_fooled();
	test_words();
}
