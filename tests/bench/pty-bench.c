/* pty-bench.c — drive a program on a pseudo-terminal and measure what a
 * person at the terminal gets: time to the first full screen, bytes sent
 * per key, time from a key to the screen's answer, peak memory.
 *
 *	pty-bench [-s COLSxROWS] [-t TERM] STEP... -- PROGRAM [ARG...]
 *	pty-bench -r N -- PROGRAM [ARG...]
 *
 * Steps, in order; each prints one line "NAME VALUE..." on stdout:
 *	frame:TEXT	wait until TEXT has been written (the first complete
 *			frame: its last line); prints "frame_ms MS CPU_MS",
 *			the time since the start and the CPU time the
 *			program had used by then
 *	quiet		read until the program has been silent for 200 ms
 *	send:KEYS	send KEYS, then wait until quiet
 *	bytes:NAME:KEYS	send KEYS; prints "bytes_NAME N", the bytes written
 *			until the program is quiet again
 *	lat:NAME:REPS:KEYS
 *			type KEYS one character at a time, REPS times (C-u
 *			clears the line between): for each character, the
 *			time from the key to the first byte of the answer;
 *			prints "lat_NAME P50 P99 MAX COUNT" in milliseconds
 *	uss:NAME	prints "uss_NAME KB", the program's private memory
 *			now (Private_Clean + Private_Dirty of smaps_rollup)
 *	touch:FILE	create FILE (to tell run.sh a step is reached)
 *	wait:FILE	wait, reading the program's output, until FILE
 *			exists (at most about a minute)
 * KEYS take C escapes: \e \r \n \t \\ \xHH.  At the end Escape (to close
 * any prompt) and q are sent and the program waited for (SIGTERM after
 * 10 s); "rss_kb N" is its peak resident set size and "exit N" its
 * status.
 *
 * With -r N, PROGRAM runs N times with no terminal (output to /dev/null):
 * "best_ms MS median_ms MS cpu_ms MS rss_kb N exit N" (best: the least
 * disturbed run, as the machine may be busy; cpu: the least user+system
 * time of a run).
 *
 * A tool for tests/bench/run.sh (make bench): figures, never verdicts. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static int pb_fd = -1;
static pid_t pb_pid;
static char *pb_out;		/* everything read, for frame: */
static size_t pb_len, pb_cap;

static double
pb_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void __attribute__((noreturn))
pb_die(const char *msg)
{
	fprintf(stderr, "pty-bench: %s: %s\n", msg, strerror(errno));
	if (pb_pid > 0)
		kill(pb_pid, SIGKILL);
	exit(2);
}

/* Read what is there within timeout_ms; returns the bytes read, 0 on
 * timeout, -1 at the end. */
static long
pb_read(int timeout_ms)
{
	struct pollfd p = { .fd = pb_fd, .events = POLLIN };
	char buf[65536];
	ssize_t n;
	int rc;

	rc = poll(&p, 1, timeout_ms);
	if (rc < 0 && errno == EINTR)
		return 0;
	if (rc < 0)
		pb_die("poll");
	if (rc == 0)
		return 0;
	n = read(pb_fd, buf, sizeof buf);
	if (n <= 0)
		return -1;
	if (pb_len + (size_t)n + 1 > pb_cap) {
		pb_cap = (pb_len + (size_t)n + 1) * 2;
		if ((pb_out = realloc(pb_out, pb_cap)) == NULL)
			pb_die("realloc");
	}
	memcpy(pb_out + pb_len, buf, (size_t)n);
	pb_len += (size_t)n;
	pb_out[pb_len] = '\0';
	return (long)n;
}

/* Read until silent for quiet_ms; returns the bytes read. */
static long
pb_drain(int quiet_ms)
{
	long n, total = 0;

	while ((n = pb_read(quiet_ms)) > 0)
		total += n;
	return total;
}

static void
pb_write(const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(pb_fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			pb_die("write");
		s += w;
		n -= (size_t)w;
	}
}

/* Decode C escapes into out; returns the length. */
static size_t
pb_unescape(const char *s, char *out)
{
	size_t n = 0;
	unsigned v;

	while (*s != '\0') {
		if (*s != '\\' || s[1] == '\0') {
			out[n++] = *s++;
			continue;
		}
		s++;
		switch (*s) {
		case 'e': out[n++] = '\033'; s++; break;
		case 'r': out[n++] = '\r'; s++; break;
		case 'n': out[n++] = '\n'; s++; break;
		case 't': out[n++] = '\t'; s++; break;
		case 'x':
			if (sscanf(s + 1, "%2x", &v) == 1) {
				out[n++] = (char)v;
				s += 3;
				break;
			}
			/* FALLTHROUGH */
		default:
			out[n++] = *s++;
			break;
		}
	}
	return n;
}

/* CPU time the program has used so far, from the scheduler's account
 * (nanoseconds, unlike the clock ticks of /proc/PID/stat); -1 if unknown. */
static double
pb_cpu_ms(void)
{
	char path[64];
	unsigned long long ns;
	FILE *f;
	int n;

	snprintf(path, sizeof path, "/proc/%ld/schedstat", (long)pb_pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	n = fscanf(f, "%llu", &ns);
	fclose(f);
	return n == 1 ? (double)ns / 1e6 : -1;
}

static int
pb_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
pb_pct(double *v, size_t n, double p)
{
	size_t i = (size_t)(p * (double)(n - 1) + 0.5);

	return n == 0 ? 0 : v[i < n ? i : n - 1];
}

static void
pb_frame(const char *text)
{
	double t0 = pb_now();
	size_t from = 0;

	for (;;) {
		if (pb_out != NULL && strstr(pb_out + from, text) != NULL)
			break;
		if (pb_read(10000) < 0) {
			fprintf(stderr, "pty-bench: the program ended before "
			    "'%s' appeared\n", text);
			exit(2);
		}
		if (pb_now() - t0 > 60000) {
			fprintf(stderr, "pty-bench: no '%s' within 60 s\n",
			    text);
			exit(2);
		}
	}
	(void)from;
}

/* Type keys one character (one UTF-8 sequence) at a time. */
static void
pb_latency(const char *name, int reps, const char *keys)
{
	char k[4096];
	size_t n = pb_unescape(keys, k), i, c, nv = 0;
	double *v = calloc((size_t)reps * n + 1, sizeof *v), t0;
	int r;

	if (v == NULL)
		pb_die("calloc");
	for (r = 0; r < reps; r++) {
		for (i = 0; i < n; i += c) {
			c = 1;
			while (i + c < n && ((unsigned char)k[i + c] & 0xc0) == 0x80)
				c++;
			t0 = pb_now();
			pb_write(k + i, c);
			if (pb_read(5000) <= 0)
				continue;	/* nothing to redraw */
			v[nv++] = pb_now() - t0;
			pb_drain(30);
		}
		pb_write("\025", 1);	/* C-u */
		pb_drain(100);
	}
	qsort(v, nv, sizeof *v, pb_cmp_double);
	printf("lat_%s %.3f %.3f %.3f %zu\n", name, pb_pct(v, nv, 0.5),
	    pb_pct(v, nv, 0.99), nv > 0 ? v[nv - 1] : 0.0, nv);
	free(v);
}

/* The program's private memory (USS: what another instance on the same
 * content cannot share), in kB, from /proc/PID/smaps_rollup; -1 when it
 * cannot be read. */
static long
pb_uss(void)
{
	char path[64], line[256];
	long kb, sum = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/smaps_rollup", (long)pb_pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "Private_Clean: %ld", &kb) == 1 ||
		    sscanf(line, "Private_Dirty: %ld", &kb) == 1)
			sum = (sum < 0 ? 0 : sum) + kb;
	}
	fclose(f);
	return sum;
}

static void
pb_step(const char *step)
{
	char k[4096], name[64];
	const char *p;
	size_t n;
	int reps;

	if (strncmp(step, "frame:", 6) == 0) {
		double t0 = pb_now();
		pb_frame(step + 6);
		(void)t0;
	} else if (strcmp(step, "quiet") == 0)
		pb_drain(200);
	else if (strncmp(step, "uss:", 4) == 0)
		printf("uss_%s %ld\n", step + 4, pb_uss());
	else if (strncmp(step, "touch:", 6) == 0)
		close(open(step + 6, O_WRONLY | O_CREAT | O_CLOEXEC, 0600));
	else if (strncmp(step, "wait:", 5) == 0) {
		/* Until another pty-bench or run.sh makes the file (at most
		 * 3000 naps of about 20 ms), keeping the program's output
		 * drained. */
		for (n = 0; n < 3000 && access(step + 5, F_OK) != 0; n++)
			pb_drain(20);
	}
	else if (strncmp(step, "send:", 5) == 0) {
		n = pb_unescape(step + 5, k);
		pb_write(k, n);
		pb_drain(200);
	} else if (strncmp(step, "bytes:", 6) == 0 &&
	    (p = strchr(step + 6, ':')) != NULL) {
		snprintf(name, sizeof name, "%.*s", (int)(p - step - 6),
		    step + 6);
		n = pb_unescape(p + 1, k);
		pb_drain(100);
		pb_write(k, n);
		printf("bytes_%s %ld\n", name, pb_drain(150));
	} else if (strncmp(step, "lat:", 4) == 0 &&
	    (p = strchr(step + 4, ':')) != NULL &&
	    sscanf(p + 1, "%d:", &reps) == 1 && strchr(p + 1, ':') != NULL) {
		snprintf(name, sizeof name, "%.*s", (int)(p - step - 4),
		    step + 4);
		pb_latency(name, reps, strchr(p + 1, ':') + 1);
	} else {
		fprintf(stderr, "pty-bench: bad step '%s'\n", step);
		exit(2);
	}
	fflush(stdout);
}

/* -r N: run without a terminal, N times. */
static int
pb_runs(int runs, char **argv)
{
	double *t = calloc((size_t)runs, sizeof *t), t0, cpu, best_cpu = -1;
	struct rusage ru;
	long rss = 0;
	int i, st = 0, fd;
	pid_t pid;

	if (t == NULL)
		pb_die("calloc");
	for (i = 0; i < runs; i++) {
		t0 = pb_now();
		if ((pid = fork()) < 0)
			pb_die("fork");
		if (pid == 0) {
			if ((fd = open("/dev/null", O_RDWR)) >= 0) {
				dup2(fd, 0);
				dup2(fd, 1);
			}
			execvp(argv[0], argv);
			_exit(127);
		}
		if (wait4(pid, &st, 0, &ru) < 0)
			pb_die("wait4");
		t[i] = pb_now() - t0;
		cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
		    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
		if (best_cpu < 0 || cpu < best_cpu)
			best_cpu = cpu;
		if (ru.ru_maxrss > rss)
			rss = ru.ru_maxrss;
	}
	qsort(t, (size_t)runs, sizeof *t, pb_cmp_double);
	printf("best_ms %.2f median_ms %.2f cpu_ms %.2f rss_kb %ld exit %d\n",
	    t[0], t[runs / 2], best_cpu, rss, WIFEXITED(st) ?
	    WEXITSTATUS(st) : 128 + WTERMSIG(st));
	free(t);
	return 0;
}

int
main(int argc, char **argv)
{
	struct winsize ws = { .ws_col = 80, .ws_row = 24 };
	const char *term = "xterm-256color";
	struct rusage ru;
	double t0;
	int i, first, nsteps, st, runs = 0;
	char **steps;

	signal(SIGPIPE, SIG_IGN);
	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "-s") == 0 && i + 1 < argc) {
			unsigned c, r;
			if (sscanf(argv[++i], "%ux%u", &c, &r) != 2)
				goto usage;
			ws.ws_col = (unsigned short)c;
			ws.ws_row = (unsigned short)r;
		} else if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
			term = argv[++i];
		else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
			runs = atoi(argv[++i]);
		else
			break;
	}
	first = i;
	while (i < argc && strcmp(argv[i], "--") != 0)
		i++;
	if (i + 1 >= argc)
		goto usage;
	steps = argv + first;
	nsteps = i - first;
	argv += i + 1;
	if (runs > 0)
		return pb_runs(runs, argv);

	t0 = pb_now();
	pb_pid = forkpty(&pb_fd, NULL, NULL, &ws);
	if (pb_pid < 0)
		pb_die("forkpty");
	if (pb_pid == 0) {
		setenv("TERM", term, 1);
		unsetenv("COLUMNS");
		unsetenv("LINES");
		execvp(argv[0], argv);
		fprintf(stderr, "pty-bench: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	for (i = 0; i < nsteps; i++) {
		if (strncmp(steps[i], "frame:", 6) == 0) {
			pb_frame(steps[i] + 6);
			printf("frame_ms %.2f %.2f\n", pb_now() - t0,
			    pb_cpu_ms());
			fflush(stdout);
		} else
			pb_step(steps[i]);
	}
	pb_drain(100);
	pb_write("\033", 1);
	pb_drain(300);
	pb_write("q", 1);
	t0 = pb_now();
	for (;;) {
		pid_t w = wait4(pb_pid, &st, WNOHANG, &ru);
		if (w == pb_pid)
			break;
		if (w < 0)
			pb_die("wait4");
		if (pb_now() - t0 > 10000) {
			fprintf(stderr, "pty-bench: the program did not quit "
			    "on q: terminated\n");
			kill(pb_pid, SIGTERM);
			if (wait4(pb_pid, &st, 0, &ru) < 0)
				pb_die("wait4");
			break;
		}
		if (pb_read(50) < 0)
			usleep(10000);
	}
	printf("rss_kb %ld\nexit %d\n", ru.ru_maxrss,
	    WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
	return 0;
usage:
	fprintf(stderr, "usage: pty-bench [-s COLSxROWS] [-t TERM] STEP... "
	    "-- PROGRAM [ARG...]\n       pty-bench -r N -- PROGRAM [ARG...]\n");
	return 2;
}
