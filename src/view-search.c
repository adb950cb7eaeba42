/* view-search.c — incremental search: the prompt, results grouped by type
 * and period with highlighted snippets, and the reader on the hit. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "i18n.h"
#include "search.h"
#include "store.h"
#include "text.h"
#include "util.h"
#include "view-list.h"
#include "view.h"
#include "view-reader.h"

struct view_search {
	struct view_list		*list;
	char				*query;
	bool				 regex;
	/* One session for the prompt: a query per keystroke reuses its
	 * buffers; res is owned by it and valid until its next run. */
	struct search_session		*session;
	const struct search_results	*res;
	/* Entities whose note (the user's own words, in the store) matches
	 * the plain query: shown first, in their own group. */
	struct content_entity		**notes;
	size_t				 nnotes;
	/* Near misses of a query that found little (search_suggest), as
	 * whole queries, filters included; listed under the results. */
	char				**sugg;
	size_t				 nsugg;
	/* The last pattern searched, in a page or everywhere: what the
	 * page prompt widens to. */
	char				*last;
	/* The page prompt is open; the line the reader showed then;
	 * whether anything was typed in it yet (until then the marks of
	 * the hit being read stay, and Escape leaves them). */
	bool				 page;
	int				 page_top;
	bool				 page_typed;
};

/* A query that finds fewer hits than this gets its near misses listed
 * under them, as hms search prints them. */
#define VIEW_SEARCH_FEW	3
/* Nor is a longer query (a paste): nobody misspells a term that long,
 * and the search for near misses grows with the length of the query. */
#define VIEW_SEARCH_SUGGEST_MAX	200

static void *
view_search_create(struct ui *ui)
{
	struct view_search *vs = xcalloc(1, sizeof *vs);

	(void)ui;
	vs->list = xcalloc(1, sizeof *vs->list);
	vs->list->sel = -1;
	return vs;
}

static struct view_search *
view_search_state(struct ui *ui)
{
	return ui_view(ui, VIEW_SEARCH);
}

static bool
view_search_field(const struct content_entity *e, size_t field,
    struct search_field *out)
{
	return search_field_get(e, field, out) == 0;
}

/* Parse filters out of the query: type:kpi (t:), period:3 (p:). */
static char *
view_search_filters(const char *q, struct search_opts *o)
{
	struct buf b;
	const char *p = q, *start;
	char word[64];
	size_t n;
	int t;

	buf_init(&b);
	while (*p != '\0') {
		start = p;
		while (*p != '\0' && *p != ' ')
			p++;
		n = (size_t)(p - start);
		if (n < sizeof word) {
			memcpy(word, start, n);
			word[n] = '\0';
			if ((strncmp(word, "type:", 5) == 0 ||
			    strncmp(word, "t:", 2) == 0) &&
			    (t = content_type_from_name(strchr(word, ':') + 1)) >= 0) {
				o->type = t;
				goto next;
			}
			if ((strncmp(word, "period:", 7) == 0 ||
			    strncmp(word, "p:", 2) == 0) &&
			    strchr(word, ':')[1] >= '1' && strchr(word, ':')[1] <= '3' &&
			    strchr(word, ':')[2] == '\0') {
				o->period = strchr(word, ':')[1] - '0';
				goto next;
			}
		}
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_add(&b, start, n);
next:
		while (*p == ' ')
			p++;
	}
	return buf_steal(&b);
}

/* Marks for the reader from a hit's matches. */
static struct page_mark *
view_search_marks(const struct search_hit *h, size_t *n)
{
	struct page_mark *m = xcalloc(h->nmatches + 1, sizeof *m);
	struct search_field f;
	size_t i, k = 0;

	for (i = 0; i < h->nmatches; i++) {
		if (!view_search_field(h->entity, h->matches[i].field, &f))
			continue;
		m[k].text = f.text;
		m[k].off = h->matches[i].off;
		m[k].len = h->matches[i].len;
		k++;
	}
	*n = k;
	return m;
}

/* "title — …snippet…" with the matched characters highlighted: the
 * label of the row of hit src, made when the row is first shown. */
static void
view_search_fill(struct view_list_item *it, const void *src)
{
	const struct search_hit *h = src;
	struct search_field f;
	struct buf b;
	const struct search_match *m = NULL;
	size_t i, a, z, k;

	buf_init(&b);
	buf_adds(&b, h->entity->title);
	/* Prefer a match outside the title for the snippet. */
	for (i = 0; i < h->nmatches; i++) {
		if (view_search_field(h->entity, h->matches[i].field, &f) &&
		    f.kind >= SEARCH_FIELD_TITLE_EN) {
			m = &h->matches[i];
			break;
		}
	}
	/* Title matches are highlighted in the title. */
	for (i = 0; i < h->nmatches && it->nhl < 8; i++) {
		if (view_search_field(h->entity, h->matches[i].field, &f) &&
		    f.kind == SEARCH_FIELD_TITLE) {
			it->hl[it->nhl][0] = (uint32_t)h->matches[i].off;
			it->hl[it->nhl][1] = (uint32_t)(h->matches[i].off +
			    h->matches[i].len);
			it->nhl++;
		}
	}
	if (m != NULL && view_search_field(h->entity, m->field, &f)) {
		text_context(f.text, f.len, m->off, m->len, 12, 30, &a, &z);
		buf_adds(&b, "  — ");
		if (a > 0)
			buf_adds(&b, "…");
		buf_add(&b, f.text + a, m->off - a);
		k = b.len;
		buf_add(&b, f.text + m->off, m->len);
		if (it->nhl < 8) {
			it->hl[it->nhl][0] = (uint32_t)k;
			it->hl[it->nhl][1] = (uint32_t)b.len;
			it->nhl++;
		}
		buf_add(&b, f.text + m->off + m->len, z - m->off - m->len);
		if (z < f.len)
			buf_adds(&b, "…");
	}
	/* Ranges in order, without overlaps, as the list draws them. */
	for (i = 1; i < (size_t)it->nhl; i++) {
		uint32_t x0 = it->hl[i][0], x1 = it->hl[i][1];
		for (k = i; k > 0 && it->hl[k - 1][0] > x0; k--) {
			it->hl[k][0] = it->hl[k - 1][0];
			it->hl[k][1] = it->hl[k - 1][1];
		}
		it->hl[k][0] = x0;
		it->hl[k][1] = x1;
	}
	for (i = 1; i < (size_t)it->nhl; i++) {
		if (it->hl[i][0] < it->hl[i - 1][1])
			it->hl[i][0] = it->hl[i - 1][1];
		if (it->hl[i][1] < it->hl[i][0])
			it->hl[i][1] = it->hl[i][0];
	}
	it->label = buf_steal(&b);
	it->marks = view_search_marks(h, &it->nmarks);
}

/* Notes change while hms runs, so they are matched here, at query time,
 * rather than indexed with the content: every term must occur in the
 * normalised note (a regex query does not search notes). */
static void
view_search_notes(struct ui *ui, struct view_search *vs, const char *q,
    const struct search_opts *o)
{
	struct store *st = ui_store(ui);
	struct content_entity *e;
	const struct store_note *n;
	char **terms = NULL, *norm;
	size_t nt, i, k;
	bool all;

	vs->nnotes = 0;
	if (st == NULL || o->regex || store_note_count(st) == 0)
		return;
	nt = search_query_terms(q, o->era, &terms);
	for (i = 0; i < store_note_count(st) && nt > 0; i++) {
		n = store_note_at(st, i);
		if (n->text == NULL || n->text[0] == '\0' ||
		    (e = content_find(ui_content(ui), n->id)) == NULL)
			continue;
		if ((o->type >= 0 && (int)e->type != o->type) ||
		    (o->period != 0 && e->period != o->period))
			continue;
		/* Folded as the index folds (search.h): ・ and spaces in
		 * words, long-vowel endings, 々 and ヶ. */
		norm = text_normalize_str(n->text, strlen(n->text),
		    TEXT_NORM_WORDS | (o->era ? TEXT_NORM_ERA : 0));
		for (k = 0, all = true; k < nt && all; k++)
			all = strstr(norm, terms[k]) != NULL;
		free(norm);
		if (!all)
			continue;
		vs->notes = xreallocarray(vs->notes, vs->nnotes + 1,
		    sizeof *vs->notes);
		vs->notes[vs->nnotes++] = e;
	}
	for (k = 0; k < nt; k++)
		free(terms[k]);
	free(terms);
}

static void view_search_suggestion(struct ui *, const char *);

/* "Did you mean: 橋渡し研究" rows; Enter on one searches for it. */
static void
view_search_add_suggestions(struct view_list *l, struct view_search *vs)
{
	size_t i;

	for (i = 0; i < vs->nsugg; i++)
		view_list_add_run(l, view_search_suggestion, vs->sugg[i], 1,
		    _("Did you mean: %s"), vs->sugg[i]);
}

static void
view_search_rebuild(struct ui *ui, struct view_search *vs)
{
	struct view_list *l = vs->list;
	const struct search_hit *hits;
	size_t i, k, n, g, ng = 0, gcap = 0, *grp, *gn = NULL, *order, *start;
	int t, p, *gt = NULL, *gp = NULL;

	view_list_clear(l);
	if (vs->nnotes > 0) {
		view_list_add(l, NULL, 0, _("Your notes (%zu)"), vs->nnotes);
		for (i = 0; i < vs->nnotes; i++) {
			struct view_list_item *it = view_list_add(l,
			    vs->notes[i], 1, "%s  — %s", vs->notes[i]->title,
			    store_note_text(ui_store(ui), vs->notes[i]->id));
			char *c;
			/* A note of several lines reads as one in the list. */
			for (c = it->label; *c != '\0'; c++) {
				if (*c == '\n' || *c == '\t' || *c == '\r')
					*c = ' ';
			}
		}
	}
	if ((vs->res == NULL || vs->res->nhits == 0) && vs->nnotes > 0) {
		view_search_add_suggestions(l, vs);
		view_list_select_first(ui, l);
		return;
	}
	if (vs->res == NULL || vs->res->nhits == 0) {
		view_list_add(l, NULL, 0, "%s", vs->query == NULL ||
		    vs->query[0] == '\0' ? _("Type to search.") :
		    _("No matches."));
		l->sel = -1;
		reader_preview(ui_reader(ui), NULL);
		/* Enter after the query goes to the closest term. */
		if (vs->nsugg > 0) {
			view_search_add_suggestions(l, vs);
			view_list_select_first(ui, l);
		}
		return;
	}
	/* Grouped by type and period; inside a group, in rank order; the
	 * groups in the order of their best hits.  Linear in the hits: a
	 * first pass numbers the groups and counts them, a second lists the
	 * hits of each group in turn. */
	hits = vs->res->hits;
	n = vs->res->nhits;
	grp = xcalloc(n + 1, sizeof *grp);
	for (i = 0; i < n; i++) {
		t = (int)hits[i].entity->type;
		p = hits[i].entity->period;
		for (g = 0; g < ng; g++)
			if (gt[g] == t && gp[g] == p)
				break;
		if (g == ng) {
			util_grow(&gt, &gcap, ng + 1, sizeof *gt);
			gp = xreallocarray(gp, gcap, sizeof *gp);
			gn = xreallocarray(gn, gcap, sizeof *gn);
			gt[ng] = t;
			gp[ng] = p;
			gn[ng] = 0;
			ng++;
		}
		grp[i] = g;
		gn[g]++;
	}
	/* The hits of each group, in rank order: a counting sort. */
	order = xcalloc(n + 1, sizeof *order);
	start = xcalloc(ng + 1, sizeof *start);
	for (g = 0; g < ng; g++)
		start[g + 1] = start[g] + gn[g];
	for (i = 0; i < n; i++)
		order[start[grp[i]]++] = i;
	for (g = 0, k = 0; g < ng; g++) {
		if (gp[g] != 0)
			view_list_add(l, NULL, 0, "%s · %s%d (%zu)",
			    content_type_label((enum content_type)gt[g]),
			    _("P"), gp[g], gn[g]);
		else
			view_list_add(l, NULL, 0, "%s (%zu)",
			    content_type_label((enum content_type)gt[g]), gn[g]);
		for (i = 0; i < gn[g]; i++, k++)
			view_list_add_lazy(l, hits[order[k]].entity, 1,
			    view_search_fill, &hits[order[k]]);
	}
	free(order);
	free(start);
	free(grp);
	free(gt);
	free(gp);
	free(gn);
	view_search_add_suggestions(l, vs);
	view_list_select_first(ui, l);
}

static void
view_search_clear_suggestions(struct view_search *vs)
{
	size_t i;

	for (i = 0; i < vs->nsugg; i++)
		free(vs->sugg[i]);
	free(vs->sugg);
	vs->sugg = NULL;
	vs->nsugg = 0;
}

/* The near misses of q (the query without its filters), each made a
 * whole query again with the filters of o in front. */
static void
view_search_suggest(struct ui *ui, struct view_search *vs, const char *q,
    const struct search_opts *o)
{
	char **v, prefix[64];
	size_t n, i;
	int k = 0;

	view_search_clear_suggestions(vs);
	n = search_suggest(ui_search_index(ui), q, 3, &v);
	prefix[0] = '\0';
	if (o->type >= 0)
		k = snprintf(prefix, sizeof prefix, "t:%s ",
		    content_type_name((enum content_type)o->type));
	if (k < 0 || k >= (int)sizeof prefix)
		k = 0;
	if (o->period != 0)
		snprintf(prefix + k, sizeof prefix - (size_t)k, "p:%d ",
		    o->period);
	vs->sugg = xcalloc(n + 1, sizeof *vs->sugg);
	for (i = 0; i < n; i++) {
		vs->sugg[i] = xasprintf("%s%s", prefix, v[i]);
		free(v[i]);
	}
	vs->nsugg = n;
	free(v);
}

static void
view_search_run(struct ui *ui, const char *query)
{
	struct view_search *vs = view_search_state(ui);
	struct search_opts o = { .regex = vs->regex, .type = -1 };
	const struct search_results *res;
	char *q, *err = NULL;

	free(vs->query);
	vs->query = xstrdup(query);
	view_search_clear_suggestions(vs);
	q = view_search_filters(query, &o);
	if (q[0] == '\0') {
		free(q);
		vs->res = NULL;
		vs->nnotes = 0;
		view_search_rebuild(ui, vs);
		return;
	}
	view_search_notes(ui, vs, q, &o);
	if (vs->session == NULL)
		vs->session = search_session_create(ui_search_index(ui));
	/* A failed run leaves the session's last results in place, but the
	 * list keeps its own copies: show the error, keep the list. */
	res = search_session_run(vs->session, q, &o, &err);
	if (res == NULL) {
		free(q);
		vs->res = NULL;
		ui_error(ui, "%s", err);
		free(err);
		return;
	}
	if (!o.regex && res->nhits < VIEW_SEARCH_FEW &&
	    strlen(q) <= VIEW_SEARCH_SUGGEST_MAX)
		view_search_suggest(ui, vs, q, &o);
	free(q);
	vs->res = res;
	view_search_rebuild(ui, vs);
	ui_message(ui, _("%zu hits"), res->nhits);
}

static void
view_search_changed(struct ui *ui, const char *text)
{
	view_search_run(ui, text);
}

static void
view_search_done(struct ui *ui, const char *text)
{
	struct view_search *vs = view_search_state(ui);

	if (text == NULL) {
		ui_message(ui, "%s", _("Search cancelled."));
		return;
	}
	if (text[0] != '\0' && text != vs->last) {
		free(vs->last);
		vs->last = xstrdup(text);
	}
	view_search_run(ui, text);
	/* Results stay in the list; Enter opens the selected hit. */
	ui_set_focus_reader(ui, false);
	if (vs->res != NULL && vs->res->nhits > 0)
		ui_message(ui, _("%zu hits: Up/Down choose, Enter opens, n/N next/previous match"),
		    vs->res->nhits);
}

static void view_search_toggle_regex(struct ui *ui, const char *text);

/* The search over all content, its prompt holding initial. */
static void
view_search_all(struct ui *ui, const char *initial, bool regex)
{
	struct view_search *vs = view_search_state(ui);

	vs->page = false;
	vs->regex = regex;
	ui_switch(ui, VIEW_SEARCH);
	ui_prompt(ui, vs->regex ? _("Regex search: ") : _("Search all: "),
	    "search", initial, view_search_changed, view_search_done);
	ui_prompt_hooks(ui, NULL, view_search_toggle_regex);
}

void
view_search_start(struct ui *ui)
{
	/* Each search starts plain; C-r makes this one a regex. */
	view_search_all(ui, NULL, false);
}

/* Enter on a suggestion: search for it, as if typed and entered. */
static void
view_search_suggestion(struct ui *ui, const char *query)
{
	struct view_search *vs = view_search_state(ui);

	vs->regex = false;
	view_search_done(ui, query);
}

/* ---- within the page ---- */

/* Widen the page prompt to all content: its pattern, or the last one
 * searched when it is empty.  The page's highlights go; the results
 * view takes the screen. */
static void
view_search_widen(struct ui *ui, const char *pattern, bool regex)
{
	struct view_search *vs = view_search_state(ui);
	char *q = xstrdup(pattern[0] != '\0' ? pattern :
	    vs->last != NULL ? vs->last : "");
	bool wrapped;

	(void)reader_find(ui_reader(ui), NULL, vs->page_top, &wrapped);
	view_search_all(ui, q, regex);
	free(q);
}

/* The page's matches for text, per keystroke: the reader scrolls from
 * where the prompt opened, as vim's incremental search does. */
static int
view_search_page_find(struct ui *ui, const char *text, bool done)
{
	struct view_search *vs = view_search_state(ui);
	bool wrapped;
	int n = 0;

	if (text[0] != '\0')
		vs->page_typed = true;
	if (vs->page_typed)
		n = reader_find(ui_reader(ui), text, vs->page_top, &wrapped);
	else
		wrapped = false;
	if (text[0] == '\0')
		ui_message(ui, "%s", vs->last != NULL ?
		    _("Enter: the last search over all content.") : "");
	else if (n == 0)
		ui_message(ui, _("Not on this page: %s. / then Enter "
		    "searches all content."), text);
	else if (wrapped)
		ui_message(ui, "%s", _("Search hit the end of the page, "
		    "continuing at the top."));
	else if (done)
		ui_message(ui, _("%d matches: n/N next/previous; / then Enter "
		    "searches all content."), n);
	else
		ui_message(ui, _("%d matches on this page; / at the start "
		    "searches all content."), n);
	return n;
}

static void
view_search_page_changed(struct ui *ui, const char *text)
{
	/* / typed at the start of the page prompt: all content. */
	if (text[0] == '/') {
		view_search_widen(ui, text + 1, false);
		return;
	}
	(void)view_search_page_find(ui, text, false);
}

static void
view_search_page_done(struct ui *ui, const char *text)
{
	struct view_search *vs = view_search_state(ui);
	bool wrapped;

	vs->page = false;
	if (text == NULL) {
		/* The same place; what was typed highlights nothing. */
		if (vs->page_typed)
			(void)reader_find(ui_reader(ui), NULL, vs->page_top, &wrapped);
		ui_message(ui, "%s", _("Search cancelled."));
		return;
	}
	if (text[0] == '\0' || text[0] == '/') {
		char *q = xstrdup(text[0] == '/' ? text + 1 : "");
		if (q[0] == '\0' && vs->last == NULL) {
			ui_message(ui, "%s", _("No previous search."));
			free(q);
			return;
		}
		(void)reader_find(ui_reader(ui), NULL, vs->page_top, &wrapped);
		vs->regex = false;
		ui_switch(ui, VIEW_SEARCH);
		view_search_done(ui, q[0] != '\0' ? q : vs->last);
		free(q);
		return;
	}
	free(vs->last);
	vs->last = xstrdup(text);
	(void)view_search_page_find(ui, text, true);
}

void
view_search_page_start(struct ui *ui)
{
	struct view_search *vs = view_search_state(ui);

	vs->page = true;
	vs->page_typed = false;
	vs->page_top = reader_top(ui_reader(ui));
	ui_prompt(ui, _("Search page: "), "search", NULL,
	    view_search_page_changed, view_search_page_done);
	ui_prompt_hooks(ui, NULL, view_search_toggle_regex);
}

/* C-r in a search prompt: plain or regex (text is the prompt's). */
static void
view_search_toggle_regex(struct ui *ui, const char *text)
{
	struct view_search *vs = view_search_state(ui);

	/* A regex searches all content: C-r in the page prompt widens. */
	if (vs->page) {
		view_search_widen(ui, text, true);
		ui_message(ui, "%s", _("Regex search (PCRE2) of all content. "
		    "C-r: plain."));
		return;
	}
	vs->regex = !vs->regex;
	ui_prompt_set_label(ui, vs->regex ? _("Regex search: ") :
	    _("Search all: "));
	ui_message(ui, "%s", vs->regex ? _("Regex search (PCRE2). C-r: plain.") :
	    _("Plain search. C-r: regex."));
}

void
view_search_next_hit(struct ui *ui, int dir)
{
	struct view_search *vs = view_search_state(ui);
	struct view_list *l = vs->list;
	struct view_list_item *it;
	int before = l->sel;

	if (vs->res == NULL || vs->res->nhits == 0) {
		ui_message(ui, "%s", _("No search: press / to search."));
		return;
	}
	view_list_move(ui, l, dir);
	if (l->sel == before) {
		ui_message(ui, "%s", dir > 0 ? _("Last hit.") : _("First hit."));
		return;
	}
	it = &l->items[l->sel];
	view_list_item_ready(it);
	ui_open_marked(ui, it->entity, it->marks, it->nmarks);
}

/* ---- the view ---- */

static void
view_search_enter(void *self, struct ui *ui)
{
	struct view_search *vs = self;

	if (vs->list->n == 0)
		view_search_rebuild(ui, vs);
}

static void
view_search_draw(void *self, struct ui *ui, struct surface *s, int x, int y,
    int w, int h)
{
	view_list_draw(ui, ((struct view_search *)self)->list, s, x, y, w, h);
}

static bool
view_search_action(void *self, struct ui *ui, enum action act)
{
	return view_list_action(ui, ((struct view_search *)self)->list, act);
}

static bool
view_search_click(void *self, struct ui *ui, int x, int y, int b)
{
	return view_list_click(ui, ((struct view_search *)self)->list, x, y, b);
}

static struct content_entity *
view_search_selection(void *self, struct ui *ui)
{
	return view_list_op_selection(((struct view_search *)self)->list, ui);
}

static void
view_search_position(void *self, char *buf, size_t size)
{
	view_list_position(((struct view_search *)self)->list, buf, size);
}

static int
view_search_save(void *self)
{
	return view_list_op_save(((struct view_search *)self)->list);
}

static void
view_search_restore(void *self, int place)
{
	view_list_op_restore(((struct view_search *)self)->list, place);
}

static void
view_search_destroy(void *self)
{
	struct view_search *vs = self;

	view_list_free(vs->list);
	search_session_free(vs->session);
	free(vs->notes);
	free(vs->query);
	free(vs->last);
	view_search_clear_suggestions(vs);
	free(vs);
}

const struct view_ops view_search_ops = {
	.name = "search",
	.title = N_("Search"),
	.table = KEYMAP_LIST,
	.flags = VIEW_TRANSIENT,
	.create = view_search_create,
	.destroy = view_search_destroy,
	.enter = view_search_enter,
	.draw = view_search_draw,
	.action = view_search_action,
	.click = view_search_click,
	.selection = view_search_selection,
	.position = view_search_position,
	.save = view_search_save,
	.restore = view_search_restore,
};
