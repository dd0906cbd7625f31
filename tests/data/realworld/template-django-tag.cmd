check tests/data/realworld/template-django-tag.xml
