/* compare.c — the comparison of periods 1, 2 and 3: rows built from the
 * content (themes, lineage, wording), laid out for a width, written as
 * text, TSV or JSON. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "figures.h"
#include "content.h"
#include "i18n.h"
#include "output.h"
#include "text.h"
#include "util.h"

/* The themes in the order rows are shown, with their labels.  A theme the
 * content uses and this table lacks comes after these, labelled by its
 * id; which section a theme goes to is computed (compare_theme_topic). */
static const struct {
	const char	*id;
	const char	*label;
} compare_themes[] = {
	{ "drugs",		N_("Drugs") },
	{ "devices",		N_("Medical devices") },
	{ "regenerative",	N_("Regenerative medicine") },
	{ "genome-data",	N_("Genome and data") },
	{ "infection",		N_("Infectious diseases") },
	{ "basic-seeds",	N_("Basic research and seeds") },
	{ "bridging",		N_("Bridging and clinical trials") },
	{ "ecosystem",		N_("Innovation ecosystem") },
	{ "cancer",		N_("Cancer") },
	{ "neuro",		N_("Neurological and psychiatric") },
	{ "intractable",	N_("Intractable diseases") },
	{ "lifestyle",		N_("Lifestyle diseases") },
	{ "ageing",		N_("Ageing and dementia") },
	{ "child-health",	N_("Child health") },
};

static const struct {
	const char	*name;
	const char	*title;
	const char	*note;
} compare_topics[COMPARE_TOPIC_COUNT] = {
	[COMPARE_PROJECTS] = { "projects", N_("Projects and areas"),
	    N_("Themes aligned by the lineage links of the content; a mark "
	    "says how a cell came from the previous period, (inferred) that "
	    "the sources do not state it.") },
	[COMPARE_DISEASES] = { "diseases", N_("Disease areas"),
	    N_("How each period handled disease areas, then the themes that "
	    "stayed disease areas (those that became projects are under "
	    "Projects and areas).") },
	[COMPARE_POLICIES] = { "policies", N_("Basic policies"),
	    N_("Aligned by shared wording: our reading, so every mark here "
	    "is (inferred).") },
	[COMPARE_GOALS] = { "goals", N_("Outcome goals and KPIs"),
	    N_("The indicators of each period, by the theme of their project "
	    "(period 1) or of the project they name (period 3), else by kind: "
	    "our reading.") },
};

/* What each change is called: its symbol (a text mark, never colour
 * alone), its name in TSV and JSON, and how a mark reads. */
static const struct {
	char		 sym;
	const char	*name;
	const char	*label;		/* the change of the only item */
	const char	*from;		/* the change, from an entity */
	const char	*into;		/* where the previous entity went */
} compare_changes[COMPARE_CHANGE_COUNT] = {
	[COMPARE_SAME] = { '=', "same", N_("same"), N_("same as %s"),
	    N_("continues as %s") },
	[COMPARE_MATCHED] = { '~', "matched", N_("matching wording"),
	    N_("matches %s"), N_("matched by %s") },
	[COMPARE_RENAMED] = { '~', "renamed", N_("renamed"),
	    N_("renamed from %s"), N_("renamed to %s") },
	[COMPARE_REORGANISED] = { '~', "reorganised", N_("reorganised"),
	    N_("reorganised from %s"), N_("reorganised into %s") },
	[COMPARE_SPLIT] = { '/', "split", N_("split"), N_("split from %s"),
	    N_("split into %s") },
	[COMPARE_MERGED] = { '&', "merged", N_("merged"), N_("merged from %s"),
	    N_("merged into %s") },
	[COMPARE_NEW] = { '+', "new", N_("new"), N_("new: %s"), N_("new: %s") },
	[COMPARE_ENDED] = { 'x', "ended", N_("ended"), N_("%s ended"),
	    N_("%s ended") },
	[COMPARE_PLACED] = { '.', "placed", N_("placed"), N_("placed by %s"),
	    N_("placed by %s") },
};

/* Leftover goals go to a row per kind; these kinds share one row. */
static bool
compare_kind_is_goal(enum content_kpi_kind k)
{
	return k == CONTENT_KPI_GOAL || k == CONTENT_KPI_KPI ||
	    k == CONTENT_KPI_OUTCOME;
}

int
compare_topic_from_name(const char *name)
{
	int t;

	for (t = 0; t < COMPARE_TOPIC_COUNT; t++) {
		if (strcmp(compare_topics[t].name, name) == 0)
			return t;
	}
	return -1;
}

const char *
compare_topic_name(enum compare_topic t)
{
	return compare_topics[t].name;
}

const char *
compare_change_name(enum compare_change ch)
{
	return compare_changes[ch].name;
}

const char *
compare_period_title(const struct compare *cmp, int p)
{
	const struct content_entity *e = cmp->periods[p - 1];

	return e != NULL ? e->title : "";
}

void
compare_period_years(const struct compare *cmp, int p, char *buf,
    size_t size)
{
	const struct content_entity *e = cmp->periods[p - 1];

	if (e == NULL || e->u.period.fy_start == 0)
		snprintf(buf, size, "%s", "");
	else if (e->u.period.fy_end == 0 ||
	    e->u.period.fy_end == e->u.period.fy_start)
		snprintf(buf, size, "FY%d", e->u.period.fy_start);
	else
		snprintf(buf, size, "FY%d-%d", e->u.period.fy_start,
		    e->u.period.fy_end);
}

/* ---- building blocks ---- */

static struct compare_row *
compare_row_add(struct compare_section *s, const char *id, const char *label,
    bool summary)
{
	struct compare_row *r;

	s->rows = xreallocarray(s->rows, s->nrows + 1, sizeof *s->rows);
	r = &s->rows[s->nrows++];
	memset(r, 0, sizeof *r);
	r->id = xstrdup(id);
	r->label = xstrdup(label);
	r->summary = summary;
	return r;
}

/* Takes ownership of text and detail. */
static struct compare_item *
compare_item_add(struct compare_cell *cell, struct content_entity *e,
    char *text, char *detail)
{
	struct compare_item *it;

	cell->items = xreallocarray(cell->items, cell->nitems + 1,
	    sizeof *cell->items);
	it = &cell->items[cell->nitems++];
	it->entity = e;
	it->text = text;
	it->detail = detail;
	return it;
}

static bool
compare_cell_has(const struct compare_cell *cell, const struct content_entity *e)
{
	size_t i;

	for (i = 0; i < cell->nitems; i++) {
		if (cell->items[i].entity == e)
			return true;
	}
	return false;
}

/* How an entity is named in a cell and in marks: a project with its
 * number, a disease area as such. */
static char *
compare_entity_label(const struct content_entity *e)
{
	if (e->type == CONTENT_PROJECT && e->u.project.num > 0)
		return xasprintf("%d %s", e->u.project.num, e->title);
	if (e->type == CONTENT_DISEASE)
		return xasprintf(_("%s (disease area)"), e->title);
	return xstrdup(e->title);
}

/* fmt (a translated table entry) with its one "%s" replaced by arg: the
 * formats of the change table are data, never handed to printf. */
static char *
compare_subst(const char *fmt, const char *arg)
{
	const char *at = strstr(fmt, "%s");
	struct buf b;

	buf_init(&b);
	if (at == NULL)
		buf_adds(&b, fmt);
	else {
		buf_add(&b, fmt, (size_t)(at - fmt));
		buf_adds(&b, arg);
		buf_adds(&b, at + 2);
	}
	return buf_steal(&b);
}

static enum compare_change
compare_change_of(enum content_lineage_kind k)
{
	switch (k) {
	case CONTENT_LINEAGE_SAME:
		return COMPARE_SAME;
	case CONTENT_LINEAGE_RENAMED:
		return COMPARE_RENAMED;
	case CONTENT_LINEAGE_REORGANISED:
		return COMPARE_REORGANISED;
	case CONTENT_LINEAGE_SPLIT:
		return COMPARE_SPLIT;
	case CONTENT_LINEAGE_MERGED:
		return COMPARE_MERGED;
	default:
		return COMPARE_NEW;
	}
}

/* Add a mark to a cell.  subject names the entity the mark is about when
 * its cell holds more than one (NULL: the cell's only one); other is the
 * entity on the other side (NULL: none). */
static struct compare_mark *
compare_mark_add(struct compare_cell *cell, enum compare_change ch,
    bool inferred, bool outgoing, struct content_entity *from,
    struct content_entity *to, const struct content_link *link,
    const struct content_entity *subject, const struct content_entity *other)
{
	struct compare_mark *m;
	struct buf b;
	char *name, *what, *also;

	cell->marks = xreallocarray(cell->marks, cell->nmarks + 1,
	    sizeof *cell->marks);
	m = &cell->marks[cell->nmarks++];
	memset(m, 0, sizeof *m);
	m->change = ch;
	m->inferred = inferred;
	m->outgoing = outgoing;
	m->from = from;
	m->to = to;
	m->link = link;

	buf_init(&b);
	buf_printf(&b, "%c ", compare_changes[ch].sym);
	if (subject != NULL) {
		name = compare_entity_label(subject);
		buf_printf(&b, "%s: ", name);
		free(name);
	}
	if (other != NULL) {
		name = compare_entity_label(other);
		what = compare_subst(_(outgoing ? compare_changes[ch].into :
		    compare_changes[ch].from), name);
		/* Where the previous cell also went, beside what is here. */
		if (outgoing && cell->nitems > 0) {
			also = compare_subst(_("also %s"), what);
			free(what);
			what = also;
		}
		buf_adds(&b, what);
		free(what);
		free(name);
	} else
		buf_adds(&b, _(compare_changes[ch].label));
	if (inferred)
		buf_printf(&b, " %s", _("(inferred)"));
	m->text = buf_steal(&b);
	buf_free(&b);
	return m;
}

static const char *
compare_theme_of(const struct content_entity *e)
{
	const char *t = NULL;

	if (e->type == CONTENT_PROJECT)
		t = e->u.project.theme;
	else if (e->type == CONTENT_DISEASE)
		t = e->u.disease.theme;
	return t != NULL ? t : "";
}

static const char *
compare_theme_label(const char *id)
{
	size_t i;

	for (i = 0; i < HMS_NELEM(compare_themes); i++) {
		if (strcmp(compare_themes[i].id, id) == 0)
			return _(compare_themes[i].label);
	}
	return id[0] != '\0' ? id : _("Other");
}

/* The order of a theme: its place in the table, else after it. */
static size_t
compare_theme_rank(const char *id)
{
	size_t i;

	for (i = 0; i < HMS_NELEM(compare_themes); i++) {
		if (strcmp(compare_themes[i].id, id) == 0)
			return i;
	}
	return HMS_NELEM(compare_themes);
}

/* Every theme the content uses, in table order, then in order of first
 * use.  The caller frees the array (not the strings). */
static const char **
compare_theme_list(const struct content *c, size_t *n)
{
	const char **v = NULL, *t;
	size_t cap = 0, k, i, j, r;
	enum content_type types[] = { CONTENT_PROJECT, CONTENT_DISEASE };

	*n = 0;
	for (k = 0; k < HMS_NELEM(types); k++) {
		for (i = 0; i < c->ntype[types[k]]; i++) {
			t = compare_theme_of(c->by_type[types[k]][i]);
			for (j = 0; j < *n && strcmp(v[j], t) != 0; j++)
				;
			if (j < *n)
				continue;
			util_grow(&v, &cap, *n + 1, sizeof *v);
			/* Insert by rank; equal ranks keep their order. */
			r = compare_theme_rank(t);
			for (j = *n; j > 0 && compare_theme_rank(v[j - 1]) > r; j--)
				v[j] = v[j - 1];
			v[j] = t;
			(*n)++;
		}
	}
	return v;
}

/* A theme belongs to the projects section when a project after period 1
 * carries it (infection became a project), else to disease areas. */
static enum compare_topic
compare_theme_topic(const struct content *c, const char *theme)
{
	size_t i;

	for (i = 0; i < c->ntype[CONTENT_PROJECT]; i++) {
		const struct content_entity *e = c->by_type[CONTENT_PROJECT][i];
		if (e->period >= 2 && strcmp(compare_theme_of(e), theme) == 0)
			return COMPARE_PROJECTS;
	}
	return COMPARE_DISEASES;
}

/* A disease area that belongs to a project of its period and theme is
 * that project (period 1's areas are both): show the project only. */
static bool
compare_disease_is_project(const struct content_entity *e)
{
	size_t i;

	for (i = 0; i < e->nlinks; i++) {
		const struct content_link *l = e->links[i];
		if (l->rel == CONTENT_REL_BELONGS_TO && l->to != NULL &&
		    l->to->type == CONTENT_PROJECT &&
		    l->to->period == e->period &&
		    strcmp(compare_theme_of(l->to), compare_theme_of(e)) == 0)
			return true;
	}
	return false;
}

static bool
compare_has_lineage(const struct content_entity *e)
{
	size_t i;

	for (i = 0; i < e->nlinks; i++) {
		if (e->links[i]->rel == CONTENT_REL_LINEAGE)
			return true;
	}
	return false;
}

/* Marks from lineage: how each cell came from the one before it, where
 * the previous cell went when not into this one, and what ended. */
static void
compare_lineage_marks(struct compare_row *r)
{
	struct compare_cell *a, *b;
	const struct content_link *l;
	struct content_entity *x, *y;
	size_t i, k;
	int p;
	bool later;

	for (p = 2; p <= COMPARE_PERIODS; p++) {
		a = &r->cells[p - 2];
		b = &r->cells[p - 1];
		for (i = 0; i < b->nitems; i++) {
			y = b->items[i].entity;
			if (y == NULL)
				continue;
			if (!compare_has_lineage(y)) {
				compare_mark_add(b, COMPARE_NEW, true, false,
				    NULL, y, NULL, b->nitems > 1 ? y : NULL, NULL);
				continue;
			}
			for (k = 0; k < y->nlinks; k++) {
				l = y->links[k];
				if (l->rel != CONTENT_REL_LINEAGE)
					continue;
				if (l->to == NULL || l->lineage == CONTENT_LINEAGE_NEW) {
					compare_mark_add(b, COMPARE_NEW,
					    l->basis == CONTENT_BASIS_INFERRED, false,
					    NULL, y, l, b->nitems > 1 ? y : NULL, NULL);
					continue;
				}
				if (l->to->period >= p)
					continue;
				compare_mark_add(b, compare_change_of(l->lineage),
				    l->basis == CONTENT_BASIS_INFERRED,
				    false, l->to, y, l, b->nitems > 1 ? y : NULL,
				    a->nitems == 1 && a->items[0].entity == l->to ?
				    NULL : l->to);
			}
		}
		for (i = 0; i < a->nitems; i++) {
			x = a->items[i].entity;
			if (x == NULL)
				continue;
			later = false;
			for (k = 0; k < x->nbacklinks; k++) {
				l = x->backlinks[k];
				if (l->rel != CONTENT_REL_LINEAGE ||
				    l->from->period <= x->period)
					continue;
				later = true;
				if (l->from->period != p ||
				    compare_cell_has(b, l->from))
					continue;
				compare_mark_add(b, compare_change_of(l->lineage),
				    l->basis == CONTENT_BASIS_INFERRED,
				    true, x, l->from, l, a->nitems > 1 ? x : NULL,
				    l->from);
			}
			if (!later)
				compare_mark_add(b, COMPARE_ENDED, false, false, x,
				    NULL, NULL, a->nitems > 1 ? x : NULL, NULL);
		}
	}
}

/* "9 areas", "8 integrated projects": the number and kind of a period's
 * projects; NULL when it has none. */
static char *
compare_count_projects(const struct content *c, int p)
{
	size_t i, n = 0, areas = 0;

	for (i = 0; i < c->ntype[CONTENT_PROJECT]; i++) {
		const struct content_entity *e = c->by_type[CONTENT_PROJECT][i];
		if (e->period != p)
			continue;
		n++;
		areas += e->u.project.area;
	}
	if (n == 0)
		return NULL;
	if (areas == n)
		return xasprintf(ngettext("%zu area", "%zu areas", n), n);
	if (areas == 0)
		return xasprintf(ngettext("%zu integrated project",
		    "%zu integrated projects", n), n);
	return xasprintf(ngettext("%zu project", "%zu projects", n), n);
}

/* A list of labels of entities, "a, b, c". */
static char *
compare_label_list(struct content_entity *const *v, size_t n)
{
	struct buf b;
	char *lab;
	size_t i;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		lab = compare_entity_label(v[i]);
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", lab);
		free(lab);
	}
	return buf_steal(&b);
}

/* The projects' heading row: how many, of which kind, what is new and
 * what ended. */
static void
compare_count_row(struct compare *cmp, struct compare_section *s)
{
	const struct content *c = cmp->c;
	struct compare_row *r;
	struct compare_cell *cell;
	struct compare_mark *m;
	struct content_entity **nw, **ended, *e;
	size_t i, k, nn, ne, nni;
	char *text, *list;
	int p;
	bool later, inferred;

	r = compare_row_add(s, "projects-count", _("Number and kind"), true);
	nw = xcalloc(c->ntype[CONTENT_PROJECT] + 1, sizeof *nw);
	ended = xcalloc(c->ntype[CONTENT_PROJECT] + 1, sizeof *ended);
	for (p = 1; p <= COMPARE_PERIODS; p++) {
		cell = &r->cells[p - 1];
		if ((text = compare_count_projects(c, p)) != NULL)
			compare_item_add(cell, cmp->periods[p - 1], text, NULL);
		if (p == 1)
			continue;
		nn = ne = nni = 0;
		for (i = 0; i < c->ntype[CONTENT_PROJECT]; i++) {
			e = c->by_type[CONTENT_PROJECT][i];
			if (e->period == p) {
				inferred = true;
				later = false;
				for (k = 0; k < e->nlinks; k++) {
					const struct content_link *l = e->links[k];
					if (l->rel != CONTENT_REL_LINEAGE)
						continue;
					if (l->to == NULL)
						later = true;
					if (l->to == NULL &&
					    l->basis == CONTENT_BASIS_STATED)
						inferred = false;
				}
				if (later) {
					nw[nn++] = e;
					nni += inferred;
				}
			} else if (e->period == p - 1) {
				later = false;
				for (k = 0; k < e->nbacklinks; k++) {
					const struct content_link *l = e->backlinks[k];
					if (l->rel == CONTENT_REL_LINEAGE &&
					    l->from->period > e->period)
						later = true;
				}
				if (!later)
					ended[ne++] = e;
			}
		}
		/* "+ new: 4 感染症, 8 …", "x ended: …" */
		if (nn > 0) {
			list = compare_label_list(nw, nn);
			m = compare_mark_add(cell, COMPARE_NEW, nni == nn, false,
			    NULL, NULL, NULL, NULL, NULL);
			free(m->text);
			m->text = xasprintf("%c %s: %s%s%s",
			    compare_changes[COMPARE_NEW].sym,
			    _(compare_changes[COMPARE_NEW].label), list,
			    nni == nn ? " " : "", nni == nn ? _("(inferred)") : "");
			free(list);
		}
		if (ne > 0) {
			list = compare_label_list(ended, ne);
			m = compare_mark_add(cell, COMPARE_ENDED, false, false,
			    NULL, NULL, NULL, NULL, NULL);
			free(m->text);
			m->text = xasprintf("%c %s: %s",
			    compare_changes[COMPARE_ENDED].sym,
			    _(compare_changes[COMPARE_ENDED].label), list);
			free(list);
		}
	}
	free(nw);
	free(ended);
}

static bool
compare_belongs_to_period_project(const struct content_entity *e, int p)
{
	size_t i;

	for (i = 0; i < e->nlinks; i++) {
		const struct content_link *l = e->links[i];
		if (l->rel == CONTENT_REL_BELONGS_TO && l->to != NULL &&
		    l->to->type == CONTENT_PROJECT && l->to->period == p)
			return true;
	}
	return false;
}

/* The disease areas' heading row: how many, whether each is one of the
 * period's areas or stands beside its projects, and the section that
 * names most of them. */
static void
compare_approach_row(struct compare *cmp, struct compare_section *s)
{
	const struct content *c = cmp->c;
	struct compare_row *r;
	struct compare_cell *cell;
	struct content_entity *e, *best;
	size_t i, k, n, among, nbest, nment, cnt, total, j;
	char *projects, *text;
	int p;

	r = compare_row_add(s, "diseases-approach", _("Approach"), true);
	for (p = 1; p <= COMPARE_PERIODS; p++) {
		cell = &r->cells[p - 1];
		n = among = 0;
		for (i = 0; i < c->ntype[CONTENT_DISEASE]; i++) {
			e = c->by_type[CONTENT_DISEASE][i];
			if (e->period != p)
				continue;
			n++;
			among += compare_belongs_to_period_project(e, p);
		}
		if (n == 0)
			continue;
		projects = compare_count_projects(c, p);
		if (projects == NULL)
			text = xasprintf(ngettext("%zu disease area",
			    "%zu disease areas", n), n);
		else if (among == n)
			text = xasprintf(ngettext("%zu disease area, one of the %s",
			    "%zu disease areas, each one of the %s", n), n,
			    projects);
		else
			text = xasprintf(ngettext("%zu disease area beside the %s",
			    "%zu disease areas beside the %s", n), n, projects);
		free(projects);
		compare_item_add(cell, cmp->periods[p - 1], text, NULL);
		/* The section that names most of them describes them. */
		best = NULL;
		nbest = nment = 0;
		for (i = 0; i < c->ntype[CONTENT_SECTION]; i++) {
			e = c->by_type[CONTENT_SECTION][i];
			cnt = total = 0;
			for (k = 0; k < e->nlinks; k++) {
				const struct content_link *l = e->links[k];
				if (l->rel == CONTENT_REL_MENTIONS)
					total++;
				if (l->rel != CONTENT_REL_MENTIONS ||
				    l->to == NULL || l->to->type != CONTENT_DISEASE ||
				    l->to->period != p)
					continue;
				/* Count each area once. */
				for (j = 0; j < k; j++) {
					if (e->links[j]->rel == CONTENT_REL_MENTIONS &&
					    e->links[j]->to == l->to)
						break;
				}
				cnt += j == k;
			}
			/* Of those naming as many, the one about them
			 * most: naming least else. */
			if (cnt > nbest || (cnt == nbest && cnt > 0 &&
			    total < nment)) {
				nbest = cnt;
				nment = total;
				best = e;
			}
		}
		if (best != NULL && nbest * 2 >= n)
			compare_item_add(cell, best, xasprintf("%s%s%s",
			    best->num != NULL ? best->num : "",
			    best->num != NULL ? " " : "", best->title), NULL);
	}
}

/* Rows of themes: projects and disease areas side by side. */
static void
compare_theme_rows(struct compare *cmp, enum compare_topic topic)
{
	const struct content *c = cmp->c;
	struct compare_section *s = &cmp->sections[topic];
	struct compare_row *r;
	struct content_entity *e;
	const char **themes;
	size_t nthemes, t, i;
	int p;

	themes = compare_theme_list(c, &nthemes);
	for (t = 0; t < nthemes; t++) {
		if (compare_theme_topic(c, themes[t]) != topic)
			continue;
		r = compare_row_add(s, themes[t][0] != '\0' ? themes[t] :
		    "other", compare_theme_label(themes[t]), false);
		for (p = 1; p <= COMPARE_PERIODS; p++) {
			for (i = 0; i < c->ntype[CONTENT_PROJECT]; i++) {
				e = c->by_type[CONTENT_PROJECT][i];
				if (e->period == p &&
				    strcmp(compare_theme_of(e), themes[t]) == 0)
					compare_item_add(&r->cells[p - 1], e,
					    compare_entity_label(e), NULL);
			}
			for (i = 0; i < c->ntype[CONTENT_DISEASE]; i++) {
				e = c->by_type[CONTENT_DISEASE][i];
				if (e->period == p &&
				    strcmp(compare_theme_of(e), themes[t]) == 0 &&
				    !compare_disease_is_project(e))
					compare_item_add(&r->cells[p - 1], e,
					    compare_entity_label(e), NULL);
			}
		}
		compare_lineage_marks(r);
	}
	free(themes);
}

/* ---- policies: aligned by wording ---- */

/* Whether a code point carries meaning for matching: letters of words
 * (kanji, katakana, latin) and digits; not kana particles, punctuation or
 * symbols, which every policy shares. */
static bool
compare_cp_content(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F) ||
	    (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC || cp == 0x3005 ||
	    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF10 && cp <= 0xFF19) ||
	    (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) ||
	    (cp >= 0xFF66 && cp <= 0xFF9F);
}

/* The matching key of a policy: its heading (before a colon), content
 * characters only, normalised (NFKC, width, kana), as code points. */
static uint32_t *
compare_key(const char *s, size_t len, size_t *n)
{
	const char *colon;
	struct buf b;
	char *norm;
	uint32_t cp, *v;
	size_t i, k, nl;

	if ((colon = strstr(s, "\xef\xbc\x9a")) != NULL && (size_t)(colon - s) < len)
		len = (size_t)(colon - s);
	if ((colon = memchr(s, ':', len)) != NULL)
		len = (size_t)(colon - s);
	buf_init(&b);
	buf_adds(&b, "");
	for (i = 0; i < len; i += k) {
		k = text_utf8_decode(s + i, len - i, &cp);
		if (compare_cp_content(cp))
			buf_add(&b, s + i, k);
	}
	norm = text_normalize_str(b.data, b.len, TEXT_NORM_NOSPACE);
	buf_free(&b);
	nl = strlen(norm);
	v = xcalloc(nl + 1, sizeof *v);
	*n = 0;
	for (i = 0; i < nl; i += k) {
		k = text_utf8_decode(norm + i, nl - i, &cp);
		v[(*n)++] = cp;
	}
	free(norm);
	return v;
}

/* Greedy string tiling: the total length of the longest common runs of
 * at least minlen, taken longest first without overlap.  Unlike a diff,
 * it finds shared phrases in any order. */
static size_t
compare_tiles(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
    size_t minlen)
{
	bool *ma = xcalloc(na + 1, sizeof *ma), *mb = xcalloc(nb + 1, sizeof *mb);
	size_t total = 0, best, bi, bj, i, j, k;

	for (;;) {
		best = bi = bj = 0;
		for (i = 0; i < na; i++) {
			for (j = 0; j < nb; j++) {
				for (k = 0; i + k < na && j + k < nb && !ma[i + k] &&
				    !mb[j + k] && a[i + k] == b[j + k]; k++)
					;
				if (k > best) {
					best = k;
					bi = i;
					bj = j;
				}
			}
		}
		if (best < minlen)
			break;
		for (k = 0; k < best; k++)
			ma[bi + k] = mb[bj + k] = true;
		total += best;
	}
	free(ma);
	free(mb);
	return total;
}

/* Two keys correspond when they share five characters of runs of three
 * or more, or four that make up most of the shorter (a short heading
 * like 国際展開).  One shared word (研究開発, four) is not enough. */
#define COMPARE_MATCH_MIN 5

static bool
compare_keys_match(size_t score, size_t na, size_t nb)
{
	size_t shorter = HMS_MIN(na, nb);

	return score >= COMPARE_MATCH_MIN ||
	    (score >= 4 && score * 4 >= shorter * 3);
}

struct compare_pitem {
	int			 period;
	int			 list;		/* index into the lists */
	struct content_entity	*section;
	const char		*text;
	size_t			 len;
	uint32_t		*key;
	size_t			 nkey;
	int			 group;		/* union-find parent */
	uint32_t		 lists;		/* lists in the group (roots) */
};

struct compare_pair {
	size_t	a, b;
	size_t	score;
};

static int
compare_pair_cmp(const void *x, const void *y)
{
	const struct compare_pair *p = x, *q = y;

	if (p->score != q->score)
		return p->score > q->score ? -1 : 1;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->b < q->b ? -1 : p->b > q->b;
}

static int
compare_find(struct compare_pitem *v, int i)
{
	while (v[i].group != i)
		i = v[i].group = v[v[i].group].group;
	return i;
}

static bool
compare_mentions_kpis(const struct content_entity *e)
{
	size_t i;

	for (i = 0; i < e->nlinks; i++) {
		if (e->links[i]->rel == CONTENT_REL_MENTIONS &&
		    e->links[i]->to != NULL &&
		    e->links[i]->to->type == CONTENT_KPI)
			return true;
	}
	return false;
}

static void
compare_pitem_add(struct compare_pitem **v, size_t *n, size_t *cap, int p,
    int list, struct content_entity *sec, const char *text, size_t len)
{
	struct compare_pitem *it;

	util_grow(v, cap, *n + 1, sizeof **v);
	it = &(*v)[*n];
	memset(it, 0, sizeof *it);
	it->period = p;
	it->list = list;
	it->section = sec;
	it->text = text;
	it->len = len;
	it->key = compare_key(text, len, &it->nkey);
	it->group = (int)*n;
	it->lists = 1u << list;
	(*n)++;
}

/* Period-1 style fallback: the leaves of a period's documents (the boxes
 * of a status summary), but not a KPI table. */
static void
compare_policy_leaves(struct compare_pitem **v, size_t *n, size_t *cap,
    int p, int list, struct content_entity *e)
{
	size_t i;

	if (compare_mentions_kpis(e))
		return;
	if (e->nchildren == 0) {
		compare_pitem_add(v, n, cap, p, list, e, e->title,
		    strlen(e->title));
		return;
	}
	for (i = 0; i < e->nchildren; i++)
		compare_policy_leaves(v, n, cap, p, list, e->children[i]);
}

/* The basic policies of each period: the items of its sections whose ids
 * end in "-policy" (the content's convention, strategy and plan), or for a
 * period without them the leaves of its documents. */
static void
compare_policy_rows(struct compare *cmp)
{
	const struct content *c = cmp->c;
	struct compare_section *s = &cmp->sections[COMPARE_POLICIES];
	struct compare_pitem *v = NULL;
	struct compare_pair *pairs = NULL;
	struct compare_row *r;
	struct content_entity *e;
	size_t n = 0, cap = 0, npairs = 0, pcap = 0, i, j, k, len, nrows = 0;
	int *rows = NULL, lists = 0, p, l, ga, gb, at, g, *order;
	int nlists[COMPARE_PERIODS] = { 0 };
	bool found;
	char id[32];

	/* The lists, latest period first: its order leads. */
	for (p = COMPARE_PERIODS; p >= 1 && lists < 32; p--) {
		found = false;
		for (i = 0; i < c->ntype[CONTENT_SECTION] && lists < 32; i++) {
			e = c->by_type[CONTENT_SECTION][i];
			len = strlen(e->id);
			if (e->period != p || len < 7 ||
			    strcmp(e->id + len - 7, "-policy") != 0)
				continue;
			found = true;
			nlists[p - 1]++;
			for (j = 0; j < e->nblocks; j++) {
				if (e->blocks[j].kind == CONTENT_BLOCK_ITEM &&
				    e->blocks[j].level <= 1)
					compare_pitem_add(&v, &n, &cap, p, lists, e,
					    e->blocks[j].t.text, e->blocks[j].t.len);
			}
			lists++;
		}
		if (found)
			continue;
		for (i = 0; i < c->ntype[CONTENT_SECTION] && lists < 32; i++) {
			e = c->by_type[CONTENT_SECTION][i];
			if (e->period != p || e->parent != NULL)
				continue;
			nlists[p - 1]++;
			for (j = 0; j < e->nchildren; j++)
				compare_policy_leaves(&v, &n, &cap, p, lists,
				    e->children[j]);
			lists++;
		}
	}

	/* Every pair from different lists that shares wording. */
	for (i = 0; i < n; i++) {
		for (j = i + 1; j < n; j++) {
			size_t sc;
			if (v[i].list == v[j].list)
				continue;
			sc = compare_tiles(v[i].key, v[i].nkey, v[j].key,
			    v[j].nkey, 3);
			if (!compare_keys_match(sc, v[i].nkey, v[j].nkey))
				continue;
			util_grow(&pairs, &pcap, npairs + 1, sizeof *pairs);
			pairs[npairs].a = i;
			pairs[npairs].b = j;
			pairs[npairs].score = sc;
			npairs++;
		}
	}
	/* Best matches first; a row holds at most one item of each list. */
	if (npairs > 0)
		qsort(pairs, npairs, sizeof *pairs, compare_pair_cmp);
	for (k = 0; k < npairs; k++) {
		ga = compare_find(v, (int)pairs[k].a);
		gb = compare_find(v, (int)pairs[k].b);
		if (ga == gb || (v[ga].lists & v[gb].lists) != 0)
			continue;
		v[gb].group = ga;
		v[ga].lists |= v[gb].lists;
	}

	/* Rows in the order of the first list; an item no earlier list
	 * placed goes before the next item of its list that is placed. */
	rows = xcalloc(n + 1, sizeof *rows);
	for (l = 0; l < lists; l++) {
		for (i = n; i-- > 0;) {
			if (v[i].list != l)
				continue;
			g = compare_find(v, (int)i);
			for (k = 0; k < nrows && rows[k] != g; k++)
				;
			if (k < nrows)
				continue;
			/* Before the next placed item of the list. */
			at = (int)nrows;
			for (j = i + 1; j < n; j++) {
				size_t q;
				if (v[j].list != l)
					continue;
				for (q = 0; q < nrows && rows[q] !=
				    compare_find(v, (int)j); q++)
					;
				if (q < nrows) {
					at = (int)q;
					break;
				}
			}
			memmove(rows + at + 1, rows + at,
			    (nrows - (size_t)at) * sizeof *rows);
			rows[at] = g;
			nrows++;
		}
	}
	order = rows;
	for (k = 0; k < nrows; k++) {
		snprintf(id, sizeof id, "policy-%zu", k + 1);
		r = compare_row_add(s, id, "", false);
		free(r->label);
		r->label = xasprintf(_("Policy %zu"), k + 1);
		for (l = 0; l < lists; l++) {
			for (i = 0; i < n; i++) {
				const struct content_entity *root;
				if (v[i].list != l || compare_find(v, (int)i) !=
				    order[k])
					continue;
				/* Which document, when a period has two. */
				root = content_root(v[i].section);
				compare_item_add(&r->cells[v[i].period - 1],
				    v[i].section, xstrndup(v[i].text, v[i].len),
				    nlists[v[i].period - 1] > 1 && root != NULL ?
				    xstrdup(root->title) : NULL);
			}
		}
		/* Same wording, matching wording, or nothing to match. */
		for (p = 2; p <= COMPARE_PERIODS; p++) {
			struct compare_cell *a = &r->cells[p - 2];
			struct compare_cell *b = &r->cells[p - 1];
			bool same = false;
			if (a->nitems > 0 && b->nitems > 0) {
				for (i = 0; i < n; i++) {
					for (j = 0; j < n; j++) {
						if (v[i].period != p - 1 ||
						    v[j].period != p ||
						    compare_find(v, (int)i) != order[k] ||
						    compare_find(v, (int)j) != order[k])
							continue;
						same |= v[i].nkey == v[j].nkey &&
						    memcmp(v[i].key, v[j].key,
						    v[i].nkey * sizeof *v[i].key) == 0;
					}
				}
				compare_mark_add(b, same ? COMPARE_SAME :
				    COMPARE_MATCHED, !same, false, NULL, NULL,
				    NULL, NULL, NULL);
			} else if (b->nitems > 0)
				compare_mark_add(b, COMPARE_NEW, true, false, NULL,
				    NULL, NULL, NULL, NULL);
			else if (a->nitems > 0)
				compare_mark_add(b, COMPARE_ENDED, true, false, NULL,
				    NULL, NULL, NULL, NULL);
		}
	}
	for (i = 0; i < n; i++)
		free(v[i].key);
	free(v);
	free(pairs);
	free(rows);
}

/* ---- goals ---- */

/* 1: the latest value meets the target, 0: it does not, -1: not both
 * numbers in the same unit. */
static int
compare_kpi_met(const struct content *c, const struct content_entity *e)
{
	struct figures_kpi v;

	/* The one verdict of figures.h: met is achieved; a KPI that can
	 * be judged but is not achieved is not (yet) met. */
	figures_kpi_judge(c, e, &v);
	switch (v.verdict) {
	case FIGURES_ACHIEVED:
		return 1;
	case FIGURES_ON_TRACK:
	case FIGURES_BEHIND:
	case FIGURES_NOT_MET:
		return 0;
	default:
		return -1;
	}
}

/* "target 1,500件 (2020); latest 1,659件 (2020-03-31); [met]", or NULL
 * for a goal without values. */
static char *
compare_kpi_detail(const struct content *c, const struct content_entity *e)
{
	struct figures_kpi v;
	const struct content_value *t = &e->u.kpi.v->target, *l = &e->u.kpi.v->latest;
	struct buf b;

	buf_init(&b);
	if (t->present && t->text != NULL) {
		buf_printf(&b, _("target %s"), t->text);
		if (t->year != NULL)
			buf_printf(&b, " (%s)", t->year);
	}
	if (l->present && l->text != NULL) {
		if (b.len > 0)
			buf_adds(&b, "; ");
		buf_printf(&b, _("latest %s"), l->text);
		if (l->date != NULL)
			buf_printf(&b, " (%s)", l->date);
		else if (l->year != NULL)
			buf_printf(&b, " (%s)", l->year);
	}
	figures_kpi_judge(c, e, &v);
	if (v.verdict != FIGURES_NOT_EVALUABLE &&
	    v.verdict != FIGURES_NOT_YET_MEASURED)
		buf_printf(&b, "; %s", figures_verdict_label(v.verdict));
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

static bool
compare_is_period_goal(const struct content_entity *e)
{
	size_t i;

	for (i = 0; i < e->nlinks; i++) {
		if (e->links[i]->rel == CONTENT_REL_INDICATOR_OF &&
		    e->links[i]->to != NULL &&
		    e->links[i]->to->type == CONTENT_PERIOD)
			return true;
	}
	return false;
}

enum compare_how {
	COMPARE_HOW_NONE,
	COMPARE_HOW_PROJECT,		/* belongs to a project */
	COMPARE_HOW_NAME		/* names a project */
};

/* The theme of a goal: its project's, else that of the project of its
 * period whose name (a part between ・) it mentions first. */
static const char *
compare_goal_theme(const struct content *c, const struct content_entity *e,
    enum compare_how *how, bool *inferred)
{
	const char *best = NULL, *t, *seg, *end, *hit;
	size_t i, k, bestpos = SIZE_MAX, bestlen = 0, seglen, ncp;
	uint32_t cp;

	*how = COMPARE_HOW_NONE;
	*inferred = true;
	for (i = 0; i < e->nlinks; i++) {
		const struct content_link *l = e->links[i];
		if (l->rel == CONTENT_REL_BELONGS_TO && l->to != NULL &&
		    l->to->type == CONTENT_PROJECT) {
			*how = COMPARE_HOW_PROJECT;
			*inferred = l->basis == CONTENT_BASIS_INFERRED;
			return compare_theme_of(l->to);
		}
	}
	for (i = 0; i < c->ntype[CONTENT_PROJECT]; i++) {
		const struct content_entity *pj = c->by_type[CONTENT_PROJECT][i];
		if (pj->period != e->period)
			continue;
		t = pj->title;
		for (seg = t; *seg != '\0'; seg = *end != '\0' ? end + 3 : end) {
			if ((end = strstr(seg, "\xe3\x83\xbb")) == NULL)
				end = seg + strlen(seg);
			seglen = (size_t)(end - seg);
			for (k = 0, ncp = 0; k < seglen; ncp++)
				k += text_utf8_decode(seg + k, seglen - k, &cp);
			if (ncp < 2)
				continue;
			hit = memmem(e->title, strlen(e->title), seg, seglen);
			if (hit == NULL)
				continue;
			if ((size_t)(hit - e->title) < bestpos ||
			    ((size_t)(hit - e->title) == bestpos &&
			    seglen > bestlen)) {
				bestpos = (size_t)(hit - e->title);
				bestlen = seglen;
				best = compare_theme_of(pj);
			}
		}
	}
	if (best != NULL)
		*how = COMPARE_HOW_NAME;
	return best;
}

static struct compare_row *
compare_row_find(struct compare_section *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->nrows; i++) {
		if (strcmp(s->rows[i].id, id) == 0)
			return &s->rows[i];
	}
	return NULL;
}

static void
compare_goal_rows(struct compare *cmp)
{
	const struct content *c = cmp->c;
	struct compare_section *s = &cmp->sections[COMPARE_GOALS];
	struct compare_row *r;
	struct compare_cell *cell;
	struct content_entity *e;
	struct compare_mark *m;
	const char **themes, *theme;
	enum compare_how how;
	size_t nthemes, t, i, k, n[CONTENT_KPI_KIND_COUNT], nmet, nnum;
	struct buf b;
	char id[96];
	int p, met;
	bool inferred, any;

	/* The heading: how many of each kind, and how many were met. */
	r = compare_row_add(s, "goals-count", _("Number and kind"), true);
	for (p = 1; p <= COMPARE_PERIODS; p++) {
		memset(n, 0, sizeof n);
		nmet = nnum = 0;
		for (i = 0; i < c->ntype[CONTENT_KPI]; i++) {
			e = c->by_type[CONTENT_KPI][i];
			if (e->period != p || !compare_is_period_goal(e))
				continue;
			n[e->u.kpi.kind]++;
			if ((met = compare_kpi_met(c, e)) >= 0) {
				nnum++;
				nmet += met;
			}
		}
		buf_init(&b);
		for (k = 0; k < CONTENT_KPI_KIND_COUNT; k++) {
			if (n[k] > 0)
				buf_printf(&b, "%s%zu %s", b.len > 0 ? ", " : "",
				    n[k], content_kpi_kind_label(k));
		}
		if (b.len > 0)
			compare_item_add(&r->cells[p - 1], cmp->periods[p - 1],
			    buf_steal(&b), nnum > 0 ? xasprintf(_("targets met: "
			    "%zu of the %zu with a number"), nmet, nnum) : NULL);
		buf_free(&b);
	}

	/* Rows for every theme some goal has, in theme order, then for the
	 * kinds of the rest; then the goals into them. */
	themes = compare_theme_list(c, &nthemes);
	for (t = 0; t < nthemes; t++) {
		for (i = 0; i < c->ntype[CONTENT_KPI]; i++) {
			e = c->by_type[CONTENT_KPI][i];
			if (compare_is_period_goal(e) && (theme =
			    compare_goal_theme(c, e, &how, &inferred)) != NULL &&
			    strcmp(theme, themes[t]) == 0)
				break;
		}
		if (i == c->ntype[CONTENT_KPI])
			continue;
		snprintf(id, sizeof id, "goals-%s", themes[t][0] != '\0' ?
		    themes[t] : "other");
		compare_row_add(s, id, compare_theme_label(themes[t]), false);
	}
	free(themes);
	for (k = 0; k < CONTENT_KPI_KIND_COUNT; k++) {
		for (i = 0; i < c->ntype[CONTENT_KPI]; i++) {
			e = c->by_type[CONTENT_KPI][i];
			if (!compare_is_period_goal(e) ||
			    compare_goal_theme(c, e, &how, &inferred) != NULL)
				continue;
			if (compare_kind_is_goal(e->u.kpi.kind) ?
			    k == CONTENT_KPI_GOAL : e->u.kpi.kind == k)
				break;
		}
		if (i == c->ntype[CONTENT_KPI])
			continue;
		if (k == CONTENT_KPI_GOAL)
			compare_row_add(s, "goals-other",
			    _("Not tied to a project"), false);
		else {
			snprintf(id, sizeof id, "goals-%s",
			    content_kpi_kind_name(k));
			compare_row_add(s, id, content_kpi_kind_label(k), false);
		}
	}
	for (i = 0; i < c->ntype[CONTENT_KPI]; i++) {
		e = c->by_type[CONTENT_KPI][i];
		if (e->period < 1 || e->period > COMPARE_PERIODS ||
		    !compare_is_period_goal(e))
			continue;
		theme = compare_goal_theme(c, e, &how, &inferred);
		if (theme != NULL)
			snprintf(id, sizeof id, "goals-%s", theme[0] != '\0' ?
			    theme : "other");
		else if (compare_kind_is_goal(e->u.kpi.kind))
			snprintf(id, sizeof id, "goals-other");
		else
			snprintf(id, sizeof id, "goals-%s",
			    content_kpi_kind_name(e->u.kpi.kind));
		if ((r = compare_row_find(s, id)) == NULL)
			continue;
		cell = &r->cells[e->period - 1];
		compare_item_add(cell, e, xstrdup(e->title),
		    compare_kpi_detail(c, e));
		if (how == COMPARE_HOW_NONE)
			continue;
		/* Say once per cell how its goals got there (a mark placed
		 * by name keeps the goal as "to", by project not). */
		any = false;
		for (k = 0; k < cell->nmarks; k++)
			any |= cell->marks[k].inferred == inferred &&
			    (cell->marks[k].to == NULL) ==
			    (how == COMPARE_HOW_PROJECT);
		if (any)
			continue;
		m = compare_mark_add(cell, COMPARE_PLACED, inferred, false, NULL,
		    how == COMPARE_HOW_NAME ? e : NULL, NULL, NULL, NULL);
		free(m->text);
		m->text = xasprintf("%c %s%s%s", compare_changes[COMPARE_PLACED].sym,
		    how == COMPARE_HOW_PROJECT ? _("placed by its project") :
		    _("placed by the project it names"), inferred ? " " : "",
		    inferred ? _("(inferred)") : "");
	}
}

/* ---- the model ---- */

struct compare *
compare_build(const struct content *c)
{
	struct compare *cmp = xcalloc(1, sizeof *cmp);
	struct content_entity *e;
	size_t i;
	int t;

	cmp->c = c;
	for (i = 0; i < c->ntype[CONTENT_PERIOD]; i++) {
		e = c->by_type[CONTENT_PERIOD][i];
		if (e->period >= 1 && e->period <= COMPARE_PERIODS &&
		    cmp->periods[e->period - 1] == NULL)
			cmp->periods[e->period - 1] = e;
	}
	for (t = 0; t < COMPARE_TOPIC_COUNT; t++) {
		cmp->sections[t].topic = (enum compare_topic)t;
		cmp->sections[t].name = compare_topics[t].name;
		cmp->sections[t].title = _(compare_topics[t].title);
		cmp->sections[t].note = _(compare_topics[t].note);
	}
	compare_count_row(cmp, &cmp->sections[COMPARE_PROJECTS]);
	compare_theme_rows(cmp, COMPARE_PROJECTS);
	compare_approach_row(cmp, &cmp->sections[COMPARE_DISEASES]);
	compare_theme_rows(cmp, COMPARE_DISEASES);
	compare_policy_rows(cmp);
	compare_goal_rows(cmp);
	return cmp;
}

void
compare_free(struct compare *cmp)
{
	struct compare_row *r;
	size_t i, k;
	int t, p;

	if (cmp == NULL)
		return;
	for (t = 0; t < COMPARE_TOPIC_COUNT; t++) {
		for (i = 0; i < cmp->sections[t].nrows; i++) {
			r = &cmp->sections[t].rows[i];
			for (p = 0; p < COMPARE_PERIODS; p++) {
				for (k = 0; k < r->cells[p].nitems; k++) {
					free(r->cells[p].items[k].text);
					free(r->cells[p].items[k].detail);
				}
				for (k = 0; k < r->cells[p].nmarks; k++)
					free(r->cells[p].marks[k].text);
				free(r->cells[p].items);
				free(r->cells[p].marks);
			}
			free(r->id);
			free(r->label);
		}
		free(cmp->sections[t].rows);
	}
	free(cmp);
}

static bool
compare_transition_differs(const struct compare_row *r, int p)
{
	const struct compare_cell *a = &r->cells[p - 2], *b = &r->cells[p - 1];
	size_t i;

	if ((a->nitems == 0) != (b->nitems == 0))
		return true;
	for (i = 0; i < b->nmarks; i++) {
		switch (b->marks[i].change) {
		case COMPARE_SAME:
		case COMPARE_MATCHED:
		case COMPARE_PLACED:
			break;
		default:
			return true;
		}
	}
	return false;
}

bool
compare_row_differs(const struct compare_row *r, int first, int last)
{
	int p;

	if (r->summary)
		return true;
	/* One period alone differs by what comes into it or out of it. */
	if (first == last) {
		return (first > 1 && compare_transition_differs(r, first)) ||
		    (first < COMPARE_PERIODS &&
		    compare_transition_differs(r, first + 1));
	}
	for (p = first + 1; p <= last; p++) {
		if (compare_transition_differs(r, p))
			return true;
	}
	return false;
}

const struct compare_row *
compare_find_row(const struct compare *cmp, const char *id, int *section)
{
	size_t i;
	int t;

	for (t = 0; t < COMPARE_TOPIC_COUNT; t++) {
		for (i = 0; i < cmp->sections[t].nrows; i++) {
			if (strcmp(cmp->sections[t].rows[i].id, id) == 0) {
				if (section != NULL)
					*section = t;
				return &cmp->sections[t].rows[i];
			}
		}
	}
	return NULL;
}

/* ---- layout ---- */

int
compare_columns_for(int width)
{
	if (width >= 120)
		return 3;
	if (width >= 60)
		return 2;
	return 1;
}

static struct compare_frag *
compare_frag_add(struct compare_layout *l, int x, const char *s, size_t len,
    enum compare_role role, int period, int item)
{
	struct compare_frag *f;

	util_grow(&l->frags, &l->fcap, l->nfrags + 1, sizeof *l->frags);
	f = &l->frags[l->nfrags++];
	f->x = x;
	f->s = s;
	f->len = len;
	f->role = role;
	f->period = period;
	f->item = item;
	l->lines[l->nlines - 1].nfrags++;
	return f;
}

static void
compare_line_add(struct compare_layout *l, int section, int row)
{
	struct compare_line *ln;

	util_grow(&l->lines, &l->lcap, l->nlines + 1, sizeof *l->lines);
	ln = &l->lines[l->nlines++];
	ln->frag = l->nfrags;
	ln->nfrags = 0;
	ln->section = section;
	ln->row = row;
}

/* One line of a cell before it is put on a table line. */
struct compare_cline {
	const char		*s;
	size_t			 len;
	int			 dx;
	enum compare_role	 role;
	int			 item;
};

struct compare_clines {
	struct compare_cline	*v;
	size_t			 n, cap;
};

static void
compare_clines_wrap(struct compare_clines *cl, const char *s, size_t len,
    int width, int dx, enum compare_role role, int item)
{
	struct text_line *tl;
	size_t n, i;

	n = text_wrap(s, len, HMS_MAX(width - dx, 2), false, &tl);
	for (i = 0; i < n; i++) {
		util_grow(&cl->v, &cl->cap, cl->n + 1, sizeof *cl->v);
		cl->v[cl->n].s = s + tl[i].off;
		cl->v[cl->n].len = tl[i].len;
		cl->v[cl->n].dx = dx;
		cl->v[cl->n].role = role;
		cl->v[cl->n].item = item;
		cl->n++;
	}
	free(tl);
}

static bool
compare_layout_border(const struct compare_layout *l, int p)
{
	return l->label_w > 0 || p > l->first;
}

static void
compare_layout_borders(struct compare_layout *l)
{
	int p;

	for (p = l->first; p <= l->last; p++) {
		if (compare_layout_border(l, p))
			compare_frag_add(l, l->col_x[p] - 2, "|", 1,
			    COMPARE_ROLE_BORDER, 0, -1);
	}
}

static void
compare_layout_row(struct compare_layout *l, const struct compare *cmp,
    int sec, int ri)
{
	const struct compare_row *r = &cmp->sections[sec].rows[ri];
	struct compare_clines cells[COMPARE_PERIODS], label = { 0 };
	const struct compare_cell *cell;
	const struct compare_mark *m;
	struct compare_place *pl;
	size_t i, j, height;
	int p;

	memset(cells, 0, sizeof cells);
	if (l->label_w > 0)
		compare_clines_wrap(&label, r->label, strlen(r->label),
		    l->label_w - 1, 0, COMPARE_ROLE_LABEL, -1);
	for (p = l->first; p <= l->last; p++) {
		cell = &r->cells[p - 1];
		if (cell->nitems == 0)
			compare_clines_wrap(&cells[p - 1], "-", 1, l->text_w, 0,
			    COMPARE_ROLE_EMPTY, -1);
		for (i = 0; i < cell->nitems; i++) {
			compare_clines_wrap(&cells[p - 1], cell->items[i].text,
			    strlen(cell->items[i].text), l->text_w, 0,
			    COMPARE_ROLE_ITEM, (int)i);
			if (cell->items[i].detail != NULL)
				compare_clines_wrap(&cells[p - 1],
				    cell->items[i].detail,
				    strlen(cell->items[i].detail), l->text_w, 2,
				    COMPARE_ROLE_DETAIL, (int)i);
		}
		for (i = 0; i < cell->nmarks; i++) {
			m = &cell->marks[i];
			/* A change is shown when the period it comes from
			 * is shown too, or when one period is shown alone
			 * (below 60 cells): there the mark is all that says
			 * how the cell came about. */
			if (m->change != COMPARE_PLACED && p == l->first &&
			    l->first != l->last)
				continue;
			compare_clines_wrap(&cells[p - 1], m->text,
			    strlen(m->text), l->text_w, 0, m->inferred ?
			    COMPARE_ROLE_INFERRED : COMPARE_ROLE_MARK, -1);
		}
	}

	util_grow(&l->places, &l->pcap, l->nplaces + 1, sizeof *l->places);
	pl = &l->places[l->nplaces++];
	pl->section = sec;
	pl->row = ri;
	if (l->label_w == 0) {
		/* No room for a label column: the label heads the row. */
		compare_line_add(l, sec, ri);
		pl->line = (int)l->nlines - 1;
		compare_clines_wrap(&label, r->label, strlen(r->label), l->width,
		    0, COMPARE_ROLE_LABEL, -1);
		compare_frag_add(l, 0, label.v[0].s, label.v[0].len,
		    COMPARE_ROLE_LABEL, 0, -1);
		label.n = 0;
	} else
		pl->line = (int)l->nlines;
	height = label.n;
	for (p = l->first; p <= l->last; p++)
		height = HMS_MAX(height, cells[p - 1].n);
	for (j = 0; j < height; j++) {
		compare_line_add(l, sec, ri);
		if (j < label.n)
			compare_frag_add(l, 0, label.v[j].s, label.v[j].len,
			    COMPARE_ROLE_LABEL, 0, -1);
		for (p = l->first; p <= l->last; p++) {
			const struct compare_cline *cl;
			/* Fragments go left to right: border, then text. */
			if (compare_layout_border(l, p))
				compare_frag_add(l, l->col_x[p] - 2, "|", 1,
				    COMPARE_ROLE_BORDER, 0, -1);
			if (j >= cells[p - 1].n)
				continue;
			cl = &cells[p - 1].v[j];
			compare_frag_add(l, l->col_x[p] + cl->dx, cl->s, cl->len,
			    cl->role, p, cl->item);
		}
	}
	pl->nlines = (int)l->nlines - pl->line;
	/* A gap between rows, the columns running through it. */
	compare_line_add(l, sec, -1);
	compare_layout_borders(l);
	for (p = 0; p < COMPARE_PERIODS; p++)
		free(cells[p].v);
	free(label.v);
}

struct compare_layout *
compare_layout(const struct compare *cmp, int width, int first, int last,
    bool diff_only, int topic)
{
	struct compare_layout *l = xcalloc(1, sizeof *l);
	struct compare_clines note = { 0 };
	const struct compare_section *s;
	int ncols, span, p, t;
	size_t i, j;

	width = HMS_MAX(width, 12);
	first = HMS_MAX(1, HMS_MIN(first, COMPARE_PERIODS));
	last = HMS_MAX(first, HMS_MIN(last, COMPARE_PERIODS));
	ncols = last - first + 1;
	l->width = width;
	l->first = first;
	l->last = last;
	l->diff_only = diff_only;
	l->topic = topic;
	l->label_w = width >= 60 ? HMS_MAX(13, HMS_MIN(width / 6, 20)) : 0;
	span = (width - l->label_w) / ncols;
	/* Each column: a border, a gutter for the selection mark, the
	 * text, a blank. */
	l->text_w = HMS_MAX(span - 3, 4);
	for (p = first; p <= last; p++)
		l->col_x[p] = l->label_w + (p - first) * span +
		    (compare_layout_border(l, p) ? 2 : 1);

	for (t = 0; t < COMPARE_TOPIC_COUNT; t++) {
		if (topic >= 0 && t != topic)
			continue;
		s = &cmp->sections[t];
		/* "== title ==", the title wrapped between the marks. */
		note.n = 0;
		compare_clines_wrap(&note, s->title, strlen(s->title), width - 6,
		    0, COMPARE_ROLE_SECTION, -1);
		for (j = 0; j < note.n; j++) {
			compare_line_add(l, t, -1);
			if (j == 0)
				compare_frag_add(l, 0, "== ", 3,
				    COMPARE_ROLE_SECTION, 0, -1);
			compare_frag_add(l, 3, note.v[j].s, note.v[j].len,
			    COMPARE_ROLE_SECTION, 0, -1);
			if (j + 1 == note.n)
				compare_frag_add(l, 3 + text_width(note.v[j].s,
				    note.v[j].len), " ==", 3,
				    COMPARE_ROLE_SECTION, 0, -1);
		}
		/* Below 60 cells a note would fill the screen. */
		note.n = 0;
		if (l->label_w > 0)
			compare_clines_wrap(&note, s->note, strlen(s->note),
			    width - 1, 0, COMPARE_ROLE_NOTE, -1);
		for (j = 0; j < note.n; j++) {
			compare_line_add(l, t, -1);
			compare_frag_add(l, 1, note.v[j].s, note.v[j].len,
			    COMPARE_ROLE_NOTE, 0, -1);
		}
		compare_line_add(l, t, -1);
		compare_layout_borders(l);
		for (i = 0; i < s->nrows; i++) {
			if (diff_only && !compare_row_differs(&s->rows[i], first,
			    last))
				continue;
			compare_layout_row(l, cmp, t, (int)i);
		}
	}
	free(note.v);
	return l;
}

void
compare_layout_free(struct compare_layout *l)
{
	if (l == NULL)
		return;
	free(l->lines);
	free(l->frags);
	free(l->places);
	free(l);
}

const struct compare_place *
compare_layout_find(const struct compare_layout *l, int section, int row)
{
	size_t i;

	for (i = 0; i < l->nplaces; i++) {
		if (l->places[i].section == section && l->places[i].row == row)
			return &l->places[i];
	}
	return NULL;
}

/* ---- output ---- */

static void
compare_write_pad(FILE *f, int *col, int x)
{
	for (; *col < x; (*col)++)
		fputc(' ', f);
}

static void
compare_write_text(FILE *f, const struct compare *cmp, int topic, int width)
{
	struct compare_layout *l;
	struct compare_clines head[COMPARE_PERIODS];
	const struct compare_line *ln;
	const struct compare_frag *fr;
	char years[COMPARE_PERIODS][32];
	size_t i, j, k, height = 0;
	int col, p;

	if (width <= 0)
		width = 120;
	l = compare_layout(cmp, width, 1, COMPARE_PERIODS, false, topic);
	/* The header: each period's title and years. */
	memset(head, 0, sizeof head);
	for (p = 1; p <= COMPARE_PERIODS; p++) {
		const char *t = compare_period_title(cmp, p);
		compare_clines_wrap(&head[p - 1], t, strlen(t), l->text_w, 0,
		    COMPARE_ROLE_SECTION, -1);
		compare_period_years(cmp, p, years[p - 1], sizeof years[p - 1]);
		compare_clines_wrap(&head[p - 1], years[p - 1],
		    strlen(years[p - 1]), l->text_w, 0, COMPARE_ROLE_SECTION, -1);
		height = HMS_MAX(height, head[p - 1].n);
	}
	for (j = 0; j < height; j++) {
		col = 0;
		for (p = 1; p <= COMPARE_PERIODS; p++) {
			if (compare_layout_border(l, p)) {
				compare_write_pad(f, &col, l->col_x[p] - 2);
				fputc('|', f);
				col++;
			}
			if (j >= head[p - 1].n)
				continue;
			compare_write_pad(f, &col, l->col_x[p]);
			out_textn(f, head[p - 1].v[j].s, head[p - 1].v[j].len);
			col += text_width(head[p - 1].v[j].s, head[p - 1].v[j].len);
		}
		fputc('\n', f);
	}
	for (col = 0; col < width; col++) {
		bool b = false;
		for (p = 1; p <= COMPARE_PERIODS; p++)
			b |= compare_layout_border(l, p) && col == l->col_x[p] - 2;
		fputc(b ? '+' : '-', f);
	}
	fputc('\n', f);
	for (i = 0; i < l->nlines; i++) {
		ln = &l->lines[i];
		col = 0;
		for (k = 0; k < ln->nfrags; k++) {
			fr = &l->frags[ln->frag + k];
			compare_write_pad(f, &col, fr->x);
			out_textn(f, fr->s, fr->len);
			col += text_width(fr->s, fr->len);
		}
		fputc('\n', f);
	}
	for (p = 0; p < COMPARE_PERIODS; p++)
		free(head[p].v);
	compare_layout_free(l);
}

/* An item as TSV: "id text" (a project with its number), detail in
 * brackets. */
static void
compare_tsv_item(FILE *f, const struct compare_item *it)
{
	const struct content_entity *e = it->entity;

	if (e != NULL) {
		out_tsv_field(f, e->id);
		fputc(' ', f);
		if (e->type == CONTENT_PROJECT && e->u.project.num > 0)
			fprintf(f, "%d ", e->u.project.num);
		out_tsv_field(f, e->type == CONTENT_PROJECT ||
		    e->type == CONTENT_DISEASE || e->type == CONTENT_KPI ?
		    e->title : it->text);
	} else
		out_tsv_field(f, it->text);
	if (it->detail != NULL) {
		fputs(" [", f);
		out_tsv_field(f, it->detail);
		fputc(']', f);
	}
}

static void
compare_write_tsv(FILE *f, const struct compare *cmp, int topic)
{
	const struct compare_section *s;
	const struct compare_row *r;
	const struct compare_cell *cell;
	const struct compare_mark *m;
	struct buf marks;
	char tok[64];
	size_t i, k;
	int t, p;

	fputs("row", f);
	for (p = 1; p <= COMPARE_PERIODS; p++)
		fprintf(f, "\tperiod:%d", p);
	fputs("\tmarks\n", f);
	buf_init(&marks);
	for (t = 0; t < COMPARE_TOPIC_COUNT; t++) {
		if (topic >= 0 && t != topic)
			continue;
		s = &cmp->sections[t];
		for (i = 0; i < s->nrows; i++) {
			r = &s->rows[i];
			out_tsv_field(f, r->id);
			buf_reset(&marks);
			buf_adds(&marks, "");
			for (p = 1; p <= COMPARE_PERIODS; p++) {
				cell = &r->cells[p - 1];
				fputc('\t', f);
				for (k = 0; k < cell->nitems; k++) {
					if (k > 0)
						fputs(" | ", f);
					compare_tsv_item(f, &cell->items[k]);
				}
				/* Changes into this period, once each; where
				 * a cell went is said in the row it went to. */
				for (k = 0; k < cell->nmarks; k++) {
					m = &cell->marks[k];
					if (m->change == COMPARE_PLACED ||
					    m->outgoing)
						continue;
					snprintf(tok, sizeof tok, "p%d:%s%s", p,
					    compare_changes[m->change].name,
					    m->inferred ? "(inferred)" : "");
					if (strstr(marks.data, tok) != NULL)
						continue;
					buf_printf(&marks, "%s%s", marks.len > 0 ?
					    " " : "", tok);
				}
			}
			fputc('\t', f);
			fputs(marks.data, f);
			fputc('\n', f);
		}
	}
	buf_free(&marks);
}

static const char *
compare_mark_note(const struct compare_mark *m, bool en)
{
	if (m->link == NULL)
		return NULL;
	if (en)
		return m->link->note_en;
	return m->link->note != NULL ? m->link->note->text : NULL;
}

static void
compare_write_json(FILE *f, const struct compare *cmp, int topic)
{
	struct json j;
	const struct compare_section *s;
	const struct compare_row *r;
	const struct compare_cell *cell;
	const struct compare_mark *m;
	const struct compare_item *it;
	char years[32];
	size_t i, k;
	int t, p;

	json_init(&j, f);
	json_begin_object(&j, NULL);
	json_begin_array(&j, "periods");
	for (p = 1; p <= COMPARE_PERIODS; p++) {
		json_begin_object(&j, NULL);
		json_int(&j, "period", p);
		if (cmp->periods[p - 1] != NULL) {
			json_string(&j, "id", cmp->periods[p - 1]->id);
			json_string(&j, "title", cmp->periods[p - 1]->title);
		}
		compare_period_years(cmp, p, years, sizeof years);
		json_string(&j, "years", years);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_begin_array(&j, "sections");
	for (t = 0; t < COMPARE_TOPIC_COUNT; t++) {
		if (topic >= 0 && t != topic)
			continue;
		s = &cmp->sections[t];
		json_begin_object(&j, NULL);
		json_string(&j, "topic", s->name);
		json_string(&j, "title", s->title);
		json_string(&j, "note", s->note);
		json_begin_array(&j, "rows");
		for (i = 0; i < s->nrows; i++) {
			r = &s->rows[i];
			json_begin_object(&j, NULL);
			json_string(&j, "id", r->id);
			json_string(&j, "label", r->label);
			json_bool(&j, "summary", r->summary);
			json_bool(&j, "differs", compare_row_differs(r, 1,
			    COMPARE_PERIODS));
			json_begin_array(&j, "cells");
			for (p = 1; p <= COMPARE_PERIODS; p++) {
				cell = &r->cells[p - 1];
				json_begin_object(&j, NULL);
				json_int(&j, "period", p);
				json_begin_array(&j, "items");
				for (k = 0; k < cell->nitems; k++) {
					it = &cell->items[k];
					json_begin_object(&j, NULL);
					if (it->entity != NULL)
						json_string(&j, "id", it->entity->id);
					else
						json_null(&j, "id");
					json_string(&j, "text", it->text);
					if (it->detail != NULL)
						json_string(&j, "detail", it->detail);
					json_end_object(&j);
				}
				json_end_array(&j);
				json_begin_array(&j, "marks");
				for (k = 0; k < cell->nmarks; k++) {
					m = &cell->marks[k];
					json_begin_object(&j, NULL);
					json_string(&j, "change",
					    compare_changes[m->change].name);
					json_string(&j, "basis", m->inferred ?
					    "inferred" : "stated");
					json_bool(&j, "outgoing", m->outgoing);
					if (m->from != NULL)
						json_string(&j, "from", m->from->id);
					if (m->to != NULL)
						json_string(&j, "to", m->to->id);
					json_string(&j, "text", m->text);
					if (compare_mark_note(m, false) != NULL)
						json_string(&j, "note",
						    compare_mark_note(m, false));
					if (compare_mark_note(m, true) != NULL)
						json_string(&j, "note_en",
						    compare_mark_note(m, true));
					json_end_object(&j);
				}
				json_end_array(&j);
				json_end_object(&j);
			}
			json_end_array(&j);
			json_end_object(&j);
		}
		json_end_array(&j);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end_object(&j);
	json_finish(&j);
}

void
compare_write(FILE *f, const struct compare *cmp, int topic,
    enum output_format format, int width)
{
	switch (format) {
	case OUTPUT_TSV:
		compare_write_tsv(f, cmp, topic);
		break;
	case OUTPUT_JSON:
		compare_write_json(f, cmp, topic);
		break;
	default:
		compare_write_text(f, cmp, topic, width);
		break;
	}
}
