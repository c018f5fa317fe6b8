/* diag.c - one diagnostic voice for the tools: "prog: message". */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit.h"

static const char *progname = "evkit";

void
ev_setprogname(const char *argv0)
{
	const char *p = strrchr(argv0, '/');

	progname = p ? p + 1 : argv0;
}

const char *
ev_getprogname(void)
{
	return progname;
}

/* No control bytes, all UTF-8: shown as it is. */
static int
clean(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return ev_utf8_valid(s, n);
}

/*
 * Every message passes ev_buf_addshow: a value quoted from a feed or a
 * command line shows its control bytes escaped, never raw.
 */
static void
vwarn(const char *fmt, va_list ap)
{
	int saved = errno, len;
	size_t n = strlen(fmt);
	struct ev_buf b = {0};
	char small[512], *m = small, *m2 = NULL;
	va_list aq;

	va_copy(aq, ap);
	len = vsnprintf(small, sizeof(small), fmt, aq);
	va_end(aq);
	if (len < 0)
		len = 0;
	if ((size_t)len >= sizeof(small)) {
		/* not ev_emalloc: running out of memory ends here */
		if ((m = malloc((size_t)len + 1)) != NULL)
			vsnprintf(m, (size_t)len + 1, fmt, ap);
		else {
			m = small;
			len = (int)sizeof(small) - 1;
		}
	}
	/* most messages are clean and need no memory: out of memory is
	 * reported without any */
	if (!clean(m, (size_t)len)) {
		ev_buf_addshow(&b, m, (size_t)len, SIZE_MAX);
		m2 = b.p;
	}
	fprintf(stderr, "%s: %s", progname, m2 != NULL ? m2 : m);
	if (n > 0 && fmt[n - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
	if (m != small)
		free(m);
	ev_buf_free(&b);
}

void
ev_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void
ev_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(status);
}
