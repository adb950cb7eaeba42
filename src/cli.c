/* cli.c — the non-interactive commands. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "chart.h"
#include "cli.h"
#include "compare.h"
#include "content-load.h"
#include "content.h"
#include "figures.h"
#include "funds.h"
#include "i18n.h"
#include "output.h"
#include "search.h"
#include "store.h"
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
	figures_budget_format(&line, b);
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

/* The backlinks show lists: all but periods and a measure's milestones. */
static size_t
cli_shown_backlinks(const struct content_entity *e)
{
	size_t i, n = 0;

	for (i = 0; i < e->nbacklinks; i++)
		if (e->backlinks[i]->rel != CONTENT_REL_PERIOD &&
		    e->backlinks[i]->rel != CONTENT_REL_MEASURE)
			n++;
	return n;
}

static void
cli_show_links(FILE *f, const struct content_entity *e, bool back,
    const char *ind)
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
		fprintf(f, "%s%s (%zu):\n", ind, content_rel_label(r, back), n);
		for (i = 0; i < nv; i++) {
			const struct content_link *l = v[i];
			const struct content_entity *other = back ? l->from : l->to;
			if (l->rel != r)
				continue;
			fputs(ind, f);
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
				fputs(ind, f);
				fputs("      ", f);
				out_text(f, l->note->text);
				fputc('\n', f);
			}
			if (l->note_en != NULL) {
				fputs(ind, f);
				fputs("      ", f);
				out_text(f, l->note_en);
				fputc('\n', f);
			}
		}
	}
}

/* A program's projects, each with its basis: "~" and the reason for an
 * inference, so that a reader never takes one for a stated fact. */
static void
cli_show_projects(FILE *f, const struct content_entity *p)
{
	struct figures_assign as[64];
	char why[512];
	size_t i, n = figures_program_projects(p, as, HMS_NELEM(as));

	if (n > 0)
		fprintf(f, "%s:\n", _("Projects"));
	for (i = 0; i < n; i++) {
		fputs(as[i].basis == CONTENT_BASIS_INFERRED ? "  ~ " : "    ", f);
		cli_show_entity_ref(f, as[i].project);
		fprintf(f, "  (%s: ", as[i].basis == CONTENT_BASIS_INFERRED ?
		    _("inferred") : _("stated"));
		out_text(f, figures_assign_reason(why, sizeof why, &as[i]));
		fputs(")\n", f);
	}
}

/* What the programs of a project or ministry add up to, as hms budget ID
 * gives it (figures.h). */
static void
cli_show_programs_total(FILE *f, const struct content *c,
    const struct content_entity *e)
{
	const struct figures_group *k;
	struct figures_groups g;
	struct buf b;

	if ((k = figures_group_of(c, e, &g)) != NULL) {
		buf_init(&b);
		figures_group_format(&b, k);
		fprintf(f, "%s: ", _("Its programs' budgets"));
		out_text(f, b.data);
		fputc('\n', f);
		buf_free(&b);
	}
	figures_groups_free(&g);
}

/* A program's ministry with its tag; one read from a mark says so, with
 * the reason, so that it never reads as a stated fact. */
static void
cli_ministry(FILE *f, const struct content_entity *p)
{
	const struct content_entity *m = p->u.program.ministry;
	const struct content_link *l = figures_ministry_link(p);

	out_text(f, m->title);
	if (m->u.ministry.tag != NULL)
		out_text(f, m->u.ministry.tag);
	if (l != NULL && l->basis == CONTENT_BASIS_INFERRED) {
		fprintf(f, "  ~(%s: ", _("inferred"));
		out_text(f, l->note != NULL ? l->note->text : l->note_en !=
		    NULL ? l->note_en : _("our reading of the sources"));
		fputc(')', f);
	}
}

/* The reader's own note, as the interface shows it near the top of
 * the page: a heading, then its lines as written. */
static void
cli_show_note(FILE *f, const char *note)
{
	const char *nl;

	if (note == NULL || *note == '\0')
		return;
	fprintf(f, "%s\n", _("Your note:"));
	for (; *note != '\0'; note = *nl != '\0' ? nl + 1 : nl) {
		nl = strchr(note, '\n');
		if (nl == NULL)
			nl = note + strlen(note);
		fputs("  ", f);
		out_textn(f, note, (size_t)(nl - note));
		fputc('\n', f);
	}
}

static void
cli_show_text_entity(FILE *f, const struct content *c,
    const struct content_entity *e, int width, const char *note)
{
	struct figures_milestone st;
	size_t i, n;
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
	cli_show_note(f, note);

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
		cli_show_programs_total(f, c, e);
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
			/* As the roadmap grid and the page show it. */
			figures_milestone_status(e->u.milestone.measures[i], e,
			    &st);
			fprintf(f, "  %s: %c %s%s; ", _("Status"),
			    figures_progress_letter(st.progress, st.basis),
			    figures_progress_label(st.progress),
			    st.report != NULL ? " ~" : "");
			out_text(f, st.reason);
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
		cli_show_value(f, _("Baseline"), &e->u.kpi.v->baseline, e->u.kpi.unit);
		cli_show_value(f, _("Target"), &e->u.kpi.v->target, e->u.kpi.unit);
		cli_show_value(f, _("Latest"), &e->u.kpi.v->latest, e->u.kpi.unit);
		{
			/* The verdict and how it was decided, as every
			 * other screen gives it (figures.h). */
			struct figures_kpi v;
			figures_kpi_judge(c, e, &v);
			fprintf(f, "%s: %s  ", _("Status"),
			    figures_verdict_label(v.verdict));
			out_text(f, v.explain);
			fputc('\n', f);
			/* Baseline → latest → target as a line, '|'
			 * where it should be by now (chart.h). */
			if (v.has_progress) {
				struct buf pl;
				buf_init(&pl);
				chart_kpi_line(&pl, e, &v, (width > 0 ? width :
				    80) - 2 - text_width(_("Progress"),
				    strlen(_("Progress"))));
				fprintf(f, "%s: ", _("Progress"));
				out_text(f, pl.data);
				fputc('\n', f);
				buf_free(&pl);
			}
		}
		break;
	case CONTENT_PROGRAM:
		if (e->u.program.ministry != NULL) {
			fprintf(f, "%s: ", _("Ministry"));
			cli_ministry(f, e);
			fputc('\n', f);
		}
		fprintf(f, "%s: %s\n", _("Kind"),
		    content_program_kind_name(e->u.program.kind));
		if (e->u.program.nbudgets > 0)
			fprintf(f, "%s:\n", _("Budgets (億円)"));
		for (i = 0; i < e->u.program.nbudgets; i++)
			cli_show_budget(f, &e->u.program.budgets[i], 2);
		cli_show_projects(f, e);
		break;
	case CONTENT_MINISTRY:
		if (e->u.ministry.tag != NULL) {
			fprintf(f, "%s: ", _("Tag"));
			out_text(f, e->u.ministry.tag);
			fputc('\n', f);
		}
		cli_show_programs_total(f, c, e);
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
		cli_show_links(f, e, false, "");
	}
	/* The groups it is referenced by, under one heading that counts
	 * what is listed (periods and milestones are shown elsewhere); no
	 * heading over nothing. */
	if ((n = cli_shown_backlinks(e)) > 0) {
		fprintf(f, "\n%s (%zu):\n", _("Referenced by"), n);
		cli_show_links(f, e, true, "  ");
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
		/* An inference keeps its reason beside it; a stated link
		 * its source lines. */
		if (v[i]->basis == CONTENT_BASIS_INFERRED)
			json_string(j, "reason", v[i]->note != NULL ?
			    v[i]->note->text : v[i]->note_en != NULL ?
			    v[i]->note_en : _("our reading of the sources"));
		else if (v[i]->prov != NULL && v[i]->prov->source != NULL)
			cli_json_prov(j, "source", v[i]->prov, 1);
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
/* The projects a program is assigned to, each with its basis and, for
 * an inference, the reason (figures.h). */
static void
cli_json_projects(struct json *j, const struct content_entity *p)
{
	struct figures_assign as[64];
	char why[512];
	size_t i, n = figures_program_projects(p, as, HMS_NELEM(as));

	json_begin_array(j, "projects");
	for (i = 0; i < n; i++) {
		json_begin_object(j, NULL);
		json_string(j, "id", as[i].project->id);
		json_string(j, "basis", as[i].basis == CONTENT_BASIS_INFERRED ?
		    "inferred" : "stated");
		json_string(j, "reason", figures_assign_reason(why, sizeof why,
		    &as[i]));
		json_end_object(j);
	}
	json_end_array(j);
}

static void
cli_entity_json(struct json *jp, const struct content *c,
    const struct content_entity *e)
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
		cli_json_value(&j, "baseline", &e->u.kpi.v->baseline);
		cli_json_value(&j, "target", &e->u.kpi.v->target);
		cli_json_value(&j, "latest", &e->u.kpi.v->latest);
		{
			struct figures_kpi v;
			figures_kpi_judge(c, e, &v);
			json_string(&j, "status", figures_verdict_name(v.verdict));
			if (v.reason != NULL)
				json_string(&j, "status_reason", v.reason);
			json_string(&j, "status_explain", v.explain);
			if (v.has_progress)
				json_number(&j, "progress", v.progress);
			if (v.has_expected)
				json_number(&j, "expected", v.expected);
		}
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
		cli_json_projects(&j, e);
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
		/* Its status in each measure's row, as the roadmap shows
		 * it: the basis and the reason beside it. */
		json_begin_array(&j, "statuses");
		for (i = 0; i < e->u.milestone.nmeasures; i++) {
			struct figures_milestone st;
			if (e->u.milestone.measures[i] == NULL)
				continue;
			figures_milestone_status(e->u.milestone.measures[i], e,
			    &st);
			json_begin_object(&j, NULL);
			json_string(&j, "measure", e->u.milestone.measures[i]->id);
			json_string(&j, "status",
			    figures_progress_name(st.progress));
			if (st.report != NULL) {
				json_string(&j, "basis", st.basis ==
				    CONTENT_BASIS_INFERRED ? "inferred" : "stated");
				json_string(&j, "asof", st.report->asof);
			}
			json_string(&j, "reason", st.reason);
			json_end_object(&j);
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
cli_show_json(FILE *f, const struct content *c, const struct content_entity *e)
{
	struct json j;

	json_init(&j, f);
	cli_entity_json(&j, c, e);
	json_finish(&j);
}

int
cli_show(const struct content *c, const struct cli_opts *o, const char *id)
{
	const struct content_entity *e = content_find(c, id);
	const char *note;
	char *text = NULL;
	size_t len = 0;
	FILE *mf;
	int width;

	if (e == NULL) {
		fputs("hms: ", stderr);
		fprintf(stderr, _("no entity with id '%s'\n"), id);
		return CLI_NOTHING;
	}
	if (o->format == OUTPUT_JSON) {
		cli_show_json(stdout, c, e);
		return CLI_FOUND;
	}
	note = o->store != NULL ? store_note_text(o->store, e->id) : NULL;
	width = cli_width(o);
	/* The body is wrapped as it is written; every other line (headers,
	 * relations, sources) is wrapped afterwards by the same rules, so
	 * that no line is wider than asked. */
	if (width <= 0 || (mf = open_memstream(&text, &len)) == NULL) {
		cli_show_text_entity(stdout, c, e, width, note);
		return CLI_FOUND;
	}
	cli_show_text_entity(mf, c, e, width, note);
	fclose(mf);
	out_rewrap(stdout, text, len, width);
	free(text);
	return CLI_FOUND;
}

/* ---- list ---- */

static void
cli_list_header(FILE *f, enum content_type t)
{
	fputs("id\ttype\ttitle\tperiod", f);
	switch (t) {
	case CONTENT_PERIOD:
		fputs("\tfy_start\tfy_end", f);
		break;
	case CONTENT_PROJECT:
		fputs("\tnumber\tkind\ttheme", f);
		break;
	case CONTENT_MILESTONE:
		fputs("\tcolumn\tmeasures\tstatus\tstatus_basis", f);
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

/* A milestone's status in the row of each of its measures, in the order
 * of the measures column, as the roadmap grid shows them: "in-progress
 * done", and their basis ("inferred", or "none" without a report). */
static void
cli_list_milestone_status(FILE *f, const struct content_entity *e)
{
	struct figures_milestone st;
	struct buf status, basis;
	size_t i;

	buf_init(&status);
	buf_init(&basis);
	for (i = 0; i < e->nlinks; i++) {
		const struct content_link *l = e->links[i];
		if (l->rel != CONTENT_REL_MEASURE || l->to == NULL)
			continue;
		figures_milestone_status(l->to, e, &st);
		buf_printf(&status, "%s%s", status.len > 0 ? " " : "",
		    figures_progress_name(st.progress));
		buf_printf(&basis, "%s%s", basis.len > 0 ? " " : "",
		    st.report == NULL ? "none" : st.basis ==
		    CONTENT_BASIS_INFERRED ? "inferred" : "stated");
	}
	fprintf(f, "\t%s\t%s", status.len > 0 ? status.data : "",
	    basis.len > 0 ? basis.data : "");
	buf_free(&status);
	buf_free(&basis);
}

static void
cli_list_tsv(FILE *f, const struct content_entity *e)
{
	char *s;
	size_t i;

	cli_list_common(f, e);
	switch (e->type) {
	case CONTENT_PERIOD:
		fprintf(f, "\t%d\t%d", e->u.period.fy_start,
		    e->u.period.fy_end);
		break;
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
		cli_list_milestone_status(f, e);
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
cli_content_table(const struct content *c, enum content_type t,
    struct content_entity *const *v, size_t n)
{
	switch (t) {
	case CONTENT_KPI:
		return table_content_kpis(c, v, n);
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
	*done = (tab = cli_content_table(c, t, v, n)) != NULL;
	if (tab != NULL)
		table_export(tab, stdout, o->format == OUTPUT_CSV ? TABLE_CSV :
		    TABLE_TSV);
	table_free(tab);
	free(v);
	return n;
}

int
cli_list(const struct content *c, const struct cli_opts *o, const char *type)
{
	int t = type != NULL ? content_type_from_name(type) : -1;
	size_t i, n = 0;
	struct json j;
	bool done;

	/* For completion: fast, plain, one line per entity. */
	if (o->ids) {
		for (i = 0; i < c->nentities; i++) {
			const struct content_entity *e = c->entities[i];
			if ((type != NULL && (int)e->type != t) ||
			    (o->period != 0 && e->period != o->period))
				continue;
			out_tsv_field(stdout, e->id);
			fputc('\t', stdout);
			out_tsv_field(stdout, e->title);
			fputc('\n', stdout);
			n++;
		}
		if (type != NULL && t < 0)
			goto unknown;
		return n > 0 ? CLI_FOUND : CLI_NOTHING;
	}
	if (t < 0) {
unknown:
		fprintf(stderr, _("hms: unknown type '%s' (one of: period, "
		    "section, project, disease, measure, milestone, kpi, "
		    "program, ministry, term)\n"), type);
		return CLI_ERROR;
	}
	if (o->format == OUTPUT_TSV || o->format == OUTPUT_CSV) {
		n = cli_list_table(c, o, (enum content_type)t, &done);
		if (done)
			return n > 0 ? CLI_FOUND : CLI_NOTHING;
	}
	/* The other types: their TSV columns, as CSV records. */
	if (o->format == OUTPUT_CSV) {
		char *mem = NULL;
		size_t memlen = 0;
		FILE *m = open_memstream(&mem, &memlen);
		if (m == NULL) {
			perror("hms");
			return CLI_ERROR;
		}
		cli_list_header(m, (enum content_type)t);
		for (i = 0; i < c->ntype[t]; i++) {
			const struct content_entity *e = c->by_type[t][i];
			if (o->period != 0 && e->period != o->period)
				continue;
			n++;
			cli_list_tsv(m, e);
		}
		fclose(m);
		out_tsv_as_csv(stdout, mem, memlen);
		free(mem);
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
		case OUTPUT_CSV:
			cli_list_tsv(stdout, e);
			break;
		case OUTPUT_JSON:
			cli_entity_json(&j, c, e);
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
	int pref, best = -1;

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
	/* About 20 cells of context before the match, 40 after. */
	text_context(sf.text, sf.len, m->off, m->len, 20, 40, &a, &b);
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
	/* A spreadsheet names its columns. */
	if (o->format == OUTPUT_CSV)
		fputs("id,type,title,snippet\r\n", stdout);
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
		case OUTPUT_CSV:
			out_csv_field(stdout, h->entity->id);
			fputc(',', stdout);
			out_csv_field(stdout,
			    content_type_name(h->entity->type));
			fputc(',', stdout);
			out_csv_field(stdout, h->entity->title);
			fputc(',', stdout);
			out_csv_field(stdout, snip);
			fputs("\r\n", stdout);
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

static void
cli_funds_text(FILE *f, const struct content_entity *p,
    const struct content_entity *via, int width)
{
	size_t i;

	cli_show_entity_ref(f, p);
	fputc('\n', f);
	if (p->u.program.ministry != NULL) {
		fputs("  ", f);
		cli_ministry(f, p);
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

/* The group heading of hms funds: the project the next programs serve. */
static void
cli_funds_group(FILE *f, const struct content_entity *g)
{
	fputs("== ", f);
	if (g != NULL)
		cli_show_entity_ref(f, g);
	else
		fputs(_("(no project)"), f);
	fputc('\n', f);
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
	struct funds fu = { 0 };
	struct figures_sum sum;
	struct buf b;
	size_t i, k;
	struct json j;
	int rc;

	if ((idx = cli_search_run(c, query, &so, &res)) == NULL)
		return CLI_ERROR;
	funds_collect(&fu, &res);
	if (o->format == OUTPUT_TSV || o->format == OUTPUT_CSV) {
		/* The programs table's rows: one per budget line, the same
		 * columns as hms list program --format tsv. */
		struct content_entity **v = xcalloc(fu.n + 1, sizeof *v);
		struct table *tab;
		for (i = 0; i < fu.n; i++)
			v[i] = (struct content_entity *)fu.v[i].program;
		tab = table_content_programs(v, fu.n);
		table_export(tab, stdout, o->format == OUTPUT_CSV ?
		    TABLE_CSV : TABLE_TSV);
		table_free(tab);
		free(v);
	}
	if (o->format == OUTPUT_JSON) {
		json_init(&j, stdout);
		json_begin_array(&j, NULL);
	}
	figures_sum_init(&sum);
	for (i = 0; i < fu.n; i++) {
		const struct content_entity *p = fu.v[i].program;
		figures_sum_add_program(&sum, p);
		switch (o->format) {
		case OUTPUT_TSV:
		case OUTPUT_CSV:
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
			cli_json_projects(&j, p);
			cli_json_links(&j, "links", p->links, p->nlinks, false);
			if (fu.v[i].via != NULL)
				json_string(&j, "found_via", fu.v[i].via->id);
			json_end_object(&j);
			break;
		case OUTPUT_TEXT:
			if (i == 0 || fu.v[i].group != fu.v[i - 1].group) {
				if (i > 0)
					fputc('\n', stdout);
				cli_funds_group(stdout, fu.v[i].group);
			}
			fputc('\n', stdout);
			cli_funds_text(stdout, p, fu.v[i].via, cli_width(o));
			break;
		}
	}
	figures_sum_finish(&sum);
	if (o->format == OUTPUT_JSON) {
		json_end_array(&j);
		json_finish(&j);
	}
	if (o->format == OUTPUT_TEXT && fu.n > 0) {
		/* The total of what was listed, by the rules every total
		 * follows (figures.h). */
		buf_init(&b);
		figures_sum_format(&b, &sum);
		fprintf(stdout, "\n%s: ", _("Total"));
		out_text(stdout, b.data);
		fputc('\n', stdout);
		buf_free(&b);
	}
	figures_sum_free(&sum);
	rc = fu.n > 0 ? CLI_FOUND : CLI_NOTHING;
	funds_free(&fu);
	search_results_free(&res);
	search_index_free(idx);
	return rc;
}

/* ---- budget ---- */

/* One record of fields as TSV or CSV (RFC 4180: CRLF after each). */
static void
cli_row(FILE *f, enum output_format fmt, const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputc(fmt == OUTPUT_CSV ? ',' : '\t', f);
		if (fmt == OUTPUT_CSV)
			out_csv_field(f, v[i] != NULL ? v[i] : "");
		else
			out_tsv_field(f, v[i]);
	}
	fputs(fmt == OUTPUT_CSV ? "\r\n" : "\n", f);
}

/* The totals a source states for a group (a project's budget-total) that
 * match a bucket's year and type, checked against hms's own sum. */
static void
cli_budget_stated_text(FILE *f, const struct content_entity *g,
    const struct figures_bucket *k)
{
	char num[64];
	size_t i;

	if (g == NULL || g->type != CONTENT_PROJECT)
		return;
	for (i = 0; i < g->u.project.ntotals; i++) {
		const struct content_budget *t = &g->u.project.totals[i];
		if (!t->has_amount || t->type != k->type || t->fy != k->fy)
			continue;
		figures_amount(num, sizeof num, t->amount, t->decimals);
		fprintf(f, "      %s %s億円", _("the source states"), num);
		if (t->prov != NULL && t->prov->source != NULL)
			fprintf(f, " [%s:%d-%d]", t->prov->source->name,
			    t->prov->first, t->prov->last);
		/* Rule 5: a difference is a content error, not rounding. */
		fprintf(f, ": %s\n", fabs(t->amount - k->amount) < 1e-6 ?
		    _("the same as the sum") : _("DIFFERS from the sum"));
	}
}

static void
cli_budget_text(FILE *f, const struct figures_group *g, enum figures_by by,
    bool first)
{
	struct buf b;
	size_t i;

	if (!first)
		fputc('\n', f);
	if (g->entity != NULL)
		cli_show_entity_ref(f, g->entity);
	else
		fputs(by == FIGURES_BY_MINISTRY ? _("(no ministry stated)") :
		    _("(no project)"), f);
	fputc('\n', f);
	buf_init(&b);
	for (i = 0; i < g->sum.nbuckets; i++) {
		const struct figures_bucket *k = &g->sum.buckets[i];
		buf_reset(&b);
		figures_bucket_format(&b, k);
		fputs("  ", f);
		out_text(f, b.data);
		if (k->lines > 0)
			fprintf(f, ngettext("  %zu program", "  %zu programs",
			    k->programs), k->programs);
		fputc('\n', f);
		cli_budget_stated_text(f, g->entity, k);
	}
	if (g->sum.programs_unstated > 0) {
		fputs("  ", f);
		fprintf(f, ngettext("%zu program without a stated amount",
		    "%zu programs without a stated amount",
		    g->sum.programs_unstated), g->sum.programs_unstated);
		fputc('\n', f);
	}
	if (g->sum.restated > 0 || g->sum.within > 0) {
		fputs("  ", f);
		fprintf(f, _("not added again: %zu 再掲, %zu の内数"),
		    g->sum.restated, g->sum.within);
		fputc('\n', f);
	}
	if (g->ninferred > 0) {
		fprintf(f, "  ~ %s (%zu):", _("placed here by inference"),
		    g->ninferred);
		for (i = 0; i < g->ninferred; i++)
			fprintf(f, " %s", g->inferred[i]->id);
		fputc('\n', f);
	}
	buf_free(&b);
}

static void
cli_budget_json(struct json *j, const struct figures_group *g)
{
	size_t i;

	json_begin_object(j, NULL);
	if (g->entity != NULL) {
		json_string(j, "group", g->entity->id);
		json_string(j, "title", g->entity->title);
	} else
		json_null(j, "group");
	json_begin_array(j, "totals");
	for (i = 0; i < g->sum.nbuckets; i++) {
		const struct figures_bucket *k = &g->sum.buckets[i];
		json_begin_object(j, NULL);
		if (k->fy != 0)
			json_int(j, "fy", k->fy);
		else
			json_null(j, "fy");
		json_string(j, "budget_type",
		    content_budget_type_name(k->type));
		if (k->lines > 0)
			json_number(j, "total_oku_yen", k->amount);
		else
			json_null(j, "total_oku_yen");
		json_int(j, "programs_summed", (long)k->programs);
		json_int(j, "programs_unstated", (long)k->unstated);
		json_int(j, "proposals", (long)k->proposals);
		json_end_object(j);
	}
	json_end_array(j);
	json_int(j, "programs_without_amount", (long)g->sum.programs_unstated);
	json_int(j, "restated_not_added", (long)g->sum.restated);
	json_int(j, "within_not_added", (long)g->sum.within);
	json_begin_array(j, "inferred");
	for (i = 0; i < g->ninferred; i++) {
		json_begin_object(j, NULL);
		json_string(j, "id", g->inferred[i]->id);
		json_string(j, "basis", "inferred");
		json_end_object(j);
	}
	json_end_array(j);
	json_end_object(j);
}

static void
cli_budget_rows(FILE *f, enum output_format fmt, const struct figures_group *g)
{
	char fy[16], amt[64], ns[32], nu[32], np[32], ni[32];
	const char *v[9];
	size_t i;

	snprintf(ni, sizeof ni, "%zu", g->ninferred);
	v[0] = g->entity != NULL ? g->entity->id : "";
	v[7] = ni;
	v[8] = g->entity != NULL ? g->entity->title : "";
	for (i = 0; i < g->sum.nbuckets; i++) {
		const struct figures_bucket *k = &g->sum.buckets[i];
		snprintf(fy, sizeof fy, "%d", k->fy);
		snprintf(ns, sizeof ns, "%zu", k->programs);
		snprintf(nu, sizeof nu, "%zu", k->unstated);
		snprintf(np, sizeof np, "%zu", k->proposals);
		v[1] = k->fy != 0 ? fy : "";
		v[2] = content_budget_type_name(k->type);
		v[3] = k->lines > 0 ? figures_amount(amt, sizeof amt,
		    k->amount, k->decimals) : "";
		v[4] = ns;
		v[5] = nu;
		v[6] = np;
		cli_row(f, fmt, v, 9);
	}
	/* Programs with no stated amount of any year or type: counted on
	 * a row of their own, never dropped. */
	if (g->sum.programs_unstated > 0) {
		snprintf(nu, sizeof nu, "%zu", g->sum.programs_unstated);
		v[1] = "";
		v[2] = "none";
		v[3] = "";
		v[4] = "0";
		v[5] = nu;
		v[6] = "0";
		cli_row(f, fmt, v, 9);
	}
}

static void
cli_chart_emit(void *arg, enum chart_line kind, const char *line)
{
	FILE *f = arg;

	(void)kind;
	out_text(f, line);
	fputc('\n', f);
}

/* hms budget --chart: a bar per group, fiscal year and budget type,
 * under a heading per year and type (chart.h). */
static void
cli_budget_chart(FILE *f, const struct figures_groups *g, int width)
{
	struct chart_series *v = xcalloc(g->n + 1, sizeof *v);
	char **labels = xcalloc(g->n + 1, sizeof *labels);
	size_t i;

	for (i = 0; i < g->n; i++) {
		const struct content_entity *e = g->v[i].entity;
		labels[i] = e == NULL ? xstrdup(g->by == FIGURES_BY_MINISTRY ?
		    _("(no ministry stated)") : _("(no project)")) :
		    e->type == CONTENT_PROJECT ? xasprintf("P%d-%d %s",
		    e->period, e->u.project.num, e->title) : xstrdup(e->title);
		v[i].label = labels[i];
		v[i].sum = &g->v[i].sum;
	}
	chart_budget(v, g->n, width > 0 ? width : 80, cli_chart_emit, f);
	for (i = 0; i < g->n; i++)
		free(labels[i]);
	free(labels);
	free(v);
}

/* When the query finds groups themselves (hms budget project:p3-devices,
 * hms budget 厚生労働省), show only those: the other groups their
 * programs are also in are not what was asked. */
static void
cli_budget_keep_named(struct figures_groups *g, const struct search_results *r)
{
	enum content_type t = g->by == FIGURES_BY_PROJECT ? CONTENT_PROJECT :
	    g->by == FIGURES_BY_MINISTRY ? CONTENT_MINISTRY : CONTENT_PROGRAM;
	size_t i, k, n = 0;
	bool named = false;

	for (k = 0; k < r->nhits; k++)
		named = named || r->hits[k].entity->type == t;
	if (!named)
		return;
	for (i = 0; i < g->n; i++) {
		bool keep = false;
		for (k = 0; k < r->nhits && !keep; k++)
			keep = r->hits[k].entity == g->v[i].entity;
		if (keep)
			g->v[n++] = g->v[i];
		else {
			figures_sum_free(&g->v[i].sum);
			free(g->v[i].inferred);
		}
	}
	g->n = n;
}

int
cli_budget(const struct content *c, const struct cli_opts *o,
    const char *query)
{
	static const char *const head[] = {
		"group", "fy", "budget_type", "total_oku_yen",
		"programs_summed", "programs_unstated", "proposals",
		"programs_inferred", "group_title",
	};
	struct search_index *idx = NULL;
	struct search_results res = { 0 };
	struct search_opts so = {
		.regex = o->regex, .type = -1, .period = o->period,
		.era = o->era,
	};
	struct funds fu = { 0 };
	struct figures_groups g;
	struct json j;
	size_t i, k;
	int rc;

	if (query != NULL) {
		if ((idx = cli_search_run(c, query, &so, &res)) == NULL)
			return CLI_ERROR;
		funds_collect(&fu, &res);
	} else {
		for (i = 0; i < c->ntype[CONTENT_PROGRAM]; i++)
			if (o->period == 0 ||
			    c->by_type[CONTENT_PROGRAM][i]->period == o->period)
				funds_collect_entity(&fu,
				    c->by_type[CONTENT_PROGRAM][i]);
	}
	figures_groups_init(&g, o->by);
	for (i = 0; i < fu.n; i++) {
		const struct content_entity *p = fu.v[i].program;
		if (o->fy == 0) {
			figures_groups_add_program(&g, p);
			continue;
		}
		for (k = 0; k < p->u.program.nbudgets; k++)
			if (p->u.program.budgets[k].fy == o->fy)
				figures_groups_add_line(&g, p,
				    &p->u.program.budgets[k]);
	}
	figures_groups_finish(&g);
	cli_budget_keep_named(&g, &res);
	switch (o->format) {
	case OUTPUT_TSV:
	case OUTPUT_CSV:
		cli_row(stdout, o->format, head, HMS_NELEM(head));
		for (i = 0; i < g.n; i++)
			cli_budget_rows(stdout, o->format, &g.v[i]);
		break;
	case OUTPUT_JSON:
		json_init(&j, stdout);
		json_begin_array(&j, NULL);
		for (i = 0; i < g.n; i++)
			cli_budget_json(&j, &g.v[i]);
		json_end_array(&j);
		json_finish(&j);
		break;
	case OUTPUT_TEXT:
		if (o->chart) {
			cli_budget_chart(stdout, &g, cli_width(o));
			break;
		}
		for (i = 0; i < g.n; i++)
			cli_budget_text(stdout, &g.v[i], g.by, i == 0);
		break;
	}
	rc = g.n > 0 ? CLI_FOUND : CLI_NOTHING;
	figures_groups_free(&g);
	funds_free(&fu);
	if (idx != NULL) {
		search_results_free(&res);
		search_index_free(idx);
	}
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
