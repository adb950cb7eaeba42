/* search.c — the search index and query engine; the only PCRE2 user.
 *
 * The index keeps, for one normalisation (plain, or with era years
 * folded), every field of every entity normalised into one haystack:
 * fields in entity order, entities in document order, each field followed
 * by a NUL so that no term (which never contains NUL) matches across two
 * fields.  The fields of an entity are therefore one contiguous range of
 * the haystack.  Next to it:
 *
 *   - an offset map per field, stored as segments: within a segment the
 *     original offset grows with the normalised one byte for byte, and a
 *     new segment starts wherever that stops being true (ＦＩＨ -> fih,
 *     ｶﾞ -> が).  Kanji, kana, ASCII and ⼤ -> 大 keep their length in
 *     UTF-8, so ordinary text needs few segments;
 *   - a bigram index: for every pair of adjacent characters, hashed into
 *     a bucket, the ascending haystack offsets where the pair starts.  A
 *     term is looked up through its rarest pair and each candidate is
 *     verified with memcmp, so a hash collision costs time, never a wrong
 *     hit.  One-character terms are looked up in postings of single
 *     characters.
 *
 * A plain query first finds the entities that hold every term (the
 * rarest term over the whole haystack, the others only inside the
 * entities still in the running), then collects every match of every term
 * in those entities, maps it back to original bytes and scores it. */
#include "config.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>


#include "content-snap.h"
#include "content.h"
#include "search.h"
#include "text.h"
#include "util.h"

/* ---- limits ----
 *
 * A regex query must give the same hits or the same error on any machine
 * and under any load, so nothing here looks at a clock: every limit is a
 * count.  PCRE2's own limits bound one start position (it resets its match
 * counter at each), and an overall budget of work bounds the query: the
 * pattern is compiled with automatic callouts, so PCRE2 calls us before
 * each pattern item it tries, and the query fails once the calls add up
 * to SEARCH_WORK_LIMIT, whichever field they were spent on.  Start
 * positions that PCRE2's start-up optimisations skip cost nothing, so an
 * ordinary pattern spends a small fraction of the budget. */
#define SEARCH_MATCH_LIMIT		100000	/* per start position */
#define SEARCH_DEPTH_LIMIT		10000
#define SEARCH_HEAP_LIMIT_KIB		(32 * 1024)
#define SEARCH_WORK_LIMIT		20000000ul	/* callouts per query */
/* The JIT ignores the depth limit and uses its own stack; 32 KiB is too
 * small for ordinary patterns on paragraphs.  The stack is reserved, not
 * touched, up to its maximum; running out is PCRE2_ERROR_JIT_STACKLIMIT,
 * as deterministic as the other limits. */
#define SEARCH_JIT_STACK_MIN		(32 * 1024)
#define SEARCH_JIT_STACK_MAX		(1024 * 1024)

/* ---- the index ---- */

/* How the index and every query normalise text: the same function with
 * the same flags on both sides, or a term could never meet its text. */
#define SEARCH_NORM	TEXT_NORM_WORDS

/* Whether a field is valid UTF-8 is learnt on the first regex query that
 * needs it: loaded content always is, so plain queries never ask. */
enum { SEARCH_UTF8_UNKNOWN, SEARCH_UTF8_YES, SEARCH_UTF8_NO };

/* One field of one entity, as search_fields gives it. */
struct search_ifield {
	const char	*orig;
	uint32_t	 olen;
	uint32_t	 ent;		/* index into idx->ents */
	uint32_t	 no;		/* field number within the entity */
	uint8_t		 kind;		/* enum search_field_kind */
	uint8_t		 utf8;		/* orig is valid UTF-8: SEARCH_UTF8_* */
};

/* A name the content gives something (title, English title, alias,
 * expansion), folded as the index folds text, cut into grapheme clusters
 * for edit distances. */
struct search_vword {
	uint32_t		 field;		/* index into idx->fields */
	struct text_norm	 tn;		/* folded, with its map */
	uint32_t		*cl;		/* ncl + 1 cluster offsets in tn.s */
	size_t			 ncl;
	bool			*bnd;		/* ncl + 1: a word may start or end
						   before cluster j (see
						   search_vocab_bounds) */
};

struct search_ient {
	struct content_entity	*e;
	uint32_t		 first;	/* fields[first .. first + n) */
	uint32_t		 n;
};

/* Haystack offsets of characters (or pairs) hashed into 1 << bits
 * buckets: bucket k is post[start[k] .. start[k + 1]), ascending. */
struct search_postings {
	unsigned	 bits;
	uint32_t	*start;
	uint32_t	*post;
};

/* The fields normalised one way, with offset maps and the indexes. */
struct search_hay {
	char		*s;		/* each field's text, then a NUL */
	size_t		 len;
	uint32_t	*foff;		/* nfields + 1: field f is
					   s[foff[f], foff[f + 1] - 1) */
	uint32_t	*fseg;		/* nfields + 1: field f's segments are
					   [fseg[f], fseg[f + 1]) */
	/* Segment k covers the normalised characters from segn[k] (relative
	 * to its field) to the next segment: the first comes from original
	 * offset sego[k], and each later one starts where the one before it
	 * ended, with as many bytes in the original as in the normalised
	 * text (so offsets grow alike); the last one ends at sege[k]. */
	uint32_t	*segn;
	uint32_t	*sego;
	uint32_t	*sege;
	size_t		 nsegs;
	struct search_postings	 uni;	/* by character */
	struct search_postings	 bi;	/* by pair of adjacent characters */
	/* The cache file every array above points into, when it was read
	 * from one (search_hay_load), else NULL. */
	char		*blob;
	size_t		 bloblen;
};

struct search_index {
	const struct content	*c;
	struct search_ifield	*fields;
	size_t			 nfields;
	struct search_ient	*ents;
	size_t			 nents;
	struct search_hay	 plain;
	struct search_hay	 era;
	bool			 era_built;
	/* The vocabulary near misses are drawn from, made on the first
	 * search_suggest(). */
	struct search_vword	*vocab;
	size_t			 nvocab;
	bool			 vocab_built;
};

/* ---- fields ---- */

static void
search_field_one(void (*fn)(const struct search_field *, void *), void *arg,
    enum search_field_kind kind, const char *text, int block, int link)
{
	struct search_field f;

	if (text == NULL || *text == '\0')
		return;
	f.kind = kind;
	f.text = text;
	f.len = strlen(text);
	f.block = block;
	f.link = link;
	fn(&f, arg);
}

void
search_fields(const struct content_entity *e,
    void (*fn)(const struct search_field *f, void *arg), void *arg)
{
	size_t i;

	search_field_one(fn, arg, SEARCH_FIELD_ID, e->id, -1, -1);
	search_field_one(fn, arg, SEARCH_FIELD_TITLE, e->title, -1, -1);
	search_field_one(fn, arg, SEARCH_FIELD_TITLE_EN, e->title_en, -1, -1);
	for (i = 0; i < e->naliases; i++)
		search_field_one(fn, arg, SEARCH_FIELD_ALIAS, e->aliases[i], -1,
		    -1);
	switch (e->type) {
	case CONTENT_TERM:
		for (i = 0; i < e->u.term.nexpansions; i++)
			search_field_one(fn, arg, SEARCH_FIELD_EXPANSION,
			    e->u.term.expansions[i].text, -1, -1);
		break;
	case CONTENT_KPI:
		search_field_one(fn, arg, SEARCH_FIELD_VALUE,
		    e->u.kpi.v->baseline.text, -1, -1);
		search_field_one(fn, arg, SEARCH_FIELD_VALUE,
		    e->u.kpi.v->target.text, -1, -1);
		search_field_one(fn, arg, SEARCH_FIELD_VALUE,
		    e->u.kpi.v->latest.text, -1, -1);
		break;
	case CONTENT_PROGRAM:
		for (i = 0; i < e->u.program.nbudgets; i++)
			search_field_one(fn, arg, SEARCH_FIELD_VALUE,
			    e->u.program.budgets[i].text, -1, -1);
		break;
	case CONTENT_MEASURE:
		for (i = 0; i < e->u.measure.nstatuses; i++)
			search_field_one(fn, arg, SEARCH_FIELD_BODY,
			    e->u.measure.statuses[i].t.text, -1, -1);
		search_field_one(fn, arg, SEARCH_FIELD_BODY,
		    e->u.measure.group, -1, -1);
		break;
	default:
		break;
	}
	for (i = 0; i < e->nblocks; i++)
		search_field_one(fn, arg, e->blocks[i].kind == CONTENT_BLOCK_NOTE ?
		    SEARCH_FIELD_NOTE : SEARCH_FIELD_BODY, e->blocks[i].t.text,
		    (int)i, -1);
	for (i = 0; i < e->nlinks; i++) {
		const struct content_link *l = e->links[i];
		if (l->note != NULL)
			search_field_one(fn, arg, SEARCH_FIELD_NOTE,
			    l->note->text, -1, (int)i);
		search_field_one(fn, arg, SEARCH_FIELD_NOTE, l->note_en, -1,
		    (int)i);
	}
}

struct search_get_state {
	size_t			 want;
	size_t			 at;
	struct search_field	*f;
	bool			 found;
};

static void
search_get_one(const struct search_field *f, void *arg)
{
	struct search_get_state *g = arg;

	if (g->at++ == g->want) {
		*g->f = *f;
		g->found = true;
	}
}

int
search_field_get(const struct content_entity *e, size_t n,
    struct search_field *f)
{
	struct search_get_state g = { .want = n, .f = f };

	search_fields(e, search_get_one, &g);
	return g.found ? 0 : -1;
}

const char *
search_field_kind_name(enum search_field_kind k)
{
	static const char *const names[SEARCH_FIELD_KIND_COUNT] = {
		[SEARCH_FIELD_ID] = "id",
		[SEARCH_FIELD_TITLE] = "title",
		[SEARCH_FIELD_TITLE_EN] = "title-en",
		[SEARCH_FIELD_ALIAS] = "alias",
		[SEARCH_FIELD_EXPANSION] = "expansion",
		[SEARCH_FIELD_VALUE] = "value",
		[SEARCH_FIELD_BODY] = "body",
		[SEARCH_FIELD_NOTE] = "note",
	};

	return (unsigned)k < SEARCH_FIELD_KIND_COUNT ? names[k] : "?";
}

/* The bucket of the pair a, b; of the single character b when a is 0
 * (no pair starts with NUL, the field separator). */
static inline uint32_t
search_key(uint32_t a, uint32_t b, unsigned bits)
{
	uint64_t h = ((uint64_t)a << 21) ^ b;

	h *= 0x9e3779b97f4a7c15ull;
	return (uint32_t)(h >> (64 - bits));
}

/* ---- building ---- */

struct search_collect {
	struct search_index	*idx;
	size_t			 cap;
	uint32_t		 ent;
	uint32_t		 no;
};

static void
search_collect_field(const struct search_field *f, void *arg)
{
	struct search_collect *sc = arg;
	struct search_index *idx = sc->idx;
	struct search_ifield *x;

	if (f->len >= UINT32_MAX)
		fatal("search: field too long");
	util_grow(&idx->fields, &sc->cap, idx->nfields + 1, sizeof *idx->fields);
	x = &idx->fields[idx->nfields++];
	x->orig = f->text;
	x->olen = (uint32_t)f->len;
	x->ent = sc->ent;
	x->no = sc->no++;
	x->kind = (uint8_t)f->kind;
	x->utf8 = SEARCH_UTF8_UNKNOWN;
}

static bool
search_is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

struct search_segs {
	size_t	cap;
	bool	have;		/* a segment of this field is open */
	size_t	n0;		/* its start, normalised and original */
	size_t	o0;
};

/* Add normalised character n, which covers original [oa, ob). */
static void
search_seg_add(struct search_hay *h, struct search_segs *sg, size_t n,
    size_t oa, size_t ob)
{
	if (sg->have && oa == h->sege[h->nsegs - 1] &&
	    oa == sg->o0 + (n - sg->n0)) {
		h->sege[h->nsegs - 1] = (uint32_t)ob;
		return;
	}
	util_grow(&h->segn, &sg->cap, h->nsegs + 1, sizeof *h->segn);
	h->sego = xreallocarray(h->sego, sg->cap, sizeof *h->sego);
	h->sege = xreallocarray(h->sege, sg->cap, sizeof *h->sege);
	h->segn[h->nsegs] = (uint32_t)n;
	h->sego[h->nsegs] = (uint32_t)oa;
	h->sege[h->nsegs] = (uint32_t)ob;
	h->nsegs++;
	sg->have = true;
	sg->n0 = n;
	sg->o0 = oa;
}

/* Append one field's normalised text to the haystack, runs of white space
 * read as one space and none at either end, with its segments.  Where
 * each normalised character comes from is what text_norm_span() says of
 * it alone; a range of characters then maps to the start of its first
 * and the end of its last, which is what text_norm_span() says of the
 * range. */
static void
search_hay_field(struct search_hay *h, struct buf *b, struct search_segs *sg,
    const struct text_norm *tn)
{
	size_t i = 0, n, start = b->len, oa, ob, sa = 0, sb = 0;
	bool space = false;

	sg->have = false;
	while (i < tn->len) {
		unsigned char c = (unsigned char)tn->s[i];
		n = 1;
		while (i + n < tn->len && text_utf8_cont((unsigned char)tn->s[i + n]))
			n++;
		if (n == 1 && (search_is_space(c) || c == '\0')) {
			/* NUL cannot come from valid text; dropping it keeps
			 * the separator unique. */
			if (c != '\0' && !space) {
				text_norm_span(tn, i, i + 1, &sa, &sb);
				space = true;
			}
			i++;
			continue;
		}
		if (space && b->len > start) {
			search_seg_add(h, sg, b->len - start, sa, sb);
			buf_addc(b, ' ');
		}
		space = false;
		text_norm_span(tn, i, i + n, &oa, &ob);
		search_seg_add(h, sg, b->len - start, oa, ob);
		buf_add(b, tn->s + i, n);
		i += n;
	}
}

static void
search_postings_build(const struct search_hay *h, struct search_postings *p,
    bool pairs)
{
	const unsigned char *s = (const unsigned char *)h->s;
	size_t i, n1, nchars = 0, nb, npost = 0;
	uint32_t a, b, *fill;
	int pass;

	/* About one bucket per two characters, between 1 Ki and 4 Mi
	 * buckets; distinct characters are far fewer than pairs. */
	for (i = 0; i < h->len; i++)
		if (!text_utf8_cont(s[i]))
			nchars++;
	p->bits = 10;
	while (p->bits < (pairs ? 22u : 16u) &&
	    ((size_t)1 << p->bits) < nchars / 2)
		p->bits++;
	nb = (size_t)1 << p->bits;
	p->start = xcalloc(nb + 1, sizeof *p->start);
	fill = NULL;
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < h->len; i += n1) {
			uint32_t key;
			n1 = text_utf8_decode_valid(s + i, &a);
			if (a == 0)
				continue;
			if (pairs) {
				if (i + n1 >= h->len)
					continue;
				text_utf8_decode_valid(s + i + n1, &b);
				if (b == 0)
					continue;
				key = search_key(a, b, p->bits);
			} else
				key = search_key(0, a, p->bits);
			if (pass == 0) {
				p->start[key + 1]++;
				npost++;
			} else
				p->post[fill[key]++] = (uint32_t)i;
		}
		if (pass == 0) {
			for (i = 0; i < nb; i++)
				p->start[i + 1] += p->start[i];
			p->post = xcalloc(npost + 1, sizeof *p->post);
			fill = xcalloc(nb, sizeof *fill);
			memcpy(fill, p->start, nb * sizeof *fill);
		}
	}
	free(fill);
}

static void *
search_postings_bi_thread(void *arg)
{
	struct search_hay *h = arg;

	search_postings_build(h, &h->bi, true);
	return NULL;
}

static void search_hay_free(struct search_hay *);

/* Fields [f0, f1) normalised into a haystack of their own, with offsets
 * and segment numbers from 0: one half of the index's, made on a thread
 * of its own (text_normalize may run on several at once). */
struct search_part {
	struct search_index	*idx;
	int			 flags;
	size_t			 f0, f1;
	struct search_hay	 h;
};

static void *
search_part_build(void *arg)
{
	struct search_part *p = arg;
	struct search_hay *h = &p->h;
	struct search_segs sg = { 0 };
	struct text_norm tn;
	struct buf b;
	size_t f, total = 0, n = p->f1 - p->f0;

	for (f = p->f0; f < p->f1; f++)
		total += p->idx->fields[f].olen + 1;
	buf_init(&b);
	buf_reserve(&b, total + 1);
	h->foff = xcalloc(n + 1, sizeof *h->foff);
	h->fseg = xcalloc(n + 1, sizeof *h->fseg);
	for (f = p->f0; f < p->f1; f++) {
		const struct search_ifield *x = &p->idx->fields[f];
		if (b.len >= UINT32_MAX / 4)
			fatal("search: content too large to index");
		h->foff[f - p->f0] = (uint32_t)b.len;
		h->fseg[f - p->f0] = (uint32_t)h->nsegs;
		text_normalize(x->orig, x->olen, p->flags, &tn);
		search_hay_field(h, &b, &sg, &tn);
		text_norm_free(&tn);
		buf_add(&b, "", 1);
	}
	h->foff[n] = (uint32_t)b.len;
	h->fseg[n] = (uint32_t)h->nsegs;
	h->len = b.len;
	h->s = b.data != NULL ? buf_steal(&b) : xstrdup("");
	return NULL;
}

/* Append the second half's haystack, offsets and segments to the
 * first's, which becomes the whole. */
static void
search_part_join(struct search_part *one, struct search_part *two)
{
	struct search_hay *h = &one->h, *t = &two->h;
	size_t n1 = one->f1 - one->f0, n2 = two->f1 - two->f0, f;

	if (h->len + t->len >= UINT32_MAX / 2)
		fatal("search: content too large to index");
	h->s = xreallocarray(h->s, h->len + t->len + 1, 1);
	memcpy(h->s + h->len, t->s, t->len + 1);
	h->foff = xreallocarray(h->foff, n1 + n2 + 1, sizeof *h->foff);
	h->fseg = xreallocarray(h->fseg, n1 + n2 + 1, sizeof *h->fseg);
	for (f = 0; f <= n2; f++) {
		h->foff[n1 + f] = (uint32_t)(h->len + t->foff[f]);
		h->fseg[n1 + f] = (uint32_t)(h->nsegs + t->fseg[f]);
	}
	h->segn = xreallocarray(h->segn, h->nsegs + t->nsegs + 1,
	    sizeof *h->segn);
	h->sego = xreallocarray(h->sego, h->nsegs + t->nsegs + 1,
	    sizeof *h->sego);
	h->sege = xreallocarray(h->sege, h->nsegs + t->nsegs + 1,
	    sizeof *h->sege);
	if (t->nsegs > 0) {
		memcpy(h->segn + h->nsegs, t->segn, t->nsegs * sizeof *h->segn);
		memcpy(h->sego + h->nsegs, t->sego, t->nsegs * sizeof *h->sego);
		memcpy(h->sege + h->nsegs, t->sege, t->nsegs * sizeof *h->sege);
	}
	h->len += t->len;
	h->nsegs += t->nsegs;
	search_hay_free(t);
}

static void
search_hay_build(struct search_index *idx, int flags, struct search_hay *h)
{
	struct search_part one = { idx, flags, 0, idx->nfields / 2, { 0 } };
	struct search_part two = { idx, flags, idx->nfields / 2, idx->nfields,
	    { 0 } };
	pthread_t th;
	bool threaded;

	/* Normalising is most of the work and each field is normalised on
	 * its own: the second half of the fields on a thread of its own. */
	threaded = pthread_create(&th, NULL, search_part_build, &two) == 0;
	if (!threaded)
		search_part_build(&two);
	search_part_build(&one);
	if (threaded && pthread_join(th, NULL) != 0)
		fatal("search: cannot join the index thread");
	search_part_join(&one, &two);
	*h = one.h;
	/* The two postings are independent: the pairs' (the larger) are
	 * built on a thread of their own while this one builds the
	 * characters'; at 100x this is a fifth of building the index. */
	threaded = pthread_create(&th, NULL, search_postings_bi_thread, h) == 0;
	if (!threaded)
		search_postings_build(h, &h->bi, true);
	search_postings_build(h, &h->uni, false);
	if (threaded && pthread_join(th, NULL) != 0)
		fatal("search: cannot join the index thread");
}

static void
search_hay_free(struct search_hay *h)
{
	if (h->blob != NULL) {
		util_unmap_file(h->blob, h->bloblen);
		memset(h, 0, sizeof *h);
		return;
	}
	free(h->s);
	free(h->foff);
	free(h->fseg);
	free(h->segn);
	free(h->sego);
	free(h->sege);
	free(h->uni.start);
	free(h->uni.post);
	free(h->bi.start);
	free(h->bi.post);
	memset(h, 0, sizeof *h);
}

/* ---- the index cache ----
 *
 * Normalising every field is most of building the index (and the same
 * for the same content and the same ICU), so the plain haystack, its
 * offset maps and postings are kept in $XDG_CACHE_HOME/hms/index-HASH,
 * one file per content directory like the content snapshot, for content
 * whose bytes are known (content->key: see content-snap.h).  The file
 * names the key, this version of hms and of ICU; its payload has its own
 * hash.  Anything else is rebuilt and written again. */

/* The number after hms-index changes with what the index holds (2: the
 * text is word-folded, TEXT_NORM_WORDS; 3: the payload's hash chains over
 * its pieces), so that an older cache is rebuilt rather than searched
 * with queries folded another way, or rejected for its hash. */
static const char *
search_cache_magic(char *buf, size_t size)
{
	snprintf(buf, size, "hms-index 3 %s icu %s\n", PACKAGE_VERSION,
	    text_icu_version());
	return buf;
}

/* The fields' original lengths, summed: a cheap check that the fields of
 * the content are the ones the cache was made for. */
static uint64_t
search_fields_total(const struct search_index *idx)
{
	uint64_t t = 0;
	size_t f;

	for (f = 0; f < idx->nfields; f++)
		t += idx->fields[f].olen;
	return t;
}

/* The payload is written from the arrays where they are, a piece at a
 * time (copying 300 MB into one buffer first was a third of building the
 * index at 100x), and its hash chains over the pieces: each is hashed,
 * with the zeroes that pad it to 8 bytes, from the hash of those before
 * it.  The reader hashes the same pieces as it meets them. */
struct search_cache_w {
	struct iovec	*iov;
	size_t		 niov, cap;
	uint64_t	 hash;
	uint64_t	 len;
	uint64_t	 nums[6];	/* the header numbers, written from here */
	size_t		 nnums;
};

static void
search_cache_add(struct search_cache_w *w, const void *p, size_t n)
{
	static const char pad[8];
	size_t padn = (8 - n % 8) % 8;

	util_grow(&w->iov, &w->cap, w->niov + 2, sizeof *w->iov);
	w->iov[w->niov].iov_base = (void *)p;
	w->iov[w->niov++].iov_len = n;
	if (padn > 0) {
		w->iov[w->niov].iov_base = (void *)pad;
		w->iov[w->niov++].iov_len = padn;
	}
	w->hash = content_hash(w->hash, p, n);
	if (padn > 0)
		w->hash = content_hash(w->hash, pad, padn);
	w->len += n + padn;
}

static void
search_cache_u64(struct search_cache_w *w, uint64_t v)
{
	w->nums[w->nnums] = v;
	search_cache_add(w, &w->nums[w->nnums++], sizeof v);
}

static void
search_hay_save(const struct search_index *idx, const struct search_hay *h)
{
	char *path;
	struct search_cache_w w = { 0 };
	uint64_t key = idx->c->key;
	size_t nu = (size_t)1 << h->uni.bits, nbi = (size_t)1 << h->bi.bits;
	/* The header is 8-aligned too: arrays are used in place when read
	 * back. */
	char magic[64] = { 0 };

	if ((path = content_cache_file(idx->c, "index")) == NULL)
		return;
	util_grow(&w.iov, &w.cap, 4, sizeof *w.iov);
	w.niov = 4;	/* magic, key, hash and length, filled in below */
	search_cache_u64(&w, idx->nfields);
	search_cache_u64(&w, search_fields_total(idx));
	search_cache_u64(&w, h->len);
	search_cache_u64(&w, h->nsegs);
	search_cache_u64(&w, h->uni.bits);
	search_cache_u64(&w, h->bi.bits);
	search_cache_add(&w, h->s, h->len);
	search_cache_add(&w, h->foff, (idx->nfields + 1) * sizeof *h->foff);
	search_cache_add(&w, h->fseg, (idx->nfields + 1) * sizeof *h->fseg);
	search_cache_add(&w, h->segn, h->nsegs * sizeof *h->segn);
	search_cache_add(&w, h->sego, h->nsegs * sizeof *h->sego);
	search_cache_add(&w, h->sege, h->nsegs * sizeof *h->sege);
	search_cache_add(&w, h->uni.start, (nu + 1) * sizeof *h->uni.start);
	search_cache_add(&w, h->uni.post,
	    ((size_t)h->uni.start[nu] + 1) * sizeof *h->uni.post);
	search_cache_add(&w, h->bi.start, (nbi + 1) * sizeof *h->bi.start);
	search_cache_add(&w, h->bi.post,
	    ((size_t)h->bi.start[nbi] + 1) * sizeof *h->bi.post);
	search_cache_magic(magic, sizeof magic);
	w.iov[0] = (struct iovec){ magic, sizeof magic };
	w.iov[1] = (struct iovec){ &key, sizeof key };
	w.iov[2] = (struct iovec){ &w.hash, sizeof w.hash };
	w.iov[3] = (struct iovec){ &w.len, sizeof w.len };
	if (content_cache_mkdir(path)) {
		struct stat sb;
		/* Written whole from memory: no need to hash it when read. */
		if (util_write_file(AT_FDCWD, path, w.iov, (int)w.niov, 0600,
		    0) == 0 && stat(path, &sb) == 0)
			content_cache_vouch(path, &sb);
	}
	free(w.iov);
	free(path);
}

struct search_cache_r {
	char		*p, *end;
	bool		 bad;
	bool		 check;		/* hash what is read into hash */
	uint64_t	 hash;
};

static uint64_t
search_cache_get_u64(struct search_cache_r *r)
{
	uint64_t v = 0;

	if (r->bad || (size_t)(r->end - r->p) < sizeof v) {
		r->bad = true;
		return 0;
	}
	memcpy(&v, r->p, sizeof v);
	if (r->check)
		r->hash = content_hash(r->hash, r->p, sizeof v);
	r->p += sizeof v;
	return v;
}

/* n elements of size bytes, in place; the next array starts 8-aligned. */
static void *
search_cache_get(struct search_cache_r *r, uint64_t n, size_t size)
{
	size_t bytes, padded;
	void *v = r->p;

	if (r->bad || n > (uint64_t)(r->end - r->p) / size) {
		r->bad = true;
		return NULL;
	}
	bytes = (size_t)n * size;
	padded = (bytes + 7) / 8 * 8;
	if (padded > (size_t)(r->end - r->p)) {
		r->bad = true;
		return NULL;
	}
	if (r->check) {
		r->hash = content_hash(r->hash, r->p, bytes);
		if (padded > bytes)
			r->hash = content_hash(r->hash, r->p + bytes,
			    padded - bytes);
	}
	r->p += padded;
	return v;
}

static bool
search_hay_load(struct search_index *idx, struct search_hay *h)
{
	char *path, *blob, want[64];
	size_t flen, nu, nbi;
	uint64_t key, hash, plen, len, nsegs, ubits, bbits;
	struct search_cache_r r;
	struct stat sb;
	const size_t head = 64 + 24;

	if ((path = content_cache_file(idx->c, "index")) == NULL)
		return false;
	/* Mapped, not read: the pages of the file are used as they are in
	 * the page cache (a copy into fresh memory was most of the cost). */
	blob = (char *)util_map_file_stat(path, CONTENT_CACHE_MAX, &flen, &sb);
	if (blob == NULL) {
		free(path);
		return false;
	}
	memset(h, 0, sizeof *h);
	if (flen < head || strcmp(blob, search_cache_magic(want,
	    sizeof want)) != 0)
		goto bad;
	memcpy(&key, blob + 64, 8);
	memcpy(&hash, blob + 72, 8);
	memcpy(&plen, blob + 80, 8);
	/* The payload's hash is checked once per file (content-snap.h):
	 * at 100x it is hundreds of megabytes that a query does not read. */
	if (key != idx->c->key || plen != flen - head)
		goto bad;
	r.p = blob + head;
	r.end = blob + flen;
	r.bad = false;
	r.check = !content_cache_vouched(path, &sb);
	r.hash = 0;
	if (search_cache_get_u64(&r) != idx->nfields ||
	    search_cache_get_u64(&r) != search_fields_total(idx))
		goto bad;
	len = search_cache_get_u64(&r);
	nsegs = search_cache_get_u64(&r);
	ubits = search_cache_get_u64(&r);
	bbits = search_cache_get_u64(&r);
	if (r.bad || ubits > 22 || bbits > 22 || len == 0 ||
	    len >= UINT32_MAX / 2)
		goto bad;
	nu = (size_t)1 << ubits;
	nbi = (size_t)1 << bbits;
	h->len = (size_t)len;
	h->nsegs = (size_t)nsegs;
	h->uni.bits = (unsigned)ubits;
	h->bi.bits = (unsigned)bbits;
	h->s = search_cache_get(&r, len, 1);
	h->foff = search_cache_get(&r, idx->nfields + 1, sizeof *h->foff);
	h->fseg = search_cache_get(&r, idx->nfields + 1, sizeof *h->fseg);
	h->segn = search_cache_get(&r, nsegs, sizeof *h->segn);
	h->sego = search_cache_get(&r, nsegs, sizeof *h->sego);
	h->sege = search_cache_get(&r, nsegs, sizeof *h->sege);
	h->uni.start = search_cache_get(&r, nu + 1, sizeof *h->uni.start);
	if (r.bad)
		goto bad;
	h->uni.post = search_cache_get(&r, (uint64_t)h->uni.start[nu] + 1,
	    sizeof *h->uni.post);
	h->bi.start = search_cache_get(&r, nbi + 1, sizeof *h->bi.start);
	if (r.bad)
		goto bad;
	h->bi.post = search_cache_get(&r, (uint64_t)h->bi.start[nbi] + 1,
	    sizeof *h->bi.post);
	/* The writer was this very code (the hash says so); these are the
	 * invariants a query relies on. */
	if (r.bad || r.p != r.end || h->s[len - 1] != '\0' ||
	    h->foff[idx->nfields] != len || h->fseg[idx->nfields] != nsegs)
		goto bad;
	if (r.check) {
		/* Each array was hashed as it was read: only a whole
		 * payload gets here. */
		if (r.hash != hash)
			goto bad;
		content_cache_vouch(path, &sb);
	}
	free(path);
	path = NULL;
	h->blob = blob;
	h->bloblen = flen;
	return true;
bad:
	free(path);
	util_unmap_file(blob, flen);
	memset(h, 0, sizeof *h);
	return false;
}

struct search_index *
search_index_build(const struct content *c)
{
	struct search_index *idx = xcalloc(1, sizeof *idx);
	struct search_collect sc = { .idx = idx };
	size_t i;

	idx->c = c;
	idx->nents = c->nentities;
	idx->ents = xcalloc(c->nentities + 1, sizeof *idx->ents);
	for (i = 0; i < c->nentities; i++) {
		idx->ents[i].e = c->entities[i];
		idx->ents[i].first = (uint32_t)idx->nfields;
		sc.ent = (uint32_t)i;
		sc.no = 0;
		search_fields(c->entities[i], search_collect_field, &sc);
		idx->ents[i].n = (uint32_t)idx->nfields - idx->ents[i].first;
	}
	if (!search_hay_load(idx, &idx->plain)) {
		/* One process builds the index; others wait, then map it
		 * (content-snap.h). */
		char *path = content_cache_file(c, "index");
		bool waited = false;
		int lock = path != NULL ? content_cache_lock(path, &waited) : -1;
		if (!waited || !search_hay_load(idx, &idx->plain)) {
			search_hay_build(idx, SEARCH_NORM, &idx->plain);
			search_hay_save(idx, &idx->plain);
		}
		content_cache_unlock(lock);
		free(path);
	}
	return idx;
}

void
search_index_free(struct search_index *idx)
{
	size_t i;

	if (idx == NULL)
		return;
	search_hay_free(&idx->plain);
	search_hay_free(&idx->era);
	for (i = 0; i < idx->nvocab; i++) {
		text_norm_free(&idx->vocab[i].tn);
		free(idx->vocab[i].cl);
		free(idx->vocab[i].bnd);
	}
	free(idx->vocab);
	free(idx->fields);
	free(idx->ents);
	free(idx);
}

static const struct search_hay *
search_hay_for(struct search_index *idx, bool era)
{
	if (!era)
		return &idx->plain;
	if (!idx->era_built) {
		search_hay_build(idx, SEARCH_NORM | TEXT_NORM_ERA, &idx->era);
		idx->era_built = true;
	}
	return &idx->era;
}

const char *
search_index_text(struct search_index *idx, bool era, size_t *len)
{
	const struct search_hay *h = search_hay_for(idx, era);

	*len = h->len;
	return h->s;
}

/* ---- offset maps ---- */

/* The segment of field f that holds normalised offset n. */
static size_t
search_seg_at(const struct search_hay *h, size_t f, size_t n)
{
	size_t lo = h->fseg[f], hi = h->fseg[f + 1];

	/* Last segment with segn <= n; the first one starts at 0 or at the
	 * first character. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (h->segn[mid] <= n)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Map normalised bytes [a, b) of field f (character boundaries, a < b),
 * whose last character starts at p, to original bytes [*oa, *ob): from
 * where the first character comes from to where the last one's comes
 * from ends. */
static void
search_span(const struct search_hay *h, size_t f, size_t a, size_t b,
    size_t p, size_t *oa, size_t *ob)
{
	size_t k, next;

	k = search_seg_at(h, f, a);
	*oa = h->sego[k] + (a - h->segn[k]);
	k = search_seg_at(h, f, p);
	next = k + 1 < h->fseg[f + 1] ? h->segn[k + 1] : SIZE_MAX;
	if (b >= next || b >= h->foff[f + 1] - 1 - h->foff[f])
		*ob = h->sege[k];
	else
		*ob = h->sego[k] + (b - h->segn[k]);
	if (*ob < *oa)
		*ob = *oa;
}

/* ---- word boundaries ---- */

enum search_class {
	SEARCH_CLASS_OTHER,	/* punctuation, space, symbols: a boundary */
	SEARCH_CLASS_ALNUM,
	SEARCH_CLASS_HIRA,
	SEARCH_CLASS_KATA,
	SEARCH_CLASS_HAN
};

static enum search_class
search_class(uint32_t c)
{
	if (c < 0x80) {
		if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
		    (c >= 'a' && c <= 'z'))
			return SEARCH_CLASS_ALNUM;
		return SEARCH_CLASS_OTHER;
	}
	if ((c >= 0xc0 && c <= 0x24f && c != 0xd7 && c != 0xf7) ||
	    (c >= 0x370 && c <= 0x52f) ||
	    (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) ||
	    (c >= 0xff41 && c <= 0xff5a))
		return SEARCH_CLASS_ALNUM;
	if (c >= 0x3041 && c <= 0x309f)
		return SEARCH_CLASS_HIRA;
	if ((c >= 0x30a1 && c <= 0x30ff && c != 0x30fb) ||
	    (c >= 0x31f0 && c <= 0x31ff) || (c >= 0xff66 && c <= 0xff9f))
		return SEARCH_CLASS_KATA;
	if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0x2e80 && c <= 0x2fdf) ||
	    (c >= 0x3005 && c <= 0x3007) || (c >= 0x20000 && c <= 0x3ffff))
		return SEARCH_CLASS_HAN;
	return SEARCH_CLASS_OTHER;
}

/* Whether the position between x and y is a word boundary. */
static bool
search_boundary(uint32_t x, uint32_t y)
{
	enum search_class a = search_class(x), b = search_class(y);

	return a == SEARCH_CLASS_OTHER || b == SEARCH_CLASS_OTHER || a != b;
}

/* 2: [a, b) is the whole of s[0, len); 1: a whole word; 0: part of one. */
static int
search_wholeness(const char *s, size_t len, size_t a, size_t b)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t x, y;
	size_t p;

	if (a == 0 && b == len)
		return 2;
	if (a > 0) {
		p = a - 1;
		while (p > 0 && text_utf8_cont(u[p]))
			p--;
		text_utf8_decode(s + p, a - p, &x);
		text_utf8_decode(s + a, len - a, &y);
		if (!search_boundary(x, y))
			return 0;
	}
	if (b < len) {
		p = b - 1;
		while (p > a && text_utf8_cont(u[p]))
			p--;
		text_utf8_decode(s + p, b - p, &x);
		text_utf8_decode(s + b, len - b, &y);
		if (!search_boundary(x, y))
			return 0;
	}
	return 1;
}

/* ---- ranking ---- */

static int
search_tier(enum search_field_kind k)
{
	switch (k) {
	case SEARCH_FIELD_TITLE:
		return 3;
	case SEARCH_FIELD_TITLE_EN:
	case SEARCH_FIELD_ALIAS:
	case SEARCH_FIELD_EXPANSION:
		return 2;
	case SEARCH_FIELD_ID:
	case SEARCH_FIELD_VALUE:
		return 1;
	case SEARCH_FIELD_BODY:
	case SEARCH_FIELD_NOTE:
	case SEARCH_FIELD_KIND_COUNT:
		break;
	}
	return 0;
}

/* The rank of one match: where, then how. */
static int
search_match_rank(enum search_field_kind k, int whole)
{
	return search_tier(k) * 3 + whole;
}

/* The ranking rules (search.h, hms(1)), packed into one score so that
 * higher is better: the tier in the top bits, then the kind of entity,
 * then how well the terms matched (rank_sum and the finer type rank);
 * equal scores go in document order (search_cmp_hits). */
enum search_tier {
	SEARCH_TIER_TEXT,		/* the terms occur somewhere */
	SEARCH_TIER_TITLE_TERMS,	/* every term occurs in the title */
	SEARCH_TIER_TITLE_PREFIX,	/* the title starts with the query */
	SEARCH_TIER_NAME		/* the query is a title or an alias */
};

static int
search_score(enum search_tier tier, int rank_sum, const struct content_entity *e)
{
	int fine = rank_sum * 8 + content_type_desc(e->type)->search_rank;

	if (fine > 0x3ffff)
		fine = 0x3ffff;
	return ((int)tier << 20) | (content_type_desc(e->type)->search_group << 18) | fine;
}

/* Whether a field of this kind names its entity (for the first tier). */
static bool
search_is_name(enum search_field_kind k)
{
	return k == SEARCH_FIELD_TITLE || k == SEARCH_FIELD_TITLE_EN ||
	    k == SEARCH_FIELD_ALIAS || k == SEARCH_FIELD_EXPANSION;
}

static bool
search_is_title(enum search_field_kind k)
{
	return k == SEARCH_FIELD_TITLE || k == SEARCH_FIELD_TITLE_EN;
}

/* What hits are sorted by, copied out of them: comparing the hits
 * themselves followed each one's entity pointer, a cache miss per
 * comparison with tens of thousands of hits. */
struct search_hit_key {
	int		score;
	uint32_t	index;		/* the entity's */
	uint32_t	at;		/* the hit's position before sorting */
};

static int
search_cmp_hit_keys(const void *a, const void *b)
{
	const struct search_hit_key *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static int
search_cmp_matches(const void *a, const void *b)
{
	const struct search_match *x = a, *y = b;

	if (x->field != y->field)
		return x->field < y->field ? -1 : 1;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return x->len < y->len ? -1 : x->len > y->len;
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

/* ---- sessions ---- */

struct search_term {
	char		*s;		/* normalised */
	size_t		 len;
	size_t		 koff;		/* offset of its rarest pair (or of its
					   only character) in s */
	size_t		 last;		/* where its last character starts */
	const uint32_t	*pb;		/* that pair's postings */
	const uint32_t	*pe;
	size_t		 est;		/* pe - pb */
};

struct search_session {
	struct search_index	*idx;
	struct search_results	 res;
	/* The results before the run in progress: a run fills res after
	 * swapping the two, and a failed run swaps them back, so that the
	 * last results stay whole (and the hits a caller still points at). */
	struct search_results	 prev;
	size_t			 nmpool;
	size_t			*moff;		/* per hit: start in mpool */
	size_t			 moffcap;
	uint32_t		*cand;		/* candidate entities */
	size_t			 candcap;
	uint32_t		*occ;		/* occurrences of a term */
	size_t			 occcap;
	/* The occurrences of the rarest term in all the haystack, found
	 * once: candidate i's are occ0[cocc[2i] .. cocc[2i + 1]). */
	uint32_t		*occ0;
	size_t			 occ0cap;
	uint32_t		*cocc;
	size_t			 cocccap;
	struct search_hit_key	*keys;		/* for sorting the hits */
	size_t			 keycap;
	struct search_term	*terms;
	size_t			 termcap;
	size_t			*order;
	size_t			 ordercap;
	/* PCRE2, made on the first regex query. */
	pcre2_match_context	*mc;
	pcre2_jit_stack		*jit_stack;
	pcre2_match_data	*md;
	unsigned long		 work;		/* callouts left in this query:
						   the callout's argument */
	char			*whole;		/* the plain query folded whole */
	size_t			 wlen;
};

struct search_session *
search_session_create(struct search_index *idx)
{
	struct search_session *s = xcalloc(1, sizeof *s);

	s->idx = idx;
	return s;
}

static void
search_session_reset(struct search_session *s)
{
	s->res.nhits = 0;
	s->nmpool = 0;
}

void
search_session_free(struct search_session *s)
{
	if (s == NULL)
		return;
	free(s->res.hits);
	free(s->res.mpool);
	free(s->prev.hits);
	free(s->prev.mpool);
	free(s->moff);
	free(s->cand);
	free(s->occ);
	free(s->occ0);
	free(s->cocc);
	free(s->keys);
	free(s->terms);
	free(s->order);
	free(s->whole);
	if (s->md != NULL)
		pcre2_match_data_free(s->md);
	if (s->mc != NULL)
		pcre2_match_context_free(s->mc);
	if (s->jit_stack != NULL)
		pcre2_jit_stack_free(s->jit_stack);
	free(s);
}

/* Start a hit; its matches follow with search_add_match. */
static void
search_add_hit(struct search_session *s, struct content_entity *e)
{
	struct search_results *r = &s->res;

	util_grow(&r->hits, &r->hcap, r->nhits + 1, sizeof *r->hits);
	if (s->moffcap < r->hcap) {
		s->moff = xreallocarray(s->moff, r->hcap, sizeof *s->moff);
		s->moffcap = r->hcap;
	}
	r->hits[r->nhits].entity = e;
	r->hits[r->nhits].score = 0;
	r->hits[r->nhits].matches = NULL;
	r->hits[r->nhits].nmatches = 0;
	s->moff[r->nhits] = s->nmpool;
	r->nhits++;
}

static void
search_add_match(struct search_session *s, size_t field, size_t off,
    size_t len)
{
	struct search_results *r = &s->res;
	struct search_match *m;

	util_grow(&r->mpool, &r->mcap, s->nmpool + 1, sizeof *r->mpool);
	m = &r->mpool[s->nmpool++];
	m->field = field;
	m->off = off;
	m->len = len;
	r->hits[r->nhits - 1].nmatches++;
}

/* Sort and deduplicate the matches of the last hit. */
static void
search_end_hit(struct search_session *s)
{
	struct search_results *r = &s->res;
	struct search_hit *h = &r->hits[r->nhits - 1];
	struct search_match *m = r->mpool + s->moff[r->nhits - 1];
	size_t i, n = 0;

	if (h->nmatches > 1)
		qsort(m, h->nmatches, sizeof *m, search_cmp_matches);
	for (i = 0; i < h->nmatches; i++) {
		if (n > 0 && search_cmp_matches(&m[n - 1], &m[i]) == 0)
			continue;
		m[n++] = m[i];
	}
	s->nmpool -= h->nmatches - n;
	h->nmatches = n;
}

/* Point the hits at their matches (the pool no longer moves), then rank. */
static void
search_finish(struct search_session *s)
{
	struct search_results *r = &s->res;
	size_t i, cap;

	for (i = 0; i < r->nhits; i++)
		r->hits[i].matches = r->mpool + s->moff[i];
	if (r->nhits > 1) {
		struct search_hit_key *k;
		struct search_hit *sorted;
		util_grow(&s->keys, &s->keycap, r->nhits, sizeof *s->keys);
		util_grow(&s->prev.hits, &s->prev.hcap, r->nhits,
		    sizeof *s->prev.hits);
		k = s->keys;
		for (i = 0; i < r->nhits; i++) {
			k[i].score = r->hits[i].score;
			k[i].index = (uint32_t)r->hits[i].entity->index;
			k[i].at = (uint32_t)i;
		}
		qsort(k, r->nhits, sizeof *k, search_cmp_hit_keys);
		/* The spare buffer's hits array takes the sorted order;
		 * the two arrays change places. */
		sorted = s->prev.hits;
		for (i = 0; i < r->nhits; i++)
			sorted[i] = r->hits[k[i].at];
		s->prev.hits = r->hits;
		r->hits = sorted;
		cap = s->prev.hcap;
		s->prev.hcap = r->hcap;
		r->hcap = cap;
	}
}

/* ---- plain queries ---- */

static bool
search_is_quote(const char *p, size_t *n)
{
	if (*p == '"') {
		*n = 1;
		return true;
	}
	if (strncmp(p, "\xef\xbc\x82", 3) == 0) {	/* U+FF02 ＂ */
		*n = 3;
		return true;
	}
	return false;
}

static size_t
search_is_sep(const char *p)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		return 1;
	if (strncmp(p, "\xe3\x80\x80", 3) == 0)		/* U+3000 */
		return 3;
	return 0;
}

/* Normalise one term as the haystack is: white space runs become one
 * space, none at the ends. */
static char *
search_norm_term(const char *s, size_t len, bool era)
{
	char *t = text_normalize_str(s, len, SEARCH_NORM |
	    (era ? TEXT_NORM_ERA : 0));
	size_t i, n = 0;
	bool space = false;

	for (i = 0; t[i] != '\0'; i++) {
		if (search_is_space((unsigned char)t[i])) {
			space = true;
			continue;
		}
		if (space && n > 0)
			t[n++] = ' ';
		space = false;
		t[n++] = t[i];
	}
	t[n] = '\0';
	return t;
}

/* One term of a query as typed: bytes [start, start + len) of it. */
struct search_piece {
	const char	*start;
	size_t		 len;
	bool		 quoted;
};

/* Split a query as search_query_terms does, without normalising: white
 * space separates terms, quotes (" or ＂) make a phrase one term.
 * Returns the number of pieces, in a new array in *pieces (caller frees). */
static size_t
search_query_split(const char *q, struct search_piece **pieces)
{
	struct search_piece *v = NULL;
	size_t n = 0, cap = 0, k;
	const char *p = q, *start, *end;
	bool quoted;

	while (*p != '\0') {
		while ((k = search_is_sep(p)) > 0)
			p += k;
		if (*p == '\0')
			break;
		quoted = search_is_quote(p, &k);
		if (quoted)
			p += k;
		start = p;
		if (quoted) {
			while (*p != '\0' && !search_is_quote(p, &k))
				p++;
			end = p;
			if (*p != '\0')
				p += k;
		} else {
			while (*p != '\0' && search_is_sep(p) == 0 &&
			    !search_is_quote(p, &k))
				p++;
			end = p;
		}
		if (end > start) {
			util_grow(&v, &cap, n + 1, sizeof *v);
			v[n].start = start;
			v[n].len = (size_t)(end - start);
			v[n].quoted = quoted;
			n++;
		}
	}
	*pieces = v;
	return n;
}

size_t
search_query_terms(const char *q, bool era, char ***termsp)
{
	struct search_piece *pc;
	char **terms;
	size_t n = 0, np, i;

	np = search_query_split(q, &pc);
	terms = xcalloc(np + 1, sizeof *terms);
	for (i = 0; i < np; i++) {
		terms[n] = search_norm_term(pc[i].start, pc[i].len, era);
		if (terms[n][0] == '\0')
			free(terms[n]);
		else
			n++;
	}
	terms[n] = NULL;
	free(pc);
	*termsp = terms;
	return n;
}

struct search_finder {
	char	**terms;
	size_t	  nterms;
};

struct search_finder *
search_finder_create(const char *query)
{
	struct search_finder *f;
	char **terms;
	size_t n;

	n = search_query_terms(query, false, &terms);
	if (n == 0) {
		free(terms);
		return NULL;
	}
	f = xcalloc(1, sizeof *f);
	f->terms = terms;
	f->nterms = n;
	return f;
}

void
search_finder_free(struct search_finder *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->nterms; i++)
		free(f->terms[i]);
	free(f->terms);
	free(f);
}

static int
search_range_cmp(const void *a, const void *b)
{
	const struct search_range *x = a, *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return x->len < y->len ? 1 : x->len > y->len ? -1 : 0;
}

size_t
search_finder_run(const struct search_finder *f, const char *text,
    size_t len, struct search_range **out)
{
	struct text_norm tn;
	struct search_range *r = NULL;
	size_t n = 0, cap = 0, i, k, tl, oa, ob;
	const char *p, *q;

	*out = NULL;
	if (f == NULL || len == 0)
		return 0;
	/* The text is folded as the index folds a field (SEARCH_NORM), so
	 * the page finds what the content search finds. */
	text_normalize(text, len, SEARCH_NORM, &tn);
	for (i = 0; i < f->nterms; i++) {
		tl = strlen(f->terms[i]);
		for (p = tn.s; (q = strstr(p, f->terms[i])) != NULL; p = q + tl) {
			text_norm_span(&tn, (size_t)(q - tn.s),
			    (size_t)(q - tn.s) + tl, &oa, &ob);
			if (ob <= oa)
				continue;
			util_grow(&r, &cap, n + 1, sizeof *r);
			r[n].off = oa;
			r[n].len = ob - oa;
			n++;
		}
	}
	text_norm_free(&tn);
	/* In order; two terms that overlap make one range. */
	if (n > 1)
		qsort(r, n, sizeof *r, search_range_cmp);
	for (i = 0, k = 0; i < n; i++) {
		if (k > 0 && r[i].off < r[k - 1].off + r[k - 1].len) {
			if (r[i].off + r[i].len > r[k - 1].off + r[k - 1].len)
				r[k - 1].len = r[i].off + r[i].len -
				    r[k - 1].off;
			continue;
		}
		r[k++] = r[i];
	}
	if (k == 0) {
		free(r);
		r = NULL;
	}
	*out = r;
	return k;
}

/* Choose the rarest character pair of t to look it up by (its character
 * when it has only one). */
static void
search_term_plan(const struct search_hay *h, struct search_term *t)
{
	const unsigned char *u = (const unsigned char *)t->s;
	const struct search_postings *p;
	size_t i, n1, est;
	uint32_t a, b, key;

	t->koff = 0;
	n1 = text_utf8_decode_valid(u, &a);
	if (n1 >= t->len) {
		p = &h->uni;
		key = search_key(0, a, p->bits);
		t->pb = p->post + p->start[key];
		t->pe = p->post + p->start[key + 1];
		t->est = (size_t)(t->pe - t->pb);
		return;
	}
	p = &h->bi;
	t->est = SIZE_MAX;
	for (i = 0; i < t->len; i += n1) {
		n1 = text_utf8_decode_valid(u + i, &a);
		if (i + n1 >= t->len)
			break;
		text_utf8_decode_valid(u + i + n1, &b);
		key = search_key(a, b, p->bits);
		est = p->start[key + 1] - p->start[key];
		if (est < t->est) {
			t->est = est;
			t->koff = i;
			t->pb = p->post + p->start[key];
			t->pe = p->post + p->start[key + 1];
		}
	}
}

/* Append to s->occ, from index n, the haystack offsets of the
 * occurrences of t that lie wholly in [lo, hi), leftmost first and not
 * overlapping; only the first when first_only.  Returns the new count. */
static size_t
search_term_find(struct search_session *s, const struct search_hay *h,
    const struct search_term *t, size_t lo, size_t hi, size_t n,
    bool first_only)
{
	const uint32_t *b = t->pb, *e = t->pe;
	size_t last_end = lo, want = lo + t->koff, cand;

	if (hi - lo < t->len)
		return n;
	/* First posting at or after lo + koff. */
	while (b < e) {
		const uint32_t *mid = b + (e - b) / 2;
		if (*mid < want)
			b = mid + 1;
		else
			e = mid;
	}
	for (e = t->pe; b < e; b++) {
		cand = *b - t->koff;
		if (cand + t->len > hi)
			break;
		if (cand < last_end)
			continue;
		if (memcmp(h->s + cand, t->s, t->len) != 0)
			continue;
		util_grow(&s->occ, &s->occcap, n + 1, sizeof *s->occ);
		s->occ[n++] = (uint32_t)cand;
		if (first_only)
			break;
		last_end = cand + t->len;
	}
	return n;
}

/* The field that holds haystack offset pos, knowing it is field f or a
 * later one: occurrences come in order, so each lookup starts where the
 * last one ended, galloping. */
static size_t
search_field_from(const struct search_hay *h, size_t nfields, size_t f,
    size_t pos)
{
	size_t step = 1, lo = f, hi;

	if (f + 1 >= nfields || h->foff[f + 1] > pos)
		return f;
	while (lo + step < nfields && h->foff[lo + step] <= pos) {
		lo += step;
		step *= 2;
	}
	hi = HMS_MIN(lo + step, nfields);
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (h->foff[mid] <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static size_t
search_ent_lo(const struct search_index *idx, const struct search_hay *h,
    size_t ent)
{
	return h->foff[idx->ents[ent].first];
}

static size_t
search_ent_hi(const struct search_index *idx, const struct search_hay *h,
    size_t ent)
{
	return h->foff[idx->ents[ent].first + idx->ents[ent].n];
}

/* Collect and score every match of every term in entity ent, candidate
 * number c (whose occurrences of the rarest term were found already). */
static void
search_plain_hit(struct search_session *s, const struct search_hay *h,
    size_t ent, size_t c, size_t nterms)
{
	const struct search_index *idx = s->idx;
	const struct search_ient *ie = &idx->ents[ent];
	size_t lo = search_ent_lo(idx, h, ent), hi = search_ent_hi(idx, h, ent);
	size_t t, i, n, f, a, oa, ob, intitle = 0;
	int best, rank, sum = 0, whole;
	enum search_tier tier = SEARCH_TIER_TEXT;
	bool tt;

	search_add_hit(s, ie->e);
	for (t = 0; t < nterms; t++) {
		const struct search_term *term = &s->terms[t];
		const uint32_t *occ;
		if (t == s->order[0]) {
			occ = s->occ0 + s->cocc[2 * c];
			n = s->cocc[2 * c + 1] - s->cocc[2 * c];
		} else {
			n = search_term_find(s, h, term, lo, hi, 0, false);
			occ = s->occ;
		}
		best = 0;
		tt = false;
		f = ie->first;
		for (i = 0; i < n; i++) {
			const struct search_ifield *x;
			while (f + 1 < ie->first + ie->n && h->foff[f + 1] <= occ[i])
				f++;
			x = &idx->fields[f];
			a = occ[i] - h->foff[f];
			/* The match is the term: where its last character
			 * starts is known without reading the haystack. */
			search_span(h, f, a, a + term->len, a + term->last,
			    &oa, &ob);
			/* Only the best rank counts: a match whose rank
			 * cannot beat it (2, the whole field, needs all of
			 * it) is not looked at further. */
			rank = search_match_rank(x->kind,
			    oa == 0 && ob == x->olen ? 2 : 1);
			if (rank > best) {
				whole = search_wholeness(x->orig, x->olen, oa,
				    ob);
				rank = search_match_rank(x->kind, whole);
				if (rank > best)
					best = rank;
			}
			if (search_is_title(x->kind))
				tt = true;
			search_add_match(s, x->no, oa, ob - oa);
		}
		sum += best;
		intitle += tt;
	}
	if (intitle == nterms)
		tier = SEARCH_TIER_TITLE_TERMS;
	/* The whole query against each name, as folded in the haystack. */
	for (f = ie->first; f < ie->first + ie->n && s->wlen > 0; f++) {
		const struct search_ifield *x = &idx->fields[f];
		const char *fs = h->s + h->foff[f];
		size_t fl = h->foff[f + 1] - 1 - h->foff[f];
		if (search_is_name(x->kind) && fl == s->wlen &&
		    memcmp(fs, s->whole, fl) == 0) {
			tier = SEARCH_TIER_NAME;
			break;
		}
		if (search_is_title(x->kind) && fl > s->wlen &&
		    memcmp(fs, s->whole, s->wlen) == 0)
			tier = SEARCH_TIER_TITLE_PREFIX;
	}
	s->res.hits[s->res.nhits - 1].score = search_score(tier, sum, ie->e);
	search_end_hit(s);
}

/* The whole query as one folded phrase (its terms in order, quotes
 * dropped), for the first two tiers: "FIH 施設" is fih施設, as a title
 * FIH施設 is folded. */
static void
search_query_whole(struct search_session *s, const char *query, bool era)
{
	struct search_piece *pc;
	struct buf b;
	size_t np, i;

	np = search_query_split(query, &pc);
	buf_init(&b);
	for (i = 0; i < np; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		buf_add(&b, pc[i].start, pc[i].len);
	}
	free(pc);
	free(s->whole);
	s->whole = search_norm_term(b.data != NULL ? b.data : "", b.len, era);
	s->wlen = strlen(s->whole);
	buf_free(&b);
}

static int
search_plain(struct search_session *s, const char *query,
    const struct search_opts *o)
{
	struct search_index *idx = s->idx;
	const struct search_hay *h = search_hay_for(idx, o->era);
	char **raw;
	size_t nterms, t, i, n, ncand, keep, ent, hi, f, tcap;
	uint32_t *tmp;
	int rc = 0;

	nterms = search_query_terms(query, o->era, &raw);
	if (nterms == 0)
		goto out;
	search_query_whole(s, query, o->era);
	util_grow(&s->terms, &s->termcap, nterms, sizeof *s->terms);
	util_grow(&s->order, &s->ordercap, nterms, sizeof *s->order);
	for (t = 0; t < nterms; t++) {
		s->terms[t].s = raw[t];
		s->terms[t].len = strlen(raw[t]);
		s->terms[t].last = s->terms[t].len - 1;
		while (s->terms[t].last > 0 && text_utf8_cont(
		    (unsigned char)raw[t][s->terms[t].last]))
			s->terms[t].last--;
		search_term_plan(h, &s->terms[t]);
		s->order[t] = t;
	}
	/* Rarest term first (insertion sort: queries are short). */
	for (t = 1; t < nterms; t++) {
		size_t x = s->order[t], j = t;
		while (j > 0 && s->terms[s->order[j - 1]].est > s->terms[x].est) {
			s->order[j] = s->order[j - 1];
			j--;
		}
		s->order[j] = x;
	}

	/* The entities that hold the rarest term (its occurrences kept for
	 * scoring: they are not looked for again)... */
	n = search_term_find(s, h, &s->terms[s->order[0]], 0, h->len, 0, false);
	tmp = s->occ;
	s->occ = s->occ0;
	s->occ0 = tmp;
	tcap = s->occcap;
	s->occcap = s->occ0cap;
	s->occ0cap = tcap;
	ncand = 0;
	f = 0;
	for (i = 0; i < n;) {
		size_t first = i;
		f = search_field_from(h, idx->nfields, f, s->occ0[i]);
		ent = idx->fields[f].ent;
		hi = search_ent_hi(idx, h, ent);
		while (i < n && s->occ0[i] < hi)
			i++;
		if (search_entity_ok(idx->ents[ent].e, o)) {
			util_grow(&s->cand, &s->candcap, ncand + 1,
			    sizeof *s->cand);
			util_grow(&s->cocc, &s->cocccap, 2 * ncand + 2,
			    sizeof *s->cocc);
			s->cocc[2 * ncand] = (uint32_t)first;
			s->cocc[2 * ncand + 1] = (uint32_t)i;
			s->cand[ncand++] = (uint32_t)ent;
		}
	}
	/* ...and every other term. */
	for (t = 1; t < nterms && ncand > 0; t++) {
		const struct search_term *term = &s->terms[s->order[t]];
		keep = 0;
		for (i = 0; i < ncand; i++) {
			ent = s->cand[i];
			if (search_term_find(s, h, term, search_ent_lo(idx, h, ent),
			    search_ent_hi(idx, h, ent), 0, true) > 0) {
				s->cocc[2 * keep] = s->cocc[2 * i];
				s->cocc[2 * keep + 1] = s->cocc[2 * i + 1];
				s->cand[keep++] = (uint32_t)ent;
			}
		}
		ncand = keep;
	}
	for (i = 0; i < ncand; i++)
		search_plain_hit(s, h, s->cand[i], i, nterms);
out:
	for (t = 0; t < nterms; t++)
		free(raw[t]);
	free(raw);
	return rc;
}

/* ---- near misses ---- */

/* Cluster offsets of s[0..len): n + 1 of them, in a new array. */
static uint32_t *
search_clusters(const char *s, size_t len, size_t *n)
{
	uint32_t *v = NULL;
	size_t cap = 0, k = 0, off = 0;

	util_grow(&v, &cap, 1, sizeof *v);
	while (off < len) {
		v[k++] = (uint32_t)off;
		util_grow(&v, &cap, k + 1, sizeof *v);
		off = text_cluster_end(s, len, off);
	}
	v[k] = (uint32_t)len;
	*n = k;
	return v;
}

/* Where a part of a name may begin or end: at either end, and between
 * two clusters whose original characters differ in script (the fold made
 * katakana hiragana, so the original decides), or that the fold brought
 * together (a ・ or space dropped between them), or next to punctuation.
 * So パンデミック and 対策 are parts of パンデミック対策の推進, and ドラッグ
 * is not a part of ドラッグラグ. */
static void
search_vocab_bounds(const struct search_ifield *x, struct search_vword *w)
{
	size_t j;
	uint32_t a, b;

	w->bnd = xcalloc(w->ncl + 1, sizeof *w->bnd);
	w->bnd[0] = true;
	w->bnd[w->ncl] = true;
	for (j = 1; j < w->ncl; j++) {
		size_t pa = w->tn.map[w->cl[j - 1]], pb = w->tn.map[w->cl[j]];
		if (pb != w->tn.end[w->cl[j] - 1]) {
			w->bnd[j] = true;
			continue;
		}
		text_utf8_decode(x->orig + pa, x->olen - pa, &a);
		text_utf8_decode(x->orig + pb, x->olen - pb, &b);
		w->bnd[j] = search_boundary(a, b);
	}
}

static void
search_vocab_build(struct search_index *idx)
{
	size_t f, cap = 0;

	idx->vocab_built = true;
	for (f = 0; f < idx->nfields; f++) {
		const struct search_ifield *x = &idx->fields[f];
		struct search_vword *w;
		if (x->kind != SEARCH_FIELD_TITLE &&
		    x->kind != SEARCH_FIELD_TITLE_EN &&
		    x->kind != SEARCH_FIELD_ALIAS &&
		    x->kind != SEARCH_FIELD_EXPANSION)
			continue;
		util_grow(&idx->vocab, &cap, idx->nvocab + 1,
		    sizeof *idx->vocab);
		w = &idx->vocab[idx->nvocab++];
		w->field = (uint32_t)f;
		text_normalize(x->orig, x->olen, SEARCH_NORM, &w->tn);
		w->cl = search_clusters(w->tn.s, w->tn.len, &w->ncl);
		search_vocab_bounds(x, w);
	}
}

/* The edit distance (insert, delete or replace one grapheme cluster) from
 * the term q, clusters qc[0..m), to the closest part of w, and that part as
 * folded bytes [*a, *b) of w.  Ties go to the shorter part. */
unsigned long search_near_cells;

static size_t
search_near_part(const char *q, const uint32_t *qc, size_t m,
    const struct search_vword *w, size_t *a, size_t *b, size_t *dp)
{
	size_t n = w->ncl, i, j, best = SIZE_MAX, bj = 0;
	size_t *prev = dp, *cur = dp + 2 * (n + 1);
	size_t *pst = dp + (n + 1), *cst = dp + 3 * (n + 1), *t;

	search_near_cells += (unsigned long)m * (n + 1);

	*a = 0;
	for (j = 0; j <= n; j++) {
		prev[j] = 0;		/* a part may start anywhere */
		pst[j] = j;
	}
	for (i = 1; i <= m; i++) {
		const char *qs = q + qc[i - 1];
		size_t ql = qc[i] - qc[i - 1];
		cur[0] = i;
		cst[0] = 0;
		for (j = 1; j <= n; j++) {
			const char *vs = w->tn.s + w->cl[j - 1];
			size_t vl = w->cl[j] - w->cl[j - 1];
			size_t d = prev[j - 1] + !(ql == vl &&
			    memcmp(qs, vs, ql) == 0), st = pst[j - 1];
			if (prev[j] + 1 < d) {
				d = prev[j] + 1;
				st = pst[j];
			}
			if (cur[j - 1] + 1 < d) {
				d = cur[j - 1] + 1;
				st = cst[j - 1];
			}
			cur[j] = d;
			cst[j] = st;
		}
		t = prev; prev = cur; cur = t;
		t = pst; pst = cst; cst = t;
	}
	for (j = 1; j <= n; j++) {
		if (!w->bnd[j] || !w->bnd[pst[j]])
			continue;
		if (prev[j] < best || (prev[j] == best &&
		    j - pst[j] < bj - *a)) {
			best = prev[j];
			bj = j;
			*a = pst[j];
		}
	}
	*b = bj;
	return best;
}

struct search_near {
	size_t		 dist;
	bool		 whole;		/* the part is the whole name */
	size_t		 vw;		/* index into idx->vocab */
	size_t		 a, b;		/* clusters of the part */
	char		*text;		/* the part as written */
};

static int
search_cmp_near(const void *x, const void *y)
{
	const struct search_near *p = x, *q = y;

	if (p->dist != q->dist)
		return p->dist < q->dist ? -1 : 1;
	if (p->whole != q->whole)
		return p->whole ? -1 : 1;
	return p->vw < q->vw ? -1 : p->vw > q->vw;
}

/* How far a term of m clusters may be from a name: about one edit in
 * four characters; nothing for terms too short to tell. */
static size_t
search_near_max(size_t m)
{
	if (m < 3)
		return 0;
	return m <= 5 ? 1 : m <= 10 ? 2 : 3;
}

/* The names closest to the folded term t, best first, distinct by their
 * folded text: up to max of them, each at distance 1 or more.  Returns
 * how many, in a new array in *out (free each text, then the array). */
static size_t
search_near_terms(struct search_index *idx, const char *t, size_t max,
    struct search_near **out)
{
	struct search_near *v = NULL;
	size_t n = 0, cap = 0, m, i, k, d, a, b, dpcap = 0, maxd;
	uint32_t *qc;
	size_t *dp = NULL;

	if (!idx->vocab_built)
		search_vocab_build(idx);
	qc = search_clusters(t, strlen(t), &m);
	maxd = search_near_max(m);
	for (i = 0; i < idx->nvocab && maxd > 0; i++) {
		const struct search_vword *w = &idx->vocab[i];
		/* The part of w that matches must be about as long as the
		 * term (b - a + 1 >= m below): a shorter word cannot hold
		 * one, and need not be compared. */
		if (w->ncl == 0 || w->ncl + 1 < m)
			continue;
		util_grow(&dp, &dpcap, 4 * (w->ncl + 1), sizeof *dp);
		d = search_near_part(t, qc, m, w, &a, &b, dp);
		if (d == 0 || d > maxd || b - a + 1 < m)
			continue;
		util_grow(&v, &cap, n + 1, sizeof *v);
		v[n].dist = d;
		v[n].whole = a == 0 && b == w->ncl;
		v[n].vw = i;
		v[n].a = a;
		v[n].b = b;
		v[n].text = NULL;
		n++;
	}
	if (n > 1)
		qsort(v, n, sizeof *v, search_cmp_near);
	/* Keep the first of each folded spelling, as written there. */
	for (i = 0, k = 0; i < n && k < max; i++) {
		const struct search_vword *w = &idx->vocab[v[i].vw];
		const char *fs = w->tn.s + w->cl[v[i].a];
		size_t fl = w->cl[v[i].b] - w->cl[v[i].a], j, oa, ob;
		bool dup = false;
		for (j = 0; j < k && !dup; j++) {
			const struct search_vword *u = &idx->vocab[v[j].vw];
			dup = u->cl[v[j].b] - u->cl[v[j].a] == fl &&
			    memcmp(u->tn.s + u->cl[v[j].a], fs, fl) == 0;
		}
		if (dup)
			continue;
		text_norm_span(&w->tn, w->cl[v[i].a], w->cl[v[i].b], &oa, &ob);
		v[k] = v[i];
		v[k].text = xasprintf("%.*s", (int)(ob - oa),
		    idx->fields[w->field].orig + oa);
		k++;
	}
	free(qc);
	free(dp);
	*out = v;
	return k;
}

/* A word of the text close to a misspelt one: the folded form, how far,
 * how often it occurs, and its first spelling as written. */
struct search_word {
	char	*fold;
	size_t	 dist;
	size_t	 count;
	char	*text;
};

/* Whether class c of a text word may stand for class q of a query word:
 * the same script, and a word typed in hiragana may be a katakana one. */
static bool
search_class_fits(enum search_class q, enum search_class c)
{
	return q == c || (q == SEARCH_CLASS_HIRA && c == SEARCH_CLASS_KATA);
}

/* The word of the text (a run of one script in any field) nearest to the
 * query word t, folded, clusters qc[0..m), of class qcls: at most
 * search_near_max(m) edits, the more frequent first, then the first met.
 * Returns its spelling as written (caller frees) or NULL. */
static char *
search_word_nearest(struct search_index *idx, const char *t,
    const uint32_t *qc, size_t m, enum search_class qcls)
{
	struct search_word *v = NULL, *best = NULL;
	size_t nv = 0, cap = 0, f, i, k, np, maxd = search_near_max(m), d;
	size_t dpcap = 0, a, b, *dp = NULL;
	struct search_vword w;
	char *res = NULL;

	for (f = 0; f < idx->nfields && maxd > 0; f++) {
		const struct search_ifield *x = &idx->fields[f];
		const char *o = x->orig;
		uint32_t cp;
		enum search_class c;

		for (i = 0; i < x->olen;) {
			size_t start = i;
			c = SEARCH_CLASS_OTHER;
			np = 0;
			/* A maximal run of one class. */
			while (i < x->olen) {
				size_t n = text_utf8_decode(o + i, x->olen - i,
				    &cp);
				enum search_class cc = search_class(cp);
				if (np > 0 && cc != c)
					break;
				c = cc;
				i += n;
				np++;
				if (c == SEARCH_CLASS_OTHER)
					break;
			}
			if (!search_class_fits(qcls, c) || np + maxd < m ||
			    np > m + maxd + 2)
				continue;
			text_normalize(o + start, i - start, SEARCH_NORM, &w.tn);
			w.cl = search_clusters(w.tn.s, w.tn.len, &w.ncl);
			w.bnd = xcalloc(w.ncl + 1, sizeof *w.bnd);
			w.bnd[0] = w.bnd[w.ncl] = true;
			util_grow(&dp, &dpcap, 4 * (w.ncl + 1), sizeof *dp);
			d = w.ncl > 0 ? search_near_part(t, qc, m, &w, &a, &b,
			    dp) : SIZE_MAX;
			if (d <= maxd) {
				for (k = 0; k < nv; k++)
					if (strcmp(v[k].fold, w.tn.s) == 0)
						break;
				if (k == nv) {
					util_grow(&v, &cap, nv + 1, sizeof *v);
					v[nv].fold = xstrdup(w.tn.s);
					v[nv].dist = d;
					v[nv].count = 0;
					v[nv].text = xasprintf("%.*s",
					    (int)(i - start), o + start);
					nv++;
				}
				v[k].count++;
			}
			text_norm_free(&w.tn);
			free(w.cl);
			free(w.bnd);
		}
	}
	for (k = 0; k < nv; k++) {
		if (v[k].dist > 0 && (best == NULL || v[k].dist < best->dist ||
		    (v[k].dist == best->dist && v[k].count > best->count)))
			best = &v[k];
	}
	if (best != NULL)
		res = xstrdup(best->text);
	for (k = 0; k < nv; k++) {
		free(v[k].fold);
		free(v[k].text);
	}
	free(v);
	free(dp);
	return res;
}

/* Whether the folded term t occurs anywhere in h. */
static bool
search_term_occurs(struct search_session *s, const struct search_hay *h,
    const char *t)
{
	struct search_term term = { .s = (char *)t, .len = strlen(t) };

	search_term_plan(h, &term);
	return search_term_find(s, h, &term, 0, h->len, 0, true) > 0;
}

/* The piece p[0..len) with each word of it (a run of one script) that
 * occurs nowhere replaced by the nearest word of the text: パンデミク対策
 * -> パンデミック対策.  Returns it (caller frees), or NULL when no word
 * needed mending or none could be. */
static char *
search_piece_mend(struct search_session *s, const struct search_hay *h,
    const char *p, size_t len)
{
	struct buf b;
	size_t i = 0, start, m;
	uint32_t cp, *qc;
	enum search_class c, cc;
	bool changed = false, failed = false;
	char *t, *fix;

	buf_init(&b);
	while (i < len) {
		start = i;
		i += text_utf8_decode(p + i, len - i, &cp);
		c = search_class(cp);
		while (c != SEARCH_CLASS_OTHER && i < len) {
			size_t n = text_utf8_decode(p + i, len - i, &cp);
			cc = search_class(cp);
			if (cc != c)
				break;
			i += n;
		}
		t = search_norm_term(p + start, i - start, false);
		fix = NULL;
		if (c != SEARCH_CLASS_OTHER && t[0] != '\0' &&
		    !search_term_occurs(s, h, t)) {
			qc = search_clusters(t, strlen(t), &m);
			fix = search_word_nearest(s->idx, t, qc, m, c);
			free(qc);
			if (fix == NULL)
				failed = true;
		}
		if (fix != NULL) {
			buf_adds(&b, fix);
			changed = true;
		} else
			buf_add(&b, p + start, i - start);
		free(fix);
		free(t);
	}
	if (!changed || failed) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

/* query with piece k replaced by text (quoted when it holds a space). */
static void
search_query_with(struct buf *b, const struct search_piece *pc, size_t np,
    size_t k, const char *text)
{
	size_t i;

	for (i = 0; i < np; i++) {
		if (i > 0)
			buf_addc(b, ' ');
		if (i == k) {
			if (np > 1 && strpbrk(text, " \t") != NULL)
				buf_printf(b, "\"%s\"", text);
			else
				buf_adds(b, text);
		} else if (pc[i].quoted)
			buf_printf(b, "\"%.*s\"", (int)pc[i].len, pc[i].start);
		else
			buf_add(b, pc[i].start, pc[i].len);
	}
}

size_t
search_suggest(struct search_index *idx, const char *query, size_t max,
    char ***out)
{
	struct search_session *s = search_session_create(idx);
	const struct search_hay *h = search_hay_for(idx, false);
	struct search_piece *pc;
	struct search_near *near = NULL;
	char **v = xcalloc(max + 1, sizeof *v), *t;
	size_t np, i, k, nn = 0, n = 0, pick = SIZE_MAX;
	struct buf b;

	np = search_query_split(query, &pc);
	/* The term to mend: the first that occurs nowhere, or (when every
	 * term occurs but together they find little) the first that has
	 * near misses at all. */
	for (k = 0; k < 2 && pick == SIZE_MAX; k++) {
		for (i = 0; i < np && pick == SIZE_MAX; i++) {
			t = search_norm_term(pc[i].start, pc[i].len, false);
			if (t[0] != '\0' && (k == 1 ||
			    !search_term_occurs(s, h, t))) {
				nn = search_near_terms(idx, t, max, &near);
				if (nn > 0)
					pick = i;
				else
					free(near);
			}
			free(t);
		}
	}
	for (i = 0; i < nn; i++) {
		buf_init(&b);
		search_query_with(&b, pc, np, pick, near[i].text);
		v[n++] = buf_steal(&b);
		free(near[i].text);
	}
	if (pick != SIZE_MAX)
		free(near);
	/* No name is close: mend the words of the first term that occurs
	 * nowhere, one script run at a time. */
	for (i = 0; i < np && n == 0 && max > 0; i++) {
		char *fix;
		t = search_norm_term(pc[i].start, pc[i].len, false);
		if (t[0] != '\0' && !search_term_occurs(s, h, t) &&
		    (fix = search_piece_mend(s, h, pc[i].start,
		    pc[i].len)) != NULL) {
			buf_init(&b);
			search_query_with(&b, pc, np, i, fix);
			v[n++] = buf_steal(&b);
			free(fix);
		}
		free(t);
	}
	v[n] = NULL;
	free(pc);
	search_session_free(s);
	*out = v;
	return n;
}

/* ---- fuzzy queries ---- */

/* The query as its folded terms, each cut where Latin letters or digits
 * meet other letters (fih試験 -> fih 試験), phrases quoted; NULL when no
 * term needed a cut. */
static char *
search_query_cut(const char *query)
{
	char **terms;
	size_t n = search_query_terms(query, false, &terms), i, k, cl;
	struct buf b;
	bool cut = false;
	uint32_t cp;
	enum search_class prev, c;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		const char *t = terms[i];
		bool q = strchr(t, ' ') != NULL;
		if (i > 0)
			buf_addc(&b, ' ');
		prev = SEARCH_CLASS_OTHER;
		if (q)
			buf_addc(&b, '"');
		for (k = 0; t[k] != '\0'; k += cl) {
			cl = text_utf8_decode(t + k, strlen(t + k), &cp);
			c = search_class(cp);
			if (k > 0 && c != SEARCH_CLASS_OTHER &&
			    prev != SEARCH_CLASS_OTHER && c != prev &&
			    (c == SEARCH_CLASS_ALNUM ||
			    prev == SEARCH_CLASS_ALNUM)) {
				buf_adds(&b, q ? "\" \"" : " ");
				cut = true;
			}
			buf_add(&b, t + k, cl);
			prev = c;
		}
		if (q)
			buf_addc(&b, '"');
		free(terms[i]);
	}
	free(terms);
	if (!cut) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

/* Add the hits of alt, for entities not hit yet (seen, by entity index),
 * with their scores lowered below every exact hit. */
static void
search_fuzzy_add(struct search_session *s, const char *alt,
    const struct search_opts *o, bool *seen)
{
	struct search_session *t = search_session_create(s->idx);
	struct search_opts to = *o;
	const struct search_results *r;
	size_t i, k;

	to.fuzzy = false;
	if ((r = search_session_run(t, alt, &to, NULL)) != NULL) {
		for (i = 0; i < r->nhits; i++) {
			const struct search_hit *h = &r->hits[i];
			if (seen[h->entity->index])
				continue;
			seen[h->entity->index] = true;
			search_add_hit(s, h->entity);
			for (k = 0; k < h->nmatches; k++)
				search_add_match(s, h->matches[k].field,
				    h->matches[k].off, h->matches[k].len);
			s->res.hits[s->res.nhits - 1].score = h->score -
			    SEARCH_FUZZY_DROP;
			search_end_hit(s);
		}
	}
	search_session_free(t);
}

static void
search_fuzzy(struct search_session *s, const char *query,
    const struct search_opts *o)
{
	const struct content *c = s->idx->c;
	bool *seen = xcalloc(c->nentities + 1, sizeof *seen);
	char **alts, *cut;
	size_t n, i;

	for (i = 0; i < s->res.nhits; i++)
		seen[s->res.hits[i].entity->index] = true;
	if ((cut = search_query_cut(query)) != NULL) {
		search_fuzzy_add(s, cut, o, seen);
		free(cut);
	}
	n = search_suggest(s->idx, query, SEARCH_FUZZY_MAX, &alts);
	for (i = 0; i < n; i++) {
		search_fuzzy_add(s, alts[i], o, seen);
		if ((cut = search_query_cut(alts[i])) != NULL) {
			search_fuzzy_add(s, cut, o, seen);
			free(cut);
		}
		free(alts[i]);
	}
	free(alts);
	free(seen);
}

/* ---- regex queries ---- */

static size_t
search_next_char(const char *s, size_t len, size_t off)
{
	off++;
	while (off < len && text_utf8_cont((unsigned char)s[off]))
		off++;
	return off;
}

static char *
search_regex_error(const char *pattern, int ec, size_t eoff)
{
	PCRE2_UCHAR msg[256];
	size_t i, chars = 0, plen = strlen(pattern);

	if (pcre2_get_error_message(ec, msg, sizeof msg) < 0)
		snprintf((char *)msg, sizeof msg, "error %d", ec);
	if (eoff > plen)
		eoff = plen;
	for (i = 0; i < eoff; i++)
		if (!text_utf8_cont((unsigned char)pattern[i]))
			chars++;
	return xasprintf("bad regular expression at offset %zu (character %zu): "
	    "%s", eoff, chars, (char *)msg);
}

static bool
search_too_complex(int rc)
{
	return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT ||
	    rc == PCRE2_ERROR_NOMEMORY || rc == PCRE2_ERROR_CALLOUT;
}

/* Before each pattern item PCRE2 tries: spend one unit of the query's
 * work.  PCRE2_ERROR_CALLOUT is reserved for callouts, so it can only
 * mean that the budget ran out. */
static int
search_regex_callout(pcre2_callout_block *cb, void *arg)
{
	unsigned long *left = arg;

	(void)cb;
	if (*left == 0)
		return PCRE2_ERROR_CALLOUT;
	(*left)--;
	return 0;
}

static int
search_regex(struct search_session *s, const char *pattern,
    const struct search_opts *o, char **err)
{
	struct search_index *idx = s->idx;
	pcre2_code *re;
	PCRE2_SIZE eoff, *ov;
	uint32_t jitok = 0;
	bool jit = false;
	int ec, rc, best, rank;
	size_t ent, f, start, m0, m1;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_AUTO_CALLOUT |
	    PCRE2_NEVER_BACKSLASH_C, &ec, &eoff, NULL);
	if (re == NULL) {
		*err = search_regex_error(pattern, ec, (size_t)eoff);
		return -1;
	}
	if (pcre2_config(PCRE2_CONFIG_JIT, &jitok) >= 0 && jitok &&
	    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0)
		jit = true;
	if (s->mc == NULL) {
		s->mc = pcre2_match_context_create(NULL);
		s->md = pcre2_match_data_create(1, NULL);
		if (s->mc == NULL || s->md == NULL)
			fatal("out of memory");
		pcre2_set_match_limit(s->mc, SEARCH_MATCH_LIMIT);
		pcre2_set_depth_limit(s->mc, SEARCH_DEPTH_LIMIT);
		pcre2_set_heap_limit(s->mc, SEARCH_HEAP_LIMIT_KIB);
		pcre2_set_callout(s->mc, search_regex_callout, &s->work);
	}
	if (jit && s->jit_stack == NULL) {
		s->jit_stack = pcre2_jit_stack_create(SEARCH_JIT_STACK_MIN,
		    SEARCH_JIT_STACK_MAX, NULL);
		if (s->jit_stack == NULL)
			jit = false;
		else
			pcre2_jit_stack_assign(s->mc, NULL, s->jit_stack);
	}
	s->work = SEARCH_WORK_LIMIT;
	ov = pcre2_get_ovector_pointer(s->md);

	for (ent = 0; ent < idx->nents; ent++) {
		const struct search_ient *ie = &idx->ents[ent];
		bool hit = false;
		/* A regex has no terms: its tier is where its matches lie
		 * (a whole name, the start of a title, a title, the text). */
		enum search_tier rtier = SEARCH_TIER_TEXT, mt;
		best = 0;
		if (!search_entity_ok(ie->e, o))
			continue;
		for (f = ie->first; f < ie->first + ie->n; f++) {
			struct search_ifield *x = &idx->fields[f];
			if (x->utf8 == SEARCH_UTF8_UNKNOWN)
				x->utf8 = text_utf8_valid(x->orig, x->olen,
				    NULL) ? SEARCH_UTF8_YES : SEARCH_UTF8_NO;
			if (x->utf8 != SEARCH_UTF8_YES)
				continue;
			start = 0;
			while (start < x->olen) {
				rc = pcre2_match(re, (PCRE2_SPTR)x->orig, x->olen,
				    start, PCRE2_NO_UTF_CHECK, s->md, s->mc);
				if (search_too_complex(rc)) {
					*err = xstrdup("pattern too complex");
					goto fail;
				}
				if (rc == PCRE2_ERROR_NOMATCH)
					break;
				if (rc < 0) {
					PCRE2_UCHAR msg[256];
					pcre2_get_error_message(rc, msg, sizeof msg);
					*err = xasprintf("regular expression: %s",
					    (char *)msg);
					goto fail;
				}
				m0 = ov[0];
				m1 = ov[1];
				if (m1 > m0) {
					if (!hit)
						search_add_hit(s, ie->e);
					hit = true;
					search_add_match(s, x->no, m0, m1 - m0);
					rank = search_match_rank(x->kind,
					    search_wholeness(x->orig, x->olen, m0,
					    m1));
					if (rank > best)
						best = rank;
					mt = search_is_name(x->kind) && m0 == 0 &&
					    m1 == x->olen ? SEARCH_TIER_NAME :
					    !search_is_title(x->kind) ?
					    SEARCH_TIER_TEXT : m0 == 0 ?
					    SEARCH_TIER_TITLE_PREFIX :
					    SEARCH_TIER_TITLE_TERMS;
					if (mt > rtier)
						rtier = mt;
					start = m1;
				} else
					start = search_next_char(x->orig, x->olen,
					    m0);
			}
		}
		if (hit) {
			s->res.hits[s->res.nhits - 1].score = search_score(
			    rtier, best, ie->e);
			search_end_hit(s);
		}
	}
	pcre2_code_free(re);
	return 0;
fail:
	pcre2_code_free(re);
	return -1;
}

/* ---- running ---- */

const struct search_results *
search_session_run(struct search_session *s, const char *query,
    const struct search_opts *opts, char **err)
{
	struct search_results t;
	int rc;

	t = s->prev;
	s->prev = s->res;
	s->res = t;
	search_session_reset(s);
	if (opts->regex)
		rc = search_regex(s, query, opts, err);
	else {
		rc = search_plain(s, query, opts);
		if (opts->fuzzy)
			search_fuzzy(s, query, opts);
	}
	if (rc != 0) {
		t = s->res;
		s->res = s->prev;
		s->prev = t;
		return NULL;
	}
	search_finish(s);
	return &s->res;
}

int
search_run(struct search_index *idx, const char *query,
    const struct search_opts *opts, struct search_results *res, char **err)
{
	struct search_session *s = search_session_create(idx);
	int rc = 0;

	memset(res, 0, sizeof *res);
	if (search_session_run(s, query, opts, err) == NULL)
		rc = -1;
	else {
		/* Hand the session's arrays over to the caller. */
		*res = s->res;
		memset(&s->res, 0, sizeof s->res);
	}
	search_session_free(s);
	return rc;
}

void
search_results_free(struct search_results *res)
{
	if (res == NULL)
		return;
	free(res->hits);
	free(res->mpool);
	memset(res, 0, sizeof *res);
}
