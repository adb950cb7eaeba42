/* view-roadmap.c — the roadmap (工程表) as a timeline: measures as rows,
 * grouped by roadmap table, against the five time columns; the selected
 * cell shown whole with the measure's progress (進捗状況), KPIs and
 * programs; the column that holds today marked "*…*"; each cell led by
 * its milestones' status letter (figures_milestone_status), coloured
 * where colour is on, explained by a legend under the grid. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "figures.h"
#include "i18n.h"
#include "layout.h"
#include "table-content.h"
#include "table.h"
#include "surface.h"
#include "util.h"
#include "view-table.h"
#include "view.h"

#define VIEW_ROADMAP_MAX 64

struct view_roadmap {
	int	now;		/* the time column holding today, or -1 */
};

/* The column holding the app's today (which --today sets): what is due
 * now.  -1 after them all. */
static int
view_roadmap_now(struct ui *ui)
{
	int y, m, d;

	ui_today(ui, &y, &m, &d);
	return figures_column_of_date(y, m, d);
}

/* The roles of the status letters where colour is on. */
static const enum style view_roadmap_styles[FIGURES_PROGRESS_COUNT] = {
	[FIGURES_PROGRESS_DONE] = STYLE_PROGRESS_DONE,
	[FIGURES_PROGRESS_UNDERWAY] = STYLE_PROGRESS_UNDERWAY,
	[FIGURES_PROGRESS_NOT_STARTED] = STYLE_PROGRESS_NOT_STARTED,
	[FIGURES_PROGRESS_NO_REPORT] = STYLE_NORMAL,
};

/* The status of the milestones of measure e in column col (they share
 * the measure's reports, so one for the cell); false for an empty cell. */
static bool
view_roadmap_cell_status(const struct content_entity *e,
    enum content_column col, struct figures_milestone *st)
{
	const struct content_entity *ms[VIEW_ROADMAP_MAX];

	if (table_measure_milestones(e, col, ms, HMS_NELEM(ms)) == 0)
		return false;
	figures_milestone_status(e, ms[0], st);
	return true;
}

/* Lead each milestone cell with its status letter: "p 官民協議会…". */
static void
view_roadmap_letters(struct table *t)
{
	struct figures_milestone st;
	size_t r;
	int col;
	char *old, *s;

	for (r = 0; r < t->nrows; r++) {
		const struct content_entity *e = t->rows[r].entity;
		if (t->rows[r].heading || e == NULL)
			continue;
		for (col = 0; col < CONTENT_COL_COUNT; col++) {
			if (!view_roadmap_cell_status(e, (enum content_column)col,
			    &st))
				continue;
			old = t->rows[r].cells[TABLE_MEASURE_COL_FIRST_TIME +
			    col].text;
			s = xasprintf("%c %s", figures_progress_letter(
			    st.progress, st.basis), old);
			table_set(t, r, TABLE_MEASURE_COL_FIRST_TIME + col, s,
			    NULL);
			free(s);
		}
	}
	table_finish(t);
}

/* Colour the letters as drawn, and today's column's header (cells in
 * their plain role only: the selection keeps its own). */
static void
view_roadmap_colour(struct table *t, int now, struct surface *s)
{
	struct figures_milestone st;
	const struct surface_cell *cell;
	int row, vi, col, cx;

	if (now >= 0 && t->colx != NULL &&
	    (cx = t->colx[TABLE_MEASURE_COL_FIRST_TIME + now]) >= 0 &&
	    (cell = surface_at(s, cx, t->y)) != NULL &&
	    cell->style == STYLE_HEADING)
		surface_restyle(s, cx, t->y, t->colw[
		    TABLE_MEASURE_COL_FIRST_TIME + now], STYLE_MARK);

	for (row = 0; row < t->height; row++) {
		const struct table_row *r;
		if ((vi = t->top + row) >= (int)t->nview)
			break;
		r = &t->rows[t->view[vi]];
		if (r->heading || r->entity == NULL)
			continue;
		for (col = 0; col < CONTENT_COL_COUNT; col++) {
			if (t->colx == NULL || (cx = t->colx[
			    TABLE_MEASURE_COL_FIRST_TIME + col]) < 0)
				continue;
			if (!view_roadmap_cell_status(r->entity,
			    (enum content_column)col, &st))
				continue;
			cell = surface_at(s, cx, t->y + 1 + row);
			if (cell != NULL && cell->style == STYLE_NORMAL &&
			    cell->c[0] == figures_progress_letter(st.progress,
			    st.basis))
				surface_restyle(s, cx, t->y + 1 + row, 1,
				    view_roadmap_styles[st.progress]);
		}
	}
}

static int
view_roadmap_footer_lines(struct ui *ui, struct view_table *vt)
{
	(void)ui;
	(void)vt;
	return 1;
}

/* The legend under the grid: every letter, and that lower case is
 * inferred (no source states a milestone's status). */
static void
view_roadmap_footer(struct ui *ui, struct view_table *vt, struct surface *s,
    int x, int y, int w, int h)
{
	static const enum figures_progress order[] = {
		FIGURES_PROGRESS_DONE, FIGURES_PROGRESS_UNDERWAY,
		FIGURES_PROGRESS_NOT_STARTED, FIGURES_PROGRESS_NO_REPORT
	};
	char letter[2];
	const char *label;
	size_t i;
	int cx = x + 1, used;

	(void)ui;
	(void)vt;
	if (h < 1)
		return;
	surface_fill(s, x, y, w, 1, STYLE_NORMAL);
	for (i = 0; i < HMS_NELEM(order); i++) {
		letter[0] = figures_progress_letter(order[i],
		    CONTENT_BASIS_INFERRED);
		letter[1] = '\0';
		used = surface_puts(s, cx, y, x + w - cx, letter,
		    view_roadmap_styles[order[i]]);
		cx += used + 1;
		label = figures_progress_label(order[i]);
		used = surface_puts(s, cx, y, x + w - cx, label, STYLE_DIM);
		cx += used + 2;
		if (cx >= x + w)
			return;
	}
	/* The reason is on each milestone's page and in hms(1). */
	surface_puts(s, cx, y, x + w - cx, _("(lower case: inferred)"),
	    STYLE_DIM);
}

static void
view_roadmap_milestones(struct page *p, const struct content_entity *e,
    enum content_column col, bool label)
{
	const struct content_entity *ms[VIEW_ROADMAP_MAX];
	struct figures_milestone st;
	size_t n, i;
	char *s;

	n = table_measure_milestones(e, col, ms, HMS_NELEM(ms));
	for (i = 0; i < n; i++) {
		figures_milestone_status(e, ms[i], &st);
		if (label)
			s = xasprintf("- %c [%s] %s", figures_progress_letter(
			    st.progress, st.basis), content_column_label(col),
			    ms[i]->title);
		else
			s = xasprintf("- %c %s", figures_progress_letter(
			    st.progress, st.basis), ms[i]->title);
		page_add_wrapped(p, s, strlen(s), 1, true, STYLE_NORMAL, NULL, 0,
		    -1);
		free(s);
	}
	if (n == 0 && !label) {
		s = xasprintf("- %s", _("(nothing in this column)"));
		page_add_wrapped(p, s, strlen(s), 1, true, STYLE_DIM, NULL, 0, -1);
		free(s);
	}
}

/* The cell's status and why, after the reports it is read from: one for
 * the cell, as the measure's reports decide it. */
static void
view_roadmap_cell_para(struct page *p, const struct content_entity *e,
    enum content_column col)
{
	struct figures_milestone st;
	char *s;

	if (!view_roadmap_cell_status(e, col, &st))
		return;
	s = xasprintf("%s%s: %s", st.basis == CONTENT_BASIS_INFERRED &&
	    st.report != NULL ? "~ " : "", figures_progress_label(st.progress),
	    st.reason);
	view_table_page_para(p, _("Status"), s, 2);
	free(s);
}

static void
view_roadmap_statuses(struct page *p, const struct content_entity *e)
{
	size_t i;
	char *s, *label;

	for (i = 0; i < e->u.measure.nstatuses; i++) {
		const struct content_status *st = &e->u.measure.statuses[i];
		label = xasprintf(_("進捗状況 as of %s"), st->asof != NULL ?
		    st->asof : "?");
		s = xasprintf("%s%.*s", st->ministry != NULL &&
		    st->ministry->u.ministry.tag != NULL ?
		    st->ministry->u.ministry.tag : "", (int)st->t.len,
		    st->t.text);
		view_table_page_para(p, label, s, 2);
		free(s);
		free(label);
	}
	if (e->u.measure.nstatuses == 0)
		view_table_page_para(p, _("進捗状況"), _("none printed"), 2);
}

static void
view_roadmap_kpis(const struct content *c, struct page *p,
    const struct content_entity *e)
{
	struct figures_kpi pr;
	size_t i;
	char *s;

	for (i = 0; i < e->nbacklinks; i++) {
		const struct content_entity *k = e->backlinks[i]->from;
		if (e->backlinks[i]->rel != CONTENT_REL_INDICATOR_OF ||
		    k->type != CONTENT_KPI)
			continue;
		figures_kpi_judge(c, k, &pr);
		s = xasprintf("%s  %s %s  %s", k->title, _("target"),
		    k->u.kpi.v->target.present && k->u.kpi.v->target.text != NULL ?
		    k->u.kpi.v->target.text : "-", figures_verdict_label(pr.verdict));
		view_table_page_para(p, _("KPI"), s, 2);
		free(s);
	}
}

static void
view_roadmap_programs(struct page *p, const struct content_entity *e)
{
	struct buf b;
	char num[64];
	size_t i, k;

	buf_init(&b);
	for (i = 0; i < e->nbacklinks; i++) {
		const struct content_entity *pg = e->backlinks[i]->from;
		const struct content_entity *min;
		if (e->backlinks[i]->rel != CONTENT_REL_SERVES ||
		    pg->type != CONTENT_PROGRAM)
			continue;
		buf_reset(&b);
		buf_adds(&b, pg->title);
		if ((min = pg->u.program.ministry) != NULL &&
		    min->u.ministry.tag != NULL)
			buf_adds(&b, min->u.ministry.tag);
		for (k = 0; k < pg->u.program.nbudgets; k++) {
			const struct content_budget *bu = &pg->u.program.budgets[k];
			/* A repeated line says nothing new here. */
			if (bu->restated)
				continue;
			buf_adds(&b, k == 0 ? "  " : "; ");
			if (bu->has_amount)
				buf_printf(&b, "%s億円 ", table_format_number(num,
				    sizeof num, bu->amount));
			if (bu->fy != 0)
				buf_printf(&b, "FY%d ", bu->fy);
			buf_adds(&b, content_budget_type_label(bu->type));
			if (bu->within)
				buf_adds(&b, " (の内数)");
		}
		view_table_page_para(p, _("Program"), b.data, 2);
	}
	buf_free(&b);
}

static void
view_roadmap_detail(struct ui *ui, struct view_table *vt, struct page *p,
    int width)
{
	const struct content_entity *e = table_selected_entity(vt->t);
	int col = vt->t->col - TABLE_MEASURE_COL_FIRST_TIME, c;
	char *s;

	(void)ui;
	(void)width;
	if (e == NULL)
		return;
	if (col >= 0) {
		s = xasprintf("%s  [%s]", e->title,
		    content_column_label((enum content_column)col));
		view_table_page_heading(p, s);
		free(s);
		view_roadmap_milestones(p, e, (enum content_column)col, false);
	} else {
		view_table_page_heading(p, e->title);
		for (c = 0; c < CONTENT_COL_COUNT; c++)
			view_roadmap_milestones(p, e, (enum content_column)c,
			    true);
	}
	view_roadmap_statuses(p, e);
	if (col >= 0)
		view_roadmap_cell_para(p, e, (enum content_column)col);
	view_roadmap_kpis(ui_content(ui), p, e);
	view_roadmap_programs(p, e);
	s = xasprintf(_("table %d  %s  %s"), e->u.measure.table,
	    e->u.measure.group != NULL ? e->u.measure.group : "", e->id);
	view_table_page_para(p, _("Roadmap"), s, 2);
	free(s);
}

/* Enter on a cell with one milestone opens it; anywhere else, the
 * measure, whose page lists every milestone. */
static struct content_entity *
view_roadmap_target(struct ui *ui, struct view_table *vt)
{
	const struct content_entity *ms[VIEW_ROADMAP_MAX];
	struct content_entity *e = table_selected_entity(vt->t);
	int col = vt->t->col - TABLE_MEASURE_COL_FIRST_TIME;

	(void)ui;
	if (e == NULL || col < 0)
		return e;
	if (table_measure_milestones(e, (enum content_column)col, ms,
	    HMS_NELEM(ms)) == 1)
		return (struct content_entity *)ms[0];
	return e;
}

static char *
view_roadmap_info(struct ui *ui, struct view_table *vt)
{
	struct view_roadmap *vr = vt->priv;
	int y, m, d;

	ui_today(ui, &y, &m, &d);
	if (vr->now < 0)
		return xasprintf(_("today %04d-%02d-%02d is outside the roadmap"),
		    y, m, d);
	return xasprintf(_("*%s* = now (%04d-%02d-%02d)"),
	    content_column_label((enum content_column)vr->now), y, m, d);
}

static int
view_roadmap_cmp(const void *x, const void *y)
{
	const struct content_entity *const *a = x, *const *b = y;

	if ((*a)->u.measure.table != (*b)->u.measure.table)
		return (*a)->u.measure.table - (*b)->u.measure.table;
	return (*a)->index < (*b)->index ? -1 : (*a)->index > (*b)->index;
}

/* The timeline keeps its order: no sorting here. */
static bool
view_roadmap_extra(struct ui *ui, struct view_table *vt, enum action act)
{
	(void)vt;
	if (act == ACTION_SORT || act == ACTION_SORT_REVERSE ||
	    act == ACTION_SORT_RESET) {
		ui_message(ui, "%s", _("The roadmap keeps its order; f filters it."));
		return true;
	}
	return false;
}

static void *
view_roadmap_create(struct ui *ui)
{
	const struct content *c = ui_content(ui);
	struct view_table *vt;
	struct content_entity **v;
	struct view_roadmap *vr;
	struct table *t;
	size_t i, n = 0;
	char *head;

	v = xcalloc(c->ntype[CONTENT_MEASURE] + 1, sizeof *v);
	for (i = 0; i < c->ntype[CONTENT_MEASURE]; i++) {
		if (c->by_type[CONTENT_MEASURE][i]->u.measure.table != 0)
			v[n++] = c->by_type[CONTENT_MEASURE][i];
	}
	qsort(v, n, sizeof *v, view_roadmap_cmp);
	t = table_content_measures(v, n, true);
	free(v);
	view_roadmap_letters(t);
	t->cell_cursor = true;
	t->fixed_order = true;
	vr = xcalloc(1, sizeof *vr);
	vr->now = view_roadmap_now(ui);
	if (vr->now >= 0) {
		/* "Now" in text, not colour: *2025年度*. */
		head = xasprintf("*%s*", content_column_label(
		    (enum content_column)vr->now));
		table_set_header(t, TABLE_MEASURE_COL_FIRST_TIME + vr->now, head);
		free(head);
		/* Start where an official looks first: what is due now. */
		t->col = TABLE_MEASURE_COL_FIRST_TIME + vr->now;
	}
	vt = view_table_new(VIEW_ROADMAP, t, "hms-roadmap.tsv");
	vt->priv = vr;
	vt->priv_free = free;
	vt->filter_hint = N_("words, as in fih or dct; m:rm02; -word");
	vt->detail = view_roadmap_detail;
	vt->target = view_roadmap_target;
	vt->info = view_roadmap_info;
	vt->footer_lines = view_roadmap_footer_lines;
	vt->footer = view_roadmap_footer;
	vt->action = view_roadmap_extra;
	return vt;
}

static void
view_roadmap_draw(void *self, struct ui *ui, struct surface *s, int x, int y,
    int w, int h)
{
	struct view_table *vt = self;

	view_table_draw(vt, ui, s, x, y, w, h);
	view_roadmap_colour(vt->t, ((struct view_roadmap *)vt->priv)->now, s);
}

const struct view_ops view_roadmap_ops = {
	.name = "roadmap",
	.title = N_("Roadmap"),
	.table = KEYMAP_ROADMAP,
	.create = view_roadmap_create,
	.draw = view_roadmap_draw,
	VIEW_TABLE_OPS,
};
