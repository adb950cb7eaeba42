/* search.h — plain and regex search over the content: the only PCRE2 user.
 *
 * Plain queries are split at white space (ASCII and U+3000) into terms
 * that must all occur in an entity (AND); "quoted phrases" (also ＂…＂)
 * are one term.  Matching is on the normalised text (text_normalize: NFKC,
 * case folded, katakana = hiragana, full width = half width; the
 * spellings of one word folded by TEXT_NORM_WORDS, so ドラッグ・ロス =
 * ドラッグロス and サーバー = サーバ; era years folded with opts.era; runs of
 * white space read as one space), the same for the index and the query
 * (the index cache is versioned by it), and hits
 * carry byte ranges in the original text so that a highlight covers
 * exactly the characters that matched (⼤ for 大, ｶﾞ for ガ).
 *
 * Regex queries (opts.regex) are PCRE2 patterns compiled with UTF, UCP
 * and CASELESS (and JIT-compiled when PCRE2 has a JIT), matched against the ORIGINAL text of each field, not the
 * normalised one: a pattern means what it says about the characters
 * shown, its offsets need no mapping, and full-width brackets in the text
 * stay literal.  So `FIH` matches "fih" and "FIH" but not "ＦＩＨ"; write
 * `[FＦ][IＩ][HＨ]` for that.  Matching is per field with PCRE2's match,
 * depth and heap limits (and a JIT stack of its own) and an overall budget
 * counted in pattern items tried, never in time: a pattern that exceeds
 * any of them fails with "pattern too complex", the same on any machine
 * and under any load.  Empty matches are not hits.
 *
 * Ranking, best first (also the order of search_hit.score):
 *   1. the tier: the whole query (its terms in order, folded as one
 *      phrase) is a name of the entity (title, English title, alias or
 *      expansion); else a title starts with it; else every term occurs in
 *      a title; else the terms occur in the text.  For a regex: a match
 *      that is a whole name, one at the start of a title, one in a title,
 *      one in the text;
 *   2. the entity: a term, program, KPI, project or measure (what people
 *      look up) before a disease, ministry or period, before a milestone
 *      or section;
 *   3. how well the terms matched: where (title, then the other names,
 *      then id and values, then body text) and how (the whole field, a
 *      whole word bounded by punctuation, space or a change of script as
 *      "FIH" in "(FIH)試験", part of a word), the best match of each term
 *      added up;
 *   4. document order (entity->index).
 *
 * The index is built once per loaded content; a query never normalises
 * the content again.  Use a search_session for per-keystroke queries: it
 * keeps its buffers between runs. */
#ifndef HMS_SEARCH_H
#define HMS_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

struct content;
struct content_entity;
struct search_index;
struct search_session;

/* The searchable fields of an entity, in the order they are shown. */
enum search_field_kind {
	SEARCH_FIELD_ID,
	SEARCH_FIELD_TITLE,
	SEARCH_FIELD_TITLE_EN,
	SEARCH_FIELD_ALIAS,
	SEARCH_FIELD_EXPANSION,
	SEARCH_FIELD_VALUE,	/* KPI values, budgets as printed */
	SEARCH_FIELD_BODY,	/* paragraphs, items, statuses, table group */
	SEARCH_FIELD_NOTE,	/* notes in blocks and on links */
	SEARCH_FIELD_KIND_COUNT
};

struct search_field {
	enum search_field_kind	 kind;
	const char		*text;	/* points into the content */
	size_t			 len;
	int			 block;	/* index into e->blocks, or -1 */
	int			 link;	/* index into e->links (a link's
					   note), or -1 */
};

/* Call fn for every searchable field of e, in display order: id, title,
 * English title, aliases, expansions (terms), values (KPIs), budgets
 * (programs), statuses and table group (measures), blocks, link notes.
 * Field numbers in search_match count calls of fn, from 0. */
void search_fields(const struct content_entity *e,
    void (*fn)(const struct search_field *f, void *arg), void *arg);
/* Field number n of e (as search_fields numbers them) into *f.  Returns 0,
 * or -1 when e has fewer fields. */
int search_field_get(const struct content_entity *e, size_t n,
    struct search_field *f);
/* "title", "body", …: the name of a field kind, for output. */
const char *search_field_kind_name(enum search_field_kind k);

struct search_opts {
	bool		regex;		/* PCRE2 pattern instead of plain terms */
	int		type;		/* enum content_type, or -1 for any */
	int		period;		/* 1..3, or 0 for any */
	bool		era;		/* fold era years (令和6年 = 2024年) */
	bool		fuzzy;		/* plain: rank near matches in, after
					   every exact hit (see below) */
};

/* One match: bytes [off, off + len) of the original text of field number
 * field (in the order search_fields gives them) of the entity.  The range
 * starts and ends on character boundaries. */
struct search_match {
	size_t	field;
	size_t	off;
	size_t	len;
};

struct search_hit {
	struct content_entity	*entity;
	int			 score;		/* higher ranks first; ties
						   go by entity->index */
	struct search_match	*matches;	/* all matches, sorted by
						   field then offset */
	size_t			 nmatches;
};

struct search_results {
	struct search_hit	*hits;		/* best first */
	size_t			 nhits;
	/* Private: the storage hits[].matches point into. */
	struct search_match	*mpool;
	size_t			 hcap, mcap;
};

/* Build the index over every field of every entity (normalised, with
 * offset maps) of c, which must outlive it.  The era-folded form is built
 * on the first query that asks for it.  Free with search_index_free(). */
struct search_index *search_index_build(const struct content *c);
void search_index_free(struct search_index *idx);
/* The normalised text the index searches: every field of every entity,
 * each followed by a NUL, *len bytes in all (NULs included).  Owned by the
 * index; for benchmarks and debugging. */
const char *search_index_text(struct search_index *idx, bool era,
    size_t *len);

/* Run a query.  Returns 0 and fills *res (free with search_results_free;
 * no hits is not an error), or -1 with a message in *err (the caller frees
 * it) and *res empty: a bad regex gives PCRE2's message and its offset, a
 * pathological one "pattern too complex". */
int search_run(struct search_index *idx, const char *query,
    const struct search_opts *opts, struct search_results *res, char **err);
/* Free what a search_run filled in and empty *res; safe on an empty one. */
void search_results_free(struct search_results *res);

/* A session for incremental search (a query per keystroke): it keeps its
 * buffers (candidates, hits, matches, PCRE2 contexts and JIT stack) from
 * one run to the next, so a run allocates little beyond the query's terms
 * once they have grown.  One session per prompt; not shared between
 * threads.  Free with search_session_free(). */
struct search_session *search_session_create(struct search_index *idx);
void search_session_free(struct search_session *s);
/* Run a query in the session.  Returns the results, owned by the session
 * and valid until its next successful run or until it is freed; or NULL
 * with a message in *err (the caller frees it), as search_run, and the
 * results of the last successful run are left as they were (a list made
 * of them may keep pointing at them). */
const struct search_results *search_session_run(struct search_session *s,
    const char *query, const struct search_opts *opts, char **err);

/* A plain query with opts.fuzzy also finds what these would, ranked
 * after all it finds itself (score lowered by SEARCH_FUZZY_DROP): the
 * query with each term cut where Latin letters or digits meet Japanese
 * (FIH試験 as FIH 試験, so "First in Human（FIH）試験" is reached), and the
 * near misses of search_suggest (up to SEARCH_FUZZY_MAX), cut alike. */
#define SEARCH_FUZZY_DROP	(1 << 24)
#define SEARCH_FUZZY_MAX	3

/* Near misses: when a plain query finds nothing or little, queries that
 * would find something, drawn from the content's own names (titles,
 * English titles, aliases, expansions).  The first term of query that
 * occurs nowhere (else the first with near misses) is replaced by the
 * closest part of a name: fewest edits of one grapheme cluster on the
 * folded text (at most 1 for a term of 3 to 5 characters, 2 up to 10, 3
 * beyond; terms of 1 or 2 characters get none), a whole name before a
 * part of one, then in document order.  So 橋渡研究 gives 橋渡し研究 and
 * パンデミク対策 パンデミック対策, spelt as in the content.  Returns the
 * number (up to max) and stores a NULL-terminated array of queries in
 * *out (free each and the array). */
size_t search_suggest(struct search_index *idx, const char *query, size_t max,
    char ***out);

/* Normalised plain terms of a query, as the engine splits them: for
 * showing what is searched and for tests.  Returns the number of terms
 * and stores a NULL-terminated array of strings in *terms (free each and
 * the array). */
size_t search_query_terms(const char *query, bool era, char ***terms);

/* A plain query prepared for finding in any text, not the index: the
 * reader's in-page search.  Its terms are folded as the engine folds
 * them (search_query_terms), and so is every text it is run on. */
struct search_finder;
/* Returns NULL when query has no terms; free with search_finder_free(). */
struct search_finder *search_finder_create(const char *query);
void search_finder_free(struct search_finder *f);

/* A byte range of an original text. */
struct search_range {
	size_t	off;
	size_t	len;
};
/* Every place in text (len bytes) where a term of the finder's query
 * occurs: byte ranges of the original text (a match of ドラッグロス covers
 * the ・ of ドラッグ・ロス; one of 大 covers ⼤), in order and not
 * overlapping.  Returns their number and stores them in *out (the caller
 * frees it; NULL when there are none). */
size_t search_finder_run(const struct search_finder *f, const char *text,
    size_t len, struct search_range **out);

/* Cells of the edit-distance table computed for near misses so far: the
 * work search_suggest() does, counted for tests. */
extern unsigned long search_near_cells;

#endif
