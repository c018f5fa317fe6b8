/* Unit tests: news/typo.c */
#include <stdlib.h>
#include <time.h>

#include "news.h"
#include "t.h"

#define NB	"\xc2\xa0"		/* U+00A0 */
#define NN	"\xe2\x80\xaf"		/* U+202F */
#define ALL	0u
/* every rule off but r */
#define ONLY(r)	(~(1u << (r)))

/* The findings of the last ts(), as "rule off+len; ...". */
static struct ev_buf found;

static void
collect(void *arg, const struct news_finding *f)
{
	(void)arg;
	ev_buf_printf(&found, "%s%s %zu+%zu", found.len ? "; " : "", f->rule,
	    f->off, f->len);
	T_OK(f->msg != NULL && *f->msg != '\0');
}

/*
 * s typeset in lang with the rules not in off, NARROW or NORMAL
 * no-break spaces; checked on the way: valid UTF-8 out, and typesetting
 * the output again changes nothing (every case of this file is an
 * idempotence case).
 */
static const char *
tsx(enum news_lang lang, enum news_nbsp nb, unsigned off, const char *s)
{
	static char out[8192];
	struct news_typo o = { lang, nb, off, 0 };
	struct ev_buf b = { 0 }, again = { 0 };
	int rc;

	ev_buf_clear(&found);
	rc = news_typeset(&o, s, strlen(s), &b, collect, NULL);
	T_EQ(rc, 0);
	T_OK(ev_utf8_valid(b.p, b.len));
	T_EQ(news_typeset(&o, b.p, b.len, &again, NULL, NULL), 0);
	if (strcmp(b.p, again.p) != 0)
		fprintf(stderr, "not idempotent: \"%s\" -> \"%s\" -> \"%s\"\n", s,
		    b.p, again.p);
	T_STREQ(again.p, b.p);
	snprintf(out, sizeof(out), "%s", b.p);
	ev_buf_free(&b);
	ev_buf_free(&again);
	return out;
}

static const char *
ts(enum news_lang lang, unsigned off, const char *s)
{
	return tsx(lang, NEWS_NBSP_NORMAL, off, s);
}

#define DE	NEWS_LANG_DE
#define CH	NEWS_LANG_DE_CH
#define EN	NEWS_LANG_EN
#define Q	ONLY(NEWS_TYPO_QUOTES)
#define QA	(ONLY(NEWS_TYPO_QUOTES) & ONLY(NEWS_TYPO_APOSTROPHE))

static void
test_quotes_lang(void)
{
	T_STREQ(ts(DE, Q, "\"Hallo\""), "„Hallo“");
	T_STREQ(ts(CH, Q, "\"Hallo\""), "«Hallo»");
	T_STREQ(ts(EN, Q, "\"Hello\""), "“Hello”");
	T_STREQ(ts(DE, Q, "'Hallo'"), "‚Hallo‘");
	T_STREQ(ts(CH, Q, "'Hallo'"), "‹Hallo›");
	T_STREQ(ts(EN, Q, "'Hello'"), "‘Hello’");
	/* every language's marks become the one asked for */
	T_STREQ(ts(DE, Q, "„a“ “b” «c» »d« ‚e‘ ‘f’ ‹g›"),
	    "„a“ „b“ „c“ „d“ ‚e‘ ‚f‘ ‚g‘");
	T_STREQ(ts(EN, Q, "„a“ “b” «c» »d« ‚e‘ ‘f’ ‹g›"),
	    "“a” “b” “c” “d” ‘e’ ‘f’ ‘g’");
	T_STREQ(ts(CH, Q, "„a“ “b” «c» ‚e‘"), "«a» «b» «c» ‹e›");
	/* already right: unchanged */
	T_STREQ(ts(DE, Q, "„Es freut mich“, sagte sie."),
	    "„Es freut mich“, sagte sie.");
	T_STREQ(ts(EN, Q, "“Hello,” she said."), "“Hello,” she said.");
	/* with the rule off, nothing changes */
	T_STREQ(ts(DE, ~0u, "\"a\" 'b'"), "\"a\" 'b'");
}

static void
test_quotes_mixed(void)
{
	/* an opening " closed by “, and the other way round */
	T_STREQ(ts(DE, Q, "\"Es freut mich“, sagte sie."),
	    "„Es freut mich“, sagte sie.");
	T_STREQ(ts(DE, Q, "„Es freut mich\", sagte sie."),
	    "„Es freut mich“, sagte sie.");
	/* word processors' English marks in German text */
	T_STREQ(ts(DE, Q, "“Hallo“ und „Welt”"), "„Hallo“ und „Welt“");
	/* a German low mark where a closing one belongs */
	T_STREQ(ts(DE, Q, "„Hallo„, sagte er"), "„Hallo“, sagte er");
	/* English quoted inside German text takes German marks */
	T_STREQ(ts(DE, Q, "Der Slogan “Keep calm and carry on” gilt."),
	    "Der Slogan „Keep calm and carry on“ gilt.");
	T_STREQ(ts(DE, Q, "Sie sagte: \"It's “fine”, really.\""),
	    "Sie sagte: „It's ‚fine‘, really.“");
	/* two quotations in a row, and with punctuation */
	T_STREQ(ts(DE, Q, "\"Ja\", sagte er, \"das stimmt.\""),
	    "„Ja“, sagte er, „das stimmt.“");
	T_STREQ(ts(DE, Q, "Er sagte:\"Hallo\"."), "Er sagte:„Hallo“.");
	T_STREQ(ts(DE, Q, "\"Hallo?\" \"Ja!\""), "„Hallo?“ „Ja!“");
	T_STREQ(ts(DE, Q, "\"Hallo...\""), "„Hallo...“");
	/* no space to tell: the stack does */
	T_STREQ(ts(DE, Q, "Das\"Hotel\"liegt"), "Das„Hotel“liegt");
	T_STREQ(ts(DE, Q, "\" Hallo \""), "„ Hallo “");
	T_STREQ(ts(DE, Q, "\"\""), "„“");
	T_STREQ(ts(DE, Q, "\"-\""), "„-“");
}

static void
test_quotes_nested(void)
{
	T_STREQ(ts(DE, Q, "\"Er rief 'Hilfe!' und lief.\""),
	    "„Er rief ‚Hilfe!‘ und lief.“");
	T_STREQ(ts(CH, Q, "\"Er rief 'Hilfe!' und lief.\""),
	    "«Er rief ‹Hilfe!› und lief.»");
	T_STREQ(ts(EN, Q, "\"He shouted 'Help!' and ran.\""),
	    "“He shouted ‘Help!’ and ran.”");
	/* marks side by side */
	T_STREQ(ts(DE, Q, "\"'Tatort' läuft\", sagt er"),
	    "„‚Tatort‘ läuft“, sagt er");
	T_STREQ(ts(DE, Q, "\"Er sagt 'ja'\""), "„Er sagt ‚ja‘“");
	/* "…" inside "…" is set single (test_quotes_nest) */
	T_STREQ(ts(DE, Q, "\"Er sagte \"Hallo\" und ging.\""),
	    "„Er sagte ‚Hallo‘ und ging.“");
	/* a double closer closes through an open single one */
	T_STREQ(ts(DE, Q, "\"Er sagte 'Hallo und ging.\""),
	    "„Er sagte 'Hallo und ging.“");
	T_STREQ(found.p, "quote-unpaired 10+1");
}

/* A double quotation inside a double one is set with single marks. */
static void
test_quotes_nest(void)
{
	T_STREQ(ts(DE, Q, "\"Er sagte \"Hallo\" zu mir\""),
	    "„Er sagte ‚Hallo‘ zu mir“");
	T_STREQ(ts(CH, Q, "\"Er sagte \"Hallo\" zu mir\""),
	    "«Er sagte ‹Hallo› zu mir»");
	T_STREQ(ts(EN, Q, "\"He said \"Hello\" to me\""),
	    "“He said ‘Hello’ to me”");
	T_STREQ(found.p, "");
	/* typographic and mixed marks alike; already right stays */
	T_STREQ(ts(DE, Q, "„Er sagte „Hallo“ zu mir“"),
	    "„Er sagte ‚Hallo‘ zu mir“");
	T_STREQ(ts(DE, Q, "„Er sagte \"Hallo“ zu mir\""),
	    "„Er sagte ‚Hallo‘ zu mir“");
	T_STREQ(ts(DE, Q, "„Er sagte ‚Hallo‘ zu mir“"),
	    "„Er sagte ‚Hallo‘ zu mir“");
	T_STREQ(ts(DE, Q, "\"Es freut mich“"), "„Es freut mich“");
	/* two inside one, and a third level double again */
	T_STREQ(ts(DE, Q, "\"a \"b\" c \"d\" e\""), "„a ‚b‘ c ‚d‘ e“");
	T_STREQ(ts(DE, Q, "\"a \"b \"c\" d\" e\""), "„a ‚b „c“ d‘ e“");
	T_STREQ(ts(DE, Q, "\"Er rief: \"Hilfe!\"\""), "„Er rief: ‚Hilfe!‘“");
	T_STREQ(ts(DE, Q, "\"\"Tatort\" läuft\", sagt er"),
	    "„‚Tatort‘ läuft“, sagt er");
	/* the outer one does not pair: nothing to nest in, reported */
	T_STREQ(ts(DE, Q, "\"a \"b\" c"), "\"a „b“ c");
	T_STREQ(found.p, "quote-unpaired 0+1");
	/* single marks would read otherwise: left double, not guessed
	 * (an elided word, an apostrophe that would close, no space) */
	T_STREQ(ts(DE, QA, "\"Er rief \"raus\" und ging\""),
	    "„Er rief „raus“ und ging“");
	T_STREQ(ts(DE, QA, "\"Er sagte \"Klaus' Auto\" zu mir\""),
	    "„Er sagte „Klaus’ Auto“ zu mir“");
	T_STREQ(ts(DE, Q, "\"Das \"Hotel\"liegt\""), "„Das „Hotel“liegt“");
	/* apostrophes between letters are no obstacle */
	T_STREQ(ts(DE, QA, "\"Er sagte \"geht's\" zu mir\""),
	    "„Er sagte ‚geht’s‘ zu mir“");
	/* with the apostrophe rule off too */
	T_STREQ(ts(EN, Q, "\"He said \"it's\" to me\""),
	    "“He said ‘it's’ to me”");
}

static void
test_quotes_context(void)
{
	/* after "(", around and inside links, with emphasis */
	T_STREQ(ts(DE, Q, "(\"Hallo\")"), "(„Hallo“)");
	T_STREQ(ts(DE, Q, "(„Hallo\")."), "(„Hallo“).");
	T_STREQ(ts(DE, Q, "\"[Zitat](https://x.de/\"a\")\""),
	    "„[Zitat](https://x.de/\"a\")“");
	T_STREQ(ts(DE, Q, "[\"Zitat\"](/pfad \"Titel\") und mehr"),
	    "[„Zitat“](/pfad \"Titel\") und mehr");
	T_STREQ(ts(DE, Q, "\"Mehr: [hier](/x 'a').\""),
	    "„Mehr: [hier](/x 'a').“");
	T_STREQ(ts(DE, Q, "*\"Hallo\"* und **'Welt'**"),
	    "*„Hallo“* und **‚Welt‘**");
	T_STREQ(ts(DE, Q, "\"*Hallo*\""), "„*Hallo*“");
	/* after a dash, before a dash */
	T_STREQ(ts(DE, Q, "-\"Hallo\"-Rufe"), "-„Hallo“-Rufe");
	/* around protected text */
	T_STREQ(ts(DE, Q, "\"`code`\" und \"<b>fett</b>\""),
	    "„`code`“ und „<b>fett</b>“");
	T_STREQ(ts(DE, Q, "\"https://x.de\""), "„https://x.de“");
	/* across lines of the block */
	T_STREQ(ts(DE, Q, "\"Hallo\nWelt\""), "„Hallo\nWelt“");
}

static void
test_quotes_protected(void)
{
	T_STREQ(ts(DE, ALL, "`\"a\"` <a href=\"x\" title='y'> \\\"b\\\""),
	    "`\"a\"` <a href=\"x\" title='y'> \\\"b\\\"");
	T_STREQ(ts(DE, ALL, "<!-- \"x\" --> &quot;"), "<!-- \"x\" --> &quot;");
	T_STREQ(ts(DE, ALL, "[a](</x y> \"t\")"), "[a](</x y> \"t\")");
}

static void
test_measures(void)
{
	T_STREQ(ts(DE, QA, "Ein 26\" Monitor"), "Ein 26\" Monitor");
	T_STREQ(ts(DE, QA, "5' hoch, 5'10\" groß"), "5' hoch, 5'10\" groß");
	T_STREQ(found.p, "");
	T_STREQ(ts(CH, QA, "Fr. 2'000.-"), "Fr. 2'000.-");
	/* but a digit can end a quotation */
	T_STREQ(ts(DE, QA, "\"Es waren 26\", sagte er."),
	    "„Es waren 26“, sagte er.");
	T_STREQ(ts(DE, QA, "'Top 5'"), "‚Top 5‘");
	/* typographic marks after a digit are marks */
	T_STREQ(ts(DE, QA, "„Zimmer 26“"), "„Zimmer 26“");
}

static void
test_apostrophe(void)
{
	unsigned a = ONLY(NEWS_TYPO_APOSTROPHE);

	T_STREQ(ts(DE, a, "geht's, Ku'damm, it's"), "geht’s, Ku’damm, it’s");
	T_STREQ(ts(DE, a, "'s Wetter"), "’s Wetter");
	T_STREQ(ts(DE, a, "’s Wetter"), "’s Wetter");
	T_STREQ(ts(DE, a, "die '90er, '16"), "die ’90er, ’16");
	T_STREQ(ts(DE, a, "So 'n Mist, 'nen Hund, 'raus hier"),
	    "So ’n Mist, ’nen Hund, ’raus hier");
	T_STREQ(ts(EN, a, "'Tis the season, rock 'n' roll"),
	    "’Tis the season, rock ’n’ roll");
	T_STREQ(ts(DE, a, "Klaus' Auto, Hans' Hut."), "Klaus’ Auto, Hans’ Hut.");
	/* wrong marks for apostrophes */
	T_STREQ(ts(DE, a, "geht´s, geht‘s, ‘s Wetter"),
	    "geht’s, geht’s, ’s Wetter");
	/* not apostrophes: quotation marks, a lone ´, a '1' */
	T_STREQ(ts(DE, a, "'sehr' ´ a´ '1'"), "'sehr' ´ a´ '1'");
	T_STREQ(ts(DE, QA, "'sehr' gut"), "‚sehr‘ gut");
	/* a single quotation that ends after a letter closes */
	T_STREQ(ts(DE, QA, "'Hallo' sagte Klaus'"), "‚Hallo‘ sagte Klaus’");
	T_STREQ(ts(EN, QA, "'Don't,' he said"), "‘Don’t,’ he said");
	/* apostrophes do not break quotations */
	T_STREQ(ts(DE, QA, "\"Wie geht's?\", fragt er"),
	    "„Wie geht’s?“, fragt er");
	T_STREQ(ts(DE, QA, "\"'s ist gut\""), "„’s ist gut“");
}

static void
test_unpaired(void)
{
	T_STREQ(ts(DE, Q, "Es \"freut mich"), "Es \"freut mich");
	T_STREQ(found.p, "quote-unpaired 3+1");
	T_STREQ(ts(DE, Q, "Es freut mich“ sehr"), "Es freut mich“ sehr");
	T_STREQ(found.p, "quote-unpaired 13+3");
	/* the offsets are bytes of the input */
	T_STREQ(ts(DE, Q, "Ä „a“ „b"), "Ä „a“ „b");
	T_STREQ(found.p, "quote-unpaired 11+3");
	/* an opener left over inside a pair, a closer too many */
	T_STREQ(ts(DE, Q, "\"a \"b\" c"), "\"a „b“ c");
	T_STREQ(found.p, "quote-unpaired 0+1");
	T_STREQ(ts(DE, Q, "\"a\" b\""), "„a“ b\"");
	T_STREQ(found.p, "quote-unpaired 5+1");
	/* a single closer with a double open on top (after a letter it
	 * would be an apostrophe) */
	T_STREQ(ts(DE, Q, "'a \"b.' c\""), "'a „b.' c“");
	T_STREQ(found.p, "quote-unpaired 0+1; quote-unpaired 6+1");
	/* several, in order of offset */
	T_STREQ(ts(EN, Q, "\" ' \""), "“ ' ”");
	T_STREQ(found.p, "quote-unpaired 2+1");
	/* no reports with the rule off */
	T_STREQ(ts(DE, ~0u, "Es \"freut mich"), "Es \"freut mich");
	T_STREQ(found.p, "");
}

static void
test_ellipsis(void)
{
	unsigned e = ONLY(NEWS_TYPO_ELLIPSIS);

	T_STREQ(ts(DE, e, "Und dann... nichts."), "Und dann… nichts.");
	T_STREQ(ts(DE, e, "...aber"), "…aber");
	T_STREQ(ts(DE, e, "a.. b.... c. . ."), "a.. b.... c. . .");
	T_STREQ(ts(DE, e, "`a...b` https://x.de/a...b"),
	    "`a...b` https://x.de/a...b");
}

static void
test_range(void)
{
	unsigned r = ONLY(NEWS_TYPO_RANGE);

	T_STREQ(ts(DE, r, "10-12 Uhr, 9:00-17:00, 10.30-12.00"),
	    "10–12 Uhr, 9:00–17:00, 10.30–12.00");
	T_STREQ(ts(DE, r, "1914-1918, 1990-95, 2016-17, S. 5-7"),
	    "1914–1918, 1990–95, 2016–17, S. 5–7");
	T_STREQ(ts(DE, r, "10.-12. Mai, (3-4), 5,50-7,50 Euro"),
	    "10.–12. Mai, (3–4), 5,50–7,50 Euro");
	T_STREQ(ts(DE, r, "10-12-jährige, 0-3 Jahre, 09-12"),
	    "10–12-jährige, 0–3 Jahre, 09–12");
	/* ISO dates and months, phone numbers, scores, words, URLs */
	T_STREQ(ts(DE, r, "2016-12-24, 2016-12, 2016-12-24T10:00"),
	    "2016-12-24, 2016-12, 2016-12-24T10:00");
	T_STREQ(ts(DE, r, "0511 168-0, 0511 168-42, +49 511 12-34"),
	    "0511 168-0, 0511 168-42, +49 511 12-34");
	T_STREQ(ts(DE, r, "(0511) 12-34, 030/12-34, 0511-1234"),
	    "(0511) 12-34, 030/12-34, 0511-1234");
	T_STREQ(ts(DE, r, "3-1 gewonnen, 12-10, 5-5"), "3-1 gewonnen, 12-10, 5-5");
	T_STREQ(ts(DE, r, "A4-10, B6-7, 1:0-Sieg, 15-Minuten-Takt, 1.2.3-4"),
	    "A4-10, B6-7, 1:0-Sieg, 15-Minuten-Takt, 1.2.3-4");
	T_STREQ(ts(DE, r, "1-2-3, 10.-12 Mai, 10-12.5.2016"),
	    "1-2-3, 10.-12 Mai, 10-12.5.2016");
	T_STREQ(ts(DE, r, "https://x.de/10-12 `10-12`"),
	    "https://x.de/10-12 `10-12`");
	T_STREQ(ts(DE, r, "1234567890123-1234567890124"),
	    "1234567890123-1234567890124");
}

static void
test_dash(void)
{
	unsigned d = ONLY(NEWS_TYPO_DASH);

	T_STREQ(ts(DE, d, "Kinder - und Jugendliche"), "Kinder – und Jugendliche");
	T_STREQ(ts(DE, d, "a -- b, c -\nd"), "a – b, c –\nd");
	T_STREQ(ts(DE, d, "a" NB "- b"), "a" NB "– b");
	T_STREQ(ts(EN, d, "this - that"), "this – that");
	/* compounds, suspended hyphens, minus signs, rules, at the edges */
	T_STREQ(ts(DE, d, "Vollzeit-Lehrkraft, staatlicher-kommunaler"),
	    "Vollzeit-Lehrkraft, staatlicher-kommunaler");
	T_STREQ(ts(DE, d, "Landes- als auch Bundes-, Jugend- und"),
	    "Landes- als auch Bundes-, Jugend- und");
	T_STREQ(ts(DE, d, "a --- b, a -, a-5"), "a --- b, a -, a-5");
	T_STREQ(ts(DE, d, "- a"), "- a");
	T_STREQ(ts(DE, d, "`a - b` <x y=\" - \">"), "`a - b` <x y=\" - \">");
}

/* A hyphen before a number on its own is a minus sign. */
static void
test_minus(void)
{
	unsigned d = ONLY(NEWS_TYPO_DASH);

	T_STREQ(ts(DE, d, "-5 °C, (-3 Grad), bis -12,5, a -5"),
	    "−5 °C, (−3 Grad), bis −12,5, a −5");
	T_STREQ(ts(DE, d, "\"-4\" und\n-7 und *-2*"),
	    "\"−4\" und\n−7 und *−2*");
	T_STREQ(ts(EN, d, "at -5 degrees"), "at −5 degrees");
	T_STREQ(ts(DE, ALL, "-5 °C"), "−5" NB "°C");
	/* not: ranges and phone numbers with a space, dates, words,
	 * options, chains, protected spans, a rule that is off */
	T_STREQ(ts(DE, d, "10 -12 Uhr, 0511 -123, 0511\n-123"),
	    "10 -12 Uhr, 0511 -123, 0511\n-123");
	T_STREQ(ts(DE, d, "-2016-12-24, -1.2.3, -3D, -19er, -o, --5, (-5-"),
	    "-2016-12-24, -1.2.3, -3D, -19er, -o, --5, (-5-");
	T_STREQ(ts(DE, d, "`-5` -5`x` https://x.de/?a=-5 a/-5 a-5"),
	    "`-5` -5`x` https://x.de/?a=-5 a/-5 a-5");
	T_STREQ(ts(DE, ~0u, "-5 °C"), "-5 °C");
}

static void
test_spaces(void)
{
	unsigned s = ONLY(NEWS_TYPO_SPACES);

	T_STREQ(ts(DE, s, "a  b   c"), "a b c");
	T_STREQ(ts(DE, s, "a " NB "b" NB " c" NB NB "d"),
	    "a" NB "b" NB "c" NB "d");
	T_STREQ(ts(DE, s, "a " NN " b"), "a" NN "b");
	/* a single space of any kind stays */
	T_STREQ(ts(DE, s, "a b" NB "c" NN "d"), "a b" NB "c" NN "d");
	/* indentation, hard line breaks, tabs, the block's edges */
	T_STREQ(ts(DE, s, "  a  \n  b \t c  "), "  a  \n  b \t c  ");
	T_STREQ(ts(DE, s, "`a  b`  <b  c=\"d\">"), "`a  b` <b  c=\"d\">");
}

static void
test_nbsp(void)
{
	unsigned n = ONLY(NEWS_TYPO_NBSP);

	T_STREQ(ts(DE, n, "z. B. und d. h. oder i. d. R."),
	    "z." NB "B. und d." NB "h. oder i." NB "d." NB "R.");
	T_STREQ(tsx(DE, NEWS_NBSP_NARROW, n, "z. B. 5 km"),
	    "z." NN "B. 5" NN "km");
	T_STREQ(ts(DE, n, "am 14. September, (1. Jan.) 3. Mai"),
	    "am 14." NB "September, (1." NB "Jan.) 3." NB "Mai");
	T_STREQ(tsx(DE, NEWS_NBSP_NARROW, n, "14. September"),
	    "14." NB "September");
	T_STREQ(ts(DE, n, "5 km, 10 %, 20 °C, 1.500 m², 2,5 kg"),
	    "5" NB "km, 10" NB "%, 20" NB "°C, 1.500" NB "m², 2,5" NB "kg");
	T_STREQ(ts(DE, n, "18 Uhr, 4 Euro, 400 Quadratmeter, 2 Mio. Euro"),
	    "18" NB "Uhr, 4" NB "Euro, 400" NB "Quadratmeter, 2" NB "Mio. Euro");
	T_STREQ(tsx(DE, NEWS_NBSP_NARROW, n, "18 Uhr, § 5, © LHH"),
	    "18" NB "Uhr, §" NN "5, ©" NB "LHH");
	T_STREQ(ts(DE, n, "§ 5, §§ 3, © LHH, Nr. 5, S. 12"),
	    "§" NB "5, §§" NB "3, ©" NB "LHH, Nr." NB "5, S." NB "12");
	/* a run of spaces becomes one no-break space; one stays one */
	T_STREQ(ts(DE, n, "5  km, 5 " NB "km, 5" NN "km"),
	    "5" NB "km, 5" NB "km, 5" NB "km");
	/* not: words, other numbers, a line break, a missing space */
	T_STREQ(ts(DE, n, "so. A. Müller, 5 Minuten, A4 m, 5 mal"),
	    "so. A. Müller, 5 Minuten, A4 m, 5 mal");
	T_STREQ(ts(DE, n, "3. Liga, 1. FC, Mai 5, Mailand 5 Mails"),
	    "3. Liga, 1. FC, Mai 5, Mailand 5 Mails");
	T_STREQ(ts(DE, n, "5\nkm, z. \nB."), "5\nkm, z. \nB.");
	T_STREQ(ts(DE, n, "Das ist z. Bsp. z. Beispiel"),
	    "Das ist z." NB "Bsp. z. Beispiel");
	/* English: only the language-neutral ones */
	T_STREQ(ts(EN, n, "5 km, 5 p.m., § 5, © Name, 18 Uhr, e. g. 14. May"),
	    "5" NB "km, 5" NB "p.m., §" NB "5, ©" NB "Name, 18 Uhr, e. g. 14. May");
}

/* s typeset as a paragraph that the next one continues (cont). */
static const char *
tc(enum news_lang lang, const char *s)
{
	static char out[1024];
	struct news_typo o = { lang, NEWS_NBSP_NORMAL, Q, 1 };
	struct ev_buf b = { 0 }, again = { 0 };

	ev_buf_clear(&found);
	T_EQ(news_typeset(&o, s, strlen(s), &b, collect, NULL), 0);
	T_EQ(news_typeset(&o, b.p, b.len, &again, NULL, NULL), 0);
	T_STREQ(again.p, b.p);
	snprintf(out, sizeof(out), "%s", b.p);
	ev_buf_free(&b);
	ev_buf_free(&again);
	return out;
}

/* A quotation over paragraphs: no closing mark at a paragraph's end,
 * an opening one at the next one's start. */
static void
test_quotes_para(void)
{
	struct news_typo de = { DE, NEWS_NBSP_NORMAL, 0, 0 };
	struct news_typo en = { EN, NEWS_NBSP_NORMAL, 0, 0 };

	T_STREQ(tc(DE, "\"Erster Absatz."), "„Erster Absatz.");
	T_STREQ(found.p, "");
	T_STREQ(tc(CH, "\"Erster \"Absatz\" hier."), "«Erster ‹Absatz› hier.");
	T_STREQ(tc(EN, "He said: \"First paragraph."),
	    "He said: “First paragraph.");
	T_STREQ(found.p, "");
	/* a closed one is closed; what else is open is reported */
	T_STREQ(tc(DE, "\"Ganz.\""), "„Ganz.“");
	T_STREQ(tc(DE, "\"Erster \"Absatz."), "„Erster \"Absatz.");
	T_STREQ(found.p, "quote-unpaired 8+1");
	T_STREQ(tc(DE, "Erster“ Absatz."), "Erster“ Absatz.");
	T_STREQ(found.p, "quote-unpaired 6+3");
	/* without cont, as before */
	T_STREQ(ts(DE, Q, "\"Erster Absatz."), "\"Erster Absatz.");
	T_STREQ(found.p, "quote-unpaired 0+1");
	/* what opens a paragraph */
	T_EQ(news_quote_opens(&de, "\"Zweiter", 8), 1);
	T_EQ(news_quote_opens(&de, "„Zweiter", 10), 1);
	T_EQ(news_quote_opens(&de, "*\"Zweiter\"*", 11), 1);
	T_EQ(news_quote_opens(NULL, "»Zweiter", 9), 1);
	T_EQ(news_quote_opens(&en, "“Second", 9), 1);
	T_EQ(news_quote_opens(&de, "Zweiter \"", 9), 0);
	T_EQ(news_quote_opens(&de, "'s Wetter", 9), 0);
	T_EQ(news_quote_opens(&de, "“ Zweiter", 11), 0);
	T_EQ(news_quote_opens(&de, "`\"a\"`", 5), 0);
	T_EQ(news_quote_opens(&de, "\\\"a", 3), 0);
	T_EQ(news_quote_opens(&de, "\"", 1), 0);
	T_EQ(news_quote_opens(&de, "\xff\"", 2), 0);
	T_EQ(news_quote_opens(&de, NULL, 0), 0);
	T_EQ(news_quote_opens(&de, "", 0), 0);
}

/* Abbreviations of single letters without their space, or broken. */
static void
test_abbr(void)
{
	unsigned n = ONLY(NEWS_TYPO_NBSP);

	T_STREQ(ts(DE, n, "z.B. und d.h. oder u.a. wie o.Ä. mit i.d.R. und u.a.m."),
	    "z." NB "B. und d." NB "h. oder u." NB "a. wie o." NB "Ä. mit i." NB
	    "d." NB "R. und u." NB "a." NB "m.");
	T_STREQ(tsx(DE, NEWS_NBSP_NARROW, n, "z.B. und z.\nB. und i. d.R."),
	    "z." NN "B. und z." NN "B. und i." NN "d." NN "R.");
	T_STREQ(ts(CH, n, "(z.B.: ja)"), "(z." NB "B.: ja)");
	T_STREQ(found.p, "");
	/* not: names and files, initials, capitals first, longer groups,
	 * more than four, a hard line break, English, protected text */
	T_STREQ(ts(DE, n, "z.B.de a.txt. x.com. so.a.b J.R.R. U.S.A. z.Bsp."),
	    "z.B.de a.txt. x.com. so.a.b J.R.R. U.S.A. z.Bsp.");
	T_STREQ(ts(DE, n, "a.b.c.d.e. z.  \nB. so d.h.\nu.a. und i.d.\nR. "
	    "und z.\nB.d."), "a.b.c.d.e. z.  \nB. so d." NB "h.\nu." NB "a. und "
	    "i." NB "d.\nR. und z.\nB.d.");
	T_STREQ(ts(EN, n, "e.g. i.e. z.B."), "e.g. i.e. z.B.");
	T_STREQ(ts(DE, n, "`z.B.` <a title=\"z.B.\"> [a](x.de/z.B.) z.B`x`"),
	    "`z.B.` <a title=\"z.B.\"> [a](x.de/z.B.) z.B`x`");
	T_STREQ(ts(DE, n, "https://z.B.de/u.a. www.x.de/d.h."),
	    "https://z.B.de/u.a. www.x.de/d.h.");
	T_STREQ(ts(DE, ~0u, "z.B."), "z.B.");
}

/* Everything at once: the traps, in an article's words. */
static void
test_article(void)
{
	T_STREQ(ts(DE, ALL,
	    "\"Es freut mich\u201c, sagte Oberb\u00fcrgermeisterin Krüger am "
	    "14. September - und zwar um 18 Uhr..."),
	    "„Es freut mich“, sagte Oberbürgermeisterin Krüger am 14." NB
	    "September – und zwar um 18" NB "Uhr…");
	T_STREQ(ts(DE, ALL,
	    "(14. September) Die  Kinder- und Jugendarbeit der Stadt  - "
	    "10-12 Uhr, Tel. 0511 168-0 - ist z. B. unter "
	    "https://www.hannover.de/a--b-10-12 zu finden."),
	    "(14." NB "September) Die Kinder- und Jugendarbeit der Stadt – "
	    "10–12" NB "Uhr, Tel." NB "0511 168-0 – ist z." NB "B. unter "
	    "https://www.hannover.de/a--b-10-12 zu finden.");
	T_STREQ(ts(DE, ALL, "Foto: © LHH  /  \"Mehr zum Thema\""),
	    "Foto: ©" NB "LHH / „Mehr zum Thema“");
	T_STREQ(ts(EN, ALL,
	    "\"It's the '90s,\" she said - 10-12 a.m... 'really'"),
	    "“It’s the ’90s,” she said – 10–12" NB "a.m… ‘really’");
	T_STREQ(ts(CH, ALL, "\"Das ist 'gut' - z. B. 2'000 Fr.\""),
	    "«Das ist ‹gut› – z." NB "B. 2'000" NB "Fr.»");
}

static void
test_invalid(void)
{
	struct news_typo o = { DE, NEWS_NBSP_NORMAL, 0, 0 };
	struct ev_buf b = { 0 };
	const char bad[] = "\"a\" \xc3\x28 \xe2\x80 \"b\"";

	ev_buf_clear(&found);
	T_EQ(news_typeset(&o, bad, sizeof(bad) - 1, &b, collect, NULL), -1);
	T_EQ(b.len, sizeof(bad) - 1);
	T_OK(memcmp(b.p, bad, sizeof(bad) - 1) == 0);
	T_STREQ(found.p, "utf8-invalid 4+1");
	/* overlong, surrogate, beyond U+10FFFF, cut at the end */
	ev_buf_clear(&found);
	ev_buf_clear(&b);
	T_EQ(news_typeset(&o, "a\xc0\x80", 3, &b, collect, NULL), -1);
	T_EQ(news_typeset(&o, "a\xed\xa0\x80", 4, &b, collect, NULL), -1);
	T_EQ(news_typeset(&o, "a\xf4\x90\x80\x80", 5, &b, collect, NULL), -1);
	T_EQ(news_typeset(&o, "ab\xe2\x80", 4, &b, collect, NULL), -1);
	T_STREQ(found.p, "utf8-invalid 1+2; utf8-invalid 1+3; "
	    "utf8-invalid 1+4; utf8-invalid 2+2");
	/* NUL bytes are characters; a bad language is an error */
	ev_buf_clear(&b);
	T_EQ(news_typeset(&o, "\"a\0b\"", 5, &b, NULL, NULL), 0);
	T_EQ(b.len, 9);
	T_OK(memcmp(b.p, "„a\0b“", 9) == 0);
	o.lang = (enum news_lang)7;
	ev_buf_clear(&b);
	T_EQ(news_typeset(&o, "\"a\"", 3, &b, NULL, NULL), -1);
	T_STREQ(b.p, "\"a\"");
	ev_buf_free(&b);
}

static void
test_defaults(void)
{
	struct ev_buf b = { 0 };
	int r;

	/* NULL options: German, every rule; NULL text; appending */
	ev_buf_adds(&b, "> ");
	T_EQ(news_typeset(NULL, "\"a\" - z. B.", 11, &b, NULL, NULL), 0);
	T_STREQ(b.p, "> „a“ – z." NB "B.");
	T_EQ(news_typeset(NULL, NULL, 0, &b, NULL, NULL), 0);
	T_STREQ(b.p, "> „a“ – z." NB "B.");
	ev_buf_free(&b);
	T_EQ(news_typeset(NULL, "", 0, &b, NULL, NULL), 0);
	T_STREQ(b.p, "");
	ev_buf_free(&b);
	/* the rules' names */
	for (r = 0; r < NEWS_TYPO_COUNT; r++) {
		T_OK(news_typo_rule_name(r) != NULL);
		T_EQ(news_typo_rule_lookup(news_typo_rule_name(r)), r);
	}
	T_STREQ(news_typo_rule_name(NEWS_TYPO_DASH), "dash");
	T_OK(news_typo_rule_name(NEWS_TYPO_COUNT) == NULL);
	T_EQ(news_typo_rule_lookup("quote-unpaired"), -1);
	T_EQ(news_typo_rule_lookup(NULL), -1);
}

/* What the fuzzer found (tests/fuzz/fuzz_typo.c): texts whose second
 * pass changed something.  ts() checks that it does not, in every
 * language. */
static void
test_fuzz_found(void)
{
	static const char *const found_by_fuzz[] = {
		/* an opener between a digit and a letter, read back as an
		 * apostrophe: single marks are apostrophes alike */
		"«Das ist 26\" Monit 1‹gut›» - z. B.",
		"‚s Wetter ‹s ›s",
		/* quotes in what is no tag yet, but would be one */
		"\"k](h<b a=\"x\x02>inkxm, [link](h<b a=\"x\x02>",
		"'<a r=\" \x02\"\"\">'",
		"'<a f=\">\"\"\">'",
		"<b\"<b a=\"<\"2\"><b\"<\">\"",
		/* a title's quotes after "](" */
		"[](h \"\"`\")\"`\"",
		"[a](x \"t\"y\") \"b\"",
		/* a definition whose title is followed by text */
		"[']:2\n\"T\"d‘",
		/* "..." becomes "…": rules take them alike */
		"Uhr...0-1x.ch 10-12",
		"a...5 km ...z. B. ...14. September § 030 12-34",
		"§ 030 12-34 und +49 511 12-34",
		/* a minus before what r_range takes for a range */
		"(-110.-12. Mai",
		/* a word after an abbreviation's '.' (S. 12 in u.a.S. 12) */
		"\"E.i+49 ``.R. u.a.S. 12.-0 °C (-3 Grad km) 10 -.\nB",
		"u.a.S. 12",
	};
	size_t i;
	int lang;

	for (i = 0; i < sizeof(found_by_fuzz) / sizeof(found_by_fuzz[0]); i++)
		for (lang = DE; lang <= EN; lang++)
			(void)ts(lang, ALL, found_by_fuzz[i]);
	/* straight quotes a tag could reach stay; after it they pair */
	T_STREQ(ts(DE, Q, "<b a=\"x\"y> \"a\" <i b='c' \"d\"> \"e\""),
	    "<b a=\"x\"y> „a“ <i b='c' \"d\"> „e“");
	T_STREQ(ts(DE, Q, "[a](x \"t\"y) \"b\""), "[a](x \"t\"y) „b“");
	T_STREQ(ts(DE, Q, "a < b \"c\" 3<4 \"d\""), "a < b „c“ 3<4 „d“");
}

/*
 * A 1 MB paragraph of every rule's work, typeset well under a second
 * (also in the sanitizer build), twice the same.
 */
static void
test_big(void)
{
	static const char unit[] =
	    "\"Es freut mich\u201c, sagte sie - am 14. September von 10-12 "
	    "Uhr... 'Das ist's', z. B. 5 km  weit (www.x.de/a-b) `c`. ";
	size_t n = 1 << 20, k = sizeof(unit) - 1, i;
	char *s = malloc(n + 1);
	struct news_typo o = { DE, NEWS_NBSP_NORMAL, 0, 0 };
	struct ev_buf b = { 0 }, again = { 0 };
	clock_t t0;
	double secs;

	for (i = 0; i + k <= n; i += k)
		memcpy(s + i, unit, k);
	memset(s + i, 'x', n - i);
	t0 = clock();
	T_EQ(news_typeset(&o, s, n, &b, NULL, NULL), 0);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	T_OK(secs < 1.0);
	if (secs >= 1.0)
		fprintf(stderr, "1 MB: %.2f s\n", secs);
	T_EQ(news_typeset(&o, b.p, b.len, &again, NULL, NULL), 0);
	T_OK(b.len == again.len && memcmp(b.p, again.p, b.len) == 0);
	T_OK(b.len > n);
	/* hostile: one long run of each trigger */
	for (i = 0; i < 10; i++) {
		memset(s, "\"'- .'<]..-"[i], n);
		if (i == 8 || i == 9)
			for (k = 1; k < n; k += 2)
				s[k] = i == 8 ? 'z' : '1';
		if (i == 7)
			for (k = 1; k < n; k += 2)
				s[k] = '(';
		if (i == 5 || i == 6)
			for (k = i - 5; k + 1 < n; k += 2)
				s[k] = 'a';
		ev_buf_clear(&b);
		t0 = clock();
		T_EQ(news_typeset(&o, s, n, &b, NULL, NULL), 0);
		secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
		T_OK(secs < 1.0);
	}
	free(s);
	ev_buf_free(&b);
	ev_buf_free(&again);
}

static void
run(void)
{
	test_quotes_lang();
	test_quotes_mixed();
	test_quotes_nested();
	test_quotes_nest();
	test_quotes_para();
	test_quotes_context();
	test_quotes_protected();
	test_measures();
	test_apostrophe();
	test_unpaired();
	test_ellipsis();
	test_range();
	test_dash();
	test_minus();
	test_spaces();
	test_nbsp();
	test_abbr();
	test_article();
	test_invalid();
	test_defaults();
	test_fuzz_found();
	test_big();
	ev_buf_free(&found);
}
