/* text.h — Japanese text done right: the only ICU user.
 *
 * UTF-8 validation, grapheme clusters and their terminal widths, line
 * breaking, normalisation for search with an offset map back to the
 * original, sanitising for the terminal, and collation.
 *
 * Widths follow the terminal's model (wcwidth per code point, with East
 * Asian ambiguous characters 1 or 2 cells as configured), so that what we
 * compute is what ncurses and the terminal do.  ICU decides where clusters
 * and lines may break. */
#ifndef HMS_TEXT_H
#define HMS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Prepare ICU services (break iterators, normaliser, collator).  Returns 0,
 * or -1 with a message in *err that the caller frees.  Safe to call twice. */
int text_init(char **err);
/* Release ICU services; text_init() may be called again afterwards. */
void text_fini(void);

/* East Asian ambiguous width: 1 (the default) or 2. */
void text_set_ambiwidth(int width);
int text_ambiwidth(void);

/* ---- UTF-8 ---- */

/* Whether s[0..len) is valid UTF-8 (no surrogates, no overlongs, no NUL).
 * On failure *bad (if not NULL) is the byte offset of the first bad byte. */
bool text_utf8_valid(const char *s, size_t len, size_t *bad);
/* Decode one code point at s[0..len), len > 0; returns bytes consumed (at
 * least 1).  Invalid sequences give U+FFFD and consume one byte. */
size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp into out (4 bytes room); returns the length. */
size_t text_utf8_encode(uint32_t cp, char *out);

/* ---- clusters and widths ---- */

/* Terminal cells of one code point: 0 (combining, zero width), 1 or 2;
 * -1 for a control character (which must never reach the terminal). */
int text_cp_width(uint32_t cp);
/* End offset of the grapheme cluster that starts at off (off < len). */
size_t text_cluster_end(const char *s, size_t len, size_t off);
/* Cells taken by the cluster s[0..len) as drawn (after sanitising and any
 * text fallback): the sum of its code points' widths, at least 1 for a
 * non-empty cluster. */
int text_cluster_width(const char *s, size_t len);
/* Cells taken by the whole string as drawn. */
int text_width(const char *s, size_t len);
/* Longest prefix of s[0..len) that fits in cols cells without splitting a
 * cluster; returns its byte length and stores its width in *used. */
size_t text_fit(const char *s, size_t len, int cols, int *used);

/* ---- sanitising ---- */

/* Whether the code point must not be written to a terminal: C0/C1
 * controls, DEL, bidirectional overrides and isolates. */
bool text_cp_unsafe(uint32_t cp);
/* A copy of s[0..len) safe to write to a terminal: unsafe code points
 * become visible placeholders (U+2400 block pictures or "<U+202E>"),
 * invalid bytes become U+FFFD, and TAB becomes a space.  NUL-terminated;
 * the caller frees it. */
char *text_sanitize(const char *s, size_t len);

/* ---- normalisation for search ---- */

enum {
	TEXT_NORM_ERA = 1 << 0,		/* fold era years: 令和6年 -> 2024年 */
	TEXT_NORM_NOSPACE = 1 << 1	/* drop white space entirely */
};

/* Normalised text with a map back to the original.  map has len + 1
 * entries: map[i] is the byte offset in the original of the character
 * that normalised byte i came from, and map[len] is the original length,
 * so original bytes [map[a], map[b]) cover normalised bytes [a, b)
 * (extend b to the next character start before mapping). */
struct text_norm {
	char		*s;
	size_t		 len;
	uint32_t	*map;
};

/* Normalise for search: NFKC, case folding, katakana -> hiragana, width
 * folding (and the flags' extra folds).  Invalid UTF-8 is treated as
 * U+FFFD.  The result is owned by out; free with text_norm_free(). */
void text_normalize(const char *s, size_t len, int flags, struct text_norm *out);
void text_norm_free(struct text_norm *n);
/* Convenience: the normalised string only; the caller frees it. */
char *text_normalize_str(const char *s, size_t len, int flags);
/* Map normalised bytes [a, b) back to original bytes [*oa, *ob). */
void text_norm_span(const struct text_norm *n, size_t a, size_t b,
    size_t *oa, size_t *ob);

/* ---- line breaking ---- */

struct text_line {
	size_t	off;		/* byte offset of the line in the paragraph */
	size_t	len;		/* bytes, without trailing spaces */
	int	indent;		/* cells of hanging indent before the text */
	int	width;		/* cells of the text (without indent) */
};

/* Wrap a paragraph to width cells with Japanese line-breaking rules (ICU
 * line break iterator, locale ja, strict).  When hang is true and the
 * paragraph starts with a list marker (・ ○ ● ① (1) ※ …), continuation
 * lines are indented under the text after the marker.  Returns the number
 * of lines and stores a newly allocated array in *lines (caller frees).
 * An empty paragraph gives one empty line. */
size_t text_wrap(const char *s, size_t len, int width, bool hang,
    struct text_line **lines);

/* ---- collation ---- */

/* Compare two UTF-8 strings with ICU's ja collator; ties are broken by
 * code point order so that sorting is stable and total. */
int text_collate(const char *a, const char *b);

#endif
