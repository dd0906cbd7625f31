/* Command-line cases of issue 12 (real-world profiles), as golden files:
 * tests/data/realworld/NAME.cmd holds the arguments of one mailprof run
 * (shell words, paths from the repository root); NAME.expected beside it
 * holds its stdout, then "--- stderr", its stderr, then "exit N".
 * tools/golden.sh rewrites the .expected files. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#define DIR_RW "tests/data/realworld"

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

Test(realworld, command_goldens)
{
	DIR *dir = opendir(DIR_RW);
	cr_assert(dir, "run from the repository root");
	char *names[256];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(dir)) && n < 256) {
		size_t len = strlen(e->d_name);
		if (len > 4 && strcmp(e->d_name + len - 4, ".cmd") == 0)
			names[n++] = strndup(e->d_name, len - 4);
	}
	closedir(dir);
	qsort(names, n, sizeof *names, cmp_names);
	cr_expect_geq(n, 8, "too few command cases (%zu)", n);
	for (size_t i = 0; i < n; i++) {
		char path[600];
		snprintf(path, sizeof path, DIR_RW "/%s.cmd", names[i]);
		char *args = t_slurp(path, NULL);
		cr_assert(args);
		args[strcspn(args, "\n")] = '\0';
		char cmd[2048];
		snprintf(cmd, sizeof cmd, "NO_COLOR=1 %s %s", t_mailprof(), args);
		char *out = NULL, *err = NULL;
		int rc = t_run(cmd, &out, &err);
		char *got = NULL;
		if (asprintf(&got, "%s--- stderr\n%sexit %d\n", out, err, rc) < 0)
			abort();
		snprintf(path, sizeof path, DIR_RW "/%s.expected", names[i]);
		char *want = t_slurp(path, NULL);
		cr_expect(want, "no %s (run `make golden`)", path);
		if (want)
			cr_expect_str_eq(got, want, "`mailprof %s` differs from %s (run `make golden`, review the diff)",
			                 args, path);
		free(want);
		free(got);
		free(out);
		free(err);
		free(args);
		free(names[i]);
	}
}
