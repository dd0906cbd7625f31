/* The format table. Adding a format is one file (defining mp_format_<id>)
 * plus one MP_FORMAT(<id>) line in formats.def. */
#ifndef MP_FORMAT_H
#define MP_FORMAT_H

#include "model.h"

/* Parse len bytes of buf into p. path is interned in p (use it in locations).
 * Returns MAILPROF_OK when a usable model was read. */
typedef mailprof_status (*mp_parse_fn)(mailprof_profile *p, const char *buf, size_t len,
                                       const char *path, const mailprof_options *opt,
                                       mailprof_diags *d);
/* Append p's representation to out; report lossy points as info findings. */
typedef mailprof_status (*mp_emit_fn)(const mailprof_profile *p, const mailprof_options *opt,
                                      mp_buf *out, mailprof_diags *d);
/* How sure are we that buf is this format: 0 (no) .. 100 (certain). */
typedef int (*mp_sniff_fn)(const char *buf, size_t len);

/* What the client that reads a written file needs (docs/formats.md,
 * "What each client requires"). mailprof_emit fills a missing value from a
 * documented default with a warning, or refuses the target (error). */
enum {
	MP_REQ_HOST = 1,       /* every written server has a host name */
	MP_REQ_PORT = 2,       /* ... a port */
	MP_REQ_SECURITY = 4,   /* ... a transport security */
	MP_REQ_AUTH = 8,       /* ... a login method */
	MP_REQ_USER = 16,      /* ... a user name when it logs in with a password */
	MP_REQ_INCOMING = 32,  /* an account has an incoming server */
	MP_REQ_OUTGOING = 64,  /* an account has an outgoing server */
	MP_REQ_LITERAL = 128,  /* the client substitutes no %EMAILADDRESS%-style placeholder */
	MP_REQ_FIRST = 256,    /* only the first account is written (and checked) */
	MP_REQ_USER_IN = 512   /* MP_REQ_USER for incoming servers only */
};


/* Which servers a format writes (bit 1 << mp_protocol). */
#define MP_WRITES(proto) (1u << (proto))
#define MP_WRITES_ALL (MP_WRITES(MP_PROTO_IMAP) | MP_WRITES(MP_PROTO_POP3) | MP_WRITES(MP_PROTO_SMTP))

struct mp_format {
	const char *name;       /* --from / --to spelling */
	const char *aliases;    /* space-separated other spellings, may be NULL */
	const char *extensions; /* space-separated, with dot: ".xml .ini" */
	const char *summary;    /* one line for `mailprof formats` */
	mp_sniff_fn sniff;      /* NULL: detected by extension only */
	mp_parse_fn parse;      /* NULL: output only */
	mp_emit_fn emit;        /* NULL: input only */
	const char *client;     /* who reads written files ("Thunderbird"); NULL: mailprof itself */
	unsigned requires;      /* MP_REQ_* of that client */
	unsigned writes;        /* MP_WRITES() of the servers written; 0: all */
	/* The client substitutes Thunderbird's placeholders in files of this
	 * format when reading them (autoconfig); a placeholder read from a
	 * format whose client does not is a finding (MP049). */
	bool substitutes;
};

const struct mp_format *mp_format_find(const char *name_or_alias);
/* A copy of p in which every value f's client requires is set (from a
 * documented default, with a warning in d), or NULL when one cannot be
 * (error findings in d): the target is refused. require.c */
mailprof_profile *mp_emit_prepare(const mailprof_profile *p, const struct mp_format *f,
                                  mailprof_diags *d);
/* mailprof_parse's reader part: detect the format when NULL, dispatch.
 * *read tells whether a reader ran (false: no format, or write-only). */
mailprof_status mp_format_parse(mailprof_profile *p, const char *buf, size_t len, const char *path,
                                const char *format, const mailprof_options *opt, mailprof_diags *d,
                                bool *read);
const struct mp_format *mp_format_at(size_t i);

/* For emitters of one-account formats: the first account, with an info
 * finding "<why>; only the first of N is written" when there are more;
 * NULL (and an error finding) when there is none. */
const mp_account *mp_emit_first_account(const mailprof_profile *p, const char *why,
                                        mailprof_diags *d);

/* Sniffing helpers: skip BOM and whitespace; find the XML root element. */
const char *mp_skip_bom_ws(const char *buf, size_t len, size_t *rest);
/* Copies the local name of the first element (after prolog, comments,
 * doctype) into name; returns false when buf does not start like XML. */
bool mp_xml_root_name(const char *buf, size_t len, char *name, size_t cap);

#endif
