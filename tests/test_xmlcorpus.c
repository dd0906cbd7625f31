/* Every real Autodiscover, mobileconfig and oeaccount file of the research
 * corpus either parses or fails with the finding listed here. The files are
 * copied into tests/data/xmlcorpus (origins and licences in its SOURCES): a
 * test reads nothing outside the repository and never skips. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"

#define CORPUS "tests/data/xmlcorpus"

static const struct {
	const char *file;   /* under CORPUS */
	const char *expect; /* "ok", or the ID of the error finding that explains the failure */
} expected[] = {
	{"other/autodiscover/dimension-sh__autodiscover.xml", "ok"},
	{"other/autodiscover/fleaz-MDEC__autodiscover.xml", "ok"},
	{"other/autodiscover/hestiacp__autodiscover.xml", "template"}, /* mail.YOURDOMAIN.COM */
	{"other/autodiscover/isi-crawl__hekko.pl-hosting__autodiscover.xml", "ok"},
	{"other/autodiscover/monogramm__views__autodiscover.xml", "template"},
	{"other/autodiscover/nasqueron__autodiscover.xml", "ok"},
	{"other/autodiscover/peterthomassen__autodiscover.xml", "autodiscover-empty"},
	{"other/autodiscover/plesk-haisoft__autodiscover.xml.php", "template"},
	{"other/autodiscover/spicyweb-ispconfig__autodiscover.xml.php", "template"},
	{"other/autodiscover/vsus.app__purelymail__autodiscover.xml", "ok"},
	{"other/mobileconfig/fleaz-MDEC__mobileconfig.xml", "template"},
	{"other/mobileconfig/mailinabox__conf__ios-profile.xml", "template"}, /* PRIMARY_HOSTNAME */
	{"other/mobileconfig/monogramm__views__mobileconfig.xml", "template"},
	{"other/mobileconfig/plesk-haisoft__apple.mobileconfig", "template"}, /* %first_uuid% */
	{"other/mobileconfig/profiledocs__example__com.apple.mail.managed.mobileconfig", "ok"},
	{"other/mobileconfig/tomtommagf__iosconfig.mobileconfig", "xml-syntax"},
	{"other/oeaccount/comm-central__MicrosoftCommunities__account{2E23}.oeaccount", "oeaccount-empty"},
	{"other/oeaccount/comm-central__donhallimap__donhallimap{testimap}.oeaccount", "ok"},
	{"other/oeaccount/comm-central__donhallnntp__donhallnntp{testnntp}.oeaccount", "oeaccount-empty"},
	{"other/oeaccount/comm-central__news.mozilla.org__account{B3B3}.oeaccount", "oeaccount-empty"},
	{"other/oeaccount/msdocs__donhallimap-example__extracted-utf8.oeaccount", "ok"},
	{"other/oeaccount/msdocs__template-account-file__extracted-utf8.oeaccount", "oeaccount-empty"},
	{"examples/autodiscover-response-real-hekko.pl.xml", "ok"},
	{"examples/mobileconfig-profiledocs-com.apple.mail.managed.mobileconfig", "ok"},
	{"examples/oeaccount-tb-test-donhallimap{testimap}.oeaccount", "ok"},
};

Test(xmlcorpus, every_real_file_parses_or_fails_clearly)
{
	size_t ok = 0, failed = 0;
	for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
		char path[512];
		snprintf(path, sizeof path, CORPUS "/%s", expected[i].file);
		mailprof_diags *d;
		mailprof_status s;
		mailprof_profile *p = t_parse(path, NULL, &d, &s);
		if (strcmp(expected[i].expect, "ok") == 0) {
			cr_expect_eq(s, MAILPROF_OK, "%s should parse", expected[i].file);
			cr_expect_gt(mailprof_profile_account_count(p), 0, "%s: no account", expected[i].file);
			ok++;
		} else {
			cr_expect_neq(s, MAILPROF_OK, "%s should fail", expected[i].file);
			const mailprof_diag *g = t_find(d, expected[i].expect);
			cr_expect(g && g->severity == MAILPROF_ERROR, "%s: expected error finding %s",
			          expected[i].file, expected[i].expect);
			failed++;
		}
		mailprof_diags_free(d);
		mailprof_profile_free(p);
	}
	cr_log_info("corpus: %zu real files parse, %zu fail with their expected finding", ok, failed);
	/* A file added to the corpus must be added to the table. */
	static const char *const dirs[] = {"other/autodiscover", "other/mobileconfig", "other/oeaccount"};
	for (size_t k = 0; k < 3; k++) {
		char dir[256];
		snprintf(dir, sizeof dir, CORPUS "/%s", dirs[k]);
		DIR *dd = opendir(dir);
		cr_assert(dd);
		struct dirent *e;
		while ((e = readdir(dd))) {
			if (e->d_name[0] == '.')
				continue;
			char rel[512];
			snprintf(rel, sizeof rel, "%s/%s", dirs[k], e->d_name);
			bool listed = false;
			for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
				listed |= strcmp(expected[i].file, rel) == 0;
			cr_expect(listed, "corpus file %s has no expected outcome here", rel);
		}
		closedir(dd);
	}
}
