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

static void
main_usage(FILE *f)
{
	fputs(_(
"Usage: hms [OPTION]... [COMMAND [ARG]...]\n"
"Explore Japan's Health and Medical Strategy (periods 1, 2 and 3).\n"
"\n"
"Commands:\n"
"  (none)                 start the interface on the bundled content\n"
"  open ID                start the interface at that entity\n"
"  search QUERY           entities that match QUERY, best first\n"
"  show ID                one entity with its relations and backlinks\n"
"  funds QUERY            programs that fund what QUERY finds\n"
"  budget [QUERY]         budget totals per project, fiscal year and\n"
"                         budget type (never added across them)\n"
"  list TYPE              every entity of a type (period, section, project,\n"
"                         disease, measure, milestone, kpi, program,\n"
"                         ministry, term)\n"
"  compare [TOPIC]        the period 1/2/3 comparison table\n"
"  check [PATH]...        validate content; problems as FILE:LINE: message\n"
"  bookmarks              your bookmarks (text: the file format, importable)\n"
"  notes                  your notes on entities (likewise)\n"
"\n"
"Options:\n"
"      --format=FMT       text, tsv or json (search, show, list, funds,\n"
"                         budget); csv for search, list, funds, budget\n"
"      --bom              csv: start with a UTF-8 byte-order mark, for\n"
"                         spreadsheet programs (also the interface's\n"
"                         .csv export)\n"
"      --by=GROUP         budget: totals by project, ministry or program\n"
"      --fy=YEAR          budget: only the lines of that fiscal year\n"
"      --ids              list: only \"ID<TAB>title\" lines (TYPE optional)\n"
"      --chart            budget: bars, one per group, fiscal year and\n"
"                         budget type, scaled to the widest\n"
"      --width=N          wrap text to N columns (show; default: terminal)\n"
"      --regex            QUERY is a PCRE2 regular expression\n"
"      --type=TYPE        search only entities of TYPE\n"
"      --period=N         only entities of period N (1, 2 or 3)\n"
"      --era              also match era years (令和6年 = 2024年)\n"
"      --fuzzy            search: also find near matches, ranked last\n"
"      --import=FILE      bookmarks, notes: merge FILE into yours\n"
"      --content=DIR      content directory (default: $HMS_CONTENT, then\n"
"                         the build tree, then the installed content)\n"
"      --keymap=NAME|FILE key bindings: default, vi, emacs or a file\n"
"      --check-keymap=FILE  report problems in a keymap file and exit\n"
"      --no-color         draw without colour (also: NO_COLOR set)\n"
"      --no-mouse         leave the mouse to the terminal (select and copy)\n"
"      --reading-width=N  wrap pages to at most N columns (default 100;\n"
"                         0: the whole width)\n"
"      --fresh            start at the first screen, not where the last\n"
"                         session was left\n"
"      --plain            no cursor control: read commands line by line and\n"
"                         print pages as text (also without a terminal on\n"
"                         standard input or output, and with TERM=dumb)\n"
"      --ambiwidth=1|2|auto  width of East Asian ambiguous characters\n"
"      --lang=ja|en       language of the interface\n"
"      --today=YYYY-MM-DD the date the roadmap marks as now\n"
"      --help             show this help and exit\n"
"      --version          show the version and exit\n"
"\n"
"Exit status: 0 something found, 1 nothing found, 2 usage or content error.\n"), f);
}

enum {
	OPT_FORMAT = 256, OPT_WIDTH, OPT_REGEX, OPT_TYPE, OPT_PERIOD, OPT_ERA,
	OPT_CONTENT, OPT_KEYMAP, OPT_CHECK_KEYMAP, OPT_NO_COLOR, OPT_AMBIWIDTH,
	OPT_LANG, OPT_TODAY, OPT_HELP, OPT_VERSION, OPT_NO_MOUSE, OPT_IMPORT,
	OPT_BY, OPT_FY, OPT_FUZZY, OPT_CHART, OPT_BOM, OPT_IDS, OPT_PLAIN,
	OPT_READING_WIDTH, OPT_FRESH
};

static const struct option main_longopts[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "width", required_argument, NULL, OPT_WIDTH },
	{ "regex", no_argument, NULL, OPT_REGEX },
	{ "type", required_argument, NULL, OPT_TYPE },
	{ "period", required_argument, NULL, OPT_PERIOD },
	{ "era", no_argument, NULL, OPT_ERA },
	{ "fuzzy", no_argument, NULL, OPT_FUZZY },
	{ "content", required_argument, NULL, OPT_CONTENT },
	{ "keymap", required_argument, NULL, OPT_KEYMAP },
	{ "check-keymap", required_argument, NULL, OPT_CHECK_KEYMAP },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "no-colour", no_argument, NULL, OPT_NO_COLOR },
	{ "no-mouse", no_argument, NULL, OPT_NO_MOUSE },
	{ "ambiwidth", required_argument, NULL, OPT_AMBIWIDTH },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "today", required_argument, NULL, OPT_TODAY },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "import", required_argument, NULL, OPT_IMPORT },
	{ "by", required_argument, NULL, OPT_BY },
	{ "fy", required_argument, NULL, OPT_FY },
	{ "chart", no_argument, NULL, OPT_CHART },
	{ "bom", no_argument, NULL, OPT_BOM },
	{ "ids", no_argument, NULL, OPT_IDS },
	{ "plain", no_argument, NULL, OPT_PLAIN },
	{ "reading-width", required_argument, NULL, OPT_READING_WIDTH },
	{ "fresh", no_argument, NULL, OPT_FRESH },
	{ NULL, 0, NULL, 0 }
};

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

int
main(int argc, char **argv)
{
	struct main_opts mo = { 0 };
	struct cli_opts co = {
		.format = OUTPUT_TEXT, .width = -1, .type = -1,
	};
	struct content *c;
	const char *cmd;
	char *dir, *err = NULL;
	const char *why;
	int ch, rc, fmt;
	bool bom = false;
	long n;
	char *end;

	mo.reading_width = -1;
	main_locale(&mo);
#if ENABLE_NLS
	bindtextdomain(PACKAGE, main_in_build_tree() ?
	    HMS_BUILDDIR "/locale" : HMS_LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
	/* The language first, so that help and usage errors speak it. */
	for (ch = 1; ch < argc && strcmp(argv[ch], "--") != 0; ch++) {
		if (strncmp(argv[ch], "--lang=", 7) == 0)
			mo.lang = argv[ch] + 7;
		else if (strcmp(argv[ch], "--lang") == 0 && ch + 1 < argc)
			mo.lang = argv[ch + 1];
	}
	main_lang(mo.lang);
	/* getopt's own messages name argv[0]; ours all start "hms:". */
	argv[0] = (char *)"hms";
	while ((ch = getopt_long(argc, argv, "hV", main_longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_FORMAT:
			if ((fmt = output_format_parse(optarg)) < 0)
				main_bad_usage(_("unknown format '%s' (text, "
				    "tsv, json or csv)"), optarg);
			co.format = (enum output_format)fmt;
			break;
		case OPT_WIDTH:
			n = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || n < 0 || n > 10000)
				main_bad_usage(_("bad width '%s'"), optarg);
			co.width = (int)n;
			break;
		case OPT_REGEX:
			co.regex = true;
			break;
		case OPT_TYPE:
			if ((co.type = content_type_from_name(optarg)) < 0)
				main_bad_usage(_("unknown type '%s'"), optarg);
			break;
		case OPT_PERIOD:
			n = strtol(optarg, &end, 10);
			if (*end != '\0' || n < 1 || n > 3)
				main_bad_usage(_("period must be 1, 2 or 3, "
				    "not '%s'"), optarg);
			co.period = (int)n;
			break;
		case OPT_ERA:
			co.era = true;
			break;
		case OPT_FUZZY:
			co.fuzzy = true;
			break;
		case OPT_CONTENT:
			mo.content = optarg;
			break;
		case OPT_KEYMAP:
			mo.keymap = optarg;
			break;
		case OPT_CHECK_KEYMAP:
			mo.check_keymap = optarg;
			break;
		case OPT_NO_COLOR:
			mo.no_color = true;
			break;
		case OPT_NO_MOUSE:
			mo.no_mouse = true;
			break;
		case OPT_AMBIWIDTH:
			if (strcmp(optarg, "1") == 0)
				mo.ambiwidth = 1;
			else if (strcmp(optarg, "2") == 0)
				mo.ambiwidth = 2;
			else if (strcmp(optarg, "auto") == 0)
				mo.ambiwidth = -1;
			else
				main_bad_usage(_("--ambiwidth must be 1, 2 or "
				    "auto, not '%s'"), optarg);
			break;
		case OPT_LANG:
			mo.lang = optarg;
			break;
		case OPT_TODAY:
			if (!main_valid_date(optarg))
				main_bad_usage(_("--today must be a date "
				    "YYYY-MM-DD, not '%s'"), optarg);
			mo.today = optarg;
			break;
		case OPT_IMPORT:
			co.import = optarg;
			break;
		case OPT_BY:
			if ((co.by = figures_by_from_name(optarg)) < 0)
				main_bad_usage(_("--by must be project, ministry "
				    "or program, not '%s'"), optarg);
			break;
		case OPT_FY:
			n = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || n < 1900 ||
			    n > 2100)
				main_bad_usage(_("--fy must be a fiscal year "
				    "such as 2025, not '%s'"), optarg);
			co.fy = (int)n;
			break;
		case OPT_CHART:
			co.chart = true;
			break;
		case OPT_IDS:
			co.ids = true;
			break;
		case OPT_PLAIN:
			mo.plain = true;
			break;
		case OPT_READING_WIDTH:
			if (keymap_setting_parse(KEYMAP_SET_READING_WIDTH,
			    optarg, &mo.reading_width, &why) != 0)
				main_bad_usage(_("--reading-width must be %s, "
				    "not '%s'"), _(why), optarg);
			break;
		case OPT_FRESH:
			mo.fresh = true;
			break;
		case OPT_BOM:
			out_set_bom(true);
			bom = true;
			break;
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

	dir = main_content_dir(mo.content);
	cmd = optind < argc ? argv[optind] : NULL;
	if (cmd != NULL && strcmp(cmd, "check") == 0) {
		rc = cli_check((const char *const *)argv + optind + 1,
		    argc - optind - 1, dir);
		free(dir);
		text_fini();
		return rc;
	}
	/* Everything but hms check may skip the slow checks of content
	 * that passed them before, unchanged (content-load.h). */
	content_load_trust_verified(true);
	if (cmd != NULL && strcmp(cmd, "open") == 0 && mo.check_keymap == NULL &&
	    optind + 2 != argc)
		main_bad_usage("%s", _("open needs one ID"));
	if (cmd == NULL || strcmp(cmd, "open") == 0 || mo.check_keymap != NULL) {
		rc = main_interface(&mo, dir, cmd != NULL && optind + 1 < argc ?
		    argv[optind + 1] : NULL);
		free(dir);
		return rc;
	}

	if (mo.plain)
		main_bad_usage("%s", _("--plain goes with hms alone or hms open "
		    "ID"));
	if (co.chart && (strcmp(cmd, "budget") != 0 ||
	    co.format != OUTPUT_TEXT))
		main_bad_usage("%s", _("--chart draws hms budget as text "
		    "(not with --format)"));
	if (co.import != NULL && strcmp(cmd, "bookmarks") != 0 &&
	    strcmp(cmd, "notes") != 0)
		main_bad_usage("%s", _("--import works with bookmarks and notes"));
	if (co.format == OUTPUT_CSV && strcmp(cmd, "search") != 0 &&
	    strcmp(cmd, "list") != 0 && strcmp(cmd, "funds") != 0 &&
	    strcmp(cmd, "budget") != 0)
		main_bad_usage(_("--format csv works with search, list, funds "
		    "and budget, not %s"), cmd);
	if (bom && co.format != OUTPUT_CSV)
		main_bad_usage("%s", _("--bom goes with --format csv"));
	c = main_load(dir);
	/* The mark opens the file, before the first record. */
	if (co.format == OUTPUT_CSV)
		out_bom(stdout);
	rc = CLI_ERROR;
	if (co.ids && strcmp(cmd, "list") != 0)
		main_bad_usage("%s", _("--ids goes with list"));
	if (co.ids && optind + 2 >= argc) {
		rc = cli_list(c, &co, optind + 1 < argc ? argv[optind + 1] :
		    NULL);
	} else if (strcmp(cmd, "show") == 0 || strcmp(cmd, "list") == 0 ||
	    strcmp(cmd, "search") == 0 || strcmp(cmd, "funds") == 0) {
		if (optind + 2 != argc) {
			if (strcmp(cmd, "search") == 0 || strcmp(cmd, "funds") == 0)
				main_bad_usage(_("%s needs one QUERY (quote "
				    "a query of several words)"), cmd);
			main_bad_usage(_("%s needs one argument"), cmd);
		}
		if (strcmp(cmd, "search") == 0 || strcmp(cmd, "funds") == 0)
			main_check_query(cmd, argv[optind + 1]);
		if (strcmp(cmd, "show") == 0) {
			/* The reader's note on the entity is part of it. */
			struct store *st = store_open(NULL);
			co.store = st;
			rc = cli_show(c, &co, argv[optind + 1]);
			co.store = NULL;
			store_free(st);
		}
		else if (strcmp(cmd, "list") == 0)
			rc = cli_list(c, &co, argv[optind + 1]);
		else if (strcmp(cmd, "search") == 0)
			rc = cli_search(c, &co, argv[optind + 1]);
		else
			rc = cli_funds(c, &co, argv[optind + 1]);
	} else if (strcmp(cmd, "bookmarks") == 0 || strcmp(cmd, "notes") == 0) {
		struct store *st;
		if (optind + 1 != argc)
			main_bad_usage(_("%s takes no argument (--import FILE "
			    "merges a file)"), cmd);
		st = store_open(NULL);
		rc = cmd[0] == 'b' ? cli_bookmarks(c, &co, st) :
		    cli_notes(c, &co, st);
		store_free(st);
	} else if (strcmp(cmd, "budget") == 0) {
		if (optind + 2 < argc)
			main_bad_usage(_("budget takes at most one QUERY (quote "
			    "a query of several words)"));
		if (optind + 1 < argc)
			main_check_query(cmd, argv[optind + 1]);
		rc = cli_budget(c, &co, optind + 1 < argc ? argv[optind + 1] :
		    NULL);
	} else if (strcmp(cmd, "compare") == 0) {
		if (optind + 2 < argc)
			main_bad_usage(_("compare takes at most one TOPIC"));
		rc = cli_compare(c, &co, optind + 1 < argc ? argv[optind + 1] :
		    NULL);
	} else
		main_bad_usage(_("unknown command '%s'"), cmd);
	fflush(stdout);
	content_free(c);
	free(dir);
	text_fini();
	if (ferror(stdout))
		return CLI_ERROR;
	return rc;
}
