/* bench.h — what the module benchmarks share: a monotonic clock in ms, an
 * order for sorting times, and the set-up (a UTF-8 locale, the text module
 * and the content to measure on: from the command line, else
 * $HMS_CONTENT, else the source tree's). */
#ifndef HMS_BENCH_H
#define HMS_BENCH_H

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "content-load.h"
#include "content.h"
#include "text.h"
#include "util.h"

/* Now, in milliseconds of the monotonic clock. */
static inline double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* qsort order of doubles, smallest first. */
static inline int
bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The content of argv[1] or the default; exits 2 naming prog when it
 * cannot be had.  Free with content_free(). */
static inline struct content *
bench_setup(const char *prog, int argc, char **argv)
{
	struct content_diags d;
	struct content *c;
	const char *env;
	char *dir, *err = NULL;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	if (text_init(&err) != 0) {
		fprintf(stderr, "%s: %s\n", prog, err);
		exit(2);
	}
	if (argc > 1)
		dir = xstrdup(argv[1]);
	else if ((env = getenv("HMS_CONTENT")) != NULL && *env != '\0')
		dir = xstrdup(env);
	else
		dir = xasprintf("%s/content", HMS_SRCDIR);
	content_diags_init(&d);
	if ((c = content_load(dir, NULL, &d)) == NULL) {
		fprintf(stderr, "%s: cannot load %s (%zu problems)\n", prog,
		    dir, d.n);
		exit(2);
	}
	content_diags_free(&d);
	free(dir);
	return c;
}

#endif
