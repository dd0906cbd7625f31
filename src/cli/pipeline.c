/* parse → fix → check → emit → report → write, for every command. */
#include <stdlib.h>

#include "pipeline.h"

void cli_pipeline_run(const struct cli_pipeline *pl, struct cli_job *j)
{
	j->p = mailprof_profile_new();
	j->d = mailprof_diags_new();
	const char *fmt = j->format ? j->format : pl->from;
	j->st = j->buf ? mailprof_parse(j->p, j->buf, j->len, j->path, fmt, pl->opt, j->d)
	               : mailprof_parse_file(j->p, j->path, fmt, pl->opt, j->d);
	j->parsed = j->st == MAILPROF_OK;
	if (j->parsed) {
		if (pl->fix)
			mailprof_fix(j->p, j->d);
		if (pl->cfg)
			mailprof_check_with(j->p, pl->cfg, j->d);
		if (pl->to) {
			j->st = mailprof_emit(j->p, pl->to, pl->opt, &j->out, &j->out_len, j->d);
			if (j->st != MAILPROF_OK) {
				free(j->out);
				j->out = NULL;
			}
		}
	}
	if (pl->report)
		pl->report(j, pl->u);
	if (pl->to && pl->write)
		j->werr = pl->write(j, pl->u);
}

void cli_job_clear(struct cli_job *j)
{
	mailprof_profile_free(j->p);
	mailprof_diags_free(j->d);
	free(j->out);
	j->p = NULL;
	j->d = NULL;
	j->out = NULL;
	j->out_len = 0;
}
