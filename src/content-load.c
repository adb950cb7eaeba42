/* content-load.c — parse, validate and build the content model.
 *
 * The only file that includes libxml2 headers.  Loading goes in passes so
 * that every problem of every file is reported at once:
 *   1. read each file, check size, UTF-8 and that there is no DOCTYPE;
 *      parse it from memory without network, entities or XInclude;
 *      validate it against the RELAX NG schema;
 *   2. read the sources declared by <source> elements;
 *   3. build entities from every valid file, registering ids;
 *   4. resolve references, check provenance and titles, make backlinks. */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

#include "arena.h"
#include "content-load.h"
#include "content-snap.h"
#include "content.h"
#include "text.h"
#include "util.h"

#define LOAD_MAX_DIAGS_PER_FILE 50

/* A reference by id, resolved in pass 4. */
struct load_ref {
	char			*id;		/* malloc'd */
	const char		*file;
	int			 line;
	struct content_entity	**slot;		/* where to store the target */
	struct content_link	*link;		/* or the link to complete */
	enum content_type	 want;		/* expected type, or -1 */
	int			 want_any;
};

struct load_title_check {
	struct content_entity	*e;
};

struct load_file {
	char		*path;
	char		*data;
	size_t		 len;
	xmlDocPtr	 doc;
	bool		 valid;		/* parsed and schema-valid */
	int		 order;
	int		 ndiags;
	uint64_t	 schema_key;	/* verified-cache keys (0: none) */
	uint64_t	 titles_key;
	bool		 titles_known;	/* titles_key is in the cache */
	int		 title_diags;
};

/* The verified-content cache: keys of (file, schema, sources, version)
 * combinations that passed the schema and title checks.  See
 * content_load_trust_verified(). */
struct load_cache {
	char		*path;
	uint64_t	*keys;		/* sorted */
	size_t		 nkeys;
	uint64_t	*add;		/* to write back */
	size_t		 nadd, addcap;
};

struct load_state {
	struct content		*c;
	struct content_diags	*d;
	struct load_file	*files;
	size_t			 nfiles;
	struct load_file	*cur;		/* file being parsed/validated */
	xmlRelaxNGPtr		 schema;
	const char		*schema_path;
	char			*schema_data;	/* parsed on first need */
	size_t			 schema_len;
	bool			 schema_tried;
	struct load_cache	*cache;		/* NULL: check everything */
	size_t			 total;		/* bytes of content read */
	size_t			 limit;		/* the most allowed: 0 until
						   load_total_limit() */
	uint64_t		 since;		/* content_snap_clock() before
						   the first file was read */

	struct content_entity	**ents;
	size_t			 nents, entcap;
	struct load_ref		*refs;
	size_t			 nrefs, refcap;
	struct content_link	**links;
	size_t			 nlinks, linkcap;
};

static xmlRelaxNGPtr load_schema(struct load_state *st);

/* ---- diagnostics ---- */

void
content_diags_init(struct content_diags *d)
{
	d->v = NULL;
	d->n = 0;
	d->cap = 0;
}

void
content_diags_free(struct content_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].message);
	}
	free(d->v);
	content_diags_init(d);
}

static void
content_diags_vadd(struct content_diags *d, const char *file, int line,
    const char *fmt, va_list ap)
{
	struct content_diag *g;

	util_grow(&d->v, &d->cap, d->n + 1, sizeof *d->v);
	g = &d->v[d->n++];
	g->file = xstrdup(file != NULL ? file : "(unknown)");
	g->line = line;
	g->message = xvasprintf(fmt, ap);
}

void
content_diags_add(struct content_diags *d, const char *file, int line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	content_diags_vadd(d, file, line, fmt, ap);
	va_end(ap);
}

static void HMS_PRINTF(4, 5)
load_diag(struct load_state *st, const char *file, int line, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	content_diags_vadd(st->d, file, line, fmt, ap);
	va_end(ap);
}

/* libxml2 changed the error callback's argument to const in 2.12. */
#if LIBXML_VERSION >= 21200
#define LOAD_XMLERR const xmlError *
#else
#define LOAD_XMLERR xmlErrorPtr
#endif

static void
load_xml_error(void *arg, LOAD_XMLERR err)
{
	struct load_state *st = arg;
	struct load_file *f = st->cur;
	char *msg;
	size_t n;

	if (f == NULL || err == NULL || err->level == XML_ERR_WARNING)
		return;
	if (++f->ndiags > LOAD_MAX_DIAGS_PER_FILE) {
		if (f->ndiags == LOAD_MAX_DIAGS_PER_FILE + 1)
			load_diag(st, f->path, 0,
			    "too many errors, giving up on this file");
		return;
	}
	msg = xstrdup(err->message != NULL ? err->message : "error");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	if (err->domain == XML_FROM_RELAXNGV)
		load_diag(st, f->path, err->line, "schema: %s", msg);
	else
		load_diag(st, f->path, err->line, "%s", msg);
	free(msg);
}

/* Nothing is ever fetched: the documents are parsed from memory, and any
 * external resource they might name is refused. */
static xmlParserInputPtr
load_no_entities(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* ---- pass 1: read, parse, validate ---- */

static int
load_line_of(const char *data, size_t off)
{
	int line = 1;
	size_t i;

	for (i = 0; i < off; i++) {
		if (data[i] == '\n')
			line++;
	}
	return line;
}

/* The most bytes of content files one load reads: CONTENT_MAX_TOTAL, or
 * $HMS_CONTENT_LIMIT MiB.  A bad value is reported (once) as an error. */
static size_t
load_total_limit(struct load_state *st)
{
	const char *s = getenv("HMS_CONTENT_LIMIT");
	unsigned long long mib;
	char *end;

	if (st->limit != 0)
		return st->limit;
	st->limit = CONTENT_MAX_TOTAL;
	if (s == NULL || *s == '\0')
		return st->limit;
	errno = 0;
	mib = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || mib == 0 || mib > (1ull << 20) ||
	    s[0] == '-')
		load_diag(st, "HMS_CONTENT_LIMIT", 0, "must be a number of MiB "
		    "from 1 to 1048576, not '%.20s'", s);
	else
		st->limit = (size_t)mib << 20;
	return st->limit;
}

static void
load_read(struct load_state *st, struct load_file *f)
{
	const char *p;
	char *why;
	size_t bad;
	int opts;

	size_t limit = load_total_limit(st), left, max;

	/* The files of a content set together are bounded too: the parsed
	 * documents take about twelve times their size (make bench). */
	left = st->total >= limit ? 0 : limit - st->total;
	if (left == 0) {
		load_diag(st, f->path, 0, "not read: the content files before it "
		    "already reach the limit of %zu MiB for a content set "
		    "(HMS_CONTENT_LIMIT=MiB raises it)", limit >> 20);
		return;
	}
	max = left < CONTENT_MAX_FILE ? left : CONTENT_MAX_FILE;
	/* Opened without blocking and only if regular: a FIFO named as
	 * content must not hang a check. */
	f->data = util_read_file(f->path, max, &f->len, &why);
	if (f->data == NULL && errno == EFBIG && max < CONTENT_MAX_FILE)
		load_diag(st, f->path, 1, "the content files together exceed "
		    "the limit of %zu MiB for a content set (HMS_CONTENT_LIMIT="
		    "MiB raises it)", limit >> 20);
	else if (f->data == NULL && errno == EFBIG)
		load_diag(st, f->path, 1, "%s for a content file", why);
	else if (f->data == NULL)
		load_diag(st, f->path, 0, "cannot read: %s", why);
	free(why);
	st->total += f->len;
	if (f->data == NULL)
		return;
	if (f->len == 0) {
		load_diag(st, f->path, 1, "empty file: expected an <hms> document");
		return;
	}
	if (!text_utf8_valid(f->data, f->len, &bad)) {
		load_diag(st, f->path, load_line_of(f->data, bad),
		    "invalid UTF-8 (byte 0x%02x at offset %zu)",
		    (unsigned char)f->data[bad], bad);
		return;
	}
	/* Entity declarations and external references can only come from a
	 * DOCTYPE; content files never need one. */
	if ((p = strstr(f->data, "<!DOCTYPE")) != NULL) {
		const char *ext = NULL, *ent = strstr(p, "<!ENTITY");
		const char *s = strstr(p, "SYSTEM"), *q = strstr(p, "PUBLIC");

		ext = s != NULL && (q == NULL || s < q) ? s : q;
		if (ext != NULL)
			load_diag(st, f->path,
			    load_line_of(f->data, (size_t)(ext - f->data)),
			    "external reference not allowed: the DOCTYPE names "
			    "a file or URL (%s); content is never read from "
			    "elsewhere", ext == s ? "SYSTEM" : "PUBLIC");
		else if (ent != NULL)
			load_diag(st, f->path,
			    load_line_of(f->data, (size_t)(ent - f->data)),
			    "entity declaration not allowed: content files may "
			    "not define entities (they could expand without "
			    "bound)");
		else
			load_diag(st, f->path,
			    load_line_of(f->data, (size_t)(p - f->data)),
			    "DOCTYPE not allowed in content files");
		return;
	}

	if (st->cache != NULL && st->schema_data != NULL)
		f->schema_key = content_hash(content_hash(0x5c4e3a, st->schema_data,
		    st->schema_len), f->data, f->len);

	opts = XML_PARSE_NONET | XML_PARSE_NOXINCNODE | XML_PARSE_BIG_LINES |
	    XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
	st->cur = f;
	f->doc = xmlReadMemory(f->data, (int)f->len, f->path, "UTF-8", opts);
	st->cur = NULL;
	if (f->doc == NULL) {
		if (f->ndiags == 0)
			load_diag(st, f->path, 0, "not well-formed XML");
		return;
	}
	if (f->doc->intSubset != NULL || f->doc->extSubset != NULL) {
		load_diag(st, f->path, 1, "DOCTYPE not allowed");
		return;
	}
	f->valid = f->ndiags == 0;
}

static bool
load_is_xinclude(xmlNodePtr n)
{
	return n->ns != NULL && n->ns->href != NULL &&
	    (strcmp((const char *)n->ns->href,
	    "http://www.w3.org/2001/XInclude") == 0 ||
	    strcmp((const char *)n->ns->href,
	    "http://www.w3.org/2003/XInclude") == 0);
}

static bool
load_find_xinclude(struct load_state *st, struct load_file *f, xmlNodePtr n)
{
	bool found = false;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (load_is_xinclude(n)) {
			load_diag(st, f->path, (int)xmlGetLineNo(n),
			    "XInclude not allowed: content files may not "
			    "include other files");
			found = true;
		}
		if (load_find_xinclude(st, f, n->children))
			found = true;
	}
	return found;
}

/* ---- the verified-content cache ---- */

static bool load_trust;

void
content_load_trust_verified(bool on)
{
	load_trust = on;
}

static int
load_cmp_key(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

#define LOAD_CACHE_HEADER "hms verified-content 1 " PACKAGE_VERSION "\n"
#define LOAD_CACHE_MAX 2000	/* keys kept: many content versions */

static struct load_cache *
load_cache_open(void)
{
	struct load_cache *c;
	char *data, *p, *end;
	size_t len, cap = 0;
	uint64_t k;

	if (!load_trust)
		return NULL;
	c = xcalloc(1, sizeof *c);
	if ((c->path = content_cache_path("verified")) == NULL)
		return c;
	/* A cache that is not a regular file, or too long to be one of
	 * ours, is ignored and written anew. */
	data = util_read_file(c->path, LOAD_CACHE_MAX * 17 + 4096, &len, NULL);
	if (data == NULL)
		return c;
	/* Another version's checks are not ours: start afresh. */
	if (strncmp(data, LOAD_CACHE_HEADER, strlen(LOAD_CACHE_HEADER)) == 0) {
		p = data + strlen(LOAD_CACHE_HEADER);
		while (*p != '\0') {
			k = strtoull(p, &end, 16);
			if (end == p || (*end != '\n' && *end != '\0'))
				break;
			util_grow(&c->keys, &cap, c->nkeys + 1, sizeof *c->keys);
			c->keys[c->nkeys++] = k;
			p = *end == '\n' ? end + 1 : end;
		}
	}
	free(data);
	if (c->nkeys > 1)
		qsort(c->keys, c->nkeys, sizeof *c->keys, load_cmp_key);
	return c;
}

static bool
load_cache_has(const struct load_cache *c, uint64_t key)
{
	return key != 0 && c->nkeys > 0 && bsearch(&key, c->keys, c->nkeys,
	    sizeof *c->keys, load_cmp_key) != NULL;
}

static void
load_cache_add(struct load_cache *c, uint64_t key)
{
	if (key == 0 || load_cache_has(c, key))
		return;
	util_grow(&c->add, &c->addcap, c->nadd + 1, sizeof *c->add);
	c->add[c->nadd++] = key;
}

/* Write the keys back, atomically; a cache that cannot be written is
 * only slower next time. */
static void
load_cache_close(struct load_cache *c)
{
	struct buf b;
	struct iovec iov;
	size_t i, from;

	if (c == NULL)
		return;
	if (c->path != NULL && c->nadd > 0 && content_cache_mkdir(c->path)) {
		buf_init(&b);
		buf_adds(&b, LOAD_CACHE_HEADER);
		from = c->nkeys + c->nadd > LOAD_CACHE_MAX ?
		    c->nkeys + c->nadd - LOAD_CACHE_MAX : 0;
		for (i = from; i < c->nkeys; i++)
			buf_printf(&b, "%016llx\n",
			    (unsigned long long)c->keys[i]);
		for (i = 0; i < c->nadd; i++)
			buf_printf(&b, "%016llx\n",
			    (unsigned long long)c->add[i]);
		iov.iov_base = b.data;
		iov.iov_len = b.len;
		(void)util_write_file(AT_FDCWD, c->path, &iov, 1, 0600, 0);
		buf_free(&b);
	}
	free(c->path);
	free(c->keys);
	free(c->add);
	free(c);
}

static void
load_validate(struct load_state *st, struct load_file *f)
{
	xmlRelaxNGValidCtxtPtr v;
	int rc;

	if (!f->valid)
		return;
	if (load_find_xinclude(st, f, xmlDocGetRootElement(f->doc))) {
		f->valid = false;
		return;
	}
	if (st->schema_path == NULL)
		return;
	/* Passed before, byte for byte, against this very schema. */
	if (st->cache != NULL && load_cache_has(st->cache, f->schema_key))
		return;
	if (load_schema(st) == NULL)
		return;
	v = xmlRelaxNGNewValidCtxt(st->schema);
	xmlRelaxNGSetValidStructuredErrors(v, load_xml_error, st);
	st->cur = f;
	rc = xmlRelaxNGValidateDoc(v, f->doc);
	st->cur = NULL;
	xmlRelaxNGFreeValidCtxt(v);
	if (rc != 0) {
		if (f->ndiags == 0)
			load_diag(st, f->path, 0, "does not match the schema");
		f->valid = false;
	}
}

/* Read the schema's bytes (for the verified cache's keys); it is parsed
 * by load_schema() when a file first needs validating. */
static void
load_schema_read(struct load_state *st, const char *path)
{
	char *why;

	st->schema_path = path;
	st->schema_data = util_read_file(path, CONTENT_MAX_FILE,
	    &st->schema_len, &why);
	if (st->schema_data == NULL) {
		load_diag(st, path, 0, "cannot read the schema: %s", why);
		st->schema_tried = true;
	}
	free(why);
}

static xmlRelaxNGPtr
load_schema(struct load_state *st)
{
	xmlRelaxNGParserCtxtPtr pc;
	struct load_file sf = { .path = (char *)st->schema_path };

	if (st->schema_tried)
		return st->schema;
	st->schema_tried = true;
	pc = xmlRelaxNGNewMemParserCtxt(st->schema_data, (int)st->schema_len);
	xmlRelaxNGSetParserStructuredErrors(pc, load_xml_error, st);
	st->cur = &sf;
	st->schema = xmlRelaxNGParse(pc);
	st->cur = NULL;
	xmlRelaxNGFreeParserCtxt(pc);
	if (st->schema == NULL && sf.ndiags == 0)
		load_diag(st, st->schema_path, 0, "cannot parse the schema");
	return st->schema;
}

/* ---- small XML helpers ---- */

static bool
load_is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns == NULL &&
	    strcmp((const char *)n->name, name) == 0;
}

/* An attribute as an arena string, or NULL. */
static const char *
load_attr(struct load_state *st, xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = arena_strdup(st->c->arena, (const char *)v);
	xmlFree(v);
	return s;
}

static int
load_attr_int(xmlNodePtr n, const char *name, int dflt)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	int r;

	if (v == NULL)
		return dflt;
	r = atoi((const char *)v);
	xmlFree(v);
	return r;
}

static int
load_enum(const char *v, const char *const *names, size_t n, int dflt)
{
	size_t i;

	if (v == NULL)
		return dflt;
	for (i = 0; i < n; i++) {
		if (names[i] != NULL && strcmp(v, names[i]) == 0)
			return (int)i;
	}
	return dflt;
}

/* A parsed enum value, or the default when the word was not one (the
 * schema has already refused unknown words). */
static int
load_or(int v, int dflt)
{
	return v >= 0 ? v : dflt;
}

static bool
load_ascii(unsigned char c)
{
	return c < 0x80;
}

/* Text of mixed content with <ref> links.  XML line breaks (with the
 * indentation around them) join Japanese text without a space and Latin
 * text with one; other spaces are kept as written. */
struct load_seg {
	const char	*s;
	size_t		 len;
	const char	*ref;	/* id of a <ref>, or NULL */
	int		 line;
};

static void
load_collect(xmlNodePtr n, struct load_seg **segs, size_t *nseg, size_t *cap,
    struct buf *pool)
{
	xmlNodePtr k;
	xmlChar *v;

	for (k = n->children; k != NULL; k = k->next) {
		if (k->type == XML_TEXT_NODE) {
			util_grow(segs, cap, *nseg + 1, sizeof **segs);
			(*segs)[*nseg].s = (const char *)k->content;
			(*segs)[*nseg].len = strlen((const char *)k->content);
			(*segs)[*nseg].ref = NULL;
			(*segs)[*nseg].line = (int)xmlGetLineNo(k);
			(*nseg)++;
		} else if (load_is(k, "ref")) {
			v = xmlNodeGetContent(k);
			util_grow(segs, cap, *nseg + 1, sizeof **segs);
			/* The pool keeps copies alive; offsets are patched
			 * in load_text once the pool stops moving. */
			(*segs)[*nseg].s = (const char *)(uintptr_t)pool->len;
			(*segs)[*nseg].len = strlen((const char *)v);
			buf_add(pool, v, (*segs)[*nseg].len);
			xmlFree(v);
			v = xmlGetNoNsProp(k, (const xmlChar *)"to");
			(*segs)[*nseg].ref = xstrdup((const char *)v);
			xmlFree(v);
			(*segs)[*nseg].line = (int)xmlGetLineNo(k);
			(*nseg)++;
		}
	}
}

static struct content_prov *load_prov(struct load_state *st, const char *file,
    int line, const char *spec, size_t *np);

static void load_ref_add(struct load_state *st, const char *id,
    const char *file, int line, struct content_entity **slot,
    struct content_link *link);

static void
load_text(struct load_state *st, xmlNodePtr n, const char *file,
    struct content_text *t, struct content_entity *owner)
{
	struct load_seg *segs = NULL;
	size_t nseg = 0, cap = 0, i, j, k, nrefs = 0;
	struct buf out, pool;
	struct content_inref *refs = NULL;
	size_t refcap = 0, start;
	const char *spec;
	bool nl;
	unsigned char prev, next;

	buf_init(&out);
	buf_init(&pool);
	load_collect(n, &segs, &nseg, &cap, &pool);
	for (i = 0; i < nseg; i++) {
		if (segs[i].ref != NULL)
			segs[i].s = pool.data + (uintptr_t)segs[i].s;
	}
	for (i = 0; i < nseg; i++) {
		start = out.len;
		for (j = 0; j < segs[i].len;) {
			unsigned char c = (unsigned char)segs[i].s[j];
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				/* A run of anything else, copied at once (a
				 * byte at a time was a fifth of a start). */
				for (k = j + 1; k < segs[i].len; k++) {
					c = (unsigned char)segs[i].s[k];
					if (c == ' ' || c == '\t' || c == '\n' ||
					    c == '\r')
						break;
				}
				buf_add(&out, segs[i].s + j, k - j);
				j = k;
				continue;
			}
			/* A run of white space. */
			k = j;
			nl = false;
			while (k < segs[i].len && strchr(" \t\r\n", segs[i].s[k])) {
				if (segs[i].s[k] == '\n')
					nl = true;
				k++;
			}
			if (!nl) {
				buf_add(&out, segs[i].s + j, k - j);
			} else if (out.len > 0) {
				prev = (unsigned char)out.data[out.len - 1];
				next = k < segs[i].len ?
				    (unsigned char)segs[i].s[k] : 'a';
				if (load_ascii(prev) && load_ascii(next))
					buf_addc(&out, ' ');
			}
			j = k;
		}
		if (segs[i].ref != NULL) {
			util_grow(&refs, &refcap, nrefs + 1, sizeof *refs);
			refs[nrefs].off = start;
			refs[nrefs].len = out.len - start;
			refs[nrefs].target = NULL;
			nrefs++;
		}
	}
	/* Trim the ends. */
	start = 0;
	while (start < out.len && strchr(" \t\r\n", out.data[start]))
		start++;
	while (out.len > start && strchr(" \t\r\n", out.data[out.len - 1]))
		out.len--;
	t->text = arena_strndup(st->c->arena, out.data != NULL ?
	    out.data + start : "", out.len - start);
	t->len = out.len - start;
	t->nrefs = nrefs;
	/* Most texts have none: no array for them. */
	t->refs = nrefs > 0 ? arena_calloc(st->c->arena, nrefs,
	    sizeof *t->refs) : NULL;
	for (i = 0, k = 0; i < nseg; i++) {
		if (segs[i].ref == NULL)
			continue;
		t->refs[k] = refs[k];
		t->refs[k].off = refs[k].off > start ? refs[k].off - start : 0;
		if (t->refs[k].off + t->refs[k].len > t->len)
			t->refs[k].len = t->len - t->refs[k].off;
		/* The inline link also becomes a "mentions" relation. */
		if (owner != NULL) {
			struct content_link *l = arena_alloc(st->c->arena,
			    sizeof *l);
			l->rel = CONTENT_REL_MENTIONS;
			l->from = owner;
			util_grow(&st->links, &st->linkcap, st->nlinks + 1,
			    sizeof *st->links);
			st->links[st->nlinks++] = l;
			load_ref_add(st, segs[i].ref, file, segs[i].line,
			    &t->refs[k].target, l);
		} else
			load_ref_add(st, segs[i].ref, file, segs[i].line,
			    &t->refs[k].target, NULL);
		k++;
	}
	for (i = 0; i < nseg; i++)
		free((char *)segs[i].ref);
	free(segs);
	free(refs);
	buf_free(&out);
	buf_free(&pool);
	spec = NULL;
	{
		xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)"src");
		if (v != NULL) {
			size_t np;
			spec = (const char *)v;
			t->prov = load_prov(st, file, (int)xmlGetLineNo(n), spec,
			    &np);
			xmlFree(v);
		}
	}
}

/* ---- provenance ---- */

/* Parse "name:a-b name:c" into arena ranges; problems are reported. */
static struct content_prov *
load_prov(struct load_state *st, const char *file, int line, const char *spec,
    size_t *np)
{
	struct content_prov *v;
	const char *p = spec, *colon, *end;
	size_t n = 1, i = 0;
	char name[64];
	long a, b;
	char *q;

	for (end = spec; *end != '\0'; end++) {
		if (*end == ' ')
			n++;
	}
	v = arena_calloc(st->c->arena, n, sizeof *v);
	while (*p != '\0' && i < n) {
		colon = strchr(p, ':');
		end = strchr(p, ' ');
		if (end == NULL)
			end = p + strlen(p);
		if (colon == NULL || colon > end ||
		    (size_t)(colon - p) >= sizeof name) {
			load_diag(st, file, line, "bad provenance '%s'", spec);
			break;
		}
		memcpy(name, p, (size_t)(colon - p));
		name[colon - p] = '\0';
		a = strtol(colon + 1, &q, 10);
		b = a;
		if (*q == '-')
			b = strtol(q + 1, &q, 10);
		v[i].source = content_source_find(st->c, name);
		v[i].first = (int)a;
		v[i].last = (int)b;
		if (v[i].source == NULL)
			load_diag(st, file, line,
			    "provenance names unknown source '%s'", name);
		else if (a < 1 || b < a || (size_t)b > v[i].source->nlines)
			load_diag(st, file, line,
			    "provenance %s:%ld-%ld is outside %s (lines 1-%zu)",
			    name, a, b, v[i].source->file, v[i].source->nlines);
		i++;
		p = *end == ' ' ? end + 1 : end;
	}
	*np = i;
	return v;
}

/* ---- references ---- */

static void
load_ref_add(struct load_state *st, const char *id, const char *file,
    int line, struct content_entity **slot, struct content_link *link)
{
	struct load_ref *r;

	if (id == NULL)
		return;
	util_grow(&st->refs, &st->refcap, st->nrefs + 1, sizeof *st->refs);
	r = &st->refs[st->nrefs++];
	r->id = xstrdup(id);
	r->file = file;
	r->line = line;
	r->slot = slot;
	r->link = link;
}

static struct content_link *
load_link_new(struct load_state *st, struct content_entity *from,
    enum content_rel rel)
{
	struct content_link *l = arena_alloc(st->c->arena, sizeof *l);

	l->rel = rel;
	l->from = from;
	util_grow(&st->links, &st->linkcap, st->nlinks + 1, sizeof *st->links);
	st->links[st->nlinks++] = l;
	return l;
}

/* A link to id, resolved later. */
static struct content_link *
load_link_to(struct load_state *st, struct content_entity *from,
    enum content_rel rel, const char *id, int line)
{
	struct content_link *l = load_link_new(st, from, rel);

	l->line = line;
	load_ref_add(st, id, from->file, line, &l->to, NULL);
	return l;
}

/* ---- entities ---- */

/* The entity type of an element, or -1 (element names are type names). */
static int
load_type_of(xmlNodePtr n)
{
	if (n->type != XML_ELEMENT_NODE || n->ns != NULL)
		return -1;
	return content_type_from_name((const char *)n->name);
}

static const char *
load_child_text(struct load_state *st, xmlNodePtr n)
{
	xmlChar *v = xmlNodeGetContent(n);
	struct buf b;
	const char *p;
	char *s;

	/* Titles are short: collapse line breaks the same way as text.
	 * Most have none: copy those at once. */
	buf_init(&b);
	if (strpbrk((const char *)v, "\n\r\t") == NULL) {
		buf_adds(&b, (const char *)v);
		p = "";
	} else
		p = (const char *)v;
	for (; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\r' || *p == '\t') {
			while (p[1] == ' ' || p[1] == '\n' || p[1] == '\t' ||
			    p[1] == '\r')
				p++;
			if (b.len > 0 && load_ascii((unsigned char)b.data[b.len - 1]) &&
			    load_ascii((unsigned char)p[1]) && p[1] != '\0')
				buf_addc(&b, ' ');
			continue;
		}
		buf_addc(&b, *p);
	}
	xmlFree(v);
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.len--;
	p = b.data != NULL ? b.data : "";
	while (*p == ' ')
		p++;
	s = arena_strndup(st->c->arena, p, b.len - (size_t)(p - (b.data ? b.data : p)));
	buf_free(&b);
	return s;
}

static void
load_value(struct load_state *st, xmlNodePtr n, const char *file,
    struct content_value *v)
{
	const char *s;
	int a, b;

	v->present = true;
	if ((s = load_attr(st, n, "value")) != NULL) {
		v->has_value = true;
		v->value = strtod(s, NULL);
	}
	v->unit = load_attr(st, n, "unit");
	if ((v->year = load_attr(st, n, "year")) != NULL) {
		a = b = atoi(v->year);
		if (strchr(v->year, '-') != NULL)
			b = atoi(strchr(v->year, '-') + 1);
		v->year_first = a;
		v->year_last = b;
	}
	v->date = load_attr(st, n, "date");
	v->text = load_attr(st, n, "text");
	if ((s = load_attr(st, n, "src")) != NULL) {
		size_t np;
		v->prov = load_prov(st, file, (int)xmlGetLineNo(n), s, &np);
	}
}


static void
load_budget(struct load_state *st, xmlNodePtr n, const char *file,
    struct content_budget *b)
{
	const char *s;
	size_t np;

	if ((s = load_attr(st, n, "amount")) != NULL) {
		const char *dot = strchr(s, '.');
		b->has_amount = true;
		b->amount = strtod(s, NULL);
		b->decimals = dot != NULL ? (int)strspn(dot + 1, "0123456789") : 0;
	}
	b->fy = load_attr_int(n, "fy", 0);
	b->type = load_or(content_budget_type_from_name(load_attr(st, n,
	    "type")), CONTENT_BUDGET_UNKNOWN);
	b->draft = load_attr(st, n, "draft") != NULL;
	b->restated = load_attr(st, n, "restated") != NULL;
	b->within = load_attr(st, n, "within") != NULL;
	b->text = load_attr(st, n, "text");
	if ((s = load_attr(st, n, "src")) != NULL)
		b->prov = load_prov(st, file, (int)xmlGetLineNo(n), s, &np);
}

static void
load_note_block(struct load_state *st, xmlNodePtr k, const char *file,
    struct content_block *b, struct content_entity *e)
{
	static const char *const kinds[] = {
		[CONTENT_NOTE_PLAIN] = "", [CONTENT_NOTE_INFERENCE] = "inference",
		[CONTENT_NOTE_REPAIR] = "repair", [CONTENT_NOTE_CAVEAT] = "caveat",
		[CONTENT_NOTE_CONTEXT] = "context",
	};

	b->kind = CONTENT_BLOCK_NOTE;
	b->lang = load_attr(st, k, "lang");
	b->note_kind = load_enum(load_attr(st, k, "kind"), kinds,
	    HMS_NELEM(kinds), CONTENT_NOTE_PLAIN);
	load_text(st, k, file, &b->t, e);
}

/* Count the blocks an entity will have: body children plus notes. */
static size_t
load_count_blocks(xmlNodePtr n)
{
	xmlNodePtr k, m;
	size_t c = 0;

	for (k = n->children; k != NULL; k = k->next) {
		if (load_is(k, "note"))
			c++;
		else if (load_is(k, "body")) {
			for (m = k->children; m != NULL; m = m->next) {
				if (m->type == XML_ELEMENT_NODE)
					c++;
			}
		}
	}
	return c;
}

static size_t
load_count(xmlNodePtr n, const char *name)
{
	xmlNodePtr k;
	size_t c = 0;

	for (k = n->children; k != NULL; k = k->next) {
		if (load_is(k, name))
			c++;
	}
	return c;
}

static struct content_entity *load_entity(struct load_state *st,
    struct load_file *f, xmlNodePtr n, struct content_entity *parent);

static void
load_entity_parts(struct load_state *st, struct load_file *f, xmlNodePtr n,
    struct content_entity *e)
{
	struct arena *a = st->c->arena;
	xmlNodePtr k, m;
	struct content_block *b;
	struct content_link *l;
	const char *s;
	size_t nb = 0, np;
	int line;

	e->blocks = arena_calloc(a, load_count_blocks(n), sizeof *e->blocks);
	e->aliases = arena_calloc(a, load_count(n, "alias"), sizeof *e->aliases);
	for (k = n->children; k != NULL; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		line = (int)xmlGetLineNo(k);
		if (load_is(k, "title"))
			e->title = load_child_text(st, k);
		else if (load_is(k, "title-en"))
			e->title_en = load_child_text(st, k);
		else if (load_is(k, "alias"))
			e->aliases[e->naliases++] = load_child_text(st, k);
		else if (load_is(k, "note"))
			load_note_block(st, k, f->path, &e->blocks[nb++], e);
		else if (load_is(k, "body")) {
			for (m = k->children; m != NULL; m = m->next) {
				if (m->type != XML_ELEMENT_NODE)
					continue;
				b = &e->blocks[nb++];
				if (load_is(m, "note")) {
					load_note_block(st, m, f->path, b, e);
					continue;
				}
				b->kind = load_is(m, "li") ? CONTENT_BLOCK_ITEM :
				    CONTENT_BLOCK_PARA;
				b->mark = load_attr(st, m, "mark");
				b->level = load_attr_int(m, "level", 1);
				load_text(st, m, f->path, &b->t, e);
			}
		} else if (load_is(k, "link")) {
			l = load_link_to(st, e, load_or(content_rel_from_name(
			    load_attr(st, k, "rel")), CONTENT_REL_SEE_ALSO),
			    load_attr(st, k, "to"), line);
			s = load_attr(st, k, "basis");
			l->basis = s != NULL && strcmp(s, "inferred") == 0 ?
			    CONTENT_BASIS_INFERRED : CONTENT_BASIS_STATED;
			if ((s = load_attr(st, k, "src")) != NULL)
				l->prov = load_prov(st, f->path, line, s, &np);
			for (m = k->children; m != NULL; m = m->next) {
				if (load_is(m, "note") && l->note == NULL) {
					l->note = arena_alloc(a, sizeof *l->note);
					load_text(st, m, f->path, l->note, NULL);
				}
			}
		} else if (load_is(k, "lineage")) {
			s = load_attr(st, k, "from");
			if (s != NULL)
				l = load_link_to(st, e, CONTENT_REL_LINEAGE, s,
				    line);
			else {
				l = load_link_new(st, e, CONTENT_REL_LINEAGE);
				l->line = line;
			}
			l->lineage = load_or(content_lineage_from_name(
			    load_attr(st, k, "kind")), CONTENT_LINEAGE_NONE);
			s = load_attr(st, k, "basis");
			l->basis = s != NULL && strcmp(s, "inferred") == 0 ?
			    CONTENT_BASIS_INFERRED : CONTENT_BASIS_STATED;
			if ((s = load_attr(st, k, "src")) != NULL)
				l->prov = load_prov(st, f->path, line, s, &np);
			/* Keep the Japanese note as the note, the English
			 * one beside it. */
			for (m = k->children; m != NULL; m = m->next) {
				struct content_text t;
				xmlChar *lang;
				if (!load_is(m, "note"))
					continue;
				memset(&t, 0, sizeof t);
				load_text(st, m, f->path, &t, NULL);
				lang = xmlGetNoNsProp(m, (const xmlChar *)"lang");
				if (lang != NULL && strcmp((char *)lang, "en") == 0) {
					if (l->note_en == NULL)
						l->note_en = t.text;
				} else if (l->note == NULL) {
					l->note = arena_alloc(a, sizeof *l->note);
					*l->note = t;
				}
				xmlFree(lang);
			}
		} else if (load_is(k, "section")) {
			/* Sub-sections are built after this entity. */
		} else if (load_is(k, "status") && e->type == CONTENT_MEASURE) {
			struct content_status *stt =
			    &e->u.measure.statuses[e->u.measure.nstatuses++];
			stt->asof = load_attr(st, k, "asof");
			if ((s = load_attr(st, k, "ministry")) != NULL) {
				load_ref_add(st, s, f->path, line, &stt->ministry,
				    NULL);
				l = load_link_to(st, e, CONTENT_REL_MINISTRY, s,
				    line);
			}
			load_text(st, k, f->path, &stt->t, e);
		} else if (load_is(k, "budget") && e->type == CONTENT_PROGRAM) {
			load_budget(st, k, f->path,
			    &e->u.program.budgets[e->u.program.nbudgets++]);
		} else if (load_is(k, "budget-total") &&
		    e->type == CONTENT_PROJECT) {
			load_budget(st, k, f->path,
			    &e->u.project.totals[e->u.project.ntotals++]);
		} else if (e->type == CONTENT_KPI && load_is(k, "unit")) {
			e->u.kpi.unit = load_child_text(st, k);
		} else if (e->type == CONTENT_KPI && load_is(k, "baseline")) {
			load_value(st, k, f->path, &e->u.kpi.v->baseline);
		} else if (e->type == CONTENT_KPI && load_is(k, "target")) {
			load_value(st, k, f->path, &e->u.kpi.v->target);
		} else if (e->type == CONTENT_KPI && load_is(k, "latest")) {
			load_value(st, k, f->path, &e->u.kpi.v->latest);
		} else if (e->type == CONTENT_TERM && load_is(k, "expansion")) {
			struct content_expansion *x =
			    &e->u.term.expansions[e->u.term.nexpansions++];
			x->lang = load_attr(st, k, "lang");
			x->text = load_child_text(st, k);
			if ((s = load_attr(st, k, "src")) != NULL)
				x->prov = load_prov(st, f->path, line, s, &np);
		}
	}
	e->nblocks = nb;
}

static void
load_entity_fields(struct load_state *st, struct load_file *f, xmlNodePtr n,
    struct content_entity *e)
{
	struct arena *a = st->c->arena;
	const char *s;
	int line = e->line;

	switch (e->type) {
	case CONTENT_PERIOD:
		e->u.period.fy_start = load_attr_int(n, "fy-start", 0);
		e->u.period.fy_end = load_attr_int(n, "fy-end", 0);
		e->period = atoi(e->id + strlen("period:"));
		break;
	case CONTENT_PROJECT:
		e->u.project.num = load_attr_int(n, "num", 0);
		s = load_attr(st, n, "kind");
		e->u.project.area = s != NULL && strcmp(s, "area") == 0;
		e->u.project.theme = load_attr(st, n, "theme");
		e->u.project.totals = arena_calloc(a,
		    load_count(n, "budget-total"), sizeof(struct content_budget));
		break;
	case CONTENT_DISEASE:
		e->u.disease.theme = load_attr(st, n, "theme");
		break;
	case CONTENT_MEASURE:
		e->u.measure.table = load_attr_int(n, "table", 0);
		e->u.measure.group = load_attr(st, n, "group");
		e->u.measure.statuses = arena_calloc(a, load_count(n, "status"),
		    sizeof(struct content_status));
		break;
	case CONTENT_MILESTONE: {
		char *list, *tok, *save;
		size_t nm = 1;

		e->u.milestone.column = load_or(content_column_from_name(
		    load_attr(st, n, "column")), CONTENT_COL_2024_SUMMER);
		s = load_attr(st, n, "measure");
		for (const char *p = s; p != NULL && *p != '\0'; p++) {
			if (*p == ' ')
				nm++;
		}
		e->u.milestone.measures = arena_calloc(a, nm,
		    sizeof(struct content_entity *));
		list = xstrdup(s != NULL ? s : "");
		for (tok = strtok_r(list, " ", &save); tok != NULL;
		    tok = strtok_r(NULL, " ", &save)) {
			load_ref_add(st, tok, f->path, line,
			    &e->u.milestone.measures[e->u.milestone.nmeasures++],
			    NULL);
			load_link_to(st, e, CONTENT_REL_MEASURE, tok, line);
		}
		free(list);
		if ((s = load_attr(st, n, "restates")) != NULL) {
			load_ref_add(st, s, f->path, line,
			    &e->u.milestone.restates, NULL);
			load_link_to(st, e, CONTENT_REL_RESTATES, s, line);
		}
		break;
	}
	case CONTENT_KPI: {
		e->u.kpi.kind = load_or(content_kpi_kind_from_name(
		    load_attr(st, n, "kind")), CONTENT_KPI_KPI);
		s = load_attr(st, n, "direction");
		e->u.kpi.down = s != NULL && strcmp(s, "down") == 0;
		break;
	}
	case CONTENT_PROGRAM: {
		e->u.program.kind = load_or(content_program_kind_from_name(
		    load_attr(st, n, "kind")), CONTENT_PROGRAM_PROGRAM);
		e->u.program.budgets = arena_calloc(a, load_count(n, "budget"),
		    sizeof(struct content_budget));
		if ((s = load_attr(st, n, "ministry")) != NULL) {
			struct content_link *l;

			load_ref_add(st, s, f->path, line, &e->u.program.ministry,
			    NULL);
			l = load_link_to(st, e, CONTENT_REL_MINISTRY, s, line);
			/* A ministry read from a mark (【健】) or another
			 * clue is an inference, with its reason. */
			s = load_attr(st, n, "ministry-basis");
			l->basis = s != NULL && strcmp(s, "inferred") == 0 ?
			    CONTENT_BASIS_INFERRED : CONTENT_BASIS_STATED;
			l->note_en = load_attr(st, n, "ministry-reason");
			if (l->basis == CONTENT_BASIS_INFERRED &&
			    l->note_en == NULL)
				load_diag(st, f->path, line, "%s: an inferred "
				    "ministry needs a ministry-reason", e->id);
		}
		break;
	}
	case CONTENT_MINISTRY:
		e->u.ministry.tag = load_attr(st, n, "tag");
		break;
	case CONTENT_TERM: {
		e->u.term.kind = load_or(content_term_kind_from_name(
		    load_attr(st, n, "kind")), CONTENT_TERM_TERM);
		e->u.term.expansions = arena_calloc(a, load_count(n, "expansion"),
		    sizeof(struct content_expansion));
		break;
	}
	case CONTENT_SECTION:
	case CONTENT_TYPE_COUNT:
		break;
	}
}

static struct content_entity *
load_entity(struct load_state *st, struct load_file *f, xmlNodePtr n,
    struct content_entity *parent)
{
	struct arena *a = st->c->arena;
	struct content_entity *e;
	xmlNodePtr k;
	const char *s;
	size_t nc = 0;

	e = arena_alloc(a, sizeof *e);
	e->type = (enum content_type)load_type_of(n);
	if (e->type == CONTENT_KPI)
		e->u.kpi.v = arena_alloc(a, sizeof *e->u.kpi.v);
	e->id = load_attr(st, n, "id");
	e->file = f->path;
	e->line = (int)xmlGetLineNo(n);
	e->parent = parent;
	e->num = load_attr(st, n, "num");
	if ((s = load_attr(st, n, "period")) != NULL)
		e->period = atoi(s);
	else if (parent != NULL)
		e->period = parent->period;
	if ((s = load_attr(st, n, "src")) != NULL)
		e->prov = load_prov(st, f->path, e->line, s, &e->nprov);
	util_grow(&st->ents, &st->entcap, st->nents + 1, sizeof *st->ents);
	e->index = st->nents;
	st->ents[st->nents++] = e;

	load_entity_fields(st, f, n, e);
	load_entity_parts(st, f, n, e);
	if (e->period != 0 && e->type != CONTENT_PERIOD &&
	    (e->type == CONTENT_PROJECT || e->type == CONTENT_DISEASE ||
	    e->type == CONTENT_KPI)) {
		char id[16];
		snprintf(id, sizeof id, "period:%d", e->period);
		load_link_to(st, e, CONTENT_REL_PERIOD, id, e->line);
	}

	e->children = arena_calloc(a, load_count(n, "section"), sizeof *e->children);
	for (k = n->children; k != NULL; k = k->next) {
		if (load_is(k, "section"))
			e->children[nc++] = load_entity(st, f, k, e);
	}
	e->nchildren = nc;
	return e;
}

/* ---- sources ---- */

static void
load_source(struct load_state *st, struct load_file *f, xmlNodePtr n,
    const char *dir, struct content_source *src)
{
	xmlNodePtr k;
	size_t i, nl;
	char *path, *why;

	src->name = load_attr(st, n, "name");
	src->file = load_attr(st, n, "file");
	src->seed = load_attr(st, n, "seed");
	for (k = n->children; k != NULL; k = k->next) {
		if (load_is(k, "title"))
			src->title = load_child_text(st, k);
		else if (load_is(k, "title-en"))
			src->title_en = load_child_text(st, k);
		else if (load_is(k, "publisher"))
			src->publisher = load_child_text(st, k);
		else if (load_is(k, "date"))
			src->date = load_child_text(st, k);
		else if (load_is(k, "license"))
			src->license = load_child_text(st, k);
	}
	path = xasprintf("%s/%s", dir, src->file);
	src->path = arena_strdup(st->c->arena, path);
	free(path);
	src->text = util_read_file(src->path, CONTENT_MAX_FILE, &src->len,
	    &why);
	if (src->text == NULL) {
		load_diag(st, f->path, (int)xmlGetLineNo(n),
		    "cannot read source '%s' (%s): %s", src->name, src->path,
		    why);
		free(why);
		src->text = xstrdup("");
		src->len = 0;
	}
	/* A last line without a newline still counts as a line. */
	nl = 0;
	for (i = 0; i < src->len; i++) {
		if (src->text[i] == '\n')
			nl++;
	}
	if (src->len > 0 && src->text[src->len - 1] != '\n')
		nl++;
	src->nlines = nl;
	src->line_off = arena_calloc(st->c->arena, nl + 1, sizeof(size_t));
	nl = 0;
	src->line_off[0] = 0;
	for (i = 0; i < src->len; i++) {
		if (src->text[i] == '\n')
			src->line_off[++nl] = i + 1;
	}
	if (nl < src->nlines)
		src->line_off[src->nlines] = src->len;
}

/* ---- checks ---- */

/* Normalised form of text for the title rule: NFKC and friends, no white
 * space, no HTML tags. */
static char *
load_norm_check(const char *s, size_t len)
{
	struct buf b;
	size_t i;
	char *n;

	buf_init(&b);
	for (i = 0; i < len; i++) {
		if (s[i] == '<') {
			size_t j = i + 1;
			/* Only tag-like runs: <ul ...>, </p>, <br> */
			if (j < len && (s[j] == '/' || (s[j] >= 'a' && s[j] <= 'z'))) {
				while (j < len && s[j] != '>' && s[j] != '\n')
					j++;
				if (j < len && s[j] == '>') {
					i = j;
					continue;
				}
			}
		}
		buf_addc(&b, s[i]);
	}
	n = text_normalize_str(b.data != NULL ? b.data : "", b.len,
	    TEXT_NORM_NOSPACE);
	buf_free(&b);
	return n;
}

static void
load_check_title(struct load_state *st, struct content_entity *e)
{
	struct buf hay;
	size_t i, len;
	const char *p;
	char *h, *t;
	bool found = false;

	if (e->title == NULL || e->nprov == 0)
		return;
	buf_init(&hay);
	for (i = 0; i < e->nprov; i++) {
		if (e->prov[i].source == NULL) {
			/* Unknown source: already reported. */
			buf_free(&hay);
			return;
		}
		p = content_source_lines(e->prov[i].source, e->prov[i].first,
		    e->prov[i].last, &len);
		buf_add(&hay, p, len);
	}
	h = load_norm_check(hay.data != NULL ? hay.data : "", hay.len);
	buf_free(&hay);
	for (i = 0; i <= e->naliases && !found; i++) {
		const char *cand = i == 0 ? e->title : e->aliases[i - 1];
		t = load_norm_check(cand, strlen(cand));
		found = t[0] != '\0' && strstr(h, t) != NULL;
		free(t);
	}
	free(h);
	if (!found)
		load_diag(st, e->file, e->line,
		    "%s: neither the title \"%s\" nor an alias occurs in its "
		    "source lines", e->id, e->title);
}

/* The title rule for every entity, except those of files whose bytes
 * passed it before against the same sources (the verified cache). */
static void
load_check_titles(struct load_state *st)
{
	struct content *c = st->c;
	struct load_file *f = NULL;
	uint64_t srch = 0x7a1e5;
	size_t i, k = 0, n;

	if (st->cache != NULL) {
		for (i = 0; i < c->nsources; i++) {
			const struct content_source *src = &c->sources[i];
			if (src->name != NULL)
				srch = content_hash(srch, src->name,
				    strlen(src->name) + 1);
			if (src->text != NULL)
				srch = content_hash(srch, src->text, src->len);
		}
		for (i = 0; i < st->nfiles; i++) {
			f = &st->files[i];
			if (f->data == NULL)
				continue;
			f->titles_key = content_hash(srch, f->data, f->len);
			f->titles_known = load_cache_has(st->cache,
			    f->titles_key);
		}
	}
	/* Entities come file by file, in the files' order. */
	for (i = 0; i < c->nentities; i++) {
		const struct content_entity *e = c->entities[i];
		while (k < st->nfiles && st->files[k].path != e->file)
			k++;
		if (k == st->nfiles) {
			k = 0;
			load_check_title(st, c->entities[i]);
			continue;
		}
		f = &st->files[k];
		if (f->titles_known)
			continue;
		n = st->d->n;
		load_check_title(st, c->entities[i]);
		f->title_diags += (int)(st->d->n - n);
	}
}

static int
load_cmp_entity_id(const void *a, const void *b)
{
	const struct content_entity *const *x = a, *const *y = b;

	return strcmp((*x)->id, (*y)->id);
}

static int
load_cmp_ref_id(const void *key, const void *elem)
{
	const struct content_entity *const *e = elem;

	return strcmp(key, (*e)->id);
}

static void
load_index(struct load_state *st)
{
	struct content *c = st->c;
	struct content_entity *prev = NULL;
	size_t i;

	c->nentities = st->nents;
	c->entities = arena_calloc(c->arena, st->nents, sizeof *c->entities);
	c->by_id = arena_calloc(c->arena, st->nents, sizeof *c->by_id);
	/* No entities at all (a file of sources only) leaves ents NULL. */
	if (st->nents > 0) {
		memcpy(c->entities, st->ents, st->nents * sizeof *c->entities);
		memcpy(c->by_id, st->ents, st->nents * sizeof *c->by_id);
	}
	/* A stable order: entries with equal ids keep document order, so the
	 * first definition is the one that stays. */
	for (i = 0; i < st->nents; i++)
		c->by_id[i]->index = i;
	qsort(c->by_id, st->nents, sizeof *c->by_id, load_cmp_entity_id);
	for (i = 0; i < st->nents; i++) {
		struct content_entity *e = c->by_id[i];
		if (prev != NULL && strcmp(prev->id, e->id) == 0) {
			const struct content_entity *first =
			    prev->index < e->index ? prev : e;
			const struct content_entity *dup =
			    prev->index < e->index ? e : prev;
			load_diag(st, dup->file, dup->line,
			    "duplicate id '%s' (first defined at %s:%d)",
			    dup->id, first->file, first->line);
		}
		prev = e;
	}
	content_index_types(c);
}

static void
load_resolve(struct load_state *st)
{
	struct content *c = st->c;
	struct content_entity **found;
	size_t i;

	for (i = 0; i < st->nrefs; i++) {
		struct load_ref *r = &st->refs[i];
		found = bsearch(r->id, c->by_id, c->nentities, sizeof *c->by_id,
		    load_cmp_ref_id);
		if (found == NULL) {
			load_diag(st, r->file, r->line,
			    "reference to unknown id '%s'", r->id);
			continue;
		}
		if (r->slot != NULL)
			*r->slot = *found;
		if (r->link != NULL)
			r->link->to = *found;
	}
}

/* Outgoing and incoming link arrays, deduplicated: one "mentions" or
 * "ministry" link per pair of entities is enough. */
static void
load_link_arrays(struct load_state *st)
{
	struct content *c = st->c;
	size_t *nout, *nin, i, j;
	struct content_link *l;
	bool dup;

	nout = xcalloc(c->nentities, sizeof *nout);
	nin = xcalloc(c->nentities, sizeof *nin);
	for (i = 0; i < st->nlinks; i++) {
		l = st->links[i];
		if (l->rel == CONTENT_REL_MENTIONS || l->rel == CONTENT_REL_MINISTRY) {
			if (l->to == NULL || l->to == l->from) {
				st->links[i] = NULL;
				continue;
			}
		} else if (l->to == NULL && l->rel != CONTENT_REL_LINEAGE) {
			st->links[i] = NULL;	/* unresolved, reported */
			continue;
		}
		nout[l->from->index]++;
		if (l->to != NULL)
			nin[l->to->index]++;
	}
	for (i = 0; i < c->nentities; i++) {
		c->entities[i]->links = arena_calloc(c->arena, nout[i],
		    sizeof(struct content_link *));
		c->entities[i]->backlinks = arena_calloc(c->arena, nin[i],
		    sizeof(struct content_link *));
	}
	for (i = 0; i < st->nlinks; i++) {
		struct content_entity *from;
		if ((l = st->links[i]) == NULL)
			continue;
		from = l->from;
		dup = false;
		if (l->rel == CONTENT_REL_MENTIONS || l->rel == CONTENT_REL_MINISTRY) {
			for (j = 0; j < from->nlinks && !dup; j++)
				dup = from->links[j]->rel == l->rel &&
				    from->links[j]->to == l->to;
		}
		if (dup)
			continue;
		from->links[from->nlinks++] = l;
		if (l->to != NULL)
			l->to->backlinks[l->to->nbacklinks++] = l;
	}
	free(nout);
	free(nin);
}

/* ---- cycles and time ---- */

/* Report the cycle that the link `back` closes: path[0..n) are the links
 * followed from its target to its source. */
static void
load_report_cycle(struct load_state *st, struct content_link **path, size_t n,
    struct content_link *back)
{
	const char *rel = content_rel_name(back->rel);
	struct buf b;
	size_t i;

	if (back->to == back->from) {
		load_diag(st, back->from->file, back->line,
		    "%s is %s itself: a cycle", back->from->id, rel);
		return;
	}
	buf_init(&b);
	/* Every link of the cycle with the file and line it is written at:
	 * both ends of a two-link cycle, all of a longer one (the first
	 * few). */
	for (i = 0; i < n && i < 8; i++)
		buf_printf(&b, "%s %s %s (%s:%d), ", path[i]->from->id, rel,
		    path[i]->to->id, path[i]->from->file, path[i]->line);
	if (n > 8)
		buf_printf(&b, "... %zu more, ", n - 8);
	load_diag(st, back->from->file, back->line,
	    "'%s' links form a cycle: %s%s %s %s (%s:%d)", rel,
	    b.data != NULL ? b.data : "", back->from->id, rel, back->to->id,
	    back->from->file, back->line);
	buf_free(&b);
}

/* Links of one relation must not lead back to where they started (a
 * program that follows its own successor, a part of itself).  Depth-first
 * with an explicit stack: content is not trusted, and a chain of a
 * hundred thousand links must not overflow the C stack. */
static void
load_check_cycle_rel(struct load_state *st, enum content_rel rel)
{
	struct content *c = st->c;
	struct content_entity *e, *to;
	struct content_link **path, *l;
	unsigned char *colour;		/* 0 unseen, 1 on the path, 2 done */
	size_t *next, *stack, depth, i, k;

	colour = xcalloc(c->nentities, 1);
	next = xcalloc(c->nentities, sizeof *next);
	stack = xcalloc(c->nentities, sizeof *stack);
	path = xcalloc(c->nentities, sizeof *path);
	for (i = 0; i < c->nentities; i++) {
		if (colour[i] != 0)
			continue;
		depth = 0;
		stack[depth++] = i;
		colour[i] = 1;
		while (depth > 0) {
			e = c->entities[stack[depth - 1]];
			l = NULL;
			while (next[e->index] < e->nlinks) {
				l = e->links[next[e->index]++];
				if (l->rel == rel && l->to != NULL)
					break;
				l = NULL;
			}
			if (l == NULL) {
				colour[e->index] = 2;
				depth--;
				continue;
			}
			to = l->to;
			if (colour[to->index] == 1) {
				/* path[k] leads from stack[k] onwards:
				 * the cycle is `to` ... e, then l. */
				for (k = 0; stack[k] != to->index; k++)
					;
				load_report_cycle(st, path + k,
				    depth - 1 - k, l);
				continue;
			}
			if (colour[to->index] == 2)
				continue;
			path[depth - 1] = l;
			stack[depth++] = to->index;
			colour[to->index] = 1;
		}
	}
	free(colour);
	free(next);
	free(stack);
	free(path);
}

static void
load_check_cycles(struct load_state *st)
{
	struct content *c = st->c;
	struct content_link *l;
	size_t i, j;

	load_check_cycle_rel(st, CONTENT_REL_FOLLOWS);
	load_check_cycle_rel(st, CONTENT_REL_PART_OF);
	/* Lineage goes from a period to an earlier one; the same period or
	 * a later one is a mistake (and could close a cycle). */
	for (i = 0; i < c->nentities; i++) {
		for (j = 0; j < c->entities[i]->nlinks; j++) {
			l = c->entities[i]->links[j];
			if (l->rel != CONTENT_REL_LINEAGE || l->to == NULL ||
			    l->from->period == 0 || l->to->period == 0 ||
			    l->to->period < l->from->period)
				continue;
			load_diag(st, l->from->file, l->line,
			    "lineage runs backward in time: %s (period %d) "
			    "comes from %s (period %d, %s:%d)", l->from->id,
			    l->from->period, l->to->id, l->to->period,
			    l->to->file, l->to->line);
		}
	}
}

/* ---- driver ---- */

static int
load_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
load_add_file(char ***v, size_t *n, size_t *cap, const char *path)
{
	util_grow(v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = xstrdup(path);
}

/* Expand directories into their *.xml files, in name order. */
static void
load_expand(struct load_state *st, const char *path, char ***v, size_t *n,
    size_t *cap)
{
	struct stat sb;
	DIR *dp;
	struct dirent *de;
	char **names = NULL;
	size_t nn = 0, nc = 0, i, l;
	char *p;

	if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		load_add_file(v, n, cap, path);
		return;
	}
	if ((dp = opendir(path)) == NULL) {
		load_diag(st, path, 0, "cannot open directory: %s",
		    strerror(errno));
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		l = strlen(de->d_name);
		if (l > 4 && strcmp(de->d_name + l - 4, ".xml") == 0 &&
		    de->d_name[0] != '.')
			load_add_file(&names, &nn, &nc, de->d_name);
	}
	closedir(dp);
	/* --content pointing at the wrong directory must not look like
	 * content with nothing in it. */
	if (nn == 0)
		load_diag(st, path, 0, "no content files (*.xml) in this "
		    "directory");
	if (nn > 1)
		qsort(names, nn, sizeof *names, load_cmp_str);
	for (i = 0; i < nn; i++) {
		p = xasprintf("%s/%s", path, names[i]);
		load_add_file(v, n, cap, p);
		free(p);
		free(names[i]);
	}
	free(names);
}

static int
load_cmp_file(const void *a, const void *b)
{
	const struct load_file *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->path, y->path);
}

static char *
load_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	return xstrndup(path, (size_t)(slash - path));
}

static int
load_cmp_input(const void *a, const void *b)
{
	const struct content_snap_input *x = a, *y = b;

	return strcmp(x->name, y->name);
}

/* Snapshot what a load of the directory dir that passed everything built
 * (see content-snap.h), keyed by the very bytes it was built from. */
static void
load_snap_save(struct load_state *st, const char *dir)
{
	struct content_snap_input *in;
	const char *slash;
	size_t i;

	in = xcalloc(st->nfiles + 1, sizeof *in);
	for (i = 0; i < st->nfiles; i++) {
		slash = strrchr(st->files[i].path, '/');
		in[i].name = slash != NULL ? slash + 1 : st->files[i].path;
		in[i].data = st->files[i].data;
		in[i].len = st->files[i].len;
	}
	qsort(in, st->nfiles, sizeof *in, load_cmp_input);
	st->c->key = content_snap_save(st->c, dir, in, st->nfiles,
	    st->schema_path, st->schema_data, st->schema_len, st->since);
	free(in);
}

static struct content *
load_run(const char *const *paths, size_t npaths, const char *fallback,
    const char *schema_path, struct content_diags *d)
{
	struct load_state st;
	struct content *c;
	struct arena *a;
	char **files = NULL, *schema = NULL, *srcdir = NULL, *p;
	size_t nfiles = 0, cap = 0, i, nsrc = 0;
	xmlNodePtr root, n;
	bool have_sources = false;
	size_t before = d->n;
	struct stat sb;

	memset(&st, 0, sizeof st);
	st.since = content_snap_clock();
	st.d = d;
	a = arena_create();
	c = arena_alloc(a, sizeof *c);
	c->arena = a;
	st.c = c;

	for (i = 0; i < npaths; i++)
		load_expand(&st, paths[i], &files, &nfiles, &cap);
	/* The schema and sources: next to the files when they are there,
	 * else the fallback (bundled) content. */
	for (i = 0; i < npaths && schema == NULL; i++) {
		if (stat(paths[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
			p = xasprintf("%s/hms.rng", paths[i]);
			if (access(p, R_OK) == 0)
				schema = p;
			else
				free(p);
		}
	}
	if (schema_path != NULL) {
		free(schema);
		schema = xstrdup(schema_path);
	}
	if (schema == NULL && fallback != NULL)
		schema = xasprintf("%s/hms.rng", fallback);
	c->dir = arena_strdup(a, npaths > 0 ? paths[0] : ".");

	xmlSetExternalEntityLoader(load_no_entities);
	xmlSetStructuredErrorFunc(&st, load_xml_error);
	st.cache = load_cache_open();
	if (schema != NULL)
		load_schema_read(&st, schema);

	st.files = xcalloc(nfiles + 1, sizeof *st.files);
	for (i = 0; i < nfiles; i++) {
		/* Paths live in the arena: entities keep pointing at them. */
		st.files[i].path = arena_strdup(a, files[i]);
		free(files[i]);
		load_read(&st, &st.files[i]);
		load_validate(&st, &st.files[i]);
		if (st.files[i].valid) {
			root = xmlDocGetRootElement(st.files[i].doc);
			st.files[i].order = load_attr_int(root, "order", 50);
			for (n = root->children; n != NULL; n = n->next) {
				if (load_is(n, "source"))
					nsrc++;
			}
		}
	}
	st.nfiles = nfiles;
	free(files);
	if (nsrc == 0 && fallback != NULL) {
		/* Fixtures and single files use the bundled sources. */
		p = xasprintf("%s/sources.xml", fallback);
		st.files = xreallocarray(st.files, nfiles + 1, sizeof *st.files);
		memset(&st.files[nfiles], 0, sizeof *st.files);
		st.files[nfiles].path = arena_strdup(a, p);
		free(p);
		load_read(&st, &st.files[nfiles]);
		load_validate(&st, &st.files[nfiles]);
		st.files[nfiles].order = -1;
		st.nfiles = ++nfiles;
	}
	qsort(st.files, st.nfiles, sizeof *st.files, load_cmp_file);

	/* Sources first, so provenance can be checked. */
	c->sources = arena_calloc(a, nsrc + 5, sizeof *c->sources);
	for (i = 0; i < st.nfiles; i++) {
		if (!st.files[i].valid)
			continue;
		srcdir = load_dirname(st.files[i].path);
		root = xmlDocGetRootElement(st.files[i].doc);
		for (n = root->children; n != NULL; n = n->next) {
			if (!load_is(n, "source"))
				continue;
			load_source(&st, &st.files[i], n, srcdir,
			    &c->sources[c->nsources++]);
			have_sources = true;
		}
		free(srcdir);
	}
	(void)have_sources;

	for (i = 0; i < st.nfiles; i++) {
		if (!st.files[i].valid)
			continue;
		root = xmlDocGetRootElement(st.files[i].doc);
		for (n = root->children; n != NULL; n = n->next) {
			if (n->type == XML_ELEMENT_NODE && load_type_of(n) >= 0)
				load_entity(&st, &st.files[i], n, NULL);
		}
	}
	load_index(&st);
	load_resolve(&st);
	load_check_titles(&st);
	load_link_arrays(&st);
	load_check_cycles(&st);
	if (st.cache != NULL && d->n == before) {
		/* Everything passed: remember it for the next start. */
		for (i = 0; i < st.nfiles; i++) {
			load_cache_add(st.cache, st.files[i].schema_key);
			load_cache_add(st.cache, st.files[i].titles_key);
		}
		if (npaths == 1 && fallback == NULL &&
		    stat(paths[0], &sb) == 0 && S_ISDIR(sb.st_mode))
			load_snap_save(&st, paths[0]);
	}
	load_cache_close(st.cache);

	for (i = 0; i < st.nrefs; i++)
		free(st.refs[i].id);
	free(st.refs);
	free(st.links);
	free(st.ents);
	for (i = 0; i < st.nfiles; i++) {
		if (st.files[i].doc != NULL)
			xmlFreeDoc(st.files[i].doc);
		free(st.files[i].data);
	}
	free(st.files);
	if (st.schema != NULL)
		xmlRelaxNGFree(st.schema);
	free(st.schema_data);
	free(schema);
	xmlSetStructuredErrorFunc(NULL, NULL);

	if (d->n > before) {
		content_free(c);
		return NULL;
	}
	return c;
}

struct content *
content_load(const char *dir, const char *schema, struct content_diags *d)
{
	const char *paths[1] = { dir };
	struct content *c;

	/* A directory that loaded cleanly before, byte for byte the same,
	 * need not be parsed again. */
	bool waited;
	int lock;

	if (!load_trust)
		return load_run(paths, 1, NULL, schema, d);
	if ((c = content_snap_load(dir, schema)) != NULL)
		return c;
	/* One process builds the snapshot; others started with it wait,
	 * then map what it wrote (content-snap.h). */
	lock = content_snap_lock(dir, &waited);
	if (waited && (c = content_snap_load(dir, schema)) != NULL) {
		content_cache_unlock(lock);
		return c;
	}
	c = load_run(paths, 1, NULL, schema, d);
	content_cache_unlock(lock);
#ifdef __GLIBC__
	/* The parse's heap (at 100x some 700 MB of libxml2 trees, freed)
	 * would otherwise stay private to this process for its lifetime. */
	malloc_trim(0);
#endif
	return c;
}

struct content *
content_load_files(const char *const *files, size_t nfiles, const char *srcdir,
    const char *schema, struct content_diags *d)
{
	return load_run(files, nfiles, srcdir, schema, d);
}
