/* Golden cases: every file tests/golden/<dir>/<name>.<rest> is the expected
 * output of the CLI on the sample samples/<dir>/<name>.<ext>:
 *   <rest> = check.txt   stdout of `mailprof check`, then "exit N"
 *   <rest> = stderr.txt  stderr of `mailprof convert --to json`, then "exit N"
 *   <rest> = FORMAT[.ext] stdout of `mailprof convert --to FORMAT`
 * An optional <name>.args holds extra arguments. `make golden` rewrites them. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

struct gcase {
	char golden[512];
	char sample[512];
	char rest[128];
};

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted entries of a folder (caller frees). */
static char **list_dir(const char *dir, size_t *n)
{
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	char **v = NULL;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		v = realloc(v, (*n + 1) * sizeof *v);
		v[(*n)++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(v, *n, sizeof *v, cmp_names);
	return v;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The sample whose stem (name without its last extension) is the longest
 * prefix of the golden's name followed by a dot. */
static bool find_sample(const char *dir, const char *golden, struct gcase *c)
{
	char sdir[300];
	snprintf(sdir, sizeof sdir, "samples/%s", dir);
	size_t n;
	char **v = list_dir(sdir, &n);
	size_t best = 0;
	for (size_t i = 0; i < n; i++) {
		const char *dot = strrchr(v[i], '.');
		size_t stem = dot ? (size_t)(dot - v[i]) : strlen(v[i]);
		if (stem > best && strncmp(golden, v[i], stem) == 0 && golden[stem] == '.') {
			best = stem;
			snprintf(c->sample, sizeof c->sample, "%s/%s", sdir, v[i]);
			snprintf(c->rest, sizeof c->rest, "%s", golden + stem + 1);
		}
	}
	free_list(v, n);
	return best > 0;
}

static void free_cases(struct criterion_test_params *crp)
{
	cr_free(crp->params);
}

ParameterizedTestParameters(golden, cases)
{
	size_t ndirs, cap = 0, count = 0;
	char **dirs = list_dir("tests/golden", &ndirs);
	struct gcase *cases = NULL;
	for (size_t i = 0; i < ndirs; i++) {
		char gdir[300];
		snprintf(gdir, sizeof gdir, "tests/golden/%s", dirs[i]);
		size_t nf;
		char **files = list_dir(gdir, &nf);
		for (size_t j = 0; j < nf; j++) {
			if ((strlen(files[j]) > 5 && strcmp(files[j] + strlen(files[j]) - 5, ".args") == 0))
				continue;
			if (count == cap) {
				size_t ncap = cap ? cap * 2 : 64;
				struct gcase *nc = cr_calloc(ncap, sizeof *nc);
				if (cases) {
					memcpy(nc, cases, count * sizeof *nc);
					cr_free(cases);
				}
				cases = nc;
				cap = ncap;
			}
			struct gcase *c = &cases[count];
			memset(c, 0, sizeof *c);
			snprintf(c->golden, sizeof c->golden, "%s/%s", gdir, files[j]);
			if (!find_sample(dirs[i], files[j], c))
				snprintf(c->rest, sizeof c->rest, "?"); /* reported by the test */
			count++;
		}
		free_list(files, nf);
	}
	free_list(dirs, ndirs);
	return cr_make_param_array(struct gcase, cases, count, free_cases);
}

ParameterizedTest(struct gcase *c, golden, cases)
{
	cr_assert(c->sample[0], "%s: no sample in samples/ matches this golden file", c->golden);
	char args[512] = "";
	char argpath[600];
	snprintf(argpath, sizeof argpath, "%.*s.args",
	         (int)(strlen(c->golden) - strlen(c->rest) - 1), c->golden);
	char *a = t_slurp(argpath, NULL);
	if (a) {
		a[strcspn(a, "\n")] = '\0';
		snprintf(args, sizeof args, "%s", a);
		free(a);
	}
	char cmd[2048];
	bool want_err = strcmp(c->rest, "stderr.txt") == 0;
	bool check = strcmp(c->rest, "check.txt") == 0;
	if (check)
		snprintf(cmd, sizeof cmd, "NO_COLOR=1 %s check %s %s", t_mailprof(), args, c->sample);
	else if (want_err)
		snprintf(cmd, sizeof cmd, "%s convert --to json %s %s", t_mailprof(), args, c->sample);
	else {
		char fmt[64];
		snprintf(fmt, sizeof fmt, "%.*s", (int)strcspn(c->rest, "."), c->rest);
		snprintf(cmd, sizeof cmd, "%s convert --to %s %s %s", t_mailprof(), fmt, args, c->sample);
	}
	char *out = NULL, *err = NULL;
	int rc = t_run(cmd, &out, &err);
	char *got = NULL;
	if (check || want_err) {
		if (asprintf(&got, "%sexit %d\n", check ? out : err, rc) < 0)
			abort();
	} else {
		/* 1: written, with error findings in the input (test_cli.c checks
		 * which exit each case gives); 2: nothing written. */
		cr_expect(rc == 0 || rc == 1, "`%s` exited %d: %s", cmd, rc, err);
		got = strdup(out);
	}
	char *want = t_slurp(c->golden, NULL);
	cr_assert(want, "cannot read %s", c->golden);
	cr_expect_str_eq(got, want, "`%s` differs from %s (run `make golden` and review the diff)", cmd,
	                 c->golden);
	free(want);
	free(got);
	free(out);
	free(err);
}
