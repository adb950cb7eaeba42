/* content-snap.c — write a checked content model flat, read it back.
 *
 * The snapshot is a header and a payload of fields in a fixed order:
 * numbers as 32- or 64-bit words in the machine's own order (a snapshot
 * never leaves the machine that wrote it), strings as a length and their
 * bytes with a NUL (read back in place: the payload stays in memory as
 * long as the content does), entities and links as indexes.  Reading
 * checks every length, count and index against what is left, so a
 * damaged file is refused rather than followed; the payload's own hash
 * catches damage before that. */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "content-snap.h"
#include "content.h"
#include "util.h"

#define SNAP_MAGIC	"hms-snapshot 3 " PACKAGE_VERSION "\n"
#define SNAP_NONE	UINT32_MAX	/* a NULL string */

/* ---- shared with the verified-content cache ---- */

/* Four lanes of 8 bytes at a time, so that the multiplications of one
 * lane need not wait for the others: about four times the speed of one
 * lane on the megabytes of a start. */
static inline uint64_t
hash_mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
	return h ^ (h >> 31);
}

uint64_t
content_hash(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t w, a, b, c, d;

	h ^= (uint64_t)n * 0x9e3779b97f4a7c15ULL;
	if (n >= 32) {
		a = h;
		b = h ^ 0x2545f4914f6cdd1dULL;
		c = h ^ 0x9e3779b97f4a7c15ULL;
		d = h ^ 0x94d049bb133111ebULL;
		while (n >= 32) {
			memcpy(&w, s, 8);
			a = hash_mix(a, w);
			memcpy(&w, s + 8, 8);
			b = hash_mix(b, w);
			memcpy(&w, s + 16, 8);
			c = hash_mix(c, w);
			memcpy(&w, s + 24, 8);
			d = hash_mix(d, w);
			s += 32;
			n -= 32;
		}
		h = hash_mix(hash_mix(hash_mix(hash_mix(h, a), b), c), d);
	}
	while (n >= 8) {
		memcpy(&w, s, 8);
		h = hash_mix(h, w);
		s += 8;
		n -= 8;
	}
	w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * 0x94d049bb133111ebULL;
	h ^= h >> 29;
	return h != 0 ? h : 1;
}

char *
content_cache_path(const char *name)
{
	const char *x = getenv("XDG_CACHE_HOME"), *h = getenv("HOME");

	if (x != NULL && x[0] == '/')
		return xasprintf("%s/hms/%s", x, name);
	if (h != NULL && h[0] == '/')
		return xasprintf("%s/.cache/hms/%s", h, name);
	return NULL;
}

bool
content_cache_mkdir(const char *path)
{
	char *d = xstrdup(path), *p;
	bool ok = true;

	if ((p = strrchr(d, '/')) != NULL)
		*p = '\0';
	for (p = d + 1; ok; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(d, 0700) != 0 && errno != EEXIST)
			ok = false;
		*p = c;
		if (c == '\0')
			break;
	}
	free(d);
	return ok;
}

/* A cache file of the directory dir: one per content directory, so
 * fixtures and the bundled content do not evict each other. */
static char *
snap_dir_file(const char *dir, const char *prefix)
{
	char *real = realpath(dir, NULL), name[64], *p;

	if (real == NULL)
		return NULL;
	snprintf(name, sizeof name, "%.20s-%016llx", prefix,
	    (unsigned long long)content_hash(0x534e4150, real, strlen(real)));
	free(real);
	p = content_cache_path(name);
	return p;
}

static char *
snap_path(const char *dir)
{
	return snap_dir_file(dir, "snap");
}

char *
content_cache_file(const struct content *c, const char *prefix)
{
	if (c->key == 0 || c->dir == NULL)
		return NULL;
	return snap_dir_file(c->dir, prefix);
}

/* The key: every input's name, length and bytes, in order. */
static uint64_t
snap_key(const struct content_snap_input *xml, size_t nxml,
    const char *schema, size_t schema_len,
    const struct content_snap_input *src, size_t nsrc)
{
	uint64_t h = content_hash(0, SNAP_MAGIC, strlen(SNAP_MAGIC));
	size_t i;

	content_snap_nhashed += nxml + 1 + nsrc;
	for (i = 0; i < nxml; i++) {
		h = content_hash(h, xml[i].name, strlen(xml[i].name));
		h = content_hash(h, xml[i].data, xml[i].len);
	}
	if (schema != NULL)
		h = content_hash(h, schema, schema_len);
	else
		h = content_hash(h, "no schema", 9);
	for (i = 0; i < nsrc; i++) {
		h = content_hash(h, src[i].name, strlen(src[i].name));
		if (src[i].data != NULL)
			h = content_hash(h, src[i].data, src[i].len);
		else
			h = content_hash(h, "absent", 6);
	}
	return h;
}

/* ---- the stamp: trusting a key without hashing ----
 *
 * stamp-HASH holds a header (magic padded to 32 bytes, the key, T, the
 * number of entries), the entries and a hash of all that.  Entry 0 is
 * the snapshot file itself (a stamp speaks only for the file it was
 * made with; a snapshot is replaced by rename, so a new one has a new
 * inode); then dir's *.xml files in the snapshot's order, the schema and
 * the source texts in the snapshot's order. */

#define STAMP_MAGIC	"hms-stamp 1 " PACKAGE_VERSION "\n"
#define STAMP_HEAD	32

unsigned long content_snap_nhashed;

uint64_t
content_snap_clock(void)
{
	struct timespec ts;

	/* The coarse clock is the one the kernel stamps files with: a file
	 * changed after this reading has an mtime at or after it. */
	if (clock_gettime(CLOCK_REALTIME_COARSE, &ts) != 0 &&
	    clock_gettime(CLOCK_REALTIME, &ts) != 0)
		return 0;
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void
snap_stat_of(struct content_snap_stat *s, const struct stat *sb)
{
	s->size = (uint64_t)sb->st_size;
	s->mtime = (uint64_t)sb->st_mtim.tv_sec * 1000000000u +
	    (uint64_t)sb->st_mtim.tv_nsec;
	s->ctime = (uint64_t)sb->st_ctim.tv_sec * 1000000000u +
	    (uint64_t)sb->st_ctim.tv_nsec;
	s->ino = (uint64_t)sb->st_ino;
	s->dev = (uint64_t)sb->st_dev;
}

static void
snap_stat_absent(struct content_snap_stat *s)
{
	memset(s, 0xff, sizeof *s);
}

/* The status of path as the loader would open it (following links). */
static void
snap_stat_path(struct content_snap_stat *s, const char *path)
{
	struct stat sb;

	if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
		snap_stat_of(s, &sb);
	else
		snap_stat_absent(s);
}

bool
content_snap_stat_fresh(const struct content_snap_stat *was,
    const struct content_snap_stat *now, size_t n, uint64_t since)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (memcmp(&was[i], &now[i], sizeof *was) != 0)
			return false;
		if (now[i].size == UINT64_MAX)
			continue;	/* absent then and now */
		if (now[i].mtime >= since || now[i].ctime >= since)
			return false;
	}
	return true;
}

#define VOUCH_MAGIC	"hms-ok 1\n\0\0\0\0\0\0\0"	/* 16 bytes */

/* DIR/vouch-NAME for the cache file DIR/NAME. */
static char *
snap_vouch_path(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xasprintf("vouch-%s", path);
	return xasprintf("%.*s/vouch-%s", (int)(slash - path), path,
	    slash + 1);
}

bool
content_cache_vouched(const char *path, const struct stat *sb)
{
	struct content_snap_stat now;
	char *ok, *data;
	size_t len;
	uint64_t hash;
	bool yes = false;

	ok = snap_vouch_path(path);
	data = util_read_file(ok, 4096, &len, NULL);
	free(ok);
	if (data == NULL)
		return false;
	snap_stat_of(&now, sb);
	if (len == 16 + sizeof now + 8 && memcmp(data, VOUCH_MAGIC, 16) == 0) {
		memcpy(&hash, data + 16 + sizeof now, 8);
		yes = content_hash(0, data, 16 + sizeof now) == hash &&
		    memcmp(data + 16, &now, sizeof now) == 0;
	}
	free(data);
	return yes;
}

void
content_cache_vouch(const char *path, const struct stat *sb)
{
	char buf[16 + sizeof(struct content_snap_stat) + 8], *ok;
	struct content_snap_stat now;
	uint64_t hash;
	struct iovec iov = { buf, sizeof buf };

	snap_stat_of(&now, sb);
	memcpy(buf, VOUCH_MAGIC, 16);
	memcpy(buf + 16, &now, sizeof now);
	hash = content_hash(0, buf, 16 + sizeof now);
	memcpy(buf + 16 + sizeof now, &hash, 8);
	ok = snap_vouch_path(path);
	(void)util_write_file(AT_FDCWD, ok, &iov, 1, 0600, 0);
	free(ok);
}

#define LOCK_TRIES	1200		/* naps of LOCK_NAP_MS: a minute */
#define LOCK_NAP_MS	50

void (*content_cache_wait_hook)(void);

int
content_cache_lock(const char *path, bool *waited)
{
	const char *slash = strrchr(path, '/');
	struct timespec nap = { 0, LOCK_NAP_MS * 1000000L };
	char *lock;
	int fd, tries;

	*waited = false;
	if (slash == NULL || !content_cache_mkdir(path))
		return -1;
	lock = xasprintf("%.*s/lock-%s", (int)(slash - path), path, slash + 1);
	fd = open(lock, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK,
	    0600);
	free(lock);
	if (fd < 0)
		return -1;
	for (tries = 0; tries < LOCK_TRIES; tries++) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return fd;
		if (errno != EWOULDBLOCK && errno != EINTR)
			break;
		if (!*waited && content_cache_wait_hook != NULL)
			content_cache_wait_hook();
		*waited = true;
		nanosleep(&nap, NULL);
	}
	close(fd);
	return -1;
}

void
content_cache_unlock(int fd)
{
	if (fd >= 0)
		close(fd);	/* drops the flock */
}

int
content_snap_lock(const char *dir, bool *waited)
{
	char *path = snap_path(dir);
	int fd;

	*waited = false;
	if (path == NULL)
		return -1;
	fd = content_cache_lock(path, waited);
	free(path);
	return fd;
}

/* Write the stamp of dir: key, made of inputs whose status (entry 0: the
 * snapshot's) was st[0..n) when since was read.  Silent on failure. */
static void
snap_stamp_write(const char *dir, uint64_t key, uint64_t since,
    const struct content_snap_stat *st, size_t n)
{
	char magic[STAMP_HEAD] = { 0 }, *path;
	uint64_t nn = n, hash;
	struct iovec iov;
	struct buf b;

	if ((path = snap_dir_file(dir, "stamp")) == NULL)
		return;
	memcpy(magic, STAMP_MAGIC, strlen(STAMP_MAGIC) < sizeof magic ?
	    strlen(STAMP_MAGIC) : sizeof magic - 1);
	buf_init(&b);
	buf_add(&b, magic, sizeof magic);
	buf_add(&b, &key, sizeof key);
	buf_add(&b, &since, sizeof since);
	buf_add(&b, &nn, sizeof nn);
	buf_add(&b, st, n * sizeof *st);
	hash = content_hash(0, b.data, b.len);
	buf_add(&b, &hash, sizeof hash);
	iov.iov_base = b.data;
	iov.iov_len = b.len;
	if (content_cache_mkdir(path))
		(void)util_write_file(AT_FDCWD, path, &iov, 1, 0600, 0);
	buf_free(&b);
	free(path);
}

/* The entries of dir's stamp when it vouches for key and has n of them
 * (its T in *since); NULL otherwise.  Malloc'd. */
static struct content_snap_stat *
snap_stamp_read(const char *dir, uint64_t key, size_t n, uint64_t *since)
{
	char *path, *data, magic[STAMP_HEAD] = { 0 };
	struct content_snap_stat *st = NULL;
	size_t len, want = STAMP_HEAD + 24 + n * sizeof *st + 8;
	uint64_t k, nn, hash;

	if ((path = snap_dir_file(dir, "stamp")) == NULL)
		return NULL;
	data = util_read_file(path, 1 << 20, &len, NULL);
	free(path);
	if (data == NULL)
		return NULL;
	memcpy(magic, STAMP_MAGIC, strlen(STAMP_MAGIC) < sizeof magic ?
	    strlen(STAMP_MAGIC) : sizeof magic - 1);
	if (len != want || memcmp(data, magic, sizeof magic) != 0)
		goto out;
	memcpy(&k, data + STAMP_HEAD, 8);
	memcpy(since, data + STAMP_HEAD + 8, 8);
	memcpy(&nn, data + STAMP_HEAD + 16, 8);
	memcpy(&hash, data + len - 8, 8);
	if (k != key || nn != n || content_hash(0, data, len - 8) != hash)
		goto out;
	st = xcalloc(n + 1, sizeof *st);
	memcpy(st, data + STAMP_HEAD + 24, n * sizeof *st);
out:
	free(data);
	return st;
}

/* ---- writing ---- */

struct snap_w {
	struct buf		 b;
	const char		*real;		/* the directory's real path */
	const struct content	*c;
	const struct content_snap_input *xml;
	size_t			 nxml;
	/* Every link, sorted by address, with its index: links are written
	 * once and named by index from both ends. */
	struct snap_link	*links;
	size_t			 nlinks;
	bool			 bad;
};

struct snap_link {
	const struct content_link	*l;
	uint32_t			 index;
};

static void
w_u32(struct snap_w *w, uint32_t v)
{
	buf_add(&w->b, &v, sizeof v);
}

static void
w_i32(struct snap_w *w, int v)
{
	int32_t x = v;

	buf_add(&w->b, &x, sizeof x);
}

static void
w_u64(struct snap_w *w, uint64_t v)
{
	buf_add(&w->b, &v, sizeof v);
}

static void
w_f64(struct snap_w *w, double v)
{
	buf_add(&w->b, &v, sizeof v);
}

static void
w_strn(struct snap_w *w, const char *s, size_t len)
{
	if (s == NULL) {
		w_u32(w, SNAP_NONE);
		return;
	}
	if (len >= SNAP_NONE) {
		w->bad = true;
		return;
	}
	w_u32(w, (uint32_t)len);
	buf_add(&w->b, s, len);
	buf_addc(&w->b, '\0');
}

static void
w_str(struct snap_w *w, const char *s)
{
	w_strn(w, s, s != NULL ? strlen(s) : 0);
}

static void
w_count(struct snap_w *w, size_t n)
{
	if (n >= SNAP_NONE)
		w->bad = true;
	w_u32(w, (uint32_t)n);
}

/* An entity as index + 1, 0 for NULL. */
static void
w_ent(struct snap_w *w, const struct content_entity *e)
{
	w_u32(w, e == NULL ? 0 : (uint32_t)e->index + 1);
}

static uint32_t
w_source_index(struct snap_w *w, const struct content_source *s)
{
	size_t i;

	if (s == NULL)
		return 0;
	for (i = 0; i < w->c->nsources; i++) {
		if (&w->c->sources[i] == s)
			return (uint32_t)i + 1;
	}
	w->bad = true;
	return 0;
}

static void
w_range(struct snap_w *w, const struct content_prov *p)
{
	w_u32(w, w_source_index(w, p->source));
	w_i32(w, p->first);
	w_i32(w, p->last);
}

/* A prov pointer outside entities: NULL or one range. */
static void
w_prov(struct snap_w *w, const struct content_prov *p)
{
	w_u32(w, p != NULL);
	if (p != NULL)
		w_range(w, p);
}

static void
w_text(struct snap_w *w, const struct content_text *t)
{
	size_t i;

	w_strn(w, t->text, t->len);
	w_count(w, t->nrefs);
	for (i = 0; i < t->nrefs; i++) {
		w_u64(w, t->refs[i].off);
		w_u64(w, t->refs[i].len);
		w_ent(w, t->refs[i].target);
	}
	w_prov(w, t->prov);
}

static void
w_value(struct snap_w *w, const struct content_value *v)
{
	w_u32(w, v->present);
	w_u32(w, v->has_value);
	w_f64(w, v->value);
	w_str(w, v->unit);
	w_str(w, v->year);
	w_i32(w, v->year_first);
	w_i32(w, v->year_last);
	w_str(w, v->date);
	w_str(w, v->text);
	w_prov(w, v->prov);
}

static void
w_budgets(struct snap_w *w, const struct content_budget *b, size_t n)
{
	size_t i;

	w_count(w, n);
	for (i = 0; i < n; i++) {
		w_u32(w, b[i].has_amount);
		w_f64(w, b[i].amount);
		w_i32(w, b[i].decimals);
		w_i32(w, b[i].fy);
		w_u32(w, b[i].type);
		w_u32(w, b[i].draft);
		w_u32(w, b[i].restated);
		w_u32(w, b[i].within);
		w_str(w, b[i].text);
		w_prov(w, b[i].prov);
	}
}

static void
w_ents(struct snap_w *w, struct content_entity *const *v, size_t n)
{
	size_t i;

	w_count(w, n);
	for (i = 0; i < n; i++)
		w_ent(w, v[i]);
}

static int
snap_cmp_link(const void *a, const void *b)
{
	const struct snap_link *x = a, *y = b;

	if (x->l == y->l)
		return 0;
	return (uintptr_t)x->l < (uintptr_t)y->l ? -1 : 1;
}

static void
w_link_refs(struct snap_w *w, struct content_link *const *v, size_t n)
{
	struct snap_link key, *f;
	size_t i;

	w_count(w, n);
	for (i = 0; i < n; i++) {
		key.l = v[i];
		f = bsearch(&key, w->links, w->nlinks, sizeof *w->links,
		    snap_cmp_link);
		if (f == NULL) {
			w->bad = true;
			w_u32(w, 0);
		} else
			w_u32(w, f->index);
	}
}

static uint32_t
w_file_index(struct snap_w *w, const char *file)
{
	const char *base = strrchr(file, '/');
	size_t i;

	base = base != NULL ? base + 1 : file;
	for (i = 0; i < w->nxml; i++) {
		if (strcmp(w->xml[i].name, base) == 0)
			return (uint32_t)i;
	}
	w->bad = true;
	return 0;
}

/* The fields of e's own type (content_type_desc), in their order. */
static void
w_fields(struct snap_w *w, const struct content_entity *e)
{
	const struct content_type_desc *d = content_type_desc(e->type);
	const char *base = (const char *)e;
	size_t i, j, n;

	for (i = 0; i < d->nfields; i++) {
		const struct content_field *f = &d->fields[i];
		const void *p = base + f->off;

		n = f->n != 0 ? *(const size_t *)(const void *)(base + f->n) : 0;
		switch (f->kind) {
		case CONTENT_F_INT:
			w_i32(w, *(const int *)p);
			break;
		case CONTENT_F_BOOL:
			w_u32(w, *(const bool *)p);
			break;
		case CONTENT_F_ENUM:
			w_u32(w, (uint32_t)*(const int *)p);
			break;
		case CONTENT_F_STR:
			w_str(w, *(const char *const *)p);
			break;
		case CONTENT_F_ENT:
			w_ent(w, *(const struct content_entity *const *)p);
			break;
		case CONTENT_F_ENTS:
			w_ents(w, *(struct content_entity *const *const *)p, n);
			break;
		case CONTENT_F_KPI_VALUES: {
			const struct content_kpi_values *v =
			    *(struct content_kpi_values *const *)p;
			w_value(w, &v->baseline);
			w_value(w, &v->target);
			w_value(w, &v->latest);
			break;
		}
		case CONTENT_F_BUDGETS:
			w_budgets(w, *(const struct content_budget *const *)p, n);
			break;
		case CONTENT_F_STATUSES:
			w_count(w, n);
			for (j = 0; j < n; j++) {
				const struct content_status *st =
				    &(*(const struct content_status *const *)p)[j];
				w_str(w, st->asof);
				w_ent(w, st->ministry);
				w_text(w, &st->t);
			}
			break;
		case CONTENT_F_EXPANSIONS:
			w_count(w, n);
			for (j = 0; j < n; j++) {
				const struct content_expansion *x =
				    &(*(const struct content_expansion *const *)p)[j];
				w_str(w, x->lang);
				w_str(w, x->text);
				w_prov(w, x->prov);
			}
			break;
		}
	}
}

static void
w_entity(struct snap_w *w, const struct content_entity *e)
{
	size_t i;

	w_u32(w, e->type);
	w_str(w, e->id);
	w_str(w, e->title);
	w_str(w, e->title_en);
	w_count(w, e->naliases);
	for (i = 0; i < e->naliases; i++)
		w_str(w, e->aliases[i]);
	w_i32(w, e->period);
	w_str(w, e->num);
	w_u32(w, w_file_index(w, e->file));
	w_i32(w, e->line);
	w_count(w, e->nprov);
	for (i = 0; i < e->nprov; i++)
		w_range(w, &e->prov[i]);
	w_count(w, e->nblocks);
	for (i = 0; i < e->nblocks; i++) {
		const struct content_block *b = &e->blocks[i];
		w_u32(w, b->kind);
		w_str(w, b->mark);
		w_i32(w, b->level);
		w_u32(w, b->note_kind);
		w_str(w, b->lang);
		w_text(w, &b->t);
	}
	w_link_refs(w, e->links, e->nlinks);
	w_link_refs(w, e->backlinks, e->nbacklinks);
	w_ent(w, e->parent);
	w_ents(w, e->children, e->nchildren);

	w_fields(w, e);
}

static void
w_payload(struct snap_w *w)
{
	const struct content *c = w->c;
	size_t i, j, n = 0;

	for (i = 0; i < c->nentities; i++)
		n += c->entities[i]->nlinks;
	w->links = xcalloc(n + 1, sizeof *w->links);
	for (i = 0; i < c->nentities; i++) {
		for (j = 0; j < c->entities[i]->nlinks; j++) {
			w->links[w->nlinks].l = c->entities[i]->links[j];
			w->links[w->nlinks].index = (uint32_t)w->nlinks;
			w->nlinks++;
		}
	}

	w_str(w, w->real);
	w_count(w, w->nxml);
	for (i = 0; i < w->nxml; i++)
		w_str(w, w->xml[i].name);
	w_count(w, c->nsources);
	for (i = 0; i < c->nsources; i++) {
		const struct content_source *s = &c->sources[i];
		w_str(w, s->name);
		w_str(w, s->file);
		w_str(w, s->seed);
		w_str(w, s->title);
		w_str(w, s->title_en);
		w_str(w, s->publisher);
		w_str(w, s->date);
		w_str(w, s->license);
		w_u64(w, s->len);
		w_count(w, s->nlines);
		for (j = 0; j <= s->nlines; j++)
			w_u64(w, s->line_off[j]);
	}
	w_count(w, c->nentities);
	w_count(w, w->nlinks);
	for (i = 0; i < w->nlinks; i++) {
		const struct content_link *l = w->links[i].l;
		w_u32(w, l->rel);
		w_u32(w, l->basis);
		w_u32(w, l->lineage);
		w_ent(w, l->from);
		w_ent(w, l->to);
		w_prov(w, l->prov);
		w_u32(w, l->note != NULL);
		if (l->note != NULL)
			w_text(w, l->note);
		w_str(w, l->note_en);
	}
	/* Links are named by index in the order above; look them up by
	 * address from here on. */
	qsort(w->links, w->nlinks, sizeof *w->links, snap_cmp_link);
	for (i = 0; i < c->nentities; i++) {
		if (c->entities[i]->index != i)
			w->bad = true;
		w_entity(w, c->entities[i]);
	}
	free(w->links);
}

/* Whether the snapshot file path is one to keep: this version's, of a
 * directory that still exists. */
static bool
snap_keep(const char *path)
{
	char head[4200], *real;
	size_t ml = strlen(SNAP_MAGIC), n = 0;
	ssize_t r;
	uint32_t len;
	struct stat sb;
	bool there;
	int fd;

	/* Without blocking: a FIFO planted here must not hang the prune. */
	if ((fd = util_open_read(AT_FDCWD, path, 0, NULL, NULL)) < 0)
		return errno != EINVAL;	/* a FIFO or the like is not ours */
	while (n < sizeof head - 1 &&
	    ((r = read(fd, head + n, sizeof head - 1 - n)) > 0 ||
	    (r < 0 && errno == EINTR)))
		n += r > 0 ? (size_t)r : 0;
	close(fd);
	if (n < ml + 28 || memcmp(head, SNAP_MAGIC, ml) != 0)
		return false;
	memcpy(&len, head + ml + 24, 4);
	if (len == SNAP_NONE || len > n - ml - 28)
		return true;	/* a very long path: keep it */
	real = xstrndup(head + ml + 28, len);
	there = stat(real, &sb) == 0 && S_ISDIR(sb.st_mode);
	free(real);
	return there;
}

/* Tidy the cache directory of the snapshot just written at path: the
 * snapshots (and search indexes) of directories that are gone, or of
 * other versions of hms, and temporary files left by a crash an hour or
 * more ago.  Content in temporary directories would otherwise leave a
 * megabyte or more behind on every use. */
static void
snap_prune(const char *path)
{
	char *dir = xstrdup(path), *slash, *p, *twin;
	struct dirent *de;
	struct stat sb;
	DIR *dp;

	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	if (slash == NULL || (dp = opendir(dir)) == NULL) {
		free(dir);
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		p = xasprintf("%s/%s", dir, de->d_name);
		if (strncmp(de->d_name, "snap-", 5) == 0 &&
		    strstr(de->d_name, ".tmp-") == NULL && !snap_keep(p)) {
			unlink(p);
			twin = xasprintf("%s/index-%s", dir, de->d_name + 5);
			unlink(twin);
			free(twin);
			twin = xasprintf("%s/stamp-%s", dir, de->d_name + 5);
			unlink(twin);
			free(twin);
			twin = xasprintf("%s/vouch-index-%s", dir, de->d_name + 5);
			unlink(twin);
			free(twin);
			twin = xasprintf("%s/lock-index-%s", dir, de->d_name + 5);
			unlink(twin);
			free(twin);
			twin = xasprintf("%s/lock-snap-%s", dir, de->d_name + 5);
			unlink(twin);
			free(twin);
		} else if (strstr(de->d_name, ".tmp-") != NULL &&
		    lstat(p, &sb) == 0 && sb.st_mtime < time(NULL) - 3600)
			unlink(p);
		free(p);
	}
	closedir(dp);
	free(dir);
}

/* The stamp of a snapshot just written at path from inputs read after
 * since: their status now (a file changed since it was read has an
 * mtime at or after since, so is hashed next time, not trusted). */
static void
snap_stamp_saved(const char *path, const struct content *c, const char *dir,
    const struct content_snap_input *xml, size_t nxml,
    const char *schema_path, uint64_t key, uint64_t since)
{
	size_t n = 1 + nxml + 1 + c->nsources, i, k = 0;
	struct content_snap_stat *st = xcalloc(n, sizeof *st);
	char *p;

	snap_stat_path(&st[k++], path);
	for (i = 0; i < nxml; i++) {
		p = xasprintf("%s/%s", dir, xml[i].name);
		snap_stat_path(&st[k++], p);
		free(p);
	}
	p = schema_path != NULL ? xstrdup(schema_path) :
	    xasprintf("%s/hms.rng", dir);
	snap_stat_path(&st[k++], p);
	free(p);
	for (i = 0; i < c->nsources; i++) {
		p = xasprintf("%s/%s", dir, c->sources[i].file);
		snap_stat_path(&st[k++], p);
		free(p);
	}
	snap_stamp_write(dir, key, since, st, n);
	free(st);
}

uint64_t
content_snap_save(const struct content *c, const char *dir,
    const struct content_snap_input *xml, size_t nxml,
    const char *schema_path, const char *schema_data, size_t schema_len,
    uint64_t since)
{
	struct snap_w w;
	struct content_snap_input *src;
	char *path;
	uint64_t key, hash, len;
	size_t i;

	memset(&w, 0, sizeof w);
	if ((w.real = realpath(dir, NULL)) == NULL)
		return 0;
	buf_init(&w.b);
	w.c = c;
	w.xml = xml;
	w.nxml = nxml;
	w_payload(&w);

	src = xcalloc(c->nsources + 1, sizeof *src);
	for (i = 0; i < c->nsources; i++) {
		src[i].name = c->sources[i].file;
		src[i].data = c->sources[i].text;
		src[i].len = c->sources[i].len;
	}
	key = snap_key(xml, nxml, schema_data, schema_len, src, c->nsources);
	free(src);
	hash = content_hash(0, w.b.data, w.b.len);
	len = w.b.len;

	path = snap_path(dir);
	if (path != NULL && !w.bad && content_cache_mkdir(path)) {
		struct iovec iov[] = {
			{ (void *)SNAP_MAGIC, strlen(SNAP_MAGIC) },
			{ &key, sizeof key },
			{ &hash, sizeof hash },
			{ &len, sizeof len },
			{ w.b.data, w.b.len },
		};
		if (util_write_file(AT_FDCWD, path, iov, (int)HMS_NELEM(iov),
		    0600, 0) == 0) {
			snap_stamp_saved(path, c, dir, xml, nxml, schema_path,
			    key, since);
			snap_prune(path);
		}
	}
	buf_free(&w.b);
	free((char *)w.real);
	free(path);
	return key;
}

/* ---- reading ---- */

struct snap_r {
	const char		*p, *end;
	bool			 bad;
	struct content		*c;
	struct arena		*a;
	struct content_link	*links;
	size_t			 nlinks;
	char			**files;	/* dir/NAME.xml, in the arena */
	size_t			 nfiles;
};

static bool
r_need(struct snap_r *r, size_t n)
{
	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = true;
		return false;
	}
	return true;
}

/* The next n bytes into v, or zeroes past the end (then r is bad). */
static void
r_bytes(struct snap_r *r, void *v, size_t n)
{
	if (r_need(r, n)) {
		memcpy(v, r->p, n);
		r->p += n;
	} else
		memset(v, 0, n);
}

static uint32_t
r_u32(struct snap_r *r)
{
	uint32_t v;

	r_bytes(r, &v, sizeof v);
	return v;
}

static int
r_i32(struct snap_r *r)
{
	int32_t v;

	r_bytes(r, &v, sizeof v);
	return v;
}

static uint64_t
r_u64(struct snap_r *r)
{
	uint64_t v;

	r_bytes(r, &v, sizeof v);
	return v;
}

static double
r_f64(struct snap_r *r)
{
	double v;

	r_bytes(r, &v, sizeof v);
	return v;
}

static bool
r_bool(struct snap_r *r)
{
	uint32_t v = r_u32(r);

	if (v > 1)
		r->bad = true;
	return v == 1;
}

/* An enum value below max. */
static unsigned
r_enum(struct snap_r *r, unsigned max)
{
	uint32_t v = r_u32(r);

	if (v >= max) {
		r->bad = true;
		return 0;
	}
	return v;
}

/* A string in place (the payload stays alive), with its length. */
static const char *
r_strn(struct snap_r *r, size_t *lenp)
{
	uint32_t len = r_u32(r);
	const char *s;

	if (lenp != NULL)
		*lenp = 0;
	if (r->bad || len == SNAP_NONE)
		return NULL;
	if (!r_need(r, (size_t)len + 1) || r->p[len] != '\0') {
		r->bad = true;
		return NULL;
	}
	s = r->p;
	r->p += (size_t)len + 1;
	if (lenp != NULL)
		*lenp = len;
	return s;
}

static const char *
r_str(struct snap_r *r)
{
	return r_strn(r, NULL);
}

/* A count of things taking at least min bytes each: never more than
 * what is left could hold. */
static size_t
r_count(struct snap_r *r, size_t min)
{
	uint32_t n = r_u32(r);

	if (n == SNAP_NONE || (min > 0 && !r_need(r, (size_t)n * min))) {
		r->bad = true;
		return 0;
	}
	return n;
}

static void *
r_array(struct snap_r *r, size_t n, size_t size)
{
	return arena_calloc(r->a, n + 1, size);
}

static struct content_entity *
r_ent(struct snap_r *r)
{
	uint32_t i = r_u32(r);

	if (i == 0 || r->bad)
		return NULL;
	if (i > r->c->nentities) {
		r->bad = true;
		return NULL;
	}
	return r->c->entities[i - 1];
}

static const struct content_source *
r_source(struct snap_r *r)
{
	uint32_t i = r_u32(r);

	if (i == 0 || r->bad)
		return NULL;
	if (i > r->c->nsources) {
		r->bad = true;
		return NULL;
	}
	return &r->c->sources[i - 1];
}

static void
r_range(struct snap_r *r, struct content_prov *p)
{
	p->source = r_source(r);
	p->first = r_i32(r);
	p->last = r_i32(r);
}

static struct content_prov *
r_prov(struct snap_r *r)
{
	struct content_prov *p;

	if (!r_bool(r))
		return NULL;
	p = arena_alloc(r->a, sizeof *p);
	r_range(r, p);
	return p;
}

static void
r_text(struct snap_r *r, struct content_text *t)
{
	size_t i;

	t->text = r_strn(r, &t->len);
	t->nrefs = r_count(r, 20);
	/* Most texts have none: no array for them. */
	t->refs = t->nrefs > 0 ? r_array(r, t->nrefs, sizeof *t->refs) : NULL;
	for (i = 0; i < t->nrefs; i++) {
		t->refs[i].off = (size_t)r_u64(r);
		t->refs[i].len = (size_t)r_u64(r);
		t->refs[i].target = r_ent(r);
		if (t->refs[i].off > t->len ||
		    t->refs[i].len > t->len - t->refs[i].off)
			r->bad = true;
	}
	t->prov = r_prov(r);
	if (t->text == NULL)
		r->bad = true;	/* texts always have one */
}

static void
r_value(struct snap_r *r, struct content_value *v)
{
	v->present = r_bool(r);
	v->has_value = r_bool(r);
	v->value = r_f64(r);
	v->unit = r_str(r);
	v->year = r_str(r);
	v->year_first = r_i32(r);
	v->year_last = r_i32(r);
	v->date = r_str(r);
	v->text = r_str(r);
	v->prov = r_prov(r);
}

static struct content_budget *
r_budgets(struct snap_r *r, size_t *np)
{
	struct content_budget *b;
	size_t i, n = r_count(r, 40);

	b = r_array(r, n, sizeof *b);
	for (i = 0; i < n; i++) {
		b[i].has_amount = r_bool(r);
		b[i].amount = r_f64(r);
		b[i].decimals = r_i32(r);
		b[i].fy = r_i32(r);
		b[i].type = r_enum(r, CONTENT_BUDGET_TYPE_COUNT);
		b[i].draft = r_bool(r);
		b[i].restated = r_bool(r);
		b[i].within = r_bool(r);
		b[i].text = r_str(r);
		b[i].prov = r_prov(r);
	}
	*np = n;
	return b;
}

static struct content_entity **
r_ents(struct snap_r *r, size_t *np)
{
	struct content_entity **v;
	size_t i, n = r_count(r, 4);

	v = r_array(r, n, sizeof *v);
	for (i = 0; i < n; i++) {
		v[i] = r_ent(r);
		if (v[i] == NULL)
			r->bad = true;
	}
	*np = n;
	return v;
}

static struct content_link **
r_link_refs(struct snap_r *r, size_t *np)
{
	struct content_link **v;
	size_t i, n = r_count(r, 4);
	uint32_t k;

	v = r_array(r, n, sizeof *v);
	for (i = 0; i < n; i++) {
		k = r_u32(r);
		if (k >= r->nlinks) {
			r->bad = true;
			break;
		}
		v[i] = &r->links[k];
	}
	*np = r->bad ? 0 : n;
	return v;
}

/* The fields of e's own type, as w_fields wrote them. */
static void
r_fields(struct snap_r *r, struct content_entity *e)
{
	const struct content_type_desc *d = content_type_desc(e->type);
	char *base = (char *)e;
	size_t i, j, n, *np;

	for (i = 0; i < d->nfields && !r->bad; i++) {
		const struct content_field *f = &d->fields[i];
		void *p = base + f->off;

		np = f->n != 0 ? (size_t *)(void *)(base + f->n) : NULL;
		switch (f->kind) {
		case CONTENT_F_INT:
			*(int *)p = r_i32(r);
			break;
		case CONTENT_F_BOOL:
			*(bool *)p = r_bool(r);
			break;
		case CONTENT_F_ENUM:
			*(int *)p = (int)r_enum(r, f->max);
			break;
		case CONTENT_F_STR:
			*(const char **)p = r_str(r);
			break;
		case CONTENT_F_ENT:
			*(struct content_entity **)p = r_ent(r);
			break;
		case CONTENT_F_ENTS:
			*(struct content_entity ***)p = r_ents(r, np);
			break;
		case CONTENT_F_KPI_VALUES: {
			struct content_kpi_values *v = arena_alloc(r->a,
			    sizeof *v);
			r_value(r, &v->baseline);
			r_value(r, &v->target);
			r_value(r, &v->latest);
			*(struct content_kpi_values **)p = v;
			break;
		}
		case CONTENT_F_BUDGETS:
			*(struct content_budget **)p = r_budgets(r, np);
			break;
		case CONTENT_F_STATUSES: {
			struct content_status *v;

			n = *np = r_count(r, 16);
			v = *(struct content_status **)p = r_array(r, n,
			    sizeof *v);
			for (j = 0; j < n; j++) {
				v[j].asof = r_str(r);
				v[j].ministry = r_ent(r);
				r_text(r, &v[j].t);
			}
			break;
		}
		case CONTENT_F_EXPANSIONS: {
			struct content_expansion *v;

			n = *np = r_count(r, 12);
			v = *(struct content_expansion **)p = r_array(r, n,
			    sizeof *v);
			for (j = 0; j < n; j++) {
				v[j].lang = r_str(r);
				v[j].text = r_str(r);
				v[j].prov = r_prov(r);
			}
			break;
		}
		}
	}
}

static void
r_entity(struct snap_r *r, struct content_entity *e)
{
	size_t i;
	uint32_t fi;

	e->type = r_enum(r, CONTENT_TYPE_COUNT);
	e->id = r_str(r);
	e->title = r_str(r);
	e->title_en = r_str(r);
	e->naliases = r_count(r, 4);
	e->aliases = r_array(r, e->naliases, sizeof *e->aliases);
	for (i = 0; i < e->naliases; i++)
		e->aliases[i] = r_str(r);
	e->period = r_i32(r);
	e->num = r_str(r);
	fi = r_u32(r);
	if (fi >= r->nfiles)
		r->bad = true;
	else
		e->file = r->files[fi];
	e->line = r_i32(r);
	e->nprov = r_count(r, 12);
	e->prov = r_array(r, e->nprov, sizeof *e->prov);
	for (i = 0; i < e->nprov; i++)
		r_range(r, &e->prov[i]);
	e->nblocks = r_count(r, 20);
	e->blocks = r_array(r, e->nblocks, sizeof *e->blocks);
	for (i = 0; i < e->nblocks; i++) {
		struct content_block *b = &e->blocks[i];
		b->kind = r_enum(r, CONTENT_BLOCK_NOTE + 1);
		b->mark = r_str(r);
		b->level = r_i32(r);
		b->note_kind = r_enum(r, CONTENT_NOTE_CONTEXT + 1);
		b->lang = r_str(r);
		r_text(r, &b->t);
	}
	e->links = r_link_refs(r, &e->nlinks);
	e->backlinks = r_link_refs(r, &e->nbacklinks);
	e->parent = r_ent(r);
	e->children = r_ents(r, &e->nchildren);
	if (r->bad || e->id == NULL || e->title == NULL) {
		r->bad = true;
		return;
	}

	r_fields(r, e);
}

static int
snap_cmp_entity_id(const void *a, const void *b)
{
	const struct content_entity *const *x = a, *const *y = b;

	return strcmp((*x)->id, (*y)->id);
}

static int
snap_cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* dir's *.xml names, as the loader lists them: no dot files, name order. */
static char **
snap_list(const char *dir, size_t *np)
{
	DIR *dp;
	struct dirent *de;
	char **v = NULL;
	size_t n = 0, cap = 0, l;

	*np = 0;
	if ((dp = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(dp)) != NULL) {
		l = strlen(de->d_name);
		if (l > 4 && strcmp(de->d_name + l - 4, ".xml") == 0 &&
		    de->d_name[0] != '.') {
			util_grow(&v, &cap, n + 1, sizeof *v);
			v[n++] = xstrdup(de->d_name);
		}
	}
	closedir(dp);
	if (n > 1)
		qsort(v, n, sizeof *v, snap_cmp_name);
	*np = n;
	return v;
}

/* The model from the payload in r; sources' texts were read already. */
static bool
snap_model(struct snap_r *r)
{
	struct content *c = r->c;
	size_t i;

	c->nentities = r_count(r, 40);
	r->nlinks = r_count(r, 24);
	if (r->bad)
		return false;
	c->entities = r_array(r, c->nentities, sizeof *c->entities);
	for (i = 0; i < c->nentities; i++) {
		c->entities[i] = arena_alloc(r->a, sizeof **c->entities);
		c->entities[i]->index = i;
	}
	r->links = r_array(r, r->nlinks, sizeof *r->links);
	for (i = 0; i < r->nlinks && !r->bad; i++) {
		struct content_link *l = &r->links[i];
		l->rel = r_enum(r, CONTENT_REL_COUNT);
		l->basis = r_enum(r, CONTENT_BASIS_INFERRED + 1);
		l->lineage = r_enum(r, CONTENT_LINEAGE_REORGANISED + 1);
		l->from = r_ent(r);
		l->to = r_ent(r);
		l->prov = r_prov(r);
		if (r_bool(r)) {
			l->note = arena_alloc(r->a, sizeof *l->note);
			r_text(r, l->note);
		}
		l->note_en = r_str(r);
		if (l->from == NULL)
			r->bad = true;
	}
	for (i = 0; i < c->nentities && !r->bad; i++)
		r_entity(r, c->entities[i]);
	if (r->bad || r->p != r->end)
		return false;

	c->by_id = r_array(r, c->nentities, sizeof *c->by_id);
	if (c->nentities > 0)
		memcpy(c->by_id, c->entities,
		    c->nentities * sizeof *c->by_id);
	qsort(c->by_id, c->nentities, sizeof *c->by_id, snap_cmp_entity_id);
	content_index_types(c);
	return true;
}

struct content *
content_snap_load(const char *dir, const char *schema)
{
	struct snap_r r;
	struct content *c = NULL;
	struct content_snap_input *xml = NULL, *src = NULL;
	struct content_snap_stat *now = NULL, *was = NULL;
	struct stat sb;
	char *path, *blob, **names, *p, *schema_path = NULL, *schema_data = NULL;
	size_t len, nnames = 0, i, j, nsrc = 0, schema_len = 0, n, k;
	size_t ml = strlen(SNAP_MAGIC);
	uint64_t key, hash, plen, since = content_snap_clock(), was_since = 0;
	bool ok = false, trusted;

	if ((path = snap_path(dir)) == NULL)
		return NULL;
	/* Mapped, not read: strings are used in place, from the page cache. */
	blob = (char *)util_map_file_stat(path, CONTENT_CACHE_MAX, &len, &sb);
	free(path);
	if (blob == NULL)
		return NULL;
	if (len < ml + 24 || memcmp(blob, SNAP_MAGIC, ml) != 0) {
		util_unmap_file(blob, len);
		return NULL;
	}
	memcpy(&key, blob + ml, 8);
	memcpy(&hash, blob + ml + 8, 8);
	memcpy(&plen, blob + ml + 16, 8);
	if (plen != len - ml - 24) {
		util_unmap_file(blob, len);
		return NULL;
	}

	memset(&r, 0, sizeof r);
	r.p = blob + ml + 24;
	r.end = blob + len;
	r.a = arena_create();
	c = arena_alloc(r.a, sizeof *c);
	c->arena = r.a;
	c->dir = arena_strdup(r.a, dir);
	c->snapshot = blob;
	c->snapshot_len = len;
	c->key = key;
	r.c = c;

	/* Made of this very directory (not one whose path hashes alike),
	 * which must hold exactly the files of the snapshot.  Every read of
	 * the payload is checked against its end, so the names and counts
	 * can be looked at before the payload's hash is. */
	names = snap_list(dir, &nnames);
	{
		const char *was_dir = r_str(&r);
		char *real = realpath(dir, NULL);
		bool same = was_dir != NULL && real != NULL &&
		    strcmp(was_dir, real) == 0;
		free(real);
		if (!same)
			goto out;
	}
	r.nfiles = r_count(&r, 5);
	if (r.bad || r.nfiles != nnames)
		goto out;
	r.files = r_array(&r, r.nfiles, sizeof *r.files);
	xml = xcalloc(r.nfiles + 1, sizeof *xml);
	/* The status of every input: entry 0 the snapshot, then the XML
	 * files, the schema, the sources (see snap_stamp_write). */
	now = xcalloc(r.nfiles + 2, sizeof *now);
	snap_stat_of(&now[0], &sb);
	for (i = 0; i < r.nfiles; i++) {
		const char *name = r_str(&r);
		if (name == NULL || strcmp(name, names[i]) != 0)
			goto out;
		p = xasprintf("%s/%s", dir, name);
		r.files[i] = arena_strdup(r.a, p);
		xml[i].name = name;
		snap_stat_path(&now[1 + i], p);
		free(p);
	}
	schema_path = schema != NULL ? xstrdup(schema) :
	    xasprintf("%s/hms.rng", dir);
	snap_stat_path(&now[1 + r.nfiles], schema_path);

	/* Sources: their texts are read here, once, for the model (and for
	 * the key when it must be hashed). */
	nsrc = r_count(&r, 48);
	if (r.bad)
		goto out;
	n = 1 + r.nfiles + 1 + nsrc;
	now = xreallocarray(now, n, sizeof *now);
	k = 1 + r.nfiles + 1;
	c->sources = r_array(&r, nsrc + 5, sizeof *c->sources);
	src = xcalloc(nsrc + 1, sizeof *src);
	for (i = 0; i < nsrc && !r.bad; i++) {
		struct content_source *s = &c->sources[i];
		struct stat ssb;
		s->name = r_str(&r);
		s->file = r_str(&r);
		s->seed = r_str(&r);
		s->title = r_str(&r);
		s->title_en = r_str(&r);
		s->publisher = r_str(&r);
		s->date = r_str(&r);
		s->license = r_str(&r);
		s->len = (size_t)r_u64(&r);
		s->nlines = r_count(&r, 8);
		s->line_off = r_array(&r, s->nlines + 1, sizeof *s->line_off);
		for (j = 0; j <= s->nlines && !r.bad; j++) {
			s->line_off[j] = (size_t)r_u64(&r);
			if (s->line_off[j] > s->len ||
			    (j > 0 && s->line_off[j] < s->line_off[j - 1]))
				r.bad = true;
		}
		if (r.bad || s->name == NULL || s->file == NULL)
			break;
		c->nsources++;
		p = xasprintf("%s/%s", dir, s->file);
		s->path = arena_strdup(r.a, p);
		/* Read, not mapped: content files are the user's to edit,
		 * and one truncated in place under a mapping would fault. */
		s->text = util_read_file_stat(p, CONTENT_MAX_FILE, &len, &ssb,
		    NULL);
		free(p);
		src[i].name = s->file;
		src[i].data = s->text;
		src[i].len = len;
		if (s->text == NULL || len != s->len)
			r.bad = true;
		else
			snap_stat_of(&now[k + i], &ssb);
	}
	if (r.bad)
		goto out;

	/* Trusted as git trusts its index: the stamp's key, when nothing
	 * has changed since it was made. */
	was = snap_stamp_read(dir, key, n, &was_since);
	/* The snapshot itself was written after its stamp's T (in a full
	 * load): it is held to its status only, the racy rule is for the
	 * user's files. */
	trusted = was != NULL && memcmp(&was[0], &now[0], sizeof *now) == 0 &&
	    content_snap_stat_fresh(was + 1, now + 1, n - 1, was_since);
	if (!trusted) {
		if (content_hash(0, blob + ml + 24, (size_t)plen) != hash)
			goto out;
		for (i = 0; i < r.nfiles; i++) {
			p = xasprintf("%s/%s", dir, xml[i].name);
			/* Read, not mapped: see the sources above. */
			xml[i].data = util_read_file_stat(p, CONTENT_MAX_FILE,
			    &xml[i].len, &sb, NULL);
			free(p);
			if (xml[i].data == NULL)
				goto out;
			snap_stat_of(&now[1 + i], &sb);
		}
		schema_data = util_read_file_stat(schema_path,
		    CONTENT_MAX_FILE, &schema_len, &sb, NULL);
		if (schema_data != NULL)
			snap_stat_of(&now[1 + r.nfiles], &sb);
		else
			snap_stat_absent(&now[1 + r.nfiles]);
		if (snap_key(xml, r.nfiles, schema_data, schema_len, src,
		    nsrc) != key)
			goto out;
	}
	ok = snap_model(&r);
	/* Hashed and found the same: stamp it, so that the next start need
	 * not hash (now[] was taken after since, before each read). */
	if (ok && !trusted)
		snap_stamp_write(dir, key, since, now, n);

out:
	for (i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	if (xml != NULL) {
		for (i = 0; i < r.nfiles; i++)
			free((char *)xml[i].data);
		free(xml);
	}
	free(schema_data);
	free(schema_path);
	free(now);
	free(was);
	free(src);
	if (!ok) {
		content_free(c);
		return NULL;
	}
	return c;
}
