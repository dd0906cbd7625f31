/* --shard K/N and the mailprof-shard record (format in docs/ci.md). The
 * record is text, one entry a line, fields separated by tabs and escaped,
 * carried base64-encoded so no report's quoting can touch it. Entries are
 * spooled to a temporary file while the run goes (memory stays flat), and
 * written after the header, whose walk count is known only at the end. */
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "shard.h"

#define FNV_INIT 14695981039346656037u

static uint64_t fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211u;
	}
	return h;
}

int cli_shard_parse(const char *arg, struct cli_shard *s)
{
	char *end;
	unsigned long k = strtoul(arg, &end, 10);
	if (end == arg || *end != '/' || arg[0] == '-' || arg[0] == '+')
		return -1;
	const char *ns = end + 1;
	unsigned long n = strtoul(ns, &end, 10);
	if (end == ns || *end || ns[0] == '-' || ns[0] == '+' || k < 1 || n < 1 || k > n || n > 65536)
		return -1;
	s->k = (unsigned)k;
	s->n = (unsigned)n;
	return 0;
}

bool cli_shard_takes(const struct cli_shard *s, const char *path)
{
	return fnv1a(FNV_INIT, path, strlen(path)) % s->n == s->k - 1;
}

struct cli_shard_rec {
	struct cli_shard shard;
	char config[17];
	bool summary;
	size_t walked;
	uint64_t walk_hash;
	size_t files;
	struct cli_spool spool;
};

struct cli_shard_rec *cli_shard_rec_new(const struct cli_shard *s, const mailprof_check_config *cfg,
                                        bool summary)
{
	struct cli_shard_rec *r = calloc(1, sizeof *r);
	if (!r)
		abort();
	r->shard = *s;
	mailprof_check_config_fingerprint(cfg, r->config);
	r->summary = summary;
	r->walk_hash = FNV_INIT;
	cli_spool_open(&r->spool);
	return r;
}

void cli_shard_rec_walked(struct cli_shard_rec *r, const char *path)
{
	r->walked++;
	r->walk_hash = fnv1a(r->walk_hash, path, strlen(path) + 1);
}

void cli_shard_rec_file(struct cli_shard_rec *r, size_t ordinal, const char *path, bool skipped,
                        mailprof_status status, size_t accounts, const mailprof_diags *d,
                        const mailprof_batch_keys *k)
{
	FILE *f = r->spool.f;
	r->files++;
	fprintf(f, "file\t%zu\t%s\t%zu\t", ordinal,
	        skipped ? "skipped" : cli_status_token(status), accounts);
	cli_field(f, path, '\n');
	for (size_t i = 0; i < mailprof_diags_count(d); i++) {
		const mailprof_diag *g = mailprof_diags_get(d, i);
		fprintf(f, "diag\t%s\t", mailprof_severity_name(g->severity));
		cli_field(f, g->id, '\t');
		cli_field(f, g->name, '\t');
		cli_field(f, g->loc.file, '\t');
		fprintf(f, "%d\t%d\t", g->loc.line, g->loc.column);
		cli_field(f, g->message, '\t');
		cli_field(f, g->fix, '\n');
	}
	for (size_t i = 0; i < mailprof_batch_keys_count(k); i++) {
		const mailprof_batch_key *e = mailprof_batch_keys_get(k, i);
		fprintf(f, "key\t%s\t%u\t%d\t", e->rule, e->group, e->suppressed ? 1 : 0);
		cli_field(f, e->loc.file, '\t');
		fprintf(f, "%d\t%d\t", e->loc.line, e->loc.column);
		cli_field(f, e->key, '\t');
		cli_field(f, e->label, '\n');
	}
}

/* The record's bytes go to base64 and into a checksum, which its end line
 * carries so merge can tell a damaged record from a good one. */
struct summed {
	struct cli_b64 b64;
	uint64_t h;
};

static void put(const void *p, size_t n, void *u)
{
	struct summed *s = u;
	s->h = fnv1a(s->h, p, n);
	cli_b64_put(&s->b64, p, n);
}

uint64_t cli_shard_sum(const char *p, size_t n)
{
	return fnv1a(FNV_INIT, p, n);
}

void cli_shard_rec_write(FILE *f, void *u)
{
	struct cli_shard_rec *r = u;
	struct summed sum = {{.f = f}, FNV_INIT};
	char head[512];
	int n = snprintf(head, sizeof head,
	                 "mailprof-shard\t%d\nversion\t%s\nshard\t%u\t%u\nconfig\t%s\n"
	                 "walk\t%zu\t%016llx\nsummary\t%d\n",
	                 CLI_SHARD_FORMAT, MAILPROF_VERSION, r->shard.k, r->shard.n, r->config, r->walked,
	                 (unsigned long long)r->walk_hash, r->summary ? 1 : 0);
	put(head, (size_t)n, &sum);
	cli_spool_each(&r->spool, put, &sum);
	n = snprintf(head, sizeof head, "end\t%zu\t%016llx\n", r->files, (unsigned long long)sum.h);
	cli_b64_put(&sum.b64, head, (size_t)n);
	cli_b64_end(&sum.b64);
}

void cli_shard_rec_free(struct cli_shard_rec *r)
{
	if (!r)
		return;
	cli_spool_close(&r->spool);
	free(r);
}
