/* view-funds.c — the programs behind a query (":funds FIH") or behind
 * what the cursor is on ($): the same programs, order and totals as
 * `hms funds`, grouped by the project they serve, each row saying how it
 * was found.  It is the programs table (view_programs_setup) over the
 * programs funds.h collects. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "content.h"
#include "funds.h"
#include "i18n.h"
#include "search.h"
#include "table-content.h"
#include "table.h"
#include "util.h"
#include "view-table.h"
#include "view.h"

/* Show the programs of f, found for what; takes nothing from f. */
static void
view_funds_show(struct app *a, const struct funds *f, const char *what)
{
	struct view_table *vt;

	if (f->n == 0) {
		app_error(a, _("No program funds %s."), what);
		return;
	}
	view_table_free(a, VIEW_FUNDS);
	vt = view_table_create(a, VIEW_FUNDS, table_content_funds(f),
	    "hms-funds.tsv");
	view_programs_setup(vt, what);
	app_switch(a, VIEW_FUNDS);
	app_message(a, ngettext("%zu program funds %s.",
	    "%zu programs fund %s.", f->n), f->n, what);
}

void
view_funds_query(struct app *a, const char *query)
{
	struct search_opts so = { .type = -1 };
	struct search_results res = { 0 };
	struct funds f = { 0 };
	char *err = NULL;

	if (search_run(app_search_index(a), query, &so, &res, &err) != 0) {
		app_error(a, "%s", err);
		free(err);
		return;
	}
	funds_collect(&f, &res);
	view_funds_show(a, &f, query);
	funds_free(&f);
	search_results_free(&res);
}

void
view_funds_of_selection(struct app *a)
{
	enum app_view v = app_current_view(a);
	struct view_table *vt = NULL;
	struct content_entity *e = NULL;
	struct funds f = { 0 };

	/* What the cursor is on: the selected row of a table, else the
	 * entity the reader shows. */
	if (v == VIEW_KPIS || v == VIEW_PROGRAMS || v == VIEW_ROADMAP ||
	    v == VIEW_FUNDS)
		vt = app_view_state(a, v);
	if (vt != NULL)
		e = table_selected_entity(vt->t);
	if (e == NULL)
		e = app_selection(a);
	if (e == NULL) {
		app_error(a, "%s", _("Nothing selected: ':funds WORDS' finds the "
		    "programs behind a search."));
		return;
	}
	funds_collect_entity(&f, e);
	view_funds_show(a, &f, e->id);
	funds_free(&f);
}

static struct view_table *
view_funds_vt(struct app *a)
{
	struct view_table *vt = view_table_state(a, VIEW_FUNDS);
	struct funds f = { 0 };

	/* Reached by history or by name before any query: an empty table
	 * that says how to fill it. */
	if (vt == NULL) {
		vt = view_table_create(a, VIEW_FUNDS, table_content_funds(&f),
		    "hms-funds.tsv");
		view_programs_setup(vt, _("(nothing yet: type :funds WORDS)"));
	}
	return vt;
}

static void
view_funds_enter(struct app *a)
{
	view_funds_vt(a);
}

static void
view_funds_draw(struct app *a, struct surface *s, int x, int y, int w, int h)
{
	view_table_draw(a, view_funds_vt(a), s, x, y, w, h);
}

static bool
view_funds_action(struct app *a, enum action act)
{
	return view_table_action(a, view_funds_vt(a), act);
}

static bool
view_funds_key(struct app *a, uint32_t key)
{
	return view_table_key(a, view_funds_vt(a), key);
}

static bool
view_funds_click(struct app *a, int x, int y, int button)
{
	return view_table_click(a, view_funds_vt(a), x, y, button);
}

static void
view_funds_position(struct app *a, char *buf, size_t size)
{
	view_table_position(view_funds_vt(a), buf, size);
}

static int
view_funds_save(struct app *a)
{
	return view_table_save(view_funds_vt(a));
}

static void
view_funds_restore(struct app *a, int place)
{
	view_table_restore(view_funds_vt(a), place);
}

static void
view_funds_free(struct app *a)
{
	view_table_free(a, VIEW_FUNDS);
}

static struct content_entity *
view_funds_selection(struct app *a)
{
	return view_table_selection(a, VIEW_FUNDS);
}

const struct view_ops view_funds_ops = {
	.name = "funds",
	.title = N_("Funds"),
	.table = KEYMAP_TABLE,
	.enter = view_funds_enter,
	.draw = view_funds_draw,
	.action = view_funds_action,
	.key = view_funds_key,
	.click = view_funds_click,
	.selection = view_funds_selection,
	.position = view_funds_position,
	.save = view_funds_save,
	.restore = view_funds_restore,
	.free = view_funds_free,
};
