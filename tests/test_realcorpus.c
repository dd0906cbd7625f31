/* The real-world corpus of tests/data/real (issue 12): every row of its
 * expected.tsv is checked in two stages against the CLI.
 *   read:    a `servers` row is read (check and convert --to json do not exit 2)
 *            into exactly the servers listed; a `refused-*` row makes check and
 *            convert exit 2 with a message naming the file (and saying
 *            "template" or "well-formed" when that is the reason).
 *   convert: a `servers` row converts with --email to every target: either
 *            written with no placeholder or template token left, every
 *            autoconfig server holding what Thunderbird's readFromXML needs,
 *            and the output read back by mailprof; or refused with exit 2 and
 *            a message naming the file (json, the model itself, is never
 *            refused). A `refused-*` row is refused for every target.
 * A stage marked known-fail in the table must still fail: once it passes,
 * the test fails until the mark is removed. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

#define REAL "tests/data/real"
#define EMAIL "user@example.org"

static const char *const targets[] = {"autoconfig", "autodiscover", "mobileconfig", "oeaccount",
                                      "ini",        "json",         "userjs",       "msmtp",
                                      "fetchmail",  "mbsync",       "neomutt",      "prf"};
static const char *const readable[] = {"autoconfig", "autodiscover", "mobileconfig",
                                       "oeaccount",  "ini",          "json"};
static const char *const thunderbird_vars[] = {"%EMAILADDRESS%", "%EMAILLOCALPART%",
                                               "%EMAILDOMAIN%", "%REALNAME%"};
static const char *const template_tokens[] = {"{{", "{%", "<?php", "${"};

/* Why the stage failed, for the log. */
static char why[1024];

__attribute__((format(printf, 1, 2))) static void because(const char *fmt, ...)
{
	if (why[0])
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
}

static bool in_list(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/* The next JSON value after "key": in s (a string without quotes, a number,
 * or "-" for null), copied into buf. */
static void json_value(const char *s, const char *key, char *buf, size_t size)
{
	char pat[64];
	snprintf(pat, sizeof pat, "\"%s\": ", key);
	const char *p = strstr(s, pat);
	snprintf(buf, size, "-");
	if (!p)
		return;
	p += strlen(pat);
	size_t n = 0;
	if (*p == '"')
		for (p++; p[n] && p[n] != '"'; n++)
			;
	else if (strncmp(p, "null", 4) == 0)
		return;
	else
		while (p[n] >= '0' && p[n] <= '9')
			n++;
	snprintf(buf, size, "%.*s", (int)n, p);
}

/* "protocol host port security; ..." of every server in the JSON model. */
static char *servers_of(const char *json)
{
	char *list = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&list, &len);
	const char *p = json;
	bool first = true;
	while ((p = strstr(p, "\"protocol\": "))) {
		char proto[64], host[256], port[16], sec[32];
		json_value(p, "protocol", proto, sizeof proto);
		json_value(p, "host", host, sizeof host);
		json_value(p, "port", port, sizeof port);
		json_value(p, "security", sec, sizeof sec);
		fprintf(f, "%s%s %s %s %s", first ? "" : "; ", proto, host, port, sec);
		first = false;
		p++;
	}
	fclose(f);
	return list;
}

static char *cli(const char *args, const char *file, int *rc, char **err)
{
	char *cmd, *out;
	if (asprintf(&cmd, "%s %s '%s'", t_mailprof(), args, file) < 0)
		abort();
	*rc = t_run(cmd, &out, err);
	free(cmd);
	return out;
}

static bool refused_clearly(int rc, const char *err, const char *file, const char *word)
{
	if (rc != 2) {
		because("exit %d, not 2 (%s)", rc, file);
		return false;
	}
	if (!err || !strstr(err, file)) {
		because("the refusal does not name the file %s", file);
		return false;
	}
	if (!word)
		return true;
	/* the word must be in the message, not in the file name it quotes */
	char *msg = strdup(err);
	size_t n = strlen(file);
	for (char *p = strstr(msg, file); p; p = strstr(p + n, file))
		memset(p, '_', n);
	bool said = strcasestr(msg, word) != NULL;
	free(msg);
	if (!said)
		because("the refusal does not say '%s': %s", word, err);
	return said;
}

static const char *child_text(xmlNode *n, const char *name)
{
	for (xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0 &&
		    c->children && c->children->content && *c->children->content)
			return (const char *)c->children->content;
	return NULL;
}

/* What Thunderbird's readFromXML needs of every server (comm-central
 * mail/components/accountcreation/modules/readFromXML.sys.mjs): a known type,
 * hostname, port 1-65535, a socketType, an authentication, a username
 * (outgoing: when the authentication is a password). */
static bool thunderbird_accepts(const char *text, size_t len, const char *file)
{
	xmlDoc *doc = xmlReadMemory(text, (int)len, "out.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc) {
		because("autoconfig written for %s is not well-formed", file);
		return false;
	}
	bool ok = true;
	xmlNode *root = xmlDocGetRootElement(doc);
	for (xmlNode *ep = root ? root->children : NULL; ep; ep = ep->next) {
		if (ep->type != XML_ELEMENT_NODE || strcmp((const char *)ep->name, "emailProvider") != 0)
			continue;
		for (xmlNode *s = ep->children; s; s = s->next) {
			if (s->type != XML_ELEMENT_NODE)
				continue;
			bool in = strcmp((const char *)s->name, "incomingServer") == 0;
			if (!in && strcmp((const char *)s->name, "outgoingServer") != 0)
				continue;
			xmlChar *type = xmlGetProp(s, (const xmlChar *)"type");
			static const char *const in_types[] = {"pop3", "imap", "nntp", "exchange", "ews", "owa", "graph"};
			if (!type || (in ? !in_list((const char *)type, in_types, 7) : strcmp((const char *)type, "smtp") != 0)) {
				because("autoconfig server of %s has type '%s'", file, type ? (const char *)type : "(none)");
				ok = false;
			}
			xmlFree(type);
			const char *port = child_text(s, "port"), *sock = child_text(s, "socketType"),
			           *auth = child_text(s, "authentication");
			static const char *const socks[] = {"plain", "SSL", "STARTTLS"};
			long p = port ? strtol(port, NULL, 10) : 0;
			if (!child_text(s, "hostname") || p < 1 || p > 65535 || !sock || !in_list(sock, socks, 3) || !auth) {
				because("autoconfig server of %s lacks hostname, port, socketType or authentication", file);
				ok = false;
			}
			bool password = auth && (strncmp(auth, "password-", 9) == 0 || strcmp(auth, "plain") == 0 ||
			                         strcmp(auth, "secure") == 0);
			if ((in || password) && !child_text(s, "username")) {
				because("autoconfig server of %s has no username", file);
				ok = false;
			}
		}
	}
	xmlFreeDoc(doc);
	return ok;
}

/* Convert the file to target t with --email; true if handled right. */
static bool converts(const char *file, const char *t, bool refused_row)
{
	char out[] = "/tmp/mp-realcorpus.XXXXXX";
	int fd = mkstemp(out);
	close(fd);
	unlink(out); /* convert must create it, whole, or leave it absent */
	char *args, *err = NULL;
	if (asprintf(&args, "convert --to %s%s -o %s", t, refused_row ? "" : " --email " EMAIL, out) < 0)
		abort();
	int rc;
	free(cli(args, file, &rc, &err));
	free(args);
	bool ok = true;
	if (rc == 2 || refused_row) {
		ok = refused_clearly(rc, err, file, NULL);
		if (ok && strcmp(t, "json") == 0 && !refused_row) {
			because("the json model of %s is refused", file);
			ok = false;
		}
		if (access(out, F_OK) == 0) {
			because("a refused convert of %s left %s behind", file, out);
			ok = false;
		}
	} else if (rc != 0 && rc != 1) {
		because("convert of %s ended abnormally (%s)", file, t);
		ok = false;
	} else {
		size_t len = 0;
		char *text = t_slurp(out, &len);
		if (!text) {
			because("convert of %s to %s wrote nothing", file, t);
			ok = false;
		} else {
			/* .oeaccount is UTF-16LE with a BOM: keep the low bytes */
			if (len >= 2 && (unsigned char)text[0] == 0xff && (unsigned char)text[1] == 0xfe) {
				size_t n = 0;
				for (size_t i = 2; i + 1 < len; i += 2)
					text[n++] = text[i];
				text[n] = '\0';
			}
			for (size_t i = 0; i < 4; i++)
				if (strstr(text, template_tokens[i])) {
					because("%s: template token left in %s output", file, t);
					ok = false;
				}
			for (size_t i = 0; i < 4 && strcmp(t, "autoconfig") != 0; i++)
				if (strstr(text, thunderbird_vars[i])) {
					because("%s: placeholder left in %s output", file, t);
					ok = false;
				}
			if (strcmp(t, "autoconfig") == 0)
				ok &= thunderbird_accepts(text, len, file);
			free(text);
		}
		if (ok && in_list(t, readable, 6)) {
			char *back;
			if (asprintf(&back, "check --no-config --from %s", t) < 0)
				abort();
			int brc;
			free(cli(back, out, &brc, NULL));
			free(back);
			if (brc == 2) {
				because("mailprof cannot read back its %s output of %s", t, file);
				ok = false;
			}
		}
	}
	unlink(out);
	free(err);
	return ok;
}

static bool reads(const char *file, const char *expect, const char *detail)
{
	int crc, jrc;
	char *cerr = NULL, *jerr = NULL;
	/* check prints its findings on stdout and its verdict on stderr: both count */
	char *cout = cli("check --no-config", file, &crc, &cerr);
	if (cout && cerr) {
		char *both;
		if (asprintf(&both, "%s%s", cerr, cout) < 0)
			abort();
		free(cerr);
		cerr = both;
	}
	free(cout);
	char *json = cli("convert --to json", file, &jrc, &jerr);
	bool ok;
	if (strcmp(expect, "servers") == 0) {
		ok = crc != 2 && jrc != 2;
		if (!ok)
			because("%s is refused: %s", file, cerr ? cerr : "");
		char *got = ok ? servers_of(json) : NULL;
		if (got && strcmp(got, detail) != 0) {
			because("servers read: %s; expected: %s", got, detail);
			ok = false;
		}
		free(got);
	} else {
		const char *word = strcmp(expect, "refused-template") == 0    ? "template"
		                   : strcmp(expect, "refused-malformed") == 0 ? "well-formed"
		                                                              : NULL;
		ok = refused_clearly(crc, cerr, file, word) && refused_clearly(jrc, jerr, file, NULL);
	}
	free(json);
	free(cerr);
	free(jerr);
	return ok;
}

/* One stage against its mark: pass expected unless marked known-fail. */
static void stage(const char *file, const char *name, bool ok, bool known_fail, size_t *passed, size_t *xfail)
{
	if (known_fail) {
		cr_expect(!ok, "%s: %s stage now passes: remove its known-fail mark from expected.tsv", file, name);
		if (!ok) {
			++*xfail;
			cr_log_info("known-fail %s %s: %s", name, file, why);
		}
	} else {
		cr_expect(ok, "%s: %s stage: %s", file, name, why);
		*passed += ok;
	}
}

Test(realcorpus, every_file_meets_its_expectation, .timeout = 600)
{
	size_t len;
	char *tsv = t_slurp(REAL "/expected.tsv", &len);
	cr_assert(tsv, REAL "/expected.tsv missing");
	size_t rows = 0, passed = 0, xfail = 0;
	for (char *line = strtok(tsv, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] == '#')
			continue;
		char *f[4] = {line, NULL, NULL, NULL};
		for (int i = 1; i < 4; i++) {
			f[i] = f[i - 1] ? strchr(f[i - 1], '\t') : NULL;
			if (f[i])
				*f[i]++ = '\0';
		}
		cr_assert(f[3], "expected.tsv: a row needs 4 tab-separated fields: %s", line);
		static const char *const kinds[] = {"servers", "refused-template", "refused-malformed", "refused-other"};
		cr_assert(in_list(f[1], kinds, 4), "expected.tsv: unknown outcome '%s'", f[1]);
		cr_assert(strcmp(f[3], "-") == 0 || strncmp(f[3], "known-fail:", 11) == 0,
		          "expected.tsv: mark must be '-' or known-fail:STAGES, not '%s'", f[3]);
		char path[512];
		snprintf(path, sizeof path, REAL "/%s", f[0]);
		cr_assert_eq(access(path, R_OK), 0, "%s listed but missing", path);
		rows++;
		bool refused_row = strcmp(f[1], "servers") != 0;

		why[0] = '\0';
		stage(path, "read", reads(path, f[1], f[2]), strstr(f[3], "read") != NULL, &passed, &xfail);
		why[0] = '\0';
		bool all = true;
		for (size_t t = 0; t < sizeof targets / sizeof targets[0]; t++)
			all &= converts(path, targets[t], refused_row);
		stage(path, "convert", all, strstr(f[3], "convert") != NULL, &passed, &xfail);
	}
	free(tsv);
	cr_log_info("real corpus: %zu files, %zu stages pass, %zu known-fail", rows, passed, xfail);
	/* every file of the corpus has a row */
	char *out = NULL;
	t_run("cd " REAL " && ls -d */* | grep -v '^LICENSES/'", &out, NULL);
	cr_assert(out);
	char *tsv2 = t_slurp(REAL "/expected.tsv", NULL);
	for (char *l = strtok(out, "\n"); l; l = strtok(NULL, "\n")) {
		char key[600];
		snprintf(key, sizeof key, "\n%s\t", l);
		cr_expect(strstr(tsv2, key), "%s/%s has no row in expected.tsv", REAL, l);
	}
	cr_expect_geq(rows, 40);
	free(out);
	free(tsv2);
}
