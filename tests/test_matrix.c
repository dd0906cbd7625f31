/* Conversion matrix: every sample that parses, emitted in every format that
 * can also be read, read back, must give the same model for every field the
 * target can express. What each target can express is spelled out below,
 * field by field (and value by value where only some values fit), from the
 * mapping table in docs/formats.md. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	{"autoconfig", F_PID | F_PNAME | F_PSHORT | F_DOMAINS | F_POP, F_PID | F_DOMAINS, false, false,
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

static void cmp_server(const struct target *t, const mp_server *a, const mp_server *b,
                       const mp_server *in, const char *ctx)
{
	MISMATCH(a->protocol == b->protocol, "%s: protocol", ctx);
	cmp_str("host", &a->host, &b->host, false, ctx);
	if (!t->port_range || !a->port.set || (a->port.v >= 1 && a->port.v <= 65535))
		cmp_int("port", &a->port, &b->port, false, ctx);
	if (t->sec_ok(a))
		cmp_int("security", &a->security, &b->security, t->sec_fill, ctx);
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

static void run_pair(const char *sample, const mailprof_profile *src, const struct target *t)
{
	char *out = NULL;
	size_t len = 0;
	mailprof_diags *d = mailprof_diags_new();
	mailprof_status st = mailprof_emit(src, t->name, NULL, &out, &len, d);
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
	cr_assert_eq(st, MAILPROF_OK, "%s -> %s: emit failed", sample, t->name);
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
	/* Error findings are not required absent: autoconfig's schema wants an
	 * emailProvider id that an account without address or id cannot give. */
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
			if (st == MAILPROF_OK && p->naccounts) {
				parsed++;
				for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++)
					if (mailprof_format_caps(targets[i].name) ==
					    (MAILPROF_CAN_PARSE | MAILPROF_CAN_EMIT))
						run_pair(path, p, &targets[i]);
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
	cr_log_info("matrix: %zu samples, %zu parsed, %zu conversions, %zu field comparisons",
	            g_compared, parsed, g_pairs, g_fields);
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
