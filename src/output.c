/* output.c — sanitised text, TSV and JSON output. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "text.h"
#include "util.h"

int
output_format_parse(const char *s)
{
	if (strcmp(s, "text") == 0)
		return OUTPUT_TEXT;
	if (strcmp(s, "tsv") == 0)
		return OUTPUT_TSV;
	if (strcmp(s, "json") == 0)
		return OUTPUT_JSON;
	if (strcmp(s, "csv") == 0)
		return OUTPUT_CSV;
	return -1;
}

void
out_textn(FILE *f, const char *s, size_t len)
{
	char *safe = text_sanitize(s, len);

	fputs(safe, f);
	free(safe);
}

void
out_text(FILE *f, const char *s)
{
	if (s != NULL)
		out_textn(f, s, strlen(s));
}

void
out_tsv_field(FILE *f, const char *s)
{
	char *safe, *p;

	if (s == NULL)
		return;
	/* Tabs become spaces in text_sanitize; line breaks would become
	 * control pictures, which a script would not expect: spaces too. */
	safe = xstrdup(s);
	for (p = safe; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	}
	out_text(f, safe);
	free(safe);
}

void
out_csv_field(FILE *f, const char *s)
{
	char *safe, *p;
	size_t n;
	bool quote;

	if (s == NULL)
		return;
	/* Line breaks become spaces before sanitising, as in TSV: a
	 * spreadsheet row stays one line. */
	p = xstrdup(s);
	for (safe = p; *safe != '\0'; safe++) {
		if (*safe == '\n' || *safe == '\r' || *safe == '\t')
			*safe = ' ';
	}
	safe = text_sanitize(p, strlen(p));
	free(p);
	n = strlen(safe);
	quote = strpbrk(safe, ",\"") != NULL ||
	    (n > 0 && (safe[0] == ' ' || safe[n - 1] == ' '));
	if (!quote) {
		fputs(safe, f);
		free(safe);
		return;
	}
	fputc('"', f);
	for (p = safe; *p != '\0'; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
	}
	fputc('"', f);
	free(safe);
}

void
out_tsv_as_csv(FILE *f, const char *tsv, size_t len)
{
	const char *p = tsv, *end = tsv + len, *q;
	char *field;
	bool first = true;

	while (p < end) {
		for (q = p; q < end && *q != '\t' && *q != '\n'; q++)
			;
		if (!first)
			fputc(',', f);
		field = xstrndup(p, (size_t)(q - p));
		out_csv_field(f, field);
		free(field);
		first = false;
		if (q < end && *q == '\n') {
			fputs("\r\n", f);
			first = true;
		}
		p = q + 1;
	}
	if (!first)
		fputs("\r\n", f);
}

static bool out_bom_wanted;

void
out_set_bom(bool bom)
{
	out_bom_wanted = bom;
}

void
out_bom(FILE *f)
{
	if (out_bom_wanted)
		fputs("\xEF\xBB\xBF", f);
}

void
out_json_stringn(FILE *f, const char *s, size_t len)
{
	size_t i, n;
	uint32_t cp;

	if (s == NULL) {
		fputs("null", f);
		return;
	}
	fputc('"', f);
	for (i = 0; i < len; i += n) {
		n = text_utf8_decode(s + i, len - i, &cp);
		switch (cp) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		default:
			/* Controls and bidi overrides are escaped so that
			 * a terminal showing the JSON shows them as text. */
			if (text_cp_unsafe(cp)) {
				if (cp > 0xffff)
					fprintf(f, "\\u%04x\\u%04x",
					    (unsigned)(0xd800 + ((cp - 0x10000) >> 10)),
					    (unsigned)(0xdc00 + ((cp - 0x10000) & 0x3ff)));
				else
					fprintf(f, "\\u%04x", (unsigned)cp);
			} else if (cp == 0xfffd && n == 1) {
				fputs("\\ufffd", f);
			} else
				fwrite(s + i, 1, n, f);
		}
	}
	fputc('"', f);
}

void
out_json_string(FILE *f, const char *s)
{
	out_json_stringn(f, s, s != NULL ? strlen(s) : 0);
}

void
out_wrapped(FILE *f, const char *s, size_t len, int width, int indent,
    bool hang)
{
	struct text_line *lines;
	size_t n, i;
	char *safe;

	safe = text_sanitize(s, len);
	if (width <= 0 || width - indent < 4) {
		fprintf(f, "%*s%s\n", indent, "", safe);
		free(safe);
		return;
	}
	n = text_wrap(safe, strlen(safe), width - indent, hang, &lines);
	for (i = 0; i < n; i++) {
		fprintf(f, "%*s%*s", indent, "", lines[i].indent, "");
		fwrite(safe + lines[i].off, 1, lines[i].len, f);
		fputc('\n', f);
	}
	free(lines);
	free(safe);
}

void
out_rewrap(FILE *f, const char *s, size_t len, int width)
{
	struct text_line *lines;
	const char *nl, *end = s + len;
	size_t n, i, ll;
	int lead, w;

	for (; s < end; s = nl + 1) {
		nl = memchr(s, '\n', (size_t)(end - s));
		if (nl == NULL)
			nl = end;
		ll = (size_t)(nl - s);
		for (lead = 0; (size_t)lead < ll && s[lead] == ' '; lead++)
			;
		w = width - lead - 2;
		if (width <= 0 || w < 4 || text_width(s, ll) <= width) {
			fwrite(s, 1, ll, f);
			fputc('\n', f);
			if (nl == end)
				break;
			continue;
		}
		n = text_wrap(s + lead, ll - (size_t)lead, w, false, &lines);
		for (i = 0; i < n; i++) {
			fprintf(f, "%*s", lead + (i > 0 ? 2 : 0), "");
			fwrite(s + lead + lines[i].off, 1, lines[i].len, f);
			fputc('\n', f);
		}
		free(lines);
		if (nl == end)
			break;
	}
}

/* ---- JSON ---- */

void
json_init(struct json *j, FILE *f)
{
	memset(j, 0, sizeof *j);
	j->f = f;
	j->first[0] = true;
}

static void
json_key(struct json *j, const char *key)
{
	if (!j->first[j->depth])
		fputc(',', j->f);
	j->first[j->depth] = false;
	if (key != NULL) {
		out_json_string(j->f, key);
		fputc(':', j->f);
	}
}

void
json_begin_object(struct json *j, const char *key)
{
	json_key(j, key);
	fputc('{', j->f);
	if (j->depth < (int)HMS_NELEM(j->first) - 1)
		j->depth++;
	j->first[j->depth] = true;
}

void
json_end_object(struct json *j)
{
	fputc('}', j->f);
	if (j->depth > 0)
		j->depth--;
}

void
json_begin_array(struct json *j, const char *key)
{
	json_key(j, key);
	fputc('[', j->f);
	if (j->depth < (int)HMS_NELEM(j->first) - 1)
		j->depth++;
	j->first[j->depth] = true;
}

void
json_end_array(struct json *j)
{
	fputc(']', j->f);
	if (j->depth > 0)
		j->depth--;
}

void
json_string(struct json *j, const char *key, const char *value)
{
	json_key(j, key);
	out_json_string(j->f, value);
}

void
json_stringn(struct json *j, const char *key, const char *value, size_t len)
{
	json_key(j, key);
	out_json_stringn(j->f, value, len);
}

void
json_number(struct json *j, const char *key, double value)
{
	json_key(j, key);
	if (!isfinite(value))
		fputs("null", j->f);
	else
		fprintf(j->f, "%.15g", value);
}

void
json_int(struct json *j, const char *key, long value)
{
	json_key(j, key);
	fprintf(j->f, "%ld", value);
}

void
json_bool(struct json *j, const char *key, bool value)
{
	json_key(j, key);
	fputs(value ? "true" : "false", j->f);
}

void
json_null(struct json *j, const char *key)
{
	json_key(j, key);
	fputs("null", j->f);
}

void
json_finish(struct json *j)
{
	fputc('\n', j->f);
}
