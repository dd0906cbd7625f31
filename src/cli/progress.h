/* The batch's progress line on a terminal's stderr, at most ten times a second. */
#ifndef CLI_PROGRESS_H
#define CLI_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct cli_progress {
	bool tty;   /* stderr is a terminal and the run is not quiet */
	bool shown; /* a progress line is on screen */
	struct timespec last;
};

void cli_progress_init(struct cli_progress *p, bool quiet);
/* Erase the line before other output goes to the terminal. */
void cli_progress_clear(struct cli_progress *p);
void cli_progress_show(struct cli_progress *p, size_t files, size_t failed, const char *path);

#endif
