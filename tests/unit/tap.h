/* tap.h — a tiny TAP producer for the unit tests (automake's tap-driver).
 *
 *	tap_plan(n); ok(cond, "name %d", i); is_int(got, want, "name");
 *	is_str(got, want, "name"); return tap_done();
 *
 * Every check prints one "ok N - name" or "not ok N - name" line, with
 * the values on "#" lines when it fails. */
#ifndef HMS_TAP_H
#define HMS_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed, tap_planned;

static inline void
tap_plan(int n)
{
	tap_planned = n;
	printf("1..%d\n", n);
}

static inline int __attribute__((format(printf, 2, 3)))
ok(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", cond ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!cond)
		tap_failed++;
	fflush(stdout);
	return cond;
}

#define is_int(got, want, ...) do {					\
	long long g_ = (long long)(got), w_ = (long long)(want);	\
	if (!ok(g_ == w_, __VA_ARGS__))					\
		printf("#   got %lld, want %lld\n", g_, w_);		\
} while (0)

#define is_str(got, want, ...) do {					\
	const char *g_ = (got), *w_ = (want);				\
	if (!ok(g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0,	\
	    __VA_ARGS__))						\
		printf("#   got  \"%s\"\n#   want \"%s\"\n",		\
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)");		\
} while (0)

static inline void
diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static inline int
tap_done(void)
{
	if (tap_planned == 0)
		printf("1..%d\n", tap_n);
	else if (tap_n != tap_planned)
		printf("# planned %d tests but ran %d\n", tap_planned, tap_n);
	return tap_failed != 0 || (tap_planned != 0 && tap_n != tap_planned);
}

#endif
