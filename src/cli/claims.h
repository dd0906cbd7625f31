/* Output names of a batch convert: each output file is written by one
 * input, the first in walk order that has something to write, whatever
 * the number of workers. */
#ifndef CLI_CLAIMS_H
#define CLI_CLAIMS_H

#include <stdbool.h>
#include <stddef.h>

struct cli_claims;
struct cli_claim; /* one output name */

struct cli_claims *cli_claims_new(void);
void cli_claims_free(struct cli_claims *c);
/* Register one more claimant of name (walker thread, in walk order); *turn
 * is its rank among the claimants of that name. */
struct cli_claim *cli_claims_take(struct cli_claims *c, const char *name, size_t *turn);
/* Settle this claimant's outcome once the earlier ones are settled: with
 * something to write, it takes the name unless an earlier one has. Returns
 * the earlier owner's path, or NULL when the name is this input's. */
const char *cli_claims_settle(struct cli_claims *c, struct cli_claim *e, size_t turn, bool writes,
                              const char *path);
/* OUTDIR/<rel with its extension replaced by the first of exts> (malloc'd). */
char *cli_output_name(const char *outdir, const char *rel, const char *exts);

#endif
