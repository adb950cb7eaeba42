/* cli.c — the non-interactive commands. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "compare.h"
#include "content-load.h"
#include "content.h"
#include "i18n.h"
#include "output.h"
#include "search.h"
#include "table-content.h"
#include "table.h"
#include "text.h"
#include "util.h"

/* ---- helpers ---- */

static int
cli_width(const struct cli_opts *o)
{
	struct winsize ws;

	if (o->width >= 0)
		return o->width;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

/* "7.9" for 7.9, "54" for 54, "600000": amounts as the sources print
 * them, never in exponent form. */
static void
cli_amount(char *buf, size_t sz, double v)
{
	table_format_number(buf, sz, v);
}

static void
cli_prov_str(struct buf *b, const struct content_prov *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i].source == NULL)
			continue;
		if (b->len > 0)
			buf_addc(b, ' ');
		if (p[i].first == p[i].last)
			buf_printf(b, "%s:%d", p[i].source->name, p[i].first);
		else
			buf_printf(b, "%s:%d-%d", p[i].source->name, p[i].first,
			    p[i].last);
	}
}

static char *
cli_prov(const struct content_prov *p, size_t n)
{
	struct buf b;

	buf_init(&b);
	cli_prov_str(&b, p, n);
	return buf_steal(&b);
}

static const char *
cli_basis(const struct content_link *l)
{
	return l->basis == CONTENT_BASIS_INFERRED ? _("inferred") : "";
}

/* ---- check ---- */

int
cli_check(const char *const *paths, int npaths, const char *bundled)
{
	struct content_diags d;
	struct content *c;
	const char *dflt[1] = { bundled };
	size_t i, t;

	content_diags_init(&d);
	if (npaths == 0) {
		paths = dflt;
		npaths = 1;
	}
	c = content_load_files(paths, (size_t)npaths, bundled, NULL, &d);
	for (i = 0; i < d.n; i++) {
		fputs("", stderr);
		out_text(stderr, d.v[i].file);
		if (d.v[i].line > 0)
			fprintf(stderr, ":%d", d.v[i].line);
		fputs(": ", stderr);
		out_text(stderr, d.v[i].message);
		fputc('\n', stderr);
	}
	if (c == NULL) {
		fprintf(stderr, _("hms: %zu problem(s) found\n"), d.n);
		content_diags_free(&d);
		return CLI_ERROR;
	}
	printf(_("content OK: %zu entities"), c->nentities);
	for (t = 0; t < CONTENT_TYPE_COUNT; t++) {
		if (c->ntype[t] > 0)
			printf("%s %zu %s", t == 0 ? ":" : ",", c->ntype[t],
			    content_type_name(t));
	}
	printf(_("; %zu sources\n"), c->nsources);
	content_free(c);
	content_diags_free(&d);
	return CLI_FOUND;
}

/* ---- show ---- */

static void
cli_show_value(FILE *f, const char *label, const struct content_value *v,
    const char *unit)
{
	char num[64];

	if (!v->present)
		return;
	fprintf(f, "%s: ", label);
	out_text(f, v->text);
	if (v->has_value) {
		cli_amount(num, sizeof num, v->value);
		fprintf(f, "  [%s", num);
		if (v->unit != NULL || unit != NULL) {
			fputc(' ', f);
			out_text(f, v->unit != NULL ? v->unit : unit);
		}
		fputc(']', f);
	}
	if (v->year != NULL)
		fprintf(f, "  (%s: %s)", _("year"), v->year);
	if (v->date != NULL)
		fprintf(f, "  (%s: %s)", _("as of"), v->date);
	fputc('\n', f);
}

static void
cli_show_budget(FILE *f, const struct content_budget *b, int indent)
{
	struct buf line;

	buf_init(&line);
	content_budget_format(&line, b);
	fprintf(f, "%*s", indent, "");
	out_text(f, line.data);
	buf_free(&line);
	if (b->prov != NULL) {
		char *p = cli_prov(b->prov, 1);
		fprintf(f, "  [%s]", p);
		free(p);
	}
	fputc('\n', f);
}

static void
cli_show_entity_ref(FILE *f, const struct content_entity *e)
{
	out_text(f, e->id);
	fputs("  ", f);
	if (e->num != NULL && e->type != CONTENT_SECTION) {
		out_text(f, e->num);
		fputc(' ', f);
	}
	out_text(f, e->title);
}

static void
cli_show_ancestors(FILE *f, const struct content_entity *e)
{
	const struct content_entity *chain[32];
	int n = 0, i;

	for (e = e->parent; e != NULL && n < 32; e = e->parent)
		chain[n++] = e;
	if (n == 0)
		return;
	fprintf(f, "%s: ", _("In"));
	for (i = n - 1; i >= 0; i--) {
		if (chain[i]->num != NULL) {
			out_text(f, chain[i]->num);
			fputc(' ', f);
		}
		out_text(f, chain[i]->title);
		if (i > 0)
			fputs(" › ", f);
	}
	fputc('\n', f);
}

static void
cli_show_milestones(FILE *f, const struct content_entity *e, int width)
{
	size_t i, col;
	bool any = false;

	for (col = 0; col < CONTENT_COL_COUNT; col++) {
		for (i = 0; i < e->nbacklinks; i++) {
			const struct content_link *l = e->backlinks[i];
			if (l->rel != CONTENT_REL_MEASURE ||
			    l->from->u.milestone.column != col)
				continue;
			if (!any)
				fprintf(f, "\n%s:\n", _("Milestones"));
			any = true;
			fprintf(f, "  [%s] ", content_column_label(col));
			out_text(f, l->from->id);
			fputc('\n', f);
			out_wrapped(f, l->from->title, strlen(l->from->title),
			    width, 4, false);
		}
	}
}

static void
cli_show_text(FILE *f, const struct content_entity *e, int width)
{
	size_t i;
	struct buf line;

	buf_init(&line);
	for (i = 0; i < e->nblocks; i++) {
		const struct content_block *b = &e->blocks[i];
		buf_reset(&line);
		if (b->kind == CONTENT_BLOCK_NOTE) {
			buf_printf(&line, "[%s%s%s] ",
			    b->note_kind == CONTENT_NOTE_INFERENCE ? _("inference") :
			    b->note_kind == CONTENT_NOTE_REPAIR ? _("repair") :
			    b->note_kind == CONTENT_NOTE_CAVEAT ? _("caveat") :
			    _("note"), b->lang != NULL ? ", " : "",
			    b->lang != NULL ? b->lang : "");
		} else if (b->mark != NULL) {
			buf_adds(&line, b->mark);
			/* Markers that are not punctuation read better with a
			 * space: (1), ※ and the like keep the text apart. */
			if (strcmp(b->mark, "・") != 0)
				buf_addc(&line, ' ');
		}
		buf_add(&line, b->t.text, b->t.len);
		out_wrapped(f, line.data, line.len, width,
		    b->kind == CONTENT_BLOCK_ITEM ? 2 * b->level : 0,
		    b->kind == CONTENT_BLOCK_ITEM);
	}
	buf_free(&line);
}

static void
cli_show_links(FILE *f, const struct content_entity *e, bool back)
{
	enum content_rel r;
	size_t i, n;
	struct content_link *const *v = back ? e->backlinks : e->links;
	size_t nv = back ? e->nbacklinks : e->nlinks;

	for (r = 0; r < CONTENT_REL_COUNT; r++) {
		/* Shown elsewhere: periods, milestones of a measure. */
		if (r == CONTENT_REL_PERIOD && back)
			continue;
		if (r == CONTENT_REL_MEASURE && back)
			continue;
		for (i = 0, n = 0; i < nv; i++) {
			if (v[i]->rel == r)
				n++;
		}
		if (n == 0)
			continue;
		fprintf(f, "%s (%zu):\n", content_rel_label(r, back), n);
		for (i = 0; i < nv; i++) {
			const struct content_link *l = v[i];
			const struct content_entity *other = back ? l->from : l->to;
			if (l->rel != r)
				continue;
			fputs("  ", f);
			if (r == CONTENT_REL_LINEAGE) {
				fprintf(f, "[%s] ",
				    content_lineage_name(l->lineage));
			}
			if (other != NULL)
				cli_show_entity_ref(f, other);
			else
				fputs(_("(new in this period)"), f);
			if (l->basis == CONTENT_BASIS_INFERRED)
				fprintf(f, "  (%s)", cli_basis(l));
			fputc('\n', f);
			if (l->note != NULL) {
				fputs("      ", f);
				out_text(f, l->note->text);
				fputc('\n', f);
			}
			if (l->note_en != NULL) {
				fputs("      ", f);
				out_text(f, l->note_en);
				fputc('\n', f);
			}
		}
	}
}

static void
cli_show_text_entity(FILE *f, const struct content_entity *e, int width)
{
	size_t i;
	char *p;

	out_text(f, e->id);
	fprintf(f, "  (%s)\n", content_type_label(e->type));
	if (e->num != NULL) {
		out_text(f, e->num);
		fputc(' ', f);
	}
	out_text(f, e->title);
	fputc('\n', f);
	if (e->title_en != NULL) {
		out_text(f, e->title_en);
		fputc('\n', f);
	}
	for (i = 0; i < e->naliases; i++) {
		fprintf(f, "%s: ", _("Also"));
		out_text(f, e->aliases[i]);
		fputc('\n', f);
	}
	cli_show_ancestors(f, e);
	if (e->period != 0)
		fprintf(f, "%s: %d\n", _("Period"), e->period);
	p = cli_prov(e->prov, e->nprov);
	fprintf(f, "%s: %s\n", _("Source"), p);
	free(p);

	switch (e->type) {
	case CONTENT_PERIOD:
		fprintf(f, "%s: FY%d–FY%d\n", _("Fiscal years"),
		    e->u.period.fy_start, e->u.period.fy_end);
		break;
	case CONTENT_PROJECT:
		fprintf(f, "%s: %s %d\n", _("Kind"), e->u.project.area ?
		    _("area (分野)") : _("integrated project (統合プロジェクト)"),
		    e->u.project.num);
		for (i = 0; i < e->u.project.ntotals; i++) {
			fprintf(f, "%s:\n", _("Budget total"));
			cli_show_budget(f, &e->u.project.totals[i], 2);
		}
		break;
	case CONTENT_MEASURE:
		if (e->u.measure.table != 0)
			fprintf(f, "%s: %d\n", _("Roadmap table"),
			    e->u.measure.table);
		if (e->u.measure.group != NULL) {
			fprintf(f, "%s: ", _("Group"));
			out_text(f, e->u.measure.group);
			fputc('\n', f);
		}
		break;
	case CONTENT_MILESTONE:
		fprintf(f, "%s: %s\n", _("Column"),
		    content_column_label(e->u.milestone.column));
		for (i = 0; i < e->u.milestone.nmeasures; i++) {
			if (e->u.milestone.measures[i] == NULL)
				continue;
			fprintf(f, "%s: ", _("Measure"));
			cli_show_entity_ref(f, e->u.milestone.measures[i]);
			fputc('\n', f);
		}
		break;
	case CONTENT_KPI:
		fprintf(f, "%s: %s\n", _("Kind"),
		    content_kpi_kind_label(e->u.kpi.kind));
		if (e->u.kpi.unit != NULL) {
			fprintf(f, "%s: ", _("Unit"));
			out_text(f, e->u.kpi.unit);
			fputc('\n', f);
		}
		cli_show_value(f, _("Baseline"), &e->u.kpi.baseline, e->u.kpi.unit);
		cli_show_value(f, _("Target"), &e->u.kpi.target, e->u.kpi.unit);
		cli_show_value(f, _("Latest"), &e->u.kpi.latest, e->u.kpi.unit);
		break;
	case CONTENT_PROGRAM:
		if (e->u.program.ministry != NULL) {
			fprintf(f, "%s: ", _("Ministry"));
			out_text(f, e->u.program.ministry->title);
			if (e->u.program.ministry->u.ministry.tag != NULL)
				out_text(f, e->u.program.ministry->u.ministry.tag);
			fputc('\n', f);
		}
		fprintf(f, "%s: %s\n", _("Kind"),
		    content_program_kind_name(e->u.program.kind));
		if (e->u.program.nbudgets > 0)
			fprintf(f, "%s:\n", _("Budgets (億円)"));
		for (i = 0; i < e->u.program.nbudgets; i++)
			cli_show_budget(f, &e->u.program.budgets[i], 2);
		break;
	case CONTENT_MINISTRY:
		if (e->u.ministry.tag != NULL) {
			fprintf(f, "%s: ", _("Tag"));
			out_text(f, e->u.ministry.tag);
			fputc('\n', f);
		}
		break;
	case CONTENT_TERM:
		fprintf(f, "%s: %s\n", _("Kind"),
		    content_term_kind_name(e->u.term.kind));
		if (e->u.term.nexpansions == 0)
			fprintf(f, "%s\n", _("Expansion: the sources give none."));
		for (i = 0; i < e->u.term.nexpansions; i++) {
			const struct content_expansion *x = &e->u.term.expansions[i];
			fprintf(f, "%s (%s): ", _("Expansion"),
			    x->lang != NULL ? x->lang : "?");
			out_text(f, x->text);
			if (x->prov != NULL) {
				p = cli_prov(x->prov, 1);
				fprintf(f, "  [%s]", p);
				free(p);
			}
			fputc('\n', f);
		}
		break;
	case CONTENT_SECTION:
	case CONTENT_DISEASE:
	case CONTENT_TYPE_COUNT:
		break;
	}

	if (e->type == CONTENT_MEASURE && e->u.measure.nstatuses > 0) {
		fprintf(f, "\n%s:\n", _("Progress (進捗状況)"));
		for (i = 0; i < e->u.measure.nstatuses; i++) {
			const struct content_status *s = &e->u.measure.statuses[i];
			struct buf b;
			buf_init(&b);
			buf_printf(&b, "(%s", s->asof != NULL ? s->asof : "?");
			if (s->ministry != NULL && s->ministry->u.ministry.tag)
				buf_printf(&b, " %s", s->ministry->u.ministry.tag);
			buf_adds(&b, ") ");
			buf_add(&b, s->t.text, s->t.len);
			out_wrapped(f, b.data, b.len, width, 2, false);
			buf_free(&b);
		}
	}
	if (e->nblocks > 0) {
		fputc('\n', f);
		cli_show_text(f, e, width);
	}
	if (e->nchildren > 0) {
		fprintf(f, "\n%s:\n", _("Contents"));
		for (i = 0; i < e->nchildren; i++) {
			fputs("  ", f);
			out_text(f, e->children[i]->id);
			fputs("  ", f);
			if (e->children[i]->num != NULL) {
				out_text(f, e->children[i]->num);
				fputc(' ', f);
			}
			out_text(f, e->children[i]->title);
			fputc('\n', f);
		}
	}
	if (e->type == CONTENT_MEASURE)
		cli_show_milestones(f, e, width);
	if (e->nlinks > 0) {
		fputc('\n', f);
		cli_show_links(f, e, false);
	}
	if (e->nbacklinks > 0) {
		fprintf(f, "\n%s\n", _("Referenced by:"));
		cli_show_links(f, e, true);
	}
}

static void
cli_json_prov(struct json *j, const char *key, const struct content_prov *p,
    size_t n)
{
	size_t i;

	json_begin_array(j, key);
	for (i = 0; i < n; i++) {
		if (p[i].source == NULL)
			continue;
		json_begin_object(j, NULL);
		json_string(j, "source", p[i].source->name);
		json_string(j, "file", p[i].source->file);
		json_int(j, "first", p[i].first);
		json_int(j, "last", p[i].last);
		json_end_object(j);
	}
	json_end_array(j);
}

static void
cli_json_value(struct json *j, const char *key, const struct content_value *v)
{
	if (!v->present)
		return;
	json_begin_object(j, key);
	json_string(j, "text", v->text);
	if (v->has_value)
		json_number(j, "value", v->value);
	if (v->unit != NULL)
		json_string(j, "unit", v->unit);
	if (v->year != NULL)
		json_string(j, "year", v->year);
	if (v->date != NULL)
		json_string(j, "date", v->date);
	json_end_object(j);
}

static void
cli_json_budget(struct json *j, const struct content_budget *b)
{
	json_begin_object(j, NULL);
	if (b->has_amount)
		json_number(j, "amount_oku_yen", b->amount);
	if (b->fy != 0)
		json_int(j, "fy", b->fy);
	json_string(j, "type", content_budget_type_name(b->type));
	json_bool(j, "draft", b->draft);
	json_bool(j, "restated", b->restated);
	json_bool(j, "within", b->within);
	json_bool(j, "counted", content_budget_counts(b));
	json_string(j, "text", b->text);
	if (b->prov != NULL)
		cli_json_prov(j, "provenance", b->prov, 1);
	json_end_object(j);
}

static void
cli_json_links(struct json *j, const char *key, struct content_link *const *v,
    size_t n, bool back)
{
	size_t i;

	json_begin_array(j, key);
	for (i = 0; i < n; i++) {
		const struct content_entity *other = back ? v[i]->from : v[i]->to;
		json_begin_object(j, NULL);
		json_string(j, "rel", content_rel_name(v[i]->rel));
		if (other != NULL) {
			json_string(j, "id", other->id);
			json_string(j, "title", other->title);
		} else
			json_null(j, "id");
		json_string(j, "basis", v[i]->basis == CONTENT_BASIS_INFERRED ?
		    "inferred" : "stated");
		if (v[i]->rel == CONTENT_REL_LINEAGE)
			json_string(j, "lineage",
			    content_lineage_name(v[i]->lineage));
		if (v[i]->note != NULL)
			json_string(j, "note", v[i]->note->text);
		if (v[i]->note_en != NULL)
			json_string(j, "note_en", v[i]->note_en);
		json_end_object(j);
	}
	json_end_array(j);
}

/* Write e as one JSON object into j. */
static void
cli_entity_json(struct json *jp, const struct content_entity *e)
{
#define j (*jp)
	size_t i;

	json_begin_object(&j, NULL);
	json_string(&j, "id", e->id);
	json_string(&j, "type", content_type_name(e->type));
	json_string(&j, "title", e->title);
	if (e->title_en != NULL)
		json_string(&j, "title_en", e->title_en);
	if (e->num != NULL)
		json_string(&j, "num", e->num);
	if (e->period != 0)
		json_int(&j, "period", e->period);
	if (e->parent != NULL)
		json_string(&j, "parent", e->parent->id);
	json_begin_array(&j, "aliases");
	for (i = 0; i < e->naliases; i++)
		json_string(&j, NULL, e->aliases[i]);
	json_end_array(&j);
	cli_json_prov(&j, "provenance", e->prov, e->nprov);
	switch (e->type) {
	case CONTENT_KPI:
		json_string(&j, "kind", content_kpi_kind_name(e->u.kpi.kind));
		if (e->u.kpi.unit != NULL)
			json_string(&j, "unit", e->u.kpi.unit);
		json_string(&j, "direction", e->u.kpi.down ? "down" : "up");
		cli_json_value(&j, "baseline", &e->u.kpi.baseline);
		cli_json_value(&j, "target", &e->u.kpi.target);
		cli_json_value(&j, "latest", &e->u.kpi.latest);
		break;
	case CONTENT_PROGRAM:
		json_string(&j, "kind",
		    content_program_kind_name(e->u.program.kind));
		if (e->u.program.ministry != NULL)
			json_string(&j, "ministry", e->u.program.ministry->id);
		json_begin_array(&j, "budgets");
		for (i = 0; i < e->u.program.nbudgets; i++)
			cli_json_budget(&j, &e->u.program.budgets[i]);
		json_end_array(&j);
		break;
	case CONTENT_PROJECT:
		json_int(&j, "number", e->u.project.num);
		json_string(&j, "kind", e->u.project.area ? "area" : "project");
		if (e->u.project.theme != NULL)
			json_string(&j, "theme", e->u.project.theme);
		json_begin_array(&j, "budget_totals");
		for (i = 0; i < e->u.project.ntotals; i++)
			cli_json_budget(&j, &e->u.project.totals[i]);
		json_end_array(&j);
		break;
	case CONTENT_MILESTONE:
		json_string(&j, "column",
		    content_column_name(e->u.milestone.column));
		json_begin_array(&j, "measures");
		for (i = 0; i < e->u.milestone.nmeasures; i++) {
			if (e->u.milestone.measures[i] != NULL)
				json_string(&j, NULL,
				    e->u.milestone.measures[i]->id);
		}
		json_end_array(&j);
		break;
	case CONTENT_MEASURE:
		if (e->u.measure.table != 0)
			json_int(&j, "table", e->u.measure.table);
		json_begin_array(&j, "statuses");
		for (i = 0; i < e->u.measure.nstatuses; i++) {
			const struct content_status *s = &e->u.measure.statuses[i];
			json_begin_object(&j, NULL);
			json_string(&j, "asof", s->asof);
			if (s->ministry != NULL)
				json_string(&j, "ministry", s->ministry->id);
			json_string(&j, "text", s->t.text);
			json_end_object(&j);
		}
		json_end_array(&j);
		break;
	case CONTENT_TERM:
		json_string(&j, "kind", content_term_kind_name(e->u.term.kind));
		json_begin_array(&j, "expansions");
		for (i = 0; i < e->u.term.nexpansions; i++) {
			json_begin_object(&j, NULL);
			json_string(&j, "lang", e->u.term.expansions[i].lang);
			json_string(&j, "text", e->u.term.expansions[i].text);
			json_end_object(&j);
		}
		json_end_array(&j);
		break;
	case CONTENT_PERIOD:
		json_int(&j, "fy_start", e->u.period.fy_start);
		json_int(&j, "fy_end", e->u.period.fy_end);
		break;
	case CONTENT_MINISTRY:
		if (e->u.ministry.tag != NULL)
			json_string(&j, "tag", e->u.ministry.tag);
		break;
	default:
		break;
	}
	json_begin_array(&j, "text");
	for (i = 0; i < e->nblocks; i++) {
		const struct content_block *b = &e->blocks[i];
		json_begin_object(&j, NULL);
		json_string(&j, "kind", b->kind == CONTENT_BLOCK_NOTE ? "note" :
		    b->kind == CONTENT_BLOCK_ITEM ? "item" : "paragraph");
		if (b->mark != NULL)
			json_string(&j, "mark", b->mark);
		if (b->lang != NULL)
			json_string(&j, "lang", b->lang);
		json_stringn(&j, "text", b->t.text, b->t.len);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_begin_array(&j, "children");
	for (i = 0; i < e->nchildren; i++)
		json_string(&j, NULL, e->children[i]->id);
	json_end_array(&j);
	cli_json_links(&j, "links", e->links, e->nlinks, false);
	cli_json_links(&j, "backlinks", e->backlinks, e->nbacklinks, true);
	json_end_object(&j);
#undef j
}

static void
cli_show_json(FILE *f, const struct content_entity *e)
{
	struct json j;

	json_init(&j, f);
	cli_entity_json(&j, e);
	json_finish(&j);
}

int
cli_show(const struct content *c, const struct cli_opts *o, const char *id)
{
	const struct content_entity *e = content_find(c, id);

	if (e == NULL) {
		fputs("hms: ", stderr);
		fprintf(stderr, _("no entity with id '%s'\n"), id);
		return CLI_NOTHING;
	}
	if (o->format == OUTPUT_JSON)
		cli_show_json(stdout, e);
	else
		cli_show_text_entity(stdout, e, cli_width(o));
	return CLI_FOUND;
}

/* ---- list ---- */

static void
cli_list_header(FILE *f, enum content_type t)
{
	fputs("id\ttype\ttitle\tperiod", f);
	switch (t) {
	case CONTENT_PROJECT:
		fputs("\tnumber\tkind\ttheme", f);
		break;
	case CONTENT_MILESTONE:
		fputs("\tcolumn\tmeasures", f);
		break;
	case CONTENT_SECTION:
		fputs("\tnum\tparent", f);
		break;
	case CONTENT_TERM:
		fputs("\tkind\texpansions", f);
		break;
	case CONTENT_MINISTRY:
		fputs("\ttag", f);
		break;
	default:
		break;
	}
	fputc('\n', f);
}

static void
cli_list_common(FILE *f, const struct content_entity *e)
{
	out_tsv_field(f, e->id);
	fputc('\t', f);
	fputs(content_type_name(e->type), f);
	fputc('\t', f);
	out_tsv_field(f, e->title);
	fputc('\t', f);
	if (e->period != 0)
		fprintf(f, "%d", e->period);
}

static void
cli_list_tsv(FILE *f, const struct content_entity *e)
{
	char *s;
	size_t i;

	cli_list_common(f, e);
	switch (e->type) {
	case CONTENT_PROJECT:
		fprintf(f, "\t%d\t%s\t", e->u.project.num,
		    e->u.project.area ? "area" : "project");
		out_tsv_field(f, e->u.project.theme);
		break;
	case CONTENT_MILESTONE:
		fprintf(f, "\t%s\t",
		    content_column_name(e->u.milestone.column));
		s = content_link_ids(e, CONTENT_REL_MEASURE, false);
		out_tsv_field(f, s);
		free(s);
		break;
	case CONTENT_SECTION:
		fputc('\t', f);
		out_tsv_field(f, e->num);
		fputc('\t', f);
		if (e->parent != NULL)
			out_tsv_field(f, e->parent->id);
		break;
	case CONTENT_TERM:
		fprintf(f, "\t%s\t", content_term_kind_name(e->u.term.kind));
		for (i = 0; i < e->u.term.nexpansions; i++) {
			if (i > 0)
				fputs(" | ", f);
			out_tsv_field(f, e->u.term.expansions[i].text);
		}
		break;
	case CONTENT_MINISTRY:
		fputc('\t', f);
		out_tsv_field(f, e->u.ministry.tag);
		break;
	default:
		break;
	}
	fputc('\n', f);
}

/* The types the interface shows as tables (KPIs, programs, measures)
 * print the very columns its export writes; NULL for the others. */
static struct table *
cli_content_table(enum content_type t, struct content_entity *const *v,
    size_t n)
{
	switch (t) {
	case CONTENT_KPI:
		return table_content_kpis(v, n);
	case CONTENT_PROGRAM:
		return table_content_programs(v, n);
	case CONTENT_MEASURE:
		return table_content_measures(v, n, false);
	default:
		return NULL;
	}
}

static size_t
cli_list_table(const struct content *c, const struct cli_opts *o,
    enum content_type t, bool *done)
{
	struct content_entity **v;
	struct table *tab;
	size_t i, n = 0;

	v = xcalloc(c->ntype[t] + 1, sizeof *v);
	for (i = 0; i < c->ntype[t]; i++) {
		if (o->period == 0 || c->by_type[t][i]->period == o->period)
			v[n++] = c->by_type[t][i];
	}
	*done = (tab = cli_content_table(t, v, n)) != NULL;
	if (tab != NULL)
		table_export(tab, stdout, TABLE_TSV);
	table_free(tab);
	free(v);
	return n;
}

int
cli_list(const struct content *c, const struct cli_opts *o, const char *type)
{
	int t = content_type_from_name(type);
	size_t i, n = 0;
	struct json j;
	bool done;

	if (t < 0) {
		fprintf(stderr, _("hms: unknown type '%s' (one of: period, "
		    "section, project, disease, measure, milestone, kpi, "
		    "program, ministry, term)\n"), type);
		return CLI_ERROR;
	}
	if (o->format == OUTPUT_TSV) {
		n = cli_list_table(c, o, (enum content_type)t, &done);
		if (done)
			return n > 0 ? CLI_FOUND : CLI_NOTHING;
	}
	if (o->format == OUTPUT_TSV)
		cli_list_header(stdout, (enum content_type)t);
	if (o->format == OUTPUT_JSON) {
		json_init(&j, stdout);
		json_begin_array(&j, NULL);
	}
	for (i = 0; i < c->ntype[t]; i++) {
		const struct content_entity *e = c->by_type[t][i];
		if (o->period != 0 && e->period != o->period)
			continue;
		n++;
		switch (o->format) {
		case OUTPUT_TSV:
			cli_list_tsv(stdout, e);
			break;
		case OUTPUT_JSON:
			cli_entity_json(&j, e);
			break;
		case OUTPUT_TEXT:
			cli_show_entity_ref(stdout, e);
			fputc('\n', stdout);
			break;
		}
	}
	if (o->format == OUTPUT_JSON) {
		json_end_array(&j);
		json_finish(&j);
	}
	return n > 0 ? CLI_FOUND : CLI_NOTHING;
}

/* ---- search ---- */

/* A snippet around the best match of a hit to show: the field's text cut
 * to about 60 cells around the match, the match marked with [ ].  A match
 * in the body shows it in context (the title is printed anyway); one in
 * the id is shown only when nothing else matched. */
static int
cli_snip_pref(enum search_field_kind k)
{
	switch (k) {
	case SEARCH_FIELD_ID:
		return 0;
	case SEARCH_FIELD_TITLE:
	case SEARCH_FIELD_TITLE_EN:
	case SEARCH_FIELD_ALIAS:
		return 1;
	default:
		return 2;
	}
}

static char *
cli_snippet(const struct search_hit *h, bool mark)
{
	struct search_field f, sf = { 0 };
	const struct search_match *m = NULL;
	size_t a, b, i;
	struct buf out;
	int cells, pref, best = -1;

	/* Matches are sorted by field: look each field up once. */
	for (i = 0; i < h->nmatches; i++) {
		if (i > 0 && h->matches[i].field == h->matches[i - 1].field)
			continue;
		if (search_field_get(h->entity, h->matches[i].field, &f) != 0)
			continue;
		pref = cli_snip_pref(f.kind);
		if (pref > best) {
			best = pref;
			m = &h->matches[i];
			sf = f;
		}
	}
	if (m == NULL)
		return xstrdup("");
	/* Up to about 20 cells of context before the match. */
	a = m->off;
	cells = 0;
	while (a > 0 && cells < 20) {
		size_t p = a - 1;
		while (p > 0 && ((unsigned char)sf.text[p] & 0xc0) == 0x80)
			p--;
		cells += text_width(sf.text + p, a - p);
		a = p;
	}
	b = m->off + m->len;
	cells = 0;
	while (b < sf.len && cells < 40) {
		size_t e = text_cluster_end(sf.text, sf.len, b);
		cells += text_width(sf.text + b, e - b);
		b = e;
	}
	buf_init(&out);
	if (a > 0)
		buf_adds(&out, "…");
	buf_add(&out, sf.text + a, m->off - a);
	if (mark)
		buf_addc(&out, '[');
	buf_add(&out, sf.text + m->off, m->len);
	if (mark)
		buf_addc(&out, ']');
	buf_add(&out, sf.text + m->off + m->len, b - (m->off + m->len));
	if (b < sf.len)
		buf_adds(&out, "…");
	return buf_steal(&out);
}

/* The index of c and the results of query in it; NULL after printing
 * the engine's message (a bad or too complex regex). */
static struct search_index *
cli_search_run(const struct content *c, const char *query,
    const struct search_opts *so, struct search_results *res)
{
	struct search_index *idx = search_index_build(c);
	char *err = NULL;

	if (search_run(idx, query, so, res, &err) != 0) {
		fputs("hms: ", stderr);
		out_text(stderr, err);
		fputc('\n', stderr);
		free(err);
		search_index_free(idx);
		return NULL;
	}
	return idx;
}

/* A query that finds fewer hits than this gets its near misses on
 * stderr ("did you mean: …"), after the hits it did find. */
#define CLI_SEARCH_FEW	3

static void
cli_search_suggest(struct search_index *idx, const char *query)
{
	char **v, *safe;
	size_t n, i;
	struct buf b;

	n = search_suggest(idx, query, 3, &v);
	if (n > 0) {
		buf_init(&b);
		for (i = 0; i < n; i++)
			buf_printf(&b, "%s%s", i > 0 ? ", " : "", v[i]);
		/* Names come from the content: sanitised like all output. */
		safe = text_sanitize(b.data, b.len);
		fprintf(stderr, _("did you mean: %s\n"), safe);
		free(safe);
		buf_free(&b);
	}
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int
cli_search(const struct content *c, const struct cli_opts *o,
    const char *query)
{
	struct search_index *idx;
	struct search_results res;
	struct search_opts so = {
		.regex = o->regex, .type = o->type, .period = o->period,
		.era = o->era, .fuzzy = o->fuzzy,
	};
	char *snip;
	size_t i;
	struct json j;
	int rc;

	if ((idx = cli_search_run(c, query, &so, &res)) == NULL)
		return CLI_ERROR;
	if (o->format == OUTPUT_JSON) {
		json_init(&j, stdout);
		json_begin_array(&j, NULL);
	}
	for (i = 0; i < res.nhits; i++) {
		const struct search_hit *h = &res.hits[i];
		snip = cli_snippet(h, o->format == OUTPUT_TEXT);
		switch (o->format) {
		case OUTPUT_TSV:
			out_tsv_field(stdout, h->entity->id);
			fprintf(stdout, "\t%s\t",
			    content_type_name(h->entity->type));
			out_tsv_field(stdout, h->entity->title);
			fputc('\t', stdout);
			out_tsv_field(stdout, snip);
			fputc('\n', stdout);
			break;
		case OUTPUT_JSON:
			json_begin_object(&j, NULL);
			json_string(&j, "id", h->entity->id);
			json_string(&j, "type", content_type_name(h->entity->type));
			json_string(&j, "title", h->entity->title);
			json_int(&j, "score", h->score);
			json_string(&j, "snippet", snip);
			json_end_object(&j);
			break;
		case OUTPUT_TEXT:
			out_text(stdout, h->entity->id);
			fputs("  ", stdout);
			out_text(stdout, h->entity->title);
			fputc('\n', stdout);
			if (snip[0] != '\0') {
				fputs("    ", stdout);
				out_text(stdout, snip);
				fputc('\n', stdout);
			}
			break;
		}
		free(snip);
	}
	if (o->format == OUTPUT_JSON) {
		json_end_array(&j);
		json_finish(&j);
	}
	rc = res.nhits > 0 ? CLI_FOUND : CLI_NOTHING;
	if (!o->regex && res.nhits < CLI_SEARCH_FEW)
		cli_search_suggest(idx, query);
	search_results_free(&res);
	search_index_free(idx);
	return rc;
}

/* ---- funds ---- */

struct cli_funds {
	const struct content_entity	**progs;
	const struct content_entity	**via;
	size_t				  n, cap;
};

static void
cli_funds_add(struct cli_funds *fu, const struct content_entity *p,
    const struct content_entity *via)
{
	size_t i;

	if (p == NULL || p->type != CONTENT_PROGRAM)
		return;
	for (i = 0; i < fu->n; i++) {
		if (fu->progs[i] == p)
			return;
	}
	util_grow(&fu->progs, &fu->cap, fu->n + 1, sizeof *fu->progs);
	fu->via = xreallocarray(fu->via, fu->cap, sizeof *fu->via);
	fu->progs[fu->n] = p;
	fu->via[fu->n] = via;
	fu->n++;
}

/* Programs that fund e: e itself, programs serving or belonging to it,
 * and for indirect entities the programs of what they point at. */
static void
cli_funds_of(struct cli_funds *fu, const struct content_entity *e,
    const struct content_entity *via, int depth)
{
	size_t i;

	if (e == NULL || depth > 2)
		return;
	if (e->type == CONTENT_PROGRAM) {
		cli_funds_add(fu, e, via);
		return;
	}
	for (i = 0; i < e->nbacklinks; i++) {
		const struct content_link *l = e->backlinks[i];
		if (l->from->type == CONTENT_PROGRAM &&
		    (l->rel == CONTENT_REL_SERVES ||
		    l->rel == CONTENT_REL_BELONGS_TO))
			cli_funds_add(fu, l->from, via);
	}
	for (i = 0; i < e->nlinks; i++) {
		const struct content_link *l = e->links[i];
		if (l->to == NULL)
			continue;
		if (l->to->type == CONTENT_PROGRAM &&
		    (l->rel == CONTENT_REL_MENTIONS))
			cli_funds_add(fu, l->to, via);
		/* A KPI or milestone is funded through its measure. */
		if ((e->type == CONTENT_KPI || e->type == CONTENT_MILESTONE) &&
		    (l->rel == CONTENT_REL_INDICATOR_OF ||
		    l->rel == CONTENT_REL_MEASURE))
			cli_funds_of(fu, l->to, via, depth + 1);
	}
	/* A section is funded through the measures that implement it. */
	if (e->type == CONTENT_SECTION) {
		for (i = 0; i < e->nbacklinks; i++) {
			const struct content_link *l = e->backlinks[i];
			if (l->rel == CONTENT_REL_IMPLEMENTS)
				cli_funds_of(fu, l->from, via, depth + 1);
		}
	}
}

static void
cli_funds_text(FILE *f, const struct content_entity *p,
    const struct content_entity *via, int width)
{
	size_t i;

	cli_show_entity_ref(f, p);
	fputc('\n', f);
	if (p->u.program.ministry != NULL) {
		fputs("  ", f);
		out_text(f, p->u.program.ministry->title);
		if (p->u.program.ministry->u.ministry.tag != NULL)
			out_text(f, p->u.program.ministry->u.ministry.tag);
		fputc('\n', f);
	}
	for (i = 0; i < p->u.program.nbudgets; i++)
		cli_show_budget(f, &p->u.program.budgets[i], 2);
	for (i = 0; i < p->nlinks; i++) {
		const struct content_link *l = p->links[i];
		if (l->to == NULL || (l->rel != CONTENT_REL_SERVES &&
		    l->rel != CONTENT_REL_BELONGS_TO))
			continue;
		fprintf(f, "  %s: ", content_rel_label(l->rel, false));
		cli_show_entity_ref(f, l->to);
		if (l->basis == CONTENT_BASIS_INFERRED)
			fprintf(f, "  (%s)", cli_basis(l));
		fputc('\n', f);
	}
	if (via != NULL && via != p) {
		fprintf(f, "  %s: ", _("found via"));
		cli_show_entity_ref(f, via);
		fputc('\n', f);
	}
	(void)width;
}

int
cli_funds(const struct content *c, const struct cli_opts *o, const char *query)
{
	struct search_index *idx;
	struct search_results res;
	struct search_opts so = {
		.regex = o->regex, .type = -1, .period = o->period,
		.era = o->era,
	};
	struct cli_funds fu = { 0 };
	size_t i, k;
	struct json j;
	int rc;

	if ((idx = cli_search_run(c, query, &so, &res)) == NULL)
		return CLI_ERROR;
	for (i = 0; i < res.nhits; i++)
		cli_funds_of(&fu, res.hits[i].entity, res.hits[i].entity, 0);
	if (o->format == OUTPUT_TSV) {
		/* The programs table's rows: one per budget line, the same
		 * columns as hms list program --format tsv. */
		struct table *tab = table_content_programs(
		    (struct content_entity *const *)fu.progs, fu.n);
		table_export(tab, stdout, TABLE_TSV);
		table_free(tab);
	}
	if (o->format == OUTPUT_JSON) {
		json_init(&j, stdout);
		json_begin_array(&j, NULL);
	}
	for (i = 0; i < fu.n; i++) {
		const struct content_entity *p = fu.progs[i];
		switch (o->format) {
		case OUTPUT_TSV:
			break;
		case OUTPUT_JSON:
			json_begin_object(&j, NULL);
			json_string(&j, "id", p->id);
			json_string(&j, "title", p->title);
			if (p->u.program.ministry != NULL)
				json_string(&j, "ministry",
				    p->u.program.ministry->id);
			json_begin_array(&j, "budgets");
			for (k = 0; k < p->u.program.nbudgets; k++)
				cli_json_budget(&j, &p->u.program.budgets[k]);
			json_end_array(&j);
			cli_json_links(&j, "links", p->links, p->nlinks, false);
			if (fu.via[i] != NULL)
				json_string(&j, "found_via", fu.via[i]->id);
			json_end_object(&j);
			break;
		case OUTPUT_TEXT:
			if (i > 0)
				fputc('\n', stdout);
			cli_funds_text(stdout, p, fu.via[i], cli_width(o));
			break;
		}
	}
	if (o->format == OUTPUT_JSON) {
		json_end_array(&j);
		json_finish(&j);
	}
	rc = fu.n > 0 ? CLI_FOUND : CLI_NOTHING;
	free(fu.progs);
	free(fu.via);
	search_results_free(&res);
	search_index_free(idx);
	return rc;
}

/* ---- compare ---- */

int
cli_compare(const struct content *c, const struct cli_opts *o,
    const char *topic)
{
	struct compare *cmp;
	int t = -1;

	if (topic != NULL && (t = compare_topic_from_name(topic)) < 0) {
		fprintf(stderr, _("hms: unknown topic '%s' (projects, diseases, "
		    "policies or goals)\n"), topic);
		return CLI_ERROR;
	}
	cmp = compare_build(c);
	compare_write(stdout, cmp, t, o->format, cli_width(o));
	compare_free(cmp);
	return CLI_FOUND;
}
