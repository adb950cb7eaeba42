/* text.h — Japanese text done right: the only ICU user.
 *
 * UTF-8 validation, grapheme clusters and their terminal widths, line
 * breaking, normalisation for search with an offset map back to the
 * original, sanitising for the terminal, and collation.
 *
 * Widths follow the terminal's model, not ICU's: the width of a grapheme
 * cluster is the sum of wcwidth() over its code points, as glibc, ncurses
 * and tmux compute it, with East Asian ambiguous characters 1 or 2 cells
 * as configured.  ICU decides only where clusters and lines may break.
 *
 * One rule decides how a cluster is drawn, and text_sanitize(),
 * text_cluster_width(), text_width(), text_fit() and text_wrap() all apply
 * it, so what we measure is what we write:
 *
 *   - an invalid UTF-8 byte is drawn as U+FFFD;
 *   - a control character (text_cp_unsafe) is drawn as a visible
 *     placeholder: C0 controls and DEL as their U+2400 control pictures
 *     (ESC as ␛), TAB as a space, anything else (C1 controls, bidi
 *     overrides and isolates, LRM/RLM/ALM, U+2028/U+2029) as "<U+202E>";
 *   - a zero-width format character standing alone (U+200B, U+2060,
 *     U+FEFF, …) is drawn as nothing: its cluster is 0 cells wide;
 *   - a cluster that begins with a zero-width code point (a combining mark
 *     with nothing to combine with) is drawn after a space, so it takes
 *     one cell of its own instead of landing on its neighbour;
 *   - a code point the C library cannot measure (unassigned) makes its
 *     cluster U+FFFD;
 *   - the text fallback for emoji sequences that terminals disagree on:
 *     a cluster of several code points that holds a regional indicator
 *     (flags), a keycap U+20E3, a skin tone modifier U+1F3FB–U+1F3FF, a
 *     tag U+E0020–U+E007F, or ZWJ / U+FE0F together with a pictograph, is
 *     drawn as its first code point alone (👩‍💻 as 👩, 2 cells; 👍🏽 as 👍),
 *     except that regional indicators are drawn as their ASCII letters
 *     (🇯🇵 as "JP");
 *   - what would join its neighbour once an invisible character between
 *     them is dropped is drawn so that it cannot: a regional indicator
 *     alone as its letter, a prepended mark alone (U+0600) and a keycap,
 *     skin tone or tag with no base as U+FFFD.  So sanitising twice
 *     gives what sanitising once gave;
 *   - everything else is drawn as it is.
 *
 * Widths depend on LC_CTYPE being a UTF-8 locale (main sees to it), as
 * ncurses' do.
 *
 * text.c also defines wcwidth() and wcswidth(): they interpose on the C
 * library's functions (which they call through dlsym(RTLD_NEXT)) and widen
 * East Asian ambiguous characters when the ambiguous width is 2.  ncurses
 * resolves wcwidth dynamically, so it then counts ①※○■Ⅰ as two cells
 * exactly as hms does.  Any program linking text.o gets this. */
#ifndef HMS_TEXT_H
#define HMS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Prepare ICU's normaliser (the collator and the break iterators are
 * opened when first used, through fatal() if ICU cannot give them).
 * Returns 0, or -1 with a message in *err that the caller frees.  Safe to
 * call twice.
 * Call it after setlocale(): the C library's widths, which text keeps per
 * code point, are those of the locale in force at the first call after
 * text_init().  The other functions call it themselves when needed (and
 * exit through fatal() if ICU is unusable). */
int text_init(char **err);
/* Release ICU services and the wrap cache; text_init() may be called again
 * afterwards. */
void text_fini(void);

/* East Asian ambiguous width: 1 (the default) or 2; anything else means 1.
 * Changes what text_*width, wcwidth() and therefore ncurses report, and
 * empties the wrap cache.  Set it before the screen starts. */
void text_set_ambiwidth(int width);
int text_ambiwidth(void);

/* ---- UTF-8 ---- */

/* Whether s[0..len) is valid UTF-8 (no surrogates, no overlongs, no NUL).
 * On failure *bad (if not NULL) is the byte offset of the first bad byte. */
bool text_utf8_valid(const char *s, size_t len, size_t *bad);
/* Decode one code point at s[0..len), len > 0; returns bytes consumed (at
 * least 1).  Invalid sequences give U+FFFD and consume one byte. */
size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Whether what text_utf8_decode() gave, cp from n bytes, is an invalid
 * byte rather than a U+FFFD written in the text (which takes 3). */
static inline bool
text_utf8_invalid(uint32_t cp, size_t n)
{
	return cp == 0xfffd && n == 1;
}

/* How many bytes the sequence that lead starts takes: 1 to 4, or 0 when
 * lead cannot start one (a continuation byte, 0xc0, 0xc1, 0xf5-0xff). */
size_t text_utf8_length(unsigned char lead);

/* Encode cp into out (4 bytes room); returns the length. */
size_t text_utf8_encode(uint32_t cp, char *out);

/* The start of the character before byte off of s (0 at the start). */
size_t text_utf8_prev(const char *s, size_t off);

/* The context of a match at [off, off + mlen) of s: *start backs off
 * about before cells, *end goes on about after cells (whole clusters),
 * for a snippet "…context [match] context…". */
void text_context(const char *s, size_t len, size_t off, size_t mlen,
    int before, int after, size_t *start, size_t *end);

/* Whether byte c continues a character rather than starting one. */
static inline bool
text_utf8_cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

/* Decode the character at p of text already known to be valid UTF-8 (as
 * the loader and text_sanitize leave it): no checks, for the loops that
 * scan the whole content.  Returns its length. */
static inline size_t
text_utf8_decode_valid(const unsigned char *p, uint32_t *cp)
{
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] < 0xe0) {
		*cp = ((uint32_t)(p[0] & 0x1f) << 6) | (p[1] & 0x3f);
		return 2;
	}
	if (p[0] < 0xf0) {
		*cp = ((uint32_t)(p[0] & 0x0f) << 12) |
		    ((uint32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
		return 3;
	}
	*cp = ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3f) << 12) |
	    ((uint32_t)(p[2] & 0x3f) << 6) | (p[3] & 0x3f);
	return 4;
}

/* ---- clusters and widths ---- */

/* Terminal cells of one code point as wcwidth() (with the ambiguous width)
 * reports it: 0 (combining, zero width), 1 or 2; -1 for a control
 * character (text_cp_unsafe), which must never reach the terminal.  A code
 * point the C library cannot measure counts as the U+FFFD drawn for it. */
int text_cp_width(uint32_t cp);
/* Whether the code point is East Asian ambiguous with a C library width of
 * 1, so that its width follows text_ambiwidth(). */
bool text_cp_ambiguous(uint32_t cp);
/* Whether any code point of s[0..len) is ambiguous: use it to keep the
 * interface's own chrome free of characters whose width varies. */
bool text_has_ambiguous(const char *s, size_t len);
/* End offset of the grapheme cluster that starts at off (off < len), as
 * ICU's character break iterator finds it (extended grapheme clusters:
 * CR LF, Hangul syllables, prepend, extend and spacing marks, Indic
 * conjuncts, emoji ZWJ sequences, regional indicator pairs).  An invalid
 * UTF-8 byte is a cluster of its own. */
size_t text_cluster_end(const char *s, size_t len, size_t off);
/* Cells taken by the cluster s[0..len) as drawn (see the rule above): the
 * sum of its drawn code points' widths.  At least 1 for a non-empty
 * cluster, except 0 for a lone zero-width format character, which is drawn
 * as nothing. */
int text_cluster_width(const char *s, size_t len);
/* Cells taken by the whole string as drawn: the sum over its clusters. */
int text_width(const char *s, size_t len);
/* Longest prefix of s[0..len) that fits in cols cells without splitting a
 * cluster; returns its byte length and stores its width in *used. */
size_t text_fit(const char *s, size_t len, int cols, int *used);

/* ---- sanitising ---- */

/* Whether the code point must not be written to a terminal: C0/C1
 * controls, DEL, bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), LRM, RLM, ALM, and the line and paragraph separators
 * U+2028/U+2029. */
bool text_cp_unsafe(uint32_t cp);
/* A copy of s[0..len) safe to write to a terminal, drawn by the rule
 * above: unsafe code points become visible placeholders, invalid bytes
 * U+FFFD, TAB a space, emoji sequences their text fallback.  Its width
 * (text_width) equals that of the original, and sanitising it again
 * changes nothing.  NUL-terminated; the caller frees it. */
char *text_sanitize(const char *s, size_t len);

/* ---- normalisation for search ---- */

enum {
	TEXT_NORM_ERA = 1 << 0,		/* fold era years: 令和6年 -> 2024年 */
	TEXT_NORM_NOSPACE = 1 << 1,	/* drop white space entirely */
	TEXT_NORM_WORDS = 1 << 2	/* fold spellings of one word (search) */
};

/* Normalised text with a map back to the original.  map has len + 1
 * entries: map[i] is the byte offset in the original of the first byte of
 * the piece that normalised byte i came from, and map[len] is the original
 * length.  end has len entries: end[i] is the original offset just after
 * that piece.  A piece is the smallest run of original characters that
 * normalises on its own: usually one character, ｶﾞ or e + U+0301 as a
 * whole, 令和6 as a whole under TEXT_NORM_ERA.  So original bytes
 * [map[a], end[b - 1]) cover normalised bytes [a, b) exactly;
 * text_norm_span() does that arithmetic. */
struct text_norm {
	char		*s;
	size_t		 len;
	uint32_t	*map;
	uint32_t	*end;
};

/* Normalise for search, the same way for a query and for the text it is
 * searched in:
 *   - NFKC with case folding (ICU nfkc_cf): ⼤ U+2F24 -> 大, ＡＢ -> ab,
 *     ① -> 1, Ⅳ -> iv, ｶﾞ -> ガ, U+3000 -> space (search only: never
 *     display a normalised string);
 *   - katakana -> hiragana by a one-to-one table (ガ -> が, ヽ -> ゝ);
 *   - folds NFKC leaves out: CJK radical look-alikes (⺠ -> 民, ⻑ -> 長),
 *     the wave dash 〜 -> ~, hyphens and minus signs (‐ – − -> -),
 *     curly quotes (‘’ -> ', “” -> "), and the spacing sound marks ゛゜,
 *     which combine with the kana before them;
 *   - TEXT_NORM_ERA: Japanese era years become Gregorian years in text and
 *     query alike, so that either form finds both: 令和6年度, 令和６年度,
 *     R6年度 -> 2024年度, 令和元年 -> 2019年, 平成30年 -> 2018年, 令和六年
 *     -> 2024年 (明治, 大正, 昭和, 平成, 令和 and the ㍾㍽㍼㍻㋿ squares; the
 *     letters R, H, S only directly before a number and 年); a year given
 *     twice, 2025（令和7）年 or 令和7（2025）年, becomes 2025年 once;
 *   - TEXT_NORM_NOSPACE: white space is dropped.
 *   - TEXT_NORM_WORDS: the ways Japanese writes one word the same, for
 *     search (index and query alike), after the folds above:
 *       - the middle dot ・ (and ･) is dropped: ドラッグ・ロス = ドラッグロス;
 *       - white space is dropped unless it stands between two characters
 *         below U+2E80 (Latin words keep one space): FIH 試験 = FIH試験,
 *         and none is kept at either end;
 *       - a dash or wave (- ‐ − – — ― ～ 〜) after kana is the long vowel
 *         mark ー it stands in for: サ−バ = サーバ;
 *       - a long vowel mark ー after kana that ends the word (no kana
 *         follows, dropped characters skipped) is dropped, and the
 *         character before it then covers it in the map, so that a
 *         highlight takes it in: サーバー = サーバ, コンピューター =
 *         コンピュータ;
 *       - the iteration mark 々 after a kanji is that kanji: 人々 = 人人;
 *       - the small ヶ ヵ are が, and so are the full-size ケ カ between a
 *         kanji or number (or the start) and a kanji: 霞ヶ関 = 霞ケ関 =
 *         霞が関, 3ヶ月 = 3カ月.
 * Invalid UTF-8 is treated as U+FFFD.  The result is owned by out; free
 * it with text_norm_free().  After text_init(), several threads may
 * normalise at once (the search index does, on two). */
void text_normalize(const char *s, size_t len, int flags, struct text_norm *out);
void text_norm_free(struct text_norm *n);
/* Convenience: the normalised string only; the caller frees it. */
char *text_normalize_str(const char *s, size_t len, int flags);
/* Map normalised bytes [a, b) back to original bytes [*oa, *ob): the
 * smallest run of whole original pieces that produced them (a match inside
 * the "iv" of Ⅳ covers Ⅳ; a match of が covers both code points of ｶﾞ).
 * Offsets past the end are clamped; an empty range maps to an empty range
 * at the original position of a. */
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
 * line break iterator, locale "ja@lb=strict": no line starts with 。、」）・
 * ー or a small kana, none ends with 「（; Latin words stay whole unless
 * longer than the line).  A cluster is never split: one that does not fit
 * at the end of a line moves to the next; one wider than the whole line
 * gets a line of its own.  Spaces at a break are dropped (they hang in the
 * margin); LF, CR LF and U+2028 force a break and belong to no line.
 *
 * When hang is true and the paragraph starts with a list marker (・ ○ ●
 * ◆ ◇ ■ □ ◎ ▲ △ ▼ ▽ ▶ ★ ☆ • ※ ※1 ＊ ＊1 *1, ①–㊿, ⑴–⒇, ⒈–⒛, ❶–❿,
 * (1) （２） (a) （ア） （一）, "1." "1)" "-" "–" followed by a space),
 * continuation lines get indent = the cells of the marker and the spaces
 * after it, so that they align under the text (only while that leaves at
 * least half the width).
 *
 * Returns the number of lines (at least 1: an empty paragraph gives one
 * empty line) and stores a newly allocated array in *lines (caller frees).
 *
 * Caching: the break opportunities of a paragraph do not depend on the
 * width.  text_wrap() keeps those of the last 64 paragraphs it wrapped,
 * keyed by their bytes (not their address, so a freed and reused buffer
 * cannot return stale breaks), so re-wrapping them at a new width does
 * not run ICU again.  A caller that keeps many paragraphs (a layout cache)
 * should hold a text_breaks for each instead: see below. */
size_t text_wrap(const char *s, size_t len, int width, bool hang,
    struct text_line **lines);

/* The break opportunities of one paragraph (at most 4 GiB), found once
 * (ICU runs here) and measured with the current ambiguous width; wrapping
 * it at any width is then a linear pass over them with no ICU call: about
 * 16 bytes per opportunity, which in Japanese is nearly every character.
 * It points into s, which must stay valid and unchanged while it lives;
 * make it again after text_set_ambiwidth(). */
struct text_breaks;

/* Find the break opportunities of s[0..len).  Never NULL; free it with
 * text_breaks_free(). */
struct text_breaks *text_breaks_create(const char *s, size_t len);
/* Release b; NULL is a no-op. */
void text_breaks_free(struct text_breaks *b);
/* Like text_wrap() for the paragraph b was made from. */
size_t text_breaks_wrap(const struct text_breaks *b, int width, bool hang,
    struct text_line **lines);
/* Number of places a line may start: 0 (always first) and every break
 * opportunity after it, in order; text_breaks_offset(b, i) is the byte
 * offset of the i-th (i < text_breaks_count(b)). */
size_t text_breaks_count(const struct text_breaks *b);
size_t text_breaks_offset(const struct text_breaks *b, size_t i);
/* Cells of the hanging indent for continuation lines when the paragraph
 * starts with a list marker (marker plus following spaces), else 0. */
int text_breaks_hang(const struct text_breaks *b);

/* ---- collation ---- */

/* Compare two UTF-8 strings with ICU's ja collator (digits compared as
 * numbers, so 第2章 sorts before 第10章); ties, such as hiragana against
 * katakana, are broken by code point order so that sorting is total. */
int text_collate(const char *a, const char *b);

/* The version of ICU hms was built with ("72.1"): caches of folded text
 * name it, since folding may change with it. */
const char *text_icu_version(void);

#endif
