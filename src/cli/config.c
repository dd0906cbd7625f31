/* The checker's configuration as the CLI builds it: .mailprof.ini (or
 * --config), then --enable/--disable, --fail-on and --baseline. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "out.h"

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

int cli_check_opts_take(struct cli_check_opts *o, int c, const char *arg, const char *who)
{
	switch (c) {
	case CLI_OPT_CONFIG: o->config = arg; return 1;
	case CLI_OPT_NO_CONFIG: o->no_config = true; return 1;
	case CLI_OPT_BASELINE: o->baseline = arg; return 1;
	case CLI_OPT_ENABLE:
	case CLI_OPT_DISABLE:
		if (cli_check_opts_rule(o, arg, c == CLI_OPT_ENABLE) == 0)
			return 1;
		fprintf(stderr, "%s: no rule '%s' (see `%s rules`)\n", who, arg, cli_prog);
		return -1;
	}
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
