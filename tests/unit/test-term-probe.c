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

/* A clock for the probe that moves only as the test says: each reading
 * returns the next of clock_ticks (the last one again when they run
 * out), and is counted. */
static const long *clock_ticks;
static int clock_nticks, clock_reads;

static long
fake_now_ms(void)
{
	int i = clock_reads < clock_nticks ? clock_reads : clock_nticks - 1;

	clock_reads++;
	return clock_ticks[i];
}

static void
fake_clock(const long *ticks, int n)
{
	clock_ticks = ticks;
	clock_nticks = n;
	clock_reads = 0;
	term_probe_set_clock(fake_now_ms);
}

/* Probe a fresh pseudo-terminal whose "terminal" has already typed
 * answer; store what the probe wrote to the screen in shown. */
static int
probe(const char *answer, int timeout, char *shown, size_t shownsz)
{
	struct termios t, after;
	struct pollfd p;
	int master, slave, w, flags;
	size_t got;
	ssize_t n;

	if (openpty(&master, &slave, NULL, NULL, NULL) != 0)
		return -1;
	/* A terminal application's usual state is raw; the probe must
	 * leave whatever it found. */
	tcgetattr(slave, &t);
	cfmakeraw(&t);
	tcsetattr(slave, TCSANOW, &t);
	if (answer != NULL && write(master, answer, strlen(answer)) < 0)
		return -1;
	w = term_probe_ambiwidth(slave, timeout);
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
	static const long still[] = { 0 };
	static const long passed[] = { 0, 200 };
	char shown[256];
	size_t i;
	int fds[2], w;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		w = probe(cases[i].answer, 1000, shown, sizeof shown);
		is_int(w, cases[i].want, "%s: %d", cases[i].what,
		    cases[i].want);
	}
	/* A clock that never moves: only the answer can end the wait. */
	fake_clock(still, 1);
	w = probe("\033[24;3R", 1000, shown, sizeof shown);
	is_int(w, 2, "with the clock stopped, the answer is read");
	ok(strstr(shown, "\r\xe2\x91\xa0\033[6n") != NULL,
	    "the probe writes \u2460 from column 1, then asks for the cursor");
	ok(strstr(shown, "\r\033[K") != NULL, "and clears the line after");
	ok(clock_reads <= 2, "an answer ends the wait at once, not the "
	    "deadline (%d clock readings)", clock_reads);

	/* No answer, and the clock at the deadline on its second reading:
	 * the timeout is what ends the wait, not a read or a poll. */
	fake_clock(passed, 2);
	w = probe(NULL, 200, shown, sizeof shown);
	is_int(w, 0, "no answer: keep the default");
	is_int(clock_reads, 2, "no answer: the wait ends when the clock "
	    "reaches the timeout");
	term_probe_set_clock(NULL);

	if (pipe(fds) == 0) {
		is_int(term_probe_ambiwidth(fds[0], 200), 0,
		    "not a terminal: nothing to ask");
		close(fds[0]);
		close(fds[1]);
	}
	return tap_done();
}
