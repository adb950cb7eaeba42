/* test-render-tables.c — render snapshots of the table views (KPIs,
 * programs, roadmap) at 80x24 and 160x40: as they open, sorted,
 * filtered, with subtotals, at a roadmap cell, and back from the reader.
 * Compared with tests/render/tables-NAME-WxH.txt; UPDATE_EXPECTED=1
 * rewrites them (review the diff before committing). */
#include "config.h"

#include "view.h"
#include "render.h"

static void
both(struct app *a, const char *name)
{
	snapshot(a, name, 80, 24);
	snapshot(a, name, 160, 40);
}

/* Whether the screen at w x h holds text. */
static bool
shows(struct app *a, int w, int h, const char *text)
{
	char *got = app_render(a, w, h, false);
	bool yes = strstr(got, text) != NULL;

	if (!yes)
		fputs(got, stdout);
	free(got);
	return yes;
}

/* Every size from tiny to wide draws without a line wider than the
 * screen (ASan and UBSan watch the rest). */
static void
sizes(struct app *a, const char *name)
{
	static const int ws[] = { 16, 17, 23, 40, 59, 60, 79, 81, 120, 200 };
	static const int hs[] = { 4, 5, 6, 9, 12, 13, 24, 60 };
	size_t i, j;
	char *got, *line, *save = NULL;
	int bad = 0;

	for (i = 0; i < HMS_NELEM(ws); i++) {
		for (j = 0; j < HMS_NELEM(hs); j++) {
			got = app_render(a, ws[i], hs[j], false);
			for (line = strtok_r(got, "\n", &save); line != NULL;
			    line = strtok_r(NULL, "\n", &save)) {
				if (text_width(line, strlen(line)) > ws[i])
					bad++;
			}
			free(got);
		}
	}
	is_int(bad, 0, "%s: no line wider than the screen at any size", name);
}

int
main(void)
{
	struct content *c;
	struct app *a;

	render_prefix = "tables-";
	a = render_start(&c);

	/* KPIs: as they open; by target, largest first; only the
	 * judged ones of period 1. */
	keys(a, "K");
	both(a, "kpis");
	sizes(a, "kpis");
	keys(a, "l l l l l s");
	both(a, "kpis-target-desc");
	keys(a, "u f T:p:1 Space T:-st:no Enter");
	both(a, "kpis-filtered");

	/* Back from the reader to the same row. */
	keys(a, "Escape g j j j Enter");
	ok(shows(a, 80, 24, "kpi:s3-goal-4"), "Enter opens the selected KPI");
	keys(a, "BSpace");
	ok(shows(a, 80, 24, "4/16"), "Back returns to the same row");

	/* Programs: as they open; 厚生労働省 only with subtotals by
	 * project; then by fiscal year. */
	keys(a, "F");
	both(a, "programs");
	sizes(a, "programs");
	keys(a, "f T:min:厚生労働省 Enter t t");
	both(a, "programs-mhlw-by-project");
	keys(a, "t Escape");
	both(a, "programs-by-fy");
	keys(a, "t");

	/* The roadmap: now is FY2025; the FIH measure's FY2025 cell. */
	keys(a, "r");
	both(a, "roadmap");
	sizes(a, "roadmap");
	keys(a, "j j");
	both(a, "roadmap-fih-fy2025");
	keys(a, "h h h h h");
	both(a, "roadmap-fih-measure");
	keys(a, "f T:dct Enter");
	both(a, "roadmap-filtered");
	app_free(a);

	/* Earlier, the summer of 2024 is what is due. */
	a = app_create_headless(c, "2024-07-01");
	keys(a, "r");
	snapshot(a, "roadmap-2024-07-01", 80, 24);
	app_free(a);

	content_free(c);
	text_fini();
	return tap_done();
}
