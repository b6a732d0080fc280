/* slots.c: request slots shared by threads, alone and under two HTTP
 * stacks on two threads (never more requests in flight than slots, none
 * lost, a loop waiting with requests of its own in flight woken); a
 * stopped stack (sqz_http_stop) keeps the slot of its request in flight
 * until the answer and sends nothing more. */
#define _GNU_SOURCE
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "check.h"
#include "mini_server.h"
#include "core/clock.h"
#include "core/http.h"
#include "core/slots.h"

static void test_take_and_give(void)
{
	sqz_slots s;
	CHECK_INT(sqz_slots_init(&s, 2), 0);
	CHECK_INT(sqz_slots_try_take(&s, NULL, NULL), 1);
	CHECK_INT(sqz_slots_try_take(&s, NULL, NULL), 1);
	CHECK_INT(sqz_slots_try_take(&s, NULL, NULL), 0);
	sqz_slots_give(&s);
	CHECK_INT(sqz_slots_try_take(&s, NULL, NULL), 1);
	atomic_int cancelled = 1;
	CHECK_INT(sqz_slots_take(&s, &cancelled), 0);    /* full and cancelled: returns */
	sqz_slots_give(&s);
	cancelled = 0;
	CHECK_INT(sqz_slots_take(&s, &cancelled), 1);
	sqz_slots_give(&s);
	sqz_slots_give(&s);
	CHECK_INT(s.in_use, 0);
	sqz_slots_destroy(&s);
}

static atomic_int woken;
static void count_wake(void *ctx)
{
	(void)ctx;
	atomic_fetch_add(&woken, 1);
}

static void test_wake(void)
{
	sqz_slots s;
	CHECK_INT(sqz_slots_init(&s, 1), 0);
	int a, b;
	CHECK_INT(sqz_slots_try_take(&s, count_wake, &a), 1);
	CHECK_INT(sqz_slots_try_take(&s, count_wake, &a), 0);    /* registers a */
	CHECK_INT(sqz_slots_try_take(&s, count_wake, &a), 0);    /* once */
	CHECK_INT(sqz_slots_try_take(&s, count_wake, &b), 0);
	sqz_slots_forget(&s, &b);
	sqz_slots_give(&s);
	CHECK_INT(atomic_load(&woken), 1);
	sqz_slots_give(&s);    /* more gives than takes: never below 0 */
	CHECK_INT(s.in_use, 0);
	CHECK_INT(atomic_load(&woken), 1);    /* a woken once is forgotten */
	sqz_slots_destroy(&s);
}

/* A caller blocked in sqz_slots_take gets the slot that frees before any
 * try_take (a worker's loop) can. */
typedef struct blocked_taker {
	sqz_slots *slots;
	atomic_int took;
} blocked_taker;

static void *take_blocking(void *arg)
{
	blocked_taker *b = arg;
	atomic_store(&b->took, sqz_slots_take(b->slots, NULL));
	return NULL;
}

static void test_blocked_first(void)
{
	sqz_slots s;
	CHECK_INT(sqz_slots_init(&s, 1), 0);
	CHECK_INT(sqz_slots_try_take(&s, NULL, NULL), 1);
	blocked_taker b = { &s, 0 };
	pthread_t t;
	CHECK_INT(pthread_create(&t, NULL, take_blocking, &b), 0);
	for (int i = 0; i < 2000; i++) {    /* until it waits */
		pthread_mutex_lock(&s.lock);
		int waiting = s.blocked;
		pthread_mutex_unlock(&s.lock);
		if (waiting) {
			break;
		}
		struct timespec pause = { 0, 1000 * 1000 };
		nanosleep(&pause, NULL);
	}
	sqz_slots_give(&s);
	CHECK_INT(sqz_slots_try_take(&s, NULL, NULL), 0);    /* the blocked taker's */
	pthread_join(t, NULL);
	CHECK_INT(atomic_load(&b.took), 1);
	CHECK_INT(s.in_use, 1);
	sqz_slots_give(&s);
	CHECK_INT(sqz_slots_try_take(&s, NULL, NULL), 1);
	sqz_slots_give(&s);
	sqz_slots_destroy(&s);
}

/* One more holder in *holding; *most keeps the highest count seen. */
static void count_in(atomic_int *holding, atomic_int *most)
{
	int now = atomic_fetch_add(holding, 1) + 1;
	int seen = atomic_load(most);
	while (now > seen && !atomic_compare_exchange_weak(most, &seen, now)) {
	}
}

/* Threads that take, hold a moment and give: never more holders than slots. */
typedef struct holder_run {
	sqz_slots *slots;
	atomic_int *holding, *most;
} holder_run;

static void *hold_often(void *arg)
{
	holder_run *h = arg;
	for (int i = 0; i < 200; i++) {
		if (!sqz_slots_take(h->slots, NULL)) {
			continue;
		}
		count_in(h->holding, h->most);
		struct timespec pause = { 0, 20000 };
		nanosleep(&pause, NULL);
		atomic_fetch_sub(h->holding, 1);
		sqz_slots_give(h->slots);
	}
	return NULL;
}

static void test_threads(void)
{
	sqz_slots s;
	CHECK_INT(sqz_slots_init(&s, 3), 0);
	atomic_int holding = 0, most = 0;
	holder_run run = { &s, &holding, &most };
	pthread_t t[6];
	for (int i = 0; i < 6; i++) {
		CHECK_INT(pthread_create(&t[i], NULL, hold_often, &run), 0);
	}
	for (int i = 0; i < 6; i++) {
		pthread_join(t[i], NULL);
	}
	CHECK(atomic_load(&most) <= 3);
	CHECK(atomic_load(&most) >= 2);
	CHECK_INT(s.in_use, 0);
	sqz_slots_destroy(&s);
}

static void pause_ms(long ms)
{
	struct timespec pause = { ms / 1000, ms % 1000 * 1000 * 1000 };
	nanosleep(&pause, NULL);
}

/* A loopback server answering every connection on a thread of its own
 * after a pause, counting the requests it holds at once. */
typedef struct busy_server {
	int fd, port;
	long pause_ms;
	pthread_t thread;
	atomic_int open, most, served;
	atomic_int stop;
} busy_server;

typedef struct busy_conn {
	busy_server *s;
	int c;
} busy_conn;

static void *busy_answer(void *arg)
{
	busy_conn *bc = arg;
	char head[2048], body[16];
	mini_read_request(bc->c, head, sizeof head, body, sizeof body);
	count_in(&bc->s->open, &bc->s->most);
	pause_ms(bc->s->pause_ms);
	atomic_fetch_sub(&bc->s->open, 1);
	atomic_fetch_add(&bc->s->served, 1);    /* before the answer: the client may count at once */
	const char *r = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
	if (write(bc->c, r, strlen(r)) < 0) {
		/* the client gave up: its check fails */
	}
	close(bc->c);
	free(bc);
	return NULL;
}

static void *busy_serve(void *arg)
{
	busy_server *s = arg;
	while (!atomic_load(&s->stop)) {
		int c = accept(s->fd, NULL, NULL);
		if (c < 0) {
			break;
		}
		busy_conn *bc = malloc(sizeof *bc);
		pthread_t t;
		bc->s = s;
		bc->c = c;
		if (pthread_create(&t, NULL, busy_answer, bc) == 0) {
			pthread_detach(t);
		} else {
			close(c);
			free(bc);
		}
	}
	return NULL;
}

typedef struct client_run {
	sqz_http *http;
	char url[64];
	int ok;
} client_run;

/* n GETs of url at once (as many as the slots let through); resps[0..n)
 * initialised here, cleared by the caller. */
static sqz_status send_gets(sqz_http *http, const char *url, sqz_http_response *resps, size_t n)
{
	sqz_http_options opts = { .connect_timeout = 5, .timeout = 10 };
	sqz_http_request reqs[4];
	for (size_t i = 0; i < n; i++) {
		reqs[i] = (sqz_http_request){ .method = "GET", .url = url };
		sqz_http_response_init(&resps[i]);
	}
	return sqz_http_perform_many(http, &opts, reqs, resps, n, n, NULL, NULL, NULL);
}

static void *send_four(void *arg)
{
	client_run *cr = arg;
	sqz_http_response resps[4];
	if (send_gets(cr->http, cr->url, resps, 4) == SQZ_OK) {
		for (int i = 0; i < 4; i++) {
			cr->ok += resps[i].status == 200;
		}
	}
	for (int i = 0; i < 4; i++) {
		sqz_http_response_clear(&resps[i]);
	}
	return NULL;
}

static void busy_server_start(busy_server *srv, long pause_ms)
{
	memset(srv, 0, sizeof *srv);
	srv->pause_ms = pause_ms;
	srv->fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t alen = sizeof a;
	CHECK(srv->fd >= 0 && bind(srv->fd, (struct sockaddr *)&a, sizeof a) == 0 && listen(srv->fd, 16) == 0
		&& getsockname(srv->fd, (struct sockaddr *)&a, &alen) == 0);
	srv->port = ntohs(a.sin_port);
	setenv("no_proxy", "*", 1);
	CHECK_INT(pthread_create(&srv->thread, NULL, busy_serve, srv), 0);
}

static void busy_server_stop(busy_server *srv)
{
	atomic_store(&srv->stop, 1);
	shutdown(srv->fd, SHUT_RDWR);
	pthread_join(srv->thread, NULL);
	close(srv->fd);
	pause_ms(50);    /* the detached answer threads end */
}

static void test_two_stacks_share_slots(void)
{
	busy_server srv;
	busy_server_start(&srv, 30);

	sqz_slots slots;
	CHECK_INT(sqz_slots_init(&slots, 2), 0);
	sqz_error err = SQZ_ERROR_INIT;
	client_run runs[2];
	pthread_t t[2];
	for (int i = 0; i < 2; i++) {
		memset(&runs[i], 0, sizeof runs[i]);
		runs[i].http = sqz_http_new(&err);
		CHECK(runs[i].http != NULL);
		sqz_http_set_slots(runs[i].http, &slots);
		snprintf(runs[i].url, sizeof runs[i].url, "http://127.0.0.1:%d/r%d", srv.port, i);
	}
	for (int i = 0; i < 2; i++) {
		CHECK_INT(pthread_create(&t[i], NULL, send_four, &runs[i]), 0);
	}
	for (int i = 0; i < 2; i++) {
		pthread_join(t[i], NULL);
	}
	CHECK_INT(runs[0].ok, 4);
	CHECK_INT(runs[1].ok, 4);
	CHECK_INT(atomic_load(&srv.served), 8);
	CHECK_INT(atomic_load(&srv.most), 2);    /* 8 requests, 2 slots: always 2, never 3 */
	CHECK_INT(slots.in_use, 0);

	/* Without slots the same stacks send all 4 at once. */
	atomic_store(&srv.most, 0);
	sqz_http_set_slots(runs[0].http, NULL);
	send_four(&runs[0]);
	CHECK_INT(runs[0].ok, 8);
	CHECK_INT(atomic_load(&srv.most), 4);

	for (int i = 0; i < 2; i++) {
		sqz_http_free(runs[i].http);
	}
	sqz_slots_destroy(&slots);
	busy_server_stop(&srv);
}

/* Three requests, one at a time (one slot), on a thread of their own. */
typedef struct stopped_run {
	sqz_http *http;
	char url[64];
	sqz_http_response resps[3];
	sqz_status status;
} stopped_run;

static void *send_three(void *arg)
{
	stopped_run *sr = arg;
	sr->status = send_gets(sr->http, sr->url, sr->resps, 3);
	return NULL;
}

/* The server still works on a request whose client went away, and counts
 * it: a stopped stack gives its slot back only with the answer. */
static void test_stop_answers_requests_in_flight(void)
{
	busy_server srv;
	busy_server_start(&srv, 400);
	sqz_slots slots;
	CHECK_INT(sqz_slots_init(&slots, 1), 0);
	sqz_error err = SQZ_ERROR_INIT;
	stopped_run run;
	memset(&run, 0, sizeof run);
	run.http = sqz_http_new(&err);
	CHECK(run.http != NULL);
	sqz_http_set_slots(run.http, &slots);
	snprintf(run.url, sizeof run.url, "http://127.0.0.1:%d/slow", srv.port);
	pthread_t t;
	CHECK_INT(pthread_create(&t, NULL, send_three, &run), 0);
	for (int i = 0; i < 2000 && atomic_load(&srv.open) == 0; i++) {
		pause_ms(1);    /* until the server holds the first request */
	}
	CHECK_INT(atomic_load(&srv.open), 1);
	CHECK_INT(sqz_http_cancelled(run.http), 0);
	sqz_http_stop(run.http);
	CHECK(sqz_http_cancelled(run.http) != 0);
	pause_ms(150);    /* a cancel would have cut the request and given the slot back by now */
	CHECK_INT(sqz_slots_try_take(&slots, NULL, NULL), 0);
	pthread_join(t, NULL);
	CHECK_INT(run.status, SQZ_E_INTERNAL);
	CHECK_INT(run.resps[0].status, 200);
	CHECK_INT(run.resps[0].error.status, SQZ_OK);
	CHECK_STR(run.resps[0].body.data, "ok");
	for (int i = 1; i < 3; i++) {
		CHECK_INT(run.resps[i].status, 0);
		CHECK_INT(run.resps[i].error.status, SQZ_E_INTERNAL);
		CHECK_STR(run.resps[i].error.message, "the request was not sent: its answer is no longer needed");
	}
	CHECK_INT(atomic_load(&srv.served), 1);
	CHECK_INT(slots.in_use, 0);
	for (int i = 0; i < 3; i++) {
		sqz_http_response_clear(&run.resps[i]);
	}

	/* Stopped for good: nothing starts, a wait before a retry ends at once. */
	send_three(&run);
	CHECK_INT(run.status, SQZ_E_INTERNAL);
	CHECK_INT(run.resps[0].error.status, SQZ_E_INTERNAL);
	for (int i = 0; i < 3; i++) {
		sqz_http_response_clear(&run.resps[i]);
	}
	double before = sqz_clock_monotonic();
	sqz_http_wait(run.http, 5);
	CHECK(sqz_clock_monotonic() - before < 1);
	CHECK_INT(atomic_load(&srv.served), 1);

	/* A cancel is not undone by a later stop: everything ends at once. */
	sqz_http_cancel(run.http);
	sqz_http_stop(run.http);
	send_three(&run);
	CHECK_STR(run.resps[0].error.message, "the request was cancelled: the import run ended");
	for (int i = 0; i < 3; i++) {
		sqz_http_response_clear(&run.resps[i]);
	}
	sqz_http_set_slots(run.http, NULL);
	sqz_http_free(run.http);
	sqz_slots_destroy(&slots);
	busy_server_stop(&srv);
	sqz_error_clear(&err);
}

int main(void)
{
	(void)mini_server_start;    /* only its request reader is used here */
	(void)mini_server_stop;
	RUN(test_take_and_give);
	RUN(test_wake);
	RUN(test_blocked_first);
	RUN(test_threads);
	RUN(test_two_stacks_share_slots);
	RUN(test_stop_answers_requests_in_flight);
	return check_summary();
}
