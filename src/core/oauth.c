#include "oauth.h"
#include "alloc.h"
#include "buf.h"
#include "crypto.h"
#include "graph.h"
#include "json.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#define RECORD_KEY "token"
#define STATUS_KEY "token.status"
#define PENDING_PREFIX "pending:"

/* ---------------------------------------------------------------- helpers */

static int form_add(sqz_buf *b, const char *name, const char *value)
{
	return (b->len && sqz_buf_append(b, "&", 1)) || sqz_buf_appends(b, name) || sqz_buf_append(b, "=", 1)
		|| sqz_buf_append_urlencoded(b, value, strlen(value));
}

static char *join_scopes(char *const *scopes, size_t count)
{
	sqz_buf b = SQZ_BUF_INIT;
	for (size_t i = 0; i < count; i++) {
		if ((i && sqz_buf_append(&b, " ", 1)) || sqz_buf_appends(&b, scopes[i])) {
			sqz_buf_free(&b);
			return NULL;
		}
	}
	return sqz_buf_steal(&b, NULL);
}

static void free_list(char **list, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		sqz_free(list[i]);
	}
	sqz_free(list);
}

static int push(char ***list, size_t *count, const char *value)
{
	char **grown = sqz_realloc(*list, (*count + 1) * sizeof *grown);
	if (!grown) {
		return -1;
	}
	*list = grown;
	if (!(grown[*count] = sqz_strdup(value))) {
		return -1;
	}
	(*count)++;
	return 0;
}

static char *random_token(size_t bytes)
{
	unsigned char raw[64];
	if (bytes > sizeof raw || sqz_random_bytes(raw, bytes) != 0) {
		return NULL;
	}
	char *out = sqz_base64url_encode(raw, bytes);
	OPENSSL_cleanse(raw, sizeof raw);
	return out;
}

char *sqz_oauth_pkce_challenge(const char *verifier)
{
	unsigned char digest[SQZ_SHA256_LEN];
	if (sqz_sha256(verifier, strlen(verifier), digest) != 0) {
		return NULL;
	}
	return sqz_base64url_encode(digest, sizeof digest);
}

static char *pending_key(const char *state)
{
	char hex[65];
	if (sqz_sha256_hex(state, strlen(state), hex) != 0) {
		return NULL;
	}
	size_t len = sizeof PENDING_PREFIX + 64;
	char *key = sqz_malloc(len);
	if (key) {
		snprintf(key, len, PENDING_PREFIX "%s", hex);
	}
	return key;
}

static char *token_endpoint(const sqz_config *c)
{
	sqz_buf b = SQZ_BUF_INIT;
	if (sqz_buf_appendf(&b, "%s/%s/oauth2/v2.0/token", c->authority, c->tenant_id)) {
		sqz_buf_free(&b);
		return NULL;
	}
	return sqz_buf_steal(&b, NULL);
}

/* ------------------------------------------------------------ the record */

void sqz_token_record_clear(sqz_token_record *r)
{
	sqz_free(r->fingerprint);
	sqz_free_secret(r->access_token);
	sqz_free_secret(r->refresh_token);
	free_list(r->scopes, r->scope_count);
	sqz_free(r->account);
	sqz_free(r->reason);
	sqz_free(r->error_code);
	sqz_free(r->error_description);
	memset(r, 0, sizeof *r);
}

/* The members that hold tokens, overwritten before their JSON is freed. */
static const char *const token_keys[] = { "access_token", "refresh_token", "id_token", NULL };

static void add_str(json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, v ? json_object_new_string(v) : NULL);
}

char *sqz_token_record_encode(const sqz_token_record *r)
{
	json_object *o = json_object_new_object();
	if (!o) {
		return NULL;
	}
	json_object_object_add(o, "v", json_object_new_int(1));
	add_str(o, "fingerprint", r->fingerprint);
	add_str(o, "flow", sqz_flow_name(r->flow));
	add_str(o, "access_token", r->access_token);
	add_str(o, "refresh_token", r->refresh_token);
	json_object_object_add(o, "expires_at", json_object_new_int64(r->expires_at));
	json_object_object_add(o, "refresh_at", json_object_new_int64(r->refresh_at));
	json_object_object_add(o, "obtained_at", json_object_new_int64(r->obtained_at));
	json_object_object_add(o, "last_refresh_at", json_object_new_int64(r->last_refresh_at));
	json_object *scopes = json_object_new_array();
	for (size_t i = 0; i < r->scope_count; i++) {
		json_object_array_add(scopes, json_object_new_string(r->scopes[i]));
	}
	json_object_object_add(o, "scopes", scopes);
	add_str(o, "account", r->account);
	json_object_object_add(o, "needs_reauth", json_object_new_boolean(r->needs_reauth));
	add_str(o, "reason", r->reason);
	add_str(o, "error_code", r->error_code);
	add_str(o, "error_description", r->error_description);
	char *text = sqz_json_dump(o);
	sqz_json_put_secret(o, token_keys, 1);
	return text;
}

static char *dup_member(json_object *o, const char *k)
{
	return sqz_strdup(sqz_json_string(o, k));
}

sqz_status sqz_token_record_decode(const char *data, size_t len, sqz_token_record *r, sqz_error *err)
{
	memset(r, 0, sizeof *r);
	json_object *o = sqz_json_parse(data, len, "the stored token record", SQZ_E_STORE, err);
	if (!o) {
		sqz_error_prefix(err, "the token record in the Store is unreadable; delete it (forget) and authorize again");
		return err->status;
	}
	int64_t version = 0, v;
	const char *flow = sqz_json_string(o, "flow");
	if (!json_object_is_type(o, json_type_object) || sqz_json_int64(o, "v", &version) != 0 || version != 1 || !flow) {
		sqz_json_put_secret(o, token_keys, 0);
		return sqz_error_set(err, SQZ_E_STORE, "the token record in the Store has an unknown format (written by a newer sqzgraph?); "
						       "delete it (forget) and authorize again");
	}
	/* A Store may hand back anything (a userland one on a database): an
	 * instant outside 1970..9999 was not written by us, and the expiry
	 * arithmetic on it (expires_at - margin, last_refresh_at + 90 days)
	 * would overflow. */
	static const char *const instants[] = { "expires_at", "refresh_at", "obtained_at", "last_refresh_at" };
	sqz_epoch *fields[] = { &r->expires_at, &r->refresh_at, &r->obtained_at, &r->last_refresh_at };
	for (size_t i = 0; i < sizeof instants / sizeof instants[0]; i++) {
		if (sqz_json_int64(o, instants[i], &v) != 0) {
			continue;
		}
		if (v < 0 || v > SQZ_OAUTH_EPOCH_MAX) {
			sqz_json_put_secret(o, token_keys, 0);
			memset(r, 0, sizeof *r);
			return sqz_error_set(err, SQZ_E_STORE, "the token record in the Store is corrupt (%s %lld is not a time sqzgraph writes); "
							       "delete it (forget) and authorize again",
				instants[i], (long long)v);
		}
		*fields[i] = v;
	}
	r->flow = strcmp(flow, "client_credentials") == 0 ? SQZ_FLOW_CLIENT_CREDENTIALS : SQZ_FLOW_DELEGATED;
	/* A token or fingerprint holding "\u0000" would be used cut short (a
	 * truncated bearer sent to Graph): sqzgraph never writes one, so such a
	 * record is corrupt, not shorter. */
	static const char *const whole[] = { "fingerprint", "access_token", "refresh_token" };
	for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++) {
		json_object *s = sqz_json_get(o, whole[i]);
		if (s && json_object_is_type(s, json_type_string) && !sqz_json_id(o, whole[i]) && json_object_get_string_len(s) > 0) {
			sqz_json_put_secret(o, token_keys, 0);
			sqz_token_record_clear(r);
			return sqz_error_set(err, SQZ_E_STORE, "the token record in the Store is corrupt (its %s holds a NUL byte); "
							       "delete it (forget) and authorize again",
				whole[i]);
		}
	}
	r->fingerprint = dup_member(o, "fingerprint");
	r->access_token = dup_member(o, "access_token");
	r->refresh_token = dup_member(o, "refresh_token");
	json_object *scopes = sqz_json_get(o, "scopes");
	size_t n = scopes && json_object_is_type(scopes, json_type_array) ? json_object_array_length(scopes) : 0;
	for (size_t i = 0; i < n; i++) {
		json_object *s = json_object_array_get_idx(scopes, i);
		if (json_object_is_type(s, json_type_string)) {
			push(&r->scopes, &r->scope_count, json_object_get_string(s));
		}
	}
	r->account = dup_member(o, "account");
	sqz_json_bool(o, "needs_reauth", &r->needs_reauth);
	r->reason = dup_member(o, "reason");
	r->error_code = dup_member(o, "error_code");
	r->error_description = dup_member(o, "error_description");
	sqz_json_put_secret(o, token_keys, 0);
	return SQZ_OK;
}

int sqz_token_record_stale(const sqz_token_record *r, sqz_epoch now)
{
	if (!r->access_token || now >= r->expires_at - SQZ_OAUTH_REFRESH_MARGIN) {
		return 1;
	}
	return r->refresh_at > 0 && now >= r->refresh_at;
}

static sqz_status read_record(sqz_oauth *o, sqz_token_record *r, int *found, sqz_error *err)
{
	char *value = NULL;
	size_t len = 0;
	*found = 0;
	memset(r, 0, sizeof *r);
	if (sqz_store_get(&o->store, RECORD_KEY, sizeof RECORD_KEY - 1, &value, &len, err) != SQZ_OK) {
		return err->status;
	}
	if (!value) {
		return SQZ_OK;
	}
	sqz_status st = sqz_token_record_decode(value, len, r, err);
	OPENSSL_cleanse(value, len);
	sqz_free(value);
	*found = st == SQZ_OK;
	return st;
}

static sqz_status write_record(sqz_oauth *o, const sqz_token_record *r, sqz_error *err)
{
	char *text = sqz_token_record_encode(r);
	if (!text) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory writing the token record");
	}
	sqz_status st = sqz_store_put(&o->store, RECORD_KEY, sizeof RECORD_KEY - 1, text, strlen(text), err);
	sqz_free_secret(text);
	return st;
}

/* The last failed token request, for TokenInfo::lastError. */
static void write_status(sqz_oauth *o, const char *message)
{
	sqz_error ignored = SQZ_ERROR_INIT;
	if (message) {
		json_object *s = json_object_new_object();
		json_object_object_add(s, "last_error", json_object_new_string(message));
		json_object_object_add(s, "at", json_object_new_int64(sqz_clock_now()));
		char *text = sqz_json_dump(s);
		json_object_put(s);
		if (text) {
			sqz_store_put(&o->store, STATUS_KEY, sizeof STATUS_KEY - 1, text, strlen(text), &ignored);
		}
		sqz_free(text);
	} else {
		sqz_store_delete(&o->store, STATUS_KEY, sizeof STATUS_KEY - 1, &ignored);
	}
	/* Bookkeeping only: a failure here must not hide the real outcome. */
	sqz_error_clear(&ignored);
}

/* ------------------------------------------------------ token responses */

typedef struct token_answer {
	long status;
	/* success */
	char *access_token;
	char *refresh_token;
	int64_t expires_in;
	int64_t refresh_in;
	char *scope;
	char *account;
	/* failure */
	char *error;
	char *error_code;
	char *description;
	char *suberror;
	char *retry_after;
} token_answer;

static void token_answer_clear(token_answer *a)
{
	sqz_free_secret(a->access_token);
	sqz_free_secret(a->refresh_token);
	sqz_free(a->scope);
	sqz_free(a->account);
	sqz_free(a->error);
	sqz_free(a->error_code);
	sqz_free(a->description);
	sqz_free(a->suberror);
	sqz_free(a->retry_after);
	memset(a, 0, sizeof *a);
}

/* preferred_username from an id_token's payload. The id_token arrived over
 * TLS straight from the token endpoint, and we only display the name, so
 * its signature is not checked (OpenID Connect Core §3.1.3.7 allows this
 * for the code flow). */
static char *account_from_id_token(const char *id_token)
{
	json_object *claims = sqz_json_jwt_claims(id_token, "id_token");
	const char *name = sqz_json_string(claims, "preferred_username");
	if (!name) {
		name = sqz_json_string(claims, "upn");
	}
	if (!name) {
		name = sqz_json_string(claims, "email");
	}
	char *account = sqz_strdup(name);
	if (claims) {
		json_object_put(claims);
	}
	return account;
}

/* error_description without Microsoft's "Trace ID/Correlation ID/Timestamp"
 * lines, which help support but not an administrator. */
static char *clean_description(const char *d)
{
	if (!d) {
		return NULL;
	}
	size_t n = strcspn(d, "\r\n");
	while (n > 0 && (d[n - 1] == ' ' || d[n - 1] == '.')) {
		n--;
	}
	return sqz_strndup(d, n);
}

static char *code_of(json_object *body, const char *description)
{
	json_object *codes = sqz_json_get(body, "error_codes");
	char buf[32];
	if (codes && json_object_is_type(codes, json_type_array) && json_object_array_length(codes) > 0) {
		json_object *c = json_object_array_get_idx(codes, 0);
		if (json_object_is_type(c, json_type_int)) {
			snprintf(buf, sizeof buf, "AADSTS%lld", (long long)json_object_get_int64(c));
			return sqz_strdup(buf);
		}
	}
	const char *p = description ? strstr(description, "AADSTS") : NULL;
	if (p) {
		size_t n = 6;
		while (isdigit((unsigned char)p[n]) && n < 20) {
			n++;
		}
		if (n > 6) {
			return sqz_strndup(p, n);
		}
	}
	return NULL;
}

/* The access token goes into an Authorization header as is: an empty one
 * or one with a space, CR/LF or any byte outside visible ASCII would be an
 * unusable (or header-injecting) credential, so the answer is broken. */
static int header_safe_token(const char *token)
{
	if (!token[0]) {
		return 0;
	}
	for (const unsigned char *p = (const unsigned char *)token; *p; p++) {
		if (*p < 0x21 || *p > 0x7e) {
			return 0;
		}
	}
	return 1;
}

static sqz_status parse_answer(const sqz_http_response *resp, token_answer *a, sqz_error *err)
{
	a->status = resp->status;
	a->retry_after = sqz_strdup(resp->retry_after);
	json_object *body = sqz_json_parse(resp->body.data, resp->body.len, "the token endpoint's answer", SQZ_E_GRAPH, err);
	if (!body || !json_object_is_type(body, json_type_object)) {
		if (body) {
			sqz_json_put_secret(body, token_keys, 0);
		}
		const char *what = resp->body.len && resp->body.data[0] == '<' ? "an HTML page instead of JSON (a proxy or gateway error?)"
									       : "a body that is not a JSON object";
		sqz_error_set(err, SQZ_E_GRAPH, "the token endpoint answered HTTP %ld with %s", resp->status, what);
		err->http_status = resp->status;
		return SQZ_E_GRAPH;
	}
	if (resp->status >= 200 && resp->status < 300) {
		/* sqz_json_id: a token with "\u0000" is no token (never one cut short). */
		a->access_token = sqz_strdup(sqz_json_id(body, "access_token"));
		a->refresh_token = sqz_strdup(sqz_json_id(body, "refresh_token"));
		a->scope = sqz_strdup(sqz_json_string(body, "scope"));
		const char *id_token = sqz_json_string(body, "id_token");
		a->account = id_token ? account_from_id_token(id_token) : NULL;
		const char *type = sqz_json_string(body, "token_type");
		/* Decided here: type points into body, which is freed below. */
		int bearer = !type || strcasecmp(type, "Bearer") == 0;
		int has_expiry = sqz_json_int64(body, "expires_in", &a->expires_in) == 0;
		if (sqz_json_int64(body, "refresh_in", &a->refresh_in) != 0) {
			a->refresh_in = 0;
		}
		sqz_json_put_secret(body, token_keys, 0);
		if (a->refresh_token && !a->refresh_token[0]) {
			/* An empty refresh_token is no rotation: the stored one stays. */
			sqz_free_secret(a->refresh_token);
			a->refresh_token = NULL;
		}
		if (!a->access_token || !bearer || !header_safe_token(a->access_token)) {
			sqz_error_set(err, SQZ_E_GRAPH, "the token endpoint's answer has no bearer access_token");
			err->http_status = resp->status;
			return SQZ_E_GRAPH;
		}
		if (!has_expiry || a->expires_in <= 0 || a->expires_in > 400 * 86400) {
			/* A token that is already expired (or "valid" for years) is a
			 * broken answer, not something to loop on or to trust. */
			sqz_error_set(err, SQZ_E_GRAPH, "the token endpoint's answer has an unusable expires_in; try again later");
			err->http_status = resp->status;
			return SQZ_E_GRAPH;
		}
		if (a->refresh_in < 0 || a->refresh_in > a->expires_in) {
			/* refresh_in only brings a refresh forward; beyond expires_in it
			 * means nothing (and sent_at + it could overflow). */
			a->refresh_in = 0;
		}
		return SQZ_OK;
	}
	a->error = sqz_strdup(sqz_json_string(body, "error"));
	const char *description = sqz_json_string(body, "error_description");
	a->error_code = code_of(body, description);
	a->description = clean_description(description);
	a->suberror = sqz_strdup(sqz_json_string(body, "suberror"));
	sqz_json_put_secret(body, token_keys, 0);
	return SQZ_OK;
}

static int is_transient(const token_answer *a)
{
	return a->status == 429 || a->status >= 500 || (a->error && strcmp(a->error, "temporarily_unavailable") == 0);
}

static int needs_interaction(const token_answer *a)
{
	static const char *const errors[] = { "invalid_grant", "interaction_required", "consent_required", "login_required" };
	for (size_t i = 0; a->error && i < sizeof errors / sizeof errors[0]; i++) {
		if (strcmp(a->error, errors[i]) == 0) {
			return 1;
		}
	}
	return 0;
}

static const char *reason_of(const token_answer *a)
{
	if (a->suberror && strcmp(a->suberror, "consent_required") == 0) {
		return "consent_required";
	}
	return a->error ? a->error : "invalid_grant";
}

/* An administrator's sentence for the AADSTS codes that need one. */
static const char *advice_for(const char *code)
{
	static const struct {
		const char *code;
		const char *advice;
	} advice[] = {
		{ "AADSTS7000215", "the client secret is wrong: copy the secret's Value (not its Secret ID) from Certificates & secrets of the app registration into client_secret" },
		{ "AADSTS7000222", "the client secret has expired: create a new secret under Certificates & secrets of the app registration and update client_secret (the authorization is kept)" },
		{ "AADSTS50011", "the redirect URI is not registered for the application: add it under Authentication in the app registration" },
		{ "AADSTS700016", "the application was not found in the tenant: check client_id, tenant_id and the cloud" },
		{ "AADSTS90002", "the tenant was not found: check tenant_id and the cloud" },
		{ "AADSTS9001023", "this grant cannot use the /common or /consumers endpoint: set tenant_id to the directory (tenant) id" },
		{ "AADSTS700027", "the client assertion signature was not accepted: upload this certificate to the app registration, or check client_private_key" },
		{ "AADSTS700024", "the client assertion is outside its valid time: check this server's clock (NTP)" },
		{ "AADSTS70008", "the refresh token expired after too long without use or was revoked: authorize again (keep the refresh-tokens job running)" },
		{ "AADSTS700082", "the refresh token expired after 90 days without use: authorize again and keep the refresh-tokens job running" },
		{ "AADSTS50173", "the grant was revoked (password reset or sessions revoked): authorize again" },
		{ "AADSTS65001", "the user or an administrator has not consented to the application's permissions: authorize again, or grant admin consent" },
		{ "AADSTS50076", "multi-factor authentication is now required: authorize again" },
		{ "AADSTS54005", "this authorization code was already used: press Authenticate again" },
		{ "AADSTS70011", "the requested scopes are invalid: check the scopes option" },
		{ "AADSTS65004", "consent was declined: sign in again and accept the permissions" },
	};
	for (size_t i = 0; code && i < sizeof advice / sizeof advice[0]; i++) {
		if (strcmp(code, advice[i].code) == 0) {
			return advice[i].advice;
		}
	}
	return NULL;
}

static void answer_error(const sqz_oauth *o, const token_answer *a, const char *doing, sqz_status status, sqz_error *err)
{
	const char *advice = advice_for(a->error_code);
	sqz_buf m = SQZ_BUF_INIT;
	const char *label = a->error_code ? a->error_code : (a->error ? a->error : "error");
	/* Microsoft's descriptions usually start with the code already. */
	int repeats = a->description && strncmp(a->description, label, strlen(label)) == 0;
	sqz_buf_appendf(&m, "%s for application %s failed: %s%s%s", doing, o->config->client_id,
		repeats ? "" : label, a->description && !repeats ? ": " : "", a->description ? a->description : "");
	if (advice) {
		sqz_buf_appendf(&m, " — %s", advice);
	} else if (status == SQZ_E_REAUTHENTICATE) {
		sqz_buf_appends(&m, " — authorize again");
	}
	sqz_error_set(err, status, "%s", m.data ? m.data : doing);
	sqz_buf_free(&m);
	sqz_error_set_oauth(err, a->error, a->error_code, a->description);
	err->http_status = a->status;
	if (status == SQZ_E_REAUTHENTICATE) {
		sqz_error_set_reason(err, reason_of(a));
	}
	if ((status == SQZ_E_GRAPH || status == SQZ_E_THROTTLED) && a->retry_after) {
		double wait = sqz_clock_parse_retry_after(a->retry_after, sqz_clock_now());
		err->retry_after = wait > 0 ? wait : 0;
	}
}

/* ---------------------------------------------------- client assertion */

static char *b64url_json(json_object *o)
{
	const char *text = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	return sqz_base64url_encode(text, strlen(text));
}

char *sqz_oauth_client_assertion(const sqz_config *config, const char *audience, sqz_epoch now, sqz_error *err)
{
	char *result = NULL, *header_b64 = NULL, *claims_b64 = NULL, *sig_b64 = NULL, *thumb = NULL;
	unsigned char *der = NULL, *sig = NULL;
	X509 *cert = NULL;
	EVP_PKEY *key = NULL;
	EVP_MD_CTX *md = NULL;
	json_object *header = NULL, *claims = NULL;
	sqz_buf input = SQZ_BUF_INIT;

	BIO *bio = BIO_new_mem_buf(config->client_certificate, -1);
	cert = bio ? PEM_read_bio_X509(bio, NULL, NULL, NULL) : NULL;
	BIO_free(bio);
	bio = BIO_new_mem_buf(config->client_private_key, -1);
	key = bio ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL) : NULL;
	BIO_free(bio);
	if (!cert || !key) {
		sqz_error_set(err, SQZ_E_CONFIG, "client_certificate or client_private_key cannot be read");
		sqz_error_set_key(err, cert ? "client_private_key" : "client_certificate");
		goto done;
	}
	int der_len = i2d_X509(cert, &der);
	unsigned char digest[SQZ_SHA256_LEN];
	if (der_len <= 0 || sqz_sha256(der, (size_t)der_len, digest) != 0 || !(thumb = sqz_base64url_encode(digest, sizeof digest))) {
		sqz_error_set(err, SQZ_E_INTERNAL, "cannot compute the certificate thumbprint");
		goto done;
	}
	char jti[37];
	if (sqz_guid_v4(jti) != 0) {
		sqz_error_set(err, SQZ_E_INTERNAL, "no random bytes for the assertion id");
		goto done;
	}
	header = json_object_new_object();
	json_object_object_add(header, "alg", json_object_new_string("PS256"));
	json_object_object_add(header, "typ", json_object_new_string("JWT"));
	json_object_object_add(header, "x5t#S256", json_object_new_string(thumb));
	claims = json_object_new_object();
	json_object_object_add(claims, "aud", json_object_new_string(audience));
	json_object_object_add(claims, "iss", json_object_new_string(config->client_id));
	json_object_object_add(claims, "sub", json_object_new_string(config->client_id));
	json_object_object_add(claims, "jti", json_object_new_string(jti));
	json_object_object_add(claims, "nbf", json_object_new_int64(now));
	json_object_object_add(claims, "iat", json_object_new_int64(now));
	json_object_object_add(claims, "exp", json_object_new_int64(now + 600));
	header_b64 = b64url_json(header);
	claims_b64 = b64url_json(claims);
	if (!header_b64 || !claims_b64 || sqz_buf_appendf(&input, "%s.%s", header_b64, claims_b64)) {
		sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		goto done;
	}
	md = EVP_MD_CTX_new();
	EVP_PKEY_CTX *pctx = NULL;
	size_t sig_len = 0;
	if (!md || EVP_DigestSignInit(md, &pctx, EVP_sha256(), NULL, key) != 1
		|| EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1
		|| EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1
		|| EVP_DigestSign(md, NULL, &sig_len, (const unsigned char *)input.data, input.len) != 1
		|| !(sig = sqz_malloc(sig_len))
		|| EVP_DigestSign(md, sig, &sig_len, (const unsigned char *)input.data, input.len) != 1
		|| !(sig_b64 = sqz_base64url_encode(sig, sig_len))) {
		ERR_clear_error();
		sqz_error_set(err, SQZ_E_CONFIG, "cannot sign the client assertion with client_private_key (an RSA key is required)");
		sqz_error_set_key(err, "client_private_key");
		goto done;
	}
	if (sqz_buf_appendf(&input, ".%s", sig_b64) == 0) {
		result = sqz_buf_steal(&input, NULL);
	}
done:
	ERR_clear_error();
	sqz_buf_free(&input);
	sqz_free(header_b64);
	sqz_free(claims_b64);
	sqz_free(sig_b64);
	sqz_free(thumb);
	sqz_free(sig);
	OPENSSL_free(der);
	X509_free(cert);
	EVP_PKEY_free(key);
	EVP_MD_CTX_free(md);
	if (header) {
		json_object_put(header);
	}
	if (claims) {
		json_object_put(claims);
	}
	return result;
}

/* ------------------------------------------------------ token requests */

sqz_status sqz_oauth_init(sqz_oauth *o, const sqz_config *config, sqz_store store, sqz_http *http, sqz_error *err)
{
	memset(o, 0, sizeof *o);
	o->config = config;
	o->store = store;
	o->http = http;
	o->http_opts.connect_timeout = config->connect_timeout;
	o->http_opts.timeout = config->timeout;
	o->http_opts.ca_file = config->ca_file;
	if (sqz_config_fingerprint(config, o->fingerprint) != 0) {
		return sqz_error_set(err, SQZ_E_INTERNAL, "cannot compute the configuration fingerprint");
	}
	return SQZ_OK;
}

/* POSTs a grant to the token endpoint. Transient failures (network, 429,
 * 5xx, temporarily_unavailable) are retried per the retry policy unless
 * `single_use` (a code redemption must not be sent twice after a network
 * error: the code may already be spent). *sent_at = when the last attempt
 * was sent. On SQZ_OK the answer is either a success or an OAuth error. */
static sqz_status post_grant(sqz_oauth *o, sqz_buf *form, int single_use, token_answer *a, sqz_epoch *sent_at, sqz_error *err)
{
	const sqz_config *c = o->config;
	char *endpoint = token_endpoint(c);
	if (!endpoint) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	sqz_retry_policy policy = { c->max_retries, c->max_retry_wait, 1.0 };
	size_t base_len = form->len;
	sqz_status st = SQZ_OK;
	for (int attempt = 0;; attempt++) {
		form->len = base_len;
		form->data[base_len] = '\0';
		if (form_add(form, "client_id", c->client_id)) {
			st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
			break;
		}
		*sent_at = sqz_clock_now();
		if (c->client_secret) {
			if (form_add(form, "client_secret", c->client_secret)) {
				st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
				break;
			}
		} else {
			/* A fresh assertion per attempt: nbf/exp follow the clock. */
			char *assertion = sqz_oauth_client_assertion(c, endpoint, *sent_at, err);
			if (!assertion) {
				st = err->status;
				break;
			}
			int failed = form_add(form, "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
				|| form_add(form, "client_assertion", assertion);
			sqz_free_secret(assertion);
			if (failed) {
				st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
				break;
			}
		}
		const char *headers[] = {
			"Content-Type: application/x-www-form-urlencoded",
			"Accept: application/json",
		};
		sqz_http_request req = {
			.method = "POST",
			.url = endpoint,
			.headers = headers,
			.header_count = 2,
			.body = form->data,
			.body_len = form->len,
			.max_body = 1 << 20,
		};
		char log_path[300];
		snprintf(log_path, sizeof log_path, "/%s/oauth2/v2.0/token", c->tenant_id);
		req.log_path = log_path;
		sqz_http_response resp;
		sqz_http_response_init(&resp);
		sqz_error terr = SQZ_ERROR_INIT;
		st = sqz_http_perform(o->http, &o->http_opts, &req, &resp, &terr);
		token_answer_clear(a);
		if (st == SQZ_OK) {
			st = parse_answer(&resp, a, &terr);
		}
		int transient = st == SQZ_E_TRANSPORT ? !single_use
			: st == SQZ_E_GRAPH           ? (terr.http_status == 429 || terr.http_status >= 500)
						      : st == SQZ_OK && is_transient(a);
		int exceeds = 0;
		double delay = transient ? sqz_http_retry_delay(&policy, attempt + 1, resp.retry_after, &exceeds) : 0;
		sqz_http_response_clear(&resp);
		if (transient && attempt < policy.max_retries && !exceeds) {
			sqz_error_clear(&terr);
			sqz_http_sleep(delay);
			continue;
		}
		if (st != SQZ_OK) {
			sqz_error_prefix(&terr, "token request to %s", c->authority);
			sqz_error_move(err, &terr);
		}
		break;
	}
	form->len = base_len;
	if (form->data) {
		form->data[base_len] = '\0';
	}
	sqz_free(endpoint);
	return st;
}

static void split_scopes(const char *text, char ***list, size_t *count)
{
	/* The docs show `scope` URL-encoded in one example; decode %20 and '+'. */
	sqz_buf word = SQZ_BUF_INIT;
	for (const char *p = text;; p++) {
		int end = *p == '\0' || *p == ' ' || *p == '+' || (p[0] == '%' && p[1] == '2' && p[2] == '0');
		if (end) {
			if (word.len) {
				push(list, count, word.data);
			}
			sqz_buf_reset(&word);
			if (*p == '\0') {
				break;
			}
			if (*p == '%') {
				p += 2;
			}
			continue;
		}
		sqz_buf_append(&word, p, 1);
	}
	sqz_buf_free(&word);
}

/* Turns a successful answer into the record (keeping what the answer does
 * not replace: a response without a refresh token keeps the old one). */
static sqz_status record_from_answer(sqz_oauth *o, token_answer *a, sqz_epoch sent_at, sqz_token_record *r, sqz_error *err)
{
	sqz_free(r->fingerprint);
	r->fingerprint = sqz_strdup(o->fingerprint);
	r->flow = o->config->flow;
	sqz_free_secret(r->access_token);
	r->access_token = a->access_token;
	a->access_token = NULL;
	if (a->refresh_token) {
		sqz_free_secret(r->refresh_token);
		r->refresh_token = a->refresh_token;
		a->refresh_token = NULL;
	}
	r->expires_at = sent_at + a->expires_in;
	r->refresh_at = a->refresh_in > 0 ? sent_at + a->refresh_in : 0;
	r->obtained_at = sent_at;
	r->last_refresh_at = sent_at;
	if (a->scope) {
		free_list(r->scopes, r->scope_count);
		r->scopes = NULL;
		r->scope_count = 0;
		split_scopes(a->scope, &r->scopes, &r->scope_count);
	} else if (!r->scopes) {
		for (size_t i = 0; i < o->config->scope_count; i++) {
			push(&r->scopes, &r->scope_count, o->config->scopes[i]);
		}
	}
	if (a->account) {
		sqz_free(r->account);
		r->account = a->account;
		a->account = NULL;
	}
	r->needs_reauth = 0;
	sqz_free(r->reason);
	sqz_free(r->error_code);
	sqz_free(r->error_description);
	r->reason = r->error_code = r->error_description = NULL;
	if (!r->fingerprint || !r->access_token) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	return SQZ_OK;
}

/* ---------------------------------------------------------- authorize */

sqz_status sqz_oauth_begin(sqz_oauth *o, const char *login_hint, const char *prompt, char **url, char **state, sqz_error *err)
{
	const sqz_config *c = o->config;
	*url = *state = NULL;
	if (c->flow != SQZ_FLOW_DELEGATED) {
		sqz_error_set(err, SQZ_E_CONFIG, "beginAuthorization() is for the delegated flow; with client_credentials nobody signs in "
						 "(accessToken() acquires tokens by itself)");
		sqz_error_set_key(err, "flow");
		return SQZ_E_CONFIG;
	}
	char *verifier = random_token(32);     /* 43 characters, RFC 7636 §4.1 */
	char *challenge = verifier ? sqz_oauth_pkce_challenge(verifier) : NULL;
	char *st = random_token(32);           /* 256 bits, well over the 128 required */
	char *key = st ? pending_key(st) : NULL;
	char *scopes = join_scopes(c->scopes, c->scope_count);
	sqz_buf u = SQZ_BUF_INIT, q = SQZ_BUF_INIT;
	json_object *pending = NULL;
	char *pending_text = NULL;
	sqz_status result = SQZ_E_NOMEM;
	if (!verifier || !challenge || !st || !key || !scopes) {
		sqz_error_set(err, SQZ_E_NOMEM, "out of memory (or no random bytes) starting an authorization");
		goto done;
	}
	const char *hint = login_hint && *login_hint ? login_hint : c->mailbox;
	if (form_add(&q, "client_id", c->client_id) || form_add(&q, "response_type", "code")
		|| form_add(&q, "redirect_uri", c->redirect_uri) || form_add(&q, "response_mode", "query")
		|| form_add(&q, "scope", scopes) || form_add(&q, "state", st)
		|| form_add(&q, "code_challenge", challenge) || form_add(&q, "code_challenge_method", "S256")
		|| (hint && form_add(&q, "login_hint", hint)) || (prompt && *prompt && form_add(&q, "prompt", prompt))
		|| sqz_buf_appendf(&u, "%s/%s/oauth2/v2.0/authorize?%s", c->authority, c->tenant_id, q.data)) {
		sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		goto done;
	}
	pending = json_object_new_object();
	json_object_object_add(pending, "v", json_object_new_int(1));
	json_object_object_add(pending, "verifier", json_object_new_string(verifier));
	json_object_object_add(pending, "created_at", json_object_new_int64(sqz_clock_now()));
	json_object_object_add(pending, "fingerprint", json_object_new_string(o->fingerprint));
	pending_text = sqz_json_dump(pending);
	if (!pending_text) {
		sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		goto done;
	}
	result = sqz_store_put(&o->store, key, strlen(key), pending_text, strlen(pending_text), err);
	if (result == SQZ_OK) {
		*url = sqz_buf_steal(&u, NULL);
		*state = st;
		st = NULL;
	}
done:
	if (pending) {
		json_object_put(pending);
	}
	sqz_free_secret(pending_text);
	sqz_free_secret(verifier);
	sqz_free(challenge);
	sqz_free(st);
	sqz_free(key);
	sqz_free(scopes);
	sqz_buf_free(&u);
	sqz_buf_free(&q);
	return result;
}

static const char *param(const sqz_query_param *params, size_t count, const char *name)
{
	for (size_t i = 0; i < count; i++) {
		if (params[i].name && strcmp(params[i].name, name) == 0) {
			return params[i].value;
		}
	}
	return NULL;
}

static sqz_status build_info(sqz_oauth *o, const sqz_token_record *r, int found, sqz_token_info *info, sqz_error *err);
static sqz_status blocked_error(const sqz_oauth *o, const sqz_token_record *r, const char *reason, sqz_error *err);

sqz_status sqz_oauth_complete(sqz_oauth *o, const sqz_query_param *params, size_t count, sqz_token_info *info, sqz_error *err)
{
	const sqz_config *c = o->config;
	memset(info, 0, sizeof *info);
	const char *state = param(params, count, "state");
	const char *error = param(params, count, "error");
	const char *code = param(params, count, "code");
	if (!state || !*state) {
		if (error) {
			/* Microsoft can fail before it knows our state; still say why. */
			token_answer a = { 0 };
			a.error = sqz_strdup(error);
			a.description = clean_description(param(params, count, "error_description"));
			a.error_code = code_of(NULL, param(params, count, "error_description"));
			answer_error(o, &a, "the authorization", SQZ_E_AUTHORIZATION, err);
			token_answer_clear(&a);
			return SQZ_E_AUTHORIZATION;
		}
		return sqz_error_set(err, SQZ_E_AUTHORIZATION, "the redirect carries no state: open the redirect URL that Microsoft sent "
							       "(the query string must be passed to completeAuthorization() whole)");
	}
	char *key = pending_key(state);
	char *value = NULL;
	size_t len = 0;
	if (!key) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	if (sqz_store_get(&o->store, key, strlen(key), &value, &len, err) != SQZ_OK) {
		sqz_free(key);
		return err->status;
	}
	/* Single use: gone before anything else happens, whatever the outcome. */
	if (value && sqz_store_delete(&o->store, key, strlen(key), err) != SQZ_OK) {
		sqz_free_secret(value);
		sqz_free(key);
		return err->status;
	}
	sqz_free(key);
	json_object *pending = value ? sqz_json_parse(value, len, "the pending authorization", SQZ_E_STORE, err) : NULL;
	sqz_free_secret(value);
	if (!pending) {
		if (value) {
			return err->status;
		}
		sqz_error_clear(err);
		return sqz_error_set(err, SQZ_E_AUTHORIZATION, "this authorization is unknown or was already completed "
							       "(a state is valid once, for 10 minutes, in the Store where it started): press Authenticate again");
	}
	int64_t created = 0;
	sqz_json_int64(pending, "created_at", &created);
	const char *fp = sqz_json_string(pending, "fingerprint");
	char *verifier = sqz_strdup(sqz_json_string(pending, "verifier"));
	int fp_same = fp && strcmp(fp, o->fingerprint) == 0;
	json_object_put(pending);
	sqz_status st;
	if (sqz_clock_now() - created > SQZ_OAUTH_PENDING_TTL) {
		st = sqz_error_set(err, SQZ_E_AUTHORIZATION, "this authorization expired (more than 10 minutes passed since it started): "
							     "press Authenticate again");
	} else if (error) {
		token_answer a = { 0 };
		a.error = sqz_strdup(error);
		a.description = clean_description(param(params, count, "error_description"));
		a.error_code = code_of(NULL, param(params, count, "error_description"));
		answer_error(o, &a, "the authorization", SQZ_E_AUTHORIZATION, err);
		token_answer_clear(&a);
		st = SQZ_E_AUTHORIZATION;
	} else if (!fp_same) {
		st = sqz_error_set(err, SQZ_E_AUTHORIZATION, "the configuration changed while the sign-in was in progress: press Authenticate again");
	} else if (!code || !*code || !verifier) {
		st = sqz_error_set(err, SQZ_E_AUTHORIZATION, "the redirect carries neither a code nor an error: pass the redirect's whole query");
	} else {
		sqz_buf form = SQZ_BUF_INIT;
		char *scopes = join_scopes(c->scopes, c->scope_count);
		token_answer a = { 0 };
		sqz_epoch sent_at = 0;
		if (!scopes || form_add(&form, "grant_type", "authorization_code") || form_add(&form, "code", code)
			|| form_add(&form, "redirect_uri", c->redirect_uri) || form_add(&form, "code_verifier", verifier)
			|| form_add(&form, "scope", scopes)) {
			st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		} else {
			st = post_grant(o, &form, 1, &a, &sent_at, err);
		}
		if (st == SQZ_OK && a.error) {
			answer_error(o, &a, "redeeming the authorization code", is_transient(&a) ? SQZ_E_GRAPH : SQZ_E_AUTHORIZATION, err);
			st = err->status;
		}
		if (st == SQZ_OK) {
			sqz_token_record r = { 0 };
			st = record_from_answer(o, &a, sent_at, &r, err);
			if (st == SQZ_OK) {
				st = write_record(o, &r, err);
			}
			if (st == SQZ_OK) {
				write_status(o, NULL);
				st = build_info(o, &r, 1, info, err);
			}
			sqz_token_record_clear(&r);
		} else if (err->message) {
			write_status(o, err->message);
		}
		token_answer_clear(&a);
		sqz_buf_free_secret(&form);
		sqz_free(scopes);
	}
	sqz_free_secret(verifier);
	return st;
}

/* ---------------------------------------------------- refresh / acquire */

/* Asks the token endpoint for a new access token (refresh_token grant, or
 * client_credentials) and writes the record in one durable put. Called
 * with the lock held. *record is updated on success and on a grant failure
 * (marked); untouched on a transient failure. */
static sqz_status renew(sqz_oauth *o, sqz_token_record *record, int found, sqz_error *err)
{
	const sqz_config *c = o->config;
	sqz_buf form = SQZ_BUF_INIT;
	token_answer a = { 0 };
	sqz_epoch sent_at = 0;
	sqz_status st;
	int delegated = c->flow == SQZ_FLOW_DELEGATED;
	char *scopes = join_scopes(c->scopes, c->scope_count);
	if (!scopes) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	if (delegated && !record->refresh_token) {
		sqz_free(scopes);
		return blocked_error(o, record, "no_refresh_token", err);
	}
	if (delegated) {
		if (form_add(&form, "grant_type", "refresh_token") || form_add(&form, "refresh_token", record->refresh_token)
			|| form_add(&form, "scope", scopes)) {
			st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
			goto done;
		}
	} else if (form_add(&form, "grant_type", "client_credentials") || form_add(&form, "scope", scopes)) {
		st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		goto done;
	}
	st = post_grant(o, &form, 0, &a, &sent_at, err);
	if (st == SQZ_OK && a.error) {
		const char *doing = delegated ? "refreshing the access token" : "acquiring an application token";
		if (is_transient(&a)) {
			answer_error(o, &a, doing, a.status == 429 ? SQZ_E_THROTTLED : SQZ_E_GRAPH, err);
		} else if (delegated && needs_interaction(&a)) {
			answer_error(o, &a, doing, SQZ_E_REAUTHENTICATE, err);
			/* The grant is dead: remember it so that every caller (and
			 * status()) says so without asking Microsoft again. */
			record->needs_reauth = 1;
			sqz_free(record->reason);
			sqz_free(record->error_code);
			sqz_free(record->error_description);
			record->reason = sqz_strdup(reason_of(&a));
			record->error_code = sqz_strdup(a.error_code);
			record->error_description = sqz_strdup(a.description);
			sqz_error werr = SQZ_ERROR_INIT;
			if (write_record(o, record, &werr) != SQZ_OK) {
				sqz_error_clear(&werr);
			}
		} else {
			answer_error(o, &a, doing, SQZ_E_AUTHORIZATION, err);
		}
		st = err->status;
	}
	if (st == SQZ_OK) {
		if (!found) {
			memset(record, 0, sizeof *record);
		}
		st = record_from_answer(o, &a, sent_at, record, err);
		if (st == SQZ_OK) {
			st = write_record(o, record, err);
		}
		if (st == SQZ_OK) {
			write_status(o, NULL);
		}
	} else if (st != SQZ_E_STORE && st != SQZ_E_NOMEM && err->message) {
		write_status(o, err->message);
	}
done:
	token_answer_clear(&a);
	sqz_buf_free_secret(&form);
	sqz_free(scopes);
	return st;
}

/* Why a record cannot give a token without a human; NULL when it can. */
static const char *blocked_reason(const sqz_oauth *o, const sqz_token_record *r, int found)
{
	if (o->config->flow == SQZ_FLOW_CLIENT_CREDENTIALS) {
		return NULL;    /* the application can always ask again */
	}
	if (!found) {
		return "not_authorized";
	}
	if (!r->fingerprint || strcmp(r->fingerprint, o->fingerprint) != 0) {
		return "configuration_changed";
	}
	if (r->needs_reauth) {
		return r->reason ? r->reason : "invalid_grant";
	}
	if (!r->refresh_token && sqz_clock_now() >= r->expires_at) {
		return "no_refresh_token";
	}
	if (r->refresh_token && r->last_refresh_at && sqz_clock_now() >= r->last_refresh_at + SQZ_OAUTH_IDLE_LIMIT) {
		return "refresh_token_expired";
	}
	return NULL;
}

static sqz_status blocked_error(const sqz_oauth *o, const sqz_token_record *r, const char *reason, sqz_error *err)
{
	const char *what =
		strcmp(reason, "not_authorized") == 0 ? "this mailbox has not been authorized yet: press Authenticate (or run sqzgraph authorize)" : strcmp(reason, "configuration_changed") == 0 ? "the configuration changed in a way that invalidates the authorization "
																								    "(tenant, client id, redirect URI, scopes, endpoints or mailbox): press Authenticate to authorize again"
		: strcmp(reason, "no_refresh_token") == 0                                                                                                                                         ? "the access token expired and there is no refresh token (offline_access was not granted): "
																								    "press Authenticate to authorize again"
		: strcmp(reason, "refresh_token_expired") == 0                                                                                                                                    ? "the refresh token expired after 90 days without use: press Authenticate to authorize again "
																								    "and keep the refresh-tokens job running"
																								  : "the authorization is no longer valid: press Authenticate to authorize again";
	if (r && r->needs_reauth && r->error_code) {
		const char *advice = advice_for(r->error_code);
		sqz_error_set(err, SQZ_E_REAUTHENTICATE, "%s: %s%s%s", o->config->client_id, r->error_code,
			advice ? " — " : "", advice ? advice : what);
	} else {
		sqz_error_set(err, SQZ_E_REAUTHENTICATE, "%s", what);
	}
	sqz_error_set_reason(err, reason);
	if (r && r->needs_reauth) {
		sqz_error_set_oauth(err, r->reason, r->error_code, r->error_description);
	}
	return SQZ_E_REAUTHENTICATE;
}

/* The common path of accessToken() and refresh(): returns with *record
 * holding a fresh token, renewing under the lock when needed. */
static sqz_status ensure_fresh(sqz_oauth *o, int force, sqz_token_record *record, int *refreshed, sqz_error *err)
{
	int found = 0;
	*refreshed = 0;
	if (read_record(o, record, &found, err) != SQZ_OK) {
		return err->status;
	}
	int same_config = found && record->fingerprint && strcmp(record->fingerprint, o->fingerprint) == 0;
	const char *blocked = blocked_reason(o, record, found);
	if (blocked) {
		return blocked_error(o, record, blocked, err);
	}
	if (!force && same_config && !sqz_token_record_stale(record, sqz_clock_now())) {
		return SQZ_OK;
	}
	if (o->config->flow == SQZ_FLOW_DELEGATED && !record->refresh_token) {
		/* Nothing to refresh with (blocked_reason() already caught an
		 * expired one): use the token while it lasts. */
		return SQZ_OK;
	}
	int acquired = 0;
	if (sqz_store_lock(&o->store, RECORD_KEY, sizeof RECORD_KEY - 1, SQZ_OAUTH_LOCK_TIMEOUT, &acquired, err) != SQZ_OK) {
		return err->status;
	}
	if (!acquired) {
		/* Another process is refreshing and slow; a token with time left
		 * is still good to use. */
		if (same_config && record->access_token && sqz_clock_now() < record->expires_at) {
			return SQZ_OK;
		}
		return sqz_error_set(err, SQZ_E_STORE, "timed out after %.0f s waiting for the Store lock held by another process refreshing the token",
			SQZ_OAUTH_LOCK_TIMEOUT);
	}
	/* Under the lock: someone else may have refreshed meanwhile. */
	sqz_token_record_clear(record);
	sqz_status st = read_record(o, record, &found, err);
	if (st == SQZ_OK) {
		same_config = found && record->fingerprint && strcmp(record->fingerprint, o->fingerprint) == 0;
		blocked = blocked_reason(o, record, found);
		if (blocked) {
			st = blocked_error(o, record, blocked, err);
		} else if (force || !same_config || sqz_token_record_stale(record, sqz_clock_now())) {
			if (!same_config) {
				/* client_credentials under a new configuration: start over. */
				sqz_token_record_clear(record);
				found = 0;
			}
			st = renew(o, record, found, err);
			*refreshed = st == SQZ_OK;
		}
	}
	sqz_error uerr = SQZ_ERROR_INIT;
	if (sqz_store_unlock(&o->store, RECORD_KEY, sizeof RECORD_KEY - 1, &uerr) != SQZ_OK && st == SQZ_OK) {
		sqz_error_move(err, &uerr);
		st = err->status;
	}
	sqz_error_clear(&uerr);
	return st;
}

sqz_status sqz_oauth_access_token(sqz_oauth *o, int force, char **token, sqz_error *err)
{
	sqz_token_record r = { 0 };
	int refreshed = 0;
	*token = NULL;
	sqz_status st = ensure_fresh(o, force, &r, &refreshed, err);
	if (st == SQZ_OK && !(*token = sqz_strdup(r.access_token))) {
		st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	sqz_token_record_clear(&r);
	return st;
}

sqz_status sqz_oauth_refresh(sqz_oauth *o, int force, sqz_token_info *info, int *refreshed, sqz_error *err)
{
	sqz_token_record r = { 0 };
	memset(info, 0, sizeof *info);
	sqz_status st = ensure_fresh(o, force, &r, refreshed, err);
	if (st == SQZ_OK) {
		st = build_info(o, &r, 1, info, err);
	}
	sqz_token_record_clear(&r);
	return st;
}

/* ------------------------------------------------------------- status */

void sqz_token_info_clear(sqz_token_info *info)
{
	sqz_free(info->reason);
	sqz_free(info->error_code);
	sqz_free(info->account);
	free_list(info->scopes, info->scope_count);
	sqz_free(info->last_error);
	free_list(info->warnings, info->warning_count);
	memset(info, 0, sizeof *info);
}

/* fmt takes: days left (%ld), plural "s" (%s), the UTC date (%s). */
static void warn(sqz_token_info *info, const char *fmt, sqz_epoch when, sqz_epoch now)
{
	char date[32], text[400];
	sqz_clock_format_iso8601(when, date);
	date[10] = '\0';
	long days = (long)((when - now + 86399) / 86400);
	snprintf(text, sizeof text, fmt, days, days == 1 ? "" : "s", date);
	push(&info->warnings, &info->warning_count, text);
}

static sqz_status build_info(sqz_oauth *o, const sqz_token_record *r, int found, sqz_token_info *info, sqz_error *err)
{
	const sqz_config *c = o->config;
	sqz_epoch now = sqz_clock_now();
	memset(info, 0, sizeof *info);
	info->flow = c->flow;
	const char *blocked = blocked_reason(o, r, found);
	int same_config = found && r->fingerprint && strcmp(r->fingerprint, o->fingerprint) == 0;
	if (c->flow == SQZ_FLOW_CLIENT_CREDENTIALS) {
		info->authorized = same_config && r->access_token && now < r->expires_at;
		if (!info->authorized) {
			info->reason = sqz_strdup(same_config ? "token_expired" : "not_authorized");
		}
	} else {
		info->authorized = blocked == NULL;
		info->needs_reauth = blocked != NULL;
		info->reason = sqz_strdup(blocked);
	}
	if (found) {
		if (same_config) {
			info->expires_at = r->expires_at;
			info->obtained_at = r->obtained_at;
			info->last_refresh_at = r->last_refresh_at;
			if (r->refresh_token && r->last_refresh_at) {
				info->refresh_token_expires_at = r->last_refresh_at + SQZ_OAUTH_IDLE_LIMIT;
			}
			for (size_t i = 0; i < r->scope_count; i++) {
				push(&info->scopes, &info->scope_count, r->scopes[i]);
			}
		}
		/* Who signed in, kept across a configuration change (the page
		 * says whose grant it was); an application has no account, and a
		 * record left by a delegated configuration names someone else. */
		if (c->flow != SQZ_FLOW_CLIENT_CREDENTIALS) {
			info->account = sqz_strdup(r->account);
		}
		if (r->needs_reauth) {
			info->error_code = sqz_strdup(r->error_code);
		}
	}
	char *value = NULL;
	size_t len = 0;
	sqz_error ignored = SQZ_ERROR_INIT;
	if (sqz_store_get(&o->store, STATUS_KEY, sizeof STATUS_KEY - 1, &value, &len, &ignored) == SQZ_OK && value) {
		json_object *s = sqz_json_parse(value, len, "token status", SQZ_E_STORE, &ignored);
		info->last_error = sqz_strdup(sqz_json_string(s, "last_error"));
		if (s) {
			json_object_put(s);
		}
	}
	sqz_free(value);
	sqz_error_clear(&ignored);

	if (c->client_secret && c->client_secret_expires) {
		if (now >= c->client_secret_expires) {
			char date[32], text[300];
			sqz_clock_format_iso8601(c->client_secret_expires, date);
			date[10] = '\0';
			snprintf(text, sizeof text, "the client secret expired on %s (UTC): create a new secret in the app registration and update client_secret", date);
			push(&info->warnings, &info->warning_count, text);
		} else if (c->client_secret_expires - now <= 30 * 86400) {
			warn(info, "the client secret expires in %ld day%s (%s): create a new secret in the app registration and update client_secret",
				c->client_secret_expires, now);
		}
	}
	if (info->authorized && info->refresh_token_expires_at && info->refresh_token_expires_at - now <= 14 * 86400) {
		warn(info, "the authorization dies in %ld day%s (%s) unless the token is refreshed: check that the refresh-tokens job runs",
			info->refresh_token_expires_at, now);
	}
	(void)err;
	return SQZ_OK;
}

sqz_status sqz_oauth_status(sqz_oauth *o, sqz_token_info *info, sqz_error *err)
{
	sqz_token_record r = { 0 };
	int found = 0;
	memset(info, 0, sizeof *info);
	sqz_status st = read_record(o, &r, &found, err);
	if (st == SQZ_OK) {
		st = build_info(o, &r, found, info, err);
	}
	sqz_token_record_clear(&r);
	return st;
}

sqz_status sqz_oauth_forget(sqz_oauth *o, sqz_error *err)
{
	if (sqz_store_delete(&o->store, RECORD_KEY, sizeof RECORD_KEY - 1, err) != SQZ_OK) {
		return err->status;
	}
	return sqz_store_delete(&o->store, STATUS_KEY, sizeof STATUS_KEY - 1, err);
}

sqz_status sqz_oauth_import(sqz_oauth *o, const char *access_token, const char *refresh_token, sqz_epoch expires_at,
	sqz_token_info *info, sqz_error *err)
{
	memset(info, 0, sizeof *info);
	if (!access_token || !*access_token) {
		return sqz_error_set(err, SQZ_E_CONFIG, "the legacy record has no access_token");
	}
	if (expires_at < 0 || expires_at > SQZ_OAUTH_EPOCH_MAX) {
		sqz_error_set(err, SQZ_E_CONFIG, "the legacy record's expires (%lld) is not a time between 1970 and 9999", (long long)expires_at);
		sqz_error_set_key(err, "expires");
		return SQZ_E_CONFIG;
	}
	sqz_token_record r = { 0 };
	r.fingerprint = sqz_strdup(o->fingerprint);
	r.flow = o->config->flow;
	r.access_token = sqz_strdup(access_token);
	r.refresh_token = refresh_token && *refresh_token ? sqz_strdup(refresh_token) : NULL;
	r.expires_at = expires_at;
	r.obtained_at = r.last_refresh_at = sqz_clock_now();
	for (size_t i = 0; i < o->config->scope_count; i++) {
		push(&r.scopes, &r.scope_count, o->config->scopes[i]);
	}
	sqz_status st = !r.fingerprint || !r.access_token ? sqz_error_set(err, SQZ_E_NOMEM, "out of memory") : write_record(o, &r, err);
	if (st == SQZ_OK) {
		st = build_info(o, &r, 1, info, err);
	}
	sqz_token_record_clear(&r);
	return st;
}
