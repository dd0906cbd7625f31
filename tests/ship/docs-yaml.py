#!/usr/bin/env python3
"""Every ```yaml block of docs/ci.md parses, and each example that uses this
action passes only inputs action.yml declares."""
import re
import sys

import yaml

text = open("docs/ci.md").read()
inputs = set(yaml.safe_load(open("action.yml"))["inputs"])
bad = 0
blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
for n, block in enumerate(blocks, 1):
    try:
        doc = yaml.safe_load(block)
    except yaml.YAMLError as e:
        print(f"FAIL: docs/ci.md yaml block {n}: {e}")
        bad += 1
        continue
    for job in (doc or {}).get("jobs", {}).values() if isinstance(doc, dict) else []:
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("mailprof/mailprof@"):
                unknown = set(step.get("with", {})) - inputs
                if unknown:
                    print(f"FAIL: docs/ci.md yaml block {n}: inputs not in action.yml: {sorted(unknown)}")
                    bad += 1
print(f"{'FAIL' if bad else 'ok'}: docs/ci.md: {len(blocks)} yaml blocks parse, action inputs exist")
sys.exit(1 if bad else 0)
