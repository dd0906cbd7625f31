check tests/data/realworld/template-percent.xml
