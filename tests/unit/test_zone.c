/*
 * Unit tests: zone.c, winzones.c.  Expected offsets are historical facts
 * (tzdata, cross-checked with Python's zoneinfo), not this code's output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libical/ical.h>

#include "evkit_priv.h"
#include "t.h"

#define H	3600

/* UTC (or wall) seconds of a civil date and time */
static int64_t
at(int y, int mo, int d, int h, int mi, int s)
{
	return ev_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

/* Berlin's rules since 1996, as Outlook and Google write them */
static const char custom_berlin[] =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Custom/Berlin\r\n"
    "X-LIC-LOCATION:Europe/Berlin\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "TZNAME:CEST\r\n"
    "DTSTART:19700329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMON\r\n"	/* folded: the reader may not */
    " TH=3;BYDAY=-1SU\r\n"		/* have unfolded it */
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "TZNAME:CET\r\n"
    "DTSTART:19701025T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

static void
test_offsets(struct ev_ctx *ctx)
{
	const struct ev_zone *b = ev_zone_get(ctx, "Europe/Berlin");
	const struct ev_zone *ny = ev_zone_get(ctx, "America/New_York");

	T_OK(b != NULL);
	T_OK(ny != NULL);
	T_EQ(ev_zone_offset(b, at(2016, 1, 15, 12, 0, 0)), 1 * H);
	T_EQ(ev_zone_offset(b, at(2016, 7, 15, 12, 0, 0)), 2 * H);
	/* 2016-03-27 02:00 CET -> 03:00 CEST, at 01:00Z */
	T_EQ(ev_zone_offset(b, at(2016, 3, 27, 0, 59, 59)), 1 * H);
	T_EQ(ev_zone_offset(b, at(2016, 3, 27, 1, 0, 0)), 2 * H);
	/* 2016-10-30 03:00 CEST -> 02:00 CET, at 01:00Z */
	T_EQ(ev_zone_offset(b, at(2016, 10, 30, 0, 59, 59)), 2 * H);
	T_EQ(ev_zone_offset(b, at(2016, 10, 30, 1, 0, 0)), 1 * H);
	T_EQ(ev_zone_offset(ny, at(2016, 1, 15, 12, 0, 0)), -5 * H);
	T_EQ(ev_zone_offset(ny, at(2016, 7, 15, 12, 0, 0)), -4 * H);
	/* 2016-03-13 02:00 EST and 2016-11-06 02:00 EDT */
	T_EQ(ev_zone_offset(ny, at(2016, 3, 13, 6, 59, 59)), -5 * H);
	T_EQ(ev_zone_offset(ny, at(2016, 3, 13, 7, 0, 0)), -4 * H);
	T_EQ(ev_zone_offset(ny, at(2016, 11, 6, 5, 59, 59)), -4 * H);
	T_EQ(ev_zone_offset(ny, at(2016, 11, 6, 6, 0, 0)), -5 * H);
	/* before 1970: no DST in Germany 1950-1979, New York had it */
	T_EQ(ev_zone_offset(b, at(1960, 7, 1, 12, 0, 0)), 1 * H);
	T_EQ(ev_zone_offset(ny, at(1960, 1, 15, 12, 0, 0)), -5 * H);
	T_EQ(ev_zone_offset(ny, at(1960, 7, 1, 12, 0, 0)), -4 * H);
	T_EQ(ev_zone_offset(ny, at(1960, 4, 24, 6, 59, 59)), -5 * H);
	T_EQ(ev_zone_offset(ny, at(1960, 4, 24, 7, 0, 0)), -4 * H);
	/* local mean time: Berlin +0:53:28, New York -4:56:02 */
	T_EQ(ev_zone_offset(b, at(1890, 1, 1, 0, 0, 0)), 3208);
	T_EQ(ev_zone_offset(ny, at(1880, 1, 1, 0, 0, 0)), -17762);
	/* after 2037, from the zone's rule */
	T_EQ(ev_zone_offset(b, at(2050, 3, 27, 0, 59, 59)), 1 * H);
	T_EQ(ev_zone_offset(b, at(2050, 3, 27, 1, 0, 0)), 2 * H);
	T_EQ(ev_zone_offset(b, at(2050, 10, 30, 0, 59, 59)), 2 * H);
	T_EQ(ev_zone_offset(b, at(2050, 10, 30, 1, 0, 0)), 1 * H);
	T_EQ(ev_zone_offset(ny, at(2050, 3, 13, 6, 59, 59)), -5 * H);
	T_EQ(ev_zone_offset(ny, at(2050, 3, 13, 7, 0, 0)), -4 * H);
	T_EQ(ev_zone_offset(ny, at(2050, 11, 6, 5, 59, 59)), -4 * H);
	T_EQ(ev_zone_offset(ny, at(2050, 11, 6, 6, 0, 0)), -5 * H);
	T_EQ(ev_zone_offset(b, at(2500, 1, 1, 0, 0, 0)), 1 * H);
	T_EQ(ev_zone_offset(b, at(2500, 7, 1, 0, 0, 0)), 2 * H);
	T_EQ(ev_zone_offset(b, at(9999, 7, 1, 0, 0, 0)), 2 * H);
}

/* Rules that need more than "second Sunday at 02:00". */
static void
test_rules(struct ev_ctx *ctx)
{
	const struct ev_zone *z;

	z = ev_zone_get(ctx, "Australia/Sydney");
	T_EQ(ev_zone_offset(z, at(2050, 1, 1, 0, 0, 0)), 11 * H);
	T_EQ(ev_zone_offset(z, at(2050, 7, 1, 0, 0, 0)), 10 * H);
	/* first Saturday of April at 24:00 */
	z = ev_zone_get(ctx, "America/Santiago");
	T_EQ(ev_zone_offset(z, at(2050, 4, 3, 2, 59, 59)), -3 * H);
	T_EQ(ev_zone_offset(z, at(2050, 4, 3, 3, 0, 0)), -4 * H);
	/* last Sunday of March at -1:00 */
	z = ev_zone_get(ctx, "America/Nuuk");
	T_EQ(ev_zone_offset(z, at(2050, 3, 27, 0, 59, 59)), -2 * H);
	T_EQ(ev_zone_offset(z, at(2050, 3, 27, 1, 0, 0)), -1 * H);
	/* Irish "negative DST" */
	z = ev_zone_get(ctx, "Europe/Dublin");
	T_EQ(ev_zone_offset(z, at(2016, 1, 15, 0, 0, 0)), 0);
	T_EQ(ev_zone_offset(z, at(2016, 7, 15, 0, 0, 0)), 1 * H);
	/* libical 3.0.16 gets these three wrong */
	T_EQ(ev_zone_offset(ev_zone_get(ctx, "Europe/London"),
	    at(1977, 11, 1, 0, 0, 0)), 0);
	T_EQ(ev_zone_offset(ev_zone_get(ctx, "Asia/Jerusalem"),
	    at(2016, 7, 1, 0, 0, 0)), 3 * H);
	T_EQ(ev_zone_offset(ev_zone_get(ctx, "America/Sao_Paulo"),
	    at(2014, 7, 1, 0, 0, 0)), -3 * H);
	/* no changes at all */
	T_EQ(ev_zone_offset(ev_zone_get(ctx, "Etc/GMT+5"), 0), -5 * H);
	T_EQ(ev_zone_offset(ev_zone_get(ctx, "Asia/Kolkata"),
	    at(2016, 7, 1, 0, 0, 0)), 5 * H + 1800);
	/* Samoa skipped 2011-12-30: -10 to +14 */
	z = ev_zone_get(ctx, "Pacific/Apia");
	T_EQ(ev_zone_to_utc(z, at(2011, 12, 29, 23, 0, 0)),
	    at(2011, 12, 30, 9, 0, 0));
	T_EQ(ev_zone_to_utc(z, at(2011, 12, 31, 0, 0, 0)),
	    at(2011, 12, 30, 10, 0, 0));
	T_EQ(ev_zone_to_utc(z, at(2011, 12, 30, 12, 0, 0)),
	    at(2011, 12, 30, 22, 0, 0));	/* in the gap: -10 */
}

static void
test_to_utc(struct ev_ctx *ctx)
{
	const struct ev_zone *b = ev_zone_get(ctx, "Europe/Berlin");
	const struct ev_zone *ny = ev_zone_get(ctx, "America/New_York");
	const struct ev_zone *u = ev_zone_utc(ctx);

	T_EQ(ev_zone_to_utc(b, at(2016, 12, 24, 18, 0, 0)),
	    at(2016, 12, 24, 17, 0, 0));
	T_EQ(ev_zone_to_utc(b, at(2016, 7, 1, 12, 0, 0)),
	    at(2016, 7, 1, 10, 0, 0));
	T_EQ(ev_zone_to_wall(b, at(2016, 12, 24, 17, 0, 0)),
	    at(2016, 12, 24, 18, 0, 0));
	/* spring gap: the offset before it, 02:30 = 03:30+02:00 */
	T_EQ(ev_zone_to_utc(b, at(2016, 3, 27, 2, 30, 0)),
	    at(2016, 3, 27, 1, 30, 0));
	T_EQ(ev_zone_to_wall(b, at(2016, 3, 27, 1, 30, 0)),
	    at(2016, 3, 27, 3, 30, 0));
	T_EQ(ev_zone_to_utc(b, at(2016, 3, 27, 1, 59, 59)),
	    at(2016, 3, 27, 0, 59, 59));
	T_EQ(ev_zone_to_utc(b, at(2016, 3, 27, 3, 0, 0)),
	    at(2016, 3, 27, 1, 0, 0));
	T_EQ(ev_zone_to_utc(ny, at(2016, 3, 13, 2, 30, 0)),
	    at(2016, 3, 13, 7, 30, 0));
	/* autumn overlap: the first occurrence */
	T_EQ(ev_zone_to_utc(b, at(2016, 10, 30, 2, 30, 0)),
	    at(2016, 10, 30, 0, 30, 0));
	T_EQ(ev_zone_to_utc(b, at(2016, 10, 30, 2, 0, 0)),
	    at(2016, 10, 30, 0, 0, 0));
	T_EQ(ev_zone_to_utc(b, at(2016, 10, 30, 3, 0, 0)),
	    at(2016, 10, 30, 2, 0, 0));
	T_EQ(ev_zone_to_utc(b, at(2016, 10, 30, 1, 59, 59)),
	    at(2016, 10, 29, 23, 59, 59));
	T_EQ(ev_zone_to_utc(ny, at(2016, 11, 6, 1, 30, 0)),
	    at(2016, 11, 6, 5, 30, 0));
	T_EQ(ev_zone_to_utc(ny, at(2016, 11, 6, 2, 0, 0)),
	    at(2016, 11, 6, 7, 0, 0));
	/* far from now */
	T_EQ(ev_zone_to_utc(ny, at(1960, 7, 4, 12, 0, 0)),
	    at(1960, 7, 4, 16, 0, 0));
	T_EQ(ev_zone_to_utc(b, at(2050, 10, 30, 2, 30, 0)),
	    at(2050, 10, 30, 0, 30, 0));
	T_EQ(ev_zone_to_utc(b, at(2050, 3, 27, 2, 30, 0)),
	    at(2050, 3, 27, 1, 30, 0));
	T_EQ(ev_zone_to_utc(b, at(2816, 3, 27, 2, 30, 0)),	/* folded */
	    at(2816, 3, 27, 1, 30, 0));
	T_EQ(ev_zone_to_utc(u, at(2016, 3, 27, 2, 30, 0)),
	    at(2016, 3, 27, 2, 30, 0));
	T_EQ(ev_zone_offset(u, at(2016, 7, 1, 0, 0, 0)), 0);
}

static void
test_names(struct ev_ctx *ctx)
{
	const struct ev_zone *b = ev_zone_get(ctx, "Europe/Berlin");
	size_t n;

	T_STREQ(ev_zone_name(b), "Europe/Berlin");
	T_STREQ(ev_zone_name(ev_zone_get(ctx, "America/New_York")),
	    "America/New_York");
	/* the cache: the same zone again, nothing new made */
	n = ctx->nzones;
	T_OK(ev_zone_get(ctx, "Europe/Berlin") == b);
	T_OK(ev_zone_get(ctx, "W. Europe Standard Time") == b);
	T_EQ(ctx->nzones, n);
	/* UTC under its many names */
	T_STREQ(ev_zone_name(ev_zone_utc(ctx)), "UTC");
	T_OK(ev_zone_get(ctx, "UTC") == ev_zone_utc(ctx));
	T_OK(ev_zone_get(ctx, "Etc/UTC") == ev_zone_utc(ctx));
	T_OK(ev_zone_get(ctx, "GMT") == ev_zone_utc(ctx));
	T_OK(ev_zone_get(ctx, "Z") == ev_zone_utc(ctx));
	T_OK(ev_zone_get(ctx, "utc") == ev_zone_utc(ctx));
	/* unknown, and names that are no zoneinfo path */
	T_OK(ev_zone_get(ctx, "Nowhere/Special") == NULL);
	T_OK(ev_zone_get(ctx, "") == NULL);
	T_OK(ev_zone_get(ctx, NULL) == NULL);
	T_OK(ev_zone_get(ctx, "../../../etc/passwd") == NULL);
	T_OK(ev_zone_get(ctx, "/usr/share/zoneinfo/Europe/Berlin") == NULL);
	T_OK(ev_zone_get(ctx, "Europe/") == NULL);
	T_OK(ev_zone_get(ctx, "Europe") == NULL);
	T_OK(ev_zone_get(ctx, "zone.tab") == NULL);
	T_OK(ev_zone_system(ctx) != NULL);
	T_OK(ev_zone_name(ev_zone_system(ctx)) != NULL);
}

/* A zone file by its path ($TZ=/path, a plain /etc/localtime). */
static void
test_path(struct ev_ctx *ctx)
{
	char dir[] = "/tmp/evkit-zone-XXXXXX", tzfile[64], namefile[64],
	    link[64], junk[64];
	const struct ev_zone *z;
	FILE *in, *out;
	int c;

	T_OK(mkdtemp(dir) != NULL);
	snprintf(tzfile, sizeof(tzfile), "%s/localtime", dir);
	snprintf(namefile, sizeof(namefile), "%s/timezone", dir);
	snprintf(link, sizeof(link), "%s/link", dir);
	snprintf(junk, sizeof(junk), "%s/junk", dir);
	/* a copy, as a container's bind-mounted /etc/localtime */
	in = fopen("/usr/share/zoneinfo/America/New_York", "rb");
	T_OK(in != NULL);
	if (in == NULL)
		return;
	out = fopen(tzfile, "wb");
	while ((c = getc(in)) != EOF)
		putc(c, out);
	fclose(in);
	fclose(out);
	out = fopen(namefile, "w");
	fputs("  America/New_York  \n", out);
	fclose(out);
	out = fopen(junk, "w");
	fputs("not a zone\n", out);
	fclose(out);
	T_OK(symlink("/usr/share/zoneinfo/Asia/Tokyo", link) == 0);

	/* the data of the file, named by the name file, else by its path */
	z = ev_zone_path_at(ctx, tzfile, namefile);
	T_OK(z != NULL);
	T_STREQ(ev_zone_name(z), "America/New_York");
	T_EQ(ev_zone_offset(z, 1467331200), -4 * 3600);	/* 2016-07-01 */
	T_EQ(ev_zone_offset(z, 1451606400), -5 * 3600);	/* 2016-01-01 */
	T_EQ(ev_zone_offset(z, 2098396800), -4 * 3600);	/* 2036-07-01 */
	/* read once a run */
	T_OK(ev_zone_path_at(ctx, tzfile, NULL) == z);
	/* a link into zoneinfo, or a zoneinfo path: that zone */
	T_OK(ev_zone_path_at(ctx, link, namefile) ==
	    ev_zone_get(ctx, "Asia/Tokyo"));
	T_OK(ev_zone_path(ctx, "/usr/share/zoneinfo/Europe/Berlin") ==
	    ev_zone_get(ctx, "Europe/Berlin"));
	/* no zone file, no file, no absolute path */
	T_OK(ev_zone_path_at(ctx, junk, NULL) == NULL);
	T_OK(ev_zone_path_at(ctx, "/nonexistent/zone", NULL) == NULL);
	T_OK(ev_zone_path(ctx, "Europe/Berlin") == NULL);
	unlink(tzfile);
	unlink(namefile);
	unlink(link);
	unlink(junk);
	rmdir(dir);
}

static void
test_windows(struct ev_ctx *ctx)
{
	T_STREQ(ev_zone_windows("W. Europe Standard Time"), "Europe/Berlin");
	T_STREQ(ev_zone_windows("w. europe standard time"), "Europe/Berlin");
	T_STREQ(ev_zone_windows("Eastern Standard Time"), "America/New_York");
	T_STREQ(ev_zone_windows("GMT Standard Time"), "Europe/London");
	T_STREQ(ev_zone_windows("Romance Standard Time"), "Europe/Paris");
	T_STREQ(ev_zone_windows("Central Europe Standard Time"),
	    "Europe/Budapest");
	T_STREQ(ev_zone_windows("Central European Standard Time"),
	    "Europe/Warsaw");
	T_STREQ(ev_zone_windows("Pacific Standard Time"),
	    "America/Los_Angeles");
	T_STREQ(ev_zone_windows("Pacific Standard Time (Mexico)"),
	    "America/Tijuana");
	T_STREQ(ev_zone_windows("UTC"), "Etc/UTC");
	T_STREQ(ev_zone_windows("UTC+12"), "Etc/GMT-12");
	T_STREQ(ev_zone_windows("UTC-11"), "Etc/GMT+11");
	T_STREQ(ev_zone_windows("Tokyo Standard Time"), "Asia/Tokyo");
	T_STREQ(ev_zone_windows("India Standard Time"), "Asia/Kolkata");
	T_STREQ(ev_zone_windows("FLE Standard Time"), "Europe/Kyiv");
	T_STREQ(ev_zone_windows("AUS Eastern Standard Time"),
	    "Australia/Sydney");
	T_STREQ(ev_zone_windows("E. South America Standard Time"),
	    "America/Sao_Paulo");
	/* the ends of the table */
	T_STREQ(ev_zone_windows("Afghanistan Standard Time"), "Asia/Kabul");
	T_STREQ(ev_zone_windows("Yukon Standard Time"), "America/Whitehorse");
	T_OK(ev_zone_windows("W. Europe Standard") == NULL);
	T_OK(ev_zone_windows("W. Europe Standard Time ") == NULL);
	T_OK(ev_zone_windows("Europe/Berlin") == NULL);
	T_OK(ev_zone_windows("") == NULL);
	T_OK(ev_zone_windows(NULL) == NULL);
	T_STREQ(ev_zone_name(ev_zone_get(ctx, "Eastern Standard Time")),
	    "America/New_York");
	T_STREQ(ev_zone_name(ev_zone_get(ctx, "Romance Standard Time")),
	    "Europe/Paris");
	T_OK(ev_zone_get(ctx, "UTC") == ev_zone_utc(ctx));
}

/* The hourly offsets of a and b agree through the years from..to. */
static int
same_offsets(const struct ev_zone *a, const struct ev_zone *b, int from,
    int to)
{
	int64_t t;

	for (t = at(from, 1, 1, 0, 0, 0); t < at(to + 1, 1, 1, 0, 0, 0);
	    t += 3600)
		if (ev_zone_offset(a, t) != ev_zone_offset(b, t))
			return 0;
	return 1;
}

static void
test_inline(struct ev_ctx *ctx)
{
	const struct ev_zone *b = ev_zone_get(ctx, "Europe/Berlin");
	const struct ev_zone *c, *c2;
	struct ev_err err = {{0}};
	struct ev_buf out = { NULL, 0, 0 };

	c = ev_zone_from_vtimezone(ctx, custom_berlin, strlen(custom_berlin),
	    &err);
	T_OK(c != NULL);
	if (c == NULL) {
		fprintf(stderr, "    %s\n", err.msg);
		return;
	}
	T_OK(c != b);
	T_STREQ(ev_zone_name(c), "Custom/Berlin");
	T_OK(same_offsets(b, c, 2016, 2017));
	T_OK(same_offsets(b, c, 1996, 2060));
	T_EQ(ev_zone_to_utc(c, at(2016, 3, 27, 2, 30, 0)),
	    at(2016, 3, 27, 1, 30, 0));
	T_EQ(ev_zone_to_utc(c, at(2016, 10, 30, 2, 30, 0)),
	    at(2016, 10, 30, 0, 30, 0));
	/* written again as it came, unfolded, "\n" line ends */
	ev_zone_vtimezone(c, 2016, 2017, &out);
	T_OK(strncmp(out.p, "BEGIN:VTIMEZONE\nTZID:Custom/Berlin\n", 35) == 0);
	T_OK(strstr(out.p, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\n") != NULL);
	T_OK(strchr(out.p, '\r') == NULL);
	T_OK(out.len > 14 &&
	    strcmp(out.p + out.len - 14, "END:VTIMEZONE\n") == 0);
	/* the same definition again (next VCALENDAR): the same zone */
	c2 = ev_zone_from_vtimezone(ctx, custom_berlin, strlen(custom_berlin),
	    &err);
	T_OK(c2 == c);
	/* an inline zone does not take over its name */
	T_OK(ev_zone_get(ctx, "Custom/Berlin") == NULL);
	ev_buf_free(&out);
}

static void
test_bad_inline(struct ev_ctx *ctx)
{
	struct ev_err err = {{0}};
	static const char notz[] = "BEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\n";
	static const char notzid[] = "BEGIN:VTIMEZONE\nBEGIN:STANDARD\n"
	    "DTSTART:19701025T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\n"
	    "END:STANDARD\nEND:VTIMEZONE\n";
	static const char noobs[] = "BEGIN:VTIMEZONE\nTZID:Empty\n"
	    "END:VTIMEZONE\n";
	static const char noto[] = "BEGIN:VTIMEZONE\nTZID:Half\n"
	    "BEGIN:STANDARD\nDTSTART:19701025T030000\nTZOFFSETFROM:+0200\n"
	    "END:STANDARD\nEND:VTIMEZONE\n";

	T_OK(ev_zone_from_vtimezone(ctx, notz, strlen(notz), &err) == NULL);
	T_STREQ(err.msg, "bad VTIMEZONE: not a VTIMEZONE component");
	T_OK(ev_zone_from_vtimezone(ctx, "junk", 4, &err) == NULL);
	T_STREQ(err.msg, "bad VTIMEZONE: not a VTIMEZONE component");
	T_OK(ev_zone_from_vtimezone(ctx, "", 0, &err) == NULL);
	T_OK(ev_zone_from_vtimezone(ctx, notzid, strlen(notzid), &err) == NULL);
	T_STREQ(err.msg, "bad VTIMEZONE: no TZID");
	T_OK(ev_zone_from_vtimezone(ctx, noobs, strlen(noobs), &err) == NULL);
	T_STREQ(err.msg, "bad VTIMEZONE: \"Empty\": no STANDARD or DAYLIGHT");
	T_OK(ev_zone_from_vtimezone(ctx, noto, strlen(noto), &err) == NULL);
	T_STREQ(err.msg,
	    "bad VTIMEZONE: \"Half\": STANDARD without DTSTART or TZOFFSETTO");
}

static void
test_resolve(struct ev_ctx *ctx)
{
	struct ev_zonemap m = { NULL, NULL, 0 };
	struct ev_err err = {{0}};
	const struct ev_zone *b = ev_zone_get(ctx, "Europe/Berlin");
	const struct ev_zone *ny = ev_zone_get(ctx, "America/New_York");
	const struct ev_zone *c;
	int g;

	c = ev_zone_from_vtimezone(ctx, custom_berlin, strlen(custom_berlin),
	    &err);
	ev_zonemap_add(&m, "Custom/Berlin", c);
	ev_zonemap_add(&m, "Europe/Berlin", c);	/* redefined inline */
	T_EQ(m.n, 2);
	T_OK(ev_zone_resolve(ctx, &m, "Custom/Berlin", &g) == c);
	T_OK(ev_zone_resolve(ctx, &m, "Europe/Berlin", &g) == c); /* map first */
	T_OK(ev_zone_resolve(ctx, NULL, "Europe/Berlin", &g) == b);
	T_OK(ev_zone_resolve(ctx, &m, "America/New_York", &g) == ny);
	T_OK(ev_zone_resolve(ctx, &m, "Eastern Standard Time", &g) == ny);
	T_OK(ev_zone_resolve(ctx, &m, "UTC", &g) == ev_zone_utc(ctx));
	T_OK(ev_zone_resolve(ctx, &m, "Nowhere/Special", &g) == NULL);
	T_OK(ev_zone_resolve(ctx, &m, "", &g) == NULL);
	/* TZIDs with a producer's prefix */
	T_OK(ev_zone_resolve(ctx, NULL,
	    "/freeassociation.sourceforge.net/Europe/Berlin", &g) == b);
	T_OK(ev_zone_resolve(ctx, NULL,
	    "/freeassociation.sourceforge.net/Tzfile/Europe/Berlin", &g) == b);
	T_OK(ev_zone_resolve(ctx, NULL,
	    "/citadel.org/20190914_1/Europe/Berlin", &g) == b);
	T_OK(ev_zone_resolve(ctx, NULL,
	    "/mozilla.org/20050126_1/America/New_York", &g) == ny);
	T_OK(ev_zone_resolve(ctx, NULL, "/example.org/Nowhere/Special", &g) ==
	    NULL);
	ev_zonemap_add(&m, "Custom/Berlin", b);	/* a later one wins */
	T_EQ(m.n, 2);
	T_OK(ev_zone_resolve(ctx, &m, "Custom/Berlin", &g) == b);
	ev_zonemap_clear(&m);
	T_EQ(m.n, 0);
	T_OK(m.tzid == NULL);
	T_OK(ev_zone_resolve(ctx, &m, "Custom/Berlin", &g) == NULL);
	ev_zonemap_clear(&m);
}

/* Outlook Web Access display names, with or without their prefix. */
static void
test_display(struct ev_ctx *ctx)
{
	int g;

	(void)ctx;
	T_STREQ(ev_zone_windows_display(
	    "(UTC-05:00) Eastern Time (US & Canada)", &g), "America/New_York");
	T_EQ(g, 0);
	T_STREQ(ev_zone_windows_display(
	    "(UTC-05:00) Eastern Time (US and Canada)", &g), "America/New_York");
	T_STREQ(ev_zone_windows_display(
	    "(GMT+10:00) Canberra, Melbourne, Sydney", &g), "Australia/Sydney");
	T_STREQ(ev_zone_windows_display(
	    "Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", &g),
	    "Europe/Berlin");
	T_EQ(g, 0);
	T_STREQ(ev_zone_windows_display(
	    "(UTC+01:00) brussels, copenhagen, madrid, paris ", &g),
	    "Europe/Paris");
	T_STREQ(ev_zone_windows_display("(GMT) Greenwich Mean Time : Dublin, "
	    "Edinburgh, Lisbon, London", &g), "Europe/London");
	T_STREQ(ev_zone_windows_display("(UTC) Coordinated Universal Time",
	    &g), "Etc/UTC");
	/* the table's first and last names: it is sorted */
	T_STREQ(ev_zone_windows_display("(UTC+04:00) Abu Dhabi, Muscat", &g),
	    "Asia/Dubai");
	T_STREQ(ev_zone_windows_display("(UTC-07:00) Yukon", &g),
	    "America/Whitehorse");
	T_OK(ev_zone_windows_display("(UTC+05:00) Yekaterinburg", &g) ==
	    NULL);
	T_STREQ(ev_zone_windows_display("(UTC+13:00) Nuku'alofa", &g),
	    "Pacific/Tongatapu");
	/* not a display name, but it lists their cities: a guess */
	T_STREQ(ev_zone_windows_display("Amsterdam, Belgrade, Berlin, "
	    "Brussels, Budapest, Madrid, Paris, Prague, Stockholm", &g),
	    "Europe/Berlin");
	T_EQ(g, 1);
	T_OK(ev_zone_windows_display("Nowhere Special", &g) == NULL);
	T_OK(ev_zone_windows_display("", &g) == NULL);
	T_OK(ev_zone_windows_display(NULL, &g) == NULL);
}

/* TZIDs no VTIMEZONE defines: fixed offsets by name, display names. */
static void
test_resolve_names(struct ev_ctx *ctx)
{
	struct ev_zonemap m = { NULL, NULL, 0 };
	const struct ev_zone *z;
	int g;

	z = ev_zone_resolve(ctx, NULL, "UTC+01", &g);
	T_OK(z != NULL);
	T_EQ(g, 0);
	T_STREQ(ev_zone_name(z), "UTC+01:00");
	T_EQ(ev_zone_offset(z, at(2016, 7, 1, 0, 0, 0)), 1 * H);
	T_OK(ev_zone_resolve(ctx, NULL, "(GMT +01:00)", &g) == z);
	T_OK(ev_zone_resolve(ctx, NULL, "UTC+1", &g) == z);
	T_OK(ev_zone_resolve(ctx, NULL, "GMT+0100", &g) == z);
	z = ev_zone_resolve(ctx, NULL, "GMT-05.00", &g);
	T_EQ(ev_zone_offset(z, at(2016, 7, 1, 0, 0, 0)), -5 * H);
	T_EQ(ev_zone_to_utc(z, at(2016, 7, 1, 9, 0, 0)),
	    at(2016, 7, 1, 14, 0, 0));
	z = ev_zone_resolve(ctx, NULL, "UTC+05:30", &g);
	T_EQ(ev_zone_offset(z, 0), 5 * H + 30 * 60);
	T_OK(ev_zone_resolve(ctx, NULL, "UTC+0530", &g) == z);
	T_OK(ev_zone_resolve(ctx, NULL, "(UTC)", &g) == ev_zone_utc(ctx));
	/* guesses: a rule after the offset, an unknown place after it */
	z = ev_zone_resolve(ctx, NULL, "GMT-05.00/-04.00", &g);
	T_EQ(g, 1);
	T_EQ(ev_zone_offset(z, 0), -5 * H);
	z = ev_zone_resolve(ctx, NULL, "(UTC+03:00) Nowhere Special", &g);
	T_EQ(g, 1);
	T_EQ(ev_zone_offset(z, 0), 3 * H);
	/* display names */
	T_OK(ev_zone_resolve(ctx, NULL,
	    "(UTC-05:00) Eastern Time (US & Canada)", &g) ==
	    ev_zone_get(ctx, "America/New_York"));
	T_EQ(g, 0);
	/* not a zone */
	T_OK(ev_zone_resolve(ctx, NULL, "UTC+15", &g) == NULL);
	T_OK(ev_zone_resolve(ctx, NULL, "UTC+1x", &g) == NULL);
	T_OK(ev_zone_resolve(ctx, NULL, "UTCfoo", &g) == NULL);
	T_OK(ev_zone_resolve(ctx, NULL, "FOO", &g) == NULL);
	T_EQ(g, 0);
	T_OK(ev_zone_resolve(ctx, NULL, "", &g) == NULL);
	/* TZID= is only what a VTIMEZONE without TZID defines */
	ev_zonemap_add(&m, "", ev_zone_utc(ctx));
	T_OK(ev_zone_resolve(ctx, &m, "", &g) == ev_zone_utc(ctx));
	ev_zonemap_clear(&m);
}

/* Exchange's VTIMEZONE without a TZID, for UTC */
static const char blank_utc[] =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:16010101T000000\r\n"
    "TZOFFSETFROM:+0000\r\n"
    "TZOFFSETTO:+0000\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

/* New York with the rules before 2007, written for 2006 to 2007 only */
static const char short_ny[] =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:America/New_York\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:20061029T020000\r\n"
    "RDATE:20071028T020000\r\n"
    "TZOFFSETFROM:-0400\r\n"
    "TZOFFSETTO:-0500\r\n"
    "END:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "DTSTART:20070401T020000\r\n"
    "TZOFFSETFROM:-0500\r\n"
    "TZOFFSETTO:-0400\r\n"
    "END:DAYLIGHT\r\n"
    "END:VTIMEZONE\r\n";

/* Sydney's yearly rules from 2008 on */
static const char late_sydney[] =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Australia/Sydney\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:20080406T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU\r\n"
    "TZOFFSETFROM:+1100\r\n"
    "TZOFFSETTO:+1000\r\n"
    "END:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "DTSTART:20081005T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU\r\n"
    "TZOFFSETFROM:+1000\r\n"
    "TZOFFSETTO:+1100\r\n"
    "END:DAYLIGHT\r\n"
    "END:VTIMEZONE\r\n";

/* An inline zone named like an IANA one covers its onsets; outside
 * them the IANA zone holds, and that is said once. */
static void
test_span(struct ev_ctx *ctx)
{
	struct ev_err err = {{0}};
	const struct ev_zone *z;

	T_EQ(ev_vtimezone_utc(blank_utc, strlen(blank_utc)), 1);
	T_EQ(ev_vtimezone_utc(custom_berlin, strlen(custom_berlin)), 0);
	T_EQ(ev_vtimezone_utc("junk", 4), 0);

	z = ev_zone_from_vtimezone(ctx, short_ny, strlen(short_ny), &err);
	T_OK(z != NULL);
	/* inside: the inline rules win (DST from 1 April, not 11 March) */
	T_EQ(ev_zone_offset(z, at(2007, 3, 20, 14, 0, 0)), -5 * H);
	T_EQ(ev_zone_offset(z, at(2007, 7, 1, 14, 0, 0)), -4 * H);
	T_EQ(ev_zone_stray(z, at(2007, 3, 20, 14, 0, 0), &err), 0);
	/* after the last onset it holds until New York's next change */
	T_EQ(ev_zone_offset(z, at(2007, 10, 30, 14, 0, 0)), -5 * H);
	T_EQ(ev_zone_offset(z, at(2008, 1, 15, 14, 0, 0)), -5 * H);
	T_EQ(ev_zone_stray(z, at(2008, 1, 15, 14, 0, 0), &err), 0);
	/* before and after: New York's (the text alone: -4, -5) */
	T_EQ(ev_zone_offset(z, at(2006, 1, 15, 14, 0, 0)), -5 * H);
	T_EQ(ev_zone_offset(z, at(2008, 7, 1, 14, 0, 0)), -4 * H);
	T_EQ(ev_zone_offset(z, at(2030, 7, 1, 14, 0, 0)), -4 * H);
	T_EQ(ev_zone_to_utc(z, at(2006, 1, 15, 9, 0, 0)),
	    at(2006, 1, 15, 14, 0, 0));
	T_EQ(ev_zone_to_utc(z, at(2007, 3, 20, 9, 0, 0)),
	    at(2007, 3, 20, 14, 0, 0));
	T_EQ(ev_zone_to_utc(z, at(2008, 7, 1, 9, 0, 0)),
	    at(2008, 7, 1, 13, 0, 0));
	T_EQ(ev_zone_stray(z, at(2008, 7, 1, 13, 0, 0), &err), 1);
	T_STREQ(err.msg, "VTIMEZONE \"America/New_York\" covers 2006-10-29 "
	    "to 2007-10-28 only: times outside read in the zone "
	    "America/New_York");
	T_EQ(ev_zone_stray(z, at(2006, 1, 15, 14, 0, 0), &err), 0); /* once */
	T_STREQ(ev_zone_name(z), "America/New_York");
	T_OK(ev_zone_inline(z));

	/* yearly rules cover for good from their start */
	z = ev_zone_from_vtimezone(ctx, late_sydney, strlen(late_sydney),
	    &err);
	T_EQ(ev_zone_offset(z, at(2003, 7, 31, 13, 0, 0)), 10 * H);
	T_EQ(ev_zone_offset(z, at(2090, 1, 10, 0, 0, 0)), 11 * H);
	T_EQ(ev_zone_stray(z, at(2090, 1, 10, 0, 0, 0), &err), 0);
	T_EQ(ev_zone_stray(z, at(2003, 7, 31, 13, 0, 0), &err), 1);
	T_STREQ(err.msg, "VTIMEZONE \"Australia/Sydney\" starts 2008-04-06: "
	    "earlier times read in the zone Australia/Sydney");

	/* a name no zone has: the text alone, before its first onset too */
	z = ev_zone_from_vtimezone(ctx, custom_berlin, strlen(custom_berlin),
	    &err);
	T_EQ(ev_zone_offset(z, at(1960, 7, 1, 0, 0, 0)), 1 * H);
	T_EQ(ev_zone_stray(z, at(1960, 7, 1, 0, 0, 0), &err), 0);
}

/* Offsets libical finds in a VTIMEZONE text agree with z's, hourly. */
static int
reparse_agrees(const struct ev_zone *z, const char *text, int from, int to)
{
	icalcomponent *comp = icalparser_parse_string(text);
	icaltimezone *itz = icaltimezone_new();
	struct icaltimetype tt;
	struct ev_tm tm;
	int64_t t;
	int ok = 1;

	if (comp == NULL || !icaltimezone_set_component(itz, comp)) {
		if (comp != NULL)
			icalcomponent_free(comp);
		icaltimezone_free(itz, 1);
		return 0;
	}
	for (t = at(from, 1, 1, 0, 0, 0); ok && t < at(to + 1, 1, 1, 0, 0, 0);
	    t += 3600) {
		ev_tm_from_wall(t, &tm);
		tt = icaltime_null_time();
		tt.year = tm.year;
		tt.month = tm.mon;
		tt.day = tm.mday;
		tt.hour = tm.hour;
		tt.zone = icaltimezone_get_utc_timezone();
		ok = icaltimezone_get_utc_offset_of_utc_time(itz, &tt, NULL) ==
		    ev_zone_offset(z, t);
	}
	icaltimezone_free(itz, 1);
	return ok;
}

static void
test_vtimezone(struct ev_ctx *ctx)
{
	const struct ev_zone *b = ev_zone_get(ctx, "Europe/Berlin");
	struct ev_buf out = { NULL, 0, 0 };
	static const struct {
		const char *name;
		int from, to;
	} cases[] = {
		{ "America/New_York", 2016, 2017 },
		{ "America/New_York", 1960, 1961 },
		{ "Europe/Berlin", 2049, 2051 },
		{ "Europe/London", 1976, 1978 },
		{ "Asia/Jerusalem", 2015, 2017 },
		{ "America/Sao_Paulo", 2013, 2020 },
		{ "Australia/Sydney", 2016, 2017 },
		{ "Europe/Dublin", 2016, 2016 },
		{ "Asia/Kolkata", 2016, 2016 },
		{ "Etc/GMT+5", 2016, 2016 },
	};
	size_t i;
	icaltimezone *lib;

	ev_zone_vtimezone(b, 2016, 2017, &out);
	T_OK(strncmp(out.p, "BEGIN:VTIMEZONE\nTZID:Europe/Berlin\n", 35) == 0);
	T_OK(out.len > 14 &&
	    strcmp(out.p + out.len - 14, "END:VTIMEZONE\n") == 0);
	T_OK(strstr(out.p, "freeassociation") == NULL);
	T_OK(strstr(out.p, "X-LIC") == NULL);
	T_OK(strchr(out.p, '\r') == NULL);
	T_OK(strstr(out.p, "TZOFFSETFROM:+0100\nTZOFFSETTO:+0200\n") != NULL);
	T_OK(strstr(out.p, "BYMONTH=10;BYDAY=-1SU\n") != NULL);
	T_OK(strstr(out.p, "TZNAME:CEST\n") != NULL);
	T_OK(reparse_agrees(b, out.p, 2016, 2017));
	/* and with libical's own Europe/Berlin, right in these years */
	lib = icaltimezone_get_builtin_timezone("Europe/Berlin");
	T_OK(lib != NULL);
	if (lib != NULL) {
		int64_t t;
		int ok = 1;
		struct icaltimetype tt;
		struct ev_tm tm;

		for (t = at(2016, 1, 1, 0, 0, 0); ok && t < at(2018, 1, 1, 0,
		    0, 0); t += 3600) {
			ev_tm_from_wall(t, &tm);
			tt = icaltime_null_time();
			tt.year = tm.year;
			tt.month = tm.mon;
			tt.day = tm.mday;
			tt.hour = tm.hour;
			tt.zone = icaltimezone_get_utc_timezone();
			ok = icaltimezone_get_utc_offset_of_utc_time(lib, &tt,
			    NULL) == ev_zone_offset(b, t);
		}
		T_OK(ok);
	}
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct ev_zone *z = ev_zone_get(ctx, cases[i].name);

		int ok;

		ev_buf_clear(&out);
		ev_zone_vtimezone(z, cases[i].from, cases[i].to, &out);
		ok = reparse_agrees(z, out.p, cases[i].from, cases[i].to);
		T_OK(ok);
		if (!ok)
			fprintf(stderr, "    %s %d-%d:\n%s", cases[i].name,
			    cases[i].from, cases[i].to, out.p);
	}
	/* UTC needs none */
	ev_buf_clear(&out);
	ev_zone_vtimezone(ev_zone_utc(ctx), 2016, 2017, &out);
	T_EQ(out.len, 0);
	ev_buf_free(&out);
}

/* A zoneinfo directory of our own through TZDIR: bad files are no zone. */
static void
test_tzdir(struct ev_ctx *ctx)
{
	char dir[] = "/tmp/evkit-zone-XXXXXX", path[256];
	FILE *fp;
	/* version 1, one type (+03:00 "ABC"), no changes */
	static const unsigned char v1[] = {
		'T', 'Z', 'i', 'f', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,
		0, 0, 0, 0,  0, 0, 0, 1,  0, 0, 0, 4,
		0, 0, 0x2a, 0x30, 0, 0, 'A', 'B', 'C', 0
	};

	if (mkdtemp(dir) == NULL) {
		T_OK(0);
		return;
	}
	setenv("TZDIR", dir, 1);
	snprintf(path, sizeof(path), "%s/Test", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/Test/One", dir);
	if ((fp = fopen(path, "wb")) != NULL) {
		fwrite(v1, 1, sizeof(v1), fp);
		fclose(fp);
	}
	T_EQ(ev_zone_offset(ev_zone_get(ctx, "Test/One"), 0), 3 * H);
	snprintf(path, sizeof(path), "%s/Test/Short", dir);
	if ((fp = fopen(path, "wb")) != NULL) {
		fwrite(v1, 1, sizeof(v1) - 3, fp);
		fclose(fp);
	}
	T_OK(ev_zone_get(ctx, "Test/Short") == NULL);
	snprintf(path, sizeof(path), "%s/Test/Text", dir);
	if ((fp = fopen(path, "wb")) != NULL) {
		fputs("not a zone\n", fp);
		fclose(fp);
	}
	T_OK(ev_zone_get(ctx, "Test/Text") == NULL);
	/* the system's zones are still found after TZDIR */
	T_OK(ev_zone_get(ctx, "Asia/Tokyo") != NULL);
	unsetenv("TZDIR");
	remove(path);
	snprintf(path, sizeof(path), "%s/Test/Short", dir);
	remove(path);
	snprintf(path, sizeof(path), "%s/Test/One", dir);
	remove(path);
	snprintf(path, sizeof(path), "%s/Test", dir);
	rmdir(path);
	rmdir(dir);
}

/* POSIX TZ strings: display zones only, with the rule for all years */
static void
test_posix(struct ev_ctx *ctx)
{
	const struct ev_zone *z;
	struct ev_err err;

	z = ev_zone_posix(ctx, "CET-1CEST,M3.5.0,M10.5.0/3");
	T_OK(z != NULL);
	if (z != NULL) {
		/* 2016: DST from 27 March 01:00Z to 30 October 01:00Z */
		T_EQ(ev_zone_offset(z, at(2016, 3, 27, 0, 59, 59)), 1 * H);
		T_EQ(ev_zone_offset(z, at(2016, 3, 27, 1, 0, 0)), 2 * H);
		T_EQ(ev_zone_offset(z, at(2016, 10, 30, 0, 59, 59)), 2 * H);
		T_EQ(ev_zone_offset(z, at(2016, 10, 30, 1, 0, 0)), 1 * H);
		/* and in any other year, as far back as it goes */
		T_EQ(ev_zone_offset(z, at(1950, 7, 1, 0, 0, 0)), 2 * H);
		T_EQ(ev_zone_offset(z, at(2099, 1, 1, 0, 0, 0)), 1 * H);
		T_STREQ(ev_zone_name(z), "CET-1CEST,M3.5.0,M10.5.0/3");
	}
	z = ev_zone_posix(ctx, "<-03>3");
	T_OK(z != NULL && ev_zone_offset(z, at(2016, 1, 1, 0, 0, 0)) == -3 * H);
	/* southern hemisphere: DST over the new year */
	z = ev_zone_posix(ctx, "AEST-10AEDT,M10.1.0,M4.1.0/3");
	T_OK(z != NULL && ev_zone_offset(z, at(2016, 1, 1, 0, 0, 0)) == 11 * H);
	T_OK(z != NULL && ev_zone_offset(z, at(2016, 7, 1, 0, 0, 0)) == 10 * H);
	T_OK(ev_zone_posix(ctx, "Europe/Berlin") == NULL);
	T_OK(ev_zone_posix(ctx, "CET-1CEST,M13.5.0,M10.5.0") == NULL);
	/* a TZID in a feed is a name, never a rule */
	T_OK(ev_zone_get(ctx, "CET-1CEST,M3.5.0,M10.5.0/3") == NULL);
	T_EQ(ev_ctx_set_tz(ctx, "EST5EDT,M3.2.0,M11.1.0", &err), 0);
	T_EQ(ev_zone_offset(ev_ctx_zone(ctx), at(2016, 7, 1, 0, 0, 0)), -4 * H);
	T_EQ(ev_ctx_set_tz(ctx, "Nowhere/Land", &err), -1);
}

static void
run(void)
{
	struct ev_ctx *ctx = ev_ctx_new();

	test_offsets(ctx);
	test_rules(ctx);
	test_to_utc(ctx);
	test_names(ctx);
	test_windows(ctx);
	test_path(ctx);
	test_inline(ctx);
	test_bad_inline(ctx);
	test_resolve(ctx);
	test_display(ctx);
	test_resolve_names(ctx);
	test_span(ctx);
	test_vtimezone(ctx);
	test_tzdir(ctx);
	test_posix(ctx);
	ev_ctx_free(ctx);
	ev_ctx_free(NULL);
}
