/* FNV-1a and the open-addressing hash set (see hashset.h). */
#include <stdlib.h>

#include "hashset.h"
#include "internal.h"

uint64_t mp_fnv1a(uint64_t h, const void *p, size_t n)
{
	for (const unsigned char *q = p; n--; q++)
		h = (h ^ *q) * 1099511628211u;
	return h;
}

uint64_t mp_fnv1a_str(uint64_t h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (h ^ 0xff) * 1099511628211u;
}

void *mp_set_find(const mp_set *s, uint64_t h, const void *key,
                  bool (*eq)(const void *entry, const void *key))
{
	if (!s->cap)
		return NULL;
	for (size_t i = (size_t)h & (s->cap - 1); s->v[i]; i = (i + 1) & (s->cap - 1))
		if (s->h[i] == h && eq(s->v[i], key))
			return s->v[i];
	return NULL;
}

static void put(void **v, uint64_t *hv, size_t cap, uint64_t h, void *e)
{
	size_t i = (size_t)h & (cap - 1);
	while (v[i])
		i = (i + 1) & (cap - 1);
	v[i] = e;
	hv[i] = h;
}

void mp_set_add(mp_set *s, uint64_t h, void *e)
{
	if (2 * (s->n + 1) > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		void **v = mp_xcalloc(cap, sizeof *v);
		uint64_t *hv = mp_xcalloc(cap, sizeof *hv);
		for (size_t i = 0; i < s->cap; i++)
			if (s->v[i])
				put(v, hv, cap, s->h[i], s->v[i]);
		free(s->v);
		free(s->h);
		s->v = v;
		s->h = hv;
		s->cap = cap;
	}
	put(s->v, s->h, s->cap, h, e);
	s->n++;
}

void mp_set_free(mp_set *s)
{
	free(s->v);
	free(s->h);
	*s = (mp_set){0};
}
