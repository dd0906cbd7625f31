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

struct mp_format {
	const char *name;       /* --from / --to spelling */
	const char *aliases;    /* space-separated other spellings, may be NULL */
	const char *extensions; /* space-separated, with dot: ".xml .ini" */
	const char *summary;    /* one line for `mailprof formats` */
	mp_sniff_fn sniff;      /* NULL: detected by extension only */
	mp_parse_fn parse;      /* NULL: output only */
	mp_emit_fn emit;        /* NULL: input only */
};

const struct mp_format *mp_format_find(const char *name_or_alias);
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
