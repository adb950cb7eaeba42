/* view-bookmarks.c — bookmarks and notes (to come: persistence in
 * $XDG_DATA_HOME/hms). */
#include "config.h"

#include <stdlib.h>

#include "app.h"
#include "i18n.h"
#include "util.h"
#include "view-list.h"
#include "view.h"

static struct view_list *
view_bookmarks_list(struct app *a)
{
	struct view_list *l = app_view_state(a, VIEW_BOOKMARKS);

	if (l == NULL) {
		l = xcalloc(1, sizeof *l);
		l->sel = -1;
		app_set_view_state(a, VIEW_BOOKMARKS, l);
		view_list_add(l, NULL, 0, "%s", _("No bookmarks yet (b bookmarks the entity in the reader)."));
	}
	return l;
}

void
view_bookmarks_action(struct app *a, enum action act)
{
	(void)act;
	app_message(a, "%s", _("Bookmarks and notes are not available yet."));
}

static void
view_bookmarks_draw(struct app *a, struct surface *s, int x, int y, int w,
    int h)
{
	view_list_draw(a, view_bookmarks_list(a), s, x, y, w, h);
}

static bool
view_bookmarks_action_cb(struct app *a, enum action act)
{
	return view_list_action(a, view_bookmarks_list(a), act);
}

static void
view_bookmarks_free(struct app *a)
{
	view_list_free(app_view_state(a, VIEW_BOOKMARKS));
	app_set_view_state(a, VIEW_BOOKMARKS, NULL);
}

const struct view_ops view_bookmarks_ops = {
	.name = "bookmarks",
	.title = N_("Bookmarks"),
	.table = KEYMAP_LIST,
	.draw = view_bookmarks_draw,
	.action = view_bookmarks_action_cb,
	.free = view_bookmarks_free,
};
