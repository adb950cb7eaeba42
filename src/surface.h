/* surface.h — a grid of cells that views draw into.
 *
 * Views never call ncurses: they draw into a surface, which term.c copies
 * to the terminal and which tests dump as text.  A cell holds one grapheme
 * cluster (sanitised: never a control character), its width in cells and
 * a style.  A wide cluster occupies its cell and a continuation cell to
 * its right (width 0).  Drawing never splits a cluster: a wide one that
 * does not fit at the right edge of the clip leaves a blank cell. */
#ifndef HMS_SURFACE_H
#define HMS_SURFACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Roles, not colours: term.c maps them to attributes per theme, and every
 * role is distinguishable without colour (bold, underline, reverse, or
 * text marks drawn by the view). */
enum style {
	STYLE_NORMAL,
	STYLE_DIM,		/* secondary text: ids, provenance */
	STYLE_TITLE,		/* entity titles */
	STYLE_HEADING,		/* field and section labels */
	STYLE_LINK,		/* a followable link (underlined) */
	STYLE_LINK_ACTIVE,	/* the link Tab selected (reverse) */
	STYLE_SELECTED,		/* the selected row of a list (reverse) */
	STYLE_SELECTED_DIM,	/* the selected row of an unfocused list */
	STYLE_MATCH,		/* search match (bold reverse) */
	STYLE_STATUS,		/* status line (reverse) */
	STYLE_MESSAGE,
	STYLE_ERROR,		/* error messages (bold) */
	STYLE_MARK,		/* markers: inference, new, changed (bold) */
	STYLE_BORDER,		/* pane borders */
	STYLE_HIGHLIGHT,	/* provenance lines in the source view */
	/* A roadmap milestone's status; its letter (d p n ?) says it
	 * without colour. */
	STYLE_PROGRESS_DONE,
	STYLE_PROGRESS_UNDERWAY,
	STYLE_PROGRESS_NOT_STARTED,
	STYLE_COUNT
};

#define SURFACE_CLUSTER_MAX 15

struct surface_cell {
	char	 c[SURFACE_CLUSTER_MAX + 1];	/* NUL-terminated UTF-8 */
	uint8_t	 width;		/* 1 or 2; 0 for the right half of a wide cell */
	uint8_t	 style;
};

struct surface {
	int			 w, h;
	struct surface_cell	*cells;		/* w * h, row-major */
	int			 cx, cy;	/* cursor position */
	bool			 cursor;	/* whether the cursor is shown */
};

/* A blank surface of w x h cells (either may be 0).  Free with
 * surface_free(); NULL is a no-op. */
struct surface *surface_create(int w, int h);
void surface_free(struct surface *s);
/* Change the size; the contents become blank. */
void surface_resize(struct surface *s, int w, int h);
/* Blank every cell with the style. */
void surface_clear(struct surface *s, enum style style);
/* Blank a rectangle (clipped to the surface). */
void surface_fill(struct surface *s, int x, int y, int w, int h,
    enum style style);
/* Draw text at (x, y), at most maxw cells (clipped to the surface too).
 * The text is sanitised; line breaks and tabs show as spaces or
 * placeholders.  Returns the number of cells used. */
int surface_put(struct surface *s, int x, int y, int maxw, const char *text,
    size_t len, enum style style);
/* Same for a NUL-terminated string. */
int surface_puts(struct surface *s, int x, int y, int maxw, const char *text,
    enum style style);
/* Change the style of cells [x, x + w) of row y without changing text. */
void surface_restyle(struct surface *s, int x, int y, int w, enum style style);
/* Where the terminal cursor should sit, and whether it is visible. */
void surface_set_cursor(struct surface *s, int x, int y, bool visible);
/* The cell at (x, y), or NULL outside. */
const struct surface_cell *surface_at(const struct surface *s, int x, int y);
/* The text of the surface, a line per row, trailing blanks removed; the
 * caller frees it.  With styles, each styled run is wrapped in markers
 * ({b:...}) so that tests can check roles as well as text. */
char *surface_dump(const struct surface *s, bool styles);

#endif
