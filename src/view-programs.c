/* view-programs.c — who funds what: one row per budget line, with the
 * total of the shown lines (再掲 and の内数 never summed) and subtotals
 * by ministry, project or fiscal year. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "content.h"
#include "i18n.h"
#include "layout.h"
#include "table-content.h"
#include "table.h"
#include "text.h"
#include "util.h"
#include "view-table.h"
#include "view.h"

struct view_programs {
	enum table_total_group	group;	/* subtotals shown instead of the
					   row's detail, or none */
};

static void
view_programs_budget(struct page *p, const struct content_budget *b)
{
	char num[64];
	struct buf s;

	buf_init(&s);
	if (b->has_amount)
		buf_printf(&s, "%s億円", table_format_number(num, sizeof num,
		    b->amount));
	else
		buf_adds(&s, "-");
	if (b->fy != 0)
		buf_printf(&s, "  FY%d", b->fy);
	buf_printf(&s, "  %s", content_budget_type_label(b->type));
	if (b->draft)
		buf_printf(&s, "  %s", _("(proposal)"));
	if (b->restated)
		buf_printf(&s, "  %s", _("(再掲: repeated, not counted)"));
	if (b->within)
		buf_printf(&s, "  %s", _("(の内数: part of a larger budget, not counted)"));
	if (b->text != NULL)
		buf_printf(&s, "  「%s」", b->text);
	view_table_page_para(p, _("Budget"), s.data, 2);
	buf_free(&s);
}

static void
view_programs_subtotals(struct view_table *vt, struct page *p)
{
	struct view_programs *vp = vt->priv;
	struct table_totals tt;
	char num[64], *s;
	size_t i;

	table_program_totals(vt->t, vp->group, &tt);
	s = xasprintf(_("Subtotals by %s of the shown lines, counted once"),
	    table_total_group_label(vp->group));
	view_table_page_heading(p, s);
	free(s);
	if (vp->group == TABLE_TOTAL_PROJECT)
		view_table_page_para(p, NULL, _("A line serving several "
		    "projects counts in each of them."), 2);
	for (i = 0; i < tt.ngroups; i++) {
		const struct table_total *g = &tt.groups[i];
		s = xasprintf(_("%10s億円  %s  (%zu of %zu lines counted)"),
		    table_format_number(num, sizeof num, g->amount), g->label,
		    g->counted, g->lines);
		view_table_page_para(p, NULL, s, 0);
		free(s);
	}
	table_totals_free(&tt);
}

static void
view_programs_detail(struct app *a, struct view_table *vt, struct page *p,
    int width)
{
	struct view_programs *vp = vt->priv;
	struct table *t = vt->t;
	const struct content_entity *e = table_selected_entity(t);
	const struct table_row *r;
	const struct content_entity *min;
	char *s;

	(void)a;
	(void)width;
	if (vp->group != TABLE_TOTAL_NONE) {
		view_programs_subtotals(vt, p);
		return;
	}
	if (e == NULL)
		return;
	r = &t->rows[table_selected(t)];
	view_table_page_heading(p, e->title);
	if ((min = e->u.program.ministry) != NULL) {
		s = xasprintf("%s%s", min->title, min->u.ministry.tag != NULL ?
		    min->u.ministry.tag : "");
		view_table_page_para(p, _("Ministry"), s, 2);
		free(s);
	}
	if (r->data != NULL)
		view_programs_budget(p, r->data);
	if (r->cells[TABLE_PROGRAM_COL_MEASURES].text[0] != '\0')
		view_table_page_para(p, t->cols[TABLE_PROGRAM_COL_MEASURES].header,
		    r->cells[TABLE_PROGRAM_COL_MEASURES].text, 2);
	if (r->cells[TABLE_PROGRAM_COL_PROJECTS].text[0] != '\0')
		view_table_page_para(p, t->cols[TABLE_PROGRAM_COL_PROJECTS].header,
		    r->cells[TABLE_PROGRAM_COL_PROJECTS].text, 2);
	view_table_page_para(p, _("Id"), e->id, 2);
}

static int
view_programs_footer_lines(struct app *a, struct view_table *vt)
{
	(void)a;
	(void)vt;
	return 1;
}

/* The total of what is shown, in words that say what was summed; the
 * explanation when there is room for it. */
static void
view_programs_footer(struct app *a, struct view_table *vt, struct surface *s,
    int x, int y, int w, int h)
{
	struct table_totals tt;
	char num[64], *line, *more;
	int used;

	(void)a;
	(void)h;
	table_program_totals(vt->t, TABLE_TOTAL_NONE, &tt);
	line = xasprintf(_("Total (shown, counted once): %s億円"),
	    table_format_number(num, sizeof num, tt.all.amount));
	more = xasprintf(_("  %zu of %zu lines summed (再掲, の内数 and blanks "
	    "are not)"), tt.all.counted, tt.all.lines);
	surface_fill(s, x, y, w, 1, STYLE_NORMAL);
	used = surface_puts(s, x, y, w, line, STYLE_MARK);
	if (used + text_width(more, strlen(more)) <= w)
		surface_puts(s, x + used, y, w - used, more, STYLE_DIM);
	free(line);
	free(more);
	table_totals_free(&tt);
}

static bool
view_programs_extra(struct app *a, struct view_table *vt, enum action act)
{
	struct view_programs *vp = vt->priv;

	if (act != ACTION_TOTALS)
		return false;
	vp->group = (vp->group + 1) % TABLE_TOTAL_GROUP_COUNT;
	if (vp->group == TABLE_TOTAL_NONE)
		app_message(a, "%s", _("Subtotals off: the pane shows the selected line."));
	else
		app_message(a, _("Subtotals by %s."),
		    table_total_group_label(vp->group));
	return true;
}

static char *
view_programs_info(struct app *a, struct view_table *vt)
{
	struct view_programs *vp = vt->priv;

	(void)a;
	if (vp->group == TABLE_TOTAL_NONE)
		return NULL;
	return xasprintf(_("subtotals: %s"), table_total_group_label(vp->group));
}

static struct view_table *
view_programs_vt(struct app *a)
{
	struct view_table *vt = view_table_state(a, VIEW_PROGRAMS);
	const struct content *c;

	if (vt == NULL) {
		c = app_content(a);
		vt = view_table_create(a, VIEW_PROGRAMS, table_content_programs(
		    c->by_type[CONTENT_PROGRAM], c->ntype[CONTENT_PROGRAM]),
		    "hms-programs.tsv");
		vt->priv = xcalloc(1, sizeof(struct view_programs));
		vt->priv_free = free;
		vt->filter_hint = N_("words; min:厚生 fy:2025 type:補正 pj:p3-7; -word");
		vt->detail = view_programs_detail;
		vt->footer_lines = view_programs_footer_lines;
		vt->footer = view_programs_footer;
		vt->action = view_programs_extra;
		vt->info = view_programs_info;
	}
	return vt;
}

static void
view_programs_enter(struct app *a)
{
	view_programs_vt(a);
}

static void
view_programs_draw(struct app *a, struct surface *s, int x, int y, int w,
    int h)
{
	view_table_draw(a, view_programs_vt(a), s, x, y, w, h);
}

static bool
view_programs_action(struct app *a, enum action act)
{
	return view_table_action(a, view_programs_vt(a), act);
}

static bool
view_programs_key(struct app *a, uint32_t key)
{
	return view_table_key(a, view_programs_vt(a), key);
}

static bool
view_programs_click(struct app *a, int x, int y, int button)
{
	return view_table_click(a, view_programs_vt(a), x, y, button);
}

static void
view_programs_position(struct app *a, char *buf, size_t size)
{
	view_table_position(view_programs_vt(a), buf, size);
}

static int
view_programs_save(struct app *a)
{
	return view_table_save(view_programs_vt(a));
}

static void
view_programs_restore(struct app *a, int place)
{
	view_table_restore(view_programs_vt(a), place);
}

static void
view_programs_free(struct app *a)
{
	view_table_free(a, VIEW_PROGRAMS);
}

const struct view_ops view_programs_ops = {
	.name = "programs",
	.title = N_("Programs"),
	.table = KEYMAP_TABLE,
	.enter = view_programs_enter,
	.draw = view_programs_draw,
	.action = view_programs_action,
	.key = view_programs_key,
	.click = view_programs_click,
	.position = view_programs_position,
	.save = view_programs_save,
	.restore = view_programs_restore,
	.free = view_programs_free,
};
