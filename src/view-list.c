/* view-list.c — the navigation list beside the reader: rows, selection,
 * scrolling, the split with the reader pane.  The views made of it are in
 * view-simple.c, view-search.c and view-bookmarks.c. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "i18n.h"
#include "text.h"
#include "util.h"
#include "view-list.h"
#include "view-reader.h"

#define VIEW_LIST_MIN_SPLIT 60	/* below this width, one pane at a time */

void
view_list_clear(struct view_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->items[i].label);
		free(l->items[i].orphan);
		free(l->items[i].arg);
		free(l->items[i].marks);
	}
	l->n = 0;
}

void
view_list_free(struct view_list *l)
{
	if (l == NULL)
		return;
	view_list_clear(l);
	free(l->items);
	free(l->expanded);
	free(l);
}

static struct view_list_item *view_list_push(struct view_list *, int,
    const char *, va_list) HMS_PRINTF(3, 0);

/* A new, empty item at the end of the list. */
static struct view_list_item *
view_list_new(struct view_list *l, int depth)
{
	struct view_list_item *it;

	util_grow(&l->items, &l->cap, l->n + 1, sizeof *l->items);
	it = &l->items[l->n++];
	memset(it, 0, sizeof *it);
	it->depth = depth;
	return it;
}

/* A new item at the end of the list, its label made from fmt. */
static struct view_list_item *
view_list_push(struct view_list *l, int depth, const char *fmt, va_list ap)
{
	struct view_list_item *it = view_list_new(l, depth);

	it->label = xvasprintf(fmt, ap);
	return it;
}

struct view_list_item *
view_list_add_lazy(struct view_list *l, struct content_entity *e, int depth,
    void (*fill)(struct view_list_item *, const void *), const void *src)
{
	struct view_list_item *it = view_list_new(l, depth);

	it->entity = e;
	it->fill = fill;
	it->src = src;
	return it;
}

void
view_list_item_ready(struct view_list_item *it)
{
	if (it->label == NULL && it->fill != NULL)
		it->fill(it, it->src);
	if (it->label == NULL)
		it->label = xstrdup("");
}

struct view_list_item *
view_list_add(struct view_list *l, struct content_entity *e, int depth,
    const char *fmt, ...)
{
	struct view_list_item *it;
	va_list ap;

	va_start(ap, fmt);
	it = view_list_push(l, depth, fmt, ap);
	va_end(ap);
	it->entity = e;
	return it;
}

struct view_list_item *
view_list_add_orphan(struct view_list *l, const char *id, int depth,
    const char *fmt, ...)
{
	struct view_list_item *it;
	va_list ap;

	va_start(ap, fmt);
	it = view_list_push(l, depth, fmt, ap);
	va_end(ap);
	it->orphan = xstrdup(id);
	return it;
}

struct view_list_item *
view_list_add_run(struct view_list *l, void (*run)(struct ui *, const char *),
    const char *arg, int depth, const char *fmt, ...)
{
	struct view_list_item *it;
	va_list ap;

	va_start(ap, fmt);
	it = view_list_push(l, depth, fmt, ap);
	va_end(ap);
	it->run = run;
	it->arg = xstrdup(arg);
	return it;
}

/* A row (not a group header): an entity, an orphan id or a command. */
static bool
view_list_is_row(const struct view_list_item *it)
{
	return it->entity != NULL || it->orphan != NULL || it->run != NULL;
}

struct content_entity *
view_list_selected(const struct view_list *l)
{
	if (l == NULL || l->sel < 0 || l->sel >= (int)l->n)
		return NULL;
	return l->items[l->sel].entity;
}

const char *
view_list_orphan(const struct view_list *l)
{
	if (l->sel < 0 || l->sel >= (int)l->n)
		return NULL;
	return l->items[l->sel].orphan;
}

/* Say what an orphan row is, as it is selected or opened. */
static void
view_list_orphan_message(struct ui *ui, const struct view_list_item *it)
{
	ui_message(ui, _("%s is not in this content (kept; b or a here "
	    "removes its bookmark or note)"), it->orphan);
}

/* The label of an entity in lists: its number (as a plain number or as
 * printed) and its title. */
char *
view_list_label(const struct content_entity *e)
{
	if (e->type == CONTENT_PROJECT)
		return xasprintf("%d %s", e->u.project.num, e->title);
	if (e->num != NULL)
		return xasprintf("%s %s", e->num, e->title);
	return xstrdup(e->title);
}

static bool
view_list_selectable(const struct view_list *l, int i)
{
	return i >= 0 && i < (int)l->n && view_list_is_row(&l->items[i]);
}

static void
view_list_preview(struct ui *ui, struct view_list *l)
{
	struct view_list_item *it;

	if (!view_list_selectable(l, l->sel))
		return;
	it = &l->items[l->sel];
	if (it->run != NULL)
		return;
	view_list_item_ready(it);
	if (it->entity == NULL)
		view_list_orphan_message(ui, it);
	else if (it->nmarks > 0)
		reader_preview_marked(ui_reader(ui), it->entity, it->marks, it->nmarks);
	else
		reader_preview(ui_reader(ui), it->entity);
}

/* Move the selection by delta selectable rows (clamped). */
void
view_list_move(struct ui *ui, struct view_list *l, int delta)
{
	int i = l->sel, step = delta > 0 ? 1 : -1, left = abs(delta), last = l->sel;

	if (l->n == 0)
		return;
	while (left > 0) {
		i += step;
		if (i < 0 || i >= (int)l->n)
			break;
		if (view_list_selectable(l, i)) {
			last = i;
			left--;
		}
	}
	if (!view_list_selectable(l, last)) {
		for (last = 0; last < (int)l->n && !view_list_selectable(l, last);
		    last++)
			;
	}
	l->sel = last < (int)l->n ? last : 0;
	view_list_preview(ui, l);
}

void
view_list_select_first(struct ui *ui, struct view_list *l)
{
	l->sel = -1;
	l->top = 0;
	view_list_move(ui, l, 1);
}

bool
view_list_select_entity(struct view_list *l, const struct content_entity *e)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->items[i].entity == e) {
			l->sel = (int)i;
			return true;
		}
	}
	return false;
}

/* ---- the pane ---- */

void
view_list_draw_pane(struct ui *ui, struct view_list *l, struct surface *s,
    int x, int y, int w, int h, bool focused)
{
	int row, i, col, k, lim;
	struct view_list_item *it;
	bool cut;
	enum style st;
	char pre[64];

	l->x = x;
	l->y = y;
	l->w = w;
	l->height = h;
	if (l->sel >= 0 && l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + h)
		l->top = l->sel - h + 1;
	/* Show the group header above the first item when possible. */
	if (l->top > 0 && l->top == l->sel && !view_list_selectable(l, l->top - 1))
		l->top--;
	if (l->top < 0)
		l->top = 0;
	for (row = 0; row < h; row++) {
		i = l->top + row;
		surface_fill(s, x, y + row, w, 1, STYLE_NORMAL);
		if (i >= (int)l->n)
			continue;
		it = &l->items[i];
		view_list_item_ready(it);
		if (!view_list_is_row(it)) {
			if (text_width(it->label, strlen(it->label)) > w &&
			    w > 1) {
				surface_puts(s, x, y + row, w - 1, it->label,
				    STYLE_HEADING);
				surface_puts(s, x + w - 1, y + row, 1, ">",
				    STYLE_DIM);
			} else
				surface_puts(s, x, y + row, w, it->label,
				    STYLE_HEADING);
			continue;
		}
		st = STYLE_NORMAL;
		if (i == l->sel)
			st = focused ? STYLE_SELECTED : STYLE_SELECTED_DIM;
		/* The selection is marked by ">" too: never by colour
		 * alone. */
		snprintf(pre, sizeof pre, "%c%*s%s", i == l->sel ? '>' : ' ',
		    HMS_MIN(it->depth * 2, 40), "", it->expandable ?
		    (it->expanded ? "- " : "+ ") : "");
		col = surface_puts(s, x, y + row, w, pre, st);
		/* A label cut to fit ends in the cut mark, as a table
		 * cell does: the last cell is kept for it. */
		cut = col + text_width(it->label, strlen(it->label)) > w;
		lim = cut ? w - 1 : w;
		if (it->nhl == 0) {
			col += surface_puts(s, x + col, y + row, lim - col,
			    it->label, st);
		} else {
			size_t off = 0;
			for (k = 0; k < it->nhl; k++) {
				size_t ha = it->hl[k][0], hb = it->hl[k][1];
				if (ha > off)
					col += surface_put(s, x + col,
					    y + row, lim - col,
					    it->label + off, ha - off, st);
				col += surface_put(s, x + col, y + row,
				    lim - col, it->label + ha, hb - ha,
				    STYLE_MATCH);
				off = hb;
			}
			col += surface_puts(s, x + col, y + row, lim - col,
			    it->label + off, st);
		}
		if (cut && w > col) {
			surface_puts(s, x + w - 1, y + row, 1, ">",
			    st == STYLE_NORMAL ? STYLE_DIM : st);
			col = w;
		}
		if (i == l->sel)
			surface_restyle(s, x + col, y + row, w - col, st);
	}
	(void)ui;
}

void
view_list_draw(struct ui *ui, struct view_list *l, struct surface *s, int x,
    int y, int w, int h)
{
	int nw, row;
	bool reader = ui_focus_reader(ui);

	/* Reading takes the whole width: more text per line, and a scroll
	 * the terminal can do itself (a full-width region), sending a line
	 * instead of a screen. */
	if (w < VIEW_LIST_MIN_SPLIT || reader) {
		if (reader)
			reader_draw(ui_reader(ui), s, x, y, w, h);
		else
			view_list_draw_pane(ui, l, s, x, y, w, h, true);
		return;
	}
	nw = w * 36 / 100;
	if (nw < 22)
		nw = 22;
	if (nw > 48)
		nw = 48;
	view_list_draw_pane(ui, l, s, x, y, nw, h, !reader);
	for (row = 0; row < h; row++)
		surface_puts(s, x + nw, y + row, 1, "|", STYLE_BORDER);
	reader_draw(ui_reader(ui), s, x + nw + 2, y, w - nw - 2, h);
}

bool
view_list_action(struct ui *ui, struct view_list *l, enum action act)
{
	int page = HMS_MAX(l->height - 1, 1);

	if (ui_focus_reader(ui))
		return false;
	switch (act) {
	case ACTION_UP:
		view_list_move(ui, l, -1);
		return true;
	case ACTION_DOWN:
		view_list_move(ui, l, 1);
		return true;
	case ACTION_PAGE_UP:
		view_list_move(ui, l, -page);
		return true;
	case ACTION_PAGE_DOWN:
		view_list_move(ui, l, page);
		return true;
	case ACTION_HALF_UP:
		view_list_move(ui, l, -page / 2);
		return true;
	case ACTION_HALF_DOWN:
		view_list_move(ui, l, page / 2);
		return true;
	case ACTION_TOP:
		view_list_select_first(ui, l);
		return true;
	case ACTION_BOTTOM:
		view_list_move(ui, l, (int)l->n);
		return true;
	case ACTION_FOLLOW:
	case ACTION_OPEN:
		if (view_list_selectable(l, l->sel)) {
			struct view_list_item *it = &l->items[l->sel];
			view_list_item_ready(it);
			if (it->run != NULL) {
				/* run may rebuild the list: it gets a copy. */
				char *arg = xstrdup(it->arg);
				it->run(ui, arg);
				free(arg);
			} else if (it->entity == NULL)
				view_list_orphan_message(ui, it);
			else if (it->nmarks > 0)
				ui_open_marked(ui, it->entity, it->marks,
				    it->nmarks);
			else
				ui_open(ui, it->entity);
		}
		return true;
	case ACTION_NEXT_LINK:
	case ACTION_PREV_LINK:
		/* Tab from the list moves into the reader's links. */
		ui_set_focus_reader(ui, true);
		return reader_action(ui_reader(ui), act);
	default:
		return false;
	}
}

bool
view_list_click(struct ui *ui, struct view_list *l, int x, int y, int button)
{
	int i;

	if (x >= l->x && x < l->x + l->w && y >= l->y && y < l->y + l->height) {
		if (button == 4 || button == 5) {
			view_list_move(ui, l, button == 4 ? -3 : 3);
			return true;
		}
		i = l->top + (y - l->y);
		if (!view_list_selectable(l, i))
			return false;
		ui_set_focus_reader(ui, false);
		l->sel = i;
		view_list_preview(ui, l);
		return true;
	}
	return reader_click(ui_reader(ui), x, y, button);
}

void
view_list_position(struct view_list *l, char *buf, size_t size)
{
	int i, n = 0, at = 0;

	for (i = 0; i < (int)l->n; i++) {
		if (!view_list_is_row(&l->items[i]))
			continue;
		n++;
		if (i == l->sel)
			at = n;
	}
	if (n > 0)
		snprintf(buf, size, "%d/%d", at, n);
	else
		snprintf(buf, size, "0/0");
}

/* ---- the ops of a view made of one list ---- */

void
view_list_op_draw(void *self, struct ui *ui, struct surface *s, int x, int y,
    int w, int h)
{
	view_list_draw(ui, self, s, x, y, w, h);
}

bool
view_list_op_action(void *self, struct ui *ui, enum action act)
{
	return view_list_action(ui, self, act);
}

bool
view_list_op_click(void *self, struct ui *ui, int x, int y, int button)
{
	return view_list_click(ui, self, x, y, button);
}

struct content_entity *
view_list_op_selection(void *self, struct ui *ui)
{
	(void)ui;
	return view_list_selected(self);
}

void
view_list_op_position(void *self, char *buf, size_t size)
{
	view_list_position(self, buf, size);
}

int
view_list_op_save(void *self)
{
	return ((struct view_list *)self)->sel;
}

void
view_list_op_restore(void *self, int place)
{
	struct view_list *l = self;

	if (place >= 0 && place < (int)l->n)
		l->sel = place;
}
