check tests/data/realworld/template-php.xml
