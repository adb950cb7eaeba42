/* arena.h — bump allocation for data that lives and dies together.
 *
 * Loaded content lives in one arena: every string and array of the model
 * is allocated here and released by one arena_free(), so pointers into the
 * model stay valid until the content is freed. */
#ifndef HMS_ARENA_H
#define HMS_ARENA_H

#include <stddef.h>

struct arena;

/* A new empty arena; free it with arena_free(). */
struct arena *arena_create(void);
/* Release the arena and everything allocated from it; NULL is a no-op. */
void arena_free(struct arena *a);
/* Zeroed memory of size bytes, aligned for any type; never NULL. */
void *arena_alloc(struct arena *a, size_t size);
/* Zeroed array of n elements of size bytes. */
void *arena_calloc(struct arena *a, size_t n, size_t size);
/* Copies of strings, owned by the arena. */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Bytes allocated so far (for benchmarks). */
size_t arena_used(const struct arena *a);

#endif
