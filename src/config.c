/* The checker's configuration: .mailprof.ini, switches, baseline, and the
 * filter that applies them (and the input's suppression markers) to
 * findings. The CLI only forwards files and switches. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
	int err = mp_read_file(path, &buf, &len);
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
		FILE *f = fopen(cand, "r");
		if (f) {
			fclose(f);
			free(cur);
			return cand;
		}
		free(cand);
		char *slash = strrchr(cur, '/');
		if (!slash || strcmp(cur, "/") == 0) {
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
	int err = mp_read_file(path, &buf, &len);
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
	qsort(c->baseline, c->nbaseline, sizeof *c->baseline, cmp_key);
	return MAILPROF_OK;
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

void mp_config_apply(const mailprof_profile *p, const mailprof_check_config *cfg, mailprof_diags *d)
{
	struct filter f = {p, cfg};
	mp_diags_filter(d, keep_finding, &f);
}
