/* replay.c — run a fuzz harness over saved inputs, without libFuzzer.
 *
 *	replay-NAME              every file in tests/fuzz/corpus/NAME/ and
 *	                         tests/fuzz/regressions/NAME/ (make check)
 *	replay-NAME PATH...      these files, or every file in these dirs
 *
 * Built by the normal compiler with the harness (FUZZ_NAME names it), so
 * the inputs libFuzzer once crashed on are replayed in every build, with
 * the sanitizers when the build has them.  TAP: one test per input; a
 * crash stops the stream, and the "# replaying" line above says which
 * input it was. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "util.h"

static int replay_n;

static void
replay_file(const char *path)
{
	size_t len;
	char *data;

	if ((data = util_read_file(path, 0, &len, NULL)) == NULL) {
		printf("not ok %d - %s: %s\n", ++replay_n, path,
		    strerror(errno));
		return;
	}
	printf("# replaying %s\n", path);
	fflush(stdout);
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	free(data);
	printf("ok %d - %s\n", ++replay_n, path);
	fflush(stdout);
}

static int
replay_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file of dir, in name order; a missing dir is empty. */
static void
replay_dir(const char *dir)
{
	struct dirent *de;
	struct stat sb;
	char **names = NULL, *p;
	size_t n = 0, cap = 0, i;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' || strcmp(de->d_name, "README") == 0)
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		if (stat(p, &sb) == 0 && S_ISREG(sb.st_mode)) {
			util_grow(&names, &cap, n + 1, sizeof *names);
			names[n++] = p;
		} else
			free(p);
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof *names, replay_cmp);
	for (i = 0; i < n; i++) {
		replay_file(names[i]);
		free(names[i]);
	}
	free(names);
}

static void
replay_path(const char *path)
{
	struct stat sb;

	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		replay_dir(path);
	else
		replay_file(path);
}

int
main(int argc, char **argv)
{
	char *p;
	int i;

	LLVMFuzzerInitialize(&argc, &argv);
	if (argc > 1) {
		for (i = 1; i < argc; i++)
			replay_path(argv[i]);
	} else {
		p = xasprintf("%s/tests/fuzz/corpus/%s", HMS_SRCDIR, FUZZ_NAME);
		replay_dir(p);
		free(p);
		p = xasprintf("%s/tests/fuzz/regressions/%s", HMS_SRCDIR,
		    FUZZ_NAME);
		replay_dir(p);
		free(p);
	}
	if (replay_n == 0)
		printf("1..0 # SKIP no inputs for %s\n", FUZZ_NAME);
	else
		printf("1..%d\n", replay_n);
	return 0;
}
