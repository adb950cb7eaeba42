/* term-probe.c — measure ① on the real terminal: see term-probe.h. */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "term-probe.h"

static long
term_probe_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The clock the wait is measured by: tests set their own, so that the
 * timeout is tested without the wall clock. */
static long (*term_probe_clock)(void) = term_probe_now_ms;

void
term_probe_set_clock(long (*now_ms)(void))
{
	term_probe_clock = now_ms != NULL ? now_ms : term_probe_now_ms;
}

static bool
term_probe_write(int fd, const char *s)
{
	size_t len = strlen(s);
	ssize_t n;

	while (len > 0) {
		n = write(fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		s += n;
		len -= (size_t)n;
	}
	return true;
}

/* The column of the last cursor position report ESC [ row ; col R in
 * buf[0..n), or 0.  Anything around it (typeahead) is ignored. */
static int
term_probe_parse(const char *buf, size_t n)
{
	size_t i, j;
	int row, col, found = 0;

	for (i = 0; i + 1 < n; i++) {
		if (buf[i] != '\033' || buf[i + 1] != '[')
			continue;
		row = col = 0;
		for (j = i + 2; j < n && buf[j] >= '0' && buf[j] <= '9'; j++) {
			if (row < 100000)
				row = row * 10 + (buf[j] - '0');
		}
		if (j == i + 2 || j >= n || buf[j] != ';')
			continue;
		i = j++;
		for (; j < n && buf[j] >= '0' && buf[j] <= '9'; j++) {
			if (col < 100000)
				col = col * 10 + (buf[j] - '0');
		}
		if (j < n && buf[j] == 'R' && row > 0 && col > 0)
			found = col;
	}
	return found;
}

int
term_probe_ambiwidth(int fd, int timeout_ms)
{
	struct termios old, raw;
	struct pollfd p;
	char buf[128];
	size_t n = 0;
	ssize_t k;
	long deadline, left;
	int col = 0, width = 0, r;

	if (!isatty(fd) || tcgetattr(fd, &old) != 0)
		return 0;
	/* Read the reply as it comes, without echo: it is not for the
	 * screen. */
	raw = old;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(fd, TCSANOW, &raw) != 0)
		return 0;
	/* ① U+2460 is East Asian ambiguous: one cell in most terminals,
	 * two in CJK modes.  From column 1 the cursor ends at 2 or 3. */
	if (!term_probe_write(fd, "\r\xe2\x91\xa0\033[6n"))
		goto out;
	deadline = term_probe_clock() + timeout_ms;
	while ((col = term_probe_parse(buf, n)) == 0) {
		if ((left = deadline - term_probe_clock()) <= 0)
			break;
		if (n == sizeof buf) {
			/* Typeahead filled the buffer: keep its tail, where
			 * a reply may be starting. */
			memmove(buf, buf + n - 16, 16);
			n = 16;
		}
		p.fd = fd;
		p.events = POLLIN;
		p.revents = 0;
		r = poll(&p, 1, (int)left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		k = read(fd, buf + n, sizeof buf - n);
		if (k < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (k <= 0)
			break;
		n += (size_t)k;
	}
	if (col == 2)
		width = 1;
	else if (col == 3)
		width = 2;
out:
	term_probe_write(fd, "\r\033[K");
	tcsetattr(fd, TCSANOW, &old);
	return width;
}
