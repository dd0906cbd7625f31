check tests/data/realworld/template-tt2.xml
