/* test-render-pictures.c — render snapshots of the pictures (issue 19):
 * budget bars in the programs view's subtotal pane, the KPI progress
 * line in the KPI table and pane, the roadmap grid with today's column
 * and each milestone's status letter and its legend; at 80x24 and 160x48, as text and with
 * the style roles that term.c colours ("with colour"), and with ASCII
 * glyphs as drawn where the locale is not UTF-8.  Compared with
 * tests/render/pictures-NAME-WxH[-styled].txt; UPDATE_EXPECTED=1
 * rewrites them (review the diff before committing). */
#include "config.h"

#include "chart.h"
#include "view.h"
#include "render.h"

/* The screen at w x h with its style roles against its dump. */
static void
snapshot_styled(struct app *a, const char *name, int w, int h)
{
	char path[4096], *got, *want;
	FILE *f;

	snprintf(path, sizeof path, "%s/tests/render/%s%s-%dx%d-styled.txt",
	    srcdir, render_prefix, name, w, h);
	got = app_render(a, w, h, true);
	if (update) {
		if ((f = fopen(path, "w")) != NULL) {
			fputs(got, f);
			fclose(f);
		}
		ok(f != NULL, "%s %dx%d styled: written", name, w, h);
		free(got);
		return;
	}
	want = util_read_file(path, 0, NULL, NULL);
	if (!ok(want != NULL && strcmp(got, want) == 0, "%s at %dx%d styled",
	    name, w, h)) {
		diag("expected %s (%s); got:", path, want == NULL ?
		    strerror(errno) : "differs");
		fputs(got, stdout);
	}
	free(got);
	free(want);
}

static void
all(struct app *a, const char *name)
{
	snapshot(a, name, 80, 24);
	snapshot(a, name, 160, 48);
	snapshot_styled(a, name, 80, 24);
	snapshot_styled(a, name, 160, 48);
}

/* Whether the screen at w x h holds text. */
static bool
shows(struct app *a, int w, int h, const char *text)
{
	char *got = app_render(a, w, h, false);
	bool yes = strstr(got, text) != NULL;

	free(got);
	return yes;
}

/* Whether the screen at w x h holds text, once lines wrapped with a
 * hanging indent are joined again (what wraps depends on the width). */
static bool
shows_joined(struct app *a, int w, int h, const char *text)
{
	char *got = app_render(a, w, h, false), *p, *q;
	bool yes;

	for (p = q = got; *p != '\0'; p++) {
		if (*p == '\n' && p[1] == ' ') {
			while (p[1] == ' ')
				p++;
			continue;
		}
		*q++ = *p;
	}
	*q = '\0';
	yes = strstr(got, text) != NULL;
	free(got);
	return yes;
}

/* Whether the screen at w x h, with its style roles, holds text. */
static bool
shows_styled(struct app *a, int w, int h, const char *text)
{
	char *got = app_render(a, w, h, true);
	bool yes = strstr(got, text) != NULL;

	free(got);
	return yes;
}

/* No line of the screen wider than w. */
static void
fits(struct app *a, const char *name)
{
	static const int ws[] = { 40, 80, 81, 120, 160 };
	size_t i;
	char *got, *line, *save = NULL;
	int bad = 0;

	for (i = 0; i < HMS_NELEM(ws); i++) {
		got = app_render(a, ws[i], 24, false);
		for (line = strtok_r(got, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save))
			if (text_width(line, strlen(line)) > ws[i])
				bad++;
		free(got);
	}
	is_int(bad, 0, "%s: no line wider than the screen", name);
}

int
main(void)
{
	struct content *c;
	struct app *a;

	render_prefix = "pictures-";
	a = render_start(&c);

	/* Budget bars: programs subtotalled by ministry, then by year. */
	keys(a, "F t");
	all(a, "budget-by-ministry");
	fits(a, "budget bars by ministry");
	ok(shows(a, 80, 24, "FY2025 当初 (億円)"),
	    "the bars are grouped per fiscal year and budget type");
	keys(a, "t t");
	all(a, "budget-by-year");
	keys(a, "t");

	/* The KPI progress line: in the table's Progress column, beside
	 * the status word, and in the pane of kpi:rm-orphan-designations
	 * (86 of 200, 40 expected by FY2024: on track). */
	keys(a, "K f T:希少疾病用医薬品の指定 Enter");
	all(a, "kpi-progress");
	fits(a, "KPI progress");
	ok(shows(a, 160, 48, "[on track]"), "the status word is beside the line");
	ok(shows(a, 160, 48, "(| 40 expected)"),
	    "the pane says what the tick marks");
	keys(a, "Escape");

	/* The roadmap grid: today's column (2025-11-22: 2025年度) marked
	 * in text, each milestone cell led by its status letter, the
	 * legend under the grid. */
	keys(a, "r");
	all(a, "roadmap");
	fits(a, "roadmap grid");
	ok(shows(a, 80, 24, "[*2025年度* ]"), "today's column is marked *…*");
	ok(shows(a, 80, 24, "[p 官民協議"), "an FY2025 cell leads with p "
	    "(in progress, read from its 進捗状況)");
	ok(shows(a, 80, 24, "? (2) 創"), "a cell no report speaks of leads "
	    "with ?");
	ok(shows(a, 80, 24, " d done  p in progress  n not started  ? no "
	    "report  (lower case: inferred)"), "the legend is under the grid");
	ok(shows_styled(a, 80, 24, "{pp:p} (2) 治験"),
	    "with colour, the letter has the in-progress role");
	ok(shows_styled(a, 80, 24, "{pd:d} {d:done}") &&
	    shows_styled(a, 80, 24, "{pn:n} {d:not started}"),
	    "the legend's letters have their roles");
	ok(shows(a, 160, 48, "~ in progress: inferred from the 進捗状況 as of "
	    "2025-06-30"), "the pane says the status is inferred, from what");
	/* Off the cursor, today's header has a colour of its own. */
	keys(a, "h");
	ok(shows_styled(a, 80, 24, "{k:*2025年度* }"),
	    "with colour, today's column header has the mark role");
	keys(a, "l");
	/* The FY2025 cell of the disclosure measure: 着手する, planned. */
	keys(a, "f T:m:disclosure Enter");
	ok(shows(a, 80, 24, "[n ユーザー"), "着手する: not started (n)");
	/* Its one milestone's page gives the status and the reason. */
	keys(a, "Enter");
	/* Pages keep to the reading width (100), so the line wraps. */
	ok(shows_joined(a, 160, 48, "Status: n not started ~; inferred from "
	    "the 進捗状況 as of 2025-06-30 (「大規模改修事業に着手する」)"),
	    "the milestone's page gives its status and why");
	snapshot(a, "roadmap-milestone", 80, 24);
	app_free(a);

	/* Today injected: on 2024-07-01 the summer of 2024 is marked. */
	a = app_create_headless(c, "2024-07-01");
	keys(a, "r");
	ok(shows(a, 80, 24, "[*2024年夏*]"), "2024-07-01: 2024年夏 is today's column");
	app_free(a);

	/* Where the locale is not UTF-8: '#' for the blocks. */
	chart_set_ascii(true);
	a = app_create_headless(c, "2025-11-22");
	keys(a, "F t");
	snapshot(a, "budget-by-ministry-ascii", 80, 24);
	keys(a, "t t t K f T:希少疾病用医薬品の指定 Enter");
	snapshot(a, "kpi-progress-ascii", 80, 24);
	ok(!shows(a, 80, 24, "█"), "ASCII: no block character on the screen");
	keys(a, "Escape r");
	snapshot(a, "roadmap-ascii", 80, 24);
	ok(shows(a, 80, 24, " d done  p in progress"),
	    "ASCII: the roadmap's letters and legend are the same");
	app_free(a);

	content_free(c);
	text_fini();
	return tap_done();
}
