/* util.c - memory that dies when it runs out, growable buffers, errors. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit.h"

/* In the tool's voice; ev_die's exit also removes an --output
 * temporary file (atomic.c). */
static _Noreturn void
oom(void)
{
	ev_die(EV_EXIT_ERROR, "out of memory");
}

void *
ev_emalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
ev_ecalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
ev_erealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
ev_ereallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		oom();
	return ev_erealloc(p, n * size);
}

char *
ev_estrdup(const char *s)
{
	return ev_estrndup(s, strlen(s));
}

char *
ev_estrndup(const char *s, size_t n)
{
	char *p = ev_emalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
ev_buf_reserve(struct ev_buf *b, size_t more)
{
	size_t cap;

	if (more > SIZE_MAX - b->len - 1)
		oom();
	if (b->len + more + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < b->len + more + 1) {
		if (cap > SIZE_MAX / 2)
			oom();
		cap *= 2;
	}
	b->p = ev_erealloc(b->p, cap);
	b->cap = cap;
	b->p[b->len] = '\0';	/* a new buffer is an empty string */
}

void
ev_buf_add(struct ev_buf *b, const void *s, size_t n)
{
	ev_buf_reserve(b, n);
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
ev_buf_adds(struct ev_buf *b, const char *s)
{
	ev_buf_add(b, s, strlen(s));
}

void
ev_buf_printf(struct ev_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	ev_buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
ev_buf_clear(struct ev_buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

void
ev_buf_free(struct ev_buf *b)
{
	if (b == NULL)
		return;
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

static void
err_vset(struct ev_err *e, const char *file, unsigned long line,
    unsigned long col, const char *fmt, va_list ap)
{
	size_t n = 0;

	e->msg[0] = '\0';
	if (file != NULL && line > 0 && col > 0)
		n = (size_t)snprintf(e->msg, sizeof(e->msg), "%s:%lu:%lu: ",
		    file, line, col);
	else if (file != NULL && line > 0)
		n = (size_t)snprintf(e->msg, sizeof(e->msg), "%s:%lu: ", file, line);
	else if (file != NULL)
		n = (size_t)snprintf(e->msg, sizeof(e->msg), "%s: ", file);
	if (n >= sizeof(e->msg))
		n = sizeof(e->msg) - 1;
	vsnprintf(e->msg + n, sizeof(e->msg) - n, fmt, ap);
}

void
ev_err_set(struct ev_err *e, const char *file, unsigned long line,
    const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return;
	va_start(ap, fmt);
	err_vset(e, file, line, 0, fmt, ap);
	va_end(ap);
}

void
ev_err_setc(struct ev_err *e, const char *file, unsigned long line,
    unsigned long col, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return;
	va_start(ap, fmt);
	err_vset(e, file, line, col, fmt, ap);
	va_end(ap);
}

/* Equal bytes, or the same ASCII letter in either case. */
#define SAMECASE(x, y) ((x) == (y) || \
	(((x) | 0x20) == ((y) | 0x20) && ((x) | 0x20) >= 'a' && ((x) | 0x20) <= 'z'))

int
ev_strcaseeq(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	for (; SAMECASE(*x, *y); x++, y++)
		if (*x == '\0')
			return 1;
	return 0;
}

int
ev_strncaseeq(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	for (; n > 0; n--, x++, y++) {
		if (!SAMECASE(*x, *y))
			return 0;
		if (*x == '\0')
			return 1;
	}
	return 1;
}

/* Strict UTF-8: no overlongs, no surrogates, nothing above U+10FFFF. */
int
ev_utf8_valid(const char *s, size_t n)
{
	return ev_utf8_invalid(s, n) == n;
}

size_t
ev_utf8_invalid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;

	while (p < e) {
		unsigned c = *p;
		size_t k;
		unsigned cp, min;

		if (c < 0x80) {
			/* ASCII runs are the common case: skip 8 at a time */
			while (e - p >= 8) {
				uint64_t w;

				memcpy(&w, p, 8);
				if (w & UINT64_C(0x8080808080808080))
					break;
				p += 8;
			}
			while (p < e && *p < 0x80)
				p++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			k = 1, cp = c & 0x1f, min = 0x80;
		else if (c >= 0xe0 && c <= 0xef)
			k = 2, cp = c & 0x0f, min = 0x800;
		else if (c >= 0xf0 && c <= 0xf4)
			k = 3, cp = c & 0x07, min = 0x10000;
		else
			break;
		if ((size_t)(e - p) <= k)
			break;
		for (size_t i = 1; i <= k; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return (size_t)(p - (const unsigned char *)s);
			cp = cp << 6 | (p[i] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			break;
		p += k + 1;
	}
	return (size_t)(p - (const unsigned char *)s);
}

size_t
ev_utf8_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* JSON string: valid UTF-8 out, whatever came in (bad bytes: U+FFFD). */
void
ev_json_escape(const char *s, struct ev_buf *b)
{
	const unsigned char *p = (const unsigned char *)s;

	ev_buf_addc(b, '"');
	while (*p) {
		size_t k;

		if (*p == '"' || *p == '\\') {
			ev_buf_addc(b, '\\');
			ev_buf_addc(b, *p++);
		} else if (*p == '\n') {
			ev_buf_add(b, "\\n", 2), p++;
		} else if (*p == '\t') {
			ev_buf_add(b, "\\t", 2), p++;
		} else if (*p == '\r') {
			ev_buf_add(b, "\\r", 2), p++;
		} else if (*p < 0x20 || *p == 0x7f) {
			ev_buf_printf(b, "\\u%04x", *p++);
		} else if (*p < 0x80) {
			ev_buf_addc(b, *p++);
		} else {
			k = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : 2;
			if (strnlen((const char *)p, k) == k &&
			    ev_utf8_valid((const char *)p, k)) {
				ev_buf_add(b, p, k);
				p += k;
			} else {
				ev_buf_adds(b, "\xef\xbf\xbd");
				p++;
			}
		}
	}
	ev_buf_addc(b, '"');
}

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
