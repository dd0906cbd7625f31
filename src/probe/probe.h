/* mailprof probe: a profile against its live servers. Network I/O lives in
 * session.c (libcurl speaks IMAP, POP3 and SMTP with STARTTLS and SASL);
 * the certificate is read and verified with OpenSSL in cert.c; caps.c parses
 * what the servers say, findings.c turns observations into findings, and
 * probe.c (mailprof_probe_run) puts them together. caps.c, cert.c and
 * findings.c do no I/O, so their unit tests need no server. */
#ifndef MP_PROBE_H
#define MP_PROBE_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"

/* ---- what a server offers (caps.c) ---- */
/* len bytes of s into out (n bytes, NUL-terminated, cut to fit; s may be
 * out), control and non-ASCII bytes as '?': what a server or certificate
 * says stays printable ASCII in every report. */
void mp_printable(char *out, size_t n, const char *s, size_t len);

typedef struct {
	bool seen;           /* a capability list was read */
	bool starttls;       /* IMAP/SMTP STARTTLS, POP3 STLS */
	bool login_disabled; /* IMAP LOGINDISABLED */
	bool uidplus;        /* IMAP UIDPLUS (RFC 4315): UID EXPUNGE */
	bool user;           /* POP3 USER */
	bool auth;           /* SMTP AUTH; IMAP AUTH=; POP3 SASL: any mechanism */
	char mechs[160];     /* SASL mechanisms, upper-case, space-separated, in offered order */
	long size;           /* SMTP SIZE; -1 unknown */
	char words[320];     /* the capability words, for the report (bounded) */
} mp_caps;

/* A transcript (session.c) holds the server's lines, in order, with a line
 * "> VERB" where the client sent a command (the verb only: never arguments,
 * so never a secret).
 * Capabilities from the last list in transcript t (or in a reply's body)
 * before the first
 * STARTTLS/STLS command (pre) and from the last list after it (post; equal
 * to pre when TLS was not started). */
void mp_caps_parse(mp_protocol proto, const char *t, mp_caps *pre, mp_caps *post);
bool mp_caps_has_mech(const mp_caps *c, const char *mech);
/* The first line the server sent (its greeting), copied into out (bounded),
 * and whether it is the greeting of proto ("* OK", "+OK", "220"). */
bool mp_greeting(mp_protocol proto, const char *t, char *out, size_t n);
/* The server's last refusal in t (SMTP 4xx/5xx, IMAP NO/BAD, POP3 -ERR),
 * else its last line: the reply to quote in a finding. */
void mp_last_reply(const char *t, char *out, size_t n);

/* ---- the certificate (cert.c) ---- */
typedef struct {
	bool present;
	char subject[200], issuer[200];
	char not_after[32]; /* "2026-11-30 10:00:00 UTC" */
	int64_t seconds_left; /* until notAfter; negative when expired */
	bool not_yet_valid;
	bool host_ok;       /* subjectAltName (or CN) matches the host */
	bool trusted;       /* the chain verifies against the store */
	char why[120];      /* why it is not trusted (OpenSSL's words) */
} mp_cert_facts;

/* Facts about leaf (an X509 *) as sent with chain (a STACK_OF(X509) *, may
 * be NULL) for host, verified against the system store plus ca_file (may be
 * NULL) at time now. void pointers keep OpenSSL out of this header. */
void mp_cert_facts_get(const void *leaf, const void *chain, const char *host, const char *ca_file,
                       int64_t now, mp_cert_facts *out);

/* A finding of a probe rule (rules_probe.c) into the list d in scope. */
#define MP_PROBE_FIND(rule, loc, ...)                                                          \
	mp_diag_rule(d, &mp_rule_##rule.info, mp_rule_##rule.info.severity, loc, __VA_ARGS__)

/* ---- one connection (session.c) ---- */
/* Seconds on the monotonic clock, for timings. */
double mp_probe_now(void);

typedef enum {
	MP_CONN_OK = 0,
	MP_CONN_REFUSED,   /* no TCP connection: refused, unresolved, unreachable */
	MP_CONN_TIMEOUT,   /* a step took longer than the timeout */
	MP_CONN_TLS,       /* TLS handshake failed (not the certificate) */
	MP_CONN_NO_STARTTLS, /* STARTTLS required, not offered */
	MP_CONN_LOGIN,     /* login refused */
	MP_CONN_PROTOCOL,  /* the server did not speak the protocol */
	MP_CONN_OTHER
} mp_conn_result;

typedef struct {
	mp_conn_result result;
	char step[32];      /* for timeouts: "TCP connect", "TLS handshake", "greeting", "reply" */
	char error[200];    /* libcurl's words */
	char *transcript;   /* server lines and "> VERB" markers (malloc'd) */
	bool tls;           /* the connection ended up encrypted */
	char tls_version[16];
	mp_cert_facts cert;
	double seconds;     /* how long it took */
	char method[24];    /* login: the method used ("PLAIN", "LOGIN", "USER") */
} mp_conn;

typedef struct {
	double timeout;      /* per step, seconds */
	const char *ca_file;
	const char *connect_to; /* curl --connect-to list, comma-separated */
} mp_net;

/* Connect to host:port as proto with security sec and read the
 * capabilities; with user and password also log in with login_opt
 * ("AUTH=PLAIN", libcurl's syntax; NULL: libcurl's choice). verify: libcurl
 * checks the certificate (else it is only read, for cert.c). The caller
 * passes a password only with verify, over TLS. Fills c (free with
 * mp_conn_free). */
void mp_session_open(const mp_net *n, mp_protocol proto, mp_security sec, const char *host, int port,
                     bool verify, const char *user, const char *password, const char *login_opt,
                     mp_conn *c);
/* Send msg (len bytes) from addr to addr through an SMTP server
 * (certificate verified; user and password may be NULL). */
void mp_session_send(const mp_net *n, mp_security sec, const char *host, int port, const char *user,
                     const char *password, const char *login_opt, const char *addr, const char *msg,
                     size_t len, mp_conn *c);
/* Log in to an incoming server and look for a message whose Subject holds
 * token. Returns 1 found, 0 not (yet), -1 error (in c). */
int mp_session_find(const mp_net *n, mp_protocol proto, mp_security sec, const char *host, int port,
                    const char *user, const char *password, const char *login_opt, const char *token,
                    mp_conn *c);
/* Remove the message whose Subject holds token, as mp_session_find finds
 * it (IMAP: flagged \Deleted and UID EXPUNGEd; POP3: DELE). Returns 1
 * removed, 0 not found, -1 error (in c), 2 IMAP without UIDPLUS: flagged
 * \Deleted only, as a plain EXPUNGE would also remove what the user
 * marked deleted. */
int mp_session_remove(const mp_net *n, mp_protocol proto, mp_security sec, const char *host, int port,
                      const char *user, const char *password, const char *login_opt, const char *token,
                      mp_conn *c);
void mp_conn_free(mp_conn *c);
/* Once per process, before any other call. Returns why libcurl could not
 * be loaded, or NULL. */
const char *mp_session_global_init(void);
/* Drops what varies between runs from a libcurl message in place ("after 0
 * ms", "after 10001 milliseconds", "with 5 out of 9 bytes received"), so a
 * finding reads the same each run and a baseline of probe findings holds. */
void mp_curl_message_clean(char *s);

/* ---- from observations to findings (findings.c) ---- */
/* Login method for s (the profile's auth) from what the server offers:
 * curl's login option into opt ("AUTH=PLAIN", "AUTH=+LOGIN", "" for POP3
 * USER), its name into name. False when nothing offered fits the profile. */
bool mp_probe_login_method(const mp_server *s, const mp_caps *c, char *opt, size_t nopt, char *name,
                           size_t nname);
/* Whether s logs in with a password: its auth list says so, or it lists
 * none and is an incoming server, or an SMTP server that offers AUTH (c;
 * NULL: not known). */
bool mp_probe_wants_login(const mp_server *s, const mp_caps *c);
/* What the offered mechanisms can do for the profile's auth list, in words. */
const char *mp_probe_auth_words(mp_auth a);

/* The findings of one server's probe connection c (capabilities pre/post TLS). */
void mp_probe_conn_findings(const mp_server *s, const mp_conn *c, const mp_caps *pre,
                            const mp_caps *post, double timeout, mailprof_diags *d);

/* MP063 for a server that answered: TLS, certificate, what it offers, and
 * how the login went (login: words, or NULL when none was tried). */
void mp_probe_server_report(const mp_server *s, const mp_conn *c, const mp_caps *caps, const char *login,
                            mailprof_diags *d);

#endif
