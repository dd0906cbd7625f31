/* Reporters for `mailprof check --format`: text (gcc-style), json, sarif,
 * github, junit, codequality and baseline. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "codec.h"
#include "out.h"
#include "report.h"

/* Where the rules are documented (SARIF helpUri). */
#define DOCS_URI "https://github.com/mailprof/mailprof/blob/main/docs/rules.md"

/* junit: CI readers (Jenkins, GitLab) take the run's totals from
 * <testsuites>, which comes before the suites: they are spooled to a
 * temporary file (not memory, so a batch of any size stays small; memory
 * only when there is no temporary folder) and copied after the header. */
struct junit {
	struct cli_spool spool;
	size_t tests, failures, errors;
};

struct cli_report {
	const struct cli_reporter *rep;
	FILE *f;
	size_t index;        /* files reported so far */
	size_t results;      /* sarif, codequality: results written so far, for commas */
	struct junit junit;
	char *cwd;           /* codequality: absolute paths under it are made relative */
	void (*ext)(FILE *f, void *u); /* the mailprof-shard record, or NULL */
	void *ext_u;
};

struct cli_reporter {
	const char *name;
	void (*begin)(struct cli_report *r);
	void (*file)(struct cli_report *r, const struct cli_file_result *res);
	void (*end)(struct cli_report *r, const struct cli_summary *s);
	bool extensible; /* end() writes the extension record where the format allows */
};

static void json_str(FILE *f, const char *s)
{
	if (!s) {
		fputs("null", f);
		return;
	}
	/* Valid UTF-8 whatever s holds (file names are bytes): a byte that is
	 * not UTF-8 becomes U+FFFD, so a SARIF upload is never refused. */
	fputc('"', f);
	size_t n = strlen(s), run = 0; /* s[run..i) needs no escape, not yet written */
	for (size_t i = 0; i < n;) {
		unsigned char b = (unsigned char)s[i];
		if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') {
			i++;
			continue;
		}
		unsigned long c;
		size_t k = mailprof_utf8_next(s + i, n - i, &c);
		if (k && c >= 0xA0) {
			i += k;
			continue;
		}
		fwrite(s + run, 1, i - run, f);
		if (!k)
			fputs("\\ufffd", f), k = 1;
		else if (c == '"' || c == '\\')
			fprintf(f, "\\%c", (char)c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else
			fprintf(f, "\\u%04lx", c);
		i += k;
		run = i;
	}
	fwrite(s + run, 1, n - run, f);
	fputc('"', f);
}

/* Calls put(f, c, bytes, k) for each character of s; U+FFFD for a byte that
 * is not UTF-8 and for characters XML cannot hold (controls, U+FFFE/F). */
static void each_char(FILE *f, const char *s, void (*put)(FILE *, unsigned long, const char *, size_t))
{
	size_t n = s ? strlen(s) : 0;
	for (size_t i = 0; i < n;) {
		unsigned long c;
		size_t k = mailprof_utf8_next(s + i, n - i, &c);
		bool ok = k && (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7F) ||
		                (c >= 0xA0 && c != 0xFFFE && c != 0xFFFF));
		if (ok)
			put(f, c, s + i, k);
		else
			put(f, 0xFFFD, "\xEF\xBF\xBD", 3);
		i += k ? k : 1;
	}
}

/* ---- text ---- */

static void text_begin(struct cli_report *rr)
{
	(void)rr;
}

static void text_file(struct cli_report *rr, const struct cli_file_result *r)
{
	cli_print_diags(rr->f, r->d, r->path);
}

static void text_end(struct cli_report *rr, const struct cli_summary *s)
{
	(void)rr, (void)s;
}

/* ---- json ---- */

static void json_begin(struct cli_report *rr)
{
	FILE *f = rr->f;
	fputs("{\"files\": [", f);
}

static void json_file(struct cli_report *rr, const struct cli_file_result *r)
{
	FILE *f = rr->f;
	fputs(rr->index ? ",\n  {\"path\": " : "\n  {\"path\": ", f);
	json_str(f, r->path);
	fputs(", \"status\": ", f);
	json_str(f, r->status == MAILPROF_OK ? "ok" : mailprof_strerror(r->status));
	fprintf(f, ", \"accounts\": %zu,\n    \"findings\": [", r->accounts);
	size_t n = mailprof_diags_count(r->d);
	for (size_t i = 0; i < n; i++) {
		const mailprof_diag *g = mailprof_diags_get(r->d, i);
		fputs(i ? ",\n      {" : "\n      {", f);
		fputs("\"rule\": ", f);
		json_str(f, g->id);
		fputs(", \"name\": ", f);
		json_str(f, g->name);
		fputs(", \"severity\": ", f);
		json_str(f, mailprof_severity_name(g->severity));
		fprintf(f, ", \"line\": %d, \"column\": %d, \"message\": ", g->loc.line, g->loc.column);
		json_str(f, g->message);
		fputs(", \"fix\": ", f);
		json_str(f, g->fix);
		fputc('}', f);
	}
	fputs(n ? "\n    ]}" : "]}", f);
}

static void json_end(struct cli_report *rr, const struct cli_summary *s)
{
	FILE *f = rr->f;
	fprintf(f, "\n],\n\"summary\": {\"files\": %zu, \"accounts\": %zu, \"failures\": %zu, "
	        "\"errors\": %zu, \"warnings\": %zu, \"infos\": %zu}",
	        s->files, s->accounts, s->failures, s->by_severity[MAILPROF_ERROR],
	        s->by_severity[MAILPROF_WARNING], s->by_severity[MAILPROF_INFO]);
	if (rr->ext) { /* a top-level member */
		fputs(",\n\"mailprof-shard\": \"", f);
		rr->ext(f, rr->ext_u);
		fputc('"', f);
	}
	fputs("}\n", f);
}

/* ---- sarif (2.1.0, for GitHub code scanning) ---- */

static const char *sarif_level(mailprof_severity s)
{
	return s == MAILPROF_ERROR ? "error" : s == MAILPROF_WARNING ? "warning" : "note";
}

static void sarif_text(FILE *f, const char *key, const char *text)
{
	fprintf(f, "\"%s\": {\"text\": ", key);
	json_str(f, text);
	fputc('}', f);
}

/* artifactLocation.uri: a URI reference, so bytes outside the unreserved
 * set and '/' are percent-encoded; absolute paths become file:// URIs. */
static void sarif_uri(FILE *f, const char *path)
{
	fputc('"', f);
	if (path[0] == '/')
		fputs("file://", f);
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p))
			fputc(*p, f);
		else
			fprintf(f, "%%%02X", *p);
	}
	fputc('"', f);
}

static void sarif_begin(struct cli_report *rr)
{
	FILE *f = rr->f;
	fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	      "  \"version\": \"2.1.0\",\n  \"runs\": [{\n    \"tool\": {\"driver\": {\n"
	      "      \"name\": \"mailprof\",\n      \"version\": \"" MAILPROF_VERSION "\",\n"
	      "      \"informationUri\": \"" DOCS_URI "\",\n      \"rules\": [", f);
	/* Every ID a finding can carry: the rules, then the other finding codes. */
	size_t nrules = mailprof_rule_count(), n = nrules + mailprof_code_count();
	for (size_t i = 0; i < n; i++) {
		const mailprof_rule_info *r = i < nrules ? mailprof_rule_get(i) : mailprof_code_get(i - nrules);
		fputs(i ? ",\n        {" : "\n        {", f);
		fputs("\"id\": ", f);
		json_str(f, r->id);
		fputs(", \"name\": ", f);
		json_str(f, r->name);
		fputs(",\n         ", f);
		sarif_text(f, "shortDescription", r->summary);
		fputs(",\n         ", f);
		sarif_text(f, "fullDescription", r->doc);
		fputs(",\n         ", f);
		sarif_text(f, "help", r->fix);
		fprintf(f, ",\n         \"helpUri\": \"" DOCS_URI "#%s\",\n"
		        "         \"defaultConfiguration\": {\"level\": \"%s\"}}",
		        r->id, sarif_level(r->severity));
	}
	fputs("\n      ]}},\n    \"results\": [", f);
}

static void sarif_file(struct cli_report *rr, const struct cli_file_result *r)
{
	FILE *f = rr->f;
	for (size_t i = 0; i < mailprof_diags_count(r->d); i++) {
		const mailprof_diag *g = mailprof_diags_get(r->d, i);
		fputs(rr->results++ ? ",\n      {" : "\n      {", f);
		fputs("\"ruleId\": ", f);
		json_str(f, g->id);
		fprintf(f, ", \"level\": \"%s\", ", sarif_level(g->severity));
		sarif_text(f, "message", g->message);
		/* An alert needs a place: line 1 when the finding has none. */
		fputs(",\n       \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", f);
		sarif_uri(f, g->loc.file ? g->loc.file : r->path);
		fprintf(f, "}, \"region\": {\"startLine\": %d", g->loc.line > 0 ? g->loc.line : 1);
		if (g->loc.line > 0 && g->loc.column > 0)
			fprintf(f, ", \"startColumn\": %d", g->loc.column);
		fputs("}}}]}", f);
	}
}

static void sarif_end(struct cli_report *rr, const struct cli_summary *s)
{
	(void)s;
	FILE *f = rr->f;
	fputs(rr->results ? "\n    ]" : "]", f);
	if (rr->ext) { /* a property bag of the run (SARIF 2.1.0 section 3.8) */
		fputs(",\n    \"properties\": {\"mailprof-shard\": \"", f);
		rr->ext(f, rr->ext_u);
		fputs("\"}", f);
	}
	fputs("\n  }]\n}\n", f);
}

/* ---- github (workflow commands) ---- */

/* Escape per the runner: data %, CR, LF; properties also ':' and ','. */
static void gh_put(FILE *f, unsigned long c, const char *bytes, size_t k, bool property)
{
	if (c == '%')
		fputs("%25", f);
	else if (c == '\r')
		fputs("%0D", f);
	else if (c == '\n')
		fputs("%0A", f);
	else if (property && c == ':')
		fputs("%3A", f);
	else if (property && c == ',')
		fputs("%2C", f);
	else
		fwrite(bytes, 1, k, f);
}

static void gh_put_prop(FILE *f, unsigned long c, const char *bytes, size_t k)
{
	gh_put(f, c, bytes, k, true);
}

static void gh_put_text(FILE *f, unsigned long c, const char *bytes, size_t k)
{
	gh_put(f, c, bytes, k, false);
}

static void gh_escape(FILE *f, const char *s, bool property)
{
	each_char(f, s, property ? gh_put_prop : gh_put_text);
}

static void gh_begin(struct cli_report *rr)
{
	(void)rr;
}

static void gh_file(struct cli_report *rr, const struct cli_file_result *r)
{
	FILE *f = rr->f;
	static const char *const cmd[] = {"notice", "warning", "error"};
	for (size_t i = 0; i < mailprof_diags_count(r->d); i++) {
		const mailprof_diag *g = mailprof_diags_get(r->d, i);
		fprintf(f, "::%s file=", cmd[g->severity]);
		gh_escape(f, g->loc.file ? g->loc.file : r->path, true);
		if (g->loc.line > 0)
			fprintf(f, ",line=%d", g->loc.line);
		if (g->loc.line > 0 && g->loc.column > 0)
			fprintf(f, ",col=%d", g->loc.column);
		fputs(",title=", f);
		gh_escape(f, g->id, true);
		if (g->name) {
			fputc(' ', f);
			gh_escape(f, g->name, true);
		}
		fputs("::", f);
		gh_escape(f, g->message, false);
		if (g->fix) {
			fputs("%0Afix: ", f);
			gh_escape(f, g->fix, false);
		}
		fputc('\n', f);
	}
}

static void gh_end(struct cli_report *rr, const struct cli_summary *s)
{
	FILE *f = rr->f;
	/* The runner shows only 10 annotations per type per step: say how many. */
	fprintf(f, "mailprof: %zu files, %zu errors, %zu warnings, %zu notes\n", s->files,
	        s->by_severity[MAILPROF_ERROR], s->by_severity[MAILPROF_WARNING], s->by_severity[MAILPROF_INFO]);
}

/* ---- junit: one testsuite per file, one testcase per finding ---- */

static void xml_put(FILE *f, unsigned long c, const char *bytes, size_t k)
{
	switch (c) {
	case '<': fputs("&lt;", f); break;
	case '>': fputs("&gt;", f); break;
	case '&': fputs("&amp;", f); break;
	case '"': fputs("&quot;", f); break;
	case '\n': fputs("&#10;", f); break;
	case '\r': fputs("&#13;", f); break;
	case '\t': fputs("&#9;", f); break;
	default: fwrite(bytes, 1, k, f);
	}
}

/* Text and attribute values: always XML, whatever s holds. */
static void xml_str(FILE *f, const char *s)
{
	each_char(f, s, xml_put);
}

static void junit_begin(struct cli_report *rr)
{
	cli_spool_open(&rr->junit.spool);
}

static void junit_file(struct cli_report *rr, const struct cli_file_result *r)
{
	struct junit *j = &rr->junit;
	FILE *f = j->spool.f;
	size_t n = mailprof_diags_count(r->d), fails = 0;
	for (size_t i = 0; i < n; i++)
		fails += mailprof_diags_get(r->d, i)->severity >= MAILPROF_WARNING;
	bool broken = r->status != MAILPROF_OK;
	size_t tests = broken || !n ? 1 : n;
	j->tests += tests;
	j->failures += broken ? 0 : fails;
	j->errors += broken;
	fputs("  <testsuite name=\"", f);
	xml_str(f, r->path);
	fprintf(f, "\" tests=\"%zu\" failures=\"%zu\" errors=\"%d\" skipped=\"0\">\n",
	        tests, broken ? 0 : fails, broken ? 1 : 0);
	if (broken) {
		fputs("    <testcase classname=\"", f);
		xml_str(f, r->path);
		fputs("\" name=\"parse\"><error message=\"", f);
		xml_str(f, mailprof_strerror(r->status));
		fputs("\"/></testcase>\n", f);
	} else if (!n) {
		fputs("    <testcase classname=\"", f);
		xml_str(f, r->path);
		fputs("\" name=\"check\"/>\n", f);
	}
	for (size_t i = 0; !broken && i < n; i++) {
		const mailprof_diag *g = mailprof_diags_get(r->d, i);
		fputs("    <testcase classname=\"", f);
		xml_str(f, r->path);
		fprintf(f, "\" name=\"%s line %d\"", g->id, g->loc.line);
		if (g->severity == MAILPROF_INFO) {
			fputs("><system-out>", f);
			xml_str(f, g->message);
			fputs("</system-out></testcase>\n", f);
			continue;
		}
		fputs("><failure type=\"", f);
		fputs(mailprof_severity_name(g->severity), f);
		fputs("\" message=\"", f);
		xml_str(f, g->message);
		fputs("\">", f);
		xml_str(f, g->fix);
		fputs("</failure></testcase>\n", f);
	}
	fputs("  </testsuite>\n", f);
}

static void copy_out(const void *p, size_t n, void *f)
{
	fwrite(p, 1, n, f);
}

static void junit_end(struct cli_report *rr, const struct cli_summary *s)
{
	(void)s;
	struct junit *j = &rr->junit;
	FILE *f = rr->f;
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"mailprof\" "
	        "tests=\"%zu\" failures=\"%zu\" errors=\"%zu\">\n",
	        j->tests, j->failures, j->errors);
	cli_spool_each(&j->spool, copy_out, f);
	if (rr->ext) {
		/* Properties belong to a suite (JUnit's XSD): one of no tests. */
		fputs("  <testsuite name=\"mailprof-shard\" tests=\"0\" failures=\"0\" errors=\"0\" "
		      "skipped=\"0\">\n    <properties><property name=\"mailprof-shard\" value=\"", f);
		rr->ext(f, rr->ext_u);
		fputs("\"/></properties>\n  </testsuite>\n", f);
	}
	fputs("</testsuites>\n", f);
}

/* ---- codequality (GitLab Code Quality: a subset of Code Climate's format) ---- */

/* GitLab reads five levels; an input that could not be read is the worst
 * (nothing in it was checked), then errors (mail does not work, or a
 * password travels in clear), warnings, infos. */
static const char *cq_severity(const struct cli_file_result *r, mailprof_severity s)
{
	if (s == MAILPROF_ERROR)
		return r->status != MAILPROF_OK ? "blocker" : "critical";
	return s == MAILPROF_WARNING ? "minor" : "info";
}

/* location.path is relative to the repository (run from its top): no
 * leading "./", and an absolute path under the working folder loses it. */
static const char *cq_path(const struct cli_report *rr, const char *p)
{
	size_t n = rr->cwd ? strlen(rr->cwd) : 0;
	if (n > 1 && strncmp(p, rr->cwd, n) == 0 && p[n] == '/')
		p += n + 1;
	while (p[0] == '.' && p[1] == '/')
		for (p += 2; *p == '/'; p++)
			;
	return p;
}

#define FNV_OFFSET 14695981039346656037u
#define FNV_PRIME 1099511628211u

static uint64_t fnv_byte(uint64_t h, unsigned char c)
{
	return (h ^ c) * FNV_PRIME;
}

static uint64_t fnv_str(uint64_t h, const char *s)
{
	for (; s && *s; s++)
		h = fnv_byte(h, (unsigned char)*s);
	return fnv_byte(h, 0); /* a separator: ("ab","c") differs from ("a","bc") */
}

/* The message without the places it names (other files' "f.ini:12", "line
 * 12"), white space collapsed: what the finding is about, so moving lines
 * elsewhere keeps it. A port written host:port goes too; the host stays. */
static uint64_t fnv_subject(uint64_t h, const char *m)
{
	bool space = false;
	for (const char *p = m; p && *p; p++) {
		bool after_line = p - m >= 5 && strncmp(p - 5, "line ", 5) == 0;
		bool after_colon = p - m >= 2 && p[-1] == ':' && p[-2] != ' ';
		if (*p >= '0' && *p <= '9' && (after_line || after_colon)) {
			while (p[1] >= '0' && p[1] <= '9')
				p++;
			h = fnv_byte(h, '#');
			continue;
		}
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = true;
			continue;
		}
		if (space)
			h = fnv_byte(h, ' ');
		space = false;
		h = fnv_byte(h, (unsigned char)*p);
	}
	return fnv_byte(h, 0);
}

/* murmur3's final mix: fingerprints told apart by a suffix differ in every digit. */
static uint64_t mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53u;
	return h ^ (h >> 33);
}

struct cq_key {
	uint64_t h;
	size_t i;
};

static int cq_cmp(const void *x, const void *y)
{
	const struct cq_key *a = x, *b = y;
	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

static void cq_begin(struct cli_report *rr)
{
	rr->cwd = getcwd(NULL, 0); /* NULL (paths kept as given) when it cannot be known */
	fputc('[', rr->f);
}

/* Fingerprint: rule + file + subject, never the line (a non-cryptographic
 * 64-bit FNV-1a: an identity across runs, not a secret). Findings that
 * share all three in one file are told apart by their order among
 * themselves, which moving other lines does not change. */
static void cq_file(struct cli_report *rr, const struct cli_file_result *r)
{
	FILE *f = rr->f;
	size_t n = mailprof_diags_count(r->d);
	struct cq_key *k = n ? malloc(n * sizeof *k) : NULL;
	uint64_t *fp = n ? malloc(n * sizeof *fp) : NULL;
	if (n && (!k || !fp))
		abort();
	for (size_t i = 0; i < n; i++) {
		const mailprof_diag *g = mailprof_diags_get(r->d, i);
		uint64_t h = fnv_str(FNV_OFFSET, g->id);
		h = fnv_str(h, cq_path(rr, g->loc.file ? g->loc.file : r->path));
		k[i] = (struct cq_key){fnv_subject(h, g->message), i};
	}
	if (n > 1)
		qsort(k, n, sizeof *k, cq_cmp);
	for (size_t i = 0, nth = 0; i < n; i++) {
		nth = i && k[i].h == k[i - 1].h ? nth + 1 : 0;
		uint64_t h = k[i].h;
		if (nth) {
			char num[32];
			snprintf(num, sizeof num, "%zu", nth);
			h = fnv_str(h, num);
		}
		fp[k[i].i] = mix64(h);
	}
	for (size_t i = 0; i < n; i++) {
		const mailprof_diag *g = mailprof_diags_get(r->d, i);
		fputs(rr->results++ ? ",\n {" : "\n {", f);
		fputs("\"type\": \"issue\", \"check_name\": ", f);
		json_str(f, g->id);
		fputs(", \"description\": ", f);
		json_str(f, g->message);
		fprintf(f, ", \"severity\": \"%s\", \"fingerprint\": \"%016llx\",\n  \"location\": {\"path\": ",
		        cq_severity(r, g->severity), (unsigned long long)fp[i]);
		json_str(f, cq_path(rr, g->loc.file ? g->loc.file : r->path));
		fprintf(f, ", \"lines\": {\"begin\": %d}}}", g->loc.line > 0 ? g->loc.line : 1);
	}
	free(k);
	free(fp);
}

static void cq_end(struct cli_report *rr, const struct cli_summary *s)
{
	(void)s;
	free(rr->cwd);
	fputs(rr->results ? "\n]\n" : "]\n", rr->f);
}

/* ---- baseline: the findings as keys, to ignore them later ---- */

static void baseline_begin(struct cli_report *rr)
{
	fputs("# mailprof baseline: known findings, ignored by --baseline\n", rr->f);
}

static void baseline_file(struct cli_report *rr, const struct cli_file_result *r)
{
	for (size_t i = 0; i < mailprof_diags_count(r->d); i++) {
		char *k = mailprof_diag_key(mailprof_diags_get(r->d, i));
		fprintf(rr->f, "%s\n", k);
		free(k);
	}
}

static void baseline_end(struct cli_report *rr, const struct cli_summary *s)
{
	(void)rr, (void)s;
}

static const struct cli_reporter reporters[] = {
	{"text", text_begin, text_file, text_end, false},
	{"json", json_begin, json_file, json_end, true},
	{"sarif", sarif_begin, sarif_file, sarif_end, true},
	{"github", gh_begin, gh_file, gh_end, false},
	{"junit", junit_begin, junit_file, junit_end, true},
	{"codequality", cq_begin, cq_file, cq_end, false},
	{"baseline", baseline_begin, baseline_file, baseline_end, false},
};

const struct cli_reporter *cli_reporter_find(const char *name)
{
	for (size_t i = 0; i < sizeof reporters / sizeof reporters[0]; i++)
		if (strcmp(reporters[i].name, name) == 0)
			return &reporters[i];
	return NULL;
}

bool cli_reporter_extensible(const struct cli_reporter *rep)
{
	return rep->extensible;
}

const char *cli_reporter_name(const struct cli_reporter *rep)
{
	return rep->name;
}

void cli_report_extend(struct cli_report *r, void (*write)(FILE *f, void *u), void *u)
{
	r->ext = write;
	r->ext_u = u;
}

void cli_summary_add(struct cli_summary *s, const struct cli_file_result *res)
{
	size_t nd = mailprof_diags_count(res->d);
	for (size_t k = 0; k < nd; k++)
		s->by_severity[mailprof_diags_get(res->d, k)->severity]++;
	s->files++;
	s->accounts += res->accounts;
}

void cli_summary_print(FILE *f, const struct cli_summary *s, size_t skipped)
{
	fprintf(f,
	        "%s: %zu file%s, %zu account%s, %zu error%s, %zu warning%s, %zu info, "
	        "%zu failed, %zu skipped\n",
	        cli_prog, s->files, s->files == 1 ? "" : "s", s->accounts, s->accounts == 1 ? "" : "s",
	        s->by_severity[MAILPROF_ERROR], s->by_severity[MAILPROF_ERROR] == 1 ? "" : "s",
	        s->by_severity[MAILPROF_WARNING], s->by_severity[MAILPROF_WARNING] == 1 ? "" : "s",
	        s->by_severity[MAILPROF_INFO], s->failures, skipped);
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

struct cli_report *cli_report_begin(const struct cli_reporter *rep, FILE *f)
{
	struct cli_report *r = calloc(1, sizeof *r);
	if (!r)
		abort();
	r->rep = rep;
	r->f = f;
	rep->begin(r);
	return r;
}

void cli_report_file(struct cli_report *r, const struct cli_file_result *res)
{
	r->rep->file(r, res);
	r->index++;
}

void cli_report_end(struct cli_report *r, const struct cli_summary *s)
{
	r->rep->end(r, s);
	free(r);
}
