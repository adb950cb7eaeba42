/* view-funds.c — the programs behind a query (":funds FIH") or behind
 * what the cursor is on ($): the same programs, order and totals as
 * `hms funds`, grouped by the project they serve, each row saying how it
 * was found.  It is the programs table (view_programs_setup) over the
 * programs funds.h collects. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
view_funds_show(struct ui *ui, const struct funds *f, const char *what)
{
	struct view_table *vt;

	if (f->n == 0) {
		ui_error(ui, _("No program funds %s."), what);
		return;
	}
	vt = ui_view(ui, VIEW_FUNDS);
	view_table_replace(vt, table_content_funds(f));
	view_programs_setup(vt, what);
	ui_switch(ui, VIEW_FUNDS);
	ui_message(ui, ngettext("%zu program funds %s.",
	    "%zu programs fund %s.", f->n), f->n, what);
}

void
view_funds_query(struct ui *ui, const char *query)
{
	struct search_opts so = { .type = -1 };
	struct search_results res = { 0 };
	struct funds f = { 0 };
	char *err = NULL;

	if (search_run(ui_search_index(ui), query, &so, &res, &err) != 0) {
		ui_error(ui, "%s", err);
		free(err);
		return;
	}
	funds_collect(&f, &res);
	view_funds_show(ui, &f, query);
	funds_free(&f);
	search_results_free(&res);
}

void
view_funds_of_selection(struct ui *ui)
{
	enum view_id v = ui_current_view(ui);
	struct view_table *vt = NULL;
	struct content_entity *e = NULL;
	struct funds f = { 0 };

	/* What the cursor is on: the selected row of a table, else the
	 * entity the reader shows. */
	if (v == VIEW_KPIS || v == VIEW_PROGRAMS || v == VIEW_ROADMAP ||
	    v == VIEW_FUNDS)
		vt = ui_view(ui, v);
	if (vt != NULL)
		e = table_selected_entity(vt->t);
	if (e == NULL)
		e = ui_selection(ui);
	if (e == NULL) {
		ui_error(ui, "%s", _("Nothing selected: ':funds WORDS' finds the "
		    "programs behind a search."));
		return;
	}
	funds_collect_entity(&f, e);
	view_funds_show(ui, &f, e->id);
	funds_free(&f);
}

/* Reached by history or by name before any query: an empty table that
 * says how to fill it. */
static void *
view_funds_create(struct ui *ui)
{
	struct funds f = { 0 };
	struct view_table *vt;

	(void)ui;
	vt = view_table_new(VIEW_FUNDS, table_content_funds(&f),
	    "hms-funds.tsv");
	view_programs_setup(vt, _("(nothing yet: type :funds WORDS)"));
	return vt;
}

const struct view_ops view_funds_ops = {
	.name = "funds",
	.title = N_("Funds"),
	.table = KEYMAP_TABLE,
	.flags = VIEW_TRANSIENT,
	.create = view_funds_create,
	.draw = view_table_draw,
	VIEW_TABLE_OPS,
};
