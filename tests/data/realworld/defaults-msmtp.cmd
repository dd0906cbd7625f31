convert --to msmtp tests/data/realworld/no-security.ini
