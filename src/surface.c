/* surface.c — the in-memory screen. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "surface.h"
#include "text.h"
#include "util.h"

static void
surface_blank(struct surface_cell *c, enum style style)
{
	c->c[0] = ' ';
	c->c[1] = '\0';
	c->width = 1;
	c->style = (uint8_t)style;
}

struct surface *
surface_create(int w, int h)
{
	struct surface *s = xcalloc(1, sizeof *s);

	surface_resize(s, w, h);
	return s;
}

void
surface_free(struct surface *s)
{
	if (s == NULL)
		return;
	free(s->cells);
	free(s);
}

void
surface_resize(struct surface *s, int w, int h)
{
	if (w < 0)
		w = 0;
	if (h < 0)
		h = 0;
	free(s->cells);
	s->w = w;
	s->h = h;
	s->cells = xcalloc((size_t)w * (size_t)h + 1, sizeof *s->cells);
	surface_clear(s, STYLE_NORMAL);
	s->cx = s->cy = 0;
	s->cursor = false;
}

void
surface_clear(struct surface *s, enum style style)
{
	surface_fill(s, 0, 0, s->w, s->h, style);
}

void
surface_fill(struct surface *s, int x, int y, int w, int h, enum style style)
{
	int i, j;

	if (x < 0) {
		w += x;
		x = 0;
	}
	if (y < 0) {
		h += y;
		y = 0;
	}
	if (x + w > s->w)
		w = s->w - x;
	if (y + h > s->h)
		h = s->h - y;
	for (j = y; j < y + h; j++) {
		for (i = x; i < x + w; i++)
			surface_blank(&s->cells[j * s->w + i], style);
	}
	/* A wide cell whose right half was blanked is no longer whole. */
	for (j = y; j < y + h && w > 0; j++) {
		if (x > 0 && s->cells[j * s->w + x - 1].width == 2)
			surface_blank(&s->cells[j * s->w + x - 1],
			    s->cells[j * s->w + x - 1].style);
		if (x + w < s->w && s->cells[j * s->w + x + w].width == 0)
			surface_blank(&s->cells[j * s->w + x + w],
			    s->cells[j * s->w + x + w].style);
	}
}

/* Break a half-overwritten wide cell at column x of row y. */
static void
surface_unsplit(struct surface *s, int x, int y)
{
	struct surface_cell *row = &s->cells[y * s->w];

	if (x < 0 || x >= s->w)
		return;
	if (row[x].width == 0 && x > 0)
		surface_blank(&row[x - 1], row[x - 1].style);
	if (row[x].width == 2 && x + 1 < s->w)
		surface_blank(&row[x + 1], row[x + 1].style);
}

int
surface_put(struct surface *s, int x, int y, int maxw, const char *text,
    size_t len, enum style style)
{
	char *safe;
	size_t slen, off, end, n;
	int used = 0, cw;
	struct surface_cell *c;

	if (y < 0 || y >= s->h || x >= s->w || maxw <= 0)
		return 0;
	if (x < 0) {
		maxw += x;
		x = 0;
	}
	if (x + maxw > s->w)
		maxw = s->w - x;
	safe = text_sanitize(text, len);
	slen = strlen(safe);
	for (off = 0; off < slen; off = end) {
		end = text_cluster_end(safe, slen, off);
		cw = text_cluster_width(safe + off, end - off);
		if (cw <= 0)
			cw = 1;
		if (used + cw > maxw) {
			/* A wide cluster at the edge leaves a blank cell. */
			if (used < maxw) {
				surface_unsplit(s, x + used, y);
				surface_blank(&s->cells[y * s->w + x + used], style);
				used++;
			}
			break;
		}
		surface_unsplit(s, x + used, y);
		if (cw == 2)
			surface_unsplit(s, x + used + 1, y);
		c = &s->cells[y * s->w + x + used];
		n = end - off;
		if (cw > 2) {
			/* A cluster wider than two cells (rare scripts): a
			 * visible stand-in of the same width keeps every
			 * later column where the layout measured it. */
			int k;
			for (k = 0; k < cw; k++) {
				surface_unsplit(s, x + used + k, y);
				c[k].c[0] = k == 0 ? '?' : ' ';
				c[k].c[1] = '\0';
				c[k].width = 1;
				c[k].style = (uint8_t)style;
			}
			used += cw;
			continue;
		}
		if (n > SURFACE_CLUSTER_MAX) {
			/* Too long to keep: a replacement of the same width,
			 * never an ambiguous-width character. */
			memcpy(c->c, cw == 2 ? "\xe3\x80\x93" : "?", cw == 2 ? 4 : 2);
		} else {
			memcpy(c->c, safe + off, n);
			c->c[n] = '\0';
		}
		c->width = (uint8_t)cw;
		c->style = (uint8_t)style;
		if (cw == 2) {
			c[1].c[0] = '\0';
			c[1].width = 0;
			c[1].style = (uint8_t)style;
		}
		used += cw;
	}
	free(safe);
	return used;
}

int
surface_puts(struct surface *s, int x, int y, int maxw, const char *text,
    enum style style)
{
	return surface_put(s, x, y, maxw, text, strlen(text), style);
}

void
surface_restyle(struct surface *s, int x, int y, int w, enum style style)
{
	int i;

	if (y < 0 || y >= s->h)
		return;
	for (i = HMS_MAX(x, 0); i < x + w && i < s->w; i++)
		s->cells[y * s->w + i].style = (uint8_t)style;
}

void
surface_set_cursor(struct surface *s, int x, int y, bool visible)
{
	s->cx = x < 0 ? 0 : x >= s->w ? HMS_MAX(s->w - 1, 0) : x;
	s->cy = y < 0 ? 0 : y >= s->h ? HMS_MAX(s->h - 1, 0) : y;
	s->cursor = visible;
}

const struct surface_cell *
surface_at(const struct surface *s, int x, int y)
{
	if (x < 0 || y < 0 || x >= s->w || y >= s->h)
		return NULL;
	return &s->cells[y * s->w + x];
}

static const char *const surface_style_marks[STYLE_COUNT] = {
	[STYLE_NORMAL] = NULL,
	[STYLE_DIM] = "d",
	[STYLE_TITLE] = "t",
	[STYLE_HEADING] = "h",
	[STYLE_LINK] = "l",
	[STYLE_LINK_ACTIVE] = "L",
	[STYLE_SELECTED] = "s",
	[STYLE_SELECTED_DIM] = "S",
	[STYLE_MATCH] = "m",
	[STYLE_STATUS] = "st",
	[STYLE_MESSAGE] = NULL,
	[STYLE_ERROR] = "e",
	[STYLE_MARK] = "k",
	[STYLE_BORDER] = NULL,
	[STYLE_HIGHLIGHT] = "hl",
	[STYLE_PROGRESS_DONE] = "pd",
	[STYLE_PROGRESS_UNDERWAY] = "pp",
	[STYLE_PROGRESS_NOT_STARTED] = "pn",
};

char *
surface_dump(const struct surface *s, bool styles)
{
	struct buf b;
	int x, y, cur;
	size_t linestart, keep;
	const struct surface_cell *c;

	buf_init(&b);
	buf_reserve(&b, (size_t)s->w * (size_t)s->h);
	for (y = 0; y < s->h; y++) {
		linestart = b.len;
		cur = STYLE_NORMAL;
		keep = b.len;
		for (x = 0; x < s->w; x++) {
			c = &s->cells[y * s->w + x];
			if (c->width == 0)
				continue;
			if (styles && surface_style_marks[c->style] !=
			    surface_style_marks[cur]) {
				if (surface_style_marks[cur] != NULL)
					buf_addc(&b, '}');
				if (surface_style_marks[c->style] != NULL)
					buf_printf(&b, "{%s:",
					    surface_style_marks[c->style]);
				cur = c->style;
				keep = b.len;
			}
			buf_adds(&b, c->c);
			if (c->c[0] != ' ' || c->c[1] != '\0')
				keep = b.len;
		}
		if (styles && surface_style_marks[cur] != NULL) {
			buf_addc(&b, '}');
			keep = b.len;
		}
		/* Trailing blanks carry no information. */
		b.len = keep > linestart ? keep : linestart;
		b.data[b.len] = '\0';
		buf_addc(&b, '\n');
	}
	return buf_steal(&b);
}
