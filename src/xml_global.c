/* libxml2's process-wide settings, made by one explicit call,
 * mailprof_global_init() (as curl_global_init_mem does for curl): the
 * entity loader that refuses every external entity, silent error handlers
 * (the library never prints), and, on request, the allocator below.
 *
 * The allocator is a small per-thread cache in front of malloc. A batch check parses, validates and frees thousands of
 * similar documents: each one is a few hundred small blocks, and glibc keeps
 * only 7 freed blocks per size per thread at hand, so most of them went the
 * slow way through its bins (a fifth of the run's time, see bench/README.md).
 * Here each thread keeps up to CACHE_BYTES of freed small blocks by size
 * class and hands them out again. Memory held is bounded, not growing with
 * the number of files. Under AddressSanitizer the cache is left out, so
 * every block still goes through the sanitizer's own checks. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlmemory.h>

#include "xml.h"

#if defined(__SANITIZE_ADDRESS__)
#define XML_BLOCK_CACHE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define XML_BLOCK_CACHE 0
#endif
#endif
#ifndef XML_BLOCK_CACHE
#define XML_BLOCK_CACHE 1
#endif

#if XML_BLOCK_CACHE

/* Classes 1..NSMALL hold blocks of cls * GRAIN bytes; the few above, blocks
 * of 1, 2, 4... KiB up to BIG_MAX (a document's input buffer and the like,
 * which glibc otherwise takes from its bins every time). */
enum { GRAIN = 16, NSMALL = 32, BIG_MAX = 32 * 1024, NCLASS = NSMALL + 6, CACHE_BYTES = 256 * 1024 };

/* Before each block; 16 bytes, so blocks keep malloc's alignment. */
struct hdr {
	size_t size; /* usable bytes */
	size_t cls;  /* 1..NCLASS: the block's class, it may be cached; 0: too large for one */
};

/* Class of a request of n bytes (NCLASS + 1: none) and its block size. */
static size_t class_of(size_t n, size_t *size)
{
	if (n <= NSMALL * GRAIN) {
		size_t cls = n ? (n + GRAIN - 1) / GRAIN : 1;
		*size = cls * GRAIN;
		return cls;
	}
	size_t cls = NSMALL + 1, big = 1024;
	while (big < n && big < BIG_MAX)
		big *= 2, cls++;
	*size = n <= big ? big : n;
	return n <= big ? cls : NCLASS + 1;
}

struct cache {
	struct hdr *head[NCLASS + 1]; /* free blocks; the link is stored after the header */
	size_t bytes;
	bool registered;
};

/* Linked into a program, the linker relaxes this to the executable's own
 * TLS block (no __tls_get_addr call per access). */
static _Thread_local struct cache tc;
static pthread_key_t key;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static bool have_key;

static void flush(struct cache *c)
{
	for (size_t k = 1; k <= NCLASS; k++)
		while (c->head[k]) {
			struct hdr *h = c->head[k];
			memcpy(&c->head[k], h + 1, sizeof h);
			free(h);
		}
	c->bytes = 0;
}

static void thread_end(void *p)
{
	flush(p);
}

static bool closing; /* after exit(): blocks freed later are not kept */

static void at_exit(void)
{
	closing = true;
	flush(&tc);
}

static void make_key(void)
{
	have_key = pthread_key_create(&key, thread_end) == 0;
}

static void *c_malloc(size_t n)
{
	size_t size, cls = class_of(n, &size);
	if (cls <= NCLASS && tc.head[cls]) {
		struct hdr *h = tc.head[cls];
		memcpy(&tc.head[cls], h + 1, sizeof h);
		tc.bytes -= h->size;
		return h + 1;
	}
	struct hdr *h = malloc(sizeof *h + size);
	if (!h)
		return NULL;
	h->size = size;
	h->cls = cls <= NCLASS ? cls : 0;
	return h + 1;
}

static void c_free(void *p)
{
	if (!p)
		return;
	struct hdr *h = (struct hdr *)p - 1;
	if (!h->cls || closing || tc.bytes + h->size > CACHE_BYTES) {
		free(h);
		return;
	}
	if (!tc.registered) {
		/* So the thread's cache is returned when the thread ends. */
		pthread_once(&once, make_key);
		if (!have_key || pthread_setspecific(key, &tc) != 0) {
			free(h);
			return;
		}
		tc.registered = true;
	}
	memcpy(h + 1, &tc.head[h->cls], sizeof h);
	tc.head[h->cls] = h;
	tc.bytes += h->size;
}

static void *c_realloc(void *p, size_t n)
{
	if (!p)
		return c_malloc(n);
	struct hdr *h = (struct hdr *)p - 1;
	if (n <= h->size)
		return p;
	if (!h->cls && n > BIG_MAX) {
		struct hdr *g = realloc(h, sizeof *g + n);
		if (!g)
			return NULL;
		g->size = n;
		return g + 1;
	}
	void *q = c_malloc(n);
	if (!q)
		return NULL;
	memcpy(q, p, h->size < n ? h->size : n);
	c_free(p);
	return q;
}

static char *c_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *r = c_malloc(n);
	if (r)
		memcpy(r, s, n);
	return r;
}

static bool cache_setup(void)
{
	/* Must come before libxml2 allocates anything: blocks from one
	 * allocator cannot be freed by the other. */
	if (xmlMemSetup(c_free, c_malloc, c_realloc, c_strdup) != 0)
		return false;
	atexit(at_exit);
	return true;
}

#else

static bool cache_setup(void)
{
	return true; /* under a sanitizer every block goes through its checks */
}

#endif

/* libxml2 reports through this when no per-call handler is set (schema
 * compilation, for one); the library never prints. */
static void quiet_generic(void *ctx, const char *msg, ...)
{
	(void)ctx, (void)msg;
}

mailprof_status mailprof_global_init(unsigned flags)
{
	static bool done;
	if (done)
		return MAILPROF_OK;
	done = true;
	if ((flags & MAILPROF_GLOBAL_XML_CACHE) && !cache_setup())
		return MAILPROF_ERR_UNSUPPORTED;
	mp_xml_init();
	xmlSetGenericErrorFunc(NULL, quiet_generic);
	xmlThrDefSetGenericErrorFunc(NULL, quiet_generic);
	return MAILPROF_OK;
}
