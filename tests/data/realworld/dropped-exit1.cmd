convert --to json tests/data/realworld/dropped.xml
