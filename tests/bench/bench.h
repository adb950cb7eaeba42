/* bench.h — what the module benchmarks share: a UTF-8 locale, the text
 * module and the content to measure on, from the command line, else
 * $HMS_CONTENT, else the source tree's. */
#ifndef HMS_BENCH_H
#define HMS_BENCH_H

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "content-load.h"
#include "content.h"
#include "text.h"
#include "util.h"

/* The content of argv[1] or the default; exits 2 naming prog when it
 * cannot be had.  Free with content_free(). */
static struct content *
bench_setup(const char *prog, int argc, char **argv)
{
	struct content_diags d;
	struct content *c;
	const char *env;
	char *dir, *err = NULL;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	if (text_init(&err) != 0) {
		fprintf(stderr, "%s: %s\n", prog, err);
		exit(2);
	}
	if (argc > 1)
		dir = xstrdup(argv[1]);
	else if ((env = getenv("HMS_CONTENT")) != NULL && *env != '\0')
		dir = xstrdup(env);
	else
		dir = xasprintf("%s/content", HMS_SRCDIR);
	content_diags_init(&d);
	if ((c = content_load(dir, NULL, &d)) == NULL) {
		fprintf(stderr, "%s: cannot load %s (%zu problems)\n", prog,
		    dir, d.n);
		exit(2);
	}
	content_diags_free(&d);
	free(dir);
	return c;
}

#endif
