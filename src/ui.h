/* ui.h — what a view may use, and what a view is.
 *
 * The interface is layered: app.c (the loop, history, the dispatch of
 * global keys) drives the views (view-*.c), and the views use the
 * services declared here: the content and its search index, the message
 * line, the prompt, the reader pane and the view's own state.  A view
 * moves the interface elsewhere (open an entity, switch to another view)
 * by asking through ui_open() and its kin; the app carries the request
 * out with the functions it gave at start (struct ui_nav).  So views
 * never include app.h, and ui.c calls no view: no include goes up. */
#ifndef HMS_UI_H
#define HMS_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "action.h"
#include "keymap.h"
#include "layout.h"
#include "prompt.h"
#include "surface.h"

struct content;
struct content_entity;
struct content_prov;
struct reader;
struct search_index;
struct store;
struct ui;

enum view_id {
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

/* A view is an object: its state, made by create the first time the view
 * is wanted (app.c does that, and destroys it at the end), and these
 * functions over it.  self is what create returned.  One file per view
 * (view-*.c), listed in view.c. */
/* What kind of place a view is (view_ops.flags). */
#define VIEW_VISIT	0x1	/* a visit (help, the source text): q goes back
				 * to where it was opened, and it names no
				 * selection of its own */
#define VIEW_TRANSIENT	0x2	/* made by a query (search results, funds): not
				 * taken up again by the next session */

struct view_ops {
	const char		*name;		/* typed after ':' ("kpis") */
	const char		*title;		/* shown in the status line, N_() */
	enum keymap_table	 table;
	unsigned		 flags;		/* VIEW_VISIT, VIEW_TRANSIENT */
	void	*(*create)(struct ui *ui);
	void	 (*destroy)(void *self);
	/* The view becomes current (refresh what may have changed). */
	void	 (*enter)(void *self, struct ui *ui);
	/* Draw into the rectangle; the status and message lines are the
	 * app's. */
	void	 (*draw)(void *self, struct ui *ui, struct surface *s, int x,
		    int y, int w, int h);
	/* Handle an action; false lets the app handle it. */
	bool	 (*action)(void *self, struct ui *ui, enum action act);
	/* A key no binding took (typing into a filter); false ignores it. */
	bool	 (*key)(void *self, struct ui *ui, uint32_t key);
	/* A mouse click at (x, y) of the screen; false ignores it. */
	bool	 (*click)(void *self, struct ui *ui, int x, int y, int button);
	/* The entity the cursor is on (the selected row, cell or item), or
	 * NULL: what b, a, v and $ act on and the breadcrumbs name.  NULL
	 * op: the entity in the reader. */
	struct content_entity *(*selection)(void *self, struct ui *ui);
	/* "3/12" for the status line. */
	void	 (*position)(void *self, char *buf, size_t size);
	/* History: remember and restore the view's place. */
	int	 (*save)(void *self);
	void	 (*restore)(void *self, int place);
};

/* The moves only the app can make (history, the current view), given by
 * it to ui_create(). */
struct ui_nav {
	void	(*open)(struct ui *ui, struct content_entity *e);
	void	(*open_marked)(struct ui *ui, struct content_entity *e,
		    const struct page_mark *marks, size_t n);
	void	(*switch_to)(struct ui *ui, enum view_id v);
	void	(*open_source)(struct ui *ui, const struct content_prov *p);
	struct content_entity *(*selection)(struct ui *ui);
	/* The object of view v, made on first use. */
	void	*(*view)(struct ui *ui, enum view_id v);
};

struct ui *ui_create(struct content *c, const struct view_ops *const *views,
    const struct ui_nav *nav);
void ui_free(struct ui *ui);
/* The app's own pointer, for its ui_nav functions. */
void ui_set_owner(struct ui *ui, void *owner);
void *ui_owner(struct ui *ui);

/* ---- what there is ---- */

const struct content *ui_content(struct ui *ui);
/* Built on first use: most sessions read before they search. */
struct search_index *ui_search_index(struct ui *ui);
/* Bookmarks, notes and history (store.h), or NULL when none are kept. */
struct store *ui_store(struct ui *ui);
void ui_set_store(struct ui *ui, struct store *st);
const struct keymap *ui_keymap(struct ui *ui);
void ui_set_keymap(struct ui *ui, struct keymap *km);
/* The date the roadmap marks as now (--today, or the clock). */
void ui_today(struct ui *ui, int *year, int *month, int *day);
void ui_set_today(struct ui *ui, int year, int month, int day);

/* ---- views ---- */

const struct view_ops *ui_view_ops(struct ui *ui, enum view_id v);
/* The view called name ("kpis"), or -1. */
int ui_view_from_name(struct ui *ui, const char *name);
enum view_id ui_current_view(struct ui *ui);
void ui_set_current_view(struct ui *ui, enum view_id v);
/* The object of view v (made by the app on first use): for a view's
 * own functions that are not called through its ops (view_search_start),
 * and for what one view asks of another. */
void *ui_view(struct ui *ui, enum view_id v);
/* Whether the keys act on the reader pane rather than the list. */
bool ui_focus_reader(struct ui *ui);
void ui_set_focus_reader(struct ui *ui, bool reader);
/* The reader pane (view-reader.h): one, shared by the views that show a
 * page. */
struct reader *ui_reader(struct ui *ui);
void ui_set_reader(struct ui *ui, struct reader *r);

/* ---- moving (carried out by the app) ---- */

/* Open an entity in the reader, pushing history. */
void ui_open(struct ui *ui, struct content_entity *e);
/* The same, with a search hit's marks highlighted (view-reader.h). */
void ui_open_marked(struct ui *ui, struct content_entity *e,
    const struct page_mark *marks, size_t n);
/* Switch to a view, pushing history. */
void ui_switch(struct ui *ui, enum view_id v);
/* Show the source lines of a provenance range. */
void ui_open_source(struct ui *ui, const struct content_prov *p);
/* The source lines of what the cursor is on (v, ":source"), or a
 * message saying why there are none. */
void ui_show_source(struct ui *ui);
/* What the cursor is on: the entity in the reader when it has the focus
 * (or the view is the reader), else the current view's selection. */
struct content_entity *ui_selection(struct ui *ui);
/* End the interface after this key (":q", q). */
void ui_quit(struct ui *ui);
bool ui_quitting(struct ui *ui);

/* ---- the message line ---- */

/* A message on the bottom line until the next key (errors in bold). */
void ui_message(struct ui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ui_error(struct ui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The message shown (NULL: none), and whether it is an error. */
const char *ui_message_text(struct ui *ui, bool *error);
void ui_message_clear(struct ui *ui);
/* A history write failed: said once (takes err), and not at all when the
 * store said it is read-only. */
void ui_store_failed(struct ui *ui, char *err);
/* Show the store's next message (a damaged file moved aside, read-only)
 * when the message line is free.  Returns whether there was one. */
bool ui_store_poll(struct ui *ui);

/* ---- the prompt ---- */

/* The bottom line becomes a line editor.  changed is called on every
 * edit (may be NULL), done with the text when accepted, or NULL when
 * cancelled.  The prompt's history (by name) persists in the store. */
void ui_prompt(struct ui *ui, const char *label, const char *history,
    const char *initial, prompt_fn *changed, prompt_fn *done);
/* Tab and C-r in the prompt just opened (see prompt_set_hooks). */
void ui_prompt_hooks(struct ui *ui, prompt_fn *complete, prompt_fn *toggle);
struct prompt *ui_prompt_line(struct ui *ui);
/* The text being edited in the prompt ("" when none). */
const char *ui_prompt_text(struct ui *ui);
/* Change the label of the open prompt ("/" or "Regex search: "). */
void ui_prompt_set_label(struct ui *ui, const char *label);
/* Completion candidates for Tab (takes ownership). */
void ui_prompt_set_candidates(struct ui *ui, char **cands, size_t n);
/* A key in the open prompt: an edit, or what the keymap makes of it. */
void ui_prompt_key(struct ui *ui, uint32_t key);
/* Run the changed callback if the text changed since it last ran. */
void ui_prompt_flush(struct ui *ui);

#endif
