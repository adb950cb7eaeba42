/* hms-width.c — for shell tests: measure each line of standard input as
 * the text engine does.  Prints one line per input line:
 *
 *	WIDTH JOINS
 *
 * WIDTH is the cells text_width() gives the line (-1 if it is not valid
 * UTF-8: a character was cut), JOINS is 1 when the line's first character
 * after its indentation would join the cluster before it (a cluster was
 * split across lines), else 0.
 *
 *	hms-width [--ambiwidth 2] < text */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int
main(int argc, char **argv)
{
	char *line = NULL, *p, probe[8192];
	size_t cap = 0, len, rest;
	ssize_t n;
	int joins, width;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	if (argc == 3 && strcmp(argv[1], "--ambiwidth") == 0)
		text_set_ambiwidth(atoi(argv[2]));
	else if (argc != 1) {
		fputs("usage: hms-width [--ambiwidth 1|2] < text\n", stderr);
		return 2;
	}
	while ((n = getline(&line, &cap, stdin)) != -1) {
		len = (size_t)n;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		width = text_utf8_valid(line, len, NULL) ?
		    text_width(line, len) : -1;
		/* Put an 'a' before the text: if the first cluster is
		 * longer than the 'a', the text began inside a cluster. */
		for (p = line; *p == ' '; p++)
			;
		rest = len - (size_t)(p - line);
		joins = 0;
		if (rest > 0 && rest < sizeof probe - 1) {
			probe[0] = 'a';
			memcpy(probe + 1, p, rest);
			joins = text_cluster_end(probe, rest + 1, 0) > 1;
		}
		printf("%d %d\n", width, joins);
	}
	free(line);
	text_fini();
	return 0;
}
