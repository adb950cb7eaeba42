/* view-programs.c — who funds what: one row per budget line, with the
 * total of the shown lines (再掲 and の内数 never summed) and subtotals
 * by ministry, project or fiscal year. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "content.h"
#include "figures.h"
#include "i18n.h"
#include "layout.h"
#include "table-content.h"
#include "table.h"
#include "text.h"
#include "util.h"
#include "view-table.h"
#include "view.h"

/* What the pane beside the table shows: the selected line, or the
 * subtotals of the shown lines by one of these. */
enum view_programs_group {
	VIEW_PROGRAMS_LINE,
	VIEW_PROGRAMS_BY_MINISTRY,
	VIEW_PROGRAMS_BY_PROJECT,
	VIEW_PROGRAMS_BY_YEAR,
	VIEW_PROGRAMS_GROUP_COUNT
};

static const char *const view_programs_groups[VIEW_PROGRAMS_GROUP_COUNT] = {
	[VIEW_PROGRAMS_LINE] = N_("none"),
	[VIEW_PROGRAMS_BY_MINISTRY] = N_("ministry"),
	[VIEW_PROGRAMS_BY_PROJECT] = N_("project"),
	[VIEW_PROGRAMS_BY_YEAR] = N_("fiscal year and budget type"),
};

struct view_programs {
	enum view_programs_group group;
	char			*what;	/* the funds view: what it shows the
					   programs of ("FIH"), or NULL */
};

static void
view_programs_priv_free(void *p)
{
	struct view_programs *vp = p;

	if (vp != NULL)
		free(vp->what);
	free(vp);
}

static void
view_programs_budget(struct page *p, const struct content_budget *b)
{
	struct buf s;

	buf_init(&s);
	figures_budget_format(&s, b);
	view_table_page_para(p, _("Budget"), s.data, 2);
	buf_free(&s);
}

static void
view_programs_chart_line(void *arg, enum chart_line kind, const char *line)
{
	struct page *p = arg;

	page_newline(p, -1, 0);
	page_add(p, line, strlen(line), kind == CHART_HEADING ? STYLE_HEADING :
	    STYLE_NORMAL, -1);
}

/* The subtotals as bars (chart.h): one per group, fiscal year and
 * budget type, never added across them; then what inference placed. */
static void
view_programs_subtotals(struct view_table *vt, struct page *p, int width)
{
	struct view_programs *vp = vt->priv;
	struct figures_groups g;
	struct figures_sum sum;
	struct chart_series *v;
	size_t i;
	char *s;

	s = xasprintf(_("Subtotals by %s of the shown lines"),
	    _(view_programs_groups[vp->group]));
	view_table_page_heading(p, s);
	free(s);
	if (vp->group == VIEW_PROGRAMS_BY_YEAR) {
		struct chart_series one = { _("All shown lines"), &sum };
		figures_sum_init(&sum);
		table_program_sum(vt->t, &sum);
		chart_budget(&one, 1, width, view_programs_chart_line, p);
		figures_sum_free(&sum);
		return;
	}
	figures_groups_init(&g, vp->group == VIEW_PROGRAMS_BY_PROJECT ?
	    FIGURES_BY_PROJECT : FIGURES_BY_MINISTRY);
	table_program_groups(vt->t, &g);
	if (g.by == FIGURES_BY_PROJECT)
		view_table_page_para(p, NULL, _("A line serving several "
		    "projects counts in each of them."), 2);
	v = xcalloc(g.n + 1, sizeof *v);
	for (i = 0; i < g.n; i++) {
		const struct content_entity *e = g.v[i].entity;
		v[i].label = e == NULL ? xstrdup(g.by == FIGURES_BY_PROJECT ?
		    _("(no project)") : _("(no ministry stated)")) :
		    e->type == CONTENT_PROJECT ? xasprintf("P%d-%d %s",
		    e->period, e->u.project.num, e->title) : xstrdup(e->title);
		v[i].sum = &g.v[i].sum;
	}
	chart_budget(v, g.n, width, view_programs_chart_line, p);
	for (i = 0; i < g.n; i++) {
		if (g.v[i].ninferred > 0) {
			s = xasprintf(ngettext("~ %s: %zu program placed here "
			    "by inference", "~ %s: %zu programs placed here by "
			    "inference", g.v[i].ninferred), v[i].label,
			    g.v[i].ninferred);
			view_table_page_para(p, NULL, s, 2);
			free(s);
		}
	}
	for (i = 0; i < g.n; i++)
		free((char *)v[i].label);
	free(v);
	figures_groups_free(&g);
}

static void
view_programs_detail(struct ui *ui, struct view_table *vt, struct page *p,
    int width)
{
	struct view_programs *vp = vt->priv;
	struct table *t = vt->t;
	const struct content_entity *e = table_selected_entity(t);
	const struct table_row *r;
	const struct content_entity *min;
	char *s;

	(void)ui;
	if (vp->group != VIEW_PROGRAMS_LINE) {
		view_programs_subtotals(vt, p, width);
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
	if (strchr(r->cells[TABLE_PROGRAM_COL_PROJECTS].text, '~') != NULL)
		view_table_page_para(p, NULL, _("~ marks a project hms infers "
		    "(through a measure the program serves, or our reading of "
		    "the sources); no source assigns it."), 2);
	/* The funds view says how the program was found. */
	if (t->ncols > TABLE_PROGRAM_COL_COUNT &&
	    r->cells[TABLE_PROGRAM_COL_COUNT].text[0] != '\0')
		view_table_page_para(p, t->cols[TABLE_PROGRAM_COL_COUNT].header,
		    r->cells[TABLE_PROGRAM_COL_COUNT].text, 2);
	view_table_page_para(p, _("Id"), e->id, 2);
}

static int
view_programs_footer_lines(struct ui *ui, struct view_table *vt)
{
	(void)ui;
	(void)vt;
	return 1;
}

/* The total of what is shown, in words that say what was summed: one
 * figure per fiscal year and budget type, and how many programs state
 * no amount. */
static void
view_programs_footer(struct ui *ui, struct view_table *vt, struct surface *s,
    int x, int y, int w, int h)
{
	struct figures_sum sum;
	struct buf b;
	int used;

	(void)ui;
	(void)h;
	figures_sum_init(&sum);
	table_program_sum(vt->t, &sum);
	buf_init(&b);
	buf_printf(&b, "%s ", _("Shown:"));
	figures_sum_format(&b, &sum);
	surface_fill(s, x, y, w, 1, STYLE_NORMAL);
	if (text_width(b.data, b.len) > w && w > 1) {
		/* A total cut short must not read as complete, and is cut
		 * between figures, never inside one: at the last " · "
		 * that fits, else (one long figure) where it must. */
		const char *sep = " \xc2\xb7 ", *p, *end = NULL;
		for (p = strstr(b.data, sep); p != NULL;
		    p = strstr(p + 1, sep)) {
			/* The prefix and " ·" must fit before the mark. */
			if (text_width(b.data, (size_t)(p - b.data)) + 2 >
			    w - 1)
				break;
			end = p + 3;
		}
		used = surface_put(s, x, y, w - 1, b.data, end != NULL ?
		    (size_t)(end - b.data) : b.len, STYLE_MARK);
		surface_puts(s, x + HMS_MIN(used, w - 1), y, 1, ">",
		    STYLE_MARK);
	} else
		surface_puts(s, x, y, w, b.data, STYLE_MARK);
	buf_free(&b);
	figures_sum_free(&sum);
}

static bool
view_programs_extra(struct ui *ui, struct view_table *vt, enum action act)
{
	struct view_programs *vp = vt->priv;

	if (act != ACTION_TOTALS)
		return false;
	vp->group = (vp->group + 1) % VIEW_PROGRAMS_GROUP_COUNT;
	if (vp->group == VIEW_PROGRAMS_LINE)
		ui_message(ui, "%s", _("Subtotals off: the pane shows the selected line."));
	else
		ui_message(ui, _("Subtotals by %s."),
		    _(view_programs_groups[vp->group]));
	return true;
}

static char *
view_programs_info(struct ui *ui, struct view_table *vt)
{
	struct view_programs *vp = vt->priv;

	(void)ui;
	if (vp->what != NULL)
		return vp->group == VIEW_PROGRAMS_LINE ? xasprintf(_("funding "
		    "%s"), vp->what) : xasprintf(_("funding %s  subtotals: "
		    "%s"), vp->what, _(view_programs_groups[vp->group]));
	if (vp->group == VIEW_PROGRAMS_LINE)
		return NULL;
	return xasprintf(_("subtotals: %s"), _(view_programs_groups[vp->group]));
}

void
view_programs_setup(struct view_table *vt, const char *what)
{
	struct view_programs *vp = xcalloc(1, sizeof *vp);

	vp->what = what != NULL ? xstrdup(what) : NULL;
	vt->priv = vp;
	vt->priv_free = view_programs_priv_free;
	vt->filter_hint = N_("words; min:厚生 fy:2025 type:補正 pj:p3-7; -word");
	vt->detail = view_programs_detail;
	vt->footer_lines = view_programs_footer_lines;
	vt->footer = view_programs_footer;
	vt->action = view_programs_extra;
	vt->info = view_programs_info;
}

static void *
view_programs_create(struct ui *ui)
{
	const struct content *c = ui_content(ui);
	struct view_table *vt;

	vt = view_table_new(VIEW_PROGRAMS, table_content_programs(
	    c->by_type[CONTENT_PROGRAM], c->ntype[CONTENT_PROGRAM]),
	    "hms-programs.tsv");
	view_programs_setup(vt, NULL);
	return vt;
}

const struct view_ops view_programs_ops = {
	.name = "programs",
	.title = N_("Programs"),
	.table = KEYMAP_TABLE,
	.create = view_programs_create,
	.draw = view_table_draw,
	VIEW_TABLE_OPS,
};
