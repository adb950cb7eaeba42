/* key.c — key names, after tmux's (C-x, M-x, Up, PageDown, BTab, F1). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "key.h"
#include "text.h"
#include "util.h"

static const struct {
	const char	*name;
	uint32_t	 key;
} key_names[] = {
	{ "Up", HK_UP },
	{ "Down", HK_DOWN },
	{ "Left", HK_LEFT },
	{ "Right", HK_RIGHT },
	{ "Home", HK_HOME },
	{ "End", HK_END },
	{ "PageUp", HK_PPAGE },
	{ "PPage", HK_PPAGE },
	{ "PgUp", HK_PPAGE },
	{ "PageDown", HK_NPAGE },
	{ "NPage", HK_NPAGE },
	{ "PgDn", HK_NPAGE },
	{ "IC", HK_IC },
	{ "Insert", HK_IC },
	{ "DC", HK_DC },
	{ "Delete", HK_DC },
	{ "Enter", HK_ENTER },
	{ "Tab", HK_TAB },
	{ "BTab", HK_BTAB },
	{ "BSpace", HK_BSPACE },
	{ "Escape", HK_ESCAPE },
	{ "Space", HK_SPACE },
	{ "F1", HK_F1 }, { "F2", HK_F2 }, { "F3", HK_F3 }, { "F4", HK_F4 },
	{ "F5", HK_F5 }, { "F6", HK_F6 }, { "F7", HK_F7 }, { "F8", HK_F8 },
	{ "F9", HK_F9 }, { "F10", HK_F10 }, { "F11", HK_F11 },
	{ "F12", HK_F12 },
};

uint32_t
key_from_name(const char *name)
{
	uint32_t mods = 0, cp;
	size_t i, n;

	for (;;) {
		if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' &&
		    name[2] != '\0') {
			mods |= HK_CTRL;
			name += 2;
		} else if ((name[0] == 'M' || name[0] == 'm') && name[1] == '-' &&
		    name[2] != '\0') {
			mods |= HK_META;
			name += 2;
		} else if (name[0] == '^' && name[1] != '\0') {
			mods |= HK_CTRL;
			name += 1;
		} else
			break;
	}
	for (i = 0; i < HMS_NELEM(key_names); i++) {
		if (strcasecmp(name, key_names[i].name) == 0)
			return key_names[i].key | mods;
	}
	n = strlen(name);
	if (n == 0)
		return HK_NONE;
	/* One character, valid: a byte that is not UTF-8 decodes as
	 * U+FFFD, which names no key. */
	if (text_utf8_decode(name, n, &cp) != n || cp < 0x20 || cp == 0x7f ||
	    (cp == 0xfffd && n == 1))
		return HK_NONE;
	if (cp == ' ')
		return HK_SPACE | mods;
	/* C-x is the same key whatever the case of x. */
	if ((mods & HK_CTRL) && cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	return cp | mods;
}

const char *
key_to_name(uint32_t key, char *buf, size_t size)
{
	uint32_t base = key & ~HK_MODS;
	char tmp[8];
	size_t i, n;

	buf[0] = '\0';
	if (size < 32)
		return buf;
	n = 0;
	if (key & HK_CTRL)
		n += (size_t)snprintf(buf + n, size - n, "C-");
	if (key & HK_META)
		n += (size_t)snprintf(buf + n, size - n, "M-");
	for (i = 0; i < HMS_NELEM(key_names); i++) {
		if (key_names[i].key == base) {
			snprintf(buf + n, size - n, "%s", key_names[i].name);
			return buf;
		}
	}
	if (base == HK_RESIZE || base == HK_MOUSE || base == HK_NONE ||
	    base >= HK_BASE) {
		snprintf(buf + n, size - n, "<0x%x>", (unsigned)base);
		return buf;
	}
	tmp[text_utf8_encode(base, tmp)] = '\0';
	snprintf(buf + n, size - n, "%s", tmp);
	return buf;
}

bool
key_seq_parse(const char *s, struct key_seq *seq)
{
	char word[64];
	const char *p = s, *start;
	size_t len;

	seq->n = 0;
	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		start = p;
		while (*p != '\0' && *p != ' ')
			p++;
		len = (size_t)(p - start);
		if (len >= sizeof word || seq->n == KEY_SEQ_MAX)
			return false;
		memcpy(word, start, len);
		word[len] = '\0';
		seq->keys[seq->n] = key_from_name(word);
		if (seq->keys[seq->n] == HK_NONE)
			return false;
		seq->n++;
	}
	return seq->n > 0;
}

const char *
key_seq_to_name(const struct key_seq *seq, char *buf, size_t size)
{
	char one[32];
	size_t n = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < seq->n && n < size; i++) {
		n += (size_t)snprintf(buf + n, size - n, "%s%s", i > 0 ? " " : "",
		    key_to_name(seq->keys[i], one, sizeof one));
	}
	return buf;
}
