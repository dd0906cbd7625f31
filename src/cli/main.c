/* main(): libxml2's process-wide settings first, then the command. */
#include "cli.h"
#include "mailprof.h"

int main(int argc, char **argv)
{
	/* Before anything allocates through libxml2; a batch parses thousands
	 * of documents, hence the block cache. */
	mailprof_global_init(MAILPROF_GLOBAL_XML_CACHE);
	return cli_main(argc, argv);
}
