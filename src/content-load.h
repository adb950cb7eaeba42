/* content-load.h — load content/NAME.xml safely with libxml2.
 *
 * The only libxml2 user.  Files are read into memory and parsed without
 * network, entity substitution, DTD loading or XInclude; a file with a
 * DOCTYPE or an XInclude is rejected.  Each file is validated against the
 * RELAX NG schema content/hms.rng, then the model is built and checked:
 * unique ids, known references, provenance inside the source files, and
 * every title found in its source lines. */
#ifndef HMS_CONTENT_LOAD_H
#define HMS_CONTENT_LOAD_H

#include <stdbool.h>
#include <stddef.h>

struct content;

/* One problem: FILE:LINE: message. */
struct content_diag {
	char	*file;
	int	 line;		/* 0 when the problem has no line */
	char	*message;
};

struct content_diags {
	struct content_diag	*v;
	size_t			 n;
	size_t			 cap;
};

/* The most bytes all the content files of one load may have together
 * (the 100x benchmark set is 74 MiB); $HMS_CONTENT_LIMIT (MiB) overrides
 * it.  Loading takes about twelve times the XML in memory, plus some 10 MB
 * for the program itself (make bench: 12.5x at 10x content). */
#define CONTENT_MAX_TOTAL (80u * 1024 * 1024)

/* Load every *.xml file in dir (the schema is dir/hms.rng, unless schema is
 * not NULL).  All problems of all files are appended to d in one pass.
 * Returns the content when there were none, else NULL. */
struct content *content_load(const char *dir, const char *schema,
    struct content_diags *d);

/* Load the given files only (for checking single files and fixtures);
 * sources are looked up in srcdir (usually the bundled content dir). */
struct content *content_load_files(const char *const *files, size_t nfiles,
    const char *srcdir, const char *schema, struct content_diags *d);

/* Let later loads skip the slow checks (RELAX NG validation and the title
 * rule) for a file whose bytes passed them before against the same
 * schema, the same source texts and this version of hms, as recorded in
 * $XDG_CACHE_HOME/hms/verified (~/.cache/hms/verified); a load that
 * passes every check records its files there.  Cheap checks (well-formed
 * XML, no DOCTYPE or XInclude, ids, references, provenance ranges) always
 * run.  With it on, content_load() of a directory also reads the model
 * from a snapshot when nothing changed since a clean load, and writes one
 * after a clean load (content-snap.h).  Off by default; hms turns it on
 * for everything but hms check. */
void content_load_trust_verified(bool on);

void content_diags_init(struct content_diags *d);
void content_diags_free(struct content_diags *d);
void content_diags_add(struct content_diags *d, const char *file, int line,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
