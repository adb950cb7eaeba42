/* view-goto.c — the ':' prompt: an id, a view by name, or a title. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "i18n.h"
#include "keymap.h"
#include "text.h"
#include "util.h"
#include "view.h"
#include "view-reader.h"

/* View names users may type, in English and Japanese. */
static const struct {
	const char	*name;
	enum view_id	 view;
} view_goto_names[] = {
	{ "outline", VIEW_OUTLINE }, { "projects", VIEW_PROJECTS },
	{ "diseases", VIEW_DISEASES }, { "kpis", VIEW_KPIS },
	{ "programs", VIEW_PROGRAMS }, { "roadmap", VIEW_ROADMAP },
	{ "glossary", VIEW_GLOSSARY }, { "compare", VIEW_COMPARE },
	{ "search", VIEW_SEARCH }, { "bookmarks", VIEW_BOOKMARKS },
	{ "help", VIEW_HELP }, { "funds", VIEW_FUNDS },
	{ "source", VIEW_SOURCE },
	{ "目次", VIEW_OUTLINE }, { "プロジェクト", VIEW_PROJECTS },
	{ "疾患", VIEW_DISEASES }, { "事業", VIEW_PROGRAMS },
	{ "工程表", VIEW_ROADMAP }, { "用語", VIEW_GLOSSARY },
	{ "比較", VIEW_COMPARE }, { "原文", VIEW_SOURCE },
};

/* ":set NAME VALUE" (or NAME=VALUE, as vim): a setting of the keys
 * file, for this session; ":set NAME" says its value. */
static void
view_goto_set(struct ui *ui, const char *text)
{
	char *name = xstrdup(text), *value;
	const char *why;
	int s, v;

	value = name + strcspn(name, " =");
	if (*value != '\0') {
		*value++ = '\0';
		value += strspn(value, " ");
	}
	if ((s = keymap_setting_from_name(name)) < 0) {
		ui_error(ui, _("No setting called \"%s\" (there is "
		    "reading-width)."), name);
		goto out;
	}
	if (*value == '\0') {
		ui_message(ui, "%s %d", name, reader_width(ui_reader(ui)));
		goto out;
	}
	if (keymap_setting_parse((enum keymap_setting)s, value, &v,
	    &why) != 0) {
		ui_error(ui, _("%s must be %s, not \"%s\"."), name, _(why),
		    value);
		goto out;
	}
	reader_set_width(ui_reader(ui), v);
	ui_message(ui, "%s %d", name, v);
out:
	free(name);
}

void
view_goto(struct ui *ui, const char *text)
{
	const struct content *c = ui_content(ui);
	struct content_entity *found;
	size_t i, n = 0;

	/* ":q" quits from anywhere, as in vi, before any title with a q
	 * in it is looked for. */
	if (strcmp(text, "q") == 0 || strcmp(text, "quit") == 0 ||
	    strcmp(text, "q!") == 0 || strcmp(text, "qa") == 0) {
		ui_quit(ui);
		return;
	}
	if (strncmp(text, "set ", 4) == 0) {
		view_goto_set(ui, text + 4 + strspn(text + 4, " "));
		return;
	}
	/* ":source": the original lines of what the cursor is on, as v. */
	if (strcmp(text, "source") == 0 || strcmp(text, "原文") == 0) {
		ui_show_source(ui);
		return;
	}
	/* ":funds WORDS": the programs behind a search, as hms funds;
	 * ":funds" alone: behind what the cursor is on. */
	if (strcmp(text, "funds") == 0) {
		view_funds_of_selection(ui);
		return;
	}
	if (strncmp(text, "funds ", 6) == 0) {
		view_funds_query(ui, text + 6);
		return;
	}
	for (i = 0; i < HMS_NELEM(view_goto_names); i++) {
		if (strcmp(text, view_goto_names[i].name) == 0) {
			if (view_goto_names[i].view == VIEW_HELP)
				view_help_show(ui, ui_current_view(ui));
			ui_switch(ui, view_goto_names[i].view);
			return;
		}
	}
	/* An id, a title exactly, else the only one that contains the
	 * text. */
	if ((found = content_find_named(c, text, &n)) != NULL) {
		ui_open(ui, found);
		return;
	}

	if (n == 0)
		ui_error(ui, _("Nothing called \"%s\" (Tab completes ids, titles and views)."),
		    text);
	else
		ui_error(ui, _("%zu titles contain \"%s\": Tab lists them, / searches."),
		    n, text);
}

static int
view_goto_cmp(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

void
view_goto_candidates(struct ui *ui, const char *text)
{
	const struct content *c = ui_content(ui);
	char **v = NULL, *q, *t;
	size_t n = 0, cap = 0, i, len = strlen(text);

	for (i = 0; i < HMS_NELEM(view_goto_names); i++) {
		if (strncmp(view_goto_names[i].name, text, len) == 0) {
			util_grow(&v, &cap, n + 1, sizeof *v);
			v[n++] = xstrdup(view_goto_names[i].name);
		}
	}
	q = text_normalize_str(text, len, TEXT_NORM_NOSPACE);
	for (i = 0; i < c->nentities && n < 200; i++) {
		const struct content_entity *e = c->entities[i];
		if (strncmp(e->id, text, len) == 0) {
			util_grow(&v, &cap, n + 1, sizeof *v);
			v[n++] = xstrdup(e->id);
			continue;
		}
		if (len == 0)
			continue;
		t = text_normalize_str(e->title, strlen(e->title),
		    TEXT_NORM_NOSPACE);
		if (strncmp(t, q, strlen(q)) == 0) {
			util_grow(&v, &cap, n + 1, sizeof *v);
			v[n++] = xstrdup(e->title);
		}
		free(t);
	}
	free(q);
	if (n > 1)
		qsort(v, n, sizeof *v, view_goto_cmp);
	ui_prompt_set_candidates(ui, v, n);
}
