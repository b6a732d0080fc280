/* sqz_json_parse: the one entry for every body from Graph and the identity
 * platform. Properties: never more than one value accepted, the depth limit
 * holds, and what was accepted serialises and parses back to the same text. */
#include "fuzz_support.h"
#include "core/json.h"

static void walk(json_object *o, int depth)
{
	FZ_ASSERT(depth <= SQZ_JSON_MAX_DEPTH);
	int64_t v;
	int b;
	sqz_json_int64(o, "expires_in", &v);
	sqz_json_bool(o, "isHidden", &b);
	sqz_json_string(o, "id");
	if (json_object_is_type(o, json_type_object)) {
		json_object_object_foreach(o, key, value) {
			(void)key;
			walk(value, depth + 1);
		}
	} else if (json_object_is_type(o, json_type_array)) {
		size_t n = json_object_array_length(o);
		for (size_t i = 0; i < n; i++) {
			walk(json_object_array_get_idx(o, i), depth + 1);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	sqz_error err = SQZ_ERROR_INIT;
	json_object *o = sqz_json_parse((const char *)data, len, "the fuzz body", SQZ_E_GRAPH, &err);
	if (!o) {
		FZ_ASSERT(err.status == SQZ_E_GRAPH || err.status == SQZ_E_NOMEM);
		fz_check_error(&err);
		sqz_error_clear(&err);
		return 0;
	}
	FZ_ASSERT(err.status == SQZ_OK);
	walk(o, 1);
	if (!json_object_is_type(o, json_type_object) && !json_object_is_type(o, json_type_array)) {
		/* A bare top-level number only parses with something after it
		 * (json-c waits for more digits); no Microsoft body is one. */
		json_object_put(o);
		return 0;
	}
	char *text = sqz_json_dump(o);
	FZ_ASSERT(text != NULL);
	json_object *back = sqz_json_parse(text, strlen(text), "the dump", SQZ_E_GRAPH, &err);
	FZ_ASSERT(back != NULL);
	char *again = sqz_json_dump(back);
	FZ_ASSERT(again && strcmp(text, again) == 0);
	sqz_free(again);
	sqz_free(text);
	json_object_put(back);
	json_object_put(o);
	return 0;
}
