convert --to autoconfig tests/data/realworld/provider.xml
