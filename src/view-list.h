/* view-list.h — the navigation list that list views are made of. */
#ifndef HMS_VIEW_LIST_H
#define HMS_VIEW_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ui.h"

/* A row of the list. */
struct view_list_item {
	struct content_entity	*entity;	/* NULL for a group header */
	char			*orphan;	/* or an id the content lacks:
						   a row that can be selected
						   but opens nothing (owned) */
	/* Or a row that does something when opened (a suggested search):
	   run(a, arg) on Enter; arg owned. */
	void			(*run)(struct ui *, const char *);
	char			*arg;
	char			*label;		/* owned */
	int			 depth;
	bool			 expandable;
	bool			 expanded;
	/* Byte ranges of label to highlight (search matches): labels are
	 * short, and a search may make tens of thousands of rows. */
	int			 nhl;
	uint32_t		 hl[8][2];
	/* Marks to show when opened (search hits). */
	struct page_mark	*marks;
	size_t			 nmarks;
	/* Or a row whose label, highlights and marks are made the first
	 * time it is shown or opened: fill(it, src) sets them (label NULL
	 * until then).  A search may hit tens of thousands of entities, of
	 * which a screen shows twenty. */
	void			(*fill)(struct view_list_item *, const void *);
	const void		*src;
};

struct view_list {
	struct view_list_item	*items;
	size_t			 n, cap;
	int			 sel;		/* selected row, -1 none */
	int			 top;		/* first row shown */
	int			 x, y, w, height;	/* where it was drawn */
	bool			*expanded;	/* outline: per entity index */
};

void view_list_clear(struct view_list *l);
void view_list_free(struct view_list *l);
/* Append a row (entity NULL: a group header); the label is formatted. */
struct view_list_item *view_list_add(struct view_list *l,
    struct content_entity *e, int depth, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Append a row for an id the content no longer has (bookmarks, notes):
 * it can be selected, opens nothing; view_list_orphan() gives the id. */
struct view_list_item *view_list_add_orphan(struct view_list *l,
    const char *id, int depth, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Append a row that calls run(ui, arg) when opened (Enter, Right): a
 * search to try, say.  arg is copied. */
struct view_list_item *view_list_add_run(struct view_list *l,
    void (*run)(struct ui *, const char *), const char *arg, int depth,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Append a row for e whose label is made when first needed, by
 * fill(it, src): src must live as long as the row. */
struct view_list_item *view_list_add_lazy(struct view_list *l,
    struct content_entity *e, int depth,
    void (*fill)(struct view_list_item *, const void *), const void *src);
/* Make the label of row it now if it is made lazily (a no-op if not). */
void view_list_item_ready(struct view_list_item *it);
/* The entity of the selected row, or NULL (a header, an orphan). */
struct content_entity *view_list_selected(const struct view_list *l);
/* The id of the selected row when it is an orphan, else NULL. */
const char *view_list_orphan(const struct view_list *l);
/* "3 医薬品", "(1) …": how entities are named in lists; caller frees. */
char *view_list_label(const struct content_entity *e);
void view_list_move(struct ui *ui, struct view_list *l, int delta);
void view_list_select_first(struct ui *ui, struct view_list *l);
bool view_list_select_entity(struct view_list *l,
    const struct content_entity *e);
/* The list pane alone. */
void view_list_draw_pane(struct ui *ui, struct view_list *l,
    struct surface *s, int x, int y, int w, int h, bool focused);
/* The list and the reader side by side (one at a time when narrow). */
void view_list_draw(struct ui *ui, struct view_list *l, struct surface *s,
    int x, int y, int w, int h);
bool view_list_action(struct ui *ui, struct view_list *l, enum action act);
bool view_list_click(struct ui *ui, struct view_list *l, int x, int y,
    int button);
void view_list_position(struct view_list *l, char *buf, size_t size);

/* The view_ops of a view whose object begins with its struct view_list
 * (the simple views, bookmarks): the list drawn beside the reader. */
void view_list_op_draw(void *self, struct ui *ui, struct surface *s, int x,
    int y, int w, int h);
bool view_list_op_action(void *self, struct ui *ui, enum action act);
bool view_list_op_click(void *self, struct ui *ui, int x, int y, int button);
struct content_entity *view_list_op_selection(void *self, struct ui *ui);
void view_list_op_position(void *self, char *buf, size_t size);
int view_list_op_save(void *self);
void view_list_op_restore(void *self, int place);

#endif
