/* Password sources of `mailprof probe`. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "password.h"

enum { MAX_PASSWORD = 4096 };

/* One line from fd (without its line break), at most MAX_PASSWORD bytes. */
static char *read_line(int fd)
{
	char *buf = malloc(MAX_PASSWORD + 1);
	if (!buf)
		return NULL;
	size_t n = 0;
	for (;;) {
		char c;
		ssize_t r = read(fd, &c, 1); /* byte by byte: leave the rest of stdin alone */
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 || c == '\n')
			break;
		if (n == MAX_PASSWORD) {
			n = 0; /* longer than any password: refuse rather than cut */
			break;
		}
		buf[n++] = c;
	}
	if (n && buf[n - 1] == '\r')
		n--;
	buf[n] = '\0';
	return buf;
}

char *cli_password_get(const struct cli_password_src *s, char *err, size_t nerr)
{
	char *pw = NULL;
	if (s->from_stdin) {
		pw = read_line(STDIN_FILENO);
		if (pw && !*pw)
			snprintf(err, nerr, "--password-stdin: no password on the first line of standard input");
	} else if (s->env) {
		const char *v = getenv(s->env);
		if (!v || !*v) {
			snprintf(err, nerr, "--password-env %s: the variable is not set or empty", s->env);
			return NULL;
		}
		pw = strdup(v);
	} else if (s->prompt) {
		int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
		if (fd < 0) {
			snprintf(err, nerr, "no terminal to ask for the password: use --password-stdin or --password-env NAME");
			return NULL;
		}
		struct termios old, quiet;
		bool restore = tcgetattr(fd, &old) == 0;
		if (restore) {
			quiet = old;
			quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
			quiet.c_lflag |= ICANON;
			tcsetattr(fd, TCSAFLUSH, &quiet);
		}
		static const char ask[] = "mailprof probe: password: ";
		if (write(fd, ask, sizeof ask - 1) < 0) {
			/* the prompt is a courtesy; reading still works */
		}
		pw = read_line(fd);
		if (restore)
			tcsetattr(fd, TCSAFLUSH, &old);
		if (write(fd, "\n", 1) < 0) {
		}
		close(fd);
		if (pw && !*pw)
			snprintf(err, nerr, "no password given");
	}
	if (pw && !*pw) {
		free(pw);
		return NULL;
	}
	if (!pw && !*err)
		snprintf(err, nerr, "out of memory");
	return pw;
}

void cli_password_free(char *pw)
{
	if (!pw)
		return;
	explicit_bzero(pw, strlen(pw));
	free(pw);
}
