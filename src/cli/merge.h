/* `mailprof merge`: the reports of a check run's shards (--shard K/N) as
 * the report one run over every file prints. */
#ifndef CLI_MERGE_H
#define CLI_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "mailprof.h"
#include "report.h"

struct cli_merge_opts {
	const struct cli_reporter *rep;   /* NULL: the shards' own format */
	const mailprof_check_config *cfg; /* must give the shards' fingerprint */
	int fail_on;
	bool quiet;
};

/* Returns the exit code the whole run would have had; 2 (with a message
 * naming the report) when the reports are not the N shards of one run. */
int cli_merge_run(const struct cli_merge_opts *o, char **reports, size_t n);

#endif
