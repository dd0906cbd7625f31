/* Reporters for `mailprof check --format`: text (gcc-style) and json. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void cli_json_str(FILE *f, const char *s)
{
	if (!s) {
		fputs("null", f);
		return;
	}
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p == '\t')
			fputs("\\t", f);
		else if (*p < 0x20)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

/* ---- text ---- */

static void text_begin(FILE *f)
{
	(void)f;
}

static void text_file(FILE *f, const struct cli_file_result *r, size_t index)
{
	(void)index;
	const char *nc = getenv("NO_COLOR");
	bool color = isatty(fileno(f)) && !(nc && *nc);
	for (size_t i = 0; i < mailprof_diags_count(r->d); i++)
		cli_print_diag(f, mailprof_diags_get(r->d, i), color);
}

static void text_end(FILE *f, const struct cli_summary *s)
{
	(void)f, (void)s;
}

/* ---- json ---- */

static void json_begin(FILE *f)
{
	fputs("{\"files\": [", f);
}

static void json_file(FILE *f, const struct cli_file_result *r, size_t index)
{
	fputs(index ? ",\n  {\"path\": " : "\n  {\"path\": ", f);
	cli_json_str(f, r->path);
	fputs(", \"status\": ", f);
	cli_json_str(f, r->status == MAILPROF_OK ? "ok" : mailprof_strerror(r->status));
	fprintf(f, ", \"accounts\": %zu,\n    \"findings\": [", r->accounts);
	size_t n = mailprof_diags_count(r->d);
	for (size_t i = 0; i < n; i++) {
		const mailprof_diag *g = mailprof_diags_get(r->d, i);
		fputs(i ? ",\n      {" : "\n      {", f);
		fputs("\"rule\": ", f);
		cli_json_str(f, g->id);
		fputs(", \"name\": ", f);
		cli_json_str(f, g->name);
		fputs(", \"severity\": ", f);
		cli_json_str(f, mailprof_severity_name(g->severity));
		fprintf(f, ", \"line\": %d, \"column\": %d, \"message\": ", g->loc.line, g->loc.column);
		cli_json_str(f, g->message);
		fputs(", \"fix\": ", f);
		cli_json_str(f, g->fix);
		fputc('}', f);
	}
	fputs(n ? "\n    ]}" : "]}", f);
}

static void json_end(FILE *f, const struct cli_summary *s)
{
	fprintf(f, "\n],\n\"summary\": {\"files\": %zu, \"accounts\": %zu, \"failures\": %zu, "
	        "\"errors\": %zu, \"warnings\": %zu, \"infos\": %zu}}\n",
	        s->files, s->accounts, s->failures, s->by_severity[MAILPROF_ERROR],
	        s->by_severity[MAILPROF_WARNING], s->by_severity[MAILPROF_INFO]);
}

static const struct cli_reporter reporters[] = {
	{"text", text_begin, text_file, text_end},
	{"json", json_begin, json_file, json_end},
};

const struct cli_reporter *cli_reporter_find(const char *name)
{
	for (size_t i = 0; i < sizeof reporters / sizeof reporters[0]; i++)
		if (strcmp(reporters[i].name, name) == 0)
			return &reporters[i];
	return NULL;
}

const char *cli_reporter_names(void)
{
	static char names[256];
	if (!names[0])
		for (size_t i = 0; i < sizeof reporters / sizeof reporters[0]; i++) {
			if (i)
				strcat(names, " ");
			strcat(names, reporters[i].name);
		}
	return names;
}
