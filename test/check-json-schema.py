#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check-json-schema.py SCHEMA.json DOC.json: validates DOC against SCHEMA
(JSON Schema 2020-12) and prints every violation with its path."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
doc = json.load(open(sys.argv[2], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc),
                key=lambda e: list(e.path))
for e in errors:
    print("%s: %s" % ("/".join(str(p) for p in e.path) or "(root)", e.message))
sys.exit(1 if errors else 0)
