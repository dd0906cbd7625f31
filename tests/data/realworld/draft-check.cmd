check tests/data/realworld/draft.xml
