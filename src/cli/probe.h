/* `mailprof probe` (probe.c). */
#ifndef CLI_PROBE_H
#define CLI_PROBE_H

#include <stdio.h>

int cli_probe_main(int argc, char **argv);
void cli_probe_usage(FILE *f);

#endif
