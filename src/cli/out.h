/* Output helpers of the command: its name in messages, exit codes, findings
 * printed gcc-style, files written whole or not at all. The command's files
 * use the public mailprof.h API only (built with -Iinclude, no -Isrc). */
#ifndef CLI_OUT_H
#define CLI_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "mailprof.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

/* The command's name, first in its messages. */
extern const char *const cli_prog;

/* "error", "warning" or "info" as a mailprof_severity; -1 for anything else. */
int cli_severity_parse(const char *s);

/* Colour for f: a terminal, and NO_COLOR unset or empty. */
bool cli_want_color(FILE *f);

/* s for a terminal: control characters and bytes that are not UTF-8 as
 * \xHH, so no input can send escape sequences (file names are bytes). */
void cli_put_text(FILE *f, const char *s);
/* The same, as a malloc'd string. */
char *cli_clean(const char *s);
/* "mailprof: PATH: message\n" on stderr, the path as cli_put_text. */
void cli_path_msg(const char *path, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* One finding, gcc-style: file:line:col: severity: message [id], then its
 * fix. input names the file being processed, for findings that carry no
 * file of their own (e.g. from an emitter); "-" is stdin. */
void cli_print_diag(FILE *f, const mailprof_diag *g, const char *input, bool color);
/* Every finding of d, colour as cli_want_color(f). */
void cli_print_diags(FILE *f, const mailprof_diags *d, const char *input);

/* True when out names the same file as input ("-": standard input), so
 * writing would replace what is being read. */
bool cli_same_file(const char *out, const char *input);
/* Whether a single output may be written to out for input: NULL, or why
 * not ("exists (use --force to replace it)"; the input itself never). */
const char *cli_output_refused(const char *out, const char *input, bool force);

/* Write data to path whole or not at all: hidden temp file in the same
 * folder, fsync, rename. mode 0600 for files holding secrets. Returns 0 or
 * errno (EEXIST when path exists and force is false). */
int cli_write_atomic(const char *path, const char *data, size_t len, bool secret, bool force);

/* Batch writes, durable without an fsync per file: cli_write_staged writes
 * the hidden temp file (no fsync) and gives its name; cli_commit_add queues
 * it (true when the queue is full: flush); cli_commit_flush makes every
 * queued file durable under its final name (syncfs, renames, folder fsync),
 * calls fail for each file or folder that failed, and returns their count.
 * Not thread-safe: one thread adds and flushes. */
enum { CLI_COMMIT_MAX = 4096 };
struct cli_commit;
struct cli_commit *cli_commit_new(bool force);
int cli_write_staged(const char *path, const char *data, size_t len, bool secret, bool force,
                     char **tmp);
bool cli_commit_add(struct cli_commit *c, char *tmp, const char *path);
size_t cli_commit_flush(struct cli_commit *c, void (*fail)(const char *path, int err, void *u),
                        void *u);
/* Drop what was not flushed (its temp files are removed). */
void cli_commit_free(struct cli_commit *c);
/* mkdir -p for the folders above path (not path itself). 0 or errno. */
int cli_make_parents(char *path);

#endif
