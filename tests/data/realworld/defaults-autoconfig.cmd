convert --to autoconfig tests/data/realworld/no-security.ini
