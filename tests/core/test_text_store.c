/* text_store.c: strings by group in mapped chunks; a release unmaps the
 * groups before it and leaves the others readable; a string larger than a
 * chunk gets a chunk of its own; strings of one group never share a chunk
 * with another's (a group comes back after a later one: a new chunk). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/text_store.h"

static size_t chunk_count(const sqz_text_store *s)
{
	size_t n = 0;
	for (const sqz_text_chunk *c = s->chunks; c; c = c->next) {
		n++;
	}
	return n;
}

static void test_groups(void)
{
	sqz_text_store s = SQZ_TEXT_STORE_INIT(100);
	char *kept[300];
	char text[32];
	for (size_t i = 0; i < 300; i++) {
		int len = snprintf(text, sizeof text, "message %zu", i);
		kept[i] = sqz_text_store_dup(&s, i, text, (size_t)len);
		CHECK(kept[i] != NULL);
	}
	CHECK_INT((long)chunk_count(&s), 3);
	CHECK_STR(kept[0], "message 0");
	CHECK_STR(kept[299], "message 299");
	/* copies, NUL-terminated, of exactly len bytes */
	char *part = sqz_text_store_dup(&s, 299, "abcdef", 3);
	CHECK_STR(part, "abc");
	sqz_text_store_release(&s, 100);
	CHECK_INT((long)chunk_count(&s), 2);
	CHECK_STR(kept[100], "message 100");
	CHECK_STR(kept[199], "message 199");
	/* a group taken again after a later one: its own chunk, released with it */
	char *again = sqz_text_store_dup(&s, 150, "again", 5);
	CHECK_STR(again, "again");
	CHECK_INT((long)chunk_count(&s), 3);
	CHECK_STR(kept[250], "message 250");
	sqz_text_store_release(&s, 200);
	CHECK_INT((long)chunk_count(&s), 1);
	CHECK_STR(kept[200], "message 200");
	CHECK_STR(part, "abc");
	sqz_text_store_release(&s, 300);
	CHECK_INT((long)chunk_count(&s), 0);
	sqz_text_store_clear(&s);

	/* the end of the items, not a multiple of the group: the last group goes whole */
	sqz_text_store five = SQZ_TEXT_STORE_INIT(2);
	for (size_t i = 0; i < 5; i++) {
		CHECK(sqz_text_store_dup(&five, i, "x", 1) != NULL);
	}
	CHECK_INT((long)chunk_count(&five), 3);
	sqz_text_store_release(&five, 4);
	CHECK_INT((long)chunk_count(&five), 1);
	CHECK_INT((long)five.chunks->group, 2);
	sqz_text_store_release(&five, 5);
	CHECK_INT((long)chunk_count(&five), 0);
}

static void test_large(void)
{
	sqz_text_store s = SQZ_TEXT_STORE_INIT(10);
	size_t len = 200 * 1024;
	char *big = malloc(len);
	memset(big, 'x', len);
	char *small = sqz_text_store_dup(&s, 0, "small", 5);
	char *copy = sqz_text_store_dup(&s, 1, big, len);
	CHECK(copy != NULL);
	CHECK(copy && memcmp(copy, big, len) == 0 && copy[len] == '\0');
	char *after = sqz_text_store_dup(&s, 2, "after", 5);
	CHECK_STR(small, "small");
	CHECK_STR(after, "after");
	CHECK_INT((long)chunk_count(&s), 2);    /* small's, and the big one's own, whose last page took "after" */
	free(big);
	sqz_text_store_clear(&s);
	CHECK(s.chunks == NULL);
	sqz_text_store_clear(&s);    /* twice: nothing */
}

int main(void)
{
	RUN(test_groups);
	RUN(test_large);
	return check_summary();
}
