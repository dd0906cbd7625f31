/* Outlook Autodiscover, POX response (responseschema/2006a): reference
 * material formats.md section 2. One <Account> is one account; each
 * <Protocol> of Type IMAP, POP3 or SMTP is one server.
 *
 * What the security elements mean (section 2.4, "Encryption semantics"):
 *   Encryption None -> none, SSL -> implicit TLS, TLS -> STARTTLS,
 *   Auto -> client negotiates (left unset); Encryption overrides SSL.
 *   Without Encryption, SSL on (the default when absent) means "secure
 *   logon": STARTTLS on the usual STARTTLS ports (25, 587, 110, 143), implicit
 *   TLS elsewhere, as Thunderbird reads it; SSL off means none.
 *   SPA on (also the default!) -> NTLM, off -> password; AuthRequired off ->
 *   no login; SMTPLast on -> SMTP after POP. */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "format.h"
#include "xml.h"

#define NS_OUTER "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"
#define NS_INNER "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
#define NS_MOBILESYNC "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006"

/* Outlook reads a <Response> only in its own namespace (MS-OXDSCLI); an
 * ActiveSync client's (mobilesync, MS-ASCMD) carries no POP/IMAP/SMTP
 * settings at all. Returns false for a mobilesync response. */
static bool check_response_ns(xmlNodePtr root, const char *path, mailprof_diags *d)
{
	for (xmlNodePtr r = root->children; r; r = r->next) {
		if (!mp_xml_is(r, "Response"))
			continue;
		const char *h = r->ns && r->ns->href ? (const char *)r->ns->href : "";
		/* https:// spellings are the warning autodiscover-namespace (strip_ns);
		 * the namespaces are compared past their "http://" (7 bytes). */
		const char *rest = strncmp(h, "https://", 8) == 0 ? h + 8 : strncmp(h, "http://", 7) == 0 ? h + 7 : h;
		mailprof_loc l = mp_xml_loc(path, r);
		if (strcmp(rest, &NS_MOBILESYNC[7]) == 0) {
			mp_diag(d, MAILPROF_ERROR, "autodiscover-mobilesync", &l,
			        "ask Autodiscover with the Outlook schema (AcceptableResponseSchema .../outlook/"
			        "responseschema/2006a) for IMAP, POP3 and SMTP settings",
			        "this is an ActiveSync (mobilesync) Autodiscover response: it names an Exchange "
			        "ActiveSync server, not IMAP, POP3 or SMTP settings");
			return false;
		}
		if (strcmp(rest, &NS_INNER[7]) != 0)
			mp_diag(d, MAILPROF_ERROR, "autodiscover-namespace", &l,
			        "declare xmlns=\"" NS_INNER "\" on <Response>",
			        "<Response> is %s%s, not in Outlook's namespace " NS_INNER
			        ": Outlook ignores such a response", *h ? "in namespace " : "without a namespace", h);
	}
	return true;
}

/* The schema has no namespace (two namespaces would need two schema
 * documents importing each other, which embedded schemas cannot do):
 * namespaces are checked here, then dropped. */
static void strip_ns(xmlNodePtr n, const char *path, mailprof_diags *d, bool *reported)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->ns && n->ns->href) {
			const char *h = (const char *)n->ns->href;
			if (!*reported && strncmp(h, "https://", 8) == 0) {
				mailprof_loc l = mp_xml_loc(path, n);
				mp_diag(d, MAILPROF_WARNING, "autodiscover-namespace", &l,
				        "use http:// in the xmlns URIs",
				        "namespace %s uses https://; Outlook expects the http:// URI", h);
				*reported = true;
			}
		}
		n->ns = NULL;
		strip_ns(n->children, path, d, reported);
	}
}

/* schemas/autodiscover.xsd restated as a shape (xml_shape.h), so the usual
 * valid response skips the XSD: keep the two in step. */
static const char *const w_onoff[] = {"on", "off", NULL};
static const char *const w_encryption[] = {"none", "ssl", "tls", "auto", NULL};
static const char *const w_account_type[] = {"email", NULL};
static const char *const w_action[] = {"settings", "redirectAddr", "redirectUrl", NULL};
static const struct mp_text_type t_onoff = {MP_TEXT_WORDS, w_onoff, MP_TEXT_FOLD | MP_TEXT_TRIM, 0, 0};
static const struct mp_text_type t_encryption = {MP_TEXT_WORDS, w_encryption,
                                                 MP_TEXT_FOLD | MP_TEXT_TRIM, 0, 0};
static const struct mp_text_type t_port = {MP_TEXT_INT, NULL, 0, 1, 65535};
static const struct mp_text_type t_account_type = {MP_TEXT_WORDS, w_account_type, 0, 0, 0};
static const struct mp_text_type t_action = {MP_TEXT_WORDS, w_action, 0, 0, 0};
static const struct mp_shape s_onoff = MP_TEXT_SHAPE(t_onoff);
static const struct mp_shape s_encryption = MP_TEXT_SHAPE(t_encryption);
static const struct mp_shape s_port = MP_TEXT_SHAPE(t_port);
static const struct mp_shape s_account_type = MP_TEXT_SHAPE(t_account_type);
static const struct mp_shape s_action = MP_TEXT_SHAPE(t_action);

static const struct mp_child_shape c_protocol[] = {
	{"Type", &mp_shape_string}, {"Server", &mp_shape_string}, {"Port", &s_port},
	{"LoginName", &mp_shape_string}, {"DomainRequired", &s_onoff}, {"DomainName", &mp_shape_string},
	{"SPA", &s_onoff}, {"SSL", &s_onoff}, {"Encryption", &s_encryption}, {"AuthRequired", &s_onoff},
	{"UsePOPAuth", &s_onoff}, {"SMTPLast", &s_onoff}, {"TTL", &mp_shape_integer},
	{"AuthPackage", &mp_shape_string}, {NULL, NULL}};
static const struct mp_shape s_protocol = {MP_CONTENT_KIDS, NULL, c_protocol, 0, 0, NULL, true};
static const struct mp_child_shape c_error[] = {{"ErrorCode", &mp_shape_integer},
                                                {"Message", &mp_shape_string},
                                                {"DebugData", &mp_shape_any}, {NULL, NULL}};
static const struct mp_attr_shape a_error[] = {{"Time", &mp_text_string, false},
                                               {"Id", &mp_text_string, false}, {NULL, NULL, false}};
static const struct mp_shape s_error = {MP_CONTENT_KIDS, NULL, c_error, 0, 0, a_error, false};
static const struct mp_child_shape c_account[] = {
	{"AccountType", &s_account_type}, {"Action", &s_action}, {"Protocol", &s_protocol},
	{"Error", &s_error}, {"RedirectAddr", &mp_shape_string}, {"RedirectUrl", &mp_shape_string},
	{"RedirectURL", &mp_shape_string}, {"ServiceHome", &mp_shape_string},
	{"MicrosoftOnline", &mp_shape_any}, {"Image", &mp_shape_any},
	{"PublicFolderInformation", &mp_shape_any}, {NULL, NULL}};
static const struct mp_shape s_account = {MP_CONTENT_KIDS, NULL, c_account, 0, 0, NULL, false};
static const struct mp_child_shape c_response[] = {
	{"User", &mp_shape_any}, {"Account", &s_account}, {"Error", &s_error}, {NULL, NULL}};
static const struct mp_shape s_response = {MP_CONTENT_KIDS, NULL, c_response, 0, 0, NULL, false};
static const struct mp_child_shape c_root[] = {{"Response", &s_response}, {NULL, NULL}};
static const struct mp_shape s_root = {MP_CONTENT_KIDS, NULL, c_root, 0, 0, NULL, false};
static const struct mp_child_shape autodiscover_shape = {"Autodiscover", &s_root};

/* Protocol children mailprof does not read (Exchange-only ones such as
 * ServerDN or EwsUrl): an info finding each, removed before validation. */
static void strip_unknown(xmlNodePtr n, const char *path, mailprof_diags *d)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!mp_xml_is(n, "Protocol")) {
			strip_unknown(n->children, path, d);
			continue;
		}
		for (xmlNodePtr c = n->children, next; c; c = next) {
			next = c->next;
			if (c->type != XML_ELEMENT_NODE)
				continue;
			if (!mp_xml_shape_kid(c_protocol, (const char *)c->name)) {
				mailprof_loc l = mp_xml_loc(path, c);
				mp_diag(d, MAILPROF_INFO, "unknown-element", &l, NULL,
				        "<%s> in <Protocol> is not used by mailprof: ignored", c->name);
				xmlUnlinkNode(c);
				xmlFreeNode(c);
			}
		}
	}
}

static bool onoff(const char *t, bool *out)
{
	if (mp_strcasecmp(t, "on") == 0 || mp_strcasecmp(t, "true") == 0)
		return *out = true, true;
	if (mp_strcasecmp(t, "off") == 0 || mp_strcasecmp(t, "false") == 0)
		return *out = false, true;
	return false;
}

struct ctx {
	mailprof_profile *p;
	const char *path;
	mailprof_diags *d;
};

/* Returns true when the Protocol says UsePOPAuth on (SMTP only). */
static bool read_protocol(struct ctx *c, mp_account *a, xmlNodePtr pn)
{
	mailprof_loc pl = mp_xml_loc(c->path, pn);
	char *type = NULL;
	for (xmlNodePtr n = pn->children; n && !type; n = n->next)
		if (mp_xml_is(n, "Type"))
			type = mp_xml_text(n);
	xmlChar *tattr = type ? NULL : xmlGetProp(pn, (const xmlChar *)"Type");
	mp_protocol proto;
	const char *tname = type ? type : tattr ? (const char *)tattr : "(none)";
	if (mp_strcasecmp(tname, "IMAP") == 0)
		proto = MP_PROTO_IMAP;
	else if (mp_strcasecmp(tname, "POP3") == 0)
		proto = MP_PROTO_POP3;
	else if (mp_strcasecmp(tname, "SMTP") == 0)
		proto = MP_PROTO_SMTP;
	else {
		mp_diag(c->d, MAILPROF_INFO, "unsupported-server", &pl, NULL,
		        "Protocol of Type '%s' is not IMAP, POP3 or SMTP: skipped", tname);
		free(type);
		xmlFree(tattr);
		return false;
	}
	free(type);
	xmlFree(tattr);
	mp_server *s = mp_server_add(a, proto);
	s->loc = pl;
	/* Absent SSL, SPA and AuthRequired mean on (section 2.4). */
	bool ssl = true, spa = true, authreq = true, smtplast = false, popauth = false;
	mailprof_loc ssl_loc = pl, enc_loc = pl, auth_loc = pl;
	char *enc = NULL;
	for (xmlNodePtr n = pn->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		mailprof_loc l = mp_xml_loc(c->path, n);
		char *t = mp_xml_text(n);
		bool b;
		if (mp_xml_is(n, "Server") && !s->host.v && *t)
			mp_str_set(&s->host, t, &l);
		else if (mp_xml_is(n, "Port") && !s->port.set) {
			char *end;
			long v = strtol(t, &end, 10);
			if (*t && !*end && v > 0 && v < 65536)
				mp_int_set(&s->port, (int)v, &l);
			else
				mp_diag(c->d, MAILPROF_ERROR, "autodiscover-value", &l, NULL,
				        "<Port> '%s' is not a port number: ignored", t);
		} else if (mp_xml_is(n, "LoginName") && !s->username.v) {
			/* A placeholder here is MP049: Outlook does not substitute it. */
			if (*t)
				mp_str_set(&s->username, t, &l);
		} else if (mp_xml_is(n, "SSL") || mp_xml_is(n, "SPA") || mp_xml_is(n, "AuthRequired") ||
		           mp_xml_is(n, "SMTPLast") || mp_xml_is(n, "UsePOPAuth")) {
			if (!onoff(t, &b))
				mp_diag(c->d, MAILPROF_ERROR, "autodiscover-value", &l, "use on or off",
				        "<%s> '%s' is neither on nor off: the default is used", n->name, t);
			else if (mp_xml_is(n, "SSL"))
				ssl = b, ssl_loc = l;
			else if (mp_xml_is(n, "SPA"))
				spa = b, auth_loc = l;
			else if (mp_xml_is(n, "AuthRequired"))
				authreq = b, auth_loc = l;
			else if (mp_xml_is(n, "UsePOPAuth"))
				popauth = b;
			else
				smtplast = b;
		} else if (mp_xml_is(n, "Encryption") && !enc) {
			enc = mp_xml_text(n);
			enc_loc = l;
		}
		free(t);
	}
	int port = s->port.set ? s->port.v : 0;
	if (enc) {
		if (mp_strcasecmp(enc, "None") == 0)
			mp_int_set(&s->security, MP_SEC_NONE, &enc_loc);
		else if (mp_strcasecmp(enc, "SSL") == 0)
			mp_int_set(&s->security, MP_SEC_TLS, &enc_loc);
		else if (mp_strcasecmp(enc, "TLS") == 0)
			mp_int_set(&s->security, MP_SEC_STARTTLS, &enc_loc);
		else if (mp_strcasecmp(enc, "STARTTLS") == 0) {
			mp_diag(c->d, MAILPROF_WARNING, "autodiscover-value", &enc_loc,
			        "write <Encryption>TLS</Encryption> for STARTTLS",
			        "<Encryption> STARTTLS is not one of None, SSL, TLS, Auto: read as TLS (STARTTLS)");
			mp_int_set(&s->security, MP_SEC_STARTTLS, &enc_loc);
		} else if (mp_strcasecmp(enc, "Auto") == 0)
			mp_diag(c->d, MAILPROF_INFO, "autodiscover-auto", &enc_loc, NULL,
			        "<Encryption> Auto lets the client choose: no transport security recorded");
		else
			mp_diag(c->d, MAILPROF_ERROR, "autodiscover-value", &enc_loc,
			        "use None, SSL, TLS or Auto",
			        "<Encryption> '%s' is not one of None, SSL, TLS, Auto: ignored", enc);
		free(enc);
	} else if (!ssl)
		mp_int_set(&s->security, MP_SEC_NONE, &ssl_loc);
	else
		mp_int_set(&s->security, port && mp_port_is_starttls(port) ? MP_SEC_STARTTLS : MP_SEC_TLS,
		           &ssl_loc);
	s->auth_loc = auth_loc;
	if (!authreq)
		mp_server_add_auth(s, MP_AUTH_NONE);
	else
		mp_server_add_auth(s, spa ? MP_AUTH_NTLM : MP_AUTH_PASSWORD_CLEARTEXT);
	if (smtplast && proto == MP_PROTO_SMTP)
		mp_server_add_auth(s, MP_AUTH_SMTP_AFTER_POP);
	return popauth && proto == MP_PROTO_SMTP;
}

static void read_error(struct ctx *c, xmlNodePtr e)
{
	mailprof_loc l = mp_xml_loc(c->path, e);
	char *code = NULL, *msg = NULL;
	for (xmlNodePtr n = e->children; n; n = n->next) {
		if (mp_xml_is(n, "ErrorCode") && !code)
			code = mp_xml_text(n);
		else if (mp_xml_is(n, "Message") && !msg)
			msg = mp_xml_text(n);
	}
	mp_diag(c->d, MAILPROF_ERROR, "autodiscover-error", &l, NULL,
	        "the response is an Autodiscover error: code %s, '%s'", code ? code : "(none)",
	        msg ? msg : "");
	free(code);
	free(msg);
}

/* Returns true when the Account held settings. */
static bool read_account(struct ctx *c, xmlNodePtr acc, xmlNodePtr user)
{
	mailprof_loc al = mp_xml_loc(c->path, acc);
	char *action = NULL;
	bool any = false;
	for (xmlNodePtr n = acc->children; n; n = n->next) {
		if (mp_xml_is(n, "Action") && !action)
			action = mp_xml_text(n);
		else if (mp_xml_is(n, "Error"))
			read_error(c, n);
		else if (mp_xml_is(n, "RedirectAddr") || mp_xml_is(n, "RedirectUrl") ||
		         mp_xml_is(n, "RedirectURL")) {
			char *t = mp_xml_text(n);
			mailprof_loc l = mp_xml_loc(c->path, n);
			mp_diag(c->d, MAILPROF_ERROR, "autodiscover-redirect", &l,
			        "run Autodiscover again for the target and convert that response",
			        "the response is a redirect (%s to '%s'), not settings", n->name, t);
			free(t);
		} else if (mp_xml_is(n, "Protocol"))
			any = true;
	}
	if (action && mp_strcasecmp(action, "settings") != 0 && mp_strcasecmp(action, "redirectAddr") != 0 &&
	    mp_strcasecmp(action, "redirectUrl") != 0)
		mp_diag(c->d, MAILPROF_WARNING, "autodiscover-value", &al, NULL,
		        "<Action> '%s' is not settings, redirectAddr or redirectUrl", action);
	free(action);
	if (!any)
		return false;
	mp_account *a = mp_account_add(c->p);
	a->loc = al;
	for (xmlNodePtr n = user ? user->children : NULL; n; n = n->next) {
		mailprof_loc l = mp_xml_loc(c->path, n);
		char *t = mp_xml_text(n);
		if (mp_xml_is(n, "DisplayName") && *t && !a->display_name.v)
			mp_str_set(&a->display_name, t, &l);
		else if (mp_xml_is(n, "AutoDiscoverSMTPAddress") && *t && !a->email.v)
			mp_str_set(&a->email, t, &l);
		free(t);
	}
	/* UsePOPAuth on: SMTP logs in with the incoming server's credentials;
	 * the model carries that as the same user name (when it has none). */
	bool popauth[64] = {false};
	for (xmlNodePtr n = acc->children; n; n = n->next)
		if (mp_xml_is(n, "Protocol")) {
			size_t before = a->noutgoing;
			bool pa = read_protocol(c, a, n);
			if (a->noutgoing > before && before < MP_COUNT(popauth))
				popauth[before] = pa;
		}
	for (size_t i = 0; i < a->noutgoing && i < MP_COUNT(popauth); i++)
		if (popauth[i] && !a->outgoing[i].username.v && a->nincoming && a->incoming[0].username.v)
			mp_str_set(&a->outgoing[i].username, a->incoming[0].username.v, &a->incoming[0].username.loc);
	if (!a->nincoming && !a->noutgoing) {
		mp_diag(c->d, MAILPROF_ERROR, "autodiscover-empty", &al, NULL,
		        "no IMAP, POP3 or SMTP Protocol in the Account (Exchange-only response?)");
		mp_account_free(a);
		c->p->naccounts--;
		return false;
	}
	return true;
}

static mailprof_status parse_autodiscover(mailprof_profile *p, const char *buf, size_t len,
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
	if (!mp_xml_is(root, "Autodiscover")) {
		mailprof_loc l = mp_xml_loc(path, root);
		mp_diag(d, MAILPROF_ERROR, "autodiscover-root", &l, NULL,
		        "root element is <%s>, not <Autodiscover>", root ? (const char *)root->name : "");
		xmlFreeDoc(doc);
		return MAILPROF_ERR_INVALID;
	}
	if (!check_response_ns(root, path, d)) {
		xmlFreeDoc(doc);
		return MAILPROF_ERR_INVALID;
	}
	bool reported = false;
	strip_ns(root, path, d, &reported);
	strip_unknown(root, path, d);
	mp_xml_validate(doc, "autodiscover.xsd", &autodiscover_shape, path, MAILPROF_ERROR, d);
	struct ctx c = {p, path, d};
	size_t before = p->naccounts;
	bool had_response = false;
	for (xmlNodePtr r = root->children; r; r = r->next) {
		if (!mp_xml_is(r, "Response"))
			continue;
		had_response = true;
		xmlNodePtr user = NULL;
		for (xmlNodePtr n = r->children; n; n = n->next)
			if (mp_xml_is(n, "User"))
				user = n;
		for (xmlNodePtr n = r->children; n; n = n->next) {
			if (mp_xml_is(n, "Error"))
				read_error(&c, n);
			else if (mp_xml_is(n, "Account"))
				read_account(&c, n, user);
		}
	}
	xmlFreeDoc(doc);
	if (p->naccounts == before) {
		mailprof_loc l = {path, 0, 0};
		if (!had_response)
			mp_diag(d, MAILPROF_ERROR, "autodiscover-empty", &l, NULL,
			        "no <Response> in the Autodiscover document: it holds no settings");
		else
			mp_diag(d, MAILPROF_ERROR, "autodiscover-empty", &l, NULL,
			        "no account settings in the Autodiscover response");
		return MAILPROF_ERR_INVALID;
	}
	return mp_xml_template_hosts(p, before, d) ? MAILPROF_ERR_INVALID : MAILPROF_OK;
}

static int sniff_autodiscover(const char *buf, size_t len)
{
	char root[64];
	if (mp_xml_root_name(buf, len, root, sizeof root))
		return strcmp(root, "Autodiscover") == 0 ? 100 : 0;
	/* A PHP script printing a response: claimed, so the reader can say so. */
	size_t head = len < 16384 ? len : 16384;
	if (len >= 5 && memcmp(buf, "<?php", 5) == 0)
		for (size_t i = 0; i + 13 <= head; i++)
			if (memcmp(buf + i, "<Autodiscover", 13) == 0)
				return 60;
	return 0;
}

/* ---- emitter ---- */

static void elem_at(mp_buf *b, int indent, const char *name, const char *text)
{
	if (!text)
		return;
	mp_buf_printf(b, "%*s<%s>", indent, "", name);
	mp_buf_xml_escape(b, text);
	mp_buf_printf(b, "</%s>\n", name);
}

static void elem(mp_buf *b, const char *name, const char *text)
{
	elem_at(b, 8, name, text);
}

static void emit_protocol(mp_buf *b, const mp_server *s, const mp_server *in, mailprof_diags *d)
{
	static const char *const types[] = {[MP_PROTO_IMAP] = "IMAP", [MP_PROTO_POP3] = "POP3",
	                                    [MP_PROTO_SMTP] = "SMTP"};
	mp_buf_puts(b, "      <Protocol>\n");
	elem(b, "Type", types[s->protocol]);
	elem(b, "Server", s->host.v);
	if (s->port.set)
		mp_buf_printf(b, "        <Port>%d</Port>\n", s->port.v);
	elem(b, "LoginName", s->username.v);
	elem(b, "DomainRequired", "off");
	/* The closest login Autodiscover can state: none, SPA (NTLM), password. */
	bool authreq = true, spa = false, smtplast = false, chosen = false;
	for (size_t i = 0; i < s->nauth; i++) {
		mp_auth m = s->auth[i];
		if (m == MP_AUTH_SMTP_AFTER_POP && s->protocol == MP_PROTO_SMTP) {
			smtplast = true;
			continue;
		}
		if (chosen) {
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
			        "autodiscover: one login method per Protocol; '%s' is dropped", mp_auth_name(m));
			continue;
		}
		chosen = true;
		if (m == MP_AUTH_NONE || m == MP_AUTH_CLIENT_IP) {
			authreq = false;
			if (m == MP_AUTH_CLIENT_IP)
				mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
				        "autodiscover: login by client IP address is written as AuthRequired off");
		} else if (m == MP_AUTH_NTLM)
			spa = true;
		else if (m != MP_AUTH_PASSWORD_CLEARTEXT)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
			        "autodiscover: %s login '%s' cannot be expressed; written as a password login "
			        "(SPA off)", mp_protocol_name(s->protocol), mp_auth_name(m));
	}
	if (!chosen && smtplast)
		authreq = false;
	int sec = s->security.v; /* set: mp_emit_prepare (MP_REQ_SECURITY) */
	/* Every security element stated: absent SSL and SPA mean on in Outlook. */
	elem(b, "SPA", spa ? "on" : "off");
	elem(b, "SSL", sec == MP_SEC_NONE ? "off" : "on");
	elem(b, "Encryption", sec == MP_SEC_NONE ? "None" : sec == MP_SEC_STARTTLS ? "TLS" : "SSL");
	elem(b, "AuthRequired", authreq ? "on" : "off");
	if (s->protocol == MP_PROTO_SMTP) {
		bool same = in && in->username.v && s->username.v && strcmp(in->username.v, s->username.v) == 0;
		elem(b, "UsePOPAuth", same ? "on" : "off");
		elem(b, "SMTPLast", smtplast ? "on" : "off");
	}
	if (s->password.v)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->password.loc, NULL,
		        "autodiscover: a response carries no password; the %s password is not written",
		        mp_protocol_name(s->protocol));
	mp_buf_puts(b, "      </Protocol>\n");
}

static mailprof_status emit_autodiscover(const mailprof_profile *p, const mailprof_options *opt,
                                         mp_buf *b, mailprof_diags *d)
{
	(void)opt;
	const mp_account *a = mp_emit_first_account(p, "autodiscover: a response describes one account", d);
	if (!a)
		return MAILPROF_ERR_INVALID;
	if (a->pop_leave_on_server.set || a->pop_leave_days.set)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->loc, NULL,
		        "autodiscover: POP options (leave messages on server, days) have no place: not written");
	if (a->ndomains || a->provider_id.v || a->provider_name.v || a->provider_short_name.v)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->loc, NULL,
		        "autodiscover: provider id, names and domains have no place: not written");
	mp_buf_puts(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Autodiscover xmlns=\"" NS_OUTER "\">\n"
	               "  <Response xmlns=\"" NS_INNER "\">\n");
	if (a->display_name.v || a->email.v) {
		mp_buf_puts(b, "    <User>\n");
		elem_at(b, 6, "DisplayName", a->display_name.v);
		elem_at(b, 6, "AutoDiscoverSMTPAddress", a->email.v);
		mp_buf_puts(b, "    </User>\n");
	}
	mp_buf_puts(b, "    <Account>\n      <AccountType>email</AccountType>\n      <Action>settings</Action>\n");
	for (size_t i = 0; i < a->nincoming; i++)
		emit_protocol(b, &a->incoming[i], NULL, d);
	for (size_t i = 0; i < a->noutgoing; i++)
		emit_protocol(b, &a->outgoing[i], a->nincoming ? &a->incoming[0] : NULL, d);
	mp_buf_puts(b, "    </Account>\n  </Response>\n</Autodiscover>\n");
	return MAILPROF_OK;
}

const struct mp_format mp_format_autodiscover = {
	.name = "autodiscover",
	.aliases = "outlook pox",
	.extensions = ".xml",
	.summary = "Outlook Autodiscover response (POX, responseschema 2006a)",
	.sniff = sniff_autodiscover,
	.parse = parse_autodiscover,
	.emit = emit_autodiscover,
	.client = "Outlook",
	.requires = MP_REQ_HOST | MP_REQ_PORT | MP_REQ_SECURITY | MP_REQ_AUTH | MP_REQ_INCOMING |
	            MP_REQ_LITERAL | MP_REQ_FIRST,
};
