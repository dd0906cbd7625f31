/*
 * mailprof: e-mail account profiles, read from provider notices and client
 * profile formats into one model, checked, and written for mail clients.
 *
 * Contract, for every call below:
 *  - The library never prints and never exits. Out of memory is the one
 *    exception: the allocator aborts (as cmark's does), since no caller can
 *    do better.
 *  - Objects from *_new() and strings from *_emit() belong to the caller;
 *    free them with the matching *_free() / free(). *_free(NULL) is a no-op.
 *  - Getters return borrowed pointers, valid until the owner is changed or
 *    freed.
 *  - What is wrong with the input goes into a mailprof_diags list; the return
 *    status only says whether the call produced a usable result.
 */
#ifndef MAILPROF_H
#define MAILPROF_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define MAILPROF_EXPORT __attribute__((visibility("default")))
#else
#define MAILPROF_EXPORT
#endif

#define MAILPROF_VERSION "0.1.0"

typedef enum {
	MAILPROF_OK = 0,
	MAILPROF_ERR_IO,          /* file could not be read or written */
	MAILPROF_ERR_SYNTAX,      /* not well-formed for its format */
	MAILPROF_ERR_FORMAT,      /* format unknown, or not detected */
	MAILPROF_ERR_UNSUPPORTED, /* format cannot be read / written this way */
	MAILPROF_ERR_INVALID,     /* well-formed but holds no usable account */
	MAILPROF_ERR_ENCODING     /* bytes decode as no known text encoding */
} mailprof_status;

/* Order matters: a higher value is more severe. */
typedef enum {
	MAILPROF_INFO = 0,
	MAILPROF_WARNING = 1,
	MAILPROF_ERROR = 2
} mailprof_severity;

/* Where a value or finding came from. 1-based; 0 means unknown. */
typedef struct {
	const char *file;
	int line;
	int column;
} mailprof_loc;

typedef struct {
	mailprof_severity severity;
	const char *id;      /* stable: a rule ID ("MP001") or parser code */
	const char *name;    /* short kebab-case name, may be NULL */
	mailprof_loc loc;
	const char *message; /* never contains a secret */
	const char *fix;     /* may be NULL */
} mailprof_diag;

typedef struct mailprof_profile mailprof_profile;
typedef struct mailprof_diags mailprof_diags;

/* ---- process-wide setup ----
 * mailprof_global_init() makes libxml2's process-wide settings in one
 * explicit call, as curl_global_init_mem does for curl: a loader that
 * refuses every external entity, an error handler that keeps libxml2 from
 * printing, and with MAILPROF_GLOBAL_XML_CACHE a per-thread cache of small
 * blocks as libxml2's allocator (faster batches of many documents; it
 * replaces the host's own xmlMemSetup, so leave it out when the program
 * uses libxml2 itself with an allocator of its own). Call it first thing
 * in main(), before other threads run and before libxml2 allocates; later
 * calls do nothing. Without it the library still refuses external
 * entities: the loader is set on first use. */
enum {
	MAILPROF_GLOBAL_DEFAULT = 0,
	MAILPROF_GLOBAL_XML_CACHE = 1
};
/* MAILPROF_OK, or MAILPROF_ERR_UNSUPPORTED when libxml2 refused the allocator. */
MAILPROF_EXPORT mailprof_status mailprof_global_init(unsigned flags);

/* ---- profiles ---- */
MAILPROF_EXPORT mailprof_profile *mailprof_profile_new(void);
MAILPROF_EXPORT void mailprof_profile_free(mailprof_profile *p);
MAILPROF_EXPORT size_t mailprof_profile_account_count(const mailprof_profile *p);
/* Deep equality of the account model (locations are not compared). */
MAILPROF_EXPORT int mailprof_profile_equal(const mailprof_profile *a, const mailprof_profile *b);

/* ---- the model: accounts and servers ----
 * Read access to what a parse produced, and building a profile without any
 * text (then check it, or emit it in any format). Accounts and servers are
 * owned by their profile; pointers to them stay valid until another
 * account (or server of the same account) is added, or the profile is
 * freed. Strings returned are borrowed; setters copy theirs. Every getter
 * taking a mailprof_loc *loc fills it (when loc is not NULL) with where the
 * value was read: file, line, column; {NULL, 0, 0} for built values. */
typedef struct mailprof_account mailprof_account;
typedef struct mailprof_server mailprof_server;

typedef enum { MAILPROF_IMAP = 1, MAILPROF_POP3, MAILPROF_SMTP } mailprof_protocol;
typedef enum {
	MAILPROF_SECURITY_NONE = 0, /* plain text */
	MAILPROF_SECURITY_STARTTLS,
	MAILPROF_SECURITY_TLS       /* implicit TLS */
} mailprof_security;
typedef enum {
	MAILPROF_AUTH_NONE = 0,
	MAILPROF_AUTH_PASSWORD_CLEARTEXT,
	MAILPROF_AUTH_PASSWORD_ENCRYPTED,
	MAILPROF_AUTH_NTLM,
	MAILPROF_AUTH_GSSAPI,
	MAILPROF_AUTH_OAUTH2,
	MAILPROF_AUTH_CLIENT_CERT,
	MAILPROF_AUTH_CLIENT_IP,
	MAILPROF_AUTH_SMTP_AFTER_POP
} mailprof_auth;
typedef enum {
	MAILPROF_ACCOUNT_ADDRESS,
	MAILPROF_ACCOUNT_DISPLAY_NAME,
	MAILPROF_ACCOUNT_PROVIDER_ID,
	MAILPROF_ACCOUNT_PROVIDER_NAME,
	MAILPROF_ACCOUNT_PROVIDER_SHORT_NAME
} mailprof_account_field;
typedef enum {
	MAILPROF_SERVER_HOST,
	MAILPROF_SERVER_USERNAME,
	MAILPROF_SERVER_PASSWORD /* a secret: never print it */
} mailprof_server_field;

/* The model's spelling of each value ("imap", "starttls", "oauth2"), as in
 * the INI and JSON formats; NULL for a value out of range. */
MAILPROF_EXPORT const char *mailprof_protocol_name(mailprof_protocol p);
MAILPROF_EXPORT const char *mailprof_security_name(mailprof_security s);
MAILPROF_EXPORT const char *mailprof_auth_name(mailprof_auth a);

/* Reading. i out of range gives NULL. */
MAILPROF_EXPORT const mailprof_account *mailprof_profile_account(const mailprof_profile *p, size_t i);
MAILPROF_EXPORT mailprof_loc mailprof_account_loc(const mailprof_account *a);
/* NULL when unset. */
MAILPROF_EXPORT const char *mailprof_account_get(const mailprof_account *a, mailprof_account_field f,
                                                 mailprof_loc *loc);
/* Incoming (IMAP, POP3) servers, in order of preference; then outgoing (SMTP). */
MAILPROF_EXPORT size_t mailprof_account_incoming_count(const mailprof_account *a);
MAILPROF_EXPORT const mailprof_server *mailprof_account_incoming(const mailprof_account *a, size_t i);
MAILPROF_EXPORT size_t mailprof_account_outgoing_count(const mailprof_account *a);
MAILPROF_EXPORT const mailprof_server *mailprof_account_outgoing(const mailprof_account *a, size_t i);

MAILPROF_EXPORT mailprof_protocol mailprof_server_protocol(const mailprof_server *s);
MAILPROF_EXPORT mailprof_loc mailprof_server_loc(const mailprof_server *s);
/* NULL when unset. */
MAILPROF_EXPORT const char *mailprof_server_get(const mailprof_server *s, mailprof_server_field f,
                                                mailprof_loc *loc);
/* The port, or 0 when unset. */
MAILPROF_EXPORT int mailprof_server_port(const mailprof_server *s, mailprof_loc *loc);
/* A mailprof_security, or -1 when unset. */
MAILPROF_EXPORT int mailprof_server_security(const mailprof_server *s, mailprof_loc *loc);
/* Authentication methods, most preferred first. */
MAILPROF_EXPORT size_t mailprof_server_auth_count(const mailprof_server *s);
MAILPROF_EXPORT mailprof_auth mailprof_server_auth(const mailprof_server *s, size_t i);

/* Building. */
MAILPROF_EXPORT mailprof_account *mailprof_profile_add_account(mailprof_profile *p);
/* v NULL unsets. */
MAILPROF_EXPORT void mailprof_account_set(mailprof_account *a, mailprof_account_field f, const char *v);
/* An IMAP or POP3 server is incoming, SMTP outgoing; NULL for another value. */
MAILPROF_EXPORT mailprof_server *mailprof_account_add_server(mailprof_account *a, mailprof_protocol p);
MAILPROF_EXPORT void mailprof_server_set(mailprof_server *s, mailprof_server_field f, const char *v);
/* 0, or -1 for a port outside 1-65535. */
MAILPROF_EXPORT int mailprof_server_set_port(mailprof_server *s, int port);
/* 0, or -1 for a value that is no mailprof_security. */
MAILPROF_EXPORT int mailprof_server_set_security(mailprof_server *s, mailprof_security sec);
/* Append a method (once); 0, or -1 when out of range or the list is full. */
MAILPROF_EXPORT int mailprof_server_add_auth(mailprof_server *s, mailprof_auth a);

/* ---- diagnostics ---- */
MAILPROF_EXPORT mailprof_diags *mailprof_diags_new(void);
MAILPROF_EXPORT void mailprof_diags_free(mailprof_diags *d);
MAILPROF_EXPORT size_t mailprof_diags_count(const mailprof_diags *d);
MAILPROF_EXPORT const mailprof_diag *mailprof_diags_get(const mailprof_diags *d, size_t i);
/* Highest severity in the list; -1 when empty. */
MAILPROF_EXPORT int mailprof_diags_worst(const mailprof_diags *d);
/* Sort by file, line, column, then rule ID, for deterministic reports. */
MAILPROF_EXPORT void mailprof_diags_sort(mailprof_diags *d);
/* Append a copy of g (every string copied; name and fix may be NULL): a
 * finding read back from a report, e.g. by `mailprof merge`. */
MAILPROF_EXPORT void mailprof_diags_add(mailprof_diags *d, const mailprof_diag *g);

/* ---- formats ---- */
enum {
	MAILPROF_CAN_PARSE = 1,
	MAILPROF_CAN_EMIT = 2
};
/* Iterate formats by index until NULL. */
MAILPROF_EXPORT const char *mailprof_format_name(size_t i);
MAILPROF_EXPORT const char *mailprof_format_summary(const char *name);
MAILPROF_EXPORT unsigned mailprof_format_caps(const char *name);
/* File extensions, space-separated with their dots, usual one first
 * (".ini .conf"); NULL for an unknown format. */
MAILPROF_EXPORT const char *mailprof_format_extensions(const char *name);
/* Canonical name for a name or alias, or NULL. */
MAILPROF_EXPORT const char *mailprof_format_lookup(const char *name_or_alias);
/* Guess from content first, then the path's extension; NULL if nothing fits. */
MAILPROF_EXPORT const char *mailprof_format_detect(const char *buf, size_t len, const char *path);

/* Options shared by parse and emit. Zero-initialise, then set what you need. */
typedef struct {
	const char *encoding;      /* notices: force an input encoding */
	const char *template_path; /* notices: a template file or directory */
	const char *identifier;    /* mobileconfig: PayloadIdentifier prefix */
	int include_secrets;       /* emit passwords (off by default) */
	size_t max_input;          /* bytes read or parsed at most; 0: MAILPROF_MAX_INPUT */
	/* parse: the user's address and name. Every %EMAILADDRESS%,
	 * %EMAILLOCALPART%, %EMAILDOMAIN% (and, with real_name, %REALNAME%) is
	 * substituted: accounts without an address (provider profiles) get
	 * these; an account with its own address uses that one. */
	const char *email;
	const char *real_name;
} mailprof_options;

/* Default input size limit: real profiles and notices are kilobytes, and a
 * limit checked while reading keeps /dev/zero or a huge file from eating
 * memory. */
#define MAILPROF_MAX_INPUT ((size_t)8 << 20)

/*
 * Parse buf (len bytes) as format (NULL: detect) into p, appending accounts.
 * path names the input in locations and diagnostics (may be "-").
 * Returns MAILPROF_OK when at least a usable model was read; on failure p may
 * hold a partial result and is still the caller's to free.
 */
MAILPROF_EXPORT mailprof_status mailprof_parse(mailprof_profile *p, const char *buf, size_t len,
                                               const char *path, const char *format,
                                               const mailprof_options *opt, mailprof_diags *d);
/* "" when s can be given as the user's address (local@domain), else why not. */
MAILPROF_EXPORT const char *mailprof_email_problem(const char *s);
/* Read a whole file (path "-" is stdin) and parse it. Reading stops with an
 * error finding ("input-too-large") past opt->max_input bytes. */
MAILPROF_EXPORT mailprof_status mailprof_parse_file(mailprof_profile *p, const char *path,
                                                    const char *format,
                                                    const mailprof_options *opt, mailprof_diags *d);

/*
 * Emit p in format. On success *out is a malloc'd buffer of *out_len bytes
 * (NUL-terminated too) that the caller frees. Lossy conversions are reported
 * as info findings in d. A value the target's client requires and p lacks is
 * filled from a documented default (warning "default-value") or, when there is
 * none, the target is refused: MAILPROF_ERR_INVALID with an error finding
 * ("required-value"; "placeholder" for a %EMAILADDRESS%-style placeholder that
 * the client would not substitute: parse with options.email first).
 */
MAILPROF_EXPORT mailprof_status mailprof_emit(const mailprof_profile *p, const char *format,
                                              const mailprof_options *opt, char **out,
                                              size_t *out_len, mailprof_diags *d);

/* ---- checker ---- */
typedef struct mailprof_rule_info {
	const char *id;       /* "MP001" */
	const char *name;     /* "smtp-port25-no-auth" */
	mailprof_severity severity;
	const char *summary;  /* one line */
	const char *fix;
	const char *doc;      /* a paragraph, with its source */
} mailprof_rule_info;

MAILPROF_EXPORT size_t mailprof_rule_count(void);
MAILPROF_EXPORT const mailprof_rule_info *mailprof_rule_get(size_t i);
/* Find a rule by ID or name, else a finding code (mailprof_code_get), case-insensitive. */
MAILPROF_EXPORT const mailprof_rule_info *mailprof_rule_find(const char *id_or_name);

/* Every finding code that is not a rule (reader, writer and I/O codes such
 * as "xml-syntax"), documented the same way (id and name are the code).
 * mailprof_rule_find and the configuration accept them too. */
MAILPROF_EXPORT size_t mailprof_code_count(void);
MAILPROF_EXPORT const mailprof_rule_info *mailprof_code_get(size_t i);

/* Run every rule on p, appending findings to d. */
MAILPROF_EXPORT mailprof_status mailprof_check(const mailprof_profile *p, mailprof_diags *d);

/*
 * Apply the safe fixes to p: SMTP on port 25 without authentication becomes
 * 587 + STARTTLS + password-cleartext; full-width host names are folded to
 * ASCII; STARTTLS on an implicit-TLS port becomes TLS. Each change is an info
 * finding (MP046) in d. Returns the number of changes.
 */
MAILPROF_EXPORT size_t mailprof_fix(mailprof_profile *p, mailprof_diags *d);

/* ---- checker configuration: .mailprof.ini, CLI switches, baseline ----
 * A config is read-only while checks run, so threads may share one. */
typedef struct mailprof_check_config mailprof_check_config;
MAILPROF_EXPORT mailprof_check_config *mailprof_check_config_new(void);
MAILPROF_EXPORT void mailprof_check_config_free(mailprof_check_config *c);
/*
 * Read a .mailprof.ini text (path names it in diagnostics):
 *   fail-on = error|warning|info
 *   [rules]    MP007 = off | on | error | warning | info   (ID, name or code)
 *   [hosting]  trusted = host.example, other.example      (repeatable)
 * Returns MAILPROF_ERR_SYNTAX (and findings in d) on unknown keys, rules or values.
 */
MAILPROF_EXPORT mailprof_status mailprof_check_config_parse(mailprof_check_config *c, const char *text,
                                                            size_t len, const char *path,
                                                            mailprof_diags *d);
MAILPROF_EXPORT mailprof_status mailprof_check_config_load(mailprof_check_config *c, const char *path,
                                                           mailprof_diags *d);
/* The nearest .mailprof.ini in dir or a parent (malloc'd path), or NULL. */
MAILPROF_EXPORT char *mailprof_check_config_find(const char *dir);
/* 0, or -1 when rule names no rule. */
MAILPROF_EXPORT int mailprof_check_config_enable(mailprof_check_config *c, const char *rule, int on);
MAILPROF_EXPORT int mailprof_check_config_set_severity(mailprof_check_config *c, const char *rule,
                                                       mailprof_severity s);
MAILPROF_EXPORT void mailprof_check_config_trust(mailprof_check_config *c, const char *domain);
MAILPROF_EXPORT void mailprof_check_config_set_fail_on(mailprof_check_config *c, mailprof_severity s);
MAILPROF_EXPORT mailprof_severity mailprof_check_config_fail_on(const mailprof_check_config *c);
/* Baseline: known findings to ignore, one mailprof_diag_key() per line. */
MAILPROF_EXPORT mailprof_status mailprof_check_config_load_baseline(mailprof_check_config *c,
                                                                    const char *path,
                                                                    mailprof_diags *d);
/* A finding's baseline line "file<TAB>rule<TAB>message" (malloc'd, no
 * newline). Line numbers are left out so edits elsewhere keep it valid. */
MAILPROF_EXPORT char *mailprof_diag_key(const mailprof_diag *g);
/* The settings that change findings (rule switches and severities,
 * trusted hosting domains, baseline), as 16 hex digits (NUL-terminated in
 * out): equal for configs that give the same findings with one version of
 * the library. fail-on is left out: it changes only the exit status. */
MAILPROF_EXPORT void mailprof_check_config_fingerprint(const mailprof_check_config *c, char out[17]);

/*
 * mailprof_check with a configuration (NULL: defaults): disabled rules are
 * skipped, severities changed, and every finding in d (parser findings too)
 * is dropped when an inline `mailprof-disable ID: reason` marker of the
 * input or the baseline covers it. Safe to call from several threads on
 * different profiles.
 */
MAILPROF_EXPORT mailprof_status mailprof_check_with(const mailprof_profile *p,
                                                    const mailprof_check_config *cfg,
                                                    mailprof_diags *d);

/* Cross-file checks over a batch of inputs (duplicate accounts, MP039).
 * Add each file's profile in input order for deterministic findings; a
 * batch is not thread-safe. */
typedef struct mailprof_batch mailprof_batch;
MAILPROF_EXPORT mailprof_batch *mailprof_batch_new(const mailprof_check_config *cfg);
MAILPROF_EXPORT void mailprof_batch_free(mailprof_batch *b);
MAILPROF_EXPORT void mailprof_batch_add(mailprof_batch *b, const mailprof_profile *p, mailprof_diags *d);

/* Length of the valid UTF-8 sequence at s (n bytes available), its code
 * point in *cp; 0 when the bytes are not valid UTF-8 (overlong forms and
 * surrogates are not). For callers that print the strings the library
 * hands over: file names are bytes, whatever the encoding. */
MAILPROF_EXPORT size_t mailprof_utf8_next(const char *s, size_t n, unsigned long *cp);
/* ---- probe: a profile against its live servers ----
 * The only calls of the library that use the network. For every server of
 * every account: connect (a timeout on each step), TLS as the profile says,
 * the certificate verified against the system store (plus ca_file) and the
 * host name, the capabilities read; with a password, log in; with
 * send_test, mail the account's own address and read it back through every
 * incoming server. What the servers contradict becomes findings of the
 * probe rules (MP050-MP065) at each server's line; the password never
 * appears in a finding or a result. Safe to call from several threads;
 * libcurl is set up on first use (its curl_global_init is thread-safe in
 * the versions built with CURL_VERSION_THREADSAFE, Debian's among them). */
typedef struct {
	double timeout;         /* seconds per step (connect, TLS, each reply); <= 0: 10 */
	double wait;            /* send_test: seconds to wait for the mail; <= 0: 60 */
	const char *ca_file;    /* PEM CAs or certificates trusted besides the system store */
	const char *password;   /* log in with it; NULL: do not log in */
	const char *email;      /* the address where an account has none */
	/* "HOST:PORT:CONNECT-HOST:CONNECT-PORT[,...]": connect there instead,
	 * still verifying the certificate for HOST (curl's --connect-to) */
	const char *connect_to;
	int send_test;
	/* Rule switches, severities, the baseline and the profile's inline
	 * markers, applied to the probe's findings as mailprof_check_with applies
	 * them to the checker's; NULL: defaults. */
	const mailprof_check_config *config;
} mailprof_probe_options;

/* One server probed. Strings are borrowed from the result; NULL when unknown. */
typedef struct {
	const char *account;      /* the account's address */
	const char *protocol;     /* "imap", "pop3", "smtp" */
	const char *host;
	int port;
	const char *security;     /* "none", "starttls", "tls" */
	mailprof_loc loc;         /* the server's definition in the input */
	const char *state;        /* "ok", "refused", "timeout", "tls-failed", "no-starttls", "protocol", "error" */
	const char *tls_version;  /* "TLSv1.3" */
	const char *cert_subject, *cert_issuer, *cert_expiry; /* expiry: "YYYY-MM-DD HH:MM:SS UTC" */
	const char *capabilities; /* as offered (after STARTTLS) */
	const char *auth_mechanisms; /* SASL mechanisms, space-separated */
	long size_limit;          /* SMTP SIZE; -1 unknown */
	int login;                /* -1 not tried, 0 refused or failed, 1 logged in */
	const char *login_method; /* "PLAIN", "LOGIN", "USER", ... */
	double round_trip;        /* send_test, incoming servers: seconds; -1 none */
} mailprof_probe_server;

typedef struct mailprof_probe mailprof_probe;
/* The probe talks to servers through libcurl (libcurl.so.4, the OpenSSL
 * build), loaded on first use rather than linked, so programs that never
 * probe do not load it. 1 when it is there; 0, with the reason in why (n
 * bytes, n may be 0), when it cannot be loaded: each server probed then
 * gets that reason as its finding. */
MAILPROF_EXPORT int mailprof_probe_available(char *why, size_t n);
/* Probe every server of p; findings go to d. Never NULL. */
MAILPROF_EXPORT mailprof_probe *mailprof_probe_run(const mailprof_profile *p,
                                                   const mailprof_probe_options *o,
                                                   mailprof_diags *d);
MAILPROF_EXPORT size_t mailprof_probe_count(const mailprof_probe *r);
MAILPROF_EXPORT const mailprof_probe_server *mailprof_probe_get(const mailprof_probe *r, size_t i);
MAILPROF_EXPORT void mailprof_probe_free(mailprof_probe *r);
/* A profile's cross-file identities, for batches checked in parts (a run
 * split across machines, `check --shard`): list each file's keys where it
 * is read, bring them together, add them in input order. mailprof_batch_add
 * is mailprof_profile_batch_keys, then mailprof_batch_add_keys. */
typedef struct {
	const char *rule;  /* ID of the rule that reports a repeat ("MP039", "MP048") */
	const char *key;   /* the identity, normalised: equal keys of one rule are one identity */
	const char *label; /* how a finding names it */
	mailprof_loc loc;  /* where the finding about a repeat goes */
	unsigned group;    /* nonzero: of one profile's keys with the same rule and group,
	                    * only the first repeat is reported (MP039: one per account) */
	int suppressed;    /* an inline marker of the profile silences the rule at loc */
} mailprof_batch_key;

typedef struct mailprof_batch_keys mailprof_batch_keys;
MAILPROF_EXPORT mailprof_batch_keys *mailprof_batch_keys_new(void);
MAILPROF_EXPORT void mailprof_batch_keys_free(mailprof_batch_keys *k);
MAILPROF_EXPORT size_t mailprof_batch_keys_count(const mailprof_batch_keys *k);
MAILPROF_EXPORT const mailprof_batch_key *mailprof_batch_keys_get(const mailprof_batch_keys *k, size_t i);
/* Append a copy of key; 0, or -1 (nothing added) when key->rule names no
 * cross-file rule or a string is NULL. */
MAILPROF_EXPORT int mailprof_batch_keys_add(mailprof_batch_keys *k, const mailprof_batch_key *key);
/* Append p's identities in the order the cross-file rules compare them. */
MAILPROF_EXPORT void mailprof_profile_batch_keys(const mailprof_profile *p, mailprof_batch_keys *k);
/* Compare one profile's keys with those of the earlier calls and append to
 * d the findings mailprof_batch_add would give that profile. */
MAILPROF_EXPORT void mailprof_batch_add_keys(mailprof_batch *b, const mailprof_batch_keys *k,
                                             mailprof_diags *d);

MAILPROF_EXPORT const char *mailprof_strerror(mailprof_status s);
MAILPROF_EXPORT const char *mailprof_severity_name(mailprof_severity s);

#ifdef __cplusplus
}
#endif
#endif
