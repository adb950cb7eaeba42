/* app.c — the interface: state, the loop, history, prompts, the reader. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "content-load.h"
#include "content.h"
#include "i18n.h"
#include "keymap.h"
#include "main.h"
#include "output.h"
#include "search.h"
#include "store.h"
#include "term.h"
#include "term-probe.h"
#include "text.h"
#include "util.h"
#include "view.h"

#define APP_HISTORY_MAX 200
#define APP_PROMPT_HISTORY_MAX 200
#define APP_MIN_W 16
#define APP_MIN_H 4
#define APP_BATCH_MS 100	/* longest run of keys between two draws */
#define APP_READING_WIDTH 100	/* the reader's default column limit */

enum {
	APP_FOCUS_NAV,
	APP_FOCUS_READER
};

struct app_place {
	enum app_view		 view;
	int			 focus;
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

struct app_reader {
	struct content_entity	*entity;
	struct page		*page;
	int			 width;		/* of the page */
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

struct app_history_list {
	char	*name;
	char   **items;
	size_t	 n;
};

struct app_prompt {
	bool			 active;
	char			*label;
	struct buf		 text;
	size_t			 cursor;	/* byte offset */
	app_prompt_fn		*changed;
	app_prompt_fn		*done;
	bool			 dirty;		/* edited since changed() ran */
	struct app_history_list	*hist;
	int			 hist_pos;	/* -1: editing the new line */
	char			*saved;
	/* completion for goto */
	char		       **cands;
	size_t			 ncands;
	size_t			 cand;
	char			*cand_base;
};

struct app {
	const struct main_opts	*mo;
	struct content		*c;
	struct search_index	*idx;
	struct keymap		*km;
	struct surface		*surf;
	struct store		*store;		/* NULL: nothing is kept */
	bool			 store_failed;	/* a history write failed */

	enum app_view		 view;
	void			*vstate[VIEW_COUNT];
	int			 focus;
	struct app_reader	 rd;

	struct app_place	*hist;
	size_t			 nhist, hist_pos, histcap;

	struct app_prompt	 prompt;
	struct app_history_list	 phist[4];

	char			*message;
	bool			 message_error;

	struct key_seq		 pending;
	int			 number;	/* link number being typed, or -1 */

	int			 reading_width;	/* wrap pages to at most this
						 * many columns; 0: the pane's */

	bool			 quit;
	int			 status;
	int			 today_y, today_m, today_d;
	bool			 too_small;
};

/* ---- views ---- */

static const struct view_ops *const app_views[VIEW_COUNT] = {
	[VIEW_OUTLINE] = &view_outline_ops,
	[VIEW_PROJECTS] = &view_projects_ops,
	[VIEW_DISEASES] = &view_diseases_ops,
	[VIEW_KPIS] = &view_kpis_ops,
	[VIEW_PROGRAMS] = &view_programs_ops,
	[VIEW_ROADMAP] = &view_roadmap_ops,
	[VIEW_GLOSSARY] = &view_glossary_ops,
	[VIEW_COMPARE] = &view_compare_ops,
	[VIEW_SEARCH] = &view_search_ops,
	[VIEW_BOOKMARKS] = &view_bookmarks_ops,
	[VIEW_ENTITY] = &view_entity_ops,
	[VIEW_SOURCE] = &view_source_ops,
	[VIEW_HELP] = &view_help_ops,
	[VIEW_FUNDS] = &view_funds_ops,
};

const struct view_ops *
app_view_ops(enum app_view v)
{
	return app_views[v];
}

int
app_view_from_name(const char *name)
{
	int i;

	for (i = 0; i < VIEW_COUNT; i++) {
		if (strcmp(app_views[i]->name, name) == 0)
			return i;
	}
	return -1;
}

const struct content *
app_content(struct app *a)
{
	return a->c;
}

struct search_index *
app_search_index(struct app *a)
{
	/* Built on the first search, not at start: most sessions read
	 * before they search, and the first screen comes sooner. */
	if (a->idx == NULL)
		a->idx = search_index_build(a->c);
	return a->idx;
}

void *
app_view_state(struct app *a, enum app_view v)
{
	return a->vstate[v];
}

void
app_set_view_state(struct app *a, enum app_view v, void *state)
{
	a->vstate[v] = state;
}

enum app_view
app_current_view(struct app *a)
{
	return a->view;
}

struct store *
app_store(struct app *a)
{
	return a->store;
}

/* The prompts' histories start with what earlier sessions typed. */
static void app_prompt_history_add(struct app_history_list *h,
    const char *s);
static struct app_history_list *app_prompt_history(struct app *a,
    const char *name);

void
app_set_store(struct app *a, struct store *st)
{
	const struct store_query *q;
	size_t i;

	a->store = st;
	for (i = 0; st != NULL && i < store_query_count(st); i++) {
		q = store_query_at(st, i);
		app_prompt_history_add(app_prompt_history(a, q->name), q->text);
	}
}

/* History writes happen on the way (visits, queries): a failure is
 * said once, and not at all when the store said it is read-only. */
static void
app_store_failed(struct app *a, char *err)
{
	if (err != NULL && !a->store_failed && !store_readonly(a->store))
		app_error(a, _("History not saved: %s"), err);
	a->store_failed = true;
	free(err);
}

int
app_run_external(struct app *a, char *const argv[])
{
	(void)a;
	return term_run_external(argv);
}

/* Show the store's next message (a damaged file moved aside, read-only)
 * when the message line is free.  Returns whether there was one. */
static bool
app_store_poll(struct app *a)
{
	char *m;

	if (a->store == NULL || a->message != NULL || a->prompt.active)
		return false;
	if ((m = store_take_message(a->store)) == NULL)
		return false;
	app_error(a, "%s", m);
	free(m);
	return true;
}

const struct keymap *
app_keymap(struct app *a)
{
	return a->km;
}

bool
app_focus_reader(struct app *a)
{
	return a->focus == APP_FOCUS_READER;
}

void
app_set_focus_reader(struct app *a, bool reader)
{
	a->focus = reader ? APP_FOCUS_READER : APP_FOCUS_NAV;
}

void
app_today(struct app *a, int *y, int *m, int *d)
{
	*y = a->today_y;
	*m = a->today_m;
	*d = a->today_d;
}

/* ---- messages ---- */

static void
app_vmessage(struct app *a, bool error, const char *fmt, va_list ap)
{
	free(a->message);
	a->message = xvasprintf(fmt, ap);
	a->message_error = error;
}

void
app_message(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	app_vmessage(a, false, fmt, ap);
	va_end(ap);
}

void
app_error(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	app_vmessage(a, true, fmt, ap);
	va_end(ap);
}

/* ---- the reader ---- */

static void
app_reader_clear_marks(struct app *a)
{
	free(a->rd.marks);
	a->rd.marks = NULL;
	a->rd.nmarks = 0;
	a->rd.match = -1;
}

static void
app_reader_invalidate(struct app *a)
{
	page_free(a->rd.page);
	a->rd.page = NULL;
}

static void
app_reader_clear_find(struct app *a)
{
	search_finder_free(a->rd.find);
	a->rd.find = NULL;
}

/* The place of the top line: its anchor and which of the lines holding
 * that anchor it is (a blank line and the text after it share one). */
static void
app_reader_anchor(struct app *a, int *anchor, size_t *off, int *skip)
{
	*anchor = -1;
	*off = 0;
	*skip = 0;
	if (a->rd.page != NULL && a->rd.top >= 0 &&
	    a->rd.top < (int)a->rd.page->nlines) {
		*anchor = a->rd.page->lines[a->rd.top].anchor;
		*off = a->rd.page->lines[a->rd.top].anchor_off;
		*skip = page_line_skip(a->rd.page, a->rd.top);
	} else if (a->rd.want_anchor >= 0) {
		*anchor = a->rd.want_anchor;
		*off = a->rd.want_anchor_off;
		*skip = a->rd.want_anchor_skip;
	}
}

static void
app_reader_set(struct app *a, struct content_entity *e, int anchor,
    size_t anchor_off)
{
	if (a->rd.entity != e) {
		app_reader_invalidate(a);
		app_reader_clear_find(a);
	}
	a->rd.entity = e;
	a->rd.top = 0;
	a->rd.active = -1;
	a->rd.match = -1;
	a->rd.want_anchor = anchor;
	a->rd.want_anchor_off = anchor_off;
	a->rd.want_anchor_skip = 0;
}

struct content_entity *
app_reader_entity(struct app *a)
{
	return a->rd.entity;
}

struct content_entity *
app_selection(struct app *a)
{
	const struct view_ops *v = app_views[a->view];

	if (a->view == VIEW_ENTITY || (a->focus == APP_FOCUS_READER &&
	    view_has_reader(a->view)))
		return a->rd.entity;
	if (v->selection != NULL)
		return v->selection(a);
	return a->rd.entity;
}

void
app_reader_set_marks(struct app *a, const struct page_mark *marks, size_t n)
{
	app_reader_clear_marks(a);
	app_reader_clear_find(a);
	if (n > 0) {
		a->rd.marks = xcalloc(n, sizeof *marks);
		memcpy(a->rd.marks, marks, n * sizeof *marks);
		a->rd.nmarks = n;
		a->rd.want_match = true;
	}
	a->rd.want_last = false;
	a->rd.match = -1;
	app_reader_invalidate(a);
}

static void
app_reader_layout(struct app *a, int w)
{
	int line;

	if (a->rd.entity == NULL)
		return;
	/* Lines longer than this are hard to read on a wide terminal: the
	 * page keeps to the left, the rest of the pane stays blank. */
	if (a->reading_width > 0 && w > a->reading_width)
		w = a->reading_width;
	if (a->rd.page != NULL && a->rd.width == w)
		return;
	if (a->rd.page != NULL && a->rd.want_anchor < 0)
		app_reader_anchor(a, &a->rd.want_anchor, &a->rd.want_anchor_off,
		    &a->rd.want_anchor_skip);
	app_reader_invalidate(a);
	a->rd.page = layout_entity_find(a->c, a->rd.entity, w, a->rd.marks,
	    a->rd.nmarks, a->store != NULL ? store_note_text(a->store,
	    a->rd.entity->id) : NULL, a->rd.find);
	a->rd.width = w;
	if (a->rd.want_match && a->rd.page->nmatch_lines > 0) {
		a->rd.match = a->rd.want_last ?
		    (int)a->rd.page->nmatch_lines - 1 : 0;
		a->rd.top = HMS_MAX(a->rd.page->match_lines[a->rd.match] - 2,
		    0);
		a->rd.want_match = false;
		a->rd.want_last = false;
	} else if (a->rd.want_anchor >= 0) {
		line = page_find_place(a->rd.page, a->rd.want_anchor,
		    a->rd.want_anchor_off, a->rd.want_anchor_skip);
		a->rd.top = line;
	}
	a->rd.want_anchor = -1;
	if (a->rd.active >= (int)a->rd.page->nlinks)
		a->rd.active = -1;
}

void
app_reader_refresh(struct app *a)
{
	if (a->rd.page != NULL && a->rd.want_anchor < 0)
		app_reader_anchor(a, &a->rd.want_anchor, &a->rd.want_anchor_off,
		    &a->rd.want_anchor_skip);
	app_reader_invalidate(a);
}

void
app_set_reading_width(struct app *a, int width)
{
	a->reading_width = width;
	app_reader_refresh(a);
}

int
app_reading_width(struct app *a)
{
	return a->reading_width;
}

static void
app_reader_clamp(struct app *a)
{
	int max;

	if (a->rd.page == NULL)
		return;
	max = (int)a->rd.page->nlines - HMS_MAX(a->rd.height, 1);
	if (a->rd.top > max)
		a->rd.top = max;
	if (a->rd.top < 0)
		a->rd.top = 0;
}

void
app_reader_draw(struct app *a, struct surface *s, int x, int y, int w, int h,
    bool focused)
{
	(void)focused;
	a->rd.x = x;
	a->rd.y = y;
	a->rd.height = h;
	if (a->rd.entity == NULL) {
		surface_fill(s, x, y, w, h, STYLE_NORMAL);
		surface_puts(s, x + 1, y + 1, w - 2,
		    _("Nothing selected. Press ? for help."), STYLE_DIM);
		return;
	}
	app_reader_layout(a, w);
	app_reader_clamp(a);
	page_draw(a->rd.page, s, x, y, w, h, a->rd.top, a->rd.active);
}

/* Select the next link after (or before) the current one that is on the
 * screen or below it, scrolling to it. */
static void
app_reader_move_link(struct app *a, int dir)
{
	struct page *p = a->rd.page;
	int i, n;

	if (p == NULL || p->nlinks == 0) {
		app_message(a, "%s", _("No links on this page."));
		return;
	}
	n = (int)p->nlinks;
	if (a->rd.active < 0) {
		/* Start from the first link on screen. */
		for (i = dir > 0 ? 0 : n - 1; i >= 0 && i < n; i += dir) {
			if (p->links[i].line >= a->rd.top &&
			    p->links[i].line < a->rd.top + a->rd.height)
				break;
		}
		if (i < 0 || i >= n)
			i = dir > 0 ? 0 : n - 1;
	} else
		i = (a->rd.active + dir + n) % n;
	a->rd.active = i;
	if (p->links[i].line < a->rd.top)
		a->rd.top = p->links[i].line;
	else if (p->links[i].line >= a->rd.top + a->rd.height)
		a->rd.top = p->links[i].line - a->rd.height / 2;
}

static void
app_follow_link(struct app *a, int link)
{
	struct page_link *l;

	if (a->rd.page == NULL || link < 0 || link >= (int)a->rd.page->nlinks)
		return;
	l = &a->rd.page->links[link];
	if (l->prov != NULL)
		app_open_source(a, l->prov);
	else if (l->entity != NULL)
		app_open(a, l->entity);
}

/* Make the current match the next (dir > 0) or previous one on the page,
 * scrolling only when it is off the screen; false at either end, where
 * n and N go on to the next hit.  With no current match (the page was
 * scrolled by hand, or never laid out) the first one below the top of
 * the screen (or above its bottom) is the next.  The scroll position
 * is clamped first: near the end of a page rd.top may still hold a
 * wish the last draw could not grant. */
static bool
app_reader_next_match(struct app *a, int dir)
{
	struct page *p = a->rd.page;
	int i, n, h = HMS_MAX(a->rd.height, 1), line;

	if (p == NULL || p->nmatch_lines == 0)
		return false;
	app_reader_clamp(a);
	n = (int)p->nmatch_lines;
	if (a->rd.match >= 0 && a->rd.match < n &&
	    p->match_lines[a->rd.match] >= a->rd.top &&
	    p->match_lines[a->rd.match] < a->rd.top + h)
		i = a->rd.match + dir;
	else if (dir > 0) {
		for (i = 0; i < n && p->match_lines[i] < a->rd.top; i++)
			;
	} else {
		for (i = n - 1; i >= 0 && p->match_lines[i] >= a->rd.top + h;
		    i--)
			;
	}
	if (i < 0 || i >= n)
		return false;
	a->rd.match = i;
	line = p->match_lines[i];
	if (line < a->rd.top || line >= a->rd.top + h)
		a->rd.top = HMS_MAX(line - 2, 0);
	return true;
}

bool
app_reader_searchable(struct app *a)
{
	return a->rd.entity != NULL && (a->view == VIEW_ENTITY ||
	    (a->focus == APP_FOCUS_READER && view_has_reader(a->view)));
}

int
app_reader_top(struct app *a)
{
	return a->rd.top;
}

int
app_reader_find(struct app *a, const char *pattern, int top, bool *wrapped)
{
	struct page *p;
	int i, n, h = HMS_MAX(a->rd.height, 1), line;

	*wrapped = false;
	app_reader_clear_marks(a);
	app_reader_clear_find(a);
	if (pattern != NULL)
		a->rd.find = search_finder_create(pattern);
	/* Laid out again now, at the width last drawn, for the count: the
	 * same width wraps the same lines, so top stays where it was. */
	app_reader_invalidate(a);
	a->rd.want_match = false;
	a->rd.want_anchor = -1;
	a->rd.top = top;
	if (a->rd.entity == NULL || a->rd.width <= 0)
		return 0;
	app_reader_layout(a, a->rd.width);
	p = a->rd.page;
	if (a->rd.find == NULL || p->nmatch_lines == 0)
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
	a->rd.match = i;
	line = p->match_lines[i];
	if (line < top || line >= top + h)
		a->rd.top = HMS_MAX(line - 2, 0);
	return n;
}

/* n and N under an in-page search: the next match, round the page. */
static void
app_reader_find_step(struct app *a, int dir)
{
	struct page *p = a->rd.page;
	int h = HMS_MAX(a->rd.height, 1), line;

	if (p == NULL || p->nmatch_lines == 0) {
		app_message(a, "%s", _("Not on this page. / then Enter "
		    "searches all content."));
		return;
	}
	if (app_reader_next_match(a, dir))
		return;
	a->rd.match = dir > 0 ? 0 : (int)p->nmatch_lines - 1;
	line = p->match_lines[a->rd.match];
	if (line < a->rd.top || line >= a->rd.top + h)
		a->rd.top = HMS_MAX(line - 2, 0);
	app_message(a, "%s", dir > 0 ?
	    _("Search hit the end of the page, continuing at the top.") :
	    _("Search hit the top of the page, continuing at the end."));
}

/* The section after (dir > 0) or before e in its document's order (a
 * depth-first walk of the chapter tree), or NULL at either end. */
static struct content_entity *
app_section_step(struct content_entity *e, int dir)
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

/* ] and [ (and Space at the end of a page): the next or previous
 * section in document order, opened where the reader is. */
static bool
app_section_go(struct app *a, int dir)
{
	struct content_entity *e = app_selection(a), *to;

	if (e == NULL || e->type != CONTENT_SECTION) {
		app_message(a, "%s", _("] and [ move between the sections of a "
		    "document (o: the outline)."));
		return false;
	}
	if ((to = app_section_step(e, dir)) == NULL) {
		app_message(a, "%s", dir > 0 ? _("The last section of this "
		    "document.") : _("The first section of this document."));
		return false;
	}
	app_open(a, to);
	return true;
}

bool
app_reader_action(struct app *a, enum action act)
{
	int h = HMS_MAX(a->rd.height, 1);

	if (a->rd.entity == NULL)
		return false;
	switch (act) {
	case ACTION_UP:
		a->rd.top--;
		break;
	case ACTION_DOWN:
		a->rd.top++;
		break;
	case ACTION_PAGE_UP:
		a->rd.top -= HMS_MAX(h - 1, 1);
		break;
	case ACTION_PAGE_DOWN:
		/* At the end of a section's page, paging on continues into
		 * the next section, as Space does in info. */
		if (a->rd.page != NULL && a->rd.entity->type ==
		    CONTENT_SECTION && a->rd.top + h >= (int)a->rd.page->nlines) {
			if (app_section_step(a->rd.entity, 1) != NULL) {
				app_open(a, app_section_step(a->rd.entity, 1));
				return true;
			}
			app_message(a, "%s", _("The last section of this document."));
		}
		a->rd.top += HMS_MAX(h - 1, 1);
		break;
	case ACTION_HALF_UP:
		a->rd.top -= HMS_MAX(h / 2, 1);
		break;
	case ACTION_HALF_DOWN:
		a->rd.top += HMS_MAX(h / 2, 1);
		break;
	case ACTION_TOP:
		a->rd.top = 0;
		break;
	case ACTION_BOTTOM:
		a->rd.top = a->rd.page != NULL ? (int)a->rd.page->nlines : 0;
		break;
	case ACTION_NEXT_LINK:
		app_reader_move_link(a, 1);
		break;
	case ACTION_PREV_LINK:
		app_reader_move_link(a, -1);
		break;
	case ACTION_FOLLOW:
	case ACTION_OPEN:
		if (a->rd.active < 0) {
			app_message(a, "%s", _("Select a link with Tab, or type its number and Enter."));
			return true;
		}
		app_follow_link(a, a->rd.active);
		return true;
	default:
		return false;
	}
	app_reader_clamp(a);
	return true;
}

bool
app_reader_click(struct app *a, int x, int y, int button)
{
	int link;

	if (a->rd.page == NULL)
		return false;
	if (button == 4) {
		a->rd.top -= 3;
		app_reader_clamp(a);
		return true;
	}
	if (button == 5) {
		a->rd.top += 3;
		app_reader_clamp(a);
		return true;
	}
	link = page_link_at(a->rd.page, a->rd.top + y - a->rd.y, x - a->rd.x);
	if (link < 0)
		return false;
	a->rd.active = link;
	app_follow_link(a, link);
	return true;
}

/* ---- history ---- */

static struct app_place
app_place_now(struct app *a)
{
	struct app_place p = {
		.view = a->view, .focus = a->focus, .entity = a->rd.entity,
		.marks = a->rd.nmarks > 0, .link = a->rd.active,
	};
	const struct view_ops *v = app_views[a->view];

	app_reader_anchor(a, &p.anchor, &p.anchor_off, &p.anchor_skip);
	p.place = v->save != NULL ? v->save(a) : 0;
	return p;
}

static void
app_place_restore(struct app *a, const struct app_place *p)
{
	const struct view_ops *v;

	a->view = p->view;
	v = app_views[a->view];
	if (v->enter != NULL)
		v->enter(a);
	if (v->restore != NULL)
		v->restore(a, p->place);
	a->focus = p->focus;
	if (!p->marks)
		app_reader_clear_marks(a);
	app_reader_set(a, p->entity, p->anchor, p->anchor_off);
	a->rd.want_anchor_skip = p->anchor_skip;
	/* Checked against the page when it is laid out. */
	a->rd.active = p->link;
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
		app_message(a, "%s", dir < 0 ? _("At the start of history.") :
		    _("At the end of history."));
		return;
	}
	a->hist[a->hist_pos] = app_place_now(a);
	a->hist_pos = (size_t)((int)a->hist_pos + dir);
	app_place_restore(a, &a->hist[a->hist_pos]);
}

void
app_open(struct app *a, struct content_entity *e)
{
	char *err = NULL;

	if (e == NULL)
		return;
	if (a->store != NULL && store_visit_add(a->store, e->id, &err) != 0)
		app_store_failed(a, err);
	app_history_push(a);
	/* Full-screen views hand over to the full-width reader. */
	if (!view_has_reader(a->view))
		a->view = VIEW_ENTITY;
	if (app_views[a->view]->enter != NULL)
		app_views[a->view]->enter(a);
	if (e != a->rd.entity)
		app_reader_clear_marks(a);
	app_reader_set(a, e, -1, 0);
	a->focus = APP_FOCUS_READER;
	view_sync_selection(a, e);
	app_history_settle(a);
}

void
app_open_marked(struct app *a, struct content_entity *e,
    const struct page_mark *marks, size_t n)
{
	app_open(a, e);
	app_reader_set_marks(a, marks, n);
	app_history_settle(a);
}

void
app_preview(struct app *a, struct content_entity *e)
{
	if (e == a->rd.entity)
		return;
	app_reader_clear_marks(a);
	app_reader_set(a, e, -1, 0);
}

void
app_preview_marked(struct app *a, struct content_entity *e,
    const struct page_mark *marks, size_t n)
{
	app_reader_set(a, e, -1, 0);
	app_reader_set_marks(a, marks, n);
}

/* A list view just became current: it selects the entity being read
 * when it lists it, else the reader shows what the list has selected.
 * Either way the list, the reader and the breadcrumbs agree. */
static void
app_switch_sync(struct app *a)
{
	const struct view_ops *v = app_views[a->view];

	if (!view_has_reader(a->view) || a->view == VIEW_ENTITY ||
	    v->selection == NULL)
		return;
	if (a->rd.entity != NULL) {
		view_sync_selection(a, a->rd.entity);
		if (v->selection(a) == a->rd.entity)
			return;
	}
	app_preview(a, v->selection(a));
}

void
app_switch(struct app *a, enum app_view v)
{
	if (v == a->view && v != VIEW_HELP) {
		a->focus = APP_FOCUS_NAV;
		return;
	}
	app_history_push(a);
	a->view = v;
	a->focus = APP_FOCUS_NAV;
	if (app_views[v]->enter != NULL)
		app_views[v]->enter(a);
	app_switch_sync(a);
	app_history_settle(a);
}

void
app_open_source(struct app *a, const struct content_prov *p)
{
	app_history_push(a);
	a->view = VIEW_SOURCE;
	view_source_show(a, p);
	app_history_settle(a);
}

/* Help and the source view are visits, not places of their own: closing
 * one returns to where it was opened (q in less, tig and htop).  Only
 * when there is nowhere to return to does the projects list come up. */
static void
app_close(struct app *a)
{
	if (a->view != VIEW_HELP && a->view != VIEW_SOURCE)
		return;
	if (a->nhist > 0 && a->hist_pos > 0)
		app_history_go(a, -1);
	else
		app_switch(a, VIEW_PROJECTS);
}

void
app_show_source(struct app *a)
{
	struct content_entity *e;

	if (a->view == VIEW_SOURCE)
		return;
	e = app_selection(a);
	if (e != NULL && e->nprov > 0)
		app_open_source(a, &e->prov[0]);
	else if (e != NULL)
		app_message(a, _("%s gives no source lines."), e->id);
	else
		app_message(a, "%s", _("Select or open an entity first."));
}

void
app_quit(struct app *a)
{
	a->quit = true;
}

/* ---- prompts ---- */

static struct app_history_list *
app_prompt_history(struct app *a, const char *name)
{
	size_t i;

	if (name == NULL)
		return NULL;
	for (i = 0; i < HMS_NELEM(a->phist); i++) {
		if (a->phist[i].name != NULL &&
		    strcmp(a->phist[i].name, name) == 0)
			return &a->phist[i];
	}
	for (i = 0; i < HMS_NELEM(a->phist); i++) {
		if (a->phist[i].name == NULL) {
			a->phist[i].name = xstrdup(name);
			return &a->phist[i];
		}
	}
	return NULL;
}

static void
app_prompt_history_add(struct app_history_list *h, const char *s)
{
	if (h == NULL || *s == '\0')
		return;
	if (h->n > 0 && strcmp(h->items[h->n - 1], s) == 0)
		return;
	if (h->n == APP_PROMPT_HISTORY_MAX) {
		free(h->items[0]);
		memmove(h->items, h->items + 1, (h->n - 1) * sizeof *h->items);
		h->n--;
	}
	h->items = xreallocarray(h->items, h->n + 1, sizeof *h->items);
	h->items[h->n++] = xstrdup(s);
}

static void
app_prompt_free_cands(struct app_prompt *p)
{
	size_t i;

	for (i = 0; i < p->ncands; i++)
		free(p->cands[i]);
	free(p->cands);
	p->cands = NULL;
	p->ncands = 0;
	free(p->cand_base);
	p->cand_base = NULL;
}

void
app_prompt(struct app *a, const char *label, const char *history,
    const char *initial, app_prompt_fn *changed, app_prompt_fn *done)
{
	struct app_prompt *p = &a->prompt;

	free(p->label);
	p->label = xstrdup(label);
	buf_reset(&p->text);
	buf_adds(&p->text, initial != NULL ? initial : "");
	p->cursor = p->text.len;
	p->changed = changed;
	p->done = done;
	p->hist = app_prompt_history(a, history);
	p->hist_pos = -1;
	free(p->saved);
	p->saved = NULL;
	app_prompt_free_cands(p);
	p->active = true;
	if (changed != NULL)
		changed(a, p->text.data != NULL ? p->text.data : "");
}

void
app_prompt_set_label(struct app *a, const char *label)
{
	free(a->prompt.label);
	a->prompt.label = xstrdup(label);
}

const char *
app_prompt_text(struct app *a)
{
	return a->prompt.active && a->prompt.text.data != NULL ?
	    a->prompt.text.data : "";
}

static void
app_prompt_set(struct app *a, const char *s)
{
	buf_reset(&a->prompt.text);
	buf_adds(&a->prompt.text, s);
	a->prompt.cursor = a->prompt.text.len;
}

/* An edit only marks the prompt: changed() (an incremental search) runs
 * once before the next draw, not once per key of a paste or of a held
 * key. */
static void
app_prompt_edited(struct app *a)
{
	app_prompt_free_cands(&a->prompt);
	a->prompt.dirty = true;
}

static void
app_prompt_flush(struct app *a)
{
	struct app_prompt *p = &a->prompt;

	if (!p->dirty)
		return;
	p->dirty = false;
	if (p->active && p->changed != NULL)
		p->changed(a, p->text.data != NULL ? p->text.data : "");
}

static size_t
app_utf8_prev(const char *s, size_t off)
{
	if (off == 0)
		return 0;
	off--;
	while (off > 0 && ((unsigned char)s[off] & 0xc0) == 0x80)
		off--;
	return off;
}

static void
app_prompt_insert(struct app *a, const char *s, size_t n)
{
	struct app_prompt *p = &a->prompt;

	/* In place: a paste of thousands of characters stays linear. */
	buf_reserve(&p->text, n + 1);
	memmove(p->text.data + p->cursor + n, p->text.data + p->cursor,
	    p->text.len - p->cursor);
	memcpy(p->text.data + p->cursor, s, n);
	p->text.len += n;
	p->text.data[p->text.len] = '\0';
	p->cursor += n;
}

static void
app_prompt_delete(struct app *a, size_t from, size_t to)
{
	struct app_prompt *p = &a->prompt;

	if (to <= from || to > p->text.len)
		return;
	memmove(p->text.data + from, p->text.data + to, p->text.len - to + 1);
	p->text.len -= to - from;
	if (p->cursor > to)
		p->cursor -= to - from;
	else if (p->cursor > from)
		p->cursor = from;
}

static void
app_prompt_close(struct app *a)
{
	a->prompt.active = false;
	a->prompt.dirty = false;
	app_prompt_free_cands(&a->prompt);
}

/* Goto completion: cycle through view names, ids and titles that start
 * with the typed text. */
void
app_prompt_set_candidates(struct app *a, char **cands, size_t n)
{
	struct app_prompt *p = &a->prompt;

	app_prompt_free_cands(p);
	p->cands = cands;
	p->ncands = n;
	p->cand = 0;
}

static void
app_prompt_complete(struct app *a)
{
	struct app_prompt *p = &a->prompt;

	if (p->ncands == 0) {
		view_goto_candidates(a, p->text.data != NULL ? p->text.data : "");
		if (p->ncands == 0) {
			app_message(a, "%s", _("No completion."));
			return;
		}
		p->cand_base = xstrdup(p->text.data != NULL ? p->text.data : "");
	} else
		p->cand = (p->cand + 1) % p->ncands;
	app_prompt_set(a, p->cands[p->cand]);
	if (p->ncands > 1)
		app_message(a, _("%zu/%zu completions (Tab for the next)"),
		    p->cand + 1, p->ncands);
}

static void
app_prompt_action(struct app *a, enum action act)
{
	struct app_prompt *p = &a->prompt;
	char *text;
	app_prompt_fn *done;
	size_t i;

	switch (act) {
	case ACTION_PROMPT_ACCEPT:
		/* What typing did to the prompt comes first, as if each key
		 * had been drawn: Enter in the same batch as the keys before
		 * it (a paste, a slow machine) accepts what a person would
		 * have seen.  The callback may replace the prompt (/ at the
		 * start of the page prompt opens the all-content one). */
		app_prompt_flush(a);
		if (!p->active)
			return;
		text = xstrdup(p->text.data != NULL ? p->text.data : "");
		app_prompt_history_add(p->hist, text);
		if (p->hist != NULL && a->store != NULL && *text != '\0') {
			char *err = NULL;
			if (store_query_add(a->store, p->hist->name, text,
			    &err) != 0)
				app_store_failed(a, err);
		}
		done = p->done;
		app_prompt_close(a);
		if (done != NULL)
			done(a, text);
		free(text);
		return;
	case ACTION_PROMPT_CANCEL:
		done = p->done;
		app_prompt_close(a);
		if (done != NULL)
			done(a, NULL);
		return;
	case ACTION_PROMPT_BACKSPACE:
		app_prompt_delete(a, app_utf8_prev(p->text.data, p->cursor),
		    p->cursor);
		break;
	case ACTION_PROMPT_DELETE:
		if (p->cursor < p->text.len)
			app_prompt_delete(a, p->cursor, text_cluster_end(
			    p->text.data, p->text.len, p->cursor));
		break;
	case ACTION_PROMPT_LEFT:
		p->cursor = app_utf8_prev(p->text.data, p->cursor);
		return;
	case ACTION_PROMPT_RIGHT:
		if (p->cursor < p->text.len)
			p->cursor = text_cluster_end(p->text.data, p->text.len,
			    p->cursor);
		return;
	case ACTION_PROMPT_HOME:
		p->cursor = 0;
		return;
	case ACTION_PROMPT_END:
		p->cursor = p->text.len;
		return;
	case ACTION_PROMPT_KILL:
		app_prompt_set(a, "");
		break;
	case ACTION_PROMPT_KILL_WORD:
		i = p->cursor;
		while (i > 0 && p->text.data[i - 1] == ' ')
			i--;
		while (i > 0 && p->text.data[i - 1] != ' ')
			i = app_utf8_prev(p->text.data, i);
		app_prompt_delete(a, i, p->cursor);
		break;
	case ACTION_PROMPT_HISTORY_PREV:
	case ACTION_PROMPT_HISTORY_NEXT:
		if (p->hist == NULL || p->hist->n == 0)
			return;
		if (p->hist_pos < 0) {
			free(p->saved);
			p->saved = xstrdup(p->text.data != NULL ? p->text.data : "");
			p->hist_pos = (int)p->hist->n;
		}
		p->hist_pos += act == ACTION_PROMPT_HISTORY_PREV ? -1 : 1;
		if (p->hist_pos < 0)
			p->hist_pos = 0;
		if (p->hist_pos >= (int)p->hist->n) {
			p->hist_pos = -1;
			app_prompt_set(a, p->saved != NULL ? p->saved : "");
		} else
			app_prompt_set(a, p->hist->items[p->hist_pos]);
		break;
	case ACTION_PROMPT_COMPLETE:
		app_prompt_complete(a);
		return;
	case ACTION_PROMPT_TOGGLE_REGEX:
		view_search_toggle_regex(a);
		break;
	default:
		return;
	}
	app_prompt_edited(a);
}

static void
app_prompt_key(struct app *a, uint32_t key)
{
	struct key_seq seq = { .keys = { key }, .n = 1 };
	enum action act;
	bool partial;
	char enc[8];
	size_t n;

	act = keymap_lookup(a->km, KEYMAP_PROMPT, &seq, &partial);
	if (act != ACTION_NONE) {
		app_prompt_action(a, act);
		return;
	}
	if (key == HK_SPACE)
		key = ' ';
	if ((key & HK_MODS) != 0 || key >= HK_BASE)
		return;
	n = text_utf8_encode(key, enc);
	app_prompt_insert(a, enc, n);
	app_prompt_edited(a);
}

/* ---- drawing ---- */

static void
app_draw_status(struct app *a, struct surface *s, int y, int w)
{
	const struct view_ops *v = app_views[a->view];
	char pos[64] = "", right[160];
	struct buf b;
	const struct content_entity *e, *chain[16];
	int n = 0, i, rw;

	surface_fill(s, 0, y, w, 1, STYLE_STATUS);
	if (a->rd.page != NULL && (a->view == VIEW_ENTITY ||
	    (a->focus == APP_FOCUS_READER && view_has_reader(a->view)))) {
		/* Where the reader is, as less says it: the share of the
		 * page read down to the last line shown, or (END). */
		int last = a->rd.top + HMS_MAX(a->rd.height, 1), len = 0;
		/* Which match n and N are on, as vim's [3/17]. */
		if (a->rd.match >= 0 &&
		    a->rd.match < (int)a->rd.page->nmatch_lines)
			len = snprintf(pos, sizeof pos, _("match %d/%d  "),
			    a->rd.match + 1, (int)a->rd.page->nmatch_lines);
		if (len < 0 || len >= (int)sizeof pos)
			len = 0;
		if (last >= (int)a->rd.page->nlines)
			snprintf(pos + len, sizeof pos - len, "%s", _("(END)"));
		else
			snprintf(pos + len, sizeof pos - len, "%d%%",
			    (int)((long)last * 100 /
			    (long)HMS_MAX(a->rd.page->nlines, 1)));
	} else if (v->position != NULL)
		v->position(a, pos, sizeof pos);
	snprintf(right, sizeof right, "%s%s%s  %s ", pos, pos[0] ? "  " : "",
	    a->focus == APP_FOCUS_READER && view_has_reader(a->view) ?
	    _("[reader]") : _("[list]"), _("?:help q:quit"));
	rw = text_width(right, strlen(right));
	buf_init(&b);
	buf_printf(&b, " %s", _(v->title));
	/* The breadcrumbs name what the cursor is on, in every view but
	 * help and the source text (their position says what they show). */
	e = a->view == VIEW_HELP || a->view == VIEW_SOURCE ? NULL :
	    app_selection(a);
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
	struct app_prompt *p = &a->prompt;
	int room, mw, lw;

	*lines = NULL;
	*n = 0;
	if (a->message == NULL || w < 8)
		return 0;
	mw = text_width(a->message, strlen(a->message));
	if (p->active) {
		/* Beside the prompt when it fits there (see below). */
		lw = text_width(p->label, strlen(p->label));
		room = w - lw - text_width(p->text.data != NULL ? p->text.data :
		    "", p->text.len) - 3;
		if (mw <= room)
			return 0;
	} else if (mw <= w)
		return 0;
	*n = text_wrap(a->message, strlen(a->message), w - 1, false, lines);
	if (*n > (size_t)HMS_MAX(h / 3, 1))
		*n = (size_t)HMS_MAX(h / 3, 1);
	return (int)*n - (p->active ? 0 : 1);
}

static void
app_draw_message_rows(struct app *a, struct surface *s, int y,
    const struct text_line *lines, size_t n, int w)
{
	size_t i;

	for (i = 0; i < n; i++) {
		surface_fill(s, 0, y + (int)i, w, 1, STYLE_NORMAL);
		surface_put(s, lines[i].indent, y + (int)i, w - lines[i].indent,
		    a->message + lines[i].off, lines[i].len,
		    a->message_error ? STYLE_ERROR : STYLE_MESSAGE);
	}
}

static void
app_draw_message(struct app *a, struct surface *s, int y, int w)
{
	struct app_prompt *p = &a->prompt;
	int lw, cw, off;
	size_t start;

	surface_fill(s, 0, y, w, 1, STYLE_NORMAL);
	if (p->active) {
		lw = surface_puts(s, 0, y, w, p->label, STYLE_HEADING);
		/* Keep the cursor on screen: scroll the text left. */
		start = 0;
		cw = text_width(p->text.data != NULL ? p->text.data : "",
		    p->cursor);
		while (cw > w - lw - 2 && start < p->cursor) {
			size_t next = text_cluster_end(p->text.data, p->text.len,
			    start);
			cw -= text_width(p->text.data + start, next - start);
			start = next;
		}
		off = surface_put(s, lw, y, w - lw, p->text.data != NULL ?
		    p->text.data + start : "", p->text.len - start,
		    STYLE_NORMAL);
		/* What the input did (hits, a bad pattern) shows at the right
		 * of the line while typing, or above it when it is long. */
		if (a->message != NULL && w - lw - off > 12 &&
		    text_width(a->message, strlen(a->message)) <= w - lw - off - 3) {
			int mw = text_width(a->message, strlen(a->message));
			int room = w - lw - off - 3;
			int mx = mw < room ? w - mw - 1 : lw + off + 2;
			surface_puts(s, mx, y, w - mx, a->message,
			    a->message_error ? STYLE_ERROR : STYLE_DIM);
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
	if (a->message != NULL)
		surface_puts(s, 0, y, w, a->message,
		    a->message_error ? STYLE_ERROR : STYLE_MESSAGE);
}

/* The view, the status line, and the message or prompt line (with the
 * rows a long message takes above it). */
static void
app_draw_screen(struct app *a, struct surface *s, int w, int h)
{
	struct text_line *lines;
	size_t n;
	int extra = app_message_rows(a, w, h, &lines, &n);

	app_views[a->view]->draw(a, s, 0, 0, w, h - 2 - extra);
	app_draw_status(a, s, h - 2 - extra, w);
	if (n > 0 && !a->prompt.active)
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

static void app_goto_done(struct app *a, const char *text);

static void
app_action(struct app *a, enum action act)
{
	const struct view_ops *v = app_views[a->view];

	if (v->action != NULL && v->action(a, act))
		return;
	switch (act) {
	case ACTION_QUIT:
		a->quit = true;
		break;
	case ACTION_CLOSE:
		app_close(a);
		break;
	case ACTION_HELP:
		view_help_show(a, a->view);
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
		app_prompt(a, ":", "goto", NULL, NULL, app_goto_done);
		break;
	case ACTION_SEARCH:
		/* The index is built here, before the first key is typed,
		 * so no keystroke waits for it. */
		(void)app_search_index(a);
		/* In a page, / searches the page first (it widens to all
		 * content from its prompt); elsewhere, all content. */
		if (app_reader_searchable(a))
			view_search_page_start(a);
		else
			view_search_start(a);
		break;
	case ACTION_SEARCH_NEXT:
	case ACTION_SEARCH_PREV:
		if (a->rd.find != NULL)
			app_reader_find_step(a,
			    act == ACTION_SEARCH_NEXT ? 1 : -1);
		else if (!app_reader_next_match(a, act == ACTION_SEARCH_NEXT ? 1 : -1)) {
			view_search_next_hit(a, act == ACTION_SEARCH_NEXT ? 1 : -1);
			/* N into the previous hit starts at its last match. */
			a->rd.want_last = a->rd.want_match &&
			    act == ACTION_SEARCH_PREV;
		}
		break;
	case ACTION_TOGGLE_FOCUS:
		if (view_has_reader(a->view))
			a->focus = a->focus == APP_FOCUS_NAV ? APP_FOCUS_READER :
			    APP_FOCUS_NAV;
		break;
	case ACTION_VIEW_OUTLINE: app_switch(a, VIEW_OUTLINE); break;
	case ACTION_VIEW_PROJECTS: app_switch(a, VIEW_PROJECTS); break;
	case ACTION_VIEW_DISEASES: app_switch(a, VIEW_DISEASES); break;
	case ACTION_VIEW_KPIS: app_switch(a, VIEW_KPIS); break;
	case ACTION_VIEW_PROGRAMS: app_switch(a, VIEW_PROGRAMS); break;
	case ACTION_VIEW_FUNDS: view_funds_of_selection(a); break;
	case ACTION_VIEW_ROADMAP: app_switch(a, VIEW_ROADMAP); break;
	case ACTION_VIEW_GLOSSARY: app_switch(a, VIEW_GLOSSARY); break;
	case ACTION_VIEW_COMPARE: app_switch(a, VIEW_COMPARE); break;
	case ACTION_VIEW_SEARCH: app_switch(a, VIEW_SEARCH); break;
	case ACTION_VIEW_BOOKMARKS: app_switch(a, VIEW_BOOKMARKS); break;
	case ACTION_VIEW_SOURCE:
		app_show_source(a);
		break;
	case ACTION_BOOKMARK:
	case ACTION_NOTE:
	case ACTION_NOTE_EDITOR:
		view_bookmarks_action(a, act);
		break;
	default:
		if (a->focus == APP_FOCUS_READER || !view_has_nav(a->view)) {
			if (app_reader_action(a, act))
				break;
		}
		if (act == ACTION_FOLLOW || act == ACTION_OPEN)
			app_message(a, "%s", _("Nothing to open here."));
		break;
	}
}

static void
app_goto_done(struct app *a, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	view_goto(a, text);
}

static void
app_dispatch(struct app *a, uint32_t key)
{
	const struct view_ops *v = app_views[a->view];
	enum action act;
	bool partial;
	char name[32];

	/* A link number being typed (lynx): digits, then Enter — only where
	 * a page with numbered links is on the screen. */
	if (a->pending.n == 0 && key >= '0' && key <= '9' &&
	    view_has_reader(a->view)) {
		struct key_seq one = { .keys = { key }, .n = 1 };
		if (keymap_lookup(a->km, v->table, &one, &partial) == ACTION_NONE &&
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
			if (a->rd.page != NULL && n >= 1 &&
			    n <= (int)a->rd.page->nlinks) {
				a->rd.active = n - 1;
				app_follow_link(a, n - 1);
			} else
				app_error(a, _("No link number %d on this page."), n);
			return;
		}
		if (key == HK_ESCAPE || key == HK_BSPACE)
			return;
	}
	if (a->pending.n >= KEY_SEQ_MAX)
		a->pending.n = 0;
	a->pending.keys[a->pending.n++] = key;
	act = keymap_lookup(a->km, v->table, &a->pending, &partial);
	if (partial && act == ACTION_NONE)
		return;
	if (act == ACTION_NONE) {
		bool handled = a->pending.n == 1 && v->key != NULL &&
		    v->key(a, key);
		if (!handled && key != HK_ESCAPE)
			app_message(a, _("%s is not bound here (? lists the keys)"),
			    key_seq_to_name(&a->pending, name, sizeof name));
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
	const struct view_ops *v = app_views[a->view];

	if (!term_mouse(&m))
		return;
	if (v->click != NULL)
		v->click(a, m.x, m.y, m.button);
}

/* ---- start and loop ---- */

/* Whether a place of view v can be taken up again in a new session: help
 * and the source are visits, search results and funds need their query. */
static bool
app_place_resumable(enum app_view v)
{
	return v != VIEW_HELP && v != VIEW_SOURCE && v != VIEW_SEARCH &&
	    v != VIEW_FUNDS;
}

/* On a clean exit: save where we are (or, in a visit, where it was
 * opened from) for the next session.  Returns a message for after the
 * screen is given back when it could not be saved, else NULL. */
static char *
app_place_save(struct app *a)
{
	struct app_place now = app_place_now(a);
	const struct app_place *pl = &now;
	struct store_place p = { 0 };
	char *err = NULL, *msg;
	size_t i;

	if (a->store == NULL || store_readonly(a->store))
		return NULL;
	for (i = a->hist_pos; !app_place_resumable(pl->view) && i > 0; i--)
		pl = &a->hist[i - 1];
	if (!app_place_resumable(pl->view))
		return NULL;
	p.view = (char *)app_views[pl->view]->name;
	p.reader = pl->view == VIEW_ENTITY || (pl->focus == APP_FOCUS_READER &&
	    view_has_reader(pl->view));
	if (view_has_reader(pl->view) && pl->entity != NULL) {
		p.id = (char *)pl->entity->id;	/* only read */
		p.block = HMS_MAX(pl->anchor, 0);
		p.off = pl->anchor >= 0 ? pl->anchor_off : 0;
		p.skip = pl->anchor >= 0 ? pl->anchor_skip : 0;
	}
	if (store_place_save(a->store, &p, &err) == 0)
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
	struct store_place p;
	struct content_entity *e = NULL;
	char *err = NULL;
	int v, rc;

	if (a->store == NULL)
		return;
	if ((rc = store_place_load(a->store, &p, &err)) < 0) {
		app_error(a, _("The saved place cannot be used (%s): "
		    "starting at the first screen."), err);
		free(err);
		return;
	}
	if (rc == 0)
		return;
	v = app_view_from_name(p.view);
	if (p.id != NULL)
		e = content_find(a->c, p.id);
	if (v < 0 || !app_place_resumable((enum app_view)v) ||
	    (p.id != NULL && e == NULL) || (v == VIEW_ENTITY && e == NULL))
		goto out;
	/* The entity view is the reader over the projects list: Back
	 * leads there, as from hms open ID. */
	if (v != VIEW_ENTITY && v != (int)a->view) {
		a->view = (enum app_view)v;
		if (app_views[a->view]->enter != NULL)
			app_views[a->view]->enter(a);
	}
	if (e == NULL || !view_has_reader(a->view))
		goto out;
	if (p.reader)
		app_open(a, e);
	else {
		view_sync_selection(a, e);
		app_preview(a, e);
	}
	if (v == VIEW_ENTITY) {
		a->view = VIEW_ENTITY;
		app_views[a->view]->enter(a);
	}
	a->rd.want_anchor = p.block;
	a->rd.want_anchor_off = p.off;
	a->rd.want_anchor_skip = p.skip;
	if (a->nhist > 0)
		app_history_settle(a);
out:
	store_place_clear(&p);
}

static void
app_parse_today(struct app *a, const char *today)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	a->today_y = tm.tm_year + 1900;
	a->today_m = tm.tm_mon + 1;
	a->today_d = tm.tm_mday;
	if (today != NULL)
		sscanf(today, "%d-%d-%d", &a->today_y, &a->today_m, &a->today_d);
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
		buf_printf(&b, " (+%d more: hms --check-keymap FILE)", r.n - 1);
	*problem = r.n > 0 ? buf_steal(&b) : NULL;
	buf_free(&b);
	return km;
}

static struct app *
app_create(const struct main_opts *mo, struct content *c)
{
	struct app *a = xcalloc(1, sizeof *a);

	a->mo = mo;
	a->c = c;
	a->surf = surface_create(0, 0);
	a->number = -1;
	a->rd.active = -1;
	a->rd.match = -1;
	a->rd.want_anchor = -1;
	a->reading_width = APP_READING_WIDTH;
	if (mo != NULL && mo->reading_width >= 0)
		a->reading_width = mo->reading_width;
	buf_init(&a->prompt.text);
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
	a->km = app_load_keymap(NULL, &problem);
	free(problem);
	a->view = VIEW_PROJECTS;
	app_views[a->view]->enter(a);
	return a;
}

void
app_free(struct app *a)
{
	size_t i, j;

	if (a == NULL)
		return;
	for (i = 0; i < VIEW_COUNT; i++) {
		if (app_views[i]->free != NULL)
			app_views[i]->free(a);
	}
	app_reader_invalidate(a);
	app_reader_clear_marks(a);
	app_reader_clear_find(a);
	free(a->hist);
	app_prompt_free_cands(&a->prompt);
	buf_free(&a->prompt.text);
	free(a->prompt.label);
	free(a->prompt.saved);
	for (i = 0; i < HMS_NELEM(a->phist); i++) {
		for (j = 0; j < a->phist[i].n; j++)
			free(a->phist[i].items[j]);
		free(a->phist[i].items);
		free(a->phist[i].name);
	}
	free(a->message);
	keymap_free(a->km);
	search_index_free(a->idx);
	surface_free(a->surf);
	free(a);
}

static void
app_feed_key(struct app *a, uint32_t key)
{
	free(a->message);
	a->message = NULL;
	if (a->prompt.active)
		app_prompt_key(a, key);
	else
		app_dispatch(a, key);
	app_store_poll(a);
}

/* Feed one key to a headless app (tests): each key is a full update. */
void
app_feed(struct app *a, uint32_t key)
{
	app_feed_key(a, key);
	app_prompt_flush(a);
}

void
app_feed_batch(struct app *a, const uint32_t *keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		app_feed_key(a, keys[i]);
	app_prompt_flush(a);
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
			a->quit = true;
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
	a->km = app_load_keymap(mo->keymap, &problem);
	/* The keys file's setting, unless the command line made one. */
	if (mo->reading_width < 0 &&
	    keymap_setting(a->km, KEYMAP_SET_READING_WIDTH) >= 0)
		a->reading_width = keymap_setting(a->km,
		    KEYMAP_SET_READING_WIDTH);
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
	a->view = VIEW_PROJECTS;
	a->focus = APP_FOCUS_NAV;
	app_views[a->view]->enter(a);
	if (id != NULL) {
		struct content_entity *e = content_find(c, id);
		/* A section opens in the outline, where its chapter is. */
		if (e != NULL && e->type == CONTENT_SECTION) {
			a->view = VIEW_OUTLINE;
			app_views[a->view]->enter(a);
		}
		if (e != NULL)
			app_open(a, e);
		else
			app_error(a, _("No entity with id %s."), id);
	} else if (!mo->fresh)
		app_place_resume(a);
	if (problem != NULL) {
		app_error(a, "%s", problem);
		free(problem);
	} else if (a->message != NULL || app_store_poll(a))
		;	/* the id's error, or the store's: read-only, damaged */
	else if (mo->locale_note && a->message == NULL)
		app_message(a, "%s", _("LANG is not UTF-8: using C.UTF-8 to show Japanese."));
	else if (a->message == NULL)
		app_message(a, "%s", _("hms: p projects, o outline, / search, : go to, ? help, q quit"));

	while (!a->quit) {
		app_prompt_flush(a);
		app_draw(a);
		ev = term_read_key(-1, &key);
		/* Keys already waiting (a paste, a held key, a burst of
		 * resizes) are handled together for up to APP_BATCH_MS before
		 * the next search and draw, so that the screen keeps up with
		 * the keyboard instead of replaying every key. */
		clock_gettime(CLOCK_MONOTONIC, &t0);
		while (ev == TERM_KEY && !a->quit) {
			app_handle_key(a, key);
			if (a->quit || app_elapsed_ms(&t0) >= APP_BATCH_MS)
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
	if (a->quit)
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
