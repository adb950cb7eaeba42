/* fuzz-search.c — plain and regex queries against the bundled content.
 *
 * The content and the index are built once (LLVMFuzzerInitialize); each
 * input is one query.  Input: one control byte, then the query (up to the
 * first NUL, as a C string).  Control: bit 0 regex, bit 1 era years,
 * bits 2-3 period (0 any), bits 4-7 type: 8-15 are the first eight types,
 * 0-1 the last two, 2-7 any type, so that a printable first character
 * searches everything: " 医療" is plain, "!ヘルス(ケア" a regex, ","
 * period 3.
 * Results must respect the filters, rank best first, and every match must
 * be a byte range of its field that starts and ends on a character, in
 * field and offset order.  A session that ran the previous inputs (as the
 * prompt's does, keystroke after keystroke) must give exactly what a fresh
 * search_run gives. */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "content-load.h"
#include "content.h"
#include "fuzz.h"
#include "search.h"
#include "text.h"
#include "util.h"

static struct content *fuzz_c;
static struct search_index *fuzz_idx;
static struct search_session *fuzz_session;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct content_diags d;
	size_t i;

	(void)argc;
	(void)argv;
	fuzz_text_init("fuzz-search");
	content_diags_init(&d);
	fuzz_c = content_load(fuzz_content_dir(), NULL, &d);
	if (fuzz_c == NULL) {
		for (i = 0; i < d.n; i++)
			fprintf(stderr, "%s:%d: %s\n", d.v[i].file, d.v[i].line,
			    d.v[i].message);
		fprintf(stderr, "fuzz-search: cannot load %s\n",
		    fuzz_content_dir());
		exit(2);
	}
	content_diags_free(&d);
	fuzz_idx = search_index_build(fuzz_c);
	fuzz_session = search_session_create(fuzz_idx);
	return 0;
}

struct fuzz_fields {
	size_t			 n;
	struct search_field	 v[256];
};

static void
fuzz_field_cb(const struct search_field *f, void *arg)
{
	struct fuzz_fields *ff = arg;

	if (ff->n < HMS_NELEM(ff->v))
		ff->v[ff->n] = *f;
	ff->n++;
}

static bool
fuzz_char_start(const char *s, size_t len, size_t off)
{
	return off == 0 || off >= len || ((unsigned char)s[off] & 0xc0) != 0x80;
}

static void
fuzz_check_hit(const struct search_hit *h, const struct search_opts *o)
{
	struct fuzz_fields ff = { 0 };
	const struct search_field *f;
	size_t i;

	FUZZ_CHECK(h->entity != NULL);
	FUZZ_CHECK(content_find(fuzz_c, h->entity->id) == h->entity);
	if (o->type >= 0)
		FUZZ_CHECK((int)h->entity->type == o->type);
	if (o->period != 0)
		FUZZ_CHECK(h->entity->period == o->period);
	search_fields(h->entity, fuzz_field_cb, &ff);
	for (i = 0; i < h->nmatches; i++) {
		const struct search_match *m = &h->matches[i];
		FUZZ_CHECK(m->field < ff.n);
		if (m->field >= HMS_NELEM(ff.v))
			continue;
		f = &ff.v[m->field];
		FUZZ_CHECK(m->off <= f->len && m->len <= f->len - m->off);
		FUZZ_CHECK(fuzz_char_start(f->text, f->len, m->off));
		FUZZ_CHECK(fuzz_char_start(f->text, f->len, m->off + m->len));
		if (i > 0)
			FUZZ_CHECK(m[-1].field < m->field ||
			    (m[-1].field == m->field && m[-1].off <= m->off));
	}
}

/* The session's results are the fresh run's, hit for hit. */
static void
fuzz_check_same(const struct search_results *a, const struct search_results *b)
{
	size_t i;

	FUZZ_CHECK(a->nhits == b->nhits);
	for (i = 0; i < a->nhits; i++) {
		FUZZ_CHECK(a->hits[i].entity == b->hits[i].entity);
		FUZZ_CHECK(a->hits[i].score == b->hits[i].score);
		FUZZ_CHECK(a->hits[i].nmatches == b->hits[i].nmatches);
		FUZZ_CHECK(a->hits[i].nmatches == 0 ||
		    memcmp(a->hits[i].matches, b->hits[i].matches,
		    a->hits[i].nmatches * sizeof *a->hits[i].matches) == 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct search_opts o = { .type = -1 };
	struct search_results res;
	const struct search_results *sres;
	char *q, *err = NULL, **terms;
	size_t nterms;
	unsigned ctl, hi;
	size_t i;

	if (size < 1)
		return 0;
	ctl = data[0];
	o.regex = (ctl & 1) != 0;
	o.era = (ctl & 2) != 0;
	o.period = (int)((ctl >> 2) & 3);
	hi = ctl >> 4;
	o.type = hi >= 8 ? (int)hi - 8 : hi <= 1 ? 8 + (int)hi : -1;
	if (o.type >= CONTENT_TYPE_COUNT)
		o.type = -1;
	q = xstrndup((const char *)data + 1, size - 1);

	if (search_run(fuzz_idx, q, &o, &res, &err) == 0) {
		FUZZ_CHECK(err == NULL);
		FUZZ_CHECK(res.nhits == 0 || res.hits != NULL);
		for (i = 0; i < res.nhits; i++) {
			fuzz_check_hit(&res.hits[i], &o);
			if (i > 0)
				FUZZ_CHECK(res.hits[i - 1].score >
				    res.hits[i].score ||
				    (res.hits[i - 1].score == res.hits[i].score &&
				    res.hits[i - 1].entity->index <
				    res.hits[i].entity->index));
		}
		sres = search_session_run(fuzz_session, q, &o, &err);
		/* A regex may run out of its time budget in one and not in
		 * the other; otherwise both agree. */
		if (sres != NULL)
			fuzz_check_same(sres, &res);
		else {
			FUZZ_CHECK(o.regex && err != NULL);
			free(err);
		}
		search_results_free(&res);
	} else {
		/* A query that fails says why. */
		FUZZ_CHECK(err != NULL && *err != '\0');
		free(err);
		err = NULL;
		(void)search_session_run(fuzz_session, q, &o, &err);
		free(err);
	}
	nterms = search_query_terms(q, o.era, &terms);
	for (i = 0; i < nterms; i++) {
		FUZZ_CHECK(terms[i] != NULL && terms[i][0] != '\0');
		free(terms[i]);
	}
	FUZZ_CHECK(terms[nterms] == NULL);
	free(terms);
	free(q);
	return 0;
}
