/* store.h — what a person keeps across sessions: bookmarks, notes, the
 * entities visited and the queries typed.
 *
 * Plain UTF-8 files, one record a line, under $XDG_DATA_HOME/hms/
 * (default ~/.local/share/hms/); the format is hms-files(5).  Nothing
 * saved may be lost:
 *  - every write replaces a file atomically (a temporary file in the
 *    same directory, fsync, rename, fsync of the directory), so a crash
 *    leaves either the old file or the new one;
 *  - every change is one operation applied under a lock (the file
 *    "lock" in the directory) to what is on disk at that moment, so two
 *    running instances never undo each other's changes;
 *  - a file that cannot be read or parsed is moved aside as
 *    NAME.corrupt-YYYYmmdd-HHMMSS, the entries that could be read are
 *    kept, and a message says so once;
 *  - ids are kept whether or not the content still has them (the caller
 *    shows those as orphans);
 *  - when the directory cannot be written the store is read-only, says
 *    why, and every change fails with that reason.
 *
 * The store knows nothing of the content, the terminal or ICU. */
#ifndef HMS_STORE_H
#define HMS_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct store;

struct store_bookmark {
	char	*id;		/* an entity id, "kpi:rm-jrct-access" */
	char	*label;		/* "" when none */
	time_t	 time;		/* when it was added or relabelled */
};

/* Why an earlier text of a note was kept. */
enum store_was {
	STORE_WAS_EDIT,		/* replaced by an edit */
	STORE_WAS_CONCURRENT,	/* replaced by an edit made from an older
				   version (another instance saved first) */
	STORE_WAS_DELETED,	/* the note was emptied */
	STORE_WAS_IMPORT,	/* lost to an imported text, or the reverse */
	STORE_WAS_COUNT
};

struct store_note_version {
	int		 version;
	time_t		 time;
	enum store_was	 kind;
	char		*text;
};

struct store_note {
	char				*id;
	int				 version;	/* 1, 2, …: one per save */
	time_t				 time;		/* of the last save */
	char				*text;		/* "" once deleted */
	/* Earlier texts, oldest first; at most STORE_NOTE_HISTORY_MAX. */
	struct store_note_version	*hist;
	size_t				 nhist;
};

#define STORE_NOTE_HISTORY_MAX	20
#define STORE_VISITS_MAX	500
#define STORE_QUERIES_MAX	200	/* per prompt name */

struct store_visit {
	char	*id;
	time_t	 time;
};

struct store_query {
	char	*name;		/* the prompt's history: "search", "goto" */
	char	*text;
	time_t	 time;
};

/* Open the store in dir, or (dir NULL) in $XDG_DATA_HOME/hms, else
 * $HOME/.local/share/hms, creating it (mode 0700).  Never fails: without
 * a usable directory the store is empty and read-only.  What went wrong
 * (read-only, a corrupt file moved aside) is queued for
 * store_take_message().  Free with store_free(). */
struct store *store_open(const char *dir);
void store_free(struct store *s);

/* The directory ("" when there is none). */
const char *store_dir(const struct store *s);
/* Whether changes are refused, and why (NULL when writable). */
bool store_readonly(const struct store *s);
const char *store_readonly_reason(const struct store *s);
/* The next message to show the user once (corrupt file moved aside,
 * read-only), or NULL.  The caller frees it. */
char *store_take_message(struct store *s);

/* Re-read the files another instance has changed since we last looked
 * (cheap when none has).  Returns whether anything was re-read. */
bool store_refresh(struct store *s);

/* Use this clock instead of time(NULL) for new entries (tests); 0 goes
 * back to the real clock. */
void store_set_time(struct store *s, time_t t);

/* ---- bookmarks: a set of ids, in the order they were added ---- */

size_t store_bookmark_count(const struct store *s);
const struct store_bookmark *store_bookmark_at(const struct store *s,
    size_t i);
/* The bookmark of id, or NULL.  Valid until the next call that changes
 * or refreshes the store. */
const struct store_bookmark *store_bookmark_find(const struct store *s,
    const char *id);
/* Add a bookmark, or set the label of an existing one (label may be NULL
 * or "").  Returns 0, or -1 with a message in *err (the caller frees it). */
int store_bookmark_set(struct store *s, const char *id, const char *label,
    char **err);
/* Remove a bookmark (none is not an error).  Returns 0 or -1 and *err. */
int store_bookmark_remove(struct store *s, const char *id, char **err);

/* ---- notes: free text on an entity, with its earlier versions ---- */

size_t store_note_count(const struct store *s);
const struct store_note *store_note_at(const struct store *s, size_t i);
const struct store_note *store_note_find(const struct store *s,
    const char *id);
/* The text of id's note, or NULL when it has none (or it was deleted).
 * This is the hook for search: index it as one more field of the
 * entity.  Valid until the next change or refresh of the store. */
const char *store_note_text(const struct store *s, const char *id);
/* Save text (NULL or "" deletes) as id's note.  base is the version the
 * user started from (0: no note then).  When the note on disk is newer
 * than base, another instance saved in between: text still wins, and the
 * text it replaces is kept in the note's history as
 * STORE_WAS_CONCURRENT; *conflict (may be NULL) tells the caller to say
 * so.  Returns 0, or -1 with *err. */
int store_note_set(struct store *s, const char *id, const char *text,
    int base, bool *conflict, char **err);

/* ---- history of visited entities and of prompt entries ---- */

/* Visits, oldest first; each id once, at its latest visit. */
size_t store_visit_count(const struct store *s);
const struct store_visit *store_visit_at(const struct store *s, size_t i);
int store_visit_add(struct store *s, const char *id, char **err);

/* Prompt entries, oldest first; each (name, text) once. */
size_t store_query_count(const struct store *s);
const struct store_query *store_query_at(const struct store *s, size_t i);
int store_query_add(struct store *s, const char *name, const char *text,
    char **err);

/* ---- the last place: where the interface was left ---- */

struct store_place {
	char	*view;		/* a view's name: "entity", "outline" */
	bool	 reader;	/* the reader had the focus (else the list) */
	char	*id;		/* the entity in the reader, or NULL */
	int	 block;		/* the scroll position: the block of the page */
	size_t	 off;		/* its top line is in, and the byte offset of
				   that line in the block (layout.h's anchor),
				   so that it holds at another width */
	int	 skip;		/* which of the lines holding that place */
};

/* Save p as the file "place" (one line, written atomically; the last
 * instance to save wins).  Returns 0, or -1 with *err (read-only). */
int store_place_save(struct store *s, const struct store_place *p,
    char **err);
/* Read the place saved last into *p: 1, or 0 when none is saved, or -1
 * with *err saying what is wrong with the file (it is left alone; the
 * next save replaces it).  Free p's strings with store_place_clear(). */
int store_place_load(struct store *s, struct store_place *p, char **err);
void store_place_clear(struct store_place *p);

/* ---- files ---- */

/* Merge a bookmarks or notes file (the format of hms-files(5), as
 * "hms bookmarks" and "hms notes" print it) into the store: bookmarks by
 * id, the later label winning; notes by id, the later text winning and
 * the other kept in the note's history.  Importing the same file twice
 * changes nothing.  *added and *changed (may be NULL) count entries.
 * Returns 0, or -1 with *err (the file unreadable or corrupt: nothing is
 * imported then). */
int store_import_bookmarks(struct store *s, const char *path, size_t *added,
    size_t *changed, char **err);
int store_import_notes(struct store *s, const char *path, size_t *added,
    size_t *changed, char **err);

/* Write a file in the store's directory holding text, for an editor
 * ("note-ID-XXXXXX.txt", mode 0600).  Returns its path (the caller frees
 * it and removes the file), or NULL and *err. */
char *store_edit_file(struct store *s, const char *id, const char *text,
    char **err);

/* The lines a bookmark or a note takes in its file, appended to b, and
 * the comment a file starts with ("bookmarks" or "notes"): for exports
 * that can be imported again. */
struct buf;
void store_bookmark_format(struct buf *b, const struct store_bookmark *bm);
void store_note_format(struct buf *b, const struct store_note *n);
const char *store_file_header(const char *name);

/* A timestamp as the files write it: "2025-11-22T10:00:00Z". */
void store_format_time(time_t t, char *buf, size_t size);
/* The name of a kind of earlier version: "edit", "concurrent", … */
const char *store_was_name(enum store_was w);

/* Clean a text for a note: valid UTF-8 (bad bytes become U+FFFD), LF
 * line ends, tabs as spaces, no other control characters, no trailing
 * blank lines or spaces.  The caller frees the result. */
char *store_clean_text(const char *text, bool multiline);

#endif
