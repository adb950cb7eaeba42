/* view.h — the views and the app functions only views (and tests) use. */
#ifndef HMS_VIEW_H
#define HMS_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"

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

/* ---- app internals for views ---- */

const struct view_ops *app_view_ops(enum app_view v);
/* The view called name ("kpis"), or -1. */
int app_view_from_name(const char *name);
const struct keymap *app_keymap(struct app *a);
/* The source lines of what the cursor is on (v, ":source"), or a
 * message saying why there are none. */
void app_show_source(struct app *a);
/* End the interface after this key (":q"). */
void app_quit(struct app *a);
bool app_focus_reader(struct app *a);
void app_set_focus_reader(struct app *a, bool reader);
/* Open or preview with search marks (highlight, scroll to the first). */
void app_open_marked(struct app *a, struct content_entity *e,
    const struct page_mark *marks, size_t n);
void app_preview_marked(struct app *a, struct content_entity *e,
    const struct page_mark *marks, size_t n);
void app_reader_set_marks(struct app *a, const struct page_mark *marks,
    size_t n);
/* Whether / searches the reader's page: the keys act on the reader. */
bool app_reader_searchable(struct app *a);
/* The first line the reader shows. */
int app_reader_top(struct app *a);
/* In-page search: highlight every place the plain pattern occurs on the
 * reader's page (folded as the content search folds; NULL or no terms:
 * none, the hit's marks gone too), scroll back to line top, then make
 * current the first match at or after it (*wrapped: none was, so the
 * first of the page), scrolling only when it is off the screen.  Returns
 * the number of matches; n and N step through them round the page. */
int app_reader_find(struct app *a, const char *pattern, int top,
    bool *wrapped);
/* Lay the reader's page out again (its note changed), keeping the place. */
void app_reader_refresh(struct app *a);
/* Wrap the reader's pages to at most width columns (0: the pane's width),
 * keeping the place (":set reading-width 80"). */
void app_set_reading_width(struct app *a, int width);
int app_reading_width(struct app *a);
/* Leave the screen to run argv (an editor) and come back: its exit
 * status, or -1 when it could not be started (term_run_external). */
int app_run_external(struct app *a, char *const argv[]);
/* The text being edited in the prompt ("" when none). */
const char *app_prompt_text(struct app *a);
/* Change the label of the open prompt ("/" or "Regex search: "). */
void app_prompt_set_label(struct app *a, const char *label);
/* Completion candidates for the goto prompt (takes ownership). */
void app_prompt_set_candidates(struct app *a, char **cands, size_t n);
/* The keymap: default, preset or file, then the user's file; the first
 * problem (if any) is returned for the message line. */
struct keymap *app_load_keymap(const char *name, char **problem);

/* ---- tests: an app without a terminal ---- */
struct app *app_create_headless(struct content *c, const char *today);
/* Give the app a store (it does not own it); prompt histories load. */
void app_set_store(struct app *a, struct store *st);
void app_free(struct app *a);
/* Feed one key as if typed. */
void app_feed(struct app *a, uint32_t key);
/* Feed keys as one batch read from the terminal, as a slow machine or a
 * paste delivers them: the prompt's incremental callback runs once,
 * after them all, as in the loop. */
void app_feed_batch(struct app *a, const uint32_t *keys, size_t n);
/* Draw the screen into a w x h text dump; the caller frees it. */
char *app_render(struct app *a, int w, int h, bool styles);

/* ---- shared by views ---- */

/* Whether a view shows the reader pane (lists) or is full screen. */
bool view_has_reader(enum app_view v);
/* Whether a view has a navigation list. */
bool view_has_nav(enum app_view v);
/* Move *top for a scrolling action in a view height lines tall (the view
 * clamps it when drawing); false for any other action. */
bool view_scroll(int *top, int height, enum action act);
/* Select e in the current view's list, if it is there. */
void view_sync_selection(struct app *a, struct content_entity *e);

/* The goto prompt: resolve an id, a view name or a title. */
void view_goto(struct app *a, const char *text);
void view_goto_candidates(struct app *a, const char *text);

/* Search (view-search.c). */
void view_search_start(struct app *a);
/* / in a page: the prompt for a search within the page; Enter on it
 * empty, or / typed at its start, widens it to all content. */
void view_search_page_start(struct app *a);
void view_search_next_hit(struct app *a, int dir);
void view_search_toggle_regex(struct app *a);

/* Funds (view-funds.c): the programs that fund what query finds, or what
 * the cursor is on; as hms funds lists them. */
void view_funds_query(struct app *a, const char *query);
void view_funds_of_selection(struct app *a);

/* Help (view-help.c): for the keys of view v. */
void view_help_show(struct app *a, enum app_view v);

/* Source (view-source.c): show the lines of p. */
void view_source_show(struct app *a, const struct content_prov *p);

/* Bookmarks and notes (view-bookmarks.c). */
void view_bookmarks_action(struct app *a, enum action act);

/* A list of rows in the navigation pane (view-list.c), for views built
 * on it. */
struct view_list;
struct view_list_item {
	struct content_entity	*entity;	/* NULL for a group header */
	char			*orphan;	/* or an id the content lacks:
						   a row that can be selected
						   but opens nothing (owned) */
	/* Or a row that does something when opened (a suggested search):
	   run(a, arg) on Enter; arg owned. */
	void			(*run)(struct app *, const char *);
	char			*arg;
	char			*label;		/* owned */
	int			 depth;
	bool			 expandable;
	bool			 expanded;
	/* Byte ranges of label to highlight (search matches). */
	size_t			 hl[8][2];
	int			 nhl;
	/* Marks to show when opened (search hits). */
	struct page_mark	*marks;
	size_t			 nmarks;
};

#endif
