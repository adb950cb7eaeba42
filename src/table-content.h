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

struct table;

/* ---- KPIs ---- */

/* Where a KPI stands.  The order is the severity sort: behind first when
 * sorted descending. */
enum table_kpi_status {
	TABLE_KPI_NO_DATA,	/* cannot be judged from what is printed */
	TABLE_KPI_ACHIEVED,	/* the latest value meets the target */
	TABLE_KPI_ON_TRACK,	/* at least as far as linear progress from
				   the baseline to the target would be at
				   the latest value's date */
	TABLE_KPI_BEHIND,	/* less far than that, or the target's year
				   is over and the target is not met */
	TABLE_KPI_STATUS_COUNT
};

/* Times are fractional years: a fiscal year Y ends at Y + 1.25 (31 March),
 * a date is its year plus the elapsed fraction. */
struct table_kpi_progress {
	enum table_kpi_status	 status;
	bool			 has_progress;
	double			 progress;	/* (latest - baseline) /
						   (target - baseline) */
	bool			 has_expected;
	double			 expected;	/* share of the time from the
						   baseline to the target
						   elapsed at the latest value */
	const char		*why;		/* for no data: the reason,
						   translated; else NULL */
};

void table_kpi_progress(const struct content_entity *kpi,
    struct table_kpi_progress *p);
/* "on-track" (for export), "[on track]" (shown, translated). */
const char *table_kpi_status_name(enum table_kpi_status s);
const char *table_kpi_status_label(enum table_kpi_status s);

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

/* A table of the KPIs in v (in that order).  Free with table_free(). */
struct table *table_content_kpis(struct content_entity *const *v, size_t n);

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

/* The projects a program serves: those it belongs to, and those of the
 * measures it serves.  Returns how many were stored in out (up to max). */
size_t table_program_projects(const struct content_entity *p,
    const struct content_entity **out, size_t max);

/* How to group the totals of a programs table. */
enum table_total_group {
	TABLE_TOTAL_NONE,
	TABLE_TOTAL_MINISTRY,
	TABLE_TOTAL_PROJECT,
	TABLE_TOTAL_FY,
	TABLE_TOTAL_GROUP_COUNT
};

struct table_total {
	char	*label;		/* "厚生労働省", "7 橋渡し・臨床加速化", "FY2025" */
	double	 amount;	/* 億円, counted lines only */
	size_t	 counted;	/* lines summed */
	size_t	 lines;		/* lines shown in the group */
};

struct table_totals {
	struct table_total	 all;		/* every shown line, once */
	size_t			 uncounted;	/* 再掲, の内数, no amount */
	struct table_total	*groups;	/* largest first */
	size_t			 ngroups;
};

/* Totals of the rows a programs table shows: each budget line counted
 * once (content_budget_counts: never 再掲 or の内数).  Grouped by project,
 * a line serving several projects counts in each of them.  Free with
 * table_totals_free(). */
void table_program_totals(const struct table *t, enum table_total_group g,
    struct table_totals *out);
void table_totals_free(struct table_totals *tt);
const char *table_total_group_label(enum table_total_group g);

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
