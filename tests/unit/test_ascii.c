/* Unit tests: ascii.c and the inline classes of evkit.h */
#include <ctype.h>
#include <locale.h>

#include "evkit.h"
#include "t.h"

/* Every byte value and every negative char: as <ctype.h> in the "C"
 * locale for ASCII, in no class and without case above it. */
static void
test_classes(void)
{
	int bad = 0;

	setlocale(LC_CTYPE, "C");
	for (int c = -128; c < 256; c++) {
		int a = c >= 0 && c < 128;

		bad += ev_isdigit(c) != (a && isdigit(c) != 0);
		bad += ev_isalpha(c) != (a && isalpha(c) != 0);
		bad += ev_isalnum(c) != (a && isalnum(c) != 0);
		bad += ev_isupper(c) != (a && isupper(c) != 0);
		bad += ev_islower(c) != (a && islower(c) != 0);
		bad += ev_isspace(c) != (a && isspace(c) != 0);
		bad += ev_isblank(c) != (a && isblank(c) != 0);
		bad += ev_toupper(c) != (a ? toupper(c) : c);
		bad += ev_tolower(c) != (a ? tolower(c) : c);
	}
	T_EQ(bad, 0);
	/* Latin-1 "ä" is no letter here, whatever the locale */
	T_OK(!ev_isalpha(0xe4) && ev_toupper(0xe4) == 0xe4);
}

static void
test_caseeq(void)
{
	T_OK(ev_strcaseeq("", ""));
	T_OK(ev_strcaseeq("VEVENT", "vevent"));
	T_OK(ev_strcaseeq("X-Price", "x-PRICE"));
	T_OK(!ev_strcaseeq("VEVENT", "VEVENTS"));
	T_OK(!ev_strcaseeq("VEVENTS", "VEVENT"));
	T_OK(!ev_strcaseeq("a", ""));
	/* '@' and '`' are 0x20 apart like letters, but no letters */
	T_OK(!ev_strcaseeq("@", "`"));
	T_OK(!ev_strcaseeq("[", "{"));
	/* bytes above ASCII compare as they are */
	T_OK(ev_strcaseeq("\xc3\xa4" "b", "\xc3\xa4" "B"));
	T_OK(!ev_strcaseeq("\xc3\xa4", "\xc3\x84"));

	T_OK(ev_strncaseeq("BEGIN:VEVENT", "begin", 5));
	T_OK(ev_strncaseeq("abc", "ABD", 2));
	T_OK(!ev_strncaseeq("abc", "ABD", 3));
	T_OK(ev_strncaseeq("ab", "AB", 5));	/* both end before n */
	T_OK(!ev_strncaseeq("ab", "ABC", 5));
	T_OK(ev_strncaseeq("x", "y", 0));
}

static void
run(void)
{
	test_classes();
	test_caseeq();
}
