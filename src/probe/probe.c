/* mailprof_probe_run: every server of every account, then the test mail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/rand.h>

#include "check.h"
#include "probe/probe.h"

struct mailprof_probe {
	mailprof_probe_server *v;
	size_t n;
	char **strs; /* every string the results point at */
	size_t nstrs;
};

static const char *keep(mailprof_probe *r, const char *s)
{
	if (!s || !*s)
		return NULL;
	r->strs = mp_xgrow(r->strs, r->nstrs, sizeof *r->strs);
	return r->strs[r->nstrs++] = mp_xstrdup(s);
}

static const char *const states[] = {
	[MP_CONN_OK] = "ok", [MP_CONN_REFUSED] = "refused", [MP_CONN_TIMEOUT] = "timeout",
	[MP_CONN_TLS] = "tls-failed", [MP_CONN_NO_STARTTLS] = "no-starttls", [MP_CONN_LOGIN] = "ok",
	[MP_CONN_PROTOCOL] = "protocol", [MP_CONN_OTHER] = "error",
};

/* One server as the probe sees it. */
struct target {
	const mp_server *s;
	const char *addr;
	mp_security sec;
	int port;
	mailprof_probe_server *res;
	mailprof_probe *owner; /* keeps the result's strings */
	bool needs_login, logged_in;
	char opt[40], method[24];
};

static int sec_of(const mp_server *s)
{
	if (s->security.set)
		return s->security.v;
	return s->port.set && mp_port_is_implicit_tls(s->port.v) ? MP_SEC_TLS : MP_SEC_NONE;
}

static const char *user_of(const struct target *t)
{
	return t->s->username.v && *t->s->username.v && !mp_has_placeholder(t->s->username.v) ? t->s->username.v
	                                                                                     : t->addr;
}

/* A value that goes into a protocol command line (user name, address):
 * printable, no space or line break, so it cannot start another command. */
static bool one_word(const char *s, const char *also_bad)
{
	if (!s || !*s)
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p >= 0x7f || strchr(also_bad, *p))
			return false;
	return true;
}

static void label(const struct target *t, char *out, size_t n)
{
	snprintf(out, n, "%s %s:%d", mp_protocol_name(t->s->protocol), t->s->host.v, t->port);
}

/* Port 25 that takes no authenticated mail: is the submission port of the
 * same host there with AUTH (OP25B)? */
static void op25b(const mp_net *net, struct target *t, const mp_conn *c, const mp_caps *post,
                  mailprof_diags *d)
{
	if (t->s->protocol != MP_PROTO_SMTP || t->port != 25)
		return;
	const char *why = c->result == MP_CONN_REFUSED   ? "refuses the connection"
	                  : c->result == MP_CONN_TIMEOUT ? "does not answer"
	                  : c->result == MP_CONN_OK && !post->auth ? "offers no SMTP-AUTH"
	                                                           : NULL;
	if (!why)
		return;
	static const struct {
		int port;
		mp_security sec;
	} alt[] = {{587, MP_SEC_STARTTLS}, {465, MP_SEC_TLS}};
	for (size_t i = 0; i < MP_COUNT(alt); i++) {
		mp_conn a;
		mp_caps pre, post2;
		mp_session_open(net, MP_PROTO_SMTP, alt[i].sec, t->s->host.v, alt[i].port, false, NULL, NULL, NULL, &a);
		mp_caps_parse(MP_PROTO_SMTP, a.transcript ? a.transcript : "", &pre, &post2);
		bool ok = a.result == MP_CONN_OK && post2.auth;
		mp_conn_free(&a);
		if (ok) {
			MP_PROBE_FIND(probe_op25b, &t->s->loc,
			     "smtp %s:25 %s (as with Outbound Port 25 Blocking); port %d with %s offers AUTH %s: send "
			     "through %d",
			     t->s->host.v, why, alt[i].port, alt[i].sec == MP_SEC_TLS ? "TLS" : "STARTTLS", post2.mechs,
			     alt[i].port);
			return;
		}
	}
}

static void probe_server(const mp_net *net, const mailprof_probe_options *o, struct target *t,
                         mailprof_diags *d)
{
	const mp_server *s = t->s;
	mp_conn c;
	mp_caps pre, post;
	mp_session_open(net, s->protocol, t->sec, s->host.v, t->port, false, NULL, NULL, NULL, &c);
	mp_caps_parse(s->protocol, c.transcript ? c.transcript : "", &pre, &post);
	mp_probe_conn_findings(s, &c, &pre, &post, net->timeout, d);
	op25b(net, t, &c, &post, d);

	mailprof_probe_server *r = t->res;
	r->state = states[c.result];
	const mp_caps *caps = t->sec == MP_SEC_NONE ? &pre : &post;
	mailprof_probe *owner = t->owner;
	r->account = keep(owner, t->addr);
	if (c.tls) {
		r->tls_version = keep(owner, c.tls_version);
		r->cert_subject = keep(owner, c.cert.subject);
		r->cert_issuer = keep(owner, c.cert.issuer);
		r->cert_expiry = keep(owner, c.cert.not_after);
	}
	r->capabilities = keep(owner, caps->words);
	r->auth_mechanisms = keep(owner, caps->mechs);
	r->size_limit = caps->size;

	/* Log in only where the password is safe: over TLS to a server whose
	 * certificate a client would accept. */
	bool safe = c.result == MP_CONN_OK && c.tls && c.cert.present && c.cert.trusted && c.cert.host_ok &&
	            c.cert.seconds_left >= 0 && !c.cert.not_yet_valid;
	char login[300] = "";
	bool wants = o->password && mp_probe_wants_login(s, caps);
	t->needs_login = mp_probe_wants_login(s, caps);
	if (wants && !safe && c.result == MP_CONN_OK)
		snprintf(login, sizeof login, "login not tried: %s", t->sec == MP_SEC_NONE ? "no TLS" : "certificate refused");
	if (wants && safe && !one_word(user_of(t), "")) {
		safe = false;
		snprintf(login, sizeof login, "login not tried: the user name is empty or holds spaces or control characters");
	}
	bool method = safe && mp_probe_login_method(s, caps, t->opt, sizeof t->opt, t->method, sizeof t->method);
	if (wants && safe && !method)
		snprintf(login, sizeof login, "login not tried: no method the profile allows is offered");
	if (wants && method) {
		mp_conn l;
		mp_session_open(net, s->protocol, t->sec, s->host.v, t->port, true, user_of(t), o->password, t->opt, &l);
		if (l.method[0]) /* what curl actually used */
			memcpy(t->method, l.method, sizeof t->method);
		const char *m = t->method;
		r->login_method = keep(owner, m);
		char who[300], reply[200];
		label(t, who, sizeof who);
		if (l.result == MP_CONN_OK) {
			r->login = 1;
			t->logged_in = true;
			snprintf(login, sizeof login, "logged in as %s with %s", user_of(t), m);
		} else {
			r->login = 0;
			snprintf(login, sizeof login, "login as %s with %s failed", user_of(t), m);
			mp_last_reply(l.transcript ? l.transcript : "", reply, sizeof reply);
			if (l.result == MP_CONN_LOGIN)
				MP_PROBE_FIND(probe_login_failed, &s->loc, "%s: login as %s with %s refused: %s", who, user_of(t), m,
				     reply[0] ? reply : l.error);
			else
				MP_PROBE_FIND(probe_login_failed, &s->loc, "%s: login as %s with %s failed: %s", who, user_of(t), m,
				     l.error);
		}
		mp_conn_free(&l);
	}
	if (c.result == MP_CONN_OK || c.result == MP_CONN_LOGIN)
		mp_probe_server_report(s, &c, caps, login, d);
	mp_conn_free(&c);
}

/* RFC 5322 date, in English whatever the locale. */
static void rfc5322_date(char *out, size_t n)
{
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	snprintf(out, n, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday % 7], tm.tm_mday,
	         months[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void sleep_s(double s)
{
	struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
	nanosleep(&ts, NULL);
}

/* Send a message to the account's own address through the first outgoing
 * server that took the login, then wait until each incoming server that
 * took it lists the message. */
static void send_test(const mp_net *net, const mailprof_probe_options *o, const mp_account *a,
                      const char *addr, struct target *tg, size_t ntg, mailprof_diags *d)
{
	struct target *out = NULL;
	for (size_t i = 0; i < ntg && !out; i++)
		if (tg[i].s->protocol == MP_PROTO_SMTP && (tg[i].logged_in || (!tg[i].needs_login &&
		                                                             tg[i].res->state &&
		                                                             strcmp(tg[i].res->state, "ok") == 0)))
			out = &tg[i];
	if (!out) {
		MP_PROBE_FIND(probe_send_failed, &a->loc, "%s: no test mail sent: no outgoing server took the login", addr);
		return;
	}
	unsigned char rnd[8];
	if (RAND_bytes(rnd, sizeof rnd) != 1)
		memset(rnd, 0, sizeof rnd);
	char token[40] = "mailprof-probe-";
	for (size_t i = 0; i < sizeof rnd; i++)
		snprintf(token + strlen(token), sizeof token - strlen(token), "%02x", rnd[i]);
	const char *dom = strchr(addr, '@');
	char date[64];
	rfc5322_date(date, sizeof date);
	char *msg = mp_xasprintf("From: <%s>\r\nTo: <%s>\r\nSubject: %s\r\nMessage-ID: <%s@%s>\r\nDate: %s\r\n"
	                         "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
	                         "A test message from `mailprof probe --send-test`: it went out\r\n"
	                         "through the outgoing server and was read back through the incoming\r\n"
	                         "server. It may be deleted.\r\n",
	                         addr, addr, token, token, dom ? dom + 1 : "mailprof.invalid", date);
	char who[300];
	label(out, who, sizeof who);
	mp_conn c;
	double t0 = mp_probe_now();
	mp_session_send(net, out->sec, out->s->host.v, out->port, out->logged_in ? user_of(out) : NULL,
	                out->logged_in ? o->password : NULL, out->opt, addr, msg, strlen(msg), &c);
	free(msg);
	if (c.result != MP_CONN_OK) {
		char reply[200];
		mp_last_reply(c.transcript ? c.transcript : "", reply, sizeof reply);
		MP_PROBE_FIND(probe_send_failed, &out->s->loc, "%s: the test mail to %s was not accepted: %s", who, addr,
		     reply[0] ? reply : c.error);
		mp_conn_free(&c);
		return;
	}
	mp_conn_free(&c);
	double wait = o->wait > 0 ? o->wait : 60;
	struct target *reader = NULL; /* the first incoming server that read it */
	for (size_t i = 0; i < ntg; i++) {
		struct target *in = &tg[i];
		if (in->s->protocol == MP_PROTO_SMTP || !in->logged_in)
			continue;
		char inwho[300];
		label(in, inwho, sizeof inwho);
		int found = 0;
		char err[200] = "";
		while (!found && mp_probe_now() - t0 < wait) {
			found = mp_session_find(net, in->s->protocol, in->sec, in->s->host.v, in->port, user_of(in),
			                        o->password, in->opt, token, &c);
			if (found < 0)
				snprintf(err, sizeof err, "%s", c.error);
			mp_conn_free(&c);
			if (!found)
				sleep_s(0.5);
		}
		if (found == 1) {
			if (!reader)
				reader = in;
			in->res->round_trip = mp_probe_now() - t0;
			MP_PROBE_FIND(probe_round_trip, &in->s->loc, "%s: the test mail sent through %s arrived after %.1f s", inwho,
			     who, in->res->round_trip);
		} else {
			MP_PROBE_FIND(probe_send_failed, &in->s->loc, "%s: the test mail sent through %s did not arrive within %g s%s%s",
			     inwho, who, wait, err[0] ? ": " : "", err);
		}
	}
	/* Once every incoming server had its look, the test mail goes: a
	 * mailbox probed every night must not fill up with them. */
	if (reader) {
		char inwho[300];
		label(reader, inwho, sizeof inwho);
		int gone = mp_session_remove(net, reader->s->protocol, reader->sec, reader->s->host.v, reader->port,
		                             user_of(reader), o->password, reader->opt, token, &c);
		if (gone == 2)
			MP_PROBE_FIND(probe_round_trip, &reader->s->loc,
			              "%s: the test mail (Subject mailprof-probe-...) is flagged \\Deleted but not "
			              "expunged: the server does not offer UIDPLUS (RFC 4315), and a plain EXPUNGE would "
			              "also remove the messages marked deleted by the user; it goes at the mailbox's "
			              "next expunge",
			              inwho);
		else if (gone != 1)
			MP_PROBE_FIND(probe_round_trip, &reader->s->loc,
			              "%s: the test mail (Subject mailprof-probe-...) could not be removed from the "
			              "mailbox%s%s",
			              inwho, gone < 0 ? ": " : "", gone < 0 ? c.error : "");
		mp_conn_free(&c);
	}
}

int mailprof_probe_available(char *why, size_t n)
{
	const char *e = mp_session_global_init();
	if (why && n)
		snprintf(why, n, "%s", e ? e : "");
	return !e;
}

mailprof_probe *mailprof_probe_run(const mailprof_profile *p, const mailprof_probe_options *o,
                                   mailprof_diags *d)
{
	mailprof_probe_options def = {0};
	if (!o)
		o = &def;
	mailprof_probe *r = mp_xcalloc(1, sizeof *r);
	/* Without libcurl no server is tried: one finding says why, rather than
	 * a protocol error per server. */
	const char *unavailable = mp_session_global_init();
	if (unavailable) {
		mp_diag(d, MAILPROF_ERROR, "probe-unavailable", p && p->naccounts ? &p->accounts[0].loc : NULL,
		        "install libcurl4 (the probe loads libcurl.so.4 when it starts)", "the probe cannot run: %s",
		        unavailable);
		return r;
	}
	mp_net net = {.timeout = o->timeout > 0 ? o->timeout : 10, .ca_file = o->ca_file, .connect_to = o->connect_to};
	for (size_t ai = 0; p && ai < p->naccounts; ai++) {
		const mp_account *a = &p->accounts[ai];
		const char *addr = a->email.v && *a->email.v && !mp_has_placeholder(a->email.v) ? a->email.v : o->email;
		size_t ns = a->nincoming + a->noutgoing, nt = 0;
		struct target *tg = mp_xcalloc(ns ? ns : 1, sizeof *tg);
		for (size_t k = 0; k < ns; k++) {
			const mp_server *s = k < a->nincoming ? &a->incoming[k] : &a->outgoing[k - a->nincoming];
			/* a server without a usable host is the checker's finding (MP034, MP032) */
			if (!s->host.v || !*s->host.v || mp_has_placeholder(s->host.v) || mp_host_problem(s->host.v))
				continue;
			struct target *t = &tg[nt];
			t->s = s;
			t->addr = addr ? addr : "";
			t->sec = (mp_security)sec_of(s);
			t->port = s->port.set ? s->port.v : mp_default_port(s->protocol, t->sec);
			t->owner = r;
			if (t->port < 1 || t->port > 65535)
				continue; /* MP010's finding */
			nt++;
			r->v = mp_xgrow(r->v, r->n, sizeof *r->v);
			mailprof_probe_server *res = &r->v[r->n++];
			memset(res, 0, sizeof *res);
			res->protocol = mp_protocol_name(s->protocol);
			res->host = keep(r, s->host.v);
			res->port = t->port;
			res->security = mp_security_name(t->sec);
			res->loc = s->loc;
			res->login = -1;
			res->round_trip = -1;
			res->size_limit = -1;
		}
		/* r->v may move while it grows: point the targets at their rows now. */
		for (size_t k = 0; k < nt; k++)
			tg[k].res = &r->v[r->n - nt + k];
		for (size_t k = 0; k < nt; k++)
			probe_server(&net, o, &tg[k], d);
		if (o->send_test && o->password) {
			if (addr && strchr(addr, '@') && one_word(addr, "<>()[],;:\\\""))
				send_test(&net, o, a, addr, tg, nt, d);
			else
				MP_PROBE_FIND(probe_send_failed, &a->loc, "no test mail sent: the account has no usable address (use --email)");
		}
		free(tg);
	}
	mp_config_apply(p, o->config, d);
	return r;
}

size_t mailprof_probe_count(const mailprof_probe *r)
{
	return r ? r->n : 0;
}

const mailprof_probe_server *mailprof_probe_get(const mailprof_probe *r, size_t i)
{
	return r && i < r->n ? &r->v[i] : NULL;
}

void mailprof_probe_free(mailprof_probe *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nstrs; i++)
		free(r->strs[i]);
	free(r->strs);
	free(r->v);
	free(r);
}
