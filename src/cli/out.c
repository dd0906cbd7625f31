/* Output helpers of the command (see out.h). */
#define _GNU_SOURCE /* syncfs */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h> /* renameat2 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "out.h"

const char *const cli_prog = "mailprof";

int cli_severity_parse(const char *s)
{
	for (int v = MAILPROF_INFO; v <= MAILPROF_ERROR; v++)
		if (strcmp(s, mailprof_severity_name((mailprof_severity)v)) == 0)
			return v;
	return -1;
}

bool cli_want_color(FILE *f)
{
	const char *nc = getenv("NO_COLOR");
	return isatty(fileno(f)) && !(nc && *nc);
}

void cli_put_text(FILE *f, const char *s)
{
	size_t n = strlen(s), run = 0; /* s[run..i) is clean, not yet written */
	for (size_t i = 0; i < n;) {
		unsigned char b = (unsigned char)s[i];
		if (b >= 0x20 && b < 0x7F) { /* plain ASCII: the common case, no decoding */
			i++;
			continue;
		}
		unsigned long c;
		size_t k = mailprof_utf8_next(s + i, n - i, &c);
		if (k && !(c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xFFFE || c == 0xFFFF)) {
			i += k;
			continue;
		}
		/* C1 controls too (some terminals take U+009B as CSI), and the
		 * non-characters no text format holds. */
		fwrite(s + run, 1, i - run, f);
		for (size_t j = 0; j < (k ? k : 1); j++)
			fprintf(f, "\\x%02X", (unsigned char)s[i + j]);
		i += k ? k : 1;
		run = i;
	}
	fwrite(s + run, 1, n - run, f);
}

char *cli_clean(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		abort();
	cli_put_text(m, s);
	fclose(m);
	return buf;
}

void cli_path_msg(const char *path, const char *fmt, ...)
{
	fprintf(stderr, "%s: ", cli_prog);
	cli_put_text(stderr, path);
	fputs(": ", stderr);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_print_diag(FILE *f, const mailprof_diag *g, const char *input, bool color)
{
	static const char *const colors[] = {"\033[1;36m", "\033[1;35m", "\033[1;31m"};
	const char *file = g->loc.file ? g->loc.file : input ? input : cli_prog;
	if (strcmp(file, "-") == 0)
		file = "<stdin>";
	cli_put_text(f, file);
	if (g->loc.line && g->loc.column)
		fprintf(f, ":%d:%d: ", g->loc.line, g->loc.column);
	else if (g->loc.line)
		fprintf(f, ":%d: ", g->loc.line);
	else
		fputs(": ", f);
	const char *sev = mailprof_severity_name(g->severity);
	if (color)
		fprintf(f, "%s%s:\033[0m ", colors[g->severity], sev);
	else
		fprintf(f, "%s: ", sev);
	cli_put_text(f, g->message);
	fprintf(f, " [%s]\n", g->id);
	if (g->fix) {
		fputs("  fix: ", f);
		cli_put_text(f, g->fix);
		fputc('\n', f);
	}
}

void cli_print_diags(FILE *f, const mailprof_diags *d, const char *input)
{
	bool color = cli_want_color(f);
	for (size_t i = 0; i < mailprof_diags_count(d); i++)
		cli_print_diag(f, mailprof_diags_get(d, i), input, color);
}

bool cli_same_file(const char *out, const char *input)
{
	struct stat o, i;
	if (stat(out, &o) != 0)
		return false;
	int r = strcmp(input, "-") == 0 ? fstat(0, &i) : stat(input, &i);
	return r == 0 && o.st_dev == i.st_dev && o.st_ino == i.st_ino;
}

const char *cli_output_refused(const char *out, const char *input, bool force)
{
	if (cli_same_file(out, input))
		return "is the input: not written over, even with --force";
	if (!force && access(out, F_OK) == 0)
		return "exists (use --force to replace it)";
	return NULL;
}

/* dir/.base.mailprof-XXXXXX: hidden, so a folder run never reads a temp
 * file a killed run left behind (walks pass over dot files). */
static char *temp_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dl = slash ? (size_t)(slash - path) + 1 : 0;
	const char *base = path + dl;
	size_t bl = strlen(base);
	char *tmp = malloc(dl + bl + 20);
	if (!tmp)
		return NULL;
	memcpy(tmp, path, dl);
	tmp[dl] = '.';
	memcpy(tmp + dl + 1, base, bl);
	memcpy(tmp + dl + 1 + bl, ".mailprof-XXXXXX", 17);
	return tmp;
}

/* Write data to a new hidden temp file beside path; fsync it when sync. */
static int write_temp(const char *path, const char *data, size_t len, bool secret, bool sync,
                      char **tmp_out)
{
	char *tmp = temp_name(path);
	if (!tmp)
		return ENOMEM;
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
	if (!err && sync && fsync(fd) != 0)
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	if (err) {
		unlink(tmp);
		free(tmp);
		return err;
	}
	*tmp_out = tmp;
	return 0;
}

/* Give tmp its final name: without force, never over an existing file
 * (RENAME_NOREPLACE, or link where the file system lacks it: both fail
 * with EEXIST atomically, where a check before rename would race). */
static int place(const char *tmp, const char *path, bool force)
{
	int err = 0;
	if (force)
		err = rename(tmp, path) != 0 ? errno : 0;
	else if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) != 0) {
		err = errno;
		if (err == EINVAL || err == ENOSYS) {
			if (link(tmp, path) == 0) {
				unlink(tmp);
				err = 0;
			} else if ((err = errno) != EEXIST) /* no hard links (FAT): check, rename */
				err = access(path, F_OK) == 0 ? EEXIST : rename(tmp, path) != 0 ? errno : 0;
		}
	}
	if (err)
		unlink(tmp);
	return err;
}

int cli_write_atomic(const char *path, const char *data, size_t len, bool secret, bool force)
{
	if (!force && access(path, F_OK) == 0)
		return EEXIST;
	char *tmp = NULL;
	int err = write_temp(path, data, len, secret, true, &tmp);
	if (!err)
		err = place(tmp, path, force);
	free(tmp);
	return err;
}

/* ---- batch writes: durable without an fsync per file ----
 * Temp files are written without fsync; every CLI_COMMIT_MAX files (and at
 * the end) one syncfs per file system puts them all on disk, then each is
 * renamed to its final name, then each output folder is fsync'ed so the
 * names are on disk too. docs/batch.md says what a crash at each step
 * leaves: never a partial file under a final name. */

struct pending {
	char *tmp, *path;
};

struct cli_commit {
	bool force;
	struct pending *v;
	size_t n, cap;
};

struct cli_commit *cli_commit_new(bool force)
{
	struct cli_commit *c = calloc(1, sizeof *c);
	if (!c)
		abort();
	c->force = force;
	return c;
}

int cli_write_staged(const char *path, const char *data, size_t len, bool secret, bool force,
                     char **tmp)
{
	if (!force && access(path, F_OK) == 0)
		return EEXIST;
	return write_temp(path, data, len, secret, false, tmp);
}

bool cli_commit_add(struct cli_commit *c, char *tmp, const char *path)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 256;
		c->v = realloc(c->v, c->cap * sizeof *c->v);
		if (!c->v)
			abort();
	}
	char *p = strdup(path);
	if (!p)
		abort();
	c->v[c->n++] = (struct pending){tmp, p};
	return c->n >= CLI_COMMIT_MAX;
}

static char *parent_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *d = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	if (!d)
		abort();
	return d;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t cli_commit_flush(struct cli_commit *c, void (*fail)(const char *path, int err, void *u),
                        void *u)
{
	if (!c->n)
		return 0;
	size_t failed = 0;
	/* The distinct output folders, each opened once. */
	char **dirs = malloc(c->n * sizeof *dirs);
	int *fds = malloc(c->n * sizeof *fds);
	if (!dirs || !fds)
		abort();
	for (size_t i = 0; i < c->n; i++)
		dirs[i] = parent_of(c->v[i].path);
	qsort(dirs, c->n, sizeof *dirs, cmp_str);
	size_t nd = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (nd && strcmp(dirs[nd - 1], dirs[i]) == 0) {
			free(dirs[i]);
			continue;
		}
		dirs[nd++] = dirs[i];
	}
	/* 1. Data: one syncfs per file system the folders are on. */
	dev_t *devs = malloc(nd * sizeof *devs);
	if (!devs)
		abort();
	size_t ndev = 0;
	bool synced = true;
	for (size_t i = 0; i < nd; i++) {
		fds[i] = open(dirs[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		struct stat st;
		if (fds[i] < 0 || fstat(fds[i], &st) != 0) {
			synced = false;
			continue;
		}
		size_t k = 0;
		while (k < ndev && devs[k] != st.st_dev)
			k++;
		if (k < ndev)
			continue;
		devs[ndev++] = st.st_dev;
		if (syncfs(fds[i]) != 0)
			synced = false;
	}
	free(devs);
	/* 2. Names. Where syncfs could not be had, fsync each file first. */
	for (size_t i = 0; i < c->n; i++) {
		struct pending *e = &c->v[i];
		int err = 0;
		if (!synced) {
			int fd = open(e->tmp, O_RDONLY | O_CLOEXEC);
			if (fd < 0 || fsync(fd) != 0)
				err = errno;
			if (fd >= 0)
				close(fd);
		}
		if (err)
			unlink(e->tmp);
		else
			err = place(e->tmp, e->path, c->force);
		if (err) {
			failed++;
			if (fail)
				fail(e->path, err, u);
		}
		free(e->tmp);
		free(e->path);
	}
	c->n = 0;
	/* 3. The folders, so the new names survive a crash. */
	for (size_t i = 0; i < nd; i++) {
		if (fds[i] < 0 || fsync(fds[i]) != 0) {
			failed++;
			if (fail)
				fail(dirs[i], errno, u);
		}
		if (fds[i] >= 0)
			close(fds[i]);
		free(dirs[i]);
	}
	free(dirs);
	free(fds);
	return failed;
}

void cli_commit_free(struct cli_commit *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		unlink(c->v[i].tmp);
		free(c->v[i].tmp);
		free(c->v[i].path);
	}
	free(c->v);
	free(c);
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
