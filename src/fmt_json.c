/* JSON form of the model, for scripts and tests (docs/json-format.md):
 * {"accounts":[{"email":…,"incoming":[…],…}]}. Unset values are null.
 * Passwords only with include_secrets. The reader accepts the same shape
 * (RFC 8259 JSON), with a position on every value for findings. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"

/* ---- a small JSON tree with positions ---- */

enum jtype { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jval {
	enum jtype t;
	int line, col;
	bool b;
	double num;
	char *s;           /* J_STR */
	struct jval *kids; /* J_ARR, J_OBJ (values) */
	char **keys;       /* J_OBJ */
	size_t n;
};

struct jp {
	const char *p, *end, *line_start;
	int line;
	const char *err;
	int depth;
};

static void jfree(struct jval *v)
{
	free(v->s);
	for (size_t i = 0; i < v->n; i++) {
		jfree(&v->kids[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->kids);
	free(v->keys);
}

static void ws(struct jp *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' || *j->p == '\n')) {
		if (*j->p == '\n') {
			j->line++;
			j->line_start = j->p + 1;
		}
		j->p++;
	}
}

static bool hex4(struct jp *j, unsigned long *out)
{
	if (j->end - j->p < 4)
		return false;
	unsigned long v = 0;
	for (int i = 0; i < 4; i++) {
		char c = *j->p++;
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned long)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned long)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned long)(c - 'A' + 10);
		else
			return false;
	}
	*out = v;
	return true;
}

static char *jstring(struct jp *j)
{
	mp_buf b = {0};
	j->p++; /* opening quote */
	while (j->p < j->end && *j->p != '"') {
		unsigned char c = (unsigned char)*j->p;
		if (c < 0x20) {
			j->err = "control character in a string";
			goto fail;
		}
		if (c != '\\') {
			/* Only text every format can hold (see mp_text_check). */
			unsigned long cp;
			size_t k = mp_utf8_next(j->p, (size_t)(j->end - j->p), &cp);
			if (!k || !mp_xml_char_ok(cp)) {
				j->err = k ? "character no profile format can hold in a string"
				           : "bytes that are not valid UTF-8 in a string";
				goto fail;
			}
			mp_buf_add(&b, j->p, k);
			j->p += k;
			continue;
		}
		if (++j->p >= j->end)
			break;
		char e = *j->p++;
		unsigned long u, lo;
		switch (e) {
		case '"': case '\\': case '/': mp_buf_putc(&b, e); break;
		case 'b': case 'f': j->err = "control character (\\b, \\f) in a string"; goto fail;
		case 'n': mp_buf_putc(&b, '\n'); break;
		case 'r': mp_buf_putc(&b, '\r'); break;
		case 't': mp_buf_putc(&b, '\t'); break;
		case 'u':
			if (!hex4(j, &u)) {
				j->err = "bad \\u escape";
				goto fail;
			}
			if (u >= 0xD800 && u < 0xDC00 && j->end - j->p >= 6 && j->p[0] == '\\' && j->p[1] == 'u') {
				j->p += 2;
				if (!hex4(j, &lo) || lo < 0xDC00 || lo > 0xDFFF) {
					j->err = "bad surrogate pair";
					goto fail;
				}
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
			}
			if (u >= 0xD800 && u <= 0xDFFF) {
				j->err = "lone surrogate (\\ud800-\\udfff) in a string";
				goto fail;
			}
			if (!mp_xml_char_ok(u)) {
				j->err = u < 0x20 ? "control character in a string"
				                  : "character no profile format can hold in a string";
				goto fail;
			}
			mp_buf_utf8(&b, u);
			break;
		default: j->err = "bad escape"; goto fail;
		}
	}
	if (j->p >= j->end) {
		j->err = "unterminated string";
		goto fail;
	}
	j->p++;
	return mp_buf_take(&b, NULL);
fail:
	mp_buf_free(&b);
	return NULL;
}

static bool jvalue(struct jp *j, struct jval *v);

static bool jcontainer(struct jp *j, struct jval *v, bool obj)
{
	char close = obj ? '}' : ']';
	j->p++;
	ws(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		return true;
	}
	for (;;) {
		ws(j);
		char *key = NULL;
		if (obj) {
			if (j->p >= j->end || *j->p != '"') {
				j->err = "expected a key string";
				return false;
			}
			if (!(key = jstring(j)))
				return false;
			ws(j);
			if (j->p >= j->end || *j->p != ':') {
				free(key);
				j->err = "expected ':'";
				return false;
			}
			j->p++;
			ws(j);
		}
		v->kids = mp_xgrow(v->kids, v->n, sizeof *v->kids);
		if (obj)
			v->keys = mp_xgrow(v->keys, v->n, sizeof *v->keys);
		memset(&v->kids[v->n], 0, sizeof *v->kids);
		if (obj)
			v->keys[v->n] = key;
		v->n++;
		if (!jvalue(j, &v->kids[v->n - 1]))
			return false;
		ws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == close) {
			j->p++;
			return true;
		}
		j->err = obj ? "expected ',' or '}'" : "expected ',' or ']'";
		return false;
	}
}

static bool jvalue(struct jp *j, struct jval *v)
{
	ws(j);
	v->line = j->line;
	v->col = (int)(j->p - j->line_start) + 1;
	if (j->p >= j->end) {
		j->err = "unexpected end of input";
		return false;
	}
	if (++j->depth > 64) {
		j->err = "nested too deeply";
		return false;
	}
	bool ok = true;
	char c = *j->p;
	if (c == '{' || c == '[') {
		v->t = c == '{' ? J_OBJ : J_ARR;
		ok = jcontainer(j, v, c == '{');
	} else if (c == '"') {
		v->t = J_STR;
		ok = (v->s = jstring(j)) != NULL;
	} else if (j->end - j->p >= 4 && memcmp(j->p, "null", 4) == 0) {
		v->t = J_NULL, j->p += 4;
	} else if (j->end - j->p >= 4 && memcmp(j->p, "true", 4) == 0) {
		v->t = J_BOOL, v->b = true, j->p += 4;
	} else if (j->end - j->p >= 5 && memcmp(j->p, "false", 5) == 0) {
		v->t = J_BOOL, v->b = false, j->p += 5;
	} else if (c == '-' || (c >= '0' && c <= '9')) {
		char tmp[64];
		size_t n = 0;
		while (j->p + n < j->end && n < sizeof tmp - 1 && strchr("+-0123456789.eE", j->p[n]))
			n++;
		memcpy(tmp, j->p, n);
		tmp[n] = '\0';
		char *e;
		v->t = J_NUM;
		v->num = strtod(tmp, &e);
		if (*e) {
			j->err = "bad number";
			ok = false;
		}
		j->p += n;
	} else {
		j->err = "unexpected character";
		ok = false;
	}
	j->depth--;
	return ok;
}

/* ---- JSON tree -> model ---- */

struct jctx {
	const char *path;
	mailprof_diags *d;
	int errors;
};

static mailprof_loc jloc(struct jctx *c, const struct jval *v)
{
	mailprof_loc l = {c->path, v->line, v->col};
	return l;
}

static void jbad(struct jctx *c, const struct jval *v, const char *key, const char *want)
{
	mailprof_loc l = jloc(c, v);
	mp_diag(c->d, MAILPROF_ERROR, "json-bad-value", &l, NULL, "`%s` must be %s: ignored", key, want);
}

static void junknown(struct jctx *c, const struct jval *v, const char *key)
{
	mailprof_loc l = jloc(c, v);
	mp_diag(c->d, MAILPROF_INFO, "json-unknown-key", &l, NULL, "unknown key `%s` is ignored", key);
}

static void jstr(struct jctx *c, const struct jval *v, const char *key, mp_str *out)
{
	mailprof_loc l = jloc(c, v);
	if (v->t == J_STR)
		mp_str_set(out, v->s, &l);
	else if (v->t != J_NULL)
		jbad(c, v, key, "a string or null");
}

static void jint(struct jctx *c, const struct jval *v, const char *key, mp_int *out)
{
	mailprof_loc l = jloc(c, v);
	if (v->t == J_NUM && v->num == (double)(long)v->num && v->num > -1e7 && v->num < 1e7)
		mp_int_set(out, (int)v->num, &l);
	else if (v->t != J_NULL)
		jbad(c, v, key, "a whole number or null");
}

static void jserver(struct jctx *c, mp_account *a, const struct jval *v, bool incoming)
{
	if (v->t != J_OBJ) {
		jbad(c, v, incoming ? "incoming[]" : "outgoing[]", "an object");
		return;
	}
	mp_protocol proto = incoming ? MP_PROTO_IMAP : MP_PROTO_SMTP;
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->keys[i], "protocol") == 0) {
			const struct jval *pv = &v->kids[i];
			mp_protocol pr;
			if (pv->t == J_STR && mp_protocol_parse(pv->s, &pr) && (pr == MP_PROTO_SMTP) != incoming)
				proto = pr;
			else
				jbad(c, pv, "protocol", incoming ? "\"imap\" or \"pop3\"" : "\"smtp\"");
		}
	mp_server *s = mp_server_add(a, proto);
	s->loc = jloc(c, v);
	for (size_t i = 0; i < v->n; i++) {
		const char *k = v->keys[i];
		const struct jval *x = &v->kids[i];
		mailprof_loc l = jloc(c, x);
		if (strcmp(k, "protocol") == 0)
			continue;
		else if (strcmp(k, "host") == 0)
			jstr(c, x, k, &s->host);
		else if (strcmp(k, "port") == 0)
			jint(c, x, k, &s->port);
		else if (strcmp(k, "security") == 0) {
			mp_security sec;
			if (x->t == J_STR && mp_security_parse(x->s, &sec))
				mp_int_set(&s->security, (int)sec, &l);
			else if (x->t != J_NULL)
				jbad(c, x, k, "\"none\", \"starttls\", \"tls\" or null");
		} else if (strcmp(k, "auth") == 0) {
			if (x->t != J_ARR) {
				if (x->t != J_NULL)
					jbad(c, x, k, "an array of method names");
				continue;
			}
			s->auth_loc = l;
			for (size_t j = 0; j < x->n; j++) {
				mp_auth au;
				if (x->kids[j].t == J_STR && mp_auth_parse(x->kids[j].s, &au))
					mp_server_add_auth(s, au);
				else
					jbad(c, &x->kids[j], "auth[]", "a known authentication method");
			}
		} else if (strcmp(k, "username") == 0)
			jstr(c, x, k, &s->username);
		else if (strcmp(k, "password") == 0)
			jstr(c, x, k, &s->password);
		else
			junknown(c, x, k);
	}
}

static void jaccount(struct jctx *c, mailprof_profile *p, const struct jval *v)
{
	if (v->t != J_OBJ) {
		jbad(c, v, "accounts[]", "an object");
		return;
	}
	mp_account *a = mp_account_add(p);
	a->loc = jloc(c, v);
	for (size_t i = 0; i < v->n; i++) {
		const char *k = v->keys[i];
		const struct jval *x = &v->kids[i];
		if (strcmp(k, "email") == 0)
			jstr(c, x, k, &a->email);
		else if (strcmp(k, "display_name") == 0)
			jstr(c, x, k, &a->display_name);
		else if (strcmp(k, "provider") == 0 && x->t == J_OBJ) {
			for (size_t j = 0; j < x->n; j++) {
				const char *pk = x->keys[j];
				const struct jval *y = &x->kids[j];
				if (strcmp(pk, "id") == 0)
					jstr(c, y, pk, &a->provider_id);
				else if (strcmp(pk, "name") == 0)
					jstr(c, y, pk, &a->provider_name);
				else if (strcmp(pk, "short_name") == 0)
					jstr(c, y, pk, &a->provider_short_name);
				else if (strcmp(pk, "domains") == 0 && y->t == J_ARR) {
					for (size_t m = 0; m < y->n; m++) {
						mailprof_loc l = jloc(c, &y->kids[m]);
						if (y->kids[m].t == J_STR)
							mp_domain_add(a, y->kids[m].s, &l);
						else
							jbad(c, &y->kids[m], "domains[]", "a string");
					}
				} else
					junknown(c, y, pk);
			}
		} else if ((strcmp(k, "incoming") == 0 || strcmp(k, "outgoing") == 0) && x->t == J_ARR) {
			for (size_t j = 0; j < x->n; j++)
				jserver(c, a, &x->kids[j], k[0] == 'i');
		} else if (strcmp(k, "pop") == 0 && x->t == J_OBJ) {
			for (size_t j = 0; j < x->n; j++) {
				const struct jval *y = &x->kids[j];
				mailprof_loc l = jloc(c, y);
				if (strcmp(x->keys[j], "leave_on_server") == 0) {
					if (y->t == J_BOOL)
						mp_int_set(&a->pop_leave_on_server, y->b, &l);
					else if (y->t != J_NULL)
						jbad(c, y, "leave_on_server", "true, false or null");
				} else if (strcmp(x->keys[j], "leave_days") == 0)
					jint(c, y, "leave_days", &a->pop_leave_days);
				else
					junknown(c, y, x->keys[j]);
			}
		} else if (x->t == J_NULL && (strcmp(k, "provider") == 0 || strcmp(k, "pop") == 0))
			;
		else
			junknown(c, x, k);
	}
}

static mailprof_status parse_json(mailprof_profile *p, const char *buf, size_t len, const char *path,
                                  const mailprof_options *opt, mailprof_diags *d)
{
	(void)opt;
	struct jp j = {buf, buf + len, buf, 1, NULL, 0};
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		j.p += 3, j.line_start += 3;
	struct jval root = {0};
	bool ok = jvalue(&j, &root);
	if (ok) {
		ws(&j);
		if (j.p < j.end) {
			j.err = "text after the JSON value";
			ok = false;
		}
	}
	if (!ok) {
		mailprof_loc l = {path, j.line, (int)(j.p - j.line_start) + 1};
		mp_diag(d, MAILPROF_ERROR, "json-syntax", &l, NULL, "%s", j.err ? j.err : "invalid JSON");
		jfree(&root);
		return MAILPROF_ERR_SYNTAX;
	}
	struct jctx c = {path, d, 0};
	const struct jval *accts = NULL;
	for (size_t i = 0; root.t == J_OBJ && i < root.n; i++)
		if (strcmp(root.keys[i], "accounts") == 0 && root.kids[i].t == J_ARR)
			accts = &root.kids[i];
	size_t before = p->naccounts;
	for (size_t i = 0; accts && i < accts->n; i++)
		jaccount(&c, p, &accts->kids[i]);
	jfree(&root);
	if (p->naccounts == before) {
		mailprof_loc l = {path, 1, 1};
		mp_diag(d, MAILPROF_ERROR, "json-empty", &l, "give {\"accounts\": [ … ]}",
		        "no accounts in the JSON document");
		return MAILPROF_ERR_INVALID;
	}
	return MAILPROF_OK;
}

static int sniff_json(const char *buf, size_t len)
{
	size_t rest;
	const char *p = mp_skip_bom_ws(buf, len, &rest);
	if (!rest || *p != '{')
		return 0;
	size_t n = rest < 4096 ? rest : 4096;
	for (size_t i = 0; i + 10 <= n; i++)
		if (memcmp(p + i, "\"accounts\"", 10) == 0)
			return 90;
	return 30;
}

/* ---- emitter ---- */
static void key(mp_buf *b, const char *k, int depth, bool first)
{
	mp_buf_puts(b, first ? "\n" : ",\n");
	for (int i = 0; i < depth; i++)
		mp_buf_puts(b, "  ");
	mp_buf_json_string(b, k);
	mp_buf_puts(b, ": ");
}

static void str_field(mp_buf *b, const char *k, const mp_str *s, int depth, bool first)
{
	key(b, k, depth, first);
	mp_buf_json_string(b, s->v);
}

static void int_field(mp_buf *b, const char *k, const mp_int *v, int depth)
{
	key(b, k, depth, false);
	if (v->set)
		mp_buf_printf(b, "%d", v->v);
	else
		mp_buf_puts(b, "null");
}

static void indent(mp_buf *b, int depth)
{
	for (int i = 0; i < depth; i++)
		mp_buf_puts(b, "  ");
}

static void server(mp_buf *b, const mp_server *s, const mailprof_options *opt, int depth)
{
	indent(b, depth);
	mp_buf_puts(b, "{");
	key(b, "protocol", depth + 1, true);
	mp_buf_json_string(b, mp_protocol_name(s->protocol));
	str_field(b, "host", &s->host, depth + 1, false);
	int_field(b, "port", &s->port, depth + 1);
	key(b, "security", depth + 1, false);
	mp_buf_json_string(b, s->security.set ? mp_security_name((mp_security)s->security.v) : NULL);
	key(b, "auth", depth + 1, false);
	mp_buf_puts(b, "[");
	for (size_t i = 0; i < s->nauth; i++) {
		if (i)
			mp_buf_puts(b, ", ");
		mp_buf_json_string(b, mp_auth_name(s->auth[i]));
	}
	mp_buf_puts(b, "]");
	str_field(b, "username", &s->username, depth + 1, false);
	if (s->password.v && opt->include_secrets)
		str_field(b, "password", &s->password, depth + 1, false);
	mp_buf_puts(b, "\n");
	indent(b, depth);
	mp_buf_puts(b, "}");
}

static void servers(mp_buf *b, const char *k, const mp_server *v, size_t n,
                    const mailprof_options *opt, int depth)
{
	key(b, k, depth, false);
	if (!n) {
		mp_buf_puts(b, "[]");
		return;
	}
	mp_buf_puts(b, "[\n");
	for (size_t i = 0; i < n; i++) {
		if (i)
			mp_buf_puts(b, ",\n");
		server(b, &v[i], opt, depth + 1);
	}
	mp_buf_puts(b, "\n");
	indent(b, depth);
	mp_buf_puts(b, "]");
}

static mailprof_status emit_json(const mailprof_profile *p, const mailprof_options *opt, mp_buf *b,
                                 mailprof_diags *d)
{
	(void)d; /* text the reader would refuse never gets here (mailprof_emit) */
	mp_buf_puts(b, "{\n  \"accounts\": [");
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		mp_buf_puts(b, i ? ",\n    {" : "\n    {");
		str_field(b, "email", &a->email, 3, true);
		str_field(b, "display_name", &a->display_name, 3, false);
		key(b, "provider", 3, false);
		mp_buf_puts(b, "{");
		str_field(b, "id", &a->provider_id, 4, true);
		str_field(b, "name", &a->provider_name, 4, false);
		str_field(b, "short_name", &a->provider_short_name, 4, false);
		key(b, "domains", 4, false);
		mp_buf_puts(b, "[");
		for (size_t j = 0; j < a->ndomains; j++) {
			if (j)
				mp_buf_puts(b, ", ");
			mp_buf_json_string(b, a->domains[j].v);
		}
		mp_buf_puts(b, "]\n      }");
		servers(b, "incoming", a->incoming, a->nincoming, opt, 3);
		servers(b, "outgoing", a->outgoing, a->noutgoing, opt, 3);
		key(b, "pop", 3, false);
		mp_buf_puts(b, "{");
		key(b, "leave_on_server", 4, true);
		if (a->pop_leave_on_server.set)
			mp_buf_puts(b, a->pop_leave_on_server.v ? "true" : "false");
		else
			mp_buf_puts(b, "null");
		int_field(b, "leave_days", &a->pop_leave_days, 4);
		mp_buf_puts(b, "\n      }\n    }");
	}
	mp_buf_puts(b, p->naccounts ? "\n  ]\n}\n" : "]\n}\n");
	return MAILPROF_OK;
}

const struct mp_format mp_format_json = {
	.name = "json",
	.extensions = ".json",
	.summary = "JSON form of the account model (for scripts and tests)",
	.sniff = sniff_json,
	.parse = parse_json,
	.emit = emit_json,
	.substitutes = true,
};
