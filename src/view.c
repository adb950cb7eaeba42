/* view.c — the table of views: which there are, and what kind. */
#include "config.h"

#include "content.h"
#include "util.h"
#include "view-list.h"
#include "view.h"

const struct view_ops *const view_all[VIEW_COUNT] = {
	[VIEW_OUTLINE] = &view_outline_ops,
	[VIEW_PROJECTS] = &view_projects_ops,
	[VIEW_DISEASES] = &view_diseases_ops,
	[VIEW_KPIS] = &view_kpis_ops,
	[VIEW_PROGRAMS] = &view_programs_ops,
	[VIEW_ROADMAP] = &view_roadmap_ops,
	[VIEW_GLOSSARY] = &view_glossary_ops,
	[VIEW_COMPARE] = &view_compare_ops,
	[VIEW_SEARCH] = &view_search_ops,
	[VIEW_BOOKMARKS] = &view_bookmarks_ops,
	[VIEW_ENTITY] = &view_entity_ops,
	[VIEW_SOURCE] = &view_source_ops,
	[VIEW_HELP] = &view_help_ops,
	[VIEW_FUNDS] = &view_funds_ops,
};

bool
view_has_reader(enum view_id v)
{
	switch (v) {
	case VIEW_ENTITY:
	case VIEW_SOURCE:
	case VIEW_HELP:
		return v == VIEW_ENTITY;
	default:
		return view_all[v]->table == KEYMAP_LIST;
	}
}

bool
view_has_nav(enum view_id v)
{
	return view_all[v]->table == KEYMAP_LIST;
}

bool
view_scroll(int *top, int height, enum action act)
{
	int page = HMS_MAX(height - 1, 1);

	switch (act) {
	case ACTION_UP: *top -= 1; break;
	case ACTION_DOWN: *top += 1; break;
	case ACTION_PAGE_UP: *top -= page; break;
	case ACTION_PAGE_DOWN: *top += page; break;
	case ACTION_HALF_UP: *top -= page / 2; break;
	case ACTION_HALF_DOWN: *top += page / 2; break;
	case ACTION_TOP: *top = 0; break;
	case ACTION_BOTTOM: *top = 1 << 20; break;
	default:
		return false;
	}
	return true;
}

void
view_sync_selection(struct ui *ui, struct content_entity *e)
{
	enum view_id v = ui_current_view(ui);
	struct content_entity *p;
	struct view_list *l;

	if (!view_has_nav(v) || v == VIEW_SEARCH)
		return;
	/* The object of a view with a list begins with it. */
	l = ui_view(ui, v);
	if (view_list_select_entity(l, e) || v != VIEW_OUTLINE ||
	    e->type != CONTENT_SECTION)
		return;
	/* The outline opens the way to a section that was folded away. */
	for (p = e->parent; p != NULL; p = p->parent)
		l->expanded[p->index] = true;
	view_list_clear(l);
	view_outline_build(ui, l);
	view_list_select_entity(l, e);
}
