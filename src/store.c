/* store.c — bookmarks, notes and history in plain files that survive
 * crashes, concurrent instances and hand edits (see store.h and
 * hms-files(5)). */
#include "config.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define STORE_LOCK_WAIT_MS	10000	/* give up on a lock after this */
#define STORE_ID_MAX		200
#define STORE_NAME_MAX		32
#define STORE_LINE_MAX		2000	/* a label or a query, in bytes */
#define STORE_NOTE_MAX		(256 * 1024)
/* The longest file read (a store file or one to import): far more than
 * anyone's bookmarks and notes, far less than would hurt to hold. */
#define STORE_FILE_MAX		((size_t)16 * 1024 * 1024)

/* Open file description locks belong to the descriptor, not the process:
 * two stores in one process (the tests) exclude each other too, and no
 * other close() of the file can drop the lock. */
#ifdef F_OFD_SETLK
#define STORE_SETLK	F_OFD_SETLK
#else
#define STORE_SETLK	F_SETLK
#endif

/* Everything the files hold, parsed. */
struct store_data {
	struct store_bookmark	*bm;
	size_t			 nbm, bmcap;
	struct store_note	*notes;
	size_t			 nnotes, notecap;
	struct store_visit	*visits;
	size_t			 nvisits, visitcap;
	struct store_query	*queries;
	size_t			 nqueries, querycap;
};

enum store_fileid {
	STORE_BOOKMARKS,
	STORE_NOTES,
	STORE_HISTORY,
	STORE_SEARCH_HISTORY,
	STORE_NFILES
};

/* What a parser reports about the lines it could not read. */
struct store_errs {
	int	 nbad;
	int	 first_line;
	char	*first;		/* owned */
};

struct store_file_ops {
	const char	*name;
	const char	*header;
	void	(*parse_line)(struct store_data *d, struct store_errs *e,
		    const char *line, size_t len, int lineno, void *state);
	void	(*clear)(struct store_data *d);
	void	(*format)(const struct store_data *d, struct buf *b);
	size_t	(*count)(const struct store_data *d);
};

/* What we last saw of a file: to notice another instance's writes. */
struct store_file_seen {
	bool		exists;
	dev_t		dev;
	ino_t		ino;
	off_t		size;
	struct timespec	mtime;
	/* Corrupt or unreadable and not moved aside: never write it. */
	bool		broken;
};

struct store {
	char			*dir;		/* NULL without a directory */
	int			 dirfd;		/* -1 without */
	int			 lockfd;	/* -1 when read-only */
	bool			 readonly;
	char			*readonly_why;
	int			 setlk;		/* F_OFD_SETLK, or F_SETLK */
	bool			 nolock;	/* the file system cannot lock */
	time_t			 fixed_time;
	char		       **msgs;
	size_t			 nmsgs;
	struct store_file_seen	 seen[STORE_NFILES];
	struct store_data	 d;
};

static const char *const store_was_names[STORE_WAS_COUNT] = {
	[STORE_WAS_EDIT] = "edit",
	[STORE_WAS_CONCURRENT] = "concurrent",
	[STORE_WAS_DELETED] = "deleted",
	[STORE_WAS_IMPORT] = "import",
};

const char *
store_was_name(enum store_was w)
{
	return w < STORE_WAS_COUNT ? store_was_names[w] : "edit";
}

static time_t
store_now(const struct store *s)
{
	return s->fixed_time != 0 ? s->fixed_time : time(NULL);
}

void
store_set_time(struct store *s, time_t t)
{
	s->fixed_time = t;
}

static void HMS_PRINTF(2, 3)
store_say(struct store *s, const char *fmt, ...)
{
	va_list ap;

	s->msgs = xreallocarray(s->msgs, s->nmsgs + 1, sizeof *s->msgs);
	va_start(ap, fmt);
	s->msgs[s->nmsgs++] = xvasprintf(fmt, ap);
	va_end(ap);
}

char *
store_take_message(struct store *s)
{
	char *m;

	if (s == NULL || s->nmsgs == 0)
		return NULL;
	m = s->msgs[0];
	memmove(s->msgs, s->msgs + 1, (s->nmsgs - 1) * sizeof *s->msgs);
	s->nmsgs--;
	return m;
}

/* ---- text: times, ids, cleaning ---- */

void
store_format_time(time_t t, char *buf, size_t size)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* "2025-11-22T10:00:00Z" (n bytes) -> time; -1 when malformed. */
static time_t
store_parse_time(const char *s, size_t n)
{
	struct tm tm = { 0 };
	int y, mo, d, h, mi, se;
	char z;
	char buf[32];

	if (n != 20)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (sscanf(buf, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &se,
	    &z) != 7 || z != 'Z' || buf[4] != '-' || buf[7] != '-' ||
	    buf[10] != 'T' || buf[13] != ':' || buf[16] != ':')
		return -1;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 ||
	    mi > 59 || se > 60)
		return -1;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = se;
	return timegm(&tm);
}

/* Entity ids as the content writes them ("kpi:rm-jrct-access"), with
 * some slack for ids of other content sets. */
static bool
store_valid_id(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > STORE_ID_MAX)
		return false;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == ':' || c == '-' ||
		    c == '_' || c == '.'))
			return false;
	}
	return true;
}

static bool
store_valid_name(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > STORE_NAME_MAX)
		return false;
	for (i = 0; i < n; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' &&
		    s[i] <= '9') || s[i] == '-'))
			return false;
	}
	return true;
}

/* One UTF-8 sequence, decoded by the text module; *cp is -1 for a bad
 * byte (consumed alone). */
static size_t
store_utf8(const char *s, size_t n, long *cp)
{
	uint32_t c;
	size_t len = text_utf8_decode(s, n, &c);

	*cp = text_utf8_invalid(c, len) ? -1 : (long)c;
	return len;
}

/* Whether a line read from a file is valid UTF-8 without NUL or other
 * control characters (tabs are separators). */
static bool
store_valid_text(const char *s, size_t n)
{
	size_t off = 0;
	long cp;

	while (off < n) {
		off += store_utf8(s + off, n - off, &cp);
		if (cp < 0 || (cp < 0x20 && cp != '\t') || cp == 0x7f ||
		    (cp >= 0x80 && cp < 0xa0))
			return false;
	}
	return true;
}

char *
store_clean_text(const char *text, bool multiline)
{
	struct buf b;
	size_t off = 0, n, len, end;
	long cp;

	buf_init(&b);
	buf_reserve(&b, 0);
	if (text == NULL)
		return buf_steal(&b);
	len = strlen(text);
	while (off < len) {
		n = store_utf8(text + off, len - off, &cp);
		if (cp < 0)
			buf_adds(&b, "\xef\xbf\xbd");	/* U+FFFD */
		else if (cp == '\r' || cp == '\n') {
			/* CR LF, CR and LF all end a line. */
			if (cp == '\r' && off + 1 < len && text[off + 1] == '\n')
				n++;
			/* No spaces at the end of a line. */
			while (b.len > 0 && b.data[b.len - 1] == ' ')
				b.len--;
			buf_addc(&b, multiline ? '\n' : ' ');
		} else if (cp == '\t')
			buf_adds(&b, multiline ? "    " : " ");
		else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			;	/* control characters never reach a file */
		else
			buf_add(&b, text + off, n);
		off += n;
	}
	/* No blank lines or spaces at the end; none at the start either. */
	end = b.len;
	while (end > 0 && (b.data[end - 1] == ' ' || b.data[end - 1] == '\n'))
		end--;
	b.data[end] = '\0';
	b.len = end;
	off = 0;
	while (off < b.len && (b.data[off] == '\n' || (!multiline &&
	    b.data[off] == ' ')))
		off++;
	if (off > 0) {
		memmove(b.data, b.data + off, b.len - off + 1);
		b.len -= off;
	}
	return buf_steal(&b);
}

/* Split off the next field separated by spaces or tabs. */
static bool
store_field(const char **p, const char *end, const char **f, size_t *n)
{
	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
	if (*p == end)
		return false;
	*f = *p;
	while (*p < end && **p != ' ' && **p != '\t')
		(*p)++;
	*n = (size_t)(*p - *f);
	return true;
}

/* The rest of the line, without surrounding blanks. */
static char *
store_rest(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return xstrndup(p, (size_t)(end - p));
}

static void HMS_PRINTF(3, 4)
store_bad(struct store_errs *e, int lineno, const char *fmt, ...)
{
	va_list ap;

	if (e->nbad++ == 0) {
		e->first_line = lineno;
		va_start(ap, fmt);
		e->first = xvasprintf(fmt, ap);
		va_end(ap);
	}
}

/* ---- the data: bookmarks ---- */

static struct store_bookmark *
store_data_bookmark(const struct store_data *d, const char *id)
{
	size_t i;

	for (i = 0; i < d->nbm; i++) {
		if (strcmp(d->bm[i].id, id) == 0)
			return &d->bm[i];
	}
	return NULL;
}

/* Add or relabel: the entry with the later time wins (last writer). */
static bool
store_data_bookmark_merge(struct store_data *d, const char *id,
    const char *label, time_t t)
{
	struct store_bookmark *b = store_data_bookmark(d, id);

	if (b != NULL) {
		if (t < b->time || strcmp(b->label, label) == 0)
			return false;
		free(b->label);
		b->label = xstrdup(label);
		b->time = t;
		return true;
	}
	util_grow(&d->bm, &d->bmcap, d->nbm + 1, sizeof *d->bm);
	b = &d->bm[d->nbm++];
	b->id = xstrdup(id);
	b->label = xstrdup(label);
	b->time = t;
	return true;
}

static void
store_bookmarks_clear(struct store_data *d)
{
	size_t i;

	for (i = 0; i < d->nbm; i++) {
		free(d->bm[i].id);
		free(d->bm[i].label);
	}
	free(d->bm);
	d->bm = NULL;
	d->nbm = d->bmcap = 0;
}

/* ID TIME [LABEL] */
static void
store_bookmarks_line(struct store_data *d, struct store_errs *e,
    const char *line, size_t len, int lineno, void *state)
{
	const char *p = line, *end = line + len, *f, *tf;
	size_t n, tn;
	time_t t;
	char *id, *label, *text;

	(void)state;
	if (!store_field(&p, end, &f, &n))
		return;
	if (!store_valid_id(f, n)) {
		store_bad(e, lineno, _("not an entity id: %.*s"), (int)HMS_MIN(n,
		    40), f);
		return;
	}
	if (!store_field(&p, end, &tf, &tn) || (t = store_parse_time(tf, tn)) < 0) {
		store_bad(e, lineno, "%s", _("expected ID TIME [LABEL] with a "
		    "time like 2025-11-22T10:00:00Z"));
		return;
	}
	id = xstrndup(f, n);
	text = store_rest(p, end);
	label = store_clean_text(text, false);
	free(text);
	store_data_bookmark_merge(d, id, label, t);
	free(id);
	free(label);
}

void
store_bookmark_format(struct buf *b, const struct store_bookmark *bm)
{
	char t[32];

	store_format_time(bm->time, t, sizeof t);
	buf_printf(b, "%s %s%s%s\n", bm->id, t, bm->label[0] != '\0' ? " " :
	    "", bm->label);
}

static void
store_bookmarks_format(const struct store_data *d, struct buf *b)
{
	size_t i;

	for (i = 0; i < d->nbm; i++)
		store_bookmark_format(b, &d->bm[i]);
}

static size_t
store_bookmarks_count(const struct store_data *d)
{
	return d->nbm;
}

/* ---- notes ---- */

static void
store_note_version_free(struct store_note_version *v)
{
	free(v->text);
}

static void
store_note_free(struct store_note *n)
{
	size_t i;

	free(n->id);
	free(n->text);
	for (i = 0; i < n->nhist; i++)
		store_note_version_free(&n->hist[i]);
	free(n->hist);
}

static struct store_note *
store_data_note(const struct store_data *d, const char *id)
{
	size_t i;

	for (i = 0; i < d->nnotes; i++) {
		if (strcmp(d->notes[i].id, id) == 0)
			return &d->notes[i];
	}
	return NULL;
}

static struct store_note *
store_data_note_new(struct store_data *d, const char *id)
{
	struct store_note *n;

	util_grow(&d->notes, &d->notecap, d->nnotes + 1, sizeof *d->notes);
	n = &d->notes[d->nnotes++];
	memset(n, 0, sizeof *n);
	n->id = xstrdup(id);
	n->text = xstrdup("");
	return n;
}

/* Whether text is the note's text or one of its earlier ones. */
static bool
store_note_knows(const struct store_note *n, const char *text)
{
	size_t i;

	if (strcmp(n->text, text) == 0)
		return true;
	for (i = 0; i < n->nhist; i++) {
		if (strcmp(n->hist[i].text, text) == 0)
			return true;
	}
	return false;
}

/* Keep an earlier text (in time order), dropping the oldest beyond the
 * limit.  Empty texts and texts already kept are not kept again. */
static void
store_note_keep(struct store_note *n, int version, time_t t,
    enum store_was kind, const char *text)
{
	struct store_note_version *v;
	size_t i;

	if (text[0] == '\0')
		return;
	for (i = 0; i < n->nhist; i++) {
		if (strcmp(n->hist[i].text, text) == 0)
			return;
	}
	n->hist = xreallocarray(n->hist, n->nhist + 1, sizeof *n->hist);
	i = n->nhist;
	while (i > 0 && n->hist[i - 1].time > t) {
		n->hist[i] = n->hist[i - 1];
		i--;
	}
	v = &n->hist[i];
	v->version = version;
	v->time = t;
	v->kind = kind;
	v->text = xstrdup(text);
	n->nhist++;
	if (n->nhist > STORE_NOTE_HISTORY_MAX) {
		store_note_version_free(&n->hist[0]);
		memmove(n->hist, n->hist + 1, (n->nhist - 1) * sizeof *n->hist);
		n->nhist--;
	}
}

/* Number n's earlier versions uniquely and in the order they are kept
 * (time order), below the note's own: texts merged from a copy edited
 * elsewhere bring numbers of their own, which may repeat ours or come out
 * of order.  A number already in order is left as it is. */
static void
store_note_renumber(struct store_note *n)
{
	size_t i;

	for (i = 1; i < n->nhist; i++) {
		if (n->hist[i].version <= n->hist[i - 1].version)
			n->hist[i].version = n->hist[i - 1].version + 1;
	}
	if (n->nhist > 0 && n->version <= n->hist[n->nhist - 1].version)
		n->version = n->hist[n->nhist - 1].version + 1;
}

/* Merge note `in` (from another file, or a duplicate record) into d.
 * The later text wins; the other is kept as an earlier version.  Returns
 * 1 for a new note, 2 for a changed one, 0 for nothing new. */
static int
store_data_note_merge(struct store_data *d, const struct store_note *in)
{
	struct store_note *n = store_data_note(d, in->id);
	size_t i, before;
	bool changed = false;

	if (n == NULL) {
		n = store_data_note_new(d, in->id);
		free(n->text);
		n->text = xstrdup(in->text);
		n->version = in->version;
		n->time = in->time;
		for (i = 0; i < in->nhist; i++)
			store_note_keep(n, in->hist[i].version, in->hist[i].time,
			    in->hist[i].kind, in->hist[i].text);
		store_note_renumber(n);
		return 1;
	}
	before = n->nhist;
	if (!store_note_knows(n, in->text) && in->text[0] != '\0') {
		if (in->time >= n->time) {
			store_note_keep(n, n->version, n->time, STORE_WAS_IMPORT,
			    n->text);
			free(n->text);
			n->text = xstrdup(in->text);
			n->time = in->time;
		} else
			store_note_keep(n, in->version, in->time,
			    STORE_WAS_IMPORT, in->text);
		n->version = HMS_MAX(n->version, in->version) + 1;
		changed = true;
	}
	for (i = 0; i < in->nhist; i++) {
		if (!store_note_knows(n, in->hist[i].text))
			store_note_keep(n, in->hist[i].version, in->hist[i].time,
			    in->hist[i].kind, in->hist[i].text);
	}
	store_note_renumber(n);
	return changed || n->nhist != before ? 2 : 0;
}

static void
store_notes_clear(struct store_data *d)
{
	size_t i;

	for (i = 0; i < d->nnotes; i++)
		store_note_free(&d->notes[i]);
	free(d->notes);
	d->notes = NULL;
	d->nnotes = d->notecap = 0;
}

/* The notes parser reads records of several lines: its state is the
 * record being read. */
struct store_notes_state {
	struct store_note	 note;		/* id NULL: none */
	struct buf		 text;		/* of the note or the version */
	int			 blank;		/* blank lines pending */
	bool			 in_version;
	struct store_note_version ver;
	bool			 bad;		/* the record is being skipped */
};

static void
store_notes_end_text(struct store_notes_state *st)
{
	/* Hand edits may bring tabs or trailing blanks: a note read is a
	 * note as hms would have saved it. */
	char *t = store_clean_text(st->text.data, true);

	if (st->in_version) {
		if (st->note.id != NULL)
			store_note_keep(&st->note, st->ver.version, st->ver.time,
			    st->ver.kind, t);
		free(t);
		st->in_version = false;
	} else if (st->note.id != NULL) {
		free(st->note.text);
		st->note.text = t;
	} else
		free(t);
	buf_reset(&st->text);
	st->blank = 0;
}

static void
store_notes_end_record(struct store_data *d, struct store_notes_state *st)
{
	store_notes_end_text(st);
	if (st->note.id != NULL) {
		/* An id twice in one file: merge, so no text is lost. */
		if (st->note.text[0] != '\0' || st->note.nhist > 0)
			store_data_note_merge(d, &st->note);
		store_note_free(&st->note);
	}
	memset(&st->note, 0, sizeof st->note);
	st->bad = false;
}

static void
store_notes_line(struct store_data *d, struct store_errs *e,
    const char *line, size_t len, int lineno, void *state)
{
	struct store_notes_state *st = state;
	const char *p = line, *end, *f, *vf, *tf, *kf;
	size_t n, vn, tn, kn, k;
	char num[16], *endp;
	long v;
	time_t t;

	if (line == NULL) {
		/* The end of the file. */
		store_notes_end_record(d, st);
		return;
	}
	/* Only now: NULL + 0 is undefined (UBSan, found by fuzz-store). */
	end = line + len;
	if (len == 0 || line[0] == '\t') {
		/* A line of text: of the note or of an earlier version. */
		if (st->bad)
			return;
		if (st->note.id == NULL) {
			if (len > 0)
				store_bad(e, lineno, "%s", _("text outside a "
				    "note (text lines start with a tab and "
				    "follow a 'note' line)"));
			return;
		}
		if (len == 0 || len == 1) {
			st->blank++;
			return;
		}
		if (st->text.len > 0 || st->blank > 0) {
			if (st->text.len > 0)
				buf_addc(&st->text, '\n');
			for (; st->blank > 0; st->blank--)
				buf_addc(&st->text, '\n');
		}
		buf_add(&st->text, line + 1, len - 1);
		return;
	}
	if (!store_field(&p, end, &f, &n))
		return;
	if ((n == 4 && memcmp(f, "note", 4) == 0) ||
	    (n == 3 && memcmp(f, "was", 3) == 0)) {
		bool is_note = n == 4;
		const char *idf = NULL;
		size_t idn = 0;

		if (is_note)
			store_notes_end_record(d, st);
		else
			store_notes_end_text(st);
		if (is_note && (!store_field(&p, end, &idf, &idn) ||
		    !store_valid_id(idf, idn))) {
			store_bad(e, lineno, "%s", _("expected: note ID VERSION "
			    "TIME"));
			st->bad = true;
			return;
		}
		if (!is_note && (st->note.id == NULL || st->bad)) {
			if (!st->bad)
				store_bad(e, lineno, "%s", _("a 'was' line "
				    "must follow a note"));
			return;
		}
		if (!store_field(&p, end, &vf, &vn) || vn >= sizeof num ||
		    !store_field(&p, end, &tf, &tn) ||
		    (t = store_parse_time(tf, tn)) < 0) {
			store_bad(e, lineno, "%s", is_note ?
			    _("expected: note ID VERSION TIME") :
			    _("expected: was VERSION TIME KIND"));
			st->bad = is_note;
			return;
		}
		memcpy(num, vf, vn);
		num[vn] = '\0';
		v = strtol(num, &endp, 10);
		if (*endp != '\0' || v < 1 || v > INT_MAX / 2) {
			store_bad(e, lineno, _("bad version: %s"), num);
			st->bad = is_note;
			return;
		}
		if (is_note) {
			st->note.id = xstrndup(idf, idn);
			st->note.text = xstrdup("");
			st->note.version = (int)v;
			st->note.time = t;
			return;
		}
		st->ver.version = (int)v;
		st->ver.time = t;
		st->ver.kind = STORE_WAS_EDIT;
		if (store_field(&p, end, &kf, &kn)) {
			for (k = 0; k < STORE_WAS_COUNT; k++) {
				if (strlen(store_was_names[k]) == kn &&
				    memcmp(store_was_names[k], kf, kn) == 0)
					st->ver.kind = (enum store_was)k;
			}
		}
		st->in_version = true;
		return;
	}
	store_bad(e, lineno, _("unknown record '%.*s' (note, was, or a text "
	    "line starting with a tab)"), (int)HMS_MIN(n, 20), f);
	st->bad = st->note.id != NULL;
}

static void
store_note_text_lines(struct buf *b, const char *text)
{
	const char *p = text, *nl;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		buf_addc(b, '\t');
		buf_add(b, p, (size_t)(nl - p));
		buf_addc(b, '\n');
		p = *nl == '\n' ? nl + 1 : nl;
	}
}

void
store_note_format(struct buf *b, const struct store_note *n)
{
	char t[32];
	size_t i;

	store_format_time(n->time, t, sizeof t);
	buf_printf(b, "note %s %d %s\n", n->id, n->version, t);
	store_note_text_lines(b, n->text);
	for (i = 0; i < n->nhist; i++) {
		store_format_time(n->hist[i].time, t, sizeof t);
		buf_printf(b, "was %d %s %s\n", n->hist[i].version, t,
		    store_was_name(n->hist[i].kind));
		store_note_text_lines(b, n->hist[i].text);
	}
}

static void
store_notes_format(const struct store_data *d, struct buf *b)
{
	size_t i;

	for (i = 0; i < d->nnotes; i++)
		store_note_format(b, &d->notes[i]);
}

static size_t
store_notes_count(const struct store_data *d)
{
	return d->nnotes;
}

/* ---- visits ---- */

static void
store_data_visit_add(struct store_data *d, const char *id, time_t t)
{
	size_t i;

	for (i = 0; i < d->nvisits; i++) {
		if (strcmp(d->visits[i].id, id) == 0)
			break;
	}
	if (i < d->nvisits) {
		/* Seen again: it moves to the end, at its later time. */
		struct store_visit v = d->visits[i];
		if (t < v.time)
			return;
		memmove(d->visits + i, d->visits + i + 1,
		    (d->nvisits - i - 1) * sizeof *d->visits);
		v.time = t;
		d->visits[d->nvisits - 1] = v;
		return;
	}
	if (d->nvisits == STORE_VISITS_MAX) {
		free(d->visits[0].id);
		memmove(d->visits, d->visits + 1,
		    (d->nvisits - 1) * sizeof *d->visits);
		d->nvisits--;
	}
	util_grow(&d->visits, &d->visitcap, d->nvisits + 1, sizeof *d->visits);
	d->visits[d->nvisits].id = xstrdup(id);
	d->visits[d->nvisits].time = t;
	d->nvisits++;
}

static void
store_visits_clear(struct store_data *d)
{
	size_t i;

	for (i = 0; i < d->nvisits; i++)
		free(d->visits[i].id);
	free(d->visits);
	d->visits = NULL;
	d->nvisits = d->visitcap = 0;
}

/* TIME ID */
static void
store_visits_line(struct store_data *d, struct store_errs *e,
    const char *line, size_t len, int lineno, void *state)
{
	const char *p = line, *end = line + len, *tf, *f;
	size_t tn, n;
	time_t t;
	char *id;

	(void)state;
	if (!store_field(&p, end, &tf, &tn))
		return;
	if ((t = store_parse_time(tf, tn)) < 0 || !store_field(&p, end, &f, &n) ||
	    !store_valid_id(f, n)) {
		store_bad(e, lineno, "%s", _("expected: TIME ID"));
		return;
	}
	id = xstrndup(f, n);
	store_data_visit_add(d, id, t);
	free(id);
}

static void
store_visits_format(const struct store_data *d, struct buf *b)
{
	char t[32];
	size_t i;

	for (i = 0; i < d->nvisits; i++) {
		store_format_time(d->visits[i].time, t, sizeof t);
		buf_printf(b, "%s %s\n", t, d->visits[i].id);
	}
}

static size_t
store_visits_count(const struct store_data *d)
{
	return d->nvisits;
}

/* ---- prompt entries ---- */

static void
store_data_query_add(struct store_data *d, const char *name,
    const char *text, time_t t)
{
	size_t i, nsame = 0, first = SIZE_MAX;

	for (i = 0; i < d->nqueries; i++) {
		if (strcmp(d->queries[i].name, name) != 0)
			continue;
		if (strcmp(d->queries[i].text, text) == 0)
			break;
	}
	if (i < d->nqueries) {
		struct store_query q = d->queries[i];
		if (t < q.time)
			return;
		memmove(d->queries + i, d->queries + i + 1,
		    (d->nqueries - i - 1) * sizeof *d->queries);
		q.time = t;
		d->queries[d->nqueries - 1] = q;
		return;
	}
	for (i = 0; i < d->nqueries; i++) {
		if (strcmp(d->queries[i].name, name) == 0) {
			if (first == SIZE_MAX)
				first = i;
			nsame++;
		}
	}
	if (nsame >= STORE_QUERIES_MAX) {
		free(d->queries[first].name);
		free(d->queries[first].text);
		memmove(d->queries + first, d->queries + first + 1,
		    (d->nqueries - first - 1) * sizeof *d->queries);
		d->nqueries--;
	}
	util_grow(&d->queries, &d->querycap, d->nqueries + 1,
	    sizeof *d->queries);
	d->queries[d->nqueries].name = xstrdup(name);
	d->queries[d->nqueries].text = xstrdup(text);
	d->queries[d->nqueries].time = t;
	d->nqueries++;
}

static void
store_queries_clear(struct store_data *d)
{
	size_t i;

	for (i = 0; i < d->nqueries; i++) {
		free(d->queries[i].name);
		free(d->queries[i].text);
	}
	free(d->queries);
	d->queries = NULL;
	d->nqueries = d->querycap = 0;
}

/* TIME NAME TEXT */
static void
store_queries_line(struct store_data *d, struct store_errs *e,
    const char *line, size_t len, int lineno, void *state)
{
	const char *p = line, *end = line + len, *tf, *f;
	size_t tn, n;
	time_t t;
	char *name, *text, *rest;

	(void)state;
	if (!store_field(&p, end, &tf, &tn))
		return;
	if ((t = store_parse_time(tf, tn)) < 0 || !store_field(&p, end, &f, &n) ||
	    !store_valid_name(f, n)) {
		store_bad(e, lineno, "%s", _("expected: TIME PROMPT TEXT"));
		return;
	}
	rest = store_rest(p, end);
	text = store_clean_text(rest, false);
	free(rest);
	if (*text != '\0') {
		name = xstrndup(f, n);
		store_data_query_add(d, name, text, t);
		free(name);
	}
	free(text);
}

static void
store_queries_format(const struct store_data *d, struct buf *b)
{
	char t[32];
	size_t i;

	for (i = 0; i < d->nqueries; i++) {
		store_format_time(d->queries[i].time, t, sizeof t);
		buf_printf(b, "%s %s %s\n", t, d->queries[i].name,
		    d->queries[i].text);
	}
}

static size_t
store_queries_count(const struct store_data *d)
{
	return d->nqueries;
}

/* ---- the files ---- */

static const struct store_file_ops store_files[STORE_NFILES] = {
	[STORE_BOOKMARKS] = {
		.name = "bookmarks",
		.header = "# hms bookmarks: ID TIME [LABEL], one a line; "
		    "see hms-files(5)\n",
		.parse_line = store_bookmarks_line,
		.clear = store_bookmarks_clear,
		.format = store_bookmarks_format,
		.count = store_bookmarks_count,
	},
	[STORE_NOTES] = {
		.name = "notes",
		.header = "# hms notes: 'note ID VERSION TIME', then the text, "
		    "each line after a tab;\n# earlier texts follow as 'was "
		    "VERSION TIME KIND'; see hms-files(5)\n",
		.parse_line = store_notes_line,
		.clear = store_notes_clear,
		.format = store_notes_format,
		.count = store_notes_count,
	},
	[STORE_HISTORY] = {
		.name = "history",
		.header = "# hms history: TIME ID of the entities visited, "
		    "oldest first; see hms-files(5)\n",
		.parse_line = store_visits_line,
		.clear = store_visits_clear,
		.format = store_visits_format,
		.count = store_visits_count,
	},
	[STORE_SEARCH_HISTORY] = {
		.name = "search-history",
		.header = "# hms search-history: TIME PROMPT TEXT, oldest "
		    "first; see hms-files(5)\n",
		.parse_line = store_queries_line,
		.clear = store_queries_clear,
		.format = store_queries_format,
		.count = store_queries_count,
	},
};

const char *
store_file_header(const char *name)
{
	size_t i;

	for (i = 0; i < STORE_NFILES; i++) {
		if (strcmp(store_files[i].name, name) == 0)
			return store_files[i].header;
	}
	return "";
}

/* Parse a whole file into d (which holds only this file's kind).  Bad
 * lines are counted in e and skipped; the rest is kept. */
static void
store_parse(const struct store_file_ops *ops, struct store_data *d,
    const char *text, size_t len, struct store_errs *e)
{
	struct store_notes_state st;
	const char *p = text, *end = text + len, *nl;
	size_t n;
	int lineno = 0;

	memset(&st, 0, sizeof st);
	buf_init(&st.text);
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		n = (size_t)(nl - p);
		lineno++;
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (!store_valid_text(p, n))
			store_bad(e, lineno, "%s", _("not valid UTF-8 text"));
		else if (n > 0 && p[0] == '#')
			;	/* a comment */
		else
			ops->parse_line(d, e, p, n, lineno, &st);
		p = nl < end ? nl + 1 : end;
	}
	if (ops->parse_line == store_notes_line)
		store_notes_line(d, e, NULL, 0, lineno + 1, &st);
	buf_free(&st.text);
}

static void
store_data_clear(struct store_data *d)
{
	size_t i;

	for (i = 0; i < STORE_NFILES; i++)
		store_files[i].clear(d);
}

/* Move file f's data from src into dst (dst's old data is freed). */
static void
store_data_take(struct store_data *dst, struct store_data *src,
    enum store_fileid f)
{
	store_files[f].clear(dst);
	switch (f) {
	case STORE_BOOKMARKS:
		dst->bm = src->bm;
		dst->nbm = src->nbm;
		dst->bmcap = src->bmcap;
		src->bm = NULL;
		src->nbm = src->bmcap = 0;
		break;
	case STORE_NOTES:
		dst->notes = src->notes;
		dst->nnotes = src->nnotes;
		dst->notecap = src->notecap;
		src->notes = NULL;
		src->nnotes = src->notecap = 0;
		break;
	case STORE_HISTORY:
		dst->visits = src->visits;
		dst->nvisits = src->nvisits;
		dst->visitcap = src->visitcap;
		src->visits = NULL;
		src->nvisits = src->visitcap = 0;
		break;
	case STORE_SEARCH_HISTORY:
		dst->queries = src->queries;
		dst->nqueries = src->nqueries;
		dst->querycap = src->querycap;
		src->queries = NULL;
		src->nqueries = src->querycap = 0;
		break;
	default:
		break;
	}
}

static bool
store_seen_same(const struct store_file_seen *a, const struct stat *sb)
{
	return a->exists && a->dev == sb->st_dev && a->ino == sb->st_ino &&
	    a->size == sb->st_size && a->mtime.tv_sec == sb->st_mtim.tv_sec &&
	    a->mtime.tv_nsec == sb->st_mtim.tv_nsec;
}

static void
store_seen_set(struct store_file_seen *a, const struct stat *sb)
{
	a->exists = sb != NULL;
	if (sb == NULL)
		return;
	a->dev = sb->st_dev;
	a->ino = sb->st_ino;
	a->size = sb->st_size;
	a->mtime = sb->st_mtim;
}

/* Write data to NAME through a temporary file in the same directory:
 * write, fsync, rename over NAME, fsync the directory.  A crash at any
 * point leaves the old NAME or the new one, never a mixture. */
static int
store_write_atomic(struct store *s, const char *name, const char *data,
    size_t len, char **err)
{
	struct iovec iov = { (void *)data, len };

	if (util_write_file(s->dirfd, name, &iov, 1, 0600,
	    UTIL_WRITE_SYNC | UTIL_WRITE_PRIVATE) == 0)
		return 0;
	*err = xasprintf(_("cannot save %s/%s: %s"), s->dir, name,
	    strerror(errno));
	return -1;
}

static int
store_save(struct store *s, enum store_fileid f, char **err)
{
	const struct store_file_ops *ops = &store_files[f];
	struct stat sb;
	struct buf b;
	int rc;

	buf_init(&b);
	buf_adds(&b, ops->header);
	ops->format(&s->d, &b);
	rc = store_write_atomic(s, ops->name, b.data, b.len, err);
	buf_free(&b);
	if (rc == 0) {
		if (fstatat(s->dirfd, ops->name, &sb, 0) == 0)
			store_seen_set(&s->seen[f], &sb);
		else
			s->seen[f].exists = false;
	}
	return rc;
}

/* NAME.corrupt-YYYYmmdd-HHMMSS, with -2, -3… if that exists. */
static char *
store_move_aside(struct store *s, const char *name)
{
	char stamp[32], *to = NULL;
	time_t t = time(NULL);
	struct tm tm;
	struct stat sb;
	int i;

	localtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (i = 1; i < 100; i++) {
		free(to);
		to = i == 1 ? xasprintf("%s.corrupt-%s", name, stamp) :
		    xasprintf("%s.corrupt-%s-%d", name, stamp, i);
		if (fstatat(s->dirfd, to, &sb, AT_SYMLINK_NOFOLLOW) != 0 &&
		    errno == ENOENT)
			break;
	}
	if (renameat(s->dirfd, name, s->dirfd, to) != 0) {
		free(to);
		return NULL;
	}
	(void)fsync(s->dirfd);
	return to;
}

/* (Re-)read file f into the store.  With the lock held (locked), a file
 * that cannot be read or parsed is moved aside and what could be read of
 * it is written back; without it (read-only), the file is left alone and
 * marked never to be written.  Either way it is said once. */
static void
store_load(struct store *s, enum store_fileid f, bool locked)
{
	const struct store_file_ops *ops = &store_files[f];
	struct store_data fresh;
	struct store_errs e = { 0 };
	struct stat sb;
	struct buf b;
	char chunk[65536], *why = NULL, *aside, *err = NULL;
	ssize_t n;
	int fd;
	bool unreadable = false;

	if (s->dirfd < 0)
		return;
	memset(&fresh, 0, sizeof fresh);
	buf_init(&b);
	buf_reserve(&b, 0);
	fd = util_open_read(s->dirfd, ops->name, STORE_FILE_MAX, &sb, &why);
	if (fd < 0 && errno == ENOENT) {
		/* No file yet: nothing kept, nothing wrong. */
		store_data_take(&s->d, &fresh, f);
		s->seen[f].exists = false;
		s->seen[f].broken = false;
		goto out;
	}
	if (fd < 0) {
		if (errno == EINVAL) {
			free(why);
			why = xstrdup(_("not a regular file"));
		}
		unreadable = true;
	} else {
		if (!locked && store_seen_same(&s->seen[f], &sb) &&
		    s->seen[f].broken) {
			/* Already said, and nothing changed. */
			close(fd);
			goto out;
		}
		while ((n = read(fd, chunk, sizeof chunk)) != 0) {
			if (n < 0) {
				if (errno == EINTR)
					continue;
				why = xstrdup(strerror(errno));
				unreadable = true;
				break;
			}
			buf_add(&b, chunk, (size_t)n);
			/* Growing while we read: held to the limit too. */
			if (b.len > STORE_FILE_MAX) {
				why = xstrdup(strerror(EFBIG));
				unreadable = true;
				break;
			}
		}
	}
	if (fd >= 0)
		close(fd);
	if (!unreadable)
		store_parse(ops, &fresh, b.data, b.len, &e);
	if (!unreadable && e.nbad == 0) {
		store_data_take(&s->d, &fresh, f);
		store_seen_set(&s->seen[f], &sb);
		s->seen[f].broken = false;
		goto out;
	}
	if (!unreadable && e.nbad == 1)
		why = xasprintf(_("line %d: %s"), e.first_line, e.first);
	else if (!unreadable)
		why = xasprintf(_("line %d: %s, and %d more bad lines"),
		    e.first_line, e.first, e.nbad - 1);
	if (!locked || (aside = store_move_aside(s, ops->name)) == NULL) {
		/* Keep what could be read, but never write over the file:
		 * the person may want to repair it. */
		store_say(s, _("%s is damaged (%s): left as it is and not "
		    "written this session (in %s)"), ops->name, why, s->dir);
		store_data_take(&s->d, &fresh, f);
		if (fd >= 0 && !unreadable)
			store_seen_set(&s->seen[f], &sb);
		s->seen[f].broken = true;
		goto out;
	}
	store_data_take(&s->d, &fresh, f);
	s->seen[f].exists = false;
	s->seen[f].broken = false;
	if (ops->count(&s->d) > 0 && store_save(s, f, &err) != 0) {
		store_say(s, "%s", err);
		free(err);
	}
	store_say(s, _("%s was damaged: moved aside as %s (%s); %zu entries "
	    "could be read and are kept (in %s)"), ops->name, aside, why,
	    ops->count(&s->d), s->dir);
	free(aside);
out:
	store_data_clear(&fresh);
	buf_free(&b);
	free(why);
	free(e.first);
}

/* ---- locking ---- */

static int
store_lock(struct store *s, char **err)
{
	struct flock fl;
	struct timespec ts = { 0, 5 * 1000 * 1000 };
	int waited = 0;

	if (s->nolock)
		return 0;
	for (;;) {
		memset(&fl, 0, sizeof fl);
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		if (fcntl(s->lockfd, s->setlk, &fl) == 0)
			return 0;
		if (errno == EINVAL && s->setlk != F_SETLK) {
			/* A kernel without open file description locks. */
			s->setlk = F_SETLK;
			continue;
		}
		if (errno == ENOLCK || errno == EOPNOTSUPP) {
			/* NFS without a lock daemon, say: one instance at a
			 * time still loses nothing, so go on, and say so. */
			s->nolock = true;
			store_say(s, _("%s cannot be locked here (%s): two hms "
			    "sessions at once may lose each other's changes"),
			    s->dir, strerror(errno));
			return 0;
		}
		if (errno != EACCES && errno != EAGAIN && errno != EINTR) {
			*err = xasprintf(_("cannot lock %s/lock: %s"), s->dir,
			    strerror(errno));
			return -1;
		}
		if (waited >= STORE_LOCK_WAIT_MS) {
			*err = xasprintf(_("another hms has held %s/lock for "
			    "%d seconds; nothing was saved"), s->dir,
			    STORE_LOCK_WAIT_MS / 1000);
			return -1;
		}
		nanosleep(&ts, NULL);
		waited += 5;
	}
}

static void
store_unlock(struct store *s)
{
	struct flock fl;

	if (s->nolock)
		return;
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_UNLCK;
	fl.l_whence = SEEK_SET;
	(void)fcntl(s->lockfd, s->setlk, &fl);
}

/* A change: under the lock, re-read the file (another instance may have
 * written it), apply op to what is on disk now, and write the result.
 * op returns 1 when it changed something, 0 when there was nothing to
 * do, -1 with *err.  On failure the store holds what is on disk. */
typedef int store_op_fn(struct store *s, void *arg, char **err);

static int
store_change(struct store *s, enum store_fileid f, store_op_fn *op,
    void *arg, char **err)
{
	int rc;

	*err = NULL;
	if (s->readonly) {
		*err = xstrdup(s->readonly_why);
		return -1;
	}
	if (store_lock(s, err) != 0)
		return -1;
	store_load(s, f, true);
	if (s->seen[f].broken) {
		*err = xasprintf(_("%s/%s is damaged and could not be moved "
		    "aside; not writing it"), s->dir, store_files[f].name);
		rc = -1;
		goto out;
	}
	rc = op(s, arg, err);
	if (rc > 0) {
		rc = store_save(s, f, err);
		if (rc != 0)
			store_load(s, f, true);
	}
out:
	store_unlock(s);
	return rc < 0 ? -1 : 0;
}

/* ---- opening ---- */

/* mkdir -p with mode 0700 for what it creates. */
static int
store_mkdirs(const char *path)
{
	char *p = xstrdup(path), *q, c;
	struct stat sb;
	int rc = 0;

	for (q = p + 1; ; q++) {
		if (*q != '/' && *q != '\0')
			continue;
		c = *q;
		*q = '\0';
		if (stat(p, &sb) != 0) {
			/* Another instance may create it at the same time. */
			if (errno != ENOENT || (mkdir(p, 0700) != 0 &&
			    (errno != EEXIST || stat(p, &sb) != 0 ||
			    !S_ISDIR(sb.st_mode)))) {
				rc = -1;
				break;
			}
		} else if (!S_ISDIR(sb.st_mode)) {
			errno = ENOTDIR;
			rc = -1;
			break;
		}
		*q = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}

/* Temporary files are written only under the lock: any found while we
 * hold it were left by a crash. */
static void
store_clean_temps(struct store *s)
{
	DIR *dp;
	struct dirent *de;
	int fd;
	size_t i, n;

	if ((fd = dup(s->dirfd)) < 0)
		return;
	if ((dp = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		if (strncmp(de->d_name, "place.tmp-", 10) == 0)
			(void)unlinkat(s->dirfd, de->d_name, 0);
		for (i = 0; i < STORE_NFILES; i++) {
			n = strlen(store_files[i].name);
			if (strncmp(de->d_name, store_files[i].name, n) == 0 &&
			    strncmp(de->d_name + n, ".tmp-", 5) == 0)
				(void)unlinkat(s->dirfd, de->d_name, 0);
		}
	}
	closedir(dp);
}

static void
store_set_readonly(struct store *s, char *why)
{
	s->readonly = true;
	free(s->readonly_why);
	s->readonly_why = why;
	if (s->lockfd >= 0)
		close(s->lockfd);
	s->lockfd = -1;
}

struct store *
store_open(const char *dir)
{
	struct store *s = xcalloc(1, sizeof *s);
	const char *xdg, *home;
	char *err = NULL;
	size_t i;

	s->dirfd = -1;
	s->lockfd = -1;
	s->setlk = STORE_SETLK;
	if (dir != NULL)
		s->dir = xstrdup(dir);
	else if ((xdg = getenv("XDG_DATA_HOME")) != NULL && xdg[0] == '/')
		s->dir = xasprintf("%s/hms", xdg);
	else if ((home = getenv("HOME")) != NULL && home[0] == '/')
		s->dir = xasprintf("%s/.local/share/hms", home);
	if (s->dir == NULL) {
		store_set_readonly(s, xstrdup(_("Bookmarks, notes and history "
		    "are not saved this session: neither XDG_DATA_HOME nor "
		    "HOME is set")));
		store_say(s, "%s", s->readonly_why);
		return s;
	}
	if (store_mkdirs(s->dir) != 0 ||
	    (s->dirfd = open(s->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		store_set_readonly(s, xasprintf(_("Bookmarks, notes and history "
		    "are read-only this session: cannot use %s (%s)"), s->dir,
		    strerror(errno)));
		store_say(s, "%s", s->readonly_why);
		return s;
	}
	/* Writable means: we may create files there and lock. */
	if (access(s->dir, W_OK | X_OK) != 0 || (s->lockfd = openat(s->dirfd,
	    "lock", O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0) {
		store_set_readonly(s, xasprintf(_("Bookmarks, notes and history "
		    "are read-only this session: cannot write to %s (%s)"),
		    s->dir, strerror(errno)));
		store_say(s, "%s", s->readonly_why);
		for (i = 0; i < STORE_NFILES; i++)
			store_load(s, (enum store_fileid)i, false);
		return s;
	}
	if (store_lock(s, &err) != 0) {
		/* Read what is there; changes will try the lock again. */
		store_say(s, "%s", err);
		free(err);
		for (i = 0; i < STORE_NFILES; i++)
			store_load(s, (enum store_fileid)i, false);
		return s;
	}
	store_clean_temps(s);
	for (i = 0; i < STORE_NFILES; i++)
		store_load(s, (enum store_fileid)i, true);
	store_unlock(s);
	return s;
}

void
store_free(struct store *s)
{
	size_t i;

	if (s == NULL)
		return;
	store_data_clear(&s->d);
	for (i = 0; i < s->nmsgs; i++)
		free(s->msgs[i]);
	free(s->msgs);
	if (s->lockfd >= 0)
		close(s->lockfd);
	if (s->dirfd >= 0)
		close(s->dirfd);
	free(s->readonly_why);
	free(s->dir);
	free(s);
}

const char *
store_dir(const struct store *s)
{
	return s->dir != NULL ? s->dir : "";
}

bool
store_readonly(const struct store *s)
{
	return s->readonly;
}

const char *
store_readonly_reason(const struct store *s)
{
	return s->readonly ? s->readonly_why : NULL;
}

bool
store_refresh(struct store *s)
{
	struct stat sb;
	bool any = false;
	char *err = NULL;
	size_t i;

	if (s->dirfd < 0)
		return false;
	for (i = 0; i < STORE_NFILES; i++) {
		if (fstatat(s->dirfd, store_files[i].name, &sb, 0) != 0) {
			if (errno != ENOENT || !s->seen[i].exists)
				continue;
		} else if (store_seen_same(&s->seen[i], &sb))
			continue;
		if (!s->readonly && store_lock(s, &err) == 0) {
			store_load(s, (enum store_fileid)i, true);
			store_unlock(s);
		} else {
			/* Busy: show what is there; a change locks again. */
			free(err);
			err = NULL;
			store_load(s, (enum store_fileid)i, false);
		}
		any = true;
	}
	return any;
}

/* ---- bookmarks ---- */

size_t
store_bookmark_count(const struct store *s)
{
	return s->d.nbm;
}

const struct store_bookmark *
store_bookmark_at(const struct store *s, size_t i)
{
	return i < s->d.nbm ? &s->d.bm[i] : NULL;
}

const struct store_bookmark *
store_bookmark_find(const struct store *s, const char *id)
{
	return id != NULL ? store_data_bookmark(&s->d, id) : NULL;
}

struct store_bookmark_op {
	const char	*id;
	char		*label;
	bool		 remove;
};

static int
store_bookmark_op(struct store *s, void *arg, char **err)
{
	struct store_bookmark_op *op = arg;
	struct store_bookmark *b = store_data_bookmark(&s->d, op->id);
	time_t now = store_now(s);
	size_t i;

	(void)err;
	if (op->remove) {
		if (b == NULL)
			return 0;
		i = (size_t)(b - s->d.bm);
		free(b->id);
		free(b->label);
		memmove(s->d.bm + i, s->d.bm + i + 1,
		    (s->d.nbm - i - 1) * sizeof *s->d.bm);
		s->d.nbm--;
		return 1;
	}
	if (b != NULL) {
		if (strcmp(b->label, op->label) == 0)
			return 0;
		/* This write is the last one: its label wins. */
		b->time = HMS_MAX(now, b->time);
	}
	store_data_bookmark_merge(&s->d, op->id, op->label, b != NULL ?
	    b->time : now);
	return 1;
}

static int
store_check_id(const char *id, char **err)
{
	if (id == NULL || !store_valid_id(id, strlen(id))) {
		*err = xasprintf(_("not an entity id: %s"), id != NULL ? id :
		    "(none)");
		return -1;
	}
	return 0;
}

int
store_bookmark_set(struct store *s, const char *id, const char *label,
    char **err)
{
	struct store_bookmark_op op = { .id = id };
	int rc;

	if (store_check_id(id, err) != 0)
		return -1;
	op.label = store_clean_text(label, false);
	if (strlen(op.label) > STORE_LINE_MAX)
		op.label[STORE_LINE_MAX] = '\0';
	rc = store_change(s, STORE_BOOKMARKS, store_bookmark_op, &op, err);
	free(op.label);
	return rc;
}

int
store_bookmark_remove(struct store *s, const char *id, char **err)
{
	struct store_bookmark_op op = { .id = id, .remove = true };

	if (store_check_id(id, err) != 0)
		return -1;
	return store_change(s, STORE_BOOKMARKS, store_bookmark_op, &op, err);
}

/* ---- notes ---- */

size_t
store_note_count(const struct store *s)
{
	return s->d.nnotes;
}

const struct store_note *
store_note_at(const struct store *s, size_t i)
{
	return i < s->d.nnotes ? &s->d.notes[i] : NULL;
}

const struct store_note *
store_note_find(const struct store *s, const char *id)
{
	return id != NULL ? store_data_note(&s->d, id) : NULL;
}

const char *
store_note_text(const struct store *s, const char *id)
{
	const struct store_note *n;

	if (s == NULL || (n = store_note_find(s, id)) == NULL ||
	    n->text[0] == '\0')
		return NULL;
	return n->text;
}

struct store_note_op {
	const char	*id;
	char		*text;
	int		 base;
	bool		 conflict;
};

static int
store_note_op(struct store *s, void *arg, char **err)
{
	struct store_note_op *op = arg;
	struct store_note *n = store_data_note(&s->d, op->id);
	time_t now = store_now(s);
	enum store_was kind;

	(void)err;
	if (n == NULL) {
		if (op->text[0] == '\0')
			return 0;
		n = store_data_note_new(&s->d, op->id);
	}
	if (strcmp(n->text, op->text) == 0)
		return 0;
	/* Someone saved after the user started from version base: their
	 * text is not dropped, it becomes an earlier version. */
	op->conflict = n->version != op->base && n->text[0] != '\0';
	kind = op->conflict ? STORE_WAS_CONCURRENT : op->text[0] == '\0' ?
	    STORE_WAS_DELETED : STORE_WAS_EDIT;
	store_note_keep(n, n->version, n->time, kind, n->text);
	free(n->text);
	n->text = xstrdup(op->text);
	n->version = HMS_MAX(n->version, op->base) + 1;
	n->time = HMS_MAX(now, n->time);
	store_note_renumber(n);
	/* A note emptied with nothing to remember is gone. */
	if (n->text[0] == '\0' && n->nhist == 0) {
		size_t i = (size_t)(n - s->d.notes);
		store_note_free(n);
		memmove(s->d.notes + i, s->d.notes + i + 1,
		    (s->d.nnotes - i - 1) * sizeof *s->d.notes);
		s->d.nnotes--;
	}
	return 1;
}

int
store_note_set(struct store *s, const char *id, const char *text, int base,
    bool *conflict, char **err)
{
	struct store_note_op op = { .id = id, .base = base };
	int rc;

	if (conflict != NULL)
		*conflict = false;
	if (store_check_id(id, err) != 0)
		return -1;
	op.text = store_clean_text(text, true);
	if (strlen(op.text) > STORE_NOTE_MAX) {
		*err = xasprintf(_("the note is too long (%zu bytes; at most "
		    "%d)"), strlen(op.text), STORE_NOTE_MAX);
		free(op.text);
		return -1;
	}
	rc = store_change(s, STORE_NOTES, store_note_op, &op, err);
	if (rc == 0 && conflict != NULL)
		*conflict = op.conflict;
	free(op.text);
	return rc;
}

/* ---- history ---- */

size_t
store_visit_count(const struct store *s)
{
	return s->d.nvisits;
}

const struct store_visit *
store_visit_at(const struct store *s, size_t i)
{
	return i < s->d.nvisits ? &s->d.visits[i] : NULL;
}

static int
store_visit_op(struct store *s, void *arg, char **err)
{
	(void)err;
	store_data_visit_add(&s->d, arg, store_now(s));
	return 1;
}

int
store_visit_add(struct store *s, const char *id, char **err)
{
	if (store_check_id(id, err) != 0)
		return -1;
	return store_change(s, STORE_HISTORY, store_visit_op, (void *)id, err);
}

size_t
store_query_count(const struct store *s)
{
	return s->d.nqueries;
}

const struct store_query *
store_query_at(const struct store *s, size_t i)
{
	return i < s->d.nqueries ? &s->d.queries[i] : NULL;
}

struct store_query_op {
	const char	*name;
	char		*text;
};

static int
store_query_op(struct store *s, void *arg, char **err)
{
	struct store_query_op *op = arg;

	(void)err;
	store_data_query_add(&s->d, op->name, op->text, store_now(s));
	return 1;
}

int
store_query_add(struct store *s, const char *name, const char *text,
    char **err)
{
	struct store_query_op op = { .name = name };
	int rc;

	if (name == NULL || !store_valid_name(name, strlen(name))) {
		*err = xasprintf(_("not a prompt name: %s"), name != NULL ?
		    name : "(none)");
		return -1;
	}
	op.text = store_clean_text(text, false);
	if (strlen(op.text) > STORE_LINE_MAX)
		op.text[STORE_LINE_MAX] = '\0';
	rc = 0;
	*err = NULL;
	if (op.text[0] != '\0')
		rc = store_change(s, STORE_SEARCH_HISTORY, store_query_op, &op,
		    err);
	free(op.text);
	return rc;
}

/* ---- import ---- */

struct store_import_op {
	struct store_data	*in;
	size_t			 added, changed;
};

static int
store_import_bookmarks_op(struct store *s, void *arg, char **err)
{
	struct store_import_op *op = arg;
	size_t i;
	bool had;

	(void)err;
	for (i = 0; i < op->in->nbm; i++) {
		const struct store_bookmark *b = &op->in->bm[i];
		had = store_data_bookmark(&s->d, b->id) != NULL;
		if (store_data_bookmark_merge(&s->d, b->id, b->label, b->time)) {
			if (had)
				op->changed++;
			else
				op->added++;
		}
	}
	return op->added + op->changed > 0;
}

static int
store_import_notes_op(struct store *s, void *arg, char **err)
{
	struct store_import_op *op = arg;
	size_t i;
	int r;

	(void)err;
	for (i = 0; i < op->in->nnotes; i++) {
		r = store_data_note_merge(&s->d, &op->in->notes[i]);
		if (r == 1)
			op->added++;
		else if (r == 2)
			op->changed++;
	}
	return op->added + op->changed > 0;
}

static int
store_import(struct store *s, enum store_fileid f, const char *path,
    store_op_fn *fn, size_t *added, size_t *changed, char **err)
{
	struct store_data in;
	struct store_errs e = { 0 };
	struct store_import_op op = { .in = &in };
	char *text, *why;
	size_t len;
	int rc = -1;

	memset(&in, 0, sizeof in);
	*err = NULL;

	if ((text = util_read_file(path, STORE_FILE_MAX, &len, &why)) == NULL) {
		*err = xasprintf(_("cannot read %s: %s"), path, why);
		free(why);
		return -1;
	}
	store_parse(&store_files[f], &in, text, len, &e);
	if (e.nbad > 0) {
		*err = xasprintf(_("%s:%d: %s (%d bad lines; nothing was "
		    "imported)"), path, e.first_line, e.first, e.nbad);
		goto out;
	}
	rc = store_change(s, f, fn, &op, err);
	if (added != NULL)
		*added = rc == 0 ? op.added : 0;
	if (changed != NULL)
		*changed = rc == 0 ? op.changed : 0;
out:
	store_data_clear(&in);
	free(e.first);
	free(text);
	return rc;
}

int
store_import_bookmarks(struct store *s, const char *path, size_t *added,
    size_t *changed, char **err)
{
	return store_import(s, STORE_BOOKMARKS, path, store_import_bookmarks_op,
	    added, changed, err);
}

int
store_import_notes(struct store *s, const char *path, size_t *added,
    size_t *changed, char **err)
{
	return store_import(s, STORE_NOTES, path, store_import_notes_op, added,
	    changed, err);
}

/* ---- the editor's file ---- */

char *
store_edit_file(struct store *s, const char *id, const char *text,
    char **err)
{
	struct buf name;
	char *path;
	const char *p;
	size_t len = strlen(text), off = 0;
	ssize_t w;
	int fd;

	*err = NULL;
	if (s->readonly) {
		*err = xstrdup(s->readonly_why);
		return NULL;
	}
	/* The entity's id in the name tells the person what they edit. */
	buf_init(&name);
	buf_printf(&name, "%s/note-", s->dir);
	for (p = id; *p != '\0' && p - id < 60; p++)
		buf_addc(&name, (*p >= 'a' && *p <= 'z') || (*p >= '0' &&
		    *p <= '9') || *p == '-' ? *p : '_');
	buf_adds(&name, "-XXXXXX.txt");
	path = buf_steal(&name);
	if ((fd = mkstemps(path, 4)) < 0) {
		*err = xasprintf(_("cannot create a file in %s: %s"), s->dir,
		    strerror(errno));
		free(path);
		return NULL;
	}
	(void)fchmod(fd, 0600);
	while (off < len) {
		w = write(fd, text + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			break;
		off += (size_t)w;
	}
	if (off < len || (len > 0 && write(fd, "\n", 1) != 1) ||
	    close(fd) != 0) {
		*err = xasprintf(_("cannot write %s: %s"), path,
		    strerror(errno));
		unlink(path);
		free(path);
		return NULL;
	}
	return path;
}

/* ---- the last place ---- */

#define STORE_PLACE_FILE	"place"
#define STORE_PLACE_HEADER	"# hms place: VIEW PANE ID BLOCK OFFSET SKIP, where the " \
	"interface was left; see hms-files(5)\n"
#define STORE_PLACE_MAX		4096

void
store_place_clear(struct store_place *p)
{
	free(p->view);
	free(p->id);
	memset(p, 0, sizeof *p);
}

int
store_place_save(struct store *s, const struct store_place *p, char **err)
{
	struct buf b;
	int rc;

	*err = NULL;
	if (s->readonly || s->dirfd < 0) {
		*err = xstrdup(s->readonly_why != NULL ? s->readonly_why :
		    _("the store has no directory"));
		return -1;
	}
	assert(store_valid_name(p->view, strlen(p->view)));
	assert(p->id == NULL || store_valid_id(p->id, strlen(p->id)));
	assert(p->block >= 0 && p->skip >= 0);
	buf_init(&b);
	buf_adds(&b, STORE_PLACE_HEADER);
	buf_printf(&b, "%s %s %s %d %zu %d\n", p->view, p->reader ?
	    "reader" : "list", p->id != NULL ? p->id : "-", p->block, p->off,
	    p->skip);
	/* Under the lock, as every write: the temporary file is then never
	 * taken for a crash's leftover (store_clean_temps). */
	if ((rc = store_lock(s, err)) == 0) {
		rc = store_write_atomic(s, STORE_PLACE_FILE, b.data, b.len,
		    err);
		store_unlock(s);
	}
	buf_free(&b);
	return rc;
}

/* A whole number of at most 9 digits in [f, f + n), or -1. */
static long
store_place_number(const char *f, size_t n)
{
	long v = 0;
	size_t i;

	if (n == 0 || n > 9)
		return -1;
	for (i = 0; i < n; i++) {
		if (f[i] < '0' || f[i] > '9')
			return -1;
		v = v * 10 + (f[i] - '0');
	}
	return v;
}

/* One record: VIEW PANE ID BLOCK OFFSET SKIP.  0, or -1 with *why. */
static int
store_place_line(struct store_place *p, const char *line, size_t len,
    char **why)
{
	const char *q = line, *end = line + len, *f[6];
	size_t n[6];
	long block, off, skip;
	int i;

	for (i = 0; i < 6; i++) {
		if (!store_field(&q, end, &f[i], &n[i])) {
			*why = xstrdup(_("expected VIEW PANE ID BLOCK OFFSET "
			    "SKIP"));
			return -1;
		}
	}
	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	if (q != end) {
		*why = xstrdup(_("more than VIEW PANE ID BLOCK OFFSET SKIP"));
		return -1;
	}
	if (!store_valid_name(f[0], n[0])) {
		*why = xstrdup(_("not a view name"));
		return -1;
	}
	if (!((n[1] == 6 && memcmp(f[1], "reader", 6) == 0) ||
	    (n[1] == 4 && memcmp(f[1], "list", 4) == 0))) {
		*why = xstrdup(_("the pane is neither reader nor list"));
		return -1;
	}
	if (!(n[2] == 1 && f[2][0] == '-') && !store_valid_id(f[2], n[2])) {
		*why = xstrdup(_("not an entity id"));
		return -1;
	}
	if ((block = store_place_number(f[3], n[3])) < 0 ||
	    (off = store_place_number(f[4], n[4])) < 0 ||
	    (skip = store_place_number(f[5], n[5])) < 0) {
		*why = xstrdup(_("the scroll position is not three numbers"));
		return -1;
	}
	p->view = xstrndup(f[0], n[0]);
	p->reader = n[1] == 6;
	p->id = n[2] == 1 && f[2][0] == '-' ? NULL : xstrndup(f[2], n[2]);
	p->block = (int)block;
	p->off = (size_t)off;
	p->skip = (int)skip;
	return 0;
}

int
store_place_load(struct store *s, struct store_place *p, char **err)
{
	char *path, *text, *why = NULL;
	const char *q, *end, *nl;
	size_t len, n;
	int lineno = 0, found = 0;

	memset(p, 0, sizeof *p);
	*err = NULL;
	/* Without a usable directory nothing was saved (and the store
	 * says why once already). */
	if (s->dir == NULL || s->dirfd < 0)
		return 0;
	path = xasprintf("%s/%s", s->dir, STORE_PLACE_FILE);
	text = util_read_file(path, STORE_PLACE_MAX, &len, &why);
	if (text == NULL) {
		found = errno == ENOENT ? 0 : -1;
		if (found < 0)
			*err = xasprintf("%s: %s", path, why != NULL ? why :
			    strerror(errno));
		goto out;
	}
	for (q = text, end = text + len; q < end; q = nl < end ? nl + 1 : end) {
		if ((nl = memchr(q, '\n', (size_t)(end - q))) == NULL)
			nl = end;
		n = (size_t)(nl - q);
		lineno++;
		if (n > 0 && q[n - 1] == '\r')
			n--;
		if (!store_valid_text(q, n)) {
			why = xstrdup(_("not valid UTF-8 text"));
			break;
		}
		if ((n > 0 && q[0] == '#') || n == strspn(q, " \t"))
			continue;
		if (found) {
			why = xstrdup(_("a second place"));
			break;
		}
		if (store_place_line(p, q, n, &why) != 0)
			break;
		found = 1;
	}
	if (why != NULL) {
		*err = xasprintf("%s:%d: %s", path, lineno, why);
		store_place_clear(p);
		found = -1;
	} else if (!found) {
		*err = xasprintf(_("%s: no place in it"), path);
		found = -1;
	}
	free(text);
out:
	free(why);
	free(path);
	return found;
}
