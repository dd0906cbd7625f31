/* Notice templates (docs/notice-templates.md): a short header, a line
 * "---", then the notice body with {placeholders} named after model fields.
 * Parsing matches the body exactly against the normalised notice (both
 * sides normalised the same way, so width and line-end differences do not
 * matter); rendering fills the placeholders from a model. */
#include <stdarg.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "notice.h"

/* Placeholder targets. Servers: incoming[0], incoming[1], outgoing[0]. */
enum tf { TF_EMAIL, TF_DISPLAY_NAME, TF_PROVIDER_ID, TF_PROVIDER_NAME, TF_PROVIDER_SHORT,
          TF_PROTOCOL, TF_HOST, TF_PORT, TF_SECURITY, TF_AUTH, TF_USERNAME, TF_PASSWORD };

struct field {
	enum tf f;
	int srv; /* -1 account; 0 incoming, 1 incoming2, 2 outgoing */
};

struct seg {
	char *lit;  /* literal (normalised) or NULL for a placeholder */
	size_t len;
	struct field fd;
	int line;   /* in the template file, for messages */
};

struct def {
	struct field fd;
	char *value;
};

struct mp_ntemplate {
	char *path;
	char *provider, *match;
	char *body_raw; /* as written, for rendering */
	int body_line;  /* line of the template file where the body starts */
	bool html;      /* the body is HTML: literals are normalised as HTML */
	struct seg *segs;
	size_t nsegs;
	struct def *defs;
	size_t ndefs;
};

static const struct {
	const char *name;
	enum tf f;
} acct_names[] = {{"email", TF_EMAIL}, {"display_name", TF_DISPLAY_NAME},
                  {"provider_id", TF_PROVIDER_ID}, {"provider_name", TF_PROVIDER_NAME},
                  {"provider_short_name", TF_PROVIDER_SHORT}},
  srv_names[] = {{"protocol", TF_PROTOCOL}, {"host", TF_HOST},         {"port", TF_PORT},
                 {"security", TF_SECURITY}, {"auth", TF_AUTH},         {"username", TF_USERNAME},
                 {"password", TF_PASSWORD}};

/* The server prefixes of placeholders, by struct field's srv. */
static const char *const srv_prefix[] = {"incoming.", "incoming2.", "outgoing."};

static bool field_parse(const char *s, size_t n, struct field *out)
{
	for (size_t i = 0; i < MP_COUNT(acct_names); i++)
		if (strlen(acct_names[i].name) == n && memcmp(s, acct_names[i].name, n) == 0) {
			out->f = acct_names[i].f;
			out->srv = -1;
			return true;
		}
	for (int k = 0; k < 3; k++) {
		size_t pl = strlen(srv_prefix[k]);
		if (n <= pl || memcmp(s, srv_prefix[k], pl) != 0)
			continue;
		for (size_t i = 0; i < MP_COUNT(srv_names); i++)
			if (strlen(srv_names[i].name) == n - pl && memcmp(s + pl, srv_names[i].name, n - pl) == 0) {
				if (k == 2 && srv_names[i].f == TF_PROTOCOL)
					return false; /* outgoing is always SMTP */
				out->f = srv_names[i].f;
				out->srv = k;
				return true;
			}
	}
	return false;
}

/* The placeholder's name ("outgoing.port"), for messages. */
static void field_name(const struct field *fd, char *buf, size_t cap)
{
	const char *name = "?";
	if (fd->srv < 0) {
		for (size_t i = 0; i < MP_COUNT(acct_names); i++)
			if (acct_names[i].f == fd->f)
				name = acct_names[i].name;
	} else
		for (size_t i = 0; i < MP_COUNT(srv_names); i++)
			if (srv_names[i].f == fd->f)
				name = srv_names[i].name;
	snprintf(buf, cap, "%s%s", fd->srv < 0 ? "" : srv_prefix[fd->srv], name);
}

void mp_ntemplate_free(mp_ntemplate *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nsegs; i++)
		free(t->segs[i].lit);
	for (size_t i = 0; i < t->ndefs; i++)
		free(t->defs[i].value);
	free(t->segs);
	free(t->defs);
	free(t->path);
	free(t->provider);
	free(t->match);
	free(t->body_raw);
	free(t);
}

/* Normalise a piece of literal text the way notices are normalised. */
static char *norm_text(const char *s, size_t n, bool html, size_t *out_len)
{
	mp_ntext nt;
	mp_notice_normalize_as(s, n, html, &nt);
	mp_buf b = {0};
	for (size_t i = 0; i < nt.n; i++) {
		if (i)
			mp_buf_putc(&b, '\n');
		mp_buf_add(&b, nt.lines[i].s, nt.lines[i].len);
	}
	/* normalize() ends at the last newline; keep a trailing one. A literal
	 * that stops inside a line keeps its trailing blanks ("Dear {name}"). */
	if (n && s[n - 1] == '\n')
		mp_buf_putc(&b, '\n');
	else {
		size_t e = n;
		for (;;) {
			if (e >= 1 && s[e - 1] == ' ')
				e -= 1;
			else if (e >= 3 && memcmp(s + e - 3, "\xE3\x80\x80", 3) == 0)
				e -= 3;
			else
				break;
			mp_buf_putc(&b, ' ');
		}
	}
	mp_ntext_free(&nt);
	if (!b.s)
		mp_buf_add(&b, "", 0);
	return mp_buf_take(&b, out_len);
}

MP_PRINTF(5, 6)
static void tdiag(mailprof_diags *d, const char *path, int line, const char *fix, const char *msg, ...)
{
	mailprof_loc l = {path, line, 1};
	va_list ap;
	va_start(ap, msg);
	mp_vdiag(d, MAILPROF_ERROR, "notice-template", NULL, &l, fix, msg, ap);
	va_end(ap);
}

static void add_seg(mp_ntemplate *t, struct seg s)
{
	t->segs = mp_xgrow(t->segs, t->nsegs, sizeof *t->segs);
	t->segs[t->nsegs++] = s;
}

/* Literal text between placeholders, with {{ and }} unescaped. */
static void add_lit(mp_ntemplate *t, const char *s, size_t n, int line)
{
	mp_buf raw = {0};
	for (size_t i = 0; i < n; i++) {
		mp_buf_putc(&raw, s[i]);
		if ((s[i] == '{' || s[i] == '}') && i + 1 < n && s[i + 1] == s[i])
			i++;
	}
	if (!raw.len) {
		mp_buf_free(&raw);
		return;
	}
	struct seg g = {0};
	g.lit = norm_text(raw.s, raw.len, t->html, &g.len);
	g.line = line;
	mp_buf_free(&raw);
	add_seg(t, g);
}

mp_ntemplate *mp_ntemplate_load(const char *path, mailprof_diags *d)
{
	char *buf;
	size_t len;
	int err = mp_read_file(path, MAILPROF_MAX_INPUT, &buf, &len);
	if (err) {
		mailprof_loc l = {path, 0, 0};
		mp_diag(d, MAILPROF_ERROR, "notice-template", &l, NULL, "cannot read template: %s",
		        strerror(err));
		return NULL;
	}
	mp_ntemplate *t = mp_xcalloc(1, sizeof *t);
	t->path = mp_xstrdup(path);
	/* The header, up to a line "---". */
	const char *p = buf, *end = buf + len;
	int line = 1;
	bool ok = true, sep = false;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		size_t n = (size_t)(e - p);
		while (n && (p[n - 1] == '\r' || p[n - 1] == ' '))
			n--;
		char *ln = mp_xstrndup(p, n);
		p = nl ? nl + 1 : end;
		line++;
		if (strcmp(ln, "---") == 0) {
			free(ln);
			sep = true;
			break;
		}
		char *colon = strchr(ln, ':');
		if (!n || ln[0] == '#') {
			free(ln);
			continue;
		}
		if (!colon) {
			tdiag(d, path, line - 1, "write `key: value`", "%s", "header line without ':'");
			ok = false;
			free(ln);
			continue;
		}
		*colon = '\0';
		char *v = colon + 1;
		while (*v == ' ')
			v++;
		struct field fd;
		if (strcmp(ln, "provider") == 0) {
			free(t->provider);
			t->provider = mp_xstrdup(v);
		} else if (strcmp(ln, "match") == 0) {
			size_t ml;
			free(t->match);
			t->match = norm_text(v, strlen(v), false, &ml);
		} else if (strncmp(ln, "default ", 8) == 0 && field_parse(ln + 8, strlen(ln + 8), &fd)) {
			t->defs = mp_xgrow(t->defs, t->ndefs, sizeof *t->defs);
			t->defs[t->ndefs].fd = fd;
			t->defs[t->ndefs].value = mp_xstrdup(v);
			t->ndefs++;
		} else {
			tdiag(d, path, line - 1, "header keys: provider, match, default <field>",
			      "unknown header key `%s`", ln);
			ok = false;
		}
		free(ln);
	}
	if (!sep) {
		tdiag(d, path, line, "end the header with a line `---`", "%s", "template without a body");
		ok = false;
	}
	if (!t->match && ok) {
		tdiag(d, path, 1, "add `match: <text every such notice contains>`", "%s",
		      "template without a match line");
		ok = false;
	}
	/* The body: literals and {placeholders}. */
	t->body_raw = mp_xstrndup(p, (size_t)(end - p));
	t->body_line = line;
	t->html = mp_notice_is_html(p, (size_t)(end - p));
	const char *s = p, *lit = p;
	int bl = line;
	for (; ok && s < end; s++) {
		if (*s == '\n')
			bl++;
		if (*s == '{' && s + 1 < end && s[1] == '{') {
			s++;
			continue;
		}
		if (*s == '}' && s + 1 < end && s[1] == '}') {
			s++;
			continue;
		}
		if (*s != '{')
			continue;
		const char *close = memchr(s, '}', (size_t)(end - s));
		struct field fd;
		if (!close || !field_parse(s + 1, (size_t)(close - s - 1), &fd)) {
			char *name = mp_xstrndup(s + 1, close ? (size_t)(close - s - 1) : 0);
			tdiag(d, path, bl, "see docs/notice-templates.md for the field names",
			      "unknown placeholder {%s}", name);
			free(name);
			ok = false;
			break;
		}
		add_lit(t, lit, (size_t)(s - lit), bl);
		if (t->nsegs && !t->segs[t->nsegs - 1].lit) {
			tdiag(d, path, bl, "put text between placeholders", "%s",
			      "two placeholders in a row cannot be told apart");
			ok = false;
			break;
		}
		struct seg g = {0};
		g.fd = fd;
		g.line = bl;
		add_seg(t, g);
		s = close;
		lit = close + 1;
	}
	if (ok)
		add_lit(t, lit, (size_t)(end - lit), bl);
	free(buf);
	if (!ok) {
		mp_ntemplate_free(t);
		return NULL;
	}
	return t;
}

/* The notice as one normalised string, with line/column of every byte. */
struct flat {
	mp_buf b;
	int *line, *col;
};

static void flatten(const mp_ntext *x, struct flat *f)
{
	size_t total = 1;
	for (size_t i = 0; i < x->n; i++)
		total += x->lines[i].len + 1;
	memset(f, 0, sizeof *f);
	f->line = mp_xmalloc(total * sizeof *f->line);
	f->col = mp_xmalloc(total * sizeof *f->col);
	for (size_t i = 0; i < x->n; i++) {
		const mp_nline *l = &x->lines[i];
		for (size_t k = 0; k <= l->len; k++) {
			f->line[f->b.len + k] = l->line;
			f->col[f->b.len + k] = mp_nline_col(l, k);
		}
		mp_buf_add(&f->b, l->s, l->len);
		mp_buf_putc(&f->b, '\n');
	}
	if (!f->b.s)
		mp_buf_add(&f->b, "", 0);
	f->line[f->b.len] = x->n ? x->lines[x->n - 1].line + 1 : 1;
	f->col[f->b.len] = 1;
}

bool mp_ntemplate_matches(const mp_ntemplate *t, const mp_ntext *text)
{
	struct flat f;
	flatten(text, &f);
	bool r = t->match && strstr(f.b.s, t->match) != NULL;
	mp_buf_free(&f.b);
	free(f.line);
	free(f.col);
	return r;
}

static mp_server *tsrv(mp_account *a, int k, const char *proto_hint)
{
	(void)proto_hint;
	if (k == 2) {
		if (!a->noutgoing)
			mp_server_add(a, MP_PROTO_SMTP);
		return &a->outgoing[0];
	}
	while (a->nincoming <= (size_t)k)
		mp_server_add(a, MP_PROTO_POP3);
	return &a->incoming[k];
}

/* Store one value; false (with a diagnostic) when it does not parse. */
static bool put(mp_account *a, const struct field *fd, const char *v, size_t n,
                const mailprof_loc *loc, mailprof_diags *d, bool *proto_set)
{
	if (n == 0)
		return true; /* left blank: unset */
	char *s = mp_xstrndup(v, n);
	bool ok = true;
	mp_server *sv = fd->srv >= 0 ? tsrv(a, fd->srv, NULL) : NULL;
	switch (fd->f) {
	case TF_EMAIL: mp_str_set(&a->email, s, loc); break;
	case TF_DISPLAY_NAME: mp_str_set(&a->display_name, s, loc); break;
	case TF_PROVIDER_ID: mp_str_set(&a->provider_id, s, loc); break;
	case TF_PROVIDER_NAME: mp_str_set(&a->provider_name, s, loc); break;
	case TF_PROVIDER_SHORT: mp_str_set(&a->provider_short_name, s, loc); break;
	case TF_HOST: mp_str_set(&sv->host, s, loc); sv->loc = *loc; break;
	case TF_USERNAME: mp_str_set(&sv->username, s, loc); break;
	case TF_PASSWORD:
		/* A masked password ("********") means the letter does not give it. */
		if (strspn(s, "*") != n)
			mp_str_set(&sv->password, s, loc);
		break;
	case TF_PROTOCOL: {
		mp_protocol pr;
		if (mp_protocol_parse(s, &pr) && pr != MP_PROTO_SMTP) {
			sv->protocol = pr;
			proto_set[fd->srv] = true;
		} else
			ok = false;
		break;
	}
	case TF_PORT: {
		char *e;
		errno = 0;
		long pv = strtol(s, &e, 10);
		if (*e || e == s || errno || pv < 0 || pv > 65535)
			ok = false;
		else
			mp_int_set(&sv->port, (int)pv, loc);
		break;
	}
	case TF_SECURITY: {
		mp_security sec;
		if (mp_security_parse(s, &sec))
			mp_int_set(&sv->security, (int)sec, loc);
		else
			ok = false;
		break;
	}
	case TF_AUTH: {
		sv->nauth = 0;
		sv->auth_loc = *loc;
		for (char *tok = s; *tok;) {
			size_t k = strcspn(tok, ", ");
			if (k) {
				char save = tok[k];
				tok[k] = '\0';
				mp_auth au;
				if (mp_auth_parse(tok, &au))
					mp_server_add_auth(sv, au);
				else
					ok = false;
				tok[k] = save;
			}
			tok += k;
			tok += strspn(tok, ", ");
		}
		break;
	}
	}
	if (!ok)
		mp_diag(d, MAILPROF_ERROR, "notice-template-value", loc, "see docs/notice-templates.md",
		        "value `%s` does not fit its placeholder", fd->f == TF_PASSWORD ? "***" : s);
	free(s);
	return ok;
}

static bool body_has(const mp_ntemplate *t, const struct field *fd)
{
	for (size_t i = 0; i < t->nsegs; i++)
		if (!t->segs[i].lit && t->segs[i].fd.f == fd->f && t->segs[i].fd.srv == fd->srv)
			return true;
	return false;
}

mailprof_status mp_ntemplate_parse(const mp_ntemplate *t, mailprof_profile *p, const mp_ntext *text,
                                   const char *path, mailprof_diags *d)
{
	struct flat f;
	flatten(text, &f);
	const char *s = f.b.s;
	size_t n = f.b.len, pos = 0;
	mp_account *a = mp_account_add(p);
	a->loc = (mailprof_loc){path, 1, 1};
	bool proto_set[3] = {false, false, true};
	bool ok = true;
	for (size_t i = 0; i < t->nsegs && ok; i++) {
		const struct seg *g = &t->segs[i];
		if (g->lit) {
			if (pos + g->len > n || memcmp(s + pos, g->lit, g->len) != 0) {
				/* Point at the first differing byte. */
				size_t k = 0;
				while (pos + k < n && k < g->len && s[pos + k] == g->lit[k])
					k++;
				mailprof_loc l = {path, f.line[pos + k], f.col[pos + k]};
				size_t show = g->len - k;
				const char *nl = memchr(g->lit + k, '\n', show);
				if (nl)
					show = (size_t)(nl - g->lit - k);
				if (show > 40)
					show = 40;
				char *exp = mp_xstrndup(g->lit + k, show);
				mp_diag(d, MAILPROF_ERROR, "notice-template-mismatch", &l,
				        "the notice does not follow this template; try without --template",
				        "notice differs from template %s here: expected `%s`", t->path,
				        show ? exp : "end of line");
				free(exp);
				ok = false;
				break;
			}
			pos += g->len;
			continue;
		}
		/* A placeholder takes the text up to where the next literal starts
		 * on this line (or the line's end). */
		const struct seg *nx = i + 1 < t->nsegs ? &t->segs[i + 1] : NULL;
		const char *eol = memchr(s + pos, '\n', n - pos);
		size_t lim = eol ? (size_t)(eol - s) : n;
		size_t e = lim;
		if (nx && nx->lit && nx->lit[0] != '\n') {
			size_t want = strcspn(nx->lit, "\n");
			e = (size_t)-1;
			for (size_t k = pos; k + want <= lim; k++)
				if (memcmp(s + k, nx->lit, want) == 0) {
					e = k;
					break;
				}
			if (e == (size_t)-1)
				e = lim; /* the literal check reports it */
		}
		mailprof_loc l = {path, f.line[pos], f.col[pos]};
		if (!put(a, &g->fd, s + pos, e - pos, &l, d, proto_set))
			ok = false;
		pos = e;
	}
	/* Trailing blank lines do not count. */
	while (ok && pos < n && (s[pos] == '\n' || s[pos] == ' '))
		pos++;
	if (ok && pos < n) {
		mailprof_loc l = {path, f.line[pos], f.col[pos]};
		mp_diag(d, MAILPROF_ERROR, "notice-template-mismatch", &l, NULL,
		        "notice goes on after the end of template %s", t->path);
		ok = false;
	}
	/* Defaults for what the body does not hold. */
	for (size_t i = 0; ok && i < t->ndefs; i++) {
		const struct def *df = &t->defs[i];
		if (body_has(t, &df->fd))
			continue;
		if (df->fd.srv >= 0 && df->fd.srv != 2 && !(df->fd.srv < (int)a->nincoming))
			continue; /* no such server in this notice */
		if (df->fd.srv == 2 && !a->noutgoing)
			continue;
		/* Values keep their location for the profile's life: the
		 * template's own path is freed with the template. */
		mailprof_loc l = {mp_profile_file(p, t->path), 0, 0};
		ok = put(a, &df->fd, df->value, strlen(df->value), &l, d, proto_set);
	}
	if (ok && t->provider && !a->provider_name.v) {
		mailprof_loc l = {mp_profile_file(p, t->path), 1, 1};
		mp_str_set(&a->provider_name, t->provider, &l);
	}
	for (int k = 0; ok && k < 2; k++)
		if ((size_t)k < a->nincoming && !proto_set[k]) {
			mailprof_loc l = {t->path, 0, 0};
			mp_diag(d, MAILPROF_ERROR, "notice-template", &l,
			        "add {incoming.protocol} or `default incoming.protocol: pop3`",
			        "template does not say which incoming protocol the notice describes");
			ok = false;
		}
	mp_buf_free(&f.b);
	free(f.line);
	free(f.col);
	return ok ? MAILPROF_OK : MAILPROF_ERR_SYNTAX;
}

/* ---- rendering ---- */

/* Writes the value of one placeholder; false when the profile does not give
 * it, which would leave a hole in the letter. */
static bool render_field(mp_buf *b, const mp_account *a, const struct field *fd,
                         const mailprof_options *opt)
{
	const mp_server *sv = NULL;
	if (fd->srv == 2)
		sv = a->noutgoing ? &a->outgoing[0] : NULL;
	else if (fd->srv >= 0)
		sv = (size_t)fd->srv < a->nincoming ? &a->incoming[fd->srv] : NULL;
	if (fd->srv >= 0 && !sv)
		return false;
	const mp_str *st = NULL;
	switch (fd->f) {
	case TF_EMAIL: st = &a->email; break;
	case TF_DISPLAY_NAME: st = &a->display_name; break;
	case TF_PROVIDER_ID: st = &a->provider_id; break;
	case TF_PROVIDER_NAME: st = &a->provider_name; break;
	case TF_PROVIDER_SHORT: st = &a->provider_short_name; break;
	case TF_HOST: st = &sv->host; break;
	case TF_USERNAME: st = &sv->username; break;
	case TF_PASSWORD:
		if (sv->password.v)
			mp_buf_puts(b, opt->include_secrets ? sv->password.v : "********");
		return sv->password.v != NULL;
	case TF_PROTOCOL: mp_buf_puts(b, mp_protocol_name(sv->protocol)); return true;
	case TF_PORT:
		if (sv->port.set)
			mp_buf_printf(b, "%d", sv->port.v);
		return sv->port.set;
	case TF_SECURITY:
		if (sv->security.set)
			mp_buf_puts(b, mp_security_name((mp_security)sv->security.v));
		return sv->security.set;
	case TF_AUTH:
		for (size_t i = 0; i < sv->nauth; i++) {
			if (i)
				mp_buf_puts(b, ", ");
			mp_buf_puts(b, mp_auth_name(sv->auth[i]));
		}
		return sv->nauth > 0;
	}
	if (st && st->v && st->v[0])
		mp_buf_puts(b, st->v);
	return st && st->v && st->v[0];
}

mailprof_status mp_ntemplate_render(const mp_ntemplate *t, const mailprof_profile *p,
                                    const mailprof_options *opt, mp_buf *out, mailprof_diags *d)
{
	if (!p->naccounts) {
		mailprof_loc l = {NULL, 0, 0};
		mp_diag(d, MAILPROF_ERROR, "notice-render", &l, NULL, "no account to render");
		return MAILPROF_ERR_INVALID;
	}
	const mp_account *a = &p->accounts[0];
	if (p->naccounts > 1) {
		mailprof_loc l = {NULL, 0, 0};
		mp_diag(d, MAILPROF_INFO, "notice-render", &l, NULL,
		        "the notice template holds one account; only the first of %zu is rendered",
		        p->naccounts);
	}
	if (a->noutgoing > 1 || a->nincoming > 2) {
		mailprof_loc l = a->loc;
		mp_diag(d, MAILPROF_INFO, "notice-render", &l, NULL, "%s",
		        "extra servers are not in the notice (it holds two incoming and one outgoing)");
	}
	/* A default stands for what the letter says without a placeholder
	 * ("port 587" written out): a profile that differs would get a letter
	 * that reads back as someone else's settings. */
	bool whole = true;
	for (size_t i = 0; i < t->ndefs; i++) {
		const struct def *df = &t->defs[i];
		if (body_has(t, &df->fd))
			continue;
		mp_buf v = {0};
		mailprof_options quiet = {0};
		bool has = render_field(&v, a, &df->fd, &quiet);
		if (has && df->fd.f == TF_AUTH && strchr(v.s, ','))
			*strchr(v.s, ',') = '\0'; /* the letter names one method: the first */
		if (has && mp_strcasecmp(v.s, df->value) != 0) {
			char name[32];
			field_name(&df->fd, name, sizeof name);
			mailprof_loc l = {t->path, 0, 0};
			mp_diag(d, MAILPROF_ERROR, "notice-render", &l, "use a template that matches the profile",
			        "the letter states %s `%s` (`default` in the template), the profile has `%s`", name,
			        df->value, v.s);
			whole = false;
		}
		mp_buf_free(&v);
	}
	/* Render from the body as written, so the letter keeps its own width
	 * and spelling; only {placeholders} change. A placeholder the profile
	 * cannot fill is an error at its line: a letter with a hole in it is
	 * not written. */
	const char *s = t->body_raw;
	int line = t->body_line;
	while (*s) {
		if (*s == '\n')
			line++;
		if ((s[0] == '{' && s[1] == '{') || (s[0] == '}' && s[1] == '}')) {
			mp_buf_putc(out, s[0]);
			s += 2;
			continue;
		}
		if (*s == '{') {
			const char *close = strchr(s, '}');
			struct field fd;
			if (close && field_parse(s + 1, (size_t)(close - s - 1), &fd)) {
				if (!render_field(out, a, &fd, opt)) {
					mailprof_loc l = {t->path, line, 0};
					mp_diag(d, MAILPROF_ERROR, "notice-render", &l,
					        "give the value in the profile, or use a template without it",
					        "the template asks for {%.*s}, which the profile does not give",
					        (int)(close - s - 1), s + 1);
					whole = false;
				}
				s = close + 1;
				continue;
			}
		}
		mp_buf_putc(out, *s++);
	}
	return whole ? MAILPROF_OK : MAILPROF_ERR_INVALID;
}
