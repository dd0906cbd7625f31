check tests/data/realworld/template-jinja.xml
