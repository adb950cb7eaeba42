/* view-table.h — what the table views (KPIs, programs, roadmap) share: a
 * table under an info line, a footer and a detail pane showing the
 * selected row whole; the filter and export prompts; Enter opening the
 * selection; the place kept across the reader and history. */
#ifndef HMS_VIEW_TABLE_H
#define HMS_VIEW_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "ui.h"

struct page;
struct table;
struct view_table;

/* Fill the detail pane's page (already started, width cells wide). */
typedef void view_table_detail_fn(struct ui *ui, struct view_table *vt,
    struct page *p, int width);
/* Lines the footer wants (below the table), and drawing them. */
typedef int view_table_footer_lines_fn(struct ui *ui, struct view_table *vt);
typedef void view_table_footer_fn(struct ui *ui, struct view_table *vt,
    struct surface *s, int x, int y, int w, int h);
/* The view's own actions first; false passes them on. */
typedef bool view_table_action_fn(struct ui *ui, struct view_table *vt,
    enum action act);
/* What Enter opens (default: the selected row's entity). */
typedef struct content_entity *view_table_target_fn(struct ui *ui,
    struct view_table *vt);
/* Extra text for the info line (may be NULL); the caller frees it. */
typedef char *view_table_info_fn(struct ui *ui, struct view_table *vt);

struct view_table {
	enum view_id			 view;
	struct table			*t;
	const char			*file;		/* default export name:
							   "hms-kpis.tsv" */
	const char			*filter_hint;	/* the filter prompt's
							   examples, N_() */
	view_table_detail_fn		*detail;
	view_table_footer_lines_fn	*footer_lines;
	view_table_footer_fn		*footer;
	view_table_action_fn		*action;
	view_table_target_fn		*target;
	view_table_info_fn		*info;
	void				*priv;		/* the view's own */
	void				(*priv_free)(void *);

	char				*export_path;	/* last one used */
	/* The detail pane's page, rebuilt when the selection, the width
	 * or anything else (gen) changes. */
	struct page			*page;
	int				 page_row, page_col, page_width;
	unsigned			 page_gen, gen;
};

/* A table view's object, over the table t (then owned); export offers
 * file as the name.  A view sets it up (detail, footer, ...) in its
 * create op. */
struct view_table *view_table_new(enum view_id v, struct table *t,
    const char *file);
/* Show another table (the funds view's next query): the old one and the
 * setup made for it (priv) go. */
void view_table_replace(struct view_table *vt, struct table *t);

/* The view_ops of every table view (self: its struct view_table). */
void view_table_destroy(void *self);
void view_table_draw(void *self, struct ui *ui, struct surface *s, int x,
    int y, int w, int h);
bool view_table_action(void *self, struct ui *ui, enum action act);
bool view_table_key(void *self, struct ui *ui, uint32_t key);
bool view_table_click(void *self, struct ui *ui, int x, int y, int button);
/* What the cursor is on: what Enter opens (NULL when the row has no
 * entity). */
struct content_entity *view_table_selection(void *self, struct ui *ui);
void view_table_position(void *self, char *buf, size_t size);
/* History: the selected row and column as one number. */
int view_table_save(void *self);
void view_table_restore(void *self, int place);

/* The ops every table view shares; each adds its name, title, keymap,
 * create and draw (the roadmap colours its grid after the table). */
#define VIEW_TABLE_OPS							\
	.destroy = view_table_destroy,					\
	.action = view_table_action,					\
	.key = view_table_key,						\
	.click = view_table_click,					\
	.selection = view_table_selection,				\
	.position = view_table_position,				\
	.save = view_table_save,					\
	.restore = view_table_restore

/* Note that something the detail pane shows has changed. */
void view_table_touch(struct view_table *vt);


/* The detail lines every table shows: each column's header and whole
 * text, and the entity's id. */
void view_table_detail_cells(struct view_table *vt, struct page *p,
    int width);
/* A heading line and a wrapped paragraph, for detail panes. */
void view_table_page_heading(struct page *p, const char *text);
void view_table_page_para(struct page *p, const char *label,
    const char *text, int indent);

/* Write the table as filtered and sorted to path (TSV, or CSV when it
 * ends in .csv; "~/" is the home directory).  Returns the rows written,
 * or -1 with a message in *err (the caller frees it). */
/* Make vt a table of programs as the programs view shows them: the
 * selected line or subtotals beside it, the totals below (figures.h);
 * what, when not NULL, names what the programs were found for (the funds
 * view). */
void view_programs_setup(struct view_table *vt, const char *what);

long view_table_export_file(const struct table *t, const char *path,
    char **err);

#endif
