/* Report formats for `check --format`: streamed, one file at a time, so a
 * batch of any size needs constant memory. A report's state lives in its
 * struct cli_report, not in globals. Add a format by a row in report.c's
 * table. */
#ifndef CLI_REPORT_H
#define CLI_REPORT_H

#include <stdio.h>

#include "mailprof.h"

/* One checked file, as handed to a reporter (in input order). */
struct cli_file_result {
	const char *path;
	mailprof_status status;  /* MAILPROF_OK, or why the file could not be read */
	const mailprof_diags *d; /* parser and checker findings, sorted */
	size_t accounts;
};

struct cli_summary {
	size_t files, accounts, failures;
	size_t by_severity[3]; /* indexed by mailprof_severity */
};

struct cli_reporter;
struct cli_report;

const struct cli_reporter *cli_reporter_find(const char *name);
/* Space-separated names, for messages. */
const char *cli_reporter_names(void);

/* A report on f: begin, one call per file in input order, end (which frees it). */
struct cli_report *cli_report_begin(const struct cli_reporter *rep, FILE *f);
void cli_report_file(struct cli_report *r, const struct cli_file_result *res);
void cli_report_end(struct cli_report *r, const struct cli_summary *s);

#endif
