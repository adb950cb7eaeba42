/* store-helper.c — drives the store from shell tests (tests/cli/
 * test-store.sh): concurrent writers and writers killed with -9.
 *
 *   store-helper add DIR PREFIX N     N bookmarks PREFIX-0 … PREFIX-N-1,
 *                                     one change each
 *   store-helper write DIR FROM TO    for i in [FROM, TO): bookmark
 *                                     test:e-i, and a note on it when i
 *                                     is odd; "ack i done" on stdout once
 *                                     the atomic write has returned
 *   store-helper check DIR UPTO       the store opens without complaint
 *                                     and holds every entry i < UPTO
 *
 * Exit status 0, or 1 with a message on stderr. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"
#include "util.h"

static int
helper_add(const char *dir, const char *prefix, long n)
{
	struct store *s = store_open(dir);
	char id[128], *err = NULL;
	long i;
	int rc = 0;

	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "%s-%ld", prefix, i);
		if (store_bookmark_set(s, id, prefix, &err) != 0) {
			fprintf(stderr, "store-helper: %s: %s\n", id, err);
			free(err);
			rc = 1;
			break;
		}
	}
	store_free(s);
	return rc;
}

static int
helper_write(const char *dir, long from, long to)
{
	struct store *s = store_open(dir);
	char id[64], label[64], text[128], ack[64], *err = NULL, *m;
	long i;
	int n;

	while ((m = store_take_message(s)) != NULL) {
		fprintf(stderr, "store-helper: %s\n", m);
		free(m);
	}
	for (i = from; i < to; i++) {
		snprintf(id, sizeof id, "test:e-%ld", i);
		snprintf(label, sizeof label, "entry %ld", i);
		if (store_bookmark_set(s, id, label, &err) != 0)
			break;
		if (i % 2 == 1) {
			snprintf(text, sizeof text, "note %ld\nsecond line", i);
			if (store_note_set(s, id, text, 0, NULL, &err) != 0)
				break;
		}
		/* One write(2) per line: a kill leaves whole lines only. */
		n = snprintf(ack, sizeof ack, "ack %ld done\n", i);
		if (write(STDOUT_FILENO, ack, (size_t)n) != n)
			break;
	}
	if (err != NULL) {
		fprintf(stderr, "store-helper: %s\n", err);
		free(err);
		store_free(s);
		return 1;
	}
	store_free(s);
	return 0;
}

static int
helper_check(const char *dir, long upto)
{
	struct store *s = store_open(dir);
	const struct store_bookmark *b;
	char id[64], label[64], text[128], *m;
	long i;
	int rc = 0;

	while ((m = store_take_message(s)) != NULL) {
		fprintf(stderr, "store-helper: unexpected: %s\n", m);
		free(m);
		rc = 1;
	}
	for (i = 0; i < upto && rc == 0; i++) {
		snprintf(id, sizeof id, "test:e-%ld", i);
		snprintf(label, sizeof label, "entry %ld", i);
		b = store_bookmark_find(s, id);
		if (b == NULL || strcmp(b->label, label) != 0) {
			fprintf(stderr, "store-helper: acknowledged bookmark "
			    "%s is missing\n", id);
			rc = 1;
		}
		snprintf(text, sizeof text, "note %ld\nsecond line", i);
		if (i % 2 == 1 && (store_note_text(s, id) == NULL ||
		    strcmp(store_note_text(s, id), text) != 0)) {
			fprintf(stderr, "store-helper: acknowledged note on %s "
			    "is missing\n", id);
			rc = 1;
		}
	}
	printf("%zu bookmarks, %zu notes\n", store_bookmark_count(s),
	    store_note_count(s));
	store_free(s);
	return rc;
}

int
main(int argc, char **argv)
{
	if (argc == 5 && strcmp(argv[1], "add") == 0)
		return helper_add(argv[2], argv[3], atol(argv[4]));
	if (argc == 5 && strcmp(argv[1], "write") == 0)
		return helper_write(argv[2], atol(argv[3]), atol(argv[4]));
	if (argc == 4 && strcmp(argv[1], "check") == 0)
		return helper_check(argv[2], atol(argv[3]));
	fprintf(stderr, "usage: store-helper add DIR PREFIX N | write DIR FROM "
	    "TO | check DIR UPTO\n");
	return 2;
}
