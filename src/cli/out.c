/* Output helpers of the command (see out.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "out.h"

const char *const cli_prog = "mailprof";

bool cli_want_color(FILE *f)
{
	const char *nc = getenv("NO_COLOR");
	return isatty(fileno(f)) && !(nc && *nc);
}

void cli_print_diag(FILE *f, const mailprof_diag *g, const char *input, bool color)
{
	static const char *const colors[] = {"\033[1;36m", "\033[1;35m", "\033[1;31m"};
	const char *file = g->loc.file ? g->loc.file : input ? input : cli_prog;
	if (strcmp(file, "-") == 0)
		file = "<stdin>";
	if (g->loc.line && g->loc.column)
		fprintf(f, "%s:%d:%d: ", file, g->loc.line, g->loc.column);
	else if (g->loc.line)
		fprintf(f, "%s:%d: ", file, g->loc.line);
	else
		fprintf(f, "%s: ", file);
	const char *sev = mailprof_severity_name(g->severity);
	if (color)
		fprintf(f, "%s%s:\033[0m %s [%s]\n", colors[g->severity], sev, g->message, g->id);
	else
		fprintf(f, "%s: %s [%s]\n", sev, g->message, g->id);
	if (g->fix)
		fprintf(f, "  fix: %s\n", g->fix);
}

void cli_print_diags(FILE *f, const mailprof_diags *d, const char *input)
{
	bool color = cli_want_color(f);
	for (size_t i = 0; i < mailprof_diags_count(d); i++)
		cli_print_diag(f, mailprof_diags_get(d, i), input, color);
}

int cli_write_atomic(const char *path, const char *data, size_t len, bool secret, bool force)
{
	if (!force && access(path, F_OK) == 0)
		return EEXIST;
	size_t n = strlen(path);
	char *tmp = malloc(n + 16);
	if (!tmp)
		return ENOMEM;
	memcpy(tmp, path, n);
	memcpy(tmp + n, ".tmp.XXXXXX", 12);
	int fd = mkstemp(tmp); /* mkstemp creates 0600 */
	if (fd < 0) {
		int e = errno;
		free(tmp);
		return e;
	}
	int err = 0;
	if (!secret && fchmod(fd, 0644) != 0)
		err = errno;
	for (size_t off = 0; !err && off < len;) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0) {
			if (errno != EINTR)
				err = errno;
		} else
			off += (size_t)w;
	}
	if (!err && fsync(fd) != 0)
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	if (!err && rename(tmp, path) != 0)
		err = errno;
	if (err)
		unlink(tmp);
	free(tmp);
	return err;
}

int cli_make_parents(char *path)
{
	for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		int err = mkdir(path, 0777) != 0 && errno != EEXIST ? errno : 0;
		struct stat st;
		if (!err && stat(path, &st) != 0)
			err = errno;
		else if (!err && !S_ISDIR(st.st_mode))
			err = ENOTDIR;
		*s = '/';
		if (err)
			return err;
	}
	return 0;
}
