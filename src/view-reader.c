/* view-reader.c — the reader: an entity's page in a pane (see
 * view-reader.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "i18n.h"
#include "layout.h"
#include "search.h"
#include "store.h"
#include "text.h"
#include "util.h"
#include "view-reader.h"

struct reader {
	struct ui		*ui;
	struct content_entity	*entity;
	struct page		*page;
	int			 width;		/* of the page */
	int			 reading_width;	/* wrap pages to at most this
						 * many columns; 0: the pane's */
	int			 top;
	int			 height;	/* last drawn */
	int			 active;	/* link index or -1 */
	int			 want_anchor;	/* restore this place on layout */
	size_t			 want_anchor_off;
	int			 want_anchor_skip;
	bool			 want_match;	/* scroll to the first mark */
	bool			 want_last;	/* ... to the last one (N) */
	int			 match;		/* current mark (into the page's
						 * match_lines), or -1 */
	struct page_mark	*marks;
	size_t			 nmarks;
	/* The in-page search (/ in a page): its pattern is highlighted
	 * wherever the page shows it, and n and N wrap around the page.
	 * It replaces the marks of a hit, and ends with the page. */
	struct search_finder	*find;
	int			 x, y;		/* where it was drawn */
};

struct reader *
reader_create(struct ui *ui)
{
	struct reader *r = xcalloc(1, sizeof *r);

	r->ui = ui;
	r->active = -1;
	r->match = -1;
	r->want_anchor = -1;
	return r;
}

static void reader_invalidate(struct reader *r);
static void reader_clear_find(struct reader *r);

void
reader_free(struct reader *r)
{
	if (r == NULL)
		return;
	reader_invalidate(r);
	reader_clear_marks(r);
	reader_clear_find(r);
	free(r);
}

void
reader_clear_marks(struct reader *r)
{
	free(r->marks);
	r->marks = NULL;
	r->nmarks = 0;
	r->match = -1;
}

static void
reader_invalidate(struct reader *r)
{
	page_free(r->page);
	r->page = NULL;
}

static void
reader_clear_find(struct reader *r)
{
	search_finder_free(r->find);
	r->find = NULL;
}

/* The place of the top line: its anchor and which of the lines holding
 * that anchor it is (r blank line and the text after it share one). */
void
reader_place(struct reader *r, int *anchor, size_t *off, int *skip)
{
	*anchor = -1;
	*off = 0;
	*skip = 0;
	if (r->page != NULL && r->top >= 0 &&
	    r->top < (int)r->page->nlines) {
		*anchor = r->page->lines[r->top].anchor;
		*off = r->page->lines[r->top].anchor_off;
		*skip = page_line_skip(r->page, r->top);
	} else if (r->want_anchor >= 0) {
		*anchor = r->want_anchor;
		*off = r->want_anchor_off;
		*skip = r->want_anchor_skip;
	}
}

void
reader_set(struct reader *r, struct content_entity *e, int anchor,
    size_t anchor_off)
{
	if (r->entity != e) {
		reader_invalidate(r);
		reader_clear_find(r);
	}
	r->entity = e;
	r->top = 0;
	r->active = -1;
	r->match = -1;
	r->want_anchor = anchor;
	r->want_anchor_off = anchor_off;
	r->want_anchor_skip = 0;
}

struct content_entity *
reader_entity(struct reader *r)
{
	return r->entity;
}

void
reader_set_marks(struct reader *r, const struct page_mark *marks, size_t n)
{
	reader_clear_marks(r);
	reader_clear_find(r);
	if (n > 0) {
		r->marks = xcalloc(n, sizeof *marks);
		memcpy(r->marks, marks, n * sizeof *marks);
		r->nmarks = n;
		r->want_match = true;
	}
	r->want_last = false;
	r->match = -1;
	reader_invalidate(r);
}

static void
reader_layout(struct reader *r, int w)
{
	struct store *st;
	int line;

	if (r->entity == NULL)
		return;
	/* Lines longer than this are hard to read on a wide terminal: the
	 * page keeps to the left, the rest of the pane stays blank. */
	if (r->reading_width > 0 && w > r->reading_width)
		w = r->reading_width;
	if (r->page != NULL && r->width == w)
		return;
	if (r->page != NULL && r->want_anchor < 0)
		reader_place(r, &r->want_anchor, &r->want_anchor_off,
		    &r->want_anchor_skip);
	reader_invalidate(r);
	st = ui_store(r->ui);
	r->page = layout_entity_find(ui_content(r->ui), r->entity, w, r->marks,
	    r->nmarks, st != NULL ? store_note_text(st,
	    r->entity->id) : NULL, r->find);
	r->width = w;
	if (r->want_match && r->page->nmatch_lines > 0) {
		r->match = r->want_last ?
		    (int)r->page->nmatch_lines - 1 : 0;
		r->top = HMS_MAX(r->page->match_lines[r->match] - 2,
		    0);
		r->want_match = false;
		r->want_last = false;
	} else if (r->want_anchor >= 0) {
		line = page_find_place(r->page, r->want_anchor,
		    r->want_anchor_off, r->want_anchor_skip);
		r->top = line;
	}
	r->want_anchor = -1;
	if (r->active >= (int)r->page->nlinks)
		r->active = -1;
}

void
reader_refresh(struct reader *r)
{
	if (r->page != NULL && r->want_anchor < 0)
		reader_place(r, &r->want_anchor, &r->want_anchor_off,
		    &r->want_anchor_skip);
	reader_invalidate(r);
}

void
reader_set_width(struct reader *r, int width)
{
	r->reading_width = width;
	reader_refresh(r);
}

int
reader_width(struct reader *r)
{
	return r->reading_width;
}

static void
reader_clamp(struct reader *r)
{
	int max;

	if (r->page == NULL)
		return;
	max = (int)r->page->nlines - HMS_MAX(r->height, 1);
	if (r->top > max)
		r->top = max;
	if (r->top < 0)
		r->top = 0;
}

void
reader_draw(struct reader *r, struct surface *s, int x, int y, int w, int h)
{
	r->x = x;
	r->y = y;
	r->height = h;
	if (r->entity == NULL) {
		surface_fill(s, x, y, w, h, STYLE_NORMAL);
		surface_puts(s, x + 1, y + 1, w - 2,
		    _("Nothing selected. Press ? for help."), STYLE_DIM);
		return;
	}
	reader_layout(r, w);
	reader_clamp(r);
	page_draw(r->page, s, x, y, w, h, r->top, r->active);
}

/* Select the next link after (or before) the current one that is on the
 * screen or below it, scrolling to it. */
static void
reader_move_link(struct reader *r, int dir)
{
	struct page *p = r->page;
	int i, n;

	if (p == NULL || p->nlinks == 0) {
		ui_message(r->ui, "%s", _("No links on this page."));
		return;
	}
	n = (int)p->nlinks;
	if (r->active < 0) {
		/* Start from the first link on screen. */
		for (i = dir > 0 ? 0 : n - 1; i >= 0 && i < n; i += dir) {
			if (p->links[i].line >= r->top &&
			    p->links[i].line < r->top + r->height)
				break;
		}
		if (i < 0 || i >= n)
			i = dir > 0 ? 0 : n - 1;
	} else
		i = (r->active + dir + n) % n;
	r->active = i;
	if (p->links[i].line < r->top)
		r->top = p->links[i].line;
	else if (p->links[i].line >= r->top + r->height)
		r->top = p->links[i].line - r->height / 2;
}

static void
reader_follow_link(struct reader *r, int link)
{
	struct page_link *l;

	if (r->page == NULL || link < 0 || link >= (int)r->page->nlinks)
		return;
	l = &r->page->links[link];
	if (l->prov != NULL)
		ui_open_source(r->ui, l->prov);
	else if (l->entity != NULL)
		ui_open(r->ui, l->entity);
}

/* Make the current match the next (dir > 0) or previous one on the page,
 * scrolling only when it is off the screen; false at either end, where
 * n and N go on to the next hit.  With no current match (the page was
 * scrolled by hand, or never laid out) the first one below the top of
 * the screen (or above its bottom) is the next.  The scroll position
 * is clamped first: near the end of a page rd.top may still hold a
 * wish the last draw could not grant. */
bool
reader_next_match(struct reader *r, int dir)
{
	struct page *p = r->page;
	int i, n, h = HMS_MAX(r->height, 1), line;

	if (p == NULL || p->nmatch_lines == 0)
		return false;
	reader_clamp(r);
	n = (int)p->nmatch_lines;
	if (r->match >= 0 && r->match < n &&
	    p->match_lines[r->match] >= r->top &&
	    p->match_lines[r->match] < r->top + h)
		i = r->match + dir;
	else if (dir > 0) {
		for (i = 0; i < n && p->match_lines[i] < r->top; i++)
			;
	} else {
		for (i = n - 1; i >= 0 && p->match_lines[i] >= r->top + h;
		    i--)
			;
	}
	if (i < 0 || i >= n)
		return false;
	r->match = i;
	line = p->match_lines[i];
	if (line < r->top || line >= r->top + h)
		r->top = HMS_MAX(line - 2, 0);
	return true;
}

int
reader_top(struct reader *r)
{
	return r->top;
}

int
reader_find(struct reader *r, const char *pattern, int top, bool *wrapped)
{
	struct page *p;
	int i, n, h = HMS_MAX(r->height, 1), line;

	*wrapped = false;
	reader_clear_marks(r);
	reader_clear_find(r);
	if (pattern != NULL)
		r->find = search_finder_create(pattern);
	/* Laid out again now, at the width last drawn, for the count: the
	 * same width wraps the same lines, so top stays where it was. */
	reader_invalidate(r);
	r->want_match = false;
	r->want_anchor = -1;
	r->top = top;
	if (r->entity == NULL || r->width <= 0)
		return 0;
	reader_layout(r, r->width);
	p = r->page;
	if (r->find == NULL || p->nmatch_lines == 0)
		return 0;
	/* The first match at or after the top line, as less searches from
	 * the top of the screen; past the last one, the first. */
	n = (int)p->nmatch_lines;
	for (i = 0; i < n && p->match_lines[i] < top; i++)
		;
	if (i == n) {
		i = 0;
		*wrapped = true;
	}
	r->match = i;
	line = p->match_lines[i];
	if (line < top || line >= top + h)
		r->top = HMS_MAX(line - 2, 0);
	return n;
}

/* n and N under an in-page search: the next match, round the page. */
void
reader_find_step(struct reader *r, int dir)
{
	struct page *p = r->page;
	int h = HMS_MAX(r->height, 1), line;

	if (p == NULL || p->nmatch_lines == 0) {
		ui_message(r->ui, "%s", _("Not on this page. / then Enter "
		    "searches all content."));
		return;
	}
	if (reader_next_match(r, dir))
		return;
	r->match = dir > 0 ? 0 : (int)p->nmatch_lines - 1;
	line = p->match_lines[r->match];
	if (line < r->top || line >= r->top + h)
		r->top = HMS_MAX(line - 2, 0);
	ui_message(r->ui, "%s", dir > 0 ?
	    _("Search hit the end of the page, continuing at the top.") :
	    _("Search hit the top of the page, continuing at the end."));
}

/* The section after (dir > 0) or before e in its document's order (r
 * depth-first walk of the chapter tree), or NULL at either end. */
struct content_entity *
reader_section_step(struct content_entity *e, int dir)
{
	struct content_entity *p;
	size_t i;

	if (dir > 0) {
		if (e->nchildren > 0)
			return e->children[0];
		for (; e->parent != NULL; e = e->parent) {
			p = e->parent;
			for (i = 0; i < p->nchildren && p->children[i] != e; i++)
				;
			if (i + 1 < p->nchildren)
				return p->children[i + 1];
		}
		return NULL;
	}
	if ((p = e->parent) == NULL)
		return NULL;
	for (i = 0; i < p->nchildren && p->children[i] != e; i++)
		;
	if (i == 0 || i >= p->nchildren)
		return p;
	for (e = p->children[i - 1]; e->nchildren > 0;
	    e = e->children[e->nchildren - 1])
		;
	return e;
}

bool
reader_action(struct reader *r, enum action act)
{
	int h = HMS_MAX(r->height, 1);

	if (r->entity == NULL)
		return false;
	switch (act) {
	case ACTION_UP:
		r->top--;
		break;
	case ACTION_DOWN:
		r->top++;
		break;
	case ACTION_PAGE_UP:
		r->top -= HMS_MAX(h - 1, 1);
		break;
	case ACTION_PAGE_DOWN:
		/* At the end of a section's page, paging on continues into
		 * the next section, as Space does in info. */
		if (r->page != NULL && r->entity->type ==
		    CONTENT_SECTION && r->top + h >= (int)r->page->nlines) {
			if (reader_section_step(r->entity, 1) != NULL) {
				ui_open(r->ui, reader_section_step(r->entity, 1));
				return true;
			}
			ui_message(r->ui, "%s", _("The last section of this document."));
		}
		r->top += HMS_MAX(h - 1, 1);
		break;
	case ACTION_HALF_UP:
		r->top -= HMS_MAX(h / 2, 1);
		break;
	case ACTION_HALF_DOWN:
		r->top += HMS_MAX(h / 2, 1);
		break;
	case ACTION_TOP:
		r->top = 0;
		break;
	case ACTION_BOTTOM:
		r->top = r->page != NULL ? (int)r->page->nlines : 0;
		break;
	case ACTION_NEXT_LINK:
		reader_move_link(r, 1);
		break;
	case ACTION_PREV_LINK:
		reader_move_link(r, -1);
		break;
	case ACTION_FOLLOW:
	case ACTION_OPEN:
		if (r->active < 0) {
			ui_message(r->ui, "%s", _("Select a link with Tab, or type its number and Enter."));
			return true;
		}
		reader_follow_link(r, r->active);
		return true;
	default:
		return false;
	}
	reader_clamp(r);
	return true;
}

bool
reader_click(struct reader *r, int x, int y, int button)
{
	int link;

	if (r->page == NULL)
		return false;
	if (button == 4) {
		r->top -= 3;
		reader_clamp(r);
		return true;
	}
	if (button == 5) {
		r->top += 3;
		reader_clamp(r);
		return true;
	}
	link = page_link_at(r->page, r->top + y - r->y, x - r->x);
	if (link < 0)
		return false;
	r->active = link;
	reader_follow_link(r, link);
	return true;
}

void
reader_preview(struct reader *r, struct content_entity *e)
{
	if (e == r->entity)
		return;
	reader_clear_marks(r);
	reader_set(r, e, -1, 0);
}

void
reader_preview_marked(struct reader *r, struct content_entity *e,
    const struct page_mark *marks, size_t n)
{
	reader_set(r, e, -1, 0);
	reader_set_marks(r, marks, n);
}

bool
reader_has_marks(struct reader *r)
{
	return r->nmarks > 0;
}

void
reader_want_last(struct reader *r, bool last)
{
	r->want_last = r->want_match && last;
}

void
reader_want_place(struct reader *r, int anchor, size_t off, int skip)
{
	r->want_anchor = anchor;
	r->want_anchor_off = off;
	r->want_anchor_skip = skip;
}

int
reader_link(struct reader *r)
{
	return r->active;
}

void
reader_set_link(struct reader *r, int link)
{
	r->active = link;
}

bool
reader_finding(struct reader *r)
{
	return r->find != NULL;
}

bool
reader_follow_number(struct reader *r, int n)
{
	if (r->page == NULL || n < 1 || n > (int)r->page->nlinks)
		return false;
	r->active = n - 1;
	reader_follow_link(r, n - 1);
	return true;
}

bool
reader_position(struct reader *r, char *pos, size_t size)
{
	/* The share of the page read down to the last line shown, or
	 * (END), as less says it; and which match n and N are on, as
	 * vim's [3/17]. */
	int last, len = 0;

	if (r->page == NULL)
		return false;
	last = r->top + HMS_MAX(r->height, 1);
	if (r->match >= 0 && r->match < (int)r->page->nmatch_lines)
		len = snprintf(pos, size, _("match %d/%d  "), r->match + 1,
		    (int)r->page->nmatch_lines);
	if (len < 0 || (size_t)len >= size)
		len = 0;
	if (last >= (int)r->page->nlines)
		snprintf(pos + len, size - len, "%s", _("(END)"));
	else
		snprintf(pos + len, size - len, "%d%%", (int)((long)last * 100 /
		    (long)HMS_MAX(r->page->nlines, 1)));
	return true;
}
