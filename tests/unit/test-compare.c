/* test-compare.c — the comparison model on the bundled content: rows
 * aligned by theme and lineage, marks (inferred exactly when the content
 * says so, ended where nothing continues), policies aligned by wording,
 * goals by theme, "differences only", and a layout that never exceeds its
 * width at any size. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "content-load.h"
#include "content.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static const struct compare_row *
row(const struct compare *cmp, const char *id)
{
	const struct compare_row *r = compare_find_row(cmp, id, NULL);

	if (r == NULL)
		diag("no row %s", id);
	return r;
}

/* Whether the cell of period p has an item for entity id. */
static bool
has(const struct compare_row *r, int p, const char *id)
{
	const struct compare_cell *c = &r->cells[p - 1];
	size_t i;

	for (i = 0; i < c->nitems; i++) {
		if (c->items[i].entity != NULL &&
		    strcmp(c->items[i].entity->id, id) == 0)
			return true;
	}
	return false;
}

/* The mark of a change in period p's cell (from the given id, or any). */
static const struct compare_mark *
mark(const struct compare_row *r, int p, enum compare_change ch,
    const char *from)
{
	const struct compare_cell *c = &r->cells[p - 1];
	size_t i;

	for (i = 0; i < c->nmarks; i++) {
		if (c->marks[i].change != ch)
			continue;
		if (from == NULL || (c->marks[i].from != NULL &&
		    strcmp(c->marks[i].from->id, from) == 0))
			return &c->marks[i];
	}
	return NULL;
}

static void
test_topics(void)
{
	int t;

	for (t = 0; t < COMPARE_TOPIC_COUNT; t++)
		is_int(compare_topic_from_name(compare_topic_name(
		    (enum compare_topic)t)), t, "topic %s by name",
		    compare_topic_name((enum compare_topic)t));
	is_int(compare_topic_from_name("nope"), -1, "an unknown topic is -1");
	is_int(compare_columns_for(119), 2, "119 cells: two periods");
	is_int(compare_columns_for(120), 3, "120 cells: three periods");
	is_int(compare_columns_for(60), 2, "60 cells: two periods");
	is_int(compare_columns_for(59), 1, "59 cells: one period");
}

static void
test_projects(const struct compare *cmp)
{
	const struct compare_section *s = &cmp->sections[COMPARE_PROJECTS];
	static const char *const order[] = { "projects-count", "drugs",
	    "devices", "regenerative", "genome-data", "infection",
	    "basic-seeds", "bridging", "ecosystem" };
	const struct compare_row *r;
	const struct compare_mark *m;
	size_t i;

	is_int(s->nrows, HMS_NELEM(order), "projects: one row per theme");
	for (i = 0; i < s->nrows && i < HMS_NELEM(order); i++)
		is_str(s->rows[i].id, order[i], "projects: row %zu", i + 1);

	r = row(cmp, "genome-data");
	ok(r != NULL && has(r, 1, "project:p1-genome") &&
	    has(r, 2, "project:p2-genome-data") &&
	    has(r, 3, "project:p3-data-lifecourse"),
	    "genome-data: ゲノム医療, ゲノム・データ基盤, データ利活用・ライフコース");
	m = r != NULL ? mark(r, 3, COMPARE_RENAMED, "project:p2-genome-data") :
	    NULL;
	ok(m != NULL && m->inferred && m->link != NULL &&
	    strstr(m->text, "(inferred)") != NULL,
	    "genome-data: renamed in period 3, an inference, said in the mark");

	r = row(cmp, "infection");
	ok(r != NULL && has(r, 2, "disease:p2-infection"),
	    "infection: period 2's disease area fills the gap, by lineage");
	m = r != NULL ? mark(r, 3, COMPARE_NEW, NULL) : NULL;
	ok(m != NULL && !m->inferred && strstr(m->text, "(inferred)") == NULL,
	    "infection: new in period 3, as the sources state");
	ok(r != NULL && mark(r, 3, COMPARE_SPLIT, "project:p2-disease-basic") !=
	    NULL, "infection: split from 疾患基礎研究, from another row");

	r = row(cmp, "ecosystem");
	ok(r != NULL && r->cells[0].nitems == 0 && r->cells[1].nitems == 0 &&
	    has(r, 3, "project:p3-ecosystem") && mark(r, 3, COMPARE_NEW, NULL),
	    "ecosystem: only in period 3, new");

	/* The sources say the projects were reorganised (再編) for period
	 * 3; that 医薬品 continues 医薬品 is read from the same name. */
	r = row(cmp, "drugs");
	m = r != NULL ? mark(r, 3, COMPARE_REORGANISED, "project:p2-drugs") :
	    NULL;
	ok(m != NULL && m->inferred && strstr(m->text, "(inferred)") != NULL,
	    "drugs: reorganised in 3, the pairing an inference");
	ok(r != NULL && mark(r, 3, COMPARE_SAME, NULL) == NULL,
	    "drugs: not shown as the same project in 3");
	ok(r != NULL && compare_row_differs(r, 1, 2) &&
	    compare_row_differs(r, 2, 3) && compare_row_differs(r, 1, 3),
	    "drugs differs in 1|2 (renamed) and in 2|3 (reorganised)");
	r = row(cmp, "cancer");
	ok(r != NULL && mark(r, 3, COMPARE_SAME, NULL) != NULL &&
	    !compare_row_differs(r, 2, 3),
	    "cancer: the same disease area in 2|3, no difference");
	r = row(cmp, "projects-count");
	ok(r != NULL && r->summary && compare_row_differs(r, 2, 3),
	    "the heading row is always shown");

	/* The period-1 disease areas are the areas themselves. */
	r = row(cmp, "cancer");
	ok(r != NULL && r->cells[0].nitems == 1 &&
	    has(r, 1, "project:p1-cancer"),
	    "cancer: period 1 shows the area once, not also its disease area");
}

static void
test_diseases(const struct compare *cmp)
{
	const struct compare_row *r;
	const struct compare_mark *m;

	r = row(cmp, "neuro");
	m = r != NULL ? mark(r, 3, COMPARE_ENDED, "disease:p2-neuro") : NULL;
	ok(m != NULL && m->link == NULL, "neuro: nothing continues the "
	    "period-2 disease area: ended (computed)");
	ok(r != NULL && mark(r, 2, COMPARE_MERGED, "project:p1-neuro") != NULL &&
	    mark(r, 2, COMPARE_MERGED, "project:p1-neuro")->outgoing,
	    "neuro: period 1's area also went into 疾患基礎研究 (another row)");
	r = row(cmp, "child-health");
	ok(r != NULL && mark(r, 3, COMPARE_MERGED, "disease:p2-child") != NULL,
	    "child health: merged into the life-course area");
	r = row(cmp, "diseases-approach");
	ok(r != NULL && r->cells[1].nitems >= 1 &&
	    strstr(r->cells[1].items[0].text, "7") != NULL,
	    "approach: period 2's seven disease areas");
}

static void
test_policies(const struct compare *cmp)
{
	const struct compare_section *s = &cmp->sections[COMPARE_POLICIES];
	const struct compare_row *r;
	size_t i, k, n3 = 0, bad = 0;
	int p;
	bool together = false;

	for (i = 0; i < s->nrows; i++) {
		r = &s->rows[i];
		for (k = 0; k < r->cells[2].nitems; k++)
			n3 += strcmp(r->cells[2].items[k].entity->id,
			    "section:s3-ii-iii-policy") == 0;
		for (p = 1; p <= COMPARE_PERIODS; p++) {
			for (k = 0; k < r->cells[p - 1].nmarks; k++)
				bad += !r->cells[p - 1].marks[k].inferred &&
				    r->cells[p - 1].marks[k].change != COMPARE_SAME;
		}
		if (r->cells[2].nitems > 0 && strstr(r->cells[2].items[0].text,
		    "基礎から実用化までの一貫した研究開発の加速") != NULL)
			together = r->cells[1].nitems > 0 && strstr(
			    r->cells[1].items[0].text, "基礎から実用化まで") != NULL;
	}
	is_int(n3, 9, "policies: the nine of period 3, each once");
	is_int(bad, 0, "policies: every alignment mark but same wording is "
	    "an inference");
	ok(together, "policies: a shared phrase puts periods 2 and 3 on one row");
}

static void
test_goals(const struct compare *cmp)
{
	const struct compare_row *r;
	size_t k;
	bool met = false;

	r = row(cmp, "goals-drugs");
	for (k = 0; r != NULL && k < r->cells[0].nitems; k++) {
		if (strcmp(r->cells[0].items[k].entity->id, "kpi:p1-01") == 0)
			met = r->cells[0].items[k].detail != NULL &&
			    strstr(r->cells[0].items[k].detail, "[achieved]") != NULL &&
			    strstr(r->cells[0].items[k].detail, "1,659") != NULL;
	}
	ok(met, "goals: a period-1 KPI with its latest value, achieved");
	ok(r != NULL && has(r, 3, "kpi:s3-goal-2") &&
	    mark(r, 3, COMPARE_PLACED, NULL) != NULL &&
	    mark(r, 3, COMPARE_PLACED, NULL)->inferred,
	    "goals: the drug-loss goal is placed with drugs, as an inference");
	r = row(cmp, "goals-count");
	ok(r != NULL && r->cells[1].nitems == 0 && r->cells[0].nitems == 1,
	    "goals: the content has no period-2 goals of the strategy");
}

/* At every width and pair: nothing beyond the width, every period's
 * text in its column, and "differences only" hides the same rows. */
static void
test_layout(const struct compare *cmp)
{
	struct compare_layout *l;
	const struct compare_frag *f;
	const struct compare_row *drugs, *cancer;
	int w, first, ncols, sec, bad = 0, misplaced = 0, lost = 0;
	size_t i, k;

	for (w = 12; w <= 220; w += 7) {
		ncols = compare_columns_for(w);
		for (first = 1; first + ncols - 1 <= COMPARE_PERIODS; first++) {
			l = compare_layout(cmp, w, first, first + ncols - 1, false,
			    -1);
			for (i = 0; i < l->nfrags; i++) {
				f = &l->frags[i];
				if (f->x + text_width(f->s, f->len) > w)
					bad++;
				if (f->period != 0 && (f->x < l->col_x[f->period] ||
				    f->x + text_width(f->s, f->len) >
				    l->col_x[f->period] + l->text_w))
					misplaced++;
			}
			for (sec = 0; sec < COMPARE_TOPIC_COUNT; sec++) {
				for (k = 0; k < cmp->sections[sec].nrows; k++)
					lost += compare_layout_find(l, sec,
					    (int)k) == NULL;
			}
			compare_layout_free(l);
		}
	}
	is_int(bad, 0, "layout: no line wider than the screen, 12 to 220");
	is_int(misplaced, 0, "layout: every cell stays in its column");
	is_int(lost, 0, "layout: every row is shown");

	drugs = compare_find_row(cmp, "drugs", &sec);
	l = compare_layout(cmp, 80, 2, 3, true, -1);
	ok(compare_layout_find(l, sec, (int)(drugs - cmp->sections[sec].rows)) !=
	    NULL, "differences only, 2|3: drugs (reorganised) is shown");
	compare_layout_free(l);
	cancer = compare_find_row(cmp, "cancer", &sec);
	l = compare_layout(cmp, 80, 2, 3, true, -1);
	ok(cancer != NULL && compare_layout_find(l, sec,
	    (int)(cancer - cmp->sections[sec].rows)) == NULL,
	    "differences only, 2|3: cancer (the same) is hidden");
	compare_layout_free(l);
	drugs = compare_find_row(cmp, "drugs", &sec);
	l = compare_layout(cmp, 80, 1, 2, true, -1);
	ok(compare_layout_find(l, sec, (int)(drugs - cmp->sections[sec].rows)) !=
	    NULL, "differences only, 1|2: drugs (renamed) is shown");
	compare_layout_free(l);
	l = compare_layout(cmp, 80, 1, 2, false, COMPARE_GOALS);
	ok(l->nplaces == cmp->sections[COMPARE_GOALS].nrows &&
	    l->places[0].section == COMPARE_GOALS, "a topic lays out one section");
	compare_layout_free(l);
}

/* Below 60 cells one period is shown alone; its cells still say how
 * they came from the previous period (issue 16, defect 6): every mark
 * the wide layout shows is on the row's lines, in the period's column. */
static void
test_layout_narrow_marks(const struct compare *cmp)
{
	static const int widths[] = { 12, 20, 40, 59 };
	struct compare_layout *l;
	const struct compare_place *pl;
	const struct compare_cell *cell;
	const struct compare_line *ln;
	const struct compare_frag *f;
	size_t i, k, m, want, shown, missing = 0, total = 0;
	int w, p, sec, line;

	for (w = 0; w < (int)(sizeof widths / sizeof widths[0]); w++) {
		for (p = 2; p <= COMPARE_PERIODS; p++) {
			l = compare_layout(cmp, widths[w], p, p, false, -1);
			for (sec = 0; sec < COMPARE_TOPIC_COUNT; sec++) {
				for (k = 0; k < cmp->sections[sec].nrows; k++) {
					cell = &cmp->sections[sec].rows[k].cells[p - 1];
					want = 0;
					for (m = 0; m < cell->nmarks; m++)
						want += cell->marks[m].change !=
						    COMPARE_PLACED;
					if (want == 0)
						continue;
					total++;
					pl = compare_layout_find(l, sec, (int)k);
					shown = 0;
					for (line = pl == NULL ? 0 : pl->line;
					    pl != NULL && line < pl->line +
					    pl->nlines; line++) {
						ln = &l->lines[line];
						for (i = 0; i < ln->nfrags; i++) {
							f = &l->frags[ln->frag + i];
							if (f->period == p &&
							    (f->role == COMPARE_ROLE_MARK ||
							    f->role == COMPARE_ROLE_INFERRED))
								shown++;
						}
					}
					if (shown < want)
						missing++;
				}
			}
			compare_layout_free(l);
		}
	}
	ok(total > 0, "narrow: periods 2 and 3 have changes to mark");
	is_int((int)missing, 0,
	    "narrow: one period alone still shows its change marks, 12 to 59");
}

static void
test_write(const struct compare *cmp)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	compare_write(f, cmp, COMPARE_PROJECTS, OUTPUT_TSV, 0);
	fclose(f);
	ok(buf != NULL && strncmp(buf, "row\tperiod:1\tperiod:2\tperiod:3\tmarks\n",
	    36) == 0, "TSV starts with its header");
	ok(buf != NULL && strstr(buf, "\necosystem\t\t\tproject:p3-ecosystem 8 "
	    "イノベーション・エコシステム\tp3:new\n") != NULL,
	    "TSV: the ecosystem row, new in period 3");
	free(buf);
}

int
main(void)
{
	char dir[4096], *err = NULL;
	struct content_diags d;
	struct content *c;
	struct compare *cmp;
	const char *srcdir;

	setlocale(LC_ALL, "C.UTF-8");
	if ((srcdir = getenv("top_srcdir")) == NULL)
		srcdir = ".";
	if (text_init(&err) != 0) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	snprintf(dir, sizeof dir, "%s/content", srcdir);
	content_diags_init(&d);
	if ((c = content_load(dir, NULL, &d)) == NULL) {
		printf("Bail out! content does not load\n");
		return 1;
	}
	cmp = compare_build(c);
	test_topics();
	test_projects(cmp);
	test_diseases(cmp);
	test_policies(cmp);
	test_goals(cmp);
	test_layout(cmp);
	test_layout_narrow_marks(cmp);
	test_write(cmp);
	compare_free(cmp);
	content_free(c);
	content_diags_free(&d);
	text_fini();
	return tap_done();
}
