/* `mailprof probe FILE...`: every profile against its live servers, through
 * the library's mailprof_probe_run; reported like `check` (same formats,
 * same exit codes). The only command that touches the network. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "out.h"
#include "password.h"
#include "pool.h"
#include "probe.h"
#include "report.h"

void cli_probe_usage(FILE *f)
{
	fprintf(f,
	        "usage: %s probe [OPTIONS] FILE...\n"
	        "\n"
	        "Prove each profile (any readable format, notices included) against its live\n"
	        "servers: connect, TLS as the profile says (certificate checked against the\n"
	        "system store and the host name), read what the server offers (IMAP CAPABILITY,\n"
	        "POP3 CAPA, SMTP EHLO); with a password, log in; with --send-test, mail the\n"
	        "account's own address and wait until the incoming servers can read it back.\n"
	        "What the servers contradict is reported as findings (MP050-MP065, see\n"
	        "`%s rules`) at each server's line, as `check` reports them.\n"
	        "\n"
	        "options:\n"
	        "  --format F              text (default), json, sarif, github, junit, codequality,\n"
	        "                          baseline\n"
	        "  --fail-on S             error (default), warning or info\n"
	        "  --config FILE, --no-config, --enable ID, --disable ID, --baseline FILE\n"
	        "                          as for check: .mailprof.ini's rule switches and\n"
	        "                          severities, and a baseline, apply to these findings\n"
	        "  --timeout SECONDS       limit for each step: connect, TLS, each reply (default 10)\n"
	        "  --ca-file FILE          also trust the CAs or certificates in this PEM file\n"
	        "  --login                 log in to every server (password as below)\n"
	        "  --password-stdin        the password is the first line of standard input\n"
	        "  --password-env NAME     the password is in environment variable NAME\n"
	        "                          (without either: asked on the terminal; never an argument)\n"
	        "  --send-test             log in, send a test mail to the account's own address\n"
	        "                          through the outgoing server, wait until every incoming\n"
	        "                          server lists it and report the round trip\n"
	        "  --wait SECONDS          how long to wait for the test mail (default 60)\n"
	        "  --email ADDRESS         the account's address where the profile has none;\n"
	        "                          substitutes %%EMAILADDRESS%% and the other placeholders\n"
	        "  --connect-to H:P:H2:P2  connect to H2:P2 where the profile says H:P (the\n"
	        "                          certificate is still checked for H); repeatable\n"
	        "  -j N                    probe N files at a time (default 1)\n"
	        "  --from F, --encoding E, --template T   as for check\n"
	        "\n"
	        "exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error or\n"
	        "unreadable input. The password never appears in any output.\n",
	        cli_prog, cli_prog);
}

enum {
	P_FORMAT = 256, P_FAIL_ON, P_TIMEOUT, P_CA_FILE, P_LOGIN, P_PW_STDIN, P_PW_ENV, P_PASSWORD,
	P_SEND_TEST, P_WAIT, P_EMAIL, P_CONNECT_TO, P_FROM, P_ENCODING, P_TEMPLATE
};

static const struct option opts[] = {
	{"format", required_argument, NULL, P_FORMAT},
	{"fail-on", required_argument, NULL, P_FAIL_ON},
	{"timeout", required_argument, NULL, P_TIMEOUT},
	{"ca-file", required_argument, NULL, P_CA_FILE},
	{"login", no_argument, NULL, P_LOGIN},
	{"password-stdin", no_argument, NULL, P_PW_STDIN},
	{"password-env", required_argument, NULL, P_PW_ENV},
	{"password", required_argument, NULL, P_PASSWORD},
	{"send-test", no_argument, NULL, P_SEND_TEST},
	{"wait", required_argument, NULL, P_WAIT},
	{"email", required_argument, NULL, P_EMAIL},
	{"connect-to", required_argument, NULL, P_CONNECT_TO},
	{"from", required_argument, NULL, P_FROM},
	{"encoding", required_argument, NULL, P_ENCODING},
	{"template", required_argument, NULL, P_TEMPLATE},
	CLI_CHECK_OPTIONS,
	{"jobs", required_argument, NULL, 'j'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* One file through the pool. */
struct item {
	const char *path;
	mailprof_status st;
	mailprof_diags *d;
	size_t accounts;
};

struct run {
	char **files;
	size_t n, next;
	const char *from;
	const mailprof_options *opt;
	const mailprof_probe_options *po;
	struct cli_report *report;
	struct cli_summary sum;
	int fail_on, rc;
};

static bool next_item(void *u, void *slot)
{
	struct run *r = u;
	if (r->next >= r->n)
		return false;
	((struct item *)slot)->path = r->files[r->next++];
	return true;
}

static void work(void *u, void *slot, struct cli_scratch *scr)
{
	(void)scr;
	struct run *r = u;
	struct item *it = slot;
	mailprof_profile *p = mailprof_profile_new();
	it->d = mailprof_diags_new();
	it->st = mailprof_parse_file(p, it->path, r->from, r->opt, it->d);
	if (it->st == MAILPROF_OK) {
		/* Only the probe's findings: reading problems are `check`'s to report. */
		mailprof_diags_free(it->d);
		it->d = mailprof_diags_new();
		it->accounts = mailprof_profile_account_count(p);
		mailprof_probe_free(mailprof_probe_run(p, r->po, it->d));
	}
	mailprof_diags_sort(it->d);
	mailprof_profile_free(p);
}

static void done(void *u, void *slot)
{
	struct run *r = u;
	struct item *it = slot;
	struct cli_file_result res = {it->path, it->st, it->d, it->accounts};
	cli_report_file(r->report, &res);
	r->sum.files++;
	r->sum.accounts += it->accounts;
	for (size_t k = 0; k < mailprof_diags_count(it->d); k++)
		r->sum.by_severity[mailprof_diags_get(it->d, k)->severity]++;
	if (it->st != MAILPROF_OK) {
		r->sum.failures++;
		cli_print_diags(stderr, it->d, it->path);
		fprintf(stderr, "%s: %s: %s\n", cli_prog, it->path, mailprof_strerror(it->st));
		r->rc = EXIT_USAGE;
	} else if (mailprof_diags_worst(it->d) >= r->fail_on && r->rc == EXIT_CLEAN) {
		r->rc = EXIT_FINDINGS;
	}
	mailprof_diags_free(it->d);
	memset(it, 0, sizeof *it);
}

static bool seconds(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);
	if (*end || !(v > 0) || v > 3600)
		return false;
	*out = v;
	return true;
}

int cli_probe_main(int argc, char **argv)
{
	const char *format = "text", *from = NULL;
	int fail_on = -1; /* -1: the config's (error by default) */
	struct cli_check_opts copts = {0};
	long jobs = 1;
	bool login = false;
	struct cli_password_src src = {0};
	mailprof_options opt = {0};
	mailprof_probe_options po = {0};
	char *connect_to = NULL;
	size_t ct_len = 0;
	int c, rc = -1;
	optind = 1;
	while (rc < 0 && (c = getopt_long(argc, argv, "hj:", opts, NULL)) != -1) {
		switch (c) {
		case P_FORMAT: format = optarg; break;
		case P_FAIL_ON:
			fail_on = cli_severity_parse(optarg);
			if (fail_on < 0) {
				fprintf(stderr, "%s probe: --fail-on takes error, warning or info, not '%s'\n", cli_prog, optarg);
				rc = EXIT_USAGE;
			}
			break;
		case P_TIMEOUT:
		case P_WAIT:
			if (!seconds(optarg, c == P_TIMEOUT ? &po.timeout : &po.wait)) {
				fprintf(stderr, "%s probe: --%s takes seconds (0-3600), not '%s'\n", cli_prog,
				        c == P_TIMEOUT ? "timeout" : "wait", optarg);
				rc = EXIT_USAGE;
			}
			break;
		case P_CA_FILE: po.ca_file = optarg; break;
		case P_LOGIN: login = true; break;
		case P_PW_STDIN: src.from_stdin = true; break;
		case P_PW_ENV: src.env = optarg; break;
		case P_PASSWORD:
			fprintf(stderr, "%s probe: a password is never taken as an argument (other users can read "
			                "them): use --password-stdin, --password-env NAME or the prompt\n", cli_prog);
			rc = EXIT_USAGE;
			break;
		case P_SEND_TEST: po.send_test = 1; break;
		case P_EMAIL: {
			/* as for convert and check: placeholders substituted while reading */
			const char *why = mailprof_email_problem(optarg);
			if (*why) {
				fprintf(stderr, "%s probe: --email '%s' %s (give local@domain)\n", cli_prog, optarg, why);
				rc = EXIT_USAGE;
			}
			opt.email = po.email = optarg;
			break;
		}
		case P_CONNECT_TO: {
			size_t n = strlen(optarg);
			char *grown = realloc(connect_to, ct_len + n + 2);
			if (!grown)
				abort();
			connect_to = grown;
			if (ct_len)
				connect_to[ct_len++] = ',';
			memcpy(connect_to + ct_len, optarg, n + 1);
			ct_len += n;
			break;
		}
		case P_FROM: from = optarg; break;
		case P_ENCODING: opt.encoding = optarg; break;
		case P_TEMPLATE: opt.template_path = optarg; break;
		case CLI_OPT_CONFIG:
		case CLI_OPT_NO_CONFIG:
		case CLI_OPT_BASELINE:
		case CLI_OPT_ENABLE:
		case CLI_OPT_DISABLE: {
			char who[64];
			snprintf(who, sizeof who, "%s probe", cli_prog);
			if (cli_check_opts_take(&copts, c, optarg, who) < 0)
				rc = EXIT_USAGE;
			break;
		}
		case 'j': {
			char *end;
			jobs = strtol(optarg, &end, 10);
			if (*end || jobs < 1 || jobs > 64) {
				fprintf(stderr, "%s probe: -j takes a number of files at a time (1-64), not '%s'\n", cli_prog, optarg);
				rc = EXIT_USAGE;
			}
			break;
		}
		case 'h': cli_probe_usage(stdout); rc = EXIT_CLEAN; break;
		default: cli_probe_usage(stderr); rc = EXIT_USAGE; break;
		}
	}
	const struct cli_reporter *rep = rc < 0 ? cli_reporter_find(format) : NULL;
	if (rc < 0 && !rep) {
		fprintf(stderr, "%s probe: --format takes text, json, sarif, github, junit, codequality or baseline; "
		                "not '%s'\n",
		        cli_prog, format);
		rc = EXIT_USAGE;
	}
	if (rc < 0 && from && (!mailprof_format_lookup(from) || !(mailprof_format_caps(from) & MAILPROF_CAN_PARSE))) {
		fprintf(stderr, "%s probe: cannot read format '%s' (see `%s formats`)\n", cli_prog, from, cli_prog);
		rc = EXIT_USAGE;
	}
	if (rc < 0 && optind >= argc) {
		fprintf(stderr, "%s probe: name at least one file\n", cli_prog);
		rc = EXIT_USAGE;
	}
	if (rc < 0 && src.from_stdin && src.env) {
		fprintf(stderr, "%s probe: --password-stdin or --password-env, not both\n", cli_prog);
		rc = EXIT_USAGE;
	}
	for (int i = optind; rc < 0 && src.from_stdin && i < argc; i++)
		if (strcmp(argv[i], "-") == 0) {
			fprintf(stderr, "%s probe: --password-stdin reads standard input: name the profile as a file\n", cli_prog);
			rc = EXIT_USAGE;
		}
	char why[200];
	if (rc < 0 && !mailprof_probe_available(why, sizeof why)) {
		fprintf(stderr, "%s probe: %s\n", cli_prog, why);
		rc = EXIT_USAGE;
	}
	mailprof_check_config *cfg = NULL;
	if (rc < 0 && !(cfg = cli_check_config(&copts, fail_on)))
		rc = EXIT_USAGE;
	po.config = cfg;
	po.connect_to = connect_to;
	char *pw = NULL;
	if (rc < 0 && (login || po.send_test || src.from_stdin || src.env)) {
		char err[200] = "";
		src.prompt = !src.from_stdin && !src.env;
		pw = cli_password_get(&src, err, sizeof err);
		if (!pw) {
			fprintf(stderr, "%s probe: %s\n", cli_prog, err);
			rc = EXIT_USAGE;
		}
		po.password = pw;
	}
	if (rc >= 0) {
		mailprof_check_config_free(cfg);
		free(connect_to);
		cli_password_free(pw);
		return rc;
	}
	struct run r = {.files = argv + optind, .n = (size_t)(argc - optind), .from = from, .opt = &opt,
	                .po = &po, .fail_on = (int)mailprof_check_config_fail_on(cfg), .rc = EXIT_CLEAN};
	r.report = cli_report_begin(rep, stdout);
	struct cli_pool_ops ops = {.slot_size = sizeof(struct item), .next = next_item, .work = work,
	                           .done = done, .u = &r};
	cli_pool_run(&ops, (size_t)jobs);
	cli_report_end(r.report, &r.sum);
	fflush(stdout);
	cli_password_free(pw);
	free(connect_to);
	mailprof_check_config_free(cfg);
	return r.rc;
}
