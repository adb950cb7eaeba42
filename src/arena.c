/* arena.c — bump allocation in chunks. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "util.h"

#define ARENA_CHUNK (64 * 1024)
#define ARENA_ALIGN (sizeof(max_align_t))

struct arena_chunk {
	struct arena_chunk	*next;
	size_t			 size;	/* usable bytes after the header */
	size_t			 used;
	max_align_t		 data[];
};

struct arena {
	struct arena_chunk	*head;
	size_t			 total;
};

struct arena *
arena_create(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void
arena_free(struct arena *a)
{
	struct arena_chunk *c, *next;

	if (a == NULL)
		return;
	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

void *
arena_alloc(struct arena *a, size_t size)
{
	struct arena_chunk *c = a->head;
	size_t rounded, csize;
	void *p;

	if (size > SIZE_MAX - ARENA_ALIGN)
		fatal("arena allocation overflow");
	rounded = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (rounded == 0)
		rounded = ARENA_ALIGN;
	if (c == NULL || c->size - c->used < rounded) {
		csize = rounded > ARENA_CHUNK ? rounded : ARENA_CHUNK;
		c = xmalloc(sizeof *c + csize);
		c->size = csize;
		c->used = 0;
		/* Big allocations get a chunk of their own behind the head so
		 * the current chunk keeps serving small ones. */
		if (a->head != NULL && rounded > ARENA_CHUNK / 4) {
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	p = (char *)c->data + c->used;
	c->used += rounded;
	a->total += rounded;
	memset(p, 0, rounded);
	return p;
}

void *
arena_calloc(struct arena *a, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		fatal("arena allocation overflow");
	return arena_alloc(a, n * size);
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

size_t
arena_used(const struct arena *a)
{
	return a->total;
}
