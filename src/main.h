/* main.h — start-up: finding the content, starting the interface. */
#ifndef HMS_MAIN_H
#define HMS_MAIN_H

#include <stdbool.h>

#include "options.h"


/* The content directory: --content, then $HMS_CONTENT, then the source
 * tree when run from the build tree, then the installed content.  The
 * caller frees it. */
char *main_content_dir(const char *option);

/* Run the interface (app.c) on the content in dir, at entity id if not
 * NULL.  Returns the exit status. */
int main_interface(const struct main_opts *mo, const char *dir,
    const char *id);

#endif
