/* bench-text.c — how long the text engine takes over the whole content:
 * normalising every title and block for search, and wrapping them at 80
 * columns (finding the break opportunities with ICU, then wrapping), and
 * re-wrapping at another width from breaks already found.
 *
 *	bench-text [CONTENT-DIR]	(default: $HMS_CONTENT, then the
 *					 source tree's content)
 *
 * Prints figures; asserts nothing (timings belong to the machine).  Each
 * figure is the best of several runs, so a noisy neighbour cannot inflate
 * it, with the median beside it. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "content-load.h"
#include "content.h"
#include "text.h"
#include "util.h"

#define BENCH_RUNS 21

struct bench_str {
	const char	*s;
	size_t		 len;
};

struct bench_set {
	struct bench_str	*v;
	size_t			 n;
	size_t			 cap;
	size_t			 bytes;
	size_t			 chars;
};

static void
bench_add(struct bench_set *set, const char *s, size_t len)
{
	size_t i;

	if (s == NULL || len == 0)
		return;
	util_grow(&set->v, &set->cap, set->n + 1, sizeof *set->v);
	set->v[set->n].s = s;
	set->v[set->n].len = len;
	set->n++;
	set->bytes += len;
	for (i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			set->chars++;
	}
}

typedef void (*bench_fn)(const struct bench_set *set, void *arg);

/* Run fn BENCH_RUNS times; print the best and the median in ms. */
static void
bench_run(const char *what, bench_fn fn, const struct bench_set *set,
    void *arg)
{
	double t[BENCH_RUNS], t0;
	int i;

	fn(set, arg);	/* warm up: ICU data, caches, page faults */
	for (i = 0; i < BENCH_RUNS; i++) {
		t0 = bench_now();
		fn(set, arg);
		t[i] = bench_now() - t0;
	}
	qsort(t, BENCH_RUNS, sizeof t[0], bench_cmp_double);
	printf("  %-44s %7.3f ms  (median %.3f)\n", what, t[0],
	    t[BENCH_RUNS / 2]);
}

static void
bench_normalize(const struct bench_set *set, void *arg)
{
	int flags = *(int *)arg;
	struct text_norm n;
	size_t i;

	for (i = 0; i < set->n; i++) {
		text_normalize(set->v[i].s, set->v[i].len, flags, &n);
		text_norm_free(&n);
	}
}

static void
bench_wrap_cold(const struct bench_set *set, void *arg)
{
	int width = *(int *)arg;
	struct text_breaks *b;
	struct text_line *lines;
	size_t i;

	for (i = 0; i < set->n; i++) {
		b = text_breaks_create(set->v[i].s, set->v[i].len);
		text_breaks_wrap(b, width, true, &lines);
		free(lines);
		text_breaks_free(b);
	}
}

static void
bench_text_wrap(const struct bench_set *set, void *arg)
{
	int width = *(int *)arg;
	struct text_line *lines;
	size_t i;

	for (i = 0; i < set->n; i++) {
		text_wrap(set->v[i].s, set->v[i].len, width, true, &lines);
		free(lines);
	}
}

struct bench_held {
	struct text_breaks	**b;
	int			  width;
};

static void
bench_rewrap(const struct bench_set *set, void *arg)
{
	struct bench_held *h = arg;
	struct text_line *lines;
	size_t i;

	for (i = 0; i < set->n; i++) {
		text_breaks_wrap(h->b[i], h->width, true, &lines);
		free(lines);
	}
}

static void
bench_width(const struct bench_set *set, void *arg)
{
	volatile long sum = 0;
	size_t i;

	(void)arg;
	for (i = 0; i < set->n; i++)
		sum += text_width(set->v[i].s, set->v[i].len);
}

int
main(int argc, char **argv)
{
	struct bench_set set = { 0 };
	struct bench_held held;
	struct content *c;
	size_t i, j;
	int flags, width;

	c = bench_setup("bench-text", argc, argv);
	for (i = 0; i < c->nentities; i++) {
		const struct content_entity *e = c->entities[i];
		bench_add(&set, e->title, strlen(e->title));
		for (j = 0; j < e->nblocks; j++)
			bench_add(&set, e->blocks[j].t.text, e->blocks[j].t.len);
	}
	printf("bench-text: %s: %zu entities, %zu strings (titles and "
	    "blocks), %zu bytes, %zu characters; best of %d runs\n", c->dir,
	    c->nentities, set.n, set.bytes, set.chars, BENCH_RUNS);

	flags = 0;
	bench_run("normalise for search (nfkc_cf, kana, width)",
	    bench_normalize, &set, &flags);
	flags = TEXT_NORM_ERA;
	bench_run("normalise for search, with era years",
	    bench_normalize, &set, &flags);
	width = 80;
	bench_run("wrap at 80 columns (find breaks + wrap)",
	    bench_wrap_cold, &set, &width);
	bench_run("text_wrap at 80 columns (through its cache)",
	    bench_text_wrap, &set, &width);
	held.b = xcalloc(set.n + 1, sizeof *held.b);
	for (i = 0; i < set.n; i++)
		held.b[i] = text_breaks_create(set.v[i].s, set.v[i].len);
	held.width = 41;
	bench_run("re-wrap at 41 columns (breaks held)", bench_rewrap, &set,
	    &held);
	bench_run("measure widths (text_width)", bench_width, &set, NULL);

	for (i = 0; i < set.n; i++)
		text_breaks_free(held.b[i]);
	free(held.b);
	free(set.v);
	content_free(c);
	text_fini();
	return 0;
}
