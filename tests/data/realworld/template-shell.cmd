check tests/data/realworld/template-shell.xml
