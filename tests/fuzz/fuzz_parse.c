/* Fuzz target: every input goes through the whole pipeline a user can drive
 * from the command line (detect → parse → fix → check → emit in every
 * format), so any crash, leak or undefined behaviour a file can cause shows
 * up here. The first byte picks the reader (0: detect; its top bit asks for
 * secrets), the rest is the file. Invariants, beyond not crashing:
 *  - every written file is well-formed for its format (XML parses, JSON is
 *    strict RFC 8259 UTF-8, text configs are UTF-8 text);
 *  - a written file of a readable format reads back, and writing what was
 *    read gives the same bytes again (the model keeps every field the format
 *    can hold); INI and JSON hold every field: the model comes back equal;
 *  - findings are printable text and never hold a password;
 *  - a document a shape (src/xml_shape.h) lets skip the XSD is one the XSD
 *    accepts too (the shapes are sound).
 * make fuzz (clang) runs it; make check replays its corpus and regressions. */
#include "fuzz_common.h"
#include "xml_shape.h"

static bool is_xml(const char *fmt)
{
	static const char *const xml[] = {"autoconfig", "autodiscover", "mobileconfig", "oeaccount"};
	for (size_t i = 0; i < sizeof xml / sizeof *xml; i++)
		if (strcmp(fmt, xml[i]) == 0)
			return true;
	return false;
}

static bool lossless(const char *fmt)
{
	return strcmp(fmt, "json") == 0 || strcmp(fmt, "ini") == 0;
}

/* Occurrences of pw in the input: a finding may quote another one. */
static size_t count_in(const char *buf, size_t len, const char *pw)
{
	size_t n = 0, k = strlen(pw);
	for (const char *q = buf; (q = memmem(q, len - (size_t)(q - buf), pw, k)); q++)
		n++;
	return n;
}

static void no_password_in(const mailprof_profile *p, const mailprof_diags *d, const char *buf,
                           size_t len)
{
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		for (size_t j = 0; j < a->nincoming + a->noutgoing; j++) {
			const mp_server *sv = j < a->nincoming ? &a->incoming[j] : &a->outgoing[j - a->nincoming];
			if (!fz_distinctive(p, sv->password.v) || count_in(buf, len, sv->password.v) > 1)
				continue;
			for (size_t k = 0; k < mailprof_diags_count(d); k++) {
				const mailprof_diag *g = mailprof_diags_get(d, k);
				FZ_ASSERT(!strstr(g->message, sv->password.v), "a finding quotes a password");
				FZ_ASSERT(!g->fix || !strstr(g->fix, sv->password.v), "a fix quotes a password");
			}
		}
	}
}

static void check_written(const mailprof_profile *p, const char *to, const char *out, size_t olen,
                          const mailprof_options *opt)
{
	fz_where = to;
	if (is_xml(to))
		FZ_ASSERT(fz_xml_ok(out, olen), "an XML emitter wrote ill-formed XML");
	else if (strcmp(to, "json") == 0)
		FZ_ASSERT(fz_json_ok(out, olen), "the JSON emitter wrote invalid JSON");
	else
		FZ_ASSERT(fz_text_ok(out, olen, false), "a text emitter wrote control bytes or invalid UTF-8");
	if (!(mailprof_format_caps(to) & MAILPROF_CAN_PARSE))
		return;
	mailprof_profile *q = mailprof_profile_new();
	mailprof_diags *d = mailprof_diags_new();
	mailprof_status st = mailprof_parse(q, out, olen, "fuzz.out", to, opt, d);
	if (st != MAILPROF_OK) {
		fprintf(stderr, "format %s:\n%.*s\n", to, (int)olen, out);
		for (size_t i = 0; i < mailprof_diags_count(d); i++)
			fprintf(stderr, "  %s: %s\n", mailprof_diags_get(d, i)->id, mailprof_diags_get(d, i)->message);
	}
	/* An account without servers is written (what it has), but reads back
	 * as holding no usable account: the one acceptable failure. */
	FZ_ASSERT(st == MAILPROF_OK || st == MAILPROF_ERR_INVALID, "a written file does not read back");
	if (st != MAILPROF_OK) {
		mailprof_diags_free(d);
		mailprof_profile_free(q);
		return;
	}
	if (lossless(to) && opt->include_secrets)
		FZ_ASSERT(mailprof_profile_equal(p, q), "INI/JSON round trip changed the model");
	/* Written again from what was read back, the bytes are the same: INI and
	 * JSON at once; the XML formats after one round, which drops what they
	 * cannot hold (white space around a value is not data there). Without
	 * secrets the passwords are left out, and what a format derives from
	 * them (mobileconfig's "same password" flag) with them: not compared. */
	if (opt->include_secrets) {
		char *again = NULL, *ref = NULL;
		size_t alen = 0, rlen = olen;
		FZ_ASSERT(mailprof_emit(q, to, opt, &again, &alen, d) == MAILPROF_OK,
		          "what was read back cannot be written again");
		if (!lossless(to)) {
			mailprof_profile *r = mailprof_profile_new();
			FZ_ASSERT(mailprof_parse(r, again, alen, "fuzz.out2", to, opt, d) == MAILPROF_OK,
			          "a written file does not read back");
			ref = again, rlen = alen, again = NULL;
			FZ_ASSERT(mailprof_emit(r, to, opt, &again, &alen, d) == MAILPROF_OK,
			          "what was read back cannot be written again");
			mailprof_profile_free(r);
		}
		const char *want = ref ? ref : out;
		if (alen != rlen || memcmp(again, want, rlen) != 0)
			fprintf(stderr, "format %s, first:\n%.*s\nsecond:\n%.*s\n", to, (int)rlen, want,
			        (int)alen, again);
		FZ_ASSERT(alen == rlen && memcmp(again, want, rlen) == 0,
		          "written, read back and written again: the bytes differ");
		free(again);
		free(ref);
	}
	mailprof_diags_free(d);
	mailprof_profile_free(q);
}

int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static size_t nf;
	if (!nf)
		nf = fz_nformats();
	const char *fmt = fz_pick_format(data[0] & 0x7Fu);
	if (fmt && !(mailprof_format_caps(fmt) & MAILPROF_CAN_PARSE))
		fmt = NULL;
	const char *buf = (const char *)data + 1;
	size_t len = size - 1;

	mailprof_profile *p = mailprof_profile_new();
	mailprof_diags *d = mailprof_diags_new();
	mailprof_options opt = {0};
	opt.include_secrets = data[0] & 0x80;
	mp_xml_shape_audit(true);
	unsigned long accepted, refused, refused_before;
	mp_xml_shape_audit_counts(&accepted, &refused_before);
	if (mailprof_parse(p, buf, len, "fuzz.in", fmt, &opt, d) == MAILPROF_OK) {
		mailprof_fix(p, d);
		mailprof_check(p, d);
		for (size_t i = 0; i < nf; i++) {
			const char *to = mailprof_format_name(i);
			if (!(mailprof_format_caps(to) & MAILPROF_CAN_EMIT) || strcmp(to, "notice") == 0)
				continue; /* notice output needs a template: fuzz_template */
			char *out = NULL;
			size_t olen = 0;
			if (mailprof_emit(p, to, &opt, &out, &olen, d) == MAILPROF_OK) {
				check_written(p, to, out, olen, &opt);
				free(out);
			}
		}
	}
	mp_xml_shape_audit_counts(&accepted, &refused);
	FZ_ASSERT(refused == refused_before, "a shape let a document skip the XSD, which refuses it");
	fz_check_diags(d);
	no_password_in(p, d, buf, len);
	mailprof_diags_sort(d);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
	return 0;
}
