#!/usr/bin/env python3
"""Deterministic generator of commune and province reports for scorecard benchmarks and
demonstrations (never committed: generate it when needed).

  scripts/generate-reports.py OUT_DIR --country [--missing 0.02] [--years 2026] [--seed 7]
  scripts/generate-reports.py OUT_DIR [--provinces 6] [--communes 90] [--years 2025 2026] [--seed 7]

--country: every real province and commune of the register in force from 1 July 2025
(register/units-2025.tsv: 34 provinces, 3,321 communes), with their official codes, names,
types and provinces, so that `qcdc check` and `qcdc scorecard` run with the register check on.
--missing leaves out that share of communes (and one province in ten of its own report), chosen
by the seed: the units `--expect all` lists as not submitted. Years 2025 and later only.

Otherwise: made-up provinces (codes 91 and up) with --communes made-up communes each, any
number of them (for benchmarks beyond the 3,321 real communes); check them with --no-register.

Writes OUT_DIR/<province>/<commune>-<year>.yaml and OUT_DIR/<province>/province-<year>.yaml.
The same arguments always give the same files. Provinces claim that all their communes run
one-stop service and held a dialogue; a few communes' own reports contradict that.
"""
import argparse
import datetime as dt
import os
import random

SYLLABLES = ["An", "Bình", "Đông", "Tây", "Nam", "Bắc", "Hòa", "Phú", "Thịnh", "Tân", "Long", "Mỹ", "Lạc", "Đức",
             "Hưng", "Quang", "Sơn", "Thủy", "Vĩnh", "Xuân", "Hải", "Ấp", "Ê", "Ơn", "Ưng", "Yên", "Châu", "Định"]
PROVINCES = ["Tỉnh Minh Sơn", "Tỉnh Đồng Hòa", "Tỉnh Bắc Lạc", "Thành phố Hải Vân", "Tỉnh Ân Thi", "Tỉnh Yên Phú",
             "Tỉnh Long Châu", "Tỉnh Ea Kar", "Tỉnh Ô Lâm", "Tỉnh Ưu Đàm"]


def weekly(start, end, skip, rng):
    d, out = start, []
    while d <= end:
        if d.weekday() == 1 and rng.random() > skip:
            out.append(d)
        d += dt.timedelta(days=1)
    return out


def twice_monthly(start, end, skip, rng):
    out = []
    for m in range(start.month, end.month + 1):
        for day in (6, 20):
            d = dt.date(start.year, m, day)
            if start <= d <= end and rng.random() > skip:
                out.append(d)
    return out


def commune(rng, code, name, parent, year, quality, subtype=None):
    bad = lambda p: rng.random() < p * (1.2 - quality)
    subtype = subtype or rng.choice(["xa", "xa", "phuong"])
    lines = [f'unit: {{code: "{code}", name: "{name}", kind: commune, subtype: {subtype}, parent: "{parent}"}}',
             f"period: {{year: {year}}}"]
    if not bad(0.15):
        if bad(0.2):
            lines.append("dialogue_conferences:\n  sessions: []")
        else:
            d = dt.date(year, rng.randint(3, 11), rng.randint(1, 28))
            notice = 7 + rng.randint(-2 if bad(0.3) else 0, 5)
            pub = rng.randint(3, 12 if bad(0.3) else 10)
            lines.append(f"dialogue_conferences:\n  sessions:\n    - {{date: {d}, announced: {d - dt.timedelta(days=notice)}, results_published: {d + dt.timedelta(days=pub)}}}")
    if not bad(0.1):
        lines.append(f"peoples_inspection_board:\n  members: {rng.randint(3 if bad(0.4) else 5, 11)}")
    villages = rng.randint(5, 25)
    if not bad(0.1):
        held = villages - (rng.randint(1, 2) if bad(0.25) else 0)
        lines.append(f"community_conferences:\n  villages: {villages}\n  held: {held}\n  min_notice_days: {rng.randint(3 if bad(0.3) else 5, 9)}\n  votes: []")
    if not bad(0.1):
        lines.append(f"staff_conference:\n  held: true\n  date: {dt.date(year + 1, rng.randint(1, 4 if bad(0.3) else 3), rng.randint(1, 28))}")
    if not bad(0.15):
        skip = 0.25 if bad(0.4) else 0.0
        days = []
        if year <= 2026:
            end = dt.date(year, 6, 30) if year == 2026 else dt.date(year, 12, 31)
            days += weekly(dt.date(year, 1, 1), end, skip, rng)
        if year >= 2026:
            days += twice_monthly(dt.date(year, 7, 1), dt.date(year, 12, 31), skip, rng)
        lines.append("citizen_reception:\n  leader_days:\n" + "\n".join(f"    - {{date: {d}}}" for d in days))
    lines.append(f"one_stop:\n  pa_service_centre: {'false' if bad(0.08) else 'true'}")
    if not bad(0.2):
        teams = rng.randint(3, 20)
        lines.append(f"mediation:\n  teams: {teams}\n  teams_compliant: {teams - (1 if bad(0.3) else 0)}")
    if not bad(0.2):
        lines.append(f"disclosure:\n  items_disclosed: {14 - (rng.randint(1, 3) if bad(0.3) else 0)}\n  has_radio: false")
    lines.append(f"emulation:\n  registration_rate: {100 if not bad(0.3) else rng.randint(80, 99)}%")
    lines.append(f"mass_mobilisation:\n  annual_plan: {'false' if bad(0.15) else 'true'}")
    return "\n".join(lines) + "\n"


def register():
    """(provinces, communes by province) from register/units-2025.tsv."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "register", "units-2025.tsv")
    provinces, communes = [], {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, name, kind, parent = line.rstrip("\n").split("\t")
            if parent:
                communes.setdefault(parent, []).append((code, name, kind))
            else:
                provinces.append((code, name))
    return provinces, communes


def province_report(pcode, pname, year, n):
    return (f'unit: {{code: "{pcode}", name: "{pname}", kind: province}}\nperiod: {{year: {year}}}\n'
            f"one_stop:\n  pa_service_centre: true\n  departments: 14\n  departments_running: 14\n  communes: {n}\n  communes_running: {n}\n"
            f"commune_dialogues:\n  communes: {n}\n  held: {n}\nmass_mobilisation:\n  annual_plan: true\n")


def country(args):
    provinces, communes = register()
    if any(y < 2025 for y in args.years):
        raise SystemExit("--country: years 2025 and later only (the register of 1 July 2025)")
    pick = random.Random(f"{args.seed}-missing")
    count, left_out = 0, []
    for pcode, pname in provinces:
        pdir = os.path.join(args.out, pcode)
        os.makedirs(pdir, exist_ok=True)
        units = communes[pcode]
        for year in args.years:
            for code, name, kind in units:
                if pick.random() < args.missing:
                    left_out.append(code)
                    continue
                quality = random.Random(f"{args.seed}-{code}").random()
                with open(os.path.join(pdir, f"{code}-{year}.yaml"), "w", encoding="utf-8") as f:
                    f.write(commune(random.Random(f"{args.seed}-{code}-{year}"), code, name, pcode, year,
                                    min(1.0, quality + (year - args.years[0]) * 0.1), subtype=kind))
                count += 1
            if args.missing > 0 and pick.random() < 0.1:
                left_out.append(pcode)
                continue
            with open(os.path.join(pdir, f"province-{year}.yaml"), "w", encoding="utf-8") as f:
                f.write(province_report(pcode, pname, year, len(units)))
    print(f"wrote {count} commune reports and the province reports of {len(provinces)} provinces to {args.out}; "
          f"left out {len(left_out)} reports on purpose")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--country", action="store_true", help="every real province and commune (register/units-2025.tsv)")
    ap.add_argument("--missing", type=float, default=0.0, help="--country: share of communes left out")
    ap.add_argument("--provinces", type=int, default=6)
    ap.add_argument("--communes", type=int, default=90, help="communes per province")
    ap.add_argument("--years", type=int, nargs="+", default=[2025, 2026])
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if args.country:
        return country(args)
    rng = random.Random(args.seed)
    count = 0
    for p in range(args.provinces):
        pcode = f"{91 + p}"
        pname = PROVINCES[p % len(PROVINCES)] + (f" {p // len(PROVINCES) + 1}" if p >= len(PROVINCES) else "")
        pdir = os.path.join(args.out, f"p{pcode}")
        os.makedirs(pdir, exist_ok=True)
        names = set()
        communes = []
        for c in range(args.communes):
            # A fresh name while fresh names are easy to find; past a few tries (thousands of
            # communes in one province use up the syllable pairs) a number makes it unique.
            for attempt in range(20):
                prefix = rng.choice(["Xã", "Xã", "Phường"])
                n = f"{prefix} {rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"
                if n not in names:
                    break
            else:
                n = f"{n} {c + 1}"
            names.add(n)
            communes.append((f"{pcode}{c + 1:03d}", n, rng.random()))
        for year in args.years:
            for code, name, quality in communes:
                with open(os.path.join(pdir, f"{code}-{year}.yaml"), "w", encoding="utf-8") as f:
                    f.write(commune(random.Random(f"{args.seed}-{code}-{year}"), code, name, pcode, year, min(1.0, quality + (year - args.years[0]) * 0.1)))
                count += 1
            with open(os.path.join(pdir, f"province-{year}.yaml"), "w", encoding="utf-8") as f:
                f.write(province_report(pcode, pname, year, len(communes)))
    print(f"wrote {count} commune reports and {args.provinces * len(args.years)} province reports to {args.out}")


if __name__ == "__main__":
    main()
