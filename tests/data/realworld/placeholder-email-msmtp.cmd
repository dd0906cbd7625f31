convert --to msmtp --email ann@example.net --name 'Ann Lee' tests/data/realworld/provider.xml
