/* The one path a file takes through the command: parse → fix → check →
 * emit → report → write. convert, check --fix and batch runs differ only in
 * which stages they turn on and in their report and write hooks. */
#ifndef CLI_PIPELINE_H
#define CLI_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "mailprof.h"

/* One input on its way through. */
struct cli_job {
	const char *path;   /* input, as findings name it; "-" is stdin */
	const char *buf;    /* its bytes when the caller has read them; NULL: read path */
	size_t len;
	const char *format; /* set by the caller (a sniffed format): overrides the pipeline's from */
	/* Results, freed by cli_job_clear(): */
	mailprof_profile *p;
	mailprof_diags *d;  /* every finding, unsorted */
	mailprof_status st; /* MAILPROF_OK, or why parse or emit failed */
	bool parsed;        /* parse succeeded (st then says how emit went) */
	char *out;          /* emitted bytes, or NULL */
	size_t out_len;
	int werr;           /* what write returned: 0 or errno */
};

struct cli_pipeline {
	const char *from;                 /* input format; NULL: detected */
	const mailprof_options *opt;
	bool fix;                         /* safe fixes before check and emit */
	const mailprof_check_config *cfg; /* check with it; NULL: no check */
	const char *to;                   /* emit this format; NULL: no emit, no write */
	/* Called after the last stage reached, whatever its outcome. May be NULL. */
	void (*report)(struct cli_job *j, void *u);
	/* Called when to is set, after report, with j->out NULL when there is
	 * nothing to write; returns 0 or errno. May be NULL. */
	int (*write)(struct cli_job *j, void *u);
	void *u;
};

void cli_pipeline_run(const struct cli_pipeline *pl, struct cli_job *j);
/* Free a job's results (not path or buf, which are the caller's). */
void cli_job_clear(struct cli_job *j);

#endif
