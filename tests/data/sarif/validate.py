#!/usr/bin/env python3
"""Validate a SARIF file against the SARIF 2.1.0 JSON schema (test helper).
Exit 0 valid, 1 invalid, 77 when python3-jsonschema is not installed."""
import json
import sys

try:
    import jsonschema
except ImportError:
    sys.exit(77)

schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
errors = list(jsonschema.Draft4Validator(schema).iter_errors(doc))
for e in errors[:10]:
    print("/".join(str(p) for p in e.absolute_path), e.message)
sys.exit(1 if errors else 0)
