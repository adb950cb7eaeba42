/* funds.h — which programs fund what a search found: the one answer that
 * hms funds, hms budget QUERY and the interface's funds view give, in the
 * same order. */
#ifndef HMS_FUNDS_H
#define HMS_FUNDS_H

#include <stddef.h>

struct content_entity;
struct search_results;

struct funds_item {
	const struct content_entity	*program;
	/* What the search found that led to it (the program itself when
	 * the search named it). */
	const struct content_entity	*via;
	/* The project it is grouped under (its first, by figures.h), or
	 * NULL. */
	const struct content_entity	*group;
};

struct funds {
	struct funds_item	*v;
	size_t			 n, cap;
};

/* Collect the programs that fund the hits of r: a hit that is a program,
 * the programs serving or belonging to a hit (and, for a ministry, those
 * it runs), and for a KPI, milestone or section those of its measures.
 * In the order of the hits, then grouped by project: the groups in the
 * order they first appear, the programs in hit order within each. */
void funds_collect(struct funds *f, const struct search_results *r);
/* The same for one entity (the interface's entity page). */
void funds_collect_entity(struct funds *f, const struct content_entity *e);
void funds_free(struct funds *f);

#endif
