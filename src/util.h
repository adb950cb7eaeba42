/* util.h — allocation that never fails, growable buffers, small helpers. */
#ifndef HMS_UTIL_H
#define HMS_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct iovec;
struct stat;

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

/* Open PATH for reading (relative to DIRFD unless absolute; AT_FDCWD for
 * the working directory) without ever blocking: a FIFO or a device where a
 * file belongs would otherwise hang hms in open() or read() for good.
 * Only a regular file of at most MAX bytes (0: any size) is accepted.
 * Returns the descriptor (its status in *SB when SB is not NULL), or -1
 * with errno set (EINVAL: not a regular file; EFBIG: over MAX) and, when
 * WHY is not NULL, *WHY a message the caller frees ("not a regular file
 * (a FIFO)", "file is N bytes, larger than the 1 MiB limit", strerror). */
int util_open_read(int dirfd, const char *path, size_t max, struct stat *sb,
    char **why);

/* Read a whole regular file of at most MAX bytes (0: any size) into
 * memory, NUL-terminated, through util_open_read.  Returns NULL on
 * failure, with errno and *WHY (which may be NULL) as util_open_read
 * sets them; the caller frees the data and *WHY. */
char *util_read_file(const char *path, size_t max, size_t *len, char **why);
/* The same, with the status of the file as it was opened (before the
 * first byte was read) in *SB on success. */
char *util_read_file_stat(const char *path, size_t max, size_t *len,
    struct stat *sb, char **why);
/* Map a non-empty regular file of at most MAX bytes read-only (pages come
 * from the page cache, nothing is copied); release it with
 * util_unmap_file.  NULL on failure or when it is empty.  For cache files
 * only, which are replaced by rename and never rewritten in place: a
 * mapped file that shrinks under us would fault. */
const char *util_map_file(const char *path, size_t max, size_t *len);
/* The same, with the status of the mapped file in *SB on success. */
const char *util_map_file_stat(const char *path, size_t max, size_t *len,
    struct stat *sb);
void util_unmap_file(const char *p, size_t len);

/* Flags of util_write_file. */
#define UTIL_WRITE_SYNC		0x1	/* fsync the file and its directory */
#define UTIL_WRITE_PRIVATE	0x2	/* mode 0600 whatever the umask */

/* Replace the file PATH (relative to DIRFD unless absolute; AT_FDCWD for
 * the working directory) with the NIOV pieces of IOV, safely: they are
 * written to a new temporary file beside PATH, created exclusively
 * (O_CREAT|O_EXCL|O_NOFOLLOW under a name no one can guess in advance, so
 * a link planted there is never followed), then renamed over PATH (which
 * replaces a link at PATH rather than writing through it).  MODE is
 * filtered by the umask unless UTIL_WRITE_PRIVATE.  With UTIL_WRITE_SYNC
 * the data and the rename reach the disk before it returns; without, a
 * crash may lose the new file (fine for caches, which are checked when
 * read).  Every file hms writes goes through here.  Returns 0, or -1 with
 * errno set: PATH is then untouched (and no temporary file is left),
 * unless only the final directory fsync failed. */
int util_write_file(int dirfd, const char *path, const struct iovec *iov,
    int niov, mode_t mode, int flags);

/* Grow an array *pp of *cap elements of size sz to hold at least need. */
void util_grow(void *pp, size_t *cap, size_t need, size_t sz);

bool util_starts_with(const char *s, const char *prefix);
/* v with up to six decimals and no trailing zeros (7.9, 1.17, 600000):
 * the binary noise of sums (0.1 + 0.2) hidden; into buf, returned. */
char *util_format_number(char *buf, size_t size, double v);

/* Room for an excerpt: 40 bytes of text, "…" and the NUL. */
#define UTIL_EXCERPT_SIZE 44
/* S itself when it is short enough to quote in a message, else its first
 * bytes (cut at a UTF-8 boundary) and "…" written into BUF, which holds
 * UTIL_EXCERPT_SIZE bytes: a message never echoes a megabyte of input. */
const char *util_excerpt(const char *s, char *buf);

#endif
