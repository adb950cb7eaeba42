/* ui.c — the services views use: content, messages, the prompt, the
 * views' state; and the requests to move that the app carries out. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content.h"
#include "i18n.h"
#include "key.h"
#include "search.h"
#include "store.h"
#include "ui.h"
#include "util.h"

struct ui {
	struct content		*c;
	struct search_index	*idx;
	struct keymap		*km;
	struct store		*store;		/* NULL: nothing is kept */
	bool			 store_failed;	/* a history write failed */

	const struct view_ops *const *views;
	const struct ui_nav	*nav;
	void			*owner;
	enum view_id		 view;
	bool			 focus_reader;
	struct reader		*reader;

	char			*message;
	bool			 message_error;
	struct prompt		*prompt;

	bool			 quit;
	int			 today_y, today_m, today_d;
};

struct ui *
ui_create(struct content *c, const struct view_ops *const *views,
    const struct ui_nav *nav)
{
	struct ui *ui = xcalloc(1, sizeof *ui);
	time_t t = time(NULL);
	struct tm tm;

	ui->c = c;
	ui->views = views;
	ui->nav = nav;
	ui->view = VIEW_PROJECTS;
	ui->prompt = prompt_create();
	localtime_r(&t, &tm);
	ui_set_today(ui, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return ui;
}

void
ui_free(struct ui *ui)
{
	if (ui == NULL)
		return;
	prompt_free(ui->prompt);
	free(ui->message);
	keymap_free(ui->km);
	search_index_free(ui->idx);
	free(ui);
}

void
ui_set_owner(struct ui *ui, void *owner)
{
	ui->owner = owner;
}

void *
ui_owner(struct ui *ui)
{
	return ui->owner;
}

/* ---- what there is ---- */

const struct content *
ui_content(struct ui *ui)
{
	return ui->c;
}

struct search_index *
ui_search_index(struct ui *ui)
{
	if (ui->idx == NULL)
		ui->idx = search_index_build(ui->c);
	return ui->idx;
}

struct store *
ui_store(struct ui *ui)
{
	return ui->store;
}

/* The prompts' histories start with what earlier sessions typed. */
void
ui_set_store(struct ui *ui, struct store *st)
{
	const struct store_query *q;
	size_t i;

	ui->store = st;
	for (i = 0; st != NULL && i < store_query_count(st); i++) {
		q = store_query_at(st, i);
		prompt_history_add(ui->prompt, q->name, q->text);
	}
}

const struct keymap *
ui_keymap(struct ui *ui)
{
	return ui->km;
}

void
ui_set_keymap(struct ui *ui, struct keymap *km)
{
	keymap_free(ui->km);
	ui->km = km;
}

void
ui_today(struct ui *ui, int *y, int *m, int *d)
{
	*y = ui->today_y;
	*m = ui->today_m;
	*d = ui->today_d;
}

void
ui_set_today(struct ui *ui, int y, int m, int d)
{
	ui->today_y = y;
	ui->today_m = m;
	ui->today_d = d;
}

/* ---- views ---- */

const struct view_ops *
ui_view_ops(struct ui *ui, enum view_id v)
{
	return ui->views[v];
}

int
ui_view_from_name(struct ui *ui, const char *name)
{
	int i;

	for (i = 0; i < VIEW_COUNT; i++) {
		if (strcmp(ui->views[i]->name, name) == 0)
			return i;
	}
	return -1;
}

enum view_id
ui_current_view(struct ui *ui)
{
	return ui->view;
}

void
ui_set_current_view(struct ui *ui, enum view_id v)
{
	ui->view = v;
}

void *
ui_view(struct ui *ui, enum view_id v)
{
	return ui->nav->view(ui, v);
}

bool
ui_focus_reader(struct ui *ui)
{
	return ui->focus_reader;
}

void
ui_set_focus_reader(struct ui *ui, bool reader)
{
	ui->focus_reader = reader;
}

struct reader *
ui_reader(struct ui *ui)
{
	return ui->reader;
}

void
ui_set_reader(struct ui *ui, struct reader *r)
{
	ui->reader = r;
}

/* ---- moving ---- */

void
ui_open(struct ui *ui, struct content_entity *e)
{
	ui->nav->open(ui, e);
}

void
ui_open_marked(struct ui *ui, struct content_entity *e,
    const struct page_mark *marks, size_t n)
{
	ui->nav->open_marked(ui, e, marks, n);
}

void
ui_switch(struct ui *ui, enum view_id v)
{
	ui->nav->switch_to(ui, v);
}

void
ui_open_source(struct ui *ui, const struct content_prov *p)
{
	ui->nav->open_source(ui, p);
}

struct content_entity *
ui_selection(struct ui *ui)
{
	return ui->nav->selection(ui);
}

void
ui_show_source(struct ui *ui)
{
	struct content_entity *e;

	if (ui->view == VIEW_SOURCE)
		return;
	e = ui_selection(ui);
	if (e != NULL && e->nprov > 0)
		ui_open_source(ui, &e->prov[0]);
	else if (e != NULL)
		ui_message(ui, _("%s gives no source lines."), e->id);
	else
		ui_message(ui, "%s", _("Select or open an entity first."));
}

void
ui_quit(struct ui *ui)
{
	ui->quit = true;
}

bool
ui_quitting(struct ui *ui)
{
	return ui->quit;
}

/* ---- the message line ---- */

static void
ui_vmessage(struct ui *ui, bool error, const char *fmt, va_list ap)
{
	free(ui->message);
	ui->message = xvasprintf(fmt, ap);
	ui->message_error = error;
}

void
ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ui_vmessage(ui, false, fmt, ap);
	va_end(ap);
}

void
ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ui_vmessage(ui, true, fmt, ap);
	va_end(ap);
}

const char *
ui_message_text(struct ui *ui, bool *error)
{
	if (error != NULL)
		*error = ui->message_error;
	return ui->message;
}

void
ui_message_clear(struct ui *ui)
{
	free(ui->message);
	ui->message = NULL;
}

void
ui_store_failed(struct ui *ui, char *err)
{
	if (err != NULL && !ui->store_failed && !store_readonly(ui->store))
		ui_error(ui, _("History not saved: %s"), err);
	ui->store_failed = true;
	free(err);
}

bool
ui_store_poll(struct ui *ui)
{
	char *m;

	if (ui->store == NULL || ui->message != NULL ||
	    prompt_active(ui->prompt))
		return false;
	if ((m = store_take_message(ui->store)) == NULL)
		return false;
	ui_error(ui, "%s", m);
	free(m);
	return true;
}

/* ---- the prompt ---- */

void
ui_prompt(struct ui *ui, const char *label, const char *history,
    const char *initial, prompt_fn *changed, prompt_fn *done)
{
	prompt_open(ui->prompt, label, history, initial, changed, done);
	if (changed != NULL)
		changed(ui, prompt_text(ui->prompt));
}

void
ui_prompt_hooks(struct ui *ui, prompt_fn *complete, prompt_fn *toggle)
{
	prompt_set_hooks(ui->prompt, complete, toggle);
}

struct prompt *
ui_prompt_line(struct ui *ui)
{
	return ui->prompt;
}

const char *
ui_prompt_text(struct ui *ui)
{
	return prompt_text(ui->prompt);
}

void
ui_prompt_set_label(struct ui *ui, const char *label)
{
	prompt_set_label(ui->prompt, label);
}

void
ui_prompt_set_candidates(struct ui *ui, char **cands, size_t n)
{
	prompt_set_candidates(ui->prompt, cands, n);
}

void
ui_prompt_flush(struct ui *ui)
{
	prompt_fn *changed = prompt_changed_hook(ui->prompt);

	if (prompt_take_dirty(ui->prompt) && changed != NULL)
		changed(ui, prompt_text(ui->prompt));
}

/* Tab: the next candidate, asking the prompt's owner for them first. */
static void
ui_prompt_complete(struct ui *ui)
{
	struct prompt *p = ui->prompt;
	prompt_fn *complete = prompt_complete_hook(p);
	size_t i, n;

	if (complete == NULL)
		return;
	if (!prompt_complete_next(p, &i, &n)) {
		complete(ui, prompt_text(p));
		if (!prompt_complete_next(p, &i, &n)) {
			ui_message(ui, "%s", _("No completion."));
			return;
		}
	}
	if (n > 1)
		ui_message(ui, _("%zu/%zu completions (Tab for the next)"),
		    i + 1, n);
}

static void
ui_prompt_action(struct ui *ui, enum action act)
{
	struct prompt *p = ui->prompt;
	const char *hist;
	prompt_fn *done, *toggle;
	char *text, *err = NULL;

	switch (act) {
	case ACTION_PROMPT_ACCEPT:
		/* What typing did to the prompt comes first, as if each key
		 * had been drawn: Enter in the same batch as the keys before
		 * it (a paste, a slow machine) accepts what a person would
		 * have seen.  The callback may replace the prompt (/ at the
		 * start of the page prompt opens the all-content one). */
		ui_prompt_flush(ui);
		if (!prompt_active(p))
			return;
		text = xstrdup(prompt_text(p));
		if ((hist = prompt_history_name(p)) != NULL) {
			prompt_history_add(p, hist, text);
			if (ui->store != NULL && *text != '\0' &&
			    store_query_add(ui->store, hist, text, &err) != 0)
				ui_store_failed(ui, err);
		}
		done = prompt_done_hook(p);
		prompt_close(p);
		if (done != NULL)
			done(ui, text);
		free(text);
		return;
	case ACTION_PROMPT_CANCEL:
		done = prompt_done_hook(p);
		prompt_close(p);
		if (done != NULL)
			done(ui, NULL);
		return;
	case ACTION_PROMPT_COMPLETE:
		ui_prompt_complete(ui);
		return;
	case ACTION_PROMPT_TOGGLE_REGEX:
		if ((toggle = prompt_toggle_hook(p)) == NULL)
			return;
		toggle(ui, prompt_text(p));
		prompt_touch(p);
		return;
	default:
		(void)prompt_edit(p, act);
		return;
	}
}

void
ui_prompt_key(struct ui *ui, uint32_t key)
{
	struct key_seq seq = { .keys = { key }, .n = 1 };
	enum action act;
	bool partial;

	act = keymap_lookup(ui->km, KEYMAP_PROMPT, &seq, &partial);
	if (act != ACTION_NONE)
		ui_prompt_action(ui, act);
	else
		prompt_insert_key(ui->prompt, key);
}
