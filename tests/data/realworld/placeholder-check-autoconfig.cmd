check tests/data/realworld/provider.xml
