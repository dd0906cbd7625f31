convert --to json tests/data/realworld/draft.xml
