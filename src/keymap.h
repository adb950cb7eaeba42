/* keymap.h — key tables and the .keys file format (hms-keys(5)).
 *
 *	# a comment
 *	bind TABLE KEY... ACTION	bind a key or a sequence ("g g")
 *	unbind TABLE KEY...		remove a binding
 *	set NAME VALUE			a setting (reading-width 100)
 *
 * Tables: global, list, reader, table, roadmap, compare, source, help,
 * prompt.  A view looks a key up in its own table first, then in global
 * (the prompt table stands alone).  The built-in bindings are
 * keymaps/default.keys itself, compiled in and read by this same parser;
 * the vi and emacs presets are read on top of it, then the user's file. */
#ifndef HMS_KEYMAP_H
#define HMS_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "action.h"
#include "key.h"

enum keymap_table {
	KEYMAP_GLOBAL,
	KEYMAP_LIST,
	KEYMAP_READER,
	KEYMAP_TABLE,
	KEYMAP_ROADMAP,
	KEYMAP_COMPARE,
	KEYMAP_SOURCE,
	KEYMAP_HELP,
	KEYMAP_PROMPT,
	KEYMAP_TABLE_COUNT
};

struct keymap_binding {
	struct key_seq	 seq;
	enum action	 action;
	const char	*origin;	/* file name it came from */
	int		 line;
};

struct keymap;

/* Called for each problem: origin (file name), line, message. */
typedef void keymap_report_fn(void *arg, const char *origin, int line,
    const char *message);

/* An empty keymap; free with keymap_free() (NULL is a no-op). */
struct keymap *keymap_create(void);
void keymap_free(struct keymap *km);

/* Apply the lines of a keymap text.  Every bad line is reported and
 * skipped; the rest still applies.  Returns the number of problems. */
int keymap_load_string(struct keymap *km, const char *text, size_t len,
    const char *origin, keymap_report_fn *report, void *arg);
/* The longest keymap file read: hand-written files are a few KiB. */
#define KEYMAP_MAX_FILE (1024 * 1024)
/* Same for a file; an unreadable file (missing, not a regular file, longer
 * than KEYMAP_MAX_FILE) is one problem (line 0). */
int keymap_load_file(struct keymap *km, const char *path,
    keymap_report_fn *report, void *arg);
/* The compiled-in text of a preset ("default", "vi", "emacs"), or NULL. */
const char *keymap_preset(const char *name);

/* Look a sequence up in table t, then (unless t is the prompt) in global.
 * Returns the action; *partial is set when the sequence is the start of
 * a longer binding and nothing is bound to it alone (wait for more keys). */
enum action keymap_lookup(const struct keymap *km, enum keymap_table t,
    const struct key_seq *seq, bool *partial);

/* The bindings of a table, in the order they were made. */
const struct keymap_binding *keymap_bindings(const struct keymap *km,
    enum keymap_table t, size_t *n);

/* Report bindings that can never fire: a sequence whose first keys are
 * bound alone in the same table, or in the view's table when the
 * sequence is global.  Returns the number reported. */
int keymap_lint(const struct keymap *km, keymap_report_fn *report, void *arg);

/* Settings a keys file may make with "set NAME VALUE" (and the ':set'
 * prompt, with the same names and checks). */
enum keymap_setting {
	KEYMAP_SET_READING_WIDTH,	/* columns the reader wraps to, 0: all */
	KEYMAP_SET_COUNT
};

/* The setting called name ("reading-width"), or -1. */
int keymap_setting_from_name(const char *name);
const char *keymap_setting_name(enum keymap_setting s);
/* Read a value of setting s from text into *value: 0, or -1 with *why
 * (a constant string) saying what a value must be. */
int keymap_setting_parse(enum keymap_setting s, const char *text,
    int *value, const char **why);
/* The value the keymap's files set last, or -1 when none set it. */
int keymap_setting(const struct keymap *km, enum keymap_setting s);

const char *keymap_table_name(enum keymap_table t);
int keymap_table_from_name(const char *name);

#endif
