/* bench-store.c — what keeping things costs: one change (lock, re-read,
 * write a temporary file, fsync, rename, fsync the directory) on small and
 * on full files, and opening a full store.
 *
 *	bench-store [DIR]	(default: a new directory under $TMPDIR;
 *				 the disk it is on is what is measured)
 *
 * Prints figures; asserts nothing (timings belong to the machine and its
 * disk).  Each figure is the median of its runs, with the fastest and the
 * slowest beside it. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "store.h"
#include "util.h"

#define BENCH_RUNS 50

/* A change that fails makes every figure meaningless: stop. */
static void
bench_check(int rc, char **err)
{
	if (rc != 0) {
		fprintf(stderr, "bench-store: %s\n", *err);
		exit(1);
	}
}

static void
bench_report(const char *what, double *ms, int n)
{
	qsort(ms, (size_t)n, sizeof *ms, bench_cmp_double);
	printf("%-52s median %7.2f ms  (min %.2f, max %.2f; %d runs)\n", what,
	    ms[n / 2], ms[0], ms[n - 1], n);
}

int
main(int argc, char **argv)
{
	char dir[4096], id[64], text[256], *err = NULL, *cmd;
	double ms[BENCH_RUNS], t;
	struct store *s;
	const char *tmp = getenv("TMPDIR");
	bool made = argc < 2;
	int i, k;

	if (argc >= 2)
		snprintf(dir, sizeof dir, "%s", argv[1]);
	else {
		snprintf(dir, sizeof dir, "%s/hms-bench-store-XXXXXX",
		    tmp != NULL ? tmp : "/tmp");
		if (mkdtemp(dir) == NULL) {
			fprintf(stderr, "bench-store: mkdtemp: %s\n",
			    strerror(errno));
			return 1;
		}
	}
	s = store_open(dir);
	if (store_readonly(s)) {
		fprintf(stderr, "bench-store: %s\n", store_readonly_reason(s));
		return 1;
	}
	printf("store in %s\n", dir);

	/* The first bookmarks: files of a few lines. */
	for (i = 0; i < BENCH_RUNS; i++) {
		snprintf(id, sizeof id, "kpi:bench-first-%d", i);
		t = bench_now();
		bench_check(store_bookmark_set(s, id, "label", &err), &err);
		ms[i] = bench_now() - t;
	}
	bench_report("bookmark added (small file)", ms, BENCH_RUNS);

	/* Fill it: 1,000 bookmarks, 300 notes of 3 versions, 500 visits,
	 * 400 queries. */
	for (i = 0; i < 1000; i++) {
		snprintf(id, sizeof id, "kpi:bench-%d", i);
		bench_check(store_bookmark_set(s, id, "a label of some length",
		    &err), &err);
	}
	for (i = 0; i < 300; i++) {
		snprintf(id, sizeof id, "kpi:bench-%d", i);
		for (k = 0; k < 3; k++) {
			snprintf(text, sizeof text, "Version %d of a note of a "
			    "few lines.\nAsk about the target.\n\nCompare with "
			    "period 2.", k);
			bench_check(store_note_set(s, id, text, k, NULL, &err),
			    &err);
		}
	}
	for (i = 0; i < STORE_VISITS_MAX; i++) {
		snprintf(id, sizeof id, "kpi:visit-%d", i);
		bench_check(store_visit_add(s, id, &err), &err);
	}
	for (i = 0; i < 2 * STORE_QUERIES_MAX; i++) {
		snprintf(text, sizeof text, "query %d", i);
		bench_check(store_query_add(s, i % 2 ? "search" : "goto", text,
		    &err), &err);
	}

	for (i = 0; i < BENCH_RUNS; i++) {
		snprintf(id, sizeof id, "kpi:bench-more-%d", i);
		t = bench_now();
		bench_check(store_bookmark_set(s, id, "label", &err), &err);
		ms[i] = bench_now() - t;
	}
	bench_report("bookmark added (1,000 bookmarks)", ms, BENCH_RUNS);
	for (i = 0; i < BENCH_RUNS; i++) {
		snprintf(id, sizeof id, "kpi:visit-again-%d", i);
		t = bench_now();
		bench_check(store_visit_add(s, id, &err), &err);
		ms[i] = bench_now() - t;
	}
	bench_report("entity opened: visit saved (500 visits)", ms,
	    BENCH_RUNS);
	for (i = 0; i < BENCH_RUNS; i++) {
		snprintf(text, sizeof text, "note saved again, %d", i);
		k = store_note_find(s, "kpi:bench-7")->version;
		t = bench_now();
		bench_check(store_note_set(s, "kpi:bench-7", text, k, NULL,
		    &err), &err);
		ms[i] = bench_now() - t;
	}
	bench_report("note saved (300 notes with earlier versions)", ms,
	    BENCH_RUNS);
	store_free(s);

	for (i = 0; i < BENCH_RUNS; i++) {
		t = bench_now();
		s = store_open(dir);
		ms[i] = bench_now() - t;
		store_free(s);
	}
	bench_report("store opened (all four files full)", ms, BENCH_RUNS);
	for (i = 0; i < BENCH_RUNS; i++) {
		s = store_open(dir);
		t = bench_now();
		store_refresh(s);
		ms[i] = bench_now() - t;
		store_free(s);
	}
	bench_report("refresh with nothing changed (B pressed)", ms,
	    BENCH_RUNS);
	if (made) {
		cmd = xasprintf("rm -rf '%s'", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "bench-store: could not remove %s\n", dir);
		free(cmd);
	}
	return 0;
}
