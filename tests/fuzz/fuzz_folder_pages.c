/* Folder listings: scripted mailFolders / childFolders pages through
 * sqz_mailbox_folders (the tree walk, paging, the origin check on
 * @odata.nextLink) into sqz_folder_tree, then sqz_mailbox_resolve_folder
 * of the spec on the first line ("-" = only list). */
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

static void check_tree(const sqz_folder_tree *t)
{
	for (size_t i = 0; i < t->count; i++) {
		const sqz_folder *f = &t->items[i];
		FZ_ASSERT(f->id && f->name && f->path);
		FZ_ASSERT(f->depth >= 1 && f->depth <= t->count);
		FZ_ASSERT(sqz_folder_find_id(t, f->id) != NULL);
		if (i > 0) {
			FZ_ASSERT(strcmp(t->items[i - 1].path, f->path) <= 0);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	const uint8_t *rest;
	size_t rest_len;
	char *spec = fz_first_line(data, len, &rest, &rest_len);
	sqz_graph g;
	sqz_mailbox mb;
	sqz_error err = SQZ_ERROR_INIT;
	FZ_ASSERT(sqz_graph_init(&g, sqz_http_new(NULL), ENDPOINT, &err) == SQZ_OK);
	g.token = fake_token;
	g.retry.max_retries = 2;
	FZ_ASSERT(sqz_mailbox_init(&mb, &g, len % 2 ? "invoices@fabrikam.example" : NULL, &err) == SQZ_OK);
	fz_http_token_origin(ORIGIN);
	fz_http_script(rest, rest_len);

	sqz_folder_tree tree;
	sqz_status st = sqz_mailbox_folders(&mb, &tree, &err);
	if (st == SQZ_OK) {
		check_tree(&tree);
	} else {
		fz_check_error(&err);
		sqz_error_clear(&err);
		FZ_ASSERT(tree.count == 0 && tree.items == NULL);
	}
	if (strcmp(spec, "-") != 0 && strlen(spec) == strcspn(spec, "\r")) {
		sqz_folder out;
		/* With the tree fetched above, or (when that failed) fetched again
		 * from whatever the script still holds. */
		st = sqz_mailbox_resolve_folder(&mb, st == SQZ_OK ? &tree : NULL, spec, "inbox", &out, &err);
		if (st == SQZ_OK) {
			FZ_ASSERT(out.id && out.name && out.path);
			sqz_folder_copy_clear(&out);
		} else {
			fz_check_error(&err);
			FZ_ASSERT(err.candidate_count <= 5 || err.status == SQZ_E_FOLDER_AMBIGUOUS);
			sqz_error_clear(&err);
		}
	}
	sqz_folder_tree_clear(&tree);
	fz_http_reset();
	sqz_mailbox_clear(&mb);
	sqz_graph_clear(&g);
	free(spec);
	return 0;
}
