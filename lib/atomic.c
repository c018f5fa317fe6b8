/* atomic.c - --output FILE: write a temporary file, then rename it over. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "evkit.h"

struct ev_atomic {
	char	*path;
	char	*tmp;
	FILE	*fp;
};

/*
 * A run that is killed (cron's timeout, ^C) must not leave its temporary
 * file behind: the signals that end a process remove it first, then end
 * the process as they would have.  A run that exits without committing
 * (a usage error found late, ev_die, out of memory) removes it in an
 * atexit handler.  One --output per process.
 */
static char *volatile sig_tmp;
static const int sigs[] = { SIGHUP, SIGINT, SIGPIPE, SIGTERM };

static void
on_signal(int sig)
{
	char *t = sig_tmp;

	if (t != NULL)
		unlink(t);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
on_exit_(void)
{
	char *t = sig_tmp;

	if (t != NULL)
		unlink(t);
}

static void
guard(char *tmp)
{
	static int registered;
	struct sigaction sa;

	sig_tmp = tmp;
	if (tmp == NULL)
		return;
	if (!registered && atexit(on_exit_) == 0)
		registered = 1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction old;

		/* a signal the caller ignores (nohup) stays ignored */
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	}
}

/*
 * The temporary file becomes the target: a replaced file keeps its
 * group, its owner where that is allowed (root) and its mode, the owner
 * first since a change of owner clears set-id bits; a new file gets the
 * mode open(2) would give it, 0666 less the umask (mkstemp makes 0600).
 */
static void
keep(int fd, const char *path, struct stat *st)
{
	mode_t mask;

	if (stat(path, st) == 0 && S_ISREG(st->st_mode)) {
		if (fchown(fd, st->st_uid, st->st_gid) != 0 &&
		    fchown(fd, (uid_t)-1, st->st_gid) != 0)
			errno = 0;	/* not ours to give: the caller's */
		fchmod(fd, st->st_mode & 07777);
		return;
	}
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
}

struct ev_atomic *
ev_atomic_open(const char *path)
{
	struct ev_atomic *a;
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path + 1) : 0;
	struct stat st;
	int fd;

	a = ev_ecalloc(1, sizeof(*a));
	a->path = ev_estrdup(path);
	a->tmp = ev_emalloc(dirlen + strlen(path + dirlen) + 16);
	sprintf(a->tmp, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
	if ((fd = mkstemp(a->tmp)) < 0)
		goto fail;
	keep(fd, path, &st);
	if ((a->fp = fdopen(fd, "w")) == NULL) {
		int saved = errno;

		close(fd);
		unlink(a->tmp);
		errno = saved;
		goto fail;
	}
	guard(a->tmp);
	return a;
fail:
	free(a->tmp);
	free(a->path);
	free(a);
	return NULL;
}

FILE *
ev_atomic_file(struct ev_atomic *a)
{
	return a->fp;
}

int
ev_atomic_commit(struct ev_atomic *a)
{
	int rc = 0, saved;

	if (fflush(a->fp) != 0 || ferror(a->fp) || fsync(fileno(a->fp)) != 0)
		rc = -1;
	saved = errno;
	if (fclose(a->fp) != 0 && rc == 0) {
		rc = -1;
		saved = errno;
	}
	if (rc == 0 && rename(a->tmp, a->path) != 0) {
		rc = -1;
		saved = errno;
	}
	if (rc != 0)
		unlink(a->tmp);
	guard(NULL);
	free(a->tmp);
	free(a->path);
	free(a);
	errno = saved;
	return rc;
}

void
ev_atomic_abort(struct ev_atomic *a)
{
	if (a == NULL)
		return;
	fclose(a->fp);
	unlink(a->tmp);
	guard(NULL);
	free(a->tmp);
	free(a->path);
	free(a);
}
