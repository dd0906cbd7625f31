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
void cli_print_diag(FILE *f, const mailprof_diag *g, bool color);

#endif
