/* util.c - memory that dies when it runs out, growable buffers, errors,
 * values shown in messages. */
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

/* Control bytes in a message (they come with the values it quotes) as
 * \t, \n, \r or \xNN: a message is one line of plain text. */
static void
err_escape(struct ev_err *e)
{
	char t[sizeof(e->msg)];
	size_t j = 0;
	const char *p;

	for (p = e->msg; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			break;
	if (*p == '\0')
		return;
	for (p = e->msg; *p != '\0' && j + 5 < sizeof(t); p++) {
		unsigned char c = (unsigned char)*p;

		if (c >= 0x20 && c != 0x7f)
			t[j++] = (char)c;
		else if (c == '\t' || c == '\n' || c == '\r') {
			t[j++] = '\\';
			t[j++] = c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
		} else
			j += (size_t)snprintf(t + j, sizeof(t) - j, "\\x%02X", c);
	}
	t[j] = '\0';
	memcpy(e->msg, t, j + 1);
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
	err_escape(e);
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

/*
 * A value in a message must not move the cursor, ring the bell or
 * confuse the terminal's decoder: control bytes and DEL come out as \t,
 * \n, \r or \xNN, bytes that are no UTF-8 as \xNN.  A backslash stays
 * itself (values quote iCalendar escapes such as \n as they are).
 */
void
ev_buf_addshow(struct ev_buf *b, const char *s, size_t n, size_t max)
{
	const char *p = s, *e, *q;
	unsigned char c;

	e = s + (n > max ? ev_utf8_cut(s, max > 3 ? max - 3 : 0) : n);
	while (p < e) {
		c = (unsigned char)*p;
		if (c >= 0x20 && c < 0x7f) {
			for (q = p + 1; q < e && (unsigned char)*q >= 0x20 &&
			    (unsigned char)*q < 0x7f; q++)
				;
			ev_buf_add(b, p, (size_t)(q - p));
			p = q;
		} else if (c == '\t' || c == '\n' || c == '\r') {
			ev_buf_addc(b, '\\');
			ev_buf_addc(b, c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
			p++;
		} else if (c >= 0x80 && (q = p, ev_utf8_next(&q,
		    (size_t)(e - p)) >= 0)) {
			ev_buf_add(b, p, (size_t)(q - p));
			p = q;
		} else {
			ev_buf_printf(b, "\\x%02X", c);
			p++;
		}
	}
	if (n > max)
		ev_buf_adds(b, "...");
}
