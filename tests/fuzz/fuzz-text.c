/* fuzz-text.c — the text module on arbitrary bytes: UTF-8 decoding,
 * clusters and widths, fitting, wrapping, sanitising, normalisation with
 * its offset map, collation.
 *
 * Input: one control byte, then the text.  Control bits: 0 ambiguous
 * width 2, 1 hanging indent, 2-3 normalisation flags, 4-7 wrap width. */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "fuzz.h"
#include "text.h"
#include "util.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_text_init("fuzz-text");
	return 0;
}

/* Where clusters start, stepping from the start as drawing does (an
 * invalid byte is a character of its own); bounds[len] is true. */
static bool *
fuzz_cluster_starts(const char *s, size_t len)
{
	bool *bounds = xcalloc(len + 1, sizeof *bounds);
	size_t off;

	for (off = 0; off < len; off = text_cluster_end(s, len, off))
		bounds[off] = true;
	bounds[len] = true;
	return bounds;
}

/* Nothing text_sanitize() returns may move the terminal's cursor or
 * start an escape sequence: every code point is safe and valid.  It is
 * as wide as the original, and sanitising it again changes nothing. */
static void
fuzz_check_sanitized(const char *s, size_t slen, const char *out)
{
	size_t len = strlen(out), off = 0, n;
	uint32_t cp;
	char *again;

	FUZZ_CHECK(text_utf8_valid(out, len, NULL));
	FUZZ_CHECK(text_width(out, len) == text_width(s, slen));
	again = text_sanitize(out, len);
	FUZZ_CHECK(strcmp(again, out) == 0);
	free(again);
	while (off < len) {
		n = text_utf8_decode(out + off, len - off, &cp);
		FUZZ_CHECK(!text_cp_unsafe(cp));
		FUZZ_CHECK(cp != 0x1b && cp != 0x9b && cp != 0x9d);
		off += n;
	}
}

static void
fuzz_clusters(const char *s, size_t len)
{
	size_t off = 0, end, fit;
	int total = 0, w, used, cols;
	uint32_t cp;
	size_t n, bad = 0;

	/* Decoding always makes progress and yields a code point. */
	for (off = 0; off < len; off += n) {
		n = text_utf8_decode(s + off, len - off, &cp);
		FUZZ_CHECK(n >= 1 && n <= 4 && n <= len - off);
		FUZZ_CHECK(cp <= 0x10ffff);
		FUZZ_CHECK(text_cp_width(cp) >= -1 && text_cp_width(cp) <= 2);
	}
	if (!text_utf8_valid(s, len, &bad))
		FUZZ_CHECK(bad < len);
	/* Clusters tile the string; their widths add up to the string's. */
	for (off = 0; off < len; off = end) {
		end = text_cluster_end(s, len, off);
		FUZZ_CHECK(end > off && end <= len);
		/* 0 only for a lone zero-width format character. */
		w = text_cluster_width(s + off, end - off);
		FUZZ_CHECK(w >= 0);
		total += w;
	}
	FUZZ_CHECK(total == text_width(s, len));
	/* A fitted prefix fits and ends on a cluster boundary. */
	for (cols = 0; cols <= 12; cols += 3) {
		fit = text_fit(s, len, cols, &used);
		FUZZ_CHECK(fit <= len && used >= 0 && used <= cols);
		FUZZ_CHECK(used == text_width(s, fit));
		/* The longest such prefix: the next cluster would not fit. */
		if (fit < len) {
			end = text_cluster_end(s, len, fit);
			FUZZ_CHECK(used + text_width(s + fit, end - fit) > cols);
		}
	}
}

/* Whether s[a, b) is only white space, which wrapping may drop. */
static bool
fuzz_blank(const char *s, size_t a, size_t b)
{
	uint32_t cp;

	while (a < b) {
		a += text_utf8_decode(s + a, b - a, &cp);
		if (cp != ' ' && cp != '\t' && cp != '\n' && cp != '\r' &&
		    cp != '\v' && cp != '\f' && cp != 0x3000 && cp != 0x200b &&
		    cp != 0x85 && cp != 0x2028 && cp != 0x2029)
			return false;
	}
	return true;
}

static void
fuzz_wrap(const char *s, size_t len, int width, bool hang)
{
	struct text_line *lines = NULL;
	size_t n, i, prev_end = 0;
	bool *bounds = fuzz_cluster_starts(s, len);

	n = text_wrap(s, len, width, hang, &lines);
	FUZZ_CHECK(n >= 1 && n <= len + 1);
	for (i = 0; i < n; i++) {
		const struct text_line *l = &lines[i];
		FUZZ_CHECK(l->off >= prev_end && l->off <= len);
		/* Nothing but white space is lost between lines. */
		FUZZ_CHECK(fuzz_blank(s, prev_end, l->off));
		FUZZ_CHECK(l->len <= len - l->off);
		/* A cluster is never split between lines. */
		FUZZ_CHECK(bounds[l->off] && bounds[l->off + l->len]);
		FUZZ_CHECK(l->indent >= 0 && l->width >= 0);
		FUZZ_CHECK(l->width == text_width(s + l->off, l->len));
		/* A line overflows only when one cluster is wider than the
		 * whole width. */
		if (l->indent + l->width > width)
			FUZZ_CHECK(l->len == 0 || text_cluster_end(s, len,
			    l->off) == l->off + l->len);
		prev_end = l->off + l->len;
	}
	FUZZ_CHECK(fuzz_blank(s, prev_end, len));
	free(lines);
	free(bounds);
}

static void
fuzz_normalize(const char *s, size_t len, int flags)
{
	struct text_norm nm;
	size_t i, a, b, oa, ob;

	text_normalize(s, len, flags, &nm);
	FUZZ_CHECK(nm.s != NULL && nm.map != NULL);
	FUZZ_CHECK(nm.map[nm.len] == len);
	/* Each normalised byte comes from a non-empty piece of the
	 * original; pieces come in order. */
	for (i = 0; i < nm.len; i++) {
		FUZZ_CHECK(nm.map[i] < nm.end[i] && nm.end[i] <= len);
		if (i > 0)
			FUZZ_CHECK(nm.map[i] >= nm.map[i - 1]);
	}
	/* Every span maps back inside the original, in order; an empty
	 * one to an empty one. */
	for (a = 0; a <= nm.len; a += 1 + nm.len / 7) {
		for (b = a; b <= nm.len; b += 1 + nm.len / 5) {
			text_norm_span(&nm, a, b, &oa, &ob);
			FUZZ_CHECK(oa <= ob && ob <= len);
			if (a == b)
				FUZZ_CHECK(oa == ob);
			else
				FUZZ_CHECK(oa == nm.map[a] &&
				    ob >= nm.end[b - 1]);
		}
	}
	text_norm_free(&nm);
	free(text_normalize_str(s, len, flags));
}

static void
fuzz_collate(const char *s, size_t len)
{
	size_t half = len / 2;
	char *x = xstrndup(s, half), *y = xstrndup(s + half, len - half);
	int xy = text_collate(x, y), yx = text_collate(y, x);

	FUZZ_CHECK(text_collate(x, x) == 0);
	FUZZ_CHECK((xy < 0 && yx > 0) || (xy > 0 && yx < 0) ||
	    (xy == 0 && yx == 0 && strcmp(x, y) == 0));
	free(x);
	free(y);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s;
	size_t len;
	unsigned ctl;
	char *out;
	int flags = 0;

	if (size < 1)
		return 0;
	ctl = data[0];
	s = (const char *)data + 1;
	len = size - 1;
	text_set_ambiwidth(ctl & 1 ? 2 : 1);
	if (ctl & 4)
		flags |= TEXT_NORM_ERA;
	if (ctl & 8)
		flags |= TEXT_NORM_NOSPACE;

	fuzz_clusters(s, len);
	fuzz_wrap(s, len, (int)(ctl >> 4) * 5 + 1, (ctl & 2) != 0);
	fuzz_wrap(s, len, 1, (ctl & 2) != 0);
	out = text_sanitize(s, len);
	fuzz_check_sanitized(s, len, out);
	free(out);
	fuzz_normalize(s, len, flags);
	fuzz_collate(s, len);
	text_set_ambiwidth(1);
	return 0;
}
