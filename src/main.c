/* The mailprof command: everything lives in cli.c, which uses only the
 * public API. */
int mp_cli_main(int argc, char **argv);

int main(int argc, char **argv)
{
	return mp_cli_main(argc, argv);
}
