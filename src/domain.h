/* Domain facts shared by readers, rules and fixes (base layer): host name,
 * address and placeholder syntax, and width folding. */
#ifndef MP_DOMAIN_H
#define MP_DOMAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "internal.h"

/* A %NAME% placeholder (autoconfig's %EMAILADDRESS%...) in s. */
bool mp_has_placeholder(const char *s);
/* An upper-case template token (PRIMARY_HOSTNAME, YOURDOMAIN) in s. */
bool mp_template_token(const char *s);

/* Full-width forms typed with an IME (U+3000, U+3002, U+FF01..U+FF61). */
bool mp_has_fullwidth(const char *h);
/* Full-width ASCII forms (U+FF01..U+FF5E) and ideographic/half-width full
 * stops to ASCII, the ideographic space dropped: a new string, or NULL
 * when nothing changed. */
char *mp_fold_width(const char *h);
bool mp_has_non_ascii(const char *h);
/* A scheme, path, query or '@': a URL or address where a host belongs. */
bool mp_looks_like_url(const char *h);
/* Why h is not a valid LDH host name, or NULL. Placeholders count as one
 * label character each, since the client substitutes them. */
const char *mp_host_problem(const char *h);
/* True for an IPv4 dotted quad or a bracketed/colon IPv6 literal. */
bool mp_host_is_ip(const char *h);
/* Registrable part of a domain ("mail.example.co.jp" -> "example.co.jp"),
 * approximated without the Public Suffix List; points into d. */
const char *mp_registrable(const char *d);
/* Is the n bytes at s (any case) a top-level domain of the root zone, an
 * IDN one (xn--...), or a special-use name a network may resolve (local,
 * localhost, internal, home.arpa's arpa...)? */
bool mp_tld_known(const char *s, size_t n);
/* Why e is not a valid addr-spec (RFC 5322 dot-atom local part, LDH
 * domain), or NULL; dots and non-ASCII are left to their own rules. */
const char *mp_address_problem(const char *e);

#endif
