/* main(): libxml2's process-wide settings first, then the command, then
 * a check that everything printed to stdout really got out. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "mailprof.h"
#include "out.h"

int main(int argc, char **argv)
{
	/* Every report line is written whole, on stdout and on stderr alike:
	 * CI logs mix the two streams, and a line written in pieces (or cut at
	 * a full buffer) would interleave with the other stream's. */
	static char outbuf[1 << 16], errbuf[1 << 16];
	setvbuf(stdout, outbuf, _IOLBF, sizeof outbuf);
	setvbuf(stderr, errbuf, _IOLBF, sizeof errbuf);
	/* Before anything allocates through libxml2; a batch parses thousands
	 * of documents, hence the block cache. */
	mailprof_global_init(MAILPROF_GLOBAL_XML_CACHE);
	int rc = cli_main(argc, argv);
	/* A report or output cut short (a full disk, a closed pipe) is a
	 * failure, not a clean run: `check ... > /dev/full` must not exit 0. */
	errno = 0;
	bool failed = fflush(stdout) != 0 || ferror(stdout);
	int err = errno;
	if (fclose(stdout) != 0 && !failed)
		failed = true, err = errno;
	if (failed) {
		fprintf(stderr, "%s: cannot write the output: %s\n", cli_prog,
		        err ? strerror(err) : "write error");
		return EXIT_USAGE;
	}
	return rc;
}
