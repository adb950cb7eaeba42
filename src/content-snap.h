/* content-snap.h — a snapshot of a content set that passed every check.
 *
 * Parsing 0.7 MB of XML and building the model is most of what hms does
 * before its first screen.  After a load of a content directory passes
 * every check, the model is written, flattened, to
 * $XDG_CACHE_HOME/hms/snap-HASH (HASH: of the directory's real path).
 * The next start reads it back instead, if and only if the bytes of every
 * *.xml file of the directory, of the schema and of every source text
 * are the ones the snapshot was made from (one 64-bit hash over all of
 * them, names and lengths included) and it was written by this version of
 * hms.  Anything else (a missing, truncated, corrupt or stale snapshot)
 * falls back to the full load, which writes a fresh one.
 *
 * Internal to the loader: content-load.c calls these. */
#ifndef HMS_CONTENT_SNAP_H
#define HMS_CONTENT_SNAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct content;

/* A 64-bit hash of bytes, a word at a time, continuing from h: a cache
 * key, not a defence against someone who can write the cache (they own
 * the account).  Never 0. */
uint64_t content_hash(uint64_t h, const void *p, size_t n);

/* $XDG_CACHE_HOME/hms/NAME, else ~/.cache/hms/NAME; NULL when there is no
 * such place.  Malloc'd. */
char *content_cache_path(const char *name);
/* The largest cache file (snapshot, search index) hms reads: anything
 * longer is not one it wrote, and is ignored (and rewritten). */
#define CONTENT_CACHE_MAX ((size_t)1024 * 1024 * 1024)

/* mkdir -p the directory of path, mode 0700 for what it creates. */
bool content_cache_mkdir(const char *path);

/* One input of a snapshot's key: a file's name and bytes. */
struct content_snap_input {
	const char	*name;		/* as it appears in the key */
	const char	*data;		/* NULL: the file is absent */
	size_t		 len;
};

/* The content of dir as of its snapshot, or NULL when there is no usable
 * one.  schema: the schema path the load would use (NULL: dir/hms.rng). */
struct content *content_snap_load(const char *dir, const char *schema);

/* $XDG_CACHE_HOME/hms/PREFIX-HASH for things computed from c (the search
 * index), one per content directory; NULL when c->key is 0 or there is no
 * cache directory.  Malloc'd. */
char *content_cache_file(const struct content *c, const char *prefix);

/* Write the snapshot of c, just loaded from dir and passing every check.
 * xml: dir's *.xml files in name order (names without the directory), as
 * they were read; schema_data: the schema's bytes (NULL when none).
 * Failing to write is silent: the next start is only slower.  Returns
 * the key of those bytes (for content->key). */
uint64_t content_snap_save(const struct content *c, const char *dir,
    const struct content_snap_input *xml, size_t nxml,
    const char *schema_data, size_t schema_len);

#endif
