/* keymap.c — key tables and the .keys parser. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "keymap.h"
#include "keymap-presets.h"
#include "util.h"

struct keymap_tab {
	struct keymap_binding	*v;
	size_t			 n, cap;
};

struct keymap {
	struct keymap_tab	 tabs[KEYMAP_TABLE_COUNT];
	char			**origins;	/* owned copies of file names */
	size_t			 norigins, origcap;
	/* Set by "set NAME VALUE" lines; -1 until one is read. */
	int			 settings[KEYMAP_SET_COUNT];
};

/* The settings: every one is a whole number in [min, max]. */
static const struct {
	const char	*name;
	int		 min, max;
	const char	*what;		/* the message for a bad value */
} keymap_settings[KEYMAP_SET_COUNT] = {
	[KEYMAP_SET_READING_WIDTH] = {
		.name = "reading-width", .min = 0, .max = 10000,
		.what = N_("a number of columns from 0 (no limit) to 10000"),
	},
};

static const char *const keymap_tables[KEYMAP_TABLE_COUNT] = {
	[KEYMAP_GLOBAL] = "global",
	[KEYMAP_LIST] = "list",
	[KEYMAP_READER] = "reader",
	[KEYMAP_TABLE] = "table",
	[KEYMAP_ROADMAP] = "roadmap",
	[KEYMAP_COMPARE] = "compare",
	[KEYMAP_SOURCE] = "source",
	[KEYMAP_HELP] = "help",
	[KEYMAP_PROMPT] = "prompt",
};

static const struct {
	const char	*name;
	const char	*text;
} keymap_presets[] = {
	{ "default", keymap_default_keys },
	{ "vi", keymap_vi_keys },
	{ "emacs", keymap_emacs_keys },
};

const char *
keymap_table_name(enum keymap_table t)
{
	return keymap_tables[t];
}

int
keymap_table_from_name(const char *name)
{
	size_t i;

	for (i = 0; i < KEYMAP_TABLE_COUNT; i++) {
		if (strcmp(keymap_tables[i], name) == 0)
			return (int)i;
	}
	return -1;
}

const char *
keymap_preset(const char *name)
{
	size_t i;

	for (i = 0; i < HMS_NELEM(keymap_presets); i++) {
		if (strcmp(keymap_presets[i].name, name) == 0)
			return keymap_presets[i].text;
	}
	return NULL;
}

struct keymap *
keymap_create(void)
{
	struct keymap *km = xcalloc(1, sizeof *km);
	size_t i;

	for (i = 0; i < KEYMAP_SET_COUNT; i++)
		km->settings[i] = -1;
	return km;
}

int
keymap_setting_from_name(const char *name)
{
	size_t i;

	for (i = 0; i < KEYMAP_SET_COUNT; i++) {
		if (strcmp(keymap_settings[i].name, name) == 0)
			return (int)i;
	}
	return -1;
}

const char *
keymap_setting_name(enum keymap_setting s)
{
	return keymap_settings[s].name;
}

int
keymap_setting_parse(enum keymap_setting s, const char *text, int *value,
    const char **why)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(text, &end, 10);
	if (end == text || *end != '\0' || errno != 0 ||
	    n < keymap_settings[s].min || n > keymap_settings[s].max ||
	    text[0] == ' ' || text[0] == '\t' || text[0] == '+') {
		*why = keymap_settings[s].what;
		return -1;
	}
	*value = (int)n;
	return 0;
}

int
keymap_setting(const struct keymap *km, enum keymap_setting s)
{
	return km->settings[s];
}

void
keymap_free(struct keymap *km)
{
	size_t i;

	if (km == NULL)
		return;
	for (i = 0; i < KEYMAP_TABLE_COUNT; i++)
		free(km->tabs[i].v);
	for (i = 0; i < km->norigins; i++)
		free(km->origins[i]);
	free(km->origins);
	free(km);
}

static bool
keymap_seq_eq(const struct key_seq *a, const struct key_seq *b)
{
	return a->n == b->n &&
	    memcmp(a->keys, b->keys, (size_t)a->n * sizeof a->keys[0]) == 0;
}

/* Whether a is a proper prefix of b. */
static bool
keymap_seq_prefix(const struct key_seq *a, const struct key_seq *b)
{
	return a->n < b->n &&
	    memcmp(a->keys, b->keys, (size_t)a->n * sizeof a->keys[0]) == 0;
}

static void
keymap_unbind(struct keymap_tab *t, const struct key_seq *seq)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		if (keymap_seq_eq(&t->v[i].seq, seq)) {
			memmove(&t->v[i], &t->v[i + 1],
			    (t->n - i - 1) * sizeof t->v[0]);
			t->n--;
			return;
		}
	}
}

static void
keymap_bind(struct keymap_tab *t, const struct key_seq *seq, enum action a,
    const char *origin, int line)
{
	keymap_unbind(t, seq);
	util_grow(&t->v, &t->cap, t->n + 1, sizeof t->v[0]);
	t->v[t->n].seq = *seq;
	t->v[t->n].action = a;
	t->v[t->n].origin = origin;
	t->v[t->n].line = line;
	t->n++;
}

static void HMS_PRINTF(5, 6)
keymap_problem(keymap_report_fn *report, void *arg, const char *origin,
    int line, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (report == NULL)
		return;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	report(arg, origin, line, msg);
	free(msg);
}

/* Split a line into words; quotes ('…' or "…") keep spaces and #. */
static int
keymap_split(char *line, char **words, int max, bool *bad_quote)
{
	int n = 0;
	char *p = line, *w;
	char q;

	*bad_quote = false;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#')
			break;
		if (n == max)
			return n + 1;
		if (*p == '"' || *p == '\'') {
			q = *p++;
			w = p;
			while (*p != '\0' && *p != q)
				p++;
			if (*p != q) {
				*bad_quote = true;
				return n;
			}
			*p++ = '\0';
		} else {
			w = p;
			while (*p != '\0' && *p != ' ' && *p != '\t')
				p++;
			if (*p != '\0')
				*p++ = '\0';
		}
		words[n++] = w;
	}
	return n;
}

static const char *
keymap_origin(struct keymap *km, const char *origin)
{
	size_t i;

	for (i = 0; i < km->norigins; i++) {
		if (strcmp(km->origins[i], origin) == 0)
			return km->origins[i];
	}
	util_grow(&km->origins, &km->origcap, km->norigins + 1,
	    sizeof *km->origins);
	km->origins[km->norigins] = xstrdup(origin);
	return km->origins[km->norigins++];
}

/* "set NAME VALUE": one problem (returns 1) or none. */
static int
keymap_load_set(struct keymap *km, char **words, int nw, const char *origin,
    int lineno, keymap_report_fn *report, void *arg)
{
	char quote[UTIL_EXCERPT_SIZE], quote2[UTIL_EXCERPT_SIZE];
	const char *why;
	int s, v;

	if (nw != 3) {
		keymap_problem(report, arg, origin, lineno,
		    _("set needs a name and a value (set reading-width 100)"));
		return 1;
	}
	if ((s = keymap_setting_from_name(words[1])) < 0) {
		keymap_problem(report, arg, origin, lineno,
		    _("unknown setting '%s' (one of: reading-width)"),
		    util_excerpt(words[1], quote));
		return 1;
	}
	if (keymap_setting_parse((enum keymap_setting)s, words[2], &v,
	    &why) != 0) {
		keymap_problem(report, arg, origin, lineno,
		    _("bad value '%s' for %s: %s"), util_excerpt(words[2], quote2),
		    keymap_settings[s].name, _(why));
		return 1;
	}
	km->settings[s] = v;
	return 0;
}

int
keymap_load_string(struct keymap *km, const char *text, size_t len,
    const char *origin_in, keymap_report_fn *report, void *arg)
{
	const char *origin = keymap_origin(km, origin_in);
	const char *p = text, *end = text + len, *nl;
	char *line, *words[8], seqtext[128], quote[UTIL_EXCERPT_SIZE];
	struct key_seq seq;
	int lineno = 0, problems = 0, nw, t, k;
	enum action a;
	bool bad_quote;
	size_t used;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		lineno++;
		if (memchr(p, '\0', (size_t)(nl - p)) != NULL) {
			/* Not text: never read half a line. */
			keymap_problem(report, arg, origin, lineno,
			    _("a NUL byte in the line"));
			problems++;
			p = nl + 1;
			continue;
		}
		line = xstrndup(p, (size_t)(nl - p));
		p = nl + 1;
		if (strlen(line) > 0 && line[strlen(line) - 1] == '\r')
			line[strlen(line) - 1] = '\0';
		nw = keymap_split(line, words, 8, &bad_quote);
		if (bad_quote) {
			keymap_problem(report, arg, origin, lineno,
			    _("unterminated quote"));
			problems++;
			goto next;
		}
		if (nw == 0)
			goto next;
		if (nw > 8) {
			keymap_problem(report, arg, origin, lineno,
			    _("too many words"));
			problems++;
			goto next;
		}
		if (strcmp(words[0], "set") == 0) {
			problems += keymap_load_set(km, words, nw, origin,
			    lineno, report, arg);
			goto next;
		}
		if (strcmp(words[0], "bind") != 0 &&
		    strcmp(words[0], "unbind") != 0) {
			keymap_problem(report, arg, origin, lineno,
			    _("unknown command '%s' (expected bind, unbind "
			    "or set)"),
			    util_excerpt(words[0], quote));
			problems++;
			goto next;
		}
		if (nw < (strcmp(words[0], "bind") == 0 ? 4 : 3)) {
			keymap_problem(report, arg, origin, lineno,
			    strcmp(words[0], "bind") == 0 ?
			    _("bind needs a table, a key and an action") :
			    _("unbind needs a table and a key"));
			problems++;
			goto next;
		}
		if ((t = keymap_table_from_name(words[1])) < 0) {
			keymap_problem(report, arg, origin, lineno,
			    _("unknown table '%s' (one of: global, list, "
			    "reader, table, roadmap, compare, source, help, "
			    "prompt)"),
			    util_excerpt(words[1], quote));
			problems++;
			goto next;
		}
		/* The key words: everything between the table and the action
		 * (or the end, for unbind). */
		seqtext[0] = '\0';
		used = 0;
		seq.n = 0;
		for (k = 2; k < (strcmp(words[0], "bind") == 0 ? nw - 1 : nw); k++) {
			uint32_t key = key_from_name(words[k]);
			if (key == HK_NONE) {
				keymap_problem(report, arg, origin, lineno,
				    _("unknown key '%s'"),
				    util_excerpt(words[k], quote));
				problems++;
				goto next;
			}
			if (seq.n == KEY_SEQ_MAX) {
				keymap_problem(report, arg, origin, lineno,
				    _("key sequence longer than %d keys"),
				    KEY_SEQ_MAX);
				problems++;
				goto next;
			}
			seq.keys[seq.n++] = key;
			used += (size_t)snprintf(seqtext + used,
			    used < sizeof seqtext ? sizeof seqtext - used : 0,
			    "%s%s", k > 2 ? " " : "", words[k]);
		}
		if (strcmp(words[0], "unbind") == 0) {
			keymap_unbind(&km->tabs[t], &seq);
			goto next;
		}
		a = action_find(words[nw - 1]);
		if (a == ACTION_NONE && strcmp(words[nw - 1], "none") != 0) {
			keymap_problem(report, arg, origin, lineno,
			    _("unknown action '%s' (hms --help lists the "
			    "views; the help screen, every action)"),
			    util_excerpt(words[nw - 1], quote));
			problems++;
			goto next;
		}
		if (a == ACTION_NONE)
			keymap_unbind(&km->tabs[t], &seq);
		else
			keymap_bind(&km->tabs[t], &seq, a, origin, lineno);
next:
		free(line);
	}
	return problems;
}

int
keymap_load_file(struct keymap *km, const char *path, keymap_report_fn *report,
    void *arg)
{
	char *text;
	size_t len;
	int n;

	char *why;

	/* Bounded, and never a FIFO or a device: hms --check-keymap
	 * /dev/zero would otherwise read until memory ran out. */
	text = util_read_file(path, KEYMAP_MAX_FILE, &len, &why);
	if (text == NULL) {
		keymap_problem(report, arg, path, 0, _("cannot read: %s"), why);
		free(why);
		return 1;
	}
	n = keymap_load_string(km, text, len, path, report, arg);
	free(text);
	return n;
}

static enum action
keymap_lookup_one(const struct keymap_tab *t, const struct key_seq *seq,
    bool *partial)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		if (keymap_seq_eq(&t->v[i].seq, seq))
			return t->v[i].action;
	}
	for (i = 0; i < t->n; i++) {
		if (keymap_seq_prefix(seq, &t->v[i].seq))
			*partial = true;
	}
	return ACTION_NONE;
}

enum action
keymap_lookup(const struct keymap *km, enum keymap_table t,
    const struct key_seq *seq, bool *partial)
{
	enum action a;

	*partial = false;
	a = keymap_lookup_one(&km->tabs[t], seq, partial);
	if (a != ACTION_NONE || *partial || t == KEYMAP_PROMPT)
		return a;
	return keymap_lookup_one(&km->tabs[KEYMAP_GLOBAL], seq, partial);
}

const struct keymap_binding *
keymap_bindings(const struct keymap *km, enum keymap_table t, size_t *n)
{
	*n = km->tabs[t].n;
	return km->tabs[t].v;
}

static int
keymap_lint_pair(const struct keymap_tab *short_tab,
    const struct keymap_tab *long_tab, const char *short_name,
    const char *long_name, keymap_report_fn *report, void *arg)
{
	size_t i, j;
	int n = 0;
	char a[128], b[128];

	for (i = 0; i < long_tab->n; i++) {
		for (j = 0; j < short_tab->n; j++) {
			if (!keymap_seq_prefix(&short_tab->v[j].seq,
			    &long_tab->v[i].seq))
				continue;
			keymap_problem(report, arg, long_tab->v[i].origin,
			    long_tab->v[i].line,
			    _("'%s' in %s can never be typed: '%s' is bound "
			    "to %s in %s (%s:%d)"),
			    key_seq_to_name(&long_tab->v[i].seq, a, sizeof a),
			    long_name,
			    key_seq_to_name(&short_tab->v[j].seq, b, sizeof b),
			    action_name(short_tab->v[j].action), short_name,
			    short_tab->v[j].origin, short_tab->v[j].line);
			n++;
		}
	}
	return n;
}

/* Control keys a terminal sends as the same byte as a named key: a
 * binding of C-i is a binding of Tab the terminal can never tell apart. */
static const struct {
	uint32_t	alias;
	uint32_t	key;
} keymap_aliases[] = {
	{ HK_CTRL | 'i', HK_TAB },
	{ HK_CTRL | 'm', HK_ENTER },
	{ HK_CTRL | 'j', HK_ENTER },
	{ HK_CTRL | 'h', HK_BSPACE },
	{ HK_CTRL | '[', HK_ESCAPE },
};

/* Report the bindings of table t that use such an alias for another
 * action than the key it stands for has: that action is never reached
 * through them (vi's C-i for forward is Tab, next-link). */
static int
keymap_lint_aliases(const struct keymap *km, int t, keymap_report_fn *report,
    void *arg)
{
	const struct keymap_tab *tab = &km->tabs[t];
	struct key_seq real;
	enum action act;
	bool partial, changed;
	char a[128], b[128];
	size_t i, k, j;
	int n = 0;

	for (i = 0; i < tab->n; i++) {
		real = tab->v[i].seq;
		changed = false;
		for (k = 0; (int)k < real.n; k++) {
			for (j = 0; j < HMS_NELEM(keymap_aliases); j++) {
				if (real.keys[k] == keymap_aliases[j].alias) {
					real.keys[k] = keymap_aliases[j].key;
					changed = true;
				}
			}
		}
		if (!changed)
			continue;
		act = keymap_lookup(km, (enum keymap_table)t, &real, &partial);
		if (act == tab->v[i].action)
			continue;
		keymap_problem(report, arg, tab->v[i].origin, tab->v[i].line,
		    _("'%s' in %s can never be typed: terminals send '%s' "
		    "for it (%s), so %s is not reached by it"),
		    key_seq_to_name(&tab->v[i].seq, a, sizeof a),
		    keymap_tables[t], key_seq_to_name(&real, b, sizeof b),
		    act != ACTION_NONE ? action_name(act) : "unbound",
		    action_name(tab->v[i].action));
		n++;
	}
	return n;
}

int
keymap_lint(const struct keymap *km, keymap_report_fn *report, void *arg)
{
	int t, n = 0;

	for (t = 0; t < KEYMAP_TABLE_COUNT; t++) {
		n += keymap_lint_aliases(km, t, report, arg);
		n += keymap_lint_pair(&km->tabs[t], &km->tabs[t],
		    keymap_tables[t], keymap_tables[t], report, arg);
		if (t != KEYMAP_GLOBAL && t != KEYMAP_PROMPT)
			n += keymap_lint_pair(&km->tabs[t],
			    &km->tabs[KEYMAP_GLOBAL], keymap_tables[t],
			    keymap_tables[KEYMAP_GLOBAL], report, arg);
	}
	return n;
}
