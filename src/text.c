/* text.c — Japanese text on ICU: widths, clusters, normalisation, wrapping,
 * sanitising and collation.  The only file that includes ICU headers.
 *
 * The contracts, and the one rule for how a cluster is drawn, are in
 * text.h.  Speed matters here: every string hms draws or searches passes
 * through, so the common cases (ASCII, kana, kanji) take short paths that
 * give exactly the answer the general path (ICU) would. */
#include "config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unicode/ubrk.h>
#include <unicode/uversion.h>
#include <unicode/ucol.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include "text.h"
#include "util.h"

static int text_ambi = 1;
static const UNormalizer2 *text_nfkc_cf;
static UCollator *text_coll;
static UBreakIterator *text_cbrk;	/* grapheme clusters: the hard cases */
static UBreakIterator *text_lbrk;	/* lines: ja@lb=strict */
static bool text_ready;

static void text_wrap_cache_clear(void);
static void text_u16_free(void);
static uint16_t text_info_bmp[0x10000];

/* ---- set-up ---- */

int
text_init(char **err)
{
	UErrorCode ec = U_ZERO_ERROR;
	const char *what;

	if (text_ready)
		return 0;
	/* Widths come from the locale now in force. */
	memset(text_info_bmp, 0, sizeof text_info_bmp);
	what = "normaliser (nfkc_cf)";
	text_nfkc_cf = unorm2_getNFKCCasefoldInstance(&ec);
	if (U_FAILURE(ec))
		goto fail;
	text_ready = true;
	return 0;
fail:
	if (err != NULL)
		*err = xasprintf("ICU %s unavailable: %s", what, u_errorName(ec));
	text_fini();
	return -1;
}

void
text_fini(void)
{
	text_wrap_cache_clear();
	text_u16_free();
	if (text_lbrk != NULL)
		ubrk_close(text_lbrk);
	if (text_cbrk != NULL)
		ubrk_close(text_cbrk);
	if (text_coll != NULL)
		ucol_close(text_coll);
	text_lbrk = NULL;
	text_cbrk = NULL;
	text_coll = NULL;
	text_nfkc_cf = NULL;
	text_ready = false;
}

static void
text_need(void)
{
	char *err = NULL;

	if (!text_ready && text_init(&err) != 0)
		fatal("%s", err);
}

/* The collator and the break iterators are opened the first time they
 * are needed: a command that only searches or prints needs none of them,
 * and opening them was a millisecond of every start. */
static void
text_icu_fail(const char *what, UErrorCode ec)
{
	fatal("ICU %s unavailable: %s", what, u_errorName(ec));
}

static UCollator *
text_collator(void)
{
	UErrorCode ec = U_ZERO_ERROR;

	text_need();
	if (text_coll == NULL) {
		text_coll = ucol_open("ja", &ec);
		if (U_FAILURE(ec))
			text_icu_fail("collator for ja", ec);
		/* 第2章 before 第10章: titles carry numbers. */
		ucol_setAttribute(text_coll, UCOL_NUMERIC_COLLATION, UCOL_ON,
		    &ec);
		if (U_FAILURE(ec))
			text_icu_fail("collator for ja", ec);
	}
	return text_coll;
}

/* A break iterator, opened on first use into *it. */
static UBreakIterator *
text_breaks(UBreakIterator **it, UBreakIteratorType type, const char *locale,
    const char *what)
{
	UErrorCode ec = U_ZERO_ERROR;

	text_need();
	if (*it == NULL) {
		*it = ubrk_open(type, locale, NULL, 0, &ec);
		if (U_FAILURE(ec))
			text_icu_fail(what, ec);
	}
	return *it;
}

static UBreakIterator *
text_char_breaks(void)
{
	return text_breaks(&text_cbrk, UBRK_CHARACTER, "",
	    "character break iterator");
}

static UBreakIterator *
text_line_breaks(void)
{
	return text_breaks(&text_lbrk, UBRK_LINE, "ja@lb=strict",
	    "line break iterator for ja@lb=strict");
}

void
text_set_ambiwidth(int width)
{
	int w = width == 2 ? 2 : 1;

	/* Cached breaks carry widths measured with the old setting. */
	if (w != text_ambi)
		text_wrap_cache_clear();
	text_ambi = w;
}

int
text_ambiwidth(void)
{
	return text_ambi;
}

/* ---- UTF-8 ---- */

size_t
text_utf8_length(unsigned char lead)
{
	if (lead < 0x80)
		return 1;
	if (lead >= 0xc2 && lead <= 0xdf)
		return 2;
	if (lead >= 0xe0 && lead <= 0xef)
		return 3;
	if (lead >= 0xf0 && lead <= 0xf4)
		return 4;
	return 0;
}

size_t
text_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	n = text_utf8_length(s[0]);
	if (n == 0 || len < n)
		goto bad;
	c = s[0] & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return n;
bad:
	*cp = 0xfffd;
	return 1;
}

/* An invalid byte decodes as U+FFFD of length 1; a real U+FFFD takes 3. */
#define TEXT_BAD(cp, n) text_utf8_invalid(cp, n)

static inline size_t
text_dec(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	/* Kana, kanji and full-width forms: three bytes whose lead cannot
	 * start an overlong form or a surrogate. */
	if (u[0] >= 0xe1 && u[0] <= 0xef && u[0] != 0xed && len >= 3 &&
	    (u[1] & 0xc0) == 0x80 && (u[2] & 0xc0) == 0x80) {
		*cp = ((uint32_t)(u[0] & 0x0f) << 12) |
		    ((uint32_t)(u[1] & 0x3f) << 6) | (u[2] & 0x3f);
		return 3;
	}
	return text_utf8_decode(s, len, cp);
}

bool
text_utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t off = 0, n;
	uint32_t cp;

	while (off < len) {
		n = text_dec(s + off, len - off, &cp);
		if (cp == 0 || TEXT_BAD(cp, n)) {
			if (bad != NULL)
				*bad = off;
			return false;
		}
		off += n;
	}
	return true;
}

size_t
text_utf8_prev(const char *s, size_t off)
{
	if (off == 0)
		return 0;
	off--;
	while (off > 0 && text_utf8_cont((unsigned char)s[off]))
		off--;
	return off;
}

void
text_context(const char *s, size_t len, size_t off, size_t mlen, int before,
    int after, size_t *start, size_t *end)
{
	size_t a = off, b = off + mlen, p;
	int cells;

	for (cells = 0; a > 0 && cells < before; a = p) {
		p = text_utf8_prev(s, a);
		cells += text_width(s + p, a - p);
	}
	for (cells = 0; b < len && cells < after; b = p) {
		p = text_cluster_end(s, len, b);
		cells += text_width(s + b, p - b);
	}
	*start = a;
	*end = b;
}

size_t
text_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

/* ---- the terminal's widths ---- */

/*
 * ncurses measures characters with wcwidth(), looked up dynamically, so
 * the definition below (exported from the executable) is the one it
 * calls.  It asks the C library for the width and widens East Asian
 * ambiguous characters when the terminal draws them wide: then ncurses
 * and hms place every character in the same cell.
 */
static int (*text_libc_wcwidth)(wchar_t);

static int
text_wcwidth_libc(wchar_t wc)
{
	void *fn;

	if (text_libc_wcwidth == NULL) {
		fn = dlsym(RTLD_NEXT, "wcwidth");
		if (fn == NULL)
			fatal("cannot find the C library's wcwidth: %s", dlerror());
		memcpy(&text_libc_wcwidth, &fn, sizeof fn);
	}
	return text_libc_wcwidth(wc);
}

static inline bool
text_ea_ambiguous(uint32_t cp)
{
	return cp >= 0xa1 && cp <= 0x10fffd &&
	    u_getIntPropertyValue((UChar32)cp, UCHAR_EAST_ASIAN_WIDTH) ==
	    U_EA_AMBIGUOUS;
}

/*
 * What every code point drawn or searched needs, from the C library and
 * ICU, packed into 16 bits and kept for the BMP, where nearly all text
 * lives: one array read instead of several library calls.  The width is
 * the C library's for the locale in force when it was first asked, so
 * text_init() (which main calls after setlocale) empties the table.
 */
enum {
	TI_FILLED = 1 << 15,
	TI_W_MASK = 3,			/* libc wcwidth + 1: -1 .. 2 */
	TI_AMBI = 1 << 2,		/* East Asian ambiguous */
	TI_GCB_SHIFT = 3,		/* 5 bits of Grapheme_Cluster_Break */
	TI_GCB_MASK = 31,
	TI_INERT = 1 << 8,		/* nfkc_cf leaves it alone, in any context */
	TI_NBB = 1 << 9,		/* nfkc_cf boundary before it */
	TI_PICT = 1 << 10		/* Extended_Pictographic */
};

/* Needs no text_init(): wcwidth() may be called by ncurses at any time,
 * even after text_fini().  ICU's properties and its normaliser instances
 * are process-wide singletons. */
static uint16_t
text_info_compute(uint32_t cp)
{
	UErrorCode ec = U_ZERO_ERROR;
	const UNormalizer2 *nf;
	uint16_t v = TI_FILLED;
	int w;

	w = text_wcwidth_libc((wchar_t)cp);
	v |= (uint16_t)((w < -1 ? -1 : w > 2 ? 2 : w) + 1);
	if (text_ea_ambiguous(cp))
		v |= TI_AMBI;
	v |= (uint16_t)((u_getIntPropertyValue((UChar32)cp,
	    UCHAR_GRAPHEME_CLUSTER_BREAK) & TI_GCB_MASK) << TI_GCB_SHIFT);
	nf = unorm2_getNFKCCasefoldInstance(&ec);
	if (U_SUCCESS(ec) && unorm2_isInert(nf, (UChar32)cp))
		v |= TI_INERT;
	if (U_FAILURE(ec) || unorm2_hasBoundaryBefore(nf, (UChar32)cp))
		v |= TI_NBB;
	if (u_hasBinaryProperty((UChar32)cp, UCHAR_EXTENDED_PICTOGRAPHIC))
		v |= TI_PICT;
	return v;
}

static inline uint16_t
text_info(uint32_t cp)
{
	uint16_t v;

	if (cp >= 0x10000)
		return text_info_compute(cp);
	/* Filled as asked for, maybe by two threads at once (they store
	 * the same value): atomic loads and stores, relaxed. */
	if ((v = __atomic_load_n(&text_info_bmp[cp], __ATOMIC_RELAXED)) == 0) {
		v = text_info_compute(cp);
		__atomic_store_n(&text_info_bmp[cp], v, __ATOMIC_RELAXED);
	}
	return v;
}

static inline int
text_info_gcb(uint16_t v)
{
	return (v >> TI_GCB_SHIFT) & TI_GCB_MASK;
}

/* The width wcwidth() reports for a code point with these facts. */
static inline int
text_info_width(uint16_t v)
{
	int w = (v & TI_W_MASK) - 1;

	if (w == 1 && text_ambi == 2 && (v & TI_AMBI))
		w = 2;
	return w;
}

int
wcwidth(wchar_t wc)
{
	if (wc >= 0x20 && wc < 0x7f)
		return 1;
	if (wc < 0 || wc > 0x10ffff)
		return text_wcwidth_libc(wc);
	return text_info_width(text_info((uint32_t)wc));
}

int
wcswidth(const wchar_t *ws, size_t n)
{
	int w = 0, cw;

	for (; n > 0 && *ws != L'\0'; ws++, n--) {
		if ((cw = wcwidth(*ws)) < 0)
			return -1;
		w += cw;
	}
	return w;
}

bool
text_cp_unsafe(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x200e || cp == 0x200f || cp == 0x061c ||
	    cp == 0x2028 || cp == 0x2029;
}

bool
text_cp_ambiguous(uint32_t cp)
{
	uint16_t v;

	if (cp > 0x10ffff)
		return false;
	v = text_info(cp);
	return (v & TI_AMBI) && (v & TI_W_MASK) - 1 == 1;
}

bool
text_has_ambiguous(const char *s, size_t len)
{
	size_t off = 0;
	uint32_t cp;

	while (off < len) {
		off += text_dec(s + off, len - off, &cp);
		if (text_cp_ambiguous(cp))
			return true;
	}
	return false;
}

int
text_cp_width(uint32_t cp)
{
	int w;

	if (text_cp_unsafe(cp))
		return -1;
	if (cp > 0x10ffff || (w = wcwidth((wchar_t)cp)) < 0)
		w = wcwidth(0xfffd);
	return w;
}

/* ---- grapheme clusters ---- */

static inline int
text_gcb(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7f)
		return U_GCB_OTHER;
	return text_info_gcb(text_info(cp));
}

/* The cluster at off, by ICU's character break iterator.  ICU sees only
 * the valid UTF-8 from off (an invalid byte is a cluster of its own) and
 * at first only a window of it, widened when the cluster reaches its end,
 * so that long strings cost no more than their clusters. */
static size_t
text_cluster_end_icu(const char *s, size_t len, size_t off)
{
	UText ut = UTEXT_INITIALIZER;
	UErrorCode ec;
	size_t cap = 128, vend, limit, n;
	uint32_t cp;
	bool invalid;
	int32_t e;

	text_need();
	for (;;) {
		limit = len - off > cap ? off + cap : len;
		vend = off;
		invalid = false;
		while (vend < limit) {
			n = text_dec(s + vend, len - vend, &cp);
			if (TEXT_BAD(cp, n)) {
				invalid = true;
				break;
			}
			vend += n;
		}
		ec = U_ZERO_ERROR;
		utext_openUTF8(&ut, s + off, (int64_t)(vend - off), &ec);
		ubrk_setUText(text_char_breaks(), &ut, &ec);
		e = U_SUCCESS(ec) ? ubrk_following(text_cbrk, 0) : UBRK_DONE;
		utext_close(&ut);
		if (e == UBRK_DONE || e <= 0) {
			/* Cannot happen with valid input; never loop. */
			n = text_dec(s + off, len - off, &cp);
			return off + n;
		}
		if ((size_t)e < vend - off || vend >= len || invalid)
			return off + (size_t)e;
		cap *= 2;
	}
}

size_t
text_cluster_end(const char *s, size_t len, size_t off)
{
	uint32_t a, b;
	size_t n, m, end;
	int ga, gb;

	if (off >= len)
		return len;
	n = text_dec(s + off, len - off, &a);
	end = off + n;
	if (end >= len || TEXT_BAD(a, n))
		return end;
	m = text_dec(s + end, len - end, &b);
	if (TEXT_BAD(b, m))
		return end;
	/* The short path decides the pairs that no rule past GB5 can join:
	 * after a control, and between an ordinary character and anything
	 * but an extender.  Everything else (marks, ZWJ, Hangul, prepend,
	 * regional indicators, Indic conjuncts) goes to ICU. */
	ga = text_gcb(a);
	if (ga == U_GCB_CONTROL || ga == U_GCB_LF)
		return end;
	gb = text_gcb(b);
	if (ga == U_GCB_CR)
		return gb == U_GCB_LF ? end + m : end;
	if (ga == U_GCB_OTHER && gb != U_GCB_EXTEND && gb != U_GCB_ZWJ &&
	    gb != U_GCB_SPACING_MARK)
		return end;
	return text_cluster_end_icu(s, len, off);
}

/* ---- how a cluster is drawn ---- */

static int
text_put(struct buf *out, const char *s, size_t n, int w)
{
	if (out != NULL)
		buf_add(out, s, n);
	return w;
}

static int
text_put_cp(struct buf *out, uint32_t cp)
{
	char enc[4];

	if (out != NULL)
		buf_add(out, enc, text_utf8_encode(cp, enc));
	return text_cp_width(cp);
}

/* A control character's placeholder: its control picture (␛ for ESC), a
 * space for TAB, or "<U+202E>". */
static int
text_draw_unsafe(uint32_t cp, struct buf *out)
{
	char tmp[16];
	int n;

	if (cp == '\t')
		return text_put(out, " ", 1, 1);
	if (cp < 0x20)
		return text_put_cp(out, 0x2400 + cp);
	if (cp == 0x7f)
		return text_put_cp(out, 0x2421);
	n = snprintf(tmp, sizeof tmp, "<U+%04X>", (unsigned)cp);
	return text_put(out, tmp, (size_t)n, n);
}

/* Whether a zero-width code point stays in one cluster with a space put
 * before it (a combining mark does; a Hangul vowel or final jamo, or a
 * prepended mark, would become a cluster of its own and be drawn with a
 * space again, changing the width each time the text is sanitised). */
static bool
text_joins_space(uint32_t cp)
{
	int g = text_gcb(cp);

	return g == U_GCB_EXTEND || g == U_GCB_SPACING_MARK || g == U_GCB_ZWJ;
}

static inline bool
text_is_ri(uint32_t cp)
{
	return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

/* What only makes sense inside an emoji sequence, after a base: the
 * keycap mark, the skin-tone modifiers and the tag characters.  A
 * cluster holding one is drawn by its first code point alone. */
static inline bool
text_emoji_part(uint32_t cp)
{
	return cp == 0x20e3 || (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
	    (cp >= 0xe0020 && cp <= 0xe007f);
}

/* One code point standing alone, s[0..n) its bytes. */
static int
text_draw_cp(uint32_t cp, const char *s, size_t n, struct buf *out)
{
	int w;

	/* An emoji part with no base (after a control, or first) becomes
	 * U+FFFD: drawn as itself it would join whatever is drawn before
	 * it (a control's picture, say) and be dropped the next time the
	 * text is sanitised. */
	if (TEXT_BAD(cp, n) || text_emoji_part(cp))
		return text_put_cp(out, 0xfffd);
	/* A regional indicator without its pair is drawn as its letter, as
	 * a flag is; a prepended mark with nothing after it as U+FFFD.
	 * Either, drawn as itself, would join what follows once an
	 * invisible character between them is dropped. */
	if (text_is_ri(cp)) {
		char letter = (char)('A' + (cp - 0x1f1e6));

		return text_put(out, &letter, 1, 1);
	}
	if (text_gcb(cp) == U_GCB_PREPEND)
		return text_put_cp(out, 0xfffd);
	if (text_cp_unsafe(cp))
		return text_draw_unsafe(cp, out);
	w = wcwidth((wchar_t)cp);
	if (w < 0)
		return text_put_cp(out, 0xfffd);
	if (w > 0)
		return text_put(out, s, n, w);
	/* Zero width: a format character alone is invisible, so nothing is
	 * drawn; a mark with nothing to sit on gets a space of its own. */
	if (text_gcb(cp) == U_GCB_CONTROL)
		return 0;
	if (!text_joins_space(cp))
		return text_put_cp(out, 0xfffd);
	text_put(out, " ", 1, 1);
	return text_put(out, s, n, 1);
}


/* Draw the cluster s[0..len) by the rule in text.h; append the bytes to
 * out when it is not NULL; return the cells. */
static int
text_draw(const char *s, size_t len, struct buf *out)
{
	uint32_t c1, cp;
	size_t n1, n, off;
	bool emoji = false, pict = false, joiner = false, bad = false;
	int w = 0, cw;

	if (len == 0)
		return 0;
	n1 = text_dec(s, len, &c1);
	if (n1 >= len)
		return text_draw_cp(c1, s, n1, out);
	if (text_cp_unsafe(c1)) {
		/* CR LF is the only cluster of controls. */
		for (off = 0; off < len; off += n) {
			n = text_dec(s + off, len - off, &cp);
			w += text_draw_unsafe(cp, out);
		}
		return w;
	}
	for (off = 0; off < len; off += n) {
		n = text_dec(s + off, len - off, &cp);
		if (TEXT_BAD(cp, n) || text_cp_unsafe(cp)) {
			bad = true;
			continue;
		}
		if (text_is_ri(cp) || text_emoji_part(cp))
			emoji = true;
		else if (cp == 0x200d || cp == 0xfe0f)
			joiner = true;
		else if (text_info(cp) & TI_PICT)
			pict = true;
		if ((cw = wcwidth((wchar_t)cp)) < 0)
			bad = true;
		else
			w += cw;
	}
	if (emoji || (joiner && pict)) {
		/* The text fallback: terminals disagree on these sequences,
		 * but all agree on a flag's letters and an emoji alone. */
		if (!text_is_ri(c1))
			return text_draw_cp(c1, s, n1, out);
		w = 0;
		for (off = 0; off < len; off += n) {
			n = text_dec(s + off, len - off, &cp);
			if (text_is_ri(cp)) {
				char letter = (char)('A' + (cp - 0x1f1e6));
				w += text_put(out, &letter, 1, 1);
			}
		}
		return w;
	}
	if (bad || (wcwidth((wchar_t)c1) == 0 && !text_joins_space(c1)))
		return text_put_cp(out, 0xfffd);
	if (wcwidth((wchar_t)c1) == 0) {
		text_put(out, " ", 1, 1);
		w++;
	}
	return text_put(out, s, len, w);
}

int
text_cluster_width(const char *s, size_t len)
{
	return text_draw(s, len, NULL);
}

/* The cluster that starts at off: returns its end and stores its drawn
 * width in *w.  The same answer as text_cluster_end() and text_draw(),
 * sooner for the clusters of one ordinary code point that make up
 * nearly all text. */
static inline size_t
text_cluster_next(const char *s, size_t len, size_t off, int *w)
{
	const unsigned char *u = (const unsigned char *)s + off;
	uint32_t a, b;
	uint16_t va, vb;
	size_t n, m, end;
	int gb;

	/* Printable ASCII followed by ASCII is a one-cell cluster. */
	if (u[0] >= 0x20 && u[0] < 0x7f && (off + 1 == len || u[1] < 0x80)) {
		*w = 1;
		return off + 1;
	}
	n = text_dec(s + off, len - off, &a);
	if (TEXT_BAD(a, n) || a > 0x10ffff)
		goto slow;
	va = text_info(a);
	if (text_info_gcb(va) != U_GCB_OTHER || (va & TI_W_MASK) < 2)
		goto slow;	/* controls, marks, zero width, unmeasured */
	end = off + n;
	if (end < len) {
		m = text_dec(s + end, len - end, &b);
		if (!TEXT_BAD(b, m)) {
			vb = b < 0x80 ? 0 : text_info(b);
			gb = text_info_gcb(vb);
			if (b >= 0x80 && (gb == U_GCB_EXTEND || gb == U_GCB_ZWJ ||
			    gb == U_GCB_SPACING_MARK))
				goto slow;
		}
	}
	*w = text_info_width(va);
	return end;
slow:
	end = text_cluster_end(s, len, off);
	*w = text_draw(s + off, end - off, NULL);
	return end;
}

int
text_width(const char *s, size_t len)
{
	size_t off = 0;
	int w = 0, cw;

	while (off < len) {
		off = text_cluster_next(s, len, off, &cw);
		w += cw;
	}
	return w;
}

size_t
text_fit(const char *s, size_t len, int cols, int *used)
{
	size_t off = 0, end;
	int w = 0, cw;

	while (off < len) {
		end = text_cluster_next(s, len, off, &cw);
		if (w + cw > cols)
			break;
		w += cw;
		off = end;
	}
	if (used != NULL)
		*used = w;
	return off;
}

/* ---- sanitising ---- */

char *
text_sanitize(const char *s, size_t len)
{
	struct buf b;
	size_t off = 0, end;

	buf_init(&b);
	buf_reserve(&b, len);
	while (off < len) {
		end = text_cluster_end(s, len, off);
		text_draw(s + off, end - off, &b);
		off = end;
	}
	/* Terminated even when everything drew as nothing. */
	buf_add(&b, "", 0);
	return buf_steal(&b);
}

/* ---- normalisation ---- */

/* One-to-one folds applied after NFKC_CF, sorted by code point: what
 * NFKC leaves alone but a reader takes for the same character. */
static const struct text_fold {
	uint32_t	from;
	uint32_t	to;
} text_folds[] = {
	{ 0x2010, '-' },	/* ‐ hyphen */
	{ 0x2011, '-' },	/* non-breaking hyphen */
	{ 0x2012, '-' },	/* figure dash */
	{ 0x2013, '-' },	/* – en dash: FY2025–2029 */
	{ 0x2018, '\'' },	/* ‘ */
	{ 0x2019, '\'' },	/* ’ */
	{ 0x201c, '"' },	/* “ */
	{ 0x201d, '"' },	/* ” */
	{ 0x2212, '-' },	/* − minus sign */
	/* CJK radical look-alikes that PDF text extraction produces and
	 * NFKC does not fold (the Kangxi radicals ⼀–⿕ it does fold). */
	{ 0x2e96, 0x5fc4 },	/* ⺖ 忄 */
	{ 0x2e9d, 0x6708 },	/* ⺝ 月 */
	{ 0x2e9f, 0x6bcd },	/* ⺟ 母 */
	{ 0x2ea0, 0x6c11 },	/* ⺠ 民 */
	{ 0x2ea9, 0x738b },	/* ⺩ 王 */
	{ 0x2ec1, 0x864e },	/* ⻁ 虎 */
	{ 0x2ec4, 0x897f },	/* ⻄ 西 */
	{ 0x2ec6, 0x89d2 },	/* ⻆ 角 */
	{ 0x2ed1, 0x9577 },	/* ⻑ 長 */
	{ 0x2ed8, 0x9752 },	/* ⻘ 青 */
	{ 0x2edd, 0x98df },	/* ⻝ 食 */
	{ 0x2ee3, 0x9aa8 },	/* ⻣ 骨 */
	{ 0x2ee4, 0x9b3c },	/* ⻤ 鬼 */
	{ 0x2ee8, 0x9ea6 },	/* ⻨ 麦 */
	{ 0x2ee9, 0x9ec4 },	/* ⻩ 黄 */
	{ 0x2eeb, 0x6589 },	/* ⻫ 斉 */
	{ 0x2eed, 0x6b6f },	/* ⻭ 歯 */
	{ 0x2eef, 0x7adc },	/* ⻯ 竜 */
	{ 0x2ef2, 0x4e80 },	/* ⻲ 亀 */
	{ 0x301c, '~' },	/* 〜 wave dash, as ～ becomes ~ */
	{ 0xfe63, '-' },	/* small hyphen-minus */
};

static uint32_t
text_fold_search(uint32_t cp)
{
	size_t lo = 0, hi = HMS_NELEM(text_folds), mid;

	if (cp < 0x2010)
		return cp;
	/* Katakana to hiragana, one to one, so offsets stay exact (ヷ–ヺ
	 * have no hiragana of their own and stay). */
	if ((cp >= 0x30a1 && cp <= 0x30f6) || cp == 0x30fd || cp == 0x30fe)
		return cp - 0x60;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (text_folds[mid].from == cp)
			return text_folds[mid].to;
		if (text_folds[mid].from < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return cp;
}

/* Before NFKC: the spacing sound marks ゛゜ become the combining ones, so
 * that か゛ composes to が as ｶﾞ does. */
static inline uint32_t
text_prefold(uint32_t cp)
{
	if (cp == 0x309b || cp == 0x309c)
		return cp - 2;
	return cp;
}

/* The normalised text being built, with both maps: s, map and end grow
 * together and always have room for the final NUL and map[len]. */
struct text_nout {
	char		*s;
	uint32_t	*map;
	uint32_t	*end;
	size_t		 len;
	size_t		 cap;
	int		 flags;
};

static void
text_nout_init(struct text_nout *o, size_t hint, int flags)
{
	o->cap = hint + 16;
	o->s = xmalloc(o->cap);
	o->map = xreallocarray(NULL, o->cap, sizeof *o->map);
	o->end = xreallocarray(NULL, o->cap, sizeof *o->end);
	o->len = 0;
	o->flags = flags;
}

static void
text_nout_free(struct text_nout *o)
{
	free(o->s);
	free(o->map);
	free(o->end);
}

static inline void
text_nout_reserve(struct text_nout *o, size_t n)
{
	if (o->len + n + 1 <= o->cap)
		return;
	while (o->len + n + 1 > o->cap)
		o->cap *= 2;
	o->s = xreallocarray(o->s, o->cap, 1);
	o->map = xreallocarray(o->map, o->cap, sizeof *o->map);
	o->end = xreallocarray(o->end, o->cap, sizeof *o->end);
}

static void
text_nout_bytes(struct text_nout *o, const char *p, size_t n, size_t from,
    size_t to)
{
	size_t i;

	text_nout_reserve(o, n);
	for (i = 0; i < n; i++) {
		o->s[o->len] = p[i];
		o->map[o->len] = (uint32_t)from;
		o->end[o->len++] = (uint32_t)to;
	}
}

/* Emit one code point of NFKC_CF output from original bytes [from, to). */
static void
text_nout_cp(struct text_nout *o, uint32_t cp, size_t from, size_t to)
{
	char enc[4];

	if (cp < 0x80) {
		if (cp == ' ' || (cp >= '\t' && cp <= '\r')) {
			if (o->flags & TEXT_NORM_NOSPACE)
				return;
		}
		text_nout_reserve(o, 1);
		o->s[o->len] = (char)cp;
		o->map[o->len] = (uint32_t)from;
		o->end[o->len++] = (uint32_t)to;
		return;
	}
	cp = text_fold_search(cp);
	if ((o->flags & TEXT_NORM_NOSPACE) &&
	    (cp == ' ' || (cp > 0x7f && u_isUWhiteSpace((UChar32)cp))))
		return;
	text_nout_bytes(o, enc, text_utf8_encode(cp, enc), from, to);
}

/* NFKC_CF of a run of UTF-16 from original bytes [from, to). */
static void
text_nout_normalize(struct text_nout *o, const UChar *in, int32_t nin,
    size_t from, size_t to)
{
	UChar sbuf[64], *res = sbuf;
	int32_t cap = (int32_t)HMS_NELEM(sbuf), nres, j;
	UErrorCode ec = U_ZERO_ERROR;
	UChar32 c;

	nres = unorm2_normalize(text_nfkc_cf, in, nin, res, cap, &ec);
	if (ec == U_BUFFER_OVERFLOW_ERROR) {
		cap = nres;
		res = xreallocarray(NULL, (size_t)cap, sizeof *res);
		ec = U_ZERO_ERROR;
		nres = unorm2_normalize(text_nfkc_cf, in, nin, res, cap, &ec);
	}
	if (U_FAILURE(ec)) {
		/* Keep the text rather than lose it. */
		if (res != sbuf)
			free(res);
		res = (UChar *)in;
		nres = nin;
	}
	for (j = 0; j < nres;) {
		U16_NEXT(res, j, nres, c);
		text_nout_cp(o, (uint32_t)c, from, to);
	}
	if (res != sbuf && res != in)
		free(res);
}

/* NFKC_CF of single code points, which is most of the work: a small
 * direct-mapped cache (kana and Latin letters repeat). */
struct text_ncache {
	uint32_t	cp;
	uint8_t		n;
	uint32_t	out[3];
};
/* One per thread: the search index normalises on two at once. */
static _Thread_local struct text_ncache text_ncache[512];

static void
text_nout_one(struct text_nout *o, uint32_t cp, size_t from, size_t to)
{
	struct text_ncache *e;
	UChar in[2], res[8];
	UErrorCode ec = U_ZERO_ERROR;
	int32_t nin = 0, nres, j;
	uint8_t i;
	UChar32 c;

	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		text_nout_cp(o, cp, from, to);
		return;
	}
	if (text_info(cp) & TI_INERT) {
		text_nout_cp(o, cp, from, to);
		return;
	}
	e = &text_ncache[cp % HMS_NELEM(text_ncache)];
	if (e->cp != cp || e->n == 0) {
		U16_APPEND_UNSAFE(in, nin, (UChar32)cp);
		nres = unorm2_normalize(text_nfkc_cf, in, nin, res,
		    (int32_t)HMS_NELEM(res), &ec);
		e->n = 0;
		for (j = 0; U_SUCCESS(ec) && j < nres && e->n < 3;) {
			U16_NEXT(res, j, nres, c);
			e->out[e->n++] = (uint32_t)c;
		}
		if (U_FAILURE(ec) || j < nres) {
			/* Long expansions (㍿ -> 株式会社) skip the cache. */
			e->n = 0;
			text_nout_normalize(o, in, nin, from, to);
			return;
		}
		e->cp = cp;
	}
	for (i = 0; i < e->n; i++)
		text_nout_cp(o, e->out[i], from, to);
}

/* Whether a new normalisation piece starts at off. */
static bool
text_norm_boundary(const char *s, size_t len, size_t off)
{
	uint32_t cp;
	size_t n;

	if (off >= len)
		return true;
	n = text_dec(s + off, len - off, &cp);
	if (cp < 0x80 || TEXT_BAD(cp, n))
		return true;
	return (text_info(text_prefold(cp)) & TI_NBB) != 0;
}

static void text_era_fold(struct text_nout *o);
static void text_words_fold(struct text_nout *o, const char *s, size_t len);
static bool text_nonstarter(const char *s, size_t len);

void
text_normalize(const char *s, size_t len, int flags, struct text_norm *out)
{
	struct text_nout o;
	UChar sin[64], *in = sin;
	size_t incap = HMS_NELEM(sin), off = 0, start, n;
	int32_t nin;
	uint32_t cp;

	text_need();
	text_nout_init(&o, len, flags);
	while (off < len) {
		start = off;
		n = text_dec(s + off, len - off, &cp);
		off += n;
		if (TEXT_BAD(cp, n)) {
			text_nout_cp(&o, 0xfffd, start, off);
			continue;
		}
		cp = text_prefold(cp);
		/* A piece runs to the next normalisation boundary, so that
		 * composition (e + U+0301, ｶ + ﾞ) happens inside it and the
		 * normalised pieces concatenate to the normalised whole. */
		if (text_norm_boundary(s, len, off)) {
			text_nout_one(&o, cp, start, off);
			continue;
		}
		nin = 0;
		U16_APPEND_UNSAFE(in, nin, (UChar32)cp);
		while (!text_norm_boundary(s, len, off)) {
			n = text_dec(s + off, len - off, &cp);
			if ((size_t)nin + 2 > incap) {
				UChar *p = xreallocarray(NULL, incap * 2, sizeof *p);
				memcpy(p, in, (size_t)nin * sizeof *p);
				if (in != sin)
					free(in);
				in = p;
				incap *= 2;
			}
			U16_APPEND_UNSAFE(in, nin, (UChar32)text_prefold(cp));
			off += n;
		}
		text_nout_normalize(&o, in, nin, start, off);
	}
	if (in != sin)
		free(in);
	if (flags & TEXT_NORM_ERA)
		text_era_fold(&o);
	if (flags & TEXT_NORM_WORDS)
		text_words_fold(&o, s, len);
	o.s[o.len] = '\0';
	o.map[o.len] = (uint32_t)len;
	o.end[o.len] = (uint32_t)len;
	out->len = o.len;
	out->s = o.s;
	out->map = o.map;
	out->end = o.end;
}

void
text_norm_free(struct text_norm *n)
{
	if (n == NULL)
		return;
	free(n->s);
	free(n->map);
	free(n->end);
	n->s = NULL;
	n->map = NULL;
	n->end = NULL;
	n->len = 0;
}

char *
text_normalize_str(const char *s, size_t len, int flags)
{
	struct text_norm n;

	text_normalize(s, len, flags, &n);
	free(n.map);
	free(n.end);
	return n.s;
}

void
text_norm_span(const struct text_norm *n, size_t a, size_t b, size_t *oa,
    size_t *ob)
{
	if (a > n->len)
		a = n->len;
	if (b > n->len)
		b = n->len;
	*oa = n->map[a];
	*ob = b > a ? n->end[b - 1] : *oa;
	if (*ob < *oa)
		*ob = *oa;
}

/* ---- era years ---- */

/* The eras of modern Japan: the first Gregorian year and the last year
 * number.  Names are matched after NFKC, which spells out ㍾㍽㍼㍻㋿. */
static const struct text_era {
	const char	*name;
	char		 letter;	/* R6年 form, or 0 */
	int		 first;
	int		 last;
} text_eras[] = {
	{ .name = "令和", .letter = 'r', .first = 2019, .last = 99 },
	{ .name = "平成", .letter = 'h', .first = 1989, .last = 31 },
	{ .name = "昭和", .letter = 's', .first = 1926, .last = 64 },
	{ .name = "大正", .letter = 0, .first = 1912, .last = 15 },
	{ .name = "明治", .letter = 0, .first = 1868, .last = 45 },
};

static bool
text_is_digit(const char *s, size_t len, size_t i)
{
	return i < len && s[i] >= '0' && s[i] <= '9';
}

static bool
text_is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

static size_t
text_skip_spaces(const char *s, size_t len, size_t i)
{
	while (i < len && s[i] == ' ')
		i++;
	return i;
}

static bool
text_at(const char *s, size_t len, size_t i, const char *what)
{
	size_t n = strlen(what);

	return i + n <= len && memcmp(s + i, what, n) == 0;
}

/* A year number after an era name: 1 or 2 digits, 元, or kanji numerals
 * up to 九十九.  Returns the number (0 if none) and the end in *j. */
static int
text_era_number(const char *s, size_t len, size_t i, size_t *j)
{
	static const char *const digits[] = {
		"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"
	};
	int v = 0, d, tens = -1;
	size_t k = i;

	if (text_is_digit(s, len, k)) {
		while (text_is_digit(s, len, k) && k - i < 3)
			v = v * 10 + (s[k++] - '0');
		if (k - i > 2)
			return 0;
		*j = k;
		return v;
	}
	if (text_at(s, len, k, "元")) {
		*j = k + strlen("元");
		return 1;
	}
	/* Kanji numerals: [d]十[d] or d. */
	for (;;) {
		if (text_at(s, len, k, "十") && tens < 0) {
			tens = v == 0 ? 1 : v;
			v = 0;
			k += strlen("十");
			continue;
		}
		for (d = 1; d < 10; d++) {
			if (text_at(s, len, k, digits[d]))
				break;
		}
		if (d == 10 || v != 0)
			break;
		v = d;
		k += strlen(digits[d]);
	}
	if (tens >= 0)
		v += tens * 10;
	if (v > 0)
		*j = k;
	return v;
}

/* An era year at i in the normalised text: 令和6, 令和 元, r6 (before 年).
 * Returns the Gregorian year (0 if none) and the end in *j. */
static int
text_era_year(const char *s, size_t len, size_t i, size_t *j)
{
	const struct text_era *e;
	unsigned char c = (unsigned char)s[i];
	size_t k, n;
	int v;

	if (c == 'r' || c == 'h' || c == 's') {
		for (e = text_eras; e->letter != c; e++)
			;
		if (i > 0 && text_is_alnum(s[i - 1]))
			return 0;
		if (!text_is_digit(s, len, i + 1))
			return 0;
		v = text_era_number(s, len, i + 1, &k);
		/* A letter names an era only in R6年. */
		if (v < 1 || v > e->last || !text_at(s, len, k, "年"))
			return 0;
		*j = k;
		return e->first + v - 1;
	}
	if (c < 0xe4 || c > 0xe6 || len - i < 6)
		return 0;
	for (e = text_eras; e < text_eras + HMS_NELEM(text_eras); e++) {
		/* Every era name is two kanji, six bytes. */
		if (memcmp(s + i, e->name, 6) != 0)
			continue;
		k = text_skip_spaces(s, len, i + 6);
		v = text_era_number(s, len, k, &k);
		if (v < 1 || v > e->last)
			return 0;
		/* 令和 6 年: the spaces before 年 go with the number. */
		n = text_skip_spaces(s, len, k);
		if (n > k && text_at(s, len, n, "年"))
			k = n;
		*j = k;
		return e->first + v - 1;
	}
	return 0;
}

/* A Gregorian year at i: exactly four digits, 1868–2199. */
static int
text_greg_year(const char *s, size_t len, size_t i, size_t *j)
{
	int v = 0;
	size_t k;

	if (i > 0 && text_is_digit(s, len, i - 1))
		return 0;
	for (k = i; k < i + 4; k++) {
		if (!text_is_digit(s, len, k))
			return 0;
		v = v * 10 + (s[k] - '0');
	}
	if (text_is_digit(s, len, k) || v < 1868 || v > 2199)
		return 0;
	*j = k;
	return v;
}

/* 年度, 年 or nothing after a year. */
static size_t
text_year_suffix(const char *s, size_t len, size_t i)
{
	if (text_at(s, len, i, "年度"))
		return strlen("年度");
	if (text_at(s, len, i, "年"))
		return strlen("年");
	return 0;
}

/* Whether an era year or a Gregorian one may start at s[i]: the first
 * two bytes of 令 平 昭 大 明, the letters r h s, or a digit.  Most bytes
 * fail the first test, which keeps the pass a copy. */
static inline bool
text_era_maybe(const char *s, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *)s + i;

	if (u[0] >= 0xe4 && u[0] <= 0xe6)
		return i + 1 < len && (u[1] == 0xbb || u[1] == 0xb9 ||
		    u[1] == 0x98 || u[1] == 0xa4);
	return u[0] == 'r' || u[0] == 'h' || u[0] == 's' ||
	    (u[0] >= '0' && u[0] <= '9');
}

/* Copy normalised bytes [i, j) of o, maps and all, to r. */
static void
text_nout_copy(struct text_nout *r, const struct text_nout *o, size_t i,
    size_t j)
{
	text_nout_reserve(r, j - i);
	memcpy(r->s + r->len, o->s + i, j - i);
	memcpy(r->map + r->len, o->map + i, (j - i) * sizeof *r->map);
	memcpy(r->end + r->len, o->end + i, (j - i) * sizeof *r->end);
	r->len += j - i;
}

/* Fold era years to Gregorian ones in o's text: a post-pass over the
 * normalised text in which a folded year becomes one piece (its map
 * entries span all it replaced), so that the map stays exact. */
static void
text_era_fold(struct text_nout *o)
{
	struct text_nout r;
	const char *s = o->s;
	size_t len = o->len, i = 0, run, j, k, m, sfx, sfx2, close;
	int y, y2;
	bool era, era2;
	char num[8];

	text_nout_init(&r, len, o->flags);
	while (i < len) {
		for (run = i; i < len && !text_era_maybe(s, len, i); i++)
			;
		text_nout_copy(&r, o, run, i);
		if (i >= len)
			break;
		era = true;
		if ((y = text_era_year(s, len, i, &j)) == 0) {
			era = false;
			y = s[i] >= '0' && s[i] <= '9' ?
			    text_greg_year(s, len, i, &j) : 0;
		}
		if (y == 0) {
			/* Not a year: step over the whole character. */
			j = i + 1;
			while (j < len && ((unsigned char)s[j] & 0xc0) == 0x80)
				j++;
			text_nout_copy(&r, o, i, j);
			i = j;
			continue;
		}
		/* The same year given twice, once in parentheses: keep one. */
		close = 0;
		sfx = text_year_suffix(s, len, j);
		k = j + sfx;
		if (k < len && s[k] == '(') {
			k = text_skip_spaces(s, len, k + 1);
			era2 = true;
			if ((y2 = text_era_year(s, len, k, &m)) == 0) {
				era2 = false;
				y2 = text_greg_year(s, len, k, &m);
			}
			if (y2 == y && (era || era2)) {
				sfx2 = text_year_suffix(s, len, m);
				m = text_skip_spaces(s, len, m + sfx2);
				if (sfx2 == sfx && m < len && s[m] == ')')
					close = m + 1;
			}
		}
		if (close != 0) {
			snprintf(num, sizeof num, "%d", y);
			text_nout_bytes(&r, num, strlen(num), o->map[i],
			    o->end[close - 1]);
			text_nout_bytes(&r, s + j, sfx, o->map[i],
			    o->end[close - 1]);
			i = close;
		} else if (era) {
			snprintf(num, sizeof num, "%d", y);
			text_nout_bytes(&r, num, strlen(num), o->map[i],
			    o->end[j - 1]);
			i = j;
		} else {
			text_nout_copy(&r, o, i, j);
			i = j;
		}
	}
	text_nout_free(o);
	*o = r;
}

/* ---- word folding ---- */

/* Classes of normalised characters (katakana is hiragana by now, except
 * ヷ–ヺ and the long vowel mark ー, which stay in the katakana block). */
static bool
text_w_kana(uint32_t c)
{
	return (c >= 0x3041 && c <= 0x309f) ||
	    (c >= 0x30a0 && c <= 0x30ff && c != 0x30fb) ||
	    (c >= 0x31f0 && c <= 0x31ff);
}

static bool
text_w_han(uint32_t c)
{
	return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3ffff) ||
	    c == 0x3005 || c == 0x3007;
}

/* What stands in for ー in extracted and hand-typed text: ASCII hyphen
 * (all hyphens and minus signs fold to it), ~ (～ 〜 fold to it), the em
 * dash and the horizontal bar, and ー itself. */
static bool
text_w_dash(uint32_t c)
{
	return c == '-' || c == '~' || c == 0x2014 || c == 0x2015 ||
	    c == 0x30fc;
}

static bool
text_w_space(uint32_t c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Characters TEXT_NORM_WORDS drops wherever they are. */
static bool
text_w_dropped(uint32_t c)
{
	return c == 0x30fb || text_w_space(c);
}

/* The first normalised character at or after i that is not dropped, or
 * 0 at the end. */
static uint32_t
text_w_next(const struct text_nout *o, size_t i)
{
	uint32_t c;

	while (i < o->len) {
		i += text_dec(o->s + i, o->len - i, &c);
		if (!text_w_dropped(c))
			return c;
	}
	return 0;
}

/* Whether the original of normalised byte i is katakana (or ー), full or
 * half width: after the kana fold only the original still tells. */
static bool
text_w_orig_kata(const char *s, size_t len, const struct text_nout *o,
    size_t i)
{
	uint32_t c;

	if (i >= o->len || o->map[i] >= len)
		return false;
	text_dec(s + o->map[i], len - o->map[i], &c);
	return (c >= 0x30a1 && c <= 0x30ff && c != 0x30fb) ||
	    (c >= 0x31f0 && c <= 0x31ff) || (c >= 0xff66 && c <= 0xff9f);
}

/* The normalised offset of the first character at or after i that is not
 * dropped, or o->len. */
static size_t
text_w_next_at(const struct text_nout *o, size_t i)
{
	uint32_t c;
	size_t n;

	while (i < o->len) {
		n = text_dec(o->s + i, o->len - i, &c);
		if (!text_w_dropped(c))
			return i;
		i += n;
	}
	return o->len;
}

/* Whether the original of normalised byte i is a full-size katakana ケ
 * or カ (or its half-width form), not hiragana け か. */
static bool
text_w_orig_kake(const char *s, size_t len, const struct text_nout *o,
    size_t i)
{
	uint32_t c;

	if (o->map[i] >= len)
		return false;
	text_dec(s + o->map[i], len - o->map[i], &c);
	return c == 0x30b1 || c == 0x30ab || c == 0xff79 || c == 0xff76;
}

static void
text_w_emit(struct text_nout *r, uint32_t c, size_t from, size_t to)
{
	char enc[4];

	text_nout_bytes(r, enc, text_utf8_encode(c, enc), from, to);
}

/* TEXT_NORM_WORDS (see text.h): a post-pass over the normalised text of
 * the original s[0..len), like the era fold.  Characters are dropped,
 * replaced or copied with their own map entries, except that a dropped
 * word-final ー widens the piece before it. */
static void
text_words_fold(struct text_nout *o, const char *s, size_t len)
{
	struct text_nout r;
	size_t i = 0, n, j, last = 0;
	uint32_t c, c0, prev = 0, next;
	bool prevk = false;		/* prev came from katakana */

	text_nout_init(&r, o->len, o->flags);
	while (i < o->len) {
		n = text_dec(o->s + i, o->len - i, &c);
		c0 = c;
		if (text_w_space(c)) {
			/* A run of white space: one space between Latin
			 * words, nothing next to Japanese or at an end. */
			for (j = i; j < o->len; j += n) {
				n = text_dec(o->s + j, o->len - j, &next);
				if (!text_w_space(next))
					break;
			}
			next = j < o->len ? text_w_next(o, j) : 0;
			if (prev != 0 && prev != ' ' && prev < 0x2e80 &&
			    next != 0 && next < 0x2e80) {
				last = r.len;
				text_nout_bytes(&r, " ", 1, o->map[i], o->end[i]);
				prev = ' ';
				prevk = false;
			}
			i = j;
			continue;
		}
		if (c == 0x30fb) {
			i += n;
			continue;
		}
		if (text_w_dash(c) && text_w_kana(prev) && prev != 0x30fc)
			c = 0x30fc;
		if (c == 0x30fc && text_w_kana(prev) && prev != 0x30fc) {
			/* A katakana word ends where katakana does (サーバーの);
			 * a hiragana one (a query typed in hiragana) where
			 * kana does, which keeps ー in ばーし as in バーシ. */
			j = text_w_next_at(o, i + n);
			next = text_w_next(o, j);
			if (prevk ? !text_w_orig_kata(s, len, o, j) :
			    !text_w_kana(next)) {
				/* The word ends: the kana before covers ー. */
				for (j = last; j < r.len; j++)
					r.end[j] = o->end[i + n - 1];
				i += n;
				continue;
			}
		}
		next = text_w_next(o, i + n);
		if (c == 0x3005 && text_w_han(prev) && prev != 0x3005)
			c = prev;
		else if (c == 0x3095 || c == 0x3096)
			c = 0x304c;		/* ゕ ゖ (from ヵ ヶ) -> が */
		else if ((c == 0x304b || c == 0x3051) && text_w_han(next) &&
		    (prev == 0 || text_w_han(prev) || (prev >= '0' &&
		    prev <= '9')) && text_w_orig_kake(s, len, o, i))
			c = 0x304c;
		last = r.len;
		if (c != c0)
			text_w_emit(&r, c, o->map[i], o->end[i + n - 1]);
		else
			text_nout_copy(&r, o, i, i + n);
		prev = c;
		prevk = text_w_orig_kata(s, len, o, i);
		i += n;
	}
	text_nout_free(o);
	*o = r;
}

/* ---- line breaking ---- */

/*
 * A paragraph is cut into segments at ICU's break opportunities (kept
 * only where a grapheme cluster ends).  Each segment knows its width
 * without the spaces that end it, which hang in the margin when a line
 * breaks there, and whether a forced break (LF) follows.  Wrapping is then
 * a greedy pass over segments; only a segment wider than a whole line
 * needs the text again, to be cut between clusters.
 */
struct text_seg {
	uint32_t	off;	/* start of the segment */
	uint32_t	tend;	/* end of its text: without trailing spaces
				   and line break characters */
	int32_t		width;	/* cells of [off, tend) */
	uint16_t	space;	/* cells of the trailing spaces */
	bool		hard;	/* a forced break follows the segment */
};

struct text_breaks {
	const char	*s;
	size_t		 len;
	struct text_seg	*segs;		/* segs[0].off is 0; in order */
	size_t		 nsegs;
	int		 hang;		/* cells of marker and spaces, or 0 */
};

/* Single characters that mark a list item. */
static const uint32_t text_marks[] = {
	'*', 0x2022, 0x2023, 0x2043, 0x203b, 0x25a0, 0x25a1, 0x25aa, 0x25ab,
	0x25b2, 0x25b3, 0x25b6, 0x25b7, 0x25bc, 0x25bd, 0x25c6, 0x25c7,
	0x25c9, 0x25cb, 0x25ce, 0x25cf, 0x25e6, 0x25ef, 0x2605, 0x2606,
	0x3007, 0x30fb, 0xff0a, 0xff65
};

/* Numbered marks: ①–⑳ ⑴–⒇ ⒈–⒛ ⓫–⓴ ❶–❿ ➀–➓ ㈠–㈩ ㉑–㉟ ㊱–㊿ ㋐–㋾. */
static const struct {
	uint32_t	first;
	uint32_t	last;
} text_mark_ranges[] = {
	{ 0x2460, 0x249b }, { 0x24eb, 0x24f4 }, { 0x2776, 0x2793 },
	{ 0x3220, 0x3229 }, { 0x3251, 0x325f }, { 0x32b1, 0x32bf },
	{ 0x32d0, 0x32fe }
};

static bool
text_is_digit_cp(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xff10 && cp <= 0xff19);
}

/* Labels inside (1) （ア） （一）: digits, Latin letters, kana, and the
 * kanji numerals. */
static bool
text_is_label(uint32_t cp)
{
	static const uint32_t kanji[] = {
		0x4e00, 0x4e8c, 0x4e09, 0x56db, 0x4e94, 0x516d, 0x4e03,
		0x516b, 0x4e5d, 0x5341	/* 一二三四五六七八九十 */
	};
	size_t i;

	for (i = 0; i < HMS_NELEM(kanji); i++) {
		if (cp == kanji[i])
			return true;
	}
	return text_is_digit_cp(cp) || (cp >= 'a' && cp <= 'z') ||
	    (cp >= 'A' && cp <= 'Z') || (cp >= 0xff21 && cp <= 0xff3a) ||
	    (cp >= 0xff41 && cp <= 0xff5a) || (cp >= 0x3041 && cp <= 0x3093) ||
	    (cp >= 0x30a1 && cp <= 0x30f3);
}

static bool
text_is_blank(uint32_t cp)
{
	return cp == ' ' || cp == 0x3000;
}

/* Bytes of the list marker that starts s, or 0. */
static size_t
text_marker(const char *s, size_t len)
{
	uint32_t c, d = 0;
	size_t n, k, m, i;

	if (len == 0)
		return 0;
	n = text_dec(s, len, &c);
	if (n < len)
		text_dec(s + n, len - n, &d);
	for (i = 0; i < HMS_NELEM(text_mark_ranges); i++) {
		if (c >= text_mark_ranges[i].first && c <= text_mark_ranges[i].last)
			return n;
	}
	for (i = 0; i < HMS_NELEM(text_marks); i++) {
		if (c != text_marks[i])
			continue;
		/* ※1, ＊2: a note mark with its number. */
		for (k = n; k < len; k += m) {
			m = text_dec(s + k, len - k, &d);
			if (!text_is_digit_cp(d))
				break;
		}
		/* A bare * is a marker only before a space. */
		if (c == '*' && k == n && (k >= len || s[k] != ' '))
			return 0;
		return k;
	}
	if (c == '-' || c == 0x2010 || c == 0x2013 || c == 0xff0d)
		return d == ' ' ? n : 0;
	if (c == '(' || c == 0xff08) {
		/* (1) （２） (a) （ア） （一）: a short label. */
		for (k = n; k < len && k - n < 12; k += m) {
			m = text_dec(s + k, len - k, &d);
			if (d == ')' || d == 0xff09)
				return k > n ? k + m : 0;
			if (!text_is_label(d))
				return 0;
		}
		return 0;
	}
	if (text_is_digit_cp(c)) {
		/* 1) １） anywhere, 1. １． before a blank. */
		for (k = 0; k < len && k < 12; k += m) {
			m = text_dec(s + k, len - k, &d);
			if (d == ')' || d == 0xff09)
				return k + m;
			if (d == '.' || d == 0xff0e) {
				k += m;
				if (k < len)
					text_dec(s + k, len - k, &d);
				return k < len && text_is_blank(d) ? k : 0;
			}
			if (!text_is_digit_cp(d))
				return 0;
		}
	}
	return 0;
}

/* Cells of the hanging indent: marker plus the blanks after it, when
 * some text follows. */
static int
text_hang_width(const char *s, size_t len)
{
	size_t k = text_marker(s, len), n;
	uint32_t cp;

	if (k == 0)
		return 0;
	while (k < len) {
		n = text_dec(s + k, len - k, &cp);
		if (!text_is_blank(cp))
			return text_width(s, k);
		k += n;
	}
	return 0;
}

/* Whether the cluster s[0..len) is a forced break: LF, VT, FF, CR (and
 * CR LF), NEL, U+2028, U+2029. */
static inline bool
text_is_newline(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] >= '\n' && u[0] <= '\r')
		return true;
	if (u[0] == 0xc2)
		return len == 2 && u[1] == 0x85;
	return u[0] == 0xe2 && len == 3 && u[1] == 0x80 &&
	    (u[2] == 0xa8 || u[2] == 0xa9);
}

static void
text_breaks_push(struct text_breaks *b, size_t *cap, size_t off, size_t tend,
    int width, int space, bool hard)
{
	struct text_seg *g;

	util_grow(&b->segs, cap, b->nsegs + 1, sizeof *b->segs);
	g = &b->segs[b->nsegs++];
	g->off = (uint32_t)off;
	g->tend = (uint32_t)tend;
	g->width = width;
	g->space = (uint16_t)(space > UINT16_MAX ? UINT16_MAX : space);
	g->hard = hard;
}

/* The paragraph in UTF-16, which ICU's line breaker reads fastest, and
 * the byte offset of each unit; reused from call to call. */
static UChar *text_u16;
static uint32_t *text_u16_off;
static size_t text_u16_cap;

static int32_t
text_u16_fill(const char *s, size_t len)
{
	size_t off = 0, n, cap;
	int32_t k = 0;
	uint32_t cp;

	if (len + 1 > text_u16_cap) {
		cap = text_u16_cap;
		util_grow(&text_u16, &cap, len + 1, sizeof *text_u16);
		cap = text_u16_cap;
		util_grow(&text_u16_off, &cap, len + 1, sizeof *text_u16_off);
		text_u16_cap = cap;
	}
	while (off < len) {
		n = text_dec(s + off, len - off, &cp);
		text_u16_off[k] = (uint32_t)off;
		if (cp < 0x10000)
			text_u16[k++] = (UChar)cp;
		else {
			text_u16[k++] = U16_LEAD(cp);
			text_u16_off[k] = (uint32_t)off;
			text_u16[k++] = U16_TRAIL(cp);
		}
		off += n;
	}
	text_u16_off[k] = (uint32_t)len;
	return k;
}

static void
text_u16_free(void)
{
	free(text_u16);
	free(text_u16_off);
	text_u16 = NULL;
	text_u16_off = NULL;
	text_u16_cap = 0;
}

/* Whether off follows hyphens that start a word (at the start of the
 * paragraph or after a space) and comes before a letter. */
static bool
text_after_lead_hyphen(const char *s, size_t start, size_t off)
{
	size_t h = off;
	char c = s[off];

	if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		return false;
	while (h > start && s[h - 1] == '-')
		h--;
	return h < off && (h == 0 || s[h - 1] == ' ');
}

struct text_breaks *
text_breaks_create(const char *s, size_t len)
{
	struct text_breaks *b = xcalloc(1, sizeof *b);
	UErrorCode ec = U_ZERO_ERROR;
	size_t cap = 0, off = 0, end, start = 0, tend = 0, brk;
	int32_t n16, k;
	int width = 0, space = 0, cw;
	bool newline = false;

	text_need();
	b->s = s;
	b->len = len;
	b->hang = text_hang_width(s, len);
	if (len == 0) {
		text_breaks_push(b, &cap, 0, 0, 0, 0, false);
		return b;
	}
	/* Japanese has an opportunity at nearly every character: size the
	 * segments for that at once rather than grow them. */
	cap = len / 3 + 2;
	b->segs = xreallocarray(NULL, cap, sizeof *b->segs);
	n16 = text_u16_fill(s, len);
	ubrk_setText(text_line_breaks(), text_u16, n16, &ec);
	k = U_SUCCESS(ec) ? ubrk_following(text_lbrk, 0) : UBRK_DONE;
	brk = k == UBRK_DONE ? len + 1 : text_u16_off[k];
	while (off < len) {
		end = text_cluster_next(s, len, off, &cw);
		newline = text_is_newline(s + off, end - off);
		if (end - off == 1 && s[off] == ' ')
			space++;
		else if (!newline) {
			width += space + cw;
			space = 0;
			tend = end;
		}
		off = end;
		/* Opportunities inside a cluster do not count. */
		while (brk < off) {
			k = ubrk_next(text_lbrk);
			brk = k == UBRK_DONE ? len + 1 : text_u16_off[k];
		}
		/* ICU allows a break after spaces even before ・ or 。
		 * (LB18 comes before LB21); kinsoku does not.  And
		 * Unicode 15.1's LB20.1, newer than ICU 72, keeps a word
		 * that starts with hyphens whole: --keymap, -v. */
		if (brk == off && off < len && !newline &&
		    ((space > 0 && text_nonstarter(s + off, len - off)) ||
		    text_after_lead_hyphen(s, start, off))) {
			k = ubrk_next(text_lbrk);
			brk = k == UBRK_DONE ? len + 1 : text_u16_off[k];
		}
		if (brk == off) {
			/* ICU forces a break exactly after a line break
			 * character (LB4, LB5). */
			if (off < len) {
				text_breaks_push(b, &cap, start, tend, width,
				    space, newline);
				start = tend = off;
				width = space = 0;
			}
			k = ubrk_next(text_lbrk);
			brk = k == UBRK_DONE ? len + 1 : text_u16_off[k];
		}
	}
	text_breaks_push(b, &cap, start, tend, width, space, false);
	return b;
}

void
text_breaks_free(struct text_breaks *b)
{
	if (b == NULL)
		return;
	free(b->segs);
	free(b);
}

size_t
text_breaks_count(const struct text_breaks *b)
{
	return b->nsegs;
}

size_t
text_breaks_offset(const struct text_breaks *b, size_t i)
{
	return i < b->nsegs ? b->segs[i].off : b->len;
}

int
text_breaks_hang(const struct text_breaks *b)
{
	return b->hang;
}

/* Whether the character at s[0..len) is one kinsoku keeps off the start
 * of a line: closing brackets, 。、・ and other non-starters, small kana,
 * ！？ and infix separators. */
static bool
text_nonstarter(const char *s, size_t len)
{
	uint32_t cp;
	int lb;

	text_dec(s, len, &cp);
	lb = u_getIntPropertyValue((UChar32)cp, UCHAR_LINE_BREAK);
	return lb == U_LB_CLOSE_PUNCTUATION || lb == U_LB_CLOSE_PARENTHESIS ||
	    lb == U_LB_NONSTARTER || lb == U_LB_CONDITIONAL_JAPANESE_STARTER ||
	    lb == U_LB_EXCLAMATION || lb == U_LB_INFIX_NUMERIC;
}

/* Whether a line may end at cut when a segment too wide for any line
 * must be cut between clusters: not after an opening bracket, not before
 * a non-starter. */
static bool
text_cut_ok(const char *s, size_t len, size_t prev, size_t cut)
{
	uint32_t a;

	text_dec(s + prev, len - prev, &a);
	return u_getIntPropertyValue((UChar32)a, UCHAR_LINE_BREAK) !=
	    U_LB_OPEN_PUNCTUATION && !text_nonstarter(s + cut, len - cut);
}

/* The cut for s[start..cut), a prefix that fits: cut itself, or the last
 * cluster boundary before it where kinsoku allows a break, if any. */
static size_t
text_cut_back(const char *s, size_t len, size_t start, size_t cut)
{
	size_t bounds[64], nb = 0, off = start, best = cut;
	int cw;

	while (off < cut && nb < HMS_NELEM(bounds)) {
		bounds[nb++] = off;
		off = text_cluster_next(s, len, off, &cw);
	}
	if (off != cut)
		return cut;	/* a very wide line: not worth the search */
	/* bounds[nb - 1] is the cluster before best; never cut at start. */
	while (nb > 0) {
		if (text_cut_ok(s, len, bounds[nb - 1], best))
			return best;
		best = bounds[--nb];
		if (best == start)
			break;
	}
	return cut;
}

size_t
text_breaks_wrap(const struct text_breaks *b, int width, bool hang,
    struct text_line **linesp)
{
	struct text_line *lines = NULL, *l;
	size_t nlines = 0, cap = 0, i = 0, pos = 0, start, lend, n, e;
	const struct text_seg *g;
	int indent = 0, avail, w, wfull, sw, fw;
	bool any, hard;

	if (width < 1)
		width = 1;
	if (hang && b->hang > 0 && b->hang * 2 <= width)
		indent = b->hang;
	do {
		avail = nlines == 0 ? width : width - indent;
		start = lend = pos;
		w = wfull = 0;
		any = hard = false;
		while (i < b->nsegs) {
			g = &b->segs[i];
			/* After a cut, the rest of a segment is measured
			 * again. */
			if (pos == g->off)
				sw = g->width;
			else
				sw = pos < g->tend ? text_width(b->s + pos,
				    g->tend - pos) : 0;
			if (wfull + sw <= avail) {
				w = wfull + sw;
				wfull = w + g->space;
				lend = pos > g->tend ? pos : g->tend;
				any = true;
				hard = g->hard;
				i++;
				pos = i < b->nsegs ? b->segs[i].off : b->len;
				if (hard)
					break;
				continue;
			}
			if (any)
				break;
			/* A segment wider than the line (a long Latin word,
			 * a URL) is cut between clusters; a cluster wider
			 * than the line gets a line of its own. */
			n = text_fit(b->s + pos, g->tend - pos, avail, &fw);
			if (n == 0) {
				e = text_cluster_end(b->s, g->tend, pos);
				n = e - pos;
				fw = text_cluster_width(b->s + pos, n);
			} else if (pos + n < g->tend) {
				e = text_cut_back(b->s, g->tend, pos, pos + n);
				if (e != pos + n) {
					n = e - pos;
					fw = text_width(b->s + pos, n);
				}
			}
			lend = pos + n;
			w = fw;
			pos += n;
			if (pos >= g->tend) {
				i++;
				pos = i < b->nsegs ? b->segs[i].off : b->len;
			}
			break;
		}
		util_grow(&lines, &cap, nlines + 1, sizeof *lines);
		l = &lines[nlines++];
		l->off = start;
		l->len = lend - start;
		l->indent = nlines > 1 ? indent : 0;
		l->width = w;
	} while (i < b->nsegs);
	*linesp = lines;
	return nlines;
}

/*
 * text_wrap()'s cache of breaks, keyed by the paragraph's bytes: an entry
 * owns a copy of the text its breaks point into.  A hash of the length and
 * the first and last 64 bytes finds the candidate; memcmp() confirms it.
 */
#define TEXT_WRAP_CACHE 64

static struct text_wrap_entry {
	uint64_t		 hash;
	char			*text;
	size_t			 len;
	struct text_breaks	*breaks;
	unsigned long		 used;
} text_wrap_cache[TEXT_WRAP_CACHE];
static unsigned long text_wrap_tick;

static void
text_wrap_cache_clear(void)
{
	size_t i;

	for (i = 0; i < TEXT_WRAP_CACHE; i++) {
		text_breaks_free(text_wrap_cache[i].breaks);
		free(text_wrap_cache[i].text);
		memset(&text_wrap_cache[i], 0, sizeof text_wrap_cache[i]);
	}
}

static uint64_t
text_wrap_hash(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ len;
	size_t i, n = len < 64 ? len : 64;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	for (i = len - n; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h;
}

static const struct text_breaks *
text_wrap_breaks(const char *s, size_t len)
{
	struct text_wrap_entry *e, *victim = &text_wrap_cache[0];
	uint64_t h = text_wrap_hash(s, len);
	size_t i;

	for (i = 0; i < TEXT_WRAP_CACHE; i++) {
		e = &text_wrap_cache[i];
		if (e->breaks != NULL && e->hash == h && e->len == len &&
		    memcmp(e->text, s, len) == 0) {
			e->used = ++text_wrap_tick;
			return e->breaks;
		}
		if (e->used < victim->used)
			victim = e;
	}
	text_breaks_free(victim->breaks);
	free(victim->text);
	victim->text = xmalloc(len + 1);
	memcpy(victim->text, s, len);
	victim->text[len] = '\0';
	victim->len = len;
	victim->hash = h;
	victim->breaks = text_breaks_create(victim->text, len);
	victim->used = ++text_wrap_tick;
	return victim->breaks;
}

size_t
text_wrap(const char *s, size_t len, int width, bool hang,
    struct text_line **lines)
{
	size_t off = 0, tend = 0;
	int w = 0, wt = 0, cw;

	/* A paragraph that fits on one line (most titles and list items)
	 * needs no break opportunities: measure it, stopping as soon as it
	 * is too wide or holds a forced break. */
	while (off < len && w <= width) {
		size_t end = text_cluster_next(s, len, off, &cw);
		if (text_is_newline(s + off, end - off))
			break;
		w += cw;
		if (!(end - off == 1 && s[off] == ' ')) {
			wt = w;
			tend = end;
		}
		off = end;
	}
	if (off >= len && wt <= (width < 1 ? 1 : width)) {
		*lines = xcalloc(1, sizeof **lines);
		(*lines)->len = tend;
		(*lines)->width = wt;
		return 1;
	}
	return text_breaks_wrap(text_wrap_breaks(s, len), width, hang, lines);
}

/* ---- collation ---- */

int
text_collate(const char *a, const char *b)
{
	UErrorCode ec = U_ZERO_ERROR;
	UCollationResult r;

	r = ucol_strcollUTF8(text_collator(), a, -1, b, -1, &ec);
	if (U_FAILURE(ec) || r == UCOL_EQUAL) {
		int c = strcmp(a, b);
		return c < 0 ? -1 : c > 0;
	}
	return r == UCOL_LESS ? -1 : 1;
}

const char *
text_icu_version(void)
{
	return U_ICU_VERSION;
}
