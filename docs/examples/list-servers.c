/* List a profile's servers through the public API (include/mailprof.h):
 *
 *   cc list-servers.c $(pkg-config --cflags --libs mailprof) -o list-servers
 *   ./list-servers profile.xml
 *
 * One line per server: protocol, host, port, security, login, auth methods,
 * and the file and line the host was read from. Exit status 2 when the file
 * cannot be read as a profile. */
#include <stdio.h>

#include <mailprof.h>

static void print_server(const mailprof_server *s)
{
	mailprof_loc at;
	const char *host = mailprof_server_get(s, MAILPROF_SERVER_HOST, &at);
	const char *user = mailprof_server_get(s, MAILPROF_SERVER_USERNAME, NULL);
	int sec = mailprof_server_security(s, NULL);
	printf("%-4s %s:%d %s user=%s auth=", mailprof_protocol_name(mailprof_server_protocol(s)),
	       host ? host : "-", mailprof_server_port(s, NULL),
	       sec < 0 ? "-" : mailprof_security_name((mailprof_security)sec), user ? user : "-");
	size_t n = mailprof_server_auth_count(s);
	for (size_t i = 0; i < n; i++)
		printf("%s%s", i ? "," : "", mailprof_auth_name(mailprof_server_auth(s, i)));
	printf("%s (%s:%d)\n", n ? "" : "-", at.file ? at.file : "-", at.line);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s PROFILE\n", argv[0]);
		return 2;
	}
	mailprof_global_init(MAILPROF_GLOBAL_DEFAULT);
	mailprof_profile *p = mailprof_profile_new();
	mailprof_diags *d = mailprof_diags_new();
	mailprof_status st = mailprof_parse_file(p, argv[1], NULL, NULL, d);
	if (st != MAILPROF_OK) {
		fprintf(stderr, "%s: %s\n", argv[1], mailprof_strerror(st));
		mailprof_diags_free(d);
		mailprof_profile_free(p);
		return 2;
	}
	for (size_t i = 0; i < mailprof_profile_account_count(p); i++) {
		const mailprof_account *a = mailprof_profile_account(p, i);
		const char *addr = mailprof_account_get(a, MAILPROF_ACCOUNT_ADDRESS, NULL);
		printf("account %s\n", addr ? addr : "-");
		for (size_t k = 0; k < mailprof_account_incoming_count(a); k++)
			print_server(mailprof_account_incoming(a, k));
		for (size_t k = 0; k < mailprof_account_outgoing_count(a); k++)
			print_server(mailprof_account_outgoing(a, k));
	}
	mailprof_diags_free(d);
	mailprof_profile_free(p);
	return 0;
}
