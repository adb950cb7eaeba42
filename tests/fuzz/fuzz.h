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

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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

/* The bundled content: $HMS_CONTENT, else the source tree's. */
static inline const char *
fuzz_content_dir(void)
{
	const char *env = getenv("HMS_CONTENT");

	return env != NULL && *env != '\0' ? env : HMS_SRCDIR "/content";
}

#endif
