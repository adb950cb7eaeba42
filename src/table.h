/* table.h — rows and columns that sort, filter, scroll and export: the
 * widget every table view (KPIs, programs, the roadmap) is made of.
 *
 * A table holds two sets of columns for the same rows: the displayed
 * columns (cells with text for the screen, a number for sorting, extra
 * words for the filter) and the exported columns (plain fields written as
 * TSV or CSV, the same ones `hms list TYPE --format tsv` prints).  What is
 * shown — the order after sorting, the rows the filter keeps, the
 * selection and the scroll — lives here too, so that a view keeps its
 * place while the reader is open.
 *
 * Drawing goes into a surface only.  Widths are measured with the text
 * module (grapheme clusters, East Asian widths), never in bytes.  Sorting
 * compares precomputed collation ranks and filtering compares
 * precomputed normalised text, so neither calls ICU per keystroke. */
#ifndef HMS_TABLE_H
#define HMS_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "action.h"
#include "surface.h"

struct content_entity;

enum table_kind {
	TABLE_TEXT,		/* sorted with Japanese collation */
	TABLE_NUMBER		/* sorted by the cell's number */
};

enum {
	TABLE_COL_RIGHT = 1 << 0	/* right-aligned */
};

struct table_column {
	char		*key;		/* filter key: "period" (ASCII) */
	char		*alias;		/* short filter key: "p", or NULL */
	char		*header;	/* shown, already translated */
	enum table_kind	 kind;
	int		 flags;
	int		 minw, maxw;	/* shown width bounds; maxw 0: none */
	int		 natural;	/* widest cell or header within bounds */
	int		*rank;		/* per row: collation order of the
					   text, computed on first sort */
};

struct table_cell {
	char	*text;		/* shown and matched; never NULL */
	char	*norm;		/* text and alt normalised for the filter */
	double	 num;
	bool	 has_num;	/* rows without a number sort last */
	int	 width;		/* cells of text as drawn */
};

struct table_row {
	struct content_entity	*entity;	/* Enter opens it; NULL for a
						   heading */
	struct table_cell	*cells;		/* one per displayed column */
	char		       **xcells;	/* one per exported column */
	bool			 heading;	/* a group heading: its first
						   cell spans the row */
	size_t			 group;		/* row index of the heading
						   above it (itself for a
						   heading), or (size_t)-1 */
	const void		*data;		/* the builder's own */
};

struct table_sortkey {
	int	col;		/* -1: document order */
	bool	desc;
};

struct table {
	struct table_column	*cols;
	size_t			 ncols;
	char		       **xcols;		/* exported column names */
	size_t			 nxcols;
	struct table_row	*rows;		/* in document order */
	size_t			 nrows, rowcap;
	size_t			 nfrozen;	/* leading columns never
						   scrolled away (1) */
	bool			 cell_cursor;	/* mark the selected cell, not
						   only the row (roadmap) */
	bool			 fixed_order;	/* never sorted (roadmap) */

	/* What is shown.  view holds row indices in display order; every
	 * row the filter keeps, headings before their rows. */
	size_t			*view;
	size_t			 nview;
	size_t			 nshown;	/* rows in view, headings not
						   counted */
	size_t			 ndata;		/* rows, headings not counted */
	struct table_sortkey	 sort[2];	/* primary, secondary */
	char			*filter;	/* as typed; NULL: none */
	int			 sel;		/* index into view, -1: none */
	int			 top;		/* first view index shown */
	int			 col;		/* selected column */
	int			 left;		/* first scrolled column shown,
						   as last drawn: follows col */

	/* Where it was last drawn, for clicks and paging. */
	int			 x, y, w, height;	/* height: body rows */
	int			*colx;		/* per column, -1 if hidden */
	int			*colw;
};

/* An empty table; free with table_free() (NULL is a no-op). */
struct table *table_create(void);
void table_free(struct table *t);

/* Add a displayed column; returns its index.  Strings are copied; header
 * is shown as given (translate it first). */
int table_add_column(struct table *t, const char *key, const char *alias,
    const char *header, enum table_kind kind, int flags, int minw, int maxw);
/* Add an exported column; returns its index. */
int table_add_export_column(struct table *t, const char *name);

/* Append a row for e (cells empty); returns its index.  Add columns
 * first. */
size_t table_add_row(struct table *t, struct content_entity *e,
    const void *data);
/* Append a group heading shown as text across the row. */
size_t table_add_heading(struct table *t, const char *text);
/* Set a displayed cell: text shown, alt (may be NULL) matched by the
 * filter too, and the number it sorts by when has_num. */
void table_set(struct table *t, size_t row, int col, const char *text,
    const char *alt);
void table_set_num(struct table *t, size_t row, int col, const char *text,
    const char *alt, double num);
/* Change a column's header (and so its width). */
void table_set_header(struct table *t, int col, const char *header);
/* Set an exported field (NULL: empty). */
void table_set_export(struct table *t, size_t row, int xcol,
    const char *text);
/* Call when the rows are in (again after changing cells): measures
 * widths, shows every row in document order. */
void table_finish(struct table *t);

/* ---- what is shown ---- */

/* Sort by col (becoming the primary key; the former primary key becomes
 * the secondary one).  Sorting by the primary column again reverses it. */
void table_sort_by(struct table *t, int col, bool desc);
void table_sort_reverse(struct table *t);
/* Back to document order. */
void table_sort_reset(struct table *t);
/* Keep the rows that match text (NULL or "": all).  Words separated by
 * spaces must all match ("a phrase" in quotes is one word); KEY:WORD
 * matches only in the column whose key or alias is KEY ("id:" matches
 * the entity's id); a leading "-" keeps the rows that do not match.
 * Matching is on normalised text (NFKC, case, kana and width folded). */
void table_filter(struct table *t, const char *text);
/* Whether row matches the filter text (for tests and tools). */
bool table_row_matches(const struct table *t, size_t row, const char *text);

/* The selected row (index into rows), or -1. */
int table_selected(const struct table *t);
/* Select a row by its index in rows, if it is shown; returns whether. */
bool table_select_row(struct table *t, size_t row);
/* The selected entity, or NULL. */
struct content_entity *table_selected_entity(const struct table *t);
/* Move the selection by delta data rows (headings are skipped). */
void table_move(struct table *t, int delta);
/* Move the selected column by delta (clamped). */
void table_move_col(struct table *t, int delta);
/* Movement, column and sort actions; false for the others. */
bool table_action(struct table *t, enum action act);

/* Describe the state for an info line: "27/106  sort: Target v, Name ^";
 * the caller frees it. */
char *table_describe(const struct table *t);

/* ---- drawing ---- */

/* Draw the header and the rows into the rectangle (h >= 2). */
void table_draw(struct table *t, struct surface *s, int x, int y, int w,
    int h);
/* The view index (or -1 for the header, -2 for nothing) and column at a
 * screen position, after table_draw. */
int table_hit(const struct table *t, int x, int y, int *col);

/* ---- export ---- */

enum table_format {
	TABLE_TSV,
	TABLE_CSV
};

/* Write the header and the shown rows, in the shown order, as TSV or
 * CSV.  Returns the number of rows written. */
size_t table_export(const struct table *t, FILE *f, enum table_format fmt);

/* "1234.5" for 1234.5, "7.9" for 7.9: numbers as the sources print them,
 * never in exponent form.  Writes into buf and returns it. */
const char *table_format_number(char *buf, size_t size, double v);

#endif
