/* view-compare.c — periods 1 | 2 | 3 side by side, full screen.
 *
 * The table is the model of compare.h laid out for the width: three
 * columns from 120 cells, else a pair (1|2 or 2|3; one period below 60)
 * that shift-pair (> <) moves.  Every column scrolls with the others, as
 * they are lines of one layout.  The selection is an item of a cell (a
 * project, a KPI, a policy); up and down walk the items of the column,
 * h and l change column (shifting the pair at the edge), Enter opens the
 * item, Tab jumps to the next section, D shows only the rows that differ
 * between the periods shown.  Below the table a few lines explain the
 * selected cell: its entity, and the note behind each of its marks (the
 * basis of an inference). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

#include "compare.h"
#include "content.h"
#include "i18n.h"
#include "text.h"
#include "util.h"
#include "view.h"

struct view_compare {
	struct compare		*cmp;
	struct compare_layout	*lay;		/* for the last width drawn */
	int			 pair;		/* first period shown when not
						   all three fit */
	bool			 diff_only;
	/* The selection: item (-1: the cell as a whole, when it has none)
	 * of period's cell in row of section.  Always a row of the
	 * layout once drawn. */
	int			 sec, row, period, item;
	int			 top;		/* first line of the table shown */
	int			 body_y, body_h;	/* where lines were drawn */
	bool			 follow;	/* scroll to the selection */
	int			 restore_off;	/* from history: the selected
						   row's distance from top, or -1 */
};

/* A selectable item of the current column: its row (a place of the
 * layout), its index (-1: an empty cell) and its first line. */
struct view_compare_pos {
	size_t	place;
	int	item;
	int	line;
};

static void *
view_compare_create(struct ui *ui)
{
	struct view_compare *vc = xcalloc(1, sizeof *vc);

	vc->pair = 1;
	vc->period = 1;
	vc->item = 0;
	vc->follow = true;
	vc->restore_off = -1;
	vc->cmp = compare_build(ui_content(ui));
	return vc;
}

static struct view_compare *
view_compare_state(struct ui *ui)
{
	return ui_view(ui, VIEW_COMPARE);
}

static const struct compare_cell *
view_compare_cell(const struct view_compare *vc, int sec, int row, int period)
{
	return &vc->cmp->sections[sec].rows[row].cells[period - 1];
}

/* The item index to select in a cell, near want. */
static int
view_compare_fit_item(const struct compare_cell *cell, int want)
{
	if (cell->nitems == 0)
		return -1;
	return HMS_MAX(0, HMS_MIN(want, (int)cell->nitems - 1));
}

/* First and last line of the selected item within its row, or of the
 * whole row when the cell has no item. */
static void
view_compare_item_lines(const struct view_compare *vc,
    const struct compare_place *pl, int period, int item, int *first,
    int *last)
{
	const struct compare_layout *l = vc->lay;
	const struct compare_line *ln;
	const struct compare_frag *f;
	int i;
	size_t k;

	*first = *last = -1;
	for (i = pl->line; i < pl->line + pl->nlines; i++) {
		ln = &l->lines[i];
		for (k = 0; k < ln->nfrags; k++) {
			f = &l->frags[ln->frag + k];
			if (f->period != period || f->item != item)
				continue;
			if (*first < 0)
				*first = i;
			*last = i;
		}
	}
	if (*first < 0) {
		*first = pl->line;
		*last = pl->line + pl->nlines - 1;
	}
}

/* The selectable items of the current column, in order.  The caller
 * frees the array. */
static void
view_compare_pos_add(const struct view_compare *vc, struct view_compare_pos **v,
    size_t *n, size_t *cap, size_t place, int item)
{
	int first, last;

	view_compare_item_lines(vc, &vc->lay->places[place], vc->period, item,
	    &first, &last);
	util_grow(v, cap, *n + 1, sizeof **v);
	(*v)[*n].place = place;
	(*v)[*n].item = item;
	(*v)[*n].line = first;
	(*n)++;
}

/* The selectable items of the current column, in order (a cell without
 * items is one position).  The caller frees the array. */
static struct view_compare_pos *
view_compare_positions(const struct view_compare *vc, size_t *n)
{
	const struct compare_layout *l = vc->lay;
	struct view_compare_pos *v = NULL;
	const struct compare_cell *cell;
	size_t i, k, cap = 0;

	*n = 0;
	for (i = 0; i < l->nplaces; i++) {
		cell = view_compare_cell(vc, l->places[i].section,
		    l->places[i].row, vc->period);
		if (cell->nitems == 0)
			view_compare_pos_add(vc, &v, n, &cap, i, -1);
		for (k = 0; k < cell->nitems; k++)
			view_compare_pos_add(vc, &v, n, &cap, i, (int)k);
	}
	return v;
}

static void
view_compare_select(struct view_compare *vc, const struct view_compare_pos *p)
{
	vc->sec = vc->lay->places[p->place].section;
	vc->row = vc->lay->places[p->place].row;
	vc->item = p->item;
	vc->follow = true;
}

/* Index of the selection among the positions, or -1. */
static int
view_compare_find_pos(const struct view_compare *vc,
    const struct view_compare_pos *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct compare_place *pl = &vc->lay->places[v[i].place];
		if (pl->section == vc->sec && pl->row == vc->row &&
		    v[i].item == vc->item)
			return (int)i;
	}
	return -1;
}

/* Keep the selection on a row the layout shows: the same row, else the
 * next shown one of the section order, else the last. */
static void
view_compare_fix_selection(struct view_compare *vc)
{
	const struct compare_layout *l = vc->lay;
	const struct compare_cell *cell;
	size_t i;

	if (l->nplaces == 0)
		return;
	vc->period = HMS_MAX(l->first, HMS_MIN(vc->period, l->last));
	if (compare_layout_find(l, vc->sec, vc->row) == NULL) {
		for (i = 0; i < l->nplaces; i++) {
			if (l->places[i].section > vc->sec ||
			    (l->places[i].section == vc->sec &&
			    l->places[i].row > vc->row))
				break;
		}
		if (i == l->nplaces)
			i--;
		vc->sec = l->places[i].section;
		vc->row = l->places[i].row;
		vc->item = 0;
	}
	cell = view_compare_cell(vc, vc->sec, vc->row, vc->period);
	vc->item = view_compare_fit_item(cell, vc->item);
}

/* Lay the table out for width w (again if the width, the periods shown
 * or the filter changed). */
static void
view_compare_layout(struct view_compare *vc, int w)
{
	int ncols = compare_columns_for(w), first, last;

	if (ncols == COMPARE_PERIODS)
		first = 1;
	else
		first = HMS_MAX(1, HMS_MIN(vc->pair, COMPARE_PERIODS - ncols + 1));
	/* The selected column stays on the screen, at any width: a resize
	 * to one column and back keeps the cell. */
	if (vc->period < first)
		first = vc->period;
	else if (vc->period > first + ncols - 1)
		first = vc->period - ncols + 1;
	last = first + ncols - 1;
	if (vc->lay != NULL && vc->lay->width == w && vc->lay->first == first &&
	    vc->lay->last == last && vc->lay->diff_only == vc->diff_only)
		return;
	compare_layout_free(vc->lay);
	vc->lay = compare_layout(vc->cmp, w, first, last, vc->diff_only, -1);
	view_compare_fix_selection(vc);
	vc->follow = true;
}

/* The line where a section's heading starts. */
static int
view_compare_section_line(const struct view_compare *vc, int sec)
{
	size_t i;

	for (i = 0; i < vc->lay->nlines; i++) {
		if (vc->lay->lines[i].section == sec)
			return (int)i;
	}
	return 0;
}

static void
view_compare_scroll_to_selection(struct view_compare *vc)
{
	const struct compare_place *pl;
	int first, last, lo, hi, head;

	pl = compare_layout_find(vc->lay, vc->sec, vc->row);
	if (pl == NULL)
		return;
	if (vc->restore_off >= 0) {
		vc->top = pl->line - vc->restore_off;
		vc->restore_off = -1;
	}
	view_compare_item_lines(vc, pl, vc->period, vc->item, &first, &last);
	lo = first;
	hi = last;
	/* Show the whole row, and a section's first row with the section's
	 * heading, when they fit. */
	if (pl->nlines <= vc->body_h) {
		lo = pl->line;
		hi = pl->line + pl->nlines - 1;
	}
	head = view_compare_section_line(vc, vc->sec);
	if ((pl == vc->lay->places || (pl - 1)->section != pl->section) &&
	    hi - head < vc->body_h)
		lo = head;
	if (lo < vc->top)
		vc->top = lo;
	if (hi >= vc->top + vc->body_h)
		vc->top = HMS_MIN(hi - vc->body_h + 1, first);
}

static void
view_compare_clamp(struct view_compare *vc)
{
	int max = (int)vc->lay->nlines - vc->body_h;

	if (vc->top > max)
		vc->top = max;
	if (vc->top < 0)
		vc->top = 0;
}

/* ---- drawing ---- */

static enum style
view_compare_style(enum compare_role r)
{
	switch (r) {
	case COMPARE_ROLE_SECTION:
		return STYLE_TITLE;
	case COMPARE_ROLE_NOTE:
	case COMPARE_ROLE_DETAIL:
	case COMPARE_ROLE_EMPTY:
		return STYLE_DIM;
	case COMPARE_ROLE_LABEL:
		return STYLE_HEADING;
	case COMPARE_ROLE_MARK:
	case COMPARE_ROLE_INFERRED:
		return STYLE_MARK;
	case COMPARE_ROLE_BORDER:
		return STYLE_BORDER;
	default:
		return STYLE_NORMAL;
	}
}

/* The column heads: each period's title, then its fiscal years; the
 * label column says what the keys would change. */
static void
view_compare_draw_head(struct view_compare *vc, struct surface *s, int x,
    int y, int w, int rows)
{
	const struct compare_layout *l = vc->lay;
	char years[32], buf[160];
	const char *title;
	int p, tw, used;

	for (p = l->first; p <= l->last; p++) {
		if (l->label_w > 0 || p > l->first) {
			surface_puts(s, x + l->col_x[p] - 2, y, 1, "|", STYLE_BORDER);
			if (rows > 1)
				surface_puts(s, x + l->col_x[p] - 2, y + 1, 1, "|",
				    STYLE_BORDER);
		}
		title = compare_period_title(vc->cmp, p);
		compare_period_years(vc->cmp, p, years, sizeof years);
		tw = HMS_MIN(l->text_w, w - l->col_x[p]);
		if (rows > 1) {
			surface_puts(s, x + l->col_x[p], y, tw, title, STYLE_TITLE);
			surface_puts(s, x + l->col_x[p], y + 1, tw, years,
			    STYLE_HEADING);
		} else {
			used = surface_puts(s, x + l->col_x[p], y, tw, title,
			    STYLE_TITLE);
			surface_puts(s, x + l->col_x[p] + used + 1, y,
			    tw - used - 1, years, STYLE_HEADING);
		}
	}
	if (l->label_w == 0)
		return;
	/* What is shown, in words: never by colour alone. */
	surface_puts(s, x, y, l->label_w - 1, vc->diff_only ?
	    _("Differences") : _("Periods"), STYLE_HEADING);
	if (rows > 1 && l->last - l->first + 1 < COMPARE_PERIODS) {
		snprintf(buf, sizeof buf, "%s%d", l->first > 1 ? "< " : "",
		    l->first);
		for (p = l->first + 1; p <= l->last; p++)
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			    "|%d", p);
		if (l->last < COMPARE_PERIODS)
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			    " >");
		surface_puts(s, x, y + 1, l->label_w - 1, buf, STYLE_DIM);
	}
}

static void
view_compare_rule(const struct compare_layout *l, struct surface *s, int x,
    int y, int w, bool joins)
{
	int i, p;
	char c;

	for (i = 0; i < w; i++) {
		c = '-';
		for (p = l->first; joins && p <= l->last; p++) {
			if ((l->label_w > 0 || p > l->first) && i == l->col_x[p] - 2)
				c = '+';
		}
		surface_put(s, x + i, y, 1, &c, 1, STYLE_BORDER);
	}
}

static void
view_compare_draw_body(struct view_compare *vc, struct surface *s, int x,
    int y, int w)
{
	const struct compare_layout *l = vc->lay;
	const struct compare_line *ln;
	const struct compare_frag *f;
	enum style st;
	size_t k;
	int i, line, cx;
	bool sel, marked = false;

	for (i = 0; i < vc->body_h; i++) {
		line = vc->top + i;
		if (line >= (int)l->nlines)
			break;
		ln = &l->lines[line];
		sel = false;
		for (k = 0; k < ln->nfrags; k++) {
			f = &l->frags[ln->frag + k];
			if (f->x >= w)
				continue;
			st = view_compare_style(f->role);
			if (ln->section == vc->sec && ln->row == vc->row &&
			    f->period == vc->period && f->item == vc->item &&
			    f->period != 0 && (vc->item >= 0 ||
			    f->role == COMPARE_ROLE_EMPTY)) {
				st = STYLE_SELECTED;
				sel = true;
			}
			surface_put(s, x + f->x, y + i, w - f->x, f->s, f->len, st);
		}
		if (!sel)
			continue;
		/* The selected item: reversed across its column, and ">" in
		 * the gutter of its first line (not colour alone). */
		cx = l->col_x[vc->period];
		surface_restyle(s, x + cx, y + i, HMS_MIN(l->text_w, w - cx),
		    STYLE_SELECTED);
		if (!marked && cx - 1 < w)
			surface_puts(s, x + cx - 1, y + i, 1, ">", STYLE_SELECTED);
		marked = true;
	}
}

/* Notes follow the interface language: Japanese when the interface is
 * translated (its "(inferred)" is), else the English note if there is
 * one. */
static const char *
view_compare_note(const struct compare_mark *m)
{
	bool ja = strcmp(_("(inferred)"), "(inferred)") != 0;
	const char *jn, *en;

	if (m->link == NULL)
		return NULL;
	jn = m->link->note != NULL ? m->link->note->text : NULL;
	en = m->link->note_en;
	if (ja)
		return jn != NULL ? jn : en;
	return en != NULL ? en : jn;
}

/* Why a computed mark says what it says. */
static const char *
view_compare_why(const struct view_compare *vc, const struct compare_mark *m)
{
	if (vc->sec == COMPARE_POLICIES)
		return _("aligned by shared wording: our reading, not the "
		    "sources'");
	switch (m->change) {
	case COMPARE_ENDED:
		return _("nothing in the next period continues it in the "
		    "content's lineage");
	case COMPARE_NEW:
		return _("nothing in the content's lineage comes before it");
	case COMPARE_PLACED:
		return m->to != NULL ? _("its title names a project of this "
		    "theme") : _("the theme of the project it belongs to");
	default:
		return NULL;
	}
}

static void
view_compare_prov(struct buf *b, const struct content_prov *p)
{
	if (p == NULL || p->source == NULL)
		return;
	if (p->first == p->last)
		buf_printf(b, " [%s:%d]", p->source->name, p->first);
	else
		buf_printf(b, " [%s:%d-%d]", p->source->name, p->first, p->last);
}

/* The lines below the table: the selected entity, then each mark of the
 * cell with the note behind it. */
static void
view_compare_draw_detail(struct view_compare *vc, struct surface *s, int x,
    int y, int w, int h)
{
	const struct compare_row *r = &vc->cmp->sections[vc->sec].rows[vc->row];
	const struct compare_cell *cell = &r->cells[vc->period - 1];
	const struct compare_item *it = vc->item >= 0 ?
	    &cell->items[vc->item] : NULL;
	const struct content_entity *e = it != NULL ? it->entity : NULL;
	const struct content_entity *root;
	const struct compare_mark *m;
	struct text_line *tl;
	struct buf b;
	size_t i, n, k;
	int row = 0, used;
	const char *why;

	if (h <= 0)
		return;
	buf_init(&b);
	if (e != NULL) {
		used = surface_puts(s, x, y, w, e->id, STYLE_DIM);
		root = content_root(e);
		if (root != NULL && root != e)
			buf_printf(&b, "%s > ", root->title);
		buf_adds(&b, e->title);
		if (e->title_en != NULL)
			buf_printf(&b, " / %s", e->title_en);
		surface_puts(s, x + used + 2, y, w - used - 2, b.data,
		    STYLE_NORMAL);
	} else
		surface_puts(s, x, y, w, r->label, STYLE_HEADING);
	row++;
	for (i = 0; i < cell->nmarks && row < h; i++) {
		m = &cell->marks[i];
		if (m->change != COMPARE_PLACED && vc->period == vc->lay->first)
			continue;
		buf_reset(&b);
		buf_adds(&b, m->text);
		if ((why = view_compare_note(m)) == NULL)
			why = view_compare_why(vc, m);
		if (why != NULL)
			buf_printf(&b, ": %s", why);
		if (m->link != NULL)
			view_compare_prov(&b, m->link->prov);
		n = text_wrap(b.data, b.len, w, false, &tl);
		for (k = 0; k < n && row < h; k++, row++)
			surface_put(s, x, y + row, w, b.data + tl[k].off,
			    tl[k].len, k == 0 ? STYLE_MARK : STYLE_DIM);
		free(tl);
	}
	if (row < h)
		surface_puts(s, x, y + row, w, _("Enter opens  h/l columns  "
		    "> < other pair  D differences only  Tab next section"),
		    STYLE_DIM);
	buf_free(&b);
}

static void
view_compare_draw(void *self, struct ui *ui, struct surface *s, int x, int y,
    int w, int h)
{
	struct view_compare *vc = self;
	int head_h, detail_h;

	(void)ui;
	view_compare_layout(vc, w);
	if (vc->lay->nplaces == 0) {
		surface_puts(s, x, y, w, _("Nothing to compare."), STYLE_DIM);
		return;
	}
	/* The heads and their rule, the table, a rule and the detail lines;
	 * on a tiny screen the table alone. */
	head_h = h >= 10 ? 2 : h >= 4 ? 1 : 0;
	detail_h = h >= 20 ? 4 : h >= 12 ? 2 : 0;
	vc->body_h = h - (head_h > 0 ? head_h + 1 : 0) -
	    (detail_h > 0 ? detail_h + 1 : 0);
	vc->body_h = HMS_MAX(vc->body_h, 1);
	vc->body_y = y + (head_h > 0 ? head_h + 1 : 0);
	if (vc->follow || vc->restore_off >= 0)
		view_compare_scroll_to_selection(vc);
	vc->follow = false;
	view_compare_clamp(vc);

	if (head_h > 0) {
		view_compare_draw_head(vc, s, x, y, w, head_h);
		view_compare_rule(vc->lay, s, x, y + head_h, w, true);
	}
	view_compare_draw_body(vc, s, x, vc->body_y, w);
	if (detail_h > 0) {
		view_compare_rule(vc->lay, s, x, vc->body_y + vc->body_h, w, false);
		view_compare_draw_detail(vc, s, x, vc->body_y + vc->body_h + 1,
		    w, detail_h);
	}
}

/* ---- actions ---- */

static void
view_compare_move(struct ui *ui, struct view_compare *vc, int delta)
{
	struct view_compare_pos *v;
	size_t n;
	int at;

	v = view_compare_positions(vc, &n);
	if (n > 0) {
		at = view_compare_find_pos(vc, v, n);
		at = at < 0 ? 0 : HMS_MAX(0, HMS_MIN(at + delta, (int)n - 1));
		view_compare_select(vc, &v[at]);
	}
	free(v);
	(void)ui;
}

/* Page down or up: the first item at or below (above) the line a
 * screen away. */
static void
view_compare_page(struct view_compare *vc, int dir, int lines)
{
	struct view_compare_pos *v;
	size_t n;
	int at, target, i;

	v = view_compare_positions(vc, &n);
	if (n > 0 && (at = view_compare_find_pos(vc, v, n)) >= 0) {
		target = v[at].line + dir * lines;
		i = at;
		if (dir > 0) {
			while (i + 1 < (int)n && v[i].line < target)
				i++;
			vc->top += lines;
		} else {
			while (i > 0 && v[i].line > target)
				i--;
			vc->top -= lines;
		}
		view_compare_select(vc, &v[i]);
	}
	free(v);
}

static void
view_compare_column(struct ui *ui, struct view_compare *vc, int dir)
{
	const struct compare_layout *l = vc->lay;
	int p = vc->period + dir;

	if (p < 1 || p > COMPARE_PERIODS)
		return;
	if (p < l->first || p > l->last) {
		/* Past the edge of a pair: show the next pair. */
		vc->pair += dir;
	}
	vc->period = p;
	vc->item = view_compare_fit_item(view_compare_cell(vc, vc->sec,
	    vc->row, p), vc->item);
	vc->follow = true;
	(void)ui;
}

static void
view_compare_section_jump(struct ui *ui, struct view_compare *vc, int dir)
{
	const struct compare_layout *l = vc->lay;
	size_t i;
	int target = -1;

	for (i = 0; i < l->nplaces; i++) {
		if (dir > 0 && l->places[i].section > vc->sec) {
			target = l->places[i].section;
			break;
		}
		if (dir < 0 && l->places[i].section < vc->sec)
			target = l->places[i].section;
	}
	if (target < 0) {
		ui_message(ui, "%s", dir > 0 ? _("This is the last section.") :
		    _("This is the first section."));
		return;
	}
	for (i = 0; i < l->nplaces && l->places[i].section != target; i++)
		;
	vc->sec = l->places[i].section;
	vc->row = l->places[i].row;
	vc->item = view_compare_fit_item(view_compare_cell(vc, vc->sec,
	    vc->row, vc->period), 0);
	vc->top = view_compare_section_line(vc, target);
	vc->follow = true;
}

static void
view_compare_export_done(struct ui *ui, const char *path)
{
	struct view_compare *vc = view_compare_state(ui);
	struct iovec iov;
	char *data = NULL;
	size_t len = 0;
	FILE *f;
	bool ok;

	if (path == NULL || *path == '\0')
		return;
	/* Made in memory, then written by the one safe writer (a new file
	 * renamed over the old: never a half file, never through a link). */
	if ((f = open_memstream(&data, &len)) == NULL) {
		ui_error(ui, _("Cannot write %s: %s"), path, strerror(errno));
		return;
	}
	compare_write(f, vc->cmp, -1, OUTPUT_TSV, 0);
	ok = !ferror(f);
	ok = fclose(f) == 0 && ok;
	iov.iov_base = data;
	iov.iov_len = len;
	if (!ok || util_write_file(AT_FDCWD, path, &iov, 1, 0666,
	    UTIL_WRITE_SYNC) != 0)
		ui_error(ui, _("Cannot write %s: %s"), path, strerror(errno));
	else
		ui_message(ui, _("Wrote the comparison to %s (TSV)."), path);
	free(data);
}

static bool
view_compare_action(void *self, struct ui *ui, enum action act)
{
	struct view_compare *vc = self;
	const struct compare_cell *cell;
	int page;

	if (vc->lay == NULL || vc->lay->nplaces == 0)
		return false;
	/* Act on the table as the last change left it. */
	view_compare_layout(vc, vc->lay->width);
	page = HMS_MAX(vc->body_h - 1, 1);
	switch (act) {
	case ACTION_UP:
		view_compare_move(ui, vc, -1);
		break;
	case ACTION_DOWN:
		view_compare_move(ui, vc, 1);
		break;
	case ACTION_PAGE_UP:
		view_compare_page(vc, -1, page);
		break;
	case ACTION_PAGE_DOWN:
		view_compare_page(vc, 1, page);
		break;
	case ACTION_HALF_UP:
		view_compare_page(vc, -1, HMS_MAX(page / 2, 1));
		break;
	case ACTION_HALF_DOWN:
		view_compare_page(vc, 1, HMS_MAX(page / 2, 1));
		break;
	case ACTION_TOP:
		view_compare_move(ui, vc, -(1 << 20));
		vc->top = 0;
		break;
	case ACTION_BOTTOM:
		view_compare_move(ui, vc, 1 << 20);
		break;
	case ACTION_LEFT:
		view_compare_column(ui, vc, -1);
		break;
	case ACTION_RIGHT:
		view_compare_column(ui, vc, 1);
		break;
	case ACTION_NEXT_LINK:
		view_compare_section_jump(ui, vc, 1);
		break;
	case ACTION_PREV_LINK:
		view_compare_section_jump(ui, vc, -1);
		break;
	case ACTION_FOLLOW:
	case ACTION_OPEN:
		cell = view_compare_cell(vc, vc->sec, vc->row, vc->period);
		if (vc->item >= 0 && vc->item < (int)cell->nitems &&
		    cell->items[vc->item].entity != NULL)
			ui_open(ui, cell->items[vc->item].entity);
		else
			ui_message(ui, _("Nothing in period %d here."),
			    vc->period);
		break;
	case ACTION_DIFF_ONLY:
		vc->diff_only = !vc->diff_only;
		vc->follow = true;
		ui_message(ui, "%s", vc->diff_only ?
		    _("Differences only: rows that are the same are hidden (D "
		    "shows them).") : _("Every row is shown."));
		break;
	case ACTION_SHIFT_PAIR:
		if (vc->lay->last - vc->lay->first + 1 == COMPARE_PERIODS) {
			ui_message(ui, "%s", _("All three periods are shown; "
			    "> and < shift the pair below 120 columns."));
			break;
		}
		vc->pair = vc->lay->first + 1;
		if (vc->pair + (vc->lay->last - vc->lay->first) > COMPARE_PERIODS)
			vc->pair = 1;
		vc->period = HMS_MAX(vc->pair, HMS_MIN(vc->period, vc->pair +
		    vc->lay->last - vc->lay->first));
		vc->item = view_compare_fit_item(view_compare_cell(vc, vc->sec,
		    vc->row, vc->period), vc->item);
		vc->follow = true;
		break;
	case ACTION_EXPORT:
		ui_prompt(ui, _("Export the comparison as TSV to: "), "export",
		    "hms-compare.tsv", NULL, view_compare_export_done);
		break;
	default:
		return false;
	}
	view_compare_layout(vc, vc->lay->width);
	return true;
}

static bool
view_compare_click(void *self, struct ui *ui, int x, int y, int button)
{
	struct view_compare *vc = self;
	const struct compare_layout *l = vc->lay;
	const struct compare_line *ln;
	const struct compare_frag *f;
	const struct compare_place *pl;
	size_t k;
	int line, p, period = 0, item = -1, i;

	if (l == NULL || y < vc->body_y || y >= vc->body_y + vc->body_h)
		return false;
	if (button == 4 || button == 5) {
		vc->top += button == 4 ? -3 : 3;
		view_compare_clamp(vc);
		return true;
	}
	line = vc->top + (y - vc->body_y);
	if (line >= (int)l->nlines || l->lines[line].row < 0)
		return false;
	ln = &l->lines[line];
	for (p = l->first; p <= l->last; p++) {
		if (x >= l->col_x[p] - 1 && x < l->col_x[p] + l->text_w + 1)
			period = p;
	}
	if (period == 0 || (pl = compare_layout_find(l, ln->section,
	    ln->row)) == NULL)
		return false;
	/* The item on that line, else the nearest one above it. */
	for (i = line; i >= pl->line && item < 0; i--) {
		const struct compare_line *li = &l->lines[i];
		for (k = 0; k < li->nfrags; k++) {
			f = &l->frags[li->frag + k];
			if (f->period == period && f->item >= 0)
				item = f->item;
		}
	}
	if (item < 0)
		item = view_compare_fit_item(view_compare_cell(vc, ln->section,
		    ln->row, period), 0);
	if (vc->sec == ln->section && vc->row == ln->row &&
	    vc->period == period && vc->item == item && button == 1)
		return view_compare_action(vc, ui, ACTION_OPEN);
	vc->sec = ln->section;
	vc->row = ln->row;
	vc->period = period;
	vc->item = item;
	return true;
}

static void
view_compare_position(void *self, char *buf, size_t size)
{
	struct view_compare *vc = self;
	const struct compare_layout *l = vc->lay;
	size_t i;
	int n = 0, at = 0;

	/* Rows of the selected section: its title is on the screen. */
	if (l == NULL) {
		buf[0] = '\0';
		return;
	}
	for (i = 0; i < l->nplaces; i++) {
		if (l->places[i].section != vc->sec)
			continue;
		n++;
		if (l->places[i].row == vc->row)
			at = n;
	}
	snprintf(buf, size, "%d/%d", at, n);
}

/* History keeps a place in an int: the filter, the pair, the column, the
 * section, the row, the item, and how far below the top the row was, so
 * that Back returns to the same cell on the same screen. */
#define VC_ROW_BITS	8
#define VC_ITEM_BITS	7
#define VC_OFF_BITS	6

static int
view_compare_save(void *self)
{
	struct view_compare *vc = self;
	const struct compare_place *pl = vc->lay != NULL ?
	    compare_layout_find(vc->lay, vc->sec, vc->row) : NULL;
	int off = pl != NULL ? pl->line - vc->top : 0;
	unsigned v;

	off = HMS_MAX(0, HMS_MIN(off, (1 << VC_OFF_BITS) - 1));
	v = (unsigned)vc->diff_only;
	v = v << 2 | (unsigned)(vc->pair - 1);
	v = v << 2 | (unsigned)(vc->period - 1);
	v = v << 3 | (unsigned)vc->sec;
	v = v << VC_ROW_BITS | (unsigned)HMS_MIN(vc->row, (1 << VC_ROW_BITS) - 1);
	v = v << VC_ITEM_BITS | (unsigned)HMS_MIN(vc->item + 1,
	    (1 << VC_ITEM_BITS) - 1);
	v = v << VC_OFF_BITS | (unsigned)off;
	return (int)v;
}

static void
view_compare_restore(void *self, int place)
{
	struct view_compare *vc = self;
	unsigned v = (unsigned)place;
	int off, item, row, sec;

	off = (int)(v & ((1u << VC_OFF_BITS) - 1));
	v >>= VC_OFF_BITS;
	item = (int)(v & ((1u << VC_ITEM_BITS) - 1)) - 1;
	v >>= VC_ITEM_BITS;
	row = (int)(v & ((1u << VC_ROW_BITS) - 1));
	v >>= VC_ROW_BITS;
	sec = (int)(v & 7);
	v >>= 3;
	if (sec >= COMPARE_TOPIC_COUNT ||
	    row >= (int)vc->cmp->sections[sec].nrows)
		return;
	vc->period = (int)(v & 3) + 1;
	v >>= 2;
	vc->pair = (int)(v & 3) + 1;
	v >>= 2;
	vc->diff_only = (v & 1) != 0;
	vc->sec = sec;
	vc->row = row;
	vc->item = view_compare_fit_item(view_compare_cell(vc, sec, row,
	    vc->period), item);
	vc->restore_off = off;
	vc->follow = true;
}

static void
view_compare_destroy(void *self)
{
	struct view_compare *vc = self;

	compare_layout_free(vc->lay);
	compare_free(vc->cmp);
	free(vc);
}

/* The selected item of the selected cell. */
static struct content_entity *
view_compare_selection(void *self, struct ui *ui)
{
	struct view_compare *vc = self;
	const struct compare_cell *cell;

	(void)ui;
	if (vc->cmp == NULL || vc->item < 0)
		return NULL;
	cell = view_compare_cell(vc, vc->sec, vc->row, vc->period);
	if (vc->item >= (int)cell->nitems)
		return NULL;
	return cell->items[vc->item].entity;
}

const struct view_ops view_compare_ops = {
	.name = "compare",
	.title = N_("Compare"),
	.table = KEYMAP_COMPARE,
	.create = view_compare_create,
	.destroy = view_compare_destroy,
	.draw = view_compare_draw,
	.action = view_compare_action,
	.click = view_compare_click,
	.selection = view_compare_selection,
	.position = view_compare_position,
	.save = view_compare_save,
	.restore = view_compare_restore,
};
