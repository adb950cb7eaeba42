/* view.h — the views: their tables (listed in view.c) and what they
 * share.  Views use ui.h and each other's helpers here, never app.h. */
#ifndef HMS_VIEW_H
#define HMS_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "ui.h"

struct content_prov;

extern const struct view_ops view_outline_ops;
extern const struct view_ops view_projects_ops;
extern const struct view_ops view_diseases_ops;
extern const struct view_ops view_kpis_ops;
extern const struct view_ops view_programs_ops;
extern const struct view_ops view_roadmap_ops;
extern const struct view_ops view_glossary_ops;
extern const struct view_ops view_compare_ops;
extern const struct view_ops view_search_ops;
extern const struct view_ops view_bookmarks_ops;
extern const struct view_ops view_entity_ops;
extern const struct view_ops view_source_ops;
extern const struct view_ops view_help_ops;
extern const struct view_ops view_funds_ops;
/* Every view, by its id. */
extern const struct view_ops *const view_all[VIEW_COUNT];

/* ---- shared by views ---- */

/* Whether a view shows the reader pane (lists) or is full screen. */
bool view_has_reader(enum view_id v);
/* Whether a view has a navigation list. */
bool view_has_nav(enum view_id v);
/* Move *top for a scrolling action in a view height lines tall (the view
 * clamps it when drawing); false for any other action. */
bool view_scroll(int *top, int height, enum action act);
/* Select e in the current view's list, if it is there. */
void view_sync_selection(struct ui *ui, struct content_entity *e);

/* The goto prompt: resolve an id, a view name or a title. */
void view_goto(struct ui *ui, const char *text);
void view_goto_candidates(struct ui *ui, const char *text);

/* Search (view-search.c). */
void view_search_start(struct ui *ui);
/* / in a page: the prompt for a search within the page; Enter on it
 * empty, or / typed at its start, widens it to all content. */
void view_search_page_start(struct ui *ui);
void view_search_next_hit(struct ui *ui, int dir);

/* Funds (view-funds.c): the programs that fund what query finds, or what
 * the cursor is on; as hms funds lists them. */
void view_funds_query(struct ui *ui, const char *query);
void view_funds_of_selection(struct ui *ui);

/* Help (view-help.c): for the keys of view v. */
void view_help_show(struct ui *ui, enum view_id v);

/* Source (view-source.c): show the lines of p. */
void view_source_show(struct ui *ui, const struct content_prov *p);

/* Bookmarks and notes (view-bookmarks.c). */
void view_bookmarks_action(struct ui *ui, enum action act);

/* The outline's rows (view-simple.c), for the way to a folded section. */
struct view_list;
void view_outline_build(struct ui *ui, struct view_list *l);

#endif
