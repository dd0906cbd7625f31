convert --to autoconfig tests/data/realworld/not-template.xml
