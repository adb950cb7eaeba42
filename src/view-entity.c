/* view-entity.c — one entity, full width: where links from full-screen
 * views (tables, roadmap, compare) lead. */
#include "config.h"

#include <stdio.h>

#include "content.h"
#include "i18n.h"
#include "layout.h"
#include "view.h"
#include "view-reader.h"

static void
view_entity_draw(struct ui *ui, struct surface *s, int x, int y, int w, int h)
{
	reader_draw(ui_reader(ui), s, x, y, w, h);
}

static bool
view_entity_click(struct ui *ui, int x, int y, int b)
{
	return reader_click(ui_reader(ui), x, y, b);
}

static void
view_entity_position(struct ui *ui, char *buf, size_t size)
{
	const struct content_entity *e = reader_entity(ui_reader(ui));

	snprintf(buf, size, "%s", e != NULL ? e->id : "");
}

static void
view_entity_enter(struct ui *ui)
{
	ui_set_focus_reader(ui, true);
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
