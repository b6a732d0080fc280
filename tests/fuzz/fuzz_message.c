/* Message objects: sqz_message_from_json directly (input starting with '{'),
 * or a scripted conversation through sqz_mailbox_message_page (following
 * @odata.nextLink, which must stay on graph_endpoint's origin) and
 * sqz_mailbox_message. */
#include <string.h>

#include "fuzz_support.h"
#include "core/mailbox.h"

#define ENDPOINT "https://graph.microsoft.com/v1.0"
#define ORIGIN "https://graph.microsoft.com"

static sqz_status fake_token(void *ctx, int force, char **token, sqz_error *err)
{
	(void)ctx;
	(void)force;
	(void)err;
	*token = sqz_strdup("fuzz-access-token");
	return SQZ_OK;
}

/* Reads every string: one whose group was released is then a
 * use-after-free under AddressSanitizer. */
static void check_message(const sqz_message *m)
{
	FZ_ASSERT(m->id != NULL && m->subject != NULL);
	const char *fields[] = { m->id, m->internet_message_id, m->subject, m->from_address, m->from_name };
	size_t total = 0;
	for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
		total += fields[f] ? strlen(fields[f]) : 0;
	}
	FZ_ASSERT(total >= strlen(m->id));
	FZ_ASSERT(m->has_attachments == 0 || m->has_attachments == 1);
}

static void direct(const uint8_t *data, size_t len)
{
	sqz_error err = SQZ_ERROR_INIT;
	json_object *o = sqz_json_parse((const char *)data, len, "message", SQZ_E_GRAPH, &err);
	sqz_error_clear(&err);
	if (!o) {
		return;
	}
	json_object *values = sqz_json_get(o, "value");
	size_t n = values && json_object_is_type(values, json_type_array) ? json_object_array_length(values) : 0;
	for (size_t i = 0; i <= n; i++) {
		sqz_message m;
		json_object *item = i < n ? json_object_array_get_idx(values, i) : o;
		if (sqz_message_from_json(item, &m, &err) == SQZ_OK) {
			check_message(&m);
			sqz_message_clear(&m);
		} else {
			fz_check_error(&err);
			sqz_error_clear(&err);
		}
	}
	json_object_put(o);
}

static void scripted_pages(const uint8_t *data, size_t len)
{
	sqz_graph g;
	sqz_mailbox mb;
	sqz_error err = SQZ_ERROR_INIT;
	FZ_ASSERT(sqz_graph_init(&g, sqz_http_new(NULL), ENDPOINT, &err) == SQZ_OK);
	g.token = fake_token;
	g.retry.max_retries = 2;
	FZ_ASSERT(sqz_mailbox_init(&mb, &g, "o'brien+mail@contoso.com", &err) == SQZ_OK);
	fz_http_token_origin(ORIGIN);
	fz_http_script(data, len);

	sqz_message *msgs = NULL;
	size_t count = 0;
	char *next = NULL;
	sqz_text_store text = SQZ_TEXT_STORE_INIT(7);    /* as the importer keeps a page's strings, in small groups */
	for (int page = 0; page < 4; page++) {
		char *link = next;
		next = NULL;
		sqz_status st = sqz_mailbox_message_page(&mb, "AAMkAGI2TG93AAA=", link, 50, &text, &msgs, &count, &next, &err);
		sqz_free(link);
		if (st != SQZ_OK) {
			fz_check_error(&err);
			sqz_error_clear(&err);
			FZ_ASSERT(next == NULL);
			break;
		}
		if (!next) {
			break;
		}
	}
	sqz_free(next);
	/* The importer's order: a window's messages cleared, then their groups
	 * released; the later ones stay readable. */
	size_t half = count / 2 / 7 * 7;
	for (size_t i = 0; i < count; i++) {
		if (i == half) {
			sqz_text_store_release(&text, half);
		}
		check_message(&msgs[i]);
		sqz_message_clear(&msgs[i]);
	}
	sqz_text_store_clear(&text);
	sqz_free(msgs);

	sqz_message m;
	if (sqz_mailbox_message(&mb, "AAMkAGI2TG93AAA/+=", &m, &err) == SQZ_OK) {
		check_message(&m);
		sqz_message_clear(&m);
	} else {
		fz_check_error(&err);
		sqz_error_clear(&err);
	}
	fz_http_reset();
	sqz_mailbox_clear(&mb);
	sqz_graph_clear(&g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	if (len > 0 && data[0] == '{') {
		direct(data, len);
	} else {
		scripted_pages(data, len);
	}
	return 0;
}
