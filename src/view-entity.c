/* view-entity.c — one entity, full width: where links from full-screen
 * views (tables, roadmap, compare) lead. */
#include "config.h"

#include <stdio.h>

#include "app.h"
#include "content.h"
#include "i18n.h"
#include "layout.h"
#include "view.h"

static void
view_entity_draw(struct app *a, struct surface *s, int x, int y, int w, int h)
{
	app_reader_draw(a, s, x, y, w, h, true);
}

static bool
view_entity_click(struct app *a, int x, int y, int b)
{
	return app_reader_click(a, x, y, b);
}

static void
view_entity_position(struct app *a, char *buf, size_t size)
{
	const struct content_entity *e = app_reader_entity(a);

	snprintf(buf, size, "%s", e != NULL ? e->id : "");
}

static void
view_entity_enter(struct app *a)
{
	app_set_focus_reader(a, true);
}

const struct view_ops view_entity_ops = {
	.name = "entity",
	.title = N_("Entity"),
	.table = KEYMAP_READER,
	.enter = view_entity_enter,
	.draw = view_entity_draw,
	.click = view_entity_click,
	.position = view_entity_position,
};
