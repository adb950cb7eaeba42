/* layout.h — entity pages laid out for a width: lines of styled spans.
 *
 * A page is built once per (entity, width, highlight) and then drawn by
 * scrolling through its lines; re-building it for another width is what
 * a resize costs.  Each line remembers which block of the entity it came
 * from and where in that block it starts, so that the reader can stay on
 * the same paragraph across a resize. */
#ifndef HMS_LAYOUT_H
#define HMS_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "surface.h"

struct content;
struct content_entity;
struct content_prov;
struct search_finder;

/* What a link leads to: an entity, or lines of a source text. */
struct page_link {
	struct content_entity		*entity;
	const struct content_prov	*prov;		/* for source links */
	int				 line;		/* first line it is on */
	int				 number;	/* shown as [number] */
};

struct page_span {
	size_t		off;		/* into page->text */
	size_t		len;
	enum style	style;
	int		link;		/* index into links, or -1 */
};

struct page_line {
	size_t	span;			/* first span */
	size_t	nspans;
	int	anchor;			/* block number the line belongs to */
	size_t	anchor_off;		/* byte offset into that block */
};

/* A byte range of an entity field to highlight (a search match). */
struct page_mark {
	const char	*text;		/* the field's text (pointer identity) */
	size_t		 off, len;
};

struct page {
	char			*text;
	size_t			 textlen, textcap;
	struct page_span	*spans;
	size_t			 nspans, spancap;
	struct page_line	*lines;
	size_t			 nlines, linecap;
	struct page_link	*links;
	size_t			 nlinks, linkcap;
	int			 width;
	const struct content_entity *entity;
	int			*match_lines;	/* the line of each mark, in order */
	size_t			 nmatch_lines;
};

/* Lay out an entity's page for width cells.  marks (may be NULL) are
 * highlighted.  Free with page_free(). */
struct page *layout_entity(const struct content *c,
    const struct content_entity *e, int width, const struct page_mark *marks,
    size_t nmarks);
/* The same, with the reader's own note on the entity (NULL: none) shown
 * near the top.  The note's lines carry no anchor (-1), so places in the
 * page are the same with or without it. */
struct page *layout_entity_noted(const struct content *c,
    const struct content_entity *e, int width, const struct page_mark *marks,
    size_t nmarks, const char *note);
/* The same, also highlighting every place where the finder's pattern
 * (NULL: none) occurs in what the page shows, folded as the content
 * search folds (search_finder_run): the reader's in-page search.  Each
 * is a match of page->match_lines. */
struct page *layout_entity_find(const struct content *c,
    const struct content_entity *e, int width, const struct page_mark *marks,
    size_t nmarks, const char *note, const struct search_finder *find);
void page_free(struct page *p);

/* Draw lines [top, top + h) of the page at (x, y), w cells wide; the link
 * numbered active (index, or -1) is drawn selected. */
void page_draw(const struct page *p, struct surface *s, int x, int y, int w,
    int h, int top, int active);

/* The line that holds (anchor, anchor_off), for keeping the place. */
int page_find_anchor(const struct page *p, int anchor, size_t anchor_off);
/* Several lines may hold the same place (a blank line and the first line
 * of the text after it): how many lines before line hold line's, and
 * the line that is the skip-th (from 0) to hold (anchor, anchor_off) —
 * or, when the page has none such, page_find_anchor's. */
int page_line_skip(const struct page *p, int line);
int page_find_place(const struct page *p, int anchor, size_t anchor_off,
    int skip);

/* The link at column x (0-based within the page width) of line, or -1. */
int page_link_at(const struct page *p, int line, int x);

/* ---- building pages (for views with pages of their own) ---- */

struct page *page_new(int width);
/* Start a new line. */
void page_newline(struct page *p, int anchor, size_t anchor_off);
/* Append a span to the current line (no wrapping). */
void page_add(struct page *p, const char *s, size_t len, enum style style,
    int link);
/* A new link; returns its index. */
int page_link_new(struct page *p, struct content_entity *e,
    const struct content_prov *prov);

/* A styled range inside a paragraph being wrapped. */
struct page_range {
	size_t		off, len;
	enum style	style;
	int		link;
};

/* Wrap text into lines of the page with the given indent; ranges style
 * parts of it (sorted, non-overlapping).  Lines carry anchor and the
 * offsets of their start within text. */
void page_add_wrapped(struct page *p, const char *text, size_t len,
    int indent, bool hang, enum style style, const struct page_range *ranges,
    size_t nranges, int anchor);

#endif
