/* Worker pool with in-order delivery (see pool.h). */
#include <pthread.h>
#include <stdlib.h>

#include "pool.h"

enum { SLOT_FREE, SLOT_PENDING, SLOT_DONE };

struct pool {
	const struct cli_pool_ops *ops;
	pthread_mutex_t mu;
	pthread_cond_t work; /* a slot became pending, or the run ends */
	pthread_cond_t done; /* the slot the deliverer waits for is done */
	unsigned char *slots;
	int *state;
	size_t window;
	size_t next_in;   /* items handed out so far */
	size_t next_take; /* items taken by workers */
	size_t next_out;  /* items delivered so far */
	bool end;
};

static void *slot_at(struct pool *pl, size_t i)
{
	return pl->slots + (i % pl->window) * pl->ops->slot_size;
}

static void *worker(void *arg)
{
	struct pool *pl = arg;
	struct cli_scratch scr = {0};
	pthread_mutex_lock(&pl->mu);
	for (;;) {
		while (pl->next_take == pl->next_in && !pl->end)
			pthread_cond_wait(&pl->work, &pl->mu);
		if (pl->next_take == pl->next_in)
			break;
		size_t i = pl->next_take++;
		void *s = slot_at(pl, i);
		pthread_mutex_unlock(&pl->mu);
		pl->ops->work(pl->ops->u, s, &scr);
		pthread_mutex_lock(&pl->mu);
		pl->state[i % pl->window] = SLOT_DONE;
		if (i == pl->next_out)
			pthread_cond_signal(&pl->done);
	}
	pthread_mutex_unlock(&pl->mu);
	free(scr.buf);
	return NULL;
}

static void run_serial(const struct cli_pool_ops *ops)
{
	struct cli_scratch scr = {0};
	void *s = calloc(1, ops->slot_size);
	if (!s)
		abort();
	while (ops->next(ops->u, s)) {
		ops->work(ops->u, s, &scr);
		ops->done(ops->u, s);
	}
	free(s);
	free(scr.buf);
}

void cli_pool_run(const struct cli_pool_ops *ops, size_t jobs)
{
	if (jobs <= 1) {
		run_serial(ops);
		return;
	}
	struct pool pl = {.ops = ops, .window = jobs * 4};
	pl.slots = calloc(pl.window, ops->slot_size);
	pl.state = calloc(pl.window, sizeof *pl.state);
	pthread_t *th = calloc(jobs, sizeof *th);
	if (!pl.slots || !pl.state || !th)
		abort();
	pthread_mutex_init(&pl.mu, NULL);
	pthread_cond_init(&pl.work, NULL);
	pthread_cond_init(&pl.done, NULL);
	size_t started = 0;
	for (; started < jobs; started++)
		if (pthread_create(&th[started], NULL, worker, &pl) != 0)
			break;
	if (!started) {
		/* No thread to be had: do the work here rather than fail. */
		run_serial(ops);
	} else {
		bool more = true;
		pthread_mutex_lock(&pl.mu);
		for (;;) {
			/* Deliver what is done, in order. */
			size_t k = pl.next_out % pl.window;
			if (pl.next_out < pl.next_in && pl.state[k] == SLOT_DONE) {
				pthread_mutex_unlock(&pl.mu);
				ops->done(ops->u, slot_at(&pl, pl.next_out));
				pthread_mutex_lock(&pl.mu);
				pl.state[k] = SLOT_FREE;
				pl.next_out++;
				continue;
			}
			/* Keep the window full. The producer runs outside the lock, on
			 * a slot no worker can take before next_in moves past it. */
			if (more && pl.next_in - pl.next_out < pl.window) {
				void *t = slot_at(&pl, pl.next_in);
				pthread_mutex_unlock(&pl.mu);
				more = ops->next(ops->u, t);
				pthread_mutex_lock(&pl.mu);
				if (more) {
					pl.state[pl.next_in % pl.window] = SLOT_PENDING;
					pl.next_in++;
					pthread_cond_signal(&pl.work);
				}
				continue;
			}
			if (!more && pl.next_out == pl.next_in)
				break;
			pthread_cond_wait(&pl.done, &pl.mu);
		}
		pl.end = true;
		pthread_cond_broadcast(&pl.work);
		pthread_mutex_unlock(&pl.mu);
		for (size_t i = 0; i < started; i++)
			pthread_join(th[i], NULL);
	}
	pthread_cond_destroy(&pl.done);
	pthread_cond_destroy(&pl.work);
	pthread_mutex_destroy(&pl.mu);
	free(pl.state);
	free(pl.slots);
	free(th);
}
