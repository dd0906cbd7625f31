/* Shared by the CLI's files; the CLI uses only the public mailprof.h API. */
#ifndef MP_CLI_H
#define MP_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "mailprof.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

/* Write data to path whole or not at all: temp file in the same folder,
 * fsync, rename. mode 0600 for files holding secrets. Returns 0 or errno. */
int cli_write_atomic(const char *path, const char *data, size_t len, bool secret, bool force);

/* Print a diagnostic gcc-style: file:line:col: severity: message [id] */
/* One finding, gcc-style. input names the file being processed, for findings
 * that carry no file of their own (e.g. from an emitter); "-" is stdin. */
void cli_print_diag(FILE *f, const mailprof_diag *g, const char *input, bool color);

/* One checked file, as handed to a reporter (in input order). */
struct cli_file_result {
	const char *path;
	mailprof_status status; /* MAILPROF_OK, or why the file could not be read */
	const mailprof_diags *d; /* parser and checker findings, sorted */
	size_t accounts;
};

struct cli_summary {
	size_t files, accounts, failures;
	size_t by_severity[3]; /* indexed by mailprof_severity */
};

/* Report formats for `check --format`: streamed, one file at a time, so a
 * batch of any size needs constant memory. Add one by a row in
 * cli_report.c's table. */
struct cli_reporter {
	const char *name;
	void (*begin)(FILE *f);
	void (*file)(FILE *f, const struct cli_file_result *r, size_t index);
	void (*end)(FILE *f, const struct cli_summary *s);
};

const struct cli_reporter *cli_reporter_find(const char *name);
/* Space-separated names, for messages. */
const char *cli_reporter_names(void);
void cli_json_str(FILE *f, const char *s);
/* docs/rules.md: every rule with its documentation. */
void cli_rules_markdown(FILE *f);
/* Where the rules are documented (SARIF helpUri). */
#define CLI_DOCS_URI "https://github.com/mailprof/mailprof/blob/main/docs/rules.md"



/* Checker settings from the command line (cli_config.c). */
struct cli_check_opts {
	const char *config;   /* --config FILE; NULL: look up .mailprof.ini */
	bool no_config;
	const char *baseline; /* --baseline FILE */
	char rules[64][24];   /* --enable/--disable in order: "+ID" or "-ID" */
	size_t nrules;
};
/* Record --enable/--disable; -1 for an unknown rule. */
int cli_check_opts_rule(struct cli_check_opts *o, const char *rule, bool on);
/* Build the checker config: the config file, then CLI switches; fail_on < 0
 * keeps the file's. Prints problems and returns NULL on failure. */
mailprof_check_config *cli_check_config(const struct cli_check_opts *o, int fail_on);
/* `check --fix -o OUT`: one input, fixed, checked, reported through rep and
 * written to out as format (NULL: the input's). Returns the exit code. */
int cli_check_fix(int nfiles, char **files, const char *out, const char *format,
                  const mailprof_options *opt, const struct cli_check_opts *o, int fail_on,
                  const struct cli_reporter *rep);

/* Install the per-thread block cache for libxml2 (cli_alloc.c); first
 * thing in main, before libxml2 allocates. */
void cli_alloc_init(void);

/* Batch runs over files and folders (cli_batch.c). */
struct cli_batch_opts {
	const char *from;             /* --from, or NULL: detected per file */
	const mailprof_options *opt;
	long jobs;                    /* -j; 0: the number of cores */
	bool quiet, dry_run, force, summary;
	const struct cli_reporter *rep;      /* check: where results go (stdout) */
	const mailprof_check_config *cfg;    /* check, or convert --check; may be NULL */
	int fail_on;
	const char *to, *outdir;     /* convert: target format and output folder */
	bool check;                  /* convert --check */
	bool fix;                    /* convert --fix: safe fixes before writing */
};
/* More than one input, or a folder: the batch path. */
bool cli_batch_wanted(char **inputs, size_t n);
/* Check or convert (o->to set) every input, folders walked recursively in
 * byte order; returns the exit code. */
int cli_batch_run(const struct cli_batch_opts *o, char **inputs, size_t n);
#endif
