check tests/data/realworld/ad-no-namespace.xml
