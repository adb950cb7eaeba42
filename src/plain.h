/* plain.h — hms without cursor control: commands read line by line, pages
 * printed as text with numbered links (TERM=dumb, an Emacs shell buffer,
 * a screen reader, a pipe). */
#ifndef HMS_PLAIN_H
#define HMS_PLAIN_H

#include <stdio.h>

struct content;
struct content_entity;

/* Read commands from in until "quit" or end of file, printing pages on
 * out and one-line complaints on err; first print start's page if it is
 * not NULL.  Pages are wrapped to $COLUMNS, else 80.  A prompt and a
 * greeting are printed only when in is a terminal.  Returns the exit
 * status: 0 (a bad command is reported and the session goes on; only
 * an output error gives 2). */
int plain_run(const struct content *c, const struct content_entity *start,
    FILE *in, FILE *out, FILE *err);

#endif
