#!/usr/bin/env python3
"""Validates reports against a JSON Schema made by `qcdc schema`, with the
`jsonschema` package (Draft 2020-12), as an editor or another tool would.

usage: validate-schema.py SCHEMA.json REPORT... [--expect-invalid REPORT...]
Exit 0 when every report before --expect-invalid validates and every one after it does not.

YAML is read as yaml-language-server reads it: dates stay strings (the YAML 1.1
timestamp resolver is removed), everything else by the usual resolvers.
"""
import json
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    pass


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


def load(path):
    with open(path, encoding="utf-8-sig") as f:
        if path.endswith(".json"):
            return json.load(f)
        return yaml.load(f, Loader=Loader)


def main(argv):
    schema = json.load(open(argv[0], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    valid, invalid, target = [], [], None
    target = valid
    for a in argv[1:]:
        if a == "--expect-invalid":
            target = invalid
        else:
            target.append(a)
    ok = True
    for p in valid:
        errors = sorted(validator.iter_errors(load(p)), key=lambda e: list(e.path))
        for e in errors:
            print(f"{p}: {'/'.join(map(str, e.path))}: {e.message}")
        ok = ok and not errors
        print(f"{p}: {'valid' if not errors else 'INVALID'}")
    for p in invalid:
        errors = list(validator.iter_errors(load(p)))
        print(f"{p}: {'rejected as expected' if errors else 'ACCEPTED but should be rejected'}")
        ok = ok and bool(errors)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
