/* Strings kept outside the heap, by group, and given back to the system
 * a group at a time. An Inbox page of 1000 listed messages is about
 * 0.5 MB of strings, freed window by window as the windows are settled:
 * from malloc they stayed as holes in the PHP thread's heap for the rest
 * of the run (the benchmark's import peaked 0.5 MB higher), since what
 * the run allocates later is not shaped like them. Here each group's
 * strings live in pages mapped for it, unmapped when it is released.
 * One thread at a time. */
#ifndef SQZ_TEXT_STORE_H
#define SQZ_TEXT_STORE_H

#include <stddef.h>

/* A mapped chunk; its strings follow this header. */
typedef struct sqz_text_chunk sqz_text_chunk;
struct sqz_text_chunk {
	sqz_text_chunk *next;
	size_t group;
	size_t size;    /* mapped, this header included */
	size_t used;    /* this header included */
};

typedef struct sqz_text_store {
	size_t group_size;         /* items per group: group = item index / group_size (0: one group) */
	sqz_text_chunk *chunks;    /* newest first; each holds one group's strings */
} sqz_text_store;

#define SQZ_TEXT_STORE_INIT(group_size) { (group_size), NULL }

/* A copy of text[0..len) and a NUL for item `index`, alive until its group
 * is released; NULL when no pages could be mapped (the caller keeps its
 * own copy then). */
char *sqz_text_store_dup(sqz_text_store *s, size_t index, const char *text, size_t len);

/* Unmaps the groups of the items before `end` (a multiple of group_size,
 * or the end of the items: a group `end` falls inside goes whole): their
 * strings are gone. */
void sqz_text_store_release(sqz_text_store *s, size_t end);

/* Unmaps every group. */
void sqz_text_store_clear(sqz_text_store *s);

#endif
