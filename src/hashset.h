/* FNV-1a hashing and an open-addressing hash set of pointers: the one
 * implementation behind duplicate findings (diag.c) and the cross-file
 * rules (rules_batch.c). */
#ifndef MP_HASHSET_H
#define MP_HASHSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MP_FNV_INIT 14695981039346656037u

/* h extended by n bytes of p (FNV-1a). */
uint64_t mp_fnv1a(uint64_t h, const void *p, size_t n);
/* h extended by a string and a terminator byte, so ("ab","c") and ("a","bc")
 * differ; NULL hashes as "". */
uint64_t mp_fnv1a_str(uint64_t h, const char *s);

/* Entries are the caller's; the set holds pointers and their hashes, at
 * most half full (linear probing), so a lookup is O(1) on average. */
typedef struct {
	void **v;
	uint64_t *h;
	size_t n, cap;
} mp_set;

/* The entry with hash h for which eq(entry, key) is true, or NULL. */
void *mp_set_find(const mp_set *s, uint64_t h, const void *key,
                  bool (*eq)(const void *entry, const void *key));
/* Add e (not in the set yet) under hash h. */
void mp_set_add(mp_set *s, uint64_t h, void *e);
/* Free the table, not the entries (walk s->v first to free those). */
void mp_set_free(mp_set *s);

#endif
