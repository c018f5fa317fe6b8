/* lang.c - the languages of articles: names, the locale's. */
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

/* s is lang ("de"), alone or followed by '-', '_', '.' or '@'. */
static int
is_lang(const char *s, const char *lang)
{
	size_t n = strlen(lang);

	return ev_strncaseeq(s, lang, n) && (s[n] == '\0' || s[n] == '-' ||
	    s[n] == '_' || s[n] == '.' || s[n] == '@');
}

int
news_lang_parse(const char *s, enum news_lang *l)
{
	if (s == NULL)
		return -1;
	if (is_lang(s, "de")) {
		*l = s[2] != '\0' && s[2] != '.' && s[2] != '@' &&
		    ev_strncaseeq(s + 3, "ch", 2) ? NEWS_LANG_DE_CH :
		    NEWS_LANG_DE;
		return 0;
	}
	if (is_lang(s, "en")) {
		*l = NEWS_LANG_EN;
		return 0;
	}
	return -1;
}

enum news_lang
news_lang_from_env(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_TIME", "LANG" };
	enum news_lang l;

	for (size_t i = 0; i < NELEM(vars); i++) {
		const char *v = getenv(vars[i]);

		if (v == NULL || *v == '\0')
			continue;
		if (news_lang_parse(v, &l) == 0)
			return l;
		return NEWS_LANG_EN;	/* "C", "POSIX", "fr_FR", ... */
	}
	return NEWS_LANG_EN;
}

const char *
news_lang_name(enum news_lang l)
{
	switch (l) {
	case NEWS_LANG_DE: return "de";
	case NEWS_LANG_DE_CH: return "de-CH";
	case NEWS_LANG_EN: return "en";
	}
	return NULL;
}

/*
 * Words that end in '.' without ending a sentence, German and English,
 * as written (single letters and "z.B"-like ones are abbreviations by
 * their shape, which the callers see): one list for the lint's
 * sentences and the teaser's cut, so both agree.
 */
static const char *const abbrevs[] = {
	"Abb", "Abs", "Abt", "allg", "approx", "Apr", "Art", "Aug",
	"Bd", "bspw", "bzgl", "bzw", "ca", "Chr", "Co", "Corp", "Dec",
	"Dez", "dgl", "Di", "Dipl", "Do", "Dr", "ebd", "ehem", "etc",
	"evang", "evtl", "Fa", "Feb", "ff", "Fr", "geb", "gegr", "gem",
	"gest", "ggf", "ggü", "Hbf", "Hg", "Hl", "hl", "Hr", "Hrsg",
	"i", "Inc", "Ing", "inkl", "Jan", "Jh", "Jhd", "Jr", "jr",
	"Kap", "kath", "Kl", "lt", "Ltd", "max", "med", "Mi", "Min",
	"min", "Mio", "Mo", "Mr", "Mrd", "Mrs", "Ms", "Mt", "No", "no",
	"Nov", "Nr", "Oct", "Okt", "phil", "Pkt", "Pl", "Prof", "rd",
	"rer", "Sa", "sen", "Sep", "Sept", "So", "sog", "Sr", "St",
	"Std", "stellv", "Str", "Tel", "Tsd", "usw", "verh", "vgl",
	"Vors", "vs", "zB", "zzgl",
};

int
news_abbrev_word(const char *w, size_t n)
{
	for (size_t i = 0; i < NELEM(abbrevs); i++)
		if (strlen(abbrevs[i]) == n && memcmp(abbrevs[i], w, n) == 0)
			return 1;
	return 0;
}
