/* table-content.c — KPI, program and roadmap tables built from the
 * content, for the views and the command line alike. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "content.h"
#include "i18n.h"
#include "table-content.h"
#include "funds.h"
#include "table.h"
#include "text.h"
#include "util.h"

#define TC_MAX_LINKED 64

/* ---- shared helpers ---- */

static const char *
tc_num(char *buf, size_t size, double v)
{
	return table_format_number(buf, size, v);
}

/* "P3-7 橋渡し・臨床加速化": projects are numbered per period. */
static char *
tc_project_label(const struct content_entity *e)
{
	return xasprintf("P%d-%d %s", e->period, e->u.project.num, e->title);
}

/* A linked entity as shown in a cell. */
static char *
tc_label(const struct content_entity *e)
{
	if (e->type == CONTENT_PROJECT)
		return tc_project_label(e);
	return xstrdup(e->title);
}

static void
tc_common_export(struct table *t, size_t row, const struct content_entity *e)
{
	char per[16];

	table_set_export(t, row, 0, e->id);
	table_set_export(t, row, 1, content_type_name(e->type));
	table_set_export(t, row, 2, e->title);
	if (e->period != 0) {
		snprintf(per, sizeof per, "%d", e->period);
		table_set_export(t, row, 3, per);
	}
}

static void
tc_common_columns(struct table *t)
{
	table_add_export_column(t, "id");
	table_add_export_column(t, "type");
	table_add_export_column(t, "title");
	table_add_export_column(t, "period");
}

/* The basis of each link of e by r, in content_link_ids' order:
 * "stated inferred"; the caller frees it. */
static char *
tc_link_basis(const struct content_entity *e, enum content_rel r)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < e->nlinks; i++) {
		if (e->links[i]->rel != r || e->links[i]->to == NULL)
			continue;
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, e->links[i]->basis == CONTENT_BASIS_INFERRED ?
		    "inferred" : "stated");
	}
	return buf_steal(&b);
}

/* The basis of a program's ministry: that of its ministry link. */
static const char *
tc_ministry_basis(const struct content_entity *e)
{
	const struct content_link *l = figures_ministry_link(e);

	if (e->u.program.ministry == NULL)
		return NULL;
	return l != NULL && l->basis == CONTENT_BASIS_INFERRED ? "inferred" :
	    "stated";
}
/* ---- KPIs ---- */

/* "932 (2023)", "1659 (2020-03-31)", or the printed text when it is not
 * a number. */
static char *
tc_value_cell(const struct content_value *v)
{
	char num[64];

	if (!v->present)
		return xstrdup("");
	if (!v->has_value)
		return xstrdup(v->text != NULL ? v->text : "");
	tc_num(num, sizeof num, v->value);
	if (v->date != NULL)
		return xasprintf("%s (%s)", num, v->date);
	if (v->year != NULL)
		return xasprintf("%s (%s)", num, v->year);
	return xstrdup(num);
}

static void
tc_value_export(struct table *t, size_t row, int xcol,
    const struct content_value *v)
{
	char num[64];

	if (!v->present)
		return;
	table_set_export(t, row, xcol, v->text);
	if (v->has_value)
		table_set_export(t, row, xcol + 1, tc_num(num, sizeof num,
		    v->value));
	if (v->date != NULL || v->year != NULL)
		table_set_export(t, row, xcol + 2, v->date != NULL ? v->date :
		    v->year);
}

/* What a KPI measures: its measures, projects and programs (not the
 * period, which has a column of its own). */
static void
tc_kpi_of(const struct content_entity *k, struct buf *text, struct buf *alt)
{
	size_t i;
	char *lab;

	for (i = 0; i < k->nlinks; i++) {
		const struct content_link *l = k->links[i];
		if (l->to == NULL || (l->rel != CONTENT_REL_INDICATOR_OF &&
		    l->rel != CONTENT_REL_BELONGS_TO) ||
		    l->to->type == CONTENT_PERIOD)
			continue;
		lab = tc_label(l->to);
		if (text->len > 0)
			buf_adds(text, "; ");
		/* An inference is marked where it is shown (figures.md). */
		if (l->basis == CONTENT_BASIS_INFERRED)
			buf_addc(text, '~');
		buf_adds(text, lab);
		free(lab);
		if (alt->len > 0)
			buf_addc(alt, ' ');
		buf_adds(alt, l->to->id);
	}
}

static const char *const tc_kpi_xcols[] = {
	"kind", "unit", "baseline", "baseline_value", "baseline_year",
	"target", "target_value", "target_year", "latest", "latest_value",
	"latest_date", "indicator_of", "indicator_of_basis", "belongs_to",
	"belongs_to_basis", "progress", "status", "status_reason",
	"status_explain",
};

struct table *
table_content_kpis(const struct content *c, struct content_entity *const *v,
    size_t n)
{
	struct table *t = table_create();
	struct figures_kpi pr;
	struct buf text, alt;
	char num[64], *s;
	size_t i, row, k;

	/* In the order of TABLE_KPI_COL_*. */
	table_add_column(t, "name", "n", _("KPI"), TABLE_TEXT, 0, 20, 40);
	table_add_column(t, "period", "p", _("P"), TABLE_NUMBER,
	    TABLE_COL_RIGHT, 1, 4);
	table_add_column(t, "status", "st", _("Status"), TABLE_NUMBER, 0, 15,
	    15);
	/* A line from the baseline to the target, filled to the latest
	 * value, '|' where it should be by now (chart.h); the status word
	 * is the column before. */
	table_add_column(t, "progress", "prog", _("Progress"), TABLE_NUMBER,
	    0, 13, 13);
	table_add_column(t, "baseline", "base", _("Baseline"), TABLE_NUMBER,
	    0, 9, 18);
	table_add_column(t, "target", "tg", _("Target"), TABLE_NUMBER, 0, 9,
	    18);
	table_add_column(t, "latest", "l", _("Latest"), TABLE_NUMBER, 0, 9,
	    18);
	table_add_column(t, "unit", "u", _("Unit"), TABLE_TEXT, 0, 4, 8);
	table_add_column(t, "project", "pj", _("Project/measure"), TABLE_TEXT,
	    0, 10, 28);
	table_add_column(t, "kind", "k", _("Kind"), TABLE_TEXT, 0, 8, 18);
	tc_common_columns(t);
	for (k = 0; k < HMS_NELEM(tc_kpi_xcols); k++)
		table_add_export_column(t, tc_kpi_xcols[k]);

	buf_init(&text);
	buf_init(&alt);
	for (i = 0; i < n; i++) {
		struct content_entity *e = v[i];
		if (e->type != CONTENT_KPI)
			continue;
		row = table_add_row(t, e, NULL);
		table_set(t, row, TABLE_KPI_COL_NAME, e->title, e->title_en);
		if (e->period != 0) {
			snprintf(num, sizeof num, "%d", e->period);
			table_set_num(t, row, TABLE_KPI_COL_PERIOD, num, NULL,
			    e->period);
		}
		buf_reset(&text);
		buf_reset(&alt);
		tc_kpi_of(e, &text, &alt);
		table_set(t, row, TABLE_KPI_COL_OF, text.data, alt.data);
		table_set(t, row, TABLE_KPI_COL_UNIT, e->u.kpi.unit, NULL);
		s = tc_value_cell(&e->u.kpi.v->baseline);
		if (e->u.kpi.v->baseline.present && e->u.kpi.v->baseline.has_value)
			table_set_num(t, row, TABLE_KPI_COL_BASELINE, s, NULL,
			    e->u.kpi.v->baseline.value);
		else
			table_set(t, row, TABLE_KPI_COL_BASELINE, s, NULL);
		free(s);
		s = tc_value_cell(&e->u.kpi.v->target);
		if (e->u.kpi.v->target.present && e->u.kpi.v->target.has_value)
			table_set_num(t, row, TABLE_KPI_COL_TARGET, s, NULL,
			    e->u.kpi.v->target.value);
		else
			table_set(t, row, TABLE_KPI_COL_TARGET, s, NULL);
		free(s);
		s = tc_value_cell(&e->u.kpi.v->latest);
		if (e->u.kpi.v->latest.present && e->u.kpi.v->latest.has_value)
			table_set_num(t, row, TABLE_KPI_COL_LATEST, s, NULL,
			    e->u.kpi.v->latest.value);
		else
			table_set(t, row, TABLE_KPI_COL_LATEST, s, NULL);
		free(s);
		figures_kpi_judge(c, e, &pr);
		if (pr.has_progress) {
			buf_reset(&text);
			chart_progress(&text, &pr, 8);
			buf_printf(&text, " %3.0f%%", pr.progress * 100);
			snprintf(num, sizeof num, "%.0f%%", pr.progress * 100);
			table_set_num(t, row, TABLE_KPI_COL_PROGRESS, text.data,
			    num, pr.progress);
		}
		/* The status filters by its name too: st:behind; it sorts
		 * by severity. */
		table_set_num(t, row, TABLE_KPI_COL_STATUS,
		    figures_verdict_label(pr.verdict),
		    figures_verdict_name(pr.verdict), pr.verdict);
		table_set(t, row, TABLE_KPI_COL_KIND,
		    content_kpi_kind_label(e->u.kpi.kind),
		    content_kpi_kind_name(e->u.kpi.kind));

		tc_common_export(t, row, e);
		table_set_export(t, row, 4, content_kpi_kind_name(e->u.kpi.kind));
		table_set_export(t, row, 5, e->u.kpi.unit);
		tc_value_export(t, row, 6, &e->u.kpi.v->baseline);
		tc_value_export(t, row, 9, &e->u.kpi.v->target);
		tc_value_export(t, row, 12, &e->u.kpi.v->latest);
		s = content_link_ids(e, CONTENT_REL_INDICATOR_OF, false);
		table_set_export(t, row, 15, s);
		free(s);
		s = tc_link_basis(e, CONTENT_REL_INDICATOR_OF);
		table_set_export(t, row, 16, s);
		free(s);
		s = content_link_ids(e, CONTENT_REL_BELONGS_TO, false);
		table_set_export(t, row, 17, s);
		free(s);
		s = tc_link_basis(e, CONTENT_REL_BELONGS_TO);
		table_set_export(t, row, 18, s);
		free(s);
		if (pr.has_progress) {
			snprintf(num, sizeof num, "%.4f", pr.progress);
			table_set_export(t, row, 19, num);
		}
		table_set_export(t, row, 20, figures_verdict_name(pr.verdict));
		table_set_export(t, row, 21, pr.reason);
		table_set_export(t, row, 22, pr.explain);
	}
	buf_free(&text);
	buf_free(&alt);
	table_finish(t);
	return t;
}

/* ---- programs ---- */

static bool
tc_has(const struct content_entity *const *v, size_t n,
    const struct content_entity *e)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i] == e)
			return true;
	}
	return false;
}

/* Each relation column has its basis beside it: one word per id, in the
 * same order (figures.md: stated or inferred).  ministry_basis comes
 * last so that the columns scripts already read keep their places. */
static const char *const tc_program_xcols[] = {
	"ministry", "kind", "amount_oku_yen", "fy", "budget_type", "draft",
	"counted", "budget_text", "serves", "serves_basis", "belongs_to",
	"belongs_to_basis", "projects", "projects_basis", "projects_reason",
	"ministry_basis",
};

static void
tc_program_row(struct table *t, struct content_entity *e,
    const struct content_budget *b)
{
	struct figures_assign pj[TC_MAX_LINKED];
	const struct content_entity *min = e->u.program.ministry;
	struct buf text, alt;
	size_t row, i, npj;
	char num[64], why[512], *s;

	row = table_add_row(t, e, b);
	buf_init(&text);
	buf_init(&alt);
	table_set(t, row, TABLE_PROGRAM_COL_NAME, e->title, e->title_en);
	if (min != NULL) {
		const struct content_link *ml = figures_ministry_link(e);
		char *shown = xasprintf("%s%s", ml != NULL &&
		    ml->basis == CONTENT_BASIS_INFERRED ? "~" : "", min->title);
		s = xasprintf("%s %s", min->u.ministry.tag != NULL ?
		    min->u.ministry.tag : "", min->id);
		table_set(t, row, TABLE_PROGRAM_COL_MINISTRY, shown, s);
		free(s);
		free(shown);
	}
	if (b != NULL) {
		if (b->has_amount)
			table_set_num(t, row, TABLE_PROGRAM_COL_AMOUNT,
			    figures_amount(num, sizeof num, b->amount,
			    b->decimals), NULL, b->amount);
		else if (b->type != CONTENT_BUDGET_NONE)
			/* Not stated is not zero, nor a blank that reads
			 * as one. */
			table_set(t, row, TABLE_PROGRAM_COL_AMOUNT,
			    _("not stated"), "not-stated");
		if (b->fy != 0) {
			snprintf(num, sizeof num, "%d", b->fy);
			table_set_num(t, row, TABLE_PROGRAM_COL_FY, num, NULL,
			    b->fy);
		}
		table_set(t, row, TABLE_PROGRAM_COL_TYPE,
		    content_budget_type_label(b->type),
		    content_budget_type_name(b->type));
		/* Marks for lines that are not summed, in the sources'
		 * own words. */
		if (b->restated) {
			buf_adds(&text, "再掲");
			buf_adds(&alt, "restated ");
		}
		if (b->within) {
			buf_adds(&text, text.len > 0 ? " 内数" : "内数");
			buf_adds(&alt, "within ");
		}
		if (b->draft) {
			buf_adds(&text, text.len > 0 ? " 案" : "案");
			buf_adds(&alt, "draft");
		}
		table_set(t, row, TABLE_PROGRAM_COL_NOTE, text.data, alt.data);
	}
	buf_reset(&text);
	buf_reset(&alt);
	for (i = 0; i < e->nlinks; i++) {
		const struct content_link *l = e->links[i];
		if (l->rel != CONTENT_REL_SERVES || l->to == NULL ||
		    l->to->type != CONTENT_MEASURE)
			continue;
		if (text.len > 0)
			buf_adds(&text, "; ");
		if (l->basis == CONTENT_BASIS_INFERRED)
			buf_addc(&text, '~');
		buf_adds(&text, l->to->title);
		if (alt.len > 0)
			buf_addc(&alt, ' ');
		buf_adds(&alt, l->to->id);
	}
	table_set(t, row, TABLE_PROGRAM_COL_MEASURES, text.data, alt.data);
	buf_reset(&text);
	buf_reset(&alt);
	npj = figures_program_projects(e, pj, HMS_NELEM(pj));
	for (i = 0; i < npj; i++) {
		s = tc_project_label(pj[i].project);
		if (text.len > 0)
			buf_adds(&text, "; ");
		/* An inference is marked where it is shown, not by colour:
		 * "~" (the help and the legend say what it means). */
		if (pj[i].basis == CONTENT_BASIS_INFERRED)
			buf_addc(&text, '~');
		buf_adds(&text, s);
		free(s);
		if (alt.len > 0)
			buf_addc(&alt, ' ');
		buf_adds(&alt, pj[i].project->id);
	}
	table_set(t, row, TABLE_PROGRAM_COL_PROJECTS, text.data, alt.data);

	tc_common_export(t, row, e);
	if (min != NULL)
		table_set_export(t, row, 4, min->id);
	table_set_export(t, row, 5, content_program_kind_name(e->u.program.kind));
	if (b != NULL) {
		if (b->has_amount)
			table_set_export(t, row, 6, tc_num(num, sizeof num,
			    b->amount));
		if (b->fy != 0) {
			snprintf(num, sizeof num, "%d", b->fy);
			table_set_export(t, row, 7, num);
		}
		table_set_export(t, row, 8, content_budget_type_name(b->type));
		table_set_export(t, row, 9, b->draft ? "yes" : NULL);
		table_set_export(t, row, 10, content_budget_counts(b) ? "yes" :
		    NULL);
		table_set_export(t, row, 11, b->text);
	}
	s = content_link_ids(e, CONTENT_REL_SERVES, false);
	table_set_export(t, row, 12, s);
	free(s);
	s = tc_link_basis(e, CONTENT_REL_SERVES);
	table_set_export(t, row, 13, s);
	free(s);
	s = content_link_ids(e, CONTENT_REL_BELONGS_TO, false);
	table_set_export(t, row, 14, s);
	free(s);
	s = tc_link_basis(e, CONTENT_REL_BELONGS_TO);
	table_set_export(t, row, 15, s);
	free(s);
	buf_reset(&text);
	for (i = 0; i < npj; i++) {
		if (i > 0)
			buf_addc(&text, ' ');
		buf_adds(&text, pj[i].project->id);
	}
	table_set_export(t, row, 16, text.data);
	buf_reset(&text);
	for (i = 0; i < npj; i++) {
		if (i > 0)
			buf_addc(&text, ' ');
		buf_adds(&text, pj[i].basis == CONTENT_BASIS_INFERRED ?
		    "inferred" : "stated");
	}
	table_set_export(t, row, 17, text.data);
	buf_reset(&text);
	for (i = 0; i < npj; i++) {
		if (i > 0)
			buf_adds(&text, " | ");
		buf_adds(&text, figures_assign_reason(why, sizeof why, &pj[i]));
	}
	table_set_export(t, row, 18, text.data);
	table_set_export(t, row, 19, tc_ministry_basis(e));
	buf_free(&text);
	buf_free(&alt);
}

static struct table *
tc_programs_create(void)
{
	struct table *t = table_create();
	size_t k;

	table_add_column(t, "program", "n", _("Program"), TABLE_TEXT, 0, 20,
	    36);
	table_add_column(t, "ministry", "min", _("Ministry"), TABLE_TEXT, 0,
	    10, 14);
	table_add_column(t, "amount", "amt", _("億円"), TABLE_NUMBER,
	    TABLE_COL_RIGHT, 10, 10);
	table_add_column(t, "fy", NULL, _("FY"), TABLE_NUMBER, 0, 4, 7);
	table_add_column(t, "type", "t", _("Type"), TABLE_TEXT, 0, 4, 7);
	table_add_column(t, "note", NULL, _("Note"), TABLE_TEXT, 0, 4, 10);
	table_add_column(t, "measure", "m", _("Measures"), TABLE_TEXT, 0, 10,
	    40);
	table_add_column(t, "project", "pj", _("Projects"), TABLE_TEXT, 0, 10,
	    32);
	tc_common_columns(t);
	for (k = 0; k < HMS_NELEM(tc_program_xcols); k++)
		table_add_export_column(t, tc_program_xcols[k]);
	return t;
}

/* One row per budget line (a program without any has one): scripts and
 * totals sum the counted ones. */
static void
tc_program_rows(struct table *t, struct content_entity *e)
{
	size_t k;

	if (e->u.program.nbudgets == 0)
		tc_program_row(t, e, NULL);
	for (k = 0; k < e->u.program.nbudgets; k++)
		tc_program_row(t, e, &e->u.program.budgets[k]);
}

struct table *
table_content_programs(struct content_entity *const *v, size_t n)
{
	struct table *t = tc_programs_create();
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i]->type == CONTENT_PROGRAM)
			tc_program_rows(t, v[i]);
	table_finish(t);
	return t;
}

struct table *
table_content_funds(const struct funds *f)
{
	struct table *t = tc_programs_create();
	size_t i, r, first;
	char *s;
	int col;

	col = table_add_column(t, "found", "via", _("Found via"), TABLE_TEXT,
	    0, 10, 40);
	for (i = 0; i < f->n; i++) {
		const struct funds_item *it = &f->v[i];
		if (i == 0 || it->group != f->v[i - 1].group) {
			s = it->group != NULL ? tc_project_label(it->group) :
			    xstrdup(_("(no project)"));
			table_add_heading(t, s);
			free(s);
		}
		first = t->nrows;
		tc_program_rows(t, (struct content_entity *)it->program);
		for (r = first; r < t->nrows; r++)
			if (it->via != NULL && it->via != it->program)
				table_set(t, r, col, it->via->title,
				    it->via->id);
			else
				table_set(t, r, col, _("the query names it"),
				    NULL);
	}
	table_finish(t);
	return t;
}

void
table_program_sum(const struct table *t, struct figures_sum *s)
{
	size_t i;

	for (i = 0; i < t->nview; i++) {
		const struct table_row *r = &t->rows[t->view[i]];
		if (!r->heading && r->entity != NULL)
			figures_sum_add_line(s, r->entity, r->data);
	}
	figures_sum_finish(s);
}

void
table_program_groups(const struct table *t, struct figures_groups *g)
{
	size_t i;

	for (i = 0; i < t->nview; i++) {
		const struct table_row *r = &t->rows[t->view[i]];
		if (!r->heading && r->entity != NULL)
			figures_groups_add_line(g, r->entity, r->data);
	}
	figures_groups_finish(g);
}

/* ---- roadmap measures ---- */

size_t
table_measure_milestones(const struct content_entity *m,
    enum content_column col, const struct content_entity **out, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < m->nbacklinks; i++) {
		const struct content_link *l = m->backlinks[i];
		if (l->rel != CONTENT_REL_MEASURE ||
		    l->from->type != CONTENT_MILESTONE ||
		    l->from->u.milestone.column != col || n >= max)
			continue;
		if (!tc_has(out, n, l->from))
			out[n++] = l->from;
	}
	return n;
}

struct table *
table_content_measures(struct content_entity *const *v, size_t n,
    bool headings)
{
	const struct content_entity *ms[TC_MAX_LINKED];
	struct table *t = table_create();
	struct buf text, alt;
	size_t i, k, nm, row;
	int col, table_no = -1;
	char *s, num[16];

	table_add_column(t, "measure", "m", _("Measure"), TABLE_TEXT, 0, 18,
	    34);
	/* A time column is never narrower than its label. */
	for (col = 0; col < CONTENT_COL_COUNT; col++)
		table_add_column(t, content_column_name(col), NULL,
		    content_column_label(col), TABLE_TEXT, 0, HMS_MAX(10,
		    text_width(content_column_label(col),
		    strlen(content_column_label(col)))), 30);
	tc_common_columns(t);
	table_add_export_column(t, "table");
	table_add_export_column(t, "group");
	for (col = 0; col < CONTENT_COL_COUNT; col++)
		table_add_export_column(t, content_column_name(col));
	buf_init(&text);
	buf_init(&alt);
	for (i = 0; i < n; i++) {
		struct content_entity *e = v[i];
		if (e->type != CONTENT_MEASURE)
			continue;
		if (headings && e->u.measure.table != table_no) {
			table_no = e->u.measure.table;
			if (table_no != 0)
				s = xasprintf(_("Table %d  %s"), table_no,
				    e->u.measure.group != NULL ?
				    e->u.measure.group : "");
			else
				s = xstrdup(_("Not in the roadmap"));
			table_add_heading(t, s);
			free(s);
		}
		row = table_add_row(t, e, NULL);
		s = xasprintf("%s %s", e->id, e->u.measure.group != NULL ?
		    e->u.measure.group : "");
		table_set(t, row, TABLE_MEASURE_COL_NAME, e->title, s);
		free(s);
		tc_common_export(t, row, e);
		if (e->u.measure.table != 0) {
			snprintf(num, sizeof num, "%d", e->u.measure.table);
			table_set_export(t, row, 4, num);
		}
		table_set_export(t, row, 5, e->u.measure.group);
		for (col = 0; col < CONTENT_COL_COUNT; col++) {
			nm = table_measure_milestones(e, col, ms, HMS_NELEM(ms));
			buf_reset(&text);
			buf_reset(&alt);
			/* Several milestones in one cell: the count first,
			 * all of them in the detail pane. */
			if (nm > 1)
				buf_printf(&text, "(%zu) ", nm);
			for (k = 0; k < nm; k++) {
				if (k > 0)
					buf_adds(&text, " / ");
				buf_adds(&text, ms[k]->title);
				if (k > 0)
					buf_adds(&alt, " | ");
				buf_adds(&alt, ms[k]->title);
			}
			table_set(t, row, TABLE_MEASURE_COL_FIRST_TIME + col,
			    text.data, NULL);
			table_set_export(t, row, 6 + col, alt.data);
		}
	}
	buf_free(&text);
	buf_free(&alt);
	table_finish(t);
	return t;
}
