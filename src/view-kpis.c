/* view-kpis.c — the KPI table: targets, latest values, progress and a
 * status in words ("[behind]"), sortable and filterable. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "content.h"
#include "i18n.h"
#include "layout.h"
#include "table-content.h"
#include "table.h"
#include "text.h"
#include "util.h"
#include "view-table.h"
#include "view.h"

static void
view_kpis_value(struct page *p, const char *label,
    const struct content_value *v, const char *unit)
{
	char num[64];
	struct buf b;

	if (!v->present)
		return;
	buf_init(&b);
	if (v->has_value) {
		buf_adds(&b, table_format_number(num, sizeof num, v->value));
		if (v->unit != NULL || unit != NULL)
			buf_printf(&b, " %s", v->unit != NULL ? v->unit : unit);
		if (v->date != NULL || v->year != NULL)
			buf_printf(&b, ", %s", v->date != NULL ? v->date :
			    v->year);
		buf_printf(&b, "  (%s: %s)", _("as printed"),
		    v->text != NULL ? v->text : "");
	} else
		buf_adds(&b, v->text != NULL ? v->text : "");
	view_table_page_para(p, label, b.data, 2);
	buf_free(&b);
}

/* The verdict with how it was decided, so that "[behind]" can be
 * checked. */
static char *
view_kpis_status_text(const struct figures_kpi *pr)
{
	return xasprintf("%s  %s", figures_verdict_label(pr->verdict),
	    pr->explain);
}

static void
view_kpis_detail(struct ui *ui, struct view_table *vt, struct page *p,
    int width)
{
	struct table *t = vt->t;
	const struct content_entity *e = table_selected_entity(t);
	struct figures_kpi pr;
	const struct table_row *r;
	char *s;

	if (e == NULL || e->type != CONTENT_KPI)
		return;
	r = &t->rows[table_selected(t)];
	view_table_page_heading(p, e->title);
	figures_kpi_judge(ui_content(ui), e, &pr);
	s = view_kpis_status_text(&pr);
	view_table_page_para(p, _("Status"), s, 2);
	free(s);
	if (pr.has_progress) {
		struct buf b;
		buf_init(&b);
		chart_kpi_line(&b, e, &pr, width - 4 -
		    text_width(_("Progress"), strlen(_("Progress"))));
		view_table_page_para(p, _("Progress"), b.data, 2);
		buf_free(&b);
	}
	view_kpis_value(p, _("Baseline"), &e->u.kpi.v->baseline, e->u.kpi.unit);
	view_kpis_value(p, _("Target"), &e->u.kpi.v->target, e->u.kpi.unit);
	view_kpis_value(p, _("Latest"), &e->u.kpi.v->latest, e->u.kpi.unit);
	if (r->cells[TABLE_KPI_COL_OF].text[0] != '\0')
		view_table_page_para(p, t->cols[TABLE_KPI_COL_OF].header,
		    r->cells[TABLE_KPI_COL_OF].text, 2);
	s = xasprintf("%s  (%s %d)  %s", content_kpi_kind_label(e->u.kpi.kind),
	    _("period"), e->period, e->id);
	view_table_page_para(p, _("Kind"), s, 2);
	free(s);
}

static void *
view_kpis_create(struct ui *ui)
{
	const struct content *c = ui_content(ui);
	struct view_table *vt;

	vt = view_table_new(VIEW_KPIS, table_content_kpis(c,
	    c->by_type[CONTENT_KPI], c->ntype[CONTENT_KPI]), "hms-kpis.tsv");
	vt->filter_hint = N_("words; p:3 kind:kpi st:behind pj:p3-7; -word");
	vt->detail = view_kpis_detail;
	return vt;
}

const struct view_ops view_kpis_ops = {
	.name = "kpis",
	.title = N_("KPIs"),
	.table = KEYMAP_TABLE,
	.create = view_kpis_create,
	.draw = view_table_draw,
	VIEW_TABLE_OPS,
};
