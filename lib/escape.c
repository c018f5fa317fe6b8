/*
 * escape.c - text into HTML, XML and JSON, once for every writer.
 *
 * Each function appends s escaped to b.  XML and JSON come out valid
 * UTF-8 whatever s holds (a byte that starts no character becomes
 * U+FFFD); HTML escaping touches the five markup characters only.
 */
#include <stdint.h>

#include "evkit.h"

#define REPLACEMENT	"\xef\xbf\xbd"	/* U+FFFD in UTF-8 */

void
ev_html_escape(const char *s, struct ev_buf *b)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': ev_buf_add(b, "&amp;", 5); break;
		case '<': ev_buf_add(b, "&lt;", 4); break;
		case '>': ev_buf_add(b, "&gt;", 4); break;
		case '"': ev_buf_add(b, "&quot;", 6); break;
		case '\'': ev_buf_add(b, "&#39;", 5); break;
		default: ev_buf_addc(b, *s); break;
		}
	}
}

/* The entity for an XML markup character, or NULL. */
static const char *
xml_entity(int c)
{
	switch (c) {
	case '&':	return "&amp;";
	case '<':	return "&lt;";
	case '>':	return "&gt;";
	case '"':	return "&quot;";
	case '\'':	return "&apos;";
	/* a parser reads a raw CR (and CRLF) as LF: keep it */
	case '\r':	return "&#13;";
	default:	return NULL;
	}
}

/*
 * XML 1.0 allows TAB, LF, CR and U+0020 up but for surrogates, U+FFFE
 * and U+FFFF (2.2 Char).  The control characters it leaves out carry
 * nothing a reader can see (a form feed pasted from a word processor):
 * they are dropped, not replaced.
 */
void
ev_xml_escape(const char *s, struct ev_buf *b)
{
	const char *p = s, *q, *ent;
	int32_t cp;

	while (*p != '\0') {
		unsigned char c = (unsigned char)*p;

		if ((ent = xml_entity(c)) != NULL) {
			ev_buf_adds(b, ent);
			p++;
		} else if (c < 0x20 && c != '\t' && c != '\n') {
			p++;
		} else if (c < 0x80) {
			ev_buf_addc(b, c);
			p++;
		} else {
			q = p;
			cp = ev_utf8_next(&q, SIZE_MAX);
			if (cp < 0)
				ev_buf_adds(b, REPLACEMENT);
			else if (cp != 0xfffe && cp != 0xffff)
				ev_buf_add(b, p, (size_t)(q - p));
			p = q;
		}
	}
}

/* A byte that a JSON string cannot hold as it is: its escape. */
static void
json_escape(unsigned char c, struct ev_buf *b)
{
	switch (c) {
	case '"':	ev_buf_add(b, "\\\"", 2); break;
	case '\\':	ev_buf_add(b, "\\\\", 2); break;
	case '\n':	ev_buf_add(b, "\\n", 2); break;
	case '\t':	ev_buf_add(b, "\\t", 2); break;
	case '\r':	ev_buf_add(b, "\\r", 2); break;
	default:
		if (c < 0x20 || c == 0x7f)
			ev_buf_printf(b, "\\u%04x", c);
		else
			ev_buf_adds(b, REPLACEMENT);	/* no UTF-8 */
		break;
	}
}

/*
 * Runs of bytes that need nothing (printable ASCII, valid characters)
 * are appended at once: every field of every event passes here.
 */
void
ev_json_string(const char *s, struct ev_buf *b)
{
	const char *run = s, *p = s, *q;
	unsigned char c;

	ev_buf_addc(b, '"');
	for (;;) {
		c = (unsigned char)*p;
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
			p++;
			continue;
		}
		if (c >= 0x80) {
			q = p;
			if (ev_utf8_next(&q, SIZE_MAX) >= 0) {
				p = q;
				continue;
			}
		}
		ev_buf_add(b, run, (size_t)(p - run));
		if (c == '\0')
			break;
		json_escape(c, b);
		run = ++p;
	}
	ev_buf_addc(b, '"');
}
