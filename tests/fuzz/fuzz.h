/* fuzz.h — what every fuzz harness defines, and what harnesses share.
 *
 * A harness (fuzz-NAME.c) is built two ways from the same source:
 *   - by tests/fuzz/run.sh (`make fuzz`) with clang -fsanitize=fuzzer,
 *     address,undefined: libFuzzer supplies main() and mutates inputs;
 *   - by the normal build into tests/fuzz/replay-NAME (replay.c supplies
 *     main()), which `make check` runs over tests/fuzz/corpus/NAME/ and
 *     tests/fuzz/regressions/NAME/, so that every crash ever found stays
 *     fixed in every build, sanitizers or not.
 *
 * Harnesses check the contracts their module's header states, not just
 * "does not crash": a broken invariant is reported with FUZZ_CHECK, which
 * aborts so that libFuzzer saves the input and the replay test fails. */
#ifndef HMS_FUZZ_H
#define HMS_FUZZ_H

#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "text.h"

/* Called once before the first input; argc/argv are libFuzzer's (the
 * replay driver passes its own).  Returns 0. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
/* Run one input; returns 0 (libFuzzer reserves other values). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: invariant broken: %s\n",	\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

/* What every harness needs first: a UTF-8 LC_CTYPE (widths come from
 * wcwidth()) and the text module; exits 2 naming the harness if not. */
static inline void
fuzz_text_init(const char *harness)
{
	char *err = NULL;

	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "C.utf8");
	if (text_init(&err) != 0) {
		fprintf(stderr, "%s: %s\n", harness, err);
		exit(2);
	}
}

/* A fresh directory of the harness's own in $TMPDIR (else /tmp), into
 * dir; exits 2 naming the harness if it cannot be made. */
static inline void
fuzz_mkdtemp(char *dir, size_t size, const char *harness)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, size, "%s/hms-%s.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp", harness);
	if (mkdtemp(dir) == NULL) {
		fprintf(stderr, "%s: mkdtemp %s: ", harness, dir);
		perror(NULL);
		exit(2);
	}
}

/* The bundled content: $HMS_CONTENT, else the source tree's. */
static inline const char *
fuzz_content_dir(void)
{
	const char *env = getenv("HMS_CONTENT");

	return env != NULL && *env != '\0' ? env : HMS_SRCDIR "/content";
}

#endif
