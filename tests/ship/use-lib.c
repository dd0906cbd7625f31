/* Built by tests/ship/deb.sh against the installed libmailprof-dev: parse a
 * sample, check it, print the version and what was found (public API only). */
#include <mailprof.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	mailprof_profile *p = mailprof_profile_new();
	mailprof_diags *d = mailprof_diags_new();
	mailprof_status st = mailprof_parse_file(p, argv[1], NULL, NULL, d);
	if (st == MAILPROF_OK)
		st = mailprof_check(p, d);
	printf("%s %s accounts=%zu findings=%zu worst=%d rules=%zu\n", MAILPROF_VERSION,
	       mailprof_strerror(st), mailprof_profile_account_count(p), mailprof_diags_count(d),
	       mailprof_diags_worst(d), mailprof_rule_count());
	mailprof_diags_free(d);
	mailprof_profile_free(p);
	return st == MAILPROF_OK ? 0 : 1;
}
