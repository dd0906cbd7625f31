# Bundled example template: the account letter of a fictional FTTH
# provider (layout after notices.md S1/S9: ■ headings, full-width colons).
# Syntax: docs/notice-templates.md.
provider: Example光
match: Example光 メールアカウント登録通知書
default incoming.protocol: pop3
default incoming.security: tls
default outgoing.security: tls
default outgoing.auth: password-cleartext
---
Example光 メールアカウント登録通知書

{display_name} 様

このたびはExample光をお申し込みいただき、ありがとうございます。
メールアカウントの登録が完了しましたので、お知らせいたします。

■ご登録内容
メールアドレス　　　：{email}
■受信メールサーバー（POP3）
サーバー名　　　　　：{incoming.host}
ポート番号　　　　　：{incoming.port}
アカウント名　　　　：{incoming.username}
パスワード　　　　　：{incoming.password}
■送信メールサーバー（SMTP）
サーバー名　　　　　：{outgoing.host}
ポート番号　　　　　：{outgoing.port}
SMTP認証ユーザー名　：{outgoing.username}
SMTP認証パスワード　：{outgoing.password}
※パスワードは大切に保管してください。
