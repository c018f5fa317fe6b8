/* ev-cal - a month or year calendar that marks the days with events. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evkit.h"

/* Occurrences of one recurring event counted at most: a year of hourly
 * events still fits. */

enum {
	OPT_MONTH = 256, OPT_YEAR, OPT_NOADJ, OPT_COUNTS, OPT_LINK,
	OPT_STANDALONE
};

static const struct option longopts[] = {
	{"one",		no_argument,		NULL, '1'},
	{"three",	no_argument,		NULL, '3'},
	{"months",	required_argument,	NULL, 'n'},
	{"month",	optional_argument,	NULL, OPT_MONTH},
	{"year",	optional_argument,	NULL, OPT_YEAR},
	{"monday",	no_argument,		NULL, 'm'},
	{"sunday",	no_argument,		NULL, 's'},
	{"week-numbers", no_argument,		NULL, 'w'},
	{"no-adjacent",	no_argument,		NULL, OPT_NOADJ},
	{"counts",	no_argument,		NULL, OPT_COUNTS},
	{"agenda",	no_argument,		NULL, 'a'},
	{"link",	required_argument,	NULL, OPT_LINK},
	{"standalone",	no_argument,		NULL, OPT_STANDALONE},
	{"input-format", required_argument,	NULL, EV_OPT_INPUT},
	{"output-format", required_argument,	NULL, 'o'},
	{"delimiter",	required_argument,	NULL, EV_OPT_DELIM},
	{"output",	required_argument,	NULL, EV_OPT_OUTPUT},
	{"now",		required_argument,	NULL, EV_OPT_NOW},
	{"tz",		required_argument,	NULL, EV_OPT_TZ},
	{"lang",	required_argument,	NULL, EV_OPT_LANG},
	{"color",	optional_argument,	NULL, EV_OPT_COLOR},
	{"strict",	no_argument,		NULL, EV_OPT_STRICT},
	{"help",	no_argument,		NULL, 'h'},
	{"version",	no_argument,		NULL, 'V'},
	{NULL,		0,			NULL, 0}
};

/* What to show: the option that chose it, for the message when two do. */
enum view { V_NONE, V_ONE, V_THREE, V_MONTHS, V_YEAR };

struct opts {
	struct ev_cli cli;		/* the common options */
	struct ev_cli_input in;		/* -i, --delimiter */
	struct ev_cal_opts cal;		/* layout and marks */
	enum view view;
	const char *viewopt;		/* "-3", "--year", ... */
	long	 nmonths;		/* -n */
	int	 monday, sunday, agenda, html, standalone;
	const char *month, *year;	/* the dates given, or NULL: now's */
	const char *dateopt;		/* what gave them */
	int	 monthflag, yearflag;	/* --month, --year given */
};

static void
usage(void)
{
	fprintf(stderr,
	    "usage: ev-cal [-13ahmsVwy] [-n N] [--month [YYYY-MM]] [--year [YYYY]]\n"
	    "              [--no-adjacent] [--counts] [-o text|html] [--link URL]\n"
	    "              [--standalone] [-i FORMAT] [--delimiter C] [--output FILE]\n"
	    "              [--now DATE] [--tz ZONE] [--lang de|en] [--color[=WHEN]]\n"
	    "              [--strict] [[month] year | YYYY-MM] [FILE ...]\n");
	exit(EV_EXIT_ERROR);
}

static void
help(void)
{
	printf(
	    "usage: ev-cal [options] [[MONTH] YEAR | YYYY-MM] [FILE ...]\n"
	    "Print a calendar like cal(1) that marks the days with events read from\n"
	    "iCalendar and CSV feeds (files, - or stdin; none when stdin is a terminal).\n"
	    "Leading operands that read as a month (1-12, a German or English name)\n"
	    "followed by a year, a year alone, a month name alone or YYYY-MM choose\n"
	    "the date, as cal(1) takes them; the others are files (./12 for a file 12).\n"
	    "\n"
	    "What to show (default: the month of today):\n"
	    "  -1, --one             one month\n"
	    "  -3, --three           the months before and after, too, side by side\n"
	    "  -n, --months N        N months from the month (1-1200)\n"
	    "  -y, --year [YYYY]     the twelve months of the year, or of YYYY\n"
	    "      --month [YYYY-MM] this month, or the month given\n"
	    "Layout:\n"
	    "  -m, --monday          weeks start on Monday (default for --lang de)\n"
	    "  -s, --sunday          weeks start on Sunday (default for --lang en)\n"
	    "  -w, --week-numbers    ISO 8601 week numbers (KW) before each week\n"
	    "      --no-adjacent     blank the days of the neighbouring months\n"
	    "      --counts          the number of events per day, not a mark\n"
	    "  -a, --agenda          the events of the months by day, below the grid\n"
	    "Input and output:\n"
	    "  -i, --input-format F  ics, csv or tsv (default: detected)\n"
	    "  -o, --output-format F text (default, like cal(1)) or html (a table per\n"
	    "                        month, for a web page)\n"
	    "      --link URL        html: event days link to URL, {date} the day\n"
	    "      --standalone      html: a whole page with a small stylesheet\n"
	    "      --delimiter C     CSV delimiter: , ; or tab (default: detected)\n"
	    "      --output FILE     replace FILE atomically instead of writing stdout\n"
	    "Common:\n"
	    "      --now DATE        take DATE as now (default: $EV_NOW, else the clock)\n"
	    "      --tz ZONE         display zone (default: $TZ, else the system zone)\n"
	    "      --lang de|en      language of month and weekday names (default: from\n"
	    "                        LC_ALL, LC_TIME, LANG)\n"
	    "      --color[=WHEN]    auto (a terminal, no NO_COLOR), always (also\n"
	    "                        without WHEN) or never: days with events bold,\n"
	    "                        other months' days dim, today in reverse video\n"
	    "      --strict          anything reported about the input is an error\n"
	    "                        (exit 2)\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\n"
	    "Exit status: 0 ok, 2 error, 3 something was reported (a record dropped, a\n"
	    "property repaired or left out, a series capped), every good record kept.\n"
	    "See ev-cal(1) and evkit(7).\n");
	exit(EV_EXIT_OK);
}

/* A year operand: digits only; the range is checked when it is used. */
static int
is_year(const char *s)
{
	return *s != '\0' && strspn(s, "0123456789") == strlen(s);
}

static int
is_when(const char *s)
{
	return strcmp(s, "auto") == 0 || strcmp(s, "always") == 0 ||
	    strcmp(s, "never") == 0;
}

static void
set_view(struct opts *o, enum view v, const char *opt)
{
	if (o->view != V_NONE && o->view != v)
		ev_die(EV_EXIT_ERROR, "give one of -1, -3, -n and --year: "
		    "%s and %s", o->viewopt, opt);
	o->view = v;
	o->viewopt = opt;
}

/* --opt=ARG, or --opt ARG when the next word looks like one. */
static void
parse_args(int *argcp, char ***argvp, struct opts *o)
{
	int argc = *argcp, c;
	char **argv = *argvp;
	const char *arg;

	while ((c = getopt_long(argc, argv, "13ahmn:o:sVwyi:", longopts,
	    NULL)) != -1) {
		if (c == EV_OPT_COLOR) {
			arg = ev_cli_optarg(argc, argv, is_when);
			ev_cli_option(&o->cli, c, arg != NULL ? arg : "always");
			continue;
		}
		if (ev_cli_option(&o->cli, c, optarg) ||
		    ev_cli_input_option(&o->in, c == 'i' ? EV_OPT_INPUT : c,
		    optarg))
			continue;
		switch (c) {
		case '1': set_view(o, V_ONE, "-1"); break;
		case '3': set_view(o, V_THREE, "-3"); break;
		case 'n':
			set_view(o, V_MONTHS, "-n");
			o->nmonths = ev_cli_number(optarg, "-n", 1, 1200);
			break;
		case 'y': set_view(o, V_YEAR, "--year"); break;
		case OPT_YEAR:
			set_view(o, V_YEAR, "--year");
			o->yearflag = 1;
			if ((o->year = ev_cli_optarg(argc, argv, is_year)))
				o->dateopt = "--year";
			break;
		case OPT_MONTH:
			o->monthflag = 1;
			if ((o->month = ev_cli_optarg(argc, argv,
			    ev_when_is_month)))
				o->dateopt = "--month";
			break;
		case 'm': o->monday = 1; break;
		case 's': o->sunday = 1; break;
		case 'w': o->cal.weeks = 1; break;
		case OPT_NOADJ: o->cal.noadjacent = 1; break;
		case OPT_COUNTS: o->cal.counts = 1; break;
		case 'a': o->agenda = 1; break;
		case OPT_LINK: o->cal.link = optarg; break;
		case OPT_STANDALONE: o->standalone = 1; break;
		case 'o':
			if (strcmp(optarg, "text") != 0 &&
			    strcmp(optarg, "html") != 0)
				ev_die(EV_EXIT_ERROR, "output format must be text or html: \"%s\"", optarg);
			o->html = strcmp(optarg, "html") == 0;
			break;
		case 'h': help(); break;
		case 'V': printf("ev-cal %s\n", EV_VERSION); exit(EV_EXIT_OK);
		default: usage();
		}
	}
	*argcp -= optind;
	*argvp += optind;
}

/*
 * The leading operands that name a date, as cal(1) takes them: MONTH
 * YEAR (a number 1-12 or a name, then a year), YYYY-MM, a month name
 * alone (this year's), a year alone.  Returns how many were taken.
 */
static int
date_operands(int argc, char **argv, struct opts *o)
{
	static char ym[32];
	int mon;

	if (argc == 0)
		return 0;
	if (ev_when_is_month(argv[0]) && strchr(argv[0], '-') != NULL) {
		o->month = argv[0];
		return 1;
	}
	mon = ev_month_parse(argv[0]);
	if (mon < 0 && is_year(argv[0]) && argc > 1 && is_year(argv[1])) {
		long m = ev_cli_number(argv[0], "the month", 1, 12);

		mon = (int)m;
	}
	if (mon > 0 && argc > 1 && is_year(argv[1])) {
		snprintf(ym, sizeof(ym), "%04ld-%02d",
		    ev_cli_number(argv[1], "the year", 1, 9999), mon);
		o->month = ym;
		return 2;
	}
	if (mon > 0) {
		o->month = argv[0];
		return 1;
	}
	if (is_year(argv[0])) {
		o->year = argv[0];
		if (o->view == V_NONE)
			set_view(o, V_YEAR, "a year");
		return 1;
	}
	return 0;
}

/* The first month shown: --month's window of the date given. */
static void
first_month(struct ev_ctx *ctx, const struct opts *o, int *y, int *m)
{
	struct ev_err err;
	struct ev_tm tm;
	int64_t lo, hi;
	const char *month = o->month;
	char this[32];
	int mon;

	/* a month name alone is this year's */
	if (month != NULL && (mon = ev_month_parse(month)) > 0) {
		ev_tm_from_wall(ev_zone_to_wall(ev_ctx_zone(ctx),
		    ev_ctx_now(ctx)), &tm);
		snprintf(this, sizeof(this), "%04d-%02d", tm.year, mon);
		month = this;
	}
	if (ev_window(ctx, EV_W_MONTH, month, &lo, &hi, &err) < 0)
		ev_die(EV_EXIT_ERROR, "%s: %s", o->dateopt != NULL ? "--month" :
		    "the month", err.msg);
	ev_tm_from_wall(ev_zone_to_wall(ev_ctx_zone(ctx), lo), &tm);
	*y = tm.year;
	*m = tm.mon;
	if (o->year != NULL) {
		*y = (int)ev_cli_number(o->year, o->yearflag &&
		    o->dateopt != NULL ? "--year" : "the year", 1, 9999);
		*m = 1;
	}
}

/* Every check of the options, then the calendar asked for: a month
 * (with its neighbours for -3), N months or a year; before --output is
 * opened. */
static struct ev_cal *
make_cal(struct ev_ctx *ctx, struct opts *o)
{
	struct ev_cal *cal;
	struct ev_err err;
	int y, m, n = 1;

	if (o->monthflag && o->yearflag)
		ev_die(EV_EXIT_ERROR, "give one of --month and --year");
	if (o->monday && o->sunday)
		ev_die(EV_EXIT_ERROR, "give one of -m and -s");
	if (o->cal.link != NULL && ev_cal_link_check(o->cal.link, &err) < 0)
		ev_die(EV_EXIT_ERROR, "--link: %s", err.msg);
	if (!o->html && (o->cal.link != NULL || o->standalone))
		ev_die(EV_EXIT_ERROR, "%s needs -o html", o->standalone ?
		    "--standalone" : "--link");
	o->cal.sunday = o->sunday || (!o->monday &&
	    ev_ctx_lang(ctx) == EV_LANG_EN);
	first_month(ctx, o, &y, &m);
	switch (o->view) {
	case V_YEAR: m = 1; n = 12; break;
	case V_THREE:
		n = 3;
		if (--m == 0)
			m = 12, y--;
		break;
	case V_MONTHS: n = (int)o->nmonths; break;
	default: break;
	}
	if ((cal = ev_cal_new(ctx, y, m, n, &o->cal)) == NULL)
		ev_die(EV_EXIT_ERROR, "cannot make a calendar for that date");
	return cal;
}
/* Read every event into the stream; stop at a bad record under
 * --strict. */
static void
read_all(struct opts *o, struct ev_occs *occs, char **files, int nfiles)
{
	struct ev_input *in = ev_cli_input_new(&o->cli, &o->in, files, nfiles);
	struct ev_event *ev = ev_event_new();

	/* only times and a few fields are looked at: no raw bytes */
	ev_input_noraw(in);
	while (ev_cli_next(&o->cli, in, ev))
		ev_occs_add(occs, ev);
	ev_event_free(ev);
	ev_input_free(in);
}

/* Count the occurrences that overlap the calendar, cancelled ones not. */
static void
mark(struct opts *o, struct ev_cal *cal, struct ev_occs *occs)
{
	struct ev_event *occ;
	struct ev_err err;
	int64_t from, to;
	int rc;

	ev_cal_span(cal, &from, &to);
	ev_occs_expand(occs, from, to, EV_OCC_LIMIT, 0);
	while ((rc = ev_occs_next(occs, &occ, &err)) != 0) {
		if (rc < 0)
			ev_cli_bad(&o->cli, err.msg, rc);
		else if (!ev_event_cancelled(occ))
			ev_cal_add(cal, occ);
	}
}

/* The text agenda below the grid: ev-list's, over the months proper. */
static int
text_agenda(struct opts *o, const struct ev_cal *cal, struct ev_occs *occs)
{
	struct ev_wopts wo = {0};
	struct ev_writer *w;
	struct ev_event *occ;
	int64_t from, to;
	int werr = 0, n = 0;

	wo.color = o->cli.color_on;
	w = ev_writer_new(o->cli.ctx, o->cli.out, EV_FMT_TEXT, &wo);
	ev_cal_months_span(cal, &from, &to);
	ev_writer_clip(w, from);
	ev_occs_rewind(occs);
	while (ev_occs_next(occs, &occ, NULL) > 0) {
		if (!ev_cal_shows(cal, occ) || ev_event_cancelled(occ))
			continue;
		n++;
		if (ev_write(w, occ) < 0) {
			werr = 1;
			break;
		}
	}
	if (ev_writer_finish(w) < 0)
		werr = 1;
	if (n == 0 && fputs(ev_ctx_lang(o->cli.ctx) == EV_LANG_DE ?
	    "Keine Veranstaltungen.\n" : "No events.\n", o->cli.out) == EOF)
		werr = 1;
	ev_writer_free(w);
	return werr;
}

static int
render(struct opts *o, const struct ev_cal *cal, struct ev_occs *occs)
{
	struct ev_buf out = {0};
	int werr = 0;

	if (o->html) {
		if (o->standalone)
			ev_cal_html_begin(cal, &out);
		ev_cal_html(cal, &out);
		if (o->agenda && occs != NULL)
			ev_cal_html_agenda(cal, occs, &out);
		if (o->standalone)
			ev_cal_html_end(cal, &out);
	} else {
		ev_cal_text(cal, o->cli.color_on, &out);
		if (o->agenda && occs != NULL)
			ev_buf_addc(&out, '\n');
	}
	if (fwrite(out.p, 1, out.len, o->cli.out) != out.len)
		werr = 1;
	ev_buf_free(&out);
	if (!o->html && o->agenda && occs != NULL && !werr)
		werr = text_agenda(o, cal, occs);
	return werr;
}

int
main(int argc, char *argv[])
{
	struct opts o = {0};
	struct ev_cal *cal;
	struct ev_occs *occs = NULL;
	int werr = 0, n;

	ev_setprogname(argv[0]);
	parse_args(&argc, &argv, &o);
	n = date_operands(argc, argv, &o);
	if (n > 0 && o.dateopt != NULL)
		ev_die(EV_EXIT_ERROR, "give the date once: %s and \"%s\"",
		    o.dateopt, argv[0]);
	if (n > 0 && (o.monthflag || o.yearflag))
		ev_die(EV_EXIT_ERROR, "%s takes %s: \"%s\" (or give the date "
		    "as operands alone)", o.monthflag ? "--month" : "--year",
		    o.monthflag ? "YYYY-MM" : "YYYY", argv[0]);
	argc -= n;
	argv += n;
	ev_cli_setup(&o.cli);
	cal = make_cal(o.cli.ctx, &o);
	ev_cli_open(&o.cli);
	/* like cal(1): nothing to read when stdin is a terminal */
	if (argc > 0 || !isatty(STDIN_FILENO)) {
		occs = ev_occs_new(o.cli.ctx, 1);
		read_all(&o, occs, argv, argc);
	}
	if (!(o.cli.strict && o.cli.status != EV_EXIT_OK)) {
		if (occs != NULL)
			mark(&o, cal, occs);
		werr = render(&o, cal, occs);
	}
	ev_occs_free(occs);
	ev_cal_free(cal);
	return ev_cli_finish(&o.cli, werr);
}
