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

/* A simple view's object: its list (first, as view_list_op_* and
 * view_sync_selection take it), how the list is made and the view's own
 * keys. */
struct view_simple {
	struct view_list	 list;
	void			(*build)(struct ui *, struct view_list *);
	bool			(*extra)(struct ui *, struct view_list *,
				    enum action);
};

static struct view_simple *
view_simple_create(struct ui *ui, void (*build)(struct ui *,
    struct view_list *), bool (*extra)(struct ui *, struct view_list *,
    enum action))
{
	struct view_simple *vs = xcalloc(1, sizeof *vs);

	vs->list.sel = -1;
	vs->build = build;
	vs->extra = extra;
	build(ui, &vs->list);
	view_list_select_first(ui, &vs->list);
	return vs;
}

/* The reader shows what the list has selected when it shows nothing. */
static void
view_simple_enter(void *self, struct ui *ui)
{
	struct view_simple *vs = self;

	if (reader_entity(ui_reader(ui)) == NULL)
		view_list_move(ui, &vs->list, 0);
}

static bool
view_simple_action(void *self, struct ui *ui, enum action act)
{
	struct view_simple *vs = self;

	return (vs->extra != NULL && vs->extra(ui, &vs->list, act)) ||
	    view_list_action(ui, &vs->list, act);
}

static void
view_simple_destroy(void *self)
{
	struct view_simple *vs = self;

	/* The list is the first member: this frees vs. */
	view_list_free(&vs->list);
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

static void *
view_outline_create(struct ui *ui)
{
	return view_simple_create(ui, view_outline_build, view_outline_extra);
}

static void *
view_projects_create(struct ui *ui)
{
	return view_simple_create(ui, view_projects_build, NULL);
}

static void *
view_diseases_create(struct ui *ui)
{
	return view_simple_create(ui, view_diseases_build, NULL);
}

static void *
view_glossary_create(struct ui *ui)
{
	return view_simple_create(ui, view_glossary_build, NULL);
}

#define VIEW_SIMPLE_OPS							\
	.table = KEYMAP_LIST,						\
	.destroy = view_simple_destroy,					\
	.enter = view_simple_enter,					\
	.draw = view_list_op_draw,					\
	.action = view_simple_action,					\
	.click = view_list_op_click,					\
	.selection = view_list_op_selection,				\
	.position = view_list_op_position,				\
	.save = view_list_op_save,					\
	.restore = view_list_op_restore

const struct view_ops view_outline_ops = {
	.name = "outline", .title = N_("Outline"),
	.create = view_outline_create, VIEW_SIMPLE_OPS,
};

const struct view_ops view_projects_ops = {
	.name = "projects", .title = N_("Projects"),
	.create = view_projects_create, VIEW_SIMPLE_OPS,
};

const struct view_ops view_diseases_ops = {
	.name = "diseases", .title = N_("Disease areas"),
	.create = view_diseases_create, VIEW_SIMPLE_OPS,
};

const struct view_ops view_glossary_ops = {
	.name = "glossary", .title = N_("Glossary"),
	.create = view_glossary_create, VIEW_SIMPLE_OPS,
};
