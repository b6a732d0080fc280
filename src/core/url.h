/* sqzgraph core: the one place that takes URLs apart.
 *
 * Two kinds of reading, for two kinds of string:
 *
 * sqz_url_parse() is the parser: libcurl's URL API (CURLU), the same code
 * that later sends the request, so a check and the transfer never disagree
 * about which host a URL names. Option values (config.c) and the origin a
 * bearer token may go to (http.c, graph.c) are decided on its result.
 *
 * The span helpers below it never fail and never rewrite: they find a part
 * of a string that was accepted elsewhere (a normalised endpoint, a URL we
 * built) or that only ends up in a message or a log line (a foreign
 * nextLink, a value just refused). libcurl would refuse such a string or
 * change it (it removes dot segments), and a message must show what came.
 *
 * Policies stay with the callers: "https only, http on loopback" and the
 * option messages in config.c, "http(s) only" in http.c, "the token only to
 * graph_endpoint's origin" in graph.c. */
#ifndef SQZ_URL_H
#define SQZ_URL_H

#include <stddef.h>

typedef struct sqz_url {
	char *scheme;      /* lowercase */
	char *host;        /* lowercase, never empty; an IPv6 literal in brackets, without zone id */
	char *port;        /* decimal without leading zeros; NULL when absent or the default of http (80) / https (443) */
	char *path;        /* never NULL, "/" at least; dot segments removed (libcurl) */
	char *query;       /* without '?'; NULL when absent */
	int has_fragment;
	int has_userinfo;  /* a user name or a password was given (their values are not kept) */
} sqz_url;

/* Parses text (NUL-terminated) as an absolute URL with a host. Returns 0
 * with every field of *out owned by it (free with sqz_url_clear), -1 when
 * text is not such a URL, -2 when memory ran out; on failure *out holds
 * nothing to free. */
int sqz_url_parse(const char *text, sqz_url *out);

/* Frees what u holds and zeroes it; a zeroed sqz_url is fine. */
void sqz_url_clear(sqz_url *u);

/* "scheme://host[:port]" of u: a new string (sqz_free), NULL when memory
 * ran out. */
char *sqz_url_origin(const sqz_url *u);

/* Origin + path without trailing slashes (+ "?query" when with_query and u
 * has one): the form configuration URLs are stored and compared in. New
 * string (sqz_free), NULL when memory ran out. */
char *sqz_url_normalised(const sqz_url *u, int with_query);

/* Loopback test for a host as sqz_url_parse (libcurl) returns it:
 * 127.0.0.0/8, ::1 (also bracketed, also ::ffff:127.x.y.z) and "localhost"
 * (case-insensitive, an exact name: "localhost.evil.com" is not). NULL and
 * "" are not. 1 = loopback. */
int sqz_url_host_is_loopback(const char *host);

/* ---- spans of a string, no parsing ---------------------------------------- */

/* 1 when ref holds "://" anywhere: an absolute URL as graph.c tells one from
 * a path below the endpoint. */
int sqz_url_is_absolute(const char *ref);

/* Where the path starts in url: the first '/' after the first "://", so
 * inside url (borrowed); NULL when url holds no "://" or nothing follows
 * the authority. A '/' in a query right after the host ("https://h?a=/b")
 * counts: callers use it only on URLs they normalised or for display. */
const char *sqz_url_path_start(const char *url);

/* Copies path up to its first '?' or '#' into out (out_len > 0 bytes,
 * always NUL-terminated, cut when longer): a path for a message or a log
 * line, never a query string that might carry a secret. */
void sqz_url_copy_path(const char *path, char *out, size_t out_len);

/* The user info of s (len bytes, need not be NUL-terminated): when s holds
 * "://" and the authority after the first one (up to '/', '?' or
 * '#') holds an '@', returns 1 with *start at the first byte after "://"
 * and *at at the last such '@' (offsets into s). 0 otherwise. For masking a
 * password in a message, whatever s holds. */
int sqz_url_userinfo(const char *s, size_t len, size_t *start, size_t *at);

#endif
