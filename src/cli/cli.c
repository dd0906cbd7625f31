/* The mailprof command: option parsing and one function per command. The
 * library never prints; the command does, through the public API only. */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cli.h"
#include "config.h"
#include "merge.h"
#include "out.h"
#include "pipeline.h"
#include "probe.h"
#include "report.h"

static const char *const prog = "mailprof";

static void usage(FILE *f)
{
	fprintf(f,
	        "usage: %s COMMAND [OPTIONS]\n"
	        "\n"
	        "commands:\n"
	        "  convert [--from F] --to T [-o OUT] [--check] [--fix] [FILE|-]\n"
	        "                          read a profile or provider notice, write another format\n"
	        "  check [--format text|json|sarif|github|junit|codequality|baseline] [--fail-on error|warning|info]\n"
	        "        [--config FILE|--no-config] [--enable ID] [--disable ID] [--baseline FILE] FILE...\n"
	        "                          report problems in mail settings (.mailprof.ini is\n"
	        "                          looked up from the working directory upward);\n"
	        "                          with --fix -o OUT [--to T] [--force]: write the safely\n"
	        "                          fixed profile (an existing OUT only with --force)\n"
	        "  check|convert ... DIR... [-j N] [--quiet] [--shard K/N]\n"
	        "                          folders are walked (sorted), files picked by content;\n"
	        "                          convert then needs -o OUTDIR (--force, --dry-run);\n"
	        "                          --shard K/N: only the K-th of N shares of the files\n"
	        "                          (by path); check then needs --format json|sarif|junit\n"
	        "  merge [--format F] [check options] REPORT...\n"
	        "                          combine the reports of the N shards of a check run\n"
	        "                          into the report (and exit status) of one whole run\n"
	        "  probe [--ca-file F] [--login|--send-test] [--password-stdin|--password-env NAME]\n"
	        "        [--timeout S] [--format F] [--fail-on S] [-j N] FILE...\n"
	        "                          prove a profile against its live servers: TLS, certificate,\n"
	        "                          capabilities, login, a test mail (`%s probe --help`)\n"
	        "  formats                 list formats and what can be read and written\n"
	        "  rules                   list the checker's rules\n"
	        "  explain ID              print the documentation of a rule or finding code\n"
	        "\n"
	        "common options:\n"
	        "  --from F                input format (default: detected from content, then name)\n"
	        "  --include-secrets       write passwords into the output (file mode 0600)\n"
	        "  --encoding E            notices: input encoding (default: detected)\n"
	        "  --template FILE|DIR     notices: parse (or render) with a template\n"
	        "  --identifier ID         mobileconfig: PayloadIdentifier prefix\n"
	        "  --max-input-size N      refuse inputs larger than N bytes (64M, 1G; default 8M)\n"
	        "  --follow-symlinks       folders: read files behind symbolic links (default: skip)\n"
	        "  --email ADDRESS         the user's address: substitutes %%EMAILADDRESS%%,\n"
	        "                          %%EMAILLOCALPART%%, %%EMAILDOMAIN%% (provider profiles\n"
	        "                          become per-user ones; needed for targets whose client\n"
	        "                          does not substitute them)\n"
	        "  --name \"Display Name\"   the user's name: substitutes %%REALNAME%%\n"
	        "  -h, --help              this text\n"
	        "  --version               print the version\n"
	        "\n"
	        "exit status: 0 clean, 1 findings at or above --fail-on (convert too: a value\n"
	        "it could not read or carry is an error), 2 usage error, unreadable or\n"
	        "unparseable input, or a target that cannot be written.\n",
	        prog, prog);
}

/* "8M", "64MiB", "1G", "500k" or bytes; 0 when not a size. */
static size_t parse_size(const char *s)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (end == s || errno || *s == '-')
		return 0;
	unsigned shift = 0;
	switch (*end) {
	case 'k': case 'K': shift = 10, end++; break;
	case 'm': case 'M': shift = 20, end++; break;
	case 'g': case 'G': shift = 30, end++; break;
	}
	if (shift && (*end == 'i' || *end == 'I') && (end[1] == 'B' || end[1] == 'b'))
		end += 2;
	else if (shift && (*end == 'B' || *end == 'b'))
		end++;
	if (*end || v > (SIZE_MAX >> shift) - 1)
		return 0;
	return (size_t)(v << shift);
}

enum {
	OPT_FROM = 256, OPT_TO, OPT_FORMAT, OPT_FAIL_ON, OPT_SECRETS, OPT_ENCODING, OPT_TEMPLATE,
	OPT_IDENTIFIER, OPT_CHECK, OPT_FORCE, OPT_VERSION, OPT_FIX, OPT_DRY_RUN, OPT_EMAIL, OPT_NAME, OPT_SHARD, OPT_MAX_INPUT, OPT_FOLLOW
};

static const struct option long_opts[] = {
	{"from", required_argument, NULL, OPT_FROM},
	{"to", required_argument, NULL, OPT_TO},
	{"output", required_argument, NULL, 'o'},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"fail-on", required_argument, NULL, OPT_FAIL_ON},
	{"include-secrets", no_argument, NULL, OPT_SECRETS},
	{"encoding", required_argument, NULL, OPT_ENCODING},
	{"template", required_argument, NULL, OPT_TEMPLATE},
	{"identifier", required_argument, NULL, OPT_IDENTIFIER},
	{"email", required_argument, NULL, OPT_EMAIL},
	{"name", required_argument, NULL, OPT_NAME},
	{"check", no_argument, NULL, OPT_CHECK},
	{"force", no_argument, NULL, OPT_FORCE},
	CLI_CHECK_OPTIONS,
	{"fix", no_argument, NULL, OPT_FIX},
	{"jobs", required_argument, NULL, 'j'},
	{"quiet", no_argument, NULL, 'q'},
	{"dry-run", no_argument, NULL, OPT_DRY_RUN},
	{"shard", required_argument, NULL, OPT_SHARD},
	{"max-input-size", required_argument, NULL, OPT_MAX_INPUT},
	{"follow-symlinks", no_argument, NULL, OPT_FOLLOW},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0},
};

struct args {
	const char *from, *to, *out, *format;
	int fail_on;
	bool check, force, fail_on_set, fix;
	long jobs;             /* batch: -j N, 0 = number of cores */
	bool quiet, dry_run;   /* batch */
	bool format_set;
	bool sharded;          /* --shard K/N */
	struct cli_shard shard;
	bool follow;           /* batch: --follow-symlinks */
	mailprof_options opt;
	struct cli_check_opts copts;
};

/* Returns -1 to go on, else an exit code. */
static int parse_args(int argc, char **argv, struct args *a)
{
	a->fail_on = MAILPROF_ERROR;
	a->format = "text";
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "ho:j:q", long_opts, NULL)) != -1) {
		switch (c) {
		case OPT_FROM: a->from = optarg; break;
		case OPT_TO: a->to = optarg; break;
		case 'o': a->out = optarg; break;
		case OPT_FORMAT: a->format = optarg; a->format_set = true; break;
		case OPT_SHARD:
			if (cli_shard_parse(optarg, &a->shard) != 0) {
				fprintf(stderr, "%s: --shard takes K/N with 1 <= K <= N, not '%s'\n", prog, optarg);
				return EXIT_USAGE;
			}
			a->sharded = true;
			break;
		case OPT_FAIL_ON:
			a->fail_on = cli_severity_parse(optarg);
			if (a->fail_on < 0) {
				fprintf(stderr, "%s: --fail-on takes error, warning or info, not '%s'\n", prog, optarg);
				return EXIT_USAGE;
			}
			a->fail_on_set = true;
			break;
		case 'j': {
			char *end;
			a->jobs = strtol(optarg, &end, 10);
			if (*end || a->jobs < 1 || a->jobs > 1024) {
				fprintf(stderr, "%s: -j takes a number of workers (1-1024), not '%s'\n", prog, optarg);
				return EXIT_USAGE;
			}
			break;
		}
		case 'q': a->quiet = true; break;
		case OPT_DRY_RUN: a->dry_run = true; break;
		case OPT_FOLLOW: a->follow = true; break;
		case OPT_MAX_INPUT:
			a->opt.max_input = parse_size(optarg);
			if (!a->opt.max_input) {
				fprintf(stderr, "%s: --max-input-size takes a size (bytes, or 64M, 1G), not '%s'\n",
				        prog, optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_FIX: a->fix = true; break;
		case CLI_OPT_CONFIG:
		case CLI_OPT_NO_CONFIG:
		case CLI_OPT_BASELINE:
		case CLI_OPT_ENABLE:
		case CLI_OPT_DISABLE:
			if (cli_check_opts_take(&a->copts, c, optarg, prog) < 0)
				return EXIT_USAGE;
			break;
		case OPT_SECRETS: a->opt.include_secrets = 1; break;
		case OPT_ENCODING: a->opt.encoding = optarg; break;
		case OPT_TEMPLATE: a->opt.template_path = optarg; break;
		case OPT_IDENTIFIER: a->opt.identifier = optarg; break;
		case OPT_EMAIL: {
			const char *why = mailprof_email_problem(optarg);
			if (*why) {
				fprintf(stderr, "%s: --email '%s' %s (give local@domain)\n", prog, optarg, why);
				return EXIT_USAGE;
			}
			a->opt.email = optarg;
			break;
		}
		case OPT_NAME: a->opt.real_name = optarg; break;
		case OPT_CHECK: a->check = true; break;
		case OPT_FORCE: a->force = true; break;
		case 'h': usage(stdout); return EXIT_CLEAN;
		case OPT_VERSION: printf("mailprof %s\n", MAILPROF_VERSION); return EXIT_CLEAN;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	if (a->opt.real_name && !a->opt.email) {
		fprintf(stderr, "%s: --name goes with --email (placeholders are substituted for one user)\n",
		        prog);
		return EXIT_USAGE;
	}
	for (const char *f = a->from; f; f = NULL)
		if (!mailprof_format_lookup(f) || !(mailprof_format_caps(f) & MAILPROF_CAN_PARSE)) {
			fprintf(stderr, "%s: cannot read format '%s' (see `%s formats`)\n", prog, f, prog);
			return EXIT_USAGE;
		}
	return -1;
}

/* Several inputs or a folder: one output per file under -o OUTDIR. */
static int convert_batch(struct args *a, const char *to, char **in, size_t n)
{
	if (!a->out || strcmp(a->out, "-") == 0) {
		fprintf(stderr, "%s convert: several inputs need -o OUTDIR\n", prog);
		return EXIT_USAGE;
	}
	mailprof_check_config *cfg = NULL;
	if (a->check && !(cfg = cli_check_config(&a->copts, a->fail_on_set ? a->fail_on : -1)))
		return EXIT_USAGE;
	struct cli_batch_opts bo = {
		.pl = {.from = a->from, .opt = &a->opt, .fix = a->fix, .cfg = cfg, .to = to},
		.jobs = a->jobs, .quiet = a->quiet, .dry_run = a->dry_run, .force = a->force,
		.follow = a->follow,
		.summary = true, .fail_on = cfg ? (int)mailprof_check_config_fail_on(cfg) : a->fail_on,
		.outdir = a->out, .shard = a->sharded ? &a->shard : NULL,
	};
	int rc = cli_batch_run(&bo, in, n);
	mailprof_check_config_free(cfg);
	return rc;
}

/* convert: findings to stderr, sorted, before the output is written. */
static void convert_report(struct cli_job *j, void *u)
{
	(void)u;
	mailprof_diags_sort(j->d);
	cli_print_diags(stderr, j->d, j->path);
}

/* convert: to -o OUT (whole or not at all), else to stdout. */
static int convert_write(struct cli_job *j, void *u)
{
	const struct args *a = u;
	if (!j->out)
		return 0;
	if (a->out && strcmp(a->out, "-") != 0)
		return cli_write_atomic(a->out, j->out, j->out_len, a->opt.include_secrets != 0, a->force);
	if (fwrite(j->out, 1, j->out_len, stdout) != j->out_len || fflush(stdout) != 0)
		return errno ? errno : EIO;
	return 0;
}

static int cmd_convert(int argc, char **argv)
{
	struct args a = {0};
	int rc = parse_args(argc, argv, &a);
	if (rc >= 0)
		return rc;
	if (!a.to) {
		fprintf(stderr, "%s convert: --to is required (see `%s formats`)\n", prog, prog);
		return EXIT_USAGE;
	}
	const char *to = mailprof_format_lookup(a.to);
	if (!to || !(mailprof_format_caps(to) & MAILPROF_CAN_EMIT)) {
		fprintf(stderr, "%s convert: cannot write format '%s' (see `%s formats`)\n", prog, a.to, prog);
		return EXIT_USAGE;
	}
	if (cli_batch_wanted(argv + optind, (size_t)(argc - optind)))
		return convert_batch(&a, to, argv + optind, (size_t)(argc - optind));
	if (a.sharded) {
		fprintf(stderr, "%s convert: --shard needs several inputs or a folder\n", prog);
		return EXIT_USAGE;
	}
	mailprof_check_config *cfg = NULL;
	if (a.check && !(cfg = cli_check_config(&a.copts, a.fail_on_set ? a.fail_on : -1)))
		return EXIT_USAGE;
	struct cli_job j = {.path = optind < argc ? argv[optind] : "-"};
	/* As in a batch: an existing file only with --force, the input never. */
	const char *why = a.out && strcmp(a.out, "-") != 0 ? cli_output_refused(a.out, j.path, a.force)
	                                                    : NULL;
	if (why) {
		cli_path_msg(a.out, "%s", why);
		mailprof_check_config_free(cfg);
		return EXIT_USAGE;
	}
	struct cli_pipeline pl = {.from = a.from, .opt = &a.opt, .fix = a.fix, .cfg = cfg, .to = to,
	                          .report = convert_report, .write = convert_write, .u = &a};
	cli_pipeline_run(&pl, &j);
	rc = EXIT_CLEAN;
	if (!j.parsed) {
		cli_path_msg(j.path, "%s", mailprof_strerror(j.st));
		rc = EXIT_USAGE;
	} else if (j.st == MAILPROF_ERR_INVALID) {
		fprintf(stderr, "%s: %s: not written: the profile lacks what %s needs (see above)\n", prog, to, to);
		rc = EXIT_USAGE;
	} else if (j.st != MAILPROF_OK) {
		fprintf(stderr, "%s: cannot write %s: %s\n", prog, to, mailprof_strerror(j.st));
		rc = EXIT_USAGE;
	} else if (j.werr) {
		if (a.out && strcmp(a.out, "-") != 0 && j.werr == EEXIST)
			cli_path_msg(a.out, "exists (use --force to replace it)");
		else if (a.out && strcmp(a.out, "-") != 0)
			cli_path_msg(a.out, "%s", strerror(j.werr));
		else
			fprintf(stderr, "%s: write error: %s\n", prog, strerror(j.werr));
		rc = EXIT_USAGE;
	} else if (mailprof_diags_worst(j.d) >= (cfg ? (int)mailprof_check_config_fail_on(cfg) : a.fail_on)) {
		/* A value convert could not read or carry is an error finding. */
		rc = EXIT_FINDINGS;
	}
	cli_job_clear(&j);
	mailprof_check_config_free(cfg);
	return rc;
}

/* check --fix: findings through the reporter, then the fixed profile to -o OUT. */
struct fix_ctx {
	const struct cli_reporter *rep;
	const char *out;
	bool secret, force;
};

static void fix_report(struct cli_job *j, void *u)
{
	const struct cli_reporter *rep = ((const struct fix_ctx *)u)->rep;
	mailprof_diags_sort(j->d);
	struct cli_file_result r = {j->path, j->st, j->d, mailprof_profile_account_count(j->p)};
	struct cli_summary sum = {1, r.accounts, j->st != MAILPROF_OK, {0, 0, 0}};
	for (size_t k = 0; k < mailprof_diags_count(j->d); k++)
		sum.by_severity[mailprof_diags_get(j->d, k)->severity]++;
	struct cli_report *rr = cli_report_begin(rep, stdout);
	cli_report_file(rr, &r);
	cli_report_end(rr, &sum);
	fflush(stdout);
}

static int fix_write(struct cli_job *j, void *u)
{
	const struct fix_ctx *c = u;
	return j->out ? cli_write_atomic(c->out, j->out, j->out_len, c->secret, c->force) : 0;
}

static int check_fix(const struct args *a, int nfiles, char **files, const struct cli_reporter *rep)
{
	if (nfiles != 1 || !a->out) {
		fprintf(stderr, "%s check --fix: give one input and -o OUT for the fixed profile\n", prog);
		return EXIT_USAGE;
	}
	const char *path = files[0];
	/* Without --to, write the input's own format (by its name). */
	const char *format = a->to ? a->to : a->from;
	const char *to = format ? mailprof_format_lookup(format) : mailprof_format_detect("", 0, path);
	if (!to || !(mailprof_format_caps(to) & MAILPROF_CAN_EMIT)) {
		fprintf(stderr, "%s check --fix: cannot write %s; name a format with --to\n", prog,
		        to ? to : "this input's format");
		return EXIT_USAGE;
	}
	/* As convert and batch: an existing file only with --force, the input never. */
	const char *why = cli_output_refused(a->out, path, a->force);
	if (why) {
		cli_path_msg(a->out, "%s", why);
		return EXIT_USAGE;
	}
	mailprof_check_config *cfg = cli_check_config(&a->copts, a->fail_on_set ? a->fail_on : -1);
	if (!cfg)
		return EXIT_USAGE;
	/* Read by content and name (not --from, which names the output here). */
	struct fix_ctx ctx = {rep, a->out, a->opt.include_secrets != 0, a->force};
	struct cli_pipeline pl = {.opt = &a->opt, .fix = true, .cfg = cfg, .to = to,
	                          .report = fix_report, .write = fix_write, .u = &ctx};
	struct cli_job j = {.path = path};
	cli_pipeline_run(&pl, &j);
	int rc = EXIT_CLEAN;
	if (j.st != MAILPROF_OK) {
		cli_path_msg(path, "%s", mailprof_strerror(j.st));
		rc = EXIT_USAGE;
	} else if (j.werr) {
		if (j.werr == EEXIST)
			cli_path_msg(a->out, "exists (use --force to replace it)");
		else
			cli_path_msg(a->out, "%s", strerror(j.werr));
		rc = EXIT_USAGE;
	} else if (mailprof_diags_worst(j.d) >= (int)mailprof_check_config_fail_on(cfg)) {
		rc = EXIT_FINDINGS;
	}
	cli_job_clear(&j);
	mailprof_check_config_free(cfg);
	return rc;
}

static int cmd_check(int argc, char **argv)
{
	struct args a = {0};
	int rc = parse_args(argc, argv, &a);
	if (rc >= 0)
		return rc;
	const struct cli_reporter *rep = cli_reporter_find(a.format);
	if (!rep) {
		fprintf(stderr, "%s check: --format takes one of: %s; not '%s'\n", prog,
		        cli_reporter_names(), a.format);
		return EXIT_USAGE;
	}
	if (optind >= argc) {
		fprintf(stderr, "%s check: name at least one file (or - for stdin)\n", prog);
		return EXIT_USAGE;
	}
	if (a.sharded && (a.fix || !cli_reporter_extensible(rep))) {
		fprintf(stderr, "%s check: --shard writes a report merge reads: --format json, sarif or "
		        "junit, and no --fix\n", prog);
		return EXIT_USAGE;
	}
	if (a.fix)
		return check_fix(&a, argc - optind, argv + optind, rep);
	mailprof_check_config *cfg = cli_check_config(&a.copts, a.fail_on_set ? a.fail_on : -1);
	if (!cfg)
		return EXIT_USAGE;
	a.fail_on = (int)mailprof_check_config_fail_on(cfg);
	/* Files and folders, in input order; cross-file findings (duplicate
	 * accounts) too. cli_batch.c */
	char **in = argv + optind;
	size_t n = (size_t)(argc - optind);
	struct cli_batch_opts bo = {
		.pl = {.from = a.from, .opt = &a.opt, .cfg = cfg},
		.jobs = a.jobs, .quiet = a.quiet, .summary = cli_batch_wanted(in, n), .rep = rep,
		.follow = a.follow,
		.fail_on = a.fail_on, .shard = a.sharded ? &a.shard : NULL,
	};
	rc = cli_batch_run(&bo, in, n);
	mailprof_check_config_free(cfg);
	return rc;
}

/* merge: the shards' reports of a check run, as one whole run. */
static int cmd_merge(int argc, char **argv)
{
	struct args a = {0};
	int rc = parse_args(argc, argv, &a);
	if (rc >= 0)
		return rc;
	const struct cli_reporter *rep = NULL;
	if (a.format_set && !(rep = cli_reporter_find(a.format))) {
		fprintf(stderr, "%s merge: --format takes one of: %s; not '%s'\n", prog,
		        cli_reporter_names(), a.format);
		return EXIT_USAGE;
	}
	if (a.sharded || a.fix || a.to || a.out || a.from) {
		fprintf(stderr, "%s merge: takes --format, the check options and the shards' reports\n",
		        prog);
		return EXIT_USAGE;
	}
	if (optind >= argc) {
		fprintf(stderr, "%s merge: name the reports of every shard\n", prog);
		return EXIT_USAGE;
	}
	mailprof_check_config *cfg = cli_check_config(&a.copts, a.fail_on_set ? a.fail_on : -1);
	if (!cfg)
		return EXIT_USAGE;
	struct cli_merge_opts mo = {rep, cfg, (int)mailprof_check_config_fail_on(cfg), a.quiet};
	rc = cli_merge_run(&mo, argv + optind, (size_t)(argc - optind));
	mailprof_check_config_free(cfg);
	return rc;
}

static int cmd_formats(void)
{
	printf("%-12s %-5s %-5s %s\n", "FORMAT", "READ", "WRITE", "DESCRIPTION");
	for (size_t i = 0; mailprof_format_name(i); i++) {
		const char *n = mailprof_format_name(i);
		unsigned caps = mailprof_format_caps(n);
		printf("%-12s %-5s %-5s %s\n", n, caps & MAILPROF_CAN_PARSE ? "yes" : "-",
		       caps & MAILPROF_CAN_EMIT ? "yes" : "-", mailprof_format_summary(n));
	}
	return EXIT_CLEAN;
}

static void rules_markdown(FILE *f)
{
	fputs("# mailprof rules\n\n"
	      "Generated by `mailprof rules --format markdown` from the rules table; "
	      "`make check` fails when this file is stale (regenerate with `make docs`).\n\n"
	      "| ID | Name | Severity | Summary |\n|---|---|---|---|\n", f);
	for (size_t i = 0; i < mailprof_rule_count(); i++) {
		const mailprof_rule_info *r = mailprof_rule_get(i);
		fprintf(f, "| [%s](#%s) | %s | %s | %s |\n", r->id, r->id, r->name,
		        mailprof_severity_name(r->severity), r->summary);
	}
	for (size_t i = 0; i < mailprof_rule_count(); i++) {
		const mailprof_rule_info *r = mailprof_rule_get(i);
		fprintf(f, "\n## %s\n\n**%s** (%s): %s\n\n%s\n\n*Fix:* %s\n", r->id, r->name,
		        mailprof_severity_name(r->severity), r->summary, r->doc, r->fix);
	}
	fputs("\n# Finding codes\n\n"
	      "Findings of the readers, writers and file access that are not rules (src/codes.def). "
	      "`mailprof explain CODE` prints them, and `.mailprof.ini`, `--enable`/`--disable` and "
	      "baselines treat them as they treat rules.\n\n"
	      "| Code | Severity | Summary |\n|---|---|---|\n", f);
	for (size_t i = 0; i < mailprof_code_count(); i++) {
		const mailprof_rule_info *c = mailprof_code_get(i);
		fprintf(f, "| [%s](#%s) | %s | %s |\n", c->id, c->id, mailprof_severity_name(c->severity),
		        c->summary);
	}
	for (size_t i = 0; i < mailprof_code_count(); i++) {
		const mailprof_rule_info *c = mailprof_code_get(i);
		fprintf(f, "\n## %s\n\n(%s): %s\n\n%s\n\n*Fix:* %s\n", c->id,
		        mailprof_severity_name(c->severity), c->summary, c->doc, c->fix);
	}
}

static int cmd_rules(void)
{
	for (size_t i = 0; i < mailprof_rule_count(); i++) {
		const mailprof_rule_info *r = mailprof_rule_get(i);
		printf("%-6s %-8s %-28s %s\n", r->id, mailprof_severity_name(r->severity), r->name,
		       r->summary);
	}
	return EXIT_CLEAN;
}

static int cmd_explain(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s explain RULE-ID|CODE\n", prog);
		return EXIT_USAGE;
	}
	const mailprof_rule_info *r = mailprof_rule_find(argv[1]);
	if (!r) {
		fprintf(stderr, "%s: no rule '%s' (see `%s rules`)\n", prog, argv[1], prog);
		return EXIT_USAGE;
	}
	if (strcmp(r->id, r->name) == 0) /* a finding code, not a rule */
		printf("%s (%s)\n%s\n\nFix: %s\n\n%s\n", r->id, mailprof_severity_name(r->severity),
		       r->summary, r->fix, r->doc);
	else
		printf("%s %s (%s)\n%s\n\nFix: %s\n\n%s\n", r->id, r->name,
		       mailprof_severity_name(r->severity), r->summary, r->fix, r->doc);
	return EXIT_CLEAN;
}

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{"convert", cmd_convert},
	{"check", cmd_check},
	{"explain", cmd_explain},
	{"probe", cli_probe_main},
	{"merge", cmd_merge},
};

int cli_main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
		usage(stdout);
		return EXIT_CLEAN;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
		printf("mailprof %s\n", MAILPROF_VERSION);
		return EXIT_CLEAN;
	}
	if (strcmp(cmd, "formats") == 0)
		return cmd_formats();
	if (strcmp(cmd, "rules") == 0) {
		if (argc == 4 && strcmp(argv[2], "--format") == 0 && strcmp(argv[3], "markdown") == 0) {
			rules_markdown(stdout);
			return EXIT_CLEAN;
		}
		return cmd_rules();
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(cmd, commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "%s: unknown command '%s'\n\n", prog, cmd);
	usage(stderr);
	return EXIT_USAGE;
}
