/* The mailprof command: everything lives in cli.c, which uses only the
 * public API. */
#include "cli.h"

int mp_cli_main(int argc, char **argv);

int main(int argc, char **argv)
{
	cli_alloc_init();
	return mp_cli_main(argc, argv);
}
