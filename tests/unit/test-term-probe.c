/* test-term-probe.c — --ambiwidth auto: the probe reads the terminal's
 * cursor report after ①, on a pseudo-terminal that answers like a
 * terminal in each mode, and gives up in time when none answers. */
#include "config.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"
#include "term-probe.h"

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Probe a fresh pseudo-terminal whose "terminal" has already typed
 * answer; store what the probe wrote to the screen in shown. */
static int
probe(const char *answer, int timeout, char *shown, size_t shownsz,
    long *ms)
{
	struct termios t, after;
	struct pollfd p;
	int master, slave, w, flags;
	size_t got;
	ssize_t n;
	long t0;

	if (openpty(&master, &slave, NULL, NULL, NULL) != 0)
		return -1;
	/* A terminal application's usual state is raw; the probe must
	 * leave whatever it found. */
	tcgetattr(slave, &t);
	cfmakeraw(&t);
	tcsetattr(slave, TCSANOW, &t);
	if (answer != NULL && write(master, answer, strlen(answer)) < 0)
		return -1;
	t0 = now_ms();
	w = term_probe_ambiwidth(slave, timeout);
	*ms = now_ms() - t0;
	tcgetattr(slave, &after);
	if (after.c_lflag != t.c_lflag)
		w = -2;
	/* The pty passes writes on as they come: collect until quiet. */
	flags = fcntl(master, F_GETFL);
	fcntl(master, F_SETFL, flags | O_NONBLOCK);
	got = 0;
	p.fd = master;
	p.events = POLLIN;
	while (got < shownsz - 1 && poll(&p, 1, 100) > 0) {
		n = read(master, shown + got, shownsz - 1 - got);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	shown[got] = '\0';
	close(slave);
	close(master);
	return w;
}

int
main(void)
{
	static const struct {
		const char	*answer;
		int		 want;
		const char	*what;
	} cases[] = {
		{ "\033[24;3R", 2, "a terminal that draws ① in two cells" },
		{ "\033[1;2R", 1, "a terminal that draws ① in one cell" },
		{ "ab\033[5;3R", 2, "typeahead before the report" },
		{ "\033[1;5R", 0, "a column that makes no sense" },
		{ "\033[1;R", 0, "a malformed report" },
	};
	char shown[256];
	size_t i;
	long ms;
	int fds[2], w;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		w = probe(cases[i].answer, 1000, shown, sizeof shown, &ms);
		is_int(w, cases[i].want, "%s: %d", cases[i].what,
		    cases[i].want);
	}
	w = probe("\033[24;3R", 1000, shown, sizeof shown, &ms);
	ok(strstr(shown, "\r\xe2\x91\xa0\033[6n") != NULL,
	    "the probe writes ① from column 1, then asks for the cursor");
	ok(strstr(shown, "\r\033[K") != NULL, "and clears the line after");
	ok(ms < 500, "an answer ends the wait at once (%ld ms)", ms);

	w = probe(NULL, 200, shown, sizeof shown, &ms);
	is_int(w, 0, "no answer: keep the default");
	ok(ms >= 190 && ms < 1500, "no answer: waited the timeout (%ld ms)",
	    ms);

	if (pipe(fds) == 0) {
		is_int(term_probe_ambiwidth(fds[0], 200), 0,
		    "not a terminal: nothing to ask");
		close(fds[0]);
		close(fds[1]);
	}
	return tap_done();
}
