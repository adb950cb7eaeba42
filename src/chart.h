/* chart.h — pictures drawn with characters: budget bars and KPI progress
 * lines, as lines of text that the commands print and the views put in
 * their panes.
 *
 * Pictures never compute a figure: amounts come from figures_sum
 * buckets and progress from figures_kpi_judge (figures.h); chart only
 * scales them to cells.  Where the locale is UTF-8 bars are drawn with
 * eighth blocks (▏▎▍▌▋▊▉█), otherwise, or when East Asian ambiguous
 * characters are two cells wide (the blocks are ambiguous), with '#'.
 * Every width is counted through text.c. */
#ifndef HMS_CHART_H
#define HMS_CHART_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct content_entity;
struct figures_kpi;
struct figures_sum;

/* Draw with ASCII only, whatever the locale (main sets it when the
 * user's locale is not UTF-8). */
void chart_set_ascii(bool ascii);
/* Whether pictures are drawn with ASCII only now: set so, or ambiguous
 * characters are two cells wide. */
bool chart_ascii(void);

/* A bar for value out of max, up to cells cells, appended to b; returns
 * the cells drawn.  A positive value too small for one eighth still
 * shows a sliver, so that only a stated zero draws nothing. */
int chart_bar(struct buf *b, double value, double max, int cells);

/* The progress of a judged KPI as a line exactly cells wide (at least
 * 3), appended to b: "[████▌  |   ]", from the baseline (or 0) on the
 * left to the target on the right, filled up to the latest value, with
 * '|' where the KPI should be by now.  Returns false, appending nothing,
 * when the verdict has no progress figure. */
bool chart_progress(struct buf *b, const struct figures_kpi *k, int cells);

/* The progress line with its numbers and the status word beside it, as
 * one line of text for hms show and the KPI pane: "0 [████▌  |   ] 200
 * 43% (| 40 expected)  [on track]"; without a progress figure, the
 * status word alone.  The line is cells wide. */
void chart_kpi_line(struct buf *b, const struct content_entity *e,
    const struct figures_kpi *k, int cells);

/* What a line of a budget chart is. */
enum chart_line {
	CHART_HEADING,		/* a fiscal year and budget type (億円) */
	CHART_BAR,		/* a label, a bar and the amount */
	CHART_NOTE		/* what is not drawn: not stated */
};

/* Called with each line of a chart, without a newline, at most width
 * cells wide. */
typedef void chart_emit_fn(void *arg, enum chart_line kind, const char *line);

/* One labelled total to draw. */
struct chart_series {
	const char		*label;
	const struct figures_sum *sum;
};

/* Bars of the totals of n series, width cells wide: with one series, its
 * label and a bar per fiscal year and budget type; with several, a heading per
 * fiscal year and budget type and under it a bar per series that has a
 * line of that year and type.  Every bar is scaled to the widest amount
 * of the chart.  A total whose amounts are not stated shows "not
 * stated" in words where the bar would be, never an empty bar. */
void chart_budget(const struct chart_series *v, size_t n, int width,
    chart_emit_fn *emit, void *arg);

#endif
