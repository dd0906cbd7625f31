/* Signed configuration profiles: CMS (PKCS #7) SignedData unwrapped and
 * checked with OpenSSL's libcrypto, and SHA-1 for name-based UUIDs. */
#ifndef MP_CMS_H
#define MP_CMS_H

#include <stddef.h>

#include "internal.h"

/* buf holds a DER CMS message. On success returns the signed content
 * (caller frees, *out_len bytes, NUL-terminated) after checking that the
 * signature matches it; reports who signed it as an info finding (id
 * "mobileconfig-signed"). Returns NULL, with an error finding, when buf is
 * not SignedData with content, or the signature does not match. */
char *mp_cms_unwrap(const char *buf, size_t len, const char *path, size_t *out_len,
                    mailprof_diags *d);

/* SHA-1 of the concatenation a || b. */
void mp_sha1(const void *a, size_t alen, const void *b, size_t blen, unsigned char out[20]);

#endif
