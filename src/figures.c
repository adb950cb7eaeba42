/* figures.c — budget totals and KPI verdicts, by the rules of
 * doc/figures.md.  Nothing here draws or prints: views and commands call
 * these and show what they return. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

/* ---- amounts ---- */

char *
figures_amount(char *buf, size_t size, double amount, int decimals)
{
	/* A damaged cache must not ask printf for a thousand digits. */
	if (decimals < 0)
		decimals = 0;
	if (decimals > 4)
		decimals = 4;
	snprintf(buf, size, "%.*f", decimals, amount);
	if (strcmp(buf, "-0") == 0)
		snprintf(buf, size, "0");
	return buf;
}

/* A figure to two places, without trailing zeros: 40, 23.33. */
static char *
figures_short(char *buf, size_t size, double x)
{
	size_t n;

	snprintf(buf, size, "%.2f", x);
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == '.')
		buf[--n] = '\0';
	return buf;
}

void
figures_budget_format(struct buf *b, const struct content_budget *bu)
{
	char num[64];

	/* An amount the source does not state is said to be so: a dash
	 * or an empty cell reads as zero to a person adding up. */
	if (bu->has_amount)
		buf_printf(b, "%s億円", figures_amount(num, sizeof num,
		    bu->amount, bu->decimals));
	else
		buf_adds(b, _("not stated"));
	if (bu->fy != 0)
		buf_printf(b, "  FY%d", bu->fy);
	buf_printf(b, "  %s", content_budget_type_label(bu->type));
	if (bu->draft)
		buf_adds(b, _("  (proposal)"));
	if (bu->restated)
		buf_adds(b, _("  (再掲: repeated, not counted)"));
	if (bu->within)
		buf_adds(b, _("  (の内数: part of a larger budget, not counted)"));
	if (bu->text != NULL)
		buf_printf(b, "  「%s」", bu->text);
}

/* ---- budget totals ---- */

/* Sets of programs are lists, appended to without a look-up (the lines of
 * one program usually come together, so a repeat of the last is skipped)
 * and made sets by figures_set_finish(): sorted by the entities' index
 * and unique.  A total over many lines costs n log n, not n squared: the
 * programs view sums the shown lines at every redraw. */
static void
figures_list_add(const struct content_entity ***v, size_t *n, size_t *cap,
    const struct content_entity *e)
{
	if (*n > 0 && (*v)[*n - 1] == e)
		return;
	util_grow(v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = e;
}

static int
figures_index_cmp(const void *x, const void *y)
{
	const struct content_entity *a = *(const struct content_entity *const *)x;
	const struct content_entity *b = *(const struct content_entity *const *)y;

	/* The address breaks ties: entities made outside a content set
	 * (tests) may share an index. */
	if (a->index != b->index)
		return a->index < b->index ? -1 : 1;
	return a < b ? -1 : a > b;
}

static void
figures_set_finish(const struct content_entity **v, size_t *n)
{
	size_t i, k = 0;

	if (*n < 2)
		return;
	qsort(v, *n, sizeof *v, figures_index_cmp);
	for (i = 0; i < *n; i++)
		if (k == 0 || v[k - 1] != v[i])
			v[k++] = v[i];
	*n = k;
}

/* Whether e is in the finished set v. */
static bool
figures_has(const struct content_entity *const *v, size_t n,
    const struct content_entity *e)
{
	return n > 0 && bsearch(&e, v, n, sizeof *v, figures_index_cmp) != NULL;
}

void
figures_sum_init(struct figures_sum *s)
{
	memset(s, 0, sizeof *s);
}

/* The order budget types are listed in within a year. */
static int
figures_type_rank(enum content_budget_type t)
{
	switch (t) {
	case CONTENT_BUDGET_INITIAL:		return 0;
	case CONTENT_BUDGET_SUPPLEMENTARY:	return 1;
	case CONTENT_BUDGET_ADJUSTMENT:		return 2;
	case CONTENT_BUDGET_FUND:		return 3;
	default:				return 4;
	}
}

static struct figures_bucket *
figures_bucket_get(struct figures_sum *s, int fy, enum content_budget_type t)
{
	struct figures_bucket *k;
	size_t i;

	for (i = 0; i < s->nbuckets; i++)
		if (s->buckets[i].fy == fy && s->buckets[i].type == t)
			return &s->buckets[i];
	util_grow(&s->buckets, &s->bucketcap, s->nbuckets + 1,
	    sizeof *s->buckets);
	k = &s->buckets[s->nbuckets++];
	memset(k, 0, sizeof *k);
	k->fy = fy;
	k->type = t;
	return k;
}

void
figures_sum_add_line(struct figures_sum *s, const struct content_entity *p,
    const struct content_budget *b)
{
	struct figures_bucket *k;
	int fy;

	figures_list_add(&s->programs, &s->nprograms, &s->programcap, p);
	if (b == NULL || b->type == CONTENT_BUDGET_NONE ||
	    b->type == CONTENT_BUDGET_UNKNOWN)
		return;
	/* Rule 2: a 再掲 line was counted where it was first stated, and a
	 * の内数 line is part of another that is counted. */
	if (b->restated) {
		s->restated++;
		return;
	}
	if (b->within) {
		s->within++;
		return;
	}
	/* A fund has no fiscal year of its own, whatever year a line
	 * mentions. */
	fy = b->type == CONTENT_BUDGET_FUND ? 0 : b->fy;
	k = figures_bucket_get(s, fy, b->type);
	/* A line of a year the source does not give cannot be added to
	 * any other: counted, not summed. */
	if (!b->has_amount || (fy == 0 && b->type != CONTENT_BUDGET_FUND)) {
		/* Rule 4: counted, never summed as 0. */
		figures_list_add(&k->missing, &k->nmissing, &k->missingcap, p);
		return;
	}
	k->amount += b->amount;
	k->lines++;
	if (b->draft)
		k->proposals++;
	if (b->decimals > k->decimals)
		k->decimals = b->decimals;
	figures_list_add(&k->summed, &k->nsummed, &k->summedcap, p);
}

void
figures_sum_add_program(struct figures_sum *s, const struct content_entity *p)
{
	size_t i;

	if (p->type != CONTENT_PROGRAM)
		return;
	if (p->u.program.nbudgets == 0)
		figures_sum_add_line(s, p, NULL);
	for (i = 0; i < p->u.program.nbudgets; i++)
		figures_sum_add_line(s, p, &p->u.program.budgets[i]);
}

int
figures_bucket_cmp(const void *x, const void *y)
{
	const struct figures_bucket *a = x, *b = y;
	int ra = figures_type_rank(a->type), rb = figures_type_rank(b->type);

	/* Funds (no year) last; then the newest year first. */
	if ((a->fy == 0) != (b->fy == 0))
		return a->fy == 0 ? 1 : -1;
	if (a->fy != b->fy)
		return a->fy > b->fy ? -1 : 1;
	return ra - rb;
}

/* Whether program p has a summed line in some bucket. */
static bool
figures_program_stated(const struct figures_sum *s,
    const struct content_entity *p)
{
	size_t i;

	for (i = 0; i < s->nbuckets; i++)
		if (figures_has(s->buckets[i].summed, s->buckets[i].nsummed, p))
			return true;
	return false;
}

void
figures_sum_finish(struct figures_sum *s)
{
	struct figures_bucket *k;
	size_t i, j;

	if (s->nbuckets > 1)
		qsort(s->buckets, s->nbuckets, sizeof *s->buckets,
		    figures_bucket_cmp);
	figures_set_finish(s->programs, &s->nprograms);
	for (i = 0; i < s->nbuckets; i++) {
		figures_set_finish(s->buckets[i].summed, &s->buckets[i].nsummed);
		figures_set_finish(s->buckets[i].missing,
		    &s->buckets[i].nmissing);
	}
	/* A program with both a summed and an unstated line in one bucket
	 * counts as summed there. */
	for (i = 0; i < s->nbuckets; i++) {
		k = &s->buckets[i];
		k->programs = k->nsummed;
		k->unstated = 0;
		for (j = 0; j < k->nmissing; j++)
			if (!figures_has(k->summed, k->nsummed, k->missing[j]))
				k->unstated++;
	}
	s->programs_unstated = 0;
	for (i = 0; i < s->nprograms; i++)
		if (!figures_program_stated(s, s->programs[i]))
			s->programs_unstated++;
}

void
figures_sum_free(struct figures_sum *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nbuckets; i++) {
		free(s->buckets[i].summed);
		free(s->buckets[i].missing);
	}
	free(s->buckets);
	free(s->programs);
	memset(s, 0, sizeof *s);
}

const struct figures_bucket *
figures_sum_find(const struct figures_sum *s, int fy,
    enum content_budget_type type)
{
	size_t i;

	for (i = 0; i < s->nbuckets; i++)
		if (s->buckets[i].fy == fy && s->buckets[i].type == type)
			return &s->buckets[i];
	return NULL;
}

void
figures_bucket_format(struct buf *b, const struct figures_bucket *k)
{
	char num[64];

	if (k->fy != 0)
		buf_printf(b, "FY%d ", k->fy);
	else if (k->type != CONTENT_BUDGET_FUND)
		buf_printf(b, "%s ", _("(year not stated)"));
	buf_adds(b, content_budget_type_label(k->type));
	if (k->lines == 0) {
		buf_printf(b, " %s", _("not stated"));
		buf_printf(b, ngettext(" (%zu program)", " (%zu programs)",
		    k->unstated), k->unstated);
		return;
	}
	buf_printf(b, " %s億円", figures_amount(num, sizeof num, k->amount,
	    k->decimals));
	if (k->proposals > 0)
		buf_printf(b, ngettext(" (incl. %zu proposal 案)",
		    " (incl. %zu proposals 案)", k->proposals), k->proposals);
	if (k->unstated > 0)
		buf_printf(b, ngettext(" + %zu not stated",
		    " + %zu not stated", k->unstated), k->unstated);
}

void
figures_sum_format(struct buf *b, const struct figures_sum *s)
{
	size_t i, start = b->len;

	for (i = 0; i < s->nbuckets; i++) {
		if (b->len > start)
			buf_adds(b, " · ");
		figures_bucket_format(b, &s->buckets[i]);
	}
	if (s->programs_unstated > 0) {
		if (b->len > start)
			buf_adds(b, " · ");
		buf_printf(b, ngettext("%zu program without a stated amount",
		    "%zu programs without a stated amount",
		    s->programs_unstated), s->programs_unstated);
	}
	if (b->len == start)
		buf_adds(b, _("no budget lines"));
	if (s->restated > 0)
		buf_printf(b, ngettext(" (%zu 再掲 line counted once)",
		    " (%zu 再掲 lines counted once)", s->restated), s->restated);
}

/* ---- KPI verdicts ---- */

static const struct {
	const char	*name;
	const char	*label;
} figures_verdicts[FIGURES_VERDICT_COUNT] = {
	[FIGURES_ACHIEVED] = { "achieved", N_("[achieved]") },
	[FIGURES_ON_TRACK] = { "on-track", N_("[on track]") },
	[FIGURES_BEHIND] = { "behind", N_("[behind]") },
	[FIGURES_NOT_MET] = { "not-met", N_("[not met]") },
	[FIGURES_NOT_YET_MEASURED] = { "not-yet-measured",
	    N_("[no value yet]") },
	[FIGURES_NOT_EVALUABLE] = { "not-evaluable", N_("[not evaluable]") },
};

const char *
figures_verdict_name(enum figures_verdict v)
{
	return figures_verdicts[v].name;
}

const char *
figures_verdict_label(enum figures_verdict v)
{
	return _(figures_verdicts[v].label);
}

/* When a value was measured, as a fractional year: a date is its year
 * plus the elapsed fraction, a fiscal year Y ends at Y + 1.25 (31 March
 * of Y + 1), a range of years is read at its end.  False when unknown. */
static bool
figures_value_time(const struct content_value *v, double *t)
{
	int y, m, d;

	if (v->date != NULL && sscanf(v->date, "%d-%d-%d", &y, &m, &d) == 3) {
		*t = y + ((m - 1) + (d - 1) / 31.0) / 12.0;
		return true;
	}
	if (v->year_last != 0) {
		*t = v->year_last + 1.25;
		return true;
	}
	return false;
}

/* The fiscal year a value belongs to (a date in January to March is in
 * the year before), or 0. */
static int
figures_value_fy(const struct content_value *v)
{
	int y, m, d;

	if (v->date != NULL && sscanf(v->date, "%d-%d-%d", &y, &m, &d) == 3)
		return m < 4 ? y - 1 : y;
	return v->year_last;
}

static const char *
figures_unit(const struct content_entity *k, const struct content_value *v)
{
	const char *u = v->unit != NULL ? v->unit : k->u.kpi.unit;

	return u != NULL ? u : "";
}

static const struct content_entity *
figures_period_of(const struct content *c, const struct content_entity *k)
{
	size_t i;

	if (c == NULL || k->period == 0)
		return NULL;
	for (i = 0; i < c->ntype[CONTENT_PERIOD]; i++)
		if (c->by_type[CONTENT_PERIOD][i]->period == k->period)
			return c->by_type[CONTENT_PERIOD][i];
	return NULL;
}

/* Whether a later period has followed p: its KPIs are judged as final. */
static bool
figures_period_over(const struct content *c, const struct content_entity *p)
{
	size_t i;

	if (p == NULL || p->u.period.fy_end == 0)
		return false;
	for (i = 0; i < c->ntype[CONTENT_PERIOD]; i++)
		if (c->by_type[CONTENT_PERIOD][i]->u.period.fy_start >
		    p->u.period.fy_end)
			return true;
	return false;
}

static void
figures_kpi_reason(struct figures_kpi *v, const char *reason)
{
	v->verdict = FIGURES_NOT_EVALUABLE;
	v->reason = reason;
	snprintf(v->explain, sizeof v->explain, "%s", reason);
}

void
figures_kpi_judge(const struct content *c, const struct content_entity *k,
    struct figures_kpi *v)
{
	const struct content_value *b = &k->u.kpi.v->baseline;
	const struct content_value *t = &k->u.kpi.v->target;
	const struct content_value *l = &k->u.kpi.v->latest;
	const struct content_entity *p = figures_period_of(c, k);
	bool down = k->u.kpi.down, met, cumulative, final;
	char ls[64], ts[64], es[64];
	double tt, tl, tb, base;
	int lfy, tfy, n, done;

	memset(v, 0, sizeof *v);
	if (!t->present) {
		figures_kpi_reason(v, k->u.kpi.kind == CONTENT_KPI_OBSERVE ?
		    _("a trend to observe, with no target") : _("no target"));
		return;
	}
	if (!t->has_value) {
		figures_kpi_reason(v, _("qualitative target"));
		return;
	}
	util_format_number(ts, sizeof ts, t->value);
	if (!l->present || !l->has_value) {
		v->verdict = FIGURES_NOT_YET_MEASURED;
		snprintf(v->explain, sizeof v->explain, _("target %s%s; no "
		    "latest value"), ts, figures_unit(k, t));
		return;
	}
	if (strcmp(figures_unit(k, l), figures_unit(k, t)) != 0) {
		figures_kpi_reason(v, _("the latest value and the target are "
		    "in different units"));
		return;
	}
	util_format_number(ls, sizeof ls, l->value);
	cumulative = t->year_first != 0 && t->year_last > t->year_first;
	final = c != NULL && figures_period_over(c, p);
	tfy = t->year_last != 0 ? t->year_last :
	    p != NULL ? p->u.period.fy_end : 0;
	lfy = figures_value_fy(l);

	/* How far: from the baseline when there is a point to start from,
	 * else against the target itself. */
	base = 0;
	if (!cumulative && b->present && b->has_value &&
	    b->year_first == b->year_last && b->value != t->value)
		base = b->value;
	v->base = base;
	if (t->value != base) {
		v->has_progress = true;
		v->progress = (l->value - base) / (t->value - base);
	}
	met = down ? l->value <= t->value : l->value >= t->value;
	if (met) {
		v->verdict = FIGURES_ACHIEVED;
		goto explain;
	}
	if (!figures_value_time(l, &tl)) {
		if (final) {
			v->verdict = FIGURES_NOT_MET;
			goto explain;
		}
		figures_kpi_reason(v, _("the latest value has no date"));
		return;
	}
	tt = tfy != 0 ? tfy + 1.25 : 0;
	if (final || (tt != 0 && tl >= tt)) {
		v->verdict = FIGURES_NOT_MET;
		goto explain;
	}
	if (tt == 0) {
		figures_kpi_reason(v, _("the target has no date"));
		return;
	}
	if (cumulative) {
		/* A count over a span: the target times the share of the
		 * span's years that are over. */
		n = t->year_last - t->year_first + 1;
		done = lfy - t->year_first + 1;
		if (done < 0)
			done = 0;
		if (done > n)
			done = n;
		v->expected_share = (double)done / n;
		v->expected = t->value * v->expected_share;
	} else {
		/* A level: the straight line from the baseline (or from 0
		 * at the start of the period when the sources give none)
		 * to the target. */
		if (base == b->value && b->present && b->has_value &&
		    figures_value_time(b, &tb))
			;
		else if (down) {
			figures_kpi_reason(v, _("no baseline to draw a line "
			    "down from"));
			return;
		} else if (p != NULL && p->u.period.fy_start != 0) {
			base = 0;
			v->base = 0;
			tb = p->u.period.fy_start + 0.25;
		} else {
			figures_kpi_reason(v, _("no baseline and no period"));
			return;
		}
		v->expected_share = tt > tb ? (tl - tb) / (tt - tb) : 1;
		if (v->expected_share < 0)
			v->expected_share = 0;
		if (v->expected_share > 1)
			v->expected_share = 1;
		v->expected = base + (t->value - base) * v->expected_share;
	}
	v->has_expected = true;
	v->verdict = (down ? l->value <= v->expected + 1e-9 :
	    l->value + 1e-9 >= v->expected) ? FIGURES_ON_TRACK :
	    FIGURES_BEHIND;

explain:
	{
		struct buf e;
		buf_init(&e);
		buf_printf(&e, _("%s of %s%s"), ls, ts, figures_unit(k, t));
		if (tfy != 0)
			buf_printf(&e, _(" by FY%d"), tfy);
		if (lfy != 0)
			buf_printf(&e, _(" (latest FY%d)"), lfy);
		if (v->has_expected)
			buf_printf(&e, _("; %s expected by FY%d"),
			    figures_short(es, sizeof es, v->expected), lfy);
		if (v->verdict == FIGURES_NOT_MET && final && p != NULL)
			buf_printf(&e, _("; period %d is over"), p->period);
		snprintf(v->explain, sizeof v->explain, "%s", e.data);
		buf_free(&e);
	}
}

/* ---- who a program serves ---- */

static bool
figures_assigned(const struct figures_assign *v, size_t n,
    const struct content_entity *pj)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].project == pj)
			return true;
	return false;
}

size_t
figures_program_projects(const struct content_entity *p,
    struct figures_assign *out, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < p->nlinks && n < max; i++) {
		const struct content_link *l = p->links[i];
		if (l->rel != CONTENT_REL_BELONGS_TO || l->to == NULL ||
		    l->to->type != CONTENT_PROJECT ||
		    figures_assigned(out, n, l->to))
			continue;
		out[n++] = (struct figures_assign){ .project = l->to,
		    .basis = l->basis, .link = l };
	}
	/* A program also serves its measures' projects: hms concludes
	 * that, no source says it of the program. */
	for (i = 0; i < p->nlinks; i++) {
		const struct content_link *l = p->links[i];
		if (l->rel != CONTENT_REL_SERVES || l->to == NULL ||
		    l->to->type != CONTENT_MEASURE)
			continue;
		for (j = 0; j < l->to->nlinks && n < max; j++) {
			const struct content_link *m = l->to->links[j];
			if (m->rel != CONTENT_REL_BELONGS_TO || m->to == NULL ||
			    m->to->type != CONTENT_PROJECT ||
			    figures_assigned(out, n, m->to))
				continue;
			out[n++] = (struct figures_assign){ .project = m->to,
			    .basis = CONTENT_BASIS_INFERRED, .link = m,
			    .via = l->to };
		}
	}
	return n;
}

char *
figures_assign_reason(char *buf, size_t size, const struct figures_assign *a)
{
	if (a->via != NULL)
		snprintf(buf, size, _("it serves %s, which belongs to the "
		    "project"), a->via->id);
	else if (a->basis == CONTENT_BASIS_INFERRED)
		snprintf(buf, size, "%s", a->link != NULL &&
		    a->link->note != NULL ? a->link->note->text :
		    _("our reading of the sources"));
	else
		snprintf(buf, size, "%s", _("the sources list it under the "
		    "project"));
	return buf;
}

const struct content_link *
figures_ministry_link(const struct content_entity *p)
{
	size_t i;

	for (i = 0; i < p->nlinks; i++)
		if (p->links[i]->rel == CONTENT_REL_MINISTRY &&
		    p->links[i]->to == p->u.program.ministry)
			return p->links[i];
	return NULL;
}

/* ---- totals by group ---- */

static const char *const figures_bys[FIGURES_BY_COUNT] = {
	[FIGURES_BY_PROJECT] = "project",
	[FIGURES_BY_MINISTRY] = "ministry",
	[FIGURES_BY_PROGRAM] = "program",
};

const char *
figures_by_name(enum figures_by by)
{
	return figures_bys[by];
}

int
figures_by_from_name(const char *name)
{
	size_t i;

	for (i = 0; i < FIGURES_BY_COUNT; i++)
		if (strcmp(figures_bys[i], name) == 0)
			return (int)i;
	return -1;
}

void
figures_groups_init(struct figures_groups *g, enum figures_by by)
{
	memset(g, 0, sizeof *g);
	g->by = by;
}

static struct figures_group *
figures_group_get(struct figures_groups *g, const struct content_entity *e)
{
	struct figures_group *k;
	size_t i;

	for (i = 0; i < g->n; i++)
		if (g->v[i].entity == e)
			return &g->v[i];
	util_grow(&g->v, &g->cap, g->n + 1, sizeof *g->v);
	k = &g->v[g->n++];
	memset(k, 0, sizeof *k);
	k->entity = e;
	figures_sum_init(&k->sum);
	return k;
}

#define FIGURES_MAX_ASSIGN 32

void
figures_groups_add_line(struct figures_groups *g,
    const struct content_entity *p, const struct content_budget *b)
{
	struct figures_assign as[FIGURES_MAX_ASSIGN];
	struct figures_group *k;
	size_t i, n;

	switch (g->by) {
	case FIGURES_BY_PROJECT:
		n = figures_program_projects(p, as, FIGURES_MAX_ASSIGN);
		for (i = 0; i < n; i++) {
			k = figures_group_get(g, as[i].project);
			figures_sum_add_line(&k->sum, p, b);
			if (as[i].basis == CONTENT_BASIS_INFERRED)
				figures_list_add(&k->inferred, &k->ninferred,
				    &k->inferredcap, p);
		}
		if (n == 0)
			figures_sum_add_line(&figures_group_get(g, NULL)->sum,
			    p, b);
		break;
	case FIGURES_BY_MINISTRY:
		k = figures_group_get(g, p->u.program.ministry);
		figures_sum_add_line(&k->sum, p, b);
		/* A ministry read from a mark is an inference too. */
		if (p->u.program.ministry != NULL &&
		    figures_ministry_link(p) != NULL &&
		    figures_ministry_link(p)->basis == CONTENT_BASIS_INFERRED)
			figures_list_add(&k->inferred, &k->ninferred,
			    &k->inferredcap, p);
		break;
	default:
		figures_sum_add_line(&figures_group_get(g, p)->sum, p, b);
		break;
	}
}

void
figures_groups_add_program(struct figures_groups *g,
    const struct content_entity *p)
{
	size_t i;

	if (p->type != CONTENT_PROGRAM)
		return;
	if (p->u.program.nbudgets == 0)
		figures_groups_add_line(g, p, NULL);
	for (i = 0; i < p->u.program.nbudgets; i++)
		figures_groups_add_line(g, p, &p->u.program.budgets[i]);
}

static int
figures_group_cmp(const void *x, const void *y)
{
	const struct figures_group *a = x, *b = y;

	if ((a->entity == NULL) != (b->entity == NULL))
		return a->entity == NULL ? 1 : -1;
	if (a->entity == NULL)
		return 0;
	return a->entity->index < b->entity->index ? -1 :
	    a->entity->index > b->entity->index;
}

void
figures_groups_finish(struct figures_groups *g)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		figures_sum_finish(&g->v[i].sum);
		figures_set_finish(g->v[i].inferred, &g->v[i].ninferred);
	}
	if (g->n > 1)
		qsort(g->v, g->n, sizeof *g->v, figures_group_cmp);
}

void
figures_groups_free(struct figures_groups *g)
{
	size_t i;

	if (g == NULL)
		return;
	for (i = 0; i < g->n; i++) {
		figures_sum_free(&g->v[i].sum);
		free(g->v[i].inferred);
	}
	free(g->v);
	memset(g, 0, sizeof *g);
}

const struct figures_group *
figures_group_of(const struct content *c, const struct content_entity *e,
    struct figures_groups *g)
{
	size_t i;

	figures_groups_init(g, e->type == CONTENT_MINISTRY ?
	    FIGURES_BY_MINISTRY : FIGURES_BY_PROJECT);
	if (e->type != CONTENT_PROJECT && e->type != CONTENT_MINISTRY)
		return NULL;
	for (i = 0; i < c->ntype[CONTENT_PROGRAM]; i++)
		figures_groups_add_program(g, c->by_type[CONTENT_PROGRAM][i]);
	figures_groups_finish(g);
	for (i = 0; i < g->n; i++)
		if (g->v[i].entity == e)
			return &g->v[i];
	return NULL;
}

void
figures_group_format(struct buf *b, const struct figures_group *k)
{
	figures_sum_format(b, &k->sum);
	if (k->ninferred > 0)
		buf_printf(b, ngettext("; ~ %zu program placed here by "
		    "inference", "; ~ %zu programs placed here by inference",
		    k->ninferred), k->ninferred);
}

/* ---- roadmap: today's column and each milestone's status ---- */

/* The last day column c covers, as YYYYMMDD. */
static long
figures_column_end(enum content_column c)
{
	int first, last;

	content_column_years(c, &first, &last);
	if (c == CONTENT_COL_2024_SUMMER)
		return last * 10000L + 831;
	if (c == CONTENT_COL_2024_END)
		return last * 10000L + 1231;
	return (last + 1) * 10000L + 331;
}

int
figures_column_of_date(int year, int month, int day)
{
	long date = year * 10000L + month * 100 + day;
	int c;

	for (c = 0; c < CONTENT_COL_COUNT; c++) {
		if (date <= figures_column_end((enum content_column)c))
			return c;
	}
	return -1;
}

int
figures_column_of_iso(const char *date)
{
	int y, m, d;

	if (date == NULL || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	return figures_column_of_date(y, m, d);
}

static const struct {
	const char	*name;
	const char	*label;
} figures_progresses[FIGURES_PROGRESS_COUNT] = {
	[FIGURES_PROGRESS_DONE] = { "done", N_("done") },
	[FIGURES_PROGRESS_UNDERWAY] = { "in-progress", N_("in progress") },
	[FIGURES_PROGRESS_NOT_STARTED] = { "not-started", N_("not started") },
	[FIGURES_PROGRESS_NO_REPORT] = { "no-report", N_("no report") },
};

const char *
figures_progress_name(enum figures_progress p)
{
	return figures_progresses[p].name;
}

const char *
figures_progress_label(enum figures_progress p)
{
	return _(figures_progresses[p].label);
}

char
figures_progress_letter(enum figures_progress p, enum content_basis b)
{
	static const char letters[FIGURES_PROGRESS_COUNT] = "dpn?";

	if (p == FIGURES_PROGRESS_NO_REPORT)
		return '?';
	return b == CONTENT_BASIS_STATED ? letters[p] - 'a' + 'A' :
	    letters[p];
}

/* Words of a 進捗状況 that say how far the work is.  Under way wins; done
 * and planned together are under way too (some done, more to come).
 * "した" counts only where a sentence ends with it: before it is most
 * often a modifier (対象とした研修, 一貫した教育). */
static const char *const figures_cues_underway[] = {
	"執行中", "実施中", "検討中", "準備中", "ている", "ており", "ところ",
	NULL
};
static const char *const figures_cues_done[] = {
	"した。", "設けた", "進めた", "決定", "記載", "計上", "発出", "を開始",
	"を開催し", "を実施し", NULL
};
static const char *const figures_cues_planned[] = {
	"予定", "今後、", "ていく", "て行く", "着手する", "提供する",
	"支援する", "図る", "を行う", "を進める", "取り組む", NULL
};

/* Where the first cue of list is in text (its offset, the cue in *cue),
 * or -1. */
static long
figures_cue(const struct content_text *t, const char *const *list,
    const char **cue)
{
	size_t i, n;

	for (; *list != NULL; list++) {
		n = strlen(*list);
		for (i = 0; i + n <= t->len; i++) {
			if (memcmp(t->text + i, *list, n) == 0) {
				*cue = *list;
				return (long)i;
			}
		}
	}
	return -1;
}

/* The words around a cue, as a person reads them: up to 24 characters
 * before it within the clause (not past 、。 or a space), then the cue;
 * appended to buf as 「…」. */
static void
figures_cue_quote(char *buf, size_t size, const struct content_text *t,
    long at, const char *cue)
{
	size_t start = (size_t)at, used = strlen(buf);
	int chars = 0;

	while (start > 0 && chars < 24) {
		size_t prev = text_utf8_prev(t->text, start);
		if (t->text[prev] == ' ' || (start - prev == 3 &&
		    (memcmp(t->text + prev, "、", 3) == 0 ||
		    memcmp(t->text + prev, "。", 3) == 0)))
			break;
		start = prev;
		chars++;
	}
	/* Whole or not at all: never a character cut in two. */
	if (used + strlen(" + 「」") + (size_t)at + strlen(cue) - start >= size)
		return;
	snprintf(buf + used, size - used, "%s「%.*s」", used > 0 ? " + " : "",
	    (int)((size_t)at + strlen(cue) - start), t->text + start);
}

/* One report's status, and the words that decided it (into cue). */
static enum figures_progress
figures_report_progress(const struct content_status *st, char *cue,
    size_t size)
{
	const char *w, *dw = NULL, *pw = NULL;
	long at, done, planned;

	cue[0] = '\0';
	if ((at = figures_cue(&st->t, figures_cues_underway, &w)) >= 0) {
		figures_cue_quote(cue, size, &st->t, at, w);
		return FIGURES_PROGRESS_UNDERWAY;
	}
	done = figures_cue(&st->t, figures_cues_done, &dw);
	if (done < 0 && st->t.len >= strlen("した") &&
	    memcmp(st->t.text + st->t.len - strlen("した"), "した",
	    strlen("した")) == 0) {
		done = (long)(st->t.len - strlen("した"));
		dw = "した";
	}
	planned = figures_cue(&st->t, figures_cues_planned, &pw);
	if (done >= 0)
		figures_cue_quote(cue, size, &st->t, done, dw);
	if (planned >= 0)
		figures_cue_quote(cue, size, &st->t, planned, pw);
	if (done >= 0 && planned >= 0)
		return FIGURES_PROGRESS_UNDERWAY;
	if (done >= 0)
		return FIGURES_PROGRESS_DONE;
	if (planned >= 0)
		return FIGURES_PROGRESS_NOT_STARTED;
	return FIGURES_PROGRESS_NO_REPORT;
}

void
figures_milestone_status(const struct content_entity *m,
    const struct content_entity *ms, struct figures_milestone *out)
{
	enum figures_progress p, all = FIGURES_PROGRESS_NO_REPORT;
	enum figures_progress cited = FIGURES_PROGRESS_NO_REPORT;
	char cue[sizeof out->cue];
	size_t i, nreports = 0;

	memset(out, 0, sizeof *out);
	out->progress = FIGURES_PROGRESS_NO_REPORT;
	out->basis = CONTENT_BASIS_INFERRED;
	if (m == NULL || m->type != CONTENT_MEASURE || ms == NULL ||
	    ms->type != CONTENT_MILESTONE)
		goto none;
	for (i = 0; i < m->u.measure.nstatuses; i++) {
		const struct content_status *st = &m->u.measure.statuses[i];
		if (figures_column_of_iso(st->asof) !=
		    (int)ms->u.milestone.column)
			continue;
		nreports++;
		if ((p = figures_report_progress(st, cue, sizeof cue)) ==
		    FIGURES_PROGRESS_NO_REPORT)
			continue;
		/* Cite the first report that says something, or the first
		 * that shows work under way when that decides. */
		if (out->report == NULL || (p == FIGURES_PROGRESS_UNDERWAY &&
		    cited != FIGURES_PROGRESS_UNDERWAY)) {
			out->report = st;
			memcpy(out->cue, cue, sizeof out->cue);
			cited = p;
		}
		all = all == FIGURES_PROGRESS_NO_REPORT || all == p ? p :
		    FIGURES_PROGRESS_UNDERWAY;
	}
	out->progress = all;
	if (out->report != NULL) {
		snprintf(out->reason, sizeof out->reason, _("inferred from "
		    "the 進捗状況 as of %s (%s), which reports on the "
		    "measure, not on this milestone"), out->report->asof,
		    out->cue);
		return;
	}
	if (nreports > 0) {
		snprintf(out->reason, sizeof out->reason, "%s", _("the "
		    "measure's 進捗状況 does not say how far the work is"));
		return;
	}
none:
	snprintf(out->reason, sizeof out->reason, "%s", _("no 進捗状況 "
	    "dated within this milestone's column"));
}
