/* table.c — the table widget: model, sorting, filtering, drawing, export. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "content.h"
#include "i18n.h"
#include "output.h"
#include "table.h"
#include "text.h"
#include "util.h"

#define TABLE_NONE ((size_t)-1)

struct table *
table_create(void)
{
	struct table *t = xcalloc(1, sizeof *t);

	t->nfrozen = 1;
	t->sort[0].col = t->sort[1].col = -1;
	t->sel = -1;
	t->left = 1;
	return t;
}

static void
table_row_free(struct table *t, struct table_row *r)
{
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		free(r->cells[i].text);
		free(r->cells[i].norm);
	}
	free(r->cells);
	for (i = 0; i < t->nxcols; i++)
		free(r->xcells[i]);
	free(r->xcells);
}

void
table_free(struct table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nrows; i++)
		table_row_free(t, &t->rows[i]);
	free(t->rows);
	for (i = 0; i < t->ncols; i++) {
		free(t->cols[i].key);
		free(t->cols[i].alias);
		free(t->cols[i].header);
		free(t->cols[i].rank);
	}
	free(t->cols);
	for (i = 0; i < t->nxcols; i++)
		free(t->xcols[i]);
	free(t->xcols);
	free(t->view);
	free(t->filter);
	free(t->colx);
	free(t->colw);
	free(t);
}

int
table_add_column(struct table *t, const char *key, const char *alias,
    const char *header, enum table_kind kind, int flags, int minw, int maxw)
{
	struct table_column *c;

	/* Columns come before rows: each row has a cell per column. */
	if (t->nrows > 0)
		fatal("table: column %s added after rows", key);
	t->cols = xreallocarray(t->cols, t->ncols + 1, sizeof *t->cols);
	c = &t->cols[t->ncols];
	memset(c, 0, sizeof *c);
	c->key = xstrdup(key);
	c->alias = alias != NULL ? xstrdup(alias) : NULL;
	c->header = xstrdup(header);
	c->kind = kind;
	c->flags = flags;
	c->minw = HMS_MAX(minw, 1);
	c->maxw = maxw;
	return (int)t->ncols++;
}

int
table_add_export_column(struct table *t, const char *name)
{
	if (t->nrows > 0)
		fatal("table: export column %s added after rows", name);
	t->xcols = xreallocarray(t->xcols, t->nxcols + 1, sizeof *t->xcols);
	t->xcols[t->nxcols] = xstrdup(name);
	return (int)t->nxcols++;
}

static size_t
table_new_row(struct table *t)
{
	struct table_row *r;
	size_t i;

	util_grow(&t->rows, &t->rowcap, t->nrows + 1, sizeof *t->rows);
	r = &t->rows[t->nrows];
	memset(r, 0, sizeof *r);
	r->cells = xcalloc(t->ncols + 1, sizeof *r->cells);
	for (i = 0; i < t->ncols; i++) {
		r->cells[i].text = xstrdup("");
		r->cells[i].norm = xstrdup("");
	}
	r->xcells = xcalloc(t->nxcols + 1, sizeof *r->xcells);
	r->group = TABLE_NONE;
	/* A row belongs to the last heading above it. */
	if (t->nrows > 0)
		r->group = t->rows[t->nrows - 1].group;
	return t->nrows++;
}

size_t
table_add_row(struct table *t, struct content_entity *e, const void *data)
{
	size_t i = table_new_row(t);

	t->rows[i].entity = e;
	t->rows[i].data = data;
	return i;
}

size_t
table_add_heading(struct table *t, const char *text)
{
	size_t i = table_new_row(t);

	t->rows[i].heading = true;
	t->rows[i].group = i;
	if (t->ncols > 0)
		table_set(t, i, 0, text, NULL);
	return i;
}

static void
table_set_cell(struct table_cell *c, const char *text, const char *alt)
{
	struct buf b;
	char *n;

	if (text == NULL)
		text = "";
	free(c->text);
	c->text = xstrdup(text);
	c->width = text_width(text, strlen(text));
	/* Normalised once here, so that filtering never calls ICU; text
	 * and alt are kept apart by a newline, which no query holds. */
	buf_init(&b);
	n = text_normalize_str(text, strlen(text), 0);
	buf_adds(&b, n);
	free(n);
	if (alt != NULL && *alt != '\0') {
		n = text_normalize_str(alt, strlen(alt), 0);
		buf_addc(&b, '\n');
		buf_adds(&b, n);
		free(n);
	}
	free(c->norm);
	c->norm = b.data != NULL ? buf_steal(&b) : xstrdup("");
	buf_free(&b);
}

void
table_set(struct table *t, size_t row, int col, const char *text,
    const char *alt)
{
	struct table_cell *c = &t->rows[row].cells[col];

	table_set_cell(c, text, alt);
	c->has_num = false;
}

void
table_set_num(struct table *t, size_t row, int col, const char *text,
    const char *alt, double num)
{
	struct table_cell *c = &t->rows[row].cells[col];

	table_set_cell(c, text, alt);
	c->num = num;
	c->has_num = true;
}

void
table_set_export(struct table *t, size_t row, int xcol, const char *text)
{
	free(t->rows[row].xcells[xcol]);
	t->rows[row].xcells[xcol] = text != NULL ? xstrdup(text) : NULL;
}

static void table_measure_col(struct table *t, size_t i);

void
table_set_header(struct table *t, int col, const char *header)
{
	free(t->cols[col].header);
	t->cols[col].header = xstrdup(header);
	table_measure_col(t, (size_t)col);
}

/* The header as shown: its text and the sort mark. */
static void
table_header_text(const struct table *t, int col, char *buf, size_t size)
{
	const char *mark = "";

	if (t->sort[0].col == col)
		mark = t->sort[0].desc ? " v" : " ^";
	else if (t->sort[1].col == col)
		mark = t->sort[1].desc ? " v2" : " ^2";
	snprintf(buf, size, "%s%s", t->cols[col].header, mark);
}

static void table_refresh(struct table *t, bool keep);

/* The width a column would like: its widest cell, or its header with
 * room for a sort mark (" v2"), within its bounds. */
static void
table_measure_col(struct table *t, size_t i)
{
	struct table_column *c = &t->cols[i];
	size_t r;
	int w;

	w = text_width(c->header, strlen(c->header)) + 3;
	for (r = 0; r < t->nrows; r++) {
		if (!t->rows[r].heading)
			w = HMS_MAX(w, t->rows[r].cells[i].width);
	}
	if (c->maxw > 0)
		w = HMS_MIN(w, c->maxw);
	c->natural = HMS_MAX(w, c->minw);
}

void
table_finish(struct table *t)
{
	size_t r, i;

	t->ndata = 0;
	for (r = 0; r < t->nrows; r++) {
		if (!t->rows[r].heading)
			t->ndata++;
	}
	for (i = 0; i < t->ncols; i++) {
		table_measure_col(t, i);
		/* Cells may have changed since the ranks were taken. */
		free(t->cols[i].rank);
		t->cols[i].rank = NULL;
	}
	free(t->colx);
	free(t->colw);
	t->colx = xcalloc(t->ncols + 1, sizeof *t->colx);
	t->colw = xcalloc(t->ncols + 1, sizeof *t->colw);
	t->left = (int)t->nfrozen;
	t->col = 0;
	table_refresh(t, false);
}

/* ---- sorting ---- */

struct table_coll_item {
	const char	*text;
	size_t		 row;
};

static int
table_cmp_coll(const void *x, const void *y)
{
	const struct table_coll_item *a = x, *b = y;
	int r = text_collate(a->text, b->text);

	if (r != 0)
		return r;
	return a->row < b->row ? -1 : a->row > b->row;
}

/* Collation ranks of a text column: computed once, so that a sort
 * compares integers and never calls the collator again. */
static void
table_rank(struct table *t, int col)
{
	struct table_column *c = &t->cols[col];
	struct table_coll_item *v;
	size_t i, n = 0;
	int rank = 0;

	if (c->rank != NULL)
		return;
	c->rank = xcalloc(t->nrows + 1, sizeof *c->rank);
	v = xcalloc(t->nrows + 1, sizeof *v);
	for (i = 0; i < t->nrows; i++) {
		v[n].text = t->rows[i].cells[col].text;
		v[n].row = i;
		n++;
	}
	qsort(v, n, sizeof *v, table_cmp_coll);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(v[i].text, v[i - 1].text) != 0)
			rank++;
		c->rank[v[i].row] = rank;
	}
	free(v);
}

struct table_sort_item {
	size_t	row;
	size_t	group;		/* heading row, TABLE_NONE when none */
	int	body;		/* 0 for a heading, 1 for its rows */
	int	miss[2];	/* 1: no value, sorts last either way */
	double	key[2];
};

static int
table_cmp_sort(const void *x, const void *y)
{
	const struct table_sort_item *a = x, *b = y;
	int k;

	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	if (a->body != b->body)
		return a->body - b->body;
	for (k = 0; k < 2; k++) {
		if (a->miss[k] != b->miss[k])
			return a->miss[k] - b->miss[k];
		if (a->key[k] != b->key[k])
			return a->key[k] < b->key[k] ? -1 : 1;
	}
	return a->row < b->row ? -1 : a->row > b->row;
}

static void
table_sort_view(struct table *t)
{
	struct table_sort_item *v;
	size_t i;
	int k;

	if (t->sort[0].col < 0 || t->nview < 2)
		return;
	for (k = 0; k < 2; k++) {
		if (t->sort[k].col >= 0 &&
		    t->cols[t->sort[k].col].kind == TABLE_TEXT)
			table_rank(t, t->sort[k].col);
	}
	v = xcalloc(t->nview, sizeof *v);
	for (i = 0; i < t->nview; i++) {
		const struct table_row *r = &t->rows[t->view[i]];
		v[i].row = t->view[i];
		v[i].group = r->group;
		v[i].body = r->heading ? 0 : 1;
		for (k = 0; k < 2; k++) {
			int col = t->sort[k].col;
			const struct table_cell *c;
			double d;
			if (col < 0 || r->heading)
				continue;
			c = &r->cells[col];
			if (t->cols[col].kind == TABLE_NUMBER) {
				v[i].miss[k] = !c->has_num;
				d = c->num;
			} else {
				v[i].miss[k] = c->text[0] == '\0';
				d = t->cols[col].rank[v[i].row];
			}
			v[i].key[k] = t->sort[k].desc ? -d : d;
		}
	}
	qsort(v, t->nview, sizeof *v, table_cmp_sort);
	for (i = 0; i < t->nview; i++)
		t->view[i] = v[i].row;
	free(v);
}

/* ---- filtering ---- */

enum {
	TABLE_TOKEN_ANY = -1,
	TABLE_TOKEN_ID = -2
};

struct table_token {
	int	 col;		/* a column, or TABLE_TOKEN_ANY / _ID */
	bool	 neg;
	char	*norm;
};

static int
table_find_key(const struct table *t, const char *key, size_t len)
{
	size_t i;

	if (len == 2 && strncasecmp(key, "id", 2) == 0)
		return TABLE_TOKEN_ID;
	for (i = 0; i < t->ncols; i++) {
		const struct table_column *c = &t->cols[i];
		if ((strlen(c->key) == len && strncasecmp(c->key, key, len) == 0) ||
		    (c->alias != NULL && strlen(c->alias) == len &&
		    strncasecmp(c->alias, key, len) == 0))
			return (int)i;
	}
	return TABLE_TOKEN_ANY;
}

/* Split filter text into tokens; returns how many (*out freed by the
 * caller with table_tokens_free). */
static size_t
table_tokens(const struct table *t, const char *s, struct table_token **out)
{
	struct table_token *v = NULL;
	size_t n = 0, cap = 0, klen;
	const char *p = s, *start, *end, *colon;
	bool neg, quoted;
	int col;

	while (s != NULL && *p != '\0') {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		neg = false;
		if (*p == '-' && p[1] != '\0' && p[1] != ' ') {
			neg = true;
			p++;
		}
		/* KEY: before the value, when KEY names a column. */
		col = TABLE_TOKEN_ANY;
		for (klen = 0; (p[klen] >= 'a' && p[klen] <= 'z') ||
		    (p[klen] >= 'A' && p[klen] <= 'Z') || p[klen] == '_';
		    klen++)
			;
		colon = p + klen;
		if (klen > 0 && *colon == ':' &&
		    (col = table_find_key(t, p, klen)) != TABLE_TOKEN_ANY)
			p = colon + 1;
		quoted = *p == '"';
		if (quoted) {
			start = ++p;
			end = strchr(p, '"');
			if (end == NULL)
				end = p + strlen(p);
			p = *end == '"' ? end + 1 : end;
		} else {
			start = p;
			while (*p != '\0' && *p != ' ' && *p != '\t')
				p++;
			end = p;
		}
		if (end == start)
			continue;
		util_grow(&v, &cap, n + 1, sizeof *v);
		v[n].col = col;
		v[n].neg = neg;
		v[n].norm = text_normalize_str(start, (size_t)(end - start), 0);
		if (v[n].norm[0] == '\0') {
			free(v[n].norm);
			continue;
		}
		n++;
	}
	*out = v;
	return n;
}

static void
table_tokens_free(struct table_token *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].norm);
	free(v);
}

static bool
table_token_matches(const struct table *t, const struct table_row *r,
    const struct table_token *tok)
{
	size_t i;
	bool hit = false;

	if (tok->col == TABLE_TOKEN_ID)
		hit = r->entity != NULL && strstr(r->entity->id, tok->norm) != NULL;
	else if (tok->col >= 0)
		hit = strstr(r->cells[tok->col].norm, tok->norm) != NULL;
	else {
		for (i = 0; i < t->ncols && !hit; i++)
			hit = strstr(r->cells[i].norm, tok->norm) != NULL;
		if (!hit && r->entity != NULL)
			hit = strstr(r->entity->id, tok->norm) != NULL;
	}
	return hit != tok->neg;
}

static bool
table_match(const struct table *t, const struct table_row *r,
    const struct table_token *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!table_token_matches(t, r, &v[i]))
			return false;
	}
	return true;
}

bool
table_row_matches(const struct table *t, size_t row, const char *text)
{
	struct table_token *v;
	size_t n = table_tokens(t, text, &v);
	bool m = table_match(t, &t->rows[row], v, n);

	table_tokens_free(v, n);
	return m;
}

/* Recompute the shown rows from the filter and the sort.  With keep,
 * the selected row stays selected when it is still shown (a filter
 * narrowed or cleared); else the first row is (a new order is read
 * from the top). */
static void
table_refresh(struct table *t, bool keep_sel)
{
	struct table_token *tok;
	size_t ntok, i, j, keep;
	int selrow = keep_sel ? table_selected(t) : -1;
	bool *match;

	ntok = table_tokens(t, t->filter, &tok);
	match = xcalloc(t->nrows + 1, sizeof *match);
	for (i = 0; i < t->nrows; i++) {
		if (!t->rows[i].heading)
			match[i] = table_match(t, &t->rows[i], tok, ntok);
	}
	/* A heading stays when any row under it does. */
	for (i = 0; i < t->nrows; i++) {
		if (match[i] && t->rows[i].group != TABLE_NONE)
			match[t->rows[i].group] = true;
	}
	table_tokens_free(tok, ntok);
	free(t->view);
	t->view = xcalloc(t->nrows + 1, sizeof *t->view);
	t->nview = t->nshown = 0;
	for (i = 0; i < t->nrows; i++) {
		if (!match[i])
			continue;
		t->view[t->nview++] = i;
		if (!t->rows[i].heading)
			t->nshown++;
	}
	free(match);
	table_sort_view(t);
	/* The selection follows its row; else the first row shown. */
	t->sel = -1;
	keep = TABLE_NONE;
	for (j = 0; j < t->nview; j++) {
		if (selrow >= 0 && t->view[j] == (size_t)selrow)
			keep = j;
	}
	if (keep != TABLE_NONE)
		t->sel = (int)keep;
	else {
		t->top = 0;
		table_move(t, 1);
	}
}

void
table_filter(struct table *t, const char *text)
{
	free(t->filter);
	t->filter = text != NULL && *text != '\0' ? xstrdup(text) : NULL;
	table_refresh(t, true);
}

void
table_sort_by(struct table *t, int col, bool desc)
{
	if (col < 0 || col >= (int)t->ncols)
		return;
	if (t->sort[0].col == col)
		t->sort[0].desc = !t->sort[0].desc;
	else {
		t->sort[1] = t->sort[0];
		t->sort[0].col = col;
		t->sort[0].desc = desc;
	}
	table_refresh(t, false);
}

void
table_sort_reverse(struct table *t)
{
	if (t->sort[0].col < 0)
		return;
	t->sort[0].desc = !t->sort[0].desc;
	table_refresh(t, false);
}

void
table_sort_reset(struct table *t)
{
	t->sort[0].col = t->sort[1].col = -1;
	t->sort[0].desc = t->sort[1].desc = false;
	table_refresh(t, false);
}

/* ---- selection ---- */

static bool
table_selectable(const struct table *t, int i)
{
	return i >= 0 && i < (int)t->nview && !t->rows[t->view[i]].heading;
}

int
table_selected(const struct table *t)
{
	if (!table_selectable(t, t->sel))
		return -1;
	return (int)t->view[t->sel];
}

struct content_entity *
table_selected_entity(const struct table *t)
{
	int r = table_selected(t);

	return r >= 0 ? t->rows[r].entity : NULL;
}

bool
table_select_row(struct table *t, size_t row)
{
	size_t i;

	for (i = 0; i < t->nview; i++) {
		if (t->view[i] == row && !t->rows[row].heading) {
			t->sel = (int)i;
			return true;
		}
	}
	return false;
}

void
table_move(struct table *t, int delta)
{
	int i = t->sel, step = delta >= 0 ? 1 : -1, left = abs(delta);
	int last = t->sel;

	if (t->nview == 0) {
		t->sel = -1;
		return;
	}
	if (delta == 0)
		left = 0;
	while (left > 0) {
		i += step;
		if (i < 0 || i >= (int)t->nview)
			break;
		if (table_selectable(t, i)) {
			last = i;
			left--;
		}
	}
	if (!table_selectable(t, last)) {
		for (last = 0; last < (int)t->nview && !table_selectable(t, last);
		    last++)
			;
	}
	t->sel = last < (int)t->nview ? last : -1;
}

void
table_move_col(struct table *t, int delta)
{
	t->col += delta;
	if (t->col >= (int)t->ncols)
		t->col = (int)t->ncols - 1;
	if (t->col < 0)
		t->col = 0;
}

bool
table_action(struct table *t, enum action act)
{
	int page = HMS_MAX(t->height - 1, 1);

	switch (act) {
	case ACTION_UP:
		table_move(t, -1);
		break;
	case ACTION_DOWN:
		table_move(t, 1);
		break;
	case ACTION_PAGE_UP:
		table_move(t, -page);
		break;
	case ACTION_PAGE_DOWN:
		table_move(t, page);
		break;
	case ACTION_HALF_UP:
		table_move(t, -HMS_MAX(page / 2, 1));
		break;
	case ACTION_HALF_DOWN:
		table_move(t, HMS_MAX(page / 2, 1));
		break;
	case ACTION_TOP:
		t->sel = -1;
		t->top = 0;
		table_move(t, 1);
		break;
	case ACTION_BOTTOM:
		table_move(t, (int)t->nview);
		break;
	case ACTION_LEFT:
	case ACTION_PREV_LINK:
		table_move_col(t, -1);
		break;
	case ACTION_RIGHT:
	case ACTION_NEXT_LINK:
		table_move_col(t, 1);
		break;
	case ACTION_SORT:
		if (t->fixed_order)
			return false;
		/* Numbers start with the largest, text with あ. */
		table_sort_by(t, t->col, t->cols[t->col].kind == TABLE_NUMBER);
		break;
	case ACTION_SORT_REVERSE:
		if (t->fixed_order)
			return false;
		if (t->sort[0].col < 0)
			table_sort_by(t, t->col, t->cols[t->col].kind !=
			    TABLE_NUMBER);
		else
			table_sort_reverse(t);
		break;
	case ACTION_SORT_RESET:
		if (t->fixed_order)
			return false;
		table_sort_reset(t);
		break;
	default:
		return false;
	}
	return true;
}

char *
table_describe(const struct table *t)
{
	struct buf b;
	int k;

	buf_init(&b);
	buf_printf(&b, _("%zu of %zu rows"), t->nshown, t->ndata);
	if (t->sort[0].col >= 0) {
		buf_printf(&b, "  %s ", _("sort:"));
		for (k = 0; k < 2 && t->sort[k].col >= 0; k++) {
			if (k > 0)
				buf_printf(&b, ", %s ", _("then"));
			buf_printf(&b, "%s %s", t->cols[t->sort[k].col].header,
			    t->sort[k].desc ? _("(desc)") : _("(asc)"));
		}
	}
	return buf_steal(&b);
}

/* ---- drawing ---- */

/* The narrowest a column may become on a screen w cells wide: its
 * minimum, but a frozen column leaves two thirds of a narrow screen to
 * the others. */
static int
table_minw(const struct table *t, size_t i, int w)
{
	if (i < t->nfrozen)
		return HMS_MIN(t->cols[i].minw, HMS_MAX(8, w / 3));
	return t->cols[i].minw;
}

/* Shown widths of the columns for w cells: natural widths, the widest
 * shrunk first (never below their minimum) until the table fits or
 * nothing can shrink; then it scrolls. */
static void
table_widths(const struct table *t, int w, int *wd)
{
	size_t i;
	int need = 2, best;

	for (i = 0; i < t->ncols; i++) {
		wd[i] = t->cols[i].natural;
		need += 1 + wd[i];
	}
	while (need > w) {
		best = -1;
		for (i = 0; i < t->ncols; i++) {
			if (wd[i] > table_minw(t, i, w) &&
			    (best < 0 || wd[i] > wd[best]))
				best = (int)i;
		}
		if (best < 0)
			break;
		wd[best]--;
		need--;
	}
}

/* Draw one cell's text into [cx, cx + cw), cut with ">" when longer. */
static void
table_put_cell(struct surface *s, int cx, int y, int cw, const char *text,
    int width, bool right, enum style st)
{
	size_t fit;
	int used;

	if (cw <= 0)
		return;
	if (width <= cw) {
		surface_puts(s, right ? cx + cw - width : cx, y, width, text, st);
		return;
	}
	fit = text_fit(text, strlen(text), cw - 1, &used);
	surface_put(s, cx, y, cw - 1, text, fit, st);
	surface_puts(s, cx + cw - 1, y, 1, ">", st == STYLE_NORMAL ?
	    STYLE_DIM : st);
}

/* Which columns are shown where: fills t->colx and t->colw (the shown
 * part) and returns whether columns are hidden on the right. */
static bool
table_place(struct table *t, int x, int w, const int *wd)
{
	size_t i;
	int pos, end, right = x + w - 1;
	bool more = false;

	for (i = 0; i < t->ncols; i++)
		t->colx[i] = -1, t->colw[i] = 0;
	/* Scrolled just enough for the selected column to be in sight,
	 * whatever the width was before: a resize back to a wide screen
	 * shows every column again. */
	t->left = (int)t->nfrozen;
	if (t->col >= (int)t->nfrozen) {
		for (;;) {
			pos = x + 1;
			for (i = 0; i < t->nfrozen; i++)
				pos += 1 + wd[i];
			for (i = (size_t)t->left; i <= (size_t)t->col; i++)
				pos += 1 + wd[i];
			if (pos <= right || t->left >= t->col)
				break;
			t->left++;
		}
	}
	pos = x + 1;
	for (i = 0; i < t->ncols; i++) {
		if (i >= t->nfrozen && i < (size_t)t->left)
			continue;
		if (pos + 1 >= right) {
			more = true;
			break;
		}
		end = HMS_MIN(pos + 1 + wd[i], right);
		t->colx[i] = pos + 1;
		t->colw[i] = end - (pos + 1);
		if (t->colw[i] < wd[i])
			more = true;
		pos += 1 + wd[i];
	}
	return more;
}

void
table_draw(struct table *t, struct surface *s, int x, int y, int w, int h)
{
	int *wd, bh, row, vi;
	size_t i;
	bool more;
	char head[256];

	surface_fill(s, x, y, w, h, STYLE_NORMAL);
	t->x = x;
	t->y = y;
	t->w = w;
	t->height = bh = HMS_MAX(h - 1, 0);
	if (t->ncols == 0 || w < 4 || h < 1)
		return;
	wd = xcalloc(t->ncols, sizeof *wd);
	table_widths(t, w, wd);
	more = table_place(t, x, w, wd);

	/* The header: the selected column in brackets, sort marks, and
	 * "<" ">" where columns are scrolled out of sight. */
	for (i = 0; i < t->ncols; i++) {
		bool sel = (int)i == t->col;
		if (t->colx[i] < 0)
			continue;
		table_header_text(t, (int)i, head, sizeof head);
		table_put_cell(s, t->colx[i], y, t->colw[i], head,
		    text_width(head, strlen(head)),
		    (t->cols[i].flags & TABLE_COL_RIGHT) != 0,
		    sel ? STYLE_SELECTED : STYLE_HEADING);
		if (sel) {
			surface_puts(s, t->colx[i] - 1, y, 1, "[", STYLE_HEADING);
			if (t->colx[i] + t->colw[i] < x + w)
				surface_puts(s, t->colx[i] + t->colw[i], y, 1, "]",
				    STYLE_HEADING);
		}
	}
	if (t->left > (int)t->nfrozen && t->colx[t->left] > 0 &&
	    t->col != t->left)
		surface_puts(s, t->colx[t->left] - 1, y, 1, "<", STYLE_MARK);
	if (more)
		surface_puts(s, x + w - 1, y, 1, ">", STYLE_MARK);

	/* Keep the selection in sight, with its heading when there is
	 * room, and no empty space below the last row. */
	if (t->sel >= 0 && t->sel < t->top)
		t->top = t->sel;
	if (t->sel >= t->top + bh)
		t->top = t->sel - bh + 1;
	if (t->top > 0 && t->top == t->sel && t->rows[t->view[t->top - 1]].heading)
		t->top--;
	if (t->top > (int)t->nview - bh)
		t->top = (int)t->nview - bh;
	if (t->top < 0)
		t->top = 0;

	for (row = 0; row < bh; row++) {
		const struct table_row *r;
		int ry = y + 1 + row;
		enum style st;
		vi = t->top + row;
		if (vi >= (int)t->nview)
			break;
		r = &t->rows[t->view[vi]];
		if (r->heading) {
			surface_puts(s, x + 1, ry, w - 1, r->cells[0].text,
			    STYLE_HEADING);
			continue;
		}
		st = STYLE_NORMAL;
		if (vi == t->sel)
			st = t->cell_cursor ? STYLE_SELECTED_DIM : STYLE_SELECTED;
		surface_fill(s, x, ry, w, 1, st);
		/* The selection is marked by ">" too: never by colour
		 * alone. */
		if (vi == t->sel)
			surface_puts(s, x, ry, 1, ">", st);
		for (i = 0; i < t->ncols; i++) {
			const struct table_cell *c = &r->cells[i];
			enum style cst = st;
			if (t->colx[i] < 0)
				continue;
			if (vi == t->sel && t->cell_cursor && (int)i == t->col) {
				cst = STYLE_SELECTED;
				surface_puts(s, t->colx[i] - 1, ry, 1, "[", st);
				if (t->colx[i] + t->colw[i] < x + w)
					surface_puts(s, t->colx[i] + t->colw[i],
					    ry, 1, "]", st);
				surface_fill(s, t->colx[i], ry, t->colw[i], 1, cst);
			}
			table_put_cell(s, t->colx[i], ry, t->colw[i], c->text,
			    c->width, (t->cols[i].flags & TABLE_COL_RIGHT) != 0,
			    cst);
		}
	}
	free(wd);
}

int
table_hit(const struct table *t, int x, int y, int *col)
{
	size_t i;
	int vi;

	*col = -1;
	if (x < t->x || x >= t->x + t->w || y < t->y || y > t->y + t->height ||
	    t->colx == NULL)
		return -2;
	for (i = 0; i < t->ncols; i++) {
		if (t->colx[i] >= 0 && x >= t->colx[i] - 1 &&
		    x < t->colx[i] + t->colw[i])
			*col = (int)i;
	}
	if (y == t->y)
		return -1;
	vi = t->top + (y - t->y - 1);
	return vi < (int)t->nview ? vi : -2;
}

/* ---- export ---- */

static void
table_export_field(FILE *f, const char *s, enum table_format fmt)
{
	if (fmt == TABLE_CSV)
		out_csv_field(f, s != NULL ? s : "");
	else
		out_tsv_field(f, s);
}

size_t
table_export(const struct table *t, FILE *f, enum table_format fmt)
{
	const char *sep = fmt == TABLE_CSV ? "," : "\t";
	size_t i, k, n = 0;

	for (k = 0; k < t->nxcols; k++) {
		if (k > 0)
			fputs(sep, f);
		table_export_field(f, t->xcols[k], fmt);
	}
	fputs(fmt == TABLE_CSV ? "\r\n" : "\n", f);
	for (i = 0; i < t->nview; i++) {
		const struct table_row *r = &t->rows[t->view[i]];
		if (r->heading)
			continue;
		for (k = 0; k < t->nxcols; k++) {
			if (k > 0)
				fputs(sep, f);
			table_export_field(f, r->xcells[k], fmt);
		}
		fputs(fmt == TABLE_CSV ? "\r\n" : "\n", f);
		n++;
	}
	return n;
}

const char *
table_format_number(char *buf, size_t size, double v)
{
	return util_format_number(buf, size, v);
}
