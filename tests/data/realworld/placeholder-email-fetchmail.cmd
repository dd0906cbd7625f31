convert --to fetchmail --email ann@example.net tests/data/realworld/provider.xml
