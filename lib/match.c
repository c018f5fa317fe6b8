/*
 * match.c - regular expressions (pcre2, UTF, JIT) and caseless equality.
 *
 * Patterns and subjects are UTF-8.  \w, \b and caseless matching follow
 * Unicode (PCRE2_UCP), so "über" is one word and "ÜBER" finds it.  Bytes
 * that are not valid UTF-8 never match anything but do no harm
 * (PCRE2_MATCH_INVALID_UTF): a Latin-1 line is searched, not rejected.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "evkit.h"

struct ev_regex {
	pcre2_code		*code;
	pcre2_match_data	*md;	/* one per regex: no allocation per match */
	int			 jit;	/* code was JIT-compiled */
};

/*
 * Options that must open a pattern, "(*UCP)" or "(*LIMIT_MATCH=1000)":
 * a -w wrapper goes after them or they stop being at the start.
 */
static const char *const startopts[] = {
	"ANY", "ANYCRLF", "BSR_ANYCRLF", "BSR_UNICODE", "CR", "CRLF", "LF",
	"NO_AUTO_POSSESS", "NO_DOTSTAR_ANCHOR", "NO_JIT", "NO_START_OPT",
	"NOTEMPTY", "NOTEMPTY_ATSTART", "NUL", "UCP", "UTF"
};
static const char *const startlimits[] = {
	"LIMIT_DEPTH=", "LIMIT_HEAP=", "LIMIT_MATCH=", "LIMIT_RECURSION="
};

/* Length of the start-of-pattern option at p, or 0 if there is none. */
static size_t
startopt_len(const char *p)
{
	const char *q;
	size_t i, n;

	if (p[0] != '(' || p[1] != '*' || (q = strchr(p + 2, ')')) == NULL)
		return 0;
	n = (size_t)(q - (p + 2));
	for (i = 0; i < sizeof(startopts) / sizeof(startopts[0]); i++)
		if (strlen(startopts[i]) == n && memcmp(p + 2, startopts[i], n) == 0)
			return n + 3;
	for (i = 0; i < sizeof(startlimits) / sizeof(startlimits[0]); i++) {
		size_t k = strlen(startlimits[i]);

		if (k >= n || memcmp(p + 2, startlimits[i], k) != 0)
			continue;
		for (; k < n; k++)
			if (p[2 + k] < '0' || p[2 + k] > '9')
				return 0;
		return n + 3;
	}
	return 0;
}

/*
 * A fixed string as a pattern: \Q...\E, where a "\E" inside the string
 * becomes \E\\E\Q (end the quote, a literal backslash, an E, quote again).
 */
static void
add_quoted(struct ev_buf *b, const char *s)
{
	const char *e;

	ev_buf_adds(b, "\\Q");
	while ((e = strstr(s, "\\E")) != NULL) {
		ev_buf_add(b, s, (size_t)(e - s));
		ev_buf_adds(b, "\\E\\\\E\\Q");
		s = e + 2;
	}
	ev_buf_adds(b, s);
	ev_buf_adds(b, "\\E");
}

/*
 * Whole words as grep -w means them: the match must be neither preceded
 * nor followed by a word character, so "C++" is a word in "C++ Kurs"
 * (where \b...\b would fail).  The closing "\E" ends an unterminated \Q
 * and is ignored otherwise; nl adds a newline that ends a trailing (?x)
 * "# comment", which would swallow the wrapper's closing parenthesis.
 */
static void
add_word(struct ev_buf *b, const char *pat, int fixed, int nl)
{
	size_t n, k;

	n = 0;
	if (!fixed)
		while ((k = startopt_len(pat + n)) > 0)
			n += k;
	ev_buf_add(b, pat, n);
	ev_buf_adds(b, "(?<!\\w)(?:");
	if (fixed)
		add_quoted(b, pat);
	else
		ev_buf_adds(b, pat + n);
	ev_buf_adds(b, nl ? "\\E\n)(?!\\w)" : "\\E)(?!\\w)");
}

/* How much of a pattern a message shows: 200 bytes, whole characters. */
static int
shown(const char *pat)
{
	size_t n = strlen(pat);

	return (int)(n <= 200 ? n : ev_utf8_cut(pat, 200));
}

static void
set_error(struct ev_err *err, const char *pat, const char *what, int code,
    PCRE2_SIZE off)
{
	PCRE2_UCHAR msg[256];

	if (pcre2_get_error_message(code, msg, sizeof(msg)) < 0)
		strcpy((char *)msg, "unknown error");
	ev_err_set(err, NULL, 0, "bad regex \"%.*s%s\": %s%s at offset %zu",
	    shown(pat), pat, pat[shown(pat)] ? "..." : "", what,
	    (const char *)msg, (size_t)off);
}

static pcre2_code *
compile(const char *pat, size_t len, uint32_t opts, int *code,
    PCRE2_SIZE *off)
{
	return pcre2_compile((PCRE2_SPTR)pat, len, opts, code, off, NULL);
}

/*
 * The -w wrapper around a pattern that compiles on its own; NULL with the
 * pcre2 error in *code, *off only in exotic cases the wrapper cannot take.
 */
static pcre2_code *
compile_word(const char *pat, int fixed, uint32_t opts, int *code,
    PCRE2_SIZE *off)
{
	struct ev_buf b = { NULL, 0, 0 };
	pcre2_code *re;

	add_word(&b, pat, fixed, 0);
	re = compile(b.p, b.len, opts, code, off);
	if (re == NULL && !fixed) {
		ev_buf_clear(&b);
		add_word(&b, pat, fixed, 1);
		re = compile(b.p, b.len, opts, code, off);
	}
	ev_buf_free(&b);
	return re;
}

struct ev_regex *
ev_regex_new(const char *pattern, int flags, struct ev_err *err)
{
	struct ev_regex *re;
	pcre2_code *code;
	uint32_t opts;
	PCRE2_SIZE off;
	int ecode;

	/*
	 * \C could step into the middle of a character, which invalid-UTF
	 * matching does not allow for; it is of no use on text anyway.
	 */
	opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C;
	if (flags & EV_RE_CASELESS)
		opts |= PCRE2_CASELESS;
	/*
	 * PCRE2_LITERAL refuses PCRE2_UCP and PCRE2_NEVER_BACKSLASH_C; a
	 * literal has no \w and no \C anyway.
	 */
	if (flags & EV_RE_FIXED)
		code = compile(pattern, PCRE2_ZERO_TERMINATED,
		    (opts & ~PCRE2_NEVER_BACKSLASH_C) | PCRE2_LITERAL,
		    &ecode, &off);
	else
		code = compile(pattern, PCRE2_ZERO_TERMINATED, opts | PCRE2_UCP,
		    &ecode, &off);
	if (code == NULL) {
		set_error(err, pattern, "", ecode, off);
		return NULL;
	}
	/*
	 * The pattern is checked alone first, so that errors name offsets in
	 * what the user wrote and "a)(b" cannot break out of the wrapper.
	 */
	if (flags & EV_RE_WORD) {
		pcre2_code_free(code);
		code = compile_word(pattern, flags & EV_RE_FIXED,
		    opts | PCRE2_UCP, &ecode, &off);
		if (code == NULL) {
			set_error(err, pattern, "as a whole word: ", ecode, off);
			return NULL;
		}
	}
	re = ev_emalloc(sizeof(*re));
	re->code = code;
	re->md = pcre2_match_data_create(1, NULL);
	if (re->md == NULL) {
		pcre2_code_free(code);
		free(re);
		ev_err_set(err, NULL, 0, "bad regex \"%.*s\": out of memory",
		    shown(pattern), pattern);
		return NULL;
	}
	/* Without JIT support the interpreter does the same, only slower. */
	re->jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
	return re;
}

int
ev_regex_match(const struct ev_regex *re, const char *s, size_t len)
{
	int rc;

	if (s == NULL)
		s = "";
	if (re->jit) {
		rc = pcre2_jit_match(re->code, (PCRE2_SPTR)s, len, 0, 0, re->md,
		    NULL);
		/* rc 0: a match with too small an ovector, still a match */
		if (rc != PCRE2_ERROR_JIT_STACKLIMIT)
			return rc >= 0;
		/* The interpreter keeps its frames on the heap: try it. */
	}
	rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, 0, PCRE2_NO_JIT, re->md,
	    NULL);
	return rc >= 0;
}

void
ev_regex_free(struct ev_regex *re)
{
	if (re == NULL)
		return;
	pcre2_match_data_free(re->md);
	pcre2_code_free(re->code);
	free(re);
}
