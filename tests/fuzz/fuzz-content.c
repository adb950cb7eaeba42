/* fuzz-content.c — the XML loader on arbitrary files.
 *
 * Each input is written to a temporary file and loaded as hms check FILE
 * loads one, with the bundled schema and sources (for provenance).  A file
 * is either rejected with diagnostics (each with a file and a message) or
 * accepted without any; accepted content must hold together: every id
 * is found again, and every entity lays out into a page and can be
 * searched, which is what the interface does next with it. */
#include "config.h"

#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "content-load.h"
#include "content.h"
#include "fuzz.h"
#include "layout.h"
#include "search.h"
#include "text.h"
#include "util.h"

static char fuzz_dir[4096];
static char fuzz_path[4200];

static void
fuzz_cleanup(void)
{
	unlink(fuzz_path);
	rmdir(fuzz_dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_text_init("fuzz-content");
	fuzz_mkdtemp(fuzz_dir, sizeof fuzz_dir, "fuzz-content");
	snprintf(fuzz_path, sizeof fuzz_path, "%s/fuzz.xml", fuzz_dir);
	atexit(fuzz_cleanup);
	return 0;
}

static void
fuzz_use(struct content *c)
{
	struct search_opts o = { .type = -1 };
	struct search_results res;
	struct search_index *idx;
	struct content_entity *e;
	struct page *p;
	char *err = NULL;
	size_t i;

	for (i = 0; i < c->nentities; i++) {
		e = c->entities[i];
		FUZZ_CHECK(e->id != NULL && e->title != NULL);
		FUZZ_CHECK(content_find(c, e->id) == e);
		p = layout_entity(c, e, i % 2 ? 80 : 17, NULL, 0);
		FUZZ_CHECK(p != NULL);
		page_free(p);
	}
	idx = search_index_build(c);
	if (search_run(idx, "の", &o, &res, &err) == 0)
		search_results_free(&res);
	free(err);
	search_index_free(idx);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *files[1] = { fuzz_path };
	struct content_diags d;
	struct content *c;
	FILE *f;
	size_t i;

	f = fopen(fuzz_path, "wb");
	FUZZ_CHECK(f != NULL);
	FUZZ_CHECK(fwrite(data, 1, size, f) == size);
	FUZZ_CHECK(fclose(f) == 0);

	content_diags_init(&d);
	c = content_load_files(files, 1, fuzz_content_dir(), NULL, &d);
	/* Content, or problems: never both, never neither. */
	FUZZ_CHECK((c != NULL) == (d.n == 0));
	for (i = 0; i < d.n; i++) {
		FUZZ_CHECK(d.v[i].file != NULL && d.v[i].message != NULL);
		FUZZ_CHECK(d.v[i].line >= 0);
	}
	if (c != NULL)
		fuzz_use(c);
	content_free(c);
	content_diags_free(&d);
	return 0;
}
