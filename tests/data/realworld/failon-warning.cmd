convert --to msmtp --fail-on warning tests/data/realworld/no-security.ini
