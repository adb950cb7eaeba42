/* test-snap.c — the content snapshot: what is read back is the model the
 * XML built, field by field, and a snapshot is used only for the very
 * bytes it was made from. */
#include "config.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "content-load.h"
#include "content-snap.h"
#include "content.h"
#include "search.h"
#include "tap.h"
#include "util.h"

static int mismatches;

static void
differ(const char *where, const char *id)
{
	if (++mismatches <= 20)
		diag("differs: %s of %s", where, id);
}

static void
cmp_str(const char *a, const char *b, const char *where, const char *id)
{
	if ((a == NULL) != (b == NULL) || (a != NULL && strcmp(a, b) != 0))
		differ(where, id);
}

static void
cmp_ent(const struct content_entity *a, const struct content_entity *b,
    const char *where, const char *id)
{
	if ((a == NULL) != (b == NULL) || (a != NULL && a->index != b->index))
		differ(where, id);
}

static void
cmp_range(const struct content_prov *a, const struct content_prov *b,
    const char *where, const char *id)
{
	if ((a->source == NULL) != (b->source == NULL) ||
	    (a->source != NULL && strcmp(a->source->name, b->source->name)) ||
	    a->first != b->first || a->last != b->last)
		differ(where, id);
}

static void
cmp_prov(const struct content_prov *a, const struct content_prov *b,
    const char *where, const char *id)
{
	if ((a == NULL) != (b == NULL))
		differ(where, id);
	else if (a != NULL)
		cmp_range(a, b, where, id);
}

static void
cmp_text(const struct content_text *a, const struct content_text *b,
    const char *where, const char *id)
{
	size_t i;

	if (a->len != b->len || memcmp(a->text, b->text, a->len) != 0 ||
	    b->text[b->len] != '\0' || a->nrefs != b->nrefs) {
		differ(where, id);
		return;
	}
	for (i = 0; i < a->nrefs; i++) {
		if (a->refs[i].off != b->refs[i].off ||
		    a->refs[i].len != b->refs[i].len)
			differ(where, id);
		cmp_ent(a->refs[i].target, b->refs[i].target, where, id);
	}
	cmp_prov(a->prov, b->prov, where, id);
}

static void
cmp_value(const struct content_value *a, const struct content_value *b,
    const char *id)
{
	if (a->present != b->present || a->has_value != b->has_value ||
	    a->value != b->value || a->year_first != b->year_first ||
	    a->year_last != b->year_last)
		differ("value", id);
	cmp_str(a->unit, b->unit, "value unit", id);
	cmp_str(a->year, b->year, "value year", id);
	cmp_str(a->date, b->date, "value date", id);
	cmp_str(a->text, b->text, "value text", id);
	cmp_prov(a->prov, b->prov, "value prov", id);
}

static void
cmp_budgets(const struct content_budget *a, size_t na,
    const struct content_budget *b, size_t nb, const char *id)
{
	size_t i;

	if (na != nb) {
		differ("budget count", id);
		return;
	}
	for (i = 0; i < na; i++) {
		if (a[i].has_amount != b[i].has_amount ||
		    a[i].amount != b[i].amount || a[i].fy != b[i].fy ||
		    a[i].type != b[i].type || a[i].draft != b[i].draft ||
		    a[i].restated != b[i].restated ||
		    a[i].within != b[i].within)
			differ("budget", id);
		cmp_str(a[i].text, b[i].text, "budget text", id);
		cmp_prov(a[i].prov, b[i].prov, "budget prov", id);
	}
}

static void
cmp_link(const struct content_link *a, const struct content_link *b,
    const char *id)
{
	if (a->rel != b->rel || a->basis != b->basis ||
	    a->lineage != b->lineage)
		differ("link kind", id);
	cmp_ent(a->from, b->from, "link from", id);
	cmp_ent(a->to, b->to, "link to", id);
	cmp_prov(a->prov, b->prov, "link prov", id);
	if ((a->note == NULL) != (b->note == NULL))
		differ("link note", id);
	else if (a->note != NULL)
		cmp_text(a->note, b->note, "link note", id);
	cmp_str(a->note_en, b->note_en, "link note_en", id);
}

static void
cmp_links(struct content_link *const *a, size_t na,
    struct content_link *const *b, size_t nb, const char *id)
{
	size_t i;

	if (na != nb) {
		differ("link count", id);
		return;
	}
	for (i = 0; i < na; i++)
		cmp_link(a[i], b[i], id);
}

static void
cmp_ents(struct content_entity *const *a, size_t na,
    struct content_entity *const *b, size_t nb, const char *where,
    const char *id)
{
	size_t i;

	if (na != nb) {
		differ(where, id);
		return;
	}
	for (i = 0; i < na; i++)
		cmp_ent(a[i], b[i], where, id);
}

static void
cmp_entity(const struct content_entity *a, const struct content_entity *b)
{
	const char *id = a->id;
	size_t i;

	if (a->type != b->type || a->index != b->index ||
	    a->period != b->period || a->line != b->line ||
	    a->naliases != b->naliases || a->nprov != b->nprov ||
	    a->nblocks != b->nblocks) {
		differ("header", id);
		return;
	}
	cmp_str(a->id, b->id, "id", id);
	cmp_str(a->title, b->title, "title", id);
	cmp_str(a->title_en, b->title_en, "title_en", id);
	cmp_str(a->num, b->num, "num", id);
	cmp_str(a->file, b->file, "file", id);
	for (i = 0; i < a->naliases; i++)
		cmp_str(a->aliases[i], b->aliases[i], "alias", id);
	for (i = 0; i < a->nprov; i++)
		cmp_range(&a->prov[i], &b->prov[i], "prov", id);
	for (i = 0; i < a->nblocks; i++) {
		const struct content_block *x = &a->blocks[i], *y = &b->blocks[i];
		if (x->kind != y->kind || x->level != y->level ||
		    x->note_kind != y->note_kind)
			differ("block", id);
		cmp_str(x->mark, y->mark, "block mark", id);
		cmp_str(x->lang, y->lang, "block lang", id);
		cmp_text(&x->t, &y->t, "block text", id);
	}
	cmp_links(a->links, a->nlinks, b->links, b->nlinks, id);
	cmp_links(a->backlinks, a->nbacklinks, b->backlinks, b->nbacklinks, id);
	cmp_ent(a->parent, b->parent, "parent", id);
	cmp_ents(a->children, a->nchildren, b->children, b->nchildren,
	    "children", id);

	switch (a->type) {
	case CONTENT_PERIOD:
		if (a->u.period.fy_start != b->u.period.fy_start ||
		    a->u.period.fy_end != b->u.period.fy_end)
			differ("period", id);
		break;
	case CONTENT_PROJECT:
		if (a->u.project.num != b->u.project.num ||
		    a->u.project.area != b->u.project.area)
			differ("project", id);
		cmp_str(a->u.project.theme, b->u.project.theme, "theme", id);
		cmp_budgets(a->u.project.totals, a->u.project.ntotals,
		    b->u.project.totals, b->u.project.ntotals, id);
		break;
	case CONTENT_DISEASE:
		cmp_str(a->u.disease.theme, b->u.disease.theme, "theme", id);
		break;
	case CONTENT_MEASURE:
		if (a->u.measure.table != b->u.measure.table ||
		    a->u.measure.nstatuses != b->u.measure.nstatuses) {
			differ("measure", id);
			break;
		}
		cmp_str(a->u.measure.group, b->u.measure.group, "group", id);
		for (i = 0; i < a->u.measure.nstatuses; i++) {
			const struct content_status *x = &a->u.measure.statuses[i];
			const struct content_status *y = &b->u.measure.statuses[i];
			cmp_str(x->asof, y->asof, "status asof", id);
			cmp_ent(x->ministry, y->ministry, "status ministry", id);
			cmp_text(&x->t, &y->t, "status text", id);
		}
		break;
	case CONTENT_MILESTONE:
		if (a->u.milestone.column != b->u.milestone.column)
			differ("column", id);
		cmp_ents(a->u.milestone.measures, a->u.milestone.nmeasures,
		    b->u.milestone.measures, b->u.milestone.nmeasures,
		    "measures", id);
		cmp_ent(a->u.milestone.restates, b->u.milestone.restates,
		    "restates", id);
		break;
	case CONTENT_KPI:
		if (a->u.kpi.kind != b->u.kpi.kind ||
		    a->u.kpi.down != b->u.kpi.down)
			differ("kpi", id);
		cmp_str(a->u.kpi.unit, b->u.kpi.unit, "unit", id);
		cmp_value(&a->u.kpi.v->baseline, &b->u.kpi.v->baseline, id);
		cmp_value(&a->u.kpi.v->target, &b->u.kpi.v->target, id);
		cmp_value(&a->u.kpi.v->latest, &b->u.kpi.v->latest, id);
		break;
	case CONTENT_PROGRAM:
		if (a->u.program.kind != b->u.program.kind)
			differ("program kind", id);
		cmp_ent(a->u.program.ministry, b->u.program.ministry,
		    "ministry", id);
		cmp_budgets(a->u.program.budgets, a->u.program.nbudgets,
		    b->u.program.budgets, b->u.program.nbudgets, id);
		break;
	case CONTENT_MINISTRY:
		cmp_str(a->u.ministry.tag, b->u.ministry.tag, "tag", id);
		break;
	case CONTENT_TERM:
		if (a->u.term.kind != b->u.term.kind ||
		    a->u.term.nexpansions != b->u.term.nexpansions) {
			differ("term", id);
			break;
		}
		for (i = 0; i < a->u.term.nexpansions; i++) {
			const struct content_expansion *x =
			    &a->u.term.expansions[i];
			const struct content_expansion *y =
			    &b->u.term.expansions[i];
			cmp_str(x->lang, y->lang, "expansion lang", id);
			cmp_str(x->text, y->text, "expansion", id);
			cmp_prov(x->prov, y->prov, "expansion prov", id);
		}
		break;
	case CONTENT_SECTION:
	case CONTENT_TYPE_COUNT:
		break;
	}
}

/* Every field of b equals a's; entities compared by position. */
static int
cmp_content(const struct content *a, const struct content *b)
{
	size_t i, t;

	mismatches = 0;
	if (a->nentities != b->nentities || a->nsources != b->nsources) {
		diag("counts differ");
		return 1;
	}
	for (i = 0; i < a->nsources; i++) {
		const struct content_source *x = &a->sources[i];
		const struct content_source *y = &b->sources[i];
		cmp_str(x->name, y->name, "name", "source");
		cmp_str(x->file, y->file, "file", "source");
		cmp_str(x->path, y->path, "path", "source");
		cmp_str(x->seed, y->seed, "seed", "source");
		cmp_str(x->title, y->title, "title", "source");
		cmp_str(x->title_en, y->title_en, "title_en", "source");
		cmp_str(x->publisher, y->publisher, "publisher", "source");
		cmp_str(x->date, y->date, "date", "source");
		cmp_str(x->license, y->license, "license", "source");
		if (x->len != y->len || memcmp(x->text, y->text, x->len) ||
		    x->nlines != y->nlines ||
		    memcmp(x->line_off, y->line_off,
		    (x->nlines + 1) * sizeof *x->line_off))
			differ("text", x->name);
	}
	for (i = 0; i < a->nentities; i++) {
		cmp_entity(a->entities[i], b->entities[i]);
		if (a->by_id[i]->index != b->by_id[i]->index)
			differ("id order", a->by_id[i]->id);
	}
	for (t = 0; t < CONTENT_TYPE_COUNT; t++) {
		if (a->ntype[t] != b->ntype[t])
			differ("type count", content_type_name(t));
		else
			cmp_ents(a->by_type[t], a->ntype[t], b->by_type[t],
			    b->ntype[t], "by type", content_type_name(t));
	}
	return mismatches;
}

static struct content *
load(const char *dir)
{
	struct content_diags d;
	struct content *c;
	size_t i;

	content_diags_init(&d);
	c = content_load(dir, NULL, &d);
	for (i = 0; i < d.n && i < 5; i++)
		diag("%s:%d: %s", d.v[i].file, d.v[i].line, d.v[i].message);
	content_diags_free(&d);
	return c;
}

static int
run(const char *cmd)
{
	int rc = system(cmd);

	if (rc != 0)
		diag("command failed (%d): %s", rc, cmd);
	return rc;
}

/* The snapshot file of the cache (there is one per content directory). */
static int
snap_files(const char *cache, char *path, size_t size)
{
	char cmd[512];
	FILE *p;
	int n = 0;

	snprintf(cmd, sizeof cmd, "ls -1 '%s'/hms/ 2>/dev/null | grep '^snap-'",
	    cache);
	if ((p = popen(cmd, "r")) == NULL)
		return 0;
	path[0] = '\0';
	while (fgets(cmd, sizeof cmd, p) != NULL) {
		cmd[strcspn(cmd, "\n")] = '\0';
		snprintf(path, size, "%s/hms/%s", cache, cmd);
		n++;
	}
	pclose(p);
	return n;
}

/* Two indexes answer alike: the same normalised text, the same hits
 * with the same matches for plain and regex queries. */
static int
same_index(struct search_index *x, struct search_index *y)
{
	static const char *const queries[] = { "FIH", "医療機器", "ｶﾞﾝ",
	    "創薬 ベンチャー", "\"ドラッグ・ロス\"", "2026", NULL };
	struct search_opts o = { .type = -1 };
	struct search_results rx, ry;
	const char *tx, *ty;
	size_t lx, ly, i, h;
	char *err = NULL;
	int bad = 0, k;

	tx = search_index_text(x, false, &lx);
	ty = search_index_text(y, false, &ly);
	if (lx != ly || memcmp(tx, ty, lx) != 0) {
		diag("index texts differ");
		return 1;
	}
	for (k = 0; k < 2; k++) {
		o.regex = k == 1;
		for (i = 0; queries[i] != NULL; i++) {
			memset(&rx, 0, sizeof rx);
			memset(&ry, 0, sizeof ry);
			if (search_run(x, queries[i], &o, &rx, &err) != 0 ||
			    search_run(y, queries[i], &o, &ry, &err) != 0) {
				diag("%s: %s", queries[i], err);
				free(err);
				err = NULL;
				bad++;
				continue;
			}
			int was = bad;
			/* Regex queries match the original text: ｶﾞﾝ, for
			 * one, finds nothing there. */
			if (rx.nhits != ry.nhits || (rx.nhits == 0 && !o.regex))
				bad++;
			for (h = 0; h < rx.nhits && h < ry.nhits; h++) {
				if (rx.hits[h].entity->index !=
				    ry.hits[h].entity->index ||
				    rx.hits[h].score != ry.hits[h].score ||
				    rx.hits[h].nmatches != ry.hits[h].nmatches ||
				    memcmp(rx.hits[h].matches, ry.hits[h].matches,
				    rx.hits[h].nmatches *
				    sizeof *rx.hits[h].matches) != 0)
					bad++;
			}
			if (bad > was)
				diag("results differ for %s (%zu, %zu hits)",
				    queries[i], rx.nhits, ry.nhits);
			search_results_free(&rx);
			search_results_free(&ry);
		}
	}
	return bad;
}

/* Files in the cache whose names hold what. */
static int
snap_count(const char *cache, const char *what)
{
	char cmd[600];
	FILE *p;
	int n = -1;

	snprintf(cmd, sizeof cmd, "ls -1 '%s'/hms/ | grep -c -- '%s'", cache,
	    what);
	if ((p = popen(cmd, "r")) != NULL) {
		if (fscanf(p, "%d", &n) != 1)
			n = -1;
		pclose(p);
	}
	return n;
}

static int
index_files(const char *cache)
{
	char cmd[600];

	snprintf(cmd, sizeof cmd, "test \"$(ls -1 '%s'/hms/ | grep -c "
	    "'^index-')\" = 1", cache);
	return system(cmd) == 0;
}

/* The latest mtime or ctime of the files under dir, in ns. */
static uint64_t latest;

static int
latest_one(const char *path, const struct stat *sb, int type, struct FTW *f)
{
	uint64_t m = (uint64_t)sb->st_mtim.tv_sec * 1000000000u +
	    (uint64_t)sb->st_mtim.tv_nsec;
	uint64_t c = (uint64_t)sb->st_ctim.tv_sec * 1000000000u +
	    (uint64_t)sb->st_ctim.tv_nsec;

	(void)path;
	(void)type;
	(void)f;
	if (m > latest)
		latest = m;
	if (c > latest)
		latest = c;
	return 0;
}

static uint64_t
latest_time(const char *dir)
{
	latest = 0;
	nftw(dir, latest_one, 8, FTW_PHYS);
	return latest;
}

/* Wait (a bounded number of 1 ms naps) until the file systems' clock has
 * passed every time of the files under dir: a stamp made from then on
 * finds none of them racy.  A condition, not a duration. */
static int
wait_clock_past(const char *dir)
{
	uint64_t t = latest_time(dir);
	struct timespec ms = { 0, 1000000 };
	int tries;

	for (tries = 0; tries < 5000; tries++) {
		if (content_snap_clock() > t)
			return 0;
		nanosleep(&ms, NULL);
	}
	return -1;
}

/* The byte offset of the first s in file, -1 if none. */
static long
offset_of(const char *file, const char *s)
{
	char cmd[1000];
	FILE *p;
	long off = -1;

	snprintf(cmd, sizeof cmd, "grep -bo -F -m1 -- '%s' '%s' | head -n1 | "
	    "cut -d: -f1", s, file);
	if ((p = popen(cmd, "r")) != NULL) {
		if (fscanf(p, "%ld", &off) != 1)
			off = -1;
		pclose(p);
	}
	return off;
}

static const char *
title_en(const struct content *c, const char *id)
{
	const struct content_entity *e = c != NULL ? content_find(c, id) : NULL;

	return e != NULL && e->title_en != NULL ? e->title_en : "";
}

/* The stamp (content-snap.h): a snapshot's key is trusted without
 * hashing the inputs when their size, times, inode and device are the
 * stamp's and none is racy; anything else is hashed. */
static void
test_stamp(const char *tmp, const char *content)
{
	char dir[600], file[700], cmd[4096];
	struct content *b;
	unsigned long n0;
	long off;
	struct content_snap_stat was[2], now[2];

	/* The rule itself, on made-up status. */
	memset(was, 0, sizeof was);
	was[0].size = 10;
	was[0].mtime = was[0].ctime = 1000;
	was[0].ino = 7;
	memset(&was[1], 0xff, sizeof was[1]);	/* absent */
	memcpy(now, was, sizeof now);
	ok(content_snap_stat_fresh(was, now, 2, 1001),
	    "stamp rule: the same status, older than the stamp: fresh");
	ok(!content_snap_stat_fresh(was, now, 2, 1000),
	    "stamp rule: an mtime at the stamp's time is racy, not fresh");
	now[0].mtime = 900;
	ok(!content_snap_stat_fresh(was, now, 2, 1001) &&
	    (now[0].mtime = 1000, now[0].ctime = 1001,
	    !content_snap_stat_fresh(was, now, 2, 5000)),
	    "stamp rule: any other mtime or ctime is not fresh");
	now[0].ctime = 1000;
	now[1].size = 3;
	ok(!content_snap_stat_fresh(was, now, 2, 5000),
	    "stamp rule: a file that appeared is not fresh");

	snprintf(dir, sizeof dir, "%s/stamped", tmp);
	snprintf(cmd, sizeof cmd, "cp -R '%s' '%s'", content, dir);
	run(cmd);
	ok(wait_clock_past(dir) == 0, "the clock passes the copy's times");
	b = load(dir);
	ok(b != NULL && b->snapshot == NULL, "stamp: a first load parses");
	content_free(b);
	n0 = content_snap_nhashed;
	b = load(dir);
	ok(b != NULL && b->snapshot != NULL && content_snap_nhashed == n0,
	    "an unchanged set is read from the snapshot without hashing an "
	    "input (%lu hashed)", content_snap_nhashed - n0);
	content_free(b);

	/* Changed in place, same size, mtime put back: caught (its ctime
	 * moved). */
	snprintf(file, sizeof file, "%s/glossary.xml", dir);
	off = offset_of(file, "FIH (first in human)");
	snprintf(cmd, sizeof cmd, "touch -r '%s' '%s.ref' && printf 'X' | "
	    "dd of='%s' bs=1 seek=%ld conv=notrunc status=none && "
	    "touch -r '%s.ref' '%s'", file, dir, file, off + 18, dir, file);
	ok(off > 0 && run(cmd) == 0, "glossary.xml changed in place, same "
	    "size, mtime restored");
	b = load(dir);
	ok(b != NULL && b->snapshot == NULL &&
	    strcmp(title_en(b, "term:fih"), "FIH (first in humaX)") == 0,
	    "is caught: parsed again (%s)", title_en(b, "term:fih"));
	content_free(b);

	/* Racy: an input whose mtime is at or after the stamp's time is
	 * hashed even though its status is unchanged. */
	snprintf(cmd, sizeof cmd, "touch -d '+1 hour' '%s' '%s.ref'", file,
	    dir);
	run(cmd);
	n0 = content_snap_nhashed;
	b = load(dir);
	ok(b != NULL && b->snapshot != NULL && content_snap_nhashed > n0,
	    "a file dated in the future, its bytes the same: hashed, and the "
	    "snapshot used");
	content_free(b);
	n0 = content_snap_nhashed;
	b = load(dir);
	ok(b != NULL && b->snapshot != NULL && content_snap_nhashed > n0,
	    "and, racy, is hashed at the next load though unchanged");
	content_free(b);
	snprintf(cmd, sizeof cmd, "printf 'Y' | dd of='%s' bs=1 seek=%ld "
	    "conv=notrunc status=none && touch -r '%s.ref' '%s'", file,
	    off + 18, dir, file);
	ok(run(cmd) == 0, "changed again in place within the racy window, "
	    "mtime restored");
	b = load(dir);
	ok(b != NULL && b->snapshot == NULL &&
	    strcmp(title_en(b, "term:fih"), "FIH (first in humaY)") == 0,
	    "is caught (%s)", title_en(b, "term:fih"));
	content_free(b);

	/* A changed file of another size. */
	snprintf(cmd, sizeof cmd, "echo '<!-- z -->' >> '%s/periods.xml'", dir);
	run(cmd);
	b = load(dir);
	ok(b != NULL && b->snapshot == NULL, "a changed file is caught");
	content_free(b);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	run(cmd);
}

static int hook_fd = -1;

static void
tell_waiting(void)
{
	(void)write(hook_fd, "w", 1);
}

/* One builder: a load that finds the snapshot's lock held waits for it,
 * then maps the snapshot its holder wrote instead of parsing the XML. */
static void
test_lock(const char *tmp, const char *content)
{
	char dir[600], cache[600], cmd[4096], c;
	const char *was = getenv("XDG_CACHE_HOME");
	char *saved = was != NULL ? strdup(was) : NULL;
	struct content *b;
	bool waited;
	int p[2], lock, status = -1;
	pid_t pid;

	snprintf(dir, sizeof dir, "%s/locked", tmp);
	snprintf(cache, sizeof cache, "%s/cache-lock", tmp);
	snprintf(cmd, sizeof cmd, "cp -R '%s' '%s'", content, dir);
	run(cmd);
	/* A snapshot made in another cache, to be put in place while the
	 * lock is held. */
	snprintf(cmd, sizeof cmd, "%s/cache-made", tmp);
	setenv("XDG_CACHE_HOME", cmd, 1);
	b = load(dir);
	content_free(b);
	setenv("XDG_CACHE_HOME", cache, 1);
	lock = content_snap_lock(dir, &waited);
	ok(lock >= 0 && !waited, "the snapshot's lock is taken at once when "
	    "free");
	if (pipe(p) != 0 || (pid = fork()) < 0) {
		ok(0, "pipe and fork");
		return;
	}
	if (pid == 0) {
		close(p[0]);
		hook_fd = p[1];
		content_cache_wait_hook = tell_waiting;
		b = load(dir);
		_exit(b != NULL && b->snapshot != NULL ? 0 : 1);
	}
	close(p[1]);
	/* The child says when it has found the lock held: then the
	 * snapshot appears, then the lock is released. */
	ok(read(p[0], &c, 1) == 1, "a second load finds the lock held and "
	    "waits");
	close(p[0]);
	snprintf(cmd, sizeof cmd, "for f in '%s'/cache-made/hms/snap-* "
	    "'%s'/cache-made/hms/stamp-*; do cp \"$f\" '%s/hms/x.tmp' && "
	    "mv '%s/hms/x.tmp' '%s/hms/'\"${f##*/}\"; done", tmp, tmp, cache,
	    cache, cache);
	run(cmd);
	content_cache_unlock(lock);
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "and, the lock released, maps the snapshot its holder wrote "
	    "rather than parsing the XML");
	if (saved != NULL)
		setenv("XDG_CACHE_HOME", saved, 1);
	free(saved);
	snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s' '%s/cache-made'", dir,
	    cache, tmp);
	run(cmd);
}

int
main(void)
{
	const char *content = getenv("HMS_CONTENT");
	char tmp[] = "/tmp/hms-snap-XXXXXX", cache[512], dir[512];
	char cmd[8192], snap[2048];
	struct content *xmlc, *a, *b;

	if (content == NULL)
		content = "content";
	tap_plan(44);
	if (mkdtemp(tmp) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(cache, sizeof cache, "%s/cache", tmp);
	snprintf(dir, sizeof dir, "%s/content", tmp);
	setenv("XDG_CACHE_HOME", cache, 1);
	snprintf(cmd, sizeof cmd, "cp -R '%s' '%s'", content, dir);
	run(cmd);

	/* hms check's way: everything from the XML, no snapshot. */
	content_load_trust_verified(false);
	xmlc = load(dir);
	ok(xmlc != NULL && xmlc->snapshot == NULL,
	    "without trust the content comes from its XML");
	ok(snap_files(cache, snap, sizeof snap) == 0,
	    "and no snapshot is written");

	content_load_trust_verified(true);
	a = load(dir);
	ok(a != NULL && a->snapshot == NULL,
	    "the first trusted load parses the XML");
	ok(snap_files(cache, snap, sizeof snap) == 1,
	    "and writes one snapshot for the directory");
	b = load(dir);
	ok(b != NULL && b->snapshot != NULL, "the next load reads it");
	ok(xmlc != NULL && b != NULL && cmp_content(xmlc, b) == 0,
	    "the snapshot's model is the XML's, field by field (%zu entities)",
	    b != NULL ? b->nentities : 0);
	content_free(a);
	content_free(b);

	/* The same directory by another name: the file names follow it. */
	snprintf(cmd, sizeof cmd, "%s/./content", tmp);
	b = load(cmd);
	ok(b != NULL && b->snapshot != NULL &&
	    strncmp(b->entities[0]->file, cmd, strlen(cmd)) == 0,
	    "another spelling of the directory uses the snapshot, with its "
	    "own paths");
	content_free(b);

	/* Any changed byte of the inputs means the XML is read again. */
	snprintf(cmd, sizeof cmd, "echo '<!-- x -->' >> '%s/glossary.xml'",
	    dir);
	run(cmd);
	b = load(dir);
	ok(b != NULL && b->snapshot == NULL,
	    "a changed content file is parsed again");
	content_free(b);
	b = load(dir);
	ok(b != NULL && b->snapshot != NULL,
	    "and the snapshot made of it is used next");
	content_free(b);

	snprintf(cmd, sizeof cmd, "cp '%s/glossary.xml' '%s/zz-copy.xml' && "
	    "sed -i 's/id=\"term:/id=\"term:zz-/' '%s/zz-copy.xml'",
	    dir, dir, dir);
	run(cmd);
	b = load(dir);
	ok(b != NULL && b->snapshot == NULL &&
	    b->nentities > xmlc->nentities,
	    "a new file in the directory is read (%zu entities)",
	    b != NULL ? b->nentities : 0);
	content_free(b);
	snprintf(cmd, sizeof cmd, "rm '%s/zz-copy.xml'", dir);
	run(cmd);
	b = load(dir);
	ok(b != NULL && b->snapshot == NULL &&
	    b->nentities == xmlc->nentities,
	    "and its removal is noticed too");
	content_free(b);

	snprintf(cmd, sizeof cmd, "printf x >> '%s/sources/strategy3-overview.txt'",
	    dir);
	run(cmd);
	b = load(dir);
	ok(b != NULL && b->snapshot == NULL,
	    "a changed source text is read again");
	content_free(b);
	b = load(dir);
	ok(b != NULL && b->snapshot != NULL, "then snapshotted");
	content_free(b);
	snprintf(cmd, sizeof cmd, "cp '%s/sources/strategy3-overview.txt' "
	    "'%s/sources/'", content, dir);
	run(cmd);

	snprintf(cmd, sizeof cmd, "printf 'x' >> '%s/hms.rng'", dir);
	run(cmd);
	b = load(dir);
	ok(b == NULL || b->snapshot == NULL, "a changed schema is read again");
	content_free(b);
	snprintf(cmd, sizeof cmd, "cp '%s/hms.rng' '%s/hms.rng'", content, dir);
	run(cmd);
	b = load(dir);
	ok(b != NULL, "the schema restored, the content loads");
	content_free(b);

	/* A damaged snapshot is never followed. */
	ok(snap_files(cache, snap, sizeof snap) >= 1, "the snapshot is there");
	snprintf(cmd, sizeof cmd, "truncate -s -100 '%s'", snap);
	run(cmd);
	b = load(dir);
	ok(b != NULL && b->snapshot == NULL,
	    "a truncated snapshot is ignored and the XML read");
	content_free(b);
	b = load(dir);
	ok(b != NULL && b->snapshot != NULL && cmp_content(xmlc, b) == 0,
	    "and a good one written in its place");
	content_free(b);
	snprintf(cmd, sizeof cmd, "printf '\\377' | dd of='%s' bs=1 "
	    "seek=4000 conv=notrunc status=none", snap);
	run(cmd);
	b = load(dir);
	ok(b != NULL && b->snapshot == NULL,
	    "a snapshot with a changed byte is ignored");
	content_free(b);
	snprintf(cmd, sizeof cmd, "printf 'hms-snapshot 0' | dd of='%s' bs=1 "
	    "conv=notrunc status=none", snap);
	run(cmd);
	b = load(dir);
	ok(b != NULL && b->snapshot == NULL,
	    "so is one of another version");
	content_free(b);

	/* The search index kept next to the snapshot. */
	{
		struct search_index *fresh, *first, *cached;
		b = load(dir);
		fresh = search_index_build(xmlc);	/* key 0: built */
		first = search_index_build(b);
		ok(index_files(cache), "the first index of trusted content is "
		    "written to the cache");
		cached = search_index_build(b);
		ok(same_index(fresh, first) == 0 &&
		    same_index(fresh, cached) == 0,
		    "the index read back answers as one built afresh");
		search_index_free(cached);
		snprintf(cmd, sizeof cmd, "f=$(ls -d '%s'/hms/index-*) && "
		    "printf '\\377\\377' | dd of=\"$f\" bs=1 seek=300000 "
		    "conv=notrunc status=none", cache);
		run(cmd);
		cached = search_index_build(b);
		ok(same_index(fresh, cached) == 0,
		    "a damaged index file is rebuilt, not used");
		search_index_free(cached);
		search_index_free(first);
		search_index_free(fresh);
		content_free(b);
	}

	/* Snapshots of directories that are gone are tidied away. */
	{
		char dir2[600];
		struct search_index *ix;
		snprintf(dir2, sizeof dir2, "%s/gone", tmp);
		snprintf(cmd, sizeof cmd, "cp -R '%s' '%s'", dir, dir2);
		run(cmd);
		b = load(dir2);
		ix = b != NULL ? search_index_build(b) : NULL;
		search_index_free(ix);
		content_free(b);
		ok(snap_count(cache, "^snap-[0-9a-f]*$") == 2 &&
		    snap_count(cache, "^index-[0-9a-f]*$") == 2,
		    "two directories, two snapshots and two indexes");
		snprintf(cmd, sizeof cmd, "rm -rf '%s' && touch -d '2 hours ago' "
		    "'%s/hms/snap-0.tmp-1' && touch '%s/hms/snap-1.tmp-2' && "
		    "echo '<!-- y -->' >> '%s/glossary.xml'", dir2, cache, cache,
		    dir);
		run(cmd);
		b = load(dir);
		ok(b != NULL && snap_count(cache, "^snap-[0-9a-f]*$") == 1 &&
		    snap_count(cache, "^index-[0-9a-f]*$") == 1,
		    "the next snapshot written removes the gone directory's "
		    "snapshot and index");
		ok(snap_count(cache, ".tmp-") == 1,
		    "and a temporary file left hours ago, not a fresh one");
		content_free(b);
	}

	test_stamp(tmp, content);
	test_lock(tmp, content);

	content_load_trust_verified(false);
	b = load(dir);
	ok(b != NULL && b->snapshot == NULL && b->key == 0,
	    "trust off again (hms check): the XML, whatever the cache holds");
	content_free(b);

	content_free(xmlc);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	run(cmd);
	return tap_done();
}
