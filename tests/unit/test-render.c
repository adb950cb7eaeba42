/* test-render.c — render snapshots: every view drawn into an in-memory
 * screen at 80x24 and 40x12 (and wide views at 160x48), compared with the dumps in tests/render/.
 * UPDATE_EXPECTED=1 rewrites the dumps (review the diff before committing).
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "content-load.h"
#include "content.h"
#include "key.h"
#include "store.h"
#include "tap.h"
#include "text.h"
#include "util.h"
#include "view.h"

static const char *srcdir;
static bool update;

static void
snapshot(struct app *a, const char *name, int w, int h)
{
	char path[4096], *got, *want;
	FILE *f;

	snprintf(path, sizeof path, "%s/tests/render/%s-%dx%d.txt", srcdir, name,
	    w, h);
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
	want = util_read_file(path, NULL);
	if (!ok(want != NULL && strcmp(got, want) == 0, "%s at %dx%d", name, w,
	    h)) {
		diag("expected %s (%s); got:", path, want == NULL ?
		    strerror(errno) : "differs");
		fputs(got, stdout);
	}
	free(got);
	free(want);
}

static void
keys(struct app *a, const char *s)
{
	char name[32];
	const char *p = s, *q;
	uint32_t k;

	while (*p != '\0') {
		q = strchr(p, ' ');
		if (q == NULL)
			q = p + strlen(p);
		snprintf(name, sizeof name, "%.*s", (int)(q - p), p);
		k = key_from_name(name);
		if (k != HK_NONE)
			app_feed(a, k);
		p = *q == ' ' ? q + 1 : q;
	}
}

static void
both(struct app *a, const char *name)
{
	snapshot(a, name, 80, 24);
	snapshot(a, name, 40, 12);
}

int
main(void)
{
	char dir[4096], *err = NULL;
	struct content_diags d;
	struct content *c;
	struct app *a;

	/* Widths follow the terminal's model, which needs a UTF-8 locale. */
	setlocale(LC_ALL, "C.UTF-8");
	srcdir = getenv("top_srcdir");
	if (srcdir == NULL)
		srcdir = ".";
	update = getenv("UPDATE_EXPECTED") != NULL;
	if (text_init(&err) != 0) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	snprintf(dir, sizeof dir, "%s/content", srcdir);
	content_diags_init(&d);
	if ((c = content_load(dir, NULL, &d)) == NULL) {
		printf("Bail out! content does not load\n");
		return 1;
	}
	a = app_create_headless(c, "2025-11-22");

	both(a, "projects");
	keys(a, "Down Enter");
	both(a, "project-reader");
	keys(a, "o");
	both(a, "outline");
	keys(a, "d");
	both(a, "diseases");
	keys(a, "y");
	both(a, "glossary");
	keys(a, "K");
	both(a, "kpis");
	keys(a, "F");
	both(a, "programs");
	keys(a, "r");
	both(a, "roadmap");
	keys(a, "c");
	both(a, "compare");
	/* Three columns from 120 cells; two at 80, shifted by > to 2|3,
	 * with the cell where 2's genome/data meets 3's data/life course
	 * selected; differences only; the goals section. */
	snapshot(a, "compare", 160, 48);
	keys(a, "j j j j l");
	snapshot(a, "compare-genome", 160, 48);
	snapshot(a, "compare-genome", 80, 24);
	keys(a, ">");
	snapshot(a, "compare-pair", 80, 24);
	keys(a, "D");
	snapshot(a, "compare-diff", 80, 24);
	snapshot(a, "compare-diff", 160, 48);
	keys(a, "D Tab Tab Tab j h");
	snapshot(a, "compare-goals", 160, 48);
	keys(a, ": k p i : r m - j r c t - a c c e s s Enter");
	both(a, "entity");
	keys(a, "v");
	both(a, "source");
	keys(a, "BSpace ?");
	both(a, "help");
	keys(a, "BSpace / F I H Enter");
	both(a, "search");

	/* Bookmarks and notes, in a store of their own at a fixed time. */
	{
		char sdir[] = "/tmp/hms-render-XXXXXX", *cmd;
		struct store *st;

		if (mkdtemp(sdir) == NULL) {
			printf("Bail out! mkdtemp\n");
			return 1;
		}
		st = store_open(sdir);
		store_set_time(st, 1763805600);	/* 2025-11-22T10:00:00Z */
		app_set_store(a, st);
		keys(a, "p : p r o j e c t : p 3 - d e v i c e s Enter "
		    "b f o r Space M o n d a y Enter "
		    "a 治 験 の 件 を 確 認 Enter");
		both(a, "entity-note");
		keys(a, "B");
		both(a, "bookmarks");
		app_free(a);
		a = NULL;
		store_free(st);
		cmd = xasprintf("rm -rf '%s'", sdir);
		if (system(cmd) != 0)
			diag("could not remove %s", sdir);
		free(cmd);
	}

	app_free(a);
	content_free(c);
	content_diags_free(&d);
	text_fini();
	return tap_done();
}
