/* The checker's configuration: .mailprof.ini, switches, baseline, and the
 * filter that applies them (and the input's suppression markers) to
 * findings. The CLI only forwards files and switches. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ini.h>

#include "check.h"
#include "hashset.h"

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

/* .mailprof.ini is read with inih, as INI profiles are (fmt_ini.c): the same
 * dialect (`key = value` or `key: value`, ';' and '#' comments, lines of at
 * most 196 bytes). Debian's inih gives the handler no line numbers, so they
 * come from our reader, which also sees the section headers and the lines
 * inih cannot parse. */
struct cfg_read {
	mailprof_check_config *c;
	const char *path;
	mailprof_diags *d;
	const char *cur, *end;
	int line;
	char sect[32];
	mailprof_status st;
};

static void cfg_error(struct cfg_read *r, const char *fix, const char *fmt, ...) MP_PRINTF(3, 4);
static void cfg_error(struct cfg_read *r, const char *fix, const char *fmt, ...)
{
	mailprof_loc at = {r->path, r->line, 1};
	va_list ap;
	va_start(ap, fmt);
	mp_vdiag(r->d, MAILPROF_ERROR, "config", NULL, &at, fix, fmt, ap);
	va_end(ap);
	r->st = MAILPROF_ERR_SYNTAX;
}

/* inih's line source: one line per call; headers and bad lines are handled
 * here and handed on blank. */
static char *cfg_reader(char *str, int num, void *stream)
{
	struct cfg_read *r = stream;
	if (r->cur >= r->end)
		return NULL;
	const char *nl = memchr(r->cur, '\n', (size_t)(r->end - r->cur));
	const char *eol = nl ? nl + 1 : r->end;
	const char *s = r->cur, *e = nl ? nl : r->end;
	r->cur = eol;
	r->line++;
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	str[0] = '\n';
	str[1] = '\0';
	if (s == e || *s == ';' || *s == '#')
		return str;
	if (*s == '[') {
		const char *close = memchr(s, ']', (size_t)(e - s));
		size_t n = close ? (size_t)(close - s - 1) : 0;
		if (!close || n >= sizeof r->sect) {
			cfg_error(r, NULL, "malformed section header");
			return str;
		}
		memcpy(r->sect, s + 1, n);
		r->sect[n] = '\0';
		if (strcmp(r->sect, "rules") && strcmp(r->sect, "hosting") && strcmp(r->sect, "check"))
			cfg_error(r, "use [check], [rules] or [hosting]", "unknown section [%s]", r->sect);
		return str;
	}
	if (!memchr(s, '=', (size_t)(e - s)) && !memchr(s, ':', (size_t)(e - s))) {
		cfg_error(r, NULL, "expected key = value");
		return str;
	}
	if ((size_t)(e - s) + 2 > (size_t)num) {
		cfg_error(r, "split the value over several lines (trusted = may repeat)",
		          "line longer than %d bytes", num - 2);
		return str;
	}
	memcpy(str, s, (size_t)(e - s));
	str[e - s] = '\n';
	str[e - s + 1] = '\0';
	return str;
}

static int cfg_handler(void *user, const char *section, const char *key, const char *value)
{
	(void)section; /* the reader tracked it, with its line */
	struct cfg_read *r = user;
	mailprof_check_config *c = r->c;
	const char *sect = r->sect;
	char *val = mp_xstrdup(value);
	bool ok = true;
	if ((!*sect || strcmp(sect, "check") == 0) && strcmp(key, "fail-on") == 0) {
		int sv = severity_word(val);
		if ((ok = sv >= 0))
			c->fail_on = sv;
	} else if (strcmp(sect, "rules") == 0) {
		int sv = severity_word(val);
		if (mp_rule_index(key) < 0) {
			cfg_error(r, "see `mailprof rules`", "no rule '%s'", key);
			free(val);
			return 1;
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
		char *save = NULL;
		for (char *tok = strtok_r(val, ", \t", &save); tok; tok = strtok_r(NULL, ", \t", &save))
			mailprof_check_config_trust(c, tok);
	} else {
		cfg_error(r, NULL, "unknown key '%s'%s%s%s", key, *sect ? " in [" : "", sect,
		          *sect ? "]" : "");
		free(val);
		return 1;
	}
	if (!ok)
		cfg_error(r, "use off, on, error, warning or info", "bad value '%s' for %s", val, key);
	free(val);
	return 1;
}

mailprof_status mailprof_check_config_parse(mailprof_check_config *c, const char *text, size_t len,
                                            const char *path, mailprof_diags *d)
{
	struct cfg_read r = {.c = c, .path = path, .d = d, .cur = text, .end = text + len};
	/* A NUL ends the text, as it did for the line-by-line reading before. */
	const char *nul = memchr(text, '\0', len);
	if (nul)
		r.end = nul;
	ini_parse_stream(cfg_reader, &r, cfg_handler, &r);
	return r.st;
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
	/* One line, three tab-separated fields, whatever the file name holds. */
	for (const char *p = g->loc.file ? g->loc.file : "-"; *p; p++)
		mp_buf_putc(&b, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
	mp_buf_printf(&b, "\t%s\t", g->id);
	for (const char *p = g->message; p && *p; p++)
		mp_buf_putc(&b, *p == '\t' || *p == '\n' ? ' ' : *p);
	return mp_buf_take(&b, NULL);
}

static int cmp_key(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

void mailprof_check_config_fingerprint(const mailprof_check_config *c, char out[17])
{
	/* Rules by ID, not table index, and every list with its count, so no
	 * two different settings hash the same text. */
	uint64_t h = MP_FNV_INIT;
	size_t nrules = mailprof_rule_count();
	for (size_t i = 0; c && i < sizeof c->enabled; i++) {
		if (c->enabled[i] < 0 && c->severity[i] < 0)
			continue;
		const mailprof_rule_info *r = i < nrules ? mailprof_rule_get(i) : mailprof_code_get(i - nrules);
		if (!r)
			continue;
		h = mp_fnv1a_str(h, r->id);
		h = mp_fnv1a(h, &c->enabled[i], 1);
		h = mp_fnv1a(h, &c->severity[i], 1);
	}
	uint64_t n = c ? c->ntrusted : 0;
	h = mp_fnv1a(h, &n, sizeof n);
	for (size_t i = 0; i < n; i++)
		h = mp_fnv1a_str(h, c->trusted[i]);
	n = c ? c->nbaseline : 0;
	h = mp_fnv1a(h, &n, sizeof n);
	for (size_t i = 0; i < n; i++)
		h = mp_fnv1a_str(h, c->baseline[i]);
	snprintf(out, 17, "%016llx", (unsigned long long)h);
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

/* ---- applying the configuration ---- */

bool mp_suppressed(const mailprof_profile *p, const char *id, const char *name,
                   const mailprof_loc *loc)
{
	for (size_t k = 0; p && k < p->nsupp; k++) {
		const mp_suppression *s = &p->supp[k];
		if (s->target < 0 || (s->target && s->target != loc->line))
			continue;
		if (!loc->file || strcmp(s->file, loc->file) != 0)
			continue;
		if (mp_strcasecmp(s->id, id) == 0 || (name && mp_strcasecmp(s->id, name) == 0))
			return true;
	}
	return false;
}

/* The suppressions sorted by (target line, ID): a finding finds its own in
 * O(log n), so n markers and m findings cost O((n + m) log n), not n * m. */
struct filter {
	const mailprof_check_config *cfg;
	const mp_suppression **supp;
	size_t nsupp;
};

static int cmp_supp_key(int target, const char *id, const mp_suppression *s)
{
	if (target != s->target)
		return target < s->target ? -1 : 1;
	return mp_strcasecmp(id, s->id);
}

static int cmp_supp(const void *x, const void *y)
{
	const mp_suppression *a = *(const mp_suppression *const *)x, *b = *(const mp_suppression *const *)y;
	return cmp_supp_key(a->target, a->id, b);
}

/* A marker of g's file for its line (or the whole file, target 0) naming id. */
static bool suppressed_as(const struct filter *f, const mailprof_diag *g, int target, const char *id)
{
	size_t lo = 0, hi = f->nsupp;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_supp_key(target, id, f->supp[mid]) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < f->nsupp && cmp_supp_key(target, id, f->supp[lo]) == 0; lo++)
		if (strcmp(f->supp[lo]->file, g->loc.file) == 0)
			return true;
	return false;
}

static bool suppressed(const struct filter *f, const mailprof_diag *g)
{
	if (!f->nsupp || !g->loc.file)
		return false;
	for (int t = 0; t < 2; t++) {
		int target = t ? g->loc.line : 0;
		if (t && target <= 0)
			break;
		if (suppressed_as(f, g, target, g->id) || (g->name && suppressed_as(f, g, target, g->name)))
			return true;
	}
	return false;
}

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
	if (suppressed(f, g))
		return false;
	if (f->cfg && f->cfg->nbaseline) {
		char *key = mailprof_diag_key(g);
		bool known = bsearch(&key, f->cfg->baseline, f->cfg->nbaseline, sizeof(char *), cmp_key) != NULL;
		free(key);
		if (known)
			return false;
	}
	return true;
}

void mp_config_apply(const mailprof_profile *p, const mailprof_check_config *cfg, mailprof_diags *d)
{
	struct filter f = {cfg, NULL, 0};
	if (p && p->nsupp) {
		f.supp = mp_xmalloc(p->nsupp * sizeof *f.supp);
		for (size_t k = 0; k < p->nsupp; k++)
			if (p->supp[k].target >= 0) /* -1: silences nothing */
				f.supp[f.nsupp++] = &p->supp[k];
		if (f.nsupp > 1)
			qsort(f.supp, f.nsupp, sizeof *f.supp, cmp_supp);
	}
	mp_diags_filter(d, keep_finding, &f);
	free(f.supp);
}
