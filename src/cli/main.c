/* main(): libxml2's process-wide settings first, then the command. */
#include <stdio.h>

#include "cli.h"
#include "mailprof.h"

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
	return cli_main(argc, argv);
}
