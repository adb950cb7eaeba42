/* test-render.c — render snapshots: every view drawn into an in-memory
 * screen at 80x24 and 40x12 (and wide views at 160x48), compared with the dumps in tests/render/.
 * UPDATE_EXPECTED=1 rewrites the dumps (review the diff before committing).
 */
#include "config.h"

#include "layout.h"
#include "search.h"
#include "store.h"
#include "view.h"
#include "render.h"

static void
both(struct app *a, const char *name)
{
	snapshot(a, name, 80, 24);
	snapshot(a, name, 40, 12);
}

/* A match inside a link keeps the link: the match and the piece of the
 * link after it share its index, and the piece is still a link (the
 * page search finds words inside links). */
static void
test_match_in_link(const struct content *c)
{
	const struct content_entity *e;
	struct search_finder *f;
	struct page *p;
	size_t i;
	int inside = 0, after = 0;

	e = content_find(c, "measure:rm09-pediatric-rare");
	f = search_finder_create("ドラッグロス");
	if (e == NULL || f == NULL) {
		ok(0, "match in link: the measure and the finder");
		search_finder_free(f);
		return;
	}
	p = layout_entity_find(c, e, 100, NULL, 0, NULL, f);
	for (i = 0; i + 1 < p->nspans; i++) {
		if (p->spans[i].style != STYLE_MATCH || p->spans[i].link < 0)
			continue;
		inside++;
		if (p->spans[i + 1].link == p->spans[i].link &&
		    p->spans[i + 1].style == STYLE_LINK)
			after++;
	}
	ok(inside > 0, "match in link: the match is part of the link (%d)",
	    inside);
	ok(after > 0, "match in link: the link goes on after the match (%d)",
	    after);
	page_free(p);
	search_finder_free(f);
}

int
main(void)
{
	struct content *c;
	struct app *a;

	a = render_start(&c);

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
	keys(a, "j j j l");
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
	/* From a page, / searches the page: / at its start widens it. */
	keys(a, "BSpace / / F I H Enter");
	both(a, "search");
	/* The history holds what was searched (FIH), not what was typed
	 * (/FIH), also when the keys come faster than the screen is drawn
	 * (seen under valgrind): here in one batch, no draw between them. */
	{
		char *got;

		keys(a, ": k p i : r m - j r c t - a c c e s s Enter");
		keys_batch(a, "/ / F I H Enter");
		keys(a, "/ Up");
		got = app_render(a, 80, 24, false);
		ok(strstr(got, "Search all: FIH") != NULL &&
		    strstr(got, "/FIH") == NULL,
		    "the widened search is recalled as it was searched");
		free(got);
		keys(a, "Escape");
	}
	test_match_in_link(c);

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
	text_fini();
	return tap_done();
}
