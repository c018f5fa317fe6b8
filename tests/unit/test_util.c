/* Unit tests: util.c (values shown in messages) */
#include <stdint.h>
#include <string.h>

#include "evkit.h"
#include "t.h"

static const char *
show(const char *s, size_t n, size_t max)
{
	static struct ev_buf b;

	ev_buf_clear(&b);
	ev_buf_addshow(&b, s, n, max);
	return b.p != NULL ? b.p : "";
}

static void
test_show(void)
{
	T_STREQ(show("plain", 5, SIZE_MAX), "plain");
	T_STREQ(show("Stra\xc3\x9f" "e", 7, SIZE_MAX), "Stra\xc3\x9f" "e");
	T_STREQ(show("a\tb\nc\rd", 7, SIZE_MAX), "a\\tb\\nc\\rd");
	T_STREQ(show("\x1b[31mred", 8, SIZE_MAX), "\\x1B[31mred");
	T_STREQ(show("nul\0x", 5, SIZE_MAX), "nul\\x00x");
	T_STREQ(show("del\x7f", 4, SIZE_MAX), "del\\x7F");
	T_STREQ(show("bad \xff\xc3", 6, SIZE_MAX), "bad \\xFF\\xC3");
	/* a backslash stays: values quote iCalendar escapes as they are */
	T_STREQ(show("a\\nb", 4, SIZE_MAX), "a\\nb");
	/* showing what is shown changes nothing */
	T_STREQ(show("a\\x01b", 6, SIZE_MAX), "a\\x01b");
	/* cut between characters, "..." after */
	T_STREQ(show("abcdefgh", 8, 6), "abc...");
	T_STREQ(show("ab\xc3\xbc" "cdef", 8, 6), "ab...");
	T_STREQ(show("abcdef", 6, 6), "abcdef");
}

static void
run(void)
{
	test_show();
}
