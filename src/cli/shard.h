/* Sharding: `--shard K/N` takes the files whose walk path hashes to K, and
 * records what `mailprof merge` needs to rebuild the whole run's report
 * (docs/ci.md describes the record). */
#ifndef CLI_SHARD_H
#define CLI_SHARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "mailprof.h"

/* Version of the record's text; merge refuses any other. */
#define CLI_SHARD_FORMAT 1

struct cli_shard {
	unsigned k, n; /* 1 <= k <= n */
};

/* "K/N" -> s; 0, or -1 when it is not two numbers with 1 <= K <= N <= 65536. */
int cli_shard_parse(const char *arg, struct cli_shard *s);
/* FNV-1a 64 of the path as the walker names it, mod N, is K-1. */
bool cli_shard_takes(const struct cli_shard *s, const char *path);

/* ---- the record a shard run writes ---- */
struct cli_shard_rec;

struct cli_shard_rec *cli_shard_rec_new(const struct cli_shard *s, const mailprof_check_config *cfg,
                                        bool summary);
/* Every walked input, taken or not, in walk order. */
void cli_shard_rec_walked(struct cli_shard_rec *r, const char *path);
/* A taken input (ordinal: its place in the walk): skipped (not a profile),
 * or checked with status, findings d (sorted) and cross-file keys k. */
void cli_shard_rec_file(struct cli_shard_rec *r, size_t ordinal, const char *path, bool skipped,
                        mailprof_status status, size_t accounts, const mailprof_diags *d,
                        const mailprof_batch_keys *k);
/* The record, base64, to f (a reporter's extension hook; u is the record). */
void cli_shard_rec_write(FILE *f, void *u);
void cli_shard_rec_free(struct cli_shard_rec *r);
/* The checksum of a record's end line: FNV-1a 64 of every byte before it. */
uint64_t cli_shard_sum(const char *p, size_t n);

#endif
