/* test-text-curses.c — ncurses counts every width as text does.
 *
 * ncurses measures characters with wcwidth(), which text.c interposes: with
 * --ambiwidth 2 ①※Ⅰ○ must take two cells in ncurses' own bookkeeping too,
 * or every later character on the row drifts.  On a pseudo-terminal
 * (newterm with a known TERM), each tricky string is drawn as
 * text_sanitize() draws it and ncurses' cursor column must equal
 * text_width() of the original, with ambiguous width 1 and 2. */
#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>

#include "tap.h"
#include "text.h"
#include "util.h"

static const char *const strings[] = {
	"①※Ⅰ○",
	"■◆→…─│┌",
	"大⼤",
	"　全角　",
	"ｶﾞｷﾞ",
	"e\xcc\x81",
	"\xcc\x81",
	"ＦＩＨ",
	"👩‍💻",
	"👍🏽",
	"🇯🇵",
	"1\xef\xb8\x8f\xe2\x83\xa3",
	"第3期\x1b[2J計画",
	"\xe2\x80\xae" "evil",
	"a\xe2\x80\x8b" "b",
	"\xff\xfe",
	"한글 क्ष",
	"令和６年度（2024年度）",
};

/* Draw s as text draws it at the start of row y; return ncurses'
 * cursor column afterwards, or -1 if ncurses refused it. */
static int
draw(WINDOW *w, int y, const char *s)
{
	char *d = text_sanitize(s, strlen(s));
	size_t n = strlen(d) + 1;
	wchar_t *wcs = xreallocarray(NULL, n, sizeof *wcs);
	int x = -1;

	if (mbstowcs(wcs, d, n) != (size_t)-1) {
		wmove(w, y, 0);
		wclrtoeol(w);
		if (waddwstr(w, wcs) != ERR)
			x = getcurx(w);
	}
	free(wcs);
	free(d);
	return x;
}

int
main(void)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	int master, slave, mode, x, y, i, flags;
	char *err = NULL, junk[4096];
	FILE *out, *in;
	SCREEN *scr;
	size_t k;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL &&
	    setlocale(LC_ALL, "C.utf8") == NULL) {
		printf("1..0 # SKIP no C.UTF-8 locale\n");
		return 0;
	}
	if (text_init(&err) != 0) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	if (openpty(&master, &slave, NULL, NULL, &ws) != 0) {
		printf("1..0 # SKIP no pseudo-terminal\n");
		return 0;
	}
	/* What ncurses sends is not read; keep the master from filling. */
	flags = fcntl(master, F_GETFL);
	fcntl(master, F_SETFL, flags | O_NONBLOCK);
	out = fdopen(slave, "w");
	in = fdopen(dup(slave), "r");
	scr = newterm("xterm-256color", out, in);
	if (scr == NULL) {
		printf("1..0 # SKIP no terminfo entry for xterm-256color\n");
		return 0;
	}
	ok(COLS == 80, "the screen is 80 columns wide");

	for (mode = 1; mode <= 2; mode++) {
		text_set_ambiwidth(mode);
		is_int(wcwidth(0x2460), mode,
		    "wcwidth(①), as ncurses calls it, is %d", mode);
		for (k = 0; k < HMS_NELEM(strings); k++) {
			char *name = text_sanitize(strings[k], strlen(strings[k]));
			x = draw(stdscr, 0, strings[k]);
			is_int(x, text_width(strings[k], strlen(strings[k])),
			    "ambiwidth %d: ncurses' column after \"%s\" is "
			    "text_width", mode, name);
			free(name);
		}
		/* The issue's own check, with the n-variant. */
		wmove(stdscr, 1, 0);
		wclrtoeol(stdscr);
		mvwaddnwstr(stdscr, 1, 0, L"①※Ⅰ○", -1);
		is_int(getcurx(stdscr), 4 * mode,
		    "ambiwidth %d: ①※Ⅰ○ takes %d cells in ncurses", mode,
		    4 * mode);
		is_int(getcurx(stdscr), text_width("①※Ⅰ○", strlen("①※Ⅰ○")),
		    "ambiwidth %d: and in text", mode);
		/* A full row: no drift means the row ends where ncurses
		 * wraps. */
		wmove(stdscr, 2, 0);
		for (i = 0; i < 80 / mode; i++)
			waddwstr(stdscr, L"①");
		getyx(stdscr, y, x);
		ok(y == 3 && x == 0, "ambiwidth %d: %d × ① fill exactly one "
		    "row of 80 cells (cursor at %d,%d)", mode, 80 / mode, y, x);
		wrefresh(stdscr);
		while (read(master, junk, sizeof junk) > 0)
			;
	}
	text_set_ambiwidth(1);
	endwin();
	while (read(master, junk, sizeof junk) > 0)
		;
	delscreen(scr);
	fclose(out);
	fclose(in);
	close(master);
	text_fini();
	return tap_done();
}
