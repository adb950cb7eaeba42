/* content.h — the content model: entities, relations, provenance.
 *
 * A loaded content set lives in one arena (see content-load.h): every
 * pointer below stays valid until content_free().  Nothing here is
 * modified after loading, so views and indexes may keep pointers. */
#ifndef HMS_CONTENT_H
#define HMS_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

/* Largest content file accepted, in bytes (the loader's limit, and the
 * snapshot's when it reads a source text again). */
#define CONTENT_MAX_FILE (32u * 1024 * 1024)

struct arena;

enum content_type {
	CONTENT_PERIOD,
	CONTENT_SECTION,
	CONTENT_PROJECT,
	CONTENT_DISEASE,
	CONTENT_MEASURE,
	CONTENT_MILESTONE,
	CONTENT_KPI,
	CONTENT_PROGRAM,
	CONTENT_MINISTRY,
	CONTENT_TERM,
	CONTENT_TYPE_COUNT
};

/* One source document under content/sources/. */
struct content_source {
	const char	 *name;		/* short name used in provenance: "roadmap" */
	const char	 *file;		/* relative to the content dir: "sources/…" */
	const char	 *path;		/* full path as opened */
	const char	 *seed;
	const char	 *title;
	const char	 *title_en;
	const char	 *publisher;
	const char	 *date;
	const char	 *license;
	const char	 *text;		/* the whole file, NUL-terminated */
	size_t		  len;
	size_t		  nlines;
	size_t		 *line_off;	/* nlines + 1 offsets; line n (1-based)
					   is text[line_off[n-1], line_off[n]) */
};

/* A range of lines [first, last] (1-based, inclusive) in a source. */
struct content_prov {
	const struct content_source	*source;
	int				 first;
	int				 last;
};

struct content_entity;

/* A link inside a piece of text: bytes [off, off + len) of the text name
 * the target entity. */
struct content_inref {
	size_t			 off;
	size_t			 len;
	struct content_entity	*target;
};

/* A piece of text: a paragraph, a list item, a note, a status line. */
struct content_text {
	const char		*text;		/* UTF-8, refs flattened */
	size_t			 len;
	struct content_inref	*refs;
	size_t			 nrefs;
	struct content_prov	*prov;		/* NULL when not given */
};

enum content_block_kind {
	CONTENT_BLOCK_PARA,
	CONTENT_BLOCK_ITEM,
	CONTENT_BLOCK_NOTE
};

enum content_note_kind {
	CONTENT_NOTE_PLAIN,
	CONTENT_NOTE_INFERENCE,
	CONTENT_NOTE_REPAIR,
	CONTENT_NOTE_CAVEAT,
	CONTENT_NOTE_CONTEXT
};

struct content_block {
	enum content_block_kind	 kind;
	const char		*mark;		/* list marker as printed, or NULL */
	int			 level;		/* nesting of list items, 1.. */
	enum content_note_kind	 note_kind;	/* for notes */
	const char		*lang;		/* for notes: "ja", "en" or NULL */
	struct content_text	 t;
};

enum content_rel {
	CONTENT_REL_SERVES,
	CONTENT_REL_INDICATOR_OF,
	CONTENT_REL_IMPLEMENTS,
	CONTENT_REL_BELONGS_TO,
	CONTENT_REL_PART_OF,
	CONTENT_REL_FOLLOWS,
	CONTENT_REL_SEE_ALSO,
	CONTENT_REL_MENTIONS,		/* an inline <ref> in some text */
	CONTENT_REL_LINEAGE,		/* project/disease lineage; see lineage */
	CONTENT_REL_MEASURE,		/* milestone -> measure */
	CONTENT_REL_MINISTRY,		/* program, status -> ministry */
	CONTENT_REL_PERIOD,		/* entity -> its period */
	CONTENT_REL_RESTATES,		/* milestone -> the cell it repeats */
	CONTENT_REL_COUNT
};

enum content_basis {
	CONTENT_BASIS_STATED,
	CONTENT_BASIS_INFERRED
};

enum content_lineage_kind {
	CONTENT_LINEAGE_NONE,
	CONTENT_LINEAGE_SAME,
	CONTENT_LINEAGE_RENAMED,
	CONTENT_LINEAGE_SPLIT,
	CONTENT_LINEAGE_MERGED,
	CONTENT_LINEAGE_NEW,
	/* 再編: the sources say the projects were reorganised; which earlier
	 * project a later one continues is, in these sources, a pairing by
	 * name (and so an inference). */
	CONTENT_LINEAGE_REORGANISED
};

/* A directed relation.  Every link is also recorded, as the same struct,
 * in the target's backlinks. */
struct content_link {
	enum content_rel		 rel;
	enum content_basis		 basis;
	enum content_lineage_kind	 lineage;	/* for CONTENT_REL_LINEAGE */
	int				 line;		/* in from->file; 0 when
							 * unknown (a snapshot) */
	struct content_entity		*from;
	struct content_entity		*to;		/* NULL: a "new" lineage */
	struct content_prov		*prov;		/* NULL when not given */
	struct content_text		*note;		/* NULL when none */
	const char			*note_en;	/* English note, or NULL */
};

/* A value of a KPI: as printed, plus the number when it is one. */
struct content_value {
	bool		 present;
	bool		 has_value;
	double		 value;
	const char	*unit;		/* NULL: the KPI's unit */
	const char	*year;		/* "2023" or "2021-2023", or NULL */
	int		 year_first;	/* 0 when no year */
	int		 year_last;
	const char	*date;		/* "2020-03-31" or NULL */
	const char	*text;		/* as printed */
	struct content_prov	*prov;
};

/* What a KPI measures against: where it started, where it should be,
 * where it is. */
struct content_kpi_values {
	struct content_value	 baseline, target, latest;
};

enum content_kpi_kind {
	CONTENT_KPI_GOAL,
	CONTENT_KPI_AIM,
	CONTENT_KPI_MANAGE,
	CONTENT_KPI_OBSERVE,
	CONTENT_KPI_KPI,
	CONTENT_KPI_OUTPUT,
	CONTENT_KPI_OUTCOME,
	CONTENT_KPI_KIND_COUNT
};

enum content_budget_type {
	CONTENT_BUDGET_INITIAL,
	CONTENT_BUDGET_SUPPLEMENTARY,
	CONTENT_BUDGET_FUND,
	CONTENT_BUDGET_ADJUSTMENT,
	CONTENT_BUDGET_NONE,
	CONTENT_BUDGET_UNKNOWN,
	CONTENT_BUDGET_TYPE_COUNT
};

struct content_budget {
	bool				 has_amount;
	double				 amount;	/* 億円 */
	int				 decimals;	/* digits after the point
							   as the source gives
							   them: 3.0 has 1 */
	int				 fy;		/* 0 when not given */
	enum content_budget_type	 type;
	bool				 draft;		/* 予算額（案） */
	bool				 restated;	/* 再掲: never summed */
	bool				 within;	/* の内数: never summed */
	const char			*text;
	struct content_prov		*prov;
};

/* A budget counts towards totals unless it repeats or contains others. */
static inline bool
content_budget_counts(const struct content_budget *b)
{
	return b->has_amount && !b->restated && !b->within;
}

enum content_program_kind {
	CONTENT_PROGRAM_PROGRAM,
	CONTENT_PROGRAM_FUND,
	CONTENT_PROGRAM_ALLOCATION,
	CONTENT_PROGRAM_COUNCIL,
	CONTENT_PROGRAM_GUIDELINE
};

enum content_term_kind {
	CONTENT_TERM_ABBR,
	CONTENT_TERM_NAME,
	CONTENT_TERM_ORG,
	CONTENT_TERM_LAW,
	CONTENT_TERM_NOTICE,
	CONTENT_TERM_TERM
};

enum content_column {
	CONTENT_COL_2024_SUMMER,
	CONTENT_COL_2024_END,
	CONTENT_COL_FY2024_END,
	CONTENT_COL_FY2025,
	CONTENT_COL_FY2026_2028,
	CONTENT_COL_COUNT
};

struct content_expansion {
	const char		*lang;
	const char		*text;
	struct content_prov	*prov;
};

struct content_status {
	const char		*asof;		/* YYYY-MM-DD */
	struct content_entity	*ministry;	/* NULL when untagged */
	struct content_text	 t;
};

struct content_entity {
	enum content_type	 type;
	int			 period;	/* 1..3, 0 when none */
	int			 line;		/* of the element in file */
	size_t			 index;		/* position in content->entities */
	const char		*id;		/* "kpi:rm-jrct-access" */
	const char		*title;
	const char		*title_en;	/* NULL when none */
	const char	       **aliases;
	size_t			 naliases;
	const char		*num;		/* number as printed, or NULL */
	const char		*file;		/* XML file of the element */

	struct content_prov	*prov;		/* at least one range */
	size_t			 nprov;

	struct content_block	*blocks;
	size_t			 nblocks;

	struct content_link    **links;		/* outgoing */
	size_t			 nlinks;
	struct content_link    **backlinks;	/* incoming */
	size_t			 nbacklinks;

	struct content_entity	*parent;	/* enclosing section */
	struct content_entity  **children;	/* sub-sections in order */
	size_t			 nchildren;

	union {
		struct {
			int	fy_start, fy_end;
		} period;
		struct {
			int			 num;
			bool			 area;
			const char		*theme;
			struct content_budget	*totals;
			size_t			 ntotals;
		} project;
		struct {
			const char	*theme;
		} disease;
		struct {
			int			 table;		/* 0: not a roadmap row */
			const char		*group;
			struct content_status	*statuses;
			size_t			 nstatuses;
		} measure;
		struct {
			enum content_column	 column;
			struct content_entity  **measures;
			size_t			 nmeasures;
			struct content_entity	*restates;
		} milestone;
		struct {
			enum content_kpi_kind	 kind;
			bool			 down;	/* less is better */
			const char		*unit;
			/* Never NULL for a KPI: out of line, for these
			 * three values were over half of every entity. */
			struct content_kpi_values *v;
		} kpi;
		struct {
			enum content_program_kind kind;
			struct content_entity	*ministry;
			struct content_budget	*budgets;
			size_t			 nbudgets;
		} program;
		struct {
			const char	*tag;
		} ministry;
		struct {
			enum content_term_kind	  kind;
			struct content_expansion *expansions;
			size_t			  nexpansions;
		} term;
	} u;
};

struct content {
	struct arena		 *arena;
	const char		 *dir;
	struct content_source	 *sources;
	size_t			  nsources;
	/* All entities in document order: files in name order, elements in
	 * file order. */
	struct content_entity	**entities;
	size_t			  nentities;
	/* Sorted by id, for content_find(). */
	struct content_entity	**by_id;
	/* Per type, in document order. */
	struct content_entity	**by_type[CONTENT_TYPE_COUNT];
	size_t			  ntype[CONTENT_TYPE_COUNT];
	/* The snapshot it was read from (strings point into it), or NULL:
	 * see content-snap.h. */
	const char		 *snapshot;
	size_t			  snapshot_len;
	/* What identifies the bytes it was built from (files, schema,
	 * sources, version), for caches of things computed from it; 0 when
	 * not known (hms check).  See content-snap.h. */
	unsigned long long	  key;
};

/* ---- what each type of entity is ----
 *
 * One descriptor per type: its names, where search ranks it, and the
 * fields of its part of struct content_entity (u.kpi, u.program, ...),
 * in the order the snapshot keeps them.  Code that needs a type's data
 * walks the fields instead of switching on the type. */
enum content_field_kind {
	CONTENT_F_INT,		/* int */
	CONTENT_F_BOOL,		/* bool */
	CONTENT_F_ENUM,		/* an enum, below max */
	CONTENT_F_STR,		/* const char * */
	CONTENT_F_ENT,		/* struct content_entity * */
	CONTENT_F_ENTS,		/* struct content_entity **, count at n */
	CONTENT_F_KPI_VALUES,	/* struct content_kpi_values *, in the arena */
	CONTENT_F_BUDGETS,	/* struct content_budget *, count at n */
	CONTENT_F_STATUSES,	/* struct content_status *, count at n */
	CONTENT_F_EXPANSIONS	/* struct content_expansion *, count at n */
};

struct content_field {
	enum content_field_kind	 kind;
	size_t			 off;	/* in struct content_entity */
	size_t			 n;	/* arrays: the offset of the count */
	unsigned		 max;	/* enums: how many values there are */
};

struct content_type_desc {
	const char			*name;	/* "kpi": ids, --type, output */
	const char			*label;	/* N_("KPI") */
	/* Search ranks within a tier: the kinds people look up (2: term,
	 * program, KPI, project, measure) before the bodies and places
	 * (1) and before what only mentions them (0: milestones,
	 * sections); then the more specific before the general. */
	int				 search_group;
	int				 search_rank;
	const struct content_field	*fields;
	size_t				 nfields;
};

const struct content_type_desc *content_type_desc(enum content_type t);

/* Names of types, relations and enums, for output and parsing. */
const char *content_type_name(enum content_type t);		/* "kpi" */
const char *content_type_label(enum content_type t);		/* "KPI", translated */
int content_type_from_name(const char *name);			/* -1 if unknown */
const char *content_rel_name(enum content_rel r);		/* "serves" */
/* How a link reads from its source and from its target: "serves" /
 * "served by" (translated). */
const char *content_rel_label(enum content_rel r, bool backward);
const char *content_lineage_name(enum content_lineage_kind k);	/* "renamed" */
const char *content_lineage_label(enum content_lineage_kind k);	/* "改称" */
const char *content_kpi_kind_name(enum content_kpi_kind k);	/* "aim" */
const char *content_kpi_kind_label(enum content_kpi_kind k);	/* "目指すもの" */
const char *content_budget_type_name(enum content_budget_type t);
const char *content_budget_type_label(enum content_budget_type t); /* "当初" */
const char *content_program_kind_name(enum content_program_kind k);
const char *content_term_kind_name(enum content_term_kind k);
const char *content_column_name(enum content_column c);		/* "fy2025" */
const char *content_column_label(enum content_column c);	/* "2025年度" */
/* The enum value of a word of the content files ("split", "fy2025" …),
 * or -1 when it is none of them. */
int content_rel_from_name(const char *name);
int content_lineage_from_name(const char *name);
int content_kpi_kind_from_name(const char *name);
int content_budget_type_from_name(const char *name);
int content_program_kind_from_name(const char *name);
int content_term_kind_from_name(const char *name);
int content_column_from_name(const char *name);
/* First fiscal year a column covers and the last. */
void content_column_years(enum content_column c, int *first, int *last);

/* Fill c->by_type and c->ntype from c->entities (for the loaders): each
 * list exactly as long as its type's entities, NULL-terminated. */
void content_index_types(struct content *c);
/* The entity with that id, or NULL. */
struct content_entity *content_find(const struct content *c, const char *id);
/* The entity text names: its id, else the one whose title is text
 * (after folding case, width and spaces), else the only one whose title
 * contains it.  NULL when none is, or several are: *n then says how many
 * titles contain it (0 or more than 1). */
struct content_entity *content_find_named(const struct content *c,
    const char *text, size_t *n);
/* The source with that short name, or NULL. */
const struct content_source *content_source_find(const struct content *c,
    const char *name);
/* Lines [first, last] of a source as a pointer into its text and a length. */
const char *content_source_lines(const struct content_source *s, int first,
    int last, size_t *len);

/* The section that is the root of e's document tree (e itself for a
 * root), or NULL for entities outside any document. */
const struct content_entity *content_root(const struct content_entity *e);


/* The ids of the entities e links to by r (back: that link to e by r),
 * space separated, "" for none; the caller frees it. */
char *content_link_ids(const struct content_entity *e, enum content_rel r,
    bool back);

/* Release everything; NULL is a no-op. */
void content_free(struct content *c);

#endif
