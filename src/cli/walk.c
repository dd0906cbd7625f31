/* The batch walker (see walk.h): one sorted listing per open folder,
 * visited in pre-order. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "out.h"
#include "walk.h"

struct level {
	char *dir;     /* path of this folder, as the user would write it */
	char *rel;     /* path relative to the argument ("" at the top) */
	char **names;  /* sorted entries */
	size_t n, i;
};

struct cli_walker {
	char **args;
	size_t nargs, argi;
	struct level *stack;
	size_t depth, cap;
	bool quiet;
	bool follow; /* read files behind symbolic links */
	char *notes; /* notes not yet attached to an input (malloc'd or NULL) */
};

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

static char *join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	bool slash = la && a[la - 1] != '/' && lb;
	char *r = malloc(la + lb + 2);
	if (!r)
		abort();
	memcpy(r, a, la);
	if (slash)
		r[la++] = '/';
	memcpy(r + la, b, lb + 1);
	return r;
}

/* The walker runs ahead of the reporter: its notes travel with the next
 * input so stderr keeps input order whatever the number of workers. */
static void note(struct cli_walker *w, const char *path, const char *why)
{
	if (w->quiet)
		return;
	char *clean = cli_clean(path);
	size_t old = w->notes ? strlen(w->notes) : 0;
	size_t add = strlen(cli_prog) + strlen(clean) + strlen(why) + 6;
	w->notes = realloc(w->notes, old + add + 1);
	if (!w->notes)
		abort();
	snprintf(w->notes + old, add + 1, "%s: %s: %s\n", cli_prog, clean, why);
	free(clean);
}

/* Push a folder's sorted listing; returns false (with a note) when it cannot be read. */
static bool push_dir(struct cli_walker *w, const char *dir, const char *rel)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return false;
	char **names = NULL;
	size_t n = 0, cap = 0;
	for (struct dirent *e; (e = readdir(dp));) {
		/* Hidden entries (., .., .git, .mailprof.ini) are not inputs. */
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = realloc(names, cap * sizeof *names);
			if (!names)
				abort();
		}
		/* Keep d_type before the name: most file systems fill it in, which
		 * saves an lstat per file. */
		size_t len = strlen(e->d_name);
		names[n] = malloc(len + 2);
		if (!names[n])
			abort();
		names[n][0] = (char)e->d_type;
		memcpy(names[n] + 1, e->d_name, len + 1);
		n++;
	}
	closedir(dp);
	/* Byte order, not the locale's: the same tree gives the same order everywhere. */
	if (n) /* qsort wants a non-NULL array even for no elements */
		qsort(names, n, sizeof *names, cmp_names);
	if (w->depth == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 8;
		w->stack = realloc(w->stack, w->cap * sizeof *w->stack);
		if (!w->stack)
			abort();
	}
	char *d = strdup(dir), *r = strdup(rel);
	if (!d || !r)
		abort();
	w->stack[w->depth++] = (struct level){d, r, names, n, 0};
	return true;
}

static void pop_dir(struct cli_walker *w)
{
	struct level *l = &w->stack[--w->depth];
	for (size_t i = l->i; i < l->n; i++)
		free(l->names[i]);
	free(l->names);
	free(l->dir);
	free(l->rel);
}

const char *cli_base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* Next input in order, or false at the end. */
bool cli_walk_next(struct cli_walker *w, struct cli_input *in)
{
	for (;;) {
		if (w->depth) {
			struct level *l = &w->stack[w->depth - 1];
			if (l->i == l->n) {
				pop_dir(w);
				continue;
			}
			char *name = l->names[l->i++];
			unsigned char type = (unsigned char)name[0];
			char *path = join(l->dir, name + 1);
			char *rel = join(l->rel, name + 1);
			free(name);
			struct stat st;
			if (type == DT_REG) {
				*in = (struct cli_input){path, rel, false, w->notes};
				w->notes = NULL;
				return true;
			}
			if (lstat(path, &st) != 0) {
				note(w, path, strerror(errno));
			} else if (S_ISDIR(st.st_mode)) {
				if (!push_dir(w, path, rel))
					note(w, path, strerror(errno));
			} else if (S_ISLNK(st.st_mode)) {
				/* A link may lead out of the tree (a folder run must not read
				 * ~/.ssh because a download held a link to it): files behind
				 * links only when asked; linked folders never (loops). */
				struct stat t;
				if (stat(path, &t) != 0)
					note(w, path, strerror(errno));
				else if (S_ISDIR(t.st_mode))
					note(w, path, "skipped: link to a folder");
				else if (!w->follow)
					note(w, path, "skipped: symbolic link (--follow-symlinks reads it)");
				else if (!S_ISREG(t.st_mode))
					note(w, path, "skipped: not a regular file");
				else {
					*in = (struct cli_input){path, rel, false, w->notes};
					w->notes = NULL;
					return true;
				}
			} else if (S_ISREG(st.st_mode)) {
				*in = (struct cli_input){path, rel, false, w->notes};
				w->notes = NULL;
				return true;
			} else {
				note(w, path, "skipped: not a regular file");
			}
			free(path);
			free(rel);
			continue;
		}
		if (w->argi == w->nargs)
			return false;
		const char *a = w->args[w->argi++];
		struct stat st;
		if (strcmp(a, "-") != 0 && stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (!push_dir(w, a, ""))
				note(w, a, strerror(errno));
			continue;
		}
		in->path = strdup(a);
		in->rel = strdup(cli_base_name(a));
		if (!in->path || !in->rel)
			abort();
		in->explicit = true;
		in->notes = w->notes;
		w->notes = NULL;
		return true;
	}
}

void cli_walk_free(struct cli_walker *w)
{
	if (!w)
		return;
	while (w->depth)
		pop_dir(w);
	free(w->stack);
	free(w->notes);
	free(w);
}

struct cli_walker *cli_walk_new(char **args, size_t n, bool quiet, bool follow)
{
	struct cli_walker *w = calloc(1, sizeof *w);
	if (!w)
		abort();
	w->args = args;
	w->nargs = n;
	w->quiet = quiet;
	w->follow = follow;
	return w;
}

char *cli_walk_take_notes(struct cli_walker *w)
{
	char *n = w->notes;
	w->notes = NULL;
	return n;
}
