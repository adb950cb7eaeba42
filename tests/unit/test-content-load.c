/* test-content-load.c — the loader: bad files fail with their own message
 * and line, the bundled content loads into a consistent model. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "content-load.h"
#include "content.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static const char *srcdir;
static char content_dir[4096];

/* Load one fixture; return the diagnostics (the content must be NULL). */
static void
load_bad(const char *name, struct content_diags *d)
{
	char path[4096];
	const char *files[1] = { path };
	struct content *c;

	snprintf(path, sizeof path, "%s/tests/fixtures/bad/%s", srcdir, name);
	content_diags_init(d);
	c = content_load_files(files, 1, content_dir, NULL, d);
	ok(c == NULL, "%s: rejected", name);
	content_free(c);
}

static void
expect(const char *name, int line, const char *needle)
{
	struct content_diags d;
	size_t i;
	int found = 0;

	load_bad(name, &d);
	for (i = 0; i < d.n; i++) {
		if (strstr(d.v[i].message, needle) != NULL && d.v[i].line == line &&
		    strstr(d.v[i].file, name) != NULL)
			found = 1;
	}
	if (!ok(found, "%s: line %d says \"%s\"", name, line, needle)) {
		for (i = 0; i < d.n; i++)
			diag("%s:%d: %s", d.v[i].file, d.v[i].line, d.v[i].message);
	}
	content_diags_free(&d);
}

static void
test_bad_files(void)
{
	expect("malformed.xml", 8, "Opening and ending tag mismatch");
	expect("schema-invalid.xml", 6, "schema:");
	expect("duplicate-id.xml", 9, "duplicate id 'term:bad-dup' (first defined at");
	expect("dangling-ref.xml", 6, "reference to unknown id 'measure:no-such-measure'");
	expect("xxe.xml", 3, "external reference not allowed");
	expect("billion-laughs.xml", 3, "entity declaration not allowed");
	expect("xinclude.xml", 6, "XInclude not allowed");
	expect("invalid-utf8.xml", 4, "invalid UTF-8 (byte 0xff");
	expect("empty.xml", 1, "empty file");
	expect("provenance-outside.xml", 3, "is outside sources/drug-discovery-roadmap.txt (lines 1-204)");
	expect("title-not-found.xml", 3, "neither the title");
	expect("unknown-source.xml", 3, "unknown source 'nosuchsource'");
}

/* A file over the size limit is refused before it is read. */
static void
test_huge_file(void)
{
	char path[] = "/tmp/hms-test-huge-XXXXXX";
	const char *files[1] = { path };
	struct content_diags d;
	struct content *c;
	FILE *f;
	int fd;
	size_t i;
	char line[128];
	clock_t t0;

	fd = mkstemp(path);
	if (fd < 0 || (f = fdopen(fd, "w")) == NULL) {
		ok(0, "create a 50 MB file");
		return;
	}
	fputs("<?xml version=\"1.0\"?>\n<hms version=\"1\">\n", f);
	for (i = 0; i < 50u * 1024 * 1024 / 100; i++) {
		snprintf(line, sizeof line, "  <term id=\"term:t%zu\" "
		    "src=\"overview3:89\" kind=\"abbr\"><title>FIH</title></term>\n", i);
		fputs(line, f);
	}
	fputs("</hms>\n", f);
	fclose(f);
	content_diags_init(&d);
	t0 = clock();
	c = content_load_files(files, 1, content_dir, NULL, &d);
	ok(c == NULL, "50 MB file: rejected");
	ok(d.n == 1 && d.v[0].line == 1 &&
	    strstr(d.v[0].message, "larger than the 32 MiB limit") != NULL,
	    "50 MB file: one message on line 1 about the size limit");
	ok((double)(clock() - t0) / CLOCKS_PER_SEC < 1.0,
	    "50 MB file: refused without reading it");
	content_free(c);
	content_diags_free(&d);
	unlink(path);
}

/* All files of a directory are checked in one pass. */
static void
test_one_pass(void)
{
	char path[4096];
	const char *files[1] = { path };
	struct content_diags d;
	struct content *c;
	size_t i;
	int files_seen = 0;
	const char *names[] = { "malformed.xml", "duplicate-id.xml",
	    "dangling-ref.xml", "xxe.xml", "invalid-utf8.xml", "empty.xml" };

	snprintf(path, sizeof path, "%s/tests/fixtures/bad", srcdir);
	content_diags_init(&d);
	c = content_load_files(files, 1, content_dir, NULL, &d);
	ok(c == NULL, "directory of bad files: rejected");
	for (size_t n = 0; n < HMS_NELEM(names); n++) {
		for (i = 0; i < d.n; i++) {
			if (strstr(d.v[i].file, names[n]) != NULL) {
				files_seen++;
				break;
			}
		}
	}
	is_int(files_seen, HMS_NELEM(names),
	    "directory of bad files: problems of every file reported at once");
	content_free(c);
	content_diags_free(&d);
}

static void
test_bundled(void)
{
	struct content_diags d;
	struct content *c;
	struct content_entity *e, *p;
	size_t i, j;
	int back_ok = 1;

	content_diags_init(&d);
	c = content_load(content_dir, NULL, &d);
	if (!ok(c != NULL, "bundled content loads")) {
		for (i = 0; i < d.n && i < 10; i++)
			diag("%s:%d: %s", d.v[i].file, d.v[i].line, d.v[i].message);
		content_diags_free(&d);
		return;
	}
	is_int(c->nsources, 5, "five sources");
	is_int(c->ntype[CONTENT_PERIOD], 3, "three periods");
	e = content_find(c, "project:p3-devices");
	ok(e != NULL && e->period == 3 && e->u.project.num == 2,
	    "project:p3-devices is period 3, number 2");
	p = content_find(c, "project:p2-devices");
	ok(p != NULL, "project:p2-devices exists");
	/* Every link appears in the target's backlinks, and back. */
	for (i = 0; i < c->nentities; i++) {
		e = c->entities[i];
		for (j = 0; j < e->nlinks; j++) {
			struct content_link *l = e->links[j];
			size_t k;
			int found = 0;
			if (l->from != e)
				back_ok = 0;
			if (l->to == NULL)
				continue;
			for (k = 0; k < l->to->nbacklinks; k++)
				found |= l->to->backlinks[k] == l;
			back_ok &= found;
		}
	}
	ok(back_ok, "every link is a backlink of its target");
	e = content_find(c, "project:p3-devices");
	ok(e != NULL && e->nlinks > 0 && e->links[0]->rel == CONTENT_REL_LINEAGE &&
	    e->links[0]->to == p &&
	    e->links[0]->lineage == CONTENT_LINEAGE_REORGANISED &&
	    e->links[0]->basis == CONTENT_BASIS_INFERRED &&
	    e->links[0]->note != NULL && e->links[0]->note_en != NULL &&
	    strstr(e->links[0]->note_en, "Same name") != NULL,
	    "p3 devices continues p2 devices (reorganised; the pairing is "
	    "inferred from the same name)");
	ok(content_find(c, "no:such") == NULL, "unknown id is not found");
	ok(e != NULL && e->nprov >= 1 && e->prov[0].source != NULL &&
	    strcmp(e->prov[0].source->name, "overview3") == 0 &&
	    e->prov[0].first == 45, "provenance is parsed");
	content_free(c);
	content_diags_free(&d);
}

int
main(void)
{
	char *err = NULL;

	/* Widths follow the terminal's model, which needs a UTF-8 locale. */
	setlocale(LC_ALL, "C.UTF-8");
	srcdir = getenv("top_srcdir");
	if (srcdir == NULL)
		srcdir = ".";
	snprintf(content_dir, sizeof content_dir, "%s/content", srcdir);
	if (text_init(&err) != 0) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	test_bad_files();
	test_huge_file();
	test_one_pass();
	test_bundled();
	text_fini();
	return tap_done();
}
