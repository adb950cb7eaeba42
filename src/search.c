/* search.c — the search index and query engine; the only PCRE2 user. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "content.h"
#include "search.h"
#include "text.h"
#include "util.h"

/* One field of one entity, original and normalised. */
struct search_ifield {
	enum search_field_kind	 kind;
	const char		*orig;
	size_t			 olen;
	struct text_norm	 norm;
};

struct search_ientity {
	struct content_entity	*e;
	struct search_ifield	*fields;
	size_t			 nfields;
};

struct search_index {
	const struct content	*c;
	struct search_ientity	*ents;
	size_t			 nents;
};

static void
search_field_one(void (*fn)(const struct search_field *, void *), void *arg,
    enum search_field_kind kind, const char *text)
{
	struct search_field f;

	if (text == NULL || *text == '\0')
		return;
	f.kind = kind;
	f.text = text;
	f.len = strlen(text);
	fn(&f, arg);
}

void
search_fields(const struct content_entity *e,
    void (*fn)(const struct search_field *f, void *arg), void *arg)
{
	size_t i;

	search_field_one(fn, arg, SEARCH_FIELD_ID, e->id);
	search_field_one(fn, arg, SEARCH_FIELD_TITLE, e->title);
	search_field_one(fn, arg, SEARCH_FIELD_TITLE_EN, e->title_en);
	for (i = 0; i < e->naliases; i++)
		search_field_one(fn, arg, SEARCH_FIELD_ALIAS, e->aliases[i]);
	switch (e->type) {
	case CONTENT_TERM:
		for (i = 0; i < e->u.term.nexpansions; i++)
			search_field_one(fn, arg, SEARCH_FIELD_EXPANSION,
			    e->u.term.expansions[i].text);
		break;
	case CONTENT_KPI:
		search_field_one(fn, arg, SEARCH_FIELD_VALUE, e->u.kpi.baseline.text);
		search_field_one(fn, arg, SEARCH_FIELD_VALUE, e->u.kpi.target.text);
		search_field_one(fn, arg, SEARCH_FIELD_VALUE, e->u.kpi.latest.text);
		break;
	case CONTENT_PROGRAM:
		for (i = 0; i < e->u.program.nbudgets; i++)
			search_field_one(fn, arg, SEARCH_FIELD_VALUE,
			    e->u.program.budgets[i].text);
		break;
	case CONTENT_MEASURE:
		for (i = 0; i < e->u.measure.nstatuses; i++)
			search_field_one(fn, arg, SEARCH_FIELD_BODY,
			    e->u.measure.statuses[i].t.text);
		break;
	default:
		break;
	}
	for (i = 0; i < e->nblocks; i++)
		search_field_one(fn, arg, e->blocks[i].kind == CONTENT_BLOCK_NOTE ?
		    SEARCH_FIELD_NOTE : SEARCH_FIELD_BODY, e->blocks[i].t.text);
}

struct search_collect {
	struct search_ientity	*ie;
	size_t			 cap;
};

static void
search_collect_field(const struct search_field *f, void *arg)
{
	struct search_collect *sc = arg;
	struct search_ifield *x;

	util_grow(&sc->ie->fields, &sc->cap, sc->ie->nfields + 1,
	    sizeof *sc->ie->fields);
	x = &sc->ie->fields[sc->ie->nfields++];
	x->kind = f->kind;
	x->orig = f->text;
	x->olen = f->len;
	text_normalize(f->text, f->len, 0, &x->norm);
}

struct search_index *
search_index_build(const struct content *c)
{
	struct search_index *idx = xcalloc(1, sizeof *idx);
	struct search_collect sc;
	size_t i;

	idx->c = c;
	idx->nents = c->nentities;
	idx->ents = xcalloc(c->nentities + 1, sizeof *idx->ents);
	for (i = 0; i < c->nentities; i++) {
		idx->ents[i].e = c->entities[i];
		sc.ie = &idx->ents[i];
		sc.cap = 0;
		search_fields(c->entities[i], search_collect_field, &sc);
	}
	return idx;
}

void
search_index_free(struct search_index *idx)
{
	size_t i, j;

	if (idx == NULL)
		return;
	for (i = 0; i < idx->nents; i++) {
		for (j = 0; j < idx->ents[i].nfields; j++)
			text_norm_free(&idx->ents[i].fields[j].norm);
		free(idx->ents[i].fields);
	}
	free(idx->ents);
	free(idx);
}

/* Split a plain query into normalised terms; quoted phrases stay whole. */
static size_t
search_terms(const char *q, char ***termsp)
{
	char **terms = NULL;
	size_t n = 0, cap = 0;
	const char *p = q, *start;
	bool quoted;

	while (*p != '\0') {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		quoted = *p == '"';
		if (quoted)
			p++;
		start = p;
		if (quoted) {
			while (*p != '\0' && *p != '"')
				p++;
		} else {
			/* Ideographic space separates terms too. */
			while (*p != '\0' && *p != ' ' && *p != '\t' &&
			    strncmp(p, "\xe3\x80\x80", 3) != 0)
				p++;
		}
		if (p > start) {
			util_grow(&terms, &cap, n + 1, sizeof *terms);
			terms[n++] = text_normalize_str(start, (size_t)(p - start),
			    0);
			if (terms[n - 1][0] == '\0')
				free(terms[--n]);
		}
		if (quoted && *p == '"')
			p++;
		else if (strncmp(p, "\xe3\x80\x80", 3) == 0)
			p += 3;
	}
	*termsp = terms;
	return n;
}

static int
search_field_weight(enum search_field_kind k)
{
	switch (k) {
	case SEARCH_FIELD_ID:
	case SEARCH_FIELD_TITLE:
		return 100;
	case SEARCH_FIELD_ALIAS:
	case SEARCH_FIELD_TITLE_EN:
		return 80;
	case SEARCH_FIELD_EXPANSION:
		return 60;
	case SEARCH_FIELD_VALUE:
		return 30;
	case SEARCH_FIELD_BODY:
		return 10;
	case SEARCH_FIELD_NOTE:
	case SEARCH_FIELD_KIND_COUNT:
		break;
	}
	return 5;
}

/* Specific entities rank before the sections that mention them. */
static int
search_type_weight(const struct content_entity *e)
{
	switch (e->type) {
	case CONTENT_SECTION:
		return 0;
	case CONTENT_PERIOD:
		return 2;
	default:
		return 5;
	}
}

static void
search_add_match(struct search_hit *h, size_t *cap, size_t field, size_t off,
    size_t len)
{
	util_grow(&h->matches, cap, h->nmatches + 1, sizeof *h->matches);
	h->matches[h->nmatches].field = field;
	h->matches[h->nmatches].off = off;
	h->matches[h->nmatches].len = len;
	h->nmatches++;
}

static int
search_cmp_hits(const void *a, const void *b)
{
	const struct search_hit *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->entity->index < y->entity->index ? -1 :
	    x->entity->index > y->entity->index;
}

static bool
search_entity_ok(const struct content_entity *e, const struct search_opts *o)
{
	if (o->type >= 0 && (int)e->type != o->type)
		return false;
	if (o->period != 0 && e->period != o->period)
		return false;
	return true;
}

static int
search_plain(struct search_index *idx, const char *query,
    const struct search_opts *o, struct search_results *res)
{
	char **terms;
	size_t nterms, i, t, f, mcap;
	struct search_hit hit;
	size_t hcap = 0;

	nterms = search_terms(query, &terms);
	if (nterms == 0) {
		free(terms);
		return 0;
	}
	for (i = 0; i < idx->nents; i++) {
		struct search_ientity *ie = &idx->ents[i];
		bool all = true;
		int score = 0;

		if (!search_entity_ok(ie->e, o))
			continue;
		memset(&hit, 0, sizeof hit);
		mcap = 0;
		for (t = 0; t < nterms && all; t++) {
			size_t tl = strlen(terms[t]);
			int best = 0;
			for (f = 0; f < ie->nfields; f++) {
				struct search_ifield *x = &ie->fields[f];
				const char *p = x->norm.s, *m;
				while ((m = strstr(p, terms[t])) != NULL) {
					size_t a = (size_t)(m - x->norm.s), oa, ob;
					int w = search_field_weight(x->kind);
					text_norm_span(&x->norm, a, a + tl, &oa, &ob);
					search_add_match(&hit, &mcap, f, oa, ob - oa);
					/* A whole-field match ranks higher. */
					if (a == 0 && tl == x->norm.len)
						w += 50;
					if (w > best)
						best = w;
					p = m + (tl > 0 ? tl : 1);
				}
			}
			if (best == 0)
				all = false;
			score += best;
		}
		if (!all) {
			free(hit.matches);
			continue;
		}
		hit.entity = ie->e;
		hit.score = score * 10 + search_type_weight(ie->e);
		util_grow(&res->hits, &hcap, res->nhits + 1, sizeof *res->hits);
		res->hits[res->nhits++] = hit;
	}
	for (t = 0; t < nterms; t++)
		free(terms[t]);
	free(terms);
	return 0;
}

static int
search_regex(struct search_index *idx, const char *pattern,
    const struct search_opts *o, struct search_results *res, char **err)
{
	pcre2_code *re;
	pcre2_match_data *md;
	pcre2_match_context *mc;
	int ec, rc;
	PCRE2_SIZE eoff, *ov;
	PCRE2_UCHAR msg[256];
	size_t i, f, hcap = 0, mcap, start;
	struct search_hit hit;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &ec, &eoff, NULL);
	if (re == NULL) {
		pcre2_get_error_message(ec, msg, sizeof msg);
		*err = xasprintf("bad regular expression at offset %zu: %s",
		    (size_t)eoff, (char *)msg);
		return -1;
	}
	mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(mc, 100000);
	pcre2_set_depth_limit(mc, 1000);
	md = pcre2_match_data_create_from_pattern(re, NULL);
	for (i = 0; i < idx->nents; i++) {
		struct search_ientity *ie = &idx->ents[i];
		int best = 0;

		if (!search_entity_ok(ie->e, o))
			continue;
		memset(&hit, 0, sizeof hit);
		mcap = 0;
		for (f = 0; f < ie->nfields; f++) {
			struct search_ifield *x = &ie->fields[f];
			start = 0;
			while (start <= x->olen) {
				rc = pcre2_match(re, (PCRE2_SPTR)x->orig, x->olen,
				    start, 0, md, mc);
				if (rc == PCRE2_ERROR_MATCHLIMIT ||
				    rc == PCRE2_ERROR_DEPTHLIMIT ||
				    rc == PCRE2_ERROR_HEAPLIMIT) {
					*err = xstrdup("pattern too complex");
					free(hit.matches);
					goto fail;
				}
				if (rc < 0)
					break;
				ov = pcre2_get_ovector_pointer(md);
				search_add_match(&hit, &mcap, f, ov[0], ov[1] - ov[0]);
				if (search_field_weight(x->kind) > best)
					best = search_field_weight(x->kind);
				start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
			}
		}
		if (hit.nmatches == 0) {
			free(hit.matches);
			continue;
		}
		hit.entity = ie->e;
		hit.score = best * 10 + search_type_weight(ie->e);
		util_grow(&res->hits, &hcap, res->nhits + 1, sizeof *res->hits);
		res->hits[res->nhits++] = hit;
	}
	pcre2_match_data_free(md);
	pcre2_match_context_free(mc);
	pcre2_code_free(re);
	return 0;
fail:
	pcre2_match_data_free(md);
	pcre2_match_context_free(mc);
	pcre2_code_free(re);
	return -1;
}

int
search_run(struct search_index *idx, const char *query,
    const struct search_opts *opts, struct search_results *res, char **err)
{
	int rc;

	res->hits = NULL;
	res->nhits = 0;
	if (opts->regex)
		rc = search_regex(idx, query, opts, res, err);
	else
		rc = search_plain(idx, query, opts, res);
	if (rc != 0) {
		search_results_free(res);
		return -1;
	}
	/* Nothing found leaves hits NULL, which qsort may not be given. */
	if (res->nhits > 0)
		qsort(res->hits, res->nhits, sizeof *res->hits,
		    search_cmp_hits);
	return 0;
}

void
search_results_free(struct search_results *res)
{
	size_t i;

	for (i = 0; i < res->nhits; i++)
		free(res->hits[i].matches);
	free(res->hits);
	res->hits = NULL;
	res->nhits = 0;
}
