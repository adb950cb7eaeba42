/* cli.h — the non-interactive commands: check, show, list, search, funds,
 * compare. */
#ifndef HMS_CLI_H
#define HMS_CLI_H

#include <stdbool.h>

#include "output.h"

struct content;

/* Options shared by the commands, filled by main from the command line. */
struct cli_opts {
	enum output_format	 format;
	int			 width;		/* -1: terminal's, 0: none */
	bool			 regex;
	int			 type;		/* -1: any */
	int			 period;	/* 0: any */
	bool			 era;
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
int cli_list(const struct content *c, const struct cli_opts *o,
    const char *type);
int cli_search(const struct content *c, const struct cli_opts *o,
    const char *query);
int cli_funds(const struct content *c, const struct cli_opts *o,
    const char *query);
/* hms compare [TOPIC]: the period comparison (TOPIC NULL: every section);
 * 2 for an unknown topic. */
int cli_compare(const struct content *c, const struct cli_opts *o,
    const char *topic);

#endif
