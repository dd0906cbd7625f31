/* The batch's progress line (see progress.h). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "out.h"
#include "progress.h"

void cli_progress_init(struct cli_progress *p, bool quiet)
{
	p->tty = !quiet && isatty(2);
	p->shown = false;
	clock_gettime(CLOCK_MONOTONIC, &p->last);
}

void cli_progress_clear(struct cli_progress *p)
{
	if (p->shown) {
		fputs("\r\033[K", stderr);
		p->shown = false;
	}
}

void cli_progress_show(struct cli_progress *p, size_t files, size_t failed, const char *path)
{
	if (!p->tty)
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long ms = (now.tv_sec - p->last.tv_sec) * 1000 + (now.tv_nsec - p->last.tv_nsec) / 1000000;
	if (ms < 100)
		return;
	p->last = now;
	char *clean = cli_clean(path); /* a file name is no escape sequence */
	fprintf(stderr, "\r\033[K%zu files, %zu failed: %.60s", files, failed, clean);
	free(clean);
	fflush(stderr);
	p->shown = true;
}
