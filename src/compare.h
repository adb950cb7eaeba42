/* compare.h — periods 1, 2 and 3 side by side: the comparison model shared
 * by the compare view (view-compare.c) and `hms compare` (cli.c).
 *
 * The model is built from the content alone.  It has four sections:
 *
 *   projects  rows are themes (drugs, devices, … ecosystem) holding the
 *             projects, areas and disease areas of that theme in each
 *             period; marks come from the lineage links of the content
 *             (same, renamed, reorganised, split, merged, new) and from
 *             their absence (ended: nothing in the next period continues
 *             it);
 *   diseases  the same for the themes no later project took over (cancer,
 *             neuro, …), headed by how each period handled disease areas;
 *   policies  the basic policies, aligned by shared wording (our reading,
 *             always marked as an inference);
 *   goals     the outcome goals and KPIs that are indicators of a period,
 *             aligned by the theme of their project.
 *
 * Only the order and labels of the themes are a table here; which entity
 * goes where is computed.  Then a layout wraps the rows for a width and a
 * range of periods into lines of fragments, which the view draws and the
 * command line prints: both show the same table. */
#ifndef HMS_COMPARE_H
#define HMS_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "output.h"

struct content;
struct content_entity;
struct content_link;

#define COMPARE_PERIODS 3

enum compare_topic {
	COMPARE_PROJECTS,
	COMPARE_DISEASES,
	COMPARE_POLICIES,
	COMPARE_GOALS,
	COMPARE_TOPIC_COUNT
};

/* How a row changed from one period to the next. */
enum compare_change {
	COMPARE_SAME,
	COMPARE_MATCHED,	/* corresponding wording, not the same */
	COMPARE_RENAMED,
	COMPARE_REORGANISED,	/* 再編: continued within a reorganisation */
	COMPARE_SPLIT,
	COMPARE_MERGED,
	COMPARE_NEW,
	COMPARE_ENDED,
	COMPARE_PLACED,		/* not a change: why a cell is in its row */
	COMPARE_CHANGE_COUNT
};

/* One thing in a cell: an entity to open, shown by text, perhaps with a
 * detail line (a KPI's target and latest value). */
struct compare_item {
	struct content_entity	*entity;	/* NULL: text only */
	char			*text;		/* owned */
	char			*detail;	/* owned, or NULL */
};

/* A mark on a cell: how the cell came from the previous period, or (for
 * COMPARE_PLACED) why it sits in this row. */
struct compare_mark {
	enum compare_change	 change;
	bool			 inferred;	/* not stated by the sources */
	bool			 outgoing;	/* where the previous cell went
						   (into another row) */
	struct content_entity	*from;		/* earlier entity, or NULL */
	struct content_entity	*to;		/* later entity, or NULL */
	const struct content_link *link;	/* the lineage link, or NULL
						   when computed */
	char			*text;		/* owned: "~ renamed (inferred)" */
};

struct compare_cell {
	struct compare_item	*items;
	size_t			 nitems;
	struct compare_mark	*marks;
	size_t			 nmarks;
};

struct compare_row {
	char			*id;		/* "genome-data", "policy-3" */
	char			*label;		/* translated */
	bool			 summary;	/* a heading row: always shown */
	/* cells[p - 1] is period p; marks of cells[p - 1] (but PLACED)
	 * describe the change from period p - 1 to period p. */
	struct compare_cell	 cells[COMPARE_PERIODS];
};

struct compare_section {
	enum compare_topic	 topic;
	const char		*name;		/* "projects": the TOPIC */
	const char		*title;		/* translated */
	const char		*note;		/* translated: how rows align */
	struct compare_row	*rows;
	size_t			 nrows;
};

struct compare {
	const struct content	*c;
	struct content_entity	*periods[COMPARE_PERIODS];	/* or NULL */
	struct compare_section	 sections[COMPARE_TOPIC_COUNT];
};

/* Build the comparison of a loaded content set.  The result refers to the
 * content (which must outlive it); free it with compare_free(). */
struct compare *compare_build(const struct content *c);
void compare_free(struct compare *cmp);

/* The topic called name ("goals"), or -1. */
int compare_topic_from_name(const char *name);
const char *compare_topic_name(enum compare_topic t);
/* "renamed"; never translated (TSV, JSON). */
const char *compare_change_name(enum compare_change ch);

/* The heading of period p's column: its title, and "FY2020-2024" in
 * years (empty when the content gives none). */
const char *compare_period_title(const struct compare *cmp, int p);
void compare_period_years(const struct compare *cmp, int p, char *buf,
    size_t size);

/* Whether a row differs between periods first and last (1-based,
 * inclusive): an entity is new, ended, renamed, reorganised, split or
 * merged there, or one period has something the other has not.  Summary
 * rows always do. */
bool compare_row_differs(const struct compare_row *r, int first, int last);

/* The row with that id in any section, or NULL; *section (if not NULL)
 * receives its section. */
const struct compare_row *compare_find_row(const struct compare *cmp,
    const char *id, int *section);

/* ---- the table laid out for a width ---- */

enum compare_role {
	COMPARE_ROLE_SECTION,	/* a section's title */
	COMPARE_ROLE_NOTE,	/* how a section's rows are aligned */
	COMPARE_ROLE_LABEL,	/* a row's label */
	COMPARE_ROLE_ITEM,
	COMPARE_ROLE_DETAIL,
	COMPARE_ROLE_MARK,
	COMPARE_ROLE_INFERRED,	/* a mark that is an inference */
	COMPARE_ROLE_EMPTY,	/* "-": nothing in this period */
	COMPARE_ROLE_BORDER	/* "|" between columns */
};

/* A piece of one line: text (pointing into the model, or a literal) at
 * column x of the table. */
struct compare_frag {
	int			 x;
	const char		*s;
	size_t			 len;
	enum compare_role	 role;
	int			 period;	/* 1..3, or 0: label, border, full
						   width */
	int			 item;		/* index in the cell, or -1 */
};

struct compare_line {
	size_t	frag;			/* first fragment */
	size_t	nfrags;
	int	section;		/* its section */
	int	row;			/* its row, or -1 (heading, gap) */
};

/* Where a row was laid out. */
struct compare_place {
	int	section;
	int	row;
	int	line;			/* first line */
	int	nlines;
};

struct compare_layout {
	int			 width;
	int			 first, last;	/* periods shown (1-based) */
	bool			 diff_only;
	int			 topic;		/* -1: every section */
	int			 label_w;	/* 0: labels get a line of
						   their own */
	int			 text_w;	/* cells of text in a column */
	int			 col_x[COMPARE_PERIODS + 1];	/* text start of
						   period p's column */
	struct compare_line	*lines;
	size_t			 nlines;
	struct compare_frag	*frags;
	size_t			 nfrags;
	size_t			 fcap, lcap;
	struct compare_place	*places;	/* shown rows, in order */
	size_t			 nplaces, pcap;
};

/* How many periods fit side by side in width cells: 3 from 120, 2 from
 * 60, else 1. */
int compare_columns_for(int width);

/* Lay out the sections (one, or all when topic is -1) for width cells,
 * periods first..last, hiding rows that do not differ when diff_only.
 * Free with compare_layout_free(). */
struct compare_layout *compare_layout(const struct compare *cmp, int width,
    int first, int last, bool diff_only, int topic);
void compare_layout_free(struct compare_layout *l);
/* The place of (section, row) in the layout, or NULL when hidden. */
const struct compare_place *compare_layout_find(const struct compare_layout *l,
    int section, int row);

/* ---- output ---- */

/* Write the table (one topic, or all when topic is -1): text laid out for
 * width cells (0: 120), TSV (a header, then a record per row: row id, a
 * column per period with "id title" items, the marks) or JSON. */
void compare_write(FILE *f, const struct compare *cmp, int topic,
    enum output_format format, int width);

#endif
