/* Where a page states a server's security, as a property (round 9): an
 * incoming server (IMAP or POP3) and SMTP, each with its host and port
 * (implicit TLS or the plain/STARTTLS one), written as label rows or one
 * line each, English or Japanese; then the security said one of these
 * ways:
 *   - one sentence for both directions, naming them by direction, by
 *     protocol, or misspelt ("Please choose SSL for both POP3 as well as
 *     SMTP connections", "… for the Incomming server and the Outgoing
 *     server", 「受信・送信ともにSSLを使用してください」): every server
 *     has it, a bare TLS decided by each port;
 *   - a row under each server, the mode with a bracketed remark that is
 *     no mode ("Connection: STARTTLS (if required)"): that mode;
 *   - a switch naming no one kind of TLS under each server, its yes
 *     maybe with a note or "ON or AUTO" ("Encryption: ON or AUTO",
 *     "TLS, STARTTLS or AUTO: Enabled (use SSL only with port 465)"):
 *     decided by the port, as a bare TLS (587: STARTTLS);
 *   - a yes under a security label that speaks of logging in
 *     ("Security: Authentication is required for IMAP and SMTP"), or a
 *     sentence naming a plain mode beside ("SSL and non-SSL connections
 *     are accepted …"): no security at all.
 * A fixed seed keeps every run the same; a failure prints the case. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "model.h"
#include "internal.h"

static uint64_t rng;

static uint32_t rnd(uint32_t n)
{
	return t_rnd(&rng, n);
}

#define PICK(a) (a[rnd((uint32_t)(sizeof a / sizeof a[0]))])

static const char *const domains[] = {"wrenfield.example.org", "tarn-isp.example.net", "ashgrove-college.example.edu",
                                      "higashiyama.example.jp", "okawa-net.example.ne.jp"};

struct srv {
	const char *proto; /* "IMAP", "POP3", "SMTP" */
	char host[80];
	int port;
	int want; /* the security read back, -1 none */
};

/* The mode words a statement may use and what each means on a port. */
static const char *const modes[] = {"SSL", "SSL/TLS", "TLS", "STARTTLS"};

static int mode_on(const char *m, int port)
{
	if (strcmp(m, "STARTTLS") == 0)
		return MP_SEC_STARTTLS;
	/* "TLS", "SSL", "SSL/TLS" name no mode: the port decides (the
	 * conventions: TLS from the first byte does not connect on 143) */
	return port == 993 || port == 995 || port == 465 ? MP_SEC_TLS : MP_SEC_STARTTLS;
}

static void server_rows(mp_buf *b, const struct srv *s, bool ja, bool one_line)
{
	bool out = strcmp(s->proto, "SMTP") == 0;
	if (ja)
		mp_buf_printf(b, "%sサーバー（%s）：%s\nポート：%d\n", out ? "送信" : "受信", s->proto, s->host, s->port);
	else if (one_line)
		mp_buf_printf(b, "%s server: %s (port %d)\n", s->proto, s->host, s->port);
	else
		mp_buf_printf(b, "%s mail server (%s): %s\nPort: %d\n", out ? "Outgoing" : "Incoming", s->proto, s->host,
		              s->port);
}

/* tmpl with each '@' replaced by the protocol's name */
static void subst(char *dst, size_t dn, const char *tmpl, const char *proto)
{
	size_t o = 0;
	for (const char *t = tmpl; *t && o + 1 < dn; t++) {
		if (*t != '@') {
			dst[o++] = *t;
			continue;
		}
		for (const char *q = proto; *q && o + 1 < dn; q++)
			dst[o++] = *q;
	}
	dst[o] = '\0';
}

/* One sentence stating the security of both directions. */
static const char *general(mp_buf *b, const struct srv *in, bool ja)
{
	static const char *const en_mode[] = {"SSL", "SSL/TLS", "TLS"};
	const char *m = PICK(en_mode);
	char sc[96];
	if (ja) {
		static const char *const ja_scope[] = {"受信・送信ともに", "受信サーバー、送信サーバーともに", "@とSMTPの両方で"};
		subst(sc, sizeof sc, PICK(ja_scope), in->proto);
		mp_buf_printf(b, "%s%sを使用してください。\n", sc, m);
		return m;
	}
	static const char *const scope[] = {"for both the incoming and outgoing server",
	                                    "for the Incomming server and the Outgoing server",
	                                    "for both @ as well as SMTP connections", "for @ and for SMTP alike",
	                                    "on the incoming and the outgoing mail server"};
	subst(sc, sizeof sc, PICK(scope), in->proto);
	switch (rnd(3)) {
	case 0: mp_buf_printf(b, "Please choose %s %s.\n", m, sc); break;
	case 1: mp_buf_printf(b, "Select %s %s in your program.\n", m, sc); break;
	default: mp_buf_printf(b, "Set the connection security to %s %s.\n", m, sc); break;
	}
	return m;
}

static void build(mp_buf *b, struct srv *in, struct srv *out, int *kind)
{
	bool ja = rnd(4) == 0, one_line = !ja && rnd(2);
	const char *d = PICK(domains);
	bool imap = rnd(2), secure_in = rnd(2), secure_out = rnd(2);
	*in = (struct srv){imap ? "IMAP" : "POP3", "", imap ? (secure_in ? 993 : 143) : (secure_in ? 995 : 110), -1};
	*out = (struct srv){"SMTP", "", secure_out ? 465 : 587, -1};
	snprintf(in->host, sizeof in->host, "%s.%s", imap ? "imap" : "pop", d);
	snprintf(out->host, sizeof out->host, "smtp.%s", d);
	mp_buf_printf(b, ja ? "メール設定のご案内（%s）\n\n" : "Mail settings for %s\n\n", d);
	*kind = (int)rnd(5);
	if (*kind == 4) { /* a switch naming no one kind of TLS under each server */
		static const char *const en_sw[] = {"Encryption: ON or AUTO", "Secure connection: Yes (the help desk can help)",
		                                    "TLS: Set to ON", "TLS, STARTTLS or AUTO: Enabled (use SSL only with port 465)",
		                                    "Encryption: Enabled (see below)"};
		static const char *const ja_sw[] = {"暗号化：オン", "暗号化：有効", "暗号化通信：使用する"};
		struct srv *s[2] = {in, out};
		for (int k = 0; k < 2; k++) {
			server_rows(b, s[k], ja, false);
			s[k]->want = mode_on("TLS", s[k]->port);
			mp_buf_printf(b, "%s\n\n", ja ? PICK(ja_sw) : PICK(en_sw));
		}
		return;
	}
	if (*kind == 1) { /* a row with a remark under each server */
		static const char *const en_rem[] = {"(if required)", "(if your program asks for one)",
		                                     "(if offered by your client)"};
		static const char *const ja_rem[] = {"（必要な場合）", "（選べる場合）"};
		struct srv *s[2] = {in, out};
		for (int k = 0; k < 2; k++) {
			server_rows(b, s[k], ja, false);
			const char *m = PICK(modes);
			s[k]->want = mode_on(m, s[k]->port);
			mp_buf_printf(b, ja ? "接続の保護：%s%s\n\n" : "Connection: %s %s\n\n", m, ja ? PICK(ja_rem) : PICK(en_rem));
		}
		return;
	}
	server_rows(b, in, ja, one_line);
	server_rows(b, out, ja, one_line);
	mp_buf_printf(b, "\n");
	if (*kind == 0) {
		const char *m = general(b, in, ja);
		in->want = mode_on(m, in->port);
		out->want = mode_on(m, out->port);
	} else if (*kind == 2) {
		mp_buf_printf(b, ja ? "セキュリティ：%sとSMTPの認証が必要です\n" : "Security: Authentication is required for %s and SMTP.\n",
		              in->proto);
	} else {
		mp_buf_printf(b, ja ? "%s、SMTPともにSSL使用時、SSL非使用時の両方で接続できます。\n"
		                    : "SSL and non-SSL connections are accepted for %s and SMTP alike.\n",
		              in->proto);
	}
}

static bool got(const mp_server *s, const struct srv *w)
{
	mp_protocol p = strcmp(w->proto, "IMAP") == 0 ? MP_PROTO_IMAP : strcmp(w->proto, "POP3") == 0 ? MP_PROTO_POP3 : MP_PROTO_SMTP;
	return s->protocol == p && s->host.v && strcmp(s->host.v, w->host) == 0 && s->port.set && s->port.v == w->port &&
	       (w->want < 0 ? !s->security.set : s->security.set && s->security.v == w->want);
}

Test(notice_security, stated_security_read, .timeout = 120)
{
	rng = 0x3c6ef372fe94f82bULL;
	int n = 300, right = 0, shown = 0;
	for (int i = 0; i < n; i++) {
		mp_buf b = {0};
		struct srv in, out;
		int kind;
		build(&b, &in, &out, &kind);
		mailprof_diags *d;
		mailprof_status st;
		mailprof_profile *p = t_parse_str(b.s, "security.txt", "notice", &d, &st);
		const mp_account *a = st == MAILPROF_OK && p && p->naccounts == 1 ? &p->accounts[0] : NULL;
		bool ok = a && a->nincoming == 1 && a->noutgoing == 1 && got(&a->incoming[0], &in) && got(&a->outgoing[0], &out);
		if (ok)
			right++;
		else if (shown++ < 3)
			cr_log_info("security case %d (kind %d) read wrong:\n%s", i, kind, b.s);
		mailprof_profile_free(p);
		mailprof_diags_free(d);
		mp_buf_free(&b);
	}
	cr_log_info("notice stated security: %d/%d read right", right, n);
	cr_assert_eq(right, n, "only %d of %d stated-security cases read right", right, n);
}
