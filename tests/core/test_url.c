/* url.c: the parser (scheme and host case, default ports, paths, queries,
 * fragments, user info, IPv6 literals, what is refused), origins and the
 * normalised form, the loopback test, the lenient spans messages and log
 * lines use; and the policies the callers keep on top of it (http.c's
 * http(s)-only origin, graph.c's endpoint paths and token origin). */
#include <stdlib.h>

#include "check.h"
#include "core/alloc.h"
#include "core/graph.h"
#include "core/http.h"
#include "core/url.h"

/* Parses url and checks every field; port/query NULL = absent. */
static void expect_parse(const char *url, const char *scheme, const char *host, const char *port, const char *path,
	const char *query, int fragment, int userinfo)
{
	sqz_url u;
	int rc = sqz_url_parse(url, &u);
	CHECK_INT(rc, 0);
	if (rc != 0) {
		fprintf(stderr, "  url: %s\n", url);
		return;
	}
	CHECK_STR(u.scheme, scheme);
	CHECK_STR(u.host, host);
	CHECK_STR(u.port, port);
	CHECK_STR(u.path, path);
	CHECK_STR(u.query, query);
	CHECK_INT(u.has_fragment, fragment);
	CHECK_INT(u.has_userinfo, userinfo);
	sqz_url_clear(&u);
	CHECK(u.scheme == NULL && u.host == NULL && u.path == NULL);
}

static void expect_refused(const char *url)
{
	sqz_url u;
	int rc = sqz_url_parse(url, &u);
	CHECK_INT(rc, -1);
	if (rc != -1) {
		fprintf(stderr, "  url: %s\n", url);
	}
	if (rc == 0) {
		sqz_url_clear(&u);
	}
	CHECK(u.scheme == NULL && u.host == NULL && u.port == NULL && u.path == NULL && u.query == NULL);
}

static void test_parse(void)
{
	expect_parse("https://graph.microsoft.com/v1.0", "https", "graph.microsoft.com", NULL, "/v1.0", NULL, 0, 0);
	/* Scheme and host lowercase; the path keeps its case. */
	expect_parse("HTTPS://Login.Example.COM/Base/", "https", "login.example.com", NULL, "/Base/", NULL, 0, 0);
	/* No path is "/". */
	expect_parse("https://h", "https", "h", NULL, "/", NULL, 0, 0);
	/* Default ports dropped for http and https only, compared as numbers. */
	expect_parse("https://h:443/x", "https", "h", NULL, "/x", NULL, 0, 0);
	expect_parse("https://h:0443/x", "https", "h", NULL, "/x", NULL, 0, 0);
	expect_parse("http://h:80/", "http", "h", NULL, "/", NULL, 0, 0);
	expect_parse("https://h:80/", "https", "h", "80", "/", NULL, 0, 0);
	expect_parse("http://h:443/", "http", "h", "443", "/", NULL, 0, 0);
	expect_parse("https://h:8443/", "https", "h", "8443", "/", NULL, 0, 0);
	expect_parse("http://h:08080/", "http", "h", "8080", "/", NULL, 0, 0);
	expect_parse("ftp://h:21/", "ftp", "h", "21", "/", NULL, 0, 0);
	expect_parse("http://h:/p", "http", "h", NULL, "/p", NULL, 0, 0);
	/* libcurl removes dot segments. */
	expect_parse("https://h/a/../b/./c", "https", "h", NULL, "/b/c", NULL, 0, 0);
	/* Query and fragment. */
	expect_parse("https://h/p?a=1&b=/c", "https", "h", NULL, "/p", "a=1&b=/c", 0, 0);
	expect_parse("https://h/p#frag", "https", "h", NULL, "/p", NULL, 1, 0);
	expect_parse("https://h/p?q#f", "https", "h", NULL, "/p", "q", 1, 0);
	expect_parse("https://h?x=/y", "https", "h", NULL, "/", "x=/y", 0, 0);
	/* User info: noted, never kept. */
	expect_parse("https://user:pw@h/p", "https", "h", NULL, "/p", NULL, 0, 1);
	expect_parse("https://user@h/p", "https", "h", NULL, "/p", NULL, 0, 1);
	expect_parse("https://:pw@h/p", "https", "h", NULL, "/p", NULL, 0, 1);
	/* IPv6 literals keep their brackets; a zone id is not part of the host. */
	expect_parse("http://[::1]:8080/cb", "http", "[::1]", "8080", "/cb", NULL, 0, 0);
	expect_parse("http://[::1]:80/", "http", "[::1]", NULL, "/", NULL, 0, 0);
	expect_parse("https://[FE80::1%25eth0]/", "https", "[fe80::1]", NULL, "/", NULL, 0, 0);
	expect_parse("http://127.0.0.1:8080/mock/", "http", "127.0.0.1", "8080", "/mock/", NULL, 0, 0);

	/* Not an absolute URL with a host. */
	expect_refused("");
	expect_refused("graph.microsoft.com/v1.0");
	expect_refused("/me/messages");
	expect_refused("https://");
	expect_refused("http://:80/");
	expect_refused("http://user@:80/");
	expect_refused("https://a b/");
	expect_refused("https://h:65536/");
	expect_refused("https://h:-1/");
	expect_refused("file:///etc/passwd");
	expect_refused("a:b://user:pw@h/");
}

static void test_origin_and_normalised(void)
{
	sqz_url u;
	CHECK_INT(sqz_url_parse("HTTPS://Graph.Microsoft.COM:443/v1.0//?$top=1#x", &u), 0);
	char *s = sqz_url_origin(&u);
	CHECK_STR(s, "https://graph.microsoft.com");
	sqz_free(s);
	s = sqz_url_normalised(&u, 0);
	CHECK_STR(s, "https://graph.microsoft.com/v1.0");
	sqz_free(s);
	s = sqz_url_normalised(&u, 1);
	CHECK_STR(s, "https://graph.microsoft.com/v1.0?$top=1");
	sqz_free(s);
	sqz_url_clear(&u);

	CHECK_INT(sqz_url_parse("http://[::1]:9000/", &u), 0);
	s = sqz_url_origin(&u);
	CHECK_STR(s, "http://[::1]:9000");
	sqz_free(s);
	/* The root path normalises to no path at all. */
	s = sqz_url_normalised(&u, 1);
	CHECK_STR(s, "http://[::1]:9000");
	sqz_free(s);
	sqz_url_clear(&u);

	CHECK_INT(sqz_url_parse("https://squeeze.example.com/cb?state=x", &u), 0);
	s = sqz_url_normalised(&u, 1);
	CHECK_STR(s, "https://squeeze.example.com/cb?state=x");
	sqz_free(s);
	sqz_url_clear(&u);
	sqz_url_clear(&u); /* twice is fine: cleared means zeroed */
}

static void test_loopback(void)
{
	CHECK(sqz_url_host_is_loopback("127.0.0.1"));
	CHECK(sqz_url_host_is_loopback("127.1.2.3"));
	CHECK(sqz_url_host_is_loopback("127.255.255.254"));
	CHECK(sqz_url_host_is_loopback("[::1]"));
	CHECK(sqz_url_host_is_loopback("::1"));
	CHECK(sqz_url_host_is_loopback("[0:0:0:0:0:0:0:1]"));
	CHECK(sqz_url_host_is_loopback("[::ffff:127.0.0.1]"));
	CHECK(sqz_url_host_is_loopback("[::ffff:7f00:1]"));
	CHECK(sqz_url_host_is_loopback("::ffff:127.9.9.9"));
	CHECK(sqz_url_host_is_loopback("localhost"));
	CHECK(sqz_url_host_is_loopback("LOCALHOST"));
	CHECK(!sqz_url_host_is_loopback("localhost."));
	CHECK(!sqz_url_host_is_loopback("localhost.evil.com"));
	CHECK(!sqz_url_host_is_loopback("127.0.0.1.nip.io"));
	CHECK(!sqz_url_host_is_loopback("128.0.0.1"));
	CHECK(!sqz_url_host_is_loopback("0.0.0.0"));
	CHECK(!sqz_url_host_is_loopback("[::2]"));
	CHECK(!sqz_url_host_is_loopback("[::]"));
	CHECK(!sqz_url_host_is_loopback("[::ffff:10.0.0.1]"));
	CHECK(!sqz_url_host_is_loopback("[::1"));
	CHECK(!sqz_url_host_is_loopback("[]"));
	CHECK(!sqz_url_host_is_loopback("[127.0.0.1]"));
	CHECK(!sqz_url_host_is_loopback("[fe80::1%eth0]"));
	CHECK(!sqz_url_host_is_loopback("[0000:0000:0000:0000:0000:0000:0000:0000:1]"));
	CHECK(!sqz_url_host_is_loopback(""));
	CHECK(!sqz_url_host_is_loopback(NULL));
	/* The host as the parser hands it over decides. */
	sqz_url u;
	CHECK_INT(sqz_url_parse("http://LocalHost:8080/cb", &u), 0);
	CHECK(sqz_url_host_is_loopback(u.host));
	sqz_url_clear(&u);
	/* However libcurl spells a mapped address (it may rewrite it). */
	CHECK_INT(sqz_url_parse("http://[::ffff:127.0.0.1]/", &u), 0);
	CHECK(sqz_url_host_is_loopback(u.host));
	sqz_url_clear(&u);
	CHECK_INT(sqz_url_parse("http://[::ffff:10.0.0.1]/", &u), 0);
	CHECK(!sqz_url_host_is_loopback(u.host));
	sqz_url_clear(&u);
}

static void test_spans(void)
{
	CHECK(sqz_url_is_absolute("https://h/p"));
	CHECK(sqz_url_is_absolute("x://"));
	CHECK(!sqz_url_is_absolute("/me/messages"));
	CHECK(!sqz_url_is_absolute("http:/host/p"));
	CHECK(!sqz_url_is_absolute(""));

	CHECK_STR(sqz_url_path_start("https://graph.microsoft.com/v1.0/me?x=1"), "/v1.0/me?x=1");
	CHECK_STR(sqz_url_path_start("https://graph.microsoft.com"), NULL);
	CHECK_STR(sqz_url_path_start("/me/messages"), NULL);
	CHECK_STR(sqz_url_path_start("http://[::1]:9000/v1.0"), "/v1.0");
	/* Lenient: a '/' in a query right after the host counts. */
	CHECK_STR(sqz_url_path_start("https://h?a=/b"), "/b");
	/* The first "://" decides, whatever precedes it. */
	CHECK_STR(sqz_url_path_start("not a url://h/p"), "/p");
	const char *u = "https://h/p";
	CHECK(sqz_url_path_start(u) == u + 9);

	char out[8];
	sqz_url_copy_path("/me/messages?$top=1", out, sizeof out);
	CHECK_STR(out, "/me/mes");
	sqz_url_copy_path("/a?secret=1", out, sizeof out);
	CHECK_STR(out, "/a");
	sqz_url_copy_path("/a#f?x", out, sizeof out);
	CHECK_STR(out, "/a");
	sqz_url_copy_path("", out, sizeof out);
	CHECK_STR(out, "");
	char one[1];
	sqz_url_copy_path("/abc", one, sizeof one);
	CHECK_STR(one, "");

	size_t start = 99, at = 99;
	const char *s = "https://user:pw@host/p";
	CHECK(sqz_url_userinfo(s, strlen(s), &start, &at));
	CHECK_INT(start, 8);
	CHECK_INT(at, 15);
	/* The last '@' of the authority; an '@' in the path does not count. */
	s = "https://a@b@host/x@y";
	CHECK(sqz_url_userinfo(s, strlen(s), &start, &at));
	CHECK_INT(start, 8);
	CHECK_INT(at, 11);
	s = "https://host/x@y";
	CHECK(!sqz_url_userinfo(s, strlen(s), &start, &at));
	s = "https://host?x@y";
	CHECK(!sqz_url_userinfo(s, strlen(s), &start, &at));
	s = "https://host#x@y";
	CHECK(!sqz_url_userinfo(s, strlen(s), &start, &at));
	/* Only len bytes are read: the '@' after them is not seen. */
	s = "https://host@evil";
	CHECK(!sqz_url_userinfo(s, 12, &start, &at));
	CHECK(sqz_url_userinfo(s, 13, &start, &at));
	CHECK_INT(at, 12);
	/* The first "://" counts, wherever the first ':' is: a refused value
	 * such as this one must not show its password in the message. */
	s = "a:b://u:p@h/";
	CHECK(sqz_url_userinfo(s, strlen(s), &start, &at));
	CHECK_INT(start, 6);
	CHECK_INT(at, 9);
	s = "https://host/p?next=https://u:p@h";
	CHECK(!sqz_url_userinfo(s, strlen(s), &start, &at));
	s = "://u@h";
	CHECK(sqz_url_userinfo(s, strlen(s), &start, &at));
	CHECK_INT(start, 3);
	CHECK(!sqz_url_userinfo("a:/", 3, &start, &at));
	CHECK(!sqz_url_userinfo("://", 3, &start, &at));
	CHECK(!sqz_url_userinfo("", 0, &start, &at));
}

/* http.c's origin keeps its policy on top of the parser: http(s) only. */
static void test_http_origin(void)
{
	char *o = sqz_http_origin("HTTPS://Graph.Microsoft.COM:443/v1.0/me?x#y");
	CHECK_STR(o, "https://graph.microsoft.com");
	sqz_free(o);
	o = sqz_http_origin("https://user:pw@graph.microsoft.com/v1.0");
	CHECK_STR(o, "https://graph.microsoft.com");
	sqz_free(o);
	o = sqz_http_origin("http://[::1]:80/x");
	CHECK_STR(o, "http://[::1]");
	sqz_free(o);
	o = sqz_http_origin("http://127.0.0.1:8080");
	CHECK_STR(o, "http://127.0.0.1:8080");
	sqz_free(o);
	o = sqz_http_origin("https://h:80/");
	CHECK_STR(o, "https://h:80");
	sqz_free(o);
	CHECK_STR(sqz_http_origin("ftp://graph.microsoft.com/"), NULL);
	CHECK_STR(sqz_http_origin("/v1.0/me"), NULL);
	CHECK_STR(sqz_http_origin("https://"), NULL);
	CHECK_STR(sqz_http_origin(""), NULL);
}

/* graph.c keeps its own reading of URLs on top of the spans: the version
 * path of the endpoint, absolute vs relative, the token's origin. */
static void test_graph_policies(void)
{
	sqz_graph g;
	sqz_error err = SQZ_ERROR_INIT;
	CHECK_INT(sqz_graph_init(&g, NULL, "https://Graph.Microsoft.com:443/v1.0//", &err), SQZ_OK);
	CHECK_STR(g.endpoint, "https://Graph.Microsoft.com:443/v1.0");
	CHECK_STR(g.origin, "https://graph.microsoft.com");
	CHECK_STR(g.version_path, "/v1.0");
	CHECK(sqz_graph_same_origin(&g, "https://graph.microsoft.com/v1.0/me/messages?$skip=10"));
	CHECK(sqz_graph_same_origin(&g, "HTTPS://GRAPH.MICROSOFT.COM:443/beta"));
	CHECK(!sqz_graph_same_origin(&g, "https://graph.microsoft.com:8443/v1.0"));
	CHECK(!sqz_graph_same_origin(&g, "http://graph.microsoft.com/v1.0"));
	CHECK(!sqz_graph_same_origin(&g, "https://graph.microsoft.com.evil.com/v1.0"));
	char *u = sqz_graph_url(&g, "me/messages");
	CHECK_STR(u, "https://Graph.Microsoft.com:443/v1.0/me/messages");
	sqz_free(u);
	u = sqz_graph_url(&g, "/me/messages");
	CHECK_STR(u, "https://Graph.Microsoft.com:443/v1.0/me/messages");
	sqz_free(u);
	u = sqz_graph_url(&g, "https://elsewhere.example/x");
	CHECK_STR(u, "https://elsewhere.example/x");
	sqz_free(u);
	sqz_graph_clear(&g);

	/* An endpoint without a path has an empty version path. */
	CHECK_INT(sqz_graph_init(&g, NULL, "http://127.0.0.1:8080", &err), SQZ_OK);
	CHECK_STR(g.version_path, "");
	CHECK_STR(g.origin, "http://127.0.0.1:8080");
	sqz_graph_clear(&g);

	CHECK_INT(sqz_graph_init(&g, NULL, "graph.microsoft.com/v1.0", &err), SQZ_E_CONFIG);
	CHECK_STR(err.message, "graph_endpoint 'graph.microsoft.com/v1.0' is not an absolute http(s) URL");
	sqz_error_clear(&err);
}

int main(void)
{
	RUN(test_parse);
	RUN(test_origin_and_normalised);
	RUN(test_loopback);
	RUN(test_spans);
	RUN(test_http_origin);
	RUN(test_graph_policies);
	return check_summary();
}
