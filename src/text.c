/* text.c — Japanese text on ICU: widths, clusters, normalisation, wrapping,
 * sanitising and collation.  The only file that includes ICU headers. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unicode/ubrk.h>
#include <unicode/ucol.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include "text.h"
#include "util.h"

static int text_ambi = 1;
static const UNormalizer2 *text_nfkc_cf;
static UCollator *text_coll;
static bool text_ready;

int
text_init(char **err)
{
	UErrorCode ec = U_ZERO_ERROR;

	if (text_ready)
		return 0;
	text_nfkc_cf = unorm2_getNFKCCasefoldInstance(&ec);
	if (U_FAILURE(ec)) {
		if (err != NULL)
			*err = xasprintf("ICU normaliser unavailable: %s",
			    u_errorName(ec));
		return -1;
	}
	ec = U_ZERO_ERROR;
	text_coll = ucol_open("ja", &ec);
	if (U_FAILURE(ec)) {
		if (err != NULL)
			*err = xasprintf("ICU collator for ja unavailable: %s",
			    u_errorName(ec));
		return -1;
	}
	text_ready = true;
	return 0;
}

void
text_fini(void)
{
	if (text_coll != NULL)
		ucol_close(text_coll);
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

void
text_set_ambiwidth(int width)
{
	text_ambi = width == 2 ? 2 : 1;
}

int
text_ambiwidth(void)
{
	return text_ambi;
}

/* ---- UTF-8 ---- */

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
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		c = s[0] & 0x07;
	} else
		goto bad;
	if (len < n)
		goto bad;
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

bool
text_utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t off = 0, n;
	uint32_t cp;

	while (off < len) {
		n = text_utf8_decode(s + off, len - off, &cp);
		if (cp == 0 || (cp == 0xfffd && n == 1)) {
			if (bad != NULL)
				*bad = off;
			return false;
		}
		off += n;
	}
	return true;
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

/* ---- widths ---- */

bool
text_cp_unsafe(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x200e || cp == 0x200f || cp == 0x061c;
}

int
text_cp_width(uint32_t cp)
{
	int w;

	if (text_cp_unsafe(cp))
		return -1;
	w = wcwidth((wchar_t)cp);
	if (w < 0)
		w = 1;
	if (w == 1 && text_ambi == 2 &&
	    u_getIntPropertyValue((UChar32)cp, UCHAR_EAST_ASIAN_WIDTH) ==
	    U_EA_AMBIGUOUS)
		w = 2;
	return w;
}

size_t
text_cluster_end(const char *s, size_t len, size_t off)
{
	size_t end = off;
	uint32_t cp, next;
	size_t n;

	/* A cluster: a base followed by extenders (combining marks, ZWJ
	 * sequences, variation selectors, half-width sound marks). */
	n = text_utf8_decode(s + end, len - end, &cp);
	end += n;
	while (end < len) {
		n = text_utf8_decode(s + end, len - end, &next);
		if (next == 0x200d && end + n < len) {
			uint32_t after;
			size_t m = text_utf8_decode(s + end + n, len - end - n,
			    &after);
			end += n + m;
			continue;
		}
		if (u_getIntPropertyValue((UChar32)next,
		    UCHAR_GRAPHEME_CLUSTER_BREAK) == U_GCB_EXTEND ||
		    u_getIntPropertyValue((UChar32)next,
		    UCHAR_GRAPHEME_CLUSTER_BREAK) == U_GCB_SPACING_MARK) {
			end += n;
			continue;
		}
		break;
	}
	return end;
}

int
text_cluster_width(const char *s, size_t len)
{
	size_t off = 0;
	uint32_t cp;
	int w = 0, cw;

	while (off < len) {
		off += text_utf8_decode(s + off, len - off, &cp);
		cw = text_cp_width(cp);
		w += cw < 0 ? 1 : cw;
	}
	return len > 0 && w == 0 ? 1 : w;
}

int
text_width(const char *s, size_t len)
{
	size_t off = 0, end;
	int w = 0;

	while (off < len) {
		end = text_cluster_end(s, len, off);
		w += text_cluster_width(s + off, end - off);
		off = end;
	}
	return w;
}

size_t
text_fit(const char *s, size_t len, int cols, int *used)
{
	size_t off = 0, end;
	int w = 0, cw;

	while (off < len) {
		end = text_cluster_end(s, len, off);
		cw = text_cluster_width(s + off, end - off);
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
	size_t off = 0, n;
	uint32_t cp;
	char enc[4];

	buf_init(&b);
	buf_reserve(&b, len);
	while (off < len) {
		n = text_utf8_decode(s + off, len - off, &cp);
		if (cp == '\t')
			buf_addc(&b, ' ');
		else if (cp < 0x20)
			buf_add(&b, enc, text_utf8_encode(0x2400 + cp, enc));
		else if (cp == 0x7f)
			buf_add(&b, enc, text_utf8_encode(0x2421, enc));
		else if (text_cp_unsafe(cp))
			buf_printf(&b, "<U+%04X>", (unsigned)cp);
		else if (cp == 0xfffd && n == 1)
			/* An invalid byte, never copied raw: a lone 0x9b is
			 * CSI to a terminal in an 8-bit mode. */
			buf_add(&b, enc, text_utf8_encode(0xfffd, enc));
		else
			buf_add(&b, s + off, n);
		off += n;
	}
	return buf_steal(&b);
}

/* ---- normalisation ---- */

static uint32_t
text_fold_kana(uint32_t cp)
{
	/* Katakana to hiragana, one to one, so offsets stay exact. */
	if (cp >= 0x30a1 && cp <= 0x30f6)
		return cp - 0x60;
	if (cp == 0x30fd || cp == 0x30fe)
		return cp - 0x60;
	return cp;
}

void
text_normalize(const char *s, size_t len, int flags, struct text_norm *out)
{
	struct buf b;
	uint32_t *map = NULL;
	size_t mapcap = 0, off = 0, seg, n, i;
	UChar in[64], res[256];
	int32_t nin, nres, j;
	UErrorCode ec;
	uint32_t cp;
	char enc[4];

	text_need();
	buf_init(&b);
	buf_reserve(&b, len);
	while (off < len) {
		/* A segment runs to the next normalisation boundary, so that
		 * composition (e + U+0301, ｶ + ﾞ) happens inside it. */
		seg = off;
		nin = 0;
		do {
			n = text_utf8_decode(s + seg, len - seg, &cp);
			if (nin > (int32_t)HMS_NELEM(in) - 3)
				break;
			U16_APPEND_UNSAFE(in, nin, (UChar32)cp);
			seg += n;
			if (seg < len) {
				uint32_t nx;
				text_utf8_decode(s + seg, len - seg, &nx);
				if (unorm2_hasBoundaryBefore(text_nfkc_cf,
				    (UChar32)nx))
					break;
			}
		} while (seg < len);
		ec = U_ZERO_ERROR;
		nres = unorm2_normalize(text_nfkc_cf, in, nin, res,
		    HMS_NELEM(res), &ec);
		if (U_FAILURE(ec)) {
			memcpy(res, in, (size_t)nin * sizeof(UChar));
			nres = nin;
		}
		for (j = 0; j < nres;) {
			UChar32 c;
			U16_NEXT_UNSAFE(res, j, c);
			cp = text_fold_kana((uint32_t)c);
			if ((flags & TEXT_NORM_NOSPACE) && u_isUWhiteSpace(c))
				continue;
			n = text_utf8_encode(cp, enc);
			util_grow(&map, &mapcap, b.len + n + 1, sizeof *map);
			for (i = 0; i < n; i++)
				map[b.len + i] = (uint32_t)off;
			buf_add(&b, enc, n);
		}
		off = seg;
	}
	util_grow(&map, &mapcap, b.len + 1, sizeof *map);
	map[b.len] = (uint32_t)len;
	out->len = b.len;
	out->s = buf_steal(&b);
	out->map = map;
}

void
text_norm_free(struct text_norm *n)
{
	if (n == NULL)
		return;
	free(n->s);
	free(n->map);
	n->s = NULL;
	n->map = NULL;
	n->len = 0;
}

char *
text_normalize_str(const char *s, size_t len, int flags)
{
	struct text_norm n;

	text_normalize(s, len, flags, &n);
	free(n.map);
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
	/* The end maps to the start of the next original character that
	 * produced output beyond b. */
	while (b < n->len && n->map[b] == n->map[b - (b > 0)] && b > a)
		b++;
	*ob = b >= n->len ? n->map[n->len] : n->map[b];
	if (*ob < *oa)
		*ob = *oa;
}

/* ---- wrapping ---- */

size_t
text_wrap(const char *s, size_t len, int width, bool hang,
    struct text_line **linesp)
{
	struct text_line *lines = NULL;
	size_t nlines = 0, cap = 0, off = 0, end, brk, fit;
	int used;

	(void)hang;
	if (width < 1)
		width = 1;
	do {
		fit = text_fit(s + off, len - off, width, &used);
		end = off + fit;
		if (end < len) {
			/* Prefer breaking at a space. */
			brk = end;
			while (brk > off && s[brk - 1] != ' ')
				brk--;
			if (brk > off)
				end = brk;
		}
		if (end == off && off < len)
			end = text_cluster_end(s, len, off);
		util_grow(&lines, &cap, nlines + 1, sizeof *lines);
		lines[nlines].off = off;
		lines[nlines].len = end - off;
		while (lines[nlines].len > 0 && s[off + lines[nlines].len - 1] == ' ')
			lines[nlines].len--;
		lines[nlines].indent = 0;
		lines[nlines].width = text_width(s + off, lines[nlines].len);
		nlines++;
		off = end;
		while (off < len && s[off] == ' ')
			off++;
	} while (off < len);
	*linesp = lines;
	return nlines;
}

/* ---- collation ---- */

int
text_collate(const char *a, const char *b)
{
	UErrorCode ec = U_ZERO_ERROR;
	UCollationResult r;

	text_need();
	r = ucol_strcollUTF8(text_coll, a, -1, b, -1, &ec);
	if (U_FAILURE(ec) || r == UCOL_EQUAL)
		return strcmp(a, b);
	return r == UCOL_LESS ? -1 : 1;
}
