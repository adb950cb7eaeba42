/* key.h — key codes and their tmux-style names.
 *
 * A key is a Unicode code point, or a special key (HK_UP …), possibly with
 * modifier bits.  Control characters read from the terminal become the
 * letter with HK_CTRL (0x01 is C-a), except the ones with names of their
 * own (Enter, Tab, BSpace, Escape). */
#ifndef HMS_KEY_H
#define HMS_KEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HK_CTRL		0x40000000u
#define HK_META		0x20000000u
#define HK_MODS		(HK_CTRL | HK_META)
#define HK_BASE		0x00200000u	/* above every code point */

enum {
	HK_NONE = HK_BASE,
	HK_UP, HK_DOWN, HK_LEFT, HK_RIGHT,
	HK_HOME, HK_END, HK_PPAGE, HK_NPAGE, HK_IC, HK_DC,
	HK_ENTER, HK_TAB, HK_BTAB, HK_BSPACE, HK_ESCAPE, HK_SPACE,
	HK_F1, HK_F2, HK_F3, HK_F4, HK_F5, HK_F6, HK_F7, HK_F8, HK_F9,
	HK_F10, HK_F11, HK_F12,
	HK_RESIZE,	/* the terminal changed size */
	HK_MOUSE,	/* a mouse event: see term_mouse() */
	HK_LAST
};

/* Longest key sequence a binding may have ("g g"). */
#define KEY_SEQ_MAX 3

struct key_seq {
	uint32_t	keys[KEY_SEQ_MAX];
	int		n;
};

/* Parse one key name ("C-x", "M-Enter", "PageDown", "q", "Space", "F1");
 * returns the key, or HK_NONE when the name is not a key. */
uint32_t key_from_name(const char *name);
/* The name of a key in the form key_from_name reads; writes into buf
 * (at least 32 bytes) and returns it. */
const char *key_to_name(uint32_t key, char *buf, size_t size);
/* Parse a sequence of key names separated by spaces ("g g"). Returns
 * false when a name is not a key or the sequence is too long. */
bool key_seq_parse(const char *s, struct key_seq *seq);
/* "g g" for a sequence; writes into buf and returns it. */
const char *key_seq_to_name(const struct key_seq *seq, char *buf, size_t size);

#endif
