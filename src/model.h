/* The common account model. Transparent inside the library, opaque to
 * users of mailprof.h. Every value carries the place it was read from, so
 * findings can point at the input. */
#ifndef MP_MODEL_H
#define MP_MODEL_H

#include <stdbool.h>

#include "internal.h"

/* A string value; v == NULL means unset (distinct from ""). */
typedef struct {
	char *v;
	mailprof_loc loc;
} mp_str;

/* An integer, enum or boolean value; set == false means unset. */
typedef struct {
	bool set;
	int v;
	mailprof_loc loc;
} mp_int;

typedef enum { MP_PROTO_IMAP = 1, MP_PROTO_POP3, MP_PROTO_SMTP } mp_protocol;

typedef enum { MP_SEC_NONE = 0, MP_SEC_STARTTLS, MP_SEC_TLS } mp_security;

typedef enum {
	MP_AUTH_NONE = 0,
	MP_AUTH_PASSWORD_CLEARTEXT,
	MP_AUTH_PASSWORD_ENCRYPTED,
	MP_AUTH_NTLM,
	MP_AUTH_GSSAPI,
	MP_AUTH_OAUTH2,
	MP_AUTH_CLIENT_CERT,
	MP_AUTH_CLIENT_IP,
	MP_AUTH_SMTP_AFTER_POP,
	MP_AUTH__COUNT
} mp_auth;

#define MP_MAX_AUTH 12

typedef struct mailprof_server {
	mp_protocol protocol;
	mailprof_loc loc; /* where the server's definition starts */
	mp_str host;
	mp_int port;
	mp_int security; /* mp_security */
	mp_auth auth[MP_MAX_AUTH]; /* ordered, most preferred first */
	size_t nauth;
	mailprof_loc auth_loc;
	mp_str username;
	mp_str password; /* a secret: never in diagnostics */
} mp_server;

typedef struct mailprof_account {
	mailprof_loc loc;
	mp_str email;
	mp_str display_name;
	mp_str provider_id;
	mp_str provider_name;
	mp_str provider_short_name;
	mp_str *domains;
	size_t ndomains;
	mp_server *incoming;
	size_t nincoming;
	mp_server *outgoing;
	size_t noutgoing;
	mp_int pop_leave_on_server; /* bool */
	mp_int pop_leave_days;
	/* Read from a letter to the user (a provider notice), not a profile:
	 * its password is there to be typed, so MP030 does not apply. */
	bool from_notice;
	/* Name of the format the account was read from (static; NULL when built
	 * in code): whether its client substitutes %EMAILADDRESS% (MP049). */
	const char *format;
	/* autoconfig: <domain purpose="mx"> entries (the MX host's domain, not
	 * an address domain: never written as a plain <domain>). */
	mp_str *mx_domains;
	size_t nmx_domains;
	/* autoconfig elements mailprof does not model but keeps for autoconfig
	 * output, as libxml2 serialised them: inside <emailProvider>
	 * (documentation, ...) and beside it in <clientConfig> (addressbook,
	 * calendar, fileShare, oAuth2, clientConfigUpdate, ...). */
	mp_str *ac_provider_xml;
	size_t nac_provider_xml;
	mp_str *ac_root_xml;
	size_t nac_root_xml;
} mp_account;

/* An inline `mailprof-disable ID: reason` marker found in the input text. */
typedef struct {
	char id[40];       /* rule ID or name */
	const char *file;  /* interned */
	int line;          /* the marker's own line */
	int target;        /* line whose findings it silences; 0 = whole file */
	bool reason;       /* a reason follows the ID */
} mp_suppression;

/* An identity a document declares that must be unique across a batch: a
 * mobileconfig's top-level PayloadIdentifier (installing a second profile
 * with it replaces the first) and its PayloadUUIDs. mailprof_batch_add
 * compares them across files (MP048). */
typedef struct {
	const char *kind;  /* static: "PayloadIdentifier", "PayloadUUID" */
	char *value;
	mailprof_loc loc;
} mp_doc_id;

/* A PayloadUUID key of an XML plist as its text shows it (mobileconfig),
 * recorded by the reader before the XML is parsed, so MP035 can check the
 * UUIDs even of a document that is not well-formed. */
typedef struct {
	char *value;      /* the bytes up to the next '<' (NUL added); NULL: no <string> follows */
	size_t len;
	mailprof_loc loc; /* the key's line */
} mp_uuid_mark;

struct mailprof_profile {
	mp_suppression *supp;
	size_t nsupp;
	mp_doc_id *doc_ids;
	size_t ndoc_ids;
	mp_uuid_mark *uuid_marks;
	size_t nuuid_marks;
	mp_account *accounts;
	size_t naccounts;
	/* File names referenced by mailprof_loc.file; owned here. */
	char **files;
	size_t nfiles;
};

/* Record a document identity (kind is a static string; value is copied). */
void mp_profile_doc_id(mailprof_profile *p, const char *kind, const char *value,
                       const mailprof_loc *loc);

/* Record a PayloadUUID key (value NULL when no string follows; len bytes). */
void mp_profile_uuid_mark(mailprof_profile *p, const char *value, size_t len,
                          const mailprof_loc *loc);

/* Intern a file name so locations can point at it for the profile's life. */
const char *mp_profile_file(mailprof_profile *p, const char *path);

mp_account *mp_account_add(mailprof_profile *p);
mp_server *mp_server_add(mp_account *a, mp_protocol proto); /* incoming or outgoing by proto */
void mp_domain_add(mp_account *a, const char *d, const mailprof_loc *loc);
/* Append a string to a growable mp_str array (domains, kept XML). */
void mp_strv_add(mp_str **v, size_t *n, const char *s, const mailprof_loc *loc);

/* ---- placeholders ----
 * Thunderbird substitutes %EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN%
 * and %REALNAME% in autoconfig values; no other client does. */
/* The first of the four in s (its name without the %), or NULL. */
const char *mp_placeholder_in(const char *s);
/* s with every placeholder replaced (malloc'd); %REALNAME% only when name
 * is set. NULL when s holds none. */
char *mp_placeholder_expand(const char *s, const char *email, const char *name);
/* Substitute in every value of every account of p (address, names, hosts,
 * user names, domains). An account without an address gets email (and
 * name, when it has none); one with an address keeps it, and its
 * placeholders take its own address and name. Returns the number of changes. */
size_t mp_profile_substitute(mailprof_profile *p, const char *email, const char *name);

void mp_str_set(mp_str *s, const char *v, const mailprof_loc *loc);
void mp_str_setn(mp_str *s, const char *v, size_t n, const mailprof_loc *loc);
void mp_str_clear(mp_str *s);
void mp_int_set(mp_int *i, int v, const mailprof_loc *loc);
/* For the lossless writers (INI, JSON): true when every string value is
 * text their readers accept (mp_text_check); else an error finding
 * "<format>-unwritable" for each value that is not, and false. Passwords are
 * looked at only when they are written. */
bool mp_profile_text_ok(const mailprof_profile *p, const char *format, bool secrets,
                        mailprof_diags *d);
/* Add an auth method once (duplicates ignored); false if the list is full. */
bool mp_server_add_auth(mp_server *s, mp_auth a);
bool mp_server_has_auth(const mp_server *s, mp_auth a);
/* True when the server logs in with a password (cleartext or challenge). */
bool mp_server_uses_password(const mp_server *s);
/* True when the server identifies the user at all (password, OAuth2,
 * Kerberos or a client certificate). */
bool mp_server_logs_in(const mp_server *s);

/* Names used by every format that spells them the model's way (INI, JSON). */
const char *mp_protocol_name(mp_protocol p);
bool mp_protocol_parse(const char *s, mp_protocol *out);
const char *mp_security_name(mp_security s);
bool mp_security_parse(const char *s, mp_security *out);
const char *mp_auth_name(mp_auth a);
bool mp_auth_parse(const char *s, mp_auth *out);
/* Port facts: the implicit-TLS ports (465, 993, 995) and the ports that
 * start in plain text and upgrade with STARTTLS (25, 110, 143, 587). */
bool mp_port_is_implicit_tls(int port);
bool mp_port_is_starttls(int port);
/* Well-known port for protocol and security (e.g. IMAP+TLS = 993). */
int mp_default_port(mp_protocol p, mp_security s);

/* Deep copy of an account into another profile (locations re-interned). */
void mp_account_copy(mailprof_profile *dst, const mp_account *src);
void mp_account_free(mp_account *a);

#endif
