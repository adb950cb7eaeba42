/* app.h — the interface: the loop, history and the global keys.
 *
 * The loop (app.c) reads a key, maps it through the keymap to an action,
 * lets the current view handle it (or handles it itself), then draws the
 * whole screen into a surface once, which term.c copies to the terminal
 * (ncurses sends only the differences).  Actions change state and set
 * redraw flags; they never draw.  The views (view.h) know nothing of
 * this file: they use ui.h, and ask the app to move through it. */
#ifndef HMS_APP_H
#define HMS_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct app;
struct content;
struct keymap;
struct main_opts;
struct store;

/* Entry point from main: run the interface.  Returns the exit status. */
int app_run(const struct main_opts *mo, struct content *c, const char *id);

/* The keymap: default, preset or file, then the user's file; the first
 * problem (if any) is returned for the message line. */
struct keymap *app_load_keymap(const char *name, char **problem);

/* ---- tests: an app without a terminal ---- */
struct app *app_create_headless(struct content *c, const char *today);
/* Give the app a store (it does not own it); prompt histories load. */
void app_set_store(struct app *a, struct store *st);
void app_free(struct app *a);
/* Feed one key as if typed. */
void app_feed(struct app *a, uint32_t key);
/* Feed keys as one batch read from the terminal, as a slow machine or a
 * paste delivers them: the prompt's incremental callback runs once,
 * after them all, as in the loop. */
void app_feed_batch(struct app *a, const uint32_t *keys, size_t n);
/* Draw the screen into a w x h text dump; the caller frees it. */
char *app_render(struct app *a, int w, int h, bool styles);

#endif
