/* test-figures.c — the rules of doc/figures.md on entities made here:
 * budget totals per fiscal year and budget type (再掲 once, の内数
 * never, not stated counted and never 0, proposals said) and the KPI
 * verdicts (achieved, on track, behind, not met, not yet measured, not
 * evaluable with a reason). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "figures.h"
#include "tap.h"
#include "util.h"

/* ---- budgets ---- */

static struct content_budget
budget(double amount, int fy, enum content_budget_type type)
{
	struct content_budget b;

	memset(&b, 0, sizeof b);
	b.has_amount = amount >= 0;
	b.amount = amount >= 0 ? amount : 0;
	b.fy = fy;
	b.type = type;
	return b;
}

static void
program(struct content_entity *p, const char *id, struct content_budget *b,
    size_t n)
{
	memset(p, 0, sizeof *p);
	p->type = CONTENT_PROGRAM;
	p->id = id;
	p->title = id;
	p->u.program.budgets = b;
	p->u.program.nbudgets = n;
}

static void
test_sum(void)
{
	struct content_budget a[3], b[2], c[1], d[1];
	struct content_entity pa, pb, pc, pd, pe;
	const struct figures_bucket *k;
	struct figures_sum s;
	struct buf out;

	/* A: two FY2025 proposals (12 and 3.0) and the 12 restated.
	 * B: FY2024 補正 7.7 and a fund with no amount.
	 * C: an FY2025 initial line that is part of another (の内数).
	 * D: an FY2021 補正 line with no amount.  E: no lines at all. */
	a[0] = budget(12, 2025, CONTENT_BUDGET_INITIAL);
	a[0].draft = true;
	a[1] = budget(3.0, 2025, CONTENT_BUDGET_INITIAL);
	a[1].draft = true;
	a[1].decimals = 1;
	a[2] = a[0];
	a[2].restated = true;
	b[0] = budget(7.7, 2024, CONTENT_BUDGET_SUPPLEMENTARY);
	b[0].decimals = 1;
	b[1] = budget(-1, 2024, CONTENT_BUDGET_FUND);
	c[0] = budget(50, 2025, CONTENT_BUDGET_INITIAL);
	c[0].within = true;
	d[0] = budget(-1, 2021, CONTENT_BUDGET_SUPPLEMENTARY);
	program(&pa, "program:a", a, 3);
	program(&pb, "program:b", b, 2);
	program(&pc, "program:c", c, 1);
	program(&pd, "program:d", d, 1);
	program(&pe, "program:e", NULL, 0);

	figures_sum_init(&s);
	figures_sum_add_program(&s, &pa);
	figures_sum_add_program(&s, &pb);
	figures_sum_add_program(&s, &pc);
	figures_sum_add_program(&s, &pd);
	figures_sum_add_program(&s, &pe);
	figures_sum_finish(&s);

	k = figures_sum_find(&s, 2025, CONTENT_BUDGET_INITIAL);
	ok(k != NULL && fabs(k->amount - 15) < 1e-9,
	    "FY2025 initial: 12 + 3.0, the 再掲 once, the の内数 never");
	ok(k != NULL && k->proposals == 2 && k->programs == 1,
	    "it counts 2 proposals of 1 program");
	k = figures_sum_find(&s, 2024, CONTENT_BUDGET_SUPPLEMENTARY);
	ok(k != NULL && fabs(k->amount - 7.7) < 1e-9,
	    "FY2024 supplementary is a total of its own");
	k = figures_sum_find(&s, 0, CONTENT_BUDGET_FUND);
	ok(k != NULL && k->lines == 0 && k->unstated == 1,
	    "a fund has no year, and its unstated amount is counted");
	ok(figures_sum_find(&s, 2024, CONTENT_BUDGET_FUND) == NULL,
	    "a fund is never filed under a year");
	k = figures_sum_find(&s, 2021, CONTENT_BUDGET_SUPPLEMENTARY);
	ok(k != NULL && k->lines == 0 && k->unstated == 1,
	    "an unstated FY2021 line is counted in its own year");
	is_int(s.restated, 1, "one 再掲 line left out");
	is_int(s.within, 1, "one の内数 line left out");
	is_int(s.programs_unstated, 3,
	    "C (only の内数), D (not stated) and E (no line) state no amount");
	is_int(s.buckets[0].fy, 2025, "the newest year comes first");
	ok(s.buckets[s.nbuckets - 1].type == CONTENT_BUDGET_FUND,
	    "funds come last");

	buf_init(&out);
	figures_sum_format(&out, &s);
	is_str(out.data, "FY2025 当初 15.0億円 (incl. 2 proposals 案) · "
	    "FY2024 補正 7.7億円 · FY2021 補正 not stated (1 program) · "
	    "基金 not stated (1 program) · 3 programs without a stated "
	    "amount (1 再掲 line counted once)",
	    "the total says what it sums, year by year and type by type");
	ok(strstr(out.data, " 0億円") == NULL && strstr(out.data, " 0.0億円")
	    == NULL, "and never prints an unstated amount as 0");
	buf_free(&out);
	figures_sum_free(&s);
	figures_sum_free(NULL);

	/* Two supplementary lines whose year no source gives: never one
	 * total of unknown years. */
	d[0] = budget(5, 0, CONTENT_BUDGET_SUPPLEMENTARY);
	c[0] = budget(7, 0, CONTENT_BUDGET_SUPPLEMENTARY);
	figures_sum_init(&s);
	figures_sum_add_program(&s, &pc);
	figures_sum_add_program(&s, &pd);
	figures_sum_finish(&s);
	k = figures_sum_find(&s, 0, CONTENT_BUDGET_SUPPLEMENTARY);
	ok(k != NULL && k->lines == 0 && k->unstated == 2,
	    "lines of unknown years are counted, not summed");
	buf_init(&out);
	figures_sum_format(&out, &s);
	ok(strstr(out.data, "(year not stated) 補正") != NULL,
	    "and the total says the year is not stated: %s", out.data);
	buf_free(&out);
	figures_sum_free(&s);
}

static void
test_amount(void)
{
	char num[32];

	is_str(figures_amount(num, sizeof num, 3.0, 1), "3.0",
	    "3.0 keeps the precision the source gives");
	is_str(figures_amount(num, sizeof num, 83, 0), "83", "83 stays 83");
	is_str(figures_amount(num, sizeof num, 1.17, 99), "1.1700",
	    "a damaged precision is bounded");
}

/* ---- KPI verdicts ---- */

static struct content_entity periods[2];
static struct content_entity *period_v[2] = { &periods[0], &periods[1] };
static struct content corpus;

static void
setup_periods(void)
{
	memset(periods, 0, sizeof periods);
	periods[0].type = periods[1].type = CONTENT_PERIOD;
	periods[0].period = 1;
	periods[0].u.period.fy_start = 2014;
	periods[0].u.period.fy_end = 2019;
	periods[1].period = 3;
	periods[1].u.period.fy_start = 2025;
	periods[1].u.period.fy_end = 2029;
	memset(&corpus, 0, sizeof corpus);
	corpus.by_type[CONTENT_PERIOD] = period_v;
	corpus.ntype[CONTENT_PERIOD] = 2;
}

static void
value(struct content_value *v, double x, int first, int last)
{
	memset(v, 0, sizeof *v);
	v->present = v->has_value = true;
	v->value = x;
	v->year_first = first;
	v->year_last = last;
}

static void
kpi(struct content_entity *k, int period)
{
	/* Each KPI's values live out of line; a test has a few at once. */
	static struct content_kpi_values pool[16];
	static size_t next;

	memset(k, 0, sizeof *k);
	k->u.kpi.v = &pool[next++ % HMS_NELEM(pool)];
	memset(k->u.kpi.v, 0, sizeof *k->u.kpi.v);
	k->type = CONTENT_KPI;
	k->id = "kpi:test";
	k->period = period;
	k->u.kpi.unit = "件";
}

static void
test_verdicts(void)
{
	struct content_entity k;
	struct figures_kpi v;

	setup_periods();

	/* The worked example: 200 over FY2024-2028, 86 in FY2024. */
	kpi(&k, 3);
	value(&k.u.kpi.v->baseline, 151, 2018, 2022);
	value(&k.u.kpi.v->target, 200, 2024, 2028);
	value(&k.u.kpi.v->latest, 86, 2024, 2024);
	figures_kpi_judge(&corpus, &k, &v);
	is_int(v.verdict, FIGURES_ON_TRACK, "86 of 200 (cumulative) in year 1 "
	    "of 5 is on track");
	ok(v.has_expected && fabs(v.expected - 40) < 1e-9, "40 expected");
	ok(v.has_progress && fabs(v.progress - 0.43) < 1e-9,
	    "progress 86/200 (a span counts from 0)");
	is_str(v.explain, "86 of 200件 by FY2028 (latest FY2024); 40 expected "
	    "by FY2024", "show says how it was decided");
	value(&k.u.kpi.v->latest, 30, 2024, 2024);
	figures_kpi_judge(&corpus, &k, &v);
	is_int(v.verdict, FIGURES_BEHIND, "30 when 40 were expected is behind");

	/* Period 1 is over (period 3 followed it): judged as final. */
	kpi(&k, 1);
	value(&k.u.kpi.v->target, 200, 2020, 2020);
	value(&k.u.kpi.v->latest, 142, 0, 0);
	k.u.kpi.v->latest.date = "2020-03-31";
	figures_kpi_judge(&corpus, &k, &v);
	is_int(v.verdict, FIGURES_NOT_MET, "p1-04: 142 of 200, period over: "
	    "not met");
	value(&k.u.kpi.v->latest, 1659, 0, 0);
	k.u.kpi.v->latest.date = "2020-03-31";
	value(&k.u.kpi.v->target, 1500, 2020, 2020);
	figures_kpi_judge(&corpus, &k, &v);
	is_int(v.verdict, FIGURES_ACHIEVED, "1659 for 1500 is achieved");

	/* A level, less is better: 10 in FY2026 down to 5 in FY2028. */
	kpi(&k, 3);
	k.u.kpi.down = true;
	value(&k.u.kpi.v->baseline, 10, 2025, 2025);
	value(&k.u.kpi.v->target, 5, 2027, 2027);
	value(&k.u.kpi.v->latest, 8, 2026, 2026);
	figures_kpi_judge(&corpus, &k, &v);
	is_int(v.verdict, FIGURES_BEHIND, "down: 8 at half time is behind");
	value(&k.u.kpi.v->latest, 7, 2026, 2026);
	figures_kpi_judge(&corpus, &k, &v);
	is_int(v.verdict, FIGURES_ON_TRACK, "down: 7 at half time is on track");
	value(&k.u.kpi.v->latest, 4.5, 2026, 2026);
	figures_kpi_judge(&corpus, &k, &v);
	is_int(v.verdict, FIGURES_ACHIEVED, "down: 4.5 meets 5");
	value(&k.u.kpi.v->latest, 6, 2028, 2028);
	figures_kpi_judge(&corpus, &k, &v);
	is_int(v.verdict, FIGURES_NOT_MET, "the target's year is over, unmet: "
	    "not met");

	/* No baseline: a line from 0 at the start of the period. */
	kpi(&k, 3);
	value(&k.u.kpi.v->target, 100, 2029, 2029);
	value(&k.u.kpi.v->latest, 30, 2026, 2026);
	figures_kpi_judge(&corpus, &k, &v);
	ok(v.verdict == FIGURES_ON_TRACK || v.verdict == FIGURES_BEHIND,
	    "a numeric target and latest value always get a verdict");
	ok(v.has_progress, "and a progress figure");

	/* What cannot be judged says why. */
	kpi(&k, 3);
	value(&k.u.kpi.v->target, 100, 2028, 2028);
	figures_kpi_judge(&corpus, &k, &v);
	is_int(v.verdict, FIGURES_NOT_YET_MEASURED, "a target, no latest value");
	k.u.kpi.v->target.has_value = false;
	k.u.kpi.v->target.text = "向上";
	figures_kpi_judge(&corpus, &k, &v);
	is_int(v.verdict, FIGURES_NOT_EVALUABLE, "a qualitative target");
	ok(v.reason != NULL && strstr(v.reason, "qualitative") != NULL,
	    "says it is qualitative");
	value(&k.u.kpi.v->target, 5, 2028, 2028);
	k.u.kpi.v->target.unit = "種類";
	value(&k.u.kpi.v->latest, 1, 2026, 2026);
	figures_kpi_judge(&corpus, &k, &v);
	is_int(v.verdict, FIGURES_NOT_EVALUABLE, "units that differ");
	kpi(&k, 3);
	k.u.kpi.kind = CONTENT_KPI_OBSERVE;
	value(&k.u.kpi.v->latest, 3, 2026, 2026);
	figures_kpi_judge(&corpus, &k, &v);
	is_int(v.verdict, FIGURES_NOT_EVALUABLE, "a trend to observe");
	ok(v.reason != NULL && strstr(v.reason, "observe") != NULL,
	    "says it is a trend to observe");

	/* The wall clock plays no part: the same inputs, the same answer. */
	is_str(figures_verdict_name(FIGURES_NOT_MET), "not-met",
	    "export names the verdict");
	is_str(figures_verdict_label(FIGURES_ON_TRACK), "[on track]",
	    "verdicts are words, not colours");
}

/* ---- roadmap: the column of a date, a milestone's status ---- */

static struct content_status
report(const char *asof, const char *text)
{
	struct content_status st;

	memset(&st, 0, sizeof st);
	st.asof = asof;
	st.t.text = text;
	st.t.len = strlen(text);
	return st;
}

static void
test_milestones(void)
{
	struct content_entity m, ms, past;
	struct content_status st[3];
	struct figures_milestone v;

	/* Today's column: by the column's last day, never the clock. */
	is_int(figures_column_of_date(2024, 7, 1), CONTENT_COL_2024_SUMMER,
	    "2024-07-01 is in 2024年夏");
	is_int(figures_column_of_date(2024, 9, 1), CONTENT_COL_2024_END,
	    "2024-09-01 is in 2024年末");
	is_int(figures_column_of_date(2025, 3, 31), CONTENT_COL_FY2024_END,
	    "2025-03-31 is in 2024年度末");
	is_int(figures_column_of_date(2025, 4, 1), CONTENT_COL_FY2025,
	    "2025-04-01 is in 2025年度");
	is_int(figures_column_of_iso("2025-11-22"), CONTENT_COL_FY2025,
	    "2025-11-22 is in 2025年度");
	is_int(figures_column_of_iso("2029-04-01"), -1,
	    "2029-04-01 is after the roadmap");
	is_int(figures_column_of_iso("soon"), -1, "not a date: no column");

	memset(&m, 0, sizeof m);
	m.type = CONTENT_MEASURE;
	m.u.measure.statuses = st;
	memset(&ms, 0, sizeof ms);
	ms.type = CONTENT_MILESTONE;
	ms.u.milestone.column = CONTENT_COL_FY2025;
	past = ms;
	past.u.milestone.column = CONTENT_COL_FY2024_END;

	/* No 進捗状況 at all: no report, never a guess. */
	figures_milestone_status(&m, &ms, &v);
	is_int(v.progress, FIGURES_PROGRESS_NO_REPORT, "no report: no report");
	ok(v.report == NULL, "no report: nothing cited");
	is_int(figures_progress_letter(v.progress, v.basis), '?',
	    "no report: ?");

	st[0] = report("2025-06-30", "検討会において検討中");
	m.u.measure.nstatuses = 1;
	figures_milestone_status(&m, &ms, &v);
	is_int(v.progress, FIGURES_PROGRESS_UNDERWAY, "検討中: in progress");
	is_int(v.basis, CONTENT_BASIS_INFERRED, "read from the text: inferred");
	is_int(figures_progress_letter(v.progress, v.basis), 'p',
	    "inferred in progress: p");
	ok(v.report == &st[0] && strcmp(v.cue, "「検討会において検討中」") == 0,
	    "the report and its words are cited: %s", v.cue);
	ok(strstr(v.reason, "2025-06-30") != NULL &&
	    strstr(v.reason, "検討中") != NULL, "the reason names them: %s",
	    v.reason);

	/* The report speaks only of its own column. */
	figures_milestone_status(&m, &past, &v);
	is_int(v.progress, FIGURES_PROGRESS_NO_REPORT,
	    "a report of 2025年度 says nothing of 2024年度末");

	st[0] = report("2025-06-30", "相談窓口を設置した");
	figures_milestone_status(&m, &ms, &v);
	is_int(v.progress, FIGURES_PROGRESS_DONE, "設置した: done");
	is_int(figures_progress_letter(v.progress, v.basis), 'd', "done: d");

	st[0] = report("2025-06-30", "大規模改修事業に着手する");
	figures_milestone_status(&m, &ms, &v);
	is_int(v.progress, FIGURES_PROGRESS_NOT_STARTED, "着手する: not started");
	is_int(figures_progress_letter(v.progress, v.basis), 'n',
	    "not started: n");

	st[0] = report("2025-06-30", "第1回を開催した。今後も議論を実施予定");
	figures_milestone_status(&m, &ms, &v);
	is_int(v.progress, FIGURES_PROGRESS_UNDERWAY,
	    "done and more planned: in progress");
	ok(strcmp(v.cue, "「第1回を開催した。」 + 「今後も議論を実施予定」") == 0,
	    "both are cited, within their clauses: %s", v.cue);

	/* した before a noun modifies it: nothing done is said. */
	st[0] = report("2025-06-30", "職員を対象とした研修を行う");
	figures_milestone_status(&m, &ms, &v);
	is_int(v.progress, FIGURES_PROGRESS_NOT_STARTED,
	    "対象とした研修を行う: not started, not done");

	st[0] = report("2025-06-30", "体制整備を実施");
	figures_milestone_status(&m, &ms, &v);
	is_int(v.progress, FIGURES_PROGRESS_NO_REPORT,
	    "a report that does not say how far: no report");
	ok(v.report == NULL && strstr(v.reason, "does not say") != NULL,
	    "and says so: %s", v.reason);

	/* Several ministries report: all done is done; mixed is in
	 * progress, citing the report of the work under way. */
	st[0] = report("2025-06-30", "事例集を作成した");
	st[1] = report("2025-06-30", "予算を計上");
	m.u.measure.nstatuses = 2;
	figures_milestone_status(&m, &ms, &v);
	is_int(v.progress, FIGURES_PROGRESS_DONE, "done and done: done");
	st[2] = report("2025-06-30", "制度設計を進めているところ");
	m.u.measure.nstatuses = 3;
	figures_milestone_status(&m, &ms, &v);
	is_int(v.progress, FIGURES_PROGRESS_UNDERWAY,
	    "done and under way: in progress");
	ok(v.report == &st[2], "the report of the work under way is cited");

	/* A stated status would be upper case. */
	is_int(figures_progress_letter(FIGURES_PROGRESS_DONE,
	    CONTENT_BASIS_STATED), 'D', "stated done: D");
	ok(strcmp(figures_progress_name(FIGURES_PROGRESS_NOT_STARTED),
	    "not-started") == 0, "export name not-started");
}

int
main(void)
{
	test_amount();
	test_sum();
	test_verdicts();
	test_milestones();
	return tap_done();
}
