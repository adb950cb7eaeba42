/* view-table.c — the frame of every table view: info line, table, footer,
 * detail pane; filter, export, open, history. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/uio.h>
#include <unistd.h>

#include "content.h"
#include "i18n.h"
#include "key.h"
#include "keymap.h"
#include "layout.h"
#include "output.h"
#include "table.h"
#include "text.h"
#include "util.h"
#include "view-table.h"

/* Room for the place of a column in a saved place: row * this + col. */
#define VIEW_TABLE_PLACE_COLS 64

struct view_table *
view_table_new(enum view_id v, struct table *t, const char *file)
{
	struct view_table *vt = xcalloc(1, sizeof *vt);

	vt->view = v;
	vt->t = t;
	vt->file = file;
	vt->page_row = -1;
	return vt;
}

/* What the table and its setup made; the filter and export path stay. */
static void
view_table_clear(struct view_table *vt)
{
	table_free(vt->t);
	vt->t = NULL;
	page_free(vt->page);
	vt->page = NULL;
	vt->page_row = -1;
	if (vt->priv_free != NULL)
		vt->priv_free(vt->priv);
	vt->priv = NULL;
	vt->priv_free = NULL;
	vt->gen++;
}

void
view_table_replace(struct view_table *vt, struct table *t)
{
	view_table_clear(vt);
	vt->t = t;
}

void
view_table_destroy(void *self)
{
	struct view_table *vt = self;

	view_table_clear(vt);
	free(vt->export_path);
	free(vt);
}

void
view_table_touch(struct view_table *vt)
{
	vt->gen++;
}

/* ---- the detail pane ---- */

void
view_table_page_heading(struct page *p, const char *text)
{
	page_newline(p, -1, 0);
	page_add(p, text, strlen(text), STYLE_TITLE, -1);
}

void
view_table_page_para(struct page *p, const char *label, const char *text,
    int indent)
{
	struct buf b;
	struct page_range r = { 0, 0, STYLE_HEADING, -1 };

	buf_init(&b);
	if (label != NULL) {
		buf_printf(&b, "%s: ", label);
		r.len = b.len - 1;
	}
	buf_adds(&b, text != NULL ? text : "");
	page_add_wrapped(p, b.data, b.len, indent, false, STYLE_NORMAL, &r,
	    label != NULL ? 1 : 0, -1);
	buf_free(&b);
}

void
view_table_detail_cells(struct view_table *vt, struct page *p, int width)
{
	struct table *t = vt->t;
	const struct table_row *r;
	int row = table_selected(t);
	size_t i;

	(void)width;
	if (row < 0)
		return;
	r = &t->rows[row];
	if (r->entity != NULL)
		view_table_page_heading(p, r->entity->title);
	for (i = 0; i < t->ncols; i++) {
		if (r->cells[i].text[0] == '\0' || i == 0)
			continue;
		view_table_page_para(p, t->cols[i].header, r->cells[i].text, 2);
	}
	if (r->entity != NULL)
		view_table_page_para(p, _("Id"), r->entity->id, 2);
}

static void
view_table_build_page(struct ui *ui, struct view_table *vt, int width)
{
	page_free(vt->page);
	vt->page = page_new(width);
	if (vt->detail != NULL)
		vt->detail(ui, vt, vt->page, width);
	else
		view_table_detail_cells(vt, vt->page, width);
	vt->page_row = table_selected(vt->t);
	vt->page_col = vt->t->col;
	vt->page_width = width;
	vt->page_gen = vt->gen;
}

/* ---- drawing ---- */

/* The first key bound to act in the view's table or global, or NULL. */
static const char *
view_table_key_for(struct ui *ui, enum keymap_table tab, enum action act,
    char *buf, size_t size)
{
	const struct keymap_binding *b;
	enum keymap_table tabs[2] = { tab, KEYMAP_GLOBAL };
	size_t n, i;
	int k;

	for (k = 0; k < 2; k++) {
		b = keymap_bindings(ui_keymap(ui), tabs[k], &n);
		for (i = 0; i < n; i++) {
			if (b[i].action == act)
				return key_seq_to_name(&b[i].seq, buf, size);
		}
	}
	return NULL;
}

/* "f:filter s:sort e:export" from the live bindings. */
static void
view_table_hints(struct ui *ui, struct view_table *vt, struct buf *b)
{
	static const struct {
		enum action	 act;
		const char	*what;
	} hints[] = {
		{ ACTION_FILTER, N_("filter") },
		{ ACTION_SORT, N_("sort") },
		{ ACTION_TOTALS, N_("totals") },
		{ ACTION_EXPORT, N_("export") },
		{ ACTION_FOLLOW, N_("open") },
	};
	enum keymap_table tab = ui_view_ops(ui, vt->view)->table;
	char key[32];
	size_t i;

	for (i = 0; i < HMS_NELEM(hints); i++) {
		/* Totals only where they mean something. */
		if (hints[i].act == ACTION_TOTALS && vt->view != VIEW_PROGRAMS &&
		    vt->view != VIEW_FUNDS)
			continue;
		if (hints[i].act == ACTION_SORT && vt->view == VIEW_ROADMAP)
			continue;
		if (view_table_key_for(ui, tab, hints[i].act, key,
		    sizeof key) == NULL)
			continue;
		buf_printf(b, "%s%s:%s", b->len > 0 ? " " : "", key,
		    _(hints[i].what));
	}
}

static void
view_table_draw_info(struct ui *ui, struct view_table *vt, struct surface *s,
    int x, int y, int w)
{
	struct buf left, right;
	char *d, *extra;
	int rw;

	buf_init(&left);
	buf_init(&right);
	d = table_describe(vt->t);
	buf_adds(&left, d);
	free(d);
	if (vt->t->filter != NULL)
		buf_printf(&left, "  %s %s", _("filter:"), vt->t->filter);
	if (vt->info != NULL && (extra = vt->info(ui, vt)) != NULL) {
		buf_printf(&left, "  %s", extra);
		free(extra);
	}
	view_table_hints(ui, vt, &right);
	surface_fill(s, x, y, w, 1, STYLE_NORMAL);
	rw = right.len > 0 ? text_width(right.data, right.len) : 0;
	/* The hints give way to the state when the line is short. */
	if (rw > 0 && text_width(left.data, left.len) + rw + 2 <= w) {
		surface_put(s, x + w - rw, y, rw, right.data, right.len,
		    STYLE_DIM);
		surface_put(s, x, y, w - rw - 2, left.data, left.len,
		    STYLE_HEADING);
	} else
		surface_put(s, x, y, w, left.data, left.len, STYLE_HEADING);
	buf_free(&left);
	buf_free(&right);
}

void
view_table_draw(void *self, struct ui *ui, struct surface *s,
    int x, int y, int w, int h)
{
	struct view_table *vt = self;
	int fh = 0, dh = 0, th, rest;
	char line[256];

	surface_fill(s, x, y, w, h, STYLE_NORMAL);
	if (h < 3) {
		table_draw(vt->t, s, x, y, w, h);
		return;
	}
	view_table_draw_info(ui, vt, s, x, y, w);
	y++;
	h--;
	if (vt->footer_lines != NULL)
		fh = HMS_MIN(vt->footer_lines(ui, vt), HMS_MAX(h - 3, 0));
	/* The detail pane takes a third of a tall screen; a short one
	 * keeps its rows for the table. */
	rest = h - fh;
	if (rest >= 14)
		dh = HMS_MIN(HMS_MAX(rest / 3, 5), 14);
	else if (rest >= 9)
		dh = 3;
	th = rest - dh;
	/* A short table (a narrow filter) leaves its spare rows to the
	 * detail pane. */
	if (dh > 0 && (int)vt->t->nview + 1 < th) {
		dh += th - HMS_MAX((int)vt->t->nview + 1, 2);
		th = HMS_MAX((int)vt->t->nview + 1, 2);
	}
	table_draw(vt->t, s, x, y, w, th);
	if (fh > 0 && vt->footer != NULL)
		vt->footer(ui, vt, s, x, y + th, w, fh);
	if (dh < 2)
		return;
	if (vt->page == NULL || vt->page_width != w ||
	    vt->page_row != table_selected(vt->t) ||
	    vt->page_col != vt->t->col || vt->page_gen != vt->gen)
		view_table_build_page(ui, vt, w);
	/* A rule, saying when the pane cannot show everything. */
	memset(line, '-', sizeof line);
	surface_put(s, x, y + th + fh, w, line, (size_t)HMS_MIN(w,
	    (int)sizeof line), STYLE_BORDER);
	if ((int)vt->page->nlines > dh - 1) {
		int more = (int)vt->page->nlines - (dh - 1);
		snprintf(line, sizeof line, ngettext(
		    " %d more line: Enter opens the page ",
		    " %d more lines: Enter opens the page ", more), more);
		surface_puts(s, x + 2, y + th + fh, w - 2, line, STYLE_DIM);
	}
	page_draw(vt->page, s, x, y + th + fh + 1, w, dh - 1, 0, -1);
}

/* ---- prompts ---- */

static struct view_table *
view_table_current(struct ui *ui)
{
	enum view_id v = ui_current_view(ui);

	if (v != VIEW_KPIS && v != VIEW_PROGRAMS && v != VIEW_ROADMAP &&
	    v != VIEW_FUNDS)
		return NULL;
	return ui_view(ui, v);
}

/* The filter follows every keystroke. */
static void
view_table_filter_changed(struct ui *ui, const char *text)
{
	struct view_table *vt = view_table_current(ui);

	if (vt == NULL)
		return;
	table_filter(vt->t, text);
	view_table_touch(vt);
}

static void
view_table_filter_done(struct ui *ui, const char *text)
{
	struct view_table *vt = view_table_current(ui);

	if (vt == NULL)
		return;
	/* Escape (text NULL) clears the filter, as an empty one does:
	 * the way back to every row; Up in the prompt brings the last
	 * filter back. */
	table_filter(vt->t, text != NULL && *text != '\0' ? text : NULL);
	view_table_touch(vt);
	if (vt->t->nshown == 0 && text != NULL)
		ui_message(ui, "%s", _("No rows match (Escape clears the filter)."));
}

static char *
view_table_expand(const char *path)
{
	const char *home = getenv("HOME");

	if (strncmp(path, "~/", 2) == 0 && home != NULL && *home != '\0')
		return xasprintf("%s/%s", home, path + 2);
	return xstrdup(path);
}

long
view_table_export_file(const struct table *t, const char *path, char **err)
{
	char *full, *data = NULL;
	size_t n, len, dlen = 0;
	struct iovec iov;
	FILE *f;
	enum table_format fmt = TABLE_TSV;
	long rows = -1;
	bool ok;

	*err = NULL;
	full = view_table_expand(path);
	len = strlen(full);
	if (len > 4 && strcasecmp(full + len - 4, ".csv") == 0)
		fmt = TABLE_CSV;
	/* Made in memory, then written by the one safe writer: never a
	 * half file, never through a link planted beside it. */
	if ((f = open_memstream(&data, &dlen)) == NULL) {
		*err = xasprintf(_("cannot write %s: %s"), full, strerror(errno));
		goto out;
	}
	/* hms --bom: for spreadsheet programs that need the mark. */
	if (fmt == TABLE_CSV)
		out_bom(f);
	n = table_export(t, f, fmt);
	ok = !ferror(f);
	if (fclose(f) != 0 || !ok) {
		*err = xasprintf(_("cannot write %s: %s"), full, strerror(errno));
		goto out;
	}
	iov.iov_base = data;
	iov.iov_len = dlen;
	if (util_write_file(AT_FDCWD, full, &iov, 1, 0666, UTIL_WRITE_SYNC) != 0) {
		*err = xasprintf(_("cannot write %s: %s"), full, strerror(errno));
		goto out;
	}
	rows = (long)n;
out:
	free(data);
	free(full);
	return rows;
}

static void
view_table_export_done(struct ui *ui, const char *text)
{
	struct view_table *vt = view_table_current(ui);
	char *err, *full;
	long n;

	if (vt == NULL || text == NULL || *text == '\0')
		return;
	free(vt->export_path);
	vt->export_path = xstrdup(text);
	n = view_table_export_file(vt->t, text, &err);
	if (n < 0) {
		ui_error(ui, "%s", err);
		free(err);
		return;
	}
	full = view_table_expand(text);
	ui_message(ui, _("Wrote %ld rows to %s"), n, full);
	free(full);
}

/* ---- actions ---- */

struct content_entity *
view_table_selection(void *self, struct ui *ui)
{
	struct view_table *vt = self;

	if (vt->t == NULL)
		return NULL;
	return vt->target != NULL ? vt->target(ui, vt) :
	    table_selected_entity(vt->t);
}

static void
view_table_open(struct ui *ui, struct view_table *vt)
{
	struct content_entity *e;

	e = vt->target != NULL ? vt->target(ui, vt) :
	    table_selected_entity(vt->t);
	if (e == NULL) {
		ui_message(ui, "%s", _("Nothing to open here."));
		return;
	}
	ui_open(ui, e);
}

bool
view_table_action(void *self, struct ui *ui, enum action act)
{
	struct view_table *vt = self;
	char *init, *prompt;

	if (vt->action != NULL && vt->action(ui, vt, act)) {
		view_table_touch(vt);
		return true;
	}
	switch (act) {
	case ACTION_FOLLOW:
	case ACTION_OPEN:
		view_table_open(ui, vt);
		return true;
	case ACTION_FILTER:
		prompt = xasprintf(_("Filter (%s): "), vt->filter_hint != NULL ?
		    _(vt->filter_hint) : _("words, COLUMN:WORD, -WORD"));
		/* A new filter starts empty (less's &); the last one is
		 * a key away in the prompt's history (Up). */
		ui_prompt(ui, prompt, "filter", NULL,
		    view_table_filter_changed, view_table_filter_done);
		free(prompt);
		return true;
	case ACTION_EXPORT:
		init = vt->export_path != NULL ? xstrdup(vt->export_path) :
		    xasprintf("~/%s", vt->file);
		ui_prompt(ui, _("Export to (.tsv or .csv): "), NULL, init, NULL,
		    view_table_export_done);
		free(init);
		return true;
	case ACTION_TOTALS:
		ui_message(ui, "%s", _("Totals are in the programs table (F)."));
		return true;
	default:
		break;
	}
	if (table_action(vt->t, act)) {
		view_table_touch(vt);
		return true;
	}
	return false;
}

/* Escape clears the filter: the way back to every row. */
bool
view_table_key(void *self, struct ui *ui, uint32_t key)
{
	struct view_table *vt = self;
	if (key == HK_ESCAPE && vt->t->filter != NULL) {
		table_filter(vt->t, NULL);
		view_table_touch(vt);
		ui_message(ui, "%s", _("Filter cleared."));
		return true;
	}
	return false;
}

bool
view_table_click(void *self, struct ui *ui, int x, int y,
    int button)
{
	struct view_table *vt = self;
	struct table *t = vt->t;
	int vi, col;

	if (button == 4 || button == 5) {
		table_move(t, button == 4 ? -3 : 3);
		view_table_touch(vt);
		return true;
	}
	vi = table_hit(t, x, y, &col);
	if (vi == -2)
		return false;
	if (col >= 0)
		t->col = col;
	if (vi == -1) {
		/* A click on a header sorts by it. */
		if (col >= 0)
			table_action(t, ACTION_SORT);
	} else if (vi == t->sel)
		view_table_open(ui, vt);
	else if (vi >= 0 && !t->rows[t->view[vi]].heading)
		t->sel = vi;
	view_table_touch(vt);
	return true;
}

void
view_table_position(void *self, char *buf, size_t size)
{
	struct view_table *vt = self;
	const struct table *t = vt->t;
	size_t i, n = 0;

	if (t->sel < 0) {
		snprintf(buf, size, "0/%zu", t->nshown);
		return;
	}
	for (i = 0; i <= (size_t)t->sel && i < t->nview; i++) {
		if (!t->rows[t->view[i]].heading)
			n++;
	}
	snprintf(buf, size, "%zu/%zu", n, t->nshown);
}

int
view_table_save(void *self)
{
	struct view_table *vt = self;
	int row = table_selected(vt->t);

	if (row < 0)
		return -1;
	return row * VIEW_TABLE_PLACE_COLS + vt->t->col % VIEW_TABLE_PLACE_COLS;
}

void
view_table_restore(void *self, int place)
{
	struct view_table *vt = self;
	if (place < 0)
		return;
	if (table_select_row(vt->t, (size_t)(place / VIEW_TABLE_PLACE_COLS)))
		vt->t->col = place % VIEW_TABLE_PLACE_COLS;
	table_move_col(vt->t, 0);
	view_table_touch(vt);
}
