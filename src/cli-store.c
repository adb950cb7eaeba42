/* cli-store.c — hms bookmarks and hms notes: export what the store keeps,
 * and merge a file into it (--import). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "content.h"
#include "i18n.h"
#include "output.h"
#include "store.h"
#include "util.h"

/* Say what the store has to say (a damaged file moved aside, read-only)
 * on stderr, once. */
void
cli_store_messages(struct store *st)
{
	char *m;

	while ((m = store_take_message(st)) != NULL) {
		fputs("hms: ", stderr);
		out_text(stderr, m);
		fputc('\n', stderr);
		free(m);
	}
}

/* Print the file format line by line: text lines keep their leading tab,
 * everything else is sanitised for a terminal. */
static void
cli_store_lines(FILE *f, const char *s)
{
	const char *nl;

	while (*s != '\0') {
		nl = strchr(s, '\n');
		if (nl == NULL)
			nl = s + strlen(s);
		if (*s == '\t') {
			fputc('\t', f);
			s++;
		}
		out_textn(f, s, (size_t)(nl - s));
		fputc('\n', f);
		s = *nl == '\n' ? nl + 1 : nl;
	}
}

/* "# 2 医療機器・ヘルスケア" above a record, or "# [orphan] …". */
static void
cli_store_comment(FILE *f, const struct content_entity *e)
{
	if (e == NULL) {
		fprintf(f, "# [orphan] %s\n", _("not in the content (kept)"));
		return;
	}
	fputs("# ", f);
	if (e->num != NULL) {
		out_text(f, e->num);
		fputc(' ', f);
	}
	out_text(f, e->title);
	fputc('\n', f);
}

/* One TSV field holding text of several lines: \n, \t and \\ escaped so
 * that a record stays on one line. */
static void
cli_store_tsv_text(FILE *f, const char *s)
{
	struct buf b;

	buf_init(&b);
	buf_reserve(&b, 0);
	for (; *s != '\0'; s++) {
		if (*s == '\n')
			buf_adds(&b, "\\n");
		else if (*s == '\t')
			buf_adds(&b, "\\t");
		else if (*s == '\\')
			buf_adds(&b, "\\\\");
		else
			buf_addc(&b, *s);
	}
	out_tsv_field(f, b.data);
	buf_free(&b);
}

static void
cli_store_tsv_entity(FILE *f, const char *id, const struct content_entity *e)
{
	out_tsv_field(f, id);
	fputc('\t', f);
	fputs(e != NULL ? content_type_name(e->type) : "orphan", f);
	fputc('\t', f);
	if (e != NULL)
		out_tsv_field(f, e->title);
}

static void
cli_store_json_entity(struct json *j, const char *id,
    const struct content_entity *e)
{
	json_string(j, "id", id);
	if (e != NULL) {
		json_string(j, "type", content_type_name(e->type));
		json_string(j, "title", e->title);
	} else {
		json_null(j, "type");
		json_null(j, "title");
	}
	json_bool(j, "orphan", e == NULL);
}

static int
cli_store_import(struct store *st, const char *path, bool notes)
{
	size_t added = 0, changed = 0;
	char *err = NULL;
	int rc;

	rc = notes ? store_import_notes(st, path, &added, &changed, &err) :
	    store_import_bookmarks(st, path, &added, &changed, &err);
	cli_store_messages(st);
	if (rc != 0) {
		fputs("hms: ", stderr);
		out_text(stderr, err);
		fputc('\n', stderr);
		free(err);
		return CLI_ERROR;
	}
	printf(notes ? _("%zu notes added, %zu merged from ") :
	    _("%zu bookmarks added, %zu relabelled from "), added, changed);
	out_text(stdout, path);
	fputc('\n', stdout);
	return CLI_FOUND;
}

int
cli_bookmarks(const struct content *c, const struct cli_opts *o,
    struct store *st)
{
	const struct store_bookmark *bm;
	const struct content_entity *e;
	struct json j;
	struct buf b;
	char t[32];
	size_t i, n;

	cli_store_messages(st);
	if (o->import != NULL)
		return cli_store_import(st, o->import, false);
	n = store_bookmark_count(st);
	if (o->format == OUTPUT_JSON) {
		json_init(&j, stdout);
		json_begin_array(&j, NULL);
	} else if (o->format == OUTPUT_TSV)
		fputs("id\ttype\ttitle\tlabel\tadded\n", stdout);
	else
		fputs(store_file_header("bookmarks"), stdout);
	buf_init(&b);
	for (i = 0; i < n; i++) {
		bm = store_bookmark_at(st, i);
		e = content_find(c, bm->id);
		store_format_time(bm->time, t, sizeof t);
		if (o->format == OUTPUT_JSON) {
			json_begin_object(&j, NULL);
			cli_store_json_entity(&j, bm->id, e);
			json_string(&j, "label", bm->label);
			json_string(&j, "added", t);
			json_end_object(&j);
		} else if (o->format == OUTPUT_TSV) {
			cli_store_tsv_entity(stdout, bm->id, e);
			fputc('\t', stdout);
			out_tsv_field(stdout, bm->label);
			printf("\t%s\n", t);
		} else {
			cli_store_comment(stdout, e);
			buf_reset(&b);
			store_bookmark_format(&b, bm);
			cli_store_lines(stdout, b.data);
		}
	}
	buf_free(&b);
	if (o->format == OUTPUT_JSON) {
		json_end_array(&j);
		json_finish(&j);
	}
	return n > 0 ? CLI_FOUND : CLI_NOTHING;
}

int
cli_notes(const struct content *c, const struct cli_opts *o,
    struct store *st)
{
	const struct store_note *nt;
	const struct content_entity *e;
	struct json j;
	struct buf b;
	char t[32];
	size_t i, k, n, shown = 0;

	cli_store_messages(st);
	if (o->import != NULL)
		return cli_store_import(st, o->import, true);
	n = store_note_count(st);
	if (o->format == OUTPUT_JSON) {
		json_init(&j, stdout);
		json_begin_array(&j, NULL);
	} else if (o->format == OUTPUT_TSV)
		fputs("id\ttype\ttitle\tversion\tupdated\ttext\tearlier\n",
		    stdout);
	else
		fputs(store_file_header("notes"), stdout);
	buf_init(&b);
	for (i = 0; i < n; i++) {
		nt = store_note_at(st, i);
		/* A deleted note keeps its earlier texts in the file only. */
		if (nt->text[0] == '\0')
			continue;
		shown++;
		e = content_find(c, nt->id);
		store_format_time(nt->time, t, sizeof t);
		if (o->format == OUTPUT_JSON) {
			json_begin_object(&j, NULL);
			cli_store_json_entity(&j, nt->id, e);
			json_int(&j, "version", nt->version);
			json_string(&j, "updated", t);
			json_string(&j, "text", nt->text);
			json_begin_array(&j, "earlier");
			for (k = 0; k < nt->nhist; k++) {
				json_begin_object(&j, NULL);
				json_int(&j, "version", nt->hist[k].version);
				store_format_time(nt->hist[k].time, t, sizeof t);
				json_string(&j, "time", t);
				json_string(&j, "kind",
				    store_was_name(nt->hist[k].kind));
				json_string(&j, "text", nt->hist[k].text);
				json_end_object(&j);
			}
			json_end_array(&j);
			json_end_object(&j);
		} else if (o->format == OUTPUT_TSV) {
			cli_store_tsv_entity(stdout, nt->id, e);
			printf("\t%d\t%s\t", nt->version, t);
			cli_store_tsv_text(stdout, nt->text);
			printf("\t%zu\n", nt->nhist);
		} else {
			cli_store_comment(stdout, e);
			buf_reset(&b);
			store_note_format(&b, nt);
			cli_store_lines(stdout, b.data);
		}
	}
	buf_free(&b);
	if (o->format == OUTPUT_JSON) {
		json_end_array(&j);
		json_finish(&j);
	}
	return shown > 0 ? CLI_FOUND : CLI_NOTHING;
}
