/* The cross-file rules and the batch that runs them. Each rule lists a
 * profile's identity keys (mailprof_profile_batch_keys); the batch compares
 * them with the keys of the profiles added before (mailprof_batch_add_keys)
 * and the rule reports a repeat. Keys travel without their profile, so a
 * batch checked in parts (check --shard, then merge) gives the same
 * findings as one run. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "hashset.h"

/* A profile's keys: the public entries, each string a copy. */
struct mailprof_batch_keys {
	mailprof_batch_key *v;
	size_t n;
};

/* The batch: every identity key seen so far in one hash set (open
 * addressing) shared by the cross-file rules, so a batch of n accounts
 * costs O(n), not O(n^2) comparisons. Only the first holder of a key is
 * kept: a batch of copies does not grow the table. */

struct seen {
	const char *file; /* one of b->files */
	int line;
	size_t add;       /* the mailprof_batch_add_keys call that recorded it */
	char key[];       /* rule ID, 0x1f, key */
};

struct mailprof_batch {
	const mailprof_check_config *cfg;
	mp_set seen;     /* struct seen entries */
	char **files;    /* file names the entries point at, one copy each */
	size_t nfiles, files_cap;
	size_t adds;     /* mailprof_batch_add_keys calls so far */
	const char *last_in, *last_copy; /* the last key's file name, copied once */
};

mailprof_batch_keys *mailprof_batch_keys_new(void)
{
	return mp_xcalloc(1, sizeof(mailprof_batch_keys));
}

void mailprof_batch_keys_free(mailprof_batch_keys *k)
{
	if (!k)
		return;
	for (size_t i = 0; i < k->n; i++) {
		free((char *)k->v[i].key);
		free((char *)k->v[i].label);
		free((char *)k->v[i].loc.file);
	}
	free(k->v);
	free(k);
}

size_t mailprof_batch_keys_count(const mailprof_batch_keys *k)
{
	return k ? k->n : 0;
}

const mailprof_batch_key *mailprof_batch_keys_get(const mailprof_batch_keys *k, size_t i)
{
	return k && i < k->n ? &k->v[i] : NULL;
}

/* The batch-scope rule named id, or NULL. */
static const struct mp_rule *batch_rule(const char *id)
{
	int i = mp_rule_index(id);
	const struct mp_rule *r = i >= 0 ? mp_rule_at((size_t)i) : NULL;
	return r && r->scope == MP_SCOPE_BATCH ? r : NULL;
}

int mailprof_batch_keys_add(mailprof_batch_keys *k, const mailprof_batch_key *key)
{
	const struct mp_rule *r = key->rule ? batch_rule(key->rule) : NULL;
	if (!r || !key->key || !key->label)
		return -1;
	k->v = mp_xgrow(k->v, k->n, sizeof *k->v);
	mailprof_batch_key *e = &k->v[k->n++];
	*e = *key;
	e->rule = r->info.id;
	e->key = mp_xstrdup(key->key);
	e->label = mp_xstrdup(key->label);
	e->loc.file = key->loc.file ? mp_xstrdup(key->loc.file) : NULL;
	e->suppressed = key->suppressed != 0;
	return 0;
}

void mp_batch_key(const mp_rule_ctx *c, mailprof_batch_keys *k, const char *key, const char *label,
                  const mailprof_loc *loc, unsigned group)
{
	const mailprof_rule_info *r = &c->rule->info;
	mailprof_batch_key e = {r->id, key, label, *loc, group,
	                        mp_suppressed(c->profile, r->id, r->name, loc)};
	mailprof_batch_keys_add(k, &e);
}

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

/* MP039's keys of an account (one group): its address, and each incoming
 * login. */
static void account_keys(const mp_rule_ctx *c, mailprof_batch_keys *k, const mp_account *a,
                         unsigned group)
{
	const char *label = a->email.v;
	if (a->email.v && !mp_has_placeholder(a->email.v)) {
		char *key = lower_dup(a->email.v);
		mp_batch_key(c, k, key, label, &a->loc, group);
		free(key);
	}
	for (size_t i = 0; i < a->nincoming; i++) {
		const mp_server *s = &a->incoming[i];
		if (!s->host.v || !s->username.v || mp_has_placeholder(s->username.v))
			continue;
		char *raw = mp_xasprintf("%s %s:%d %s", mp_protocol_name(s->protocol), s->host.v,
		                         s->port.set ? s->port.v : 0, s->username.v);
		char *key = lower_dup(raw);
		free(raw);
		mp_batch_key(c, k, key, label ? label : key, &a->loc, group);
		free(key);
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

/* MP039: an address, or a login on an incoming server, seen before. */
static void keys_duplicate_account(const mp_rule_ctx *c, mailprof_batch_keys *k)
{
	const mailprof_profile *p = c->profile;
	for (size_t j = 0; j < p->naccounts; j++)
		account_keys(c, k, &p->accounts[j], (unsigned)j + 1);
}

static bool repeat_duplicate_account(const mp_rule_ctx *c, const mailprof_batch_key *k,
                                     const mailprof_loc *old, bool same_profile)
{
	(void)same_profile; /* two accounts of one file are duplicates too */
	mp_report(c, &k->loc, "account %s is a duplicate of the one at %s:%d", k->label, old->file,
	          old->line);
	return true;
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
	{.batch = {keys_duplicate_account, repeat_duplicate_account}},
};

/* MP048: a document identity of an earlier profile. Templates' placeholders (%uuid%, PRIMARY_HOSTNAME)
 * and malformed UUIDs (MP035's) are not identities. */
static void keys_duplicate_payload(const mp_rule_ctx *c, mailprof_batch_keys *k)
{
	const mailprof_profile *p = c->profile;
	for (size_t i = 0; i < p->ndoc_ids; i++) {
		const mp_doc_id *id = &p->doc_ids[i];
		if (mp_has_placeholder(id->value) || mp_template_token(id->value) ||
		    (strcmp(id->kind, "PayloadUUID") == 0 && !uuid_like(id->value)))
			continue;
		char *key = mp_xasprintf("%s %s", id->kind, id->value);
		mp_batch_key(c, k, key, key, &id->loc, 0);
		free(key);
	}
}

static bool repeat_duplicate_payload(const mp_rule_ctx *c, const mailprof_batch_key *k,
                                     const mailprof_loc *old, bool same_profile)
{
	if (same_profile)
		return false; /* repeated inside one profile: MP035's */
	bool ident = strncmp(k->key, "PayloadIdentifier ", 18) == 0;
	mp_report(c, &k->loc, "%s is also the one of %s:%d%s", k->label, old->file, old->line,
	          ident ? ": installing one profile replaces the other" : "");
	return true;
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
	{.batch = {keys_duplicate_payload, repeat_duplicate_payload}},
};

/* Look k up; when new, record it (with where it is) and return NULL. */
static struct seen *seen_take(mailprof_batch *b, const mailprof_batch_key *k)
{
	size_t rl = strlen(k->rule), kl = strlen(k->key);
	struct seen *e = mp_xmalloc(sizeof *e + rl + 1 + kl + 1);
	memcpy(e->key, k->rule, rl);
	e->key[rl] = '\x1f';
	memcpy(e->key + rl + 1, k->key, kl + 1);
	uint64_t h = mp_fnv1a(MP_FNV_INIT, e->key, rl + 1 + kl);
	struct seen *old = mp_set_find(&b->seen, h, e->key, same_key);
	if (old) {
		free(e);
		return old;
	}
	const char *file = k->loc.file ? k->loc.file : "-";
	if (!b->last_in || strcmp(b->last_in, file) != 0) {
		if (b->nfiles == b->files_cap) {
			b->files_cap = b->files_cap ? 2 * b->files_cap : 64;
			b->files = mp_xrealloc(b->files, b->files_cap * sizeof *b->files);
		}
		b->files[b->nfiles++] = mp_xstrdup(file);
		b->last_copy = b->files[b->nfiles - 1];
	}
	b->last_in = b->last_copy;
	e->file = b->last_copy;
	e->line = k->loc.line;
	e->add = b->adds;
	mp_set_add(&b->seen, h, e);
	return NULL;
}

void mailprof_batch_add_keys(mailprof_batch *b, const mailprof_batch_keys *k, mailprof_diags *d)
{
	mailprof_diags *nd = mailprof_diags_new();
	mailprof_diags *silenced = mailprof_diags_new(); /* made, then dropped by a marker */
	struct {
		const char *rule;
		unsigned group;
	} *reported = NULL; /* groups that have their finding */
	size_t nreported = 0;
	b->adds++;
	for (size_t i = 0; k && i < k->n; i++) {
		const mailprof_batch_key *e = &k->v[i];
		const struct seen *old = seen_take(b, e);
		if (!old)
			continue;
		bool done = false;
		for (size_t j = 0; e->group && j < nreported && !done; j++)
			done = reported[j].group == e->group && reported[j].rule == e->rule;
		if (done)
			continue;
		mp_rule_ctx c = {.rule = batch_rule(e->rule), .d = e->suppressed ? silenced : nd,
		                 .cfg = b->cfg};
		mailprof_loc at = {old->file, old->line, 0};
		if (c.rule->run.batch.repeat(&c, e, &at, old->add == b->adds) && e->group) {
			reported = mp_xgrow(reported, nreported, sizeof *reported);
			reported[nreported].rule = e->rule;
			reported[nreported++].group = e->group;
		}
	}
	free(reported);
	mailprof_diags_free(silenced);
	mp_config_apply(NULL, b->cfg, nd);
	for (size_t i = 0; i < mailprof_diags_count(nd); i++) {
		const mailprof_diag *g = mailprof_diags_get(nd, i);
		mp_diag_rule(d, mailprof_rule_find(g->id), g->severity, &g->loc, "%s", g->message);
	}
	mailprof_diags_free(nd);
}

void mailprof_batch_add(mailprof_batch *b, const mailprof_profile *p, mailprof_diags *d)
{
	mailprof_batch_keys *k = mailprof_batch_keys_new();
	mailprof_profile_batch_keys(p, k);
	mailprof_batch_add_keys(b, k, d);
	mailprof_batch_keys_free(k);
}
