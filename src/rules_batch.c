/* The cross-file rules: their findings come from mailprof_batch_add (config.c). */
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

const struct mp_rule mp_rule_duplicate_payload = {
	{"MP048", "duplicate-payload-id", MAILPROF_WARNING,
	 "the same PayloadIdentifier or PayloadUUID in two profiles of a batch",
	 "give each profile its own PayloadIdentifier and new PayloadUUIDs (uuidgen); "
	 "mailprof convert --to mobileconfig derives both from the account",
	 "Two configuration profiles in one batch of files declare the same top-level "
	 "PayloadIdentifier, or share a PayloadUUID. A device keeps one profile per identifier: "
	 "installing the second replaces the first, so one of the accounts disappears; a UUID "
	 "shared by two payloads makes one replace the other. Typical of profiles copied from one "
	 "template and edited by hand. Reported by `mailprof check` over several files through "
	 "mailprof_batch_add(), in input order, at the later file; repeats inside one profile are "
	 "MP035's. Source: Apple Configuration Profile Reference (TopLevel: PayloadIdentifier, "
	 "PayloadUUID)."},
	NULL,
};
