/* term.c — ncursesw: start, keys, attributes, drawing, restoring. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "key.h"
#include "surface.h"
#include "term.h"
#include "text.h"
#include "util.h"

static SCREEN *term_screen;
static bool term_on;
static bool term_color;
static volatile sig_atomic_t term_sig;
static int term_errors;		/* consecutive input errors */
static MEVENT term_last_mouse;

/* How long the rest of a UTF-8 character may take to arrive. */
#define TERM_UTF8_WAIT_MS 100

static void
term_on_signal(int sig)
{
	term_sig = sig;
}

static void
term_fatal_hook(void)
{
	term_fini();
}

/* Attributes of each role, for colour and for monochrome terminals.  In
 * monochrome every role stays distinguishable (bold, underline, reverse),
 * and views add text marks where meaning is at stake. */
static const struct {
	attr_t	attr;
	short	fg, bg;	/* -1: default */
} term_theme[STYLE_COUNT] = {
	[STYLE_NORMAL] =	{ A_NORMAL, -1, -1 },
	[STYLE_DIM] =		{ A_DIM, -1, -1 },
	[STYLE_TITLE] =		{ A_BOLD, COLOR_CYAN, -1 },
	[STYLE_HEADING] =	{ A_BOLD, -1, -1 },
	[STYLE_LINK] =		{ A_UNDERLINE, COLOR_BLUE, -1 },
	[STYLE_LINK_ACTIVE] =	{ A_REVERSE | A_UNDERLINE, -1, -1 },
	[STYLE_SELECTED] =	{ A_REVERSE, -1, -1 },
	[STYLE_SELECTED_DIM] =	{ A_UNDERLINE, -1, -1 },
	[STYLE_MATCH] =		{ A_REVERSE | A_BOLD, COLOR_YELLOW, -1 },
	[STYLE_STATUS] =	{ A_REVERSE, -1, -1 },
	[STYLE_MESSAGE] =	{ A_NORMAL, -1, -1 },
	[STYLE_ERROR] =		{ A_BOLD, COLOR_RED, -1 },
	[STYLE_MARK] =		{ A_BOLD, COLOR_MAGENTA, -1 },
	[STYLE_BORDER] =	{ A_NORMAL, -1, -1 },
	[STYLE_HIGHLIGHT] =	{ A_BOLD, COLOR_GREEN, -1 },
	[STYLE_PROGRESS_DONE] =	{ A_BOLD, COLOR_GREEN, -1 },
	[STYLE_PROGRESS_UNDERWAY] = { A_BOLD, COLOR_YELLOW, -1 },
	[STYLE_PROGRESS_NOT_STARTED] = { A_BOLD, COLOR_RED, -1 },
};

static attr_t
term_attr(int style)
{
	attr_t a;

	if (style < 0 || style >= STYLE_COUNT)
		style = STYLE_NORMAL;
	a = term_theme[style].attr;
	if (term_color && term_theme[style].fg != -1)
		a |= COLOR_PAIR(style);
	return a;
}

/* Sequences terminals send for the editing keys whatever their terminfo
 * entry says: vt100's has no PageUp, PageDown, Home or End, and a
 * terminal (or tmux, or PuTTY) under another TERM sends its own.  Each
 * one ncurses does not know already (key_defined) is taught to it, so
 * what terminfo reports comes first and nothing it binds is replaced. */
static const struct {
	const char	*seq;
	int		 key;
} term_extra_keys[] = {
	{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
	{ "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME },
	{ "\033[H", KEY_HOME }, { "\033OH", KEY_HOME },
	{ "\033[4~", KEY_END }, { "\033[8~", KEY_END },
	{ "\033[F", KEY_END }, { "\033OF", KEY_END },
	{ "\033[2~", KEY_IC }, { "\033[3~", KEY_DC },
	{ "\033[Z", KEY_BTAB },
	{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
	{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
	{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN },
	{ "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
};

/* Alt with the arrows (xterm's modifier 3) has no curses key of its
 * own: the code terminfo gives it (kLFT3, kRIT3), or one of ours. */
static struct {
	const char	*seq;
	uint32_t	 hk;
	int		 code;
} term_meta_keys[] = {
	{ "\033[1;3D", HK_LEFT | HK_META, 0 },
	{ "\033[1;3C", HK_RIGHT | HK_META, 0 },
	{ "\033[1;3A", HK_UP | HK_META, 0 },
	{ "\033[1;3B", HK_DOWN | HK_META, 0 },
};

static void
term_define_keys(void)
{
	size_t i;
	int code;

	for (i = 0; i < sizeof term_extra_keys / sizeof term_extra_keys[0];
	    i++) {
		if (key_defined(term_extra_keys[i].seq) == 0)
			define_key(term_extra_keys[i].seq, term_extra_keys[i].key);
	}
	for (i = 0; i < sizeof term_meta_keys / sizeof term_meta_keys[0]; i++) {
		code = key_defined(term_meta_keys[i].seq);
		if (code <= 0) {
			code = KEY_MAX + 1 + (int)i;
			define_key(term_meta_keys[i].seq, code);
		}
		term_meta_keys[i].code = code;
	}
}

/* Whether the terminal has an alternate screen that endwin() leaves
 * (terminfo rmcup): without one the last screen would stay behind. */
static bool
term_has_alt_screen(void)
{
	char *s = tigetstr("rmcup");

	return s != NULL && s != (char *)-1 && *s != '\0';
}

int
term_init(const struct term_opts *opts, char **err)
{
	const char *term = getenv("TERM");
	struct sigaction sa;
	int i;

	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0) {
		*err = xasprintf("this terminal (TERM=%s) cannot show the "
		    "interface; use the commands instead, e.g. hms search "
		    "QUERY, hms show ID (hms --help lists them)",
		    term == NULL || *term == '\0' ? "unset" : term);
		return -1;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*err = xstrdup("the interface needs a terminal on standard "
		    "input and output; use the commands instead "
		    "(hms --help lists them)");
		return -1;
	}
	/* newterm, unlike initscr, returns on an unknown TERM. */
	term_screen = newterm(NULL, stdout, stdin);
	if (term_screen == NULL) {
		*err = xasprintf("terminal type '%s' is unknown here (install "
		    "Debian's ncurses-term, or set TERM=xterm-256color); the "
		    "commands work without it (hms --help)", term);
		return -1;
	}
	term_on = true;
	util_fatal_hook = term_fatal_hook;
	raw();		/* C-c, C-z, C-s and C-q arrive as keys */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	term_define_keys();
	meta(stdscr, TRUE);
	idlok(stdscr, TRUE);
	set_escdelay(opts->escdelay > 0 ? opts->escdelay : 50);
	curs_set(0);
	term_color = !opts->no_color && has_colors();
	if (term_color) {
		start_color();
		use_default_colors();
		for (i = 1; i < STYLE_COUNT; i++) {
			if (term_theme[i].fg != -1)
				init_pair((short)i, term_theme[i].fg,
				    term_theme[i].bg);
		}
	}
	if (!opts->no_mouse)
		mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED |
		    BUTTON5_PRESSED, NULL);
	mouseinterval(0);

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = term_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	return 0;
}

void
term_fini(void)
{
	if (!term_on)
		return;
	term_on = false;
	/* No alternate screen (vt100, some PuTTY settings): blank the
	 * screen ourselves so that the shell gets a clean terminal. */
	if (!term_has_alt_screen()) {
		erase();
		refresh();
	}
	curs_set(1);
	endwin();
	if (term_screen != NULL) {
		delscreen(term_screen);
		term_screen = NULL;
	}
	fflush(stdout);
}

bool
term_active(void)
{
	return term_on;
}

void
term_size(int *w, int *h)
{
	getmaxyx(stdscr, *h, *w);
}

void
term_size_now(int *w, int *h)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 &&
	    ws.ws_row > 0) {
		*w = ws.ws_col;
		*h = ws.ws_row;
	} else
		term_size(w, h);
}

int
term_signal(void)
{
	return (int)term_sig;
}

static uint32_t
term_map_curses(int k)
{
	size_t i;

	for (i = 0; i < sizeof term_meta_keys / sizeof term_meta_keys[0]; i++) {
		if (term_meta_keys[i].code > 0 && k == term_meta_keys[i].code)
			return term_meta_keys[i].hk;
	}
	switch (k) {
	case KEY_UP: return HK_UP;
	case KEY_DOWN: return HK_DOWN;
	case KEY_LEFT: return HK_LEFT;
	case KEY_RIGHT: return HK_RIGHT;
	case KEY_HOME: return HK_HOME;
	case KEY_END: return HK_END;
	case KEY_PPAGE: return HK_PPAGE;
	case KEY_NPAGE: return HK_NPAGE;
	case KEY_IC: return HK_IC;
	case KEY_DC: return HK_DC;
	case KEY_ENTER: return HK_ENTER;
	case KEY_BTAB: return HK_BTAB;
	case KEY_BACKSPACE: return HK_BSPACE;
	case KEY_RESIZE: return HK_RESIZE;
	case KEY_MOUSE: return HK_MOUSE;
	case KEY_SLEFT: return HK_LEFT | HK_META;
	case KEY_SRIGHT: return HK_RIGHT | HK_META;
	default:
		if (k >= KEY_F(1) && k <= KEY_F(12))
			return HK_F1 + (uint32_t)(k - KEY_F(1));
		/* Alt+arrows in xterm-style terminals. */
		return HK_NONE;
	}
}

static uint32_t
term_map_char(wint_t c)
{
	switch (c) {
	case '\r':
	case '\n':
		return HK_ENTER;
	case '\t':
		return HK_TAB;
	case 0x7f:
	case 0x08:
		return HK_BSPACE;
	case 0x1b:
		return HK_ESCAPE;
	case ' ':
		return HK_SPACE;
	case 0:
		return HK_SPACE | HK_CTRL;
	default:
		if (c < 0x20)
			return ((uint32_t)c + 'a' - 1) | HK_CTRL;
		return (uint32_t)c;
	}
}

/* The rest of a UTF-8 character whose first byte was lead.  Input is
 * read byte by byte (wgetch) and decoded here rather than by get_wch(),
 * which on a byte that is not UTF-8 (a Latin-1 terminal, line noise)
 * swallows the keys that follow it, and with a timeout drops a character
 * split between two reads of a paste.  Continuation bytes come at once;
 * anything else, or nothing within TERM_UTF8_WAIT_MS, makes the
 * character U+FFFD, and a byte that is not a continuation is read again
 * as a key of its own. */
static uint32_t
term_read_utf8(int lead)
{
	char seq[4];
	size_t n = text_utf8_length((unsigned char)lead), i;
	uint32_t cp;
	int c;

	if (n < 2)
		return 0xfffd;
	seq[0] = (char)lead;
	for (i = 1; i < n; i++) {
		timeout(TERM_UTF8_WAIT_MS);
		c = getch();
		if (c == ERR)
			return 0xfffd;
		if (c < 0x80 || c > 0xbf) {
			ungetch(c);
			return 0xfffd;
		}
		seq[i] = (char)c;
	}
	/* Overlong forms and surrogates are the text module's to refuse. */
	if (text_utf8_decode(seq, n, &cp) != n)
		return 0xfffd;
	return cp;
}

/* A byte or a curses key code as a key. */
static uint32_t
term_map(int c)
{
	if (c >= KEY_MIN)
		return term_map_curses(c);
	if (c >= 0x80)
		return term_read_utf8(c);
	return term_map_char((wint_t)c);
}

enum term_event
term_read_key(int timeout_ms, uint32_t *key)
{
	struct timespec t0, t1;
	long ms;
	int c, c2;

	*key = HK_NONE;
	for (;;) {
		if (term_sig != 0)
			return term_sig == SIGHUP ? TERM_HANGUP : TERM_SIGNAL;
		timeout(timeout_ms);
		errno = 0;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		c = getch();
		if (c == ERR) {
			if (term_sig != 0)
				continue;
			/* A dropped connection: EIO, or errors that come back
			 * at once, again and again (end of file).  Never spin
			 * at 100% CPU after SSH goes away. */
			if (errno == EIO || errno == EBADF || !isatty(STDIN_FILENO))
				return TERM_HANGUP;
			clock_gettime(CLOCK_MONOTONIC, &t1);
			ms = (t1.tv_sec - t0.tv_sec) * 1000 +
			    (t1.tv_nsec - t0.tv_nsec) / 1000000;
			if (errno != EINTR && (timeout_ms < 0 ||
			    ms < timeout_ms / 2)) {
				if (++term_errors >= 100)
					return TERM_HANGUP;
			} else
				term_errors = 0;
			if (timeout_ms >= 0 && errno != EINTR)
				return TERM_TIMEOUT;
			continue;
		}
		term_errors = 0;
		/* Down to one column: blank what ncurses kept, before its own
		 * refresh in the next getch() draws it (see term_draw). */
		if (c == KEY_RESIZE && COLS < 2)
			erase();
		*key = term_map(c);
		if (*key == HK_MOUSE && getmouse(&term_last_mouse) != OK)
			continue;
		if (*key == HK_NONE)
			continue;
		if (*key == HK_ESCAPE) {
			/* ESC followed at once by a key is Meta-key. */
			timeout(0);
			if ((c2 = getch()) != ERR) {
				uint32_t k2 = term_map(c2);
				if (k2 != HK_NONE && k2 != HK_MOUSE &&
				    k2 != HK_RESIZE)
					*key = k2 | HK_META;
				else if (c2 >= KEY_MIN)
					ungetch(c2);
			}
		}
		return TERM_KEY;
	}
}

bool
term_mouse(struct term_mouse *m)
{
	m->x = term_last_mouse.x;
	m->y = term_last_mouse.y;
	if (term_last_mouse.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
		m->button = 1;
	else if (term_last_mouse.bstate & BUTTON4_PRESSED)
		m->button = 4;
	else if (term_last_mouse.bstate & BUTTON5_PRESSED)
		m->button = 5;
	else
		m->button = 0;
	return m->button != 0;
}

void
term_draw(const struct surface *s)
{
	const struct surface_cell *c;
	int x, y, w, h;

	getmaxyx(stdscr, h, w);
	for (y = 0; y < s->h && y < h; y++) {
		for (x = 0; x < s->w && x < w; x++) {
			c = &s->cells[y * s->w + x];
			if (c->width == 0)
				continue;
			/* A wide cell needs two columns. */
			if (c->width == 2 && x + 1 >= w)
				break;
			/* On a one-column screen the bottom-right cell stays
			 * blank: ncurses 6.4 draws that cell on terminals
			 * without xenl (screen, tmux) by way of the cell to
			 * its left, and reads before the line (valgrind). */
			if (w == 1 && y == h - 1)
				break;
			attrset(term_attr(c->style));
			/* The bottom-right cell "fails" (the cursor cannot
			 * move on); the character is drawn all the same. */
			mvaddstr(y, x, c->c);
		}
	}
	attrset(A_NORMAL);
	if (s->cursor) {
		move(s->cy, s->cx);
		curs_set(1);
	} else
		curs_set(0);
	refresh();
}

void
term_redraw_all(void)
{
	clearok(curscr, TRUE);
}

void
term_suspend(void)
{
	endwin();
	fflush(stdout);
	raise(SIGTSTP);
	/* Back after fg: ncurses' own SIGTSTP handling restores the modes. */
	refresh();
	clearok(curscr, TRUE);
}

int
term_run_external(char *const argv[])
{
	struct sigaction ign, oldint, oldquit;
	pid_t pid;
	int status = 0, rc;
	bool was = term_on;

	if (was) {
		endwin();
		fflush(stdout);
	}
	/* As system(3): the program gets the terminal's signals, we wait. */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &oldint);
	sigaction(SIGQUIT, &ign, &oldquit);
	pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		execvp(argv[0], argv);
		_exit(127);
	}
	rc = -1;
	if (pid > 0) {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		if (WIFEXITED(status))
			rc = WEXITSTATUS(status) == 127 ? -1 : WEXITSTATUS(status);
		else if (WIFSIGNALED(status))
			rc = 128 + WTERMSIG(status);
	}
	sigaction(SIGINT, &oldint, NULL);
	sigaction(SIGQUIT, &oldquit, NULL);
	if (was) {
		/* Back to the program's modes, and paint everything. */
		refresh();
		clearok(curscr, TRUE);
	}
	return rc;
}
