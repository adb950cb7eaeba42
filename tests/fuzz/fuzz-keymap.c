/* fuzz-keymap.c — the .keys parser and the linter on arbitrary text.
 *
 * Input: one control byte (bit 0: read the default keymap first, as hms
 * does, so that unbind and shadowing meet real bindings), then the file.
 * Every problem must name a line of the file; every binding made must
 * name keys that read back as the same keys, and must be found again. */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "fuzz.h"
#include "key.h"
#include "keymap.h"
#include "util.h"

struct fuzz_keymap_report {
	const char	*origin;
	int		 lines;		/* lines in the fuzzed text */
	int		 n;
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static void
fuzz_keymap_report(void *arg, const char *origin, int line, const char *msg)
{
	struct fuzz_keymap_report *r = arg;

	FUZZ_CHECK(origin != NULL && msg != NULL && *msg != '\0');
	FUZZ_CHECK(line >= 0);
	if (strcmp(origin, r->origin) == 0)
		FUZZ_CHECK(line <= r->lines);
	r->n++;
}

/* A key's name reads back as the same key. */
static void
fuzz_key_roundtrip(uint32_t key)
{
	char name[64];

	key_to_name(key, name, sizeof name);
	FUZZ_CHECK(key_from_name(name) == key);
}

/* Try every word of the text as a key name. */
static void
fuzz_key_names(const char *s, size_t len)
{
	char word[64];
	size_t i = 0, n;
	uint32_t k;

	while (i < len) {
		while (i < len && (s[i] == ' ' || s[i] == '\n'))
			i++;
		for (n = 0; i < len && s[i] != ' ' && s[i] != '\n'; i++) {
			if (n < sizeof word - 1)
				word[n++] = s[i];
		}
		word[n] = '\0';
		if (n > 0 && (k = key_from_name(word)) != HK_NONE)
			fuzz_key_roundtrip(k);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_keymap_report r = { .origin = "fuzz.keys" };
	const struct keymap_binding *b;
	struct key_seq seq;
	struct keymap *km;
	const char *text, *dflt;
	char name[128];
	size_t len, n, i, k;
	bool partial;
	int t, problems;

	if (size < 1)
		return 0;
	text = (const char *)data + 1;
	len = size - 1;
	r.lines = 1;
	for (i = 0; i < len; i++)
		r.lines += text[i] == '\n';

	km = keymap_create();
	if (data[0] & 1) {
		dflt = keymap_preset("default");
		FUZZ_CHECK(dflt != NULL);
		FUZZ_CHECK(keymap_load_string(km, dflt, strlen(dflt),
		    "default.keys", NULL, NULL) == 0);
	}
	problems = keymap_load_string(km, text, len, r.origin,
	    fuzz_keymap_report, &r);
	FUZZ_CHECK(problems == r.n);
	r.n = 0;
	problems = keymap_lint(km, fuzz_keymap_report, &r);
	FUZZ_CHECK(problems == r.n);

	for (t = 0; t < KEYMAP_TABLE_COUNT; t++) {
		FUZZ_CHECK(keymap_table_from_name(keymap_table_name(t)) == t);
		b = keymap_bindings(km, t, &n);
		for (i = 0; i < n; i++) {
			FUZZ_CHECK(b[i].seq.n >= 1 && b[i].seq.n <= KEY_SEQ_MAX);
			FUZZ_CHECK(b[i].origin != NULL);
			for (k = 0; k < (size_t)b[i].seq.n; k++)
				fuzz_key_roundtrip(b[i].seq.keys[k]);
			key_seq_to_name(&b[i].seq, name, sizeof name);
			FUZZ_CHECK(key_seq_parse(name, &seq));
			FUZZ_CHECK(seq.n == b[i].seq.n && memcmp(seq.keys,
			    b[i].seq.keys, sizeof seq.keys[0] * (size_t)seq.n) == 0);
			/* Looking it up never crashes; a binding that is
			 * listed is found unless a longer one shares it. */
			(void)keymap_lookup(km, t, &seq, &partial);
		}
	}
	fuzz_key_names(text, len);
	keymap_free(km);
	return 0;
}
