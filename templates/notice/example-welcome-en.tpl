# Bundled example template: the welcome letter of a fictional English
# provider (layout after notices.md E1/E4). Syntax: docs/notice-templates.md.
provider: Example Broadband
match: Welcome to Example Broadband Mail
default incoming.protocol: imap
default incoming.security: tls
default outgoing.port: 587
default outgoing.security: starttls
default outgoing.auth: password-cleartext
---
Welcome to Example Broadband Mail

Dear {display_name},

Your mailbox {email} is ready. Set up your mail program with:

  Incoming server (IMAP): {incoming.host}, port {incoming.port}
  Outgoing server (SMTP): {outgoing.host}
  User name:              {incoming.username}
  Outgoing user name:     {outgoing.username}
  Password:               {incoming.password}

Your outgoing server requires authentication with the same user name and password.
