/* term.h — the terminal: the only ncurses user.
 *
 * Starts and stops curses, reads keys (as key.h codes), maps style roles
 * to attributes, and copies a surface to the screen; ncurses then sends
 * only what changed.  The terminal is restored on every exit path: normal
 * exit, fatal errors (util_fatal_hook), and SIGINT/SIGTERM/SIGHUP, which
 * only set a flag that term_read_key() reports. */
#ifndef HMS_TERM_H
#define HMS_TERM_H

#include <stdbool.h>
#include <stdint.h>

struct surface;

struct term_opts {
	bool	no_color;	/* --no-color or NO_COLOR */
	bool	no_mouse;	/* --no-mouse: keep the terminal's own selection */
	int	escdelay;	/* milliseconds; 0: the default (50) */
};

/* Start curses on the controlling terminal.  Returns 0, or -1 with a
 * message in *err (the caller frees it): TERM unset, dumb or unknown. */
int term_init(const struct term_opts *opts, char **err);
/* Restore the terminal; safe to call more than once and from the fatal
 * hook. */
void term_fini(void);
bool term_active(void);

/* The current size. */
void term_size(int *w, int *h);
/* The size the terminal has at this moment, which may be newer than the
 * last resize ncurses has seen (keys and the resize signal take separate
 * ways: a key typed after a resize can arrive first). */
void term_size_now(int *w, int *h);

/* Why term_read_key returned without a key. */
enum term_event {
	TERM_KEY,	/* *key holds a key */
	TERM_TIMEOUT,	/* no key within the timeout */
	TERM_SIGNAL,	/* a terminating signal: see term_signal() */
	TERM_HANGUP	/* the terminal is gone (EIO, or endless errors) */
};

/* Wait up to timeout_ms (-1: forever) for a key. */
enum term_event term_read_key(int timeout_ms, uint32_t *key);
/* The signal that ended the session (SIGINT, SIGTERM, SIGHUP), or 0. */
int term_signal(void);

/* After HK_MOUSE: where, and what (1 click, 4 wheel up, 5 wheel down). */
struct term_mouse {
	int	x, y;
	int	button;
};
bool term_mouse(struct term_mouse *m);

/* Copy the surface to the screen and update it (differences only). */
void term_draw(const struct surface *s);
/* Clear and repaint everything on the next term_draw (C-l). */
void term_redraw_all(void);
/* Leave curses, stop the process (SIGTSTP), and come back. */
void term_suspend(void);
/* Leave curses, run argv (argv[0] looked up in PATH) on the terminal and
 * wait for it, then come back and repaint.  C-c meant for the program
 * does not end hms.  Returns its exit status (128 + signal when killed),
 * or -1 when it could not be started. */
int term_run_external(char *const argv[]);

#endif
