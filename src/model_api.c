/* The model through the public API (mailprof.h): read access with
 * locations, and building a profile without text. Thin over model.c; the
 * enums are the model's own, so values pass through unchanged. */
#include <string.h>

#include "model.h"

_Static_assert((int)MAILPROF_IMAP == (int)MP_PROTO_IMAP && (int)MAILPROF_SMTP == (int)MP_PROTO_SMTP,
               "public and model protocols agree");
_Static_assert((int)MAILPROF_SECURITY_TLS == (int)MP_SEC_TLS, "public and model security agree");
_Static_assert((int)MAILPROF_AUTH_SMTP_AFTER_POP == (int)MP_AUTH_SMTP_AFTER_POP &&
                   (int)MAILPROF_AUTH_SMTP_AFTER_POP + 1 == (int)MP_AUTH__COUNT,
               "public and model auth methods agree");

static const mailprof_loc no_loc;

static const char *str_out(const mp_str *v, mailprof_loc *loc)
{
	if (loc)
		*loc = v->v ? v->loc : no_loc;
	return v->v;
}

const char *mailprof_protocol_name(mailprof_protocol p)
{
	return p >= MAILPROF_IMAP && p <= MAILPROF_SMTP ? mp_protocol_name((mp_protocol)p) : NULL;
}

const char *mailprof_security_name(mailprof_security s)
{
	return (int)s >= 0 && s <= MAILPROF_SECURITY_TLS ? mp_security_name((mp_security)s) : NULL;
}

const char *mailprof_auth_name(mailprof_auth a)
{
	return (int)a >= 0 && (int)a < MP_AUTH__COUNT ? mp_auth_name((mp_auth)a) : NULL;
}

const mailprof_account *mailprof_profile_account(const mailprof_profile *p, size_t i)
{
	return p && i < p->naccounts ? &p->accounts[i] : NULL;
}

mailprof_loc mailprof_account_loc(const mailprof_account *a)
{
	return a->loc;
}

static mp_str *account_str(mailprof_account *a, mailprof_account_field f)
{
	switch (f) {
	case MAILPROF_ACCOUNT_ADDRESS: return &a->email;
	case MAILPROF_ACCOUNT_DISPLAY_NAME: return &a->display_name;
	case MAILPROF_ACCOUNT_PROVIDER_ID: return &a->provider_id;
	case MAILPROF_ACCOUNT_PROVIDER_NAME: return &a->provider_name;
	case MAILPROF_ACCOUNT_PROVIDER_SHORT_NAME: return &a->provider_short_name;
	}
	return NULL;
}

const char *mailprof_account_get(const mailprof_account *a, mailprof_account_field f,
                                 mailprof_loc *loc)
{
	/* account_str only picks a member; nothing is written through it here. */
	const mp_str *v = account_str((mailprof_account *)a, f);
	if (!v) {
		if (loc)
			*loc = no_loc;
		return NULL;
	}
	return str_out(v, loc);
}

size_t mailprof_account_incoming_count(const mailprof_account *a)
{
	return a->nincoming;
}

const mailprof_server *mailprof_account_incoming(const mailprof_account *a, size_t i)
{
	return i < a->nincoming ? &a->incoming[i] : NULL;
}

size_t mailprof_account_outgoing_count(const mailprof_account *a)
{
	return a->noutgoing;
}

const mailprof_server *mailprof_account_outgoing(const mailprof_account *a, size_t i)
{
	return i < a->noutgoing ? &a->outgoing[i] : NULL;
}

mailprof_protocol mailprof_server_protocol(const mailprof_server *s)
{
	return (mailprof_protocol)s->protocol;
}

mailprof_loc mailprof_server_loc(const mailprof_server *s)
{
	return s->loc;
}

static mp_str *server_str(mailprof_server *s, mailprof_server_field f)
{
	switch (f) {
	case MAILPROF_SERVER_HOST: return &s->host;
	case MAILPROF_SERVER_USERNAME: return &s->username;
	case MAILPROF_SERVER_PASSWORD: return &s->password;
	}
	return NULL;
}

const char *mailprof_server_get(const mailprof_server *s, mailprof_server_field f, mailprof_loc *loc)
{
	const mp_str *v = server_str((mailprof_server *)s, f);
	if (!v) {
		if (loc)
			*loc = no_loc;
		return NULL;
	}
	return str_out(v, loc);
}

int mailprof_server_port(const mailprof_server *s, mailprof_loc *loc)
{
	if (loc)
		*loc = s->port.set ? s->port.loc : no_loc;
	return s->port.set ? s->port.v : 0;
}

int mailprof_server_security(const mailprof_server *s, mailprof_loc *loc)
{
	if (loc)
		*loc = s->security.set ? s->security.loc : no_loc;
	return s->security.set ? s->security.v : -1;
}

size_t mailprof_server_auth_count(const mailprof_server *s)
{
	return s->nauth;
}

mailprof_auth mailprof_server_auth(const mailprof_server *s, size_t i)
{
	return i < s->nauth ? (mailprof_auth)s->auth[i] : MAILPROF_AUTH_NONE;
}

mailprof_account *mailprof_profile_add_account(mailprof_profile *p)
{
	return mp_account_add(p);
}

void mailprof_account_set(mailprof_account *a, mailprof_account_field f, const char *v)
{
	mp_str *s = account_str(a, f);
	if (s)
		mp_str_set(s, v, &no_loc);
}

mailprof_server *mailprof_account_add_server(mailprof_account *a, mailprof_protocol p)
{
	if (p < MAILPROF_IMAP || p > MAILPROF_SMTP)
		return NULL;
	return mp_server_add(a, (mp_protocol)p);
}

void mailprof_server_set(mailprof_server *s, mailprof_server_field f, const char *v)
{
	mp_str *t = server_str(s, f);
	if (t)
		mp_str_set(t, v, &no_loc);
}

int mailprof_server_set_port(mailprof_server *s, int port)
{
	if (port < 1 || port > 65535)
		return -1;
	mp_int_set(&s->port, port, &no_loc);
	return 0;
}

int mailprof_server_set_security(mailprof_server *s, mailprof_security sec)
{
	if ((int)sec < 0 || sec > MAILPROF_SECURITY_TLS)
		return -1;
	mp_int_set(&s->security, (int)sec, &no_loc);
	return 0;
}

int mailprof_server_add_auth(mailprof_server *s, mailprof_auth a)
{
	if ((int)a < 0 || (int)a >= MP_AUTH__COUNT)
		return -1;
	return mp_server_add_auth(s, (mp_auth)a) ? 0 : -1;
}
