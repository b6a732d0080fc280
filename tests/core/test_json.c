/* json.c: strict parsing of untrusted bodies, lenient numbers. */
#include <stdlib.h>

#include "check.h"
#include "core/alloc.h"
#include "core/json.h"

static json_object *parse(const char *s, sqz_error *err)
{
	return sqz_json_parse(s, strlen(s), "the test body", SQZ_E_GRAPH, err);
}

static void test_numbers(void)
{
	sqz_error err = SQZ_ERROR_INIT;
	json_object *o = parse("{\"a\":3599,\"b\":\"3599\",\"c\":3599.0,\"d\":\"35x\",\"e\":\"-5\",\"f\":1.5,\"g\":\"\",\"h\":true}", &err);
	CHECK(o != NULL);
	int64_t v = 0;
	CHECK_INT(sqz_json_int64(o, "a", &v), 0); CHECK_INT(v, 3599);
	CHECK_INT(sqz_json_int64(o, "b", &v), 0); CHECK_INT(v, 3599);
	CHECK_INT(sqz_json_int64(o, "c", &v), 0); CHECK_INT(v, 3599);
	CHECK_INT(sqz_json_int64(o, "d", &v), -1);
	CHECK_INT(sqz_json_int64(o, "e", &v), 0); CHECK_INT(v, -5);
	CHECK_INT(sqz_json_int64(o, "f", &v), -1);
	CHECK_INT(sqz_json_int64(o, "g", &v), -1);
	CHECK_INT(sqz_json_int64(o, "h", &v), -1);
	CHECK_INT(sqz_json_int64(o, "missing", &v), -1);
	int b = 0;
	CHECK_INT(sqz_json_bool(o, "h", &b), 0); CHECK_INT(b, 1);
	CHECK(sqz_json_string(o, "b") != NULL);
	CHECK(sqz_json_string(o, "a") == NULL);
	json_object_put(o);
}

static void test_malformed(void)
{
	sqz_error err = SQZ_ERROR_INIT;
	CHECK(parse("{\"a\":1", &err) == NULL);
	CHECK_INT(err.status, SQZ_E_GRAPH);
	CHECK(strstr(err.message, "truncated") != NULL);
	CHECK(parse("{\"a\":1} {}", &err) == NULL);
	CHECK(strstr(err.message, "is not valid JSON") != NULL);
	CHECK(parse("", &err) == NULL);
	CHECK(strstr(err.message, "empty") != NULL);
	CHECK(parse("<html><body>502 Bad Gateway</body></html>", &err) == NULL);
	sqz_error_clear(&err);
	json_object *ok = parse("{\"a\":1}\r\n", &err);
	CHECK(ok != NULL);
	json_object_put(ok);

	/* Deep nesting stops at the depth limit instead of exhausting the stack. */
	size_t depth = 100000;
	char *deep = malloc(2 * depth + 1);
	memset(deep, '[', depth);
	memset(deep + depth, ']', depth);
	deep[2 * depth] = '\0';
	CHECK(parse(deep, &err) == NULL);
	CHECK_INT(err.status, SQZ_E_GRAPH);
	free(deep);
	sqz_error_clear(&err);
}

/* An id "AAMk\u0000x" must not become "AAMk" (another message's id);
 * display text keeps json-c's C-string view. */
static void test_ids(void)
{
	sqz_error err = SQZ_ERROR_INIT;
	json_object *o = parse("{\"id\":\"AAMk\\u0000x\",\"ok\":\"AAMk/+=\",\"empty\":\"\",\"n\":5,\"subject\":\"a\\u0000b\"}", &err);
	CHECK(o != NULL);
	CHECK(sqz_json_id(o, "id") == NULL);
	CHECK_STR(sqz_json_id(o, "ok"), "AAMk/+=");
	CHECK(sqz_json_id(o, "empty") == NULL);
	CHECK(sqz_json_id(o, "n") == NULL);
	CHECK(sqz_json_id(o, "missing") == NULL);
	CHECK_STR(sqz_json_string(o, "subject"), "a");
	json_object_put(o);
}

int main(void)
{
	RUN(test_numbers);
	RUN(test_ids);
	RUN(test_malformed);
	return check_summary();
}
