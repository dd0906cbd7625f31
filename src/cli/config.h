/* The checker's configuration as the command builds it: .mailprof.ini (or
 * --config), then --enable/--disable, --fail-on and --baseline. */
#ifndef CLI_CONFIG_H
#define CLI_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "mailprof.h"

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

#endif
