/* view-reader.h — the reader: an entity's page, scrolled, with its links
 * and search matches.  One reader serves every view that shows a page
 * (beside a list, or full width as the entity view); ui_reader() gives
 * it.  It opens what its links lead to through ui_open(). */
#ifndef HMS_VIEW_READER_H
#define HMS_VIEW_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "ui.h"

struct reader;

struct reader *reader_create(struct ui *ui);
void reader_free(struct reader *r);

/* What the reader shows (NULL: nothing yet). */
struct content_entity *reader_entity(struct reader *r);
/* Show e from the place (anchor, off) of its page (-1: the top);
 * another entity's in-page search ends. */
void reader_set(struct reader *r, struct content_entity *e, int anchor,
    size_t anchor_off);
/* Show e without its marks (a preview as the list's cursor moves); the
 * same entity keeps them. */
void reader_preview(struct reader *r, struct content_entity *e);
/* Show e with a search hit's marks, scrolled to the first. */
void reader_preview_marked(struct reader *r, struct content_entity *e,
    const struct page_mark *marks, size_t n);
void reader_set_marks(struct reader *r, const struct page_mark *marks,
    size_t n);
void reader_clear_marks(struct reader *r);
bool reader_has_marks(struct reader *r);
/* N into a hit: start at its last match rather than its first. */
void reader_want_last(struct reader *r, bool last);

/* The place of the top line: its anchor, the offset within it and which
 * of the lines holding it it is (-1: none); and a place to go to when the
 * page is next laid out. */
void reader_place(struct reader *r, int *anchor, size_t *off, int *skip);
void reader_want_place(struct reader *r, int anchor, size_t off, int skip);
/* The selected link (-1: none), checked against the page when it is
 * laid out. */
int reader_link(struct reader *r);
void reader_set_link(struct reader *r, int link);

/* Lay the page out again (its note changed), keeping the place. */
void reader_refresh(struct reader *r);
/* Wrap pages to at most width columns (0: the pane's width). */
void reader_set_width(struct reader *r, int width);
int reader_width(struct reader *r);

void reader_draw(struct reader *r, struct surface *s, int x, int y, int w,
    int h);
/* Scrolling, links, follow: false for an action it does not take. */
bool reader_action(struct reader *r, enum action act);
bool reader_click(struct reader *r, int x, int y, int button);
/* Follow link number n (1-based, as the page numbers them). */
bool reader_follow_number(struct reader *r, int n);
/* "match 3/17  42%" or "(END)", as less says where it is; false when no
 * page is laid out. */
bool reader_position(struct reader *r, char *buf, size_t size);

/* The first line shown. */
int reader_top(struct reader *r);
/* In-page search: highlight every place the plain pattern occurs on the
 * page (folded as the content search folds; NULL: none, the hit's marks
 * gone too), scroll back to line top, then make current the first match
 * at or after it (*wrapped: none was, so the first of the page),
 * scrolling only when it is off the screen.  Returns the number of
 * matches. */
int reader_find(struct reader *r, const char *pattern, int top,
    bool *wrapped);
/* Whether an in-page search is on. */
bool reader_finding(struct reader *r);
/* n and N under an in-page search: the next match, round the page. */
void reader_find_step(struct reader *r, int dir);
/* n and N over a hit's marks: false at either end of the page. */
bool reader_next_match(struct reader *r, int dir);

/* The section after (dir > 0) or before e in its document's order (a
 * depth-first walk of the chapter tree), or NULL at either end. */
struct content_entity *reader_section_step(struct content_entity *e,
    int dir);

#endif
