/* Network I/O of the probe, through libcurl: it speaks IMAP, POP3 and SMTP
 * with implicit TLS or STARTTLS, SASL and the protocols' own logins, with a
 * timeout on each step. What the server says is kept as a transcript (its
 * lines, and the verbs of our commands, never their arguments) for caps.c;
 * the certificate comes from the TLS session itself (cert.c).
 *
 * libcurl is loaded on the first probe (dlopen of its versioned soname),
 * not linked: linked, it and the thirty libraries it needs were mapped and
 * relocated by every run of every command (6 ms and 6 MB at start-up, twice
 * what the rest of mailprof needs). Without it, each connection fails with
 * a message that says so. */
#include <curl/curl.h>
#include <dlfcn.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "probe/probe.h"

#define MAX_TRANSCRIPT (64 * 1024)
#define MAX_BODY (256 * 1024)

struct xfer {
	mp_protocol proto;
	/* the TLS session when its handshake completed (info_cb) */
	bool tls_started, tls;
	char tls_version[16];
	X509 *leaf;
	STACK_OF(X509) *chain;
	mp_buf t;    /* transcript */
	mp_buf body; /* what a command returned (search results, message list) */
	const char *up;
	size_t uplen, upoff;
	/* Per-step timeout: a step (connect, TLS handshake, a reply) is the
	 * time without a byte from the server since the last thing we sent. */
	double timeout, last;
	bool idle; /* progress_cb stopped the transfer for it */
};

/* The libcurl functions the probe calls (the OpenSSL build: ctx_cb hands
 * libcurl's SSL_CTX to OpenSSL). */
#define LIBCURL_SONAME "libcurl.so.4"
static struct {
	CURLcode (*global_init)(long flags);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *h, CURLoption opt, ...);
	CURLcode (*easy_perform)(CURL *h);
	CURLcode (*easy_getinfo)(CURL *h, CURLINFO info, ...);
	void (*easy_cleanup)(CURL *h);
	const char *(*easy_strerror)(CURLcode rc);
	struct curl_slist *(*slist_append)(struct curl_slist *l, const char *s);
	void (*slist_free_all)(struct curl_slist *l);
} cu;
static char cu_missing[160]; /* why libcurl could not be loaded, or "" */

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int ctx_index = -1;

/* dlsym(lib, name) into the function pointer at slot (POSIX: a symbol's
 * address fits one). */
static bool bind_sym(void *lib, const char *name, void *slot)
{
	void *sym = dlsym(lib, name);
	if (!sym) {
		snprintf(cu_missing, sizeof cu_missing, "%s lacks %s: install libcurl4", LIBCURL_SONAME, name);
		return false;
	}
	memcpy(slot, &sym, sizeof sym);
	return true;
}

static bool load_curl(void)
{
	void *lib = dlopen(LIBCURL_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		const char *e = dlerror();
		snprintf(cu_missing, sizeof cu_missing, "libcurl could not be loaded (%s): install libcurl4",
		         e ? e : LIBCURL_SONAME);
		return false;
	}
	return bind_sym(lib, "curl_global_init", &cu.global_init) &&
	       bind_sym(lib, "curl_easy_init", &cu.easy_init) &&
	       bind_sym(lib, "curl_easy_setopt", &cu.easy_setopt) &&
	       bind_sym(lib, "curl_easy_perform", &cu.easy_perform) &&
	       bind_sym(lib, "curl_easy_getinfo", &cu.easy_getinfo) &&
	       bind_sym(lib, "curl_easy_cleanup", &cu.easy_cleanup) &&
	       bind_sym(lib, "curl_easy_strerror", &cu.easy_strerror) &&
	       bind_sym(lib, "curl_slist_append", &cu.slist_append) &&
	       bind_sym(lib, "curl_slist_free_all", &cu.slist_free_all);
}

static void global_init(void)
{
	if (load_curl())
		cu.global_init(CURL_GLOBAL_DEFAULT);
	ctx_index = SSL_CTX_get_ex_new_index(0, NULL, NULL, NULL, NULL);
}

/* libcurl 7.88 gives no SSL pointer back for a connect-only IMAP/POP3/SMTP
 * connection (CURLINFO_TLS_SSL_PTR has no internals), so the session is
 * caught as its handshake completes: version, certificate and chain. */
static void info_cb(const SSL *ssl, int where, int ret)
{
	(void)ret;
	struct xfer *x = SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), ctx_index);
	if (x && (where & SSL_CB_HANDSHAKE_START))
		x->tls_started = true; /* so TCP is connected: a timeout now is TLS's */
	if (!x || !(where & SSL_CB_HANDSHAKE_DONE) || x->tls)
		return;
	x->tls = true;
	snprintf(x->tls_version, sizeof x->tls_version, "%s", SSL_get_version(ssl));
	x->leaf = SSL_get1_peer_certificate(ssl);
	STACK_OF(X509) *ch = SSL_get_peer_cert_chain(ssl);
	x->chain = ch ? X509_chain_up_ref(ch) : NULL;
}

static CURLcode ctx_cb(CURL *h, void *sslctx, void *u)
{
	(void)h;
	SSL_CTX_set_ex_data(sslctx, ctx_index, u);
	SSL_CTX_set_info_callback(sslctx, info_cb);
	return CURLE_OK;
}

const char *mp_session_global_init(void)
{
	pthread_once(&once, global_init);
	return cu_missing[0] ? cu_missing : NULL;
}

/* Commands whose verb may be recorded. Anything else the client sends (a
 * SASL continuation: base64 of a user name or password) is not. */
static const char *const verbs[] = {
	"CAPABILITY", "CAPA", "STARTTLS", "STLS", "EHLO", "HELO", "LOGIN", "AUTHENTICATE", "AUTH",
	"USER", "PASS", "APOP", "SELECT", "EXAMINE", "SEARCH", "UID", "FETCH", "LIST", "TOP", "RETR",
	"STAT", "NOOP", "LOGOUT", "QUIT", "MAIL", "RCPT", "DATA", "RSET",
};

static void out_verb(struct xfer *x, const char *s, size_t n)
{
	const char *e = s + n, *p = s;
	if (x->proto == MP_PROTO_IMAP) { /* skip the tag */
		while (p < e && *p != ' ')
			p++;
		while (p < e && *p == ' ')
			p++;
	}
	const char *v = p;
	while (p < e && *p != ' ' && *p != '\r' && *p != '\n')
		p++;
	size_t vn = (size_t)(p - v);
	for (size_t i = 0; i < MP_COUNT(verbs); i++) {
		if (strlen(verbs[i]) != vn || mp_strncasecmp(v, verbs[i], vn) != 0)
			continue;
		mp_buf_puts(&x->t, "> ");
		mp_buf_add(&x->t, verbs[i], vn);
		if (strcmp(verbs[i], "AUTH") == 0 || strcmp(verbs[i], "AUTHENTICATE") == 0) {
			/* the mechanism: letters, digits and '-' only, so never a secret */
			while (p < e && *p == ' ')
				p++;
			const char *m = p;
			while (p < e && ((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-'))
				p++;
			if (p > m && p - m < 24 && (p == e || *p == ' ' || *p == '\r')) {
				mp_buf_putc(&x->t, ' ');
				mp_buf_add(&x->t, m, (size_t)(p - m));
			}
		}
		mp_buf_putc(&x->t, '\n');
		return;
	}
}

static int debug_cb(CURL *h, curl_infotype type, char *data, size_t size, void *u)
{
	(void)h;
	struct xfer *x = u;
	if (type != CURLINFO_TEXT)
		x->last = mp_probe_now(); /* bytes came or went: a new step */
	if (x->t.len > MAX_TRANSCRIPT)
		return 0;
	if (type == CURLINFO_HEADER_OUT) {
		out_verb(x, data, size);
	} else if (type == CURLINFO_HEADER_IN) {
		for (size_t i = 0; i < size;) {
			size_t j = i;
			while (j < size && data[j] != '\n')
				j++;
			size_t n = j - i;
			if (n && data[i + n - 1] == '\r')
				n--;
			/* a line that starts with '>' would pass for one of our markers */
			if (n && data[i] == '>')
				mp_buf_putc(&x->t, ' ');
			for (size_t k = 0; k < n; k++)
				mp_buf_putc(&x->t, data[i + k] ? data[i + k] : '?');
			mp_buf_putc(&x->t, '\n');
			i = j + 1;
		}
	}
	return 0;
}

/* Called about twice a second whatever happens (also while connecting):
 * the step timeout. libcurl's own timeouts cover the whole connect phase
 * (TCP, TLS, greeting, capabilities, STARTTLS, login) as one. */
static int progress_cb(void *u, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow)
{
	(void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
	struct xfer *x = u;
	if (mp_probe_now() - x->last <= x->timeout)
		return 0;
	x->idle = true;
	return 1;
}

static size_t write_cb(char *p, size_t size, size_t nmemb, void *u)
{
	struct xfer *x = u;
	size_t n = size * nmemb;
	if (x->body.len + n > MAX_BODY)
		return 0; /* bounded: a huge listing ends the transfer */
	mp_buf_add(&x->body, p, n);
	return n;
}

static size_t read_cb(char *p, size_t size, size_t nmemb, void *u)
{
	struct xfer *x = u;
	size_t n = size * nmemb, left = x->uplen - x->upoff;
	if (n > left)
		n = left;
	memcpy(p, x->up + x->upoff, n);
	x->upoff += n;
	return n;
}

static const char *scheme(mp_protocol proto, mp_security sec)
{
	bool tls = sec == MP_SEC_TLS;
	switch (proto) {
	case MP_PROTO_IMAP: return tls ? "imaps" : "imap";
	case MP_PROTO_POP3: return tls ? "pop3s" : "pop3";
	default: return tls ? "smtps" : "smtp";
	}
}

static char *make_url(mp_protocol proto, mp_security sec, const char *host, int port, const char *path)
{
	bool v6 = strchr(host, ':') && host[0] != '[';
	return mp_xasprintf("%s://%s%s%s:%d/%s", scheme(proto, sec), v6 ? "[" : "", host, v6 ? "]" : "",
	                    port, path ? path : "");
}

/* A handle set up for one server: timeouts, TLS, transcript. */
static CURL *handle(const mp_net *n, struct xfer *x, mp_security sec, bool verify,
                    struct curl_slist **connect_to, char *errbuf)
{
	CURL *h = cu.easy_init();
	if (!h)
		return NULL;
	long ms = (long)(n->timeout * 1000);
	cu.easy_setopt(h, CURLOPT_NOSIGNAL, 1L); /* threads: no SIGALRM for name lookups */
	cu.easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
	/* the steps are timed by progress_cb; these bound the whole exchange */
	cu.easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, ms * 6);
	cu.easy_setopt(h, CURLOPT_TIMEOUT_MS, ms * 6);
	cu.easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
	cu.easy_setopt(h, CURLOPT_XFERINFOFUNCTION, progress_cb);
	cu.easy_setopt(h, CURLOPT_XFERINFODATA, x);
	x->timeout = n->timeout;
	x->last = mp_probe_now();
	cu.easy_setopt(h, CURLOPT_VERBOSE, 1L);        /* feeds debug_cb; nothing is printed */
	cu.easy_setopt(h, CURLOPT_DEBUGFUNCTION, debug_cb);
	cu.easy_setopt(h, CURLOPT_DEBUGDATA, x);
	cu.easy_setopt(h, CURLOPT_WRITEFUNCTION, write_cb);
	cu.easy_setopt(h, CURLOPT_WRITEDATA, x);
	cu.easy_setopt(h, CURLOPT_USE_SSL, sec == MP_SEC_STARTTLS ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_NONE);
	cu.easy_setopt(h, CURLOPT_SSL_VERIFYPEER, verify ? 1L : 0L);
	cu.easy_setopt(h, CURLOPT_SSL_VERIFYHOST, verify ? 2L : 0L);
	if (n->ca_file && *n->ca_file)
		cu.easy_setopt(h, CURLOPT_CAINFO, n->ca_file);
	cu.easy_setopt(h, CURLOPT_SSL_CTX_FUNCTION, ctx_cb);
	cu.easy_setopt(h, CURLOPT_SSL_CTX_DATA, x);
	cu.easy_setopt(h, CURLOPT_PROTOCOLS_STR, "imap,imaps,pop3,pop3s,smtp,smtps");
	if (n->connect_to && *n->connect_to) {
		char *list = mp_xstrdup(n->connect_to), *save = NULL;
		for (char *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
			*connect_to = cu.slist_append(*connect_to, tok);
		free(list);
		cu.easy_setopt(h, CURLOPT_CONNECT_TO, *connect_to);
	}
	return h;
}

/* Length of the run of digits at s. */
static size_t digits(const char *s)
{
	size_t n = 0;
	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

/* Length of "WORD N[ TAIL N] UNIT" at s (all but N literal), or 0. */
static size_t phrase(const char *s, const char *word, const char *tail, const char *unit)
{
	size_t n = strlen(word), d;
	if (strncmp(s, word, n) != 0 || !(d = digits(s + n)))
		return 0;
	n += d;
	if (tail && strncmp(s + n, tail, strlen(tail)) == 0 && (d = digits(s + n + strlen(tail))))
		n += strlen(tail) + d;
	return strncmp(s + n, unit, strlen(unit)) == 0 ? n + strlen(unit) : 0;
}

void mp_curl_message_clean(char *s)
{
	for (char *p = s; *p;) {
		size_t cut = phrase(p, " after ", NULL, " milliseconds");
		if (!cut)
			cut = phrase(p, " after ", NULL, " ms");
		if (!cut)
			cut = phrase(p, " with ", " out of ", " bytes received");
		if (cut)
			memmove(p, p + cut, strlen(p + cut) + 1);
		else
			p++;
	}
}

static void classify(CURL *h, CURLcode rc, struct xfer *x, const char *errbuf,
                     mp_conn *c)
{
	const char *e = errbuf[0] ? errbuf : cu.easy_strerror(rc);
	mp_printable(c->error, sizeof c->error, e, strlen(e));
	mp_curl_message_clean(c->error);
	switch (rc) {
	case CURLE_OK: c->result = MP_CONN_OK; break;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_CONNECT: c->result = MP_CONN_REFUSED; break;
	case CURLE_OPERATION_TIMEDOUT: c->result = MP_CONN_TIMEOUT; break;
	case CURLE_ABORTED_BY_CALLBACK: c->result = x->idle ? MP_CONN_TIMEOUT : MP_CONN_OTHER; break;
	case CURLE_USE_SSL_FAILED: c->result = MP_CONN_NO_STARTTLS; break;
	case CURLE_LOGIN_DENIED: c->result = MP_CONN_LOGIN; break;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE: c->result = MP_CONN_TLS; break;
	case CURLE_WEIRD_SERVER_REPLY: c->result = MP_CONN_PROTOCOL; break;
	default: c->result = MP_CONN_OTHER; break;
	}
	if (c->result == MP_CONN_TIMEOUT) {
		curl_off_t conn = 0;
		cu.easy_getinfo(h, CURLINFO_CONNECT_TIME_T, &conn);
		bool heard = false;
		for (const char *p = x->t.s; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : "")
			if (*p != '>')
				heard = true;
		const char *step = x->tls_started && !x->tls ? "TLS handshake"
		                   : !conn && !heard && !x->tls_started ? "TCP connect"
		                   : !heard ? "the greeting"
		                            : "a reply";
		snprintf(c->step, sizeof c->step, "%s", step);
	}
}

/* TLS version and certificate facts of the session info_cb caught. */
static void tls_facts(struct xfer *x, const char *host, const mp_net *n, mp_conn *c)
{
	if (!x->tls)
		return;
	c->tls = true;
	memcpy(c->tls_version, x->tls_version, sizeof c->tls_version);
	mp_cert_facts_get(x->leaf, x->chain, host, n->ca_file, (int64_t)time(NULL), &c->cert);
}

static void xfer_free(struct xfer *x)
{
	X509_free(x->leaf);
	sk_X509_pop_free(x->chain, X509_free);
	mp_buf_free(&x->t);
	mp_buf_free(&x->body);
}

/* The login method from the transcript: the last AUTH/AUTHENTICATE
 * mechanism, or LOGIN / USER / APOP. */
static void method_used(const char *t, char *out, size_t n)
{
	out[0] = '\0';
	for (const char *p = t; p && *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len > 2 && p[0] == '>') {
			const char *v = p + 2;
			size_t vl = len - 2;
			if (vl > 5 && strncmp(v, "AUTH ", 5) == 0)
				snprintf(out, n, "%.*s", (int)(vl - 5), v + 5);
			else if (vl > 13 && strncmp(v, "AUTHENTICATE ", 13) == 0)
				snprintf(out, n, "%.*s", (int)(vl - 13), v + 13);
			else if ((vl == 5 && strncmp(v, "LOGIN", 5) == 0) || (vl == 4 && strncmp(v, "USER", 4) == 0) ||
			         (vl == 4 && strncmp(v, "APOP", 4) == 0))
				snprintf(out, n, "%.*s", (int)vl, v);
		}
		p = e ? e + 1 : NULL;
	}
}

static void credentials(CURL *h, const char *user, const char *password, const char *login_opt)
{
	if (!user || !password)
		return;
	cu.easy_setopt(h, CURLOPT_USERNAME, user);
	cu.easy_setopt(h, CURLOPT_PASSWORD, password);
	if (login_opt && *login_opt)
		cu.easy_setopt(h, CURLOPT_LOGIN_OPTIONS, login_opt);
	cu.easy_setopt(h, CURLOPT_SASL_IR, 1L);
}

double mp_probe_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One libcurl handle's life: set up for a server, used, summed up in an
 * mp_conn. */
struct session {
	struct xfer x;
	char errbuf[CURL_ERROR_SIZE];
	struct curl_slist *connect_to;
	double t0;
	CURL *h;
};

static bool session_start(struct session *ss, const mp_net *n, mp_protocol proto, mp_security sec,
                          bool verify, const char *user, const char *password, const char *login_opt,
                          mp_conn *c)
{
	memset(c, 0, sizeof *c);
	memset(ss, 0, sizeof *ss);
	pthread_once(&once, global_init);
	if (cu_missing[0]) {
		c->result = MP_CONN_OTHER;
		snprintf(c->error, sizeof c->error, "%s", cu_missing);
		return false;
	}
	ss->x.proto = proto;
	ss->t0 = mp_probe_now();
	ss->h = handle(n, &ss->x, sec, verify, &ss->connect_to, ss->errbuf);
	if (!ss->h) {
		c->result = MP_CONN_OTHER;
		snprintf(c->error, sizeof c->error, "libcurl could not start");
		return false;
	}
	credentials(ss->h, user, password, login_opt);
	return true;
}

static void session_end(struct session *ss, CURLcode rc, mp_conn *c)
{
	classify(ss->h, rc, &ss->x, ss->errbuf, c);
	c->seconds = mp_probe_now() - ss->t0;
	method_used(ss->x.t.s ? ss->x.t.s : "", c->method, sizeof c->method);
	c->transcript = mp_buf_take(&ss->x.t, NULL);
	cu.easy_cleanup(ss->h);
	cu.slist_free_all(ss->connect_to);
	xfer_free(&ss->x);
}

void mp_session_open(const mp_net *n, mp_protocol proto, mp_security sec, const char *host, int port,
                     bool verify, const char *user, const char *password, const char *login_opt,
                     mp_conn *c)
{
	struct session ss;
	if (!session_start(&ss, n, proto, sec, verify, user, password, login_opt, c))
		return;
	char *url = make_url(proto, sec, host, port, NULL);
	cu.easy_setopt(ss.h, CURLOPT_URL, url);
	/* Stop after the protocol's connect phase: greeting, capabilities,
	 * STARTTLS, and the login when credentials are set. */
	cu.easy_setopt(ss.h, CURLOPT_CONNECT_ONLY, 1L);
	CURLcode rc = cu.easy_perform(ss.h);
	tls_facts(&ss.x, host, n, c);
	session_end(&ss, rc, c);
	free(url);
}

void mp_session_send(const mp_net *n, mp_security sec, const char *host, int port, const char *user,
                     const char *password, const char *login_opt, const char *addr, const char *msg,
                     size_t len, mp_conn *c)
{
	struct session ss;
	if (!session_start(&ss, n, MP_PROTO_SMTP, sec, true, user, password, login_opt, c))
		return;
	ss.x.up = msg;
	ss.x.uplen = len;
	char *url = make_url(MP_PROTO_SMTP, sec, host, port, NULL);
	char *from = mp_xasprintf("<%s>", addr);
	struct curl_slist *rcpt = cu.slist_append(NULL, from);
	cu.easy_setopt(ss.h, CURLOPT_URL, url);
	cu.easy_setopt(ss.h, CURLOPT_MAIL_FROM, from);
	cu.easy_setopt(ss.h, CURLOPT_MAIL_RCPT, rcpt);
	cu.easy_setopt(ss.h, CURLOPT_UPLOAD, 1L);
	cu.easy_setopt(ss.h, CURLOPT_READFUNCTION, read_cb);
	cu.easy_setopt(ss.h, CURLOPT_READDATA, &ss.x);
	cu.easy_setopt(ss.h, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	CURLcode rc = cu.easy_perform(ss.h);
	session_end(&ss, rc, c);
	cu.slist_free_all(rcpt);
	free(from);
	free(url);
}

/* Run one request on h (URL and custom command); the body it returned is
 * in x->body. */
static CURLcode request(CURL *h, struct xfer *x, const char *url, const char *custom)
{
	mp_buf_free(&x->body);
	cu.easy_setopt(h, CURLOPT_URL, url);
	cu.easy_setopt(h, CURLOPT_CUSTOMREQUEST, custom);
	return cu.easy_perform(h);
}

/* IMAP: UID SEARCH in INBOX, then fetch the hit to prove it can be read.
 * Returns its UID, or 0. */
static long find_imap(struct session *ss, mp_security sec, const char *host, int port, const char *token,
                      CURLcode *rc)
{
	struct xfer *x = &ss->x;
	char *url = make_url(MP_PROTO_IMAP, sec, host, port, "INBOX");
	char *cmd = mp_xasprintf("UID SEARCH SUBJECT %s", token);
	*rc = request(ss->h, x, url, cmd);
	free(cmd);
	free(url);
	const char *s = x->body.s ? strstr(x->body.s, "* SEARCH") : NULL;
	long uid = 0;
	for (const char *p = s ? s + 8 : NULL; p && *p && *p != '\r' && *p != '\n';) {
		char *end;
		long v = strtol(p, &end, 10);
		if (end == p)
			p++;
		else {
			uid = v; /* the last hit: the newest */
			p = end;
		}
	}
	if (*rc != CURLE_OK || uid <= 0)
		return 0;
	char *path = mp_xasprintf("INBOX/;UID=%ld", uid);
	url = make_url(MP_PROTO_IMAP, sec, host, port, path);
	*rc = request(ss->h, x, url, NULL);
	bool found = *rc == CURLE_OK && x->body.s && strstr(x->body.s, token);
	free(url);
	free(path);
	return found ? uid : 0;
}

/* POP3: a new session sees new mail; the newest messages come last.
 * Returns the message's number in this session, or 0. */
static long find_pop3(struct session *ss, mp_security sec, const char *host, int port, const char *token,
                      CURLcode *rc)
{
	struct xfer *x = &ss->x;
	char *url = make_url(MP_PROTO_POP3, sec, host, port, NULL);
	*rc = request(ss->h, x, url, NULL); /* LIST */
	long count = 0;
	for (const char *p = x->body.s; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : "")
		if (*p >= '0' && *p <= '9')
			count = strtol(p, NULL, 10);
	long found = 0;
	for (long i = count; *rc == CURLE_OK && i > 0 && i > count - 50 && !found; i--) {
		char *cmd = mp_xasprintf("TOP %ld 0", i);
		*rc = request(ss->h, x, url, cmd);
		free(cmd);
		if (*rc == CURLE_OK && x->body.s && strstr(x->body.s, token)) {
			char *one = mp_xasprintf("%ld", i);
			char *u = make_url(MP_PROTO_POP3, sec, host, port, one);
			*rc = request(ss->h, x, u, NULL); /* RETR: read it back whole */
			found = *rc == CURLE_OK && x->body.s && strstr(x->body.s, token) ? i : 0;
			free(u);
			free(one);
		}
	}
	free(url);
	return found;
}

/* Find the message whose Subject holds token; with remove, remove it too. */
static int find_or_remove(const mp_net *n, mp_protocol proto, mp_security sec, const char *host, int port,
                          const char *user, const char *password, const char *login_opt, const char *token,
                          bool remove, mp_conn *c)
{
	struct session ss;
	if (!session_start(&ss, n, proto, sec, true, user, password, login_opt, c))
		return -1;
	CURLcode rc;
	long at = proto == MP_PROTO_IMAP ? find_imap(&ss, sec, host, port, token, &rc)
	                                 : find_pop3(&ss, sec, host, port, token, &rc);
	bool flagged_only = false;
	if (remove && rc == CURLE_OK && at > 0) {
		char *url = make_url(proto, sec, host, port, proto == MP_PROTO_IMAP ? "INBOX" : NULL);
		char *cmd = NULL;
		if (proto == MP_PROTO_IMAP) {
			/* UID EXPUNGE (UIDPLUS, RFC 4315) removes this message only: a
			 * plain EXPUNGE would also remove what the user marked deleted.
			 * Servers list UIDPLUS after login (Dovecot does not before). */
			rc = request(ss.h, &ss.x, url, "CAPABILITY");
			mp_caps caps, unused;
			mp_caps_parse(MP_PROTO_IMAP, ss.x.body.s ? ss.x.body.s : "", &caps, &unused);
			flagged_only = rc == CURLE_OK && !caps.uidplus;
			if (rc == CURLE_OK) {
				cmd = mp_xasprintf("UID STORE %ld +FLAGS.SILENT (\\Deleted)", at);
				rc = request(ss.h, &ss.x, url, cmd);
				free(cmd);
				cmd = flagged_only ? NULL : mp_xasprintf("UID EXPUNGE %ld", at);
			}
		} else {
			/* DELE has a one-line reply; the QUIT that ends the session
			 * commits it (RFC 1939 section 6). */
			cu.easy_setopt(ss.h, CURLOPT_NOBODY, 1L);
			cmd = mp_xasprintf("DELE %ld", at);
		}
		if (rc == CURLE_OK && cmd)
			rc = request(ss.h, &ss.x, url, cmd);
		free(cmd);
		free(url);
	}
	session_end(&ss, rc, c);
	return rc != CURLE_OK ? -1 : at <= 0 ? 0 : flagged_only ? 2 : 1;
}

int mp_session_find(const mp_net *n, mp_protocol proto, mp_security sec, const char *host, int port,
                    const char *user, const char *password, const char *login_opt, const char *token,
                    mp_conn *c)
{
	return find_or_remove(n, proto, sec, host, port, user, password, login_opt, token, false, c);
}

int mp_session_remove(const mp_net *n, mp_protocol proto, mp_security sec, const char *host, int port,
                      const char *user, const char *password, const char *login_opt, const char *token,
                      mp_conn *c)
{
	return find_or_remove(n, proto, sec, host, port, user, password, login_opt, token, true, c);
}

void mp_conn_free(mp_conn *c)
{
	free(c->transcript);
	c->transcript = NULL;
}
