// Thunderbird preferences written by mailprof: copy into the profile folder
// as user.js (read at every start; prefs.js keeps the values afterwards).

user_pref("mail.smtpserver.smtp1.hostname", "mail.example.org");
user_pref("mail.smtpserver.smtp1.port", 465);
user_pref("mail.smtpserver.smtp1.username", "info@example.org");
user_pref("mail.smtpserver.smtp1.authMethod", 3);
user_pref("mail.smtpserver.smtp1.try_ssl", 3);
user_pref("mail.smtpserver.smtp1.description", "info@example.org");

user_pref("mail.account.account1.server", "server1");
user_pref("mail.account.account1.identities", "id1");
user_pref("mail.server.server1.type", "pop3");
user_pref("mail.server.server1.name", "info@example.org");
user_pref("mail.server.server1.hostname", "mail.example.org");
user_pref("mail.server.server1.port", 995);
user_pref("mail.server.server1.userName", "info@example.org");
user_pref("mail.server.server1.authMethod", 3);
user_pref("mail.server.server1.socketType", 3);
user_pref("mail.server.server1.leave_on_server", true);
user_pref("mail.server.server1.delete_by_age_from_server", true);
user_pref("mail.server.server1.num_days_to_leave_on_server", 14);
user_pref("mail.identity.id1.fullName", "Example Office");
user_pref("mail.identity.id1.useremail", "info@example.org");
user_pref("mail.identity.id1.smtpServer", "smtp1");
user_pref("mail.identity.id1.valid", true);

user_pref("mail.smtpserver.smtp2.hostname", "smtp.example.org");
user_pref("mail.smtpserver.smtp2.port", 587);
user_pref("mail.smtpserver.smtp2.username", "sales@example.org");
user_pref("mail.smtpserver.smtp2.authMethod", 10);
user_pref("mail.smtpserver.smtp2.try_ssl", 2);
user_pref("mail.smtpserver.smtp2.description", "sales@example.org");

user_pref("mail.account.account2.server", "server2");
user_pref("mail.account.account2.identities", "id2");
user_pref("mail.server.server2.type", "imap");
user_pref("mail.server.server2.name", "sales@example.org");
user_pref("mail.server.server2.hostname", "imap.example.org");
user_pref("mail.server.server2.port", 143);
user_pref("mail.server.server2.userName", "sales@example.org");
user_pref("mail.server.server2.authMethod", 10);
user_pref("mail.server.server2.socketType", 2);
user_pref("mail.identity.id2.useremail", "sales@example.org");
user_pref("mail.identity.id2.smtpServer", "smtp2");
user_pref("mail.identity.id2.valid", true);

user_pref("mail.accountmanager.accounts", "account1,account2");
user_pref("mail.accountmanager.defaultaccount", "account1");
user_pref("mail.smtpservers", "smtp1,smtp2");
user_pref("mail.smtp.defaultserver", "smtp1");
