convert --to msmtp --email not-an-address tests/data/realworld/provider.xml
