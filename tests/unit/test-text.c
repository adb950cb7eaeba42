/* test-text.c — the text engine, one table per behaviour: widths as the
 * terminal places them, clusters as ICU finds them, what sanitising draws,
 * normalised forms and their offset maps, break opportunities, wrapped
 * lines, hanging indents and collation.  Properties that must hold for
 * every string (sanitising keeps widths, spans cover what matched, wrapped
 * lines fit and follow kinsoku) are checked over the tables, random
 * strings and the whole bundled content.
 *
 * ICU appears here only as the oracle for the cluster short path; libc's
 * own wcwidth (reached past text.c's with dlsym) is the oracle for
 * widths. */
#include "config.h"

#include <dlfcn.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "content-load.h"
#include "content.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static const char *srcdir;

/* "e3 81 82 ..." for diagnostics. */
static const char *
hex(const char *s, size_t len)
{
	static char buf[4][512];
	static int which;
	char *b = buf[which++ % 4];
	size_t i, o = 0;

	for (i = 0; i < len && o + 4 < sizeof buf[0]; i++)
		o += (size_t)snprintf(b + o, sizeof buf[0] - o, "%02x ",
		    (unsigned char)s[i]);
	b[o] = '\0';
	return b;
}

/* s as a test name may show it: sanitised (a name with ESC or a newline
 * would garble the TAP stream), from a few rotating buffers. */
static const char *
show(const char *s)
{
	static char buf[8][256];
	static int which;
	char *b = buf[which++ % 8], *d = text_sanitize(s, strlen(s));

	snprintf(b, sizeof buf[0], "%s", d);
	free(d);
	return b;
}

/* ---- UTF-8 ---- */

static const struct {
	const char	*s;
	size_t		 len;
	bool		 valid;
	size_t		 bad;
} utf8_cases[] = {
	{ "", 0, true, 0 },
	{ "abc", 3, true, 0 },
	{ "大⼤①", 9, true, 0 },
	{ "👩‍💻", 11, true, 0 },
	{ "a\xff" "b", 3, false, 1 },
	{ "\xc0\xaf", 2, false, 0 },		/* overlong '/' */
	{ "\xe0\x80\xaf", 3, false, 0 },	/* overlong */
	{ "\xed\xa0\x80", 3, false, 0 },	/* surrogate */
	{ "\xf4\x90\x80\x80", 4, false, 0 },	/* past U+10FFFF */
	{ "あ\xe3\x81", 5, false, 3 },		/* truncated */
	{ "a\0b", 3, false, 1 },		/* NUL */
};

static void
test_utf8(void)
{
	size_t i, bad;
	bool v;

	for (i = 0; i < HMS_NELEM(utf8_cases); i++) {
		bad = 99;
		v = text_utf8_valid(utf8_cases[i].s, utf8_cases[i].len, &bad);
		ok(v == utf8_cases[i].valid && (v || bad == utf8_cases[i].bad),
		    "utf8 %zu: %s is %svalid", i,
		    hex(utf8_cases[i].s, utf8_cases[i].len),
		    utf8_cases[i].valid ? "" : "in");
	}
}

/* ---- widths and drawing ---- */

/* The string, its width with ambiguous characters 1 and 2 cells, and
 * what text_sanitize() draws for it. */
static const struct {
	const char	*s;
	int		 w1;
	int		 w2;
	const char	*drawn;
} width_cases[] = {
	{ "", 0, 0, "" },
	{ "abc", 3, 3, "abc" },
	{ "大", 2, 2, "大" },
	{ "⼤", 2, 2, "⼤" },			/* U+2F24, Kangxi radical */
	{ "①", 1, 2, "①" },
	{ "Ⅳ", 1, 2, "Ⅳ" },
	{ "①※Ⅰ○", 4, 8, "①※Ⅰ○" },
	{ "■◆→…", 4, 8, "■◆→…" },
	{ "─│┌", 3, 6, "─│┌" },
	{ "　", 2, 2, "　" },			/* ideographic space */
	{ "ｶﾞｷﾞ", 4, 4, "ｶﾞｷﾞ" },		/* two clusters, 2 cells each */
	{ "ｱｲｳ", 3, 3, "ｱｲｳ" },
	{ "ＡＢＣ", 6, 6, "ＡＢＣ" },
	{ "e\xcc\x81", 1, 1, "e\xcc\x81" },	/* e + U+0301 */
	{ "é", 1, 2, "é" },			/* U+00E9 is ambiguous */
	{ "\xcc\x81", 1, 1, " \xcc\x81" },	/* a mark alone gets a space */
	{ "한", 2, 2, "한" },
	{ "\xe1\x84\x80\xe1\x85\xa1", 2, 2, "\xe1\x84\x80\xe1\x85\xa1" },
	{ "क्ष", 2, 2, "क्ष" },			/* Indic conjunct */
	{ "葛\xf3\xa0\x84\x80", 2, 2, "葛\xf3\xa0\x84\x80" },	/* IVS */
	/* The text fallback for emoji sequences. */
	{ "👩‍💻", 2, 2, "👩" },
	{ "👍🏽", 2, 2, "👍" },
	{ "🇯🇵", 2, 2, "JP" },
	{ "1\xef\xb8\x8f\xe2\x83\xa3", 1, 1, "1" },	/* keycap */
	{ "❤\xef\xb8\x8f", 1, 1, "❤" },		/* U+2764 U+FE0F */
	{ "😀", 2, 2, "😀" },
	/* Controls become placeholders, never escapes. */
	{ "\x1b[2J", 4, 4, "␛[2J" },
	{ "第3期\x1b[2J計画", 13, 13, "第3期␛[2J計画" },
	{ "a\tb", 3, 3, "a b" },
	{ "\r\n", 2, 2, "␍␊" },
	{ "\x7f", 1, 1, "␡" },
	{ "\xc2\x85", 8, 8, "<U+0085>" },
	{ "\xe2\x80\xae" "abc", 11, 11, "<U+202E>abc" },	/* RLO */
	{ "\xe2\x81\xa6" "x", 9, 9, "<U+2066>x" },		/* LRI */
	{ "\xe2\x80\x8f", 8, 8, "<U+200F>" },			/* RLM */
	{ "\xe2\x80\xa8", 8, 8, "<U+2028>" },
	/* Invisible format characters are drawn as nothing. */
	{ "a\xe2\x80\x8b" "b", 2, 2, "ab" },			/* ZWSP */
	{ "\xef\xbb\xbf", 0, 0, "" },				/* BOM */
	/* Invalid UTF-8 and unmeasurable code points become U+FFFD. */
	{ "\xff", 1, 2, "\xef\xbf\xbd" },
	{ "a\xe3\x81" "b", 4, 6, "a\xef\xbf\xbd\xef\xbf\xbd" "b" },
	{ "\xff\xcc\x81", 2, 3, "\xef\xbf\xbd \xcc\x81" },
	{ "\xcd\xb8", 1, 2, "\xef\xbf\xbd" },			/* U+0378 */
	/* Nothing joins its neighbour once drawn (fuzz-text found these):
	 * an emoji part with no base, a lone regional indicator, a lone
	 * prepended mark. */
	{ "\x01\xf0\x9f\x8f\xbb", 2, 3, "␁\xef\xbf\xbd" },	/* U+1F3FB */
	{ "\x01\xe2\x83\xa3", 2, 3, "␁\xef\xbf\xbd" },		/* U+20E3 */
	{ "\xf0\x9f\x87\xaf\xe2\x80\x8b\xf0\x9f\x87\xb5", 2, 2, "JP" },
	{ "\xd8\x80\xe2\x80\x8b\xf0\x9f\x87\xa6", 2, 3,
	    "\xef\xbf\xbd" "A" },				/* U+0600 ZWSP RI */
};

static void
test_widths(void)
{
	size_t i, len, off, end;
	char *d, *dd;
	int sum;

	for (i = 0; i < HMS_NELEM(width_cases); i++) {
		const char *s = width_cases[i].s;
		len = strlen(s);
		text_set_ambiwidth(1);
		is_int(text_width(s, len), width_cases[i].w1,
		    "width %zu (%s), ambiwidth 1", i, hex(s, len));
		d = text_sanitize(s, len);
		is_str(d, width_cases[i].drawn, "draw %zu (%s)", i, hex(s, len));
		is_int(text_width(d, strlen(d)), text_width(s, len),
		    "draw %zu keeps the width, ambiwidth 1", i);
		dd = text_sanitize(d, strlen(d));
		is_str(dd, d, "draw %zu drawn again is unchanged", i);
		free(dd);
		/* The sum over clusters is the width. */
		for (off = 0, sum = 0; off < len; off = end) {
			end = text_cluster_end(s, len, off);
			sum += text_cluster_width(s + off, end - off);
		}
		is_int(sum, width_cases[i].w1, "width %zu by clusters", i);
		text_set_ambiwidth(2);
		is_int(text_width(s, len), width_cases[i].w2,
		    "width %zu (%s), ambiwidth 2", i, hex(s, len));
		is_int(text_width(d, strlen(d)), text_width(s, len),
		    "draw %zu keeps the width, ambiwidth 2", i);
		free(d);
	}
	text_set_ambiwidth(1);
	d = text_sanitize("\x1b]0;title\x07\x9b" "31m", 12);
	ok(strchr(d, '\x1b') == NULL && strchr(d, '\x07') == NULL &&
	    strstr(d, "\xc2\x9b") == NULL, "no ESC, BEL or CSI survives: %s", d);
	free(d);
}

/* text_cp_width against the C library's own wcwidth for every code
 * point, in both modes, and the interposed wcwidth() agrees. */
static void
test_cp_widths(void)
{
	int (*libc)(wchar_t);
	void *fn;
	uint32_t cp;
	int want, got, mode, fw;
	long bad, badi, ambi;

	fn = dlsym(RTLD_NEXT, "wcwidth");
	if (!ok(fn != NULL, "the C library's wcwidth is reachable"))
		return;
	memcpy(&libc, &fn, sizeof fn);
	for (mode = 1; mode <= 2; mode++) {
		text_set_ambiwidth(mode);
		fw = libc(0xfffd) == 1 && mode == 2 ? 2 : libc(0xfffd);
		bad = badi = ambi = 0;
		for (cp = 0; cp <= 0x10ffff; cp++) {
			if (cp >= 0xd800 && cp <= 0xdfff)
				continue;
			want = libc((wchar_t)cp);
			if (want == 1 && mode == 2 &&
			    u_getIntPropertyValue((UChar32)cp,
			    UCHAR_EAST_ASIAN_WIDTH) == U_EA_AMBIGUOUS) {
				want = 2;
				ambi++;
			}
			if (want >= 0 && wcwidth((wchar_t)cp) != want)
				badi++;
			if (text_cp_unsafe(cp))
				want = -1;
			else if (want < 0)
				want = fw;
			got = text_cp_width(cp);
			if (got != want && bad++ < 5)
				diag("U+%04X: text_cp_width %d, want %d",
				    (unsigned)cp, got, want);
		}
		is_int(bad, 0, "text_cp_width = libc wcwidth for every code "
		    "point, ambiwidth %d", mode);
		is_int(badi, 0, "the interposed wcwidth() agrees, ambiwidth %d",
		    mode);
		if (mode == 2)
			ok(ambi > 800, "ambiwidth 2 widens the ambiguous "
			    "characters (%ld)", ambi);
	}
	text_set_ambiwidth(1);
	ok(text_cp_ambiguous(0x2460) && text_cp_ambiguous(0x203b) &&
	    !text_cp_ambiguous(0x5927) && !text_cp_ambiguous('|'),
	    "text_cp_ambiguous: ① ※ yes, 大 | no");
	ok(text_has_ambiguous("[①]", strlen("[①]")) &&
	    !text_has_ambiguous("+-| >", 5),
	    "text_has_ambiguous tells chrome that varies from chrome that "
	    "does not");
}

/* ---- clusters ---- */

/* Cluster end offsets of each string. */
static const struct {
	const char	*s;
	size_t		 ends[8];
} cluster_cases[] = {
	{ "abc", { 1, 2, 3 } },
	{ "ｶﾞｷﾞ", { 6, 12 } },
	{ "e\xcc\x81x", { 3, 4 } },
	{ "\r\na", { 2, 3 } },
	{ "👩‍💻x", { 11, 12 } },
	{ "🇯🇵🇺", { 8, 12 } },		/* pairs of regional indicators */
	{ "🇯🇵🇺🇸", { 8, 16 } },
	{ "한글", { 3, 6 } },
	{ "\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8" "a", { 9, 10 } },	/* L V T */
	{ "\xd8\x80" "1", { 3 } },	/* prepend U+0600 joins what follows */
	{ "क्षa", { 9, 10 } },		/* Indic conjunct */
	{ "a\xff\xcc\x81", { 1, 2, 4 } },	/* an invalid byte stands alone */
	{ "\xe2\x80\x8d\xcc\x81", { 5 } },	/* ZWJ, mark */
};

static void
test_clusters(void)
{
	size_t i, k, off, end;
	bool good;

	for (i = 0; i < HMS_NELEM(cluster_cases); i++) {
		const char *s = cluster_cases[i].s;
		size_t len = strlen(s);
		good = true;
		for (off = 0, k = 0; off < len; off = end, k++) {
			end = text_cluster_end(s, len, off);
			if (k >= 8 || end != cluster_cases[i].ends[k]) {
				good = false;
				diag("cluster %zu ends at %zu, want %zu", k, end,
				    k < 8 ? cluster_cases[i].ends[k] : 0);
				break;
			}
		}
		ok(good && (k == 8 || cluster_cases[i].ends[k] == 0),
		    "clusters of %s", hex(s, len));
	}
}

/* Cluster ends as ICU's character break iterator finds them. */
static size_t
icu_clusters(const char *s, size_t len, size_t *ends, size_t max)
{
	static UBreakIterator *bi;
	UText ut = UTEXT_INITIALIZER;
	UErrorCode ec = U_ZERO_ERROR;
	int32_t b;
	size_t n = 0;

	if (bi == NULL)
		bi = ubrk_open(UBRK_CHARACTER, "", NULL, 0, &ec);
	utext_openUTF8(&ut, s, (int64_t)len, &ec);
	ubrk_setUText(bi, &ut, &ec);
	for (b = ubrk_next(bi); b != UBRK_DONE && n < max; b = ubrk_next(bi))
		ends[n++] = (size_t)b;
	utext_close(&ut);
	return n;
}

/* Whether text_cluster_end agrees with ICU over all of s. */
static bool
clusters_agree(const char *s, size_t len)
{
	size_t ends[4096], n, k = 0, off = 0;

	n = icu_clusters(s, len, ends, HMS_NELEM(ends));
	while (off < len && k < n) {
		off = text_cluster_end(s, len, off);
		if (off != ends[k++])
			return false;
	}
	return off == len && k == n;
}

static uint32_t rng_state = 12345;

static uint32_t
rng(uint32_t n)
{
	rng_state = rng_state * 1103515245 + 12345;
	return (rng_state >> 8) % n;
}

/* Random strings over the code points that make clusters interesting:
 * the short path must give ICU's answer on every one. */
static void
test_clusters_random(void)
{
	static const uint32_t alphabet[] = {
		'a', 'Z', '1', ' ', '\r', '\n', '\t', 0x0301, 0x0300, 0x200d,
		0xfe0f, 0xfe0e, 0x1f469, 0x1f4bb, 0x1f3fd, 0x1f1ef, 0x1f1f5,
		0x1100, 0x1161, 0x11a8, 0xac00, 0xac01, 0x0915, 0x094d, 0x0937,
		0x0600, 0x0e33, 0x0903, 0x3099, 0xff76, 0xff9e, 0x20e3, 0x5927,
		0x3042, 0x30a2, 0x200b, 0xe0067, 0xe007f, 0x2764, 0x0a95,
		0x0acd, 0x261d, 0x2640, 0x00ad, 0x0d15, 0x0d4d
	};
	char s[64], enc[4];
	size_t len, n, i, k;
	int t, bad = 0;

	for (t = 0; t < 20000; t++) {
		len = 0;
		n = 1 + rng(10);
		for (i = 0; i < n; i++) {
			k = text_utf8_encode(alphabet[rng(HMS_NELEM(alphabet))],
			    enc);
			memcpy(s + len, enc, k);
			len += k;
		}
		if (!clusters_agree(s, len) && bad++ < 5)
			diag("differs from ICU: %s", hex(s, len));
	}
	is_int(bad, 0, "clusters agree with ICU on 20000 random strings");
}

/* ---- normalisation ---- */

static const struct {
	const char	*s;
	int		 flags;
	const char	*norm;
} norm_cases[] = {
	{ "⼤", 0, "大" },
	{ "①", 0, "1" },
	{ "Ⅳ", 0, "iv" },
	{ "　", 0, " " },
	{ "　", TEXT_NORM_NOSPACE, "" },
	{ "ｶﾞｷﾞ", 0, "がぎ" },
	{ "e\xcc\x81", 0, "é" },
	{ "カタカナ", 0, "かたかな" },
	{ "ＦＩＨ　施設", 0, "fih 施設" },
	{ "ＦＩＨ　施設", TEXT_NORM_NOSPACE, "fih施設" },
	{ "か゛", 0, "が" },
	{ "⺠", 0, "民" },
	{ "〜−–", 0, "~--" },
	{ "Straße", 0, "strasse" },
	{ "a\xff" "b", 0, "a\xef\xbf\xbd" "b" },
	{ "㈱", 0, "(株)" },
	{ "👩‍💻", 0, "👩💻" },			/* ZWJ is default ignorable */
	{ "令和6年度", 0, "令和6年度" },
	{ "令和6年度", TEXT_NORM_ERA, "2024年度" },
	{ "令和６年度", TEXT_NORM_ERA, "2024年度" },
	{ "R6年度", TEXT_NORM_ERA, "2024年度" },
	{ "Ｒ６年度", TEXT_NORM_ERA, "2024年度" },
	{ "令和元年", TEXT_NORM_ERA, "2019年" },
	{ "平成30年", TEXT_NORM_ERA, "2018年" },
	{ "H30年度末", TEXT_NORM_ERA, "2018年度末" },
	{ "昭和64年", TEXT_NORM_ERA, "1989年" },
	{ "令和六年", TEXT_NORM_ERA, "2024年" },
	{ "令和十二年", TEXT_NORM_ERA, "2030年" },
	{ "令和 6 年", TEXT_NORM_ERA, "2024年" },
	{ "㋿6年", TEXT_NORM_ERA, "2024年" },
	{ "㍻30年", TEXT_NORM_ERA, "2018年" },
	{ "2025（令和7）年2月", TEXT_NORM_ERA, "2025年2月" },
	{ "令和7（2025）年", TEXT_NORM_ERA, "2025年" },
	{ "2024年度（令和6年度）", TEXT_NORM_ERA, "2024年度" },
	{ "2024年度", TEXT_NORM_ERA, "2024年度" },
	{ "令和6", TEXT_NORM_ERA, "2024" },
	/* Not era years. */
	{ "平成32年", TEXT_NORM_ERA, "平成32年" },	/* Heisei ended at 31 */
	{ "HR6年", TEXT_NORM_ERA, "hr6年" },		/* a word, not an era */
	{ "R6", TEXT_NORM_ERA, "r6" },			/* a letter needs 年 */
	{ "2025（令和6）年", TEXT_NORM_ERA, "2025(2024)年" },
	{ "12024年", TEXT_NORM_ERA, "12024年" },
	/* Spellings of one word (issue 17, item 1). */
	{ "ドラッグ・ロス", TEXT_NORM_WORDS, "どらっぐろす" },
	{ "ﾄﾞﾗｯｸﾞ･ﾛｽ", TEXT_NORM_WORDS, "どらっぐろす" },
	{ "ドラッグ　ロス", TEXT_NORM_WORDS, "どらっぐろす" },
	{ "FIH 試験", TEXT_NORM_WORDS, "fih試験" },
	{ "  single   IRB ", TEXT_NORM_WORDS, "single irb" },
	{ "drug loss ( DL )", TEXT_NORM_WORDS, "drug loss ( dl )" },
	{ "サーバー", TEXT_NORM_WORDS, "さーば" },
	{ "サーバ", TEXT_NORM_WORDS, "さーば" },
	{ "ｻｰﾊﾞｰの設定", TEXT_NORM_WORDS, "さーばの設定" },
	{ "コンピューター・システム", TEXT_NORM_WORDS, "こんぴゅーたーしすてむ" },
	{ "コンピューター", TEXT_NORM_WORDS, "こんぴゅーた" },
	{ "サ−バ−", TEXT_NORM_WORDS, "さーば" },
	{ "ベ-シック", TEXT_NORM_WORDS, "べーしっく" },
	{ "データ～", TEXT_NORM_WORDS, "でーた" },
	{ "e-ラーニング", TEXT_NORM_WORDS, "e-らーにんぐ" },
	{ "4月〜6月", TEXT_NORM_WORDS, "4月~6月" },
	{ "人々", TEXT_NORM_WORDS, "人人" },
	{ "佐々木", TEXT_NORM_WORDS, "佐佐木" },
	{ "々", TEXT_NORM_WORDS, "々" },
	{ "霞ヶ関", TEXT_NORM_WORDS, "霞が関" },
	{ "霞ケ関", TEXT_NORM_WORDS, "霞が関" },
	{ "霞が関", TEXT_NORM_WORDS, "霞が関" },
	{ "3ヵ月", TEXT_NORM_WORDS, "3が月" },
	{ "3カ月", TEXT_NORM_WORDS, "3が月" },
	{ "ケア", TEXT_NORM_WORDS, "けあ" },		/* not before a kanji */
	{ "受け付け", TEXT_NORM_WORDS, "受け付け" },	/* hiragana stays */
	{ "すごーい", TEXT_NORM_WORDS, "すごーい" },
	{ "ばいおしみらー", TEXT_NORM_WORDS, "ばいおしみら" },
};

static void
test_normalize(void)
{
	struct text_norm n;
	size_t i;

	for (i = 0; i < HMS_NELEM(norm_cases); i++) {
		const char *s = norm_cases[i].s;
		text_normalize(s, strlen(s), norm_cases[i].flags, &n);
		is_str(n.s, norm_cases[i].norm, "normalise %s%s", show(s),
		    norm_cases[i].flags & TEXT_NORM_ERA ? " (era)" :
		    norm_cases[i].flags & TEXT_NORM_NOSPACE ? " (nospace)" :
		    norm_cases[i].flags & TEXT_NORM_WORDS ? " (words)" : "");
		text_norm_free(&n);
	}
}

/* Maps pinned byte by byte: map has len + 1 entries, end has len. */
static const struct {
	const char	*s;
	int		 flags;
	uint32_t	 map[16];
	uint32_t	 end[16];
} map_cases[] = {
	/* ⼤ -> 大: one piece of three bytes. */
	{ "⼤", 0, { 0, 0, 0, 3 }, { 3, 3, 3 } },
	/* a ｶﾞ -> a が: が covers both code points of ｶﾞ. */
	{ "aｶﾞ", 0, { 0, 1, 1, 1, 7 }, { 1, 7, 7, 7 } },
	/* é as e + U+0301. */
	{ "e\xcc\x81", 0, { 0, 0, 3 }, { 3, 3 } },
	/* Ⅳ -> iv: both letters come from Ⅳ. */
	{ "Ⅳ", 0, { 0, 0, 3 }, { 3, 3 } },
	/* Spaces dropped: b maps past the ideographic space. */
	{ "a　b", TEXT_NORM_NOSPACE, { 0, 4, 5 }, { 1, 5 } },
	/* 令和6年度 -> 2024年度: the digits cover 令和6. */
	{ "令和6年度", TEXT_NORM_ERA,
	  { 0, 0, 0, 0, 7, 7, 7, 10, 10, 10, 13 },
	  { 7, 7, 7, 7, 10, 10, 10, 13, 13, 13 } },
	/* サーバー -> さーば: the dropped ー is covered by バ. */
	{ "サーバー", TEXT_NORM_WORDS,
	  { 0, 0, 0, 3, 3, 3, 6, 6, 6, 12 },
	  { 3, 3, 3, 6, 6, 6, 12, 12, 12 } },
	/* ア・イ -> あい: the dot is in no piece; 々 is a piece of its own. */
	{ "ア・イ人々", TEXT_NORM_WORDS,
	  { 0, 0, 0, 6, 6, 6, 9, 9, 9, 12, 12, 12, 15 },
	  { 3, 3, 3, 9, 9, 9, 12, 12, 12, 15, 15, 15 } },
};

static void
test_norm_maps(void)
{
	struct text_norm n;
	size_t i, j;
	bool good;

	for (i = 0; i < HMS_NELEM(map_cases); i++) {
		const char *s = map_cases[i].s;
		text_normalize(s, strlen(s), map_cases[i].flags, &n);
		good = n.len < 16;
		for (j = 0; good && j <= n.len; j++) {
			if (n.map[j] != map_cases[i].map[j] ||
			    (j < n.len && n.end[j] != map_cases[i].end[j])) {
				diag("byte %zu: map %u end %u, want %u %u", j,
				    n.map[j], j < n.len ? n.end[j] : 0,
				    map_cases[i].map[j], map_cases[i].end[j]);
				good = false;
			}
		}
		ok(good, "offset map of %s", show(s));
		text_norm_free(&n);
	}
}

/* Spans at every boundary: the map runs in order; for every pair of
 * character boundaries a <= b of the normalised text, the original span is
 * exactly the pieces that produced [a, b) and normalises to text that
 * contains those bytes (the highlight covers what matched); and for every
 * prefix the original text up to the span's end normalises to a text that
 * starts with the normalised prefix. */
/* s[0..len) without its spaces, into buf. */
static void
needle_nospace(char *buf, size_t size, const char *s, size_t len)
{
	size_t i, k = 0;

	for (i = 0; i < len && k + 1 < size; i++)
		if (s[i] != ' ')
			buf[k++] = s[i];
	buf[k] = '\0';
}

static int
check_spans(const char *s, size_t len, int flags)
{
	struct text_norm n;
	size_t a, b, oa, ob;
	char *sub, needle[256];
	int bad = 0;

	text_normalize(s, len, flags, &n);
	/* Pieces come in order and are never empty. */
	for (a = 0; a < n.len; a++) {
		if ((n.map[a] >= n.end[a] || (a > 0 && (n.map[a] < n.map[a - 1] ||
		    n.end[a] < n.end[a - 1]))) && bad++ < 3)
			diag("%s: map out of order at %zu", hex(s, len), a);
	}
	if (n.map[n.len] != len && bad++ < 3)
		diag("%s: map[len] is %u", hex(s, len), n.map[n.len]);
	for (a = 0; a <= n.len; a++) {
		if (a < n.len && ((unsigned char)n.s[a] & 0xc0) == 0x80)
			continue;
		for (b = a; b <= n.len; b++) {
			if (b < n.len && ((unsigned char)n.s[b] & 0xc0) == 0x80)
				continue;
			text_norm_span(&n, a, b, &oa, &ob);
			if (oa > ob || ob > len) {
				if (bad++ < 3)
					diag("%s: span [%zu,%zu) -> [%zu,%zu)",
					    hex(s, len), a, b, oa, ob);
				continue;
			}
			/* The span is made of whole pieces. */
			if (b > a && (oa != n.map[a] || ob != n.end[b - 1]) &&
			    bad++ < 3)
				diag("%s: span [%zu,%zu) is not its pieces",
				    hex(s, len), a, b);
			/* Normalised alone, it holds what matched: R6年 folds
			 * only before 年, so era spans keep what follows; word
			 * folds look one character back (々, ヶ, ー) and ahead
			 * (ー), and drop spaces at the ends, which the needle
			 * then lacks too. */
			if (flags & TEXT_NORM_WORDS) {
				size_t from = a > 0 ? n.map[a - 1] : 0;
				char *t = text_normalize_str(s + from,
				    len - from, flags);
				sub = xmalloc(strlen(t) + 1);
				needle_nospace(sub, strlen(t) + 1, t, strlen(t));
				free(t);
				needle_nospace(needle, sizeof needle, n.s + a,
				    b - a);
			} else {
				sub = text_normalize_str(s + oa, (flags &
				    TEXT_NORM_ERA ? len : ob) - oa, flags);
				snprintf(needle, sizeof needle, "%.*s",
				    (int)(b - a), n.s + a);
			}
			if (strstr(sub, needle) == NULL && bad++ < 3)
				diag("%s: [%zu,%zu) -> [%zu,%zu) = \"%s\" lacks "
				    "\"%.*s\"", hex(s, len), a, b, oa, ob, sub,
				    (int)(b - a), n.s + a);
			free(sub);
			if (a == 0 && !(flags & (TEXT_NORM_ERA |
			    TEXT_NORM_WORDS))) {
				sub = text_normalize_str(s, ob, flags);
				if (strncmp(sub, n.s, b) != 0 && bad++ < 3)
					diag("%s: prefix %zu -> %zu = \"%s\"",
					    hex(s, len), b, ob, sub);
				free(sub);
			}
		}
	}
	text_norm_free(&n);
	return bad;
}

static void
test_norm_spans(void)
{
	static const char *const cases[] = {
		"⼤きな①とⅣ", "ｶﾞｷﾞｸﾞ", "cafe\xcc\x81 ＣＡＦＥ", "a　b  c",
		"令和6年度から令和元年まで", "R6年度とH30年", "2025（令和7）年2月",
		"㍻30年㈱ﾃｽﾄ", "\xff" "a\xe3\x81" "b", "👩‍💻🇯🇵",
		"か゛き゜", "Straße ß", "ﾊﾟﾋﾟﾌﾟ", "ヴァイオリン",
		"サーバー・ソフト", "人々の霞ヶ関", "FIH 試験 drug loss",
	};
	static const int flags[] = { 0, TEXT_NORM_NOSPACE, TEXT_NORM_ERA,
	    TEXT_NORM_WORDS };
	size_t i, f;

	for (i = 0; i < HMS_NELEM(cases); i++) {
		for (f = 0; f < HMS_NELEM(flags); f++)
			is_int(check_spans(cases[i], strlen(cases[i]), flags[f]),
			    0, "spans of \"%s\" at every boundary, flags %d",
			    show(cases[i]), flags[f]);
	}
}

/* A query in either form finds both, and the match highlights exactly
 * the original characters. */
static void
test_norm_match(void)
{
	static const struct {
		const char	*text;
		const char	*query;
		int		 flags;
		const char	*hit;		/* original text of the span */
	} cases[] = {
		{ "大阪の⼤学", "大学", 0, "⼤学" },
		{ "ﾃﾞｰﾀ利活用", "データ", 0, "ﾃﾞｰﾀ" },
		{ "ＦＩＨ試験", "fih", 0, "ＦＩＨ" },
		{ "cafe\xcc\x81!", "café", 0, "cafe\xcc\x81" },
		{ "第Ⅳ章", "iv", 0, "Ⅳ" },
		{ "令和6年度予算", "2024年度", TEXT_NORM_ERA, "令和6年度" },
		{ "2024年度予算", "令和６年度", TEXT_NORM_ERA, "2024年度" },
		{ "R6年度予算", "令和6年度", TEXT_NORM_ERA, "R6年度" },
		{ "2025（令和7）年2月", "令和7年", TEXT_NORM_ERA,
		  "2025（令和7）年" },
		{ "健康・医療 戦略", "医療戦略", TEXT_NORM_NOSPACE, "医療 戦略" },
		{ "ドラッグ・ロスの解消", "ドラッグロス", TEXT_NORM_WORDS,
		  "ドラッグ・ロス" },
		{ "サーバーの設定", "サーバ", TEXT_NORM_WORDS, "サーバー" },
		{ "新しいコンピュータ導入", "コンピューター", TEXT_NORM_WORDS,
		  "コンピュータ" },
		{ "東京都霞ヶ関", "霞が関", TEXT_NORM_WORDS, "霞ヶ関" },
		{ "様々な", "様様", TEXT_NORM_WORDS, "様々" },
	};
	struct text_norm n;
	char *q;
	const char *m;
	size_t i, oa, ob;

	for (i = 0; i < HMS_NELEM(cases); i++) {
		text_normalize(cases[i].text, strlen(cases[i].text),
		    cases[i].flags, &n);
		q = text_normalize_str(cases[i].query, strlen(cases[i].query),
		    cases[i].flags);
		m = strstr(n.s, q);
		if (!ok(m != NULL, "\"%s\" finds \"%s\"", show(cases[i].query),
		    show(cases[i].text))) {
			diag("normalised \"%s\" and \"%s\"", n.s, q);
		} else {
			text_norm_span(&n, (size_t)(m - n.s),
			    (size_t)(m - n.s) + strlen(q), &oa, &ob);
			ok(ob - oa == strlen(cases[i].hit) &&
			    memcmp(cases[i].text + oa, cases[i].hit,
			    ob - oa) == 0, "  and highlights \"%s\" (got "
			    "\"%.*s\")", cases[i].hit, (int)(ob - oa),
			    cases[i].text + oa);
		}
		free(q);
		text_norm_free(&n);
	}
}

/* ---- line breaking ---- */

/* Where a line may start (text_breaks_offset). */
static const struct {
	const char	*s;
	size_t		 offs[12];
	size_t		 n;
} break_cases[] = {
	/* Strict kinsoku: not after 「, not before 」 or 。. */
	{ "これは「テスト」です。", { 0, 3, 6, 9, 15, 18, 24, 27 }, 8 },
	{ "abc def ghi", { 0, 4, 8 }, 3 },
	{ "ｶﾞｷﾞ", { 0, 6 }, 2 },
	/* Strict: no line starts with a small kana or ー. */
	{ "あァィーっ", { 0 }, 1 },
	{ "a\nb", { 0, 2 }, 2 },
	{ "（注）、・", { 0 }, 1 },
	{ "COVID-19の", { 0, 8 }, 2 },
	/* A word that starts with hyphens stays whole (LB20.1); one
	 * with a hyphen inside may break after it. */
	{ "see --keymap now", { 0, 4, 13 }, 3 },
	{ "e-mail", { 0, 2 }, 2 },
	/* ICU allows a break after a space before ・; kinsoku does not. */
	{ "準備 ・日本", { 0, 3, 10, 13 }, 4 },
	{ "", { 0 }, 1 },
};

static void
test_breaks(void)
{
	struct text_breaks *b;
	size_t i, k;
	bool good;

	for (i = 0; i < HMS_NELEM(break_cases); i++) {
		const char *s = break_cases[i].s;
		b = text_breaks_create(s, strlen(s));
		good = text_breaks_count(b) == break_cases[i].n;
		for (k = 0; good && k < break_cases[i].n; k++)
			good = text_breaks_offset(b, k) == break_cases[i].offs[k];
		if (!ok(good, "break opportunities of \"%s\"", show(s))) {
			for (k = 0; k < text_breaks_count(b); k++)
				diag("  %zu", text_breaks_offset(b, k));
		}
		text_breaks_free(b);
	}
}

/* Lines joined by '|', each prefixed by its hanging indent in spaces. */
static char *
wrap_str(const char *s, int width, bool hang, size_t *nlines)
{
	struct text_line *lines;
	struct buf b;
	size_t n, i;

	n = text_wrap(s, strlen(s), width, hang, &lines);
	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&b, '|');
		buf_printf(&b, "%*s", lines[i].indent, "");
		buf_add(&b, s + lines[i].off, lines[i].len);
	}
	free(lines);
	if (nlines != NULL)
		*nlines = n;
	return buf_steal(&b);
}

static const struct {
	const char	*s;
	int		 width;
	bool		 hang;
	const char	*lines;
} wrap_cases[] = {
	{ "", 10, false, "" },
	{ "abc   ", 10, false, "abc" },
	{ "The quick brown fox jumps", 10, false,
	  "The quick|brown fox|jumps" },
	/* A word longer than the line is cut between clusters. */
	{ "abcdefghijklmnop", 5, false, "abcde|fghij|klmno|p" },
	/* A wide character that does not fit moves to the next line. */
	{ "abcd大", 5, false, "abcd|大" },
	/* One wider than the whole line gets a line of its own. */
	{ "大", 1, false, "大" },
	{ "これは「テスト」です。", 8, false, "これは|「テス|ト」で|す。" },
	{ "これは「テスト」です。", 12, false, "これは「テス|ト」です。" },
	{ "ｶﾞｷﾞｸﾞｹﾞｺﾞ", 5, false, "ｶﾞｷﾞ|ｸﾞｹﾞ|ｺﾞ" },
	{ "a\nb\n\nc", 10, false, "a|b||c" },
	/* Hanging indents align continuation lines under the text. */
	{ "① 研究開発の推進について検討する。", 10, true,
	  "① 研究開発|  の推進に|  ついて検|  討する。" },
	{ "① 研究開発の推進について検討する。", 10, false,
	  "① 研究開発|の推進につ|いて検討す|る。" },
	{ "・項目の説明が長く続く", 8, true, "・項目の|  説明が|  長く続|  く" },
	{ "(1) 基礎研究の推進", 10, true, "(1) 基礎研|    究の推|    進" },
	{ "※1 注記が続く", 7, true, "※1 注記|   が続|   く" },
	/* A marker too wide for half the line does not hang. */
	{ "(10) 研究", 6, true, "(10)|研究" },
	/* A segment too wide for any line is cut where kinsoku allows. */
	{ "aaaaaaaaaaaa」」", 5, false, "aaaaa|aaaaa|a|a」」" },
};

static void
test_wrap(void)
{
	size_t i;
	char *got;

	for (i = 0; i < HMS_NELEM(wrap_cases); i++) {
		got = wrap_str(wrap_cases[i].s, wrap_cases[i].width,
		    wrap_cases[i].hang, NULL);
		is_str(got, wrap_cases[i].lines, "wrap \"%s\" at %d%s",
		    show(wrap_cases[i].s), wrap_cases[i].width,
		    wrap_cases[i].hang ? ", hanging" : "");
		free(got);
	}
}

static const struct {
	const char	*s;
	int		 hang1;		/* ambiwidth 1 */
	int		 hang2;		/* ambiwidth 2 */
} hang_cases[] = {
	{ "・項目", 2, 2 }, { "○ 項目", 2, 3 }, { "● 項目", 2, 3 },
	{ "◆項目", 1, 2 }, { "■ 項目", 2, 3 }, { "① 項目", 2, 3 },
	{ "⑳項目", 1, 2 }, { "(1) 項目", 4, 4 }, { "（２）項目", 6, 6 },
	{ "（ア）項目", 6, 6 }, { "(a) item", 4, 4 }, { "※ 注", 2, 3 },
	{ "※1 注", 3, 4 }, { "＊1 注", 4, 4 }, { "• item", 2, 3 },
	{ "- item", 2, 2 }, { "1. item", 3, 3 }, { "1) 項目", 3, 3 },
	{ "〇 項目", 3, 3 }, { "・　項目", 4, 4 },
	/* Not markers. */
	{ "項目", 0, 0 }, { "1.5倍", 0, 0 }, { "(注)本文", 0, 0 },
	{ "2024年", 0, 0 }, { "-5度", 0, 0 }, { "*強調*", 0, 0 },
	{ "① ", 0, 0 },	/* nothing to hang */
};

static void
test_hang(void)
{
	struct text_breaks *b;
	size_t i;

	for (i = 0; i < HMS_NELEM(hang_cases); i++) {
		const char *s = hang_cases[i].s;
		text_set_ambiwidth(1);
		b = text_breaks_create(s, strlen(s));
		is_int(text_breaks_hang(b), hang_cases[i].hang1,
		    "hanging indent of \"%s\", ambiwidth 1", show(s));
		text_breaks_free(b);
		text_set_ambiwidth(2);
		b = text_breaks_create(s, strlen(s));
		is_int(text_breaks_hang(b), hang_cases[i].hang2,
		    "hanging indent of \"%s\", ambiwidth 2", show(s));
		text_breaks_free(b);
	}
	text_set_ambiwidth(1);
}

/* Characters no line may start with, and those none may end with. */
static const char *const no_start[] = {
	"、", "。", "，", "．", "・", "：", "；", "？", "！", "）", "」", "』",
	"】", "〕", "〉", "》", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ",
	"ょ", "ゎ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "ヮ",
	"ヵ", "ヶ", "ー", "ゝ", "ゞ", "ヽ", "ヾ", "々", "ｧ", "ｨ", "ｩ", "ｪ",
	"ｫ", "ｬ", "ｭ", "ｮ", "ｯ", "ｰ", "､", "｡", "｣", "…", "‥",
};
static const char *const no_end[] = {
	"「", "『", "（", "【", "〔", "〈", "《", "｢",
};

static bool
starts_with_any(const char *s, size_t len, const char *const *set, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (len >= strlen(set[i]) &&
		    memcmp(s, set[i], strlen(set[i])) == 0)
			return true;
	}
	return false;
}

static bool
ends_with_any(const char *s, size_t len, const char *const *set, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		k = strlen(set[i]);
		if (len >= k && memcmp(s + len - k, set[i], k) == 0)
			return true;
	}
	return false;
}

/* Check the lines of s wrapped at width: each fits (unless it is a single
 * cluster wider than the line), reports its own width, starts and ends
 * between clusters, keeps kinsoku, and together they give back s less
 * the spaces at the breaks.  Returns the number of problems. */
static int
check_wrap(const char *s, size_t len, int width, bool hang, bool kinsoku)
{
	struct text_line *lines;
	struct buf joined, strip;
	size_t n, i, off, next;
	int bad = 0, avail;
	char *p;

	n = text_wrap(s, len, width, hang, &lines);
	buf_init(&joined);
	buf_init(&strip);
	for (i = 0; i < n; i++) {
		const char *l = s + lines[i].off;
		size_t ll = lines[i].len;
		avail = width - lines[i].indent;
		if (lines[i].width != text_width(l, ll) && bad++ < 3)
			diag("line %zu: width %d, text_width %d", i,
			    lines[i].width, text_width(l, ll));
		if (lines[i].width > avail &&
		    text_cluster_end(l, ll, 0) != ll && bad++ < 3)
			diag("line %zu (%d cells) is wider than %d: %.*s", i,
			    lines[i].width, avail, (int)ll, l);
		/* A line starts and ends on a cluster boundary. */
		for (off = 0; off < lines[i].off; off = next)
			next = text_cluster_end(s, len, off);
		if (off != lines[i].off && bad++ < 3)
			diag("line %zu starts inside a cluster", i);
		if (kinsoku && i > 0 && starts_with_any(l, ll, no_start,
		    HMS_NELEM(no_start)) && bad++ < 3)
			diag("line %zu starts with a forbidden character: %.*s",
			    i, (int)ll, l);
		if (kinsoku && i + 1 < n && ends_with_any(l, ll, no_end,
		    HMS_NELEM(no_end)) && bad++ < 3)
			diag("line %zu ends with a forbidden character: %.*s",
			    i, (int)ll, l);
		if (i > 0 && lines[i].off < lines[i - 1].off + lines[i - 1].len &&
		    bad++ < 3)
			diag("line %zu overlaps the one before", i);
		buf_add(&joined, l, ll);
	}
	for (i = 0; i < len; i++) {
		if (s[i] != ' ' && s[i] != '\n')
			buf_addc(&strip, s[i]);
	}
	p = joined.data != NULL ? joined.data : "";
	for (i = 0, off = 0; p[i] != '\0'; i++) {
		if (p[i] != ' ')
			p[off++] = p[i];
	}
	p[off] = '\0';
	if (strcmp(p, strip.data != NULL ? strip.data : "") != 0 && bad++ < 3)
		diag("the lines do not give the text back");
	buf_free(&joined);
	buf_free(&strip);
	free(lines);
	return bad;
}

/* A paragraph of 5,000 characters with no spaces, built from the kinds
 * of phrases the strategy is written in. */
static char *
long_paragraph(size_t *len)
{
	static const char *const phrases[] = {
		"「健康・医療戦略」に基づき、", "医療分野の研究開発を推進する。",
		"（第３期）では、", "ｶﾞｲﾄﾞﾗｲﾝの策定を進め、",
		"チェックリストやキャッシュフロー等を含む。",
		"①医薬品、②医療機器・ヘルスケア、",
		"※１：令和６年度補正予算を含む。", "COVID-19への対応として、",
		"ＡＭＥＤを通じた支援（約1,234億円）を行い、",
		"ＰＤＣＡサイクルを回す…", "『成果目標』【ＫＰＩ】〔参考〕〈注〉",
		"データ利活用・ライフコースに係る研究。", "⼤学等の研究機関と連携し、",
	};
	struct buf b;
	size_t chars = 0, i = 0, k;
	const char *p;

	buf_init(&b);
	while (chars < 5000) {
		p = phrases[i++ % HMS_NELEM(phrases)];
		buf_adds(&b, p);
		for (k = 0; p[k] != '\0'; k++) {
			if (((unsigned char)p[k] & 0xc0) != 0x80)
				chars++;
		}
	}
	*len = b.len;
	return buf_steal(&b);
}

static void
test_wrap_long(void)
{
	static const int widths[] = { 10, 17, 30, 41, 80 };
	struct text_breaks *b;
	size_t len, i, k, chars = 0;
	char *s = long_paragraph(&len);
	struct text_line *l1, *l2;
	size_t n1, n2;
	bool same;

	for (i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			chars++;
	}
	ok(chars >= 5000 && strchr(s, ' ') == NULL,
	    "the long paragraph has %zu characters and no spaces", chars);
	for (k = 0; k < HMS_NELEM(widths); k++) {
		for (i = 1; i <= 2; i++) {
			text_set_ambiwidth((int)i);
			is_int(check_wrap(s, len, widths[k], false, true), 0,
			    "5,000 characters wrapped at %d, ambiwidth %zu: "
			    "lines fit, kinsoku holds, text comes back",
			    widths[k], i);
		}
	}
	text_set_ambiwidth(1);
	/* Breaks held by the caller give what text_wrap gives. */
	b = text_breaks_create(s, len);
	n1 = text_breaks_wrap(b, 41, false, &l1);
	n2 = text_wrap(s, len, 41, false, &l2);
	same = n1 == n2;
	for (i = 0; same && i < n1; i++)
		same = l1[i].off == l2[i].off && l1[i].len == l2[i].len;
	ok(same, "text_breaks_wrap and text_wrap agree (%zu lines)", n1);
	free(l1);
	free(l2);
	text_breaks_free(b);
	free(s);
}

/* The cache is keyed by bytes: a buffer freed and reused, or changed in
 * place, never gets stale lines; a new ambiguous width re-measures. */
static void
test_wrap_cache(void)
{
	char buf[64];
	char *got;

	strcpy(buf, "あいうえおかきくけこ");
	got = wrap_str(buf, 10, false, NULL);
	is_str(got, "あいうえお|かきくけこ", "wrap fills the cache");
	free(got);
	memcpy(buf, "さしすせそ", strlen("さしすせそ"));
	got = wrap_str(buf, 10, false, NULL);
	is_str(got, "さしすせそ|かきくけこ",
	    "the same buffer with new bytes is wrapped anew");
	free(got);
	strcpy(buf, "①②③④⑤⑥⑦⑧⑨⑩");
	text_set_ambiwidth(1);
	got = wrap_str(buf, 6, false, NULL);
	is_str(got, "①②③④⑤⑥|⑦⑧⑨⑩", "①… are narrow with ambiwidth 1");
	free(got);
	text_set_ambiwidth(2);
	got = wrap_str(buf, 6, false, NULL);
	is_str(got, "①②③|④⑤⑥|⑦⑧⑨|⑩",
	    "and wide with ambiwidth 2, though cached before");
	free(got);
	text_set_ambiwidth(1);
}

/* ---- collation ---- */

static int
cmp_collate(const void *a, const void *b)
{
	return text_collate(*(const char *const *)a, *(const char *const *)b);
}

static void
test_collate(void)
{
	/* Kana by reading (かき before がき), hiragana before katakana,
	 * then kanji; numbers inside titles as numbers. */
	static const char *const sorted[] = {
		"あい", "アイ", "いし", "イシ", "かき", "がき", "さくら", "サクラ",
		"第2章", "第10章",
	};
	const char *v[HMS_NELEM(sorted)];
	size_t i, j;
	bool good = true, total = true;

	for (i = 0; i < HMS_NELEM(sorted); i++)
		v[i] = sorted[HMS_NELEM(sorted) - 1 - i];
	qsort(v, HMS_NELEM(v), sizeof v[0], cmp_collate);
	for (i = 0; i < HMS_NELEM(v); i++) {
		if (strcmp(v[i], sorted[i]) != 0) {
			good = false;
			diag("position %zu: %s, want %s", i, v[i], sorted[i]);
		}
	}
	ok(good, "ja collation: numbers as numbers, kana by reading");
	for (i = 0; i < HMS_NELEM(sorted); i++) {
		for (j = 0; j < HMS_NELEM(sorted); j++) {
			int c = text_collate(sorted[i], sorted[j]);
			if (c != -text_collate(sorted[j], sorted[i]) ||
			    (c == 0) != (i == j))
				total = false;
		}
	}
	ok(total, "the order is total: hiragana and katakana tie-broken");
	is_int(text_collate("あ", "ア"), -1, "あ before ア");
}

/* ---- the bundled content ---- */

struct walk {
	int	strings;
	int	cluster_bad;
	int	draw_bad;
	int	wrap_bad;
	int	span_bad;
};

static void
walk_one(struct walk *w, const char *s, size_t len)
{
	static const int widths[] = { 30, 41, 80 };
	size_t k;
	char *d;

	if (s == NULL || len == 0)
		return;
	w->strings++;
	if (!clusters_agree(s, len) && w->cluster_bad++ < 3)
		diag("clusters differ from ICU: %.*s", (int)len, s);
	d = text_sanitize(s, len);
	if (text_width(d, strlen(d)) != text_width(s, len) &&
	    w->draw_bad++ < 3)
		diag("sanitising changes the width of %.*s", (int)len, s);
	free(d);
	for (k = 0; k < HMS_NELEM(widths); k++)
		w->wrap_bad += check_wrap(s, len, widths[k], true, true);
	if (len < 400)
		w->span_bad += check_spans(s, len, TEXT_NORM_ERA);
}

static void
test_content(void)
{
	struct content_diags d;
	struct content *c;
	struct walk w = { 0 };
	char dir[4096];
	size_t i, j;

	snprintf(dir, sizeof dir, "%s/content", srcdir);
	content_diags_init(&d);
	c = content_load(dir, NULL, &d);
	content_diags_free(&d);
	if (!ok(c != NULL, "the bundled content loads"))
		return;
	for (i = 0; i < c->nentities; i++) {
		const struct content_entity *e = c->entities[i];
		walk_one(&w, e->title, strlen(e->title));
		for (j = 0; j < e->nblocks; j++)
			walk_one(&w, e->blocks[j].t.text, e->blocks[j].t.len);
	}
	ok(w.strings > 0, "content: %d titles and blocks", w.strings);
	is_int(w.cluster_bad, 0, "content: clusters agree with ICU");
	is_int(w.draw_bad, 0, "content: sanitising keeps every width");
	is_int(w.wrap_bad, 0, "content: wrapped at 30, 41, 80 every line "
	    "fits, keeps kinsoku and gives the text back");
	is_int(w.span_bad, 0, "content: normalised spans at every boundary");
	content_free(c);
}

int
main(void)
{
	char *err = NULL;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL &&
	    setlocale(LC_ALL, "C.utf8") == NULL) {
		printf("1..0 # SKIP no C.UTF-8 locale\n");
		return 0;
	}
	srcdir = getenv("top_srcdir");
	if (srcdir == NULL)
		srcdir = ".";
	if (text_init(&err) != 0) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	test_utf8();
	test_widths();
	test_cp_widths();
	test_clusters();
	test_clusters_random();
	test_normalize();
	test_norm_maps();
	test_norm_spans();
	test_norm_match();
	test_breaks();
	test_wrap();
	test_hang();
	test_wrap_long();
	test_wrap_cache();
	test_collate();
	test_content();
	text_fini();
	return tap_done();
}
