#!/usr/bin/env python3
"""Import the official register of Vietnamese administrative units into register/*.tsv.

Usage (Python 3.11+, standard library only):

  python3 scripts/import-register.py --new SOURCE_2025 --old SOURCE_PRE_2025 \
      [--out register] [--import-date YYYY-MM-DD] [--check]

SOURCE_* is a copy of the PyPI package `vietnam-provinces`, given as any of:
  - the virtual environment holding it .../venv-official
  - its module directory               .../site-packages/vietnam_provinces
  - its data directory                 .../site-packages/vietnam_provinces/data
  - its wheel file                     vietnam_provinces-2026.2.3-py3-none-any.whl (read as a zip)
--new should be version 2026.2.3: the list in force from 1 July 2025 (provinces and communes)
as the package author scraped it from the official register kept by the National Statistics
Office (danhmuchanhchinh.nso.gov.vn). Version 2025.10.1 also reads, but its codes come from the
June 2025 draft of the decision and 123 communes have other codes than in the register.
--old should be version 0.6.0: the last list before the reorganisation (provinces, districts,
communes), as exported from the GSO register on 2025-01-04.
Another version only gives a warning; the counts below still have to hold.
See register/README.md for the exact commands that fetch the two versions.

The package is GPL-licensed: nothing of its code is used here. This script only reads the
facts (codes, names, types, parents) from its data file nested-divisions.json, by path,
and writes them in our own format:

  register/units-2025.tsv      code, name, type (tinh|thanh_pho_tw|xa|phuong|dac_khu), parent
  register/units-pre-2025.tsv  code, name, type (tinh|thanh_pho_tw|huyen|quan|thi_xa|thanh_pho|
                               xa|phuong|thi_tran), parent

Lines starting with '#' are a header (source, package version, import date, counts);
every other line is one unit, tab-separated, with no column-name row. Provinces come first,
then (pre-2025 only) districts, then communes, each sorted by code. Codes keep their
leading zeros: province 2 digits, district 3 digits, commune 5 digits.

Names are NFC, with runs of white space collapsed and the type prefix written the usual way
("Thành Phố Bắc Kạn" becomes "Thành phố Bắc Kạn"; "Cao Bằng" of type tỉnh becomes
"Tỉnh Cao Bằng"). Nothing else in a name is changed (apostrophes and dashes stay as given).

The import fails (exit 1) unless the 2025 list is exactly 34 provinces (28 tỉnh + 6 thành phố
trực thuộc trung ương) and 3,321 communes (2,621 xã, 687 phường, 13 đặc khu), the pre-2025
list has 63 provinces (57 + 6), codes are unique and well-formed and every parent exists.

Output is deterministic: the import date stays what the existing file says when nothing else
in the file would change; otherwise it is --import-date, or today's date (UTC).
With --check nothing is written: exit 1 if a file would change.
"""
import argparse
import datetime as dt
import hashlib
import json
import re
import sys
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

EXPECTED_NEW_VERSION = "2026.2.3"
EXPECTED_OLD_VERSION = "0.6.0"

# Counts the 2025 list must have (Quyết định 19/2025/QĐ-TTg: 34 provinces, 3,321 communes).
EXPECTED_2025 = {"tinh": 28, "thanh_pho_tw": 6, "xa": 2621, "phuong": 687, "dac_khu": 13}
EXPECTED_PRE_PROVINCES = {"tinh": 57, "thanh_pho_tw": 6}

DECISION_2025 = ("Quyết định 19/2025/QĐ-TTg ngày 30/6/2025 của Thủ tướng Chính phủ ban hành "
                 "Bảng danh mục và mã số các đơn vị hành chính Việt Nam (hiệu lực từ 1/7/2025)")
# Where each known package version took its facts from (its changelog, README and seed-data notes).
PROVENANCE = {
    "2026.2.3": "The package author scraped these facts from the official register kept by the National Statistics "
                "Office, Cục Thống kê (danhmuchanhchinh.nso.gov.vn), data retrieved 2026-02-21, still with the "
                "provinces and communes of 1 July 2025 (see register/README.md for how that was cross-checked).",
    "2025.10.1": "WARNING: this package version took its codes from the June 2025 draft of that decision "
                 "(published on chinhphu.vn for comment); 123 communes have other codes in the official register.",
    "0.6.0": "The package author exported these facts from the GSO register (danhmuchanhchinh.gso.gov.vn) on "
             "2025-01-04; changes that took effect after that date and before 1 July 2025 are not in it.",
}

DECISION_PRE = ("Quyết định 124/2004/QĐ-TTg ngày 8/7/2004 của Thủ tướng Chính phủ ban hành "
                "Bảng danh mục và mã số các đơn vị hành chính Việt Nam, as kept up to date by the "
                "General Statistics Office (Tổng cục Thống kê) after each National Assembly Standing "
                "Committee resolution on administrative units")

# Type prefixes as officially written, longest first, and the type each one means per level.
PREFIXES = ["Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Huyện", "Quận", "Tỉnh", "Xã"]
TYPES_BY_LEVEL = {
    "province": {"Tỉnh": "tinh", "Thành phố": "thanh_pho_tw"},
    "district": {"Huyện": "huyen", "Quận": "quan", "Thị xã": "thi_xa", "Thành phố": "thanh_pho"},
    "commune": {"Xã": "xa", "Phường": "phuong", "Thị trấn": "thi_tran", "Đặc khu": "dac_khu"},
}
# The package's own division_type for the 2025 list (it is not reliable in 0.6.0).
DIVISION_TYPE_2025 = {"tỉnh": "tinh", "thành phố trung ương": "thanh_pho_tw",
                      "xã": "xa", "phường": "phuong", "đặc khu": "dac_khu"}
PREFIX_OF_TYPE = {"tinh": "Tỉnh", "thanh_pho_tw": "Thành phố"}
CODE_WIDTH = {"province": 2, "district": 3, "commune": 5}
LEVEL_ORDER = {"province": 0, "district": 1, "commune": 2}


class RegisterError(Exception):
    pass


def fail(msg):
    raise RegisterError(msg)


# ---------------------------------------------------------------- locating the source

def locate(path_arg):
    """Return (data_file, module_dir or None) for a data dir, module dir, venv or wheel."""
    p = Path(path_arg).resolve()
    if p.is_file() and p.suffix == ".whl":
        return p, None
    candidates = [p / "nested-divisions.json", p / "data" / "nested-divisions.json"]
    candidates += sorted(p.glob("lib/python*/site-packages/vietnam_provinces/data/nested-divisions.json"))
    candidates += sorted(p.glob("Lib/site-packages/vietnam_provinces/data/nested-divisions.json"))
    for c in candidates:
        if c.is_file():
            module = c.parent.parent
            return c, (module if (module / "__init__.py").is_file() else None)
    fail(f"{path_arg}: no vietnam_provinces data (nested-divisions.json) found there")


def read_source(data_file, module_dir):
    """Return (raw data bytes, __init__.py text, METADATA text) without installing or running anything."""
    if data_file.suffix == ".whl":
        with zipfile.ZipFile(data_file) as z:
            names = set(z.namelist())
            data_name = "vietnam_provinces/data/nested-divisions.json"
            if data_name not in names:
                fail(f"{data_file}: no {data_name} inside")
            init_name = "vietnam_provinces/__init__.py"
            meta = [n for n in sorted(names) if re.fullmatch(r"vietnam_provinces-[^/]+\.dist-info/METADATA", n)]
            return (z.read(data_name),
                    z.read(init_name).decode("utf-8") if init_name in names else "",
                    z.read(meta[0]).decode("utf-8") if meta else "")
    init = metadata = ""
    if module_dir is not None:
        init = (module_dir / "__init__.py").read_text(encoding="utf-8")
        metas = sorted(module_dir.parent.glob("vietnam_provinces-*.dist-info/METADATA"))
        if metas:
            metadata = metas[0].read_text(encoding="utf-8")
    return data_file.read_bytes(), init, metadata


def package_info(data_file, module_dir):
    raw, init, metadata = read_source(data_file, module_dir)
    info = {"version": None, "data_version": None, "sha256": hashlib.sha256(raw).hexdigest()}
    for key, name in (("version", "__version__"), ("data_version", "__data_version__")):
        m = re.search(rf"^{name}\s*=\s*['\"]([^'\"]+)['\"]", init, re.M)
        if m:
            info[key] = m.group(1)
    if info["version"] is None:
        m = re.search(r"^Version:\s*(\S+)", metadata, re.M)
        if m:
            info["version"] = m.group(1)
    return info, json.loads(raw.decode("utf-8"))


# ---------------------------------------------------------------- names and types

class Notes:
    """Counts of what was normalised, to print."""

    def __init__(self):
        self.c = Counter()
        self.examples = {}

    def add(self, kind, example):
        self.c[kind] += 1
        self.examples.setdefault(kind, example)


def split_prefix(name):
    """Return (official prefix, rest) if name starts with a type prefix, any capitalisation."""
    for pre in PREFIXES:
        head = name[:len(pre)]
        if head.casefold() == pre.casefold() and name[len(pre):len(pre) + 1] == " ":
            return pre, name[len(pre) + 1:]
    return None, name


def clean_name(raw, level, notes, default_type=None):
    """NFC, white space collapsed, prefix as officially written. Returns (name, type from prefix)."""
    if not isinstance(raw, str) or not raw.strip():
        fail(f"empty or non-text name: {raw!r}")
    name = unicodedata.normalize("NFC", raw)
    if name != raw:
        notes.add("not NFC in source, normalised", raw)
    collapsed = " ".join(name.split())
    if collapsed != name:
        notes.add("extra white space removed", name)
        name = collapsed
    pre, rest = split_prefix(name)
    if pre is None:
        if default_type is None:
            fail(f"{level} name without a type prefix: {name!r}")
        pre = PREFIX_OF_TYPE[default_type]
        notes.add("type prefix added", f"{name} -> {pre} {name}")
        rest = name
    elif name[:len(pre)] != pre:
        notes.add("type prefix capitalisation fixed", name)
    if not rest:
        fail(f"{level} name with a prefix only: {raw!r}")
    kind = TYPES_BY_LEVEL[level].get(pre)
    if kind is None:
        fail(f"{level} name with a prefix that does not fit the level: {raw!r}")
    return f"{pre} {rest}", kind


def code_str(value, level):
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).isdigit():
        fail(f"{level} code is not a number: {value!r}")
    n = int(value)
    width = CODE_WIDTH[level]
    if not 0 < n < 10 ** width:
        fail(f"{level} code out of range for {width} digits: {value!r}")
    return f"{n:0{width}d}"


# ---------------------------------------------------------------- reading the two lists

def read_2025(data, notes):
    units = []
    if not isinstance(data, list):
        fail("2025 data: top level is not a list of provinces")
    for p in data:
        if "districts" in p:
            fail("2025 data has districts: is --new the post-2025 package (2025.x)?")
        ptype_pkg = DIVISION_TYPE_2025.get(p.get("division_type"))
        if ptype_pkg not in ("tinh", "thanh_pho_tw"):
            fail(f"province {p.get('name')!r}: unknown division_type {p.get('division_type')!r}")
        pname, ptype = clean_name(p["name"], "province", notes, default_type=ptype_pkg)
        if ptype != ptype_pkg:
            fail(f"province {pname!r}: name says {ptype}, package says {ptype_pkg}")
        pcode = code_str(p["code"], "province")
        units.append(("province", pcode, pname, ptype, ""))
        for w in p.get("wards", []):
            wtype_pkg = DIVISION_TYPE_2025.get(w.get("division_type"))
            wname, wtype = clean_name(w["name"], "commune", notes)
            if wtype != wtype_pkg:
                fail(f"commune {wname!r}: name says {wtype}, package says {w.get('division_type')!r}")
            units.append(("commune", code_str(w["code"], "commune"), wname, wtype, pcode))
    return units


def read_pre_2025(data, notes):
    units = []
    if not isinstance(data, list):
        fail("pre-2025 data: top level is not a list of provinces")
    for p in data:
        if "districts" not in p:
            fail("pre-2025 data has no districts: is --old the pre-2025 package (0.x)?")
        # 0.6.0 gives division_type 'tỉnh'/'huyện'/'xã' for every unit of a level, so the
        # type comes from the official name prefix instead.
        pname, ptype = clean_name(p["name"], "province", notes)
        pcode = code_str(p["code"], "province")
        units.append(("province", pcode, pname, ptype, ""))
        for d in p["districts"]:
            dname, dtype = clean_name(d["name"], "district", notes)
            dcode = code_str(d["code"], "district")
            units.append(("district", dcode, dname, dtype, pcode))
            for w in d.get("wards", []):
                wname, wtype = clean_name(w["name"], "commune", notes)
                units.append(("commune", code_str(w["code"], "commune"), wname, wtype, dcode))
    return units


# ---------------------------------------------------------------- checks

def check_common(units, label):
    problems = []
    codes = Counter((u[0], u[1]) for u in units)
    problems += [f"{label}: duplicate {lvl} code {c}" for (lvl, c), n in sorted(codes.items()) if n > 1]
    # Each level has its own code width, so per-level uniqueness makes every code in a file unique.
    parent_level = {"district": "province", "commune": "district" if any(u[0] == "district" for u in units)
                    else "province"}
    for lvl, code, name, _type, parent in units:
        if lvl == "province":
            if parent:
                problems.append(f"{label}: province {code} has a parent")
        elif (parent_level[lvl], parent) not in codes:
            problems.append(f"{label}: {lvl} {code} {name}: parent {parent!r} does not exist")
        for ch in name:
            if ch in "\t\r\n" or unicodedata.category(ch) in ("Cc", "Cf"):
                problems.append(f"{label}: {lvl} {code}: control character in name {name!r}")
                break
    return problems


def type_counts(units):
    return Counter(u[3] for u in units)


def check_2025(units):
    problems = check_common(units, "2025")
    counts = type_counts(units)
    for t, n in EXPECTED_2025.items():
        if counts[t] != n:
            problems.append(f"2025: {counts[t]} units of type {t}, expected {n}")
    levels = Counter(u[0] for u in units)
    if levels["province"] != 34 or levels["commune"] != 3321 or set(levels) - {"province", "commune"}:
        problems.append(f"2025: levels {dict(levels)}, expected 34 provinces and 3321 communes")
    extra = set(counts) - set(EXPECTED_2025)
    if extra:
        problems.append(f"2025: unexpected types {sorted(extra)}")
    # Within one province no two communes may share a name (they are told apart by name).
    names = Counter((u[4], u[2]) for u in units if u[0] == "commune")
    problems += [f"2025: province {p} has two communes named {n!r}" for (p, n), k in sorted(names.items()) if k > 1]
    return problems


def check_pre_2025(units):
    problems = check_common(units, "pre-2025")
    counts = Counter(u[3] for u in units if u[0] == "province")
    for t, n in EXPECTED_PRE_PROVINCES.items():
        if counts[t] != n:
            problems.append(f"pre-2025: {counts[t]} provinces of type {t}, expected {n}")
    return problems


def warnings_pre_2025(units):
    """Same-named communes in one district: in the source, so kept and reported, not fatal."""
    names = Counter((u[4], u[2]) for u in units if u[0] == "commune")
    return [f"pre-2025: district {d} has {k} communes named {n!r}" for (d, n), k in sorted(names.items()) if k > 1]


# ---------------------------------------------------------------- writing

def summary(units):
    levels = Counter(u[0] for u in units)
    types = type_counts(units)
    parts = []
    for lvl, plural in (("province", "provinces"), ("district", "districts"), ("commune", "communes")):
        if levels[lvl]:
            kinds = sorted({u[3] for u in units if u[0] == lvl},
                           key=lambda t: (-types[t], t))
            parts.append(f"{levels[lvl]} {plural} (" + ", ".join(f"{types[t]} {t}" for t in kinds) + ")")
    return "; ".join(parts)


def render(units, header_lines, import_date):
    units = sorted(units, key=lambda u: (LEVEL_ORDER[u[0]], u[1]))
    out = [f"# {line}".rstrip() for line in header_lines]
    out = [line.replace("{IMPORT_DATE}", import_date) for line in out]
    out += ["\t".join(u[1:]) for u in units]
    return "\n".join(out) + "\n"


DATE_LINE = re.compile(r"^# Imported: (\d{4}-\d{2}-\d{2})", re.M)


def write(path, units, header_lines, import_date, check_only):
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if old is not None and import_date is None:
        m = DATE_LINE.search(old)
        if m and render(units, header_lines, m.group(1)) == old:
            print(f"{path}: unchanged ({len(old.encode('utf-8'))} bytes)")
            return True
    date = import_date or dt.datetime.now(dt.timezone.utc).date().isoformat()
    text = render(units, header_lines, date)
    if text == old:
        print(f"{path}: unchanged ({len(text.encode('utf-8'))} bytes)")
        return True
    if check_only:
        print(f"{path}: would change")
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    print(f"{path}: written ({len(text.encode('utf-8'))} bytes)")
    return True


def header(title, decision, info, expected_version, units, columns):
    ver = info["version"] or "unknown"
    lines = [
        title,
        f"Official list: {decision}.",
        PROVENANCE.get(ver, "Where this package version took its facts from is not recorded in this script."),
        f"Facts imported by scripts/import-register.py from the PyPI package vietnam-provinces {ver}"
        + (f" (its data version {info['data_version']})" if info["data_version"] else "")
        + "; nested-divisions.json sha256 " + info["sha256"] + ".",
        "Only facts (codes, names, types, parents) are taken; the package's code and files are not copied.",
        "Imported: {IMPORT_DATE}",
        "Counts: " + summary(units) + ".",
        "Columns (tab-separated, no column-name row): " + columns,
        "See register/README.md.",
    ]
    if ver != expected_version:
        lines.insert(2, f"WARNING: expected package version {expected_version}, got {ver}.")
    return lines


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--new", required=True,
                    help=f"vietnam-provinces {EXPECTED_NEW_VERSION}: venv, module dir, data dir or wheel")
    ap.add_argument("--old", required=True,
                    help=f"vietnam-provinces {EXPECTED_OLD_VERSION}: venv, module dir, data dir or wheel")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "register"),
                    help="output directory (default: register/ beside scripts/)")
    ap.add_argument("--import-date", help="date to write in the headers (default: keep or today)")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    args = ap.parse_args(argv)
    if args.import_date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.import_date):
        ap.error("--import-date must be YYYY-MM-DD")

    try:
        notes_new, notes_old = Notes(), Notes()
        new_file, new_mod = locate(args.new)
        old_file, old_mod = locate(args.old)
        new_info, new_data = package_info(new_file, new_mod)
        old_info, old_data = package_info(old_file, old_mod)
        new_units = read_2025(new_data, notes_new)
        old_units = read_pre_2025(old_data, notes_old)
    except (RegisterError, KeyError, ValueError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1

    print(f"2025 list: vietnam-provinces {new_info['version']} ({new_file})")
    print(f"  {summary(new_units)}")
    print(f"pre-2025 list: vietnam-provinces {old_info['version']} ({old_file})")
    print(f"  {summary(old_units)}")
    for label, notes in (("2025", notes_new), ("pre-2025", notes_old)):
        for kind, n in sorted(notes.c.items()):
            print(f"  {label}: {kind}: {n} (e.g. {notes.examples[kind]!r})")
    for label, info, expected in (("2025", new_info, EXPECTED_NEW_VERSION),
                                  ("pre-2025", old_info, EXPECTED_OLD_VERSION)):
        if info["version"] != expected:
            print(f"warning: {label} package version is {info['version']}, expected {expected}",
                  file=sys.stderr)

    for w in warnings_pre_2025(old_units):
        print(f"warning: {w}", file=sys.stderr)
    problems = check_2025(new_units) + check_pre_2025(old_units)
    if problems:
        for p in problems[:50]:
            print(f"error: {p}", file=sys.stderr)
        if len(problems) > 50:
            print(f"error: ... and {len(problems) - 50} more", file=sys.stderr)
        return 1
    print("checks passed: 34 provinces (28 tinh + 6 thanh_pho_tw), 3321 communes (2621 xa, 687 phuong,"
          " 13 dac_khu); codes unique; every parent exists")

    out = Path(args.out)
    ok = write(out / "units-2025.tsv", new_units, header(
        "units-2025.tsv: Vietnamese administrative units in force from 1 July 2025 (province and commune levels).",
        DECISION_2025, new_info, EXPECTED_NEW_VERSION, new_units,
        "code (province 2 digits, commune 5), name, type (tinh|thanh_pho_tw|xa|phuong|dac_khu), "
        "parent (province code of a commune; empty for a province)."),
        args.import_date, args.check)
    ok &= write(out / "units-pre-2025.tsv", old_units, header(
        "units-pre-2025.tsv: Vietnamese administrative units before the 1 July 2025 reorganisation "
        "(province, district and commune levels).",
        DECISION_PRE, old_info, EXPECTED_OLD_VERSION, old_units,
        "code (province 2 digits, district 3, commune 5), name, type (tinh|thanh_pho_tw|huyen|quan|thi_xa|"
        "thanh_pho|xa|phuong|thi_tran; thanh_pho is a city under a province or under a centrally-run city), "
        "parent (province code of a district, district code of a commune; empty for a province)."),
        args.import_date, args.check)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
