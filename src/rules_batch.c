/* The cross-file rule: its findings come from mailprof_batch_add (config.c). */
#include "check.h"

const struct mp_rule mp_rule_duplicate_account = {
	{"MP039", "duplicate-account", MAILPROF_WARNING, "the same account twice in a batch",
	 "keep one definition of the account and remove or merge the others",
	 "Two profiles for the same address, or for the same login on the same incoming server "
	 "(protocol, host, port, user name), in one batch of files or one file: the second import "
	 "fails (Thunderbird: \"Incoming server already exists\") or creates a second account that "
	 "downloads the same mail. Reported by `mailprof check` over several files through "
	 "mailprof_batch_add(), in input order, at the later account. Source: Thunderbird account "
	 "manager."},
	NULL,
};
