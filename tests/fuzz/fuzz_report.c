/* Fuzz target: the reports of `mailprof check --format ...`. The input is a
 * file name (up to the first newline: any bytes, as a folder can hold), then
 * a profile whose first byte picks the reader as in fuzz_parse. Every report
 * format is written for it and must be valid whatever the bytes:
 *  - json, sarif and codequality: strict RFC 8259 JSON in UTF-8 (a SARIF
 *    or GitLab upload refuses anything else);
 *  - junit: well-formed XML;
 *  - text and github: UTF-8 lines without control characters (no terminal
 *    escape sequences), github lines all workflow commands or the summary;
 *  - baseline: comment lines, or exactly three tab-separated fields.
 * Links the command's report.c and out.c (make fuzz). */
#include "fuzz_common.h"

#include "report.h"

static void check_lines(const char *name, const char *s, size_t n)
{
	for (const char *p = s, *e = s + n; p < e;) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(e - p);
		if (strcmp(name, "baseline") == 0) {
			if (len && *p != '#') {
				size_t tabs = 0;
				for (size_t i = 0; i < len; i++)
					tabs += p[i] == '\t';
				FZ_ASSERT(tabs == 2, "a baseline line without exactly three fields");
			}
		} else {
			FZ_ASSERT(fz_text_ok(p, len, true), "a report line holds control bytes or invalid UTF-8");
			if (strcmp(name, "github") == 0)
				FZ_ASSERT(!len || (len >= 2 && memcmp(p, "::", 2) == 0) ||
				              (len >= 9 && memcmp(p, "mailprof:", 9) == 0),
				          "a github line that is no workflow command");
		}
		p += len + 1;
	}
}

int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size);
	if (!nl)
		return 0;
	size_t plen = (size_t)(nl - (const char *)data);
	char *path = malloc(plen + 1);
	memcpy(path, data, plen);
	path[plen] = '\0';
	if (!*path || memchr(path, '\0', plen)) {
		free(path);
		return 0;
	}
	const uint8_t *prof = (const uint8_t *)nl + 1;
	size_t n = size - plen - 1;
	mailprof_profile *p = mailprof_profile_new();
	mailprof_diags *d = mailprof_diags_new();
	mailprof_status st = MAILPROF_ERR_SYNTAX;
	if (n) {
		const char *fmt = fz_pick_format(prof[0]);
		if (fmt && !(mailprof_format_caps(fmt) & MAILPROF_CAN_PARSE))
			fmt = NULL;
		st = mailprof_parse(p, (const char *)prof + 1, n - 1, path, fmt, NULL, d);
		if (st == MAILPROF_OK)
			mailprof_check(p, d);
	}
	mailprof_diags_sort(d);
	struct cli_file_result res = {path, st, d, mailprof_profile_account_count(p)};
	struct cli_summary sum = {1, res.accounts, st != MAILPROF_OK, {0, 0, 0}};
	for (size_t k = 0; k < mailprof_diags_count(d); k++)
		sum.by_severity[mailprof_diags_get(d, k)->severity]++;

	char names[256];
	snprintf(names, sizeof names, "%s", cli_reporter_names());
	for (char *save = NULL, *name = strtok_r(names, " ", &save); name; name = strtok_r(NULL, " ", &save)) {
		fz_where = name;
		char *out = NULL;
		size_t olen = 0;
		FILE *f = open_memstream(&out, &olen);
		struct cli_report *r = cli_report_begin(cli_reporter_find(name), f);
		cli_report_file(r, &res);
		cli_report_file(r, &res); /* two files: separators between them too */
		cli_report_end(r, &sum);
		fclose(f);
		if (strcmp(name, "json") == 0 || strcmp(name, "sarif") == 0 || strcmp(name, "codequality") == 0)
			FZ_ASSERT(fz_json_ok(out, olen), "a JSON report is not valid JSON");
		else if (strcmp(name, "junit") == 0)
			FZ_ASSERT(fz_xml_ok(out, olen), "the JUnit report is not well-formed XML");
		else
			check_lines(name, out, olen);
		free(out);
	}
	mailprof_diags_free(d);
	mailprof_profile_free(p);
	free(path);
	return 0;
}
