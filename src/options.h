/* options.h — what the command line asks of the
 * interface (filled in by main.c, read by app.c). */
#ifndef HMS_OPTIONS_H
#define HMS_OPTIONS_H

#include <stdbool.h>

struct store;

struct main_opts {
	const char	*content;	/* --content, or NULL */
	const char	*keymap;	/* --keymap NAME|FILE, or NULL */
	const char	*check_keymap;	/* --check-keymap FILE, or NULL */
	const char	*lang;
	const char	*today;		/* --today YYYY-MM-DD, or NULL */
	int		 ambiwidth;	/* 0 unset, 1, 2, -1 auto */
	bool		 no_color;
	bool		 no_mouse;
	bool		 plain;		/* --plain: no cursor control */
	bool		 fresh;		/* --fresh: not the last place */
	int		 reading_width;	/* --reading-width, -1 unset */
	bool		 locale_note;	/* switched to C.UTF-8 */
	struct store	*store;		/* bookmarks, notes, history; NULL
					   keeps nothing (tests) */
};

#endif
