/* Worker pool with in-order delivery (see pool.h).
 *
 * Items travel in chunks: the calling thread fills a chunk, workers take
 * whole chunks in order, and the calling thread delivers a done chunk's
 * items in one go. The lock is taken and a thread woken once per chunk, not
 * once per item, which is what made two workers slower than one. Chunks
 * start at one item and double up to CHUNK_MAX, so a short run still spreads
 * over every worker. The calling thread works on pending chunks itself when
 * it has nothing to deliver, so -jN keeps N threads busy, not N+1. */
#include <pthread.h>
#include <stdlib.h>

#include "pool.h"

enum { CHUNK_FREE, CHUNK_PENDING, CHUNK_DONE };
enum { CHUNK_MAX = 64, CHUNKS_PER_JOB = 3 };

struct chunk {
	size_t n;  /* items in it */
	int state;
};

struct pool {
	const struct cli_pool_ops *ops;
	pthread_mutex_t mu;
	pthread_cond_t work; /* a chunk became pending, or the run ends */
	pthread_cond_t done; /* the chunk the deliverer waits for is done */
	unsigned char *slots; /* window * CHUNK_MAX items */
	struct chunk *ch;
	size_t window;    /* chunks in flight at most */
	size_t next_in;   /* chunks filled so far */
	size_t next_take; /* chunks taken by a worker */
	size_t next_out;  /* chunks delivered so far */
	bool end;
};

static void *item_at(struct pool *pl, size_t c, size_t j)
{
	return pl->slots + ((c % pl->window) * CHUNK_MAX + j) * pl->ops->slot_size;
}

/* Work on chunk c (taken under the lock, worked outside it). */
static void work_chunk(struct pool *pl, size_t c, struct cli_scratch *scr)
{
	size_t n = pl->ch[c % pl->window].n;
	for (size_t j = 0; j < n; j++)
		pl->ops->work(pl->ops->u, item_at(pl, c, j), scr);
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
		size_t c = pl->next_take++;
		pthread_mutex_unlock(&pl->mu);
		work_chunk(pl, c, &scr);
		pthread_mutex_lock(&pl->mu);
		pl->ch[c % pl->window].state = CHUNK_DONE;
		if (c == pl->next_out)
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

/* Fill chunk c from the producer (outside the lock: no worker can take c
 * before next_in moves past it). Returns the number of items. */
static size_t fill_chunk(struct pool *pl, size_t c)
{
	size_t want = c < 6 ? (size_t)1 << c : CHUNK_MAX;
	size_t n = 0;
	while (n < want && pl->ops->next(pl->ops->u, item_at(pl, c, n)))
		n++;
	return n;
}

static void deliver_chunk(struct pool *pl, size_t c)
{
	size_t n = pl->ch[c % pl->window].n;
	for (size_t j = 0; j < n; j++)
		pl->ops->done(pl->ops->u, item_at(pl, c, j));
}

void cli_pool_run(const struct cli_pool_ops *ops, size_t jobs)
{
	if (jobs <= 1) {
		run_serial(ops);
		return;
	}
	struct pool pl = {.ops = ops, .window = jobs * CHUNKS_PER_JOB};
	pl.slots = calloc(pl.window * CHUNK_MAX, ops->slot_size);
	pl.ch = calloc(pl.window, sizeof *pl.ch);
	/* The calling thread is the N-th worker. */
	size_t nthreads = jobs - 1;
	pthread_t *th = calloc(nthreads, sizeof *th);
	if (!pl.slots || !pl.ch || !th)
		abort();
	pthread_mutex_init(&pl.mu, NULL);
	pthread_cond_init(&pl.work, NULL);
	pthread_cond_init(&pl.done, NULL);
	size_t started = 0;
	for (; started < nthreads; started++)
		if (pthread_create(&th[started], NULL, worker, &pl) != 0)
			break;
	struct cli_scratch scr = {0};
	bool more = true;
	pthread_mutex_lock(&pl.mu);
	for (;;) {
		/* Deliver what is done, in order. */
		struct chunk *k = &pl.ch[pl.next_out % pl.window];
		if (pl.next_out < pl.next_in && k->state == CHUNK_DONE) {
			pthread_mutex_unlock(&pl.mu);
			deliver_chunk(&pl, pl.next_out);
			pthread_mutex_lock(&pl.mu);
			k->state = CHUNK_FREE;
			pl.next_out++;
			continue;
		}
		/* Keep the window full. */
		if (more && pl.next_in - pl.next_out < pl.window) {
			size_t c = pl.next_in;
			pthread_mutex_unlock(&pl.mu);
			size_t n = fill_chunk(&pl, c);
			pthread_mutex_lock(&pl.mu);
			more = n > 0 && n == (c < 6 ? (size_t)1 << c : CHUNK_MAX);
			if (n) {
				pl.ch[c % pl.window] = (struct chunk){n, CHUNK_PENDING};
				pl.next_in++;
				pthread_cond_signal(&pl.work);
			}
			continue;
		}
		if (!more && pl.next_out == pl.next_in)
			break;
		/* Nothing to deliver and the window is full (or the input ended):
		 * work on a pending chunk rather than wait. */
		if (pl.next_take < pl.next_in) {
			size_t c = pl.next_take++;
			pthread_mutex_unlock(&pl.mu);
			work_chunk(&pl, c, &scr);
			pthread_mutex_lock(&pl.mu);
			pl.ch[c % pl.window].state = CHUNK_DONE;
			continue;
		}
		pthread_cond_wait(&pl.done, &pl.mu);
	}
	pl.end = true;
	pthread_cond_broadcast(&pl.work);
	pthread_mutex_unlock(&pl.mu);
	for (size_t i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	free(scr.buf);
	pthread_cond_destroy(&pl.done);
	pthread_cond_destroy(&pl.work);
	pthread_mutex_destroy(&pl.mu);
	free(pl.ch);
	free(pl.slots);
	free(th);
}
