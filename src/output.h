/* output.h — safe, formatted output for the command line.
 *
 * Everything that comes from content passes through here on its way to
 * stdout: control and escape characters are replaced by visible
 * placeholders (text_sanitize), TSV fields lose their tabs and newlines,
 * JSON strings are escaped. */
#ifndef HMS_OUTPUT_H
#define HMS_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum output_format {
	OUTPUT_TEXT,
	OUTPUT_TSV,
	OUTPUT_JSON,
	OUTPUT_CSV	/* RFC 4180: where a command prints a table */
};

/* Parse "text", "tsv", "json" (and "csv" when allow_csv); -1 if unknown. */
int output_format_parse(const char *s);

/* Write content text sanitised for a terminal. */
void out_text(FILE *f, const char *s);
void out_textn(FILE *f, const char *s, size_t len);
/* One TSV field: sanitised, with tabs and line breaks as spaces. */
void out_tsv_field(FILE *f, const char *s);
/* One CSV field (RFC 4180): sanitised, line breaks as spaces, quoted
 * when it holds a comma, a quote or spaces at either end. */
void out_csv_field(FILE *f, const char *s);
/* TSV text (whose fields never hold a tab or a line break) written
 * again as CSV records, CRLF after each. */
void out_tsv_as_csv(FILE *f, const char *tsv, size_t len);
/* The UTF-8 byte-order mark some spreadsheet programs need to read CSV
 * as UTF-8 (--bom): whether to write it, and writing it to f if so. */
void out_set_bom(bool bom);
void out_bom(FILE *f);
/* A JSON string literal (with quotes); NULL gives null. */
void out_json_string(FILE *f, const char *s);
void out_json_stringn(FILE *f, const char *s, size_t len);

/* Write lines of text (each ending in '\n') with every line wider than
 * width cells wrapped by text_wrap()'s rules; a wrapped line's
 * continuations are indented two cells more than its own leading
 * spaces.  Lines that fit are written as they are; width 0 writes all
 * as they are. */
void out_rewrap(FILE *f, const char *s, size_t len, int width);

/* Write text wrapped to width cells (0: no wrapping), each line prefixed
 * by indent spaces; list markers hang when hang is true. */
void out_wrapped(FILE *f, const char *s, size_t len, int width, int indent,
    bool hang);

/* A minimal JSON writer that tracks commas. */
struct json {
	FILE	*f;
	int	 depth;
	bool	 first[32];
};

void json_init(struct json *j, FILE *f);
void json_begin_object(struct json *j, const char *key);
void json_end_object(struct json *j);
void json_begin_array(struct json *j, const char *key);
void json_end_array(struct json *j);
void json_string(struct json *j, const char *key, const char *value);
void json_stringn(struct json *j, const char *key, const char *value,
    size_t len);
void json_number(struct json *j, const char *key, double value);
void json_int(struct json *j, const char *key, long value);
void json_bool(struct json *j, const char *key, bool value);
void json_null(struct json *j, const char *key);
/* Finish the document with a newline. */
void json_finish(struct json *j);

#endif
