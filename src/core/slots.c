/* Request slots shared by threads (slots.h). */
#include "slots.h"

#include <time.h>
#include <unistd.h>

int sqz_slots_init(sqz_slots *s, int total)
{
	*s = (sqz_slots){ .total = total > 0 ? total : 1, .owner = getpid() };
	if (pthread_mutex_init(&s->lock, NULL) != 0) {
		return -1;
	}
	if (pthread_cond_init(&s->freed, NULL) != 0) {
		pthread_mutex_destroy(&s->lock);
		return -1;
	}
	return 0;
}

void sqz_slots_destroy(sqz_slots *s)
{
	pthread_cond_destroy(&s->freed);
	pthread_mutex_destroy(&s->lock);
}

static void remember_waiter(sqz_slots *s, void (*wake)(void *ctx), void *ctx)
{
	int empty = -1;
	for (int i = 0; i < SQZ_SLOTS_MAX_WAITERS; i++) {
		if (s->waiters[i].ctx == ctx) {
			return;
		}
		if (!s->waiters[i].ctx && empty < 0) {
			empty = i;
		}
	}
	if (empty >= 0) {
		s->waiters[empty].wake = wake;
		s->waiters[empty].ctx = ctx;
	}
	/* With every place taken (more loops than the bound) the loop still
	 * polls again within its transfer timeout: late, never stuck. */
}

int sqz_slots_try_take(sqz_slots *s, void (*wake)(void *ctx), void *ctx)
{
	pthread_mutex_lock(&s->lock);
	int took = s->in_use + s->blocked < s->total;
	if (took) {
		s->in_use++;
	} else if (wake) {
		remember_waiter(s, wake, ctx);
	}
	pthread_mutex_unlock(&s->lock);
	return took;
}

int sqz_slots_take(sqz_slots *s, const atomic_int *cancelled)
{
	pthread_mutex_lock(&s->lock);
	s->blocked++;
	while (s->in_use >= s->total && !(cancelled && atomic_load(cancelled))) {
		/* A cancel sets a flag and signals nobody: look at it now and then. */
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += 50 * 1000 * 1000;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		int rc = pthread_cond_timedwait(&s->freed, &s->lock, &until);
		(void)rc;
	}
	s->blocked--;
	int took = s->in_use < s->total;
	if (took) {
		s->in_use++;
	}
	pthread_mutex_unlock(&s->lock);
	return took;
}

void sqz_slots_give(sqz_slots *s)
{
	pthread_mutex_lock(&s->lock);
	if (s->in_use > 0) {
		s->in_use--;
	}
	/* Every waiting loop is woken: whichever comes first takes the slot,
	 * the others register again. */
	for (int i = 0; i < SQZ_SLOTS_MAX_WAITERS; i++) {
		if (s->waiters[i].ctx) {
			s->waiters[i].wake(s->waiters[i].ctx);
			s->waiters[i].ctx = NULL;
			s->waiters[i].wake = NULL;
		}
	}
	pthread_cond_signal(&s->freed);
	pthread_mutex_unlock(&s->lock);
}

void sqz_slots_forget(sqz_slots *s, void *ctx)
{
	pthread_mutex_lock(&s->lock);
	for (int i = 0; i < SQZ_SLOTS_MAX_WAITERS; i++) {
		if (s->waiters[i].ctx == ctx) {
			s->waiters[i].ctx = NULL;
			s->waiters[i].wake = NULL;
		}
	}
	pthread_mutex_unlock(&s->lock);
}
