/* folders.c: paths, escapes, resolution, ambiguity, closest names. */
#include "check.h"
#include "core/folders.h"

static void build(sqz_folder_tree *t)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_folder_tree_init(t);
	/* Deliberately children before parents. */
	CHECK_INT(sqz_folder_tree_add(t, "id-2024", "2024", "id-inv", 3, 0, 0, 0, &err), SQZ_OK);
	CHECK_INT(sqz_folder_tree_add(t, "id-inv", "Invoices", "id-inbox", 1, 1, 1, 0, &err), SQZ_OK);
	CHECK_INT(sqz_folder_tree_add(t, "id-inbox", "Posteingang", "root", 10, 2, 2, 0, &err), SQZ_OK);
	CHECK_INT(sqz_folder_tree_add(t, "id-exp", "Exported", "id-inbox", 0, 0, 0, 0, &err), SQZ_OK);
	CHECK_INT(sqz_folder_tree_add(t, "id-exp2", "exported", "id-arch", 0, 0, 0, 0, &err), SQZ_OK);
	CHECK_INT(sqz_folder_tree_add(t, "id-arch", "Archiv", "root", 0, 0, 1, 0, &err), SQZ_OK);
	CHECK_INT(sqz_folder_tree_add(t, "id-err", "Error", "root", 0, 0, 0, 0, &err), SQZ_OK);
	CHECK_INT(sqz_folder_tree_add(t, "id-slash", "A/B", "root", 0, 0, 0, 0, &err), SQZ_OK);
	CHECK_INT(sqz_folder_tree_add(t, "id-hidden", "Error", "id-arch", 0, 0, 0, 1, &err), SQZ_OK);
	CHECK_INT(sqz_folder_tree_add(t, "id-umlaut", "Übersicht", "root", 0, 0, 0, 0, &err), SQZ_OK);
	CHECK_INT(sqz_folder_tree_finish(t, &err), SQZ_OK);
	sqz_error_clear(&err);
}

static void test_paths(void)
{
	sqz_folder_tree t;
	build(&t);
	CHECK_STR(sqz_folder_find_id(&t, "id-2024")->path, "Posteingang/Invoices/2024");
	CHECK_INT(sqz_folder_find_id(&t, "id-2024")->depth, 3);
	CHECK_STR(sqz_folder_find_id(&t, "id-slash")->path, "A\\/B");
	CHECK_STR(t.items[0].path, "A\\/B");   /* sorted by path */
	sqz_folder_tree_clear(&t);
}

static void test_resolve(void)
{
	sqz_folder_tree t;
	build(&t);
	sqz_error err = SQZ_ERROR_INIT;
	const sqz_folder *f;

	f = sqz_folder_resolve(&t, "Posteingang/Invoices/2024", "inbox", &err);
	CHECK(f && strcmp(f->id, "id-2024") == 0);
	f = sqz_folder_resolve(&t, "/posteingang/INVOICES", NULL, &err);
	CHECK(f && strcmp(f->id, "id-inv") == 0);
	f = sqz_folder_resolve(&t, "A\\/B", NULL, &err);
	CHECK(f && strcmp(f->id, "id-slash") == 0);
	f = sqz_folder_resolve(&t, "invoices", NULL, &err);
	CHECK(f && strcmp(f->id, "id-inv") == 0);
	f = sqz_folder_resolve(&t, "übersicht", NULL, &err);
	CHECK(f && strcmp(f->id, "id-umlaut") == 0);
	/* The hidden "Error" does not make "Error" ambiguous. */
	f = sqz_folder_resolve(&t, "Error", "error", &err);
	CHECK(f && strcmp(f->id, "id-err") == 0);

	f = sqz_folder_resolve(&t, "Exported", "exported", &err);
	CHECK(f == NULL);
	CHECK_INT(err.status, SQZ_E_FOLDER_AMBIGUOUS);
	CHECK_INT(err.candidate_count, 2);
	CHECK_STR(err.candidates[0], "Archiv/exported");
	CHECK_STR(err.candidates[1], "Posteingang/Exported");
	CHECK_STR(err.message, "exported 'Exported' is ambiguous: 2 folders have that name: 'Archiv/exported', 'Posteingang/Exported'; configure the full path of the one you mean");
	sqz_error_clear(&err);

	f = sqz_folder_resolve(&t, "Exportd", "exported", &err);
	CHECK(f == NULL);
	CHECK_INT(err.status, SQZ_E_FOLDER_NOT_FOUND);
	CHECK_INT(err.candidate_count, 2);
	CHECK(strstr(err.message, "closest folders: 'Archiv/exported', 'Posteingang/Exported'") != NULL);
	sqz_error_clear(&err);

	f = sqz_folder_resolve(&t, "Posteingang/Nope", NULL, &err);
	CHECK(f == NULL);
	CHECK_INT(err.status, SQZ_E_FOLDER_NOT_FOUND);
	CHECK(strstr(err.message, "no folder 'Nope' at level 2") != NULL);
	sqz_error_clear(&err);

	f = sqz_folder_resolve(&t, "A//B", NULL, &err);
	CHECK(f == NULL);
	CHECK_INT(err.status, SQZ_E_CONFIG);
	sqz_error_clear(&err);

	/* "Invoices/2024" is a path from the top, not a search. */
	f = sqz_folder_resolve(&t, "Invoices/2024", NULL, &err);
	CHECK(f == NULL);
	sqz_error_clear(&err);
	sqz_folder_tree_clear(&t);
}

static void test_well_known(void)
{
	CHECK(sqz_folder_is_well_known("Inbox"));
	CHECK(sqz_folder_is_well_known("DELETEDITEMS"));
	CHECK(!sqz_folder_is_well_known("Posteingang"));
	CHECK(!sqz_folder_is_well_known("Exported"));
}

int main(void)
{
	RUN(test_paths);
	RUN(test_resolve);
	RUN(test_well_known);
	return check_summary();
}
