/* main.c — start-up: options, locale, content, then a command or the
 * interface. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "chart.h"
#include "cli.h"
#include "content-load.h"
#include "content.h"
#include "i18n.h"
#include "keymap.h"
#include "main.h"
#include "output.h"
#include "plain.h"
#include "store.h"
#include "figures.h"
#include "text.h"
#include "util.h"

enum {
	OPT_FORMAT = 256, OPT_WIDTH, OPT_REGEX, OPT_TYPE, OPT_PERIOD, OPT_ERA,
	OPT_CONTENT, OPT_KEYMAP, OPT_CHECK_KEYMAP, OPT_NO_COLOR, OPT_AMBIWIDTH,
	OPT_LANG, OPT_TODAY, OPT_HELP, OPT_VERSION, OPT_NO_MOUSE, OPT_IMPORT,
	OPT_BY, OPT_FY, OPT_FUZZY, OPT_CHART, OPT_BOM, OPT_IDS, OPT_PLAIN,
	OPT_READING_WIDTH, OPT_FRESH, OPT_COMPLETE
};

/*
 * The options, in the order --help lists them.  One table gives
 * getopt_long its array, --help its lines and the shell completion its
 * words (hms --complete=options, and the values after '=').  A help
 * text's lines are separated by '\n'; an option without help is not
 * listed (--no-colour, --complete).
 */
static const struct main_option {
	const char	*name;
	int		 has_arg;
	int		 id;
	const char	*arg;		/* as --help names the value */
	const char	*help;
	const char	*values;	/* what completion offers after '=' */
} main_options[] = {
	{ "format", required_argument, OPT_FORMAT, N_("FMT"),
	  N_("text, tsv or json (search, show, list, funds,\n"
	     "budget); csv for search, list, funds, budget"),
	  "text tsv json csv" },
	{ "bom", no_argument, OPT_BOM, NULL,
	  N_("csv: start with a UTF-8 byte-order mark, for\n"
	     "spreadsheet programs (also the interface's\n"
	     ".csv export)"), NULL },
	{ "by", required_argument, OPT_BY, N_("GROUP"),
	  N_("budget: totals by project, ministry or program"),
	  "project ministry program" },
	{ "fy", required_argument, OPT_FY, N_("YEAR"),
	  N_("budget: only the lines of that fiscal year"), NULL },
	{ "ids", no_argument, OPT_IDS, NULL,
	  N_("list: only \"ID<TAB>title\" lines (TYPE optional)"), NULL },
	{ "chart", no_argument, OPT_CHART, NULL,
	  N_("budget: bars, one per group, fiscal year and\n"
	     "budget type, scaled to the widest"), NULL },
	{ "width", required_argument, OPT_WIDTH, "N",
	  N_("wrap text to N columns (show; default: terminal)"), NULL },
	{ "regex", no_argument, OPT_REGEX, NULL,
	  N_("QUERY is a PCRE2 regular expression"), NULL },
	{ "type", required_argument, OPT_TYPE, N_("TYPE"),
	  N_("search only entities of TYPE"), "@types" },
	{ "period", required_argument, OPT_PERIOD, "N",
	  N_("only entities of period N (1, 2 or 3)"), "1 2 3" },
	{ "era", no_argument, OPT_ERA, NULL,
	  N_("also match era years (令和6年 = 2024年)"), NULL },
	{ "fuzzy", no_argument, OPT_FUZZY, NULL,
	  N_("search: also find near matches, ranked last"), NULL },
	{ "import", required_argument, OPT_IMPORT, N_("FILE"),
	  N_("bookmarks, notes: merge FILE into yours"), "@files" },
	{ "content", required_argument, OPT_CONTENT, "DIR",
	  N_("content directory (default: $HMS_CONTENT, then\n"
	     "the build tree, then the installed content)"), "@dirs" },
	{ "keymap", required_argument, OPT_KEYMAP, N_("NAME|FILE"),
	  N_("key bindings: default, vi, emacs or a file"),
	  "default vi emacs @files" },
	{ "check-keymap", required_argument, OPT_CHECK_KEYMAP, N_("FILE"),
	  N_("report problems in a keymap file and exit"), "@files" },
	{ "no-color", no_argument, OPT_NO_COLOR, NULL,
	  N_("draw without colour (also: NO_COLOR set)"), NULL },
	{ "no-colour", no_argument, OPT_NO_COLOR, NULL, NULL, NULL },
	{ "no-mouse", no_argument, OPT_NO_MOUSE, NULL,
	  N_("leave the mouse to the terminal (select and copy)"), NULL },
	{ "reading-width", required_argument, OPT_READING_WIDTH, "N",
	  N_("wrap pages to at most N columns (default 100;\n"
	     "0: the whole width)"), NULL },
	{ "fresh", no_argument, OPT_FRESH, NULL,
	  N_("start at the first screen, not where the last\n"
	     "session was left"), NULL },
	{ "plain", no_argument, OPT_PLAIN, NULL,
	  N_("no cursor control: read commands line by line and\n"
	     "print pages as text (also without a terminal on\n"
	     "standard input or output, and with TERM=dumb)"), NULL },
	{ "ambiwidth", required_argument, OPT_AMBIWIDTH, "1|2|auto",
	  N_("width of East Asian ambiguous characters"), "1 2 auto" },
	{ "lang", required_argument, OPT_LANG, "ja|en",
	  N_("language of the interface"), "ja en" },
	{ "today", required_argument, OPT_TODAY, "YYYY-MM-DD",
	  N_("the date the roadmap marks as now"), NULL },
	{ "help", no_argument, OPT_HELP, NULL,
	  N_("show this help and exit"), NULL },
	{ "version", no_argument, OPT_VERSION, NULL,
	  N_("show the version and exit"), NULL },
	{ "complete", required_argument, OPT_COMPLETE, NULL, NULL,
	  "commands options types" },
};

/* What a command was given: the loaded content (NULL for check and the
 * interface), the command options, and its arguments. */
struct main_run {
	struct content		*c;
	struct cli_opts		*co;
	struct main_opts	*mo;
	const char		*dir;
	const char		*name;
	char			*const *argv;
	int			 argc;
};

static int main_run_interface(const struct main_run *);
static int main_run_check(const struct main_run *);
static int main_run_one(const struct main_run *);
static int main_run_store(const struct main_run *);
static int main_run_budget(const struct main_run *);
static int main_run_compare(const struct main_run *);

/*
 * The commands, in the order --help lists them: how many arguments each
 * takes and what is said when the count is wrong, whether it needs the
 * content loaded, what completes its arguments, and the function that
 * runs it.  The first, with no name, is hms alone: the interface.
 */
static const struct main_command {
	const char	*name;
	const char	*args;		/* as --help shows them */
	const char	*help;
	int		 min, max;	/* arguments; max -1: any number */
	const char	*count_msg;	/* %s: the command */
	bool		 content;	/* load the content first */
	const char	*complete;	/* completion words: @ids, @types... */
	int		 (*run)(const struct main_run *);
} main_commands[] = {
	{ "", NULL, N_("start the interface on the bundled content"),
	  0, 0, NULL, false, NULL, main_run_interface },
	{ "open", "ID", N_("start the interface at that entity"),
	  1, 1, N_("open needs one ID"), false, "@ids", main_run_interface },
	{ "search", N_("QUERY"), N_("entities that match QUERY, best first"),
	  1, 1, N_("%s needs one QUERY (quote a query of several words)"),
	  true, "@ids", main_run_one },
	{ "show", "ID", N_("one entity with its relations and backlinks"),
	  1, 1, N_("%s needs one argument"), true, "@ids", main_run_one },
	{ "funds", N_("QUERY"), N_("programs that fund what QUERY finds"),
	  1, 1, N_("%s needs one QUERY (quote a query of several words)"),
	  true, "@ids", main_run_one },
	{ "budget", N_("[QUERY]"),
	  N_("budget totals per project, fiscal year and\n"
	     "budget type (never added across them)"),
	  0, 1, N_("budget takes at most one QUERY (quote a query of "
	     "several words)"), true, "@ids", main_run_budget },
	{ "list", N_("TYPE"),
	  N_("every entity of a type (period, section, project,\n"
	     "disease, measure, milestone, kpi, program,\n"
	     "ministry, term)"),
	  1, 1, N_("%s needs one argument"), true, "@types", main_run_one },
	{ "compare", N_("[TOPIC]"), N_("the period 1/2/3 comparison table"),
	  0, 1, N_("compare takes at most one TOPIC"), true,
	  "projects diseases policies goals", main_run_compare },
	{ "check", N_("[PATH]..."),
	  N_("validate content; problems as FILE:LINE: message"),
	  0, -1, NULL, false, "@files", main_run_check },
	{ "bookmarks", NULL,
	  N_("your bookmarks (text: the file format, importable)"),
	  0, 0, N_("%s takes no argument (--import FILE merges a file)"),
	  true, NULL, main_run_store },
	{ "notes", NULL, N_("your notes on entities (likewise)"),
	  0, 0, N_("%s takes no argument (--import FILE merges a file)"),
	  true, NULL, main_run_store },
};

/* Where --help starts a command's or an option's text. */
#define MAIN_HELP_COL 25

/* "  left" padded to the help column, then the help's lines, each after
 * the first indented to that column (two spaces at least). */
static void
main_usage_line(FILE *f, const char *left, const char *help)
{
	const char *p = help, *nl;
	int w = text_width(left, strlen(left));

	fputs(left, f);
	do {
		fprintf(f, "%*s", w + 2 > MAIN_HELP_COL ? 2 : MAIN_HELP_COL - w,
		    "");
		nl = strchr(p, '\n');
		fwrite(p, 1, nl != NULL ? (size_t)(nl - p) : strlen(p), f);
		fputc('\n', f);
		w = 0;
		p = nl + 1;
	} while (nl != NULL);
}

static void
main_usage(FILE *f)
{
	const struct main_command *cmd;
	const struct main_option *o;
	char *left;
	char *err = NULL;

	/* Widths of translated words need the text module. */
	if (text_init(&err) != 0)
		free(err);
	fputs(_("Usage: hms [OPTION]... [COMMAND [ARG]...]\n"
	    "Explore Japan's Health and Medical Strategy (periods 1, 2 and "
	    "3).\n"), f);
	fprintf(f, "\n%s\n", _("Commands:"));
	for (cmd = main_commands; cmd < main_commands +
	    HMS_NELEM(main_commands); cmd++) {
		if (cmd->name[0] == '\0')
			left = xasprintf("  %s", _("(none)"));
		else
			left = xasprintf("  %s%s%s", cmd->name,
			    cmd->args != NULL ? " " : "",
			    cmd->args != NULL ? _(cmd->args) : "");
		main_usage_line(f, left, _(cmd->help));
		free(left);
	}
	fprintf(f, "\n%s\n", _("Options:"));
	for (o = main_options; o < main_options + HMS_NELEM(main_options);
	    o++) {
		if (o->help == NULL)
			continue;
		left = xasprintf("      --%s%s%s", o->name,
		    o->arg != NULL ? "=" : "", o->arg != NULL ? _(o->arg) : "");
		main_usage_line(f, left, _(o->help));
		free(left);
	}
	fprintf(f, "\n%s\n", _("Exit status: 0 something found, 1 nothing "
	    "found, 2 usage or content error."));
}

/* hms --complete=WHAT, for the shell completion functions: one word a
 * line.  commands; options (--name, or --name= when it takes a value);
 * types; --NAME: the values of that option; COMMAND: what completes its
 * argument.  Words starting with @ name a kind the completion function
 * fills in itself (@ids: hms list --ids; @files; @dirs). */
static int
main_complete(const char *what)
{
	const struct main_command *cmd;
	const struct main_option *o;
	const char *words = NULL, *p;
	int t;

	if (strcmp(what, "commands") == 0) {
		for (cmd = main_commands + 1; cmd < main_commands +
		    HMS_NELEM(main_commands); cmd++)
			printf("%s\n", cmd->name);
		return CLI_FOUND;
	}
	if (strcmp(what, "options") == 0) {
		for (o = main_options; o < main_options +
		    HMS_NELEM(main_options); o++)
			if (o->help != NULL)
				printf("--%s%s\n", o->name,
				    o->has_arg != no_argument ? "=" : "");
		return CLI_FOUND;
	}
	if (strcmp(what, "types") == 0)
		words = "@types";
	else if (strncmp(what, "--", 2) == 0) {
		for (o = main_options; o < main_options +
		    HMS_NELEM(main_options); o++)
			if (strcmp(o->name, what + 2) == 0)
				words = o->values != NULL ? o->values : "";
	} else
		for (cmd = main_commands + 1; cmd < main_commands +
		    HMS_NELEM(main_commands); cmd++)
			if (strcmp(cmd->name, what) == 0)
				words = cmd->complete != NULL ?
				    cmd->complete : "";
	if (words == NULL)
		return CLI_NOTHING;
	for (p = words; *p != '\0'; p += strcspn(p, " ")) {
		p += strspn(p, " ");
		if (strncmp(p, "@types", 6) == 0) {
			for (t = 0; t < CONTENT_TYPE_COUNT; t++)
				printf("%s\n", content_type_name(
				    (enum content_type)t));
			continue;
		}
		printf("%.*s\n", (int)strcspn(p, " "), p);
	}
	return CLI_FOUND;
}

static HMS_NORETURN void HMS_PRINTF(1, 2)
main_bad_usage(const char *fmt, ...)
{
	va_list ap;

	fputs("hms: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\n", stderr);
	fputs(_("Try 'hms --help' for more information.\n"), stderr);
	exit(CLI_ERROR);
}

/* A command's message for a wrong count of arguments, its %s the
 * command (the messages come from a table, not a literal). */
static HMS_NORETURN void
main_bad_count(const char *msg, const char *cmd)
{
	const char *p = strstr(msg, "%s");

	if (p == NULL)
		main_bad_usage("%s", msg);
	main_bad_usage("%.*s%s%s", (int)(p - msg), msg, cmd, p + 2);
}

/* Whether s is a real date written YYYY-MM-DD. */
static bool
main_valid_date(const char *s)
{
	static const int mdays[12] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int y, m, d, len = 0;

	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &len) != 3 ||
	    len != 10 || s[len] != '\0' || s[4] != '-' || s[7] != '-')
		return false;
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0));
}

/* A query in another encoding than UTF-8 (a terminal set to Latin-1 or
 * EUC-JP) can match nothing: say so rather than "nothing found". */
static void
main_check_query(const char *cmd, const char *q)
{
	if (!text_utf8_valid(q, strlen(q), NULL))
		main_bad_usage(_("the QUERY of %s is not valid UTF-8 (is the "
		    "terminal set to UTF-8?)"), cmd);
}

static bool
main_is_dir(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* The directory holding this executable, or NULL. */
static char *
main_exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n;
	char *slash;

	n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	if ((slash = strrchr(buf, '/')) == NULL)
		return NULL;
	*slash = '\0';
	return xstrdup(buf);
}

/* Whether this executable runs from the build tree. */
static bool
main_in_build_tree(void)
{
	char real[PATH_MAX], *exe;
	bool in;

	if ((exe = main_exe_dir()) == NULL)
		return false;
	in = realpath(HMS_BUILDDIR, real) != NULL && strcmp(real, exe) == 0;
	free(exe);
	return in;
}

char *
main_content_dir(const char *option)
{
	const char *env;
	char *p;

	if (option != NULL)
		return xstrdup(option);
	if ((env = getenv("HMS_CONTENT")) != NULL && *env != '\0')
		return xstrdup(env);
	/* Run from the build tree: use the source tree's content. */
	if (main_in_build_tree()) {
		p = xasprintf("%s/content", HMS_SRCDIR);
		if (main_is_dir(p))
			return p;
		free(p);
	}
	return xstrdup(HMS_PKGDATADIR "/content");
}

/* hms needs a UTF-8 locale to draw Japanese.  SSH often leaves LANG=C:
 * then switch to C.UTF-8 and say so. */
static void
main_locale(struct main_opts *mo)
{
	const char *cs;

	if (setlocale(LC_ALL, "") == NULL)
		setlocale(LC_ALL, "C");
	cs = nl_langinfo(CODESET);
	if (cs == NULL || strcmp(cs, "UTF-8") != 0) {
		if (setlocale(LC_CTYPE, "C.UTF-8") != NULL ||
		    setlocale(LC_CTYPE, "C.utf8") != NULL ||
		    setlocale(LC_CTYPE, "en_US.UTF-8") != NULL) {
			mo->locale_note = true;
		} else {
			fprintf(stderr, "hms: no UTF-8 locale is available "
			    "(tried C.UTF-8 and en_US.UTF-8); Japanese text "
			    "cannot be shown. Install one (Debian: the "
			    "'locales' package) and set LANG.\n");
			exit(CLI_ERROR);
		}
	}
	/* Numbers in content and output always use '.' as decimal point. */
	setlocale(LC_NUMERIC, "C");
}

/* The language the environment asks for: LC_ALL, LC_MESSAGES, then LANG
 * (as setlocale reads them), even when that locale is not installed. */
static const char *
main_env_lang(void)
{
	const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" }, *v;
	size_t i;

	for (i = 0; i < HMS_NELEM(vars); i++) {
		if ((v = getenv(vars[i])) != NULL && *v != '\0')
			return v;
	}
	return "";
}

static void
main_lang(const char *lang)
{
	/* A Japanese locale the server lacks still means Japanese: the
	 * catalogue does not need the locale, only LC_MESSAGES not C. */
	if (lang == NULL && strncmp(main_env_lang(), "ja", 2) == 0 &&
	    getenv("LANGUAGE") == NULL)
		lang = "ja";
	if (lang == NULL)
		return;
	if (strcmp(lang, "ja") != 0 && strcmp(lang, "en") != 0)
		main_bad_usage(_("--lang must be 'ja' or 'en', not '%s'"), lang);
	/* LANGUAGE takes precedence in gettext, and it is honoured only
	 * when LC_MESSAGES is not the plain C locale. */
	setenv("LANGUAGE", strcmp(lang, "ja") == 0 ? "ja" : "en", 1);
	if (strcmp(lang, "ja") == 0) {
		const char *cur = setlocale(LC_MESSAGES, NULL);
		if (cur == NULL || strcmp(cur, "C") == 0 ||
		    strcmp(cur, "POSIX") == 0)
			setlocale(LC_MESSAGES, "C.UTF-8");
	}
}

static struct content *
main_load(const char *dir)
{
	struct content_diags d;
	struct content *c;
	size_t i;

	content_diags_init(&d);
	c = content_load(dir, NULL, &d);
	if (c == NULL) {
		for (i = 0; i < d.n && i < 20; i++) {
			out_text(stderr, d.v[i].file);
			if (d.v[i].line > 0)
				fprintf(stderr, ":%d", d.v[i].line);
			fputs(": ", stderr);
			out_text(stderr, d.v[i].message);
			fputc('\n', stderr);
		}
		if (d.n > 20)
			fprintf(stderr, _("hms: … and %zu more problems\n"),
			    d.n - 20);
		fprintf(stderr, _("hms: cannot load the content in %s "
		    "(run 'hms check' for every problem)\n"), dir);
		content_diags_free(&d);
		exit(CLI_ERROR);
	}
	content_diags_free(&d);
	return c;
}

static void
main_keymap_report(void *arg, const char *origin, int line, const char *msg)
{
	int *n = arg;

	(*n)++;
	out_text(stderr, origin);
	if (line > 0)
		fprintf(stderr, ":%d", line);
	fputs(": ", stderr);
	out_text(stderr, msg);
	fputc('\n', stderr);
}

/* hms --check-keymap FILE: every problem as FILE:LINE, on top of the
 * built-in bindings so that shadowing is seen as it would be. */
static int
main_check_keymap(const char *path)
{
	struct keymap *km = keymap_create();
	const char *dflt = keymap_preset("default");
	int n = 0;

	keymap_load_string(km, dflt, strlen(dflt), "default.keys", NULL, NULL);
	if (keymap_preset(path) != NULL && access(path, F_OK) != 0) {
		const char *p = keymap_preset(path);
		char *origin = xasprintf("%s.keys", path);
		keymap_load_string(km, p, strlen(p), origin, main_keymap_report, &n);
		free(origin);
	} else
		keymap_load_file(km, path, main_keymap_report, &n);
	keymap_lint(km, main_keymap_report, &n);
	keymap_free(km);
	if (n > 0) {
		fprintf(stderr, _("hms: %d problem(s) in %s\n"), n, path);
		return CLI_ERROR;
	}
	printf(_("%s: OK\n"), path);
	return CLI_FOUND;
}

/* Whether the interface gives way to plain mode (plain.h): --plain, a
 * terminal that cannot move the cursor (TERM unset or dumb: Emacs's
 * shell buffer, a screen reader's console), or no terminal on standard
 * input or output (a pipe: echo 'search FIH' | hms). */
static bool
main_wants_plain(const struct main_opts *mo)
{
	const char *term = getenv("TERM");

	return mo->plain || term == NULL || *term == '\0' ||
	    strcmp(term, "dumb") == 0 || !isatty(STDIN_FILENO) ||
	    !isatty(STDOUT_FILENO);
}

int
main_interface(const struct main_opts *mo, const char *dir, const char *id)
{
	struct main_opts o;
	struct content *c;
	int rc;

	if (mo->check_keymap != NULL)
		return main_check_keymap(mo->check_keymap);
	c = main_load(dir);
	/* An unknown id is a usage error, said before the screen is taken
	 * (as hms show says it). */
	if (id != NULL && content_find(c, id) == NULL) {
		fprintf(stderr, _("hms: no entity with id '%s'\n"), id);
		content_free(c);
		text_fini();
		return CLI_ERROR;
	}
	/* Bookmarks, notes and history: the app reports the store's
	 * messages (read-only, a damaged file moved aside) itself. */
	/* Without cursor control the pages are printed as text, commands
	 * read a line at a time; bookmarks and notes are not touched. */
	if (main_wants_plain(mo)) {
		rc = plain_run(c, id != NULL ? content_find(c, id) : NULL,
		    stdin, stdout, stderr);
		content_free(c);
		text_fini();
		return rc;
	}
	o = *mo;
	o.store = store_open(NULL);
	rc = app_run(&o, c, id);
	store_free(o.store);
	content_free(c);
	text_fini();
	return rc;
}

/* hms and hms open ID: the interface, or hms --check-keymap FILE. */
static int
main_run_interface(const struct main_run *r)
{
	return main_interface(r->mo, r->dir, r->argc > 0 ? r->argv[0] : NULL);
}

static int
main_run_check(const struct main_run *r)
{
	return cli_check((const char *const *)r->argv, r->argc, r->dir);
}

/* search, show, funds, list: one argument. */
static int
main_run_one(const struct main_run *r)
{
	struct store *st;
	int rc;

	if (strcmp(r->name, "search") == 0 || strcmp(r->name, "funds") == 0)
		main_check_query(r->name, r->argv[0]);
	if (strcmp(r->name, "search") == 0)
		return cli_search(r->c, r->co, r->argv[0]);
	if (strcmp(r->name, "funds") == 0)
		return cli_funds(r->c, r->co, r->argv[0]);
	if (strcmp(r->name, "list") == 0)
		return cli_list(r->c, r->co, r->argv[0]);
	/* show: the reader's note on the entity is part of it. */
	st = store_open(NULL);
	r->co->store = st;
	rc = cli_show(r->c, r->co, r->argv[0]);
	r->co->store = NULL;
	store_free(st);
	return rc;
}

/* bookmarks, notes. */
static int
main_run_store(const struct main_run *r)
{
	struct store *st = store_open(NULL);
	int rc;

	rc = r->name[0] == 'b' ? cli_bookmarks(r->c, r->co, st) :
	    cli_notes(r->c, r->co, st);
	store_free(st);
	return rc;
}

static int
main_run_budget(const struct main_run *r)
{
	if (r->argc > 0)
		main_check_query(r->name, r->argv[0]);
	return cli_budget(r->c, r->co, r->argc > 0 ? r->argv[0] : NULL);
}

static int
main_run_compare(const struct main_run *r)
{
	return cli_compare(r->c, r->co, r->argc > 0 ? r->argv[0] : NULL);
}

/* Which options go with which commands, said before anything is read. */
static void
main_check_combinations(const struct main_opts *mo, const struct cli_opts *co,
    const char *cmd, bool bom)
{
	if (mo->plain)
		main_bad_usage("%s", _("--plain goes with hms alone or hms open "
		    "ID"));
	if (co->chart && (strcmp(cmd, "budget") != 0 ||
	    co->format != OUTPUT_TEXT))
		main_bad_usage("%s", _("--chart draws hms budget as text "
		    "(not with --format)"));
	if (co->import != NULL && strcmp(cmd, "bookmarks") != 0 &&
	    strcmp(cmd, "notes") != 0)
		main_bad_usage("%s", _("--import works with bookmarks and notes"));
	if (co->format == OUTPUT_CSV && strcmp(cmd, "search") != 0 &&
	    strcmp(cmd, "list") != 0 && strcmp(cmd, "funds") != 0 &&
	    strcmp(cmd, "budget") != 0)
		main_bad_usage(_("--format csv works with search, list, funds "
		    "and budget, not %s"), cmd);
	if (bom && co->format != OUTPUT_CSV)
		main_bad_usage("%s", _("--bom goes with --format csv"));
	if (co->ids && strcmp(cmd, "list") != 0)
		main_bad_usage("%s", _("--ids goes with list"));
}

/* The locale, the message catalogue and the language (--lang), before
 * anything is said, so that help and usage errors speak it. */
static void
main_i18n(struct main_opts *mo, int argc, char **argv)
{
	int i;

	main_locale(mo);
#if ENABLE_NLS
	bindtextdomain(PACKAGE, main_in_build_tree() ?
	    HMS_BUILDDIR "/locale" : HMS_LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strncmp(argv[i], "--lang=", 7) == 0)
			mo->lang = argv[i] + 7;
		else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			mo->lang = argv[i + 1];
	}
	main_lang(mo->lang);
}

/* One option (the id of main_options, or 'h' and 'V') and its argument:
 * -1 to go on, or the status to exit with. */
static int
main_option(int ch, const char *arg, struct main_opts *mo,
    struct cli_opts *co, bool *bom)
{
	const char *why;
	long n;
	char *end;
	int fmt;

	switch (ch) {
	case OPT_FORMAT:
		if ((fmt = output_format_parse(arg)) < 0)
			main_bad_usage(_("unknown format '%s' (text, "
			    "tsv, json or csv)"), arg);
		co->format = (enum output_format)fmt;
		break;
	case OPT_WIDTH:
		n = strtol(arg, &end, 10);
		if (end == arg || *end != '\0' || n < 0 || n > 10000)
			main_bad_usage(_("bad width '%s'"), arg);
		co->width = (int)n;
		break;
	case OPT_REGEX:
		co->regex = true;
		break;
	case OPT_TYPE:
		if ((co->type = content_type_from_name(arg)) < 0)
			main_bad_usage(_("unknown type '%s'"), arg);
		break;
	case OPT_PERIOD:
		n = strtol(arg, &end, 10);
		if (*end != '\0' || n < 1 || n > 3)
			main_bad_usage(_("period must be 1, 2 or 3, "
			    "not '%s'"), arg);
		co->period = (int)n;
		break;
	case OPT_ERA:
		co->era = true;
		break;
	case OPT_FUZZY:
		co->fuzzy = true;
		break;
	case OPT_CONTENT:
		mo->content = arg;
		break;
	case OPT_KEYMAP:
		mo->keymap = arg;
		break;
	case OPT_CHECK_KEYMAP:
		mo->check_keymap = arg;
		break;
	case OPT_NO_COLOR:
		mo->no_color = true;
		break;
	case OPT_NO_MOUSE:
		mo->no_mouse = true;
		break;
	case OPT_AMBIWIDTH:
		if (strcmp(arg, "1") == 0)
			mo->ambiwidth = 1;
		else if (strcmp(arg, "2") == 0)
			mo->ambiwidth = 2;
		else if (strcmp(arg, "auto") == 0)
			mo->ambiwidth = -1;
		else
			main_bad_usage(_("--ambiwidth must be 1, 2 or "
			    "auto, not '%s'"), arg);
		break;
	case OPT_LANG:
		mo->lang = arg;
		break;
	case OPT_TODAY:
		if (!main_valid_date(arg))
			main_bad_usage(_("--today must be a date "
			    "YYYY-MM-DD, not '%s'"), arg);
		mo->today = arg;
		break;
	case OPT_IMPORT:
		co->import = arg;
		break;
	case OPT_BY:
		if ((co->by = figures_by_from_name(arg)) < 0)
			main_bad_usage(_("--by must be project, ministry "
			    "or program, not '%s'"), arg);
		break;
	case OPT_FY:
		n = strtol(arg, &end, 10);
		if (end == arg || *end != '\0' || n < 1900 ||
		    n > 2100)
			main_bad_usage(_("--fy must be a fiscal year "
			    "such as 2025, not '%s'"), arg);
		co->fy = (int)n;
		break;
	case OPT_CHART:
		co->chart = true;
		break;
	case OPT_IDS:
		co->ids = true;
		break;
	case OPT_PLAIN:
		mo->plain = true;
		break;
	case OPT_BOM:
		out_set_bom(true);
		*bom = true;
		break;
	case OPT_READING_WIDTH:
		if (keymap_setting_parse(KEYMAP_SET_READING_WIDTH,
		    arg, &mo->reading_width, &why) != 0)
			main_bad_usage(_("--reading-width must be %s, "
			    "not '%s'"), _(why), arg);
		break;
	case OPT_FRESH:
		mo->fresh = true;
		break;
	case OPT_COMPLETE:
		return main_complete(arg);
	case 'h':
	case OPT_HELP:
		main_usage(stdout);
		return 0;
	case 'V':
	case OPT_VERSION:
		printf("hms %s\n", PACKAGE_VERSION);
		return 0;
	default:
		fputs(_("Try 'hms --help' for more information.\n"),
		    stderr);
		return CLI_ERROR;
	}
	return -1;
}

int
main(int argc, char **argv)
{
	struct main_opts mo = { 0 };
	struct cli_opts co = {
		.format = OUTPUT_TEXT, .width = -1, .type = -1,
	};
	struct option longopts[HMS_NELEM(main_options) + 1];
	const struct main_command *command = NULL;
	struct main_run run = { 0 };
	const char *cmd;
	char *dir, *err = NULL;
	int ch, rc, nargs;
	bool bom = false;
	size_t i;

	mo.reading_width = -1;
	main_i18n(&mo, argc, argv);
	for (i = 0; i < HMS_NELEM(main_options); i++) {
		longopts[i].name = main_options[i].name;
		longopts[i].has_arg = main_options[i].has_arg;
		longopts[i].flag = NULL;
		longopts[i].val = main_options[i].id;
	}
	memset(&longopts[i], 0, sizeof longopts[i]);
	/* getopt's own messages name argv[0]; ours all start "hms:". */
	argv[0] = (char *)"hms";
	while ((ch = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		if ((rc = main_option(ch, optarg, &mo, &co, &bom)) >= 0)
			return rc;
	}
	/* Say once that the locale was switched; the interface says it on
	 * its message line, a command on stderr when a person reads it. */
	if (mo.locale_note && optind < argc && isatty(STDERR_FILENO))
		fputs(_("hms: LANG is not UTF-8: using C.UTF-8 to show Japanese\n"),
		    stderr);
	/* Pictures use block characters only where the user's own
	 * locale is UTF-8 (before our switch to C.UTF-8). */
	chart_set_ascii(mo.locale_note);
	if (text_init(&err) != 0) {
		fprintf(stderr, "hms: %s\n", err);
		free(err);
		return CLI_ERROR;
	}
	if (mo.ambiwidth > 0)
		text_set_ambiwidth(mo.ambiwidth);

	cmd = optind < argc ? argv[optind] : "";
	nargs = optind < argc ? argc - optind - 1 : 0;
	/* --check-keymap FILE checks and exits, whatever else is said. */
	if (mo.check_keymap != NULL && strcmp(cmd, "check") != 0)
		cmd = "";
	for (i = 0; i < HMS_NELEM(main_commands); i++)
		if (strcmp(main_commands[i].name, cmd) == 0)
			command = &main_commands[i];
	if (command == NULL)
		main_bad_usage(_("unknown command '%s'"), cmd);
	dir = main_content_dir(mo.content);
	/* Everything but hms check may skip the slow checks of content
	 * that passed them before, unchanged (content-load.h). */
	content_load_trust_verified(command->run != main_run_check);
	if (mo.check_keymap == NULL && (nargs < command->min ||
	    (command->max >= 0 && nargs > command->max)) &&
	    !(co.ids && strcmp(cmd, "list") == 0 && nargs == 0))
		main_bad_count(_(command->count_msg), cmd);
	if (command->content)
		main_check_combinations(&mo, &co, cmd, bom);
	run.co = &co;
	run.mo = &mo;
	run.dir = dir;
	run.name = cmd;
	run.argv = argv + optind + (optind < argc);
	run.argc = nargs;
	if (command->content) {
		run.c = main_load(dir);
		/* The mark opens the file, before the first record. */
		if (co.format == OUTPUT_CSV)
			out_bom(stdout);
	}
	rc = command->run(&run);
	if (command->run == main_run_interface) {
		/* The interface has freed the text module already. */
		free(dir);
		return rc;
	}
	fflush(stdout);
	if (run.c != NULL)
		content_free(run.c);
	free(dir);
	text_fini();
	if (ferror(stdout))
		return CLI_ERROR;
	return rc;
}
