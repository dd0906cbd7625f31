/* Choosing among the ports a page offers for one server, as a property
 * (round 8): each server (IMAP or POP3, and SMTP) is offered two ports,
 * a secure one and a plain or STARTTLS one, in either order, as list
 * items opening with the port ("Port 993 - IMAP over SSL", "995: POP3
 * (SSL/TLS)", 「ポート995 - POP3（SSL/TLS）」) or as port rows under the
 * server's label ("Port: 587 (STARTTLS)"), English or Japanese; one of
 * the two may carry the page's word on it ("recommended", "preferred",
 * 推奨, おすすめ; "deprecated", "not recommended", 非推奨). Read back,
 * each server has the port the page prefers, else the one it does not
 * discourage, else the implicit-TLS one, with that port's security. A
 * fixed seed keeps every run the same; a failure prints the case.
 *
 * Round 9: the two ports given apart from their security: plain ports
 * listed first and the secure ones again under an SSL section, or "Port:
 * 143 or 993" (either order) with SSL said on a line of its own; an intro
 * with a program's version, a date and a price before them, and maybe a
 * fallback port ("If you have trouble with port 465, try port 2525").
 * Read back, SSL said for the server names its implicit-TLS port.
 *
 * And the page's words on a sending port in prose: a recommendation or a
 * discouragement in the port's own clause, a fallback ("If you have
 * trouble …, try port 2525"), "25 by default; change it to 587", a
 * denied recommendation in a list of alternatives, a list of examples
 * ("such as 26, 2525 or 8025"), worded several ways, in either order. */
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

static const char *const domains[] = {"fernleigh.example.org", "cobalt-isp.example.net", "orchard-uni.example.edu",
                                      "minamino.example.jp", "kawase-net.example.ne.jp"};

/* One server's offer: its two ports, their security, and the one wanted. */
struct offer {
	const char *proto; /* "IMAP", "POP3", "SMTP" */
	int port[2], sec[2]; /* [0] implicit TLS, [1] plain or STARTTLS */
	int want;            /* index of the port the page gives */
};

static const char *sec_word(int sec, bool ja)
{
	return sec == MP_SEC_TLS ? "SSL/TLS" : sec == MP_SEC_STARTTLS ? "STARTTLS" : ja ? "暗号化なし" : "no encryption";
}

/* The two ports of one server, in order first then the other, one of
 * them maybe with the page's word on it. */
static void ports(mp_buf *b, struct offer *o, bool ja, bool items)
{
	static const char *const en_pref[] = {"recommended", "preferred", "the port we recommend"};
	static const char *const en_weak[] = {"deprecated", "not recommended"};
	static const char *const ja_pref[] = {"推奨", "おすすめ"};
	int first = (int)rnd(2), word = (int)rnd(3); /* 0 none, 1 prefer, 2 discourage */
	int marked = (int)rnd(2);                      /* the port the word is on */
	o->want = word == 1 ? marked : word == 2 ? 1 - marked : 0;
	for (int k = 0; k < 2; k++) {
		int i = k ? 1 - first : first;
		const char *w = "";
		char note[64] = "";
		if (word && i == marked) {
			w = word == 1 ? (ja ? PICK(ja_pref) : PICK(en_pref)) : ja ? "非推奨" : PICK(en_weak);
			snprintf(note, sizeof note, ja ? "※%s" : " - %s", w);
		}
		const char *sw = sec_word(o->sec[i], ja);
		if (items && ja)
			mp_buf_printf(b, "・ポート%d - %s（%s）%s\n", o->port[i], o->proto, sw, note);
		else if (items)
			mp_buf_printf(b, rnd(2) ? "  * Port %d - %s over %s%s\n" : "  * %d: %s (%s)%s\n", o->port[i], o->proto, sw,
			              note);
		else if (ja)
			mp_buf_printf(b, "%sポート：%d（%s）%s\n", strcmp(o->proto, "SMTP") ? "受信" : "送信", o->port[i], sw, note);
		else
			mp_buf_printf(b, "Port: %d (%s)%s\n", o->port[i], sw, note);
	}
}

static void notice(mp_buf *b, struct offer *in, struct offer *out, char *in_host, char *out_host, size_t hn)
{
	bool ja = rnd(3) == 0, items = rnd(2);
	const char *d = PICK(domains);
	bool imap = rnd(2);
	*in = (struct offer){imap ? "IMAP" : "POP3", {imap ? 993 : 995, imap ? 143 : 110}, {MP_SEC_TLS, MP_SEC_NONE}, 0};
	if (rnd(2))
		in->sec[1] = MP_SEC_STARTTLS;
	*out = (struct offer){"SMTP", {465, 587}, {MP_SEC_TLS, MP_SEC_STARTTLS}, 0};
	snprintf(in_host, hn, "%s.%s", imap ? "imap" : "pop", d);
	snprintf(out_host, hn, "smtp.%s", d);
	mp_buf_printf(b, ja ? "メール設定のご案内（%s）\n\n" : "Mail settings for %s\n\n", d);
	if (ja)
		mp_buf_printf(b, "受信メールサーバー（%s）：%s\n", in->proto, in_host);
	else
		mp_buf_printf(b, "Incoming mail server (%s): %s\n", in->proto, in_host);
	ports(b, in, ja, items);
	mp_buf_printf(b, ja ? "\n送信メールサーバー（SMTP）：%s\n" : "\nOutgoing mail server (SMTP): %s\n", out_host);
	ports(b, out, ja, items);
}

static bool got(const mp_server *s, mp_protocol p, const char *host, const struct offer *o)
{
	int i = o->want;
	return s->protocol == p && s->host.v && strcmp(s->host.v, host) == 0 && s->port.set &&
	       s->port.v == o->port[i] && s->security.set && s->security.v == o->sec[i];
}

/* Generated offers read back: every case's incoming and sending server
 * with the port and security the generator marked as the one to take. */
typedef void offers_fn(mp_buf *b, struct offer *in, struct offer *out, char *in_host, char *out_host, size_t hn);

static void offers_hold(offers_fn *gen, uint64_t seed, const char *name)
{
	rng = seed;
	int n = 300, right = 0, shown = 0;
	for (int i = 0; i < n; i++) {
		mp_buf b = {0};
		struct offer in, out;
		char in_host[80], out_host[80];
		gen(&b, &in, &out, in_host, out_host, sizeof in_host);
		mailprof_diags *d;
		mailprof_status st;
		mailprof_profile *p = t_parse_str(b.s, "ports.txt", "notice", &d, &st);
		const mp_account *a = st == MAILPROF_OK && p && p->naccounts == 1 ? &p->accounts[0] : NULL;
		bool ok = a && a->nincoming == 1 && a->noutgoing == 1 &&
		          got(&a->incoming[0], strcmp(in.proto, "IMAP") ? MP_PROTO_POP3 : MP_PROTO_IMAP, in_host, &in) &&
		          got(&a->outgoing[0], MP_PROTO_SMTP, out_host, &out);
		if (ok)
			right++;
		else if (shown++ < 3)
			cr_log_info("%s case %d read wrong:\n%s", name, i, b.s);
		mailprof_profile_free(p);
		mailprof_diags_free(d);
		mp_buf_free(&b);
	}
	cr_log_info("notice %s: %d/%d read right", name, right, n);
	cr_assert_eq(right, n, "only %d of %d %s cases read right", right, n, name);
}

Test(notice_ports, offered_ports_chosen, .timeout = 120)
{
	offers_hold(notice, 0x7f4a11c93be20d55ULL, "offered ports");
}

static const char *const months[] = {"May", "June", "Sept", "October", "Feb"};
static const char *const programs[] = {"Outlook", "Windows", "Thunderbird", "Office", "version"};

/* The intro: numbers a port label may stand before that are no ports. */
static void intro(mp_buf *b, const char *d)
{
	mp_buf_printf(b, "Mail settings for %s (updated %s %u, %u)\n", d, PICK(months), 1 + rnd(28), 2000 + rnd(25));
	mp_buf_printf(b, "Set the port numbers as below; in %s %u look under Advanced. Hosting from $%u a month.\n\n",
	              PICK(programs), 10 + rnd(2010), 10 + rnd(80));
}

static void ssl_apart(mp_buf *b, struct offer *in, struct offer *out, char *in_host, char *out_host, size_t hn)
{
	static const char *const ssl_titles[] = {"Secure (SSL) setup", "Using SSL", "Encrypted connections (SSL/TLS)",
	                                         "SSL Email Setup"};
	static const char *const ssl_lines[] = {"Use SSL: On", "SSL: Yes", "Encryption: SSL", "Use SSL/TLS: Yes"};
	static const char *const steps[] = {"Select \"Use SSL\" for incoming and outgoing mail, then set the ports:",
	                                    "Turn on SSL for both incoming and outgoing mail and make sure the ports read:"};
	const char *d = PICK(domains);
	bool imap = rnd(2);
	*in = (struct offer){imap ? "IMAP" : "POP3", {imap ? 993 : 995, imap ? 143 : 110}, {MP_SEC_TLS, MP_SEC_TLS}, 0};
	*out = (struct offer){"SMTP", {465, 587}, {MP_SEC_TLS, MP_SEC_TLS}, 0};
	snprintf(in_host, hn, "%s.%s", imap ? "imap" : "pop", d);
	snprintf(out_host, hn, "smtp.%s", d);
	intro(b, d);
	mp_buf_printf(b, "Incoming mail server (%s): %s\n", in->proto, in_host);
	bool sections = rnd(2);
	if (sections) {
		mp_buf_printf(b, "Outgoing mail server (SMTP): %s\n\nThe ports are:\n", out_host);
		mp_buf_printf(b, "  - %s: %d\n  - SMTP: %d\n\n%s\n%s\n", in->proto, in->port[1], out->port[1], PICK(ssl_titles),
		              PICK(steps));
		mp_buf_printf(b, "  - %s: %d\n  - SMTP: %d\n", in->proto, in->port[0], out->port[0]);
	} else {
		int f = (int)rnd(2);
		mp_buf_printf(b, "Port: %d or %d\n%s\n", in->port[f], in->port[1 - f], PICK(ssl_lines));
		f = (int)rnd(2);
		mp_buf_printf(b, "\nOutgoing mail server (SMTP): %s\nPort: %d or %d\n%s\n", out_host, out->port[f],
		              out->port[1 - f], PICK(ssl_lines));
	}
	if (rnd(2))
		mp_buf_printf(b, "If you have trouble sending on port %d, try port 2525.\n", sections ? 465 : out->port[0]);
}

Test(notice_ports, ssl_said_apart_names_the_implicit_tls_port, .timeout = 120)
{
	offers_hold(ssl_apart, 0x2c9e5a0b71d34f87ULL, "ssl-apart ports");
}

/* One sending server's ports said in prose; returns the port the page gives. */
static int prose_ports(mp_buf *b)
{
	static const char *const recs[] = {"We recommend", "We strongly recommend", "It is recommended"};
	static const char *const weak[] = {"is legacy but still works", "is deprecated", "is not recommended any more"};
	static const char *const trouble[] = {"If you have trouble sending on port", "If it does not work for you on port"};
	int form = (int)rnd(6), secure = rnd(2) ? 465 : 587, other = secure == 465 ? 587 : 465;
	switch (form) {
	case 0: /* a recommendation, the other port after it or before it */
		if (rnd(2))
			mp_buf_printf(b, "%s that you send on port %d. Port %d is still accepted for older programs.\n", PICK(recs), secure,
			              other);
		else
			mp_buf_printf(b, "Port %d is still accepted for older programs. %s that you send on port %d.\n", other, PICK(recs),
			              secure);
		return secure;
	case 1: /* a discouragement */
		mp_buf_printf(b, "Port %d %s. Please send on port %d.\n", other, PICK(weak), secure);
		return secure;
	case 2: /* a fallback */
		mp_buf_printf(b, "Use port %d for sending. %s %d, try port 2525.\n", secure, PICK(trouble), secure);
		return secure;
	case 3: /* the old value changed */
		mp_buf_printf(b, "Your mail program may set the outgoing port to 25 out of the box; %s %d.\n",
		              rnd(2) ? "change it to" : "set it to", secure);
		return secure;
	case 4: /* a denied recommendation among alternatives */
		mp_buf_printf(b, "Port: either 26, 2525 or 8025 (port 25 is supported but %s recommended)\n",
		              rnd(2) ? "not usually" : "not generally");
		return 26;
	default: /* a list of examples, then the setting */
		mp_buf_printf(b, "Pick an alternative port such as 26, 2525 or 8025. Customers of ours set the outgoing port to %d.\n",
		              secure);
		return secure;
	}
}

Test(notice_ports, words_on_ports_in_prose, .timeout = 120)
{
	rng = 0x51d0c3e97a2b6f14ULL;
	int n = 300, right = 0, shown = 0;
	for (int i = 0; i < n; i++) {
		mp_buf b = {0};
		const char *d = PICK(domains);
		char host[80];
		snprintf(host, sizeof host, "smtp.%s", d);
		mp_buf_printf(&b, "Mail settings for %s\n\nOutgoing mail server (SMTP): %s\n", d, host);
		int want = prose_ports(&b);
		mailprof_diags *dg;
		mailprof_status st;
		mailprof_profile *p = t_parse_str(b.s, "ports.txt", "notice", &dg, &st);
		const mp_account *a = st == MAILPROF_OK && p && p->naccounts == 1 ? &p->accounts[0] : NULL;
		const mp_server *s = a && a->noutgoing == 1 ? &a->outgoing[0] : NULL;
		bool ok = s && s->host.v && strcmp(s->host.v, host) == 0 && s->port.set && s->port.v == want;
		if (ok)
			right++;
		else if (shown++ < 3)
			cr_log_info("prose ports case %d read wrong (want %d):\n%s", i, want, b.s);
		mailprof_profile_free(p);
		mailprof_diags_free(dg);
		mp_buf_free(&b);
	}
	cr_log_info("notice prose ports: %d/%d read right", right, n);
	cr_assert_eq(right, n, "only %d of %d prose-port cases read right", right, n);
}
