/* @odata.nextLink origin checks: sqz_http_origin and sqz_graph_same_origin
 * on any string. Properties: an origin is "http(s)://host[:port]" in
 * lowercase without a path, user info or default port; a URL judged
 * same-origin has exactly graph_endpoint's origin; sqz_graph_url keeps an
 * absolute URL as it is (so the check and the request see the same URL);
 * the loopback test never calls a look-alike host loopback. */
#include <ctype.h>

#include "fuzz_support.h"
#include "core/config.h"
#include "core/graph.h"

static sqz_graph graphs[3];
static const char *const endpoints[3] = {
	"https://graph.microsoft.com/v1.0",
	"http://127.0.0.1:8080/v1.0",
	"https://microsoftgraph.chinacloudapi.cn:443/v1.0",
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	sqz_error err = SQZ_ERROR_INIT;
	for (int i = 0; i < 3; i++) {
		FZ_ASSERT(sqz_graph_init(&graphs[i], sqz_http_new(NULL), endpoints[i], &err) == SQZ_OK);
	}
	FZ_ASSERT(strcmp(graphs[2].origin, "https://microsoftgraph.chinacloudapi.cn") == 0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char *url = malloc(len + 1);
	memcpy(url, data, len);
	url[len] = '\0';
	char *origin = sqz_http_origin(url);
	if (origin) {
		FZ_ASSERT(strncmp(origin, "http://", 7) == 0 || strncmp(origin, "https://", 8) == 0);
		const char *host = strstr(origin, "://") + 3;
		FZ_ASSERT(*host != '\0');
		FZ_ASSERT(strchr(host, '/') == NULL && strchr(host, '@') == NULL && strchr(host, '?') == NULL && strchr(host, '#') == NULL);
		for (const char *p = origin; *p; p++) {
			FZ_ASSERT(!isupper((unsigned char)*p) && (unsigned char)*p > ' ');
		}
		size_t n = strlen(origin);
		FZ_ASSERT(!(n > 4 && strcmp(origin + n - 4, ":443") == 0 && strncmp(origin, "https:", 6) == 0));
		FZ_ASSERT(!(n > 3 && strcmp(origin + n - 3, ":80") == 0 && strncmp(origin, "http:", 5) == 0));
	}
	for (int i = 0; i < 3; i++) {
		int same = sqz_graph_same_origin(&graphs[i], url);
		FZ_ASSERT(same == (origin && strcmp(origin, graphs[i].origin) == 0));
		/* graph.c composes the request URL with sqz_graph_url and checks
		 * the origin again on the result; an absolute URL passes unchanged
		 * (one without "://", e.g. "http:/host", becomes a path below
		 * graph_endpoint and so stays on its origin). */
		char *composed = sqz_graph_url(&graphs[i], url);
		FZ_ASSERT(composed != NULL);
		if (!strstr(url, "://")) {
			/* Never another valid origin (unparseable is refused later). */
			char *o = sqz_http_origin(composed);
			FZ_ASSERT(o == NULL || strcmp(o, graphs[i].origin) == 0);
			sqz_free(o);
		}
		sqz_free(composed);
		if (same && strstr(url, "://")) {
			char *abs = sqz_graph_url(&graphs[i], url);
			FZ_ASSERT(abs && strcmp(abs, url) == 0);
			sqz_free(abs);
		}
	}
	/* The loopback rule that lets http:// through: only real loopback names. */
	if (sqz_config_host_is_loopback(url)) {
		FZ_ASSERT(strcasecmp(url, "localhost") == 0 || strncmp(url, "127.", 4) == 0 || strchr(url, ':') != NULL);
	}
	sqz_free(origin);
	free(url);
	return 0;
}
