/* bench-compare.c — how long the period comparison takes: building the
 * model from the content, laying it out for a width (what a resize or a
 * toggle costs), writing it, and drawing the compare view headless (what
 * a key press costs).
 *
 *	bench-compare [CONTENT-DIR]	(default: $HMS_CONTENT, then the
 *					 source tree's content)
 *
 * Prints figures; asserts nothing.  Each figure is the best of several
 * runs, with the median beside it. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "compare.h"
#include "bench.h"
#include "content-load.h"
#include "content.h"
#include "key.h"
#include "text.h"
#include "util.h"
#include "view.h"

#define BENCH_RUNS 21

struct bench_arg {
	const struct content	*c;
	struct compare		*cmp;
	struct app		*app;
	int			 width, height;
	bool			 diff;
};

/* Run fn BENCH_RUNS times; print the best and the median in ms. */
static void
bench_run(const char *what, void (*fn)(struct bench_arg *),
    struct bench_arg *arg)
{
	double t[BENCH_RUNS], t0;
	int i;

	fn(arg);
	for (i = 0; i < BENCH_RUNS; i++) {
		t0 = bench_now();
		fn(arg);
		t[i] = bench_now() - t0;
	}
	qsort(t, BENCH_RUNS, sizeof t[0], bench_cmp_double);
	printf("  %-44s %7.3f ms  (median %.3f)\n", what, t[0],
	    t[BENCH_RUNS / 2]);
}

static void
bench_build(struct bench_arg *a)
{
	compare_free(compare_build(a->c));
}

static void
bench_layout(struct bench_arg *a)
{
	int n = compare_columns_for(a->width);

	compare_layout_free(compare_layout(a->cmp, a->width, 1, n, a->diff, -1));
}

static void
bench_write(struct bench_arg *a)
{
	FILE *f = fopen("/dev/null", "w");

	if (f == NULL)
		return;
	compare_write(f, a->cmp, -1, a->width > 0 ? OUTPUT_TEXT : OUTPUT_TSV,
	    a->width);
	fclose(f);
}

/* One key (down) and the screen drawn after it. */
static void
bench_key(struct bench_arg *a)
{
	app_feed(a->app, key_from_name("j"));
	free(app_render(a->app, a->width, a->height, false));
}

/* A resize: the same screen at another width, then back. */
static void
bench_resize(struct bench_arg *a)
{
	free(app_render(a->app, 80, 24, false));
	free(app_render(a->app, a->width, a->height, false));
}

int
main(int argc, char **argv)
{
	struct bench_arg arg = { 0 };
	struct content *c;
	char what[64];
	static const int widths[] = { 80, 120, 160 };
	size_t i;

	c = bench_setup("bench-compare", argc, argv);
	arg.c = c;
	arg.cmp = compare_build(c);
	printf("bench-compare: %zu entities\n", c->nentities);
	bench_run("build the model", bench_build, &arg);
	for (i = 0; i < HMS_NELEM(widths); i++) {
		arg.width = widths[i];
		arg.diff = false;
		snprintf(what, sizeof what, "lay out for %d columns", widths[i]);
		bench_run(what, bench_layout, &arg);
		arg.diff = true;
		snprintf(what, sizeof what, "lay out for %d, differences only",
		    widths[i]);
		bench_run(what, bench_layout, &arg);
	}
	arg.width = 0;
	bench_run("write TSV", bench_write, &arg);
	arg.width = 120;
	bench_run("write text at 120 columns", bench_write, &arg);

	arg.app = app_create_headless(c, "2025-11-22");
	app_feed(arg.app, key_from_name("c"));
	arg.width = 80;
	arg.height = 24;
	free(app_render(arg.app, 80, 24, false));
	bench_run("key and redraw, 80x24", bench_key, &arg);
	arg.width = 160;
	arg.height = 48;
	bench_run("key and redraw, 160x48", bench_key, &arg);
	bench_run("resize 160x48 -> 80x24 -> 160x48", bench_resize, &arg);
	app_free(arg.app);

	compare_free(arg.cmp);
	content_free(c);
	text_fini();
	return 0;
}
