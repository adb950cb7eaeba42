/* app.c — the interactive interface (placeholder until the TUI lands). */
#include "config.h"

#include <stdio.h>

#include "main.h"

int
main_interface(const struct main_opts *mo, const char *dir, const char *id)
{
	(void)mo;
	(void)dir;
	(void)id;
	fputs("hms: the interface is not built yet; use the commands "
	    "(hms --help)\n", stderr);
	return 2;
}
