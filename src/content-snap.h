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
 * Hashing every input at each start would cost more than the rest of
 * the start, so, as git does with its index, a small stamp beside the
 * snapshot (stamp-HASH) records each input's size, mtime, ctime, inode
 * and device (and the snapshot file's), and the time T just before those
 * inputs were read for the key.  When every input still has the stamp's
 * status and none was changed at or after T (the racy rule: an input
 * changed in the same clock tick as it was read keeps its times, so it
 * is hashed rather than trusted), the stamp's key is the key and no
 * input is read or hashed; otherwise every input is hashed as before
 * and, when the key holds, a new stamp is written.  T is the file
 * systems' clock (CLOCK_REALTIME_COARSE), which is what stamps files;
 * content on a network file system whose server clock runs behind ours
 * by more than the time between two starts could be trusted wrongly.
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

/* A cache file's payload hash need be checked only once: after that (or
 * after writing it) its identity (size, mtime, ctime, inode, device) is
 * recorded beside it (vouch-NAME), and a file with that identity was checked, for
 * cache files are replaced by rename, never rewritten in place.  Without
 * this the search index of 100x content (over 300 MB) would be read whole
 * at every search. */
struct stat;
/* Whether the cache file path, whose status is sb, was checked whole. */
bool content_cache_vouched(const char *path, const struct stat *sb);
/* Record that it was (silent on failure: the next load checks again). */
void content_cache_vouch(const char *path, const struct stat *sb);

/* One builder per cache file: many hms on one host, started together
 * before the cache exists, would otherwise each build it (each parsing
 * the content or normalising every field, at 100x 800 MB apiece).  The
 * builder holds an flock on DIR/lock-NAME beside the cache file path;
 * the others wait for it, a bounded number of naps (about a minute in
 * all, then they build anyway: never a hang; a builder that dies drops
 * its lock), and then map what it wrote.  Returns the lock's descriptor,
 * or -1 when there is no lock to hold (no cache directory, or the wait
 * ran out); *waited says whether another process held it, so that the
 * cache is worth looking for again. */
int content_cache_lock(const char *path, bool *waited);
/* Release a lock of content_cache_lock (-1: none). */
void content_cache_unlock(int fd);
/* The same for the snapshot of dir. */
int content_snap_lock(const char *dir, bool *waited);
/* For tests: called once when a lock is found held, before waiting. */
extern void (*content_cache_wait_hook)(void);

/* mkdir -p the directory of path, mode 0700 for what it creates. */
bool content_cache_mkdir(const char *path);

/* What the stamp records of a file, in nanoseconds; ~0 for all of it
 * when the file is absent. */
struct content_snap_stat {
	uint64_t	size, mtime, ctime, ino, dev;
};

/* Whether n inputs whose status is now are the ones of the stamp was,
 * made at since (ns, CLOCK_REALTIME_COARSE): every field equal, and no
 * mtime or ctime at or after since. */
bool content_snap_stat_fresh(const struct content_snap_stat *was,
    const struct content_snap_stat *now, size_t n, uint64_t since);

/* The file systems' clock now, in ns: the T of a stamp.  Taken before
 * the inputs it vouches for are read. */
uint64_t content_snap_clock(void);

/* For tests: the number of input files hashed for a snapshot's key since
 * the program started (a load that trusts its stamp adds none). */
extern unsigned long content_snap_nhashed;

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

/* Write the snapshot of c, just loaded from dir and passing every check,
 * and its stamp.  xml: dir's *.xml files in name order (names without
 * the directory), as they were read; schema_path: the schema read (NULL:
 * none, dir/hms.rng absent); schema_data: its bytes (NULL when none);
 * since: content_snap_clock() before any of them was read.  Failing to
 * write is silent: the next start is only slower.  Returns the key of
 * those bytes (for content->key). */
uint64_t content_snap_save(const struct content *c, const char *dir,
    const struct content_snap_input *xml, size_t nxml,
    const char *schema_path, const char *schema_data, size_t schema_len,
    uint64_t since);

#endif
