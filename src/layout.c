/* layout.c — entity pages as wrapped, styled lines with numbered links. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "figures.h"
#include "i18n.h"
#include "layout.h"
#include "search.h"
#include "text.h"
#include "util.h"

/* ---- building ---- */

struct page *
page_new(int width)
{
	struct page *p = xcalloc(1, sizeof *p);

	p->width = width < 1 ? 1 : width;
	return p;
}

void
page_free(struct page *p)
{
	if (p == NULL)
		return;
	free(p->text);
	free(p->spans);
	free(p->lines);
	free(p->links);
	free(p->match_lines);
	free(p);
}

void
page_newline(struct page *p, int anchor, size_t anchor_off)
{
	struct page_line *l;

	util_grow(&p->lines, &p->linecap, p->nlines + 1, sizeof *p->lines);
	l = &p->lines[p->nlines++];
	l->span = p->nspans;
	l->nspans = 0;
	l->anchor = anchor;
	l->anchor_off = anchor_off;
}

void
page_add(struct page *p, const char *s, size_t len, enum style style, int link)
{
	struct page_span *sp;

	if (p->nlines == 0)
		page_newline(p, -1, 0);
	if (len == 0)
		return;
	util_grow(&p->text, &p->textcap, p->textlen + len + 1, 1);
	memcpy(p->text + p->textlen, s, len);
	util_grow(&p->spans, &p->spancap, p->nspans + 1, sizeof *p->spans);
	sp = &p->spans[p->nspans++];
	sp->off = p->textlen;
	sp->len = len;
	sp->style = style;
	sp->link = link;
	p->textlen += len;
	p->text[p->textlen] = '\0';
	p->lines[p->nlines - 1].nspans++;
}

int
page_link_new(struct page *p, struct content_entity *e,
    const struct content_prov *prov)
{
	struct page_link *l;

	util_grow(&p->links, &p->linkcap, p->nlinks + 1, sizeof *p->links);
	l = &p->links[p->nlinks];
	l->entity = e;
	l->prov = prov;
	l->line = (int)(p->nlines > 0 ? p->nlines - 1 : 0);
	l->number = (int)p->nlinks + 1;
	return (int)p->nlinks++;
}

/* One entry per match, where it starts: a line holding two matches is
 * listed twice, a match wrapped over two lines once. */
static void
page_note_match_line(struct page *p, int line)
{
	p->match_lines = xreallocarray(p->match_lines, p->nmatch_lines + 1,
	    sizeof *p->match_lines);
	p->match_lines[p->nmatch_lines++] = line;
}

void
page_add_wrapped(struct page *p, const char *text, size_t len, int indent,
    bool hang, enum style style, const struct page_range *ranges,
    size_t nranges, int anchor)
{
	struct text_line *lines;
	size_t n, i, r, a, b, pos;
	char pad[256];
	int width = p->width - indent, first;

	if (width < 4)
		width = 4;
	first = (int)p->nlines;
	memset(pad, ' ', sizeof pad);
	n = text_wrap(text, len, width, hang, &lines);
	for (i = 0; i < n; i++) {
		int in = indent + lines[i].indent;
		page_newline(p, anchor, lines[i].off);
		if (in > 0)
			page_add(p, pad, (size_t)HMS_MIN(in, (int)sizeof pad),
			    STYLE_NORMAL, -1);
		a = lines[i].off;
		b = lines[i].off + lines[i].len;
		pos = a;
		/* Cut the line into the styled ranges it crosses. */
		for (r = 0; r < nranges && pos < b; r++) {
			size_t ra = ranges[r].off, rb = ranges[r].off + ranges[r].len;
			if (rb <= pos || ra >= b)
				continue;
			if (ra > pos) {
				page_add(p, text + pos, ra - pos, style, -1);
				pos = ra;
			}
			page_add(p, text + pos, HMS_MIN(rb, b) - pos,
			    ranges[r].style, ranges[r].link);
			if (ranges[r].style == STYLE_MATCH && pos == ra)
				page_note_match_line(p, (int)p->nlines - 1);
			/* A link's line is where its first piece is (a match
			 * inside it cuts it into pieces). */
			if (ranges[r].link >= 0 &&
			    p->links[ranges[r].link].line < first &&
			    pos == ra)
				p->links[ranges[r].link].line = (int)p->nlines - 1;
			pos = HMS_MIN(rb, b);
		}
		if (pos < b)
			page_add(p, text + pos, b - pos, style, -1);
	}
	free(lines);
}

/* ---- entity pages ---- */

struct layout {
	struct page			*p;
	const struct content		*c;
	const struct content_entity	*e;
	const struct page_mark		*marks;
	size_t				 nmarks;
	const struct search_finder	*find;	/* in-page search, or NULL */
	int				 block;	/* anchor counter */
	const char			*note;	/* the reader's, or NULL */
};

static void
layout_blank(struct layout *L)
{
	page_newline(L->p, L->block, 0);
}

/* Make the ranges of a paragraph of len bytes disjoint and in order,
 * byte by byte: a match wins over the style under it but keeps its link,
 * so that a link with a match inside is still one link, followed and
 * selected whole, and styled again after the match.  Each range keeps
 * its own bounds (two matches side by side stay two).  Returns the new
 * number of ranges. */
static size_t
layout_resolve(struct page_range **rgp, size_t *cap, size_t nrg, size_t len)
{
	struct page_range *rg = *rgp, *out = NULL;
	size_t i, x, y, n = 0, ocap = 0;
	int *owner, *link, pass;

	if (nrg == 0 || len == 0)
		return 0;
	owner = xcalloc(len, sizeof *owner);
	link = xcalloc(len, sizeof *link);
	for (x = 0; x < len; x++)
		owner[x] = link[x] = -1;
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < nrg; i++) {
			if ((rg[i].style == STYLE_MATCH) != (pass == 1))
				continue;
			for (x = rg[i].off; x < rg[i].off + rg[i].len && x < len;
			    x++) {
				owner[x] = (int)i;
				if (pass == 0)
					link[x] = rg[i].link;
			}
		}
	}
	for (x = 0; x < len; x = y) {
		for (y = x + 1; y < len && owner[y] == owner[x] &&
		    link[y] == link[x]; y++)
			;
		if (owner[x] < 0)
			continue;
		util_grow(&out, &ocap, n + 1, sizeof *out);
		out[n++] = (struct page_range){ x, y - x,
		    rg[owner[x]].style, link[x] };
	}
	free(owner);
	free(link);
	free(rg);
	*rgp = out;
	*cap = ocap;
	return n;
}

/* A paragraph of text (no links inside) with marks, wrapped. */
static void
layout_text(struct layout *L, const char *prefix, enum style pstyle,
    const char *text, size_t len, const struct content_inref *refs,
    size_t nrefs, int indent, bool hang, enum style style)
{
	struct buf b;
	struct page_range *rg = NULL;
	size_t nrg = 0, cap = 0, i, k, off, base;
	char num[24];
	size_t *map = NULL;	/* text offset -> display offset */

	buf_init(&b);
	if (prefix != NULL) {
		buf_adds(&b, prefix);
		if (pstyle != style) {
			util_grow(&rg, &cap, nrg + 1, sizeof *rg);
			rg[nrg++] = (struct page_range){ 0, b.len, pstyle, -1 };
		}
	}
	base = b.len;
	map = xcalloc(len + 1, sizeof *map);
	/* Copy the text, inserting "[n]" before each inline link. */
	off = 0;
	for (i = 0; i <= nrefs; i++) {
		size_t upto = i < nrefs ? refs[i].off : len;
		for (; off < upto && off < len; off++) {
			map[off] = b.len;
			buf_addc(&b, text[off]);
		}
		if (i == nrefs)
			break;
		if (refs[i].target == NULL)
			continue;
		{
			int link = page_link_new(L->p,
			    (struct content_entity *)refs[i].target, NULL);
			snprintf(num, sizeof num, "[%d]",
			    L->p->links[link].number);
			util_grow(&rg, &cap, nrg + 2, sizeof *rg);
			rg[nrg++] = (struct page_range){ b.len, strlen(num),
			    STYLE_DIM, -1 };
			buf_adds(&b, num);
			rg[nrg++] = (struct page_range){ b.len, refs[i].len,
			    STYLE_LINK, link };
		}
	}
	map[len] = b.len;
	(void)base;
	/* Search marks inside this text: they win over link styling, so
	 * split ranges accordingly (marks are rare: a simple pass). */
	for (k = 0; k < L->nmarks; k++) {
		size_t ma, mb;
		if (L->marks[k].text != text)
			continue;
		if (L->marks[k].off > len)
			continue;
		ma = map[L->marks[k].off];
		mb = map[HMS_MIN(L->marks[k].off + L->marks[k].len, len)];
		util_grow(&rg, &cap, nrg + 1, sizeof *rg);
		rg[nrg++] = (struct page_range){ ma, mb - ma, STYLE_MATCH, -1 };
	}
	/* The in-page search looks at the text as shown, prefix and link
	 * numbers included: what the reader sees is what it finds. */
	if (L->find != NULL && b.len > 0) {
		struct search_range *fr;
		size_t nf = search_finder_run(L->find, b.data, b.len, &fr);
		util_grow(&rg, &cap, nrg + nf, sizeof *rg);
		for (k = 0; k < nf; k++)
			rg[nrg++] = (struct page_range){ fr[k].off, fr[k].len,
			    STYLE_MATCH, -1 };
		free(fr);
	}
	nrg = layout_resolve(&rg, &cap, nrg, b.len);
	page_add_wrapped(L->p, b.data != NULL ? b.data : "", b.len, indent,
	    hang, style, rg, nrg, L->block);
	L->block++;
	free(map);
	free(rg);
	buf_free(&b);
}

static void
layout_plain(struct layout *L, const char *text, int indent, enum style style)
{
	layout_text(L, NULL, style, text, strlen(text), NULL, 0, indent, false,
	    style);
}

/* "Label: " then an entity link, on one wrapped line. */
static void
layout_entity_link(struct layout *L, const struct content_entity *t,
    const char *prefix, const char *suffix, int indent)
{
	struct content_inref ref;
	struct buf b;
	size_t off;

	buf_init(&b);
	if (prefix != NULL)
		buf_adds(&b, prefix);
	off = b.len;
	if (t->num != NULL && t->type != CONTENT_SECTION) {
		buf_adds(&b, t->num);
		buf_addc(&b, ' ');
	}
	if (t->type == CONTENT_SECTION && t->num != NULL) {
		buf_adds(&b, t->num);
		buf_addc(&b, ' ');
	}
	buf_adds(&b, t->title);
	ref.off = off;
	ref.len = b.len - off;
	ref.target = (struct content_entity *)t;
	if (suffix != NULL)
		buf_adds(&b, suffix);
	layout_text(L, NULL, STYLE_NORMAL, b.data, b.len, &ref, 1, indent, true,
	    STYLE_NORMAL);
	buf_free(&b);
}

static void
layout_heading(struct layout *L, const char *label)
{
	layout_blank(L);
	layout_plain(L, label, 0, STYLE_HEADING);
}

static char *
layout_prov_text(const struct content_prov *p)
{
	if (p->first == p->last)
		return xasprintf("%s:%d", p->source->name, p->first);
	return xasprintf("%s:%d-%d", p->source->name, p->first, p->last);
}

static void
layout_prov(struct layout *L, const struct content_prov *prov, size_t n)
{
	struct content_inref *refs;
	struct buf b;
	size_t i, k = 0;
	char *t;
	int link;

	/* "Source: overview3:44 overview3:286 …": each range a link to the
	 * source view, wrapped like any text. */
	refs = xcalloc(n + 1, sizeof *refs);
	buf_init(&b);
	buf_adds(&b, _("Source: "));
	for (i = 0; i < n; i++) {
		if (prov[i].source == NULL)
			continue;
		t = layout_prov_text(&prov[i]);
		if (k > 0)
			buf_addc(&b, ' ');
		refs[k].off = b.len;
		refs[k].len = strlen(t);
		buf_adds(&b, t);
		k++;
		free(t);
	}
	/* Source links are not entities: make them by hand. */
	{
		struct page_range *rg = xcalloc(2 * k + 1, sizeof *rg);
		struct buf d;
		size_t nr = 0, off = 0;
		char num[24];

		buf_init(&d);
		rg[nr++] = (struct page_range){ 0, strlen(_("Source: ")),
		    STYLE_HEADING, -1 };
		for (i = 0, k = 0; i < n; i++) {
			if (prov[i].source == NULL)
				continue;
			buf_add(&d, b.data + off, refs[k].off - off);
			link = page_link_new(L->p, NULL, &prov[i]);
			snprintf(num, sizeof num, "[%d]", L->p->links[link].number);
			rg[nr++] = (struct page_range){ d.len, strlen(num),
			    STYLE_DIM, -1 };
			buf_adds(&d, num);
			rg[nr++] = (struct page_range){ d.len, refs[k].len,
			    STYLE_LINK, link };
			buf_add(&d, b.data + refs[k].off, refs[k].len);
			off = refs[k].off + refs[k].len;
			k++;
		}
		page_add_wrapped(L->p, d.data, d.len, 0, true, STYLE_NORMAL, rg,
		    nr, L->block);
		buf_free(&d);
		free(rg);
	}
	L->block++;
	buf_free(&b);
	free(refs);
}

static void
layout_value(struct layout *L, const char *label,
    const struct content_value *v)
{
	struct buf b;

	if (!v->present)
		return;
	buf_init(&b);
	buf_printf(&b, "%s: %s", label, v->text != NULL ? v->text : "");
	if (v->year != NULL)
		buf_printf(&b, "  (%s)", v->year);
	if (v->date != NULL)
		buf_printf(&b, "  (%s %s)", _("as of"), v->date);
	layout_plain(L, b.data, 0, STYLE_NORMAL);
	buf_free(&b);
}

static void
layout_budget(struct layout *L, const struct content_budget *bu, int indent)
{
	struct buf b;

	buf_init(&b);
	figures_budget_format(&b, bu);
	layout_plain(L, b.data, indent, STYLE_NORMAL);
	buf_free(&b);
}

static const char *
layout_note_label(enum content_note_kind k)
{
	switch (k) {
	case CONTENT_NOTE_INFERENCE:
		return _("[inference, not stated in the sources] ");
	case CONTENT_NOTE_REPAIR:
		return _("[repair note] ");
	case CONTENT_NOTE_CAVEAT:
		return _("[caveat] ");
	case CONTENT_NOTE_CONTEXT:
		return _("[context] ");
	case CONTENT_NOTE_PLAIN:
		break;
	}
	return _("[note] ");
}

static void
layout_blocks(struct layout *L)
{
	const struct content_entity *e = L->e;
	size_t i;
	struct buf pre;

	buf_init(&pre);
	for (i = 0; i < e->nblocks; i++) {
		const struct content_block *b = &e->blocks[i];
		buf_reset(&pre);
		if (b->kind == CONTENT_BLOCK_NOTE) {
			layout_text(L, layout_note_label(b->note_kind), STYLE_MARK,
			    b->t.text, b->t.len, b->t.refs, b->t.nrefs, 2, true,
			    STYLE_DIM);
			continue;
		}
		if (b->mark != NULL) {
			buf_adds(&pre, b->mark);
			if (strcmp(b->mark, "・") != 0)
				buf_addc(&pre, ' ');
		}
		if (i > 0 && b->kind == CONTENT_BLOCK_PARA)
			layout_blank(L);
		layout_text(L, b->mark != NULL ? pre.data : NULL, STYLE_NORMAL,
		    b->t.text, b->t.len, b->t.refs, b->t.nrefs,
		    b->kind == CONTENT_BLOCK_ITEM ? 2 * (b->level - 1) : 0,
		    b->kind == CONTENT_BLOCK_ITEM, STYLE_NORMAL);
	}
	buf_free(&pre);
}

/* What the programs of a project or ministry add up to: one figure per
 * fiscal year and budget type (figures.h), as hms budget ID gives it. */
static void
layout_programs_total(struct layout *L, const struct content_entity *e)
{
	const struct figures_group *k;
	struct figures_groups g;
	struct buf b;

	if (L->c == NULL)
		return;
	if ((k = figures_group_of(L->c, e, &g)) != NULL) {
		buf_init(&b);
		figures_group_format(&b, k);
		layout_plain(L, _("Its programs' budgets:"), 0, STYLE_HEADING);
		layout_text(L, NULL, STYLE_NORMAL, b.data, b.len, NULL, 0, 2,
		    false, STYLE_NORMAL);
		buf_free(&b);
	}
	figures_groups_free(&g);
}

static void
layout_fields(struct layout *L)
{
	const struct content_entity *e = L->e;
	struct buf b;
	size_t i;

	buf_init(&b);
	switch (e->type) {
	case CONTENT_PERIOD:
		buf_printf(&b, "%s: FY%d–FY%d", _("Fiscal years"),
		    e->u.period.fy_start, e->u.period.fy_end);
		layout_plain(L, b.data, 0, STYLE_NORMAL);
		break;
	case CONTENT_PROJECT:
		buf_printf(&b, "%s: %s %d", _("Kind"), e->u.project.area ?
		    _("area (分野)") : _("integrated project (統合プロジェクト)"),
		    e->u.project.num);
		layout_plain(L, b.data, 0, STYLE_NORMAL);
		for (i = 0; i < e->u.project.ntotals; i++) {
			layout_plain(L, _("Budget total:"), 0, STYLE_HEADING);
			layout_budget(L, &e->u.project.totals[i], 2);
		}
		layout_programs_total(L, e);
		break;
	case CONTENT_MEASURE:
		if (e->u.measure.table != 0) {
			buf_printf(&b, "%s %d", _("Roadmap table"),
			    e->u.measure.table);
			if (e->u.measure.group != NULL)
				buf_printf(&b, ": %s", e->u.measure.group);
			layout_plain(L, b.data, 0, STYLE_NORMAL);
		}
		break;
	case CONTENT_MILESTONE:
		buf_printf(&b, "%s: %s", _("Column"),
		    content_column_label(e->u.milestone.column));
		layout_plain(L, b.data, 0, STYLE_NORMAL);
		for (i = 0; i < e->u.milestone.nmeasures; i++) {
			struct figures_milestone st;
			if (e->u.milestone.measures[i] == NULL)
				continue;
			layout_entity_link(L, e->u.milestone.measures[i],
			    _("Measure: "), NULL, 0);
			/* Its status as that measure's row shows it, and
			 * why: the letter of the roadmap grid. */
			figures_milestone_status(e->u.milestone.measures[i], e,
			    &st);
			buf_reset(&b);
			buf_printf(&b, "%s: %c %s%s; %s", _("Status"),
			    figures_progress_letter(st.progress, st.basis),
			    figures_progress_label(st.progress),
			    st.report != NULL ? " ~" : "", st.reason);
			layout_plain(L, b.data, 2, STYLE_NORMAL);
		}
		break;
	case CONTENT_KPI:
		buf_printf(&b, "%s: %s", _("Kind"),
		    content_kpi_kind_label(e->u.kpi.kind));
		if (e->u.kpi.unit != NULL)
			buf_printf(&b, "   %s: %s", _("Unit"), e->u.kpi.unit);
		layout_plain(L, b.data, 0, STYLE_NORMAL);
		layout_value(L, _("Baseline"), &e->u.kpi.v->baseline);
		layout_value(L, _("Target"), &e->u.kpi.v->target);
		layout_value(L, _("Latest"), &e->u.kpi.v->latest);
		break;
	case CONTENT_PROGRAM:
		if (e->u.program.ministry != NULL)
			layout_entity_link(L, e->u.program.ministry,
			    _("Ministry: "), NULL, 0);
		if (e->u.program.nbudgets > 0)
			layout_plain(L, _("Budgets (億円):"), 0, STYLE_HEADING);
		for (i = 0; i < e->u.program.nbudgets; i++)
			layout_budget(L, &e->u.program.budgets[i], 2);
		break;
	case CONTENT_MINISTRY:
		if (e->u.ministry.tag != NULL) {
			buf_printf(&b, "%s: %s", _("Tag"), e->u.ministry.tag);
			layout_plain(L, b.data, 0, STYLE_NORMAL);
		}
		layout_programs_total(L, e);
		break;
	case CONTENT_TERM:
		if (e->u.term.nexpansions == 0)
			layout_plain(L, _("Expansion: the sources give none."),
			    0, STYLE_DIM);
		for (i = 0; i < e->u.term.nexpansions; i++) {
			buf_reset(&b);
			buf_printf(&b, "%s (%s): %s", _("Expansion"),
			    e->u.term.expansions[i].lang,
			    e->u.term.expansions[i].text);
			layout_plain(L, b.data, 0, STYLE_NORMAL);
		}
		break;
	case CONTENT_SECTION:
	case CONTENT_DISEASE:
	case CONTENT_TYPE_COUNT:
		break;
	}
	buf_free(&b);
}

static void
layout_statuses(struct layout *L)
{
	const struct content_entity *e = L->e;
	size_t i;
	struct buf b;

	if (e->type != CONTENT_MEASURE || e->u.measure.nstatuses == 0)
		return;
	layout_heading(L, _("Progress (進捗状況)"));
	buf_init(&b);
	for (i = 0; i < e->u.measure.nstatuses; i++) {
		const struct content_status *s = &e->u.measure.statuses[i];
		buf_reset(&b);
		buf_printf(&b, "(%s%s%s) ", s->asof != NULL ? s->asof : "?",
		    s->ministry != NULL && s->ministry->u.ministry.tag ? " " : "",
		    s->ministry != NULL && s->ministry->u.ministry.tag ?
		    s->ministry->u.ministry.tag : "");
		layout_text(L, b.data, STYLE_DIM, s->t.text, s->t.len, s->t.refs,
		    s->t.nrefs, 0, true, STYLE_NORMAL);
	}
	buf_free(&b);
}

static void
layout_milestones(struct layout *L)
{
	const struct content_entity *e = L->e;
	size_t i;
	int col;
	bool any = false;
	char label[64];

	if (e->type != CONTENT_MEASURE)
		return;
	for (col = 0; col < CONTENT_COL_COUNT; col++) {
		for (i = 0; i < e->nbacklinks; i++) {
			const struct content_link *l = e->backlinks[i];
			if (l->rel != CONTENT_REL_MEASURE ||
			    (int)l->from->u.milestone.column != col)
				continue;
			if (!any)
				layout_heading(L, _("Milestones"));
			any = true;
			snprintf(label, sizeof label, "%s: ",
			    content_column_label((enum content_column)col));
			layout_entity_link(L, l->from, label, NULL, 0);
		}
	}
}

static void
layout_children(struct layout *L)
{
	size_t i;

	if (L->e->nchildren == 0)
		return;
	layout_heading(L, _("Contents"));
	for (i = 0; i < L->e->nchildren; i++)
		layout_entity_link(L, L->e->children[i], NULL, NULL, 2);
}

static void
layout_links(struct layout *L, bool back)
{
	const struct content_entity *e = L->e;
	struct content_link *const *v = back ? e->backlinks : e->links;
	size_t nv = back ? e->nbacklinks : e->nlinks, i, n;
	enum content_rel r;
	char head[128];
	bool first = true;
	size_t shown = 0;

	/* The heading counts what is listed under it: the period and a
	 * measure's milestones are shown elsewhere on the page. */
	for (i = 0; i < nv; i++)
		if (v[i]->rel != CONTENT_REL_PERIOD &&
		    !(back && v[i]->rel == CONTENT_REL_MEASURE))
			shown++;
	for (r = 0; r < CONTENT_REL_COUNT; r++) {
		/* Shown elsewhere on the page: the period, milestones. */
		if (r == CONTENT_REL_PERIOD ||
		    (back && r == CONTENT_REL_MEASURE))
			continue;
		for (i = 0, n = 0; i < nv; i++) {
			if (v[i]->rel == r)
				n++;
		}
		if (n == 0)
			continue;
		snprintf(head, sizeof head, "%s (%zu)", content_rel_label(r, back),
		    n);
		if (back && first) {
			char top[128];
			snprintf(top, sizeof top, _("Referenced by (%zu)"), shown);
			layout_heading(L, top);
		} else
			layout_blank(L);
		first = false;
		layout_plain(L, head, 0, STYLE_HEADING);
		for (i = 0; i < nv; i++) {
			const struct content_link *l = v[i];
			const struct content_entity *o = back ? l->from : l->to;
			char pre[64], suf[96];
			if (l->rel != r)
				continue;
			pre[0] = suf[0] = '\0';
			if (r == CONTENT_REL_LINEAGE)
				snprintf(pre, sizeof pre, "[%s] ",
				    content_lineage_name(l->lineage));
			if (l->basis == CONTENT_BASIS_INFERRED)
				snprintf(suf, sizeof suf, "  %s",
				    _("(inferred)"));
			if (o != NULL)
				layout_entity_link(L, o, pre, suf, 2);
			else {
				struct buf b;
				buf_init(&b);
				buf_printf(&b, "%s%s%s", pre,
				    _("(new in this period)"), suf);
				layout_plain(L, b.data, 2, STYLE_MARK);
				buf_free(&b);
			}
			if (l->note != NULL)
				layout_text(L, NULL, STYLE_DIM, l->note->text,
				    l->note->len, l->note->refs, l->note->nrefs, 6,
				    false, STYLE_DIM);
			if (l->note_en != NULL)
				layout_plain(L, l->note_en, 6, STYLE_DIM);
		}
	}
}

static void
layout_ancestors(struct layout *L)
{
	const struct content_entity *chain[32];
	int n = 0, i;
	const struct content_entity *e;

	for (e = L->e->parent; e != NULL && n < 32; e = e->parent)
		chain[n++] = e;
	for (i = n - 1; i >= 0; i--)
		layout_entity_link(L, chain[i], i == n - 1 ? _("In: ") : "› ",
		    NULL, i == n - 1 ? 0 : 2 * (n - 1 - i));
}

/* The reader's note: a heading, then its lines as written. */
static void
layout_note(struct layout *L)
{
	const char *p = L->note, *nl, *head = _("Your note (a edits it):");

	page_newline(L->p, -1, 0);
	page_newline(L->p, -1, 0);
	page_add(L->p, head, strlen(head), STYLE_HEADING, -1);
	while (*p != '\0') {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		if (nl == p)
			page_newline(L->p, -1, 0);
		else
			page_add_wrapped(L->p, p, (size_t)(nl - p), 2, false,
			    STYLE_HIGHLIGHT, NULL, 0, -1);
		p = *nl == '\n' ? nl + 1 : nl;
	}
	page_newline(L->p, -1, 0);
}

struct page *
layout_entity(const struct content *c, const struct content_entity *e,
    int width, const struct page_mark *marks, size_t nmarks)
{
	return layout_entity_noted(c, e, width, marks, nmarks, NULL);
}

struct page *
layout_entity_noted(const struct content *c, const struct content_entity *e,
    int width, const struct page_mark *marks, size_t nmarks, const char *note)
{
	return layout_entity_find(c, e, width, marks, nmarks, note, NULL);
}

struct page *
layout_entity_find(const struct content *c, const struct content_entity *e,
    int width, const struct page_mark *marks, size_t nmarks, const char *note,
    const struct search_finder *find)
{
	struct layout L = {
		.p = page_new(width), .c = c, .e = e, .marks = marks,
		.nmarks = nmarks, .note = note, .find = find,
	};
	struct buf b;
	size_t i;

	L.p->entity = e;
	buf_init(&b);
	buf_printf(&b, "%s  %s", content_type_label(e->type), e->id);
	layout_plain(&L, b.data, 0, STYLE_DIM);
	buf_reset(&b);
	if (e->num != NULL)
		buf_printf(&b, "%s ", e->num);
	/* The title itself is passed, so that search marks on it show. */
	layout_text(&L, b.len > 0 ? b.data : NULL, STYLE_TITLE, e->title,
	    strlen(e->title), NULL, 0, 0, false, STYLE_TITLE);
	if (e->title_en != NULL)
		layout_plain(&L, e->title_en, 0, STYLE_DIM);
	for (i = 0; i < e->naliases; i++) {
		buf_reset(&b);
		buf_printf(&b, "%s: %s", _("Also"), e->aliases[i]);
		layout_plain(&L, b.data, 0, STYLE_DIM);
	}
	layout_ancestors(&L);
	if (e->period != 0 && e->type != CONTENT_PERIOD) {
		char id[16];
		const struct content_entity *pe;
		snprintf(id, sizeof id, "period:%d", e->period);
		if ((pe = content_find(c, id)) != NULL)
			layout_entity_link(&L, pe, _("Period: "), NULL, 0);
	}
	layout_prov(&L, e->prov, e->nprov);
	if (note != NULL && *note != '\0')
		layout_note(&L);
	layout_fields(&L);
	if (e->nblocks > 0) {
		layout_blank(&L);
		layout_blocks(&L);
	}
	layout_statuses(&L);
	layout_children(&L);
	layout_milestones(&L);
	if (e->nlinks > 0) {
		bool any = false;
		for (i = 0; i < e->nlinks; i++)
			any |= e->links[i]->rel != CONTENT_REL_PERIOD;
		if (any)
			layout_links(&L, false);
	}
	if (e->nbacklinks > 0)
		layout_links(&L, true);
	buf_free(&b);
	return L.p;
}

/* ---- drawing ---- */

void
page_draw(const struct page *p, struct surface *s, int x, int y, int w, int h,
    int top, int active)
{
	int row, col;
	size_t i;
	const struct page_line *l;
	const struct page_span *sp;
	enum style st;

	for (row = 0; row < h; row++) {
		int li = top + row;
		surface_fill(s, x, y + row, w, 1, STYLE_NORMAL);
		if (li < 0 || li >= (int)p->nlines)
			continue;
		l = &p->lines[li];
		col = 0;
		for (i = 0; i < l->nspans && col < w; i++) {
			sp = &p->spans[l->span + i];
			st = sp->style;
			if (sp->link >= 0 && sp->link == active)
				st = STYLE_LINK_ACTIVE;
			col += surface_put(s, x + col, y + row, w - col,
			    p->text + sp->off, sp->len, st);
		}
	}
}

int
page_find_anchor(const struct page *p, int anchor, size_t anchor_off)
{
	size_t i;
	int best = 0;

	for (i = 0; i < p->nlines; i++) {
		/* Lines without an anchor (a note) never hold a place. */
		if (p->lines[i].anchor < 0)
			continue;
		if (p->lines[i].anchor < anchor)
			best = (int)i;
		else if (p->lines[i].anchor == anchor) {
			if (p->lines[i].anchor_off <= anchor_off)
				best = (int)i;
			else
				break;
		} else
			break;
	}
	return best;
}

int
page_line_skip(const struct page *p, int line)
{
	int i, n = 0;

	for (i = 0; i < line; i++) {
		if (p->lines[i].anchor == p->lines[line].anchor &&
		    p->lines[i].anchor_off == p->lines[line].anchor_off)
			n++;
	}
	return n;
}

int
page_find_place(const struct page *p, int anchor, size_t anchor_off,
    int skip)
{
	size_t i;
	int found = -1;

	for (i = 0; i < p->nlines; i++) {
		if (p->lines[i].anchor != anchor ||
		    p->lines[i].anchor_off != anchor_off)
			continue;
		found = (int)i;
		if (skip-- <= 0)
			break;
	}
	return found >= 0 ? found : page_find_anchor(p, anchor, anchor_off);
}

int
page_link_at(const struct page *p, int line, int x)
{
	const struct page_line *l;
	size_t i;
	int col = 0, w;

	if (line < 0 || line >= (int)p->nlines)
		return -1;
	l = &p->lines[line];
	for (i = 0; i < l->nspans; i++) {
		const struct page_span *sp = &p->spans[l->span + i];
		w = text_width(p->text + sp->off, sp->len);
		if (x >= col && x < col + w)
			return sp->link;
		col += w;
	}
	return -1;
}
