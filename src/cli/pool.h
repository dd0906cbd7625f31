/* Worker pool with in-order delivery: items are produced and delivered on
 * the calling thread in input order through a bounded window of chunks (a
 * few chunks of at most 64 items per worker), and worked on by N threads
 * (the calling thread among them), so output does not depend on N and
 * memory does not grow with the number of items. */
#ifndef CLI_POOL_H
#define CLI_POOL_H

#include <stdbool.h>
#include <stddef.h>

/* Per-worker scratch buffer, reused from item to item. */
struct cli_scratch {
	char *buf;
	size_t cap;
};

struct cli_pool_ops {
	size_t slot_size; /* bytes of an item; slots start zeroed */
	/* Fill slot with the next item (calling thread, in order); false at the end. */
	bool (*next)(void *u, void *slot);
	/* Work on an item (any worker). */
	void (*work)(void *u, void *slot, struct cli_scratch *scr);
	/* Deliver a worked item (calling thread, in order); it must leave the slot zeroed. */
	void (*done)(void *u, void *slot);
	void *u;
};

/* jobs <= 1, or no thread to be had: everything on the calling thread. */
void cli_pool_run(const struct cli_pool_ops *ops, size_t jobs);

#endif
