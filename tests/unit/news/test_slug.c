/* Unit tests: news/slug.c */
#include <string.h>

#include "news.h"
#include "t.h"

static const char *
slug(const char *s, size_t max)
{
	static struct ev_buf b;

	ev_buf_clear(&b);
	news_slug(s, strlen(s), max, &b);
	return b.p != NULL ? b.p : "";
}

/* German letters spelled out, capitals too; the rest of Latin without
 * marks; everything else a separator. */
static void
test_german(void)
{
	T_STREQ(slug("Weihnachtsmarkt eröffnet: 60 Buden", 0),
	    "weihnachtsmarkt-eroeffnet-60-buden");
	T_STREQ(slug("Straße über die Aue", 0), "strasse-ueber-die-aue");
	T_STREQ(slug("ÄRGER IM ÖPNV: ÜBERSTUNDEN", 0),
	    "aerger-im-oepnv-ueberstunden");
	T_STREQ(slug("GROẞE Pläne", 0), "grosse-plaene");
	T_STREQ(slug("Café Crème à la française", 0),
	    "cafe-creme-a-la-francaise");
	T_STREQ(slug("Łódź, Øresund, Ærø", 0), "lodz-oresund-aero");
	T_STREQ(slug("Kolbergs Mühle’s Fest", 0), "kolbergs-muehles-fest");
}

/* NFC first: a decomposed ü (u + U+0308) is still ue, not u. */
static void
test_nfc(void)
{
	T_STREQ(slug("Bru\xcc\x88\x63ke", 0), "bruecke");	/* u + ¨ */
	T_STREQ(slug("Mu\xcc\x88hle", 0), slug("Mühle", 0));
}

static void
test_separators(void)
{
	T_STREQ(slug("  --Hallo,   Welt!!  ", 0), "hallo-welt");
	T_STREQ(slug("„Wir sind bereit“ – sagt der OB", 0),
	    "wir-sind-bereit-sagt-der-ob");
	T_STREQ(slug("10–18 Uhr · 3,50 €", 0), "10-18-uhr-3-50");
	T_STREQ(slug("東京 🎄 Tokio", 0), "tokio");
	T_STREQ(slug("🎄 ★ ♥", 0), "");
	T_STREQ(slug("", 0), "");
}

/* Cut at a '-' within max; a word longer than max is cut at max. */
static void
test_max(void)
{
	T_STREQ(slug("eins zwei drei vier", 12), "eins-zwei");
	T_STREQ(slug("eins zwei drei vier", 14), "eins-zwei-drei");
	T_STREQ(slug("Donaudampfschifffahrt", 6), "donaud");
	T_EQ(strlen(slug("ein sehr langer Titel über die Sanierung der "
	    "Brücke am Auewehr und die Sperrung der Weberstraße bis in den "
	    "Dezember", 0)) <= NEWS_SLUG_MAX, 1);
	T_STREQ(slug("ab cd", 3), "ab");
}

/* The slug of a slug is itself. */
static void
test_idempotent(void)
{
	const char *s[] = { "Weihnachtsmarkt eröffnet: 60 Buden",
	    "Ärger über die Straße", "a--b", "x" };
	char once[256];

	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		snprintf(once, sizeof(once), "%s", slug(s[i], 0));
		T_STREQ(slug(once, 0), once);
	}
}

static void
run(void)
{
	test_german();
	test_nfc();
	test_separators();
	test_max();
	test_idempotent();
}
