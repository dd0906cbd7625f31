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

/* The checker's options, the same for every command that takes them:
 * getopt_long codes (above any command's own) and table entries. */
enum { CLI_OPT_CONFIG = 0x400, CLI_OPT_NO_CONFIG, CLI_OPT_ENABLE, CLI_OPT_DISABLE, CLI_OPT_BASELINE };
#define CLI_CHECK_OPTIONS                                                                                   \
	{"config", required_argument, NULL, CLI_OPT_CONFIG}, {"no-config", no_argument, NULL, CLI_OPT_NO_CONFIG}, \
	    {"enable", required_argument, NULL, CLI_OPT_ENABLE},                                                    \
	    {"disable", required_argument, NULL, CLI_OPT_DISABLE},                                                  \
	    {"baseline", required_argument, NULL, CLI_OPT_BASELINE}
/* Take getopt_long's option c into o when it is one of them: 1 taken, 0
 * not one of them, -1 an unknown rule (said on stderr, after who). */
int cli_check_opts_take(struct cli_check_opts *o, int c, const char *arg, const char *who);
/* Build the checker config: the config file, then CLI switches; fail_on < 0
 * keeps the file's. Prints problems and returns NULL on failure. */
mailprof_check_config *cli_check_config(const struct cli_check_opts *o, int fail_on);

#endif
