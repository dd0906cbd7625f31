/* Inputs of a batch in order: the arguments, folders walked recursively in
 * byte order (pre-order), hidden entries and symbolic links left out. */
#ifndef CLI_WALK_H
#define CLI_WALK_H

#include <stdbool.h>
#include <stddef.h>

/* One input, as the walker yields it; its strings are the receiver's to free. */
struct cli_input {
	char *path;    /* to open and to name in findings */
	char *rel;     /* for the output name: relative to the folder argument */
	bool explicit; /* named on the command line: never skipped by sniffing */
	char *notes;   /* walker notes that come before this input, or NULL */
};

struct cli_walker;

/* quiet: no notes about what was skipped; follow: files behind symbolic
 * links are read (else skipped with a note; linked folders always are).
 * args must outlive the walker. */
struct cli_walker *cli_walk_new(char **args, size_t n, bool quiet, bool follow);
/* Next input in order, or false at the end. */
bool cli_walk_next(struct cli_walker *w, struct cli_input *in);
/* Notes not attached to an input (after the last one), malloc'd or NULL. */
char *cli_walk_take_notes(struct cli_walker *w);
void cli_walk_free(struct cli_walker *w);
/* The last path component. */
const char *cli_base_name(const char *p);

#endif
