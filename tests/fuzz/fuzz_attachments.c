/* Attachment listings (sqz_mailbox_attachments: paging, kinds, names of any
 * bytes) and the streamed downloads behind them (sqz_mailbox_save_attachment
 * and sqz_mailbox_save_mime into a memory sink), from a scripted
 * conversation. A download's bytes must reach the sink exactly. */
#include "fuzz_support.h"
#include "core/mailbox.h"
#include "core/sink.h"

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

static void download(sqz_mailbox *mb, const char *attachment_id)
{
	sqz_buf_sink bs;
	sqz_buf_sink_init(&bs);
	int64_t bytes = -1;
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = attachment_id ? sqz_mailbox_save_attachment(mb, "AAMkAD/+=", attachment_id, &bs.sink, &bytes, &err)
				      : sqz_mailbox_save_mime(mb, "AAMkAD/+=", &bs.sink, &bytes, &err);
	if (st == SQZ_OK) {
		FZ_ASSERT(bytes >= 0 && (size_t)bytes == bs.buf.len);
	} else {
		fz_check_error(&err);
		sqz_error_clear(&err);
	}
	sqz_buf_free(&bs.buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	sqz_graph g;
	sqz_mailbox mb;
	sqz_error err = SQZ_ERROR_INIT;
	FZ_ASSERT(sqz_graph_init(&g, sqz_http_new(NULL), ENDPOINT, &err) == SQZ_OK);
	g.token = fake_token;
	g.retry.max_retries = 2;
	FZ_ASSERT(sqz_mailbox_init(&mb, &g, NULL, &err) == SQZ_OK);
	fz_http_token_origin(ORIGIN);
	fz_http_script(data, len);

	sqz_attachment *list = NULL;
	size_t count = 0;
	if (sqz_mailbox_attachments(&mb, "AAMkAD/+=", &list, &count, &err) == SQZ_OK) {
		for (size_t i = 0; i < count; i++) {
			FZ_ASSERT(list[i].id && list[i].name);
			FZ_ASSERT(list[i].kind == SQZ_ATTACHMENT_FILE || list[i].kind == SQZ_ATTACHMENT_ITEM
				|| list[i].kind == SQZ_ATTACHMENT_REFERENCE);
		}
		if (count > 0) {
			download(&mb, list[0].id);
		}
		for (size_t i = 0; i < count; i++) {
			sqz_attachment_clear(&list[i]);
		}
		sqz_free(list);
	} else {
		fz_check_error(&err);
		sqz_error_clear(&err);
		FZ_ASSERT(list == NULL && count == 0);
	}
	download(&mb, NULL);
	fz_http_reset();
	sqz_mailbox_clear(&mb);
	sqz_graph_clear(&g);
	return 0;
}
