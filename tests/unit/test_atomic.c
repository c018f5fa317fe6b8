/*
 * test_atomic.c - --output FILE: a commit replaces the file, and every
 * way out that does not commit (abort, ev_die, out of memory, a plain
 * exit after a usage error) leaves the target as it was and no
 * temporary file beside it.  Also: diagnostics with a column.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "evkit.h"

#include "t.h"

static char dir[] = "/tmp/evkit-atomic-XXXXXX";
static char target[64];

/* Files in dir, "a b " in directory order; how many. */
static int
entries(char *names, size_t n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int k = 0;

	names[0] = '\0';
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		strncat(names, e->d_name, n - strlen(names) - 2);
		strcat(names, " ");
		k++;
	}
	closedir(d);
	return k;
}

static void
put(const char *path, const char *s)
{
	FILE *fp = fopen(path, "w");

	if (fp != NULL) {
		fputs(s, fp);
		fclose(fp);
	}
}

static int
same(const char *path, const char *s)
{
	char buf[64] = {0};
	FILE *fp = fopen(path, "r");
	size_t n;

	if (fp == NULL)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	return n == strlen(s) && memcmp(buf, s, n) == 0;
}

enum how { DIE, OOM, EXIT };

/* The child's open output: a global, so that LeakSanitizer, which
 * looks at the child's exit, sees it still in use (as a tool's is). */
static struct ev_atomic *child_out;

/* A child that opens --output, writes, then goes out as how says;
 * its stderr in errbuf, its exit status returned. */
static int
child(enum how how, char *errbuf, size_t n)
{
	char errpath[96];
	int st = -1;
	pid_t pid;
	FILE *fp;

	snprintf(errpath, sizeof(errpath), "%s.err", dir);
	fflush(NULL);
	if ((pid = fork()) == 0) {
		if (freopen(errpath, "w", stderr) == NULL)
			_exit(99);
		ev_setprogname("/usr/bin/ev-test");
		if ((child_out = ev_atomic_open(target)) == NULL)
			_exit(98);
		fputs("new\n", ev_atomic_file(child_out));
		if (how == DIE)
			ev_die(EV_EXIT_ERROR, "something is wrong");
		if (how == OOM)
			(void)ev_ereallocarray(NULL, SIZE_MAX / 2, 4);
		exit(EV_EXIT_ERROR);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return -1;
	errbuf[0] = '\0';
	if ((fp = fopen(errpath, "r")) != NULL) {
		size_t k = fread(errbuf, 1, n - 1, fp);

		errbuf[k] = '\0';
		fclose(fp);
	}
	unlink(errpath);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void
test_exits(void)
{
	char names[256], err[256];

	put(target, "old\n");
	T_EQ(child(DIE, err, sizeof(err)), EV_EXIT_ERROR);
	T_STREQ(err, "ev-test: something is wrong\n");
	T_EQ(entries(names, sizeof(names)), 1);
	T_STREQ(names, "out.ics ");
	T_OK(same(target, "old\n"));

	T_EQ(child(OOM, err, sizeof(err)), EV_EXIT_ERROR);
	T_STREQ(err, "ev-test: out of memory\n");
	T_EQ(entries(names, sizeof(names)), 1);
	T_OK(same(target, "old\n"));

	T_EQ(child(EXIT, err, sizeof(err)), EV_EXIT_ERROR);
	T_EQ(entries(names, sizeof(names)), 1);
	T_OK(same(target, "old\n"));
}

static void
test_commit_abort(void)
{
	struct ev_atomic *a;
	char names[256];

	put(target, "old\n");
	T_OK((a = ev_atomic_open(target)) != NULL);
	if (a == NULL)
		return;
	fputs("new\n", ev_atomic_file(a));
	T_EQ(entries(names, sizeof(names)), 2);	/* the target, the temp */
	ev_atomic_abort(a);
	T_EQ(entries(names, sizeof(names)), 1);
	T_OK(same(target, "old\n"));

	T_OK((a = ev_atomic_open(target)) != NULL);
	if (a == NULL)
		return;
	fputs("new\n", ev_atomic_file(a));
	T_EQ(ev_atomic_commit(a), 0);
	T_EQ(entries(names, sizeof(names)), 1);
	T_OK(same(target, "new\n"));
}

static void
test_err_column(void)
{
	struct ev_err e;

	ev_err_setc(&e, "a.md", 12, 7, "straight quote \"%s\"", "\"");
	T_STREQ(e.msg, "a.md:12:7: straight quote \"\"\"");
	ev_err_setc(&e, "a.md", 12, 0, "no column");
	T_STREQ(e.msg, "a.md:12: no column");
	ev_err_set(&e, "a.md", 3, "line");
	T_STREQ(e.msg, "a.md:3: line");
	ev_err_set(&e, "a.md", 0, "file");
	T_STREQ(e.msg, "a.md: file");
	ev_err_setc(&e, NULL, 0, 0, "bare");
	T_STREQ(e.msg, "bare");
}

static void
run(void)
{
	if (mkdtemp(dir) == NULL) {
		T_OK(0);
		return;
	}
	snprintf(target, sizeof(target), "%s/out.ics", dir);
	test_commit_abort();
	test_exits();
	test_err_column();
	unlink(target);
	rmdir(dir);
}
