/* Output names of a batch convert, one input per output file. Outputs
 * mirror the input tree under OUTDIR, so two inputs can still map to one
 * name (a/x.xml and a/x.ini; two folder arguments; files named from
 * different folders). The name goes to the first of them in walk order that
 * has something to write; the later ones fail. Claims are taken in walk order
 * (each input gets its turn for its name); a worker waits only for the earlier
 * claimants of its own name, so writes stay parallel and the winner does not
 * depend on -j. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "walk.h"

struct cli_claim {
	char *name;
	size_t claims; /* inputs that map to this name so far */
	size_t turn;   /* the claimant whose outcome is next to be settled */
	char *owner;   /* input that writes the file, once settled */
};

struct cli_claims {
	pthread_mutex_t mu;
	pthread_cond_t turn;
	struct cli_claim **v; /* open addressing, power-of-two size */
	size_t n, cap;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static struct cli_claim **claims_slot(struct cli_claim **v, size_t cap, const char *name)
{
	size_t i = (size_t)hash_str(name) & (cap - 1);
	while (v[i] && strcmp(v[i]->name, name) != 0)
		i = (i + 1) & (cap - 1);
	return &v[i];
}

struct cli_claim *cli_claims_take(struct cli_claims *c, const char *name, size_t *turn)
{
	pthread_mutex_lock(&c->mu);
	if (2 * (c->n + 1) > c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 256;
		struct cli_claim **v = calloc(cap, sizeof *v);
		if (!v)
			abort();
		for (size_t i = 0; i < c->cap; i++)
			if (c->v[i])
				*claims_slot(v, cap, c->v[i]->name) = c->v[i];
		free(c->v);
		c->v = v;
		c->cap = cap;
	}
	struct cli_claim **slot = claims_slot(c->v, c->cap, name);
	if (!*slot) {
		*slot = calloc(1, sizeof **slot);
		if (!*slot || !((*slot)->name = strdup(name)))
			abort();
		c->n++;
	}
	struct cli_claim *e = *slot;
	*turn = e->claims++;
	pthread_mutex_unlock(&c->mu);
	return e;
}

const char *cli_claims_settle(struct cli_claims *c, struct cli_claim *e, size_t turn, bool writes,
                                 const char *path)
{
	pthread_mutex_lock(&c->mu);
	while (e->turn != turn)
		pthread_cond_wait(&c->turn, &c->mu);
	const char *owner = e->owner;
	if (!owner && writes && !(e->owner = strdup(path)))
		abort();
	e->turn++;
	pthread_cond_broadcast(&c->turn);
	pthread_mutex_unlock(&c->mu);
	return owner;
}

struct cli_claims *cli_claims_new(void)
{
	struct cli_claims *c = calloc(1, sizeof *c);
	if (!c)
		abort();
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->turn, NULL);
	return c;
}

void cli_claims_free(struct cli_claims *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->cap; i++)
		if (c->v[i]) {
			free(c->v[i]->name);
			free(c->v[i]->owner);
			free(c->v[i]);
		}
	free(c->v);
	pthread_cond_destroy(&c->turn);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

/* OUTDIR/<rel with its extension replaced by ext>. */
char *cli_output_name(const char *outdir, const char *rel, const char *exts)
{
	size_t el = strcspn(exts ? exts : "", " ");
	const char *base = cli_base_name(rel);
	const char *dot = strrchr(base, '.');
	size_t stem = dot && dot != base ? (size_t)(dot - rel) : strlen(rel);
	char *r = malloc(strlen(outdir) + stem + el + 2);
	if (!r)
		abort();
	size_t ol = strlen(outdir);
	memcpy(r, outdir, ol);
	if (ol && outdir[ol - 1] != '/')
		r[ol++] = '/';
	memcpy(r + ol, rel, stem);
	memcpy(r + ol + stem, exts, el);
	r[ol + stem + el] = '\0';
	return r;
}
