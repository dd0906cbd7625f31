/* The mailprof command's entry point (cli.c). */
#ifndef CLI_CLI_H
#define CLI_CLI_H

/* Run the command; returns the exit status. */
int cli_main(int argc, char **argv);

#endif
