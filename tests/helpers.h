/* Shared test helpers: run the CLI, read files, look for findings. */
#ifndef T_HELPERS_H
#define T_HELPERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mailprof.h"

/* Whole file, NUL-terminated; NULL if unreadable. Caller frees. */
char *t_slurp(const char *path, size_t *len);
/* Path of the CLI under test: $MAILPROF, else build/mailprof. */
const char *t_mailprof(void);
/* Run `sh -c cmd`; capture stdout and stderr (caller frees; may pass NULL).
 * Returns the exit status, or -1 if it did not exit normally. */
int t_run(const char *cmd, char **out, char **err);
/* Parse a file with the library; *d receives the diagnostics (caller frees
 * both). Returns the profile (never NULL). */
mailprof_profile *t_parse(const char *path, const char *format, mailprof_diags **d,
                          mailprof_status *st);
/* Same, from a string. */
mailprof_profile *t_parse_str(const char *text, const char *name, const char *format,
                              mailprof_diags **d, mailprof_status *st);
/* Number of findings with this ID (or name). */
size_t t_count(const mailprof_diags *d, const char *id);
/* First finding with this ID, or NULL. */
const mailprof_diag *t_find(const mailprof_diags *d, const char *id);
/* Emit as format (no secrets); caller frees. */
char *t_emit(const mailprof_profile *p, const char *format);
/* Parse + check a string; returns the diagnostics (caller frees). */
mailprof_diags *t_check_str(const char *text, const char *format);
/* A number below n from the generator state *st (xorshift64*: small,
 * deterministic, good enough for test data). */
uint32_t t_rnd(uint64_t *st, uint32_t n);

#endif
