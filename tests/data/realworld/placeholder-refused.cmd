convert --to msmtp tests/data/realworld/provider.xml
