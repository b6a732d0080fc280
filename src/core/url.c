/* sqzgraph core: URL parsing (libcurl's URL API) and the spans of a URL
 * string that messages and log lines need. */
#include "url.h"
#include "alloc.h"
#include "buf.h"

#include <arpa/inet.h>
#include <string.h>

#include <curl/curl.h>

/* ASCII only: a locale must not change what an origin compares equal to. */
static void ascii_lower(char *s)
{
	for (; *s; s++) {
		if (*s >= 'A' && *s <= 'Z') {
			*s = (char)(*s - 'A' + 'a');
		}
	}
}

static int ascii_casecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		char ca = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
		char cb = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
		if (ca != cb || !ca) {
			return (unsigned char)ca - (unsigned char)cb;
		}
	}
}

/* Moves a libcurl string into the core allocator: 0, or -2 when memory ran
 * out. The libcurl copy is freed either way. */
static int take_curl(char *s, char **out)
{
	*out = sqz_strdup(s);
	curl_free(s);
	return *out ? 0 : -2;
}

/* 1 when libcurl has the part; its value, if wanted, is moved to *out. */
static int get_part(CURLU *h, CURLUPart what, char **out, int *rc)
{
	char *part = NULL;
	CURLUcode c = curl_url_get(h, what, &part, 0);
	if (c == CURLUE_OUT_OF_MEMORY) {
		*rc = -2;
		return 0;
	}
	if (c != CURLUE_OK) {
		return 0;
	}
	if (!out) {
		curl_free(part);
		return 1;
	}
	if (take_curl(part, out) != 0) {
		*rc = -2;
		return 0;
	}
	return 1;
}

int sqz_url_parse(const char *text, sqz_url *out)
{
	memset(out, 0, sizeof *out);
	CURLU *h = curl_url();
	if (!h) {
		return -2;
	}
	int rc = 0;
	CURLUcode set = curl_url_set(h, CURLUPART_URL, text, 0);
	if (set != CURLUE_OK) {
		rc = set == CURLUE_OUT_OF_MEMORY ? -2 : -1;
		goto done;
	}
	/* libcurl refuses an empty host already; an empty one here would make
	 * "scheme://" an origin, so it stays refused whatever libcurl does. */
	if (!get_part(h, CURLUPART_SCHEME, &out->scheme, &rc) || !get_part(h, CURLUPART_HOST, &out->host, &rc)
		|| !*out->host) {
		rc = rc ? rc : -1;
		goto done;
	}
	ascii_lower(out->scheme);
	ascii_lower(out->host);
	/* libcurl hands the port back canonical (no leading zeros), so string
	 * equality with the default is numeric equality. */
	if (get_part(h, CURLUPART_PORT, &out->port, &rc)
		&& ((strcmp(out->scheme, "https") == 0 && strcmp(out->port, "443") == 0)
			|| (strcmp(out->scheme, "http") == 0 && strcmp(out->port, "80") == 0))) {
		sqz_free(out->port);
		out->port = NULL;
	}
	if (rc || !get_part(h, CURLUPART_PATH, &out->path, &rc)) {
		rc = rc ? rc : -1;
		goto done;
	}
	get_part(h, CURLUPART_QUERY, &out->query, &rc);
	out->has_fragment = get_part(h, CURLUPART_FRAGMENT, NULL, &rc);
	out->has_userinfo = get_part(h, CURLUPART_USER, NULL, &rc);
	out->has_userinfo |= get_part(h, CURLUPART_PASSWORD, NULL, &rc);
done:
	curl_url_cleanup(h);
	if (rc != 0) {
		sqz_url_clear(out);
	}
	return rc;
}

void sqz_url_clear(sqz_url *u)
{
	sqz_free(u->scheme);
	sqz_free(u->host);
	sqz_free(u->port);
	sqz_free(u->path);
	sqz_free(u->query);
	memset(u, 0, sizeof *u);
}

char *sqz_url_origin(const sqz_url *u)
{
	sqz_buf b = SQZ_BUF_INIT;
	if (sqz_buf_appendf(&b, "%s://%s", u->scheme, u->host) != 0
		|| (u->port && sqz_buf_appendf(&b, ":%s", u->port) != 0)) {
		sqz_buf_free(&b);
		return NULL;
	}
	return sqz_buf_steal(&b, NULL);
}

char *sqz_url_normalised(const sqz_url *u, int with_query)
{
	sqz_buf b = SQZ_BUF_INIT;
	size_t plen = strlen(u->path);
	while (plen > 0 && u->path[plen - 1] == '/') {
		plen--;
	}
	if (sqz_buf_appendf(&b, "%s://%s", u->scheme, u->host) != 0
		|| (u->port && sqz_buf_appendf(&b, ":%s", u->port) != 0)
		|| sqz_buf_append(&b, u->path, plen) != 0
		|| (with_query && u->query && sqz_buf_appendf(&b, "?%s", u->query) != 0)) {
		sqz_buf_free(&b);
		return NULL;
	}
	return sqz_buf_steal(&b, NULL);
}

static int v6_is_loopback(const struct in6_addr *a6)
{
	return IN6_IS_ADDR_LOOPBACK(a6) || (IN6_IS_ADDR_V4MAPPED(a6) && a6->s6_addr[12] == 127);
}

int sqz_url_host_is_loopback(const char *host)
{
	if (!host || !*host) {
		return 0;
	}
	if (ascii_casecmp(host, "localhost") == 0) {
		return 1;
	}
	char plain[INET6_ADDRSTRLEN + 2];
	size_t len = strlen(host);
	struct in6_addr a6;
	if (host[0] == '[') {
		if (len < 3 || host[len - 1] != ']' || len - 2 >= sizeof plain) {
			return 0;
		}
		memcpy(plain, host + 1, len - 2);
		plain[len - 2] = '\0';
		return inet_pton(AF_INET6, plain, &a6) == 1 && v6_is_loopback(&a6);
	}
	struct in_addr a4;
	if (inet_pton(AF_INET, host, &a4) == 1) {
		return (ntohl(a4.s_addr) >> 24) == 127;
	}
	return inet_pton(AF_INET6, host, &a6) == 1 && v6_is_loopback(&a6);
}

/* ---- spans ------------------------------------------------------------------ */

int sqz_url_is_absolute(const char *ref)
{
	return strstr(ref, "://") != NULL;
}

const char *sqz_url_path_start(const char *url)
{
	const char *s = strstr(url, "://");
	return s ? strchr(s + 3, '/') : NULL;
}

void sqz_url_copy_path(const char *path, char *out, size_t out_len)
{
	size_t n = strcspn(path, "?#");
	if (n >= out_len) {
		n = out_len - 1;
	}
	memcpy(out, path, n);
	out[n] = '\0';
}

int sqz_url_userinfo(const char *s, size_t len, size_t *start, size_t *at)
{
	/* The first "://", not the first ':': "a:b://user:pw@h/" is refused as
	 * a URL, and its message must not show the password either. */
	const char *sep = NULL;
	for (size_t i = 0; i + 3 <= len; i++) {
		if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/') {
			sep = s + i;
			break;
		}
	}
	if (!sep || (size_t)(s + len - sep) <= 3) {
		return 0;
	}
	const char *auth = sep + 3, *end = s + len, *found = NULL;
	for (const char *p = auth; p < end && *p != '/' && *p != '?' && *p != '#'; p++) {
		if (*p == '@') {
			found = p;
		}
	}
	if (!found) {
		return 0;
	}
	*start = (size_t)(auth - s);
	*at = (size_t)(found - s);
	return 1;
}
