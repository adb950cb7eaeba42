/* table-content.h — the tables the content makes: KPIs, programs (one row
 * per budget line) and roadmap measures, with the columns the views show
 * and the columns export and `hms list TYPE --format tsv` write.
 *
 * The views and the command line build their tables here, so an export
 * from the interface and the command line's TSV are the same columns by
 * construction: id, type, title first, then the type's fields. */
#ifndef HMS_TABLE_CONTENT_H
#define HMS_TABLE_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "figures.h"

struct table;

/* ---- KPIs ---- */

/* A KPI's verdict is figures_kpi_judge() (figures.h): the table shows it,
 * sorts by it (its enum order) and filters by its name (st:behind). */

/* Displayed columns of the KPI table: the status next to the name, so
 * that "which KPI is behind" is answered on the narrowest screen. */
enum {
	TABLE_KPI_COL_NAME,
	TABLE_KPI_COL_PERIOD,
	TABLE_KPI_COL_STATUS,
	TABLE_KPI_COL_PROGRESS,
	TABLE_KPI_COL_BASELINE,
	TABLE_KPI_COL_TARGET,
	TABLE_KPI_COL_LATEST,
	TABLE_KPI_COL_UNIT,
	TABLE_KPI_COL_OF,
	TABLE_KPI_COL_KIND,
	TABLE_KPI_COL_COUNT
};

/* A table of the KPIs in v (in that order) of content c.  Free with
 * table_free(). */
struct table *table_content_kpis(const struct content *c,
    struct content_entity *const *v, size_t n);

/* ---- programs ---- */

enum {
	TABLE_PROGRAM_COL_NAME,
	TABLE_PROGRAM_COL_MINISTRY,
	TABLE_PROGRAM_COL_AMOUNT,
	TABLE_PROGRAM_COL_FY,
	TABLE_PROGRAM_COL_TYPE,
	TABLE_PROGRAM_COL_NOTE,
	TABLE_PROGRAM_COL_MEASURES,
	TABLE_PROGRAM_COL_PROJECTS,
	TABLE_PROGRAM_COL_COUNT
};

/* A table of the programs in v, one row per budget line (a program
 * without budgets has one row); each row's data is its
 * struct content_budget, or NULL. */
struct table *table_content_programs(struct content_entity *const *v,
    size_t n);

/* The programs f found, as the programs table with a heading per
 * project group and a column saying how each was found (TABLE_PROGRAM_
 * COL_COUNT).  Free with table_free(). */
struct funds;
struct table *table_content_funds(const struct funds *f);

/* The totals of the budget lines a programs table shows (after its
 * filter), by the rules of figures.h: into s, or into groups g (by
 * project, ministry or program).  The caller initialised s or g and
 * frees it; these call figures_*_finish(). */
void table_program_sum(const struct table *t, struct figures_sum *s);
void table_program_groups(const struct table *t, struct figures_groups *g);

/* ---- roadmap measures ---- */

/* Displayed columns: the measure, then one per content_column. */
enum {
	TABLE_MEASURE_COL_NAME,
	TABLE_MEASURE_COL_FIRST_TIME	/* + enum content_column */
};

/* The milestones of measure m in column col, in document order; returns
 * how many were stored (up to max). */
size_t table_measure_milestones(const struct content_entity *m,
    enum content_column col, const struct content_entity **out, size_t max);

/* A table of the measures in v; with headings, a heading row starts each
 * roadmap table ("Table 2  国際水準の臨床試験実施体制"). */
struct table *table_content_measures(struct content_entity *const *v,
    size_t n, bool headings);

#endif
