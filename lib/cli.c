/*
 * cli.c - what every tool's main() shares: the common options, the
 * event-input options, the run's setup, --output, bad-record bookkeeping
 * and the exit status.  Unlike the rest of the library this part prints
 * and exits; only bin/ uses it, no module of lib/ calls it.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "evkit.h"

long
ev_cli_number(const char *s, const char *what, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end != '\0' || v < min || v > max)
		ev_die(EV_EXIT_ERROR, "%s must be a number from %ld to %ld: \"%s\"",
		    what, min, max, s);
	return v;
}

const char *
ev_cli_optarg(int argc, char **argv, int (*looks)(const char *))
{
	if (optarg != NULL)
		return optarg;
	if (optind < argc && looks(argv[optind]))
		return argv[optind++];
	return NULL;
}

static int
delimiter(const char *s)
{
	if (strcmp(s, ",") == 0 || strcmp(s, ";") == 0 || strcmp(s, "\t") == 0)
		return s[0];
	if (strcmp(s, "tab") == 0 || strcmp(s, "TAB") == 0 ||
	    strcmp(s, "\\t") == 0)
		return '\t';
	ev_die(EV_EXIT_ERROR, "delimiter must be ',', ';' or tab: \"%s\"", s);
}

int
ev_cli_option(struct ev_cli *c, int opt, const char *arg)
{
	switch (opt) {
	case EV_OPT_NOW: c->now = arg; break;
	case EV_OPT_TZ: c->tz = arg; break;
	case EV_OPT_LANG: c->lang = arg; break;
	case EV_OPT_COLOR: c->color = arg; break;
	case EV_OPT_OUTPUT: c->output = arg; break;
	case EV_OPT_STRICT: c->strict = 1; break;
	default:
		return 0;
	}
	return 1;
}

int
ev_cli_input_option(struct ev_cli_input *in, int opt, const char *arg)
{
	switch (opt) {
	case EV_OPT_DELIM:
		in->delim = delimiter(arg);
		break;
	case EV_OPT_INPUT:
		if (ev_format_parse(arg, &in->fmt) < 0 ||
		    (in->fmt != EV_FMT_ICS && in->fmt != EV_FMT_CSV &&
		    in->fmt != EV_FMT_TSV))
			ev_die(EV_EXIT_ERROR,
			    "input format must be ics, csv or tsv: \"%s\"", arg);
		break;
	default:
		return 0;
	}
	return 1;
}

struct ev_input *
ev_cli_input_new(struct ev_cli *c, const struct ev_cli_input *in,
    char **files, int nfiles)
{
	return ev_input_new(c->ctx, files, nfiles, in->fmt, in->delim);
}

static int
want_color(struct ev_cli *c)
{
	const char *nc = getenv("NO_COLOR");

	if (c->color == NULL || strcmp(c->color, "auto") == 0)
		return c->output == NULL && isatty(STDOUT_FILENO) &&
		    (nc == NULL || *nc == '\0');
	if (strcmp(c->color, "always") == 0)
		return 1;
	if (strcmp(c->color, "never") == 0)
		return 0;
	ev_die(EV_EXIT_ERROR, "--color must be auto, always or never: \"%s\"",
	    c->color);
}

void
ev_cli_setup(struct ev_cli *c)
{
	struct ev_err err;
	enum ev_lang lang;

	c->ctx = ev_ctx_new();
	if (ev_ctx_set_tz(c->ctx, c->tz, &err) < 0)
		ev_die(EV_EXIT_ERROR, "%s", err.msg);
	if (ev_ctx_set_now(c->ctx, c->now, &err) < 0)
		ev_die(EV_EXIT_ERROR, "%s: %s", c->now ? "--now" : "EV_NOW",
		    err.msg);
	if (c->lang == NULL)
		lang = ev_lang_from_env();
	else if (ev_lang_parse(c->lang, &lang) < 0)
		ev_die(EV_EXIT_ERROR, "--lang must be de or en: \"%s\"", c->lang);
	ev_ctx_set_lang(c->ctx, lang);
	if (c->output != NULL && strcmp(c->output, "-") == 0)
		c->output = NULL;	/* --output - is standard output */
	c->color_on = want_color(c);
	c->out = stdout;
}

/*
 * Opened last, when every option has been checked: a usage error leaves
 * nothing beside the target.  From here on every way out removes the
 * temporary file unless ev_cli_finish commits it (atomic.c).
 */
void
ev_cli_open(struct ev_cli *c)
{
	struct stat st;

	if (c->output == NULL || c->atomic != NULL)
		return;
	if (*c->output == '\0')
		ev_die(EV_EXIT_ERROR, "--output: the file name is empty");
	if (stat(c->output, &st) == 0 && S_ISDIR(st.st_mode))
		ev_die(EV_EXIT_ERROR, "--output %s: is a directory, not a file",
		    c->output);
	if ((c->atomic = ev_atomic_open(c->output)) == NULL)
		ev_die(EV_EXIT_ERROR, "--output %s:", c->output);
	c->out = ev_atomic_file(c->atomic);
}

void
ev_cli_bad(struct ev_cli *c, const char *msg, int rc)
{
	ev_warn("%s", msg);
	if (rc == -2 || c->strict)
		c->status = EV_EXIT_ERROR;
	else if (c->status == EV_EXIT_OK || c->status == EV_EXIT_NONE)
		c->status = EV_EXIT_BAD;
}

/*
 * The next good record of IN into EV: 1, or 0 at the end.  Bad records
 * are reported on the way (ev_cli_bad); with --strict the first one
 * ends the input.
 */
int
ev_cli_next(struct ev_cli *c, struct ev_input *in, struct ev_event *ev)
{
	int rc;

	while ((rc = ev_input_next(in, ev)) < 0) {
		ev_cli_bad(c, ev_input_error(in), rc);
		if (c->strict)
			return 0;
	}
	return rc != 0;
}

int
ev_cli_finish(struct ev_cli *c, int write_failed)
{
	if (c->out == stdout && (fflush(stdout) != 0 || ferror(stdout)))
		write_failed = 1;
	if (write_failed) {
		if (c->output != NULL)
			ev_warn("--output %s:", c->output);
		else
			ev_warn("write error:");
		c->status = EV_EXIT_ERROR;
	}
	if (c->atomic != NULL) {
		if (c->status == EV_EXIT_ERROR)
			ev_atomic_abort(c->atomic);
		else if (ev_atomic_commit(c->atomic) < 0) {
			ev_warn("--output %s:", c->output);
			c->status = EV_EXIT_ERROR;
		}
		c->atomic = NULL;
	}
	ev_ctx_free(c->ctx);
	c->ctx = NULL;
	return c->status;
}
