/* Thunderbird autoconfig (clientConfig 1.1): docs/formats.md section 1 of the
 * reference material. One emailProvider is one account (a provider profile:
 * no e-mail address, username placeholders such as %EMAILADDRESS%). */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "format.h"
#include "xml.h"

static bool in_list(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (strcmp(*list, name) == 0)
			return true;
	return false;
}

/* schemas/autoconfig.xsd restated as a shape (xml_shape.h), so the usual
 * valid file skips the XSD: keep the two in step. */
static const char *const w_socket[] = {"plain", "SSL", "STARTTLS", NULL};
static const char *const w_auth[] = {"password-cleartext", "plain", "password-encrypted", "secure",
                                     "NTLM", "GSSAPI", "OAuth2", "client-IP-address",
                                     "TLS-client-cert", "smtp-after-pop", "none", NULL};
static const char *const w_bool[] = {"true", "false", NULL};
static const char *const w_smtp[] = {"smtp", NULL};
static const struct mp_text_type t_socket = {MP_TEXT_WORDS, w_socket, 0, 0, 0};
static const struct mp_text_type t_auth = {MP_TEXT_WORDS, w_auth, 0, 0, 0};
static const struct mp_text_type t_bool = {MP_TEXT_WORDS, w_bool, MP_TEXT_FOLD, 0, 0};
static const struct mp_text_type t_smtp = {MP_TEXT_WORDS, w_smtp, 0, 0, 0};

static const struct mp_shape s_bool = MP_TEXT_SHAPE(t_bool);
static const struct mp_shape s_socket = MP_TEXT_SHAPE(t_socket);
static const struct mp_shape s_auth = MP_TEXT_SHAPE(t_auth);

static const struct mp_child_shape c_pop3[] = {
	{"leaveMessagesOnServer", &s_bool}, {"daysToLeaveMessagesOnServer", &mp_shape_integer},
	{"downloadOnBiff", &s_bool}, {"checkInterval", &mp_shape_any}, {NULL, NULL}};
static const struct mp_shape s_pop3 = {MP_CONTENT_KIDS, NULL, c_pop3, 0, 0, NULL, false};
#define SERVER_COMMON                                                                              \
	{"hostname", &mp_shape_string}, {"port", &mp_shape_integer}, {"socketType", &s_socket},      \
	{"authentication", &s_auth}, {"username", &mp_shape_string},                                 \
	{"password", &mp_shape_string}, {"useGlobalPreferredServer", &s_bool}, {"url", &mp_shape_uri}
static const struct mp_child_shape c_in[] = {SERVER_COMMON, {"pop3", &s_pop3},
                                             {"owaURL", &mp_shape_uri}, {"ewsURL", &mp_shape_uri},
                                             {"easURL", &mp_shape_uri}, {NULL, NULL}};
static const struct mp_child_shape c_out[] = {SERVER_COMMON, {"addThisServer", &s_bool},
                                              {"restriction", &mp_shape_string}, {NULL, NULL}};
static const struct mp_attr_shape a_in[] = {{"type", &mp_text_string, true}, {NULL, NULL, false}};
static const struct mp_attr_shape a_out[] = {{"type", &t_smtp, true}, {NULL, NULL, false}};
static const struct mp_shape s_in = {MP_CONTENT_KIDS, NULL, c_in, 0, 0, a_in, false};
static const struct mp_shape s_out = {MP_CONTENT_KIDS, NULL, c_out, 0, 0, a_out, false};

static const struct mp_attr_shape a_domain[] = {{"purpose", &mp_text_string, false},
                                                {NULL, NULL, false}};
static const struct mp_shape s_domain = {MP_CONTENT_TEXT, &mp_text_string, NULL, 0, 0, a_domain, false};
static const struct mp_attr_shape a_type[] = {{"type", &mp_text_string, true}, {NULL, NULL, false}};
static const struct mp_shape s_section = {MP_CONTENT_ANY, NULL, NULL, 0, 0, a_type, true};
static const struct mp_attr_shape a_lang[] = {{"lang", &mp_text_string, false}, {NULL, NULL, false}};
static const struct mp_shape s_descr = {MP_CONTENT_TEXT, &mp_text_string, NULL, 0, 0, a_lang, false};
static const struct mp_child_shape c_doc[] = {{"descr", &s_descr}, {NULL, NULL}};
static const struct mp_attr_shape a_url[] = {{"url", &mp_text_string, true}, {NULL, NULL, false}};
static const struct mp_shape s_doc = {MP_CONTENT_KIDS, NULL, c_doc, 0, 0, a_url, false};
static const struct mp_shape s_update = {MP_CONTENT_EMPTY, NULL, NULL, 0, 0, a_url, false};

static const struct mp_child_shape c_provider[] = {
	{"domain", &s_domain}, {"displayName", &mp_shape_string},
	{"displayShortName", &mp_shape_string},
	{"incomingServer", &s_in}, {"outgoingServer", &s_out}, {"documentation", &s_doc},
	{"enable", &mp_shape_any}, {"instruction", &mp_shape_any}, {"inputField", &mp_shape_any},
	{"webMail", &mp_shape_any}, {"oAuth2", &mp_shape_any}, {NULL, NULL}};
static const struct mp_attr_shape a_id[] = {{"id", &mp_text_string, true}, {NULL, NULL, false}};
static const struct mp_shape s_provider = {MP_CONTENT_KIDS, NULL, c_provider, 0, 0, a_id, false};
static const struct mp_child_shape c_root[] = {
	{"emailProvider", &s_provider}, {"oAuth2", &mp_shape_any}, {"webMail", &mp_shape_any},
	{"clientConfigUpdate", &s_update}, {"enable", &mp_shape_any}, {"documentation", &s_doc},
	{"addressbook", &s_section}, {"addressBook", &s_section}, {"calendar", &s_section},
	{"fileShare", &s_section}, {"chatServer", &s_section}, {"videoConference", &s_section},
	{"setupServer", &s_section}, {NULL, NULL}};
static const struct mp_attr_shape a_version[] = {{"version", &mp_text_string, false},
                                                 {NULL, NULL, false}};
static const struct mp_shape s_root = {MP_CONTENT_KIDS, NULL, c_root, 1, 0, a_version, false};
static const struct mp_child_shape autoconfig_shape = {"clientConfig", &s_root};

/* Children of these that are not in their shape are unknown: an info
 * finding each, removed before validation, never fatal. The content of the
 * other elements is left to the schema. */
static bool strip_into(const struct mp_shape *s)
{
	return s == &s_root || s == &s_provider || s == &s_in || s == &s_out || s == &s_pop3;
}

static void strip_unknown(xmlNodePtr n, const struct mp_shape *s, const char *path, mailprof_diags *d)
{
	for (xmlNodePtr c = n->children, next; c; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const struct mp_shape *k = mp_xml_shape_kid(s->kids, (const char *)c->name);
		if (!k) {
			mailprof_loc l = mp_xml_loc(path, c);
			mp_diag(d, MAILPROF_INFO, "unknown-element", &l, "remove it, or check its spelling",
			        "unknown element <%s> in <%s> is ignored", c->name, n->name);
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		} else if (strip_into(k))
			strip_unknown(c, k, path, d);
	}
}

static bool parse_bool_text(const char *s, int *out)
{
	if (mp_strcasecmp(s, "true") == 0)
		return *out = 1, true;
	if (mp_strcasecmp(s, "false") == 0)
		return *out = 0, true;
	return false;
}

static bool parse_port(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || *end)
		return false;
	*out = v > 9999999 ? 9999999 : v < -9999999 ? -9999999 : (int)v;
	return true;
}

static const struct {
	const char *xml;
	mp_auth auth;
} auth_map[] = {
	{"password-cleartext", MP_AUTH_PASSWORD_CLEARTEXT},
	{"plain", MP_AUTH_PASSWORD_CLEARTEXT}, /* deprecated alias */
	{"password-encrypted", MP_AUTH_PASSWORD_ENCRYPTED},
	{"secure", MP_AUTH_PASSWORD_ENCRYPTED}, /* deprecated alias */
	{"NTLM", MP_AUTH_NTLM},
	{"GSSAPI", MP_AUTH_GSSAPI},
	{"OAuth2", MP_AUTH_OAUTH2},
	{"TLS-client-cert", MP_AUTH_CLIENT_CERT},
	{"client-IP-address", MP_AUTH_CLIENT_IP},
	{"smtp-after-pop", MP_AUTH_SMTP_AFTER_POP},
	{"none", MP_AUTH_NONE},
};

static const char *auth_xml(mp_auth a)
{
	for (size_t i = 0; i < MP_COUNT(auth_map); i++)
		if (auth_map[i].auth == a)
			return auth_map[i].xml; /* first entry is the canonical one */
	return "none";
}

struct ctx {
	mailprof_profile *p;
	const char *path;
	mailprof_diags *d;
	const mailprof_options *opt;
};

static void read_pop3(struct ctx *c, mp_account *a, xmlNodePtr pop)
{
	for (xmlNodePtr n = pop->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		char *t = mp_xml_text(n);
		mailprof_loc l = mp_xml_loc(c->path, n);
		int v;
		if (mp_xml_is(n, "leaveMessagesOnServer") && parse_bool_text(t, &v))
			mp_int_set(&a->pop_leave_on_server, v, &l);
		else if (mp_xml_is(n, "daysToLeaveMessagesOnServer") && parse_port(t, &v) && v >= 0)
			mp_int_set(&a->pop_leave_days, v, &l);
		free(t);
	}
}

static void read_server(struct ctx *c, mp_account *a, xmlNodePtr sn, bool incoming)
{
	xmlChar *type = xmlGetProp(sn, (const xmlChar *)"type");
	mailprof_loc sl = mp_xml_loc(c->path, sn);
	mp_protocol proto;
	/* smtp is the one outgoing type: an untyped <outgoingServer> means it
	 * (Thunderbird drops it; written back, it gets type="smtp"). */
	if (!type && !incoming) {
		mp_diag(c->d, MAILPROF_WARNING, "autoconfig-value", &sl, "add type=\"smtp\"",
		        "<outgoingServer> without type: read as smtp, the only outgoing type (Thunderbird "
		        "rejects a server without it)");
		type = xmlStrdup((const xmlChar *)"smtp");
	}
	if (!type || (incoming ? !(strcmp((char *)type, "imap") == 0 || strcmp((char *)type, "pop3") == 0)
	                       : strcmp((char *)type, "smtp") != 0)) {
		mp_diag(c->d, MAILPROF_INFO, "unsupported-server", &sl, NULL,
		        "%s server of type '%s' is not an IMAP, POP3 or SMTP server: skipped",
		        incoming ? "incoming" : "outgoing", type ? (char *)type : "(none)");
		xmlFree(type);
		return;
	}
	mp_protocol_parse((char *)type, &proto);
	xmlFree(type);
	mp_server *s = mp_server_add(a, proto);
	s->loc = sl;
	bool have_host = false, have_port = false, have_sock = false, have_user = false;
	for (xmlNodePtr n = sn->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		mailprof_loc l = mp_xml_loc(c->path, n);
		char *t = mp_xml_text(n);
		/* Single-valued children: the first one counts, as in Thunderbird. */
		if (mp_xml_is(n, "hostname") && !have_host) {
			mp_str_set(&s->host, t, &l);
			have_host = true;
		} else if (mp_xml_is(n, "port") && !have_port) {
			int v;
			if (parse_port(t, &v)) {
				mp_int_set(&s->port, v, &l);
				have_port = true;
			}
		} else if (mp_xml_is(n, "socketType") && !have_sock) {
			/* Like Thunderbird, the first value it understands wins. */
			mp_security sec = MP_SEC_NONE;
			bool ok = true;
			if (strcmp(t, "plain") == 0)
				sec = MP_SEC_NONE;
			else if (strcmp(t, "SSL") == 0)
				sec = MP_SEC_TLS;
			else if (strcmp(t, "STARTTLS") == 0)
				sec = MP_SEC_STARTTLS;
			else
				ok = false;
			if (ok) {
				mp_int_set(&s->security, (int)sec, &l);
				have_sock = true;
			}
		} else if (mp_xml_is(n, "authentication")) {
			for (size_t i = 0; i < MP_COUNT(auth_map); i++)
				if (strcmp(t, auth_map[i].xml) == 0) {
					if (!s->nauth)
						s->auth_loc = l;
					mp_server_add_auth(s, auth_map[i].auth);
					break;
				}
		} else if (mp_xml_is(n, "username") && !have_user) {
			mp_str_set(&s->username, t, &l);
			have_user = true;
		} else if (mp_xml_is(n, "password") && !s->password.v) {
			mp_str_set(&s->password, t, &l);
		} else if (mp_xml_is(n, "pop3") && incoming) {
			read_pop3(c, a, n);
		}
		free(t);
	}
}

/* Elements the model has no field for but that autoconfig output keeps
 * verbatim (the draft's sections and informational elements). */
static const char *const k_keep_provider[] = {"documentation", "enable", "instruction", "inputField",
                                              "webMail", "oAuth2", NULL};
static const char *const k_keep_root[] = {"oAuth2", "webMail", "clientConfigUpdate", "enable",
                                          "documentation", "addressbook", "addressBook", "calendar",
                                          "fileShare", "chatServer", "videoConference", "setupServer", NULL};

static bool kept_element(xmlNodePtr n, const char *const *list)
{
	return n->type == XML_ELEMENT_NODE && in_list(list, (const char *)n->name);
}

static void keep(struct ctx *c, mp_str **v, size_t *nv, xmlNodePtr n)
{
	xmlBufferPtr buf = xmlBufferCreate();
	if (!buf)
		return;
	if (xmlNodeDump(buf, n->doc, n, 0, 0) > 0) {
		mailprof_loc l = mp_xml_loc(c->path, n);
		mp_strv_add(v, nv, (const char *)xmlBufferContent(buf), &l);
	}
	xmlBufferFree(buf);
}

static void read_provider(struct ctx *c, xmlNodePtr ep)
{
	mp_account *a = mp_account_add(c->p);
	a->loc = mp_xml_loc(c->path, ep);
	xmlChar *id = xmlGetProp(ep, (const xmlChar *)"id");
	if (id) {
		mp_str_set(&a->provider_id, (char *)id, &a->loc);
		xmlFree(id);
	}
	for (xmlNodePtr n = ep->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		mailprof_loc l = mp_xml_loc(c->path, n);
		if (mp_xml_is(n, "domain")) {
			char *t = mp_xml_text(n);
			xmlChar *purpose = xmlGetProp(n, (const xmlChar *)"purpose");
			/* purpose="mx": the MX host's domain, not one of the addresses'. */
			if (purpose && strcmp((const char *)purpose, "mx") == 0)
				mp_strv_add(&a->mx_domains, &a->nmx_domains, t, &l);
			else
				mp_domain_add(a, t, &l);
			if (purpose && strcmp((const char *)purpose, "mx") != 0)
				mp_diag(c->d, MAILPROF_INFO, "autoconfig-value", &l, NULL,
				        "<domain purpose=\"%s\">: only \"mx\" is defined; read as a mail domain",
				        (const char *)purpose);
			xmlFree(purpose);
			free(t);
		} else if (kept_element(n, k_keep_provider)) {
			keep(c, &a->ac_provider_xml, &a->nac_provider_xml, n);
		} else if (mp_xml_is(n, "displayName") && !a->provider_name.v) {
			char *t = mp_xml_text(n);
			mp_str_set(&a->provider_name, t, &l);
			free(t);
		} else if (mp_xml_is(n, "displayShortName") && !a->provider_short_name.v) {
			char *t = mp_xml_text(n);
			mp_str_set(&a->provider_short_name, t, &l);
			free(t);
		} else if (mp_xml_is(n, "incomingServer"))
			read_server(c, a, n, true);
		else if (mp_xml_is(n, "outgoingServer"))
			read_server(c, a, n, false);
	}
}

static mailprof_status parse_autoconfig(mailprof_profile *p, const char *buf, size_t len,
                                        const char *path, const mailprof_options *opt,
                                        mailprof_diags *d)
{
	(void)opt;
	if (mp_xml_template_marker(buf, len, path, d))
		return MAILPROF_ERR_INVALID;
	xmlDocPtr doc = mp_xml_read(buf, len, path, d);
	if (!doc)
		return MAILPROF_ERR_SYNTAX;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!mp_xml_is(root, "clientConfig")) {
		mailprof_loc l = mp_xml_loc(path, root);
		mp_diag(d, MAILPROF_ERROR, "autoconfig-root", &l, NULL,
		        "root element is <%s>, not <clientConfig>", root ? (const char *)root->name : "");
		xmlFreeDoc(doc);
		return MAILPROF_ERR_INVALID;
	}
	strip_unknown(root, &s_root, path, d);
	mp_xml_validate(doc, "autoconfig.xsd", &autoconfig_shape, path, MAILPROF_ERROR, d);
	struct ctx c = {p, path, d, opt};
	size_t before = p->naccounts;
	for (xmlNodePtr n = root->children; n; n = n->next)
		if (mp_xml_is(n, "emailProvider"))
			read_provider(&c, n);
	/* Sections beside the providers go with the first of this file. */
	for (xmlNodePtr n = root->children; n && p->naccounts > before; n = n->next)
		if (kept_element(n, k_keep_root))
			keep(&c, &p->accounts[before].ac_root_xml, &p->accounts[before].nac_root_xml, n);
	xmlFreeDoc(doc);
	if (p->naccounts == before) {
		mailprof_loc l = {path, 0, 0};
		mp_diag(d, MAILPROF_ERROR, "autoconfig-empty", &l, "add an <emailProvider>",
		        "no <emailProvider> in the document");
		return MAILPROF_ERR_INVALID;
	}
	return mp_xml_template_hosts(p, before, d) ? MAILPROF_ERR_INVALID : MAILPROF_OK;
}

static int sniff_autoconfig(const char *buf, size_t len)
{
	char root[64];
	return mp_xml_root_name(buf, len, root, sizeof root) && strcmp(root, "clientConfig") == 0 ? 100 : 0;
}

/* ---- emitter ---- */

static void elem(mp_buf *b, int indent, const char *name, const char *text)
{
	if (!text)
		return;
	mp_buf_printf(b, "%*s<%s>", indent, "", name);
	mp_buf_xml_escape(b, text);
	mp_buf_printf(b, "</%s>\n", name);
}

static void emit_server(mp_buf *b, const mp_account *a, const mp_server *s,
                        const mailprof_options *opt)
{
	bool in = s->protocol != MP_PROTO_SMTP;
	mp_buf_printf(b, "    <%s type=\"%s\">\n", in ? "incomingServer" : "outgoingServer",
	              mp_protocol_name(s->protocol));
	elem(b, 6, "hostname", s->host.v);
	if (s->port.set)
		mp_buf_printf(b, "      <port>%d</port>\n", s->port.v);
	if (s->security.set)
		elem(b, 6, "socketType", s->security.v == MP_SEC_TLS        ? "SSL"
		                         : s->security.v == MP_SEC_STARTTLS ? "STARTTLS"
		                                                            : "plain");
	for (size_t i = 0; i < s->nauth; i++)
		elem(b, 6, "authentication", auth_xml(s->auth[i]));
	elem(b, 6, "username", s->username.v);
	if (opt->include_secrets)
		elem(b, 6, "password", s->password.v);
	if (s->protocol == MP_PROTO_POP3 && (a->pop_leave_on_server.set || a->pop_leave_days.set)) {
		mp_buf_puts(b, "      <pop3>\n");
		if (a->pop_leave_on_server.set)
			elem(b, 8, "leaveMessagesOnServer", a->pop_leave_on_server.v ? "true" : "false");
		if (a->pop_leave_days.set)
			mp_buf_printf(b, "        <daysToLeaveMessagesOnServer>%d</daysToLeaveMessagesOnServer>\n",
			              a->pop_leave_days.v);
		mp_buf_puts(b, "      </pop3>\n");
	}
	mp_buf_printf(b, "    </%s>\n", in ? "incomingServer" : "outgoingServer");
}

/* The schema (and Thunderbird) require emailProvider@id, conventionally the
 * provider's main domain. Without a provider id or address, take a listed
 * domain, else the domain part of the first server's host name. */
static const char *provider_id_for(const mp_account *a, const char *at)
{
	if (a->provider_id.v)
		return a->provider_id.v;
	if (at && at[1])
		return at + 1;
	if (a->ndomains && a->domains[0].v)
		return a->domains[0].v;
	const mp_server *s = a->nincoming ? &a->incoming[0] : a->noutgoing ? &a->outgoing[0] : NULL;
	if (!s || !s->host.v || !*s->host.v)
		return NULL;
	/* imap.example.com -> example.com; a two-label host is already a domain. */
	const char *dot = strchr(s->host.v, '.');
	if (dot && strchr(dot + 1, '.'))
		return dot + 1;
	return s->host.v;
}

/* Thunderbird's readFromXML takes the first <authentication> it supports
 * and drops the server when there is none: incoming servers cannot say
 * none, client-IP-address or smtp-after-pop, no server TLS-client-cert. */
static bool tb_accepts_auth(const mp_server *s)
{
	for (size_t i = 0; i < s->nauth; i++)
		switch (s->auth[i]) {
		case MP_AUTH_PASSWORD_CLEARTEXT:
		case MP_AUTH_PASSWORD_ENCRYPTED:
		case MP_AUTH_NTLM:
		case MP_AUTH_GSSAPI:
		case MP_AUTH_OAUTH2: return true;
		case MP_AUTH_NONE:
		case MP_AUTH_CLIENT_IP:
		case MP_AUTH_SMTP_AFTER_POP:
			if (s->protocol == MP_PROTO_SMTP)
				return true;
			break;
		case MP_AUTH_CLIENT_CERT:
		case MP_AUTH__COUNT: break;
		}
	return false;
}

static bool refuse_auth(const mp_account *a, mailprof_diags *d)
{
	bool bad = false;
	for (size_t k = 0; k < a->nincoming + a->noutgoing; k++) {
		const mp_server *s = k < a->nincoming ? &a->incoming[k] : &a->outgoing[k - a->nincoming];
		if (tb_accepts_auth(s))
			continue;
		mp_diag(d, MAILPROF_ERROR, "required-value", s->nauth ? &s->auth_loc : &s->loc,
		        "give the server a login method Thunderbird supports (password-cleartext, ...)",
		        "autoconfig: %s server %s logs in with %s, which Thunderbird does not accept for "
		        "%s servers: it would drop the server", mp_protocol_name(s->protocol),
		        s->host.v ? s->host.v : "", s->nauth ? mp_auth_name(s->auth[0]) : "nothing",
		        s->protocol == MP_PROTO_SMTP ? "outgoing" : "incoming");
		bad = true;
	}
	return bad;
}

/* Elements kept verbatim from an autoconfig input (already serialised by
 * libxml2, so well-formed), one per line at the given indent. */
static void kept(mp_buf *b, int indent, const mp_str *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		mp_buf_printf(b, "%*s%s\n", indent, "", v[i].v);
}

static mailprof_status emit_autoconfig(const mailprof_profile *p, const mailprof_options *opt,
                                       mp_buf *b, mailprof_diags *d)
{
	bool refused = false;
	for (size_t i = 0; i < p->naccounts; i++)
		refused |= refuse_auth(&p->accounts[i], d);
	if (refused)
		return MAILPROF_ERR_INVALID;
	mp_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clientConfig version=\"1.1\">\n");
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		const char *at = a->email.v ? strrchr(a->email.v, '@') : NULL;
		const char *id = provider_id_for(a, at);
		if (a->email.v)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->email.loc, NULL,
			        "autoconfig describes a provider, not a person: the e-mail address %s is not "
			        "written (usernames are kept)", a->email.v);
		if (a->display_name.v)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->display_name.loc, NULL,
			        "autoconfig has no place for the display name: not written");
		if (i == 1)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->loc, NULL,
			        "several accounts: each is written as its own <emailProvider>, but Thunderbird "
			        "reads only the first");
		/* The servers have hosts (mp_emit_prepare), so an id is found. */
		mp_buf_puts(b, "  <emailProvider id=\"");
		mp_buf_xml_escape(b, id ? id : "");
		mp_buf_puts(b, "\">\n");
		for (size_t j = 0; j < a->ndomains; j++)
			elem(b, 4, "domain", a->domains[j].v);
		/* Thunderbird rejects a provider without a <domain>. */
		if (!a->ndomains && id) {
			if (!at)
				mp_diag(d, MAILPROF_WARNING, "default-value", &a->loc,
				        "list the provider's mail domains in the input",
				        "autoconfig: no mail domain, which Thunderbird needs: written as <domain>%s</domain> "
				        "(the provider id)", id);
			elem(b, 4, "domain", id);
		}
		for (size_t j = 0; j < a->nmx_domains; j++) {
			mp_buf_puts(b, "    <domain purpose=\"mx\">");
			mp_buf_xml_escape(b, a->mx_domains[j].v);
			mp_buf_puts(b, "</domain>\n");
		}
		/* Without one Thunderbird labels the account "undefined". */
		if (!a->provider_name.v && id)
			mp_diag(d, MAILPROF_WARNING, "default-value", &a->loc, "add the provider's name",
			        "autoconfig: no provider name, which Thunderbird shows: <displayName> written as "
			        "%s (the provider id)", id);
		elem(b, 4, "displayName", a->provider_name.v ? a->provider_name.v : id);
		elem(b, 4, "displayShortName", a->provider_short_name.v);
		for (size_t j = 0; j < a->nincoming; j++)
			emit_server(b, a, &a->incoming[j], opt);
		for (size_t j = 0; j < a->noutgoing; j++)
			emit_server(b, a, &a->outgoing[j], opt);
		kept(b, 4, a->ac_provider_xml, a->nac_provider_xml);
		mp_buf_puts(b, "  </emailProvider>\n");
	}
	for (size_t i = 0; i < p->naccounts; i++)
		kept(b, 2, p->accounts[i].ac_root_xml, p->accounts[i].nac_root_xml);
	mp_buf_puts(b, "</clientConfig>\n");
	return MAILPROF_OK;
}

const struct mp_format mp_format_autoconfig = {
	.name = "autoconfig",
	.aliases = "thunderbird clientconfig",
	.extensions = ".xml",
	.summary = "Thunderbird autoconfig (clientConfig 1.1, ISPDB)",
	.sniff = sniff_autoconfig,
	.parse = parse_autoconfig,
	.emit = emit_autoconfig,
	.client = "Thunderbird",
	.requires = MP_REQ_HOST | MP_REQ_PORT | MP_REQ_SECURITY | MP_REQ_AUTH | MP_REQ_USER_IN |
	            MP_REQ_INCOMING | MP_REQ_OUTGOING,
	.substitutes = true,
};
