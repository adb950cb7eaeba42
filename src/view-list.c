/* view-list.c — the navigation list beside the reader, and the views made
 * of it: outline, projects, disease areas, glossary (and, until their own
 * views exist, simple lists for KPIs, programs, roadmap and compare). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "content.h"
#include "i18n.h"
#include "text.h"
#include "util.h"
#include "view-list.h"
#include "view.h"

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

/* A new item at the end of the list, its label made from fmt. */
static struct view_list_item *
view_list_push(struct view_list *l, int depth, const char *fmt, va_list ap)
{
	struct view_list_item *it;

	util_grow(&l->items, &l->cap, l->n + 1, sizeof *l->items);
	it = &l->items[l->n++];
	memset(it, 0, sizeof *it);
	it->depth = depth;
	it->label = xvasprintf(fmt, ap);
	return it;
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
view_list_add_run(struct view_list *l, void (*run)(struct app *, const char *),
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
view_list_orphan_message(struct app *a, const struct view_list_item *it)
{
	app_message(a, _("%s is not in this content (kept; b or a here "
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
view_list_preview(struct app *a, struct view_list *l)
{
	struct view_list_item *it;

	if (!view_list_selectable(l, l->sel))
		return;
	it = &l->items[l->sel];
	if (it->run != NULL)
		return;
	if (it->entity == NULL)
		view_list_orphan_message(a, it);
	else if (it->nmarks > 0)
		app_preview_marked(a, it->entity, it->marks, it->nmarks);
	else
		app_preview(a, it->entity);
}

/* Move the selection by delta selectable rows (clamped). */
void
view_list_move(struct app *a, struct view_list *l, int delta)
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
	view_list_preview(a, l);
}

void
view_list_select_first(struct app *a, struct view_list *l)
{
	l->sel = -1;
	l->top = 0;
	view_list_move(a, l, 1);
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
view_list_draw_pane(struct app *a, struct view_list *l, struct surface *s,
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
	(void)a;
}

void
view_list_draw(struct app *a, struct view_list *l, struct surface *s, int x,
    int y, int w, int h)
{
	int nw, row;
	bool reader = app_focus_reader(a);

	/* Reading takes the whole width: more text per line, and a scroll
	 * the terminal can do itself (a full-width region), sending a line
	 * instead of a screen. */
	if (w < VIEW_LIST_MIN_SPLIT || reader) {
		if (reader)
			app_reader_draw(a, s, x, y, w, h, true);
		else
			view_list_draw_pane(a, l, s, x, y, w, h, true);
		return;
	}
	nw = w * 36 / 100;
	if (nw < 22)
		nw = 22;
	if (nw > 48)
		nw = 48;
	view_list_draw_pane(a, l, s, x, y, nw, h, !reader);
	for (row = 0; row < h; row++)
		surface_puts(s, x + nw, y + row, 1, "|", STYLE_BORDER);
	app_reader_draw(a, s, x + nw + 2, y, w - nw - 2, h, reader);
}

bool
view_list_action(struct app *a, struct view_list *l, enum action act)
{
	int page = HMS_MAX(l->height - 1, 1);

	if (app_focus_reader(a))
		return false;
	switch (act) {
	case ACTION_UP:
		view_list_move(a, l, -1);
		return true;
	case ACTION_DOWN:
		view_list_move(a, l, 1);
		return true;
	case ACTION_PAGE_UP:
		view_list_move(a, l, -page);
		return true;
	case ACTION_PAGE_DOWN:
		view_list_move(a, l, page);
		return true;
	case ACTION_HALF_UP:
		view_list_move(a, l, -page / 2);
		return true;
	case ACTION_HALF_DOWN:
		view_list_move(a, l, page / 2);
		return true;
	case ACTION_TOP:
		view_list_select_first(a, l);
		return true;
	case ACTION_BOTTOM:
		view_list_move(a, l, (int)l->n);
		return true;
	case ACTION_FOLLOW:
	case ACTION_OPEN:
		if (view_list_selectable(l, l->sel)) {
			struct view_list_item *it = &l->items[l->sel];
			if (it->run != NULL) {
				/* run may rebuild the list: it gets a copy. */
				char *arg = xstrdup(it->arg);
				it->run(a, arg);
				free(arg);
			} else if (it->entity == NULL)
				view_list_orphan_message(a, it);
			else if (it->nmarks > 0)
				app_open_marked(a, it->entity, it->marks,
				    it->nmarks);
			else
				app_open(a, it->entity);
		}
		return true;
	case ACTION_NEXT_LINK:
	case ACTION_PREV_LINK:
		/* Tab from the list moves into the reader's links. */
		app_set_focus_reader(a, true);
		return app_reader_action(a, act);
	default:
		return false;
	}
}

bool
view_list_click(struct app *a, struct view_list *l, int x, int y, int button)
{
	int i;

	if (x >= l->x && x < l->x + l->w && y >= l->y && y < l->y + l->height) {
		if (button == 4 || button == 5) {
			view_list_move(a, l, button == 4 ? -3 : 3);
			return true;
		}
		i = l->top + (y - l->y);
		if (!view_list_selectable(l, i))
			return false;
		app_set_focus_reader(a, false);
		l->sel = i;
		view_list_preview(a, l);
		return true;
	}
	return app_reader_click(a, x, y, button);
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

/* ---- the simple list views ---- */

struct view_simple {
	struct view_list	*list;
	void			(*build)(struct app *, struct view_list *);
};

static struct view_list *
view_simple_list(struct app *a, enum app_view v)
{
	return app_view_state(a, v);
}

static void
view_simple_enter(struct app *a, enum app_view v,
    void (*build)(struct app *, struct view_list *))
{
	struct view_list *l = app_view_state(a, v);

	if (l == NULL) {
		l = xcalloc(1, sizeof *l);
		l->sel = -1;
		app_set_view_state(a, v, l);
		build(a, l);
		view_list_select_first(a, l);
	} else if (app_reader_entity(a) == NULL)
		view_list_move(a, l, 0);
}

static const char *
view_period_name(int p)
{
	switch (p) {
	case 1:
		return _("Period 1 (FY2014–2019)");
	case 2:
		return _("Period 2 (FY2020–2024)");
	case 3:
		return _("Period 3 (FY2025–2029)");
	default:
		return _("No period");
	}
}

/* Projects: period 3 first, each period under a header. */
static void
view_projects_build(struct app *a, struct view_list *l)
{
	const struct content *c = app_content(a);
	size_t i;
	int p, n;

	for (p = 3; p >= 1; p--) {
		for (i = 0, n = 0; i < c->ntype[CONTENT_PROJECT]; i++)
			n += c->by_type[CONTENT_PROJECT][i]->period == p;
		if (n == 0)
			continue;
		view_list_add(l, NULL, 0, "%s: %d %s", view_period_name(p), n,
		    p == 1 ? _("areas") : _("integrated projects"));
		for (i = 0; i < c->ntype[CONTENT_PROJECT]; i++) {
			struct content_entity *e = c->by_type[CONTENT_PROJECT][i];
			char *lab;
			if (e->period != p)
				continue;
			lab = view_list_label(e);
			view_list_add(l, e, 1, "%s", lab);
			free(lab);
		}
	}
}

static void
view_diseases_build(struct app *a, struct view_list *l)
{
	const struct content *c = app_content(a);
	size_t i;
	int p;

	for (p = 3; p >= 1; p--) {
		view_list_add(l, NULL, 0, "%s", view_period_name(p));
		for (i = 0; i < c->ntype[CONTENT_DISEASE]; i++) {
			struct content_entity *e = c->by_type[CONTENT_DISEASE][i];
			if (e->period == p)
				view_list_add(l, e, 1, "%s", e->title);
		}
	}
}

static int
view_cmp_title(const void *x, const void *y)
{
	const struct content_entity *const *a = x, *const *b = y;

	return text_collate((*a)->title, (*b)->title);
}

static void
view_glossary_build(struct app *a, struct view_list *l)
{
	const struct content *c = app_content(a);
	struct content_entity **v;
	size_t i, n = c->ntype[CONTENT_TERM];

	v = xcalloc(n + 1, sizeof *v);
	memcpy(v, c->by_type[CONTENT_TERM], n * sizeof *v);
	qsort(v, n, sizeof *v, view_cmp_title);
	view_list_add(l, NULL, 0, _("%zu terms"), n);
	for (i = 0; i < n; i++) {
		const struct content_entity *e = v[i];
		if (e->u.term.nexpansions > 0)
			view_list_add(l, v[i], 1, "%s  %s", e->title,
			    e->u.term.expansions[0].text);
		else
			view_list_add(l, v[i], 1, "%s", e->title);
	}
	free(v);
}

/* The outline: every document (root section) and its chapters; the
 * expanded set survives rebuilding. */
static void
view_outline_add(struct view_list *l, struct content_entity *e, int depth)
{
	struct view_list_item *it;
	char *lab = view_list_label(e);
	size_t i;

	it = view_list_add(l, e, depth, "%s", lab);
	free(lab);
	it->expandable = e->nchildren > 0;
	it->expanded = l->expanded[e->index];
	if (!it->expanded)
		return;
	for (i = 0; i < e->nchildren; i++)
		view_outline_add(l, e->children[i], depth + 1);
}

static void
view_outline_build(struct app *a, struct view_list *l)
{
	const struct content *c = app_content(a);
	size_t i;

	if (l->expanded == NULL) {
		l->expanded = xcalloc(c->nentities + 1, sizeof *l->expanded);
		/* The third strategy starts open. */
		for (i = 0; i < c->ntype[CONTENT_SECTION]; i++) {
			struct content_entity *e = c->by_type[CONTENT_SECTION][i];
			if (strcmp(e->id, "section:s3") == 0)
				l->expanded[e->index] = true;
		}
	}
	view_list_add(l, NULL, 0, "%s", _("Documents"));
	for (i = 0; i < c->ntype[CONTENT_SECTION]; i++) {
		struct content_entity *e = c->by_type[CONTENT_SECTION][i];
		if (e->parent == NULL)
			view_outline_add(l, e, 0);
	}
}

#define VIEW_SIMPLE(nm, NM, ttl, tbl)				\
static void								\
view_##nm##_enter(struct app *a)					\
{									\
	view_simple_enter(a, NM, view_##nm##_build);		\
}									\
static void								\
view_##nm##_draw(struct app *a, struct surface *s, int x, int y,	\
    int w, int h)							\
{									\
	view_list_draw(a, view_simple_list(a, NM), s, x, y, w, h);	\
}									\
static bool								\
view_##nm##_action(struct app *a, enum action act)			\
{									\
	return view_##nm##_extra(a, view_simple_list(a, NM), act) ||\
	    view_list_action(a, view_simple_list(a, NM), act);	\
}									\
static bool								\
view_##nm##_click(struct app *a, int x, int y, int b)		\
{									\
	return view_list_click(a, view_simple_list(a, NM), x, y, b);	\
}									\
static struct content_entity *						\
view_##nm##_selection(struct app *a)					\
{									\
	return view_list_selected(view_simple_list(a, NM));		\
}									\
static void								\
view_##nm##_position(struct app *a, char *buf, size_t size)		\
{									\
	view_list_position(view_simple_list(a, NM), buf, size);	\
}									\
static int								\
view_##nm##_save(struct app *a)					\
{									\
	return view_simple_list(a, NM)->sel;				\
}									\
static void								\
view_##nm##_restore(struct app *a, int place)			\
{									\
	struct view_list *l = view_simple_list(a, NM);		\
	if (place >= 0 && place < (int)l->n)				\
		l->sel = place;						\
}									\
static void								\
view_##nm##_free(struct app *a)					\
{									\
	view_list_free(view_simple_list(a, NM));			\
	app_set_view_state(a, NM, NULL);				\
}									\
const struct view_ops view_##nm##_ops = {				\
	.name = #nm, .title = ttl, .table = tbl,			\
	.enter = view_##nm##_enter, .draw = view_##nm##_draw,	\
	.action = view_##nm##_action, .click = view_##nm##_click,	\
	.selection = view_##nm##_selection,				\
	.position = view_##nm##_position, .save = view_##nm##_save,	\
	.restore = view_##nm##_restore, .free = view_##nm##_free,	\
}

static bool
view_no_extra(struct app *a, struct view_list *l, enum action act)
{
	(void)a;
	(void)l;
	(void)act;
	return false;
}

/* The outline expands and collapses. */
static bool
view_outline_extra(struct app *a, struct view_list *l, enum action act)
{
	struct view_list_item *it;
	struct content_entity *sel;

	if (act != ACTION_TOGGLE_EXPAND || app_focus_reader(a) ||
	    l->sel < 0 || l->sel >= (int)l->n)
		return false;
	it = &l->items[l->sel];
	if (!it->expandable)
		return true;
	sel = it->entity;
	l->expanded[sel->index] = !l->expanded[sel->index];
	view_list_clear(l);
	view_outline_build(a, l);
	view_list_select_entity(l, sel);
	return true;
}

#define view_projects_extra view_no_extra
#define view_diseases_extra view_no_extra
#define view_glossary_extra view_no_extra

VIEW_SIMPLE(outline, VIEW_OUTLINE, N_("Outline"), KEYMAP_LIST);
VIEW_SIMPLE(projects, VIEW_PROJECTS, N_("Projects"), KEYMAP_LIST);
VIEW_SIMPLE(diseases, VIEW_DISEASES, N_("Disease areas"), KEYMAP_LIST);
VIEW_SIMPLE(glossary, VIEW_GLOSSARY, N_("Glossary"), KEYMAP_LIST);

/* ---- shared ---- */

bool
view_scroll(int *top, int height, enum action act)
{
	int page = HMS_MAX(height - 1, 1);

	switch (act) {
	case ACTION_UP: *top -= 1; break;
	case ACTION_DOWN: *top += 1; break;
	case ACTION_PAGE_UP: *top -= page; break;
	case ACTION_PAGE_DOWN: *top += page; break;
	case ACTION_HALF_UP: *top -= page / 2; break;
	case ACTION_HALF_DOWN: *top += page / 2; break;
	case ACTION_TOP: *top = 0; break;
	case ACTION_BOTTOM: *top = 1 << 20; break;
	default:
		return false;
	}
	return true;
}

bool
view_has_reader(enum app_view v)
{
	switch (v) {
	case VIEW_ENTITY:
	case VIEW_SOURCE:
	case VIEW_HELP:
		return v == VIEW_ENTITY;
	default:
		return app_view_ops(v)->table == KEYMAP_LIST;
	}
}

bool
view_has_nav(enum app_view v)
{
	return app_view_ops(v)->table == KEYMAP_LIST;
}

void
view_sync_selection(struct app *a, struct content_entity *e)
{
	enum app_view v = app_current_view(a);
	struct content_entity *p;
	struct view_list *l;

	if (!view_has_nav(v) || v == VIEW_SEARCH)
		return;
	if ((l = app_view_state(a, v)) == NULL)
		return;
	if (view_list_select_entity(l, e) || v != VIEW_OUTLINE ||
	    e->type != CONTENT_SECTION)
		return;
	/* The outline opens the way to a section that was folded away. */
	for (p = e->parent; p != NULL; p = p->parent)
		l->expanded[p->index] = true;
	view_list_clear(l);
	view_outline_build(a, l);
	view_list_select_entity(l, e);
}
