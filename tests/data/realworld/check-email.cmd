check --email ann@example.org samples/autodiscover/vsus-app-purelymail.xml
