/* The cross-file rules, run by mailprof_batch_add on each profile against
 * the earlier ones of the batch. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "hashset.h"

/* The batch: every identity key seen so far (addresses, logins, payload
 * identities) in one hash set (open addressing) shared by the cross-file
 * rules, so a batch of n accounts costs O(n), not O(n^2) comparisons. Only
 * the first holder of a key is kept: a batch of copies does not grow the
 * table. */

struct seen {
	const char *file; /* one of b->files */
	int line;
	size_t add;       /* the mailprof_batch_add call that recorded it */
	char key[];
};

struct mailprof_batch {
	const mailprof_check_config *cfg;
	mp_set seen;     /* struct seen entries */
	char **files;    /* file names the entries point at, one copy each */
	size_t nfiles, files_cap;
	size_t adds;     /* mailprof_batch_add calls so far */
	const char *last_in, *last_copy; /* the profile's file name, copied once */
};

mailprof_batch *mailprof_batch_new(const mailprof_check_config *cfg)
{
	mailprof_batch *b = mp_xcalloc(1, sizeof *b);
	b->cfg = cfg;
	return b;
}

void mailprof_batch_free(mailprof_batch *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->seen.cap; i++)
		free(b->seen.v[i]);
	mp_set_free(&b->seen);
	for (size_t i = 0; i < b->nfiles; i++)
		free(b->files[i]);
	free(b->files);
	free(b);
}

static bool same_key(const void *entry, const void *key)
{
	return strcmp(((const struct seen *)entry)->key, key) == 0;
}

static char *lower_dup(const char *s)
{
	char *r = mp_xstrdup(s);
	for (char *q = r; *q; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q + 32);
	return r;
}

/* Identity keys of an account: its address, and each incoming login. */
static void account_keys(const mp_account *a, char **keys, size_t *n, size_t max)
{
	*n = 0;
	if (a->email.v && !mp_has_placeholder(a->email.v) && *n < max)
		keys[(*n)++] = lower_dup(a->email.v);
	for (size_t i = 0; i < a->nincoming && *n < max; i++) {
		const mp_server *s = &a->incoming[i];
		if (!s->host.v || !s->username.v || mp_has_placeholder(s->username.v))
			continue;
		char *k = mp_xasprintf("%s %s:%d %s", mp_protocol_name(s->protocol), s->host.v,
		                       s->port.set ? s->port.v : 0, s->username.v);
		keys[(*n)++] = lower_dup(k);
		free(k);
	}
}

/* 8-4-4-4-12 hex digits. */
static bool uuid_like(const char *s)
{
	static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
	for (size_t i = 0; i < sizeof shape; i++) {
		if (shape[i] == 'x' ? !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' && s[i] <= 'F') ||
		                        (s[i] >= 'a' && s[i] <= 'f'))
		                    : s[i] != shape[i])
			return false;
	}
	return true;
}

/* Look key up; when new, record it (with where it is) and return NULL. */
static struct seen *seen_take(mailprof_batch *b, const char *key, const mailprof_loc *loc)
{
	uint64_t h = mp_fnv1a(MP_FNV_INIT, key, strlen(key));
	struct seen *old = mp_set_find(&b->seen, h, key, same_key);
	if (old)
		return old;
	const char *file = loc->file ? loc->file : "-";
	if (!b->last_in || strcmp(b->last_in, file) != 0) {
		if (b->nfiles == b->files_cap) {
			b->files_cap = b->files_cap ? 2 * b->files_cap : 64;
			b->files = mp_xrealloc(b->files, b->files_cap * sizeof *b->files);
		}
		b->files[b->nfiles++] = mp_xstrdup(file);
		b->last_in = file;
		b->last_copy = b->files[b->nfiles - 1];
	}
	size_t kl = strlen(key);
	struct seen *e = mp_xmalloc(sizeof *e + kl + 1);
	e->file = b->last_copy;
	e->line = loc->line;
	e->add = b->adds;
	memcpy(e->key, key, kl + 1);
	mp_set_add(&b->seen, h, e);
	return NULL;
}

/* MP039: an address, or a login on an incoming server, seen before. */
static void run_duplicate_account(const mp_rule_ctx *c)
{
	const mailprof_profile *p = c->profile;
	for (size_t j = 0; j < p->naccounts; j++) {
		const mp_account *a = &p->accounts[j];
		char *keys[MP_MAX_AUTH + 1];
		size_t nk;
		account_keys(a, keys, &nk, MP_COUNT(keys));
		bool reported = false;
		for (size_t k = 0; k < nk; k++) {
			const struct seen *old = seen_take(c->batch, keys[k], &a->loc);
			if (old && !reported) {
				mp_report(c, &a->loc, "account %s is a duplicate of the one at %s:%d",
				          a->email.v ? a->email.v : keys[k], old->file, old->line);
				reported = true;
			}
			free(keys[k]);
		}
	}
}

const struct mp_rule mp_rule_duplicate_account = {
	{"MP039", "duplicate-account", MAILPROF_WARNING, "the same account twice in a batch",
	 "keep one definition of the account and remove or merge the others",
	 "Two profiles for the same address, or for the same login on the same incoming server "
	 "(protocol, host, port, user name), in one batch of files or one file: the second import "
	 "fails (Thunderbird: \"Incoming server already exists\") or creates a second account that "
	 "downloads the same mail. Reported by `mailprof check` over several files through "
	 "mailprof_batch_add(), in input order, at the later account. Source: Thunderbird account "
	 "manager."},
	MP_SCOPE_BATCH,
	{.profile = run_duplicate_account},
};

/* MP048: a document identity of an earlier profile. Keys start with a byte
 * no account key has. Templates' placeholders (%uuid%, PRIMARY_HOSTNAME)
 * and malformed UUIDs (MP035's) are not identities. */
static void run_duplicate_payload(const mp_rule_ctx *c)
{
	const mailprof_profile *p = c->profile;
	mailprof_batch *b = c->batch;
	for (size_t i = 0; i < p->ndoc_ids; i++) {
		const mp_doc_id *id = &p->doc_ids[i];
		if (mp_has_placeholder(id->value) || mp_template_token(id->value) ||
		    (strcmp(id->kind, "PayloadUUID") == 0 && !uuid_like(id->value)))
			continue;
		char *key = mp_xasprintf("\x01%s %s", id->kind, id->value);
		const struct seen *old = seen_take(b, key, &id->loc);
		free(key);
		if (!old || old->add == b->adds)
			continue; /* new, or repeated inside this profile (MP035) */
		mp_report(c, &id->loc, "%s %s is also the one of %s:%d%s", id->kind, id->value, old->file,
		          old->line,
		          strcmp(id->kind, "PayloadIdentifier") == 0
		              ? ": installing one profile replaces the other"
		              : "");
	}
}

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
	MP_SCOPE_BATCH,
	{.profile = run_duplicate_payload},
};

void mailprof_batch_add(mailprof_batch *b, const mailprof_profile *p, mailprof_diags *d)
{
	mailprof_diags *nd = mailprof_diags_new();
	b->last_in = b->last_copy = NULL;
	b->adds++;
	mp_check_batch(p, b, b->cfg, nd);
	mp_config_apply(p, b->cfg, nd);
	for (size_t i = 0; i < mailprof_diags_count(nd); i++) {
		const mailprof_diag *g = mailprof_diags_get(nd, i);
		mp_diag_rule(d, mailprof_rule_find(g->id), g->severity, &g->loc, "%s", g->message);
	}
	mailprof_diags_free(nd);
}
