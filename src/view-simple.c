/* view-simple.c — the views that are a list beside the reader and
 * nothing more: outline, projects, disease areas, glossary.  Each is a
 * view_list built once from the content; the outline also folds. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "i18n.h"
#include "text.h"
#include "util.h"
#include "view-list.h"
#include "view-reader.h"
#include "view.h"

struct view_simple {
	struct view_list	*list;
	void			(*build)(struct ui *, struct view_list *);
};

static struct view_list *
view_simple_list(struct ui *ui, enum view_id v)
{
	return ui_view_state(ui, v);
}

static void
view_simple_enter(struct ui *ui, enum view_id v,
    void (*build)(struct ui *, struct view_list *))
{
	struct view_list *l = ui_view_state(ui, v);

	if (l == NULL) {
		l = xcalloc(1, sizeof *l);
		l->sel = -1;
		ui_set_view_state(ui, v, l);
		build(ui, l);
		view_list_select_first(ui, l);
	} else if (reader_entity(ui_reader(ui)) == NULL)
		view_list_move(ui, l, 0);
}

static const char *
view_period_name(int p)
{
	switch (p) {
	case 1:
		return _("Period 1 (FY2014–2019)");
	case 2:
		return _("Period 2 (FY2020–2024)");
	case 3:
		return _("Period 3 (FY2025–2029)");
	default:
		return _("No period");
	}
}

/* Projects: period 3 first, each period under a header. */
static void
view_projects_build(struct ui *ui, struct view_list *l)
{
	const struct content *c = ui_content(ui);
	size_t i;
	int p, n;

	for (p = 3; p >= 1; p--) {
		for (i = 0, n = 0; i < c->ntype[CONTENT_PROJECT]; i++)
			n += c->by_type[CONTENT_PROJECT][i]->period == p;
		if (n == 0)
			continue;
		view_list_add(l, NULL, 0, "%s: %d %s", view_period_name(p), n,
		    p == 1 ? _("areas") : _("integrated projects"));
		for (i = 0; i < c->ntype[CONTENT_PROJECT]; i++) {
			struct content_entity *e = c->by_type[CONTENT_PROJECT][i];
			char *lab;
			if (e->period != p)
				continue;
			lab = view_list_label(e);
			view_list_add(l, e, 1, "%s", lab);
			free(lab);
		}
	}
}

static void
view_diseases_build(struct ui *ui, struct view_list *l)
{
	const struct content *c = ui_content(ui);
	size_t i;
	int p;

	for (p = 3; p >= 1; p--) {
		view_list_add(l, NULL, 0, "%s", view_period_name(p));
		for (i = 0; i < c->ntype[CONTENT_DISEASE]; i++) {
			struct content_entity *e = c->by_type[CONTENT_DISEASE][i];
			if (e->period == p)
				view_list_add(l, e, 1, "%s", e->title);
		}
	}
}

static int
view_cmp_title(const void *x, const void *y)
{
	const struct content_entity *const *a = x, *const *b = y;

	return text_collate((*a)->title, (*b)->title);
}

static void
view_glossary_build(struct ui *ui, struct view_list *l)
{
	const struct content *c = ui_content(ui);
	struct content_entity **v;
	size_t i, n = c->ntype[CONTENT_TERM];

	v = xcalloc(n + 1, sizeof *v);
	memcpy(v, c->by_type[CONTENT_TERM], n * sizeof *v);
	qsort(v, n, sizeof *v, view_cmp_title);
	view_list_add(l, NULL, 0, _("%zu terms"), n);
	for (i = 0; i < n; i++) {
		const struct content_entity *e = v[i];
		if (e->u.term.nexpansions > 0)
			view_list_add(l, v[i], 1, "%s  %s", e->title,
			    e->u.term.expansions[0].text);
		else
			view_list_add(l, v[i], 1, "%s", e->title);
	}
	free(v);
}

/* The outline: every document (root section) and its chapters; the
 * expanded set survives rebuilding. */
static void
view_outline_add(struct view_list *l, struct content_entity *e, int depth)
{
	struct view_list_item *it;
	char *lab = view_list_label(e);
	size_t i;

	it = view_list_add(l, e, depth, "%s", lab);
	free(lab);
	it->expandable = e->nchildren > 0;
	it->expanded = l->expanded[e->index];
	if (!it->expanded)
		return;
	for (i = 0; i < e->nchildren; i++)
		view_outline_add(l, e->children[i], depth + 1);
}

void
view_outline_build(struct ui *ui, struct view_list *l)
{
	const struct content *c = ui_content(ui);
	size_t i;

	if (l->expanded == NULL) {
		l->expanded = xcalloc(c->nentities + 1, sizeof *l->expanded);
		/* The third strategy starts open. */
		for (i = 0; i < c->ntype[CONTENT_SECTION]; i++) {
			struct content_entity *e = c->by_type[CONTENT_SECTION][i];
			if (strcmp(e->id, "section:s3") == 0)
				l->expanded[e->index] = true;
		}
	}
	view_list_add(l, NULL, 0, "%s", _("Documents"));
	for (i = 0; i < c->ntype[CONTENT_SECTION]; i++) {
		struct content_entity *e = c->by_type[CONTENT_SECTION][i];
		if (e->parent == NULL)
			view_outline_add(l, e, 0);
	}
}

#define VIEW_SIMPLE(nm, NM, ttl, tbl)				\
static void								\
view_##nm##_enter(struct ui *ui)					\
{									\
	view_simple_enter(ui, NM, view_##nm##_build);		\
}									\
static void								\
view_##nm##_draw(struct ui *ui, struct surface *s, int x, int y,	\
    int w, int h)							\
{									\
	view_list_draw(ui, view_simple_list(ui, NM), s, x, y, w, h);	\
}									\
static bool								\
view_##nm##_action(struct ui *ui, enum action act)			\
{									\
	return view_##nm##_extra(ui, view_simple_list(ui, NM), act) ||\
	    view_list_action(ui, view_simple_list(ui, NM), act);	\
}									\
static bool								\
view_##nm##_click(struct ui *ui, int x, int y, int b)		\
{									\
	return view_list_click(ui, view_simple_list(ui, NM), x, y, b);	\
}									\
static struct content_entity *						\
view_##nm##_selection(struct ui *ui)					\
{									\
	return view_list_selected(view_simple_list(ui, NM));		\
}									\
static void								\
view_##nm##_position(struct ui *ui, char *buf, size_t size)		\
{									\
	view_list_position(view_simple_list(ui, NM), buf, size);	\
}									\
static int								\
view_##nm##_save(struct ui *ui)					\
{									\
	return view_simple_list(ui, NM)->sel;				\
}									\
static void								\
view_##nm##_restore(struct ui *ui, int place)			\
{									\
	struct view_list *l = view_simple_list(ui, NM);		\
	if (place >= 0 && place < (int)l->n)				\
		l->sel = place;						\
}									\
static void								\
view_##nm##_free(struct ui *ui)					\
{									\
	view_list_free(view_simple_list(ui, NM));			\
	ui_set_view_state(ui, NM, NULL);				\
}									\
const struct view_ops view_##nm##_ops = {				\
	.name = #nm, .title = ttl, .table = tbl,			\
	.enter = view_##nm##_enter, .draw = view_##nm##_draw,	\
	.action = view_##nm##_action, .click = view_##nm##_click,	\
	.selection = view_##nm##_selection,				\
	.position = view_##nm##_position, .save = view_##nm##_save,	\
	.restore = view_##nm##_restore, .free = view_##nm##_free,	\
}

static bool
view_no_extra(struct ui *ui, struct view_list *l, enum action act)
{
	(void)ui;
	(void)l;
	(void)act;
	return false;
}

/* The outline expands and collapses. */
static bool
view_outline_extra(struct ui *ui, struct view_list *l, enum action act)
{
	struct view_list_item *it;
	struct content_entity *sel;

	if (act != ACTION_TOGGLE_EXPAND || ui_focus_reader(ui) ||
	    l->sel < 0 || l->sel >= (int)l->n)
		return false;
	it = &l->items[l->sel];
	if (!it->expandable)
		return true;
	sel = it->entity;
	l->expanded[sel->index] = !l->expanded[sel->index];
	view_list_clear(l);
	view_outline_build(ui, l);
	view_list_select_entity(l, sel);
	return true;
}

#define view_projects_extra view_no_extra
#define view_diseases_extra view_no_extra
#define view_glossary_extra view_no_extra

VIEW_SIMPLE(outline, VIEW_OUTLINE, N_("Outline"), KEYMAP_LIST);
VIEW_SIMPLE(projects, VIEW_PROJECTS, N_("Projects"), KEYMAP_LIST);
VIEW_SIMPLE(diseases, VIEW_DISEASES, N_("Disease areas"), KEYMAP_LIST);
VIEW_SIMPLE(glossary, VIEW_GLOSSARY, N_("Glossary"), KEYMAP_LIST);

