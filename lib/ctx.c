/* ctx.c - the run's context: display zone, "now", language. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "evkit_priv.h"

struct ev_ctx *
ev_ctx_new(void)
{
	struct ev_ctx *ctx = ev_ecalloc(1, sizeof(*ctx));

	ctx->zone = ev_zone_utc(ctx);
	ctx->now = (int64_t)time(NULL);
	ctx->lang = EV_LANG_EN;
	return ctx;
}

void
ev_ctx_free(struct ev_ctx *ctx)
{
	if (ctx == NULL)
		return;
	ev_zone_free_all(ctx);
	free(ctx->zones);
	for (size_t i = 0; i < ctx->nstrs; i++)
		free(ctx->strs[i]);
	free(ctx->strs);
	free(ctx);
}

/*
 * --tz, else $TZ, else the system's zone.  As glibc reads TZ: a leading
 * colon names a zone file ("TZ=:Europe/Berlin", "TZ=:/etc/localtime"),
 * an absolute path is a TZif file, else a zone name or a POSIX rule.
 */
int
ev_ctx_set_tz(struct ev_ctx *ctx, const char *name, struct ev_err *err)
{
	const struct ev_zone *z;
	const char *env = getenv("TZ");

	if (name == NULL && env != NULL && *env != '\0')
		name = env;
	if (name != NULL && *name == ':')
		name++;
	if (name == NULL || *name == '\0') {
		ctx->zone = ev_zone_system(ctx);
		return 0;
	}
	if (*name == '/')
		z = ev_zone_path(ctx, name);
	else if ((z = ev_zone_get(ctx, name)) == NULL)
		z = ev_zone_posix(ctx, name);
	if (z == NULL) {
		ev_err_set(err, NULL, 0, "unknown time zone \"%s\"", name);
		return -1;
	}
	ctx->zone = z;
	return 0;
}

int
ev_ctx_set_now(struct ev_ctx *ctx, const char *expr, struct ev_err *err)
{
	int64_t lo, hi;
	const char *env = getenv("EV_NOW");

	ctx->now = (int64_t)time(NULL);
	if (expr == NULL && env != NULL && *env != '\0')
		expr = env;
	if (expr == NULL)
		return 0;
	if (ev_when_parse(ctx, expr, &lo, &hi, err) < 0)
		return -1;
	ctx->now = lo;
	return 0;
}

void
ev_ctx_set_lang(struct ev_ctx *ctx, enum ev_lang lang)
{
	ctx->lang = lang;
}

const struct ev_zone *
ev_ctx_zone(const struct ev_ctx *ctx)
{
	return ctx->zone;
}

int64_t
ev_ctx_now(const struct ev_ctx *ctx)
{
	return ctx->now;
}

enum ev_lang
ev_ctx_lang(const struct ev_ctx *ctx)
{
	return ctx->lang;
}

const char *
ev_ctx_intern(struct ev_ctx *ctx, const char *s)
{
	for (size_t i = 0; i < ctx->nstrs; i++)
		if (strcmp(ctx->strs[i], s) == 0)
			return ctx->strs[i];
	ctx->strs = ev_ereallocarray(ctx->strs, ctx->nstrs + 1,
	    sizeof(*ctx->strs));
	ctx->strs[ctx->nstrs] = ev_estrdup(s);
	return ctx->strs[ctx->nstrs++];
}
