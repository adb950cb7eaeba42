/* main.h — options that reach the interface, and content lookup. */
#ifndef HMS_MAIN_H
#define HMS_MAIN_H

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

/* The content directory: --content, then $HMS_CONTENT, then the source
 * tree when run from the build tree, then the installed content.  The
 * caller frees it. */
char *main_content_dir(const char *option);

/* Run the interface (app.c) on the content in dir, at entity id if not
 * NULL.  Returns the exit status. */
int main_interface(const struct main_opts *mo, const char *dir,
    const char *id);

#endif
