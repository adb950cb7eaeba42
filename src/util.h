/* util.h — allocation that never fails, growable buffers, small helpers. */
#ifndef HMS_UTIL_H
#define HMS_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#define HMS_NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define HMS_MIN(a, b) ((a) < (b) ? (a) : (b))
#define HMS_MAX(a, b) ((a) > (b) ? (a) : (b))

#if defined(__GNUC__)
#define HMS_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define HMS_NORETURN __attribute__((noreturn))
#else
#define HMS_PRINTF(f, a)
#define HMS_NORETURN
#endif

/* Set by main: called before exiting on a fatal error, so that the terminal
 * can be restored first.  May be NULL. */
extern void (*util_fatal_hook)(void);

/* Print "hms: MESSAGE" on stderr and exit with status 2. */
HMS_NORETURN void fatal(const char *fmt, ...) HMS_PRINTF(1, 2);

/* Allocators: they never return NULL (they exit through fatal()). */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* A newly allocated formatted string; the caller frees it. */
char *xasprintf(const char *fmt, ...) HMS_PRINTF(1, 2);
char *xvasprintf(const char *fmt, va_list ap) HMS_PRINTF(1, 0);

/* A growable byte buffer, always NUL-terminated once anything is added. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
void buf_reserve(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) HMS_PRINTF(2, 3);
/* Detach the contents; the caller frees them.  The buffer is reset. */
char *buf_steal(struct buf *b);

/* Read a whole file into memory; NUL-terminated.  Returns NULL and sets
 * errno on failure. */
char *util_read_file(const char *path, size_t *len);
/* Map a non-empty regular file read-only (pages come from the page cache,
 * nothing is copied); release it with util_unmap_file.  NULL on failure
 * or when it is empty.  For cache files only, which are replaced by
 * rename and never rewritten in place: a mapped file that shrinks under
 * us would fault. */
const char *util_map_file(const char *path, size_t *len);
void util_unmap_file(const char *p, size_t len);

/* Grow an array *pp of *cap elements of size sz to hold at least need. */
void util_grow(void *pp, size_t *cap, size_t need, size_t sz);

bool util_starts_with(const char *s, const char *prefix);

#endif
