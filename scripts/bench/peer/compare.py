#!/usr/bin/env python3
"""Checks that the Rego peer and qcdc agree: statuses (and flagged record ids) of the rules
qcdc.rego implements, report by report. Reads `qcdc check --format json` (schema 2: applicable
results in `results`, the others by reason in `not_applicable`).

  compare.py QCDC_JSON PEER_JSONL
"""
import collections
import json
import os
import sys


def stem(path):
    return os.path.splitext(os.path.basename(path))[0]


def statuses(rep):
    """rule id -> (status, flagged ids or None) for one report of schema 2."""
    out = {r["rule"]: (r["status"], [f.get("id") for f in r.get("flagged", [])]) for r in rep.get("results", [])}
    for ids in rep.get("not_applicable", {}).values():
        for rule in ids:
            out[rule] = ("not_applicable", [])
    return out


def main():
    q = json.load(open(sys.argv[1]))
    assert q.get("schema_version") == 2, "expects qcdc JSON schema 2"
    peer = {}
    for line in open(sys.argv[2]):
        d = json.loads(line)
        peer[stem(d["file"])] = d["results"]
    agree, disagree, examples = collections.Counter(), collections.Counter(), []
    for rep in q["reports"]:
        p = peer.get(stem(rep["file"]))
        if not rep["valid"] or p is None:
            continue
        for rule, (status, ids) in statuses(rep).items():
            if rule not in p:
                continue
            pr = p[rule]
            same = pr["status"] == status
            if same and status == "fail" and "failed" in pr:
                # Records without an id (dialogue sessions): compare how many were flagged.
                same = len(pr["failed"]) == len(ids) if None in ids else sorted(pr["failed"]) == sorted(ids)
            if same:
                agree[rule] += 1
            else:
                disagree[rule] += 1
                if len(examples) < 8:
                    examples.append((rep["file"], rule, status, pr))
    total = sum(agree.values()) + sum(disagree.values())
    print(f"peer vs qcdc: {sum(agree.values())}/{total} rule results agree "
          f"({len(agree | disagree)} rules); disagreements by rule: {dict(disagree) or 'none'}")
    for e in examples:
        print("  ", e)


if __name__ == "__main__":
    main()
