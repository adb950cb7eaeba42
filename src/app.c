/* app.c — the interface: the loop, the views, history and global keys.
 *
 * The app owns each view's object (made on first use from the table in
 * view.c, destroyed at the end), the reader and the places visited;
 * everything a view uses is in ui.c, and a view's wish to move (open an
 * entity, switch views) comes back here through struct ui_nav.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "content.h"
#include "i18n.h"
#include "keymap.h"
#include "options.h"
#include "output.h"
#include "store.h"
#include "term.h"
#include "term-probe.h"
#include "text.h"
#include "ui.h"
#include "util.h"
#include "view-reader.h"
#include "view.h"

#define APP_HISTORY_MAX 200
#define APP_MIN_W 16
#define APP_MIN_H 4
#define APP_BATCH_MS 100	/* longest run of keys between two draws */
#define APP_READING_WIDTH 100	/* the reader's default column limit */

struct app_place {
	enum view_id		 view;
	bool			 focus_reader;
	struct content_entity	*entity;	/* in the reader */
	int			 anchor;	/* reader position */
	size_t			 anchor_off;
	int			 anchor_skip;	/* page_find_place() */
	int			 link;		/* the selected link, or -1:
						 * Back reselects the one
						 * followed */
	int			 place;		/* the view's own */
	bool			 marks;		/* keep search marks */
};

struct app {
	const struct main_opts	*mo;
	struct ui		*ui;
	void			*views[VIEW_COUNT];	/* each view's object,
							 * made on first use */
	struct reader		*rd;
	struct surface		*surf;

	struct app_place	*hist;
	size_t			 nhist, hist_pos, histcap;

	struct key_seq		 pending;
	int			 number;	/* link number being typed, or -1 */

	int			 status;
	bool			 too_small;
};

/* ---- views ---- */


static enum view_id
app_view(struct app *a)
{
	return ui_current_view(a->ui);
}

static const struct view_ops *
app_ops(struct app *a)
{
	return view_all[app_view(a)];
}

/* The object of view v, made the first time it is wanted. */
static void *
app_self(struct app *a, enum view_id v)
{
	if (a->views[v] == NULL)
		a->views[v] = view_all[v]->create(a->ui);
	return a->views[v];
}

/* The current view's object. */
static void *
app_cur(struct app *a)
{
	return app_self(a, app_view(a));
}

static void
app_enter(struct app *a, enum view_id v)
{
	ui_set_current_view(a->ui, v);
	if (view_all[v]->enter != NULL)
		view_all[v]->enter(app_self(a, v), a->ui);
}

/* Whether the keys act on the reader: it is the view, or it has the
 * focus beside a list. */
static bool
app_reading(struct app *a)
{
	return app_view(a) == VIEW_ENTITY || (ui_focus_reader(a->ui) &&
	    view_has_reader(app_view(a)));
}

void
app_set_store(struct app *a, struct store *st)
{
	ui_set_store(a->ui, st);
}

static struct content_entity *
app_selection(struct app *a)
{
	const struct view_ops *v = app_ops(a);

	if (app_reading(a) || v->selection == NULL)
		return reader_entity(a->rd);
	return v->selection(app_cur(a), a->ui);
}

/* ] and [ (and Space at the end of a page): the next or previous
 * section in document order, opened where the reader is. */
static bool
app_section_go(struct app *a, int dir)
{
	struct content_entity *e = app_selection(a), *to;

	if (e == NULL || e->type != CONTENT_SECTION) {
		ui_message(a->ui, "%s", _("] and [ move between the sections "
		    "of a document (o: the outline)."));
		return false;
	}
	if ((to = reader_section_step(e, dir)) == NULL) {
		ui_message(a->ui, "%s", dir > 0 ? _("The last section of this "
		    "document.") : _("The first section of this document."));
		return false;
	}
	ui_open(a->ui, to);
	return true;
}

/* ---- history ---- */

static struct app_place
app_place_now(struct app *a)
{
	struct app_place p = {
		.view = app_view(a), .focus_reader = ui_focus_reader(a->ui),
		.entity = reader_entity(a->rd),
		.marks = reader_has_marks(a->rd), .link = reader_link(a->rd),
	};
	const struct view_ops *v = app_ops(a);

	reader_place(a->rd, &p.anchor, &p.anchor_off, &p.anchor_skip);
	p.place = v->save != NULL ? v->save(app_cur(a)) : 0;
	return p;
}

static void
app_place_restore(struct app *a, const struct app_place *p)
{
	const struct view_ops *v = view_all[p->view];

	app_enter(a, p->view);
	if (v->restore != NULL)
		v->restore(app_self(a, p->view), p->place);
	ui_set_focus_reader(a->ui, p->focus_reader);
	if (!p->marks)
		reader_clear_marks(a->rd);
	reader_set(a->rd, p->entity, p->anchor, p->anchor_off);
	reader_want_place(a->rd, p->anchor, p->anchor_off, p->anchor_skip);
	/* Checked against the page when it is laid out. */
	reader_set_link(a->rd, p->link);
}

/* Record where we are, then move on: forward history is dropped. */
static void
app_history_push(struct app *a)
{
	struct app_place now = app_place_now(a);

	if (a->nhist == 0) {
		util_grow(&a->hist, &a->histcap, 1, sizeof *a->hist);
		a->hist[0] = now;
		a->nhist = 1;
		a->hist_pos = 0;
	}
	a->hist[a->hist_pos] = now;
	a->nhist = a->hist_pos + 1;
	if (a->nhist >= APP_HISTORY_MAX) {
		memmove(a->hist, a->hist + 1, (a->nhist - 1) * sizeof *a->hist);
		a->nhist--;
		a->hist_pos--;
	}
	util_grow(&a->hist, &a->histcap, a->nhist + 1, sizeof *a->hist);
	a->hist_pos = a->nhist++;
}

/* After a move, the new place is the current entry. */
static void
app_history_settle(struct app *a)
{
	a->hist[a->hist_pos] = app_place_now(a);
}

static void
app_history_go(struct app *a, int dir)
{
	if (a->nhist == 0 || (dir < 0 && a->hist_pos == 0) ||
	    (dir > 0 && a->hist_pos + 1 >= a->nhist)) {
		ui_message(a->ui, "%s", dir < 0 ? _("At the start of "
		    "history.") : _("At the end of history."));
		return;
	}
	a->hist[a->hist_pos] = app_place_now(a);
	a->hist_pos = (size_t)((int)a->hist_pos + dir);
	app_place_restore(a, &a->hist[a->hist_pos]);
}

/* ---- moving: what views ask for through ui_open() and its kin ---- */

static void
app_open(struct app *a, struct content_entity *e)
{
	struct store *st = ui_store(a->ui);
	char *err = NULL;

	if (e == NULL)
		return;
	if (st != NULL && store_visit_add(st, e->id, &err) != 0)
		ui_store_failed(a->ui, err);
	app_history_push(a);
	/* Full-screen views hand over to the full-width reader. */
	app_enter(a, view_has_reader(app_view(a)) ? app_view(a) : VIEW_ENTITY);
	if (e != reader_entity(a->rd))
		reader_clear_marks(a->rd);
	reader_set(a->rd, e, -1, 0);
	ui_set_focus_reader(a->ui, true);
	view_sync_selection(a->ui, e);
	app_history_settle(a);
}

/* A list view just became current: it selects the entity being read
 * when it lists it, else the reader shows what the list has selected.
 * Either way the list, the reader and the breadcrumbs agree. */
static void
app_switch_sync(struct app *a)
{
	const struct view_ops *v = app_ops(a);
	struct content_entity *e = reader_entity(a->rd);

	if (!view_has_reader(app_view(a)) || app_view(a) == VIEW_ENTITY ||
	    v->selection == NULL)
		return;
	if (e != NULL) {
		view_sync_selection(a->ui, e);
		if (v->selection(app_cur(a), a->ui) == e)
			return;
	}
	reader_preview(a->rd, v->selection(app_cur(a), a->ui));
}

static void
app_switch(struct app *a, enum view_id v)
{
	/* Switching to the view shown is a no-op, but for a visit: help
	 * asked for again is about the view it was asked from. */
	if (v == app_view(a) && !(view_all[v]->flags & VIEW_VISIT)) {
		ui_set_focus_reader(a->ui, false);
		return;
	}
	app_history_push(a);
	ui_set_focus_reader(a->ui, false);
	app_enter(a, v);
	app_switch_sync(a);
	app_history_settle(a);
}

static void
app_open_source(struct app *a, const struct content_prov *p)
{
	app_history_push(a);
	ui_set_current_view(a->ui, VIEW_SOURCE);
	view_source_show(a->ui, p);
	app_history_settle(a);
}

static void
app_nav_open(struct ui *ui, struct content_entity *e)
{
	app_open(ui_owner(ui), e);
}

static void
app_nav_open_marked(struct ui *ui, struct content_entity *e,
    const struct page_mark *marks, size_t n)
{
	struct app *a = ui_owner(ui);

	app_open(a, e);
	reader_set_marks(a->rd, marks, n);
	app_history_settle(a);
}

static void
app_nav_switch(struct ui *ui, enum view_id v)
{
	app_switch(ui_owner(ui), v);
}

static void
app_nav_open_source(struct ui *ui, const struct content_prov *p)
{
	app_open_source(ui_owner(ui), p);
}

static struct content_entity *
app_nav_selection(struct ui *ui)
{
	return app_selection(ui_owner(ui));
}

static void *
app_nav_view(struct ui *ui, enum view_id v)
{
	return app_self(ui_owner(ui), v);
}

static const struct ui_nav app_nav = {
	.open = app_nav_open,
	.open_marked = app_nav_open_marked,
	.switch_to = app_nav_switch,
	.open_source = app_nav_open_source,
	.selection = app_nav_selection,
	.view = app_nav_view,
};

/* Help and the source view are visits, not places of their own: closing
 * one returns to where it was opened (q in less, tig and htop).  Only
 * when there is nowhere to return to does the projects list come up. */
static void
app_close(struct app *a)
{
	if (!(app_ops(a)->flags & VIEW_VISIT))
		return;
	if (a->nhist > 0 && a->hist_pos > 0)
		app_history_go(a, -1);
	else
		app_switch(a, VIEW_PROJECTS);
}

/* ---- drawing ---- */

static void
app_draw_status(struct app *a, struct surface *s, int y, int w)
{
	const struct view_ops *v = app_ops(a);
	enum view_id view = app_view(a);
	char pos[64] = "", right[160];
	struct buf b;
	const struct content_entity *e, *chain[16];
	int n = 0, i, rw;

	surface_fill(s, 0, y, w, 1, STYLE_STATUS);
	if ((!app_reading(a) || !reader_position(a->rd, pos, sizeof pos)) &&
	    v->position != NULL)
		v->position(app_cur(a), pos, sizeof pos);
	snprintf(right, sizeof right, "%s%s%s  %s ", pos, pos[0] ? "  " : "",
	    ui_focus_reader(a->ui) && view_has_reader(view) ?
	    _("[reader]") : _("[list]"), _("?:help q:quit"));
	rw = text_width(right, strlen(right));
	buf_init(&b);
	buf_printf(&b, " %s", _(v->title));
	/* The breadcrumbs name what the cursor is on, in every view but
	 * help and the source text (their position says what they show). */
	e = v->flags & VIEW_VISIT ? NULL : app_selection(a);
	if (e != NULL) {
		/* Breadcrumbs: period › document › … › item. */
		if (e->period != 0)
			buf_printf(&b, " › %s%d%s", _("P"), e->period, "");
		for (; e != NULL && n < 16; e = e->parent)
			chain[n++] = e;
		for (i = n - 1; i >= 0; i--) {
			if (n > 3 && i < n - 1 && i > 1) {
				if (i == n - 2)
					buf_adds(&b, " › …");
				continue;
			}
			buf_printf(&b, " › %s%s%s", chain[i]->num != NULL ?
			    chain[i]->num : "", chain[i]->num != NULL ? " " : "",
			    chain[i]->title);
		}
	}
	surface_put(s, 0, y, w - rw - 1, b.data, b.len, STYLE_STATUS);
	if (rw < w)
		surface_puts(s, w - rw, y, rw, right, STYLE_STATUS);
	buf_free(&b);
}

/* A message too long for its line takes the rows above it, as vim's do,
 * up to a third of the screen: an error (a bad pattern) is read whole,
 * not cut at the edge.  Returns the extra rows; *lines gets the wrapped
 * lines (the caller frees them) and *n their number. */
static int
app_message_rows(struct app *a, int w, int h, struct text_line **lines,
    size_t *n)
{
	struct prompt *p = ui_prompt_line(a->ui);
	const char *msg = ui_message_text(a->ui, NULL);
	int room, mw, lw;

	*lines = NULL;
	*n = 0;
	if (msg == NULL || w < 8)
		return 0;
	mw = text_width(msg, strlen(msg));
	if (prompt_active(p)) {
		/* Beside the prompt when it fits there (see below). */
		lw = text_width(prompt_label(p), strlen(prompt_label(p)));
		room = w - lw - text_width(prompt_text(p), prompt_len(p)) - 3;
		if (mw <= room)
			return 0;
	} else if (mw <= w)
		return 0;
	*n = text_wrap(msg, strlen(msg), w - 1, false, lines);
	if (*n > (size_t)HMS_MAX(h / 3, 1))
		*n = (size_t)HMS_MAX(h / 3, 1);
	return (int)*n - (prompt_active(p) ? 0 : 1);
}

static void
app_draw_message_rows(struct app *a, struct surface *s, int y,
    const struct text_line *lines, size_t n, int w)
{
	bool error;
	const char *msg = ui_message_text(a->ui, &error);
	size_t i;

	for (i = 0; i < n; i++) {
		surface_fill(s, 0, y + (int)i, w, 1, STYLE_NORMAL);
		surface_put(s, lines[i].indent, y + (int)i, w - lines[i].indent,
		    msg + lines[i].off, lines[i].len,
		    error ? STYLE_ERROR : STYLE_MESSAGE);
	}
}

static void
app_draw_message(struct app *a, struct surface *s, int y, int w)
{
	struct prompt *p = ui_prompt_line(a->ui);
	bool error;
	const char *msg = ui_message_text(a->ui, &error), *text;
	int lw, cw, off;
	size_t start, len, cursor;

	surface_fill(s, 0, y, w, 1, STYLE_NORMAL);
	if (prompt_active(p)) {
		text = prompt_text(p);
		len = prompt_len(p);
		cursor = prompt_cursor(p);
		lw = surface_puts(s, 0, y, w, prompt_label(p), STYLE_HEADING);
		/* Keep the cursor on screen: scroll the text left. */
		start = 0;
		cw = text_width(text, cursor);
		while (cw > w - lw - 2 && start < cursor) {
			size_t next = text_cluster_end(text, len, start);
			cw -= text_width(text + start, next - start);
			start = next;
		}
		off = surface_put(s, lw, y, w - lw, text + start, len - start,
		    STYLE_NORMAL);
		/* What the input did (hits, a bad pattern) shows at the right
		 * of the line while typing, or above it when it is long. */
		if (msg != NULL && w - lw - off > 12 &&
		    text_width(msg, strlen(msg)) <= w - lw - off - 3) {
			int mw = text_width(msg, strlen(msg));
			int room = w - lw - off - 3;
			int mx = mw < room ? w - mw - 1 : lw + off + 2;
			surface_puts(s, mx, y, w - mx, msg,
			    error ? STYLE_ERROR : STYLE_DIM);
		}
		/* The real cursor sits at the insertion point, so that an
		 * input method's window opens there. */
		surface_set_cursor(s, lw + cw, y, true);
		return;
	}
	if (a->number >= 0) {
		char buf[64];
		snprintf(buf, sizeof buf, _("Link number: %d (Enter follows)"),
		    a->number);
		surface_puts(s, 0, y, w, buf, STYLE_HEADING);
		return;
	}
	if (msg != NULL)
		surface_puts(s, 0, y, w, msg, error ? STYLE_ERROR : STYLE_MESSAGE);
}

/* The view, the status line, and the message or prompt line (with the
 * rows a long message takes above it). */
static void
app_draw_screen(struct app *a, struct surface *s, int w, int h)
{
	struct text_line *lines;
	size_t n;
	int extra = app_message_rows(a, w, h, &lines, &n);

	app_ops(a)->draw(app_cur(a), a->ui, s, 0, 0, w, h - 2 - extra);
	app_draw_status(a, s, h - 2 - extra, w);
	if (n > 0 && !prompt_active(ui_prompt_line(a->ui)))
		app_draw_message_rows(a, s, h - 1 - extra, lines, n, w);
	else {
		if (n > 0)
			app_draw_message_rows(a, s, h - 1 - extra, lines, n, w);
		app_draw_message(a, s, h - 1, w);
	}
	free(lines);
}

static void
app_draw(struct app *a)
{
	struct surface *s = a->surf;
	int w, h;

	term_size(&w, &h);
	if (s->w != w || s->h != h)
		surface_resize(s, w, h);
	surface_clear(s, STYLE_NORMAL);
	surface_set_cursor(s, 0, 0, false);
	a->too_small = w < APP_MIN_W || h < APP_MIN_H;
	if (a->too_small) {
		/* Say so in whatever room there is; never garbage. */
		surface_puts(s, 0, 0, w, _("Terminal too small"), STYLE_ERROR);
		if (h > 1)
			surface_puts(s, 0, 1, w, _("(enlarge it, or q)"), STYLE_DIM);
		term_draw(s);
		return;
	}
	app_draw_screen(a, s, w, h);
	term_draw(s);
}

/* Draw into an in-memory surface of w x h: for render tests. */
char *
app_render(struct app *a, int w, int h, bool styles)
{
	struct surface *s = surface_create(w, h);
	char *dump;

	surface_clear(s, STYLE_NORMAL);
	app_draw_screen(a, s, w, h);
	dump = surface_dump(s, styles);
	surface_free(s);
	return dump;
}

/* ---- actions ---- */

static void
app_goto_done(struct ui *ui, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	view_goto(ui, text);
}

/* n and N: the in-page search's next match round the page, else the
 * next mark of the hit on the page, else the next hit. */
static void
app_search_step(struct app *a, int dir)
{
	if (reader_finding(a->rd))
		reader_find_step(a->rd, dir);
	else if (!reader_next_match(a->rd, dir)) {
		view_search_next_hit(a->ui, dir);
		/* N into the previous hit starts at its last match. */
		reader_want_last(a->rd, dir < 0);
	}
}

static void
app_action(struct app *a, enum action act)
{
	const struct view_ops *v = app_ops(a);

	if (v->action != NULL && v->action(app_cur(a), a->ui, act))
		return;
	switch (act) {
	case ACTION_QUIT:
		ui_quit(a->ui);
		break;
	case ACTION_CLOSE:
		app_close(a);
		break;
	case ACTION_HELP:
		view_help_show(a->ui, app_view(a));
		app_switch(a, VIEW_HELP);
		break;
	case ACTION_REDRAW:
		term_redraw_all();
		break;
	case ACTION_SUSPEND:
		term_suspend();
		break;
	case ACTION_BACK:
		app_history_go(a, -1);
		break;
	case ACTION_FORWARD:
		app_history_go(a, 1);
		break;
	case ACTION_NEXT_SECTION:
	case ACTION_PREV_SECTION:
		app_section_go(a, act == ACTION_NEXT_SECTION ? 1 : -1);
		break;
	case ACTION_GOTO:
		ui_prompt(a->ui, ":", "goto", NULL, NULL, app_goto_done);
		ui_prompt_hooks(a->ui, view_goto_candidates, NULL);
		break;
	case ACTION_SEARCH:
		/* The index is built here, before the first key is typed,
		 * so no keystroke waits for it. */
		(void)ui_search_index(a->ui);
		/* In a page, / searches the page first (it widens to all
		 * content from its prompt); elsewhere, all content. */
		if (reader_entity(a->rd) != NULL && app_reading(a))
			view_search_page_start(a->ui);
		else
			view_search_start(a->ui);
		break;
	case ACTION_SEARCH_NEXT:
	case ACTION_SEARCH_PREV:
		app_search_step(a, act == ACTION_SEARCH_NEXT ? 1 : -1);
		break;
	case ACTION_TOGGLE_FOCUS:
		if (view_has_reader(app_view(a)))
			ui_set_focus_reader(a->ui, !ui_focus_reader(a->ui));
		break;
	case ACTION_VIEW_OUTLINE: app_switch(a, VIEW_OUTLINE); break;
	case ACTION_VIEW_PROJECTS: app_switch(a, VIEW_PROJECTS); break;
	case ACTION_VIEW_DISEASES: app_switch(a, VIEW_DISEASES); break;
	case ACTION_VIEW_KPIS: app_switch(a, VIEW_KPIS); break;
	case ACTION_VIEW_PROGRAMS: app_switch(a, VIEW_PROGRAMS); break;
	case ACTION_VIEW_FUNDS: view_funds_of_selection(a->ui); break;
	case ACTION_VIEW_ROADMAP: app_switch(a, VIEW_ROADMAP); break;
	case ACTION_VIEW_GLOSSARY: app_switch(a, VIEW_GLOSSARY); break;
	case ACTION_VIEW_COMPARE: app_switch(a, VIEW_COMPARE); break;
	case ACTION_VIEW_SEARCH: app_switch(a, VIEW_SEARCH); break;
	case ACTION_VIEW_BOOKMARKS: app_switch(a, VIEW_BOOKMARKS); break;
	case ACTION_VIEW_SOURCE:
		ui_show_source(a->ui);
		break;
	case ACTION_BOOKMARK:
	case ACTION_NOTE:
	case ACTION_NOTE_EDITOR:
		view_bookmarks_action(a->ui, act);
		break;
	default:
		if (ui_focus_reader(a->ui) || !view_has_nav(app_view(a))) {
			if (reader_action(a->rd, act))
				break;
		}
		if (act == ACTION_FOLLOW || act == ACTION_OPEN)
			ui_message(a->ui, "%s", _("Nothing to open here."));
		break;
	}
}

static void
app_dispatch(struct app *a, uint32_t key)
{
	const struct view_ops *v = app_ops(a);
	const struct keymap *km = ui_keymap(a->ui);
	enum action act;
	bool partial;
	char name[32];

	/* A link number being typed (lynx): digits, then Enter — only where
	 * a page with numbered links is on the screen. */
	if (a->pending.n == 0 && key >= '0' && key <= '9' &&
	    view_has_reader(app_view(a))) {
		struct key_seq one = { .keys = { key }, .n = 1 };
		if (keymap_lookup(km, v->table, &one, &partial) == ACTION_NONE &&
		    !partial) {
			if (a->number < 0)
				a->number = 0;
			a->number = a->number * 10 + (int)(key - '0');
			if (a->number > 100000)
				a->number = 100000;
			return;
		}
	}
	if (a->number >= 0) {
		int n = a->number;
		a->number = -1;
		if (key == HK_ENTER) {
			if (!reader_follow_number(a->rd, n))
				ui_error(a->ui, _("No link number %d on this "
				    "page."), n);
			return;
		}
		if (key == HK_ESCAPE || key == HK_BSPACE)
			return;
	}
	if (a->pending.n >= KEY_SEQ_MAX)
		a->pending.n = 0;
	a->pending.keys[a->pending.n++] = key;
	act = keymap_lookup(km, v->table, &a->pending, &partial);
	if (partial && act == ACTION_NONE)
		return;
	if (act == ACTION_NONE) {
		bool handled = a->pending.n == 1 && v->key != NULL &&
		    v->key(app_cur(a), a->ui, key);
		if (!handled && key != HK_ESCAPE)
			ui_message(a->ui, _("%s is not bound here (? lists the "
			    "keys)"), key_seq_to_name(&a->pending, name,
			    sizeof name));
		a->pending.n = 0;
		return;
	}
	a->pending.n = 0;
	app_action(a, act);
}

static void
app_click(struct app *a)
{
	struct term_mouse m;
	const struct view_ops *v = app_ops(a);

	if (!term_mouse(&m))
		return;
	if (v->click != NULL)
		v->click(app_cur(a), a->ui, m.x, m.y, m.button);
}

/* ---- start and loop ---- */

/* Whether a place of view v can be taken up again in a new session: help
 * and the source are visits, search results and funds need their query. */
static bool
app_place_resumable(enum view_id v)
{
	return !(view_all[v]->flags & (VIEW_VISIT | VIEW_TRANSIENT));
}

/* On a clean exit: save where we are (or, in a visit, where it was
 * opened from) for the next session.  Returns a message for after the
 * screen is given back when it could not be saved, else NULL. */
static char *
app_place_save(struct app *a)
{
	struct app_place now = app_place_now(a);
	const struct app_place *pl = &now;
	struct store *st = ui_store(a->ui);
	struct store_place p = { 0 };
	char *err = NULL, *msg;
	size_t i;

	if (st == NULL || store_readonly(st))
		return NULL;
	for (i = a->hist_pos; !app_place_resumable(pl->view) && i > 0; i--)
		pl = &a->hist[i - 1];
	if (!app_place_resumable(pl->view))
		return NULL;
	p.view = (char *)view_all[pl->view]->name;
	p.reader = pl->view == VIEW_ENTITY || (pl->focus_reader &&
	    view_has_reader(pl->view));
	if (view_has_reader(pl->view) && pl->entity != NULL) {
		p.id = (char *)pl->entity->id;	/* only read */
		p.block = HMS_MAX(pl->anchor, 0);
		p.off = pl->anchor >= 0 ? pl->anchor_off : 0;
		p.skip = pl->anchor >= 0 ? pl->anchor_skip : 0;
	}
	if (store_place_save(st, &p, &err) == 0)
		return NULL;
	msg = xasprintf(_("hms: the place was not saved: %s"), err);
	free(err);
	return msg;
}

/* Start where the last session was left (view, entity, scroll).  A view
 * or entity the content no longer has is passed over quietly; a damaged
 * file is said, and the first screen shown. */
static void
app_place_resume(struct app *a)
{
	struct store *st = ui_store(a->ui);
	struct store_place p;
	struct content_entity *e = NULL;
	char *err = NULL;
	int v, rc;

	if (st == NULL)
		return;
	if ((rc = store_place_load(st, &p, &err)) < 0) {
		ui_error(a->ui, _("The saved place cannot be used (%s): "
		    "starting at the first screen."), err);
		free(err);
		return;
	}
	if (rc == 0)
		return;
	v = ui_view_from_name(a->ui, p.view);
	if (p.id != NULL)
		e = content_find(ui_content(a->ui), p.id);
	if (v < 0 || !app_place_resumable((enum view_id)v) ||
	    (p.id != NULL && e == NULL) || (v == VIEW_ENTITY && e == NULL))
		goto out;
	/* The entity view is the reader over the projects list: Back
	 * leads there, as from hms open ID. */
	if (v != VIEW_ENTITY && v != (int)app_view(a))
		app_enter(a, (enum view_id)v);
	if (e == NULL || !view_has_reader(app_view(a)))
		goto out;
	if (p.reader)
		app_open(a, e);
	else {
		view_sync_selection(a->ui, e);
		reader_preview(a->rd, e);
	}
	if (v == VIEW_ENTITY)
		app_enter(a, VIEW_ENTITY);
	reader_want_place(a->rd, (int)p.block, p.off, p.skip);
	if (a->nhist > 0)
		app_history_settle(a);
out:
	store_place_clear(&p);
}

/* --today YYYY-MM-DD: the date the roadmap takes as now. */
static void
app_parse_today(struct app *a, const char *today)
{
	int y, m, d;

	if (today == NULL)
		return;
	ui_today(a->ui, &y, &m, &d);
	sscanf(today, "%d-%d-%d", &y, &m, &d);
	ui_set_today(a->ui, y, m, d);
}

struct app_keymap_report {
	struct buf	*b;
	int		 n;
};

static void
app_keymap_report(void *arg, const char *origin, int line, const char *msg)
{
	struct app_keymap_report *r = arg;

	if (r->n++ == 0 && line > 0)
		buf_printf(r->b, "%s:%d: %s", origin, line, msg);
	else if (r->n == 1)
		buf_printf(r->b, "%s: %s", origin, msg);
}

/* Build the keymap: the default file, a preset, the user's file.  Bad
 * lines are reported (the first one on the message line) and skipped. */
struct keymap *
app_load_keymap(const char *name, char **problem)
{
	struct keymap *km = keymap_create();
	struct buf b;
	struct app_keymap_report r = { .b = &b };
	const char *preset, *xdg, *home;
	char *path = NULL;

	buf_init(&b);
	preset = keymap_preset("default");
	keymap_load_string(km, preset, strlen(preset), "default.keys",
	    app_keymap_report, &r);
	if (name != NULL && strcmp(name, "default") != 0) {
		if ((preset = keymap_preset(name)) != NULL) {
			char *origin = xasprintf("%s.keys", name);
			keymap_load_string(km, preset, strlen(preset), origin,
			    app_keymap_report, &r);
			free(origin);
		} else
			keymap_load_file(km, name, app_keymap_report, &r);
	}
	if ((xdg = getenv("XDG_CONFIG_HOME")) != NULL && *xdg != '\0')
		path = xasprintf("%s/hms/keys", xdg);
	else if ((home = getenv("HOME")) != NULL && *home != '\0')
		path = xasprintf("%s/.config/hms/keys", home);
	if (path != NULL && access(path, F_OK) == 0)
		keymap_load_file(km, path, app_keymap_report, &r);
	free(path);
	if (r.n > 1)
		buf_printf(&b, _(" (+%d more: hms --check-keymap FILE)"), r.n - 1);
	*problem = r.n > 0 ? buf_steal(&b) : NULL;
	buf_free(&b);
	return km;
}

static struct app *
app_create(const struct main_opts *mo, struct content *c)
{
	struct app *a = xcalloc(1, sizeof *a);

	a->mo = mo;
	a->ui = ui_create(c, view_all, &app_nav);
	ui_set_owner(a->ui, a);
	a->rd = reader_create(a->ui);
	ui_set_reader(a->ui, a->rd);
	a->surf = surface_create(0, 0);
	a->number = -1;
	reader_set_width(a->rd, mo != NULL && mo->reading_width >= 0 ?
	    mo->reading_width : APP_READING_WIDTH);
	app_parse_today(a, mo != NULL ? mo->today : NULL);
	app_set_store(a, mo != NULL ? mo->store : NULL);
	return a;
}

/* An app for tests: no terminal. */
struct app *
app_create_headless(struct content *c, const char *today)
{
	static struct main_opts mo;
	struct app *a;
	char *problem = NULL;

	mo.today = today;
	mo.store = NULL;
	mo.reading_width = -1;
	a = app_create(&mo, c);
	ui_set_keymap(a->ui, app_load_keymap(NULL, &problem));
	free(problem);
	app_enter(a, VIEW_PROJECTS);
	return a;
}

void
app_free(struct app *a)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < VIEW_COUNT; i++) {
		if (a->views[i] != NULL)
			view_all[i]->destroy(a->views[i]);
	}
	reader_free(a->rd);
	free(a->hist);
	ui_free(a->ui);
	surface_free(a->surf);
	free(a);
}

static void
app_feed_key(struct app *a, uint32_t key)
{
	ui_message_clear(a->ui);
	if (prompt_active(ui_prompt_line(a->ui)))
		ui_prompt_key(a->ui, key);
	else
		app_dispatch(a, key);
	ui_store_poll(a->ui);
}

/* Feed one key to a headless app (tests): each key is a full update. */
void
app_feed(struct app *a, uint32_t key)
{
	app_feed_key(a, key);
	ui_prompt_flush(a->ui);
}

void
app_feed_batch(struct app *a, const uint32_t *keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		app_feed_key(a, keys[i]);
	ui_prompt_flush(a->ui);
}

/* One key read from the terminal. */
static void
app_handle_key(struct app *a, uint32_t key)
{
	int w, h;

	if (key == HK_RESIZE) {
		/* After a resize what the terminal shows is unknown (tmux
		 * reflows the pane; a resize away and back reaches us as
		 * one of the same size): paint everything, not only what
		 * changed since the last draw. */
		term_redraw_all();
		/* Keys behind it in the same batch see the new size. */
		term_size(&w, &h);
		a->too_small = w < APP_MIN_W || h < APP_MIN_H;
		return;
	}
	if (a->too_small) {
		/* The terminal may have grown already, its resize signal
		 * still on the way: then the key counts. */
		term_size_now(&w, &h);
		a->too_small = w < APP_MIN_W || h < APP_MIN_H;
	}
	if (a->too_small) {
		/* Only quitting works until the screen is big enough. */
		if (key == 'q' || key == (HK_CTRL | 'c'))
			ui_quit(a->ui);
		return;
	}
	if (key == HK_MOUSE) {
		app_click(a);
		return;
	}
	app_feed_key(a, key);
}

static long
app_elapsed_ms(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 +
	    (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

/* The first screen: the entity asked for, or where the last session
 * left off; and the first message (a problem first). */
static void
app_start(struct app *a, const struct main_opts *mo, const char *id,
    char *problem)
{
	struct content_entity *e;

	ui_set_focus_reader(a->ui, false);
	app_enter(a, VIEW_PROJECTS);
	if (id != NULL) {
		e = content_find(ui_content(a->ui), id);
		/* A section opens in the outline, where its chapter is. */
		if (e != NULL && e->type == CONTENT_SECTION)
			app_enter(a, VIEW_OUTLINE);
		if (e != NULL)
			app_open(a, e);
		else
			ui_error(a->ui, _("No entity with id %s."), id);
	} else if (!mo->fresh)
		app_place_resume(a);
	if (problem != NULL)
		ui_error(a->ui, "%s", problem);
	else if (ui_message_text(a->ui, NULL) != NULL || ui_store_poll(a->ui))
		;	/* the id's error, or the store's: read-only, damaged */
	else if (mo->locale_note)
		ui_message(a->ui, "%s", _("LANG is not UTF-8: using C.UTF-8 "
		    "to show Japanese."));
	else
		ui_message(a->ui, "%s", _("hms: p projects, o outline, "
		    "/ search, : go to, ? help, q quit"));
}

int
app_run(const struct main_opts *mo, struct content *c, const char *id)
{
	struct app *a;
	struct term_opts to = {
		.no_color = mo->no_color || (getenv("NO_COLOR") != NULL &&
		    *getenv("NO_COLOR") != '\0'),
		.no_mouse = mo->no_mouse,
	};
	char *err = NULL, *problem = NULL, *unsaved = NULL;
	enum term_event ev;
	struct timespec t0;
	uint32_t key;
	int status, sig;

	a = app_create(mo, c);
	ui_set_keymap(a->ui, app_load_keymap(mo->keymap, &problem));
	/* The keys file's setting, unless the command line made one. */
	if (mo->reading_width < 0 && keymap_setting(ui_keymap(a->ui),
	    KEYMAP_SET_READING_WIDTH) >= 0)
		reader_set_width(a->rd, keymap_setting(ui_keymap(a->ui),
		    KEYMAP_SET_READING_WIDTH));
	/* --ambiwidth auto: ask the terminal how wide it draws ①, before
	 * ncurses starts, so that both count ambiguous characters alike. */
	if (mo->ambiwidth < 0) {
		int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
		int w = fd >= 0 ? term_probe_ambiwidth(fd, 200) : 0;
		if (fd >= 0)
			close(fd);
		if (w > 0)
			text_set_ambiwidth(w);
	}
	if (term_init(&to, &err) != 0) {
		fprintf(stderr, "hms: %s\n", err);
		free(err);
		free(problem);
		app_free(a);
		return 2;
	}
	app_start(a, mo, id, problem);
	free(problem);

	while (!ui_quitting(a->ui)) {
		ui_prompt_flush(a->ui);
		app_draw(a);
		ev = term_read_key(-1, &key);
		/* Keys already waiting (a paste, a held key, a burst of
		 * resizes) are handled together for up to APP_BATCH_MS before
		 * the next search and draw, so that the screen keeps up with
		 * the keyboard instead of replaying every key. */
		clock_gettime(CLOCK_MONOTONIC, &t0);
		while (ev == TERM_KEY && !ui_quitting(a->ui)) {
			app_handle_key(a, key);
			if (ui_quitting(a->ui) ||
			    app_elapsed_ms(&t0) >= APP_BATCH_MS)
				break;
			ev = term_read_key(0, &key);
		}
		if (ev == TERM_SIGNAL || ev == TERM_HANGUP) {
			sig = term_signal();
			a->status = sig != 0 ? 128 + sig : 129;
			break;
		}
	}
	/* Only a clean exit (q, :q) moves the saved place: a session that
	 * was killed or hung up leaves the last one as it was. */
	if (ui_quitting(a->ui))
		unsaved = app_place_save(a);
	term_fini();
	if (unsaved != NULL) {
		out_text(stderr, unsaved);
		fputc('\n', stderr);
		free(unsaved);
	}
	status = a->status;
	app_free(a);
	return status;
}
