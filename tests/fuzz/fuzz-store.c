/* fuzz-store.c — the store's files (bookmarks, notes, history, search
 * history) as a crash, an editor or a full disk may leave them.
 *
 * Input: one control byte, then the bytes of one file.  Control: bits 0-1
 * which file (bookmarks, notes, history, search-history), bit 2 also make
 * one change of each kind and read the store again.
 * hms-files(5) promises: the store always opens; what could be read is
 * kept, and a damaged file is said once; every record holds one line's
 * worth (no field may carry a line break into the file); and a change
 * written back leaves files that read back to the same entries, with
 * nothing said about damage. */
#include "config.h"

#include <dirent.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "store.h"
#include "util.h"

static char fuzz_dir[4096];
static const char *const fuzz_files[4] = {
	"bookmarks", "notes", "history", "search-history"
};

/* Empty the store's directory between inputs. */
static void
fuzz_clean(void)
{
	struct dirent *de;
	char path[8192];
	DIR *d;

	if ((d = opendir(fuzz_dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", fuzz_dir, de->d_name);
		unlink(path);
	}
	closedir(d);
}

static void
fuzz_cleanup(void)
{
	fuzz_clean();
	rmdir(fuzz_dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_mkdtemp(fuzz_dir, sizeof fuzz_dir, "fuzz-store");
	atexit(fuzz_cleanup);
	return 0;
}

static bool
fuzz_one_line(const char *s)
{
	return s != NULL && strchr(s, '\n') == NULL && strchr(s, '\r') == NULL;
}

struct fuzz_counts {
	size_t	bookmarks, notes, visits, queries;
};

/* Check every entry; count them. */
static void
fuzz_check(struct store *s, struct fuzz_counts *n)
{
	const struct store_note *nt;
	size_t i, k;

	n->bookmarks = store_bookmark_count(s);
	for (i = 0; i < n->bookmarks; i++) {
		const struct store_bookmark *b = store_bookmark_at(s, i);
		FUZZ_CHECK(b != NULL && b->id != NULL && b->id[0] != '\0');
		FUZZ_CHECK(fuzz_one_line(b->id) && strchr(b->id, ' ') == NULL);
		FUZZ_CHECK(fuzz_one_line(b->label));
		FUZZ_CHECK(store_bookmark_find(s, b->id) == b);
	}
	n->notes = store_note_count(s);
	for (i = 0; i < n->notes; i++) {
		nt = store_note_at(s, i);
		FUZZ_CHECK(nt != NULL && fuzz_one_line(nt->id) &&
		    nt->id[0] != '\0' && strchr(nt->id, ' ') == NULL);
		FUZZ_CHECK(nt->text != NULL && nt->version >= 1);
		FUZZ_CHECK(nt->nhist <= STORE_NOTE_HISTORY_MAX);
		for (k = 0; k < nt->nhist; k++)
			FUZZ_CHECK(nt->hist[k].text != NULL);
	}
	n->visits = store_visit_count(s);
	FUZZ_CHECK(n->visits <= STORE_VISITS_MAX);
	for (i = 0; i < n->visits; i++) {
		const struct store_visit *v = store_visit_at(s, i);
		FUZZ_CHECK(v != NULL && fuzz_one_line(v->id) &&
		    v->id[0] != '\0');
	}
	n->queries = store_query_count(s);
	for (i = 0; i < n->queries; i++) {
		const struct store_query *q = store_query_at(s, i);
		FUZZ_CHECK(q != NULL && fuzz_one_line(q->name) &&
		    fuzz_one_line(q->text));
	}
}

/* Messages: each said once, none empty.  Returns how many. */
static int
fuzz_messages(struct store *s)
{
	char *m;
	int n = 0;

	while ((m = store_take_message(s)) != NULL) {
		FUZZ_CHECK(m[0] != '\0');
		free(m);
		n++;
	}
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_counts before, after;
	struct store *s;
	char path[8192], *err = NULL;
	FILE *f;

	if (size < 1)
		return 0;
	fuzz_clean();
	snprintf(path, sizeof path, "%s/%s", fuzz_dir, fuzz_files[data[0] & 3]);
	f = fopen(path, "wb");
	FUZZ_CHECK(f != NULL);
	FUZZ_CHECK(fwrite(data + 1, 1, size - 1, f) == size - 1);
	FUZZ_CHECK(fclose(f) == 0);

	s = store_open(fuzz_dir);
	FUZZ_CHECK(s != NULL);
	store_set_time(s, 1763805600);	/* 2025-11-22T10:00:00Z */
	fuzz_messages(s);
	FUZZ_CHECK(!store_readonly(s));
	fuzz_check(s, &before);
	if (data[0] & 4) {
		bool had = store_bookmark_find(s, "kpi:fuzz") != NULL;
		FUZZ_CHECK(store_bookmark_set(s, "kpi:fuzz", "a label", &err) == 0);
		FUZZ_CHECK(store_note_set(s, "kpi:fuzz", "line 1\nline 2", 0,
		    NULL, &err) == 0);
		FUZZ_CHECK(store_visit_add(s, "kpi:fuzz", &err) == 0);
		FUZZ_CHECK(store_query_add(s, "search", "fuzz query", &err) == 0);
		fuzz_check(s, &before);
		store_free(s);
		/* What was written reads back whole, with nothing to say. */
		s = store_open(fuzz_dir);
		FUZZ_CHECK(fuzz_messages(s) == 0);
		fuzz_check(s, &after);
		FUZZ_CHECK(after.bookmarks == before.bookmarks);
		FUZZ_CHECK(after.notes == before.notes);
		FUZZ_CHECK(after.visits == before.visits);
		FUZZ_CHECK(after.queries == before.queries);
		FUZZ_CHECK(store_bookmark_find(s, "kpi:fuzz") != NULL);
		(void)had;
	}
	free(err);
	store_free(s);
	return 0;
}
