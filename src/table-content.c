/* table-content.c — KPI, program and roadmap tables built from the
 * content, for the views and the command line alike. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "i18n.h"
#include "table-content.h"
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

/* ---- KPIs ---- */

static const struct {
	const char	*name;
	const char	*label;
} tc_kpi_status[TABLE_KPI_STATUS_COUNT] = {
	[TABLE_KPI_NO_DATA] = { "no-data", N_("[no data]") },
	[TABLE_KPI_ACHIEVED] = { "achieved", N_("[achieved]") },
	[TABLE_KPI_ON_TRACK] = { "on-track", N_("[on track]") },
	[TABLE_KPI_BEHIND] = { "behind", N_("[behind]") },
};

const char *
table_kpi_status_name(enum table_kpi_status s)
{
	return tc_kpi_status[s].name;
}

const char *
table_kpi_status_label(enum table_kpi_status s)
{
	return _(tc_kpi_status[s].label);
}

/* When a value was measured, as a fractional year; false when unknown.
 * A fiscal year ends at 31 March of the next year; a range of years is
 * read at its end. */
static bool
tc_value_time(const struct content_value *v, double *t)
{
	int y, m, d;

	if (v->date != NULL && sscanf(v->date, "%d-%d-%d", &y, &m, &d) == 3) {
		*t = y + ((m - 1) + (d - 1) / 31.0) / 12.0;
		return true;
	}
	if (v->year_last != 0) {
		*t = v->year_last + 1.25;
		return true;
	}
	return false;
}

static bool
tc_value_range(const struct content_value *v)
{
	return v->year_first != 0 && v->year_last != v->year_first;
}

void
table_kpi_progress(const struct content_entity *k, struct table_kpi_progress *p)
{
	const struct content_value *b = &k->u.kpi.baseline;
	const struct content_value *tg = &k->u.kpi.target;
	const struct content_value *l = &k->u.kpi.latest;
	bool down = k->u.kpi.down, met, comparable;
	double tb, tt, tl;
	bool hb, ht, hl;

	memset(p, 0, sizeof *p);
	p->status = TABLE_KPI_NO_DATA;
	if (!l->present || !l->has_value) {
		p->why = _("no latest value");
		return;
	}
	if (!tg->present || !tg->has_value) {
		p->why = _("no numeric target");
		return;
	}
	/* A baseline or a target over several years (a cumulative count,
	 * an average) is not a point a line can be drawn through. */
	comparable = b->present && b->has_value && b->value != tg->value &&
	    !tc_value_range(b) && !tc_value_range(tg);
	if (comparable) {
		p->has_progress = true;
		p->progress = (l->value - b->value) / (tg->value - b->value);
	}
	met = down ? l->value <= tg->value : l->value >= tg->value;
	if (met) {
		p->status = TABLE_KPI_ACHIEVED;
		return;
	}
	hb = tc_value_time(b, &tb);
	ht = tc_value_time(tg, &tt);
	hl = tc_value_time(l, &tl);
	if (ht && hl && tl >= tt) {
		/* The target's year is over and it was not met. */
		p->status = TABLE_KPI_BEHIND;
		return;
	}
	if (!comparable) {
		p->why = !b->present || !b->has_value ? _("no numeric baseline") :
		    _("baseline or target covers several years");
		return;
	}
	if (!hb || !ht || !hl || tt <= tb) {
		p->why = _("no dates to compare");
		return;
	}
	p->has_expected = true;
	p->expected = (tl - tb) / (tt - tb);
	if (p->expected < 0)
		p->expected = 0;
	if (p->expected > 1)
		p->expected = 1;
	/* Linear progress from the baseline to the target, read at the
	 * latest value's date. */
	p->status = p->progress + 1e-9 >= p->expected ? TABLE_KPI_ON_TRACK :
	    TABLE_KPI_BEHIND;
}

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
	"latest_date", "indicator_of", "belongs_to", "progress", "status",
};

struct table *
table_content_kpis(struct content_entity *const *v, size_t n)
{
	struct table *t = table_create();
	struct table_kpi_progress pr;
	struct buf text, alt;
	char num[64], *s;
	size_t i, row, k;

	/* In the order of TABLE_KPI_COL_*. */
	table_add_column(t, "name", "n", _("KPI"), TABLE_TEXT, 0, 20, 40);
	table_add_column(t, "period", "p", _("P"), TABLE_NUMBER,
	    TABLE_COL_RIGHT, 1, 4);
	table_add_column(t, "status", "st", _("Status"), TABLE_NUMBER, 0, 10,
	    12);
	table_add_column(t, "progress", "prog", _("Progress"), TABLE_NUMBER,
	    TABLE_COL_RIGHT, 5, 9);
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
		s = tc_value_cell(&e->u.kpi.baseline);
		if (e->u.kpi.baseline.present && e->u.kpi.baseline.has_value)
			table_set_num(t, row, TABLE_KPI_COL_BASELINE, s, NULL,
			    e->u.kpi.baseline.value);
		else
			table_set(t, row, TABLE_KPI_COL_BASELINE, s, NULL);
		free(s);
		s = tc_value_cell(&e->u.kpi.target);
		if (e->u.kpi.target.present && e->u.kpi.target.has_value)
			table_set_num(t, row, TABLE_KPI_COL_TARGET, s, NULL,
			    e->u.kpi.target.value);
		else
			table_set(t, row, TABLE_KPI_COL_TARGET, s, NULL);
		free(s);
		s = tc_value_cell(&e->u.kpi.latest);
		if (e->u.kpi.latest.present && e->u.kpi.latest.has_value)
			table_set_num(t, row, TABLE_KPI_COL_LATEST, s, NULL,
			    e->u.kpi.latest.value);
		else
			table_set(t, row, TABLE_KPI_COL_LATEST, s, NULL);
		free(s);
		table_kpi_progress(e, &pr);
		if (pr.has_progress) {
			snprintf(num, sizeof num, "%.0f%%", pr.progress * 100);
			table_set_num(t, row, TABLE_KPI_COL_PROGRESS, num, NULL,
			    pr.progress);
		}
		/* The status filters by its name too: st:behind; it sorts
		 * by severity. */
		table_set_num(t, row, TABLE_KPI_COL_STATUS,
		    table_kpi_status_label(pr.status),
		    table_kpi_status_name(pr.status), pr.status);
		table_set(t, row, TABLE_KPI_COL_KIND,
		    content_kpi_kind_label(e->u.kpi.kind),
		    content_kpi_kind_name(e->u.kpi.kind));

		tc_common_export(t, row, e);
		table_set_export(t, row, 4, content_kpi_kind_name(e->u.kpi.kind));
		table_set_export(t, row, 5, e->u.kpi.unit);
		tc_value_export(t, row, 6, &e->u.kpi.baseline);
		tc_value_export(t, row, 9, &e->u.kpi.target);
		tc_value_export(t, row, 12, &e->u.kpi.latest);
		s = content_link_ids(e, CONTENT_REL_INDICATOR_OF, false);
		table_set_export(t, row, 15, s);
		free(s);
		s = content_link_ids(e, CONTENT_REL_BELONGS_TO, false);
		table_set_export(t, row, 16, s);
		free(s);
		if (pr.has_progress) {
			snprintf(num, sizeof num, "%.4f", pr.progress);
			table_set_export(t, row, 17, num);
		}
		table_set_export(t, row, 18, table_kpi_status_name(pr.status));
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

size_t
table_program_projects(const struct content_entity *p,
    const struct content_entity **out, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < p->nlinks; i++) {
		const struct content_link *l = p->links[i];
		if (l->rel == CONTENT_REL_BELONGS_TO && l->to != NULL &&
		    l->to->type == CONTENT_PROJECT && n < max &&
		    !tc_has(out, n, l->to))
			out[n++] = l->to;
	}
	/* A program serves its measures' projects as well. */
	for (i = 0; i < p->nlinks; i++) {
		const struct content_link *l = p->links[i];
		if (l->rel != CONTENT_REL_SERVES || l->to == NULL ||
		    l->to->type != CONTENT_MEASURE)
			continue;
		for (j = 0; j < l->to->nlinks; j++) {
			const struct content_link *m = l->to->links[j];
			if (m->rel == CONTENT_REL_BELONGS_TO && m->to != NULL &&
			    m->to->type == CONTENT_PROJECT && n < max &&
			    !tc_has(out, n, m->to))
				out[n++] = m->to;
		}
	}
	return n;
}

static const char *const tc_program_xcols[] = {
	"ministry", "kind", "amount_oku_yen", "fy", "budget_type", "draft",
	"counted", "budget_text", "serves", "belongs_to", "projects",
};

static void
tc_program_row(struct table *t, struct content_entity *e,
    const struct content_budget *b)
{
	const struct content_entity *pj[TC_MAX_LINKED];
	const struct content_entity *min = e->u.program.ministry;
	struct buf text, alt;
	size_t row, i, npj;
	char num[64], *s;

	row = table_add_row(t, e, b);
	buf_init(&text);
	buf_init(&alt);
	table_set(t, row, TABLE_PROGRAM_COL_NAME, e->title, e->title_en);
	if (min != NULL) {
		s = xasprintf("%s %s", min->u.ministry.tag != NULL ?
		    min->u.ministry.tag : "", min->id);
		table_set(t, row, TABLE_PROGRAM_COL_MINISTRY, min->title, s);
		free(s);
	}
	if (b != NULL) {
		if (b->has_amount)
			table_set_num(t, row, TABLE_PROGRAM_COL_AMOUNT,
			    tc_num(num, sizeof num, b->amount), NULL,
			    b->amount);
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
		buf_adds(&text, l->to->title);
		if (alt.len > 0)
			buf_addc(&alt, ' ');
		buf_adds(&alt, l->to->id);
	}
	table_set(t, row, TABLE_PROGRAM_COL_MEASURES, text.data, alt.data);
	buf_reset(&text);
	buf_reset(&alt);
	npj = table_program_projects(e, pj, HMS_NELEM(pj));
	for (i = 0; i < npj; i++) {
		s = tc_project_label(pj[i]);
		if (text.len > 0)
			buf_adds(&text, "; ");
		buf_adds(&text, s);
		free(s);
		if (alt.len > 0)
			buf_addc(&alt, ' ');
		buf_adds(&alt, pj[i]->id);
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
	s = content_link_ids(e, CONTENT_REL_BELONGS_TO, false);
	table_set_export(t, row, 13, s);
	free(s);
	buf_reset(&text);
	for (i = 0; i < npj; i++) {
		if (i > 0)
			buf_addc(&text, ' ');
		buf_adds(&text, pj[i]->id);
	}
	table_set_export(t, row, 14, text.data);
	buf_free(&text);
	buf_free(&alt);
}

struct table *
table_content_programs(struct content_entity *const *v, size_t n)
{
	struct table *t = table_create();
	size_t i, k;

	table_add_column(t, "program", "n", _("Program"), TABLE_TEXT, 0, 20,
	    36);
	table_add_column(t, "ministry", "min", _("Ministry"), TABLE_TEXT, 0,
	    10, 14);
	table_add_column(t, "amount", "amt", _("億円"), TABLE_NUMBER,
	    TABLE_COL_RIGHT, 6, 10);
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
	for (i = 0; i < n; i++) {
		struct content_entity *e = v[i];
		if (e->type != CONTENT_PROGRAM)
			continue;
		/* One row per budget: scripts and totals sum the counted
		 * ones. */
		if (e->u.program.nbudgets == 0)
			tc_program_row(t, e, NULL);
		for (k = 0; k < e->u.program.nbudgets; k++)
			tc_program_row(t, e, &e->u.program.budgets[k]);
	}
	table_finish(t);
	return t;
}

static const char *const tc_total_groups[TABLE_TOTAL_GROUP_COUNT] = {
	[TABLE_TOTAL_NONE] = N_("none"),
	[TABLE_TOTAL_MINISTRY] = N_("ministry"),
	[TABLE_TOTAL_PROJECT] = N_("project"),
	[TABLE_TOTAL_FY] = N_("fiscal year"),
};

const char *
table_total_group_label(enum table_total_group g)
{
	return _(tc_total_groups[g]);
}

static void
tc_total_add(struct table_totals *tt, size_t *cap, const char *label,
    const struct content_budget *b)
{
	struct table_total *g = NULL;
	size_t i;

	for (i = 0; i < tt->ngroups; i++) {
		if (strcmp(tt->groups[i].label, label) == 0) {
			g = &tt->groups[i];
			break;
		}
	}
	if (g == NULL) {
		util_grow(&tt->groups, cap, tt->ngroups + 1, sizeof *tt->groups);
		g = &tt->groups[tt->ngroups++];
		memset(g, 0, sizeof *g);
		g->label = xstrdup(label);
	}
	g->lines++;
	if (b != NULL && content_budget_counts(b)) {
		g->amount += b->amount;
		g->counted++;
	}
}

static int
tc_cmp_total(const void *x, const void *y)
{
	const struct table_total *a = x, *b = y;

	if (a->amount != b->amount)
		return a->amount > b->amount ? -1 : 1;
	return text_collate(a->label, b->label);
}

void
table_program_totals(const struct table *t, enum table_total_group g,
    struct table_totals *tt)
{
	const struct content_entity *pj[TC_MAX_LINKED];
	size_t i, k, npj, cap = 0;
	char *lab;

	memset(tt, 0, sizeof *tt);
	tt->all.label = xstrdup(_("Total"));
	for (i = 0; i < t->nview; i++) {
		const struct table_row *r = &t->rows[t->view[i]];
		const struct content_budget *b = r->data;
		const struct content_entity *e = r->entity;
		if (r->heading || e == NULL)
			continue;
		tt->all.lines++;
		if (b != NULL && content_budget_counts(b)) {
			tt->all.amount += b->amount;
			tt->all.counted++;
		} else
			tt->uncounted++;
		switch (g) {
		case TABLE_TOTAL_MINISTRY:
			tc_total_add(tt, &cap, e->u.program.ministry != NULL ?
			    e->u.program.ministry->title : _("(no ministry)"),
			    b);
			break;
		case TABLE_TOTAL_FY:
			if (b != NULL && b->fy != 0) {
				lab = xasprintf("FY%d", b->fy);
				tc_total_add(tt, &cap, lab, b);
				free(lab);
			} else
				tc_total_add(tt, &cap, _("(no fiscal year)"), b);
			break;
		case TABLE_TOTAL_PROJECT:
			npj = table_program_projects(e, pj, HMS_NELEM(pj));
			for (k = 0; k < npj; k++) {
				lab = tc_project_label(pj[k]);
				tc_total_add(tt, &cap, lab, b);
				free(lab);
			}
			if (npj == 0)
				tc_total_add(tt, &cap, _("(no project)"), b);
			break;
		default:
			break;
		}
	}
	if (tt->ngroups > 1)
		qsort(tt->groups, tt->ngroups, sizeof *tt->groups, tc_cmp_total);
}

void
table_totals_free(struct table_totals *tt)
{
	size_t i;

	for (i = 0; i < tt->ngroups; i++)
		free(tt->groups[i].label);
	free(tt->groups);
	free(tt->all.label);
	memset(tt, 0, sizeof *tt);
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
