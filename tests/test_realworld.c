/* Command-line cases of issue 12 (real-world profiles), as golden files:
 * tests/data/realworld/NAME.cmd holds the arguments of one mailprof run
 * (shell words, paths from the repository root); NAME.expected beside it
 * holds its stdout, then "--- stderr", its stderr, then "exit N".
 * tools/golden.sh rewrites the .expected files. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdbool.h>
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

/* Item 7: a folder gives the same answer as its files. Each file of
 * tests/data/realworld/folder is read, or skipped, alone and in the folder
 * alike; the folder's exit status is the worst of the files'; the summary
 * counts failed and skipped apart; no report line is cut by another. */
Test(realworld, folder_answers_as_its_files)
{
	static const struct {
		const char *name;
		int rc;        /* `check FILE` */
		bool skipped;  /* in the folder */
	} files[] = {
		{"README.md", 2, true},        /* no reader claims it, alone or in the folder */
		{"provider-page.txt", 1, false}, /* a notice (MP041): content and extension */
		{"provider.xml", 0, false},
		{"xxe.xml", 2, false},          /* refused (xml-entity), not skipped */
	};
	char cmd[1024], *out, *err;
	int worst = 0;
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(cmd, sizeof cmd, "NO_COLOR=1 %s check --no-config " DIR_RW "/folder/%s", t_mailprof(),
		         files[i].name);
		int rc = t_run(cmd, &out, &err);
		cr_expect_eq(rc, files[i].rc, "check %s alone: exit %d\n%s%s", files[i].name, rc, out, err);
		if (!files[i].skipped && rc > worst)
			worst = rc;
		free(out), free(err);
	}
	snprintf(cmd, sizeof cmd, "NO_COLOR=1 %s check --no-config " DIR_RW "/folder", t_mailprof());
	int rc = t_run(cmd, &out, &err);
	cr_expect_eq(rc, worst, "check DIR: exit %d, the files' worst is %d", rc, worst);
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char line[512];
		snprintf(line, sizeof line, "mailprof: " DIR_RW "/folder/%s: skipped: not a known profile format\n",
		         files[i].name);
		cr_expect_eq(strstr(err, line) != NULL, files[i].skipped, "%s: %s in the folder\n%s", files[i].name,
		             files[i].skipped ? "not skipped" : "skipped", err);
	}
	cr_expect(strstr(err, "mailprof: 3 files, 2 accounts, ") && strstr(err, ", 1 failed, 1 skipped\n"),
	          "summary:\n%s", err);
	free(out), free(err);
	/* One stream for both, as in a CI log: every line is whole. */
	snprintf(cmd, sizeof cmd, "NO_COLOR=1 %s check --no-config " DIR_RW "/folder tests/data/notices-real 2>&1",
	         t_mailprof());
	t_run(cmd, &out, NULL);
	size_t lines = 0;
	for (char *l = out; l && *l; lines++) {
		char *e = strchr(l, '\n');
		size_t n = e ? (size_t)(e - l) : strlen(l);
		bool whole = strncmp(l, "mailprof: ", 10) == 0 || strncmp(l, "  fix: ", 7) == 0 ||
		             strncmp(l, DIR_RW "/", strlen(DIR_RW "/")) == 0 || strncmp(l, "tests/data/notices-real/", 24) == 0;
		/* A cut line shows as a second "mailprof: " or path start inside it. */
		const char *again = n > 10 ? strstr(l + 1, "mailprof: ") : NULL;
		cr_expect(whole && (!again || again >= l + n), "line %zu is not whole: %.*s", lines + 1, (int)n, l);
		l = e ? e + 1 : NULL;
	}
	cr_expect_gt(lines, 20, "too few lines to tell (%zu)", lines);
	free(out);
}
