/* util.c — allocation that never fails, growable buffers, small helpers. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

void (*util_fatal_hook)(void);

void
fatal(const char *fmt, ...)
{
	va_list ap;

	if (util_fatal_hook != NULL)
		util_fatal_hook();
	fputs("hms: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size == 0 ? 1 : size);

	if (p == NULL)
		fatal("out of memory (%zu bytes)", size);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size);

	if (p == NULL)
		fatal("out of memory (%zu x %zu bytes)", n, size);
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	void *q;

	if (size != 0 && n > SIZE_MAX / size)
		fatal("allocation overflow (%zu x %zu bytes)", n, size);
	q = realloc(p, n * size == 0 ? 1 : n * size);
	if (q == NULL)
		fatal("out of memory (%zu x %zu bytes)", n, size);
	return q;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char *p;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		fatal("bad format string");
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void
buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

void
buf_reserve(struct buf *b, size_t extra)
{
	size_t need;

	if (extra > SIZE_MAX - b->len - 1)
		fatal("buffer overflow");
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap = b->cap > SIZE_MAX / 2 ? need : b->cap * 2;
	b->data = xreallocarray(b->data, b->cap, 1);
	/* Reserved but unwritten, the buffer still reads as a string. */
	b->data[b->len] = '\0';
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	if (n != 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_adds(b, s);
	free(s);
}

char *
buf_steal(struct buf *b)
{
	char *p = b->data;

	if (p == NULL)
		p = xstrdup("");
	buf_init(b);
	return p;
}

/* A size for a message: "32 MiB" when it is a whole number of them. */
static char *
util_size_name(size_t n)
{
	if (n >= 1024 * 1024 && n % (1024 * 1024) == 0)
		return xasprintf("%zu MiB", n / (1024 * 1024));
	if (n >= 1024 && n % 1024 == 0)
		return xasprintf("%zu KiB", n / 1024);
	return xasprintf("%zu-byte", n);
}

static const char *
util_kind_name(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "not a file";
}

int
util_open_read(int dirfd, const char *path, size_t max, struct stat *sbp,
    char **why)
{
	struct stat sb;
	char *lim;
	int fd, saved;

	if (why != NULL)
		*why = NULL;
	/* O_NONBLOCK: opening a FIFO for reading waits for a writer, and a
	 * device may never answer; for a regular file it changes nothing. */
	fd = openat(dirfd, path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		if (why != NULL)
			*why = xstrdup(strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) != 0) {
		saved = errno;
		close(fd);
		errno = saved;
		if (why != NULL)
			*why = xstrdup(strerror(errno));
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		close(fd);
		if (why != NULL)
			*why = xasprintf("not a regular file (%s)",
			    util_kind_name(sb.st_mode));
		errno = EINVAL;
		return -1;
	}
	if (max != 0 && (uintmax_t)sb.st_size > (uintmax_t)max) {
		close(fd);
		if (why != NULL) {
			lim = util_size_name(max);
			*why = xasprintf("file is %jd bytes, larger than the %s "
			    "limit", (intmax_t)sb.st_size, lim);
			free(lim);
		}
		errno = EFBIG;
		return -1;
	}
	if (sbp != NULL)
		*sbp = sb;
	return fd;
}

char *
util_read_file(const char *path, size_t max, size_t *lenp, char **why)
{
	struct stat sb;

	return util_read_file_stat(path, max, lenp, &sb, why);
}

char *
util_read_file_stat(const char *path, size_t max, size_t *lenp,
    struct stat *sbp, char **why)
{
	struct stat sb;
	char *data, *p, *lim;
	size_t len = 0, cap;
	ssize_t n;
	int fd, saved;

	if ((fd = util_open_read(AT_FDCWD, path, max, &sb, why)) < 0)
		return NULL;
	/* One allocation of the right size and read(2) straight into it:
	 * the cache files of a start are megabytes. */
	cap = sb.st_size > 0 ? (size_t)sb.st_size + 1 : 4096;
	data = xmalloc(cap);
	for (;;) {
		/* A file that grows while we read it is held to MAX too. */
		if (max != 0 && len > max) {
			close(fd);
			free(data);
			if (why != NULL) {
				lim = util_size_name(max);
				*why = xasprintf("file is larger than the %s "
				    "limit", lim);
				free(lim);
			}
			errno = EFBIG;
			return NULL;
		}
		if (len + 1 >= cap) {
			cap *= 2;
			data = xreallocarray(data, cap, 1);
		}
		n = read(fd, data + len, cap - 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			saved = errno;
			close(fd);
			free(data);
			errno = saved;
			if (why != NULL)
				*why = xstrdup(strerror(errno));
			return NULL;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	data[len] = '\0';
	*sbp = sb;
	if (len + 1 < cap / 2 && (p = realloc(data, len + 1)) != NULL)
		data = p;
	if (lenp != NULL)
		*lenp = len;
	return data;
}

const char *
util_map_file(const char *path, size_t max, size_t *lenp)
{
	struct stat sb;

	return util_map_file_stat(path, max, lenp, &sb);
}

const char *
util_map_file_stat(const char *path, size_t max, size_t *lenp,
    struct stat *sbp)
{
	struct stat sb;
	void *p;
	int fd;

	*lenp = 0;
	if ((fd = util_open_read(AT_FDCWD, path, max, &sb, NULL)) < 0)
		return NULL;
	if (sb.st_size <= 0 || (uintmax_t)sb.st_size > SIZE_MAX / 2) {
		close(fd);
		return NULL;
	}
	p = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return NULL;
	*lenp = (size_t)sb.st_size;
	*sbp = sb;
	return p;
}

/* Open a new temporary file beside NAME (in DIRFD), exclusively, under a
 * name with a part no one can predict; its name goes in *TMP. */
static int
util_create_temp(int dirfd, const char *name, mode_t mode, char **tmp)
{
	static const char digits[] =
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	static unsigned long counter;
	struct timespec ts;
	uint64_t r;
	char tail[7];
	int fd, tries, i;

	for (tries = 0; tries < 100; tries++) {
		clock_gettime(CLOCK_REALTIME, &ts);
		r = ((uint64_t)ts.tv_nsec << 20) ^ (uint64_t)ts.tv_sec ^
		    ((uint64_t)getpid() << 40) ^ (uint64_t)++counter *
		    0x9e3779b97f4a7c15ULL;
		r ^= r >> 29;
		r *= 0xbf58476d1ce4e5b9ULL;
		r ^= r >> 32;
		for (i = 0; i < 6; i++) {
			tail[i] = digits[r % (sizeof digits - 1)];
			r /= sizeof digits - 1;
		}
		tail[6] = '\0';
		/* ".tmp-" marks it as ours to tidy after a crash. */
		*tmp = xasprintf("%s.tmp-%ld-%s", name, (long)getpid(), tail);
		fd = openat(dirfd, *tmp, O_WRONLY | O_CREAT | O_EXCL |
		    O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, mode);
		if (fd >= 0)
			return fd;
		free(*tmp);
		*tmp = NULL;
		if (errno != EEXIST)
			return -1;
	}
	errno = EEXIST;
	return -1;
}

int
util_write_file(int dirfd, const char *path, const struct iovec *iov,
    int niov, mode_t mode, int flags)
{
	const char *slash, *p;
	char *tmp = NULL, *dir = NULL;
	size_t off;
	ssize_t w;
	int fd = -1, dfd = -1, i, saved;

	/* The directory is opened once so that the temporary file, the
	 * rename and the directory's fsync all concern the same one. */
	if ((slash = strrchr(path, '/')) != NULL) {
		dir = slash == path ? xstrdup("/") :
		    xstrndup(path, (size_t)(slash - path));
		dfd = openat(dirfd, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd < 0)
			goto fail;
		path = slash + 1;
	} else {
		dfd = dirfd == AT_FDCWD ?
		    open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC) :
		    fcntl(dirfd, F_DUPFD_CLOEXEC, 0);
		if (dfd < 0)
			goto fail;
	}
	if ((fd = util_create_temp(dfd, path, mode, &tmp)) < 0)
		goto fail;
	if ((flags & UTIL_WRITE_PRIVATE) && fchmod(fd, 0600) != 0)
		goto fail;
	for (i = 0; i < niov; i++) {
		p = iov[i].iov_base;
		for (off = 0; off < iov[i].iov_len; off += (size_t)w) {
			w = write(fd, p + off, iov[i].iov_len - off);
			if (w < 0 && errno == EINTR) {
				w = 0;
				continue;
			}
			if (w < 0)
				goto fail;
		}
	}
	if ((flags & UTIL_WRITE_SYNC) && fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (renameat(dfd, tmp, dfd, path) != 0)
		goto fail;
	free(tmp);
	tmp = NULL;
	/* The rename itself must reach the disk; some file systems cannot
	 * fsync a directory (EINVAL), and the data is safe there anyway. */
	if ((flags & UTIL_WRITE_SYNC) && fsync(dfd) != 0 && errno != EINVAL)
		goto fail;
	close(dfd);
	free(dir);
	return 0;

fail:
	saved = errno;
	if (fd >= 0)
		close(fd);
	if (tmp != NULL)
		(void)unlinkat(dfd, tmp, 0);
	if (dfd >= 0)
		close(dfd);
	free(tmp);
	free(dir);
	errno = saved;
	return -1;
}

void
util_unmap_file(const char *p, size_t len)
{
	if (p != NULL)
		munmap((void *)p, len);
}

void
util_grow(void *pp, size_t *cap, size_t need, size_t sz)
{
	void **p = pp;
	size_t ncap;

	if (need <= *cap)
		return;
	ncap = *cap == 0 ? 8 : *cap;
	while (ncap < need)
		ncap *= 2;
	*p = xreallocarray(*p, ncap, sz);
	*cap = ncap;
}

bool
util_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

const char *
util_excerpt(const char *s, char *buf)
{
	size_t n = UTIL_EXCERPT_SIZE - sizeof "\u2026";

	if (strnlen(s, n + 1) <= n)
		return s;
	/* Never end inside a character: back off continuation bytes. */
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	memcpy(buf, s, n);
	memcpy(buf + n, "\u2026", sizeof "\u2026");
	return buf;
}

char *
util_format_number(char *buf, size_t size, double v)
{
	size_t n;

	/* Six decimals hide the binary noise of sums (0.1 + 0.2), then
	 * trailing zeros go: 7.9, 1.17, 600000. */
	snprintf(buf, size, "%.6f", v);
	if (strchr(buf, '.') != NULL) {
		n = strlen(buf);
		while (n > 0 && buf[n - 1] == '0')
			buf[--n] = '\0';
		if (n > 0 && buf[n - 1] == '.')
			buf[--n] = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		snprintf(buf, size, "0");
	return buf;
}
