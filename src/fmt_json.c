/* JSON form of the model, for scripts and tests. Shape (documented in
 * docs/json-format.md): {"accounts":[{"email":…,"incoming":[…],…}]}.
 * Unset values are null. Passwords only with include_secrets. */
#include "format.h"

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
	(void)d;
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
	.emit = emit_json,
};
