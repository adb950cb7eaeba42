/* view-source.c — the original text of a source document with an
 * entity's provenance lines highlighted and marked. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "i18n.h"
#include "layout.h"
#include "text.h"
#include "util.h"
#include "view.h"

struct view_source {
	const struct content_source	*src;
	int				 first, last;	/* highlighted lines */
	struct page			*page;
	int				 width;
	int				 top, height;
	bool				 scrolled;	/* to the highlight once */
};

static void *
view_source_create(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof (struct view_source));
}

static struct view_source *
view_source_state(struct ui *ui)
{
	return ui_view(ui, VIEW_SOURCE);
}

void
view_source_show(struct ui *ui, const struct content_prov *p)
{
	struct view_source *vs = view_source_state(ui);

	vs->src = p->source;
	vs->first = p->first;
	vs->last = p->last;
	page_free(vs->page);
	vs->page = NULL;
	vs->scrolled = false;
	vs->top = 0;
}

static void
view_source_build(struct view_source *vs, int width)
{
	struct page *p = page_new(width);
	struct text_line *sub;
	char gutter[32], blank[32];
	size_t len, n, k;
	const char *line;
	int i, gw;
	bool hl;

	gw = snprintf(gutter, sizeof gutter, "%zu", vs->src->nlines) + 3;
	memset(blank, ' ', sizeof blank);
	for (i = 1; i <= (int)vs->src->nlines; i++) {
		line = content_source_lines(vs->src, i, i, &len);
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		hl = i >= vs->first && i <= vs->last;
		/* ">" marks the provenance lines without colour; wrapped
		 * parts of a long line hang under its text. */
		snprintf(gutter, sizeof gutter, "%c%*d ", hl ? '>' : ' ', gw - 2, i);
		n = text_wrap(line, len, HMS_MAX(width - gw, 8), false, &sub);
		for (k = 0; k < n; k++) {
			page_newline(p, i, sub[k].off);
			if (k == 0)
				page_add(p, gutter, strlen(gutter),
				    hl ? STYLE_MARK : STYLE_DIM, -1);
			else
				page_add(p, blank, (size_t)HMS_MIN(gw, 31),
				    STYLE_NORMAL, -1);
			page_add(p, line + sub[k].off, sub[k].len,
			    hl ? STYLE_HIGHLIGHT : STYLE_NORMAL, -1);
		}
		free(sub);
	}
	vs->page = p;
	vs->width = width;
}

static void
view_source_draw(void *self, struct ui *ui, struct surface *s, int x, int y,
    int w, int h)
{
	struct view_source *vs = self;

	(void)ui;
	if (vs->src == NULL) {
		surface_puts(s, x, y, w, _("No source selected."), STYLE_DIM);
		return;
	}
	if (vs->page == NULL || vs->width != w) {
		int anchor = vs->page != NULL && vs->top < (int)vs->page->nlines ?
		    vs->page->lines[vs->top].anchor : -1;
		page_free(vs->page);
		view_source_build(vs, w);
		if (anchor >= 0)
			vs->top = page_find_anchor(vs->page, anchor, 0);
	}
	if (!vs->scrolled) {
		vs->top = HMS_MAX(page_find_anchor(vs->page, vs->first, 0) - 2, 0);
		vs->scrolled = true;
	}
	vs->height = h;
	if (vs->top > (int)vs->page->nlines - h)
		vs->top = (int)vs->page->nlines - h;
	if (vs->top < 0)
		vs->top = 0;
	page_draw(vs->page, s, x, y, w, h, vs->top, -1);
}

static bool
view_source_action(void *self, struct ui *ui, enum action act)
{
	struct view_source *vs = self;

	(void)ui;
	if (view_scroll(&vs->top, vs->height, act))
		return true;
	switch (act) {
	case ACTION_VIEW_SOURCE: break;
	default:
		return false;
	}
	return true;
}

static void
view_source_position(void *self, char *buf, size_t size)
{
	struct view_source *vs = self;

	if (vs->src == NULL)
		buf[0] = '\0';
	else if (vs->first == vs->last)
		snprintf(buf, size, "%s:%d", vs->src->name, vs->first);
	else
		snprintf(buf, size, "%s:%d-%d", vs->src->name, vs->first,
		    vs->last);
}

static int
view_source_save(void *self)
{
	return ((struct view_source *)self)->top;
}

static void
view_source_destroy(void *self)
{
	struct view_source *vs = self;

	page_free(vs->page);
	free(vs);
}

const struct view_ops view_source_ops = {
	.name = "source",
	.title = N_("Source"),
	.table = KEYMAP_SOURCE,
	.flags = VIEW_VISIT,
	.create = view_source_create,
	.destroy = view_source_destroy,
	.draw = view_source_draw,
	.action = view_source_action,
	.position = view_source_position,
	.save = view_source_save,
};
