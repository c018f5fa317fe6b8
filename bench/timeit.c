/*
 * timeit - run a command, write its wall time and peak memory to a file.
 *
 *	timeit FILE CMD [ARG ...]
 *
 * FILE gets one line "SECONDS KB": the wall time with millisecond
 * resolution (GNU time's %e has only ten) and the peak RSS of CMD and
 * what it waited for.  The exit status is CMD's (128 + signal when it
 * was killed), so the caller sees failures as it would without timeit.
 * stdin, stdout and stderr are CMD's.
 */
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char *argv[])
{
	struct rusage ru;
	double t0, t1;
	pid_t pid;
	FILE *fp;
	int st;

	if (argc < 3) {
		fputs("usage: timeit FILE CMD [ARG ...]\n", stderr);
		return 125;
	}
	t0 = now();
	if ((pid = fork()) == -1) {
		perror("timeit: fork");
		return 125;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "timeit: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR) {
			perror("timeit: waitpid");
			return 125;
		}
	t1 = now();
	/* ru_maxrss is not in POSIX, but Linux and the BSDs have it (KB) */
	getrusage(RUSAGE_CHILDREN, &ru);
	if ((fp = fopen(argv[1], "w")) == NULL ||
	    fprintf(fp, "%.3f %ld\n", t1 - t0, (long)ru.ru_maxrss) < 0 ||
	    fclose(fp) == EOF) {
		perror(argv[1]);
		return 125;
	}
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return WEXITSTATUS(st);
}
