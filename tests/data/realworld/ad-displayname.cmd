check tests/data/realworld/ad-displayname.xml
