/* cli.h — the non-interactive commands: check, show, list, search, funds,
 * compare. */
#ifndef HMS_CLI_H
#define HMS_CLI_H

#include <stdbool.h>

#include "output.h"

struct content;
struct store;
struct store;

/* Options shared by the commands, filled by main from the command line. */
struct cli_opts {
	enum output_format	 format;
	int			 width;		/* -1: terminal's, 0: none */
	bool			 regex;
	int			 type;		/* -1: any */
	int			 period;	/* 0: any */
	bool			 era;
	bool			 fuzzy;		/* search: rank near matches in */
	const char		*import;	/* --import FILE, or NULL */
	int			 by;		/* hms budget --by: enum
						   figures_by */
	int			 fy;		/* hms budget --fy, 0: any */
	bool			 chart;		/* hms budget --chart: bars */
	bool			 ids;		/* hms list --ids: id and
						   title only, for completion */
	const struct store	*store;		/* hms show: the reader's
						   notes, or NULL */
};

/* Exit statuses, as grep: something found, nothing found, error. */
enum {
	CLI_FOUND = 0,
	CLI_NOTHING = 1,
	CLI_ERROR = 2
};

/* hms check [PATH...]: load and report every problem as FILE:LINE:. */
int cli_check(const char *const *paths, int npaths, const char *bundled);
int cli_show(const struct content *c, const struct cli_opts *o, const char *id);
/* hms list TYPE; with --ids, TYPE may be NULL (every type) and each
 * line is "id<TAB>title", for shell completion. */
int cli_list(const struct content *c, const struct cli_opts *o,
    const char *type);
int cli_search(const struct content *c, const struct cli_opts *o,
    const char *query);
int cli_funds(const struct content *c, const struct cli_opts *o,
    const char *query);
/* hms compare [TOPIC]: the period comparison (TOPIC NULL: every section);
 * 2 for an unknown topic. */
/* hms budget [QUERY]: totals per group, fiscal year and budget type of
 * the programs QUERY finds (NULL: every program), by figures.h. */
int cli_budget(const struct content *c, const struct cli_opts *o,
    const char *query);
int cli_compare(const struct content *c, const struct cli_opts *o,
    const char *topic);

/* cli-store.c: hms bookmarks, hms notes — the store's entries in the
 * file format (text: importable again), TSV or JSON, marking ids the
 * content lacks as orphans; with --import FILE, merge FILE instead. */
int cli_bookmarks(const struct content *c, const struct cli_opts *o,
    struct store *st);
int cli_notes(const struct content *c, const struct cli_opts *o,
    struct store *st);
/* Print the store's pending messages on stderr. */
void cli_store_messages(struct store *st);

#endif
