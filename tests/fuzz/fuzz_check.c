/* Fuzz target: the checker's own inputs. The input is three parts split at
 * NUL bytes: a .mailprof.ini text, a baseline file, then a profile (its
 * first byte picks the reader as in fuzz_parse; inline mailprof-disable
 * markers live here). Invariants, beyond not crashing:
 *  - findings are printable text;
 *  - a baseline written from the findings (mailprof_diag_key) silences every
 *    one of them when the same input is checked again with it;
 *  - a batch of the profile twice adds findings, never crashes. */
#include "fuzz_common.h"

static mailprof_status parse_profile(const uint8_t *data, size_t size, mailprof_profile *p,
                                     mailprof_diags *d)
{
	if (!size)
		return MAILPROF_ERR_SYNTAX;
	const char *fmt = fz_pick_format(data[0]);
	if (fmt && !(mailprof_format_caps(fmt) & MAILPROF_CAN_PARSE))
		fmt = "ini";
	return mailprof_parse(p, (const char *)data + 1, size - 1, "fuzz.in", fmt, NULL, d);
}

int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	const char *cfg, *rest, *base, *prof;
	size_t ncfg, nrest, nbase, nprof;
	fz_split((const char *)data, size, &cfg, &ncfg, &rest, &nrest);
	fz_split(rest, nrest, &base, &nbase, &prof, &nprof);

	mailprof_diags *d = mailprof_diags_new();
	mailprof_check_config *c = mailprof_check_config_new();
	mailprof_check_config_parse(c, cfg, ncfg, "fuzz.mailprof.ini", d);
	mailprof_check_config_load_baseline(c, fz_scratch("baseline", base, nbase), d);
	fz_check_diags(d);
	mailprof_diags_free(d);

	d = mailprof_diags_new();
	mailprof_profile *p = mailprof_profile_new();
	if (parse_profile((const uint8_t *)prof, nprof, p, d) == MAILPROF_OK) {
		mailprof_check_with(p, c, d);
		fz_check_diags(d);
		/* Every finding, as a baseline: checked again, nothing is left. */
		char *keys = NULL;
		size_t klen = 0;
		FILE *kf = open_memstream(&keys, &klen);
		for (size_t i = 0; i < mailprof_diags_count(d); i++) {
			char *k = mailprof_diag_key(mailprof_diags_get(d, i));
			FZ_ASSERT(!strchr(k, '\n'), "a baseline key spans lines");
			fprintf(kf, "%s\n", k);
			free(k);
		}
		fclose(kf);
		mailprof_diags *d2 = mailprof_diags_new();
		mailprof_check_config *c2 = mailprof_check_config_new();
		mailprof_check_config_parse(c2, cfg, ncfg, "fuzz.mailprof.ini", d2);
		mailprof_check_config_load_baseline(c2, fz_scratch("baseline", base, nbase), d2);
		FZ_ASSERT(mailprof_check_config_load_baseline(c2, fz_scratch("baseline2", keys, klen), d2) ==
		              MAILPROF_OK,
		          "a baseline written from findings does not load");
		mailprof_diags_free(d2);
		d2 = mailprof_diags_new();
		mailprof_profile *q = mailprof_profile_new();
		parse_profile((const uint8_t *)prof, nprof, q, d2);
		mailprof_check_with(q, c2, d2);
		for (size_t i = 0; i < mailprof_diags_count(d2); i++) {
			char *k = mailprof_diag_key(mailprof_diags_get(d2, i));
			fprintf(stderr, "left: %s\n", k);
			free(k);
		}
		FZ_ASSERT(mailprof_diags_count(d2) == 0, "the baseline of every finding leaves findings");
		mailprof_diags_free(d2);
		mailprof_profile_free(q);
		mailprof_check_config_free(c2);
		free(keys);

		mailprof_batch *b = mailprof_batch_new(c);
		mailprof_batch_add(b, p, d);
		mailprof_batch_add(b, p, d);
		mailprof_batch_free(b);
		fz_check_diags(d);
	}
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	mailprof_check_config_free(c);
	return 0;
}
