/* The checker's configuration as the CLI builds it: .mailprof.ini (or
 * --config), then --enable/--disable, --fail-on and --baseline. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int cli_check_opts_rule(struct cli_check_opts *o, const char *rule, bool on)
{
	if (!mailprof_rule_find(rule) || o->nrules >= sizeof o->rules / sizeof o->rules[0] ||
	    strlen(rule) + 2 > sizeof o->rules[0])
		return -1;
	o->rules[o->nrules][0] = on ? '+' : '-';
	strcpy(o->rules[o->nrules] + 1, rule);
	o->nrules++;
	return 0;
}

static void print_all(const mailprof_diags *d)
{
	for (size_t i = 0; i < mailprof_diags_count(d); i++)
		cli_print_diag(stderr, mailprof_diags_get(d, i), NULL, false);
}

mailprof_check_config *cli_check_config(const struct cli_check_opts *o, int fail_on)
{
	mailprof_check_config *cfg = mailprof_check_config_new();
	mailprof_diags *d = mailprof_diags_new();
	char *found = NULL;
	const char *path = o->config;
	if (!path && !o->no_config) {
		char cwd[PATH_MAX];
		if (getcwd(cwd, sizeof cwd))
			path = found = mailprof_check_config_find(cwd);
	}
	bool ok = !path || mailprof_check_config_load(cfg, path, d) == MAILPROF_OK;
	if (ok && o->baseline)
		ok = mailprof_check_config_load_baseline(cfg, o->baseline, d) == MAILPROF_OK;
	for (size_t i = 0; ok && i < o->nrules; i++)
		mailprof_check_config_enable(cfg, o->rules[i] + 1, o->rules[i][0] == '+');
	if (fail_on >= 0)
		mailprof_check_config_set_fail_on(cfg, (mailprof_severity)fail_on);
	if (!ok) {
		print_all(d);
		mailprof_check_config_free(cfg);
		cfg = NULL;
	}
	free(found);
	mailprof_diags_free(d);
	return cfg;
}

int cli_check_fix(int nfiles, char **files, const char *out, const char *format,
                  const mailprof_options *opt, const struct cli_check_opts *o, int fail_on,
                  const struct cli_reporter *rep)
{
	if (nfiles != 1 || !out) {
		fprintf(stderr, "mailprof check --fix: give one input and -o OUT for the fixed profile\n");
		return EXIT_USAGE;
	}
	const char *path = files[0];
	/* Without --to, write the input's own format (by its name). */
	const char *to = format ? mailprof_format_lookup(format) : mailprof_format_detect("", 0, path);
	if (!to || !(mailprof_format_caps(to) & MAILPROF_CAN_EMIT)) {
		fprintf(stderr, "mailprof check --fix: cannot write %s; name a format with --to\n",
		        to ? to : "this input's format");
		return EXIT_USAGE;
	}
	mailprof_check_config *cfg = cli_check_config(o, fail_on);
	if (!cfg)
		return EXIT_USAGE;
	mailprof_profile *p = mailprof_profile_new();
	mailprof_diags *d = mailprof_diags_new();
	mailprof_status st = mailprof_parse_file(p, path, NULL, opt, d);
	int rc = EXIT_CLEAN;
	char *buf = NULL;
	size_t len = 0;
	if (st == MAILPROF_OK) {
		mailprof_fix(p, d);
		mailprof_check_with(p, cfg, d);
		if (mailprof_diags_worst(d) >= (int)mailprof_check_config_fail_on(cfg))
			rc = EXIT_FINDINGS;
		st = mailprof_emit(p, to, opt, &buf, &len, d);
	}
	mailprof_diags_sort(d);
	struct cli_file_result r = {path, st, d, mailprof_profile_account_count(p)};
	struct cli_summary sum = {1, r.accounts, st != MAILPROF_OK, {0, 0, 0}};
	for (size_t k = 0; k < mailprof_diags_count(d); k++)
		sum.by_severity[mailprof_diags_get(d, k)->severity]++;
	rep->begin(stdout);
	rep->file(stdout, &r, 0);
	rep->end(stdout, &sum);
	fflush(stdout);
	if (st != MAILPROF_OK) {
		fprintf(stderr, "mailprof: %s: %s\n", path, mailprof_strerror(st));
		rc = EXIT_USAGE;
	} else {
		int err = cli_write_atomic(out, buf, len, opt->include_secrets != 0, true);
		if (err) {
			fprintf(stderr, "mailprof: %s: %s\n", out, strerror(err));
			rc = EXIT_USAGE;
		}
	}
	free(buf);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
	mailprof_check_config_free(cfg);
	return rc;
}
