/* mailprof merge: read each shard's mailprof-shard record, check that the
 * reports are the N shards of one run (same record format, version,
 * checker configuration and walk; each K once), then replay the files in
 * walk order: the cross-file rules from the recorded keys, the findings
 * sorted, the reporter and the summary as one run would. Every check is
 * done before the first byte is printed. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "merge.h"
#include "out.h"
#include "shard.h"

enum { MAXF = 10 };

/* One line of a record, split at tabs (fields not yet decoded). */
struct line {
	char *f[MAXF];
	size_t len[MAXF];
	size_t n;
};

struct shard_in {
	const char *path;
	const char *format;   /* the report's: "json", "sarif", "junit" */
	char *text;           /* the decoded record */
	size_t len;
	char *body;           /* first entry line */
	unsigned k, n;
	char version[32], config[17], walk[48];
	size_t *ordinals;     /* of its file entries, in order */
	size_t nfiles;
	/* replay */
	char *cur;
	size_t next;          /* index into ordinals */
};

/* Split the line at *pos (up to '\n'); advance *pos. False at the end. */
static bool next_line(char **pos, const char *end, struct line *l)
{
	char *s = *pos;
	if (s >= end)
		return false;
	char *nl = memchr(s, '\n', (size_t)(end - s));
	char *e = nl ? nl : (char *)end;
	*pos = nl ? nl + 1 : (char *)end;
	l->n = 0;
	for (char *p = s;;) {
		char *t = memchr(p, '\t', (size_t)(e - p));
		char *fe = t ? t : e;
		if (l->n < MAXF) {
			l->f[l->n] = p;
			l->len[l->n] = (size_t)(fe - p);
		}
		l->n++;
		if (!t)
			break;
		p = t + 1;
	}
	return true;
}

static bool is(const struct line *l, const char *kind, size_t fields)
{
	return l->n == fields && l->len[0] == strlen(kind) && memcmp(l->f[0], kind, l->len[0]) == 0;
}

/* A field as a number (digits only); false otherwise. */
static bool num(const struct line *l, size_t i, size_t *v)
{
	if (!l->len[i] || l->len[i] > 18)
		return false;
	*v = 0;
	for (size_t j = 0; j < l->len[i]; j++) {
		char c = l->f[i][j];
		if (c < '0' || c > '9')
			return false;
		*v = *v * 10 + (size_t)(c - '0');
	}
	return true;
}

static bool tok_is(const struct line *l, size_t i, const char *t)
{
	return l->len[i] == strlen(t) && memcmp(l->f[i], t, l->len[i]) == 0;
}

/* A copy of field i, NUL-terminated, not decoded (header values). */
static void copy_field(const struct line *l, size_t i, char *out, size_t cap)
{
	size_t n = l->len[i] < cap - 1 ? l->len[i] : cap - 1;
	memcpy(out, l->f[i], n);
	out[n] = '\0';
}

/* Escapes are well-formed (checked before anything is decoded in place). */
static bool escapes_ok(const struct line *l)
{
	for (size_t i = 1; i < l->n && i < MAXF; i++)
		for (size_t j = 0; j < l->len[i]; j++)
			if (l->f[i][j] == '\\') {
				char e = j + 1 < l->len[i] ? l->f[i][j + 1] : '\0';
				if (!strchr("\\tnrN", e) || !e)
					return false;
				j++;
			}
	return true;
}

static const char *const needles[][2] = {
	{"junit", "<property name=\"mailprof-shard\" value=\""},
	{"json", "\"mailprof-shard\": \""},
};

/* The last occurrence of needle in s. */
static const char *find_last(const char *s, size_t n, const char *needle)
{
	size_t nl = strlen(needle);
	const char *last = NULL;
	for (const char *p = s; n - (size_t)(p - s) >= nl;) {
		const char *q = memchr(p, needle[0], n - (size_t)(p - s) - nl + 1);
		if (!q)
			break;
		if (memcmp(q, needle, nl) == 0)
			last = q;
		p = q + 1;
	}
	return last;
}

static int fail(const char *path, const char *msg)
{
	fprintf(stderr, "%s merge: %s: %s\n", cli_prog, path, msg);
	return EXIT_USAGE;
}

/* Read a report and check its record on its own. */
static int load(struct shard_in *sh)
{
	FILE *f = fopen(sh->path, "rb");
	if (!f) {
		fprintf(stderr, "%s merge: %s: %s\n", cli_prog, sh->path, strerror(errno));
		return EXIT_USAGE;
	}
	char *raw = NULL;
	size_t n = 0, cap = 0;
	for (size_t r;; n += r) {
		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 1 << 20;
			if (!(raw = realloc(raw, cap)))
				abort();
		}
		if ((r = fread(raw + n, 1, cap - n - 1, f)) == 0)
			break;
	}
	bool rerr = ferror(f);
	fclose(f);
	if (rerr) {
		free(raw);
		return fail(sh->path, "read error");
	}
	raw[n] = '\0';
	size_t lead = strspn(raw, " \t\r\n");
	const char *at = NULL;
	if (raw[lead] == '<') {
		sh->format = "junit";
		at = find_last(raw, n, needles[0][1]);
		at = at ? at + strlen(needles[0][1]) : NULL;
	} else if (raw[lead] == '{') {
		/* SARIF names its schema first; our json report starts with "files". */
		sh->format = strstr(raw, "\"$schema\"") && strstr(raw, "\"runs\"") ? "sarif" : "json";
		at = find_last(raw, n, needles[1][1]);
		at = at ? at + strlen(needles[1][1]) : NULL;
	}
	if (!at) {
		free(raw);
		return fail(sh->path, "no mailprof-shard record (not a report of check --shard)");
	}
	const char *e = memchr(at, '"', n - (size_t)(at - raw));
	sh->text = e ? cli_b64_decode(at, (size_t)(e - at), &sh->len) : NULL;
	free(raw);
	if (!sh->text)
		return fail(sh->path, "the mailprof-shard record is damaged");
	/* Header. */
	char *pos = sh->text, *end = sh->text + sh->len;
	struct line l;
	char fmt[8];
	snprintf(fmt, sizeof fmt, "%d", CLI_SHARD_FORMAT);
	if (!next_line(&pos, end, &l) || !is(&l, "mailprof-shard", 2))
		return fail(sh->path, "the mailprof-shard record is damaged");
	if (!tok_is(&l, 1, fmt)) {
		char v[16];
		copy_field(&l, 1, v, sizeof v);
		fprintf(stderr, "%s merge: %s: record format %s; this mailprof reads %s\n", cli_prog,
		        sh->path, v, fmt);
		return EXIT_USAGE;
	}
	size_t k = 0, nn = 0;
	bool ok = next_line(&pos, end, &l) && is(&l, "version", 2);
	if (ok)
		copy_field(&l, 1, sh->version, sizeof sh->version);
	ok = ok && next_line(&pos, end, &l) && is(&l, "shard", 3) && num(&l, 1, &k) && num(&l, 2, &nn) &&
	     k >= 1 && k <= nn && nn <= 65536;
	ok = ok && next_line(&pos, end, &l) && is(&l, "config", 2);
	if (ok)
		copy_field(&l, 1, sh->config, sizeof sh->config);
	ok = ok && next_line(&pos, end, &l) && is(&l, "walk", 3);
	char *walk_at = ok ? l.f[1] : NULL;
	ok = ok && next_line(&pos, end, &l) && is(&l, "summary", 2);
	if (ok) /* walk count, hash and the summary flag: the same run's */
		snprintf(sh->walk, sizeof sh->walk, "%.*s", (int)(l.f[1] + l.len[1] - walk_at), walk_at);
	if (!ok)
		return fail(sh->path, "the mailprof-shard record is damaged");
	sh->k = (unsigned)k;
	sh->n = (unsigned)nn;
	if (strcmp(sh->version, MAILPROF_VERSION) != 0) {
		fprintf(stderr, "%s merge: %s: made by mailprof %s; this is %s\n", cli_prog, sh->path,
		        sh->version, MAILPROF_VERSION);
		return EXIT_USAGE;
	}
	/* Entries: well-formed, ordinals rising, then end with the count. */
	sh->body = pos;
	size_t cap_o = 0, prev = 0;
	bool ended = false, in_file = false;
	char *line_at = pos;
	while (!ended && (line_at = pos, next_line(&pos, end, &l))) {
		size_t v;
		mailprof_status st;
		char tok[16];
		bool good = escapes_ok(&l);
		if (is(&l, "file", 5)) {
			copy_field(&l, 2, tok, sizeof tok);
			good = good && num(&l, 1, &v) && (!sh->nfiles || v > prev) &&
			       (strcmp(tok, "skipped") == 0 || cli_status_parse(tok, &st) == 0) && num(&l, 3, &v);
			num(&l, 1, &prev);
			if (sh->nfiles == cap_o) {
				cap_o = cap_o ? 2 * cap_o : 256;
				if (!(sh->ordinals = realloc(sh->ordinals, cap_o * sizeof *sh->ordinals)))
					abort();
			}
			sh->ordinals[sh->nfiles++] = prev;
			in_file = true;
		} else if (is(&l, "diag", 9)) {
			good = good && in_file && (tok_is(&l, 1, "error") || tok_is(&l, 1, "warning") ||
			                           tok_is(&l, 1, "info"));
		} else if (is(&l, "key", 9)) {
			good = good && in_file && num(&l, 2, &v) && num(&l, 3, &v);
		} else if (is(&l, "end", 3)) {
			char want[17], got[17];
			copy_field(&l, 2, want, sizeof want);
			snprintf(got, sizeof got, "%016llx",
			         (unsigned long long)cli_shard_sum(sh->text, (size_t)(line_at - sh->text)));
			good = good && num(&l, 1, &v) && v == sh->nfiles && pos == end && strcmp(want, got) == 0;
			ended = true;
		} else {
			good = false;
		}
		if (!good)
			return fail(sh->path, "the mailprof-shard record is damaged");
	}
	if (!ended)
		return fail(sh->path, "the mailprof-shard record is cut short");
	sh->cur = sh->body;
	return 0;
}

/* Decode field i of l in place. */
static char *dec(struct line *l, size_t i)
{
	bool bad = false;
	return cli_field_decode(l->f[i], l->len[i], &bad);
}

static int to_int(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

/* The shard's next file entry, decoded: its findings and keys. */
static void read_entry(struct shard_in *sh, const char **path, bool *skipped, mailprof_status *st,
                       size_t *accounts, mailprof_diags *d, mailprof_batch_keys *k)
{
	char *end = sh->text + sh->len;
	struct line l;
	next_line(&sh->cur, end, &l); /* the file line (checked by load) */
	char *tok = dec(&l, 2);
	*skipped = strcmp(tok, "skipped") == 0;
	*st = MAILPROF_OK;
	if (!*skipped)
		cli_status_parse(tok, st);
	*accounts = (size_t)strtoull(dec(&l, 3), NULL, 10);
	*path = dec(&l, 4);
	for (char *save = sh->cur; next_line(&sh->cur, end, &l); save = sh->cur) {
		if (is(&l, "diag", 9)) {
			const char *sev = dec(&l, 1);
			mailprof_diag g = {
				.severity = (mailprof_severity)cli_severity_parse(sev), /* checked when read */
				.id = dec(&l, 2), .name = dec(&l, 3),
				.loc = {dec(&l, 4), to_int(dec(&l, 5)), to_int(dec(&l, 6))},
				.message = dec(&l, 7), .fix = dec(&l, 8)};
			mailprof_diags_add(d, &g);
		} else if (is(&l, "key", 9)) {
			mailprof_batch_key e = {
				.rule = dec(&l, 1), .group = (unsigned)strtoul(dec(&l, 2), NULL, 10),
				.suppressed = to_int(dec(&l, 3)),
				.loc = {dec(&l, 4), to_int(dec(&l, 5)), to_int(dec(&l, 6))},
				.key = dec(&l, 7), .label = dec(&l, 8)};
			mailprof_batch_keys_add(k, &e);
		} else {
			sh->cur = save; /* the next file, or end */
			break;
		}
	}
}

/* The shard whose next file comes first in the walk; n when all are done. */
static size_t lowest(const struct shard_in *sh, size_t n)
{
	size_t best = n;
	for (size_t i = 0; i < n; i++)
		if (sh[i].next < sh[i].nfiles &&
		    (best == n || sh[i].ordinals[sh[i].next] < sh[best].ordinals[sh[best].next]))
			best = i;
	return best;
}

int cli_merge_run(const struct cli_merge_opts *o, char **reports, size_t n)
{
	struct shard_in *sh = calloc(n, sizeof *sh);
	if (!sh)
		abort();
	char mine[17];
	mailprof_check_config_fingerprint(o->cfg, mine);
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		sh[i].path = reports[i];
		if ((rc = load(&sh[i])))
			break;
		const struct shard_in *a = &sh[0], *b = &sh[i];
		if (b->n != a->n) {
			fprintf(stderr, "%s merge: %s: shard %u/%u, but %s is of %u shards\n", cli_prog,
			        b->path, b->k, b->n, a->path, a->n);
			rc = EXIT_USAGE;
		} else if (strcmp(b->format, a->format) != 0) {
			fprintf(stderr, "%s merge: %s: a %s report, but %s is %s\n", cli_prog, b->path,
			        b->format, a->path, a->format);
			rc = EXIT_USAGE;
		} else if (strcmp(b->config, mine) != 0) {
			rc = fail(b->path, "made with another checker configuration than this merge's "
			                   "(.mailprof.ini, --config, --enable, --disable, --baseline)");
		} else if (strcmp(b->walk, a->walk) != 0) {
			fprintf(stderr, "%s merge: %s: its run walked other files than the one of %s\n",
			        cli_prog, b->path, a->path);
			rc = EXIT_USAGE;
		}
		for (size_t j = 0; j < i && !rc; j++)
			if (sh[j].k == b->k) {
				fprintf(stderr, "%s merge: %s: shard %u/%u given twice (also %s)\n", cli_prog,
				        b->path, b->k, b->n, sh[j].path);
				rc = EXIT_USAGE;
			}
	}
	if (!rc && n < sh[0].n) {
		for (unsigned k = 1; k <= sh[0].n; k++) {
			bool have = false;
			for (size_t i = 0; i < n; i++)
				have |= sh[i].k == k;
			if (!have) {
				fprintf(stderr, "%s merge: shard %u/%u is missing\n", cli_prog, k, sh[0].n);
				break;
			}
		}
		rc = EXIT_USAGE;
	}
	/* Together the shards hold every walked file once: ordinals 0, 1, ... */
	size_t walked = rc ? 0 : (size_t)strtoull(sh[0].walk, NULL, 10), expect = 0;
	for (bool more = !rc; more;) {
		size_t best = lowest(sh, n);
		if (best == n)
			break;
		if (sh[best].ordinals[sh[best].next++] != expect++) {
			rc = fail(sh[best].path, "its files do not fit the other shards' (not one run's shards)");
			more = false;
		}
	}
	if (!rc && expect != walked)
		rc = fail(sh[0].path, "the shards hold fewer files than the run walked");
	if (rc) {
		for (size_t i = 0; i < n; i++) {
			free(sh[i].text);
			free(sh[i].ordinals);
		}
		free(sh);
		return rc;
	}

	/* Replay in walk order, as cli_batch_run's done() reports. */
	const struct cli_reporter *rep = o->rep ? o->rep : cli_reporter_find(sh[0].format);
	struct cli_report *report = cli_report_begin(rep, stdout);
	mailprof_batch *batch = mailprof_batch_new(o->cfg);
	struct cli_summary sum = {0};
	size_t skipped = 0;
	rc = EXIT_CLEAN;
	for (size_t i = 0; i < n; i++)
		sh[i].next = 0;
	for (;;) {
		size_t best = lowest(sh, n);
		if (best == n)
			break;
		sh[best].next++;
		const char *path;
		bool skip;
		mailprof_status st;
		size_t accounts;
		mailprof_diags *d = mailprof_diags_new();
		mailprof_batch_keys *k = mailprof_batch_keys_new();
		read_entry(&sh[best], &path, &skip, &st, &accounts, d, k);
		if (skip) {
			skipped++;
			if (!o->quiet)
				fprintf(stderr, "%s: %s: skipped: not a known profile format\n", cli_prog, path);
		} else {
			if (st == MAILPROF_OK)
				mailprof_batch_add_keys(batch, k, d);
			mailprof_diags_sort(d);
			if (mailprof_diags_worst(d) >= o->fail_on)
				rc = EXIT_FINDINGS;
			struct cli_file_result res = {path, st, d, accounts};
			cli_summary_add(&sum, &res);
			cli_report_file(report, &res);
			if (st != MAILPROF_OK) {
				sum.failures++;
				fprintf(stderr, "%s: %s: %s\n", cli_prog, path, mailprof_strerror(st));
			}
		}
		mailprof_diags_free(d);
		mailprof_batch_keys_free(k);
	}
	cli_report_end(report, &sum);
	fflush(stdout);
	/* The summary line, when the shards' run would print one. */
	if (sh[0].walk[strlen(sh[0].walk) - 1] == '1')
		cli_summary_print(stderr, &sum, skipped);
	mailprof_batch_free(batch);
	for (size_t i = 0; i < n; i++) {
		free(sh[i].text);
		free(sh[i].ordinals);
	}
	free(sh);
	return sum.failures ? EXIT_USAGE : rc;
}
