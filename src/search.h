/* search.h — plain and regex search over the content: the only PCRE2 user.
 *
 * Plain queries are split at white space into terms that must all occur
 * in an entity (AND); "quoted phrases" are one term.  Matching is on the
 * normalised text (text_normalize: NFKC, case folded, kana and width
 * folded), and hits carry byte ranges in the original text so that a
 * highlight covers exactly the characters that matched. */
#ifndef HMS_SEARCH_H
#define HMS_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

struct content;
struct content_entity;
struct search_index;

/* The searchable fields of an entity, in the order they are shown. */
enum search_field_kind {
	SEARCH_FIELD_ID,
	SEARCH_FIELD_TITLE,
	SEARCH_FIELD_TITLE_EN,
	SEARCH_FIELD_ALIAS,
	SEARCH_FIELD_EXPANSION,
	SEARCH_FIELD_VALUE,	/* KPI values, budgets as printed */
	SEARCH_FIELD_BODY,	/* paragraphs, items, statuses */
	SEARCH_FIELD_NOTE,
	SEARCH_FIELD_KIND_COUNT
};

struct search_field {
	enum search_field_kind	 kind;
	const char		*text;
	size_t			 len;
};

/* Call fn for every searchable field of e, in display order. */
void search_fields(const struct content_entity *e,
    void (*fn)(const struct search_field *f, void *arg), void *arg);

struct search_opts {
	bool	regex;		/* PCRE2 pattern instead of plain terms */
	int	type;		/* enum content_type, or -1 for any */
	int	period;		/* 1..3, or 0 for any */
	bool	era;		/* fold era years (令和6年 = 2024年) */
};

/* One match: bytes [off, off + len) of field number field (in the order
 * search_fields gives them) of the entity. */
struct search_match {
	size_t	field;
	size_t	off;
	size_t	len;
};

struct search_hit {
	struct content_entity	*entity;
	int			 score;		/* higher ranks first */
	struct search_match	*matches;	/* all matches, field order */
	size_t			 nmatches;
};

struct search_results {
	struct search_hit	*hits;		/* best first */
	size_t			 nhits;
};

/* Build the index over every field of every entity (normalised, with
 * offset maps).  Free with search_index_free(). */
struct search_index *search_index_build(const struct content *c);
void search_index_free(struct search_index *idx);

/* Run a query.  Returns 0 and fills *res (free with search_results_free),
 * or -1 with a message in *err (the caller frees it): a bad regex gives
 * PCRE2's message and the offset, a pathological one "pattern too
 * complex". */
int search_run(struct search_index *idx, const char *query,
    const struct search_opts *opts, struct search_results *res, char **err);
void search_results_free(struct search_results *res);

#endif
