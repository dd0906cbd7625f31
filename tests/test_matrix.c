/* Conversion matrix: every sample that parses, emitted in every format that
 * can also be read, read back, must give the same model for every field the
 * target can express; and every output, of every target, must meet what its
 * client requires (format.h MP_REQ_*, docs/formats.md "What each client
 * requires"): read back by our own reader and checker without an error, or
 * for write-only targets, every server entry complete. A sample holding
 * Thunderbird placeholders must be refused by targets whose client does not
 * substitute them, and is then read with an address (--email). What each target can express is spelled out below,
 * field by field (and value by value where only some values fit), from the
 * mapping table in docs/formats.md. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "helpers.h"
#include "model.h"

enum { F_EMAIL = 1, F_DISPLAY = 2, F_PID = 4, F_PNAME = 8, F_PSHORT = 16, F_DOMAINS = 32, F_POP = 64 };

struct target {
	const char *name;
	unsigned fields;  /* account fields written */
	unsigned fills;   /* of those, written even when unset (a default is made up) */
	bool first_only;  /* one account per file */
	bool one_each;    /* one incoming and one outgoing server */
	bool need_both;   /* an account needs incoming and outgoing (else skipped) */
	bool need_host;   /* servers without a host name are skipped */
	bool sec_fill;    /* unset security is written as a value */
	bool pop_only_pop; /* POP options only for a POP3 account */
	bool port_range;  /* ports outside 1..65535 are refused on reading */
	/* Is this server's security / auth list expressible exactly? */
	bool (*sec_ok)(const mp_server *s);
	bool (*auth_ok)(const mp_server *s, const mp_server *in);
};

static bool starttls_port(int p)
{
	return p == 25 || p == 587 || p == 110 || p == 143;
}

static bool any_sec(const mp_server *s)
{
	(void)s;
	return true;
}

static bool any_auth(const mp_server *s, const mp_server *in)
{
	(void)s, (void)in;
	return true;
}

/* One "secure" flag read back by port: STARTTLS on 25/587/110/143, else TLS. */
static bool flag_sec(const mp_server *s)
{
	if (!s->security.set || s->security.v == MP_SEC_NONE)
		return true;
	int port = s->port.set ? s->port.v : mp_default_port(s->protocol, MP_SEC_NONE);
	return (s->security.v == MP_SEC_STARTTLS) == starttls_port(port);
}

static bool mobileconfig_sec(const mp_server *s)
{
	if (!s->security.set || s->security.v == MP_SEC_NONE)
		return true;
	if (!s->port.set)
		return s->security.v == MP_SEC_TLS;
	return (s->security.v == MP_SEC_STARTTLS) == starttls_port(s->port.v);
}

static bool autodiscover_auth(const mp_server *s, const mp_server *in)
{
	(void)in;
	size_t n = s->nauth;
	if (n && s->protocol == MP_PROTO_SMTP && s->auth[n - 1] == MP_AUTH_SMTP_AFTER_POP)
		n--;
	return n == 1 && (s->auth[0] == MP_AUTH_NONE || s->auth[0] == MP_AUTH_NTLM ||
	                  s->auth[0] == MP_AUTH_PASSWORD_CLEARTEXT);
}

static bool mobileconfig_auth(const mp_server *s, const mp_server *in)
{
	(void)in;
	return s->nauth == 1 && (s->auth[0] == MP_AUTH_NONE || s->auth[0] == MP_AUTH_NTLM ||
	                         s->auth[0] == MP_AUTH_PASSWORD_CLEARTEXT ||
	                         s->auth[0] == MP_AUTH_PASSWORD_ENCRYPTED);
}

static bool oeaccount_auth(const mp_server *s, const mp_server *in)
{
	(void)in; /* SMTP_Use_Sicily 2 copies a single-method incoming login: covered below */
	if (s->nauth != 1)
		return false;
	if (s->auth[0] == MP_AUTH_NTLM || s->auth[0] == MP_AUTH_PASSWORD_CLEARTEXT)
		return true;
	return s->protocol == MP_PROTO_SMTP && s->auth[0] == MP_AUTH_NONE;
}

static const unsigned ALL = F_EMAIL | F_DISPLAY | F_PID | F_PNAME | F_PSHORT | F_DOMAINS | F_POP;

static const struct target targets[] = {
	{"json", ALL, 0, false, false, false, false, false, false, false, any_sec, any_auth},
	{"ini", ALL, 0, false, false, false, false, false, false, false, any_sec, any_auth},
	/* Provider id and domain are made up from the address when unset. */
	{"autoconfig", F_PID | F_PNAME | F_PSHORT | F_DOMAINS | F_POP, F_PID | F_PNAME | F_DOMAINS, false, false,
	 false, false, false, true, false, any_sec, any_auth},
	{"autodiscover", F_EMAIL | F_DISPLAY, 0, true, false, false, false, true, false, true, any_sec,
	 autodiscover_auth},
	{"mobileconfig", F_EMAIL | F_DISPLAY | F_PNAME, 0, false, true, true, false, true, false, true,
	 mobileconfig_sec, mobileconfig_auth},
	{"oeaccount", F_EMAIL | F_DISPLAY | F_PNAME | F_POP, F_PNAME, true, true, false, true, false,
	 true, false, flag_sec, oeaccount_auth},
};

static size_t g_compared, g_pairs, g_fields, g_bad;
static bool g_quiet; /* control test: count without logging (an error log fails the run) */

/* A difference is logged and counted (not asserted here), so the control
 * test below can check that the comparison does catch differences. */
#define MISMATCH(cond, ...)                    \
	do {                                       \
		if (!(cond)) {                         \
			g_bad++;                           \
			if (!g_quiet)                      \
				cr_log_error(__VA_ARGS__);     \
		}                                      \
	} while (0)

static void cmp_str(const char *what, const mp_str *a, const mp_str *b, bool fill, const char *ctx)
{
	g_fields++;
	if (!a->v && fill)
		return;
	MISMATCH((!a->v && !b->v) || (a->v && b->v && strcmp(a->v, b->v) == 0),
	         "%s: %s: '%s' became '%s'", ctx, what, a->v ? a->v : "(unset)", b->v ? b->v : "(unset)");
}

static void cmp_int(const char *what, const mp_int *a, const mp_int *b, bool fill, const char *ctx)
{
	g_fields++;
	if (!a->set && fill)
		return;
	MISMATCH(a->set == b->set && (!a->set || a->v == b->v), "%s: %s: %s%d became %s%d", ctx, what,
	          a->set ? "" : "unset ", a->v, b->set ? "" : "unset ", b->v);
}

static unsigned requires_of(const struct target *t)
{
	const struct mp_format *f = mp_format_find(t->name);
	return f ? f->requires : 0;
}

static void cmp_server(const struct target *t, const mp_server *a, const mp_server *b,
                       const mp_server *in, const char *ctx)
{
	unsigned req = requires_of(t); /* an unset required value is filled by a default */
	MISMATCH(a->protocol == b->protocol, "%s: protocol", ctx);
	cmp_str("host", &a->host, &b->host, false, ctx);
	if (!(t->port_range || (req & MP_REQ_PORT)) || !a->port.set || (a->port.v >= 1 && a->port.v <= 65535))
		cmp_int("port", &a->port, &b->port, req & MP_REQ_PORT, ctx);
	if (t->sec_ok(a))
		cmp_int("security", &a->security, &b->security, t->sec_fill || (req & MP_REQ_SECURITY), ctx);
	if (a->username.v && a->username.v[0])
		cmp_str("username", &a->username, &b->username, false, ctx);
	if (a->nauth && t->auth_ok(a, in)) {
		g_fields++;
		MISMATCH(a->nauth == b->nauth && memcmp(a->auth, b->auth, a->nauth * sizeof a->auth[0]) == 0,
		          "%s: auth list changed (%s... became %s...)", ctx, mp_auth_name(a->auth[0]),
		          b->nauth ? mp_auth_name(b->auth[0]) : "(none)");
	}
}

static const mp_server *first_with_host(const mp_server *v, size_t n, bool need_host)
{
	for (size_t i = 0; i < n; i++)
		if (!need_host || v[i].host.v)
			return &v[i];
	return NULL;
}

static void cmp_account(const struct target *t, const mp_account *a, const mp_account *b,
                        const char *ctx)
{
	unsigned f = t->fields, fill = t->fills;
	if (f & F_EMAIL)
		cmp_str("email", &a->email, &b->email, false, ctx);
	if (f & F_DISPLAY)
		cmp_str("display name", &a->display_name, &b->display_name, false, ctx);
	if (f & F_PID)
		cmp_str("provider id", &a->provider_id, &b->provider_id, fill & F_PID, ctx);
	if (f & F_PNAME)
		cmp_str("provider name", &a->provider_name, &b->provider_name, fill & F_PNAME, ctx);
	if (f & F_PSHORT)
		cmp_str("short name", &a->provider_short_name, &b->provider_short_name, false, ctx);
	if ((f & F_DOMAINS) && !(a->ndomains == 0 && (fill & F_DOMAINS))) {
		g_fields++;
		MISMATCH(a->ndomains == b->ndomains, "%s: number of domains", ctx);
		for (size_t i = 0; i < a->ndomains && i < b->ndomains; i++)
			cmp_str("domain", &a->domains[i], &b->domains[i], false, ctx);
	}
	const mp_server *in = first_with_host(a->incoming, a->nincoming, t->need_host);
	bool pop_ok = !t->pop_only_pop || (in && in->protocol == MP_PROTO_POP3);
	for (size_t i = 0; !t->one_each && !pop_ok && i < a->nincoming; i++)
		pop_ok = a->incoming[i].protocol == MP_PROTO_POP3;
	if ((f & F_POP) && pop_ok) {
		cmp_int("leave on server", &a->pop_leave_on_server, &b->pop_leave_on_server, false, ctx);
		cmp_int("leave days", &a->pop_leave_days, &b->pop_leave_days, false, ctx);
	}
	if (t->one_each) {
		const mp_server *out = first_with_host(a->outgoing, a->noutgoing, t->need_host);
		if (t->need_host && out && out != &a->outgoing[0])
			out = NULL;
		MISMATCH(b->nincoming == (in ? 1u : 0u), "%s: incoming servers", ctx);
		MISMATCH(b->noutgoing == (out ? 1u : 0u), "%s: outgoing servers", ctx);
		if (in && b->nincoming)
			cmp_server(t, in, &b->incoming[0], NULL, ctx);
		if (out && b->noutgoing)
			cmp_server(t, out, &b->outgoing[0], in, ctx);
		return;
	}
	MISMATCH(b->nincoming == a->nincoming, "%s: incoming servers", ctx);
	MISMATCH(b->noutgoing == a->noutgoing, "%s: outgoing servers", ctx);
	for (size_t i = 0; i < a->nincoming && i < b->nincoming; i++)
		cmp_server(t, &a->incoming[i], &b->incoming[i], NULL, ctx);
	for (size_t i = 0; i < a->noutgoing && i < b->noutgoing; i++)
		cmp_server(t, &a->outgoing[i], &b->outgoing[i], in, ctx);
}

static size_t g_refused, g_req_checks;

/* Every requirement of t's client, on a file t wrote that our reader read
 * back: values set, no error finding from the reader or from the checker
 * rules that say a client cannot use it. */
static const char *const k_unusable[] = {"MP034", "MP049", "MP032", "MP014"};

/* Findings of rule id that make a file unusable; MP034's missing address
 * is left out (a provider profile has none, a response need not). */
static size_t unusable(const mailprof_diags *d, const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < mailprof_diags_count(d); i++) {
		const mailprof_diag *g = mailprof_diags_get(d, i);
		n += strcmp(g->id, id) == 0 && !strstr(g->message, "e-mail address");
	}
	return n;
}

static void check_requirements(const char *sample, const struct target *t, const mailprof_profile *back,
                               const mailprof_diags *rd, const mailprof_diags *src_check)
{
	unsigned req = requires_of(t);
	for (size_t i = 0; i < mailprof_diags_count(rd); i++) {
		const mailprof_diag *g = mailprof_diags_get(rd, i);
		cr_expect(g->severity < MAILPROF_ERROR, "%s -> %s: our reader rejects the output: %s [%s]", sample,
		          t->name, g->message, g->id);
	}
	/* What the checker says makes a file unusable must not appear in the
	 * output unless the input had it already. */
	mailprof_diags *cd = mailprof_diags_new();
	mailprof_check(back, cd);
	for (size_t k = 0; k < MP_COUNT(k_unusable); k++)
		cr_expect_leq(unusable(cd, k_unusable[k]), unusable(src_check, k_unusable[k]),
		              "%s -> %s: our checker finds %s in the output, not in the input", sample, t->name,
		              k_unusable[k]);
	mailprof_diags_free(cd);
	for (size_t i = 0; i < back->naccounts; i++) {
		const mp_account *a = &back->accounts[i];
		g_req_checks++;
		cr_expect(!(req & MP_REQ_INCOMING) || a->nincoming, "%s -> %s: no incoming server", sample, t->name);
		cr_expect(!(req & MP_REQ_OUTGOING) || a->noutgoing, "%s -> %s: no outgoing server", sample, t->name);
		for (size_t k = 0; k < a->nincoming + a->noutgoing; k++) {
			const mp_server *s = k < a->nincoming ? &a->incoming[k] : &a->outgoing[k - a->nincoming];
			bool user = (req & MP_REQ_USER) || ((req & MP_REQ_USER_IN) && s->protocol != MP_PROTO_SMTP);
			g_req_checks += 5;
			cr_expect(!(req & MP_REQ_HOST) || (s->host.v && *s->host.v), "%s -> %s: server without host", sample, t->name);
			cr_expect(!(req & MP_REQ_PORT) || s->port.set, "%s -> %s: server without port", sample, t->name);
			cr_expect(!(req & MP_REQ_SECURITY) || s->security.set, "%s -> %s: server without security", sample, t->name);
			cr_expect(!(req & MP_REQ_AUTH) || s->nauth, "%s -> %s: server without login method", sample, t->name);
			cr_expect(!user || !mp_server_uses_password(s) || s->username.v,
			          "%s -> %s: password login without user name", sample, t->name);
			if (req & MP_REQ_LITERAL)
				cr_expect(!mp_placeholder_in(s->host.v) && !mp_placeholder_in(s->username.v),
				          "%s -> %s: a placeholder its client does not substitute", sample, t->name);
		}
	}
}

/* A refused target must say why, with an error finding. */
static void expect_refusal(const char *sample, const struct target *t, const mailprof_diags *d)
{
	g_refused++;
	cr_expect(t_count(d, "required-value") + t_count(d, "placeholder") + t_count(d, "empty") > 0,
	          "%s -> %s: refused without saying why", sample, t->name);
}

static void run_pair(const char *sample, const mailprof_profile *src, const struct target *t)
{
	char *out = NULL;
	size_t len = 0;
	mailprof_diags *d = mailprof_diags_new();
	mailprof_status st = mailprof_emit(src, t->name, NULL, &out, &len, d);
	if (st != MAILPROF_OK) {
		/* Refused: a value its client requires has no default. */
		expect_refusal(sample, t, d);
		mailprof_diags_free(d);
		return;
	}
	mailprof_diags_free(d);
	/* Accounts the target writes: all, the first, or those with both servers. */
	const mp_account *want[64];
	size_t nwant = 0;
	for (size_t i = 0; i < src->naccounts && nwant < 64; i++) {
		const mp_account *a = &src->accounts[i];
		if (t->need_both && (!a->nincoming || !a->noutgoing))
			continue;
		if (t->need_host && !first_with_host(a->incoming, a->nincoming, true))
			continue;
		want[nwant++] = a;
		if (t->first_only)
			break;
	}
	if (t->first_only && nwant && want[0] != &src->accounts[0])
		nwant = 0; /* only the first account is ever written */
	if (!nwant) {
		cr_expect_neq(st, MAILPROF_OK, "%s -> %s: nothing expressible, yet emitted", sample, t->name);
		free(out);
		return;
	}
	char *again = NULL;
	size_t len2 = 0;
	d = mailprof_diags_new();
	mailprof_emit(src, t->name, NULL, &again, &len2, d);
	mailprof_diags_free(d);
	cr_expect(again && len2 == len && memcmp(again, out, len) == 0, "%s -> %s: output not deterministic",
	          sample, t->name);
	free(again);
	mailprof_profile *back = mailprof_profile_new();
	d = mailprof_diags_new();
	st = mailprof_parse(back, out, len, "matrix", t->name, NULL, d);
	cr_expect_eq(st, MAILPROF_OK, "%s -> %s: own output does not parse back", sample, t->name);
	mailprof_diags *sc = mailprof_diags_new();
	mailprof_check(src, sc);
	check_requirements(sample, t, back, d, sc);
	mailprof_diags_free(sc);
	g_pairs++;
	cr_expect_eq(back->naccounts, nwant, "%s -> %s: account count", sample, t->name);
	if (back->naccounts == nwant)
		for (size_t i = 0; i < nwant && i < back->naccounts; i++) {
			char ctx[1400];
			snprintf(ctx, sizeof ctx, "%s -> %s, account %zu", sample, t->name, i + 1);
			cmp_account(t, want[i], &back->accounts[i], ctx);
		}
	mailprof_diags_free(d);
	mailprof_profile_free(back);
	free(out);
}

static bool has_placeholder(const mailprof_profile *p)
{
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		if (mp_placeholder_in(a->email.v) || mp_placeholder_in(a->display_name.v))
			return true;
		for (size_t k = 0; k < a->nincoming + a->noutgoing; k++) {
			const mp_server *s = k < a->nincoming ? &a->incoming[k] : &a->outgoing[k - a->nincoming];
			if (mp_placeholder_in(s->host.v) || mp_placeholder_in(s->username.v))
				return true;
		}
	}
	return false;
}

/* Targets whose client substitutes no placeholder refuse a provider
 * profile (exit 2 in the CLI), naming --email; the others write it. */
static void expect_placeholder_refusals(const char *sample, const mailprof_profile *p)
{
	for (size_t i = 0; mailprof_format_name(i); i++) {
		const struct mp_format *f = mp_format_at(i);
		if (!f->emit || !(f->requires & MP_REQ_LITERAL))
			continue;
		mailprof_diags *d = mailprof_diags_new();
		char *out = NULL;
		size_t len;
		mailprof_status st = mailprof_emit(p, f->name, NULL, &out, &len, d);
		/* Only the written accounts and servers count: a refusal for
		 * another reason is fine, a written placeholder is not. */
		if (st == MAILPROF_OK)
			cr_expect(!strstr(out, "%EMAIL") && !strstr(out, "%REALNAME%"),
			          "%s -> %s: placeholder written for a client that does not substitute it", sample, f->name);
		else if (t_count(d, "placeholder")) {
			const mailprof_diag *g = t_find(d, "placeholder");
			cr_expect(g->severity == MAILPROF_ERROR && strstr(g->message, "--email"), "%s -> %s: %s", sample,
			          f->name, g->message);
			g_refused++;
		}
		free(out);
		mailprof_diags_free(d);
	}
}

/* ---- write-only targets: every server entry complete ---- */

static size_t g_wo_entries;

struct wo_target {
	const char *name;
	const char *entry;          /* what starts one server's entry; alternatives split by | */
	const char *const keys[6];  /* each must appear in every entry; alternatives split by | */
};

static const struct wo_target write_only[] = {
	{"msmtp", "\naccount ", {"\nhost ", "\nport ", "\ntls ", "\nauth "}},
	{"fetchmail", "\npoll |\nskip ", {" via \"", " protocol ", " service ", " auth ", "\n    user \""}},
	{"mbsync", "\nIMAPAccount ", {"\nHost ", "\nPort ", "\nUser ", "\nSSLType "}},
	{"userjs", ".hostname\", ", {".port\", ", "socketType\", |try_ssl\", ", ".authMethod\", "}},
	{"prf", "\nIMAPServer=|\nPOP3Server=|\nSMTPServer=", {"Port=", "UseSSL=|SecureConnection="}},
	{"neomutt", "imap://|imaps://|pop://|pops://|smtp://|smtps://", {":"}},
};

/* The first of the |-separated strings of alts in s, or NULL. */
static const char *find_any(const char *s, const char *alts)
{
	const char *best = NULL;
	for (const char *k = alts; *k;) {
		size_t n = strcspn(k, "|");
		char alt[64];
		snprintf(alt, sizeof alt, "%.*s", (int)n, k);
		const char *hit = strstr(s, alt);
		if (hit && (!best || hit < best))
			best = hit;
		k += n;
		if (*k)
			k++;
	}
	return best;
}

static void check_write_only(const char *sample, const mailprof_profile *p, const struct wo_target *t)
{
	mailprof_diags *d = mailprof_diags_new();
	char *out = NULL;
	size_t len;
	mailprof_status st = mailprof_emit(p, t->name, NULL, &out, &len, d);
	if (st != MAILPROF_OK) {
		struct target tt = {.name = t->name};
		expect_refusal(sample, &tt, d);
		mailprof_diags_free(d);
		return;
	}
	cr_expect(!mp_placeholder_in(out), "%s -> %s: placeholder in the output", sample, t->name);
	for (const char *s = find_any(out, t->entry); s; s = find_any(s + 1, t->entry)) {
		const char *e = find_any(s + 1, t->entry);
		if (!e)
			e = out + len;
		if (strncmp(s, "\naccount default", 16) == 0)
			continue;
		if (strcmp(t->name, "neomutt") == 0) { /* the URL ends at its quote */
			const char *q = strchr(s, '"');
			e = q ? q : e;
		}
		g_wo_entries++;
		char *entry = strndup(s, (size_t)(e - s));
		for (size_t k = 0; k < MP_COUNT(t->keys) && t->keys[k]; k++)
			cr_expect(find_any(entry, t->keys[k]), "%s -> %s: an entry lacks '%s':\n%s", sample, t->name,
			          t->keys[k], entry);
		free(entry);
	}
	free(out);
	mailprof_diags_free(d);
}

Test(matrix, every_sample_every_target)
{
	DIR *top = opendir("samples");
	cr_assert(top, "run from the repository root");
	struct dirent *e;
	size_t parsed = 0;
	while ((e = readdir(top))) {
		if (e->d_name[0] == '.')
			continue;
		char dir[512];
		snprintf(dir, sizeof dir, "samples/%s", e->d_name);
		DIR *sd = opendir(dir);
		if (!sd)
			continue;
		struct dirent *f;
		while ((f = readdir(sd))) {
			if (f->d_name[0] == '.')
				continue;
			char path[1100];
			snprintf(path, sizeof path, "%s/%s", dir, f->d_name);
			mailprof_status st;
			mailprof_diags *d;
			mailprof_profile *p = t_parse(path, NULL, &d, &st);
			mailprof_diags_free(d);
			if (st == MAILPROF_OK && p->naccounts && has_placeholder(p)) {
				/* A provider profile: refused where the client does not
				 * substitute, then made per-user as --email does. */
				expect_placeholder_refusals(path, p);
				mailprof_profile_free(p);
				mailprof_options o = {.email = "ann.lee@example.org", .real_name = "Ann Lee"};
				p = mailprof_profile_new();
				d = mailprof_diags_new();
				st = mailprof_parse_file(p, path, NULL, &o, d);
				mailprof_diags_free(d);
				cr_expect(!has_placeholder(p), "%s: --email left a placeholder", path);
			}
			if (st == MAILPROF_OK && p->naccounts) {
				parsed++;
				for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++)
					if (mailprof_format_caps(targets[i].name) ==
					    (MAILPROF_CAN_PARSE | MAILPROF_CAN_EMIT))
						run_pair(path, p, &targets[i]);
				for (size_t i = 0; i < MP_COUNT(write_only); i++)
					check_write_only(path, p, &write_only[i]);
			}
			mailprof_profile_free(p);
			g_compared++;
		}
		closedir(sd);
	}
	closedir(top);
	cr_expect_eq(g_bad, 0, "%zu field differences after a round trip (see the log)", g_bad);
	cr_expect_gt(parsed, 20, "too few samples parsed (%zu)", parsed);
	cr_expect_gt(g_pairs, 100, "too few conversions (%zu)", g_pairs);
	cr_expect_gt(g_wo_entries, 100, "too few write-only entries checked (%zu)", g_wo_entries);
	cr_log_info("matrix: %zu samples, %zu parsed, %zu conversions, %zu field comparisons, "
	            "%zu requirement checks, %zu refusals, %zu write-only entries checked",
	            g_compared, parsed, g_pairs, g_fields, g_req_checks, g_refused, g_wo_entries);
}

/* The target list above must cover every format that reads and writes. */
Test(matrix, covers_every_round_trip_format)
{
	for (size_t i = 0; mailprof_format_name(i); i++) {
		const char *n = mailprof_format_name(i);
		if (mailprof_format_caps(n) != (MAILPROF_CAN_PARSE | MAILPROF_CAN_EMIT))
			continue;
		/* notice writes only through a user's template (--template). */
		bool found = strcmp(n, "notice") == 0;
		for (size_t k = 0; k < sizeof targets / sizeof targets[0]; k++)
			found |= strcmp(targets[k].name, n) == 0;
		cr_expect(found, "format %s reads and writes but has no expressible mask in test_matrix.c", n);
	}
}

/* Control: the comparison finds real differences, and only where the
 * target can express the value. */
Test(matrix, comparison_catches_differences)
{
	mailprof_profile *p = mailprof_profile_new(), *q = mailprof_profile_new();
	mp_account *a = mp_account_add(p), *b = mp_account_add(q);
	mp_server *s = mp_server_add(a, MP_PROTO_IMAP), *t = mp_server_add(b, MP_PROTO_IMAP);
	mp_str_set(&s->host, "imap.example.com", NULL);
	mp_str_set(&t->host, "imap.example.com", NULL);
	mp_int_set(&s->port, 993, NULL);
	mp_int_set(&t->port, 994, NULL);
	mp_int_set(&s->security, MP_SEC_STARTTLS, NULL);
	mp_int_set(&t->security, MP_SEC_TLS, NULL);
	mp_server_add_auth(s, MP_AUTH_NTLM);
	mp_server_add_auth(t, MP_AUTH_PASSWORD_CLEARTEXT);
	mp_str_set(&a->email, "a@example.com", NULL);
	g_quiet = true;
	g_bad = 0;
	cmp_account(&targets[0], a, b, "control json"); /* port, security, auth, email */
	cr_expect_eq(g_bad, 4);
	g_bad = 0;
	/* mobileconfig cannot say STARTTLS on 993, so security is not compared. */
	cmp_account(&targets[4], a, b, "control mobileconfig");
	cr_expect_str_eq(targets[4].name, "mobileconfig");
	cr_expect_eq(g_bad, 3); /* port, auth, email */
	g_bad = 0;
	g_quiet = false;
	mailprof_profile_free(p);
	mailprof_profile_free(q);
}
