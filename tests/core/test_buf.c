/* buf.c: appending (bytes, formats, percent-encoding), handing the bytes
 * over (sqz_buf_steal, and sqz_buf_steal_fit, which gives back the slack
 * a buffer grew to: a window's request paths were kept at their doubled
 * capacity). */
#include <malloc.h>
#include <string.h>

#include "check.h"
#include "core/alloc.h"
#include "core/buf.h"

static void test_append(void)
{
	sqz_buf b = SQZ_BUF_INIT;
	CHECK_INT(sqz_buf_appends(&b, "/users/"), 0);
	CHECK_INT(sqz_buf_append_urlencoded(&b, "a b/c~d", 7), 0);
	CHECK_INT(sqz_buf_appendf(&b, "?$top=%d", 1000), 0);
	CHECK_STR(b.data, "/users/a%20b%2Fc~d?$top=1000");
	CHECK_INT((long)b.len, (long)strlen("/users/a%20b%2Fc~d?$top=1000"));
	sqz_buf_reset(&b);
	CHECK_STR(b.data, "");
	CHECK_INT((long)b.len, 0);
	sqz_buf_free(&b);
	CHECK(b.data == NULL && b.cap == 0);
}

static void test_steal(void)
{
	sqz_buf b = SQZ_BUF_INIT;
	size_t len = 99;
	char *empty = sqz_buf_steal(&b, &len);
	CHECK_STR(empty, "");    /* nothing appended: "", not NULL */
	CHECK_INT((long)len, 0);
	sqz_free(empty);

	CHECK_INT(sqz_buf_appends(&b, "abc"), 0);
	char *s = sqz_buf_steal(&b, &len);
	CHECK_STR(s, "abc");
	CHECK_INT((long)len, 3);
	CHECK(b.data == NULL && b.len == 0 && b.cap == 0);
	sqz_free(s);
}

static void test_steal_fit(void)
{
	sqz_buf b = SQZ_BUF_INIT;
	CHECK_INT(sqz_buf_appends(&b, "/me/messages/"), 0);
	CHECK_INT(sqz_buf_reserve(&b, 4000), 0);    /* what a percent-encoded id reserves, and more */
	CHECK(b.cap > 4000);
	CHECK_INT(sqz_buf_appends(&b, "AAMk"), 0);
	char *fit = sqz_buf_steal_fit(&b);
	CHECK_STR(fit, "/me/messages/AAMk");
	CHECK(b.data == NULL && b.len == 0 && b.cap == 0);
	/* The slack is given back: glibc's usable size is the string's, rounded to its chunk. */
	CHECK(malloc_usable_size(fit) < 64);
	sqz_free(fit);

	char *empty = sqz_buf_steal_fit(&b);
	CHECK_STR(empty, "");
	sqz_free(empty);
}

int main(void)
{
	RUN(test_append);
	RUN(test_steal);
	RUN(test_steal_fit);
	return check_summary();
}
