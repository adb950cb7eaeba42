/* figures.h — how hms counts, sums and judges.
 *
 * The rules of doc/figures.md in code, one function per rule, so that
 * every screen, command and export that shows a total or a KPI verdict
 * shows the same one:
 *   - budget totals are kept per (fiscal year, budget type) and never
 *     added across them; 再掲 counts once, の内数 never; an amount the
 *     source does not state is counted as such, never as 0;
 *   - a KPI's verdict is decided from its own values and dates (never the
 *     wall clock), with the figures and the reason behind it. */
#ifndef HMS_FIGURES_H
#define HMS_FIGURES_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"

struct buf;

/* ---- amounts ---- */

/* An amount in 億円 with the given digits after the point ("83", "3.0",
 * "90.7"), into buf; returns buf. */
char *figures_amount(char *buf, size_t size, double amount, int decimals);

/* One budget line as people read it: "7.9億円  FY2024  補正  「…」", with
 * (案), 再掲 and の内数 spelled out and an unstated amount said to be so;
 * appended to b (not sanitised). */
void figures_budget_format(struct buf *b, const struct content_budget *bu);

/* ---- budget totals ---- */

/* The total of one fiscal year and one budget type. */
struct figures_bucket {
	int				 fy;		/* 0 for a fund */
	enum content_budget_type	 type;
	double				 amount;	/* 億円, summed lines */
	int				 decimals;	/* of the most precise
							   line summed */
	size_t				 lines;		/* lines summed */
	size_t				 proposals;	/* of them 予算額（案） */
	/* Set by figures_sum_finish(): */
	size_t				 programs;	/* programs with a
							   line summed */
	size_t				 unstated;	/* programs with a line of
							   this year and type
							   whose amount is not
							   stated, and none
							   summed */
	/* The programs with a line summed, and with a line not stated. */
	const struct content_entity	**summed;
	size_t				 nsummed, summedcap;
	const struct content_entity	**missing;
	size_t				 nmissing, missingcap;
};

/* A total over programs: one bucket per (fiscal year, budget type), and
 * what could not be summed. */
struct figures_sum {
	struct figures_bucket		*buckets;	/* newest year first,
							   then initial,
							   supplementary,
							   adjustment, fund */
	size_t				 nbuckets;
	size_t				 bucketcap;
	size_t				 restated;	/* lines not summed: 再掲 */
	size_t				 within;	/* lines not summed: の内数 */
	/* Programs added, and those of them without any stated amount (no
	 * budget line, or none that states one). */
	const struct content_entity	**programs;
	size_t				 nprograms;
	size_t				 programcap;
	size_t				 programs_unstated;
};

void figures_sum_init(struct figures_sum *s);
/* Add one budget line of program p (b NULL: a program with no budget
 * line).  A program is counted once however many of its lines are
 * added. */
void figures_sum_add_line(struct figures_sum *s,
    const struct content_entity *p, const struct content_budget *b);
/* Add every budget line of program p. */
void figures_sum_add_program(struct figures_sum *s,
    const struct content_entity *p);
/* Call once all lines are in: orders the buckets and counts the
 * programs without a stated amount. */
void figures_sum_finish(struct figures_sum *s);
void figures_sum_free(struct figures_sum *s);

/* The order of buckets in a sum, for qsort: newest year first, funds
 * (no year) last, then by budget type. */
int figures_bucket_cmp(const void *x, const void *y);

/* The bucket for (fy, type), or NULL. */
const struct figures_bucket *figures_sum_find(const struct figures_sum *s,
    int fy, enum content_budget_type type);

/* One bucket as people read it: "FY2025 当初 83億円 (incl. 8 proposals
 * 案)", "FY2021 補正 not stated (1 program)"; appended to b. */
void figures_bucket_format(struct buf *b, const struct figures_bucket *k);
/* The whole total: the buckets joined by " · ", then "2 programs
 * without a stated amount" and what was left out by rule ("3 再掲 lines
 * counted once"); "no budget lines" when empty.  Appended to b. */
void figures_sum_format(struct buf *b, const struct figures_sum *s);

/* ---- KPI verdicts ---- */

enum figures_verdict {
	FIGURES_ACHIEVED,		/* the latest value meets the target */
	FIGURES_ON_TRACK,		/* at or past the value expected by
					   the latest value's date */
	FIGURES_BEHIND,			/* short of it, the target still ahead */
	FIGURES_NOT_MET,		/* the target's date or the period is
					   over and the target was not met */
	FIGURES_NOT_YET_MEASURED,	/* a target, no latest value */
	FIGURES_NOT_EVALUABLE,		/* see reason */
	FIGURES_VERDICT_COUNT
};

struct figures_kpi {
	enum figures_verdict	 verdict;
	const char		*reason;	/* not-evaluable: why
						   (translated); else NULL */
	bool			 has_progress;
	double			 progress;	/* latest against target, 0..1+
						   (from the baseline when
						   there is one) */
	bool			 has_expected;
	double			 expected;	/* the value expected by the
						   latest value's date */
	double			 expected_share; /* of the way to the target */
	double			 base;		/* where progress counts from:
						   the baseline, or 0 */
	/* How it was decided, one line: "86 of 200 by FY2028; 40 expected
	 * by FY2024; on track". */
	char			 explain[256];
};

/* Judge KPI k of content c.  Decided as of the latest value's date; a
 * KPI of a period that a later period of c has followed is judged as
 * final (achieved or not met). */
void figures_kpi_judge(const struct content *c, const struct content_entity *k,
    struct figures_kpi *out);
/* "on-track" for exports, "[on track]" as shown (translated). */
const char *figures_verdict_name(enum figures_verdict v);
const char *figures_verdict_label(enum figures_verdict v);

/* ---- who a program serves, and on what basis ---- */

/* A project a program is assigned to. */
struct figures_assign {
	const struct content_entity	*project;
	enum content_basis		 basis;
	/* Stated: the link that says it.  Inferred through a measure: the
	 * measure (the program serves it and it belongs to the project). */
	const struct content_link	*link;
	const struct content_entity	*via;
};

/* The projects program p is assigned to: those it belongs to (with the
 * basis of that link), then those of the measures it serves (always
 * inferred).  Returns how many were stored in out (up to max). */
size_t figures_program_projects(const struct content_entity *p,
    struct figures_assign *out, size_t max);
/* One short sentence saying why an assignment holds, in the interface's
 * language: "the source lists it under the project", "via measure:…,
 * which belongs to the project"; into buf, returned. */
char *figures_assign_reason(char *buf, size_t size,
    const struct figures_assign *a);

/* The link that gives program p its ministry (its basis says whether a
 * source states it or a mark was read as one), or NULL. */
const struct content_link *figures_ministry_link(const struct content_entity *p);

/* ---- totals by group ---- */

enum figures_by {
	FIGURES_BY_PROJECT,
	FIGURES_BY_MINISTRY,
	FIGURES_BY_PROGRAM,
	FIGURES_BY_COUNT
};

struct figures_group {
	const struct content_entity	*entity;	/* NULL: no project /
							   no ministry */
	struct figures_sum		 sum;
	/* Programs placed in the group by inference (a derived project, a
	 * ministry read from a mark). */
	const struct content_entity	**inferred;
	size_t				 ninferred, inferredcap;
};

struct figures_groups {
	enum figures_by			 by;
	struct figures_group		*v;	/* in document order, the
						   group without entity
						   last */
	size_t				 n, cap;
};

void figures_groups_init(struct figures_groups *g, enum figures_by by);
/* Add a budget line of program p (b NULL: a program without lines) to
 * each group p is in; a program in several projects counts in each. */
void figures_groups_add_line(struct figures_groups *g,
    const struct content_entity *p, const struct content_budget *b);
void figures_groups_add_program(struct figures_groups *g,
    const struct content_entity *p);
void figures_groups_finish(struct figures_groups *g);
void figures_groups_free(struct figures_groups *g);
/* The totals of the programs of project or ministry e of content c, as
 * `hms budget ID` gives them, into g (which the caller frees with
 * figures_groups_free): the group of e, or NULL for another type or
 * when no program is in it. */
const struct figures_group *figures_group_of(const struct content *c,
    const struct content_entity *e, struct figures_groups *g);
/* That group in one line: its figures_sum_format(), then "; ~ N by
 * inference" when some were placed there by inference. */
void figures_group_format(struct buf *b, const struct figures_group *k);

/* "project", "ministry", "program"; and back (-1 when unknown). */
const char *figures_by_name(enum figures_by by);
int figures_by_from_name(const char *name);

/* ---- roadmap: today's column and each milestone's status ---- */

/* The roadmap column a date falls in: the first whose last day is not
 * before it (2024年夏 ends with August 2024, 2024年末 with 2024, the
 * others with their fiscal year's 31 March); -1 after them all. */
int figures_column_of_date(int year, int month, int day);
/* The same for "YYYY-MM-DD"; -1 when it is not such a date. */
int figures_column_of_iso(const char *date);

enum figures_progress {
	FIGURES_PROGRESS_DONE,
	FIGURES_PROGRESS_UNDERWAY,
	FIGURES_PROGRESS_NOT_STARTED,
	FIGURES_PROGRESS_NO_REPORT,	/* no report speaks of it */
	FIGURES_PROGRESS_COUNT
};

/* A milestone's status as one measure's row shows it. */
struct figures_milestone {
	enum figures_progress		 progress;
	/* Stated: a source line gives this status; inferred: read from
	 * the measure's 進捗状況 (which reports on the measure, not on the
	 * milestone).  No source states one, so every status that is not
	 * "no report" is inferred. */
	enum content_basis		 basis;
	/* The report it was read from and the words that decided it, or
	 * NULL (no report). */
	const struct content_status	*report;
	char				 cue[256];	/* 「…検討中」, or "" */
	/* Why, one sentence in the interface's language. */
	char				 reason[512];
};

/* The status of milestone ms in the row of measure m.  Only the reports
 * (進捗状況) dated within ms's column speak of it: each is read for words
 * of work done (…した。, 決定, 記載…), under way (実施中, 検討中, …ている,
 * ところ) or planned (予定, 着手する, 今後、…); under way, or done with
 * more planned, is in progress; done alone is done; planned alone is not
 * started.  Several reports: all done is done, all planned is not
 * started, else in progress.  Otherwise no report. */
void figures_milestone_status(const struct content_entity *m,
    const struct content_entity *ms, struct figures_milestone *out);
/* The letter shown in the grid: d, p, n for an inferred status, D, P, N
 * for a stated one, ? for no report. */
char figures_progress_letter(enum figures_progress p, enum content_basis b);
/* "done", "in-progress", "not-started", "no-report" for exports;
 * "done", "in progress", … as shown (translated). */
const char *figures_progress_name(enum figures_progress p);
const char *figures_progress_label(enum figures_progress p);

#endif
