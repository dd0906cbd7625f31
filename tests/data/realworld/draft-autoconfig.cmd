convert --to autoconfig tests/data/realworld/draft.xml
