// Thunderbird preferences written by mailprof: copy into the profile folder
// as user.js (read at every start; prefs.js keeps the values afterwards).

user_pref("mail.smtpserver.smtp1.hostname", "smtp.example.net");
user_pref("mail.smtpserver.smtp1.port", 25);
user_pref("mail.smtpserver.smtp1.authMethod", 1);
user_pref("mail.smtpserver.smtp1.try_ssl", 0);
user_pref("mail.smtpserver.smtp1.description", "hanako@example.net");

user_pref("mail.account.account1.server", "server1");
user_pref("mail.account.account1.identities", "id1");
user_pref("mail.server.server1.type", "pop3");
user_pref("mail.server.server1.name", "hanako@example.net");
user_pref("mail.server.server1.hostname", "pop.example.net");
user_pref("mail.server.server1.port", 995);
user_pref("mail.server.server1.userName", "hanako");
user_pref("mail.server.server1.authMethod", 3);
user_pref("mail.server.server1.socketType", 3);
user_pref("mail.identity.id1.fullName", "Hanako Suzuki");
user_pref("mail.identity.id1.useremail", "hanako@example.net");
user_pref("mail.identity.id1.smtpServer", "smtp1");
user_pref("mail.identity.id1.valid", true);

user_pref("mail.accountmanager.accounts", "account1");
user_pref("mail.accountmanager.defaultaccount", "account1");
user_pref("mail.smtpservers", "smtp1");
user_pref("mail.smtp.defaultserver", "smtp1");
