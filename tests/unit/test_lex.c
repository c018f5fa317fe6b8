/* Unit tests: lex.c (content lines: unfolding, splitting, line numbers) */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "evkit_priv.h"
#include "t.h"

/* The parts of a line as strings, for comparing. */
static char name[256], params[4096], value[1 << 16];

static void
parts(const struct ev_line *l)
{
	size_t n;

	n = l->namelen < sizeof(name) ? l->namelen : sizeof(name) - 1;
	memcpy(name, l->line, n);
	name[n] = '\0';
	params[0] = '\0';
	if (l->params) {
		n = l->value - 1 - l->params;
		n = n < sizeof(params) ? n : sizeof(params) - 1;
		memcpy(params, l->line + l->params, n);
		params[n] = '\0';
	}
	n = l->len - l->value;
	n = n < sizeof(value) ? n : sizeof(value) - 1;
	memcpy(value, l->line + l->value, n);
	value[n] = '\0';
}

static int
next(struct ev_lex *lex, struct ev_line *l)
{
	int r = ev_lex_next(lex, l);

	if (r == 1)
		parts(l);
	return r;
}

static void
basic_crlf(void)
{
	const char *s = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "PRODID:-//ABC Corporation//NONSGML My Product//EN\r\n";
	struct ev_lex lex;
	struct ev_line l;

	ev_lex_init_mem(&lex, s, strlen(s));
	T_EQ(next(&lex, &l), 1);
	T_STREQ(l.line, "BEGIN:VCALENDAR");
	T_STREQ(name, "BEGIN");
	T_STREQ(value, "VCALENDAR");
	T_EQ(l.params, 0);
	T_EQ(l.lineno, 1);
	T_OK(l.raw == s + 0 || memcmp(l.raw, "BEGIN:VCALENDAR", 15) == 0);
	T_EQ(l.rawlen, 17);
	T_EQ(next(&lex, &l), 1);
	T_STREQ(name, "VERSION");
	T_STREQ(value, "2.0");
	T_EQ(l.len, 11);
	T_EQ(l.rawlen, 13);
	T_EQ(l.lineno, 2);
	T_EQ(next(&lex, &l), 1);
	T_STREQ(value, "-//ABC Corporation//NONSGML My Product//EN");
	T_EQ(l.lineno, 3);
	T_EQ(next(&lex, &l), 0);
	T_EQ(next(&lex, &l), 0);	/* end stays end */
	ev_lex_free(&lex);
	ev_lex_free(&lex);		/* harmless twice */
}

/* LF only, a mix, a last line without line end, empty lines counted. */
static void
line_ends(void)
{
	const char *s = "BEGIN:VEVENT\n\r\nUID:1@example.com\r\n\n\n"
	    "SUMMARY:Lesung\nEND:VEVENT";
	struct ev_lex lex;
	struct ev_line l;

	ev_lex_init_mem(&lex, s, strlen(s));
	T_EQ(next(&lex, &l), 1);
	T_STREQ(l.line, "BEGIN:VEVENT");
	T_EQ(l.rawlen, 13);
	T_EQ(l.lineno, 1);
	T_EQ(next(&lex, &l), 1);
	T_STREQ(value, "1@example.com");
	T_EQ(l.lineno, 3);
	T_EQ(l.rawlen, 19);
	T_EQ(next(&lex, &l), 1);
	T_STREQ(l.line, "SUMMARY:Lesung");
	T_EQ(l.lineno, 6);
	T_EQ(next(&lex, &l), 1);
	T_STREQ(l.line, "END:VEVENT");
	T_EQ(l.rawlen, 10);
	T_EQ(l.lineno, 7);
	T_EQ(next(&lex, &l), 0);
	ev_lex_free(&lex);

	/* a CR at the very end is a line end too */
	ev_lex_init_mem(&lex, "END:VCALENDAR\r", 14);
	T_EQ(next(&lex, &l), 1);
	T_STREQ(l.line, "END:VCALENDAR");
	T_EQ(l.rawlen, 14);
	T_OK(memcmp(l.raw, "END:VCALENDAR\r", 14) == 0);
	T_EQ(next(&lex, &l), 0);
	ev_lex_free(&lex);

	/* nothing at all, only empty lines */
	ev_lex_init_mem(&lex, "", 0);
	T_EQ(next(&lex, &l), 0);
	ev_lex_free(&lex);
	ev_lex_init_mem(&lex, "\r\n\n\r\n", 5);
	T_EQ(next(&lex, &l), 0);
	T_EQ(lex.lineno, 4);
	ev_lex_free(&lex);
}

static void
bom(void)
{
	const char *s = "\xef\xbb\xbf" "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
	struct ev_lex lex;
	struct ev_line l;
	const char *p;
	size_t n;

	ev_lex_init_mem(&lex, s, strlen(s));
	T_EQ(next(&lex, &l), 1);
	T_STREQ(name, "BEGIN");
	T_EQ(l.lineno, 1);
	T_EQ(l.rawlen, 17);
	T_OK(memcmp(l.raw, "BEGIN:", 6) == 0);
	ev_lex_free(&lex);

	/* physline and fill drop it too; a BOM later is content */
	s = "\xef\xbb\xbf" "uid,start\r\n\xef\xbb\xbfx,y\n";
	ev_lex_init_mem(&lex, s, strlen(s));
	T_EQ(ev_lex_fill(&lex), 0);
	T_EQ(lex.len - lex.off, strlen(s) - 3);
	T_OK(memcmp(lex.buf + lex.off, "uid,", 4) == 0);
	T_EQ(ev_lex_physline(&lex, &p, &n), 1);
	T_EQ(n, 11);
	T_OK(memcmp(p, "uid,start\r\n", 11) == 0);
	T_EQ(ev_lex_physline(&lex, &p, &n), 1);
	T_EQ(n, 7);
	T_OK(memcmp(p, "\xef\xbb\xbfx,y\n", 7) == 0);
	ev_lex_free(&lex);

	/* a lone BOM, a short input */
	ev_lex_init_mem(&lex, "\xef\xbb\xbf", 3);
	T_EQ(next(&lex, &l), 0);
	ev_lex_free(&lex);
	ev_lex_init_mem(&lex, "\xef\xbb", 2);
	T_EQ(next(&lex, &l), -1);
	ev_lex_free(&lex);
}

/* RFC 5545 3.1: unfold bytes, so "ü" (C3 BC) split by a fold is whole. */
static void
folding(void)
{
	const char *s = "SUMMARY:Gr\xc3\r\n \xbc\xc3\x9f" "e aus M\xc3\xbc\r\n"
	    "\tnchen\r\nDESCRIPTION:This is a lo\r\n ng description\r\n  that "
	    "exists on a long line.\nLOCATION:Rathaus\n";
	struct ev_lex lex;
	struct ev_line l;

	ev_lex_init_mem(&lex, s, strlen(s));
	T_EQ(next(&lex, &l), 1);
	T_STREQ(value, "Gr\xc3\xbc\xc3\x9f" "e aus M\xc3\xbcnchen");
	T_STREQ(l.line, "SUMMARY:Gr\xc3\xbc\xc3\x9f" "e aus M\xc3\xbcnchen");
	T_EQ(l.len, strlen(l.line));
	T_OK(ev_utf8_valid(l.line, l.len));
	T_EQ(l.lineno, 1);
	T_EQ(l.rawlen, 36);
	T_OK(memcmp(l.raw, s, 36) == 0);	/* raw keeps the folds */
	T_EQ(next(&lex, &l), 1);
	T_STREQ(value, "This is a long description that exists on a long line.");
	T_EQ(l.lineno, 4);
	T_EQ(next(&lex, &l), 1);
	T_STREQ(l.line, "LOCATION:Rathaus");
	T_EQ(l.lineno, 7);
	T_EQ(next(&lex, &l), 0);
	ev_lex_free(&lex);

	/* a fold in the name and in the params; END:VEVENT is complete at
	 * its line end (never folded), the blank line after it is skipped */
	s = "DTST\r\n ART;TZID=Europe/Be\r\n rlin:20161224T180000\r\nEND:VEVENT\r\n \r\n";
	ev_lex_init_mem(&lex, s, strlen(s));
	T_EQ(next(&lex, &l), 1);
	T_STREQ(name, "DTSTART");
	T_STREQ(params, "TZID=Europe/Berlin");
	T_STREQ(value, "20161224T180000");
	T_EQ(next(&lex, &l), 1);
	T_STREQ(l.line, "END:VEVENT");
	T_EQ(l.lineno, 4);
	T_EQ(l.rawlen, 12);
	T_EQ(next(&lex, &l), 0);
	ev_lex_free(&lex);

	/* an empty line is not folded onto; a whitespace line alone is blank */
	s = "X-A:1\r\n\r\n \r\nX-B:2\r\n";
	ev_lex_init_mem(&lex, s, strlen(s));
	T_EQ(next(&lex, &l), 1);
	T_STREQ(l.line, "X-A:1");
	T_EQ(next(&lex, &l), 1);
	T_STREQ(l.line, "X-B:2");
	T_EQ(l.lineno, 4);
	ev_lex_free(&lex);
}

/* Parameters: quoted values hide ':' and ';'; escapes stay raw. */
static void
splitting(void)
{
	const char *s =
	    "DESCRIPTION;ALTREP=\"cid:part1.0001@example.org\":The Fall'98 Wild\r\n"
	    "  Wizards Conference - - Las Vegas\\, NV\\, USA\r\n"
	    "ATTENDEE;CN=\"Doe; John: Jr.\";ROLE=REQ-PARTICIPANT:mailto:jdoe@example.com\r\n"
	    "LOCATION;ALTREP=\"http://x;y:z\":Saal 1\r\n"
	    "DESCRIPTION:Eintritt frei\\; Anmeldung: \\\"nein\\\"\\nGruppen\\, Schulen \\\\ Kitas\r\n"
	    "X-EMPTY:\r\n"
	    "x-lower;x-p=1;x-q=2:v\r\n"
	    "SUMMARY;LANGUAGE=de;:Fest\r\n";
	struct ev_lex lex;
	struct ev_line l;

	ev_lex_init_mem(&lex, s, strlen(s));
	T_EQ(next(&lex, &l), 1);
	T_STREQ(name, "DESCRIPTION");
	T_STREQ(params, "ALTREP=\"cid:part1.0001@example.org\"");
	T_STREQ(value, "The Fall'98 Wild Wizards Conference - - Las Vegas\\, NV\\, USA");
	T_EQ(l.params, 12);
	T_EQ(next(&lex, &l), 1);
	T_STREQ(name, "ATTENDEE");
	T_STREQ(params, "CN=\"Doe; John: Jr.\";ROLE=REQ-PARTICIPANT");
	T_STREQ(value, "mailto:jdoe@example.com");
	T_EQ(l.lineno, 3);
	T_EQ(next(&lex, &l), 1);
	T_STREQ(params, "ALTREP=\"http://x;y:z\"");
	T_STREQ(value, "Saal 1");
	T_EQ(next(&lex, &l), 1);
	T_STREQ(value, "Eintritt frei\\; Anmeldung: \\\"nein\\\"\\nGruppen\\, Schulen \\\\ Kitas");
	T_EQ(next(&lex, &l), 1);
	T_STREQ(name, "X-EMPTY");
	T_STREQ(value, "");
	T_EQ(next(&lex, &l), 1);
	T_STREQ(name, "x-lower");
	T_STREQ(params, "x-p=1;x-q=2");
	T_EQ(next(&lex, &l), 1);
	T_STREQ(params, "LANGUAGE=de;");
	T_STREQ(value, "Fest");
	T_EQ(next(&lex, &l), 0);
	ev_lex_free(&lex);
}

/* Malformed lines: -1 with their line number; reading goes on. */
static void
malformed(void)
{
	const char *s = "BEGIN:VEVENT\r\n"
	    "this line has no colon\r\n"
	    ":no name\r\n"
	    "Hello world: not a name\r\n"
	    "SUMMARY;ALTREP=\"unclosed:quote\r\n"
	    " folded garbage\r\n"
	    "\r\n"
	    "  leading:space\r\n"
	    "SUMMARY:ok\r\n";
	struct ev_lex lex;
	struct ev_line l;

	ev_lex_init_mem(&lex, s, strlen(s));
	T_EQ(next(&lex, &l), 1);
	T_EQ(next(&lex, &l), -1);
	T_EQ(l.lineno, 2);
	T_EQ(next(&lex, &l), -1);
	T_EQ(l.lineno, 3);
	T_EQ(next(&lex, &l), -1);
	T_EQ(l.lineno, 4);
	T_EQ(next(&lex, &l), -1);
	T_EQ(l.lineno, 5);
	T_EQ(l.rawlen, 32 + 17);
	T_EQ(next(&lex, &l), -1);
	T_EQ(l.lineno, 8);
	T_EQ(next(&lex, &l), 1);
	T_STREQ(value, "ok");
	T_EQ(l.lineno, 9);
	T_EQ(next(&lex, &l), 0);
	ev_lex_free(&lex);
}

/* A temporary file holding s[0..n), open for reading. */
static int
tmpfd(const char *s, size_t n)
{
	char path[] = "/tmp/test_lex.XXXXXX";
	int fd = mkstemp(path);

	if (fd < 0)
		return -1;
	unlink(path);
	if (write(fd, s, n) != (ssize_t)n || lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* A pipe fed by a child in small writes, so reads come back short. */
static int
pipefd(const char *s, size_t n, pid_t *pid)
{
	int p[2];
	size_t k;

	if (pipe(p) < 0)
		return -1;
	if ((*pid = fork()) == 0) {
		close(p[0]);
		for (; n > 0; s += k, n -= k) {
			k = n < 1000 ? n : 1000;
			if (write(p[1], s, k) != (ssize_t)k)
				_exit(1);
		}
		_exit(0);
	}
	close(p[1]);
	return p[0];
}

/*
 * Input with lines much longer than a read chunk: one 300 000-byte value
 * unfolded, the same folded every 75 octets with CRLF, then many short
 * lines; the value is checked byte for byte.
 */
static char *
bigdoc(size_t *np, char **valp, size_t *vlen)
{
	struct ev_buf b = {0};
	size_t i, n = 300000;
	char *v = ev_emalloc(n + 1);

	for (i = 0; i < n; i++)
		v[i] = (char)('a' + i % 26);
	for (i = 0; i < n; i += 997)
		memcpy(v + i, "\xc3\xbc", i + 2 <= n ? 2 : 0);	/* ü */
	v[n] = '\0';
	ev_buf_adds(&b, "BEGIN:VEVENT\r\nDESCRIPTION:");
	ev_buf_add(&b, v, n);
	ev_buf_adds(&b, "\r\nX-FOLDED;X-P=\"a:b\":");
	for (i = 0; i < n; i += 74) {
		if (i > 0)
			ev_buf_adds(&b, "\r\n ");
		ev_buf_add(&b, v + i, n - i < 74 ? n - i : 74);
	}
	ev_buf_adds(&b, "\r\n");
	for (i = 0; i < 20000; i++)
		ev_buf_printf(&b, "X-N:%zu\n", i);
	ev_buf_adds(&b, "END:VEVENT");
	*np = b.len;
	*valp = v;
	*vlen = n;
	return b.p;
}

static void
bigcheck(struct ev_lex *lex, const char *v, size_t vlen)
{
	struct ev_line l;
	size_t i;
	int ok = 1;

	T_EQ(next(lex, &l), 1);
	T_STREQ(l.line, "BEGIN:VEVENT");
	T_EQ(next(lex, &l), 1);
	T_STREQ(name, "DESCRIPTION");
	T_EQ(l.len - l.value, vlen);
	T_OK(memcmp(l.line + l.value, v, vlen) == 0);
	T_EQ(l.rawlen, 12 + vlen + 2);
	T_EQ(l.lineno, 2);
	T_EQ(next(lex, &l), 1);
	T_STREQ(name, "X-FOLDED");
	T_STREQ(params, "X-P=\"a:b\"");
	T_EQ(l.len - l.value, vlen);
	T_OK(memcmp(l.line + l.value, v, vlen) == 0);
	T_EQ(l.lineno, 3);
	for (i = 0; i < 20000 && ok; i++) {
		char want[32];

		snprintf(want, sizeof(want), "%zu", i);
		ok = next(lex, &l) == 1 && strcmp(value, want) == 0 &&
		    l.lineno == 3 + (vlen + 73) / 74 + i;
	}
	T_OK(ok);
	T_EQ(next(lex, &l), 1);
	T_STREQ(l.line, "END:VEVENT");
	T_EQ(next(lex, &l), 0);
}

static void
long_lines(void)
{
	struct ev_lex lex;
	size_t n, vlen;
	char *v, *doc = bigdoc(&n, &v, &vlen);
	pid_t pid;
	int fd, st;

	ev_lex_init_mem(&lex, doc, n);
	bigcheck(&lex, v, vlen);
	ev_lex_free(&lex);

	T_OK((fd = tmpfd(doc, n)) >= 0);
	ev_lex_init(&lex, fd);
	bigcheck(&lex, v, vlen);
	/* memory follows the longest line, not the input */
	T_OK(lex.cap <= 4 * vlen);
	ev_lex_free(&lex);
	close(fd);

	T_OK((fd = pipefd(doc, n, &pid)) >= 0);
	ev_lex_init(&lex, fd);
	bigcheck(&lex, v, vlen);
	ev_lex_free(&lex);
	close(fd);
	T_OK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 0);
	free(doc);
	free(v);
}

/* Many short lines: the buffer stays at its first size. */
static void
bounded(void)
{
	struct ev_buf b = {0};
	struct ev_lex lex;
	struct ev_line l;
	unsigned long i, n = 0;
	int fd;

	for (i = 0; i < 100000; i++)
		ev_buf_printf(&b, "SUMMARY:Konzert Nummer %lu im Park\r\n", i);
	T_OK((fd = tmpfd(b.p, b.len)) >= 0);
	ev_lex_init(&lex, fd);
	while (ev_lex_next(&lex, &l) == 1)
		n++;
	T_EQ(n, 100000);
	T_EQ(l.lineno, 100000);
	T_OK(lex.cap <= 256 * 1024);
	ev_lex_free(&lex);
	close(fd);
	ev_buf_free(&b);
}

/* A line over 16 MiB is skipped as malformed without raw bytes. */
static void
too_long(void)
{
	struct ev_buf b = {0};
	struct ev_lex lex;
	struct ev_line l;
	size_t n = 17 * 1024 * 1024;
	int fd;

	ev_buf_adds(&b, "X-A:1\r\nX-HUGE:");
	ev_buf_reserve(&b, n);
	memset(b.p + b.len, 'x', n);
	b.len += n;
	ev_buf_adds(&b, "\r\n yyy\r\nX-B:2\r\n");
	T_OK((fd = tmpfd(b.p, b.len)) >= 0);
	ev_lex_init(&lex, fd);
	T_EQ(next(&lex, &l), 1);
	T_EQ(ev_lex_next(&lex, &l), -1);
	T_OK(l.raw == NULL);
	T_EQ(l.lineno, 2);
	T_EQ(l.rawlen, 7 + n + 2 + 6);
	T_EQ(next(&lex, &l), 1);
	T_STREQ(l.line, "X-B:2");
	T_EQ(l.lineno, 4);
	T_EQ(next(&lex, &l), 0);
	T_OK(lex.cap <= 33 * 1024 * 1024);
	ev_lex_free(&lex);
	close(fd);

	/* 40 MiB without a line end: dropped while read, memory bounded */
	ev_buf_clear(&b);
	n = 40 * 1024 * 1024;
	ev_buf_reserve(&b, n);
	memset(b.p, 'y', n);
	b.len = n;
	ev_buf_adds(&b, "\nX-C:3");
	T_OK((fd = tmpfd(b.p, b.len)) >= 0);
	ev_lex_init(&lex, fd);
	T_EQ(ev_lex_next(&lex, &l), -1);
	T_OK(l.raw == NULL);
	T_EQ(l.lineno, 1);
	T_EQ(l.rawlen, n + 1);
	T_EQ(next(&lex, &l), 1);
	T_STREQ(l.line, "X-C:3");
	T_EQ(l.lineno, 2);
	T_OK(lex.cap <= 33 * 1024 * 1024);
	ev_lex_free(&lex);
	close(fd);
	ev_buf_free(&b);
}

static void
physline(void)
{
	const char *s = "uid,summary\r\n1,\"Konzert\nim Park\"\n\nlast";
	struct ev_lex lex;
	const char *p;
	size_t n;

	ev_lex_init_mem(&lex, s, strlen(s));
	T_EQ(ev_lex_physline(&lex, &p, &n), 1);
	T_EQ(n, 13);
	T_OK(memcmp(p, "uid,summary\r\n", 13) == 0);
	T_EQ(ev_lex_physline(&lex, &p, &n), 1);
	T_EQ(n, 11);
	T_OK(memcmp(p, "1,\"Konzert\n", 11) == 0);
	T_EQ(ev_lex_physline(&lex, &p, &n), 1);
	T_EQ(n, 9);
	T_EQ(ev_lex_physline(&lex, &p, &n), 1);
	T_EQ(n, 1);
	T_EQ(p[0], '\n');
	T_EQ(ev_lex_physline(&lex, &p, &n), 1);
	T_EQ(n, 4);
	T_OK(memcmp(p, "last", 4) == 0);
	T_EQ(lex.lineno, 6);
	T_EQ(ev_lex_physline(&lex, &p, &n), 0);
	ev_lex_free(&lex);
}

/* Sniffing through a descriptor: fill reads ahead without consuming. */
static void
fill(void)
{
	const char *s = "\xef\xbb\xbf" "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
	struct ev_lex lex;
	struct ev_line l;
	pid_t pid;
	int fd, st;

	T_OK((fd = pipefd(s, strlen(s), &pid)) >= 0);
	ev_lex_init(&lex, fd);
	T_EQ(ev_lex_fill(&lex), 0);
	T_EQ(lex.len - lex.off, strlen(s) - 3);
	T_OK(memcmp(lex.buf + lex.off, "BEGIN:VCALENDAR", 15) == 0);
	T_EQ(ev_lex_fill(&lex), 0);	/* at end: no change */
	T_EQ(lex.len - lex.off, strlen(s) - 3);
	T_EQ(next(&lex, &l), 1);
	T_STREQ(l.line, "BEGIN:VCALENDAR");
	T_EQ(next(&lex, &l), 1);
	T_EQ(l.lineno, 2);
	T_EQ(next(&lex, &l), 0);
	ev_lex_free(&lex);
	close(fd);
	waitpid(pid, &st, 0);

	/* a read error comes back as -2 */
	ev_lex_init(&lex, -1);
	T_EQ(ev_lex_next(&lex, &l), -2);
	ev_lex_free(&lex);
}

/*
 * Decoding: in[0..n) through the lexer, the pieces after the first fed
 * to a pipe one read at a time (pieces[0] NULL: from memory).  The
 * physical lines come back in out, the reports as "LINE:what\n".
 */
static void
decode(const char *const *pieces, struct ev_buf *out, struct ev_buf *notes)
{
	struct ev_lex lex;
	struct ev_lexnote nt;
	const char *p;
	size_t n;
	int fd[2] = {-1, -1};

	ev_buf_clear(out);
	ev_buf_clear(notes);
	if (pieces[0] != NULL) {
		ev_lex_init_mem(&lex, pieces[0], strlen(pieces[0]));
	} else {
		T_OK(pipe(fd) == 0);
		ev_lex_init(&lex, fd[0]);
		/* one write, one read: the lexer sees the pieces apart (the
		 * first holds a line, so that ev_lex_fill reads once) */
		for (int i = 1; pieces[i] != NULL; i++) {
			T_OK(write(fd[1], pieces[i], strlen(pieces[i])) ==
			    (ssize_t)strlen(pieces[i]));
			if (pieces[i + 1] == NULL)
				close(fd[1]);
			T_EQ(i == 1 ? ev_lex_fill(&lex) : ev_lex_more(&lex), 0);
		}
	}
	while (ev_lex_physline(&lex, &p, &n) == 1)
		ev_buf_add(out, p, n);
	while (ev_lex_note(&lex, 0, &nt))
		ev_buf_printf(notes, "%lu:%s\n", nt.line, nt.what);
	ev_lex_free(&lex);
	if (fd[0] >= 0)
		close(fd[0]);
}

#define NOT8	"not UTF-8: read as Windows-1252\n"
#define BAD8	"invalid UTF-8: replaced by U+FFFD\n"
#define FFFD	"\xef\xbf\xbd"

static void
decoding(void)
{
	struct ev_buf out = {0}, notes = {0}, big = {0}, want = {0};
	const char *in[4] = {NULL, NULL, NULL, NULL};

	/* ASCII, then Windows-1252: read so, reported once */
	in[0] = "A:x\r\nB:M\xfcller \x80 5\r\nC:\xe4\x84\n";
	decode(in, &out, &notes);
	T_STREQ(out.p, "A:x\r\nB:M\xc3\xbcller \xe2\x82\xac 5\r\n"
	    "C:\xc3\xa4\xe2\x80\x9e\n");
	T_STREQ(notes.p, "2:" NOT8);
	/* UTF-8 before: a stray byte becomes U+FFFD, reported per line */
	in[0] = "A:\xc3\xbc\nB:\xff\xfe\nC:\x80\n";
	decode(in, &out, &notes);
	T_STREQ(out.p, "A:\xc3\xbc\nB:" FFFD FFFD "\nC:" FFFD "\n");
	T_STREQ(notes.p, "2:" BAD8 "3:" BAD8);
	/* UTF-8 later in the same read counts too */
	in[0] = "A:\xe4\nB:\xc3\xbc\n";
	decode(in, &out, &notes);
	T_STREQ(out.p, "A:" FFFD "\nB:\xc3\xbc\n");
	T_STREQ(notes.p, "1:" BAD8);
	/* a byte order mark says UTF-8 */
	in[0] = "\xef\xbb\xbf" "A:\xe4\n";
	decode(in, &out, &notes);
	T_STREQ(out.p, "A:" FFFD "\n");
	/* the five bytes Windows-1252 leaves undefined */
	in[0] = "A:\xe4\nB:\x81\x8d\x8f\x90\x9d\n";
	decode(in, &out, &notes);
	T_STREQ(out.p, "A:\xc3\xa4\nB:" FFFD FFFD FFFD FFFD FFFD "\n");
	T_STREQ(notes.p, "1:" NOT8 "2:byte undefined in Windows-1252: "
	    "replaced by U+FFFD\n");
	/* a fold inside a character is no error, nor is a read's end */
	in[0] = "A:\xc3\r\n \xbc\xe2\x82\n\t\xac\n";
	decode(in, &out, &notes);
	T_STREQ(out.p, in[0]);
	T_STREQ(notes.p, "");
	in[0] = NULL;
	in[1] = "X:1\nA:\xe2\x82\r";
	in[2] = "\n \xac\xc3\n";
	decode(in, &out, &notes);
	T_STREQ(out.p, "X:1\nA:\xe2\x82\r\n \xac" FFFD "\n");
	T_STREQ(notes.p, "3:" BAD8);
	/* a character cut by the end of the input */
	in[0] = "A:\xc3\xbc\xc3";
	decode(in, &out, &notes);
	T_STREQ(out.p, "A:\xc3\xbc" FFFD);
	/* Windows-1252 decided in one read, UTF-8 in the next */
	in[0] = NULL;
	in[1] = "A:\xe4\nX:1\n";
	in[2] = "B:\xc3\xbc\n";
	decode(in, &out, &notes);
	T_STREQ(out.p, "A:\xc3\xa4\nX:1\nB:\xc3\x83\xc2\xbc\n");
	T_STREQ(notes.p, "1:" NOT8 "3:UTF-8 in a feed read as Windows-1252: "
	    "read as Windows-1252 too\n");
	/* ten lines reported, then one report for the rest */
	in[0] = NULL;
	ev_buf_adds(&big, "A:\xc3\xbc\n");
	for (int i = 2; i <= 14; i++) {
		ev_buf_adds(&big, "B:\xff\xff\n");
		if (i <= 11)
			ev_buf_printf(&want, "%d:" BAD8, i);
	}
	ev_buf_adds(&want, "12:more bad bytes here and on later lines: "
	    "replaced by U+FFFD, not reported again\n");
	in[0] = big.p;
	decode(in, &out, &notes);
	T_STREQ(notes.p, want.p);
	ev_buf_free(&out);
	ev_buf_free(&notes);
	ev_buf_free(&big);
	ev_buf_free(&want);
}

static void
run(void)
{
	basic_crlf();
	line_ends();
	bom();
	folding();
	splitting();
	malformed();
	long_lines();
	bounded();
	too_long();
	physline();
	fill();
	decoding();
}
