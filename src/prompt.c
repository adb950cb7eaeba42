/* prompt.c — the line editor of the bottom line (see prompt.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "key.h"
#include "prompt.h"
#include "text.h"
#include "util.h"

#define PROMPT_HISTORY_MAX 200	/* lines kept per history */
#define PROMPT_HISTORIES 4	/* search, goto, filter, export */

struct prompt_history {
	char	*name;
	char   **items;
	size_t	 n;
};

struct prompt {
	bool			 active;
	char			*label;
	struct buf		 text;
	size_t			 cursor;	/* byte offset */
	prompt_fn		*changed;
	prompt_fn		*done;
	prompt_fn		*complete;
	prompt_fn		*toggle;
	bool			 dirty;		/* edited since changed() ran */
	struct prompt_history	*hist;
	int			 hist_pos;	/* -1: editing the new line */
	char			*saved;		/* the new line, while in
						 * the history */
	char		       **cands;		/* Tab completion */
	size_t			 ncands;
	size_t			 cand;
	struct prompt_history	 lists[PROMPT_HISTORIES];
};

struct prompt *
prompt_create(void)
{
	struct prompt *p = xcalloc(1, sizeof *p);

	buf_init(&p->text);
	p->hist_pos = -1;
	return p;
}

static void
prompt_free_cands(struct prompt *p)
{
	size_t i;

	for (i = 0; i < p->ncands; i++)
		free(p->cands[i]);
	free(p->cands);
	p->cands = NULL;
	p->ncands = 0;
}

void
prompt_free(struct prompt *p)
{
	size_t i, j;

	if (p == NULL)
		return;
	prompt_free_cands(p);
	buf_free(&p->text);
	free(p->label);
	free(p->saved);
	for (i = 0; i < PROMPT_HISTORIES; i++) {
		for (j = 0; j < p->lists[i].n; j++)
			free(p->lists[i].items[j]);
		free(p->lists[i].items);
		free(p->lists[i].name);
	}
	free(p);
}

/* The history called name, made on first use; NULL for no name, or when
 * every slot is taken. */
static struct prompt_history *
prompt_history(struct prompt *p, const char *name)
{
	size_t i;

	if (name == NULL)
		return NULL;
	for (i = 0; i < PROMPT_HISTORIES; i++) {
		if (p->lists[i].name != NULL &&
		    strcmp(p->lists[i].name, name) == 0)
			return &p->lists[i];
	}
	for (i = 0; i < PROMPT_HISTORIES; i++) {
		if (p->lists[i].name == NULL) {
			p->lists[i].name = xstrdup(name);
			return &p->lists[i];
		}
	}
	return NULL;
}

void
prompt_history_add(struct prompt *p, const char *name, const char *s)
{
	struct prompt_history *h = prompt_history(p, name);

	if (h == NULL || *s == '\0')
		return;
	if (h->n > 0 && strcmp(h->items[h->n - 1], s) == 0)
		return;
	if (h->n == PROMPT_HISTORY_MAX) {
		free(h->items[0]);
		memmove(h->items, h->items + 1, (h->n - 1) * sizeof *h->items);
		h->n--;
	}
	h->items = xreallocarray(h->items, h->n + 1, sizeof *h->items);
	h->items[h->n++] = xstrdup(s);
}

const char *
prompt_history_name(const struct prompt *p)
{
	return p->hist != NULL ? p->hist->name : NULL;
}

void
prompt_open(struct prompt *p, const char *label, const char *history,
    const char *initial, prompt_fn *changed, prompt_fn *done)
{
	free(p->label);
	p->label = xstrdup(label);
	buf_reset(&p->text);
	buf_adds(&p->text, initial != NULL ? initial : "");
	p->cursor = p->text.len;
	p->changed = changed;
	p->done = done;
	p->complete = NULL;
	p->toggle = NULL;
	p->dirty = false;
	p->hist = prompt_history(p, history);
	p->hist_pos = -1;
	free(p->saved);
	p->saved = NULL;
	prompt_free_cands(p);
	p->active = true;
}

void
prompt_set_hooks(struct prompt *p, prompt_fn *complete, prompt_fn *toggle)
{
	p->complete = complete;
	p->toggle = toggle;
}

void
prompt_close(struct prompt *p)
{
	p->active = false;
	p->dirty = false;
	prompt_free_cands(p);
}

bool
prompt_active(const struct prompt *p)
{
	return p->active;
}

const char *
prompt_label(const struct prompt *p)
{
	return p->label != NULL ? p->label : "";
}

void
prompt_set_label(struct prompt *p, const char *label)
{
	free(p->label);
	p->label = xstrdup(label);
}

const char *
prompt_text(const struct prompt *p)
{
	return p->active && p->text.data != NULL ? p->text.data : "";
}

size_t
prompt_len(const struct prompt *p)
{
	return p->active ? p->text.len : 0;
}

size_t
prompt_cursor(const struct prompt *p)
{
	return p->cursor;
}

prompt_fn *
prompt_complete_hook(const struct prompt *p)
{
	return p->complete;
}

prompt_fn *
prompt_toggle_hook(const struct prompt *p)
{
	return p->toggle;
}

prompt_fn *
prompt_changed_hook(const struct prompt *p)
{
	return p->changed;
}

prompt_fn *
prompt_done_hook(const struct prompt *p)
{
	return p->done;
}

static void
prompt_set(struct prompt *p, const char *s)
{
	buf_reset(&p->text);
	buf_adds(&p->text, s);
	p->cursor = p->text.len;
}

void
prompt_set_candidates(struct prompt *p, char **cands, size_t n)
{
	prompt_free_cands(p);
	p->cands = cands;
	p->ncands = n;
	p->cand = 0;
}

bool
prompt_complete_next(struct prompt *p, size_t *i, size_t *n)
{
	if (p->ncands == 0)
		return false;
	*i = p->cand;
	*n = p->ncands;
	prompt_set(p, p->cands[p->cand]);
	p->cand = (p->cand + 1) % p->ncands;
	return true;
}

/* An edit marks the prompt (see prompt_take_dirty) and ends a round of
 * completion. */
static void
prompt_edited(struct prompt *p)
{
	prompt_free_cands(p);
	p->dirty = true;
}

void
prompt_touch(struct prompt *p)
{
	prompt_edited(p);
}

bool
prompt_take_dirty(struct prompt *p)
{
	bool was = p->dirty && p->active;

	p->dirty = false;
	return was;
}

static void
prompt_insert(struct prompt *p, const char *s, size_t n)
{
	/* In place: a paste of thousands of characters stays linear. */
	buf_reserve(&p->text, n + 1);
	memmove(p->text.data + p->cursor + n, p->text.data + p->cursor,
	    p->text.len - p->cursor);
	memcpy(p->text.data + p->cursor, s, n);
	p->text.len += n;
	p->text.data[p->text.len] = '\0';
	p->cursor += n;
}

static void
prompt_delete(struct prompt *p, size_t from, size_t to)
{
	if (to <= from || to > p->text.len)
		return;
	memmove(p->text.data + from, p->text.data + to, p->text.len - to + 1);
	p->text.len -= to - from;
	if (p->cursor > to)
		p->cursor -= to - from;
	else if (p->cursor > from)
		p->cursor = from;
}

void
prompt_insert_key(struct prompt *p, uint32_t key)
{
	char enc[8];

	if (key == HK_SPACE)
		key = ' ';
	if ((key & HK_MODS) != 0 || key >= HK_BASE)
		return;
	prompt_insert(p, enc, text_utf8_encode(key, enc));
	prompt_edited(p);
}

bool
prompt_edit(struct prompt *p, enum action act)
{
	const char *t = p->text.data != NULL ? p->text.data : "";
	size_t i;

	switch (act) {
	case ACTION_PROMPT_BACKSPACE:
		prompt_delete(p, text_utf8_prev(t, p->cursor), p->cursor);
		break;
	case ACTION_PROMPT_DELETE:
		if (p->cursor < p->text.len)
			prompt_delete(p, p->cursor, text_cluster_end(t,
			    p->text.len, p->cursor));
		break;
	case ACTION_PROMPT_LEFT:
		p->cursor = text_utf8_prev(t, p->cursor);
		return false;
	case ACTION_PROMPT_RIGHT:
		if (p->cursor < p->text.len)
			p->cursor = text_cluster_end(t, p->text.len, p->cursor);
		return false;
	case ACTION_PROMPT_HOME:
		p->cursor = 0;
		return false;
	case ACTION_PROMPT_END:
		p->cursor = p->text.len;
		return false;
	case ACTION_PROMPT_KILL:
		prompt_set(p, "");
		break;
	case ACTION_PROMPT_KILL_WORD:
		i = p->cursor;
		while (i > 0 && t[i - 1] == ' ')
			i--;
		while (i > 0 && t[i - 1] != ' ')
			i = text_utf8_prev(t, i);
		prompt_delete(p, i, p->cursor);
		break;
	case ACTION_PROMPT_HISTORY_PREV:
	case ACTION_PROMPT_HISTORY_NEXT:
		if (p->hist == NULL || p->hist->n == 0)
			return false;
		if (p->hist_pos < 0) {
			free(p->saved);
			p->saved = xstrdup(t);
			p->hist_pos = (int)p->hist->n;
		}
		p->hist_pos += act == ACTION_PROMPT_HISTORY_PREV ? -1 : 1;
		if (p->hist_pos < 0)
			p->hist_pos = 0;
		if (p->hist_pos >= (int)p->hist->n) {
			p->hist_pos = -1;
			prompt_set(p, p->saved != NULL ? p->saved : "");
		} else
			prompt_set(p, p->hist->items[p->hist_pos]);
		break;
	default:
		return false;
	}
	prompt_edited(p);
	return true;
}
