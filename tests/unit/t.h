/*
 * t.h - the unit tests' harness: checks that count, and a main that
 * prints "NAME: N passed, N failed" and fails when anything failed.
 * A test file defines `static void run(void)` and includes this last.
 */
#ifndef EV_T_H
#define EV_T_H

#include <stdio.h>
#include <string.h>

static int t_pass, t_fail;

#define T_OK(c) t_check(!!(c), __FILE__, __LINE__, #c, NULL, NULL)
#define T_EQ(a, b) do { long long t_a_ = (long long)(a), t_b_ = (long long)(b); \
	char t_sa_[32], t_sb_[32]; snprintf(t_sa_, 32, "%lld", t_a_); \
	snprintf(t_sb_, 32, "%lld", t_b_); \
	t_check(t_a_ == t_b_, __FILE__, __LINE__, #a " == " #b, t_sa_, t_sb_); \
	} while (0)
#define T_STREQ(a, b) do { const char *t_a_ = (a), *t_b_ = (b); \
	t_check(t_a_ != NULL && t_b_ != NULL && strcmp(t_a_, t_b_) == 0, \
	    __FILE__, __LINE__, #a " == " #b, t_a_ ? t_a_ : "(null)", \
	    t_b_ ? t_b_ : "(null)"); } while (0)

static void
t_check(int ok, const char *file, int line, const char *what,
    const char *got, const char *want)
{
	if (ok) {
		t_pass++;
		return;
	}
	t_fail++;
	fprintf(stderr, "%s:%d: FAIL: %s\n", file, line, what);
	if (got != NULL)
		fprintf(stderr, "    got:  \"%s\"\n    want: \"%s\"\n", got, want);
}

static void run(void);

int
main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/');

	(void)argc;
	run();
	printf("%s: %d passed, %d failed\n", name ? name + 1 : argv[0],
	    t_pass, t_fail);
	return t_fail != 0;
}

#endif
