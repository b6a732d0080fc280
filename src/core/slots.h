/* Request slots shared by threads: at most `total` HTTP requests of a
 * mailbox in flight, whichever thread sends them (the PHP thread's
 * handlers and the prefetch worker's fetch and moves). Outlook allows 4
 * concurrent requests per mailbox (GRAPH-FACTS §5); a fixed split between
 * the threads left a slot idle whenever one side had nothing to send. */
#ifndef SQZ_SLOTS_H
#define SQZ_SLOTS_H

#include <pthread.h>
#include <stdatomic.h>
#include <sys/types.h>

#define SQZ_SLOTS_MAX_WAITERS 4

typedef struct sqz_slots {
	pthread_mutex_t lock;
	pthread_cond_t freed;
	int total;
	int in_use;
	int blocked;                /* callers waiting in sqz_slots_take: a freed slot is theirs first */
	pid_t owner;                /* the process whose threads share them (a fork's copy does not) */
	/* Transfer loops that wait for a slot while their own requests are in
	 * flight: each is woken (its wake callback) when a slot frees, since
	 * it sleeps in its transfer poll, not on the condition. */
	struct {
		void (*wake)(void *ctx);
		void *ctx;
	} waiters[SQZ_SLOTS_MAX_WAITERS];
} sqz_slots;

/* Initialises slots with total (≥ 1) free. 0 = OK, -1 = the mutex or the
 * condition could not be made. sqz_slots_destroy when no thread uses it. */
int sqz_slots_init(sqz_slots *s, int total);
void sqz_slots_destroy(sqz_slots *s);

/* Takes a slot when one is free and no sqz_slots_take is waiting for it
 * (1), else 0 — and then, when wake is not NULL, wake(ctx) is called once
 * a slot frees (from the freeing thread). A loop with requests of its own
 * in flight tries again then; one without may block instead, and comes
 * first: the PHP thread's one request never waits behind a whole window
 * of the worker's. */
int sqz_slots_try_take(sqz_slots *s, void (*wake)(void *ctx), void *ctx);

/* Waits until a slot is free and takes it (1), or until *cancelled is set
 * (0). Only for a caller holding no slot: one that holds slots while it
 * waits could wait for itself. */
int sqz_slots_take(sqz_slots *s, const atomic_int *cancelled);

/* Gives back a slot taken by sqz_slots_try_take/sqz_slots_take. */
void sqz_slots_give(sqz_slots *s);

/* Forgets the wake callback registered with ctx (its loop is ending). */
void sqz_slots_forget(sqz_slots *s, void *ctx);

#endif
