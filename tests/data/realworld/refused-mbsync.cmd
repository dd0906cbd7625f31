convert --to mbsync tests/data/realworld/smtp-only.ini
