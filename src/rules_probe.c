/* Rules of `mailprof probe`: what the live servers contradict in a profile.
 * The findings are made by src/probe/ (network I/O, only on request), never
 * by mailprof_check: the rows carry their documentation and configuration. */
#include "check.h"

const struct mp_rule mp_rule_probe_refused = {
	{"MP050", "probe-refused", MAILPROF_ERROR, "server refused the connection or its name does not resolve",
	 "check the host name and port against the provider's documentation",
	 "The probe could not open a TCP connection to the server: the host name does not resolve, the "
	 "connection was refused (nothing listens on that port) or no route leads there. A client set up "
	 "with this profile fails the same way. Source: RFC 9293 (TCP connection establishment)."},
	MP_SCOPE_LIVE,
	{NULL}, /* found by src/probe/ */
};

const struct mp_rule mp_rule_probe_timeout = {
	{"MP051", "probe-timeout", MAILPROF_ERROR, "server did not answer within the timeout",
	 "check the host and port; a firewall or Outbound Port 25 Blocking may drop the connection",
	 "One step of the probe (TCP connect, TLS handshake, the server's greeting or a reply) took longer "
	 "than --timeout. The message names the step. A port that accepts but never greets is often a TLS "
	 "port reached without TLS or a plain port reached with TLS; a connect that never completes is a "
	 "filtered port. Source: RFC 3501 section 7.1.1 (IMAP greeting), RFC 1939 section 4 (POP3 "
	 "greeting), RFC 5321 section 4.5.3.2 (SMTP timeouts)."},
	MP_SCOPE_LIVE,
	{NULL}, /* found by src/probe/ */
};

const struct mp_rule mp_rule_probe_starttls_missing = {
	{"MP052", "probe-starttls-missing", MAILPROF_ERROR, "profile says STARTTLS, server offers none",
	 "use the implicit-TLS port (993, 995, 465) or ask the provider for the right settings",
	 "The profile upgrades the connection with STARTTLS, but the server's capability list (IMAP "
	 "CAPABILITY, POP3 CAPA, SMTP EHLO) does not offer STARTTLS/STLS. A client either fails or, worse, "
	 "goes on without TLS. Source: RFC 3501 section 6.2.1, RFC 2595 section 4, RFC 3207 section 4."},
	MP_SCOPE_LIVE,
	{NULL}, /* found by src/probe/ */
};

const struct mp_rule mp_rule_probe_cert_untrusted = {
	{"MP053", "probe-cert-untrusted", MAILPROF_ERROR, "server certificate not trusted",
	 "install a certificate from a public CA on the server, or trust its CA explicitly (--ca-file)",
	 "The certificate chain the server sent does not lead to a CA of the system store (or of "
	 "--ca-file): self-signed, issued by a private CA, or a missing intermediate. Clients refuse it or "
	 "teach users to click through warnings. The probe never logs in to such a server. Source: RFC 5280 "
	 "section 6 (path validation); RFC 8314 section 4.3."},
	MP_SCOPE_LIVE,
	{NULL}, /* found by src/probe/ */
};

const struct mp_rule mp_rule_probe_cert_host = {
	{"MP054", "probe-cert-host", MAILPROF_ERROR, "server certificate does not match the host name",
	 "use the host name the certificate names (often the provider's shared mail host)",
	 "None of the certificate's subjectAltNames (nor its CN when it has none) matches the host name of "
	 "the profile, so a client that checks (all current ones do) refuses the connection. Hosting "
	 "providers often serve one certificate for their own host name: the profile should name that "
	 "host. Source: RFC 6125 section 6; RFC 8314 section 4.3."},
	MP_SCOPE_LIVE,
	{NULL}, /* found by src/probe/ */
};

const struct mp_rule mp_rule_probe_cert_expired = {
	{"MP055", "probe-cert-expired", MAILPROF_ERROR, "server certificate expired or not yet valid",
	 "renew the server's certificate",
	 "The server's certificate is outside its validity period (notBefore..notAfter), so clients "
	 "refuse the connection. Source: RFC 5280 section 4.1.2.5."},
	MP_SCOPE_LIVE,
	{NULL}, /* found by src/probe/ */
};

const struct mp_rule mp_rule_probe_cert_expiring = {
	{"MP056", "probe-cert-expiring", MAILPROF_WARNING, "server certificate expires within 14 days",
	 "renew the server's certificate now (automated renewal may have stopped)",
	 "The certificate is valid today but its notAfter date is less than 14 days away; clients will "
	 "refuse it from then on. ACME clients renew 30 days ahead, so 14 days left usually means renewal "
	 "has failed. Source: RFC 5280 section 4.1.2.5; RFC 8555."},
	MP_SCOPE_LIVE,
	{NULL}, /* found by src/probe/ */
};

const struct mp_rule mp_rule_probe_cleartext_login = {
	{"MP057", "probe-cleartext-login", MAILPROF_ERROR, "password would be sent before TLS",
	 "use implicit TLS or STARTTLS (the message says what the server offers)",
	 "With this profile the client logs in on a connection that is not encrypted, so the password "
	 "crosses the network readable. The probe never sends it; it reports whether the server offers "
	 "STARTTLS or also has an implicit-TLS port. Source: RFC 8314 section 3; RFC 2595 section 2.1."},
	MP_SCOPE_LIVE,
	{NULL}, /* found by src/probe/ */
};

const struct mp_rule mp_rule_probe_auth_missing = {
	{"MP058", "probe-auth-not-offered", MAILPROF_ERROR, "the profile's login method is not offered",
	 "choose one of the methods the server offers (the message lists them)",
	 "The server's capability list does not offer the authentication method the profile names (e.g. "
	 "password-encrypted needs CRAM-MD5 or another challenge mechanism, password-cleartext needs PLAIN, "
	 "LOGIN, the IMAP LOGIN command or POP3 USER), so the client cannot log in. Source: RFC 4422 "
	 "(SASL), RFC 3501 section 6.2, RFC 5034, RFC 4954."},
	MP_SCOPE_LIVE,
	{NULL}, /* found by src/probe/ */
};

const struct mp_rule mp_rule_probe_op25b = {
	{"MP059", "probe-op25b", MAILPROF_ERROR, "port 25 refuses authenticated sending; port 587 would work",
	 "send through port 587 with STARTTLS and SMTP-AUTH (or 465 with TLS), as the message says",
	 "The profile sends on port 25, where the server offers no SMTP-AUTH or cannot be reached, while "
	 "the submission port of the same host offers AUTH. This is Outbound Port 25 Blocking (OP25B) as "
	 "Japanese and other ISPs practise it: port 25 only takes mail for local mailboxes, a client's mail "
	 "goes to 587 with SMTP-AUTH. Source: RFC 6409; RFC 5068; JEAG recommendation on OP25B (2005)."},
	MP_SCOPE_LIVE,
	{NULL}, /* found by src/probe/ */
};

const struct mp_rule mp_rule_probe_login_failed = {
	{"MP060", "probe-login-failed", MAILPROF_ERROR, "login refused",
	 "check the user name and password (the message names the server and method)",
	 "The server refused the login with the profile's user name and the given password over the "
	 "named method. The probe reports the server's reply, never the password. Source: RFC 3501 "
	 "section 6.2.3, RFC 1939 section 7, RFC 4954 section 4."},
	MP_SCOPE_LIVE,
	{NULL}, /* found by src/probe/ */
};

const struct mp_rule mp_rule_probe_send_failed = {
	{"MP061", "probe-send-test-failed", MAILPROF_ERROR, "test mail not sent or not received",
	 "read the server's reply in the message; check the outgoing server's settings and the address",
	 "`--send-test` sends a message to the account's own address through the outgoing server and "
	 "waits (up to --wait) until the incoming server lists it. The finding says which step failed: "
	 "the SMTP transaction (with the server's reply), or the message did not arrive in time. Source: "
	 "RFC 5321 section 4.2 (SMTP replies); the manual set-up's last step, mailing oneself."},
	MP_SCOPE_LIVE,
	{NULL}, /* found by src/probe/ */
};

const struct mp_rule mp_rule_probe_tls_failed = {
	{"MP062", "probe-tls-failed", MAILPROF_ERROR, "TLS could not be set up",
	 "check the security setting: implicit TLS (993, 995, 465) or STARTTLS (143, 110, 587)",
	 "The TLS handshake failed for a reason other than the certificate: no protocol version or cipher "
	 "in common, or the port does not speak TLS at all (implicit TLS set on a STARTTLS port). Source: "
	 "RFC 8446; RFC 8314 section 3."},
	MP_SCOPE_LIVE,
	{NULL}, /* found by src/probe/ */
};

const struct mp_rule mp_rule_probe_server = {
	{"MP063", "probe-server", MAILPROF_INFO, "what a live server offers",
	 "nothing to fix: this is what the server offered",
	 "One line per server probed: TLS version, certificate subject, issuer and expiry, the "
	 "capabilities (STARTTLS, AUTH mechanisms, SIZE). Informational, so it does not fail a run unless "
	 "--fail-on info. Source: RFC 3501 section 7.2.1, RFC 2449, RFC 5321 section 4.1.1.1, RFC 8446."},
	MP_SCOPE_LIVE,
	{NULL}, /* found by src/probe/ */
};

const struct mp_rule mp_rule_probe_round_trip = {
	{"MP064", "probe-round-trip", MAILPROF_INFO, "test mail round trip",
	 "nothing to fix: the test mail went through",
	 "With --send-test: the time from handing the test message to the outgoing server until the "
	 "incoming server listed it, per incoming server. Informational. Once every incoming server had "
	 "its look, the test mail is removed through the first one that read it (IMAP UID EXPUNGE of that "
	 "message only, POP3 DELE), so a mailbox probed every night does not fill up; when that fails, a "
	 "further MP064 finding says so, as it does when the IMAP server lacks UIDPLUS: the message is then "
	 "only flagged \\Deleted, since a plain EXPUNGE would also remove what the user marked deleted. Source: the manual set-up's last step (send yourself a test mail "
	 "and see it arrive); RFC 4315 (UID EXPUNGE), RFC 1939 section 6 (DELE)."},
	MP_SCOPE_LIVE,
	{NULL}, /* found by src/probe/ */
};

const struct mp_rule mp_rule_probe_protocol = {
	{"MP065", "probe-protocol", MAILPROF_ERROR, "server does not speak the profile's protocol",
	 "check the port and protocol: the server answered, but not as the profile expects",
	 "The server answered with something other than the greeting of the protocol the profile names "
	 "(e.g. an SMTP banner on an IMAP setting, or an HTTP server). Source: RFC 3501 section 7.1, RFC "
	 "1939 section 4, RFC 5321 section 4.2."},
	MP_SCOPE_LIVE,
	{NULL}, /* found by src/probe/ */
};
