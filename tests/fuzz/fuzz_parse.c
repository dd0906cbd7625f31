/* libFuzzer target: every input goes through the whole pipeline a user can
 * drive from the command line (detect → parse → fix → check → emit in every
 * format), so any crash, leak or undefined behaviour a file can cause shows
 * up here. The first byte picks the reader (0: detect), the rest is the file.
 * Build and run: make fuzz (clang; not part of make check). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mailprof.h"

static size_t nformats(void)
{
	size_t n = 0;
	while (mailprof_format_name(n))
		n++;
	return n;
}

static int lossless(const char *fmt)
{
	return strcmp(fmt, "json") == 0 || strcmp(fmt, "ini") == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static size_t nf;
	if (!nf)
		nf = nformats();
	size_t pick = data[0] % (nf + 1);
	const char *fmt = pick ? mailprof_format_name(pick - 1) : NULL;
	if (fmt && !(mailprof_format_caps(fmt) & MAILPROF_CAN_PARSE))
		fmt = NULL;
	const char *buf = (const char *)data + 1;
	size_t len = size - 1;

	mailprof_profile *p = mailprof_profile_new();
	mailprof_diags *d = mailprof_diags_new();
	mailprof_options opt = {0};
	opt.include_secrets = data[0] & 0x80;
	if (mailprof_parse(p, buf, len, "fuzz.in", fmt, &opt, d) == MAILPROF_OK) {
		mailprof_fix(p, d);
		mailprof_check(p, d);
		for (size_t i = 0; i < nf; i++) {
			const char *to = mailprof_format_name(i);
			if (!(mailprof_format_caps(to) & MAILPROF_CAN_EMIT) || strcmp(to, "notice") == 0)
				continue; /* notice output needs a template */
			char *out = NULL;
			size_t olen = 0;
			if (mailprof_emit(p, to, &opt, &out, &olen, d) == MAILPROF_OK) {
				/* What we write, we must read back without trouble. */
				if (mailprof_format_caps(to) & MAILPROF_CAN_PARSE) {
					mailprof_profile *q = mailprof_profile_new();
					mailprof_status st = mailprof_parse(q, out, olen, "fuzz.out", to, &opt, d);
					/* JSON and INI hold every field of the model: whatever
					 * was read must come back unchanged. */
					if (lossless(to) && opt.include_secrets &&
					    (st != MAILPROF_OK || !mailprof_profile_equal(p, q)))
						abort();
					mailprof_profile_free(q);
				}
				free(out);
			}
		}
	}
	for (size_t i = 0; i < mailprof_diags_count(d); i++) {
		const mailprof_diag *g = mailprof_diags_get(d, i);
		/* Touch every string a reporter would print. */
		volatile size_t sink = strlen(g->message) + (g->fix ? strlen(g->fix) : 0) +
		                       (g->loc.file ? strlen(g->loc.file) : 0) + strlen(g->id);
		(void)sink;
	}
	mailprof_diags_sort(d);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
	return 0;
}
