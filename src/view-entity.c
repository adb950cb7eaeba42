/* view-entity.c — one entity, full width: where links from full-screen
 * views (tables, roadmap, compare) lead. */
#include "config.h"

#include <stdio.h>

#include "content.h"
#include "i18n.h"
#include "layout.h"
#include "view.h"
#include "view-reader.h"

/* The view's object is the reader, which the app owns: the view only
 * gives it the whole screen. */
static void *
view_entity_create(struct ui *ui)
{
	return ui_reader(ui);
}

static void
view_entity_destroy(void *self)
{
	(void)self;
}

static void
view_entity_draw(void *self, struct ui *ui, struct surface *s, int x, int y,
    int w, int h)
{
	(void)ui;
	reader_draw(self, s, x, y, w, h);
}

static bool
view_entity_click(void *self, struct ui *ui, int x, int y, int b)
{
	(void)ui;
	return reader_click(self, x, y, b);
}

static void
view_entity_position(void *self, char *buf, size_t size)
{
	const struct content_entity *e = reader_entity(self);

	snprintf(buf, size, "%s", e != NULL ? e->id : "");
}

static void
view_entity_enter(void *self, struct ui *ui)
{
	(void)self;
	ui_set_focus_reader(ui, true);
}

const struct view_ops view_entity_ops = {
	.name = "entity",
	.title = N_("Entity"),
	.table = KEYMAP_READER,
	.create = view_entity_create,
	.destroy = view_entity_destroy,
	.enter = view_entity_enter,
	.draw = view_entity_draw,
	.click = view_entity_click,
	.position = view_entity_position,
};
