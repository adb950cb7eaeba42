/* plain.c — hms for terminals without cursor control.
 *
 * TERM=dumb, an Emacs shell buffer, a screen reader or a pipe cannot
 * take the interface.  Here hms reads the interface prompt's commands a
 * line at a time and prints what the interface would show as text, the
 * way lynx -dump and ed do: entity pages exactly as layout.c builds them
 * for the reader (links numbered [n]), search results and the programs
 * behind a search as short numbered lists.  A number follows that link of
 * the last page printed; "back" reprints the page before.
 *
 * Everything that comes from content goes out through out_textn, so no
 * control or escape character reaches the terminal. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "figures.h"
#include "funds.h"
#include "i18n.h"
#include "layout.h"
#include "output.h"
#include "plain.h"
#include "search.h"
#include "text.h"
#include "util.h"

/* Longest command line read; a longer one is refused whole. */
#define PLAIN_LINE_MAX	4096

enum plain_kind {
	PLAIN_ENTITY,		/* an entity's page */
	PLAIN_SEARCH,		/* the hits of query */
	PLAIN_FUNDS,		/* the programs behind query, or behind e */
	PLAIN_SOURCE		/* the original lines of prov */
};

/* A place in the history: enough to print the page again. */
struct plain_place {
	enum plain_kind			 kind;
	const struct content_entity	*e;
	const struct content_prov	*prov;
	char				*query;		/* owned */
};

struct plain {
	const struct content	*c;
	struct search_index	*idx;		/* built at the first search */
	FILE			*out, *err;
	int			 width;
	bool			 done;
	bool			 printed;	/* a page was printed */
	/* The last page printed: its link numbers are what a number
	 * follows. */
	struct page		*page;
	/* Places visited, the current one last. */
	struct plain_place	*hist;
	size_t			 nhist, histcap;
};

struct plain_cmd {
	const char	*name;
	const char	*args;			/* for help, or NULL */
	const char	*help;			/* N_() */
	void		(*fn)(struct plain *, const char *arg);
};

static void plain_open(struct plain *, const char *);
static void plain_search(struct plain *, const char *);
static void plain_funds(struct plain *, const char *);
static void plain_back(struct plain *, const char *);
static void plain_help(struct plain *, const char *);
static void plain_quit(struct plain *, const char *);

/* The commands of the interface's prompt that make sense as text; the
 * aliases after the first of each name follow vi and the interface. */
static const struct plain_cmd plain_cmds[] = {
	{ .name = "open", .args = "ID", .fn = plain_open,
	  .help = N_("the page of an entity: its id, or its title") },
	{ .name = "search", .args = "WORDS", .fn = plain_search,
	  .help = N_("entities that match, best first (as hms search)") },
	{ .name = "funds", .args = "[WORDS]", .fn = plain_funds,
	  .help = N_("programs funding what WORDS find; alone: this page's") },
	{ .name = "back", .fn = plain_back,
	  .help = N_("the page before this one") },
	{ .name = "help", .fn = plain_help,
	  .help = N_("this list") },
	{ .name = "quit", .fn = plain_quit,
	  .help = N_("leave hms (so does end of input)") },
};

static const struct {
	const char	*alias;
	const char	*name;
} plain_aliases[] = {
	{ "q", "quit" }, { "q!", "quit" }, { "exit", "quit" },
	{ "?", "help" }, { "/", "search" }, { "o", "open" },
	{ "b", "back" }, { "close", "back" }, { "$", "funds" },
};

static void HMS_PRINTF(2, 3)
plain_complain(struct plain *p, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	/* The message may quote what was typed or a title: sanitised. */
	fputs("hms: ", p->err);
	out_text(p->err, s);
	fputc('\n', p->err);
	fflush(p->err);
	free(s);
}

/* Print the page's lines as text, without trailing blanks. */
static void
plain_print_page(struct plain *p, const struct page *pg)
{
	const struct page_line *l;
	const struct page_span *sp;
	struct buf b;
	size_t i, k;

	buf_init(&b);
	for (i = 0; i < pg->nlines; i++) {
		l = &pg->lines[i];
		buf_reset(&b);
		for (k = 0; k < l->nspans; k++) {
			sp = &pg->spans[l->span + k];
			buf_add(&b, pg->text + sp->off, sp->len);
		}
		while (b.len > 0 && b.data[b.len - 1] == ' ')
			b.len--;
		out_textn(p->out, b.data, b.len);
		fputc('\n', p->out);
	}
	buf_free(&b);
	fflush(p->out);
}

/* A line of the page, wrapped, in one style. */
static void
plain_line(struct page *pg, const char *s, int indent, enum style st)
{
	page_add_wrapped(pg, s, strlen(s), indent, false, st, NULL, 0, -1);
}

/* A numbered item: "[n] title (id)", the title a link to e, its lines
 * aligned under the title's start; the id, which one copies, is never
 * cut. */
static void
plain_item(struct page *pg, const struct content_entity *e)
{
	struct text_line *lines;
	char num[32], pad[32], *id;
	size_t n, i, tlen = strlen(e->title);
	int link, nw, last = 0, idw;

	link = page_link_new(pg, (struct content_entity *)e, NULL);
	nw = snprintf(num, sizeof num, "[%d] ", pg->links[link].number);
	memset(pad, ' ', sizeof pad);
	n = text_wrap(e->title, tlen, HMS_MAX(pg->width - nw, 8), false,
	    &lines);
	for (i = 0; i < n; i++) {
		page_newline(pg, -1, 0);
		page_add(pg, i == 0 ? num : pad, (size_t)nw, STYLE_DIM, -1);
		page_add(pg, e->title + lines[i].off, lines[i].len, STYLE_LINK,
		    link);
		last = nw + text_width(e->title + lines[i].off, lines[i].len);
	}
	free(lines);
	id = xasprintf(" (%s)", e->id);
	idw = text_width(id, strlen(id));
	if (last + idw > pg->width) {
		page_newline(pg, -1, 0);
		page_add(pg, pad, (size_t)nw, STYLE_DIM, -1);
		page_add(pg, id + 1, strlen(id + 1), STYLE_DIM, -1);
	} else
		page_add(pg, id, strlen(id), STYLE_DIM, -1);
	free(id);
}

static struct search_index *
plain_index(struct plain *p)
{
	if (p->idx == NULL)
		p->idx = search_index_build(p->c);
	return p->idx;
}

/* The hits of query, or -1 after complaining. */
static int
plain_run_search(struct plain *p, const char *query,
    struct search_results *res)
{
	struct search_opts so = { .type = -1 };
	char *err = NULL;

	if (search_run(plain_index(p), query, &so, res, &err) != 0) {
		plain_complain(p, "%s", err);
		free(err);
		return -1;
	}
	return 0;
}

/* "Did you mean" for a query that found little, as hms search says. */
static void
plain_suggest(struct plain *p, struct page *pg, const char *query)
{
	char **v;
	size_t n, i;
	struct buf b;

	n = search_suggest(plain_index(p), query, 3, &v);
	if (n > 0) {
		buf_init(&b);
		buf_adds(&b, _("did you mean: "));
		for (i = 0; i < n; i++)
			buf_printf(&b, "%s%s", i > 0 ? ", " : "", v[i]);
		plain_line(pg, b.data, 0, STYLE_DIM);
		buf_free(&b);
	}
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static struct page *
plain_page_search(struct plain *p, const char *query)
{
	struct search_results res = { 0 };
	struct page *pg;
	char *head;
	size_t i;

	if (plain_run_search(p, query, &res) != 0)
		return NULL;
	pg = page_new(p->width);
	head = xasprintf(ngettext("Search: %s (%zu found)",
	    "Search: %s (%zu found)", res.nhits), query, res.nhits);
	plain_line(pg, head, 0, STYLE_HEADING);
	free(head);
	for (i = 0; i < res.nhits; i++)
		plain_item(pg, res.hits[i].entity);
	if (res.nhits < 3)
		plain_suggest(p, pg, query);
	search_results_free(&res);
	return pg;
}

static struct page *
plain_page_funds(struct plain *p, const struct plain_place *pl)
{
	struct search_results res = { 0 };
	struct funds fu = { 0 };
	struct figures_sum sum;
	const struct content_entity *prog, *g;
	struct page *pg;
	struct buf b;
	char *head;
	size_t i, k;

	if (pl->query != NULL) {
		if (plain_run_search(p, pl->query, &res) != 0)
			return NULL;
		funds_collect(&fu, &res);
		search_results_free(&res);
	} else
		funds_collect_entity(&fu, pl->e);
	pg = page_new(p->width);
	head = xasprintf(ngettext("Funds: %s (%zu program)",
	    "Funds: %s (%zu programs)", fu.n),
	    pl->query != NULL ? pl->query : pl->e->id, fu.n);
	plain_line(pg, head, 0, STYLE_HEADING);
	free(head);
	buf_init(&b);
	figures_sum_init(&sum);
	for (i = 0; i < fu.n; i++) {
		prog = fu.v[i].program;
		g = fu.v[i].group;
		figures_sum_add_program(&sum, prog);
		/* Grouped by project, as hms funds and the funds view. */
		if (i == 0 || g != fu.v[i - 1].group) {
			buf_reset(&b);
			buf_printf(&b, "== %s", g != NULL ? g->title :
			    _("(no project)"));
			page_newline(pg, -1, 0);
			plain_line(pg, b.data, 0, STYLE_HEADING);
		}
		plain_item(pg, prog);
		if (prog->u.program.ministry != NULL)
			plain_line(pg, prog->u.program.ministry->title, 4,
			    STYLE_NORMAL);
		for (k = 0; k < prog->u.program.nbudgets; k++) {
			buf_reset(&b);
			figures_budget_format(&b, &prog->u.program.budgets[k]);
			plain_line(pg, b.data, 4, STYLE_NORMAL);
		}
	}
	figures_sum_finish(&sum);
	if (fu.n > 0) {
		/* The total by the rules every total follows (figures.h). */
		buf_reset(&b);
		buf_printf(&b, "%s: ", _("Total"));
		figures_sum_format(&b, &sum);
		page_newline(pg, -1, 0);
		plain_line(pg, b.data, 0, STYLE_NORMAL);
	}
	figures_sum_free(&sum);
	buf_free(&b);
	funds_free(&fu);
	return pg;
}

static struct page *
plain_page_source(struct plain *p, const struct content_prov *prov)
{
	const struct content_source *s = prov->source;
	struct page *pg = page_new(p->width);
	const char *t;
	size_t len;
	int n;
	char *head;

	head = xasprintf("%s:%d-%d  %s", s->name, prov->first, prov->last,
	    s->title != NULL ? s->title : s->file);
	plain_line(pg, head, 0, STYLE_HEADING);
	free(head);
	for (n = prov->first; n <= prov->last; n++) {
		if ((t = content_source_lines(s, n, n, &len)) == NULL)
			break;
		while (len > 0 && (t[len - 1] == '\n' || t[len - 1] == '\r'))
			len--;
		page_add_wrapped(pg, t, len, 0, false, STYLE_NORMAL, NULL, 0,
		    -1);
	}
	return pg;
}

/* Print the current place; false (after complaining) if it cannot be. */
static bool
plain_show(struct plain *p)
{
	const struct plain_place *pl = &p->hist[p->nhist - 1];
	struct page *pg = NULL;

	switch (pl->kind) {
	case PLAIN_ENTITY:
		pg = layout_entity(p->c, pl->e, p->width, NULL, 0);
		break;
	case PLAIN_SEARCH:
		pg = plain_page_search(p, pl->query);
		break;
	case PLAIN_FUNDS:
		pg = plain_page_funds(p, pl);
		break;
	case PLAIN_SOURCE:
		pg = plain_page_source(p, pl->prov);
		break;
	}
	if (pg == NULL)
		return false;
	/* A blank line between pages, as between the pages of a dump. */
	if (p->printed)
		fputc('\n', p->out);
	p->printed = true;
	plain_print_page(p, pg);
	page_free(p->page);
	p->page = pg;
	return true;
}

static void
plain_place_free(struct plain_place *pl)
{
	free(pl->query);
}

/* Go to a new place: print it, and keep it in the history if it could
 * be printed. */
static void
plain_go(struct plain *p, enum plain_kind kind, const struct content_entity *e,
    const struct content_prov *prov, const char *query)
{
	struct plain_place *pl;

	util_grow(&p->hist, &p->histcap, p->nhist + 1, sizeof *p->hist);
	pl = &p->hist[p->nhist++];
	*pl = (struct plain_place){ .kind = kind, .e = e, .prov = prov,
	    .query = query != NULL ? xstrdup(query) : NULL };
	if (!plain_show(p))
		plain_place_free(&p->hist[--p->nhist]);
}

/* An entity by id, else by title: exactly, else the only one whose
 * title contains the text (as the interface's ':' prompt). */
static void
plain_open(struct plain *p, const char *arg)
{
	const struct content *c = p->c;
	const struct content_entity *found;
	size_t n;

	if (*arg == '\0') {
		plain_complain(p, "%s", _("open needs an ID or a title"));
		return;
	}
	found = content_find_named(c, arg, &n);
	if (n == 1)
		plain_go(p, PLAIN_ENTITY, found, NULL, NULL);
	else if (n == 0)
		plain_complain(p, _("nothing called \"%s\" (search WORDS "
		    "finds it)"), arg);
	else
		plain_complain(p, _("%zu titles contain \"%s\" (search %s "
		    "lists them)"), n, arg, arg);
}

static void
plain_search(struct plain *p, const char *arg)
{
	if (*arg == '\0') {
		plain_complain(p, "%s", _("search needs WORDS"));
		return;
	}
	plain_go(p, PLAIN_SEARCH, NULL, NULL, arg);
}

static void
plain_funds(struct plain *p, const char *arg)
{
	const struct plain_place *cur = p->nhist > 0 ?
	    &p->hist[p->nhist - 1] : NULL;

	if (*arg != '\0') {
		plain_go(p, PLAIN_FUNDS, NULL, NULL, arg);
		return;
	}
	if (cur == NULL || cur->kind != PLAIN_ENTITY) {
		plain_complain(p, "%s", _("funds alone needs an entity's page: "
		    "funds WORDS finds the programs behind a search"));
		return;
	}
	plain_go(p, PLAIN_FUNDS, cur->e, NULL, NULL);
}

static void
plain_back(struct plain *p, const char *arg)
{
	(void)arg;
	if (p->nhist < 2) {
		plain_complain(p, "%s", _("nothing to go back to"));
		return;
	}
	plain_place_free(&p->hist[--p->nhist]);
	/* The page before was printed once; it can fail now only if a
	 * search index cannot be built, and then there is nothing to show. */
	plain_show(p);
}

static void
plain_help(struct plain *p, const char *arg)
{
	size_t i;
	char *s;

	(void)arg;
	fputs(_("Commands (one a line):\n"), p->out);
	for (i = 0; i < HMS_NELEM(plain_cmds); i++) {
		const struct plain_cmd *cmd = &plain_cmds[i];
		s = xasprintf("%s%s%s", cmd->name, cmd->args != NULL ? " " : "",
		    cmd->args != NULL ? cmd->args : "");
		fprintf(p->out, "  %-16s %s\n", s, _(cmd->help));
		free(s);
	}
	fprintf(p->out, "  %-16s %s\n", "N",
	    _("follow the link numbered [N] on the page shown"));
	fputs(_("A ':' before a command is allowed; q and :q quit.\n"), p->out);
	fflush(p->out);
}

static void
plain_quit(struct plain *p, const char *arg)
{
	(void)arg;
	p->done = true;
}

/* Follow link n of the last page printed. */
static void
plain_follow(struct plain *p, long n)
{
	const struct page_link *l;

	if (p->page == NULL || n < 1 || (size_t)n > p->page->nlinks) {
		if (p->page == NULL || p->page->nlinks == 0)
			plain_complain(p, _("no link [%ld]: this page has no "
			    "links"), n);
		else
			plain_complain(p, _("no link [%ld]: links go from [1] "
			    "to [%zu]"), n, p->page->nlinks);
		return;
	}
	l = &p->page->links[n - 1];
	if (l->entity != NULL)
		plain_go(p, PLAIN_ENTITY, l->entity, NULL, NULL);
	else if (l->prov != NULL && l->prov->source != NULL)
		plain_go(p, PLAIN_SOURCE, NULL, l->prov, NULL);
}

/* Run one command line (trimmed, valid UTF-8). */
static void
plain_command(struct plain *p, char *line)
{
	const char *name = line, *arg;
	char *sp, *end;
	size_t i;
	long n;

	if (*name == ':')
		name++;
	/* "/WORDS" searches, as / does in the interface. */
	if (*name == '/' && name[1] != '\0') {
		plain_search(p, name + 1);
		return;
	}
	n = strtol(name, &end, 10);
	if (end != name && *end == '\0' && *name >= '0' && *name <= '9') {
		plain_follow(p, n);
		return;
	}
	if ((sp = strchr(name, ' ')) != NULL) {
		*sp = '\0';
		arg = sp + 1;
		while (*arg == ' ')
			arg++;
	} else
		arg = "";
	for (i = 0; i < HMS_NELEM(plain_aliases); i++) {
		if (strcmp(name, plain_aliases[i].alias) == 0) {
			name = plain_aliases[i].name;
			break;
		}
	}
	for (i = 0; i < HMS_NELEM(plain_cmds); i++) {
		if (strcmp(name, plain_cmds[i].name) == 0) {
			plain_cmds[i].fn(p, arg);
			return;
		}
	}
	plain_complain(p, _("unknown command '%s' (help lists the commands)"),
	    name);
}

/* The width pages are wrapped to: $COLUMNS, else 80. */
static int
plain_width(void)
{
	const char *s = getenv("COLUMNS");
	char *end;
	long n;

	if (s == NULL || *s == '\0')
		return 80;
	n = strtol(s, &end, 10);
	if (*end != '\0' || n < 20 || n > 1000)
		return 80;
	return (int)n;
}

int
plain_run(const struct content *c, const struct content_entity *start,
    FILE *in, FILE *out, FILE *err)
{
	struct plain p = {
		.c = c, .out = out, .err = err, .width = plain_width(),
	};
	bool tty = isatty(fileno(in));
	char *line = NULL, *s;
	size_t cap = 0, i;
	ssize_t len;
	int rc;

	if (tty) {
		fputs(_("hms, plain mode: type help for the commands, quit to "
		    "leave.\n"), out);
		fflush(out);
	}
	if (start != NULL)
		plain_go(&p, PLAIN_ENTITY, start, NULL, NULL);
	while (!p.done) {
		if (tty) {
			fputs("hms> ", out);
			fflush(out);
		}
		if ((len = getline(&line, &cap, in)) < 0)
			break;
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r' || line[len - 1] == ' ' ||
		    line[len - 1] == '\t'))
			line[--len] = '\0';
		s = line;
		while (*s == ' ' || *s == '\t')
			s++;
		for (i = 0; s[i] != '\0'; i++) {
			if (s[i] == '\t')
				s[i] = ' ';
		}
		if (*s == '\0')
			continue;
		if (len > PLAIN_LINE_MAX)
			plain_complain(&p, _("a command line of more than %d "
			    "bytes is ignored"), PLAIN_LINE_MAX);
		else if (!text_utf8_valid(s, strlen(s), NULL))
			plain_complain(&p, "%s", _("that line is not valid "
			    "UTF-8 (is the terminal set to UTF-8?)"));
		else
			plain_command(&p, s);
	}
	/* End of input in a terminal leaves the prompt's line open. */
	if (tty && !p.done)
		fputc('\n', out);
	free(line);
	for (i = 0; i < p.nhist; i++)
		plain_place_free(&p.hist[i]);
	free(p.hist);
	page_free(p.page);
	search_index_free(p.idx);
	fflush(out);
	rc = ferror(out) ? 2 : 0;
	return rc;
}
