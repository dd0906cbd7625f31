/* Batch runs of `check` and `convert` over files and folders: one job per
 * file through the pipeline, on N workers, reported in input order. */
#ifndef CLI_BATCH_H
#define CLI_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "mailprof.h"
#include "pipeline.h"
#include "report.h"
#include "shard.h"

struct cli_batch_opts {
	struct cli_pipeline pl;           /* from, opt, fix, cfg (checks on), to (convert); no hooks */
	long jobs;                        /* -j; 0: the number of cores */
	bool quiet, dry_run, force, summary;
	bool follow;                      /* files behind symbolic links in folders */
	const struct cli_reporter *rep;   /* check: where results go (stdout) */
	int fail_on;                      /* with pl.cfg, and for convert */
	const char *outdir;               /* convert: output folder */
	const struct cli_shard *shard;    /* --shard K/N: only its files; NULL: all */
};

/* More than one input, or a folder: the batch path. */
bool cli_batch_wanted(char **inputs, size_t n);
/* Check or convert (pl.to set) every input, folders walked recursively in
 * byte order; returns the exit code. */
int cli_batch_run(const struct cli_batch_opts *o, char **inputs, size_t n);

#endif
