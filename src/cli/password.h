/* Where `mailprof probe` gets the password: never argv (other users see a
 * process's arguments), never printed. */
#ifndef CLI_PASSWORD_H
#define CLI_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>

struct cli_password_src {
	bool from_stdin;    /* --password-stdin: the first line of standard input */
	const char *env;    /* --password-env NAME */
	bool prompt;        /* otherwise ask on the terminal (/dev/tty, echo off) */
};

/* The password (malloc'd; wipe it with cli_password_free), or NULL with a
 * message in err. */
char *cli_password_get(const struct cli_password_src *s, char *err, size_t nerr);
void cli_password_free(char *pw);

#endif
