check tests/data/realworld/ad-mobilesync.xml
