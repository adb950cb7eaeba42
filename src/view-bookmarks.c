/* view-bookmarks.c — what a person keeps across sessions (store.h).
 *
 * b toggles a bookmark on the entity in the reader (with an optional
 * label), a writes a note on it in the prompt (a note of several lines
 * opens the editor), A in $VISUAL or $EDITOR.  The bookmarks view (B)
 * lists bookmarks, notes and the entities visited lately; ids the
 * content no longer has are listed as orphans, never dropped. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "i18n.h"
#include "store.h"
#include "util.h"
#include "view-list.h"
#include "view.h"
#include "view-reader.h"
#include "term.h"

#define VIEW_BOOKMARKS_RECENT	15	/* visits listed */

struct view_bookmarks {
	/* First, so that the app may treat the state as the list of any
	 * list view (view_sync_selection). */
	struct view_list	 list;
	char			*id;		/* the entity of the open prompt */
	int			 base;		/* the note version it started from */
	char			*removed_id;	/* the last bookmark removed, */
	char			*removed_label;	/* whose label b offers again */
	char			*target_id;	/* the orphan b or a works on */
};

static struct view_bookmarks *
view_bookmarks_state(struct ui *ui)
{
	return ui_view(ui, VIEW_BOOKMARKS);
}

/* The first line of a note, for a list row. */
static char *
view_bookmarks_first_line(const char *text)
{
	const char *nl = strchr(text, '\n');

	if (nl == NULL)
		return xstrdup(text);
	return xasprintf("%.*s ...", (int)(nl - text), text);
}

/* A row for an id: the entity when the content has it, else an orphan
 * (a row marked as such, which b and a can clear).  A bookmark's label
 * comes first (the name the person gave it); a note follows the title. */
static void
view_bookmarks_row(struct view_list *l, const struct content *c,
    const char *id, const char *sep, const char *extra, bool extra_first,
    bool *orphans)
{
	struct content_entity *e = content_find(c, id);
	char *label;

	if (e == NULL) {
		view_list_add_orphan(l, id, 1, "[%s] %s%s%s", _("orphan"), id,
		    *extra != '\0' ? sep : "", extra);
		*orphans = true;
		return;
	}
	label = view_list_label(e);
	if (extra_first && *extra != '\0')
		view_list_add(l, e, 1, "%s%s%s", extra, sep, label);
	else
		view_list_add(l, e, 1, "%s%s%s", label, *extra != '\0' ? sep :
		    "", extra);
	free(label);
}

static void
view_bookmarks_build(struct ui *ui, struct view_list *l)
{
	const struct content *c = ui_content(ui);
	struct store *st = ui_store(ui);
	const struct store_bookmark *bm;
	const struct store_note *n;
	const struct store_visit *v;
	size_t i, nnotes = 0, shown = 0;
	bool orphans = false;
	char *first;

	view_list_clear(l);
	if (st == NULL) {
		view_list_add(l, NULL, 0, "%s", _("Bookmarks and notes are not "
		    "kept in this session."));
		return;
	}
	if (store_readonly(st))
		view_list_add(l, NULL, 0, "[%s] %s", _("read-only"),
		    _("changes cannot be saved this session"));
	view_list_add(l, NULL, 0, _("Bookmarks (%zu)"),
	    store_bookmark_count(st));
	if (store_bookmark_count(st) == 0)
		view_list_add(l, NULL, 1, "  %s", _("None yet: b bookmarks the "
		    "entity in the reader."));
	for (i = 0; i < store_bookmark_count(st); i++) {
		bm = store_bookmark_at(st, i);
		view_bookmarks_row(l, c, bm->id, " - ", bm->label, true,
		    &orphans);
	}
	for (i = 0; i < store_note_count(st); i++)
		nnotes += store_note_at(st, i)->text[0] != '\0';
	view_list_add(l, NULL, 0, _("Notes (%zu)"), nnotes);
	if (nnotes == 0)
		view_list_add(l, NULL, 1, "  %s", _("None yet: a writes a note "
		    "on the entity in the reader."));
	for (i = 0; i < store_note_count(st); i++) {
		n = store_note_at(st, i);
		if (n->text[0] == '\0')
			continue;
		first = view_bookmarks_first_line(n->text);
		view_bookmarks_row(l, c, n->id, ": ", first, false, &orphans);
		free(first);
	}
	if (store_visit_count(st) > 0)
		view_list_add(l, NULL, 0, "%s", _("Visited lately"));
	for (i = store_visit_count(st); i > 0 && shown < VIEW_BOOKMARKS_RECENT;
	    i--, shown++) {
		v = store_visit_at(st, i - 1);
		view_bookmarks_row(l, c, v->id, "", "", false, &orphans);
	}
	if (orphans)
		view_list_add(l, NULL, 0, _("[orphan]: the content no longer has "
		    "that id; kept in %s until b or a on its row removes it"),
		    store_dir(st));
}

/* Rebuild the list, keeping the selected entity selected if it is still
 * there.  Only a visible list moves the selection (and so the reader). */
static void
view_bookmarks_rebuild(struct ui *ui, bool entering)
{
	struct view_bookmarks *vb = view_bookmarks_state(ui);
	struct view_list *l = &vb->list;
	struct content_entity *sel = NULL;
	char *orphan = NULL;
	int old = l->sel;
	size_t i;

	if (l->sel >= 0 && l->sel < (int)l->n) {
		sel = l->items[l->sel].entity;
		if (l->items[l->sel].orphan != NULL)
			orphan = xstrdup(l->items[l->sel].orphan);
	}
	view_bookmarks_build(ui, l);
	if (sel != NULL && view_list_select_entity(l, sel))
		return;
	for (i = 0; orphan != NULL && i < l->n; i++) {
		if (l->items[i].orphan != NULL &&
		    strcmp(l->items[i].orphan, orphan) == 0) {
			l->sel = (int)i;
			free(orphan);
			return;
		}
	}
	free(orphan);
	if (entering) {
		view_list_select_first(ui, l);
		return;
	}
	/* The selected bookmark went: the nearest row, the reader stays. */
	l->sel = -1;
	for (; old >= 0; old--) {
		if (old < (int)l->n && (l->items[old].entity != NULL ||
		    l->items[old].orphan != NULL)) {
			l->sel = old;
			break;
		}
	}
}

/* After a change: a list on screen shows it at once, one not on screen
 * is rebuilt when entered. */
static void
view_bookmarks_changed(struct ui *ui)
{
	if (ui_current_view(ui) == VIEW_BOOKMARKS)
		view_bookmarks_rebuild(ui, false);
}

/* What b, a and A work on: the id and the name to say, and whether the
 * content has it. */
struct view_bookmarks_target {
	const char	*id;
	const char	*title;
	bool		 orphan;
};

/* The store and the target of b, a and A: the orphan selected in the
 * bookmarks list when the list has the focus, else the entity in the
 * reader; NULL after saying why not. */
static struct store *
view_bookmarks_target(struct ui *ui, struct view_bookmarks_target *t)
{
	struct view_bookmarks *vb = view_bookmarks_state(ui);
	struct store *st = ui_store(ui);
	struct content_entity *e = ui_selection(ui);
	const char *orphan = NULL;

	if (ui_current_view(ui) == VIEW_BOOKMARKS && !ui_focus_reader(ui))
		orphan = view_list_orphan(&view_bookmarks_state(ui)->list);
	if (st == NULL) {
		ui_error(ui, "%s", _("Bookmarks and notes are not kept in this "
		    "session."));
		return NULL;
	}
	if (store_readonly(st)) {
		ui_error(ui, "%s", store_readonly_reason(st));
		return NULL;
	}
	if (orphan != NULL) {
		/* A copy: the refresh below may rebuild the list. */
		free(vb->target_id);
		orphan = vb->target_id = xstrdup(orphan);
	}
	if (orphan == NULL && e == NULL) {
		ui_message(ui, "%s", _("Open an entity first: b and a work on "
		    "the entity in the reader."));
		return NULL;
	}
	t->orphan = orphan != NULL;
	t->id = orphan != NULL ? orphan : e->id;
	t->title = orphan != NULL ? orphan : e->title;
	/* Start from what another instance may have saved meanwhile: b
	 * sees its bookmark, a edits its note. */
	if (store_refresh(st))
		reader_refresh(ui_reader(ui));
	return st;
}

/* ---- bookmarks ---- */

static void
view_bookmarks_label_done(struct ui *ui, const char *text)
{
	struct view_bookmarks *vb = view_bookmarks_state(ui);
	struct content_entity *e;
	char *err = NULL;

	if (vb->id == NULL)
		return;
	e = content_find(ui_content(ui), vb->id);
	if (text == NULL)
		ui_message(ui, "%s", _("Not bookmarked."));
	else if (store_bookmark_set(ui_store(ui), vb->id, text, &err) != 0) {
		ui_error(ui, _("Bookmark not saved: %s"), err);
		free(err);
	} else {
		ui_message(ui, _("Bookmarked: %s (B lists bookmarks)"),
		    e != NULL ? e->title : vb->id);
		view_bookmarks_changed(ui);
	}
	free(vb->id);
	vb->id = NULL;
}

static void
view_bookmarks_toggle(struct ui *ui)
{
	struct view_bookmarks *vb = view_bookmarks_state(ui);
	struct view_bookmarks_target t;
	const struct store_bookmark *bm;
	struct store *st;
	char *err = NULL, *label;

	if ((st = view_bookmarks_target(ui, &t)) == NULL)
		return;
	if ((bm = store_bookmark_find(st, t.id)) != NULL) {
		label = xstrdup(bm->label);
		if (store_bookmark_remove(st, t.id, &err) != 0) {
			ui_error(ui, _("Bookmark not removed: %s"), err);
			free(err);
			free(label);
			return;
		}
		free(vb->removed_id);
		free(vb->removed_label);
		vb->removed_id = xstrdup(t.id);
		vb->removed_label = label;
		if (t.orphan)
			ui_message(ui, _("Bookmark removed: %s"), t.title);
		else
			ui_message(ui, _("Bookmark removed: %s (b bookmarks it "
			    "again)"), t.title);
		view_bookmarks_changed(ui);
		return;
	}
	if (t.orphan) {
		ui_message(ui, _("%s is not in this content: there is nothing "
		    "to bookmark"), t.id);
		return;
	}
	free(vb->id);
	vb->id = xstrdup(t.id);
	ui_prompt(ui, _("Bookmark label (optional): "), NULL,
	    vb->removed_id != NULL && strcmp(vb->removed_id, t.id) == 0 ?
	    vb->removed_label : NULL, NULL, view_bookmarks_label_done);
}

/* ---- notes ---- */

static void
view_bookmarks_note_save(struct ui *ui, const char *id, const char *text,
    int base)
{
	struct store *st = ui_store(ui);
	const char *before = store_note_text(st, id);
	char *clean = store_clean_text(text, true), *err = NULL;
	bool conflict = false;

	if (strcmp(clean, before != NULL ? before : "") == 0)
		ui_message(ui, "%s", _("Note unchanged."));
	else if (store_note_set(st, id, clean, base, &conflict, &err) != 0) {
		ui_error(ui, _("Note not saved: %s"), err);
		free(err);
	} else if (conflict)
		ui_error(ui, "%s", _("Note saved. Another hms had changed it "
		    "meanwhile: that text is kept as an earlier version (hms "
		    "notes --format json)."));
	else if (*clean == '\0')
		ui_message(ui, _("Note deleted; its text is kept as an earlier "
		    "version in %s/notes."), store_dir(st));
	else
		ui_message(ui, "%s", _("Note saved."));
	free(clean);
	reader_refresh(ui_reader(ui));
	view_bookmarks_changed(ui);
}

static void
view_bookmarks_note_done(struct ui *ui, const char *text)
{
	struct view_bookmarks *vb = view_bookmarks_state(ui);

	if (vb->id == NULL)
		return;
	if (text == NULL)
		ui_message(ui, "%s", _("Note unchanged."));
	else
		view_bookmarks_note_save(ui, vb->id, text, vb->base);
	free(vb->id);
	vb->id = NULL;
}

/* Edit the note in $VISUAL or $EDITOR (vi without either), through a
 * file of its own in the store's directory. */
static void
view_bookmarks_note_editor(struct ui *ui, struct store *st, const char *id)
{
	const struct store_note *n = store_note_find(st, id);
	const char *editor = getenv("VISUAL");
	char *path, *cmd, *text, *err = NULL;
	int base = n != NULL ? n->version : 0, rc;

	if (editor == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor == NULL || *editor == '\0')
		editor = "vi";
	path = store_edit_file(st, id, n != NULL ? n->text : "", &err);
	if (path == NULL) {
		ui_error(ui, _("Note not edited: %s"), err);
		free(err);
		return;
	}
	/* The variable may hold arguments ("emacs -nw"): the shell splits
	 * it, as git and mutt do; the file name is passed apart. */
	cmd = xasprintf("%s \"$1\"", editor);
	{
		char *argv[] = { (char *)"/bin/sh", (char *)"-c", cmd,
		    (char *)"hms-editor", path, NULL };
		rc = term_run_external(argv);
	}
	free(cmd);
	if (rc != 0) {
		if (rc < 0) {
			ui_error(ui, _("Could not run the editor '%s' (set VISUAL "
			    "or EDITOR); the note is unchanged."), editor);
			unlink(path);
		} else
			ui_error(ui, _("The editor failed (status %d); the note is "
			    "unchanged, and what you wrote is in %s"), rc, path);
		free(path);
		return;
	}
	if ((text = util_read_file(path, 16 * 1024 * 1024, NULL, NULL)) == NULL) {
		ui_error(ui, _("Cannot read %s back; the note is unchanged."),
		    path);
		free(path);
		return;
	}
	unlink(path);
	free(path);
	view_bookmarks_note_save(ui, id, text, base);
	free(text);
}

static void
view_bookmarks_note(struct ui *ui, bool editor)
{
	struct view_bookmarks *vb = view_bookmarks_state(ui);
	struct view_bookmarks_target t;
	const struct store_note *n;
	struct store *st;

	if ((st = view_bookmarks_target(ui, &t)) == NULL)
		return;
	n = store_note_find(st, t.id);
	if (t.orphan && (n == NULL || n->text[0] == '\0')) {
		ui_message(ui, _("%s is not in this content: there is no note "
		    "on it to change"), t.id);
		return;
	}
	/* The prompt holds one line: a longer note goes to the editor. */
	if (editor || (n != NULL && strchr(n->text, '\n') != NULL)) {
		view_bookmarks_note_editor(ui, st, t.id);
		return;
	}
	free(vb->id);
	vb->id = xstrdup(t.id);
	vb->base = n != NULL ? n->version : 0;
	ui_prompt(ui, _("Note (empty deletes; Esc A: editor): "), NULL,
	    n != NULL ? n->text : NULL, NULL, view_bookmarks_note_done);
}

void
view_bookmarks_action(struct ui *ui, enum action act)
{
	switch (act) {
	case ACTION_BOOKMARK:
		view_bookmarks_toggle(ui);
		break;
	case ACTION_NOTE:
		view_bookmarks_note(ui, false);
		break;
	case ACTION_NOTE_EDITOR:
		view_bookmarks_note(ui, true);
		break;
	default:
		break;
	}
}

/* ---- the view ---- */

static void *
view_bookmarks_create(struct ui *ui)
{
	struct view_bookmarks *vb = xcalloc(1, sizeof *vb);

	(void)ui;
	vb->list.sel = -1;
	return vb;
}

static void
view_bookmarks_enter(void *self, struct ui *ui)
{
	(void)self;
	if (ui_store(ui) != NULL)
		store_refresh(ui_store(ui));
	view_bookmarks_rebuild(ui, true);
}

static void
view_bookmarks_restore(void *self, int place)
{
	struct view_list *l = &((struct view_bookmarks *)self)->list;

	if (place >= 0 && place < (int)l->n && (l->items[place].entity != NULL ||
	    l->items[place].orphan != NULL))
		l->sel = place;
}

static void
view_bookmarks_destroy(void *self)
{
	struct view_bookmarks *vb = self;

	free(vb->id);
	free(vb->removed_id);
	free(vb->removed_label);
	free(vb->target_id);
	/* The list is the first member: this frees vb. */
	view_list_free(&vb->list);
}

const struct view_ops view_bookmarks_ops = {
	.name = "bookmarks",
	.title = N_("Bookmarks"),
	.table = KEYMAP_LIST,
	.create = view_bookmarks_create,
	.destroy = view_bookmarks_destroy,
	.enter = view_bookmarks_enter,
	.draw = view_list_op_draw,
	.action = view_list_op_action,
	.click = view_list_op_click,
	.selection = view_list_op_selection,
	.position = view_list_op_position,
	.save = view_list_op_save,
	.restore = view_bookmarks_restore,
};
