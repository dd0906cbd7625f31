/* The server certificate, read and verified with OpenSSL: libcurl can only
 * say "verification failed" and then gives no certificate, while a finding
 * must say why (untrusted, wrong host, expired, expiring) and report subject,
 * issuer and expiry. The probe connection reads the certificate without
 * verifying; this file verifies it the way a mail client does (system store
 * plus --ca-file, purpose TLS server, RFC 6125 host matching). */
#include <arpa/inet.h>
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "probe/probe.h"

static void name_line(const X509_NAME *nm, char *out, size_t n)
{
	out[0] = '\0';
	BIO *b = nm ? BIO_new(BIO_s_mem()) : NULL;
	if (!b)
		return;
	/* RFC 2253 with bytes above 0x7f escaped: ASCII whatever the cert holds */
	if (X509_NAME_print_ex(b, nm, 0, XN_FLAG_RFC2253) >= 0) {
		int k = BIO_read(b, out, (int)n - 1);
		out[k > 0 ? k : 0] = '\0';
	}
	BIO_free(b);
	mp_printable(out, n, out, strlen(out));
}

struct verify_state {
	int err; /* first error that is not about time */
};

static int ex_index = -1;
static pthread_once_t ex_once = PTHREAD_ONCE_INIT;

static void ex_init(void)
{
	ex_index = X509_STORE_CTX_get_ex_new_index(0, NULL, NULL, NULL, NULL);
}

/* Keep verifying past time errors: expiry is its own finding (MP055), so
 * "trusted" answers only whether the chain leads to a trusted CA. */
static int verify_cb(int ok, X509_STORE_CTX *ctx)
{
	if (ok)
		return 1;
	int e = X509_STORE_CTX_get_error(ctx);
	if (e == X509_V_ERR_CERT_HAS_EXPIRED || e == X509_V_ERR_CERT_NOT_YET_VALID)
		return 1;
	struct verify_state *st = X509_STORE_CTX_get_ex_data(ctx, ex_index);
	if (st && !st->err)
		st->err = e;
	return 0;
}

static bool host_matches(X509 *leaf, const char *host)
{
	unsigned char addr[16];
	if (inet_pton(AF_INET, host, addr) == 1 || inet_pton(AF_INET6, host, addr) == 1)
		return X509_check_ip_asc(leaf, host, 0) == 1;
	return X509_check_host(leaf, host, 0, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, NULL) == 1;
}

void mp_cert_facts_get(const void *leafp, const void *chainp, const char *host, const char *ca_file,
                       int64_t now, mp_cert_facts *out)
{
	X509 *leaf = (X509 *)leafp;
	STACK_OF(X509) *chain = (STACK_OF(X509) *)chainp;
	memset(out, 0, sizeof *out);
	if (!leaf)
		return;
	out->present = true;
	name_line(X509_get_subject_name(leaf), out->subject, sizeof out->subject);
	name_line(X509_get_issuer_name(leaf), out->issuer, sizeof out->issuer);

	time_t t = (time_t)now;
	const ASN1_TIME *na = X509_get0_notAfter(leaf), *nb = X509_get0_notBefore(leaf);
	struct tm tm;
	if (na && ASN1_TIME_to_tm(na, &tm) == 1)
		strftime(out->not_after, sizeof out->not_after, "%Y-%m-%d %H:%M:%S UTC", &tm);
	ASN1_TIME *at = ASN1_TIME_set(NULL, t);
	int days = 0, secs = 0;
	if (at && na && ASN1_TIME_diff(&days, &secs, at, na) == 1)
		out->seconds_left = (int64_t)days * 86400 + secs;
	ASN1_TIME_free(at);
	out->not_yet_valid = nb && X509_cmp_time(nb, &t) > 0;
	out->host_ok = host && host_matches(leaf, host);

	X509_STORE *store = X509_STORE_new();
	X509_STORE_CTX *ctx = X509_STORE_CTX_new();
	struct verify_state st = {0};
	pthread_once(&ex_once, ex_init);
	if (store && ctx) {
		X509_STORE_set_default_paths(store);
		if (ca_file && *ca_file && X509_STORE_load_file(store, ca_file) != 1)
			snprintf(out->why, sizeof out->why, "--ca-file %s holds no certificate", ca_file);
		X509_STORE_set_verify_cb(store, verify_cb);
		if (X509_STORE_CTX_init(ctx, store, leaf, chain) == 1) {
			X509_STORE_CTX_set_default(ctx, "ssl_server");
			X509_STORE_CTX_set_time(ctx, 0, t);
			X509_STORE_CTX_set_ex_data(ctx, ex_index, &st);
			out->trusted = X509_verify_cert(ctx) == 1;
			int e = st.err ? st.err : X509_STORE_CTX_get_error(ctx);
			if (!out->trusted && !out->why[0])
				snprintf(out->why, sizeof out->why, "%s", X509_verify_cert_error_string(e));
		}
	}
	X509_STORE_CTX_free(ctx);
	X509_STORE_free(store);
}
