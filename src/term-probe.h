/* term-probe.h — ask the terminal how wide it draws an East Asian
 * ambiguous character, before ncurses starts (--ambiwidth auto).
 *
 * Plain termios and read(2) with a timeout: no ncurses, no ICU, so it can
 * run before either is set up. */
#ifndef HMS_TERM_PROBE_H
#define HMS_TERM_PROBE_H

/* Write "\r①" to the terminal fd, ask for the cursor position (ESC [ 6 n),
 * wait up to timeout_ms (200 is plenty on a LAN, enough over most SSH) for
 * the reply, then clear the line.  Returns the cells the terminal used for
 * ①, 1 or 2, or 0 when fd is not a terminal or no usable answer came in
 * time: keep the default then.  fd must be open for reading and writing
 * (the controlling terminal); its settings are restored before returning.
 * Keys typed meanwhile are consumed. */
int term_probe_ambiwidth(int fd, int timeout_ms);

/* Measure the wait by now_ms (milliseconds, monotonic) instead of the
 * system's monotonic clock; NULL restores that.  For tests. */
void term_probe_set_clock(long (*now_ms)(void));

#endif
