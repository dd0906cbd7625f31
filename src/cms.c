/* CMS unwrapping for signed .mobileconfig files. MDM servers and Apple
 * Configurator sign profiles (SignedData, the plist as encapsulated
 * content). We check that the signature matches the content using the
 * signer certificate carried in the message; we do not judge whether that
 * certificate is trusted (that needs the device's trust store), and say so. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

#include "cms.h"

/* "CN=…" (or the whole one-line name) of the first signer, for the report. */
static char *signer_name(CMS_ContentInfo *cms)
{
	STACK_OF(X509) *signers = CMS_get0_signers(cms);
	char *name = NULL;
	if (signers && sk_X509_num(signers) > 0) {
		X509_NAME *subj = X509_get_subject_name(sk_X509_value(signers, 0));
		char cn[256];
		if (X509_NAME_get_text_by_NID(subj, NID_commonName, cn, sizeof cn) > 0) {
			name = mp_xstrdup(cn);
		} else {
			char *line = X509_NAME_oneline(subj, NULL, 0);
			name = mp_xstrdup(line ? line : "?");
			OPENSSL_free(line);
		}
	}
	sk_X509_free(signers);
	return name ? name : mp_xstrdup("an unnamed signer");
}

char *mp_cms_unwrap(const char *buf, size_t len, const char *path, size_t *out_len,
                    mailprof_diags *d)
{
	mailprof_loc l = {path, 0, 0};
	if (len > INT_MAX) {
		mp_diag(d, MAILPROF_ERROR, "mobileconfig-signed", &l, NULL, "signed profile too large");
		return NULL;
	}
	BIO *in = BIO_new_mem_buf(buf, (int)len);
	CMS_ContentInfo *cms = in ? d2i_CMS_bio(in, NULL) : NULL;
	BIO_free(in);
	if (!cms) {
		ERR_clear_error();
		mp_diag(d, MAILPROF_ERROR, "mobileconfig-signed", &l,
		        "export the profile again, signed or as plain XML",
		        "starts like a signed profile (DER) but is not a readable CMS message");
		return NULL;
	}
	char *content = NULL;
	int type = OBJ_obj2nid(CMS_get0_type(cms));
	if (type == NID_pkcs7_enveloped) {
		mp_diag(d, MAILPROF_ERROR, "mobileconfig-encrypted", &l,
		        "export the profile unencrypted from the MDM or Apple Configurator",
		        "the profile is encrypted for one device (CMS EnvelopedData): it cannot be read");
		goto done;
	}
	if (type != NID_pkcs7_signed) {
		mp_diag(d, MAILPROF_ERROR, "mobileconfig-signed", &l, NULL,
		        "a CMS message of type %s, not a signed profile", OBJ_nid2sn(type));
		goto done;
	}
	ASN1_OCTET_STRING **pos = CMS_get0_content(cms);
	if (!pos || !*pos) {
		mp_diag(d, MAILPROF_ERROR, "mobileconfig-signed", &l, "sign the profile with its content attached",
		        "detached signature: the message does not hold the profile");
		goto done;
	}
	BIO *out = BIO_new(BIO_s_mem());
	/* NO_SIGNER_CERT_VERIFY: check the signature over the content, not the
	 * certificate chain (no trust store applies here). BINARY: the plist
	 * bytes are signed as they are, no MIME canonicalisation. */
	if (!out || CMS_verify(cms, NULL, NULL, NULL, out, CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) != 1) {
		ERR_clear_error();
		mp_diag(d, MAILPROF_ERROR, "mobileconfig-signature", &l,
		        "get the profile again from its source; do not install this copy",
		        "the signature does not match the content: the profile was changed after signing, "
		        "or the signature is broken");
		BIO_free(out);
		goto done;
	}
	char *data;
	long n = BIO_get_mem_data(out, &data);
	content = mp_xmalloc((size_t)n + 1);
	memcpy(content, data, (size_t)n);
	content[n] = '\0';
	*out_len = (size_t)n;
	BIO_free(out);
	char *who = signer_name(cms);
	mp_diag(d, MAILPROF_INFO, "mobileconfig-signed", &l, NULL,
	        "signed profile, signed by \"%s\"; the signature matches the content (whether the "
	        "signer is trusted is not checked); line numbers below are those of the signed plist",
	        who);
	free(who);
done:
	CMS_ContentInfo_free(cms);
	return content;
}

void mp_sha1(const void *a, size_t alen, const void *b, size_t blen, unsigned char out[20])
{
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	unsigned int n = 20;
	/* Only allocation can fail here; then there is nothing sane to return. */
	if (!c || EVP_DigestInit_ex(c, EVP_sha1(), NULL) != 1 || EVP_DigestUpdate(c, a, alen) != 1 ||
	    EVP_DigestUpdate(c, b, blen) != 1 || EVP_DigestFinal_ex(c, out, &n) != 1)
		abort();
	EVP_MD_CTX_free(c);
}
