/* The account model: construction, names of enum values, equality, copy. */
#include <stdlib.h>
#include <string.h>

#include "model.h"

mailprof_profile *mailprof_profile_new(void)
{
	return mp_xcalloc(1, sizeof(mailprof_profile));
}

static void server_free(mp_server *s)
{
	free(s->host.v);
	free(s->username.v);
	if (s->password.v) /* scrub the secret before giving the memory back */
		memset(s->password.v, 0, strlen(s->password.v));
	free(s->password.v);
}

static void strv_free(mp_str *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].v);
	free(v);
}

void mp_account_free(mp_account *a)
{
	free(a->email.v);
	free(a->display_name.v);
	free(a->provider_id.v);
	free(a->provider_name.v);
	free(a->provider_short_name.v);
	strv_free(a->domains, a->ndomains);
	strv_free(a->mx_domains, a->nmx_domains);
	strv_free(a->ac_provider_xml, a->nac_provider_xml);
	strv_free(a->ac_root_xml, a->nac_root_xml);
	for (size_t i = 0; i < a->nincoming; i++)
		server_free(&a->incoming[i]);
	for (size_t i = 0; i < a->noutgoing; i++)
		server_free(&a->outgoing[i]);
	free(a->incoming);
	free(a->outgoing);
}

void mailprof_profile_free(mailprof_profile *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->naccounts; i++)
		mp_account_free(&p->accounts[i]);
	free(p->accounts);
	for (size_t i = 0; i < p->nfiles; i++)
		free(p->files[i]);
	free(p->files);
	free(p->supp);
	for (size_t i = 0; i < p->ndoc_ids; i++)
		free(p->doc_ids[i].value);
	free(p->doc_ids);
	for (size_t i = 0; i < p->nuuid_marks; i++)
		free(p->uuid_marks[i].value);
	free(p->uuid_marks);
	free(p);
}

void mp_profile_uuid_mark(mailprof_profile *p, const char *value, size_t len,
                          const mailprof_loc *loc)
{
	p->uuid_marks = mp_xgrow(p->uuid_marks, p->nuuid_marks, sizeof *p->uuid_marks);
	mp_uuid_mark *m = &p->uuid_marks[p->nuuid_marks++];
	m->value = NULL;
	m->len = 0;
	if (value) {
		m->value = mp_xmalloc(len + 1);
		memcpy(m->value, value, len);
		m->value[len] = '\0';
		m->len = len;
	}
	m->loc = *loc;
	m->loc.file = mp_profile_file(p, loc->file);
}

void mp_profile_doc_id(mailprof_profile *p, const char *kind, const char *value,
                       const mailprof_loc *loc)
{
	p->doc_ids = mp_xgrow(p->doc_ids, p->ndoc_ids, sizeof *p->doc_ids);
	mp_doc_id *id = &p->doc_ids[p->ndoc_ids++];
	id->kind = kind;
	id->value = mp_xstrdup(value);
	id->loc = *loc;
	id->loc.file = mp_profile_file(p, loc->file);
}

size_t mailprof_profile_account_count(const mailprof_profile *p)
{
	return p ? p->naccounts : 0;
}

const char *mp_profile_file(mailprof_profile *p, const char *path)
{
	if (!path)
		return NULL;
	for (size_t i = 0; i < p->nfiles; i++)
		if (strcmp(p->files[i], path) == 0)
			return p->files[i];
	p->files = mp_xgrow(p->files, p->nfiles, sizeof *p->files);
	return p->files[p->nfiles++] = mp_xstrdup(path);
}

mp_account *mp_account_add(mailprof_profile *p)
{
	p->accounts = mp_xgrow(p->accounts, p->naccounts, sizeof *p->accounts);
	mp_account *a = &p->accounts[p->naccounts++];
	memset(a, 0, sizeof *a);
	return a;
}

mp_server *mp_server_add(mp_account *a, mp_protocol proto)
{
	mp_server **v = proto == MP_PROTO_SMTP ? &a->outgoing : &a->incoming;
	size_t *n = proto == MP_PROTO_SMTP ? &a->noutgoing : &a->nincoming;
	*v = mp_xgrow(*v, *n, sizeof **v);
	mp_server *s = &(*v)[(*n)++];
	memset(s, 0, sizeof *s);
	s->protocol = proto;
	return s;
}

void mp_strv_add(mp_str **v, size_t *n, const char *str, const mailprof_loc *loc)
{
	*v = mp_xgrow(*v, *n, sizeof **v);
	mp_str *s = &(*v)[(*n)++];
	memset(s, 0, sizeof *s);
	mp_str_set(s, str, loc);
}

void mp_domain_add(mp_account *a, const char *d, const mailprof_loc *loc)
{
	mp_strv_add(&a->domains, &a->ndomains, d, loc);
}

void mp_str_setn(mp_str *s, const char *v, size_t n, const mailprof_loc *loc)
{
	free(s->v);
	s->v = v ? mp_xstrndup(v, n) : NULL;
	if (loc)
		s->loc = *loc;
}

void mp_str_set(mp_str *s, const char *v, const mailprof_loc *loc)
{
	mp_str_setn(s, v, v ? strlen(v) : 0, loc);
}

void mp_str_clear(mp_str *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}

static bool text_ok(const mp_str *s, const char *key, const char *format, mailprof_diags *d)
{
	const char *why;
	size_t n = s->v ? strlen(s->v) : 0;
	if (!s->v || mp_text_check(s->v, n, &why) == n)
		return true;
	/* Finding ids are static strings: findings keep the pointer. The lossless
	 * forms keep ids of their own (docs/ini-format.md, docs/json-format.md). */
	const char *id = strcmp(format, "ini") == 0    ? "ini-unwritable"
	                 : strcmp(format, "json") == 0 ? "json-unwritable"
	                                               : "unwritable";
	mp_diag(d, MAILPROF_ERROR, id,
	        &s->loc, "correct the value in the input", "`%s` holds %s: %s output cannot hold it",
	        key, why, format);
	return false;
}

bool mp_profile_text_ok(const mailprof_profile *p, const char *format, bool secrets,
                        mailprof_diags *d)
{
	bool ok = true;
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		ok &= text_ok(&a->email, "email", format, d);
		ok &= text_ok(&a->display_name, "display_name", format, d);
		ok &= text_ok(&a->provider_id, "provider_id", format, d);
		ok &= text_ok(&a->provider_name, "provider_name", format, d);
		ok &= text_ok(&a->provider_short_name, "provider_short_name", format, d);
		for (size_t j = 0; j < a->ndomains; j++)
			ok &= text_ok(&a->domains[j], "domains", format, d);
		for (size_t j = 0; j < a->nincoming + a->noutgoing; j++) {
			const mp_server *s = j < a->nincoming ? &a->incoming[j] : &a->outgoing[j - a->nincoming];
			ok &= text_ok(&s->host, "host", format, d);
			ok &= text_ok(&s->username, "username", format, d);
			if (secrets)
				ok &= text_ok(&s->password, "password", format, d);
		}
	}
	return ok;
}

void mp_int_set(mp_int *i, int v, const mailprof_loc *loc)
{
	i->set = true;
	i->v = v;
	if (loc)
		i->loc = *loc;
}

bool mp_server_has_auth(const mp_server *s, mp_auth a)
{
	for (size_t i = 0; i < s->nauth; i++)
		if (s->auth[i] == a)
			return true;
	return false;
}

bool mp_server_add_auth(mp_server *s, mp_auth a)
{
	if (mp_server_has_auth(s, a))
		return true;
	if (s->nauth >= MP_MAX_AUTH)
		return false;
	s->auth[s->nauth++] = a;
	return true;
}

bool mp_server_uses_password(const mp_server *s)
{
	return mp_server_has_auth(s, MP_AUTH_PASSWORD_CLEARTEXT) ||
	       mp_server_has_auth(s, MP_AUTH_PASSWORD_ENCRYPTED) ||
	       mp_server_has_auth(s, MP_AUTH_NTLM);
}

bool mp_server_logs_in(const mp_server *s)
{
	return mp_server_uses_password(s) || mp_server_has_auth(s, MP_AUTH_OAUTH2) ||
	       mp_server_has_auth(s, MP_AUTH_GSSAPI) || mp_server_has_auth(s, MP_AUTH_CLIENT_CERT);
}

static const char *const proto_names[] = {[MP_PROTO_IMAP] = "imap", [MP_PROTO_POP3] = "pop3",
                                          [MP_PROTO_SMTP] = "smtp"};
static const char *const sec_names[] = {[MP_SEC_NONE] = "none", [MP_SEC_STARTTLS] = "starttls",
                                        [MP_SEC_TLS] = "tls"};
static const char *const auth_names[] = {
	[MP_AUTH_NONE] = "none",
	[MP_AUTH_PASSWORD_CLEARTEXT] = "password-cleartext",
	[MP_AUTH_PASSWORD_ENCRYPTED] = "password-encrypted",
	[MP_AUTH_NTLM] = "ntlm",
	[MP_AUTH_GSSAPI] = "gssapi",
	[MP_AUTH_OAUTH2] = "oauth2",
	[MP_AUTH_CLIENT_CERT] = "client-cert",
	[MP_AUTH_CLIENT_IP] = "client-ip",
	[MP_AUTH_SMTP_AFTER_POP] = "smtp-after-pop",
};

const char *mp_protocol_name(mp_protocol p)
{
	return p >= MP_PROTO_IMAP && p <= MP_PROTO_SMTP ? proto_names[p] : "unknown";
}

bool mp_protocol_parse(const char *s, mp_protocol *out)
{
	for (int i = MP_PROTO_IMAP; i <= MP_PROTO_SMTP; i++)
		if (mp_strcasecmp(s, proto_names[i]) == 0) {
			*out = (mp_protocol)i;
			return true;
		}
	if (mp_strcasecmp(s, "pop") == 0) {
		*out = MP_PROTO_POP3;
		return true;
	}
	return false;
}

const char *mp_security_name(mp_security s)
{
	return s <= MP_SEC_TLS ? sec_names[s] : "unknown";
}

bool mp_security_parse(const char *s, mp_security *out)
{
	for (int i = MP_SEC_NONE; i <= MP_SEC_TLS; i++)
		if (mp_strcasecmp(s, sec_names[i]) == 0) {
			*out = (mp_security)i;
			return true;
		}
	return false;
}

const char *mp_auth_name(mp_auth a)
{
	return a < MP_AUTH__COUNT ? auth_names[a] : "unknown";
}

bool mp_auth_parse(const char *s, mp_auth *out)
{
	for (int i = 0; i < MP_AUTH__COUNT; i++)
		if (mp_strcasecmp(s, auth_names[i]) == 0) {
			*out = (mp_auth)i;
			return true;
		}
	return false;
}

int mp_default_port(mp_protocol p, mp_security s)
{
	bool tls = s == MP_SEC_TLS;
	switch (p) {
	case MP_PROTO_IMAP: return tls ? 993 : 143;
	case MP_PROTO_POP3: return tls ? 995 : 110;
	case MP_PROTO_SMTP: return tls ? 465 : 587;
	}
	return 0;
}

/* ---- equality (values only, never locations) ---- */

static bool str_eq(const mp_str *a, const mp_str *b)
{
	if (!a->v || !b->v)
		return a->v == b->v;
	return strcmp(a->v, b->v) == 0;
}

static bool int_eq(const mp_int *a, const mp_int *b)
{
	return a->set == b->set && (!a->set || a->v == b->v);
}

static bool server_eq(const mp_server *a, const mp_server *b)
{
	if (a->protocol != b->protocol || !str_eq(&a->host, &b->host) || !int_eq(&a->port, &b->port) ||
	    !int_eq(&a->security, &b->security) || !str_eq(&a->username, &b->username) ||
	    !str_eq(&a->password, &b->password) || a->nauth != b->nauth)
		return false;
	return memcmp(a->auth, b->auth, a->nauth * sizeof a->auth[0]) == 0;
}

static bool account_eq(const mp_account *a, const mp_account *b)
{
	if (!str_eq(&a->email, &b->email) || !str_eq(&a->display_name, &b->display_name) ||
	    !str_eq(&a->provider_id, &b->provider_id) || !str_eq(&a->provider_name, &b->provider_name) ||
	    !str_eq(&a->provider_short_name, &b->provider_short_name) || a->ndomains != b->ndomains ||
	    a->nincoming != b->nincoming || a->noutgoing != b->noutgoing ||
	    !int_eq(&a->pop_leave_on_server, &b->pop_leave_on_server) ||
	    !int_eq(&a->pop_leave_days, &b->pop_leave_days))
		return false;
	for (size_t i = 0; i < a->ndomains; i++)
		if (!str_eq(&a->domains[i], &b->domains[i]))
			return false;
	for (size_t i = 0; i < a->nincoming; i++)
		if (!server_eq(&a->incoming[i], &b->incoming[i]))
			return false;
	for (size_t i = 0; i < a->noutgoing; i++)
		if (!server_eq(&a->outgoing[i], &b->outgoing[i]))
			return false;
	return true;
}

int mailprof_profile_equal(const mailprof_profile *a, const mailprof_profile *b)
{
	if (a->naccounts != b->naccounts)
		return 0;
	for (size_t i = 0; i < a->naccounts; i++)
		if (!account_eq(&a->accounts[i], &b->accounts[i]))
			return 0;
	return 1;
}

/* ---- copy ---- */

static void loc_copy(mailprof_profile *dst, mailprof_loc *to, const mailprof_loc *from)
{
	*to = *from;
	to->file = mp_profile_file(dst, from->file);
}

static void str_copy(mailprof_profile *dst, mp_str *to, const mp_str *from)
{
	mailprof_loc l;
	loc_copy(dst, &l, &from->loc);
	memset(to, 0, sizeof *to);
	mp_str_set(to, from->v, &l);
}

static void int_copy(mailprof_profile *dst, mp_int *to, const mp_int *from)
{
	*to = *from;
	to->loc.file = mp_profile_file(dst, from->loc.file);
}

static void server_copy(mailprof_profile *dst, mp_server *to, const mp_server *from)
{
	*to = *from;
	loc_copy(dst, &to->loc, &from->loc);
	loc_copy(dst, &to->auth_loc, &from->auth_loc);
	str_copy(dst, &to->host, &from->host);
	int_copy(dst, &to->port, &from->port);
	int_copy(dst, &to->security, &from->security);
	str_copy(dst, &to->username, &from->username);
	str_copy(dst, &to->password, &from->password);
}

static void strv_copy(mailprof_profile *dst, mp_str **to, size_t *nto, const mp_str *from, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		mailprof_loc l;
		loc_copy(dst, &l, &from[i].loc);
		mp_strv_add(to, nto, from[i].v, &l);
	}
}

void mp_account_copy(mailprof_profile *dst, const mp_account *src)
{
	mp_account *a = mp_account_add(dst);
	loc_copy(dst, &a->loc, &src->loc);
	str_copy(dst, &a->email, &src->email);
	str_copy(dst, &a->display_name, &src->display_name);
	str_copy(dst, &a->provider_id, &src->provider_id);
	str_copy(dst, &a->provider_name, &src->provider_name);
	str_copy(dst, &a->provider_short_name, &src->provider_short_name);
	strv_copy(dst, &a->domains, &a->ndomains, src->domains, src->ndomains);
	strv_copy(dst, &a->mx_domains, &a->nmx_domains, src->mx_domains, src->nmx_domains);
	strv_copy(dst, &a->ac_provider_xml, &a->nac_provider_xml, src->ac_provider_xml,
	          src->nac_provider_xml);
	strv_copy(dst, &a->ac_root_xml, &a->nac_root_xml, src->ac_root_xml, src->nac_root_xml);
	for (size_t i = 0; i < src->nincoming; i++)
		server_copy(dst, mp_server_add(a, src->incoming[i].protocol), &src->incoming[i]);
	for (size_t i = 0; i < src->noutgoing; i++)
		server_copy(dst, mp_server_add(a, src->outgoing[i].protocol), &src->outgoing[i]);
	int_copy(dst, &a->pop_leave_on_server, &src->pop_leave_on_server);
	a->from_notice = src->from_notice;
	a->format = src->format;
	int_copy(dst, &a->pop_leave_days, &src->pop_leave_days);
}

bool mp_port_is_implicit_tls(int port)
{
	return port == 465 || port == 993 || port == 995;
}

bool mp_port_is_starttls(int port)
{
	return port == 25 || port == 110 || port == 143 || port == 587;
}

/* ---- placeholders ---- */

static const char *const k_placeholders[] = {"EMAILADDRESS", "EMAILLOCALPART", "EMAILDOMAIN",
                                             "REALNAME"};

/* Index in k_placeholders of the token starting at s ("%NAME%"), or -1. */
static int placeholder_at(const char *s)
{
	for (size_t i = 0; i < MP_COUNT(k_placeholders); i++) {
		size_t n = strlen(k_placeholders[i]);
		if (s[0] == '%' && strncmp(s + 1, k_placeholders[i], n) == 0 && s[n + 1] == '%')
			return (int)i;
	}
	return -1;
}

const char *mp_placeholder_in(const char *s)
{
	for (const char *p = s ? strchr(s, '%') : NULL; p; p = strchr(p + 1, '%')) {
		int k = placeholder_at(p);
		if (k >= 0)
			return k_placeholders[k];
	}
	return NULL;
}

char *mp_placeholder_expand(const char *s, const char *email, const char *name)
{
	if (!s || !email || !mp_placeholder_in(s))
		return NULL;
	const char *at = strrchr(email, '@');
	size_t local = at ? (size_t)(at - email) : strlen(email);
	const char *domain = at ? at + 1 : "";
	mp_buf b = {0};
	bool changed = false;
	for (const char *p = s; *p;) {
		int k = *p == '%' ? placeholder_at(p) : -1;
		if (k < 0 || (k == 3 && !name)) {
			mp_buf_putc(&b, *p++);
			continue;
		}
		switch (k) {
		case 0: mp_buf_puts(&b, email); break;
		case 1: mp_buf_add(&b, email, local); break;
		case 2: mp_buf_puts(&b, domain); break;
		default: mp_buf_puts(&b, name); break;
		}
		p += strlen(k_placeholders[k]) + 2;
		changed = true;
	}
	if (!changed) {
		mp_buf_free(&b);
		return NULL;
	}
	return mp_buf_take(&b, NULL);
}

static size_t subst(mp_str *v, const char *email, const char *name)
{
	char *x = mp_placeholder_expand(v->v, email, name);
	if (!x)
		return 0;
	free(v->v);
	v->v = x;
	return 1;
}

size_t mp_profile_substitute(mailprof_profile *p, const char *email, const char *name)
{
	size_t n = 0;
	for (size_t i = 0; i < p->naccounts; i++) {
		mp_account *a = &p->accounts[i];
		/* An account that states its own address is that user's: its
		 * placeholders mean its own address and name. A provider profile
		 * (no address) becomes the given user's. */
		if (!a->email.v && email) {
			mp_str_set(&a->email, email, &a->loc);
			if (name && !a->display_name.v)
				mp_str_set(&a->display_name, name, &a->loc);
			n++;
		}
		const char *e = a->email.v, *nm = a->display_name.v ? a->display_name.v : name;
		if (!e || mp_placeholder_in(e))
			e = email;
		n += subst(&a->email, e, nm) + subst(&a->display_name, e, nm) +
		     subst(&a->provider_name, e, nm) + subst(&a->provider_short_name, e, nm);
		for (size_t j = 0; j < a->ndomains; j++)
			n += subst(&a->domains[j], e, nm);
		for (size_t j = 0; j < a->nincoming + a->noutgoing; j++) {
			mp_server *s = j < a->nincoming ? &a->incoming[j] : &a->outgoing[j - a->nincoming];
			n += subst(&s->host, e, nm) + subst(&s->username, e, nm);
		}
	}
	return n;
}
