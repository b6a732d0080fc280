/* connection_test.c: what Mailbox::testConnection() decides without the
 * network — roles read from a JWT, the clock verdicts, the report. */
#include <string.h>

#include "check.h"
#include "core/alloc.h"
#include "core/connection_test.h"
#include "core/crypto.h"

/* header.payload.signature with payload = claims (JSON text). */
static char *jwt_with(const char *claims)
{
	char *payload = sqz_base64url_encode(claims, strlen(claims));
	size_t len = strlen(payload) + 32;
	char *out = sqz_malloc(len);
	snprintf(out, len, "eyJhbGciOiJub25lIn0.%s.c2ln", payload);
	sqz_free(payload);
	return out;
}

static void test_token_roles(void)
{
	char *jwt = jwt_with("{\"aud\":\"https://graph.microsoft.com\",\"roles\":[\"Mail.ReadWrite\",7,\"User.Read.All\"]}");
	char *roles = sqz_connection_test_token_roles(jwt);
	CHECK_STR(roles, "Mail.ReadWrite User.Read.All");    /* a non-string entry is skipped */
	sqz_free(roles);
	sqz_free(jwt);

	jwt = jwt_with("{\"roles\":[]}");
	roles = sqz_connection_test_token_roles(jwt);
	CHECK(roles == NULL || roles[0] == '\0');
	sqz_free(roles);
	sqz_free(jwt);

	/* No roles claim, roles not a list, no JSON, no JWT at all: unreadable. */
	jwt = jwt_with("{\"scp\":\"Mail.ReadWrite\"}");
	CHECK(sqz_connection_test_token_roles(jwt) == NULL);
	sqz_free(jwt);
	jwt = jwt_with("{\"roles\":\"Mail.ReadWrite\"}");
	CHECK(sqz_connection_test_token_roles(jwt) == NULL);
	sqz_free(jwt);
	jwt = jwt_with("not json");
	CHECK(sqz_connection_test_token_roles(jwt) == NULL);
	sqz_free(jwt);
	CHECK(sqz_connection_test_token_roles("EwBwA8l6BAAU.opaque") == NULL);
	CHECK(sqz_connection_test_token_roles("a.!!!.c") == NULL);
	CHECK(sqz_connection_test_token_roles("") == NULL);
	CHECK(sqz_connection_test_token_roles(NULL) == NULL);
}

static void test_has_word(void)
{
	CHECK(sqz_connection_test_has_word("Mail.ReadWrite User.Read", "Mail.ReadWrite"));
	CHECK(sqz_connection_test_has_word("User.Read Mail.ReadWrite", "Mail.ReadWrite"));
	CHECK(sqz_connection_test_has_word("https://graph.microsoft.com/Mail.ReadWrite offline_access", "Mail.ReadWrite"));
	/* A longer permission that starts with the word is not the word. */
	CHECK(!sqz_connection_test_has_word("Mail.ReadWrite.Shared", "Mail.ReadWrite"));
	CHECK(sqz_connection_test_has_word("Mail.ReadWrite.Shared Mail.ReadWrite", "Mail.ReadWrite"));
	CHECK(!sqz_connection_test_has_word("XMail.ReadWrite", "Mail.ReadWrite"));
	CHECK(!sqz_connection_test_has_word("Mail.Read", "Mail.ReadWrite"));
	CHECK(!sqz_connection_test_has_word("", "Mail.ReadWrite"));
	CHECK(!sqz_connection_test_has_word(NULL, "Mail.ReadWrite"));
}

#define GRAPH_DATE "Sun, 06 Nov 1994 08:49:37 GMT"
#define GRAPH_EPOCH 784111777

static void test_clock_verdicts(void)
{
	sqz_connection_report r;
	sqz_connection_report_init(&r);

	sqz_connection_test_clock(&r, GRAPH_DATE, GRAPH_EPOCH + 60);
	CHECK_INT(r.count, 1);
	CHECK_STR(r.checks[0].name, "clock");
	CHECK_INT(r.checks[0].ok, 1);
	CHECK_STR(r.checks[0].detail, "this server's clock is 60 s ahead of Graph's");
	CHECK(r.checks[0].hint == NULL);
	CHECK_INT(r.checks[0].has_skew, 1);
	CHECK_INT(r.checks[0].skew, 60);
	CHECK_INT(r.ok, 1);
	sqz_connection_report_clear(&r);

	sqz_connection_test_clock(&r, GRAPH_DATE, GRAPH_EPOCH);
	CHECK_STR(r.checks[0].detail, "this server's clock is 0 s ahead of Graph's");
	CHECK_INT(r.ok, 1);
	sqz_connection_report_clear(&r);

	/* One second past the minute fails, either way, with the remedy. */
	sqz_connection_test_clock(&r, GRAPH_DATE, GRAPH_EPOCH - 61);
	CHECK_INT(r.checks[0].ok, 0);
	CHECK_STR(r.checks[0].detail, "this server's clock is 61 s behind Graph's");
	CHECK_STR(r.checks[0].hint, "synchronise this server's clock (NTP): token expiry decisions depend on it");
	CHECK_INT(r.checks[0].skew, -61);
	CHECK_INT(r.ok, 0);
	sqz_connection_report_clear(&r);
	CHECK_INT(r.ok, 1);
	CHECK_INT(r.count, 0);

	sqz_connection_test_clock(&r, GRAPH_DATE, GRAPH_EPOCH + 3600);
	CHECK_INT(r.checks[0].ok, 0);
	CHECK_STR(r.checks[0].detail, "this server's clock is 3600 s ahead of Graph's");
	CHECK(r.checks[0].hint != NULL);
	sqz_connection_report_clear(&r);

	/* No Date, or one that does not parse: a failed check without skew. */
	sqz_connection_test_clock(&r, NULL, GRAPH_EPOCH);
	sqz_connection_test_clock(&r, "yesterday", GRAPH_EPOCH);
	CHECK_INT(r.count, 2);
	for (size_t i = 0; i < r.count; i++) {
		CHECK_INT(r.checks[i].ok, 0);
		CHECK_STR(r.checks[i].detail, "Graph's answer carried no usable Date header");
		CHECK_INT(r.checks[i].has_skew, 0);
		CHECK(r.checks[i].hint == NULL);
	}
	sqz_connection_report_clear(&r);
}

static void test_no_token_report(void)
{
	static const char *const order[] = { "token", "mailbox", "folder.inbox", "folder.exported", "folder.error", "permissions", "clock" };
	sqz_connection_report r;
	sqz_connection_report_init(&r);
	sqz_connection_report_no_token(&r, "AADSTS7000215: Invalid client secret provided.");
	CHECK_INT(r.ok, 0);
	CHECK_INT(r.count, 7);
	for (size_t i = 0; i < r.count && i < 7; i++) {
		CHECK_STR(r.checks[i].name, order[i]);
		CHECK_INT(r.checks[i].ok, 0);
		CHECK_STR(r.checks[i].detail, i == 0 ? "AADSTS7000215: Invalid client secret provided." : "not checked: no access token");
	}
	sqz_connection_report_clear(&r);

	sqz_connection_report_no_token(&r, NULL);
	CHECK_STR(r.checks[0].detail, "no token");
	sqz_connection_report_clear(&r);
}

static void test_report_assembly(void)
{
	sqz_connection_report r;
	sqz_connection_report_init(&r);
	CHECK_INT(r.ok, 1);
	/* More checks than the first allocation holds, extra fields owned by
	 * the report: ASan reports a leak or a double free here. */
	for (int i = 0; i < 20; i++) {
		char name[24]; /* room for any int: GCC 14 checks the whole range */
		snprintf(name, sizeof name, "check.%d", i);
		sqz_connection_check *c = sqz_connection_report_add(&r, name, 1, i % 2 ? "odd" : NULL);
		CHECK(c != NULL);
		if (c && i == 3) {
			c->id = sqz_strdup("AAMkAD=");
			c->path = sqz_strdup("Inbox/Done");
		}
		if (c && i == 5) {
			c->candidates = sqz_calloc(2, sizeof *c->candidates);
			c->candidates[0] = sqz_strdup("Inbox/Export");
			c->candidates[1] = sqz_strdup("Inbox/Exports");
			c->candidate_count = 2;
		}
	}
	CHECK_INT(r.count, 20);
	CHECK_INT(r.ok, 1);
	CHECK_STR(r.checks[0].detail, "");
	CHECK_STR(r.checks[1].detail, "odd");
	CHECK_STR(r.checks[3].path, "Inbox/Done");
	CHECK_STR(r.checks[19].name, "check.19");
	/* One failure makes the whole verdict a failure, whatever follows. */
	sqz_connection_report_add(&r, "permissions", 0, "read: FAILED");
	sqz_connection_report_add(&r, "after", 1, "fine");
	CHECK_INT(r.ok, 0);
	CHECK_INT(r.nomem, 0);
	sqz_connection_report_clear(&r);
	CHECK_INT(r.count, 0);
	CHECK(r.checks == NULL);
}

static void test_app_permission(void)
{
	const char *note;
	/* unreadable token: the requests decide (the caller's read/write verdicts) */
	CHECK(sqz_connection_test_app_permission(NULL, 0, 0, &note) == 1);
	CHECK(note == NULL);
	CHECK(sqz_connection_test_app_permission("User.Read.All Mail.ReadWrite", 1, 1, &note) == 1);
	CHECK(note == NULL);
	/* the Entra model with the wrong Mail role: missing, whatever the requests did */
	CHECK(sqz_connection_test_app_permission("Mail.Read", 1, -1, &note) == 0);
	CHECK(note && strstr(note, "Mail.ReadWrite MISSING") != NULL);
	CHECK(sqz_connection_test_app_permission("Mail.ReadBasic.All Mail.Send", 1, 1, &note) == 0);
	/* "Mail." only as a whole role's start */
	CHECK(sqz_connection_test_app_permission("XMail.Read", 1, 1, &note) == 1);
	CHECK(note && strstr(note, "Exchange RBAC for Applications") != NULL);
	/* no Mail role: Exchange RBAC for Applications, judged by the mailbox */
	CHECK(sqz_connection_test_app_permission("User.Read.All", 1, 1, &note) == 1);
	CHECK(note && strstr(note, "granted by Exchange RBAC for Applications") != NULL);
	CHECK(sqz_connection_test_app_permission("", 1, -1, &note) == 1);
	CHECK(sqz_connection_test_app_permission("User.Read.All", 1, 0, &note) == 0);
	CHECK(note && strstr(note, "the mailbox refused") != NULL);
	CHECK(sqz_connection_test_app_permission("User.Read.All", 0, -1, &note) == 0);
}

int main(void)
{
	RUN(test_token_roles);
	RUN(test_has_word);
	RUN(test_clock_verdicts);
	RUN(test_no_token_report);
	RUN(test_report_assembly);
	RUN(test_app_permission);
	return check_summary();
}
