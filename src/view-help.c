/* view-help.c — help generated from the live key bindings of a view and
 * global, with every action listed even when unbound; searchable. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "i18n.h"
#include "keymap.h"
#include "layout.h"
#include "text.h"
#include "util.h"
#include "view.h"

struct view_help {
	enum view_id	 about;		/* the view whose keys are shown */
	struct page	*page;
	int		 width;
	int		 top, height;
	char		*filter;	/* normalised, or NULL */
};

static void *
view_help_create(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof (struct view_help));
}

static struct view_help *
view_help_state(struct ui *ui)
{
	return ui_view(ui, VIEW_HELP);
}

/* Show the keys of view v, from the top, unfiltered. */
static void
view_help_about(struct view_help *vh, enum view_id v)
{
	if (v == VIEW_HELP)
		return;
	vh->about = v;
	vh->top = 0;
	free(vh->filter);
	vh->filter = NULL;
	page_free(vh->page);
	vh->page = NULL;
}

void
view_help_show(struct ui *ui, enum view_id v)
{
	view_help_about(view_help_state(ui), v);
}

static bool
view_help_keep(struct view_help *vh, const char *line)
{
	char *n;
	bool keep;

	if (vh->filter == NULL)
		return true;
	n = text_normalize_str(line, strlen(line), 0);
	keep = strstr(n, vh->filter) != NULL;
	free(n);
	return keep;
}

static void
view_help_line(struct view_help *vh, struct page *p, const char *keys,
    const char *name, const char *help)
{
	struct buf b;
	struct text_line *lines;
	size_t n, i;
	int kw, col;

	buf_init(&b);
	buf_printf(&b, "%s  %s  %s", keys, name, help);
	if (!view_help_keep(vh, b.data)) {
		buf_free(&b);
		return;
	}
	page_newline(p, -1, 0);
	kw = text_width(keys, strlen(keys));
	page_add(p, "  ", 2, STYLE_NORMAL, -1);
	page_add(p, keys, strlen(keys), STYLE_HEADING, -1);
	buf_reset(&b);
	buf_printf(&b, "%*s", HMS_MAX(14 - kw, 1), "");
	page_add(p, b.data, b.len, STYLE_NORMAL, -1);
	page_add(p, name, strlen(name), STYLE_NORMAL, -1);
	col = 2 + kw + HMS_MAX(14 - kw, 1) + (int)strlen(name);
	buf_reset(&b);
	buf_printf(&b, "%*s", HMS_MAX(22 - (int)strlen(name), 1), "");
	col += (int)b.len;
	/* The description is wrapped under itself, never cut at the
	 * edge; where too little room is left it starts on a line of its
	 * own. */
	if (p->width - col < 24) {
		page_add_wrapped(p, help, strlen(help), 6, false, STYLE_DIM,
		    NULL, 0, -1);
		buf_free(&b);
		return;
	}
	page_add(p, b.data, b.len, STYLE_NORMAL, -1);
	n = text_wrap(help, strlen(help), p->width - col, false, &lines);
	for (i = 0; i < n; i++) {
		if (i > 0) {
			page_newline(p, -1, 0);
			buf_reset(&b);
			buf_printf(&b, "%*s", col, "");
			page_add(p, b.data, b.len, STYLE_NORMAL, -1);
		}
		page_add(p, help + lines[i].off, lines[i].len, STYLE_DIM, -1);
	}
	free(lines);
	buf_free(&b);
}

static void
view_help_table(struct ui *ui, struct view_help *vh, struct page *p,
    enum keymap_table t, const char *heading)
{
	const struct keymap_binding *b;
	size_t n, i;
	char keys[64];

	b = keymap_bindings(ui_keymap(ui), t, &n);
	page_newline(p, -1, 0);
	page_newline(p, -1, 0);
	page_add(p, heading, strlen(heading), STYLE_TITLE, -1);
	for (i = 0; i < n; i++) {
		key_seq_to_name(&b[i].seq, keys, sizeof keys);
		view_help_line(vh, p, keys, action_name(b[i].action),
		    action_help(b[i].action));
	}
}

/* Whether the comma-separated list s (len bytes) holds key. */
static bool
view_help_has_key(const char *s, size_t len, const char *key)
{
	size_t kl = strlen(key), i = 0, j;

	while (i < len) {
		for (j = i; j < len && s[j] != ','; j++)
			;
		if (j - i == kl && memcmp(s + i, key, kl) == 0)
			return true;
		i = j + 1;
	}
	return false;
}

/* What can be typed after : (view-goto.c reads it). */
static void
view_help_commands(struct view_help *vh, struct page *p)
{
	static const char *const cmds[][2] = {
		{ ":ID, :TITLE", N_("open an entity by its id, its title, "
		    "or the one title holding the words (Tab completes)") },
		{ ":VIEW", N_("a view by name: projects, outline, diseases, "
		    "kpis, programs, roadmap, glossary, compare, search, "
		    "bookmarks, help") },
		{ ":funds WORDS", N_("the programs that fund what WORDS "
		    "finds; :funds alone, what the cursor is on") },
		{ ":source", N_("the source lines of what the cursor is on "
		    "(as v)") },
		{ ":set reading-width N", N_("wrap pages at N columns (0: "
		    "the pane's width); :set reading-width says the value") },
		{ ":q", N_("quit (also :quit, :q!, :qa)") },
	};
	size_t i;

	page_newline(p, -1, 0);
	page_newline(p, -1, 0);
	page_add(p, _("After :"), strlen(_("After :")), STYLE_TITLE, -1);
	for (i = 0; i < HMS_NELEM(cmds); i++)
		view_help_line(vh, p, cmds[i][0], "", _(cmds[i][1]));
}

static void
view_help_build(struct ui *ui, struct view_help *vh, int width)
{
	const struct view_ops *about = ui_view_ops(ui, vh->about);
	struct page *p = page_new(width);
	char head[160];
	int act, t;
	size_t n, i;
	struct buf keys;
	char one[64];

	page_newline(p, -1, 0);
	snprintf(head, sizeof head, _("Keys of the %s view"), _(about->title));
	page_add(p, head, strlen(head), STYLE_TITLE, -1);
	if (vh->filter != NULL) {
		snprintf(head, sizeof head, _("  (only lines with \"%s\"; / to change)"),
		    vh->filter);
		page_add(p, head, strlen(head), STYLE_DIM, -1);
	}
	page_newline(p, -1, 0);
	page_add_wrapped(p, _("Type a link's number and Enter to follow it. "
	    "Keys come from keymap files (see hms-keys(5)): "
	    "~/.config/hms/keys and --keymap vi|emacs|FILE."), strlen(_(
	    "Type a link's number and Enter to follow it. "
	    "Keys come from keymap files (see hms-keys(5)): "
	    "~/.config/hms/keys and --keymap vi|emacs|FILE.")), 0, false,
	    STYLE_DIM, NULL, 0, -1);
	if (about->table != KEYMAP_GLOBAL)
		view_help_table(ui, vh, p, about->table, _("This view"));
	view_help_table(ui, vh, p, KEYMAP_GLOBAL, _("Everywhere"));
	view_help_table(ui, vh, p, KEYMAP_PROMPT, _("In prompts"));
	view_help_commands(vh, p);
	/* Every action, bound or not, with its keys in any table. */
	page_newline(p, -1, 0);
	page_newline(p, -1, 0);
	page_add(p, _("All actions"), strlen(_("All actions")), STYLE_TITLE, -1);
	buf_init(&keys);
	for (act = 1; act < ACTION_COUNT; act++) {
		buf_reset(&keys);
		for (t = 0; t < KEYMAP_TABLE_COUNT; t++) {
			const struct keymap_binding *b =
			    keymap_bindings(ui_keymap(ui), (enum keymap_table)t, &n);
			for (i = 0; i < n; i++) {
				if ((int)b[i].action != act)
					continue;
				key_seq_to_name(&b[i].seq, one, sizeof one);
				/* A key bound to it in several tables (h in
				 * table, roadmap and compare) is listed once. */
				if (view_help_has_key(keys.data, keys.len, one))
					continue;
				if (keys.len > 0)
					buf_adds(&keys, ",");
				buf_adds(&keys, one);
			}
		}
		view_help_line(vh, p, keys.len > 0 ? keys.data : _("(unbound)"),
		    action_name((enum action)act),
		    action_help((enum action)act));
	}
	buf_free(&keys);
	/* The marks a person must read right, without colour. */
	page_newline(p, -1, 0);
	page_newline(p, -1, 0);
	page_add(p, _("Marks"), strlen(_("Marks")), STYLE_TITLE, -1);
	{
		static const char *const marks[] = {
			N_("~ or (inferred): hms concludes this relation (same "
			    "name, a measure's project, a mark read as a "
			    "ministry); no source states it.  show and the "
			    "exports give the reason."),
			N_("not stated (記載なし): the source gives no amount; "
			    "never counted as 0, and every total says how many "
			    "it could not include."),
			N_("Totals are one per fiscal year and budget type: "
			    "当初, 補正, 基金 and 調整費 are never added "
			    "together; 再掲 counts once, の内数 never."),
			N_("KPI verdicts: achieved, on track, behind, not met, "
			    "no value yet, or not evaluable with the reason; "
			    "decided from the KPI's own dates, never today's."),
			N_("Roadmap letters: d done, p in progress, n not "
			    "started, ? no report.  Lower case is inferred from "
			    "the measure's 進捗状況 dated within the column (no "
			    "source states a milestone's status); the "
			    "milestone's page says from which words.  *2025年度* "
			    "is the column holding today (--today)."),
		};
		size_t m;

		for (m = 0; m < HMS_NELEM(marks); m++) {
			page_newline(p, -1, 0);
			page_add_wrapped(p, _(marks[m]), strlen(_(marks[m])), 2,
			    false, STYLE_NORMAL, NULL, 0, -1);
		}
	}
	vh->page = p;
	vh->width = width;
}

static void
view_help_draw(void *self, struct ui *ui, struct surface *s, int x, int y,
    int w, int h)
{
	struct view_help *vh = self;

	if (vh->page == NULL || vh->width != w) {
		page_free(vh->page);
		view_help_build(ui, vh, w);
	}
	vh->height = h;
	if (vh->top > (int)vh->page->nlines - h)
		vh->top = (int)vh->page->nlines - h;
	if (vh->top < 0)
		vh->top = 0;
	page_draw(vh->page, s, x, y, w, h, vh->top, -1);
}

static void
view_help_filter_done(struct ui *ui, const char *text)
{
	struct view_help *vh = view_help_state(ui);

	if (text == NULL)
		return;
	free(vh->filter);
	vh->filter = text[0] != '\0' ? text_normalize_str(text, strlen(text), 0) :
	    NULL;
	page_free(vh->page);
	vh->page = NULL;
	vh->top = 0;
}

static bool
view_help_action(void *self, struct ui *ui, enum action act)
{
	struct view_help *vh = self;

	if (view_scroll(&vh->top, vh->height, act))
		return true;
	switch (act) {
	case ACTION_SEARCH:
	case ACTION_FILTER:
		ui_prompt(ui, _("Help search: "), NULL, NULL, NULL,
		    view_help_filter_done);
		break;
	case ACTION_HELP:
		break;
	default:
		return false;
	}
	return true;
}

static void
view_help_destroy(void *self)
{
	struct view_help *vh = self;

	page_free(vh->page);
	free(vh->filter);
	free(vh);
}

static int
view_help_save(void *self)
{
	return (int)((struct view_help *)self)->about;
}

static void
view_help_restore(void *self, int place)
{
	view_help_about(self, (enum view_id)place);
}

const struct view_ops view_help_ops = {
	.name = "help",
	.title = N_("Help"),
	.table = KEYMAP_HELP,
	.flags = VIEW_VISIT,
	.create = view_help_create,
	.destroy = view_help_destroy,
	.draw = view_help_draw,
	.action = view_help_action,
	.save = view_help_save,
	.restore = view_help_restore,
};
