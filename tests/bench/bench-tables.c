/* bench-tables.c — how long sorting and filtering a table and drawing the
 * screen again take: the widget alone, then the whole interface (a key
 * fed to a headless app and the 160x40 screen rendered).  Prints figures;
 * the budget is 5 ms per keystroke. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "content-load.h"
#include "content.h"
#include "key.h"
#include "surface.h"
#include "table-content.h"
#include "table.h"
#include "text.h"
#include "util.h"
#include "view.h"

#define BENCH_W 160
#define BENCH_H 40

/* Wall times of one kind of step.  On a loaded machine the slowest are
 * other processes running: the median and the 95th percentile are the
 * figures, the maximum is shown with the load average beside it. */
struct bench_stat {
	const char	*what;
	double		 ms[4096];
	size_t		 n;
};

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return a < b ? -1 : a > b;
}

static void
stat_add(struct bench_stat *s, double ms)
{
	if (s->n < HMS_NELEM(s->ms))
		s->ms[s->n++] = ms;
}

static void
stat_print(struct bench_stat *s)
{
	if (s->n == 0)
		return;
	qsort(s->ms, s->n, sizeof *s->ms, cmp_double);
	printf("  %-40s n=%4zu  median %6.3f  p95 %6.3f  max %6.3f ms\n",
	    s->what, s->n, s->ms[s->n / 2], s->ms[s->n * 95 / 100],
	    s->ms[s->n - 1]);
}

/* The widget alone: sort by every column both ways, filter by typical
 * queries, each followed by a draw of the whole table at 160x40. */
static void
bench_widget(const char *name, struct table *t)
{
	static const char *const filters[] = {
		"f", "fi", "fih", "min:厚生", "p:3 kind:kpi", "st:behind",
		"-zzz", "治験", "2025", "project:p3-7", "",
	};
	struct surface *s = surface_create(BENCH_W, BENCH_H);
	struct bench_stat first = { .what = "first sort of a column (collation ranks)" };
	struct bench_stat sort = { .what = "sort + draw" };
	struct bench_stat filt = { .what = "filter + draw" };
	double t0;
	size_t col, i;
	int rep;

	printf("%s: %zu rows, %zu columns\n", name, t->ndata, t->ncols);
	for (col = 0; col < t->ncols; col++) {
		t0 = now_ms();
		table_sort_by(t, (int)col, false);
		table_draw(t, s, 0, 0, BENCH_W, BENCH_H - 12);
		stat_add(&first, now_ms() - t0);
	}
	for (rep = 0; rep < 20; rep++) {
		for (col = 0; col < t->ncols; col++) {
			t0 = now_ms();
			table_sort_by(t, (int)col, rep % 2 == 0);
			table_draw(t, s, 0, 0, BENCH_W, BENCH_H - 12);
			stat_add(&sort, now_ms() - t0);
		}
	}
	table_sort_reset(t);
	for (rep = 0; rep < 20; rep++) {
		for (i = 0; i < HMS_NELEM(filters); i++) {
			t0 = now_ms();
			table_filter(t, filters[i]);
			table_draw(t, s, 0, 0, BENCH_W, BENCH_H - 12);
			stat_add(&filt, now_ms() - t0);
		}
	}
	stat_print(&first);
	stat_print(&sort);
	stat_print(&filt);
	surface_free(s);
}

static void
feed(struct app *a, const char *keys)
{
	char name[32];
	const char *p = keys, *q;
	uint32_t k;

	while (*p != '\0') {
		q = strchr(p, ' ');
		if (q == NULL)
			q = p + strlen(p);
		snprintf(name, sizeof name, "%.*s", (int)(q - p), p);
		if ((k = key_from_name(name)) != HK_NONE)
			app_feed(a, k);
		p = *q == ' ' ? q + 1 : q;
	}
}

/* One key and the whole screen drawn again, as the interface does. */
static void
bench_key(struct app *a, struct bench_stat *st, const char *key)
{
	double t0 = now_ms();
	char *dump;

	feed(a, key);
	dump = app_render(a, BENCH_W, BENCH_H, false);
	stat_add(st, now_ms() - t0);
	free(dump);
}

static void
bench_app(struct content *c)
{
	static const char *const views[] = { "K", "F", "r" };
	static const char *const names[] = { "kpis", "programs", "roadmap" };
	struct app *a = app_create_headless(c, "2025-11-22");
	struct bench_stat sort[3], filt[3], move[3];
	size_t v;
	int rep, col;

	for (v = 0; v < HMS_NELEM(views); v++) {
		sort[v] = (struct bench_stat){ .what = "key s (sort) + render 160x40" };
		filt[v] = (struct bench_stat){ .what = "a letter typed into f + render" };
		move[v] = (struct bench_stat){ .what = "key j (down) + render" };
		feed(a, views[v]);
		for (rep = 0; rep < 10; rep++) {
			/* Every column, sorted both ways. */
			feed(a, "g");
			for (col = 0; col < 12; col++) {
				bench_key(a, &sort[v], "s");
				bench_key(a, &sort[v], "s");
				feed(a, "l");
			}
			for (col = 0; col < 12; col++)
				feed(a, "h");
			feed(a, "u");
			/* Type a filter one key at a time, then clear it. */
			feed(a, "f");
			bench_key(a, &filt[v], "F");
			bench_key(a, &filt[v], "I");
			bench_key(a, &filt[v], "H");
			bench_key(a, &filt[v], "BSpace");
			bench_key(a, &filt[v], "BSpace");
			bench_key(a, &filt[v], "BSpace");
			bench_key(a, &filt[v], "2");
			bench_key(a, &filt[v], "0");
			bench_key(a, &filt[v], "2");
			bench_key(a, &filt[v], "5");
			feed(a, "Escape Escape");
			for (col = 0; col < 20; col++)
				bench_key(a, &move[v], "j");
		}
		printf("%s view (interface, headless):\n", names[v]);
		stat_print(&sort[v]);
		stat_print(&filt[v]);
		stat_print(&move[v]);
	}
	app_free(a);
}

int
main(void)
{
	const char *srcdir = getenv("top_srcdir");
	char dir[4096], *err = NULL;
	struct content_diags d;
	struct content *c;
	struct table *t;
	double load[3];

	setlocale(LC_ALL, "C.UTF-8");
	if (text_init(&err) != 0) {
		fprintf(stderr, "bench-tables: %s\n", err);
		return 1;
	}
	/* HMS_CONTENT measures other content; else the source tree's. */
	if (getenv("HMS_CONTENT") != NULL)
		snprintf(dir, sizeof dir, "%s", getenv("HMS_CONTENT"));
	else
		snprintf(dir, sizeof dir, "%s/content", srcdir != NULL ?
		    srcdir : HMS_SRCDIR);
	content_diags_init(&d);
	if ((c = content_load(dir, NULL, &d)) == NULL) {
		fprintf(stderr, "bench-tables: content does not load\n");
		return 1;
	}
	printf("Budget: sorting or filtering redraws in under 5 ms.\n"
	    "Wall times per step in ms (median, 95th percentile, max).\n");
	if (getloadavg(load, 3) == 3)
		printf("Load average %.2f %.2f %.2f (a loaded machine shows in "
		    "the maximum).\n", load[0], load[1], load[2]);
	t = table_content_kpis(c, c->by_type[CONTENT_KPI], c->ntype[CONTENT_KPI]);
	bench_widget("KPI table", t);
	table_free(t);
	t = table_content_programs(c->by_type[CONTENT_PROGRAM],
	    c->ntype[CONTENT_PROGRAM]);
	bench_widget("programs table", t);
	table_free(t);
	t = table_content_measures(c->by_type[CONTENT_MEASURE],
	    c->ntype[CONTENT_MEASURE], true);
	bench_widget("roadmap table", t);
	table_free(t);
	bench_app(c);
	content_free(c);
	content_diags_free(&d);
	text_fini();
	return 0;
}
