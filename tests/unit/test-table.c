/* test-table.c — the table widget (sort, filter, selection, drawing,
 * export) and the content tables (KPI status, program totals, roadmap
 * cells). */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "content-load.h"
#include "content.h"
#include "figures.h"
#include "surface.h"
#include "table-content.h"
#include "table.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static struct content_entity ents[6];

/* A small table: name (text), n (number), and an exported id. */
static struct table *
small_table(bool headings)
{
	static const struct {
		const char	*name;
		double		 n;
		bool		 has;
	} rows[] = {
		{ "さくら", 3, true },
		{ "あさひ", 10, true },
		{ "ＦＩＨ試験", 3, true },
		{ "カメラ", 0, false },
		{ "いろは", 7, true },
	};
	struct table *t = table_create();
	size_t i, r;
	char num[32];

	table_add_column(t, "name", "nm", "Name", TABLE_TEXT, 0, 4, 20);
	table_add_column(t, "num", "n", "N", TABLE_NUMBER, TABLE_COL_RIGHT, 2, 6);
	table_add_export_column(t, "id");
	table_add_export_column(t, "name");
	table_add_export_column(t, "num");
	for (i = 0; i < HMS_NELEM(rows); i++) {
		if (headings && (i == 0 || i == 3))
			table_add_heading(t, i == 0 ? "Group A" : "Group B");
		ents[i].id = i == 2 ? "kpi:fih-trials" : "kpi:other";
		r = table_add_row(t, &ents[i], NULL);
		table_set(t, r, 0, rows[i].name, i == 1 ? "morning" : NULL);
		if (rows[i].has) {
			snprintf(num, sizeof num, "%g", rows[i].n);
			table_set_num(t, r, 1, num, NULL, rows[i].n);
			table_set_export(t, r, 2, num);
		}
		table_set_export(t, r, 0, ents[i].id);
		table_set_export(t, r, 1, rows[i].name);
	}
	table_finish(t);
	return t;
}

/* The names shown, in order, joined by spaces. */
static char *
shown(const struct table *t)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < t->nview; i++) {
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, t->rows[t->view[i]].cells[0].text);
	}
	return b.data != NULL ? buf_steal(&b) : xstrdup("");
}

static void
check_shown(const struct table *t, const char *want, const char *name)
{
	char *got = shown(t);

	is_str(got, want, "%s", name);
	free(got);
}

static void
test_sort(void)
{
	struct table *t = small_table(false);

	check_shown(t, "さくら あさひ ＦＩＨ試験 カメラ いろは", "document order");
	table_sort_by(t, 1, false);
	check_shown(t, "さくら ＦＩＨ試験 いろは あさひ カメラ",
	    "numbers ascending, ties in document order, no number last");
	table_sort_by(t, 1, false);
	check_shown(t, "あさひ いろは さくら ＦＩＨ試験 カメラ",
	    "sorting the same column again reverses it; no number still last");
	table_sort_reset(t);
	table_sort_by(t, 0, false);
	check_shown(t, "ＦＩＨ試験 あさひ いろは カメラ さくら",
	    "text in Japanese collation (Latin first, kana by reading)");
	table_sort_reverse(t);
	check_shown(t, "さくら カメラ いろは あさひ ＦＩＨ試験",
	    "reversed collation");
	/* A second key: by N, then the name descending (the last sort). */
	table_sort_reset(t);
	table_sort_by(t, 0, true);
	table_sort_by(t, 1, false);
	is_int(t->sort[1].col, 0, "the former primary key is the second key");
	check_shown(t, "さくら ＦＩＨ試験 いろは あさひ カメラ",
	    "ties of N are ordered by the second key (name, descending)");
	is_int(t->sel, 0, "a new order selects its first row");
	table_sort_reset(t);
	check_shown(t, "さくら あさひ ＦＩＨ試験 カメラ いろは",
	    "reset gives document order back");
	table_free(t);
}

static void
test_filter(void)
{
	struct table *t = small_table(false);

	table_filter(t, "fih");
	check_shown(t, "ＦＩＨ試験", "a word matches normalised text (ＦＩＨ = fih)");
	table_filter(t, "かめら");
	check_shown(t, "カメラ", "hiragana finds katakana");
	table_filter(t, "morning");
	check_shown(t, "あさひ", "the filter matches a cell's extra words");
	table_filter(t, "n:3");
	check_shown(t, "さくら ＦＩＨ試験", "KEY:WORD by a column's alias");
	table_filter(t, "num:3 name:さ");
	check_shown(t, "さくら", "words are ANDed");
	table_filter(t, "-n:3");
	check_shown(t, "あさひ カメラ いろは", "a leading - excludes");
	table_filter(t, "id:fih");
	check_shown(t, "ＦＩＨ試験", "id: matches the entity id");
	table_filter(t, "\"ＦＩＨ 試\"");
	check_shown(t, "", "a quoted phrase is one word (no such phrase)");
	table_filter(t, "nosuchcolumn:さくら");
	check_shown(t, "", "an unknown KEY: is part of the word");
	table_filter(t, "zzz");
	is_int(t->nshown, 0, "nothing matches zzz");
	is_int(t->sel, -1, "and nothing is selected");
	table_filter(t, NULL);
	is_int(t->nshown, 5, "clearing the filter shows every row");
	table_free(t);
}

static void
test_selection(void)
{
	struct table *t = small_table(true);

	check_shown(t, "Group A さくら あさひ ＦＩＨ試験 Group B カメラ いろは",
	    "headings before their rows");
	is_int(table_selected(t), 1, "the first data row is selected, not a heading");
	table_move(t, 3);
	is_int(table_selected(t), 5, "moving skips headings");
	table_filter(t, "い");
	check_shown(t, "Group B いろは", "a heading stays only with a matching row");
	table_filter(t, NULL);
	is_int(table_selected(t), 6, "the selection follows its row when the filter clears");
	ok(table_select_row(t, 2), "select a row by index");
	ok(!table_select_row(t, 0), "a heading cannot be selected");
	table_sort_by(t, 1, true);
	check_shown(t, "Group A あさひ さくら ＦＩＨ試験 Group B いろは カメラ",
	    "sorting stays within groups");
	table_free(t);
}

static void
test_draw(void)
{
	struct table *t = small_table(false);
	struct surface *s = surface_create(16, 4);
	char *dump;

	table_set(t, 0, 0, "とても長い名前の行です", NULL);
	table_finish(t);
	table_draw(t, s, 0, 0, 16, 4);
	dump = surface_dump(s, false);
	/* The name shrinks to 8 cells: three wide characters, a blank
	 * where half of the fourth would go, and the cut mark. */
	ok(strstr(dump, "> とても >") != NULL,
	    "a long cell is cut with > and never splits a wide character");
	ok(strstr(dump, "[Name") != NULL, "the selected column is bracketed");
	ok(strstr(dump, "  あさひ") != NULL, "other rows are not marked");
	if (strstr(dump, "> とても >") == NULL)
		diag("%s", dump);
	free(dump);
	/* Too narrow for N: it scrolls into view when selected. */
	surface_free(s);
	s = surface_create(12, 3);
	t->col = 1;
	table_draw(t, s, 0, 0, 12, 3);
	ok(t->colx[1] >= 0, "the selected column is scrolled into view");
	ok(t->colx[0] >= 0, "the first column stays frozen");
	surface_free(s);
	table_free(t);
}

static void
test_export(void)
{
	struct table *t = small_table(false);
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	table_set_export(t, 0, 1, "a,\"b\"\tc");
	f = open_memstream(&buf, &len);
	table_export(t, f, TABLE_TSV);
	fclose(f);
	ok(strncmp(buf, "id\tname\tnum\nkpi:other\ta,\"b\" c\t3\n", 32) == 0,
	    "TSV: header, then fields with tabs turned into spaces");
	free(buf);
	table_filter(t, "n:3");
	table_sort_by(t, 0, true);
	f = open_memstream(&buf, &len);
	is_int(table_export(t, f, TABLE_CSV), 2, "export writes the shown rows");
	fclose(f);
	is_str(buf, "id,name,num\r\nkpi:other,\"a,\"\"b\"\" c\",3\r\n"
	    "kpi:fih-trials,ＦＩＨ試験,3\r\n",
	    "CSV: filtered and sorted, quoted, CRLF");
	free(buf);
	table_free(t);
}

static void
test_numbers(void)
{
	char b[64];

	is_str(table_format_number(b, sizeof b, 7.9), "7.9", "7.9");
	is_str(table_format_number(b, sizeof b, 1.17), "1.17", "1.17");
	is_str(table_format_number(b, sizeof b, 600000), "600000",
	    "600000, not 6e+05");
	is_str(table_format_number(b, sizeof b, 0.1 + 0.2), "0.3",
	    "sums lose their binary noise");
	is_str(table_format_number(b, sizeof b, -0.0), "0", "no -0");
}

/* The KPI table shows the one verdict of figures.h (its own tests are in
 * test-figures.c): the worked examples of doc/figures.md on the content. */
static void
test_kpi_status(const struct content *c)
{
	struct table *t = table_content_kpis(c, c->by_type[CONTENT_KPI],
	    c->ntype[CONTENT_KPI]);
	struct figures_kpi v;
	size_t i;

	figures_kpi_judge(c, content_find(c, "kpi:rm-orphan-designations"), &v);
	is_int(v.verdict, FIGURES_ON_TRACK,
	    "orphan designations: 86 of 200 over FY2024-2028 is on track");
	ok(v.has_expected && fabs(v.expected - 40) < 1e-9,
	    "40 expected after 1 of the 5 years");
	figures_kpi_judge(c, content_find(c, "kpi:p1-04"), &v);
	is_int(v.verdict, FIGURES_NOT_MET, "p1-04: 142 of 200 at the end of "
	    "period 1 is not met");
	for (i = 0; i < t->nrows; i++)
		if (t->rows[i].entity == content_find(c, "kpi:p1-04"))
			break;
	ok(i < t->nrows && strcmp(t->rows[i].cells[TABLE_KPI_COL_STATUS].text,
	    figures_verdict_label(FIGURES_NOT_MET)) == 0,
	    "the table shows p1-04 as not met, as compare does");
	table_free(t);
}

/* An inferred relation is marked "~" in every table cell that shows it,
 * not by colour: a KPI's measures and projects, a program's measures
 * and projects. */
static void
test_inferred_marks(const struct content *c)
{
	struct content_entity *k = content_find(c, "kpi:rm-venture-awards");
	struct content_entity *p = content_find(c, "program:drug-venture-ecosystem");
	struct table *t;

	t = table_content_kpis(c, &k, 1);
	ok(strstr(t->rows[0].cells[TABLE_KPI_COL_OF].text, "~") != NULL,
	    "KPI table: an inferred measure is marked ~ (%s)",
	    t->rows[0].cells[TABLE_KPI_COL_OF].text);
	table_free(t);
	t = table_content_programs(&p, 1);
	ok(strstr(t->rows[0].cells[TABLE_PROGRAM_COL_PROJECTS].text, "~") != NULL,
	    "programs table: a derived project is marked ~");
	table_free(t);
}

/* Every cell cut to fit, in every column shown, ends in the cut mark
 * ">" on its last cell (issue 16, defect 6): the KPI and program
 * tables at 80 columns and narrower, headers too. */
static int cut_checked;

static int
cut_unmarked(struct table *t, int w, int h)
{
	struct surface *s = surface_create(w, h);
	const struct surface_cell *sc;
	const struct table_row *r;
	const char *text;
	size_t i;
	int row, vi, bad = 0, tw;

	for (t->col = 0; t->col < (int)t->ncols; t->col++) {
		t->sel = -1;
		table_draw(t, s, 0, 0, w, h);
		for (row = -1; row < h - 1; row++) {
			vi = t->top + row;
			if (row >= 0 && vi >= (int)t->nview)
				break;
			r = row >= 0 ? &t->rows[t->view[vi]] : NULL;
			if (r != NULL && r->heading)
				continue;
			for (i = 0; i < t->ncols; i++) {
				if (t->colx[i] < 0 || t->colw[i] <= 0)
					continue;
				text = r != NULL ? r->cells[i].text :
				    t->cols[i].header;
				tw = r != NULL ? r->cells[i].width :
				    text_width(text, strlen(text));
				if (tw <= t->colw[i])
					continue;
				cut_checked++;
				sc = surface_at(s, t->colx[i] + t->colw[i] - 1,
				    1 + row);
				if (sc == NULL || strcmp(sc->c, ">") != 0) {
					if (bad++ == 0)
						diag("width %d, column %zu, row %d: "
						    "\"%s\" cut without >", w, i,
						    row, text);
				}
			}
		}
	}
	surface_free(s);
	return bad;
}

static void
test_cut_marks(const struct content *c)
{
	static const int widths[] = { 80, 60, 40, 24 };
	struct table *t;
	size_t k;
	int kbad = 0, pbad = 0;

	for (k = 0; k < HMS_NELEM(widths); k++) {
		t = table_content_kpis(c, c->by_type[CONTENT_KPI],
		    c->ntype[CONTENT_KPI]);
		kbad += cut_unmarked(t, widths[k], 24);
		table_free(t);
		t = table_content_programs(c->by_type[CONTENT_PROGRAM],
		    c->ntype[CONTENT_PROGRAM]);
		pbad += cut_unmarked(t, widths[k], 24);
		table_free(t);
	}
	ok(cut_checked > 100, "cut cells were checked (%d)", cut_checked);
	is_int(kbad, 0, "KPI table: every cut cell, every column, shows >");
	is_int(pbad, 0, "programs table: every cut cell, every column, shows >");
}

/* Subtotal bars at any pane width (issue 16, defect 6): no line wider
 * than the pane, and every amount whole; bars and labels give way
 * first. */
struct chart_seen {
	struct buf	 all;
	int		 width, wide;
};

static void
chart_seen_line(void *arg, enum chart_line kind, const char *line)
{
	struct chart_seen *cs = arg;

	(void)kind;
	if (text_width(line, strlen(line)) > cs->width)
		cs->wide++;
	buf_adds(&cs->all, line);
	buf_addc(&cs->all, '\n');
}

/* Whether num occurs in s as a whole figure: not followed by a digit,
 * a point, or the end of a line that was cut. */
static bool
chart_has_amount(const char *s, const char *num)
{
	const char *p;
	size_t n = strlen(num);
	char after;

	for (p = strstr(s, num); p != NULL; p = strstr(p + 1, num)) {
		after = p[n];
		if ((p == s || (p[-1] != '.' && (p[-1] < '0' || p[-1] > '9'))) &&
		    (after == ' ' || (after == '\n' && p[n + 1] != '\0') ||
		    after == '\0'))
			return true;
		if (after == '\n')
			return true;
	}
	return false;
}

static void
test_chart_narrow(const struct content *c)
{
	struct figures_groups g;
	struct chart_series *v;
	struct chart_seen cs;
	char num[64], *joined, *p;
	size_t i, j;
	int w, wide = 0, cut = 0, checked = 0;

	figures_groups_init(&g, FIGURES_BY_MINISTRY);
	for (i = 0; i < c->ntype[CONTENT_PROGRAM]; i++)
		figures_groups_add_program(&g, c->by_type[CONTENT_PROGRAM][i]);
	figures_groups_finish(&g);
	v = xcalloc(g.n, sizeof *v);
	for (i = 0; i < g.n; i++) {
		v[i].label = g.v[i].entity != NULL ? g.v[i].entity->title :
		    "(no ministry stated)";
		v[i].sum = &g.v[i].sum;
	}
	for (w = 20; w <= 80; w++) {
		buf_init(&cs.all);
		cs.width = w;
		cs.wide = 0;
		chart_budget(v, g.n, w, chart_seen_line, &cs);
		wide += cs.wide;
		/* An amount wrapped between its words is still whole. */
		joined = xstrdup(cs.all.data);
		for (p = joined; (p = strstr(p, "\n    ")) != NULL; )
			memmove(p, p + 4, strlen(p + 4) + 1), *p = ' ';
		for (i = 0; i < g.n; i++) {
			for (j = 0; j < g.v[i].sum.nbuckets; j++) {
				const struct figures_bucket *k =
				    &g.v[i].sum.buckets[j];
				if (k->lines == 0)
					snprintf(num, sizeof num, "not stated");
				else {
					figures_amount(num, sizeof num,
					    k->amount, k->decimals);
					if (k->proposals > 0)
						snprintf(num + strlen(num),
						    sizeof num - strlen(num),
						    " (%zu 案)", k->proposals);
					if (k->unstated > 0)
						snprintf(num + strlen(num),
						    sizeof num - strlen(num),
						    " + %zu not stated",
						    k->unstated);
				}
				checked++;
				if (!chart_has_amount(cs.all.data, num) &&
				    !chart_has_amount(joined, num)) {
					if (cut++ == 0)
						diag("width %d: %s not whole in\n%s",
						    w, num, cs.all.data);
				}
			}
		}
		buf_free(&cs.all);
		free(joined);
	}
	ok(checked > 0, "subtotal amounts were checked (%d)", checked);
	is_int(wide, 0, "subtotal bars: no line wider than the pane, 20 to 80");
	is_int(cut, 0, "subtotal bars: every amount whole, 20 to 80");
	free(v);
	figures_groups_free(&g);
}

/* The programs table's totals are figures.h's, of the shown lines. */
static void
test_program_totals(const struct content *c)
{
	struct table *t = table_content_programs(c->by_type[CONTENT_PROGRAM],
	    c->ntype[CONTENT_PROGRAM]);
	const struct figures_bucket *k;
	struct figures_groups g;
	struct figures_sum sum;
	size_t i;

	table_filter(t, "pj:p3-devices");
	figures_sum_init(&sum);
	table_program_sum(t, &sum);
	k = figures_sum_find(&sum, 2025, CONTENT_BUDGET_INITIAL);
	ok(k != NULL && fabs(k->amount - 83) < 1e-9,
	    "project ②'s shown lines: FY2025 initial 83 (got %g)",
	    k != NULL ? k->amount : -1);
	k = figures_sum_find(&sum, 2024, CONTENT_BUDGET_SUPPLEMENTARY);
	ok(k != NULL && fabs(k->amount - 7.7) < 1e-9,
	    "and FY2024 supplementary 7.7, apart");
	for (i = 0; i < sum.nbuckets; i++)
		ok(fabs(sum.buckets[i].amount - 90.7) > 1e-6,
		    "no total adds FY2025 and FY2024 (bucket %zu)", i);
	figures_sum_free(&sum);
	table_filter(t, NULL);
	figures_groups_init(&g, FIGURES_BY_MINISTRY);
	table_program_groups(t, &g);
	ok(g.n > 3, "totals by ministry");
	ok(g.v[g.n - 1].entity == NULL,
	    "programs whose ministry no source states come last, as such");
	figures_groups_free(&g);
	table_free(t);
}

static void
test_measures(const struct content *c)
{
	struct content_entity *fih = content_find(c, "measure:rm02-fih");
	struct table *t = table_content_measures(&fih, 1, true);
	const char *cell;

	is_int(t->nrows, 2, "a heading and the measure");
	cell = t->rows[1].cells[TABLE_MEASURE_COL_FIRST_TIME +
	    CONTENT_COL_FY2025].text;
	ok(strncmp(cell, "(2) 治験薬製造施設・研究施設を併設するFIH試験実施施設の整備",
	    strlen("(2) 治験薬製造施設・研究施設を併設するFIH試験実施施設の整備")) == 0,
	    "the FY2025 cell counts its two milestones and starts with the first");
	is_str(t->rows[0].cells[0].text, "Table 2  国際水準の臨床試験実施体制",
	    "the heading names the roadmap table");
	table_free(t);
}

int
main(void)
{
	char dir[4096], *err = NULL;
	const char *srcdir = getenv("top_srcdir");
	struct content_diags d;
	struct content *c;

	setlocale(LC_ALL, "C.UTF-8");
	if (srcdir == NULL)
		srcdir = ".";
	if (text_init(&err) != 0) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	test_sort();
	test_filter();
	test_selection();
	test_draw();
	test_export();
	test_numbers();
	snprintf(dir, sizeof dir, "%s/content", srcdir);
	content_diags_init(&d);
	if ((c = content_load(dir, NULL, &d)) == NULL) {
		printf("Bail out! content does not load\n");
		return 1;
	}
	test_kpi_status(c);
	test_inferred_marks(c);
	test_program_totals(c);
	test_cut_marks(c);
	test_chart_narrow(c);
	test_measures(c);
	content_free(c);
	content_diags_free(&d);
	text_fini();
	return tap_done();
}
