/* Unit tests: escape.c (HTML, XML, JSON) */
#include <stdlib.h>

#include "evkit.h"
#include "t.h"

static char out[512];

/* s through fn, as a string that lives until the next call. */
static const char *
esc(void (*fn)(const char *, struct ev_buf *), const char *s)
{
	struct ev_buf b = {0};

	ev_buf_adds(&b, "");
	fn(s, &b);
	snprintf(out, sizeof(out), "%s", b.p);
	ev_buf_free(&b);
	return out;
}

static void
test_html(void)
{
	T_STREQ(esc(ev_html_escape, ""), "");
	T_STREQ(esc(ev_html_escape, "Kinder & Jugend"), "Kinder &amp; Jugend");
	T_STREQ(esc(ev_html_escape, "<b class=\"x\">it's</b>"),
	    "&lt;b class=&quot;x&quot;&gt;it&#39;s&lt;/b&gt;");
	/* nothing else is touched, not even bytes that are no UTF-8 */
	T_STREQ(esc(ev_html_escape, "M\xc3\xa4rz\t\x01\xff"),
	    "M\xc3\xa4rz\t\x01\xff");
}

static void
test_xml(void)
{
	T_STREQ(esc(ev_xml_escape, ""), "");
	T_STREQ(esc(ev_xml_escape, "a & b < c > d \"e\" 'f'"),
	    "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
	T_STREQ(esc(ev_xml_escape, "]]>"), "]]&gt;");
	T_STREQ(esc(ev_xml_escape, "M\xc3\xa4rz \xe2\x82\xac \xf0\x9f\x8e\xb5"),
	    "M\xc3\xa4rz \xe2\x82\xac \xf0\x9f\x8e\xb5");
	/* TAB and LF as they are, CR kept as a reference */
	T_STREQ(esc(ev_xml_escape, "a\tb\nc\r\nd"), "a\tb\nc&#13;\nd");
	/* not XML 1.0 characters: dropped */
	T_STREQ(esc(ev_xml_escape, "a\x01\x08\x0b\x0c\x1f" "b"), "ab");
	T_STREQ(esc(ev_xml_escape, "a\xef\xbf\xbe\xef\xbf\xbf" "b"), "ab");
	/* allowed though discouraged: DEL, C1, U+FFFD */
	T_STREQ(esc(ev_xml_escape, "\x7f\xc2\x85\xef\xbf\xbd"),
	    "\x7f\xc2\x85\xef\xbf\xbd");
	/* no UTF-8: U+FFFD per bad byte */
	T_STREQ(esc(ev_xml_escape, "M\xe4rz"), "M\xef\xbf\xbdrz");
	T_STREQ(esc(ev_xml_escape, "\xed\xa0\x80"),
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	T_STREQ(esc(ev_xml_escape, "x\xe2\x82"), "x\xef\xbf\xbd\xef\xbf\xbd");
}

static void
test_json(void)
{
	T_STREQ(esc(ev_json_string, ""), "\"\"");
	T_STREQ(esc(ev_json_string, "Konzert"), "\"Konzert\"");
	T_STREQ(esc(ev_json_string, "say \"hi\" \\ bye"),
	    "\"say \\\"hi\\\" \\\\ bye\"");
	T_STREQ(esc(ev_json_string, "a\nb\tc\rd"), "\"a\\nb\\tc\\rd\"");
	T_STREQ(esc(ev_json_string, "\x01\x1f\x7f/"),
	    "\"\\u0001\\u001f\\u007f/\"");
	T_STREQ(esc(ev_json_string, "M\xc3\xa4rz \xf0\x9f\x8e\xb5"),
	    "\"M\xc3\xa4rz \xf0\x9f\x8e\xb5\"");
	/* a bad byte: U+FFFD, and the next byte starts afresh */
	T_STREQ(esc(ev_json_string, "M\xe4rz"), "\"M\xef\xbf\xbdrz\"");
	T_STREQ(esc(ev_json_string, "\xc0\x80"),
	    "\"\xef\xbf\xbd\xef\xbf\xbd\"");
	T_STREQ(esc(ev_json_string, "\xc3\""), "\"\xef\xbf\xbd\\\"\"");
	T_STREQ(esc(ev_json_string, "ab\xe2\x82"),
	    "\"ab\xef\xbf\xbd\xef\xbf\xbd\"");
	/* U+2028 is valid JSON: it passes */
	T_STREQ(esc(ev_json_string, "\xe2\x80\xa8"), "\"\xe2\x80\xa8\"");
}

static void
run(void)
{
	test_html();
	test_xml();
	test_json();
}
