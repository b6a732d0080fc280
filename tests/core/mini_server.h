/* A loopback HTTP/1.1 server on a thread for the C unit tests: answers the
 * next connections with canned responses, one per connection, in order,
 * and remembers each request's head and (the start of) its body. No PHP,
 * no mock tenant.
 *
 *   mini_server s;
 *   mini_server_start(&s, (const char *[]){ "HTTP/1.1 200 OK\r\n...", NULL });
 *   ... "http://127.0.0.1:<s.port>/..." ...
 *   mini_server_stop(&s);
 */
#ifndef SQZ_TEST_MINI_SERVER_H
#define SQZ_TEST_MINI_SERVER_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#define MINI_SERVER_MAX 8

typedef struct mini_server {
	int fd;
	int port;
	pthread_t thread;
	const char *responses[MINI_SERVER_MAX];
	size_t count;
	size_t served;
	char requests[MINI_SERVER_MAX][2048];
	char bodies[MINI_SERVER_MAX][16384];
} mini_server;

/* Reads one request (head + Content-Length body); keeps the head and the
 * first body_size - 1 bytes of the body. */
static void mini_read_request(int c, char *head, size_t head_size, char *body, size_t body_size)
{
	char buf[65536];
	size_t len = 0;
	char *end = NULL;
	buf[0] = '\0';    /* else strstr() may find the previous request's end in the stale stack */
	while (len < sizeof buf - 1 && !(end = strstr(buf, "\r\n\r\n"))) {
		ssize_t n = read(c, buf + len, sizeof buf - 1 - len);
		if (n <= 0) {
			return;
		}
		len += (size_t)n;
		buf[len] = '\0';
	}
	if (!end) {
		return;
	}
	size_t head_len = (size_t)(end - buf) + 4;
	snprintf(head, head_size, "%.*s", (int)head_len, buf);
	const char *cl = strcasestr(buf, "\r\nContent-Length:");
	size_t want = cl ? strtoul(cl + 17, NULL, 10) : 0;
	size_t have = len - head_len;
	size_t kept = have < body_size - 1 ? have : body_size - 1;
	memcpy(body, buf + head_len, kept);
	body[kept] = '\0';
	while (have < want) {
		ssize_t n = read(c, buf, sizeof buf);
		if (n <= 0) {
			return;
		}
		size_t take = kept + (size_t)n < body_size - 1 ? (size_t)n : body_size - 1 - kept;
		memcpy(body + kept, buf, take);
		kept += take;
		body[kept] = '\0';
		have += (size_t)n;
	}
}

static void *mini_serve(void *arg)
{
	mini_server *s = arg;
	for (; s->served < s->count; s->served++) {
		int c = accept(s->fd, NULL, NULL);
		if (c < 0) {
			break;
		}
		mini_read_request(c, s->requests[s->served], sizeof s->requests[0], s->bodies[s->served], sizeof s->bodies[0]);
		const char *r = s->responses[s->served];
		size_t left = strlen(r);
		while (left > 0) {
			ssize_t n = write(c, r, left);
			if (n <= 0) {
				break;
			}
			r += n;
			left -= (size_t)n;
		}
		close(c);
	}
	return NULL;
}

/* responses: NULL-terminated; each is a complete HTTP response (the server
 * closes the connection after it, so Content-Length may be omitted). */
static int mini_server_start(mini_server *s, const char *const *responses)
{
	memset(s, 0, sizeof *s);
	while (responses[s->count] && s->count < MINI_SERVER_MAX) {
		s->responses[s->count] = responses[s->count];
		s->count++;
	}
	s->fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t alen = sizeof a;
	if (s->fd < 0 || bind(s->fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(s->fd, 8) != 0
		|| getsockname(s->fd, (struct sockaddr *)&a, &alen) != 0) {
		return -1;
	}
	s->port = ntohs(a.sin_port);
	/* A proxy from the environment must not take our loopback requests. */
	setenv("no_proxy", "*", 1);
	return pthread_create(&s->thread, NULL, mini_serve, s) == 0 ? 0 : -1;
}

static void mini_server_stop(mini_server *s)
{
	/* Unblocks accept() when fewer requests came than expected. */
	shutdown(s->fd, SHUT_RDWR);
	pthread_join(s->thread, NULL);
	close(s->fd);
}

#endif
