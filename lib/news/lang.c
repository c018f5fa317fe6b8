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
