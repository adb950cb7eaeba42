/* test-table.c — the table widget (sort, filter, selection, drawing,
 * export) and the content tables (KPI status, program totals, roadmap
 * cells). */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	test_measures(c);
	content_free(c);
	content_diags_free(&d);
	text_fini();
	return tap_done();
}
