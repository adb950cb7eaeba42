/* chart.c — budget bars and KPI progress lines as text (chart.h). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "content.h"
#include "figures.h"
#include "i18n.h"
#include "table.h"
#include "text.h"
#include "util.h"

static bool chart_force_ascii;

/* The eighth blocks, one eighth to eight: U+258F … U+2588. */
static const char *const chart_eighths[9] = {
	"", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"
};

void
chart_set_ascii(bool ascii)
{
	chart_force_ascii = ascii;
}

bool
chart_ascii(void)
{
	/* The block elements are East Asian ambiguous: where they are two
	 * cells wide a bar would be twice as long as counted. */
	return chart_force_ascii || text_ambiwidth() == 2;
}

static void
chart_pad(struct buf *b, int n)
{
	while (n-- > 0)
		buf_addc(b, ' ');
}

int
chart_bar(struct buf *b, double value, double max, int cells)
{
	long n, i;

	if (cells <= 0 || max <= 0 || !(value > 0))
		return 0;
	if (value > max)
		value = max;
	if (chart_ascii()) {
		n = lround(value / max * cells);
		if (n < 1)
			n = 1;
		for (i = 0; i < n; i++)
			buf_addc(b, '#');
		return (int)n;
	}
	n = lround(value / max * cells * 8);
	if (n < 1)
		n = 1;
	for (i = 0; i < n / 8; i++)
		buf_adds(b, chart_eighths[8]);
	if (n % 8 != 0)
		buf_adds(b, chart_eighths[n % 8]);
	return (int)((n + 7) / 8);
}

bool
chart_progress(struct buf *b, const struct figures_kpi *k, int cells)
{
	double share;
	int inner, used, tick = -1, i;
	struct buf bar;

	if (!k->has_progress || cells < 3)
		return false;
	inner = cells - 2;
	share = k->progress;
	if (share < 0)
		share = 0;
	if (share > 1)
		share = 1;
	if (k->has_expected) {
		tick = (int)lround(k->expected_share * inner);
		if (tick >= inner)
			tick = inner - 1;
	}
	buf_init(&bar);
	used = chart_bar(&bar, share, 1, inner);
	buf_addc(b, '[');
	/* The tick replaces the cell it falls on, bar or blank. */
	if (tick < 0) {
		buf_add(b, bar.data != NULL ? bar.data : "", bar.len);
		for (i = used; i < inner; i++)
			buf_addc(b, chart_ascii() ? '.' : ' ');
	} else {
		size_t off = 0, end;
		for (i = 0; i < inner; i++) {
			end = off;
			if (i < used)
				end = text_cluster_end(bar.data, bar.len, off);
			if (i == tick)
				buf_addc(b, '|');
			else if (i < used)
				buf_add(b, bar.data + off, end - off);
			else
				buf_addc(b, chart_ascii() ? '.' : ' ');
			off = end;
		}
	}
	buf_addc(b, ']');
	buf_free(&bar);
	return true;
}

void
chart_kpi_line(struct buf *b, const struct content_entity *e,
    const struct figures_kpi *k, int cells)
{
	const char *unit = e->u.kpi.unit != NULL ? e->u.kpi.unit : "";
	char base[64], target[64], expected[64];
	struct buf head, tail;
	int line;

	if (!k->has_progress) {
		buf_adds(b, figures_verdict_label(k->verdict));
		return;
	}
	buf_init(&head);
	buf_init(&tail);
	buf_printf(&head, "%s ", table_format_number(base, sizeof base,
	    k->base));
	for (int full = 1; full >= 0; full--) {
		buf_reset(&tail);
		buf_printf(&tail, " %s%s  %.0f%%", table_format_number(target,
		    sizeof target, e->u.kpi.v->target.value), unit,
		    k->progress * 100);
		/* What the tick means, when there is room to say it. */
		if (k->has_expected && full)
			buf_printf(&tail, _(" (| %s expected)"),
			    table_format_number(expected, sizeof expected,
			    k->expected));
		buf_printf(&tail, "  %s", figures_verdict_label(k->verdict));
		line = cells - text_width(head.data, head.len) -
		    text_width(tail.data, tail.len);
		if (line >= 12)
			break;
	}
	if (line < 8)
		line = 8;
	if (line > 42)
		line = 42;
	buf_add(b, head.data, head.len);
	chart_progress(b, k, line);
	buf_add(b, tail.data, tail.len);
	buf_free(&head);
	buf_free(&tail);
}

/* ---- budget bars ---- */

/* "FY2025 当初", "(year not stated) 補正", "基金". */
static void
chart_bucket_name(struct buf *b, const struct figures_bucket *k)
{
	if (k->fy != 0)
		buf_printf(b, "FY%d ", k->fy);
	else if (k->type != CONTENT_BUDGET_FUND)
		buf_printf(b, "%s ", _("(year not stated)"));
	buf_adds(b, content_budget_type_label(k->type));
}

/* The amount beside a bar: "83 (8 案)", "12.0 + 1 not stated"; for a
 * total with nothing summed, what stands in for the bar. */
static void
chart_bucket_amount(struct buf *b, const struct figures_bucket *k,
    bool unit)
{
	char num[64];

	if (k->lines == 0) {
		buf_printf(b, ngettext("not stated (%zu program)",
		    "not stated (%zu programs)", k->unstated), k->unstated);
		return;
	}
	buf_adds(b, figures_amount(num, sizeof num, k->amount, k->decimals));
	if (unit)
		buf_adds(b, "億円");
	if (k->proposals > 0)
		buf_printf(b, " (%zu 案)", k->proposals);
	if (k->unstated > 0)
		buf_printf(b, ngettext(" + %zu not stated",
		    " + %zu not stated", k->unstated), k->unstated);
}

/* Text cut or padded to exactly cells cells; a cut ends with '>'. */
static void
chart_cell(struct buf *b, const char *s, int cells)
{
	size_t len = strlen(s), n;
	int w = text_width(s, len), used;

	if (w <= cells) {
		buf_adds(b, s);
		chart_pad(b, cells - w);
		return;
	}
	if (cells <= 0)
		return;
	n = text_fit(s, len, cells - 1, &used);
	buf_add(b, s, n);
	chart_pad(b, cells - 1 - used);
	buf_addc(b, '>');
}

/* Emit one line cut to width cells. */
static void
chart_emit(chart_emit_fn *emit, void *arg, enum chart_line kind,
    struct buf *line, int width)
{
	int used;
	size_t n;

	if (line->data == NULL)
		buf_adds(line, "");
	if (text_width(line->data, line->len) > width) {
		/* A line cut short says so, as a table cell does. */
		n = text_fit(line->data, line->len, width - 1, &used);
		line->data[n] = '\0';
		line->len = n;
		buf_addc(line, '>');
	}
	while (line->len > 0 && line->data[line->len - 1] == ' ')
		line->data[--line->len] = '\0';
	emit(arg, kind, line->data);
}

/* A pane too narrow for label and amount side by side: the label (in
 * line, "  " already there) on a line, cut if need be, and under it the
 * amount, wrapped between words, never inside a figure. */
static void
chart_stack(chart_emit_fn *emit, void *arg, struct buf *line, struct buf *s,
    const struct figures_bucket *k, int width)
{
	struct text_line *tl;
	size_t n, i;

	buf_add(line, s->data, s->len);
	chart_emit(emit, arg, CHART_NOTE, line, width);
	buf_reset(s);
	chart_bucket_amount(s, k, false);
	n = text_wrap(s->data, s->len, HMS_MAX(width - 4, 2), false, &tl);
	for (i = 0; i < n; i++) {
		buf_reset(line);
		buf_adds(line, "    ");
		buf_add(line, s->data + tl[i].off, tl[i].len);
		chart_emit(emit, arg, k->lines == 0 ? CHART_NOTE : CHART_BAR,
		    line, width);
	}
	free(tl);
}

/* The distinct (year, type) of every series, in the order of a sum. */
static struct figures_bucket *
chart_keys(const struct chart_series *v, size_t n, size_t *nkeys)
{
	struct figures_bucket *keys = NULL;
	size_t i, j, k, nk = 0, cap = 0;

	for (i = 0; i < n; i++) {
		for (j = 0; j < v[i].sum->nbuckets; j++) {
			const struct figures_bucket *bk = &v[i].sum->buckets[j];
			for (k = 0; k < nk; k++)
				if (keys[k].fy == bk->fy &&
				    keys[k].type == bk->type)
					break;
			if (k < nk)
				continue;
			if (nk == cap) {
				cap = cap == 0 ? 8 : cap * 2;
				keys = xreallocarray(keys, cap, sizeof *keys);
			}
			memset(&keys[nk], 0, sizeof keys[nk]);
			keys[nk].fy = bk->fy;
			keys[nk].type = bk->type;
			nk++;
		}
	}
	if (nk > 0)
		qsort(keys, nk, sizeof *keys, figures_bucket_cmp);
	*nkeys = nk;
	return keys;
}

void
chart_budget(const struct chart_series *v, size_t n, int width,
    chart_emit_fn *emit, void *arg)
{
	struct figures_bucket *keys;
	struct buf line, s;
	double max = 0;
	int labelw = 0, amountw = 0, barw, w;
	size_t i, j, nkeys;
	bool stack;

	if (width < 20)
		width = 20;
	buf_init(&line);
	buf_init(&s);
	keys = chart_keys(v, n, &nkeys);
	/* One scale for the whole chart: the widest amount. */
	for (i = 0; i < n; i++) {
		for (j = 0; j < v[i].sum->nbuckets; j++) {
			const struct figures_bucket *k = &v[i].sum->buckets[j];
			if (k->lines > 0 && k->amount > max)
				max = k->amount;
			buf_reset(&s);
			if (n == 1)
				chart_bucket_name(&s, k);
			else
				buf_adds(&s, v[i].label);
			if ((w = text_width(s.data, s.len)) > labelw)
				labelw = w;
			if (k->lines == 0)
				continue;
			buf_reset(&s);
			chart_bucket_amount(&s, k, false);
			if ((w = text_width(s.data, s.len)) > amountw)
				amountw = w;
		}
	}
	/* The amounts are what is read: they keep their width; labels
	 * give way before bars get too short to compare. */
	if (labelw > width / 3)
		labelw = width / 3;
	barw = width - 2 - labelw - 1 - 1 - amountw;
	if (barw < 8 && labelw > 8) {
		labelw -= 8 - barw;
		if (labelw < 8)
			labelw = 8;
		barw = width - 2 - labelw - 1 - 1 - amountw;
	}
	/* No room for a bar that compares: the bars go, then the labels
	 * shrink, and when even that leaves no room the amount goes on
	 * a line of its own.  An amount is never cut. */
	stack = false;
	if (barw < 4) {
		barw = 0;
		labelw = HMS_MIN(labelw, width - 2 - 1 - amountw);
		if (labelw < 6) {
			stack = true;
			labelw = width - 2;
		}
	}

	if (n == 1) {
		buf_reset(&line);
		buf_printf(&line, "%s (億円)", v[0].label);
		chart_emit(emit, arg, CHART_HEADING, &line, width);
	}
	for (j = 0; j < nkeys; j++) {
		if (n > 1) {
			buf_reset(&line);
			chart_bucket_name(&line, &keys[j]);
			buf_adds(&line, " (億円)");
			chart_emit(emit, arg, CHART_HEADING, &line, width);
		}
		for (i = 0; i < n; i++) {
			const struct figures_bucket *k = figures_sum_find(
			    v[i].sum, keys[j].fy, keys[j].type);
			if (k == NULL)
				continue;
			buf_reset(&line);
			buf_adds(&line, "  ");
			buf_reset(&s);
			if (n == 1)
				chart_bucket_name(&s, k);
			else
				buf_adds(&s, v[i].label);
			if (stack) {
				chart_stack(emit, arg, &line, &s, k, width);
				continue;
			}
			chart_cell(&line, s.data, labelw);
			buf_addc(&line, ' ');
			buf_reset(&s);
			chart_bucket_amount(&s, k, false);
			if (k->lines == 0) {
				/* No bar at all: a blank one reads as 0. */
				buf_add(&line, s.data, s.len);
				chart_emit(emit, arg, CHART_NOTE, &line,
				    width);
				continue;
			}
			if (barw > 0) {
				w = chart_bar(&line, k->amount, max, barw);
				chart_pad(&line, barw - w + 1);
			}
			buf_add(&line, s.data, s.len);
			chart_emit(emit, arg, CHART_BAR, &line, width);
		}
	}
	/* Programs with no stated amount of any year or type have no bar
	 * anywhere above: count them, never drop them. */
	for (i = 0, j = 0; i < n; i++) {
		const struct figures_sum *sum = v[i].sum;
		if (sum->programs_unstated == 0)
			continue;
		if (j++ == 0 && n > 1) {
			buf_reset(&line);
			buf_adds(&line, _("No amount stated in any year"));
			chart_emit(emit, arg, CHART_HEADING, &line, width);
		}
		buf_reset(&line);
		buf_adds(&line, "  ");
		if (n > 1)
			buf_printf(&line, "%s: ", v[i].label);
		buf_printf(&line, ngettext("%zu program without a stated amount",
		    "%zu programs without a stated amount",
		    sum->programs_unstated), sum->programs_unstated);
		chart_emit(emit, arg, CHART_NOTE, &line, width);
	}
	free(keys);
	buf_free(&line);
	buf_free(&s);
}
