/* app.h — the interface's state and what views may ask of it.
 *
 * The loop (app.c) reads a key, maps it through the keymap to an action,
 * lets the current view handle it (or handles it itself), then draws the
 * whole screen into a surface once, which term.c copies to the terminal
 * (ncurses sends only the differences).  Actions change state and set
 * redraw flags; they never draw. */
#ifndef HMS_APP_H
#define HMS_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "action.h"
#include "keymap.h"
#include "layout.h"
#include "surface.h"

struct content;
struct content_entity;
struct search_index;
struct store;
struct app;

enum app_view {
	VIEW_OUTLINE,
	VIEW_PROJECTS,
	VIEW_DISEASES,
	VIEW_KPIS,
	VIEW_PROGRAMS,
	VIEW_ROADMAP,
	VIEW_GLOSSARY,
	VIEW_COMPARE,
	VIEW_SEARCH,
	VIEW_BOOKMARKS,
	VIEW_ENTITY,	/* one entity, full width */
	VIEW_SOURCE,
	VIEW_HELP,
	VIEW_FUNDS,	/* the programs behind a query or an entity */
	VIEW_COUNT
};

/* A view: one file per view (view-*.c), registered in app.c. */
struct view_ops {
	const char		*name;		/* typed after ':' ("kpis") */
	const char		*title;		/* shown in the status line, N_() */
	enum keymap_table	 table;
	/* The view becomes current (build or refresh state). */
	void	(*enter)(struct app *a);
	/* Draw into the rectangle; the status and message lines are the
	 * app's. */
	void	(*draw)(struct app *a, struct surface *s, int x, int y, int w,
		    int h);
	/* Handle an action; false lets the app handle it. */
	bool	(*action)(struct app *a, enum action act);
	/* A key no binding took (typing into a filter); false ignores it. */
	bool	(*key)(struct app *a, uint32_t key);
	/* A mouse click at (x, y) of the screen; false ignores it. */
	bool	(*click)(struct app *a, int x, int y, int button);
	/* The entity the cursor is on (the selected row, cell or item), or
	 * NULL: what b, a, v and $ act on and the breadcrumbs name.  NULL
	 * op: the entity in the reader. */
	struct content_entity *(*selection)(struct app *a);
	/* "3/12" for the status line. */
	void	(*position)(struct app *a, char *buf, size_t size);
	/* History: remember and restore the view's place. */
	int	(*save)(struct app *a);
	void	(*restore)(struct app *a, int place);
	/* Release the view's state. */
	void	(*free)(struct app *a);
};

/* ---- what views use ---- */

const struct content *app_content(struct app *a);
struct search_index *app_search_index(struct app *a);
/* Bookmarks, notes and history (store.h), or NULL when none are kept. */
struct store *app_store(struct app *a);
/* The view's own state pointer (NULL until set). */
void *app_view_state(struct app *a, enum app_view v);
void app_set_view_state(struct app *a, enum app_view v, void *state);
enum app_view app_current_view(struct app *a);

/* Open an entity in the reader (pushing history); with marks from a
 * search hit the reader highlights them and scrolls to the first. */
void app_open(struct app *a, struct content_entity *e);
/* Show e in the reader pane without moving focus or history (preview). */
void app_preview(struct app *a, struct content_entity *e);
/* Switch to a view (pushing history). */
void app_switch(struct app *a, enum app_view v);
/* Show the source lines of a provenance range. */
void app_open_source(struct app *a, const struct content_prov *p);

/* A message on the bottom line until the next key (errors in bold). */
void app_message(struct app *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void app_error(struct app *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Prompts: the bottom line becomes a line editor.  changed is called on
 * every edit (may be NULL), done with the text when accepted, or NULL
 * when cancelled.  The prompt's history (by name) persists. */
typedef void app_prompt_fn(struct app *a, const char *text);
void app_prompt(struct app *a, const char *label, const char *history,
    const char *initial, app_prompt_fn *changed, app_prompt_fn *done);

/* The reader pane: draw the current entity page into a rectangle. */
void app_reader_draw(struct app *a, struct surface *s, int x, int y, int w,
    int h, bool focused);
bool app_reader_action(struct app *a, enum action act);
bool app_reader_click(struct app *a, int x, int y, int button);
struct content_entity *app_reader_entity(struct app *a);
/* What the cursor is on: the entity in the reader when it has the focus
 * (or the view is the reader), else the current view's selection. */
struct content_entity *app_selection(struct app *a);

/* The date the roadmap marks as now (--today, or the clock). */
void app_today(struct app *a, int *year, int *month, int *day);

/* Entry point from main: run the interface.  Returns the exit status. */
struct main_opts;
int app_run(const struct main_opts *mo, struct content *c, const char *id);

#endif
