/* prompt.h — the line editor of the bottom line.
 *
 * A prompt is text, a cursor and a label, plus the histories of what was
 * typed at each kind of prompt ("search", "goto").  It knows nothing of
 * what the text is for: ui.c opens it, feeds it the keys the keymap maps
 * to edits, and runs the callbacks of whoever opened it on the way. */
#ifndef HMS_PROMPT_H
#define HMS_PROMPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "action.h"

struct ui;

/* Called with the prompt's text: on every edit (changed), when it is
 * accepted (done; NULL when cancelled), and for view-specific keys in
 * the prompt (Tab completion, C-r). */
typedef void prompt_fn(struct ui *ui, const char *text);

struct prompt;

struct prompt *prompt_create(void);
void prompt_free(struct prompt *p);

/* Open the prompt with label and initial text; history names the list
 * Up and Down walk through (NULL: none).  Any earlier prompt is
 * replaced. */
void prompt_open(struct prompt *p, const char *label, const char *history,
    const char *initial, prompt_fn *changed, prompt_fn *done);
/* The hooks of the keys that mean something only to some prompts: Tab
 * (complete) and C-r (toggle); NULL: the key does nothing here. */
void prompt_set_hooks(struct prompt *p, prompt_fn *complete,
    prompt_fn *toggle);
void prompt_close(struct prompt *p);
bool prompt_active(const struct prompt *p);

const char *prompt_label(const struct prompt *p);
void prompt_set_label(struct prompt *p, const char *label);
/* The text ("" when none) and its length; the cursor, a byte offset. */
const char *prompt_text(const struct prompt *p);
size_t prompt_len(const struct prompt *p);
size_t prompt_cursor(const struct prompt *p);

/* Remember text in the history called name (as typed in an earlier
 * session, or just now); the name of this prompt's history, or NULL. */
void prompt_history_add(struct prompt *p, const char *name, const char *text);
const char *prompt_history_name(const struct prompt *p);

/* Completion candidates (takes ownership): Tab cycles through them. */
void prompt_set_candidates(struct prompt *p, char **cands, size_t n);
/* Tab: put the next candidate in; false when there are none yet (the
 * complete hook is then asked for them).  *i and *n say which it is. */
bool prompt_complete_next(struct prompt *p, size_t *i, size_t *n);
prompt_fn *prompt_complete_hook(const struct prompt *p);
prompt_fn *prompt_toggle_hook(const struct prompt *p);

/* An editing action (move, delete, history): whether the text changed.
 * Accepting, cancelling, Tab and C-r are the caller's (ui.c). */
bool prompt_edit(struct prompt *p, enum action act);
/* Insert a typed key. */
void prompt_insert_key(struct prompt *p, uint32_t key);

/* The text changed since the changed callback last ran: an edit only
 * marks the prompt, and the callback runs once before the next draw. */
bool prompt_take_dirty(struct prompt *p);
/* Mark the text as changed (its meaning changed: C-r made it a regex). */
void prompt_touch(struct prompt *p);
prompt_fn *prompt_changed_hook(const struct prompt *p);
prompt_fn *prompt_done_hook(const struct prompt *p);

#endif
