/* render.h — what the render snapshot tests share: hms drawn headless
 * (app_render) on the small fixture content of tests/fixtures/render (so
 * that changes to the bundled content never touch the dumps), keys fed by
 * name, and each screen compared with its dump under tests/render/.
 * UPDATE_EXPECTED=1 writes the dumps instead (review the diff before
 * committing). */
#ifndef HMS_TEST_RENDER_H
#define HMS_TEST_RENDER_H

#include <errno.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "content-load.h"
#include "content.h"
#include "key.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static const char *srcdir;
static bool update;
/* Dumps are tests/render/PREFIX NAME-WxH.txt. */
static const char *render_prefix = "";

/* The screen at w x h against its dump. */
static void
snapshot(struct app *a, const char *name, int w, int h)
{
	char path[4096], *got, *want;
	FILE *f;

	snprintf(path, sizeof path, "%s/tests/render/%s%s-%dx%d.txt", srcdir,
	    render_prefix, name, w, h);
	got = app_render(a, w, h, false);
	if (update) {
		if ((f = fopen(path, "w")) != NULL) {
			fputs(got, f);
			fclose(f);
		}
		ok(f != NULL, "%s %dx%d: written", name, w, h);
		free(got);
		return;
	}
	want = util_read_file(path, 0, NULL, NULL);
	if (!ok(want != NULL && strcmp(got, want) == 0, "%s at %dx%d", name, w,
	    h)) {
		diag("expected %s (%s); got:", path, want == NULL ?
		    strerror(errno) : "differs");
		fputs(got, stdout);
	}
	free(got);
	free(want);
}

/* Feed keys by name as one batch, as a slow terminal delivers them:
 * nothing is drawn, and no incremental callback runs, between them. */
static inline void
keys_batch(struct app *a, const char *s)
{
	char name[64];
	const char *p = s, *q;
	uint32_t k, batch[256];
	size_t n = 0;

	while (*p != '\0' && n < HMS_NELEM(batch)) {
		q = strchr(p, ' ');
		if (q == NULL)
			q = p + strlen(p);
		snprintf(name, sizeof name, "%.*s", (int)(q - p), p);
		if ((k = key_from_name(name)) != HK_NONE)
			batch[n++] = k;
		p = *q == ' ' ? q + 1 : q;
	}
	app_feed_batch(a, batch, n);
}

/* Feed keys by name ("s", "Enter"), separated by spaces; T:text types
 * text literally. */
static void
keys(struct app *a, const char *s)
{
	char name[64];
	const char *p = s, *q;
	uint32_t k, cp;
	size_t i, n;

	while (*p != '\0') {
		q = strchr(p, ' ');
		if (q == NULL)
			q = p + strlen(p);
		snprintf(name, sizeof name, "%.*s", (int)(q - p), p);
		if (strncmp(name, "T:", 2) == 0) {
			for (i = 2; name[i] != '\0'; i += n) {
				n = text_utf8_decode(name + i, strlen(name + i),
				    &cp);
				app_feed(a, cp);
			}
		} else if ((k = key_from_name(name)) != HK_NONE)
			app_feed(a, k);
		p = *q == ' ' ? q + 1 : q;
	}
}

/* The fixture content (tests/fixtures/render, checked against the
 * bundled schema), loaded, and a headless hms on it whose "today" is
 * fixed; bails out (TAP) with the loader's problems when that cannot
 * be. */
static struct app *
render_start(struct content **cp)
{
	char dir[4096], schema[4096], *err = NULL;
	struct content_diags d;
	size_t i;

	/* Widths follow the terminal's model, which needs a UTF-8 locale. */
	setlocale(LC_ALL, "C.UTF-8");
	srcdir = getenv("top_srcdir");
	if (srcdir == NULL)
		srcdir = ".";
	update = getenv("UPDATE_EXPECTED") != NULL;
	if (text_init(&err) != 0) {
		printf("Bail out! %s\n", err);
		exit(1);
	}
	snprintf(dir, sizeof dir, "%s/tests/fixtures/render", srcdir);
	snprintf(schema, sizeof schema, "%s/content/hms.rng", srcdir);
	content_diags_init(&d);
	if ((*cp = content_load(dir, schema, &d)) == NULL) {
		for (i = 0; i < d.n; i++)
			diag("%s:%d: %s", d.v[i].file, d.v[i].line,
			    d.v[i].message);
		printf("Bail out! the fixture content does not load\n");
		exit(1);
	}
	content_diags_free(&d);
	return app_create_headless(*cp, "2025-11-22");
}

#endif
