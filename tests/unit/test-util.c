/* test-util.c — the one safe writer and the one safe reader (util.h):
 * links planted where hms writes are never followed, a FIFO or a device
 * where hms reads is refused at once, and reads are bounded. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include <dirent.h>

#include "tap.h"
#include "util.h"

static char *dir;

static char *
path_in(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static char *
slurp(const char *name)
{
	char *p = path_in(name), *t = util_read_file(p, 0, NULL, NULL);

	free(p);
	return t;
}

static void
spit(const char *name, const char *text)
{
	char *p = path_in(name);
	struct iovec iov = { (void *)text, strlen(text) };

	if (util_write_file(AT_FDCWD, p, &iov, 1, 0644, 0) != 0)
		fatal("cannot write %s", p);
	free(p);
}

/* How many entries of dir have names starting with prefix. */
static int
count_prefixed(const char *prefix)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	int n = 0;

	while (dp != NULL && (de = readdir(dp)) != NULL)
		if (util_starts_with(de->d_name, prefix))
			n++;
	if (dp != NULL)
		closedir(dp);
	return n;
}

static void
test_write_links(void)
{
	char *victim = path_in("victim"), *out = path_in("out"), *link;
	struct iovec iov[] = { { (void *)"new ", 4 }, { (void *)"data\n", 5 } };
	struct stat sb;
	char *t;
	int i;

	spit("victim", "precious\n");
	/* Links at the names the old writers used, and at the final name. */
	for (i = -1; i < 3; i++) {
		link = i < 0 ? xstrdup(out) :
		    xasprintf("%s.tmp-%ld", out, (long)getpid() + i);
		if (symlink(victim, link) != 0)
			fatal("symlink %s", link);
		free(link);
	}
	is_int(util_write_file(AT_FDCWD, out, iov, 2, 0644, UTIL_WRITE_SYNC),
	    0, "write over a planted link succeeds");
	t = slurp("victim");
	is_str(t, "precious\n", "the link's target is untouched");
	free(t);
	ok(lstat(out, &sb) == 0 && S_ISREG(sb.st_mode),
	    "the link at the name is replaced by a regular file");
	t = slurp("out");
	is_str(t, "new data\n", "holding every piece, in order");
	free(t);
	is_int(count_prefixed("out.tmp-"), 3,
	    "no temporary file is left (the 3 planted links remain)");
	free(victim);
	free(out);
}

static void
test_write_modes(void)
{
	char *p = path_in("private"), *q = path_in("no-such-dir/x");
	struct iovec iov = { (void *)"x", 1 };
	struct stat sb;
	mode_t old = umask(0);

	is_int(util_write_file(AT_FDCWD, p, &iov, 1, 0600,
	    UTIL_WRITE_PRIVATE), 0, "a private file is written");
	if (stat(p, &sb) != 0)
		sb.st_mode = 0;
	is_int(sb.st_mode & 0777, 0600, "private: mode 0600");
	umask(022);
	is_int(util_write_file(AT_FDCWD, p, &iov, 1, 0666, 0), 0,
	    "a public file is written");
	if (stat(p, &sb) != 0)
		sb.st_mode = 0;
	is_int(sb.st_mode & 0777, 0644, "public: the umask applies");
	umask(old);
	errno = 0;
	is_int(util_write_file(AT_FDCWD, q, &iov, 1, 0600, 0), -1,
	    "a directory that does not exist: -1");
	is_int(errno, ENOENT, "with errno ENOENT");
	free(p);
	free(q);
}

static void
test_write_dirfd(void)
{
	struct iovec iov = { (void *)"at\n", 3 };
	int dfd = open(dir, O_RDONLY | O_DIRECTORY);
	char *t;

	is_int(util_write_file(dfd, "rel", &iov, 1, 0600, UTIL_WRITE_SYNC), 0,
	    "a name relative to a directory descriptor");
	t = slurp("rel");
	is_str(t, "at\n", "lands in that directory");
	free(t);
	close(dfd);
}

static void
test_read_kinds(void)
{
	char *fifo = path_in("fifo"), *why = NULL, *t;
	size_t len = 99;

	if (mkfifo(fifo, 0600) != 0)
		fatal("mkfifo");
	/* Blocking here (no writer) would hang the test: that is the bug. */
	t = util_read_file(fifo, 0, &len, &why);
	ok(t == NULL && errno == EINVAL, "a FIFO is refused without blocking");
	is_str(why, "not a regular file (a FIFO)", "and said so");
	free(why);
	ok(util_open_read(AT_FDCWD, "/dev/zero", 0, NULL, &why) < 0 &&
	    errno == EINVAL, "/dev/zero is refused, never read");
	is_str(why, "not a regular file (a character device)", "and said so");
	free(why);
	ok(util_read_file(dir, 0, NULL, &why) == NULL,
	    "a directory is refused");
	is_str(why, "not a regular file (a directory)", "and said so");
	free(why);
	ok(util_map_file(fifo, 0, &len) == NULL && len == 0,
	    "a FIFO is never mapped");
	free(fifo);
	t = path_in("none");
	ok(util_read_file(t, 0, NULL, &why) == NULL && errno == ENOENT,
	    "a missing file: ENOENT");
	is_str(why, strerror(ENOENT), "said as strerror says it");
	free(why);
	free(t);
}

static void
test_read_limits(void)
{
	char *p = path_in("big"), *why = NULL, *t;
	size_t len = 0;

	spit("big", "0123456789");
	t = util_read_file(p, 10, &len, &why);
	ok(t != NULL && len == 10 && why == NULL, "a file of exactly the limit is read");
	free(t);
	errno = 0;
	t = util_read_file(p, 9, &len, &why);
	ok(t == NULL && errno == EFBIG, "one byte over the limit: EFBIG");
	is_str(why, "file is 10 bytes, larger than the 9-byte limit", "and said so");
	free(why);
	if (truncate(p, 2 * 1024 * 1024) != 0)
		fatal("truncate");
	ok(util_read_file(p, 1024 * 1024, NULL, &why) == NULL,
	    "2 MiB against a 1 MiB limit: refused");
	is_str(why, "file is 2097152 bytes, larger than the 1 MiB limit",
	    "the limit in MiB");
	free(why);
	ok(util_map_file(p, 1024 * 1024, &len) == NULL, "and never mapped");
	free(p);
}

static void
test_excerpt(void)
{
	char buf[UTIL_EXCERPT_SIZE], big[2000], *kana;
	const char *s = "short";
	size_t i;

	ok(util_excerpt(s, buf) == s, "a short string is quoted whole");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	is_str(util_excerpt(big, buf),
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u2026",
	    "a long one: 40 bytes and an ellipsis");
	kana = xstrdup("");
	for (i = 0; i < 20; i++) {
		char *k = xasprintf("%s\u3042", kana);
		free(kana);
		kana = k;
	}
	/* 13 characters are 39 bytes; the 14th would end past byte 40. */
	is_str(util_excerpt(kana, buf),
	    "\u3042\u3042\u3042\u3042\u3042\u3042\u3042\u3042\u3042\u3042"
	    "\u3042\u3042\u3042\u2026", "never cut inside a character");
	free(kana);
}

int
main(void)
{
	char tmpl[] = "/tmp/hms-test-util.XXXXXX";
	char *cmd;

	if ((dir = mkdtemp(tmpl)) == NULL)
		fatal("mkdtemp");
	test_write_links();
	test_write_modes();
	test_write_dirfd();
	test_read_kinds();
	test_read_limits();
	test_excerpt();
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		diag("could not remove %s", dir);
	free(cmd);
	return tap_done();
}
