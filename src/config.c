/* Checker configuration (.mailprof.ini), inline suppressions, baseline and
 * the cross-file batch check. The CLI only forwards files and switches. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"

mailprof_check_config *mailprof_check_config_new(void)
{
	mailprof_check_config *c = mp_xcalloc(1, sizeof *c);
	memset(c->enabled, -1, sizeof c->enabled);
	memset(c->severity, -1, sizeof c->severity);
	c->fail_on = MAILPROF_ERROR;
	return c;
}

void mailprof_check_config_free(mailprof_check_config *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->ntrusted; i++)
		free(c->trusted[i]);
	free(c->trusted);
	for (size_t i = 0; i < c->nbaseline; i++)
		free(c->baseline[i]);
	free(c->baseline);
	free(c);
}

static int rule_slot(const char *rule)
{
	int i = mp_rule_index(rule);
	return i >= 0 && (size_t)i < sizeof ((mailprof_check_config *)0)->enabled ? i : -1;
}

int mailprof_check_config_enable(mailprof_check_config *c, const char *rule, int on)
{
	int i = rule_slot(rule);
	if (i < 0)
		return -1;
	c->enabled[i] = on ? 1 : 0;
	return 0;
}

int mailprof_check_config_set_severity(mailprof_check_config *c, const char *rule, mailprof_severity s)
{
	int i = rule_slot(rule);
	if (i < 0)
		return -1;
	c->severity[i] = (signed char)s;
	c->enabled[i] = 1;
	return 0;
}

void mailprof_check_config_trust(mailprof_check_config *c, const char *domain)
{
	while (*domain == '.')
		domain++;
	if (!*domain)
		return;
	c->trusted = mp_xgrow(c->trusted, c->ntrusted, sizeof *c->trusted);
	c->trusted[c->ntrusted++] = mp_xstrdup(domain);
}

void mailprof_check_config_set_fail_on(mailprof_check_config *c, mailprof_severity s)
{
	c->fail_on = (int)s;
}

mailprof_severity mailprof_check_config_fail_on(const mailprof_check_config *c)
{
	return c ? (mailprof_severity)c->fail_on : MAILPROF_ERROR;
}

static int severity_word(const char *s)
{
	static const char *const w[] = {"info", "warning", "error"};
	for (int i = 0; i < 3; i++)
		if (mp_strcasecmp(s, w[i]) == 0)
			return i;
	return -1;
}

/* Trim in place; returns the start. */
static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

mailprof_status mailprof_check_config_parse(mailprof_check_config *c, const char *text, size_t len,
                                            const char *path, mailprof_diags *d)
{
	char *buf = mp_xstrndup(text, len);
	char sect[32] = "";
	mailprof_status st = MAILPROF_OK;
	int lineno = 0;
	for (char *line = buf, *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		char *s = trim(line);
		mailprof_loc at = {path, lineno, 1};
		if (!*s || *s == ';' || *s == '#')
			continue;
		if (*s == '[') {
			char *e = strchr(s, ']');
			size_t n = e ? (size_t)(e - s - 1) : 0;
			if (!e || n >= sizeof sect) {
				mp_diag(d, MAILPROF_ERROR, "config", &at, NULL, "malformed section header");
				st = MAILPROF_ERR_SYNTAX;
				continue;
			}
			memcpy(sect, s + 1, n);
			sect[n] = '\0';
			if (strcmp(sect, "rules") && strcmp(sect, "hosting") && strcmp(sect, "check")) {
				mp_diag(d, MAILPROF_ERROR, "config", &at, "use [check], [rules] or [hosting]",
				        "unknown section [%s]", sect);
				st = MAILPROF_ERR_SYNTAX;
			}
			continue;
		}
		char *eq = strchr(s, '=');
		if (!eq) {
			mp_diag(d, MAILPROF_ERROR, "config", &at, NULL, "expected key = value");
			st = MAILPROF_ERR_SYNTAX;
			continue;
		}
		*eq = '\0';
		char *key = trim(s), *val = trim(eq + 1);
		bool ok = true;
		if ((!*sect || strcmp(sect, "check") == 0) && strcmp(key, "fail-on") == 0) {
			int sv = severity_word(val);
			if ((ok = sv >= 0))
				c->fail_on = sv;
		} else if (strcmp(sect, "rules") == 0) {
			int sv = severity_word(val);
			if (mp_rule_index(key) < 0) {
				mp_diag(d, MAILPROF_ERROR, "config", &at, "see `mailprof rules`", "no rule '%s'", key);
				st = MAILPROF_ERR_SYNTAX;
				continue;
			}
			if (sv >= 0)
				mailprof_check_config_set_severity(c, key, (mailprof_severity)sv);
			else if (!mp_strcasecmp(val, "off") || !mp_strcasecmp(val, "false") || !mp_strcasecmp(val, "no"))
				mailprof_check_config_enable(c, key, 0);
			else if (!mp_strcasecmp(val, "on") || !mp_strcasecmp(val, "true") || !mp_strcasecmp(val, "yes"))
				mailprof_check_config_enable(c, key, 1);
			else
				ok = false;
		} else if (strcmp(sect, "hosting") == 0 && strcmp(key, "trusted") == 0) {
			for (char *tok = strtok(val, ", \t"); tok; tok = strtok(NULL, ", \t"))
				mailprof_check_config_trust(c, tok);
		} else {
			mp_diag(d, MAILPROF_ERROR, "config", &at, NULL, "unknown key '%s'%s%s%s", key,
			        *sect ? " in [" : "", sect, *sect ? "]" : "");
			st = MAILPROF_ERR_SYNTAX;
			continue;
		}
		if (!ok) {
			mp_diag(d, MAILPROF_ERROR, "config", &at, "use off, on, error, warning or info",
			        "bad value '%s' for %s", val, key);
			st = MAILPROF_ERR_SYNTAX;
		}
	}
	free(buf);
	return st;
}

mailprof_status mailprof_check_config_load(mailprof_check_config *c, const char *path, mailprof_diags *d)
{
	char *buf;
	size_t len;
	int err = mp_read_file(path, MAILPROF_MAX_INPUT, &buf, &len);
	if (err) {
		mailprof_loc at = {path, 0, 0};
		mp_diag(d, MAILPROF_ERROR, "io", &at, NULL, "cannot read: %s", strerror(err));
		return MAILPROF_ERR_IO;
	}
	mailprof_status st = mailprof_check_config_parse(c, buf, len, path, d);
	free(buf);
	return st;
}

char *mailprof_check_config_find(const char *dir)
{
	char *cur = mp_xstrdup(dir && *dir ? dir : ".");
	for (;;) {
		char *cand = mp_xasprintf("%s/.mailprof.ini", cur);
		struct stat st;
		/* A regular file only: opening a FIFO of that name would hang. */
		if (stat(cand, &st) == 0 && S_ISREG(st.st_mode)) {
			free(cur);
			return cand;
		}
		free(cand);
		/* A repository's settings end at its root (.git, a folder or a
		 * worktree's file): a checkout never picks up a stranger's file. */
		char *git = mp_xasprintf("%s/.git", cur);
		bool root = lstat(git, &st) == 0;
		free(git);
		char *slash = strrchr(cur, '/');
		if (root || !slash || strcmp(cur, "/") == 0) {
			free(cur);
			return NULL;
		}
		if (slash == cur)
			slash[1] = '\0'; /* "/x" -> "/" */
		else
			*slash = '\0';
	}
}

char *mailprof_diag_key(const mailprof_diag *g)
{
	mp_buf b = {0};
	mp_buf_printf(&b, "%s\t%s\t", g->loc.file ? g->loc.file : "-", g->id);
	for (const char *p = g->message; p && *p; p++)
		mp_buf_putc(&b, *p == '\t' || *p == '\n' ? ' ' : *p);
	return mp_buf_take(&b, NULL);
}

static int cmp_key(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

mailprof_status mailprof_check_config_load_baseline(mailprof_check_config *c, const char *path,
                                                    mailprof_diags *d)
{
	char *buf;
	size_t len;
	int err = mp_read_file(path, MAILPROF_MAX_INPUT * 8 /* a finding a line */, &buf, &len);
	if (err) {
		mailprof_loc at = {path, 0, 0};
		mp_diag(d, MAILPROF_ERROR, "io", &at, NULL, "cannot read baseline: %s", strerror(err));
		return MAILPROF_ERR_IO;
	}
	for (char *line = buf, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		size_t n = strlen(line);
		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		if (!n || line[0] == '#')
			continue;
		c->baseline = mp_xgrow(c->baseline, c->nbaseline, sizeof *c->baseline);
		c->baseline[c->nbaseline++] = mp_xstrdup(line);
	}
	free(buf);
	if (c->nbaseline > 1) /* an empty one has no array: qsort(NULL, 0) is undefined */
		qsort(c->baseline, c->nbaseline, sizeof *c->baseline, cmp_key);
	return MAILPROF_OK;
}

/* ---- inline suppressions ---- */

static bool comment_only(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++;
	return s == e || *s == ';' || *s == '#' || (e - s >= 4 && memcmp(s, "<!--", 4) == 0) ||
	       (e - s >= 2 && memcmp(s, "//", 2) == 0) || (e - s >= 3 && memcmp(s, "-->", 3) == 0);
}

void mp_suppress_scan(mailprof_profile *p, const char *buf, size_t len, const char *file)
{
	static const char mark[] = "mailprof-disable";
	const char *end = buf + len;
	/* Most files have no marker: find the first one before going by lines
	 * (memchr to a candidate, then memcmp; this runs on every input). */
	const char *first = NULL;
	for (const char *q = buf; !first && (size_t)(end - q) >= sizeof mark - 1; q++) {
		q = memchr(q, 'm', (size_t)(end - q) - (sizeof mark - 1) + 1);
		if (!q)
			break;
		if (memcmp(q, mark, sizeof mark - 1) == 0)
			first = q;
	}
	if (!first)
		return;
	int line = 1;
	for (const char *ls = buf; ls < end; line++) {
		const char *le = memchr(ls, '\n', (size_t)(end - ls));
		if (!le)
			le = end;
		const char *m = NULL;
		for (const char *q = ls < first ? first : ls; q + sizeof mark - 1 <= le; q++)
			if (memcmp(q, mark, sizeof mark - 1) == 0) {
				m = q;
				break;
			}
		if (m) {
			const char *q = m + sizeof mark - 1;
			bool whole = (size_t)(le - q) >= 5 && memcmp(q, "-file", 5) == 0;
			if (whole)
				q += 5;
			/* The target: this line if a value precedes the marker, else the
			 * next line that is neither blank nor a comment. */
			int target = 0;
			if (!whole) {
				if (!comment_only(ls, m))
					target = line;
				if (!target) {
					int l2 = line + 1;
					for (const char *s = le < end ? le + 1 : end; s < end; l2++) {
						const char *e = memchr(s, '\n', (size_t)(end - s));
						if (!e)
							e = end;
						if (!comment_only(s, e)) {
							target = l2;
							break;
						}
						s = e < end ? e + 1 : end;
					}
					if (!target)
						target = -1; /* nothing follows: silences nothing */
				}
			}
			/* IDs separated by commas or spaces, then an optional ": reason". */
			for (;;) {
				while (q < le && (*q == ' ' || *q == '\t' || *q == ','))
					q++;
				const char *s = q;
				while (q < le && (*q == '-' || *q == '_' || (*q >= '0' && *q <= '9') ||
				                  (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
					q++;
				size_t n = (size_t)(q - s);
				if (!n)
					break;
				p->supp = mp_xgrow(p->supp, p->nsupp, sizeof *p->supp);
				mp_suppression *x = &p->supp[p->nsupp++];
				memset(x, 0, sizeof *x);
				memcpy(x->id, s, n < sizeof x->id ? n : sizeof x->id - 1);
				x->file = file;
				x->line = line;
				x->target = target;
				const char *r = q;
				while (r < le && (*r == ' ' || *r == '\t' || *r == ','))
					r++;
				if (r < le && *r == ':') {
					r++;
					while (r < le && (*r == ' ' || *r == '\t'))
						r++;
					/* A reason is text other than the comment's closing. */
					x->reason = r < le && *r != '\r' && !(le - r >= 3 && memcmp(r, "-->", 3) == 0);
				}
			}
			/* Every ID of one marker shares its reason. */
			bool any = false;
			for (size_t i = p->nsupp; i-- > 0 && p->supp[i].line == line && p->supp[i].file == file;)
				any |= p->supp[i].reason;
			for (size_t i = p->nsupp; i-- > 0 && p->supp[i].line == line && p->supp[i].file == file;)
				p->supp[i].reason = any;
		}
		ls = le < end ? le + 1 : end;
	}
}

/* ---- applying the configuration ---- */

struct filter {
	const mailprof_profile *p;
	const mailprof_check_config *cfg;
};

static bool keep_finding(mailprof_diag *g, void *u)
{
	const struct filter *f = u;
	int i = mp_rule_index(g->id);
	if (i >= 0 && f->cfg && (size_t)i < sizeof f->cfg->enabled) {
		if (f->cfg->enabled[i] == 0)
			return false;
		if (f->cfg->severity[i] >= 0)
			g->severity = (mailprof_severity)f->cfg->severity[i];
	}
	for (size_t k = 0; f->p && k < f->p->nsupp; k++) {
		const mp_suppression *s = &f->p->supp[k];
		if (s->target < 0 || (s->target && s->target != g->loc.line))
			continue;
		if (!g->loc.file || strcmp(s->file, g->loc.file) != 0)
			continue;
		if (mp_strcasecmp(s->id, g->id) == 0 || (g->name && mp_strcasecmp(s->id, g->name) == 0))
			return false;
	}
	if (f->cfg && f->cfg->nbaseline) {
		char *key = mailprof_diag_key(g);
		bool known = bsearch(&key, f->cfg->baseline, f->cfg->nbaseline, sizeof(char *), cmp_key) != NULL;
		free(key);
		if (known)
			return false;
	}
	return true;
}

static void apply_config(const mailprof_profile *p, const mailprof_check_config *cfg, mailprof_diags *d)
{
	struct filter f = {p, cfg};
	mp_diags_filter(d, keep_finding, &f);
}

mailprof_status mailprof_check_with(const mailprof_profile *p, const mailprof_check_config *cfg,
                                    mailprof_diags *d)
{
	size_t first = mailprof_diags_count(d);
	for (size_t i = 0; mp_rule_at(i); i++) {
		const struct mp_rule *r = mp_rule_at(i);
		if (!r->run || (cfg && i < sizeof cfg->enabled && cfg->enabled[i] == 0))
			continue;
		mp_rule_ctx c = {r, p, d, cfg};
		for (size_t j = 0; j < p->naccounts; j++)
			r->run(&c, &p->accounts[j]);
	}
	for (size_t k = 0; k < p->nsupp; k++) {
		const mp_suppression *s = &p->supp[k];
		if (s->reason || (k && p->supp[k - 1].line == s->line && p->supp[k - 1].file == s->file))
			continue;
		mailprof_loc at = {s->file, s->line, 0};
		mp_rule_ctx c = {&mp_rule_suppression_no_reason, p, d, cfg};
		mp_report(&c, &at, "suppression of %s without a reason", s->id);
	}
	mp_diags_dedupe(d, first);
	apply_config(p, cfg, d);
	return MAILPROF_OK;
}

mailprof_status mailprof_check(const mailprof_profile *p, mailprof_diags *d)
{
	return mailprof_check_with(p, NULL, d);
}

/* ---- batch: duplicate accounts across files ----
 * Every identity key seen so far, in a hash set (open addressing), so a batch
 * of n accounts costs O(n), not O(n^2) comparisons. Only the first holder of
 * a key is kept: a batch of copies does not grow the table. */

struct seen {
	uint64_t hash;
	const char *file; /* one of b->files */
	int line;
	size_t add;       /* the mailprof_batch_add call that recorded it */
	char key[];
};

struct mailprof_batch {
	const mailprof_check_config *cfg;
	struct seen **v; /* power-of-two size, at most half full */
	size_t n, cap;
	char **files;    /* file names the entries point at, one copy each */
	size_t nfiles, files_cap;
	size_t adds;     /* mailprof_batch_add calls so far */
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
	for (size_t i = 0; i < b->cap; i++)
		free(b->v[i]);
	free(b->v);
	for (size_t i = 0; i < b->nfiles; i++)
		free(b->files[i]);
	free(b->files);
	free(b);
}

static uint64_t key_hash(const char *s)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The slot holding key, or the empty slot where it belongs. */
static struct seen **seen_slot(struct seen **v, size_t cap, uint64_t h, const char *key)
{
	size_t i = (size_t)h & (cap - 1);
	while (v[i] && (v[i]->hash != h || strcmp(v[i]->key, key) != 0))
		i = (i + 1) & (cap - 1);
	return &v[i];
}

static void seen_grow(mailprof_batch *b)
{
	size_t cap = b->cap ? b->cap * 2 : 256;
	struct seen **v = mp_xcalloc(cap, sizeof *v);
	for (size_t i = 0; i < b->cap; i++)
		if (b->v[i])
			*seen_slot(v, cap, b->v[i]->hash, b->v[i]->key) = b->v[i];
	free(b->v);
	b->v = v;
	b->cap = cap;
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
static struct seen *seen_take(mailprof_batch *b, const char *key, const mailprof_loc *loc,
                              const char **last_in, const char **last_copy)
{
	if (2 * (b->n + 1) > b->cap)
		seen_grow(b);
	uint64_t h = key_hash(key);
	struct seen **slot = seen_slot(b->v, b->cap, h, key);
	if (*slot)
		return *slot;
	const char *file = loc->file ? loc->file : "-";
	if (!*last_in || strcmp(*last_in, file) != 0) {
		if (b->nfiles == b->files_cap) {
			b->files_cap = b->files_cap ? 2 * b->files_cap : 64;
			b->files = mp_xrealloc(b->files, b->files_cap * sizeof *b->files);
		}
		b->files[b->nfiles++] = mp_xstrdup(file);
		*last_in = file;
		*last_copy = b->files[b->nfiles - 1];
	}
	size_t kl = strlen(key);
	struct seen *e = mp_xmalloc(sizeof *e + kl + 1);
	e->hash = h;
	e->file = *last_copy;
	e->line = loc->line;
	e->add = b->adds;
	memcpy(e->key, key, kl + 1);
	*slot = e;
	b->n++;
	return NULL;
}

void mailprof_batch_add(mailprof_batch *b, const mailprof_profile *p, mailprof_diags *d)
{
	mailprof_diags *nd = mailprof_diags_new();
	const char *last_in = NULL, *last_copy = NULL; /* the profile's file name, copied once */
	b->adds++;
	for (size_t j = 0; j < p->naccounts; j++) {
		const mp_account *a = &p->accounts[j];
		char *keys[MP_MAX_AUTH + 1];
		size_t nk;
		account_keys(a, keys, &nk, MP_COUNT(keys));
		bool reported = false;
		for (size_t k = 0; k < nk; k++) {
			const struct seen *old = seen_take(b, keys[k], &a->loc, &last_in, &last_copy);
			if (old && !reported) {
				mp_rule_ctx c = {&mp_rule_duplicate_account, p, nd, b->cfg};
				mp_report(&c, &a->loc, "account %s is a duplicate of the one at %s:%d",
				          a->email.v ? a->email.v : keys[k], old->file, old->line);
				reported = true;
			}
			free(keys[k]);
		}
	}
	/* Document identities: keys start with a byte no account key has.
	 * Templates' placeholders (%uuid%, PRIMARY_HOSTNAME) and malformed UUIDs
	 * (MP035's) are not identities. */
	for (size_t i = 0; i < p->ndoc_ids; i++) {
		const mp_doc_id *id = &p->doc_ids[i];
		if (mp_has_placeholder(id->value) || mp_template_token(id->value) ||
		    (strcmp(id->kind, "PayloadUUID") == 0 && !uuid_like(id->value)))
			continue;
		char *key = mp_xasprintf("\x01%s %s", id->kind, id->value);
		const struct seen *old = seen_take(b, key, &id->loc, &last_in, &last_copy);
		free(key);
		if (!old || old->add == b->adds)
			continue; /* new, or repeated inside this profile (MP035) */
		mp_rule_ctx c = {&mp_rule_duplicate_payload, p, nd, b->cfg};
		mp_report(&c, &id->loc, "%s %s is also the one of %s:%d%s", id->kind, id->value, old->file,
		          old->line,
		          strcmp(id->kind, "PayloadIdentifier") == 0
		              ? ": installing one profile replaces the other"
		              : "");
	}
	apply_config(p, b->cfg, nd);
	for (size_t i = 0; i < mailprof_diags_count(nd); i++) {
		const mailprof_diag *g = mailprof_diags_get(nd, i);
		mp_diag_rule(d, mailprof_rule_find(g->id), g->severity, &g->loc, "%s", g->message);
	}
	mailprof_diags_free(nd);
}
