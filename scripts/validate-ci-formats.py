#!/usr/bin/env python3
"""Validates qcdc's CI outputs with real third-party tools:
  --sarif FILE SCHEMA   SARIF against the official SARIF 2.1.0 JSON Schema (jsonschema, Draft 4)
  --junit FILE          JUnit XML with junitparser (as CI systems read it), counts cross-checked
  --gitlab FILE SCHEMA  a GitLab Code Quality report against the schema written from GitLab's
                        documented fields (Tests/qcdcTests/Schemas/gitlab-codequality.*)
Exit 0 when every given file is valid."""
import json
import sys


def check_sarif(path, schema_path):
    import jsonschema
    schema = json.load(open(schema_path, encoding="utf-8"))
    doc = json.load(open(path, encoding="utf-8"))
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(doc))
    for e in errors[:20]:
        print(f"{path}: {'/'.join(map(str, e.path))}: {e.message}")
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    bases = run.get("originalUriBaseIds", {})
    for r in run["results"]:
        if rules[r["ruleIndex"]]["id"] != r["ruleId"]:
            print(f"{path}: ruleIndex {r['ruleIndex']} does not point at {r['ruleId']}")
            errors.append(r)
        # Every result can be followed from run to run, and every base it names is declared.
        if not r.get("partialFingerprints", {}).get("qcdc/v1"):
            print(f"{path}: result {r['ruleId']} has no partialFingerprints")
            errors.append(r)
        for loc in r.get("locations", []):
            base = loc.get("physicalLocation", {}).get("artifactLocation", {}).get("uriBaseId")
            if base is not None and base not in bases:
                print(f"{path}: uriBaseId {base} is not in originalUriBaseIds")
                errors.append(r)
    print(f"{path}: SARIF {'valid' if not errors else 'INVALID'} ({len(run['results'])} results, {len(rules)} rules)")
    return not errors


def check_junit(path):
    from junitparser import JUnitXml, TestSuite
    xml = JUnitXml.fromfile(path)
    suites = [xml] if isinstance(xml, TestSuite) else list(xml)
    ok = True
    tests = failures = errors = skipped = 0
    for suite in suites:
        cases = list(suite)
        f = sum(1 for c in cases for r in c.result if r._tag == "failure")
        e = sum(1 for c in cases for r in c.result if r._tag == "error")
        s = sum(1 for c in cases for r in c.result if r._tag == "skipped")
        if (suite.tests, suite.failures, suite.errors, suite.skipped) != (len(cases), f, e, s):
            print(f"{path}: suite {suite.name!r} counts {suite.tests}/{suite.failures}/{suite.errors}/{suite.skipped} "
                  f"do not match its testcases {len(cases)}/{f}/{e}/{s}")
            ok = False
        tests += len(cases); failures += f; errors += e; skipped += s
    print(f"{path}: JUnit {'valid' if ok else 'INVALID'} ({len(suites)} suites, {tests} tests, "
          f"{failures} failures, {errors} errors, {skipped} skipped)")
    return ok


def check_gitlab(path, schema_path):
    import jsonschema
    schema = json.load(open(schema_path, encoding="utf-8"))
    doc = json.load(open(path, encoding="utf-8"))
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(doc))
    for e in errors[:20]:
        print(f"{path}: {'/'.join(map(str, e.path))}: {e.message}")
    # GitLab keeps one issue per fingerprint: two issues with one would hide one of them.
    prints = [i.get("fingerprint") for i in doc if isinstance(i, dict)]
    if len(set(prints)) != len(prints):
        print(f"{path}: {len(prints) - len(set(prints))} issues share a fingerprint")
        errors.append(path)
    print(f"{path}: GitLab {'valid' if not errors else 'INVALID'} ({len(doc)} issues)")
    return not errors


def main(argv):
    ok = True
    i = 0
    while i < len(argv):
        if argv[i] == "--sarif":
            ok = check_sarif(argv[i + 1], argv[i + 2]) and ok
            i += 3
        elif argv[i] == "--gitlab":
            ok = check_gitlab(argv[i + 1], argv[i + 2]) and ok
            i += 3
        elif argv[i] == "--junit":
            ok = check_junit(argv[i + 1]) and ok
            i += 2
        else:
            print(f"unknown argument {argv[i]}")
            return 64
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
