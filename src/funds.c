/* funds.c — programs that fund what a search found (funds.h). */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "figures.h"
#include "funds.h"
#include "search.h"
#include "util.h"

static void
funds_add(struct funds *f, const struct content_entity *p,
    const struct content_entity *via)
{
	struct figures_assign as[1];
	size_t i;

	if (p == NULL || p->type != CONTENT_PROGRAM)
		return;
	for (i = 0; i < f->n; i++)
		if (f->v[i].program == p)
			return;
	util_grow(&f->v, &f->cap, f->n + 1, sizeof *f->v);
	f->v[f->n].program = p;
	f->v[f->n].via = via;
	f->v[f->n].group = figures_program_projects(p, as, 1) > 0 ?
	    as[0].project : NULL;
	f->n++;
}

/* Programs that fund e: e itself, programs serving or belonging to it,
 * the programs a ministry runs, and for indirect entities the programs
 * of what they point at. */
static void
funds_of(struct funds *f, const struct content_entity *e,
    const struct content_entity *via, int depth)
{
	size_t i;

	if (e == NULL || depth > 2)
		return;
	if (e->type == CONTENT_PROGRAM) {
		funds_add(f, e, via);
		return;
	}
	for (i = 0; i < e->nbacklinks; i++) {
		const struct content_link *l = e->backlinks[i];
		if (l->from->type == CONTENT_PROGRAM &&
		    (l->rel == CONTENT_REL_SERVES ||
		    l->rel == CONTENT_REL_BELONGS_TO ||
		    l->rel == CONTENT_REL_MINISTRY))
			funds_add(f, l->from, via);
	}
	for (i = 0; i < e->nlinks; i++) {
		const struct content_link *l = e->links[i];
		if (l->to == NULL)
			continue;
		if (l->to->type == CONTENT_PROGRAM &&
		    l->rel == CONTENT_REL_MENTIONS)
			funds_add(f, l->to, via);
		/* A KPI or milestone is funded through its measure. */
		if ((e->type == CONTENT_KPI || e->type == CONTENT_MILESTONE) &&
		    (l->rel == CONTENT_REL_INDICATOR_OF ||
		    l->rel == CONTENT_REL_MEASURE))
			funds_of(f, l->to, via, depth + 1);
	}
	/* A section is funded through the measures that implement it. */
	if (e->type == CONTENT_SECTION) {
		for (i = 0; i < e->nbacklinks; i++) {
			const struct content_link *l = e->backlinks[i];
			if (l->rel == CONTENT_REL_IMPLEMENTS)
				funds_of(f, l->from, via, depth + 1);
		}
	}
}

/* Group by project, keeping the order of first appearance (a stable
 * pass per group: n is small). */
static void
funds_group(struct funds *f)
{
	struct funds_item *out;
	size_t i, j, n = 0;

	if (f->n < 2)
		return;
	out = xcalloc(f->n, sizeof *out);
	for (i = 0; i < f->n; i++) {
		bool seen = false;
		for (j = 0; j < n && !seen; j++)
			seen = out[j].group == f->v[i].group;
		if (seen)
			continue;
		for (j = i; j < f->n; j++)
			if (f->v[j].group == f->v[i].group)
				out[n++] = f->v[j];
	}
	free(f->v);
	f->v = out;
	f->cap = f->n;
}

void
funds_collect(struct funds *f, const struct search_results *r)
{
	size_t i;

	for (i = 0; i < r->nhits; i++)
		funds_of(f, r->hits[i].entity, r->hits[i].entity, 0);
	funds_group(f);
}

void
funds_collect_entity(struct funds *f, const struct content_entity *e)
{
	funds_of(f, e, e, 0);
	funds_group(f);
}

void
funds_free(struct funds *f)
{
	if (f == NULL)
		return;
	free(f->v);
	memset(f, 0, sizeof *f);
}
