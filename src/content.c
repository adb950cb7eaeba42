/* content.c — names of the model's types and relations, and queries. */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "content.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

#define F(kind, field) \
	{ CONTENT_F_##kind, offsetof(struct content_entity, u.field), 0, 0 }
#define F_ENUM(field, max) \
	{ CONTENT_F_ENUM, offsetof(struct content_entity, u.field), 0, max }
#define F_ARRAY(kind, field, count) \
	{ CONTENT_F_##kind, offsetof(struct content_entity, u.field), \
	    offsetof(struct content_entity, u.count), 0 }

static const struct content_field content_period_fields[] = {
	F(INT, period.fy_start),
	F(INT, period.fy_end),
};
static const struct content_field content_project_fields[] = {
	F(INT, project.num),
	F(BOOL, project.area),
	F(STR, project.theme),
	F_ARRAY(BUDGETS, project.totals, project.ntotals),
};
static const struct content_field content_disease_fields[] = {
	F(STR, disease.theme),
};
static const struct content_field content_measure_fields[] = {
	F(INT, measure.table),
	F(STR, measure.group),
	F_ARRAY(STATUSES, measure.statuses, measure.nstatuses),
};
static const struct content_field content_milestone_fields[] = {
	F_ENUM(milestone.column, CONTENT_COL_COUNT),
	F_ARRAY(ENTS, milestone.measures, milestone.nmeasures),
	F(ENT, milestone.restates),
};
static const struct content_field content_kpi_fields[] = {
	F_ENUM(kpi.kind, CONTENT_KPI_KIND_COUNT),
	F(BOOL, kpi.down),
	F(STR, kpi.unit),
	F(KPI_VALUES, kpi.v),
};
static const struct content_field content_program_fields[] = {
	F_ENUM(program.kind, CONTENT_PROGRAM_GUIDELINE + 1),
	F(ENT, program.ministry),
	F_ARRAY(BUDGETS, program.budgets, program.nbudgets),
};
static const struct content_field content_ministry_fields[] = {
	F(STR, ministry.tag),
};
static const struct content_field content_term_fields[] = {
	F_ENUM(term.kind, CONTENT_TERM_TERM + 1),
	F_ARRAY(EXPANSIONS, term.expansions, term.nexpansions),
};

#define FIELDS(v) (v), HMS_NELEM(v)

static const struct content_type_desc content_types[CONTENT_TYPE_COUNT] = {
	[CONTENT_PERIOD] = { "period", N_("Period"), 1, 1,
	    FIELDS(content_period_fields) },
	[CONTENT_SECTION] = { "section", N_("Section"), 0, 0, NULL, 0 },
	[CONTENT_PROJECT] = { "project", N_("Project"), 2, 3,
	    FIELDS(content_project_fields) },
	[CONTENT_DISEASE] = { "disease", N_("Disease area"), 1, 3,
	    FIELDS(content_disease_fields) },
	[CONTENT_MEASURE] = { "measure", N_("Measure"), 2, 4,
	    FIELDS(content_measure_fields) },
	[CONTENT_MILESTONE] = { "milestone", N_("Milestone"), 0, 4,
	    FIELDS(content_milestone_fields) },
	[CONTENT_KPI] = { "kpi", N_("KPI"), 2, 4,
	    FIELDS(content_kpi_fields) },
	[CONTENT_PROGRAM] = { "program", N_("Program"), 2, 4,
	    FIELDS(content_program_fields) },
	[CONTENT_MINISTRY] = { "ministry", N_("Ministry"), 1, 2,
	    FIELDS(content_ministry_fields) },
	[CONTENT_TERM] = { "term", N_("Term"), 2, 4,
	    FIELDS(content_term_fields) },
};

/* The enum fields are read and written as ints. */
_Static_assert(sizeof(enum content_column) == sizeof(int), "enum size");
_Static_assert(sizeof(enum content_kpi_kind) == sizeof(int), "enum size");
_Static_assert(sizeof(enum content_program_kind) == sizeof(int), "enum size");
_Static_assert(sizeof(enum content_term_kind) == sizeof(int), "enum size");

const struct content_type_desc *
content_type_desc(enum content_type t)
{
	return &content_types[t];
}


static const struct {
	const char	*name;
	const char	*forward;
	const char	*backward;
} content_rels[CONTENT_REL_COUNT] = {
	[CONTENT_REL_SERVES] =		{ "serves", N_("Serves"), N_("Funded by") },
	[CONTENT_REL_INDICATOR_OF] =	{ "indicator-of", N_("Indicator of"), N_("Indicators") },
	[CONTENT_REL_IMPLEMENTS] =	{ "implements", N_("Implements"), N_("Implemented by") },
	[CONTENT_REL_BELONGS_TO] =	{ "belongs-to", N_("Belongs to"), N_("Includes") },
	[CONTENT_REL_PART_OF] =		{ "part-of", N_("Part of"), N_("Parts") },
	[CONTENT_REL_FOLLOWS] =		{ "follows", N_("Follows"), N_("Followed by") },
	[CONTENT_REL_SEE_ALSO] =	{ "see-also", N_("See also"), N_("See also (from)") },
	[CONTENT_REL_MENTIONS] =	{ "mentions", N_("Mentions"), N_("Mentioned in") },
	[CONTENT_REL_LINEAGE] =		{ "lineage", N_("Earlier period"), N_("Later period") },
	[CONTENT_REL_MEASURE] =		{ "measure", N_("Measure"), N_("Milestones") },
	[CONTENT_REL_MINISTRY] =	{ "ministry", N_("Ministry"), N_("Programs and measures") },
	[CONTENT_REL_PERIOD] =		{ "period", N_("Period"), N_("In this period") },
	[CONTENT_REL_RESTATES] =	{ "restates", N_("Repeats"), N_("Repeated as") },
};

static const char *const content_lineages[] = {
	[CONTENT_LINEAGE_NONE] = "",
	[CONTENT_LINEAGE_SAME] = "same",
	[CONTENT_LINEAGE_RENAMED] = "renamed",
	[CONTENT_LINEAGE_SPLIT] = "split",
	[CONTENT_LINEAGE_MERGED] = "merged",
	[CONTENT_LINEAGE_NEW] = "new",
	[CONTENT_LINEAGE_REORGANISED] = "reorganised",
};

/* The words of the sources for each kind (再編 is theirs). */
static const char *const content_lineage_labels[] = {
	[CONTENT_LINEAGE_NONE] = "",
	[CONTENT_LINEAGE_SAME] = "同一",
	[CONTENT_LINEAGE_RENAMED] = "改称",
	[CONTENT_LINEAGE_SPLIT] = "分割",
	[CONTENT_LINEAGE_MERGED] = "統合",
	[CONTENT_LINEAGE_NEW] = "新設",
	[CONTENT_LINEAGE_REORGANISED] = "再編",
};

static const struct {
	const char	*name;
	const char	*label;
} content_kpi_kinds[CONTENT_KPI_KIND_COUNT] = {
	[CONTENT_KPI_GOAL] =	{ "goal", "成果目標" },
	[CONTENT_KPI_AIM] =	{ "aim", "目指すもの" },
	[CONTENT_KPI_MANAGE] =	{ "manage", "達成を管理するもの" },
	[CONTENT_KPI_OBSERVE] =	{ "observe", "推移を観測するもの" },
	[CONTENT_KPI_KPI] =	{ "kpi", "成果指標（KPI）" },
	[CONTENT_KPI_OUTPUT] =	{ "output", "アウトプット指標" },
	[CONTENT_KPI_OUTCOME] =	{ "outcome", "アウトカム指標" },
};

static const struct {
	const char	*name;
	const char	*label;
} content_budget_types[CONTENT_BUDGET_TYPE_COUNT] = {
	[CONTENT_BUDGET_INITIAL] =	{ "initial", "当初" },
	[CONTENT_BUDGET_SUPPLEMENTARY] = { "supplementary", "補正" },
	[CONTENT_BUDGET_FUND] =		{ "fund", "基金" },
	[CONTENT_BUDGET_ADJUSTMENT] =	{ "adjustment", "調整費" },
	[CONTENT_BUDGET_NONE] =		{ "none", "-" },
	[CONTENT_BUDGET_UNKNOWN] =	{ "unknown", "?" },
};

static const char *const content_program_kinds[] = {
	[CONTENT_PROGRAM_PROGRAM] = "program",
	[CONTENT_PROGRAM_FUND] = "fund",
	[CONTENT_PROGRAM_ALLOCATION] = "allocation",
	[CONTENT_PROGRAM_COUNCIL] = "council",
	[CONTENT_PROGRAM_GUIDELINE] = "guideline",
};

static const char *const content_term_kinds[] = {
	[CONTENT_TERM_ABBR] = "abbr",
	[CONTENT_TERM_NAME] = "name",
	[CONTENT_TERM_ORG] = "org",
	[CONTENT_TERM_LAW] = "law",
	[CONTENT_TERM_NOTICE] = "notice",
	[CONTENT_TERM_TERM] = "term",
};

static const struct {
	const char	*name;
	const char	*label;
	int		 first, last;
} content_columns[CONTENT_COL_COUNT] = {
	[CONTENT_COL_2024_SUMMER] =	{ "2024-summer", "2024年夏", 2024, 2024 },
	[CONTENT_COL_2024_END] =	{ "2024-end", "2024年末", 2024, 2024 },
	[CONTENT_COL_FY2024_END] =	{ "fy2024-end", "2024年度末", 2024, 2024 },
	[CONTENT_COL_FY2025] =		{ "fy2025", "2025年度", 2025, 2025 },
	[CONTENT_COL_FY2026_2028] =	{ "fy2026-2028", "2026-2028年度", 2026, 2028 },
};

/* Each name table maps an enum to the word content files use; the
 * *_from_name functions read them back (the loader uses them). */
#define CONTENT_FROM_NAME(fn, table, field, count)			\
int									\
fn(const char *name)							\
{									\
	size_t i;							\
									\
	if (name == NULL)						\
		return -1;						\
	for (i = 0; i < (count); i++) {					\
		if (table[i]field != NULL &&				\
		    strcmp(table[i]field, name) == 0)			\
			return (int)i;					\
	}								\
	return -1;							\
}

CONTENT_FROM_NAME(content_type_from_name, content_types, .name,
    CONTENT_TYPE_COUNT)
CONTENT_FROM_NAME(content_rel_from_name, content_rels, .name, CONTENT_REL_COUNT)
CONTENT_FROM_NAME(content_lineage_from_name, content_lineages, ,
    HMS_NELEM(content_lineages))
CONTENT_FROM_NAME(content_kpi_kind_from_name, content_kpi_kinds, .name,
    CONTENT_KPI_KIND_COUNT)
CONTENT_FROM_NAME(content_budget_type_from_name, content_budget_types, .name,
    CONTENT_BUDGET_TYPE_COUNT)
CONTENT_FROM_NAME(content_program_kind_from_name, content_program_kinds, ,
    HMS_NELEM(content_program_kinds))
CONTENT_FROM_NAME(content_term_kind_from_name, content_term_kinds, ,
    HMS_NELEM(content_term_kinds))
CONTENT_FROM_NAME(content_column_from_name, content_columns, .name,
    CONTENT_COL_COUNT)

const char *
content_type_name(enum content_type t)
{
	return content_types[t].name;
}

const char *
content_type_label(enum content_type t)
{
	return _(content_types[t].label);
}

const char *
content_rel_name(enum content_rel r)
{
	return content_rels[r].name;
}

const char *
content_rel_label(enum content_rel r, bool backward)
{
	return _(backward ? content_rels[r].backward : content_rels[r].forward);
}

const char *
content_lineage_name(enum content_lineage_kind k)
{
	return content_lineages[k];
}

const char *
content_lineage_label(enum content_lineage_kind k)
{
	return content_lineage_labels[k];
}

const char *
content_kpi_kind_name(enum content_kpi_kind k)
{
	return content_kpi_kinds[k].name;
}

const char *
content_kpi_kind_label(enum content_kpi_kind k)
{
	return content_kpi_kinds[k].label;
}

const char *
content_budget_type_name(enum content_budget_type t)
{
	return content_budget_types[t].name;
}

const char *
content_budget_type_label(enum content_budget_type t)
{
	return content_budget_types[t].label;
}

const char *
content_program_kind_name(enum content_program_kind k)
{
	return content_program_kinds[k];
}

const char *
content_term_kind_name(enum content_term_kind k)
{
	return content_term_kinds[k];
}

const char *
content_column_name(enum content_column c)
{
	return content_columns[c].name;
}

const char *
content_column_label(enum content_column c)
{
	return content_columns[c].label;
}

void
content_column_years(enum content_column c, int *first, int *last)
{
	*first = content_columns[c].first;
	*last = content_columns[c].last;
}

static int
content_cmp_id(const void *key, const void *elem)
{
	const struct content_entity *const *e = elem;

	return strcmp(key, (*e)->id);
}

void
content_index_types(struct content *c)
{
	size_t i, t;

	/* Counted first: sized each for all entities, the ten lists took 8
	 * MB per 100,000 entities, nearly all of it empty. */
	for (t = 0; t < CONTENT_TYPE_COUNT; t++)
		c->ntype[t] = 0;
	for (i = 0; i < c->nentities; i++)
		c->ntype[c->entities[i]->type]++;
	for (t = 0; t < CONTENT_TYPE_COUNT; t++) {
		c->by_type[t] = arena_calloc(c->arena, c->ntype[t] + 1,
		    sizeof(struct content_entity *));
		c->ntype[t] = 0;
	}
	for (i = 0; i < c->nentities; i++) {
		t = c->entities[i]->type;
		c->by_type[t][c->ntype[t]++] = c->entities[i];
	}
}

struct content_entity *
content_find(const struct content *c, const char *id)
{
	struct content_entity **e;

	if (c->by_id == NULL)
		return NULL;
	e = bsearch(id, c->by_id, c->nentities, sizeof *c->by_id,
	    content_cmp_id);
	return e == NULL ? NULL : *e;
}

const struct content_source *
content_source_find(const struct content *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nsources; i++) {
		if (strcmp(c->sources[i].name, name) == 0)
			return &c->sources[i];
	}
	return NULL;
}

const char *
content_source_lines(const struct content_source *s, int first, int last,
    size_t *len)
{
	size_t a, b;

	if (first < 1)
		first = 1;
	if ((size_t)last > s->nlines)
		last = (int)s->nlines;
	if (last < first) {
		*len = 0;
		return s->text;
	}
	a = s->line_off[first - 1];
	b = s->line_off[last];
	*len = b - a;
	return s->text + a;
}

const struct content_entity *
content_root(const struct content_entity *e)
{
	if (e->type != CONTENT_SECTION)
		return NULL;
	while (e->parent != NULL)
		e = e->parent;
	return e;
}

struct content_entity *
content_find_named(const struct content *c, const char *text, size_t *n)
{
	struct content_entity *e, *found = NULL;
	char *q, *t;
	size_t i;

	*n = 0;
	if ((e = content_find(c, text)) != NULL) {
		*n = 1;
		return e;
	}
	q = text_normalize_str(text, strlen(text), TEXT_NORM_NOSPACE);
	for (i = 0; i < c->nentities; i++) {
		t = text_normalize_str(c->entities[i]->title,
		    strlen(c->entities[i]->title), TEXT_NORM_NOSPACE);
		if (strcmp(t, q) == 0) {
			free(t);
			found = c->entities[i];
			*n = 1;
			break;
		}
		if (strstr(t, q) != NULL && (*n)++ == 0)
			found = c->entities[i];
		free(t);
	}
	free(q);
	return *n == 1 ? found : NULL;
}

char *
content_link_ids(const struct content_entity *e, enum content_rel r,
    bool back)
{
	struct content_link *const *v = back ? e->backlinks : e->links;
	size_t n = back ? e->nbacklinks : e->nlinks, i;
	struct buf b;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		const struct content_entity *o = back ? v[i]->from : v[i]->to;
		if (v[i]->rel != r || o == NULL)
			continue;
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, o->id);
	}
	return buf_steal(&b);
}

void
content_free(struct content *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nsources; i++)
		free((char *)c->sources[i].text);
	util_unmap_file(c->snapshot, c->snapshot_len);
	arena_free(c->arena);
}
