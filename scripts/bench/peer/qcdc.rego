# 15 of qcdc's national rules in Rego (rego.v1), for a like-for-like engine comparison.
# Input: one report as parsed JSON/YAML, dates as "YYYY-MM-DD" strings.
# Output: data.qcdc.results = {rule_id: {"status": ..., "failed": [record ids]}}
# Statuses follow qcdc: not_applicable (unit kind, dates in force, `when`), missing, pass, fail.
#
#   thresholds:       TTND-C1, CK-01, CD-01 (fact vs fact, with a `when`)
# Brought up to date with the legal corrections after 0.1.0 (TTND-C1: one member per village,
# five at least, exactly five below five villages; CK-01: 14 groups or all groups that arose;
# INFO-GS-01: only when a total is given; TCD-01A: a deputy's days do not count).
#   percentages:      POL-TD-01 (95% / 95), POL-MC-01 (100% x count)
#   sums:             INFO-GS-01
#   counts in period: DIAL-01, TCD-01A (per week), TCD-01B (per month)
#   per-case dates:   DIAL-02, KN-01, KN-02A, KN-02B (remote/complex/suspended), TC-01
#   add_months:       CC-01
package qcdc

import rego.v1

kind := input.unit.kind

year := input.period.year

pstart := sprintf("%d-01-01", [year])

pend := sprintf("%d-12-31", [year])

ns_per_day := 86400000000000

days(s) := round(time.parse_ns("2006-01-02", s) / ns_per_day)

diff(a, b) := days(a) - days(b)

maxs(a, b) := a if a >= b
else := b

mins(a, b) := a if a <= b
else := b

# The report period intersected with a rule's in-force window [from, until].
window(from, until) := [s, e] if {
	s := maxs(pstart, from)
	e := mins(pend, until)
	s <= e
}

has(path) if object.get(input, path, null) != null

get(path) := object.get(input, path, null)

percent(x) := to_number(trim_space(trim_suffix(x, "%"))) / 100 if is_string(x)
else := x / 100

ym(d) := (to_number(substring(d, 0, 4)) * 12) + to_number(trim_left(substring(d, 5, 2), "0"))

months(w) := (ym(w[1]) - ym(w[0])) + 1

weeks(w) := floor(((days(w[1]) - days(w[0])) + 1) / 7)

in_win(d, w) if {
	d >= w[0]
	d <= w[1]
}

# ------------------------------------------------------------------ thresholds

ttnd_c1 := "not_applicable" if kind != "commune"
else := "not_applicable" if not window("2023-07-01", "9999-12-31")
else := "missing" if not has(["peoples_inspection_board", "members"])
else := "missing" if not has(["community_conferences", "villages"])
else := "pass" if {
	input.community_conferences.villages < 5
	input.peoples_inspection_board.members == 5
} else := "pass" if {
	input.community_conferences.villages >= 5
	input.peoples_inspection_board.members >= input.community_conferences.villages
} else := "fail"

ck_01 := "not_applicable" if kind != "commune"
else := "not_applicable" if not window("2023-07-01", "9999-12-31")
else := "missing" if not has(["disclosure", "items_disclosed"])
else := "pass" if input.disclosure.items_disclosed >= 14
else := "missing" if not has(["disclosure", "items_applicable"])
else := "pass" if input.disclosure.items_disclosed >= input.disclosure.items_applicable
else := "fail"

cd_01 := "not_applicable" if kind != "commune"
else := "not_applicable" if not window("2023-07-01", "9999-12-31")
else := "missing" if not has(["community_conferences", "villages"])
else := "not_applicable" if input.community_conferences.villages <= 0
else := "missing" if not has(["community_conferences", "held"])
else := "pass" if input.community_conferences.held >= input.community_conferences.villages
else := "fail"

# ------------------------------------------------------------------ percentages, sums

pol_td_01 := "not_applicable" if not kind in {"agency", "public_service_unit", "commune", "district"}
else := "missing" if not has(["emulation", "registration_rate"])
else := "pass" if percent(input.emulation.registration_rate) >= 1 - 1e-9
else := "fail"

mc_facts := ["departments", "departments_running", "communes", "communes_running"]

pol_mc_01 := "not_applicable" if kind != "province"
else := "fail" if {
	has(["one_stop", "departments"])
	has(["one_stop", "departments_running"])
	input.one_stop.departments_running < input.one_stop.departments
} else := "fail" if {
	has(["one_stop", "communes"])
	has(["one_stop", "communes_running"])
	input.one_stop.communes_running < input.one_stop.communes
} else := "missing" if {
	some f in mc_facts
	not has(["one_stop", f])
} else := "pass"

info_gs_01 := "not_applicable" if not kind in {"province", "district", "commune"}
else := "not_applicable" if not has(["community_investment_supervision", "total"])
else := "missing" if {
	some f in ["state_funded", "people_funded", "total"]
	not has(["community_investment_supervision", f])
} else := "pass" if {
	c := input.community_investment_supervision
	c.state_funded + c.people_funded == c.total
} else := "fail"

# ------------------------------------------------------------------ counts in the period

dial_01 := "not_applicable" if kind != "commune"
else := "not_applicable" if not window("2025-07-01", "9999-12-31")
else := "missing" if not has(["dialogue_conferences", "sessions"])
else := "missing" if {
	some s in input.dialogue_conferences.sessions
	not s.date
} else := "pass" if {
	w := window("2025-07-01", "9999-12-31")
	count([1 | some s in input.dialogue_conferences.sessions; in_win(s.date, w)]) >= 1
} else := "fail"

# Days the leader received citizens in person (a deputy's days do not count). The total over
# the period against the number of weeks: qcdc counts week by week (working-day calendar), so a
# report with a week missed but more days elsewhere can differ here.
tcd_count(w) := count([1 | some d in input.citizen_reception.leader_days; in_win(d.date, w); object.get(d, "by", "") != "deputy"])

tcd_01a := "not_applicable" if kind != "commune"
else := "not_applicable" if not window("2014-07-01", "2026-06-30")
else := "missing" if not has(["citizen_reception", "leader_days"])
else := "pass" if {
	w := window("2014-07-01", "2026-06-30")
	tcd_count(w) >= 1 * weeks(w)
} else := "fail"

tcd_01b := "not_applicable" if kind != "commune"
else := "not_applicable" if not window("2026-07-01", "9999-12-31")
else := "missing" if not has(["citizen_reception", "leader_days"])
else := "pass" if {
	w := window("2026-07-01", "9999-12-31")
	tcd_count(w) >= 2 * months(w)
} else := "fail"

# ------------------------------------------------------------------ per-case date arithmetic

# all(...) in qcdc: any failing record -> fail; else any record lacking a field -> missing; else pass.
all_status(failed, lacking) := "fail" if count(failed) > 0
else := "missing" if lacking
else := "pass"

dial_02_failed := [s.date |
	some s in input.dialogue_conferences.sessions
	diff(s.date, s.announced) < 7
]

dial_02 := "not_applicable" if kind != "commune"
else := "not_applicable" if not window("2025-07-01", "9999-12-31")
else := "missing" if not has(["dialogue_conferences", "sessions"])
else := "not_applicable" if count(input.dialogue_conferences.sessions) == 0
else := all_status(dial_02_failed, dial_02_lacking)

default dial_02_lacking := false

dial_02_lacking if {
	some s in input.dialogue_conferences.sessions
	not s.announced
}

dial_02_lacking if {
	some s in input.dialogue_conferences.sessions
	not s.date
}

complaint_kinds := {"commune", "province", "agency"}

kn_01_failed := [c.id |
	some c in input.complaints.cases
	c.accepted
	diff(c.accepted, c.received) > 10
]

default kn_01_lacking := false

kn_01_lacking if {
	some c in input.complaints.cases
	c.accepted
	not c.received
}

kn_01 := "not_applicable" if not kind in complaint_kinds
else := "not_applicable" if not window("2012-07-01", "9999-12-31")
else := "missing" if not has(["complaints", "cases"])
else := "not_applicable" if count(input.complaints.cases) == 0
else := all_status(kn_01_failed, kn_01_lacking)

# Days allowed for a complaint: remote/complex variants.
allowed(c, p) := p.remote_complex_days if {
	object.get(c, "remote", false) == true
	object.get(c, "complex", false) == true
} else := p.remote_days if {
	object.get(c, "remote", false) == true
} else := p.complex_days if {
	object.get(c, "complex", false) == true
} else := p.days

first_params := {"days": 30, "complex_days": 45, "remote_days": 45, "remote_complex_days": 60}

# KN-02A: first-time complaints accepted by the window's end, decided (or pending at its end) in time.
kn_02a_failed := [c.id |
	[_, e] := window("2012-07-01", "2026-06-30")
	some c in input.complaints.cases
	c.round == "first"
	c.accepted <= e
	diff(object.get(c, "decided", e), c.accepted) > allowed(c, first_params)
]

default kn_02a_lacking := false

kn_02a_lacking if {
	some c in input.complaints.cases
	not c.accepted
}

kn_02a := "not_applicable" if not kind in complaint_kinds
else := "not_applicable" if not window("2012-07-01", "2026-06-30")
else := "missing" if not has(["complaints", "cases"])
else := "not_applicable" if count(input.complaints.cases) == 0
else := all_status(kn_02a_failed, kn_02a_lacking)

# KN-02B: from 2026-07-01, cases accepted in the window, suspended days deducted.
kn_02b_failed := [c.id |
	[s, e] := window("2026-07-01", "9999-12-31")
	some c in input.complaints.cases
	c.round == "first"
	c.accepted >= s
	taken := diff(object.get(c, "decided", e), c.accepted) - object.get(c, "suspended_days", 0)
	taken > allowed(c, first_params)
]

kn_02b := "not_applicable" if not kind in complaint_kinds
else := "not_applicable" if not window("2026-07-01", "9999-12-31")
else := "missing" if not has(["complaints", "cases"])
else := "not_applicable" if count(input.complaints.cases) == 0
else := all_status(kn_02b_failed, kn_02a_lacking)

# TC-01: denunciations within 30 / 60 (complex) / 90 (especially complex) days.
tc_allowed(c) := 90 if object.get(c, "complexity", "normal") == "especially_complex"
else := 60 if object.get(c, "complexity", "normal") == "complex"
else := 30

tc_01_failed := [c.id |
	[_, e] := window("2019-01-01", "9999-12-31")
	some c in input.denunciations.cases
	c.accepted <= e
	diff(object.get(c, "concluded", e), c.accepted) > tc_allowed(c)
]

default tc_01_lacking := false

tc_01_lacking if {
	some c in input.denunciations.cases
	not c.accepted
}

tc_01 := "not_applicable" if not kind in complaint_kinds
else := "not_applicable" if not window("2019-01-01", "9999-12-31")
else := "missing" if not has(["denunciations", "cases"])
else := "not_applicable" if count(input.denunciations.cases) == 0
else := all_status(tc_01_failed, tc_01_lacking)

# ------------------------------------------------------------------ add_months

# add_months(period_end(), 3) for a calendar-year window: the next year's 31 March.
cc_01 := "not_applicable" if not kind in {"agency", "public_service_unit", "commune"}
else := "not_applicable" if not window("2023-07-01", "9999-12-31")
else := "fail" if get(["staff_conference", "held"]) == false
else := "fail" if {
	d := get(["staff_conference", "date"])
	d != null
	[_, e] := window("2023-07-01", "9999-12-31")
	limit := time.format([time.add_date(time.parse_ns("2006-01-02", e), 0, 3, 0), "UTC", "2006-01-02"])
	d > limit
} else := "missing" if not has(["staff_conference", "held"])
else := "missing" if not has(["staff_conference", "date"])
else := "pass"

# One complete rule, so that Engine.eval_rule can fetch it (regorus rejects partial-object rule paths).
results := {
	"TTND-C1": {"status": ttnd_c1},
	"CK-01": {"status": ck_01},
	"CD-01": {"status": cd_01},
	"POL-TD-01": {"status": pol_td_01},
	"POL-MC-01": {"status": pol_mc_01},
	"INFO-GS-01": {"status": info_gs_01},
	"DIAL-01": {"status": dial_01},
	"TCD-01A": {"status": tcd_01a},
	"TCD-01B": {"status": tcd_01b},
	"DIAL-02": {"status": dial_02, "failed": dial_02_failed},
	"KN-01": {"status": kn_01, "failed": kn_01_failed},
	"KN-02A": {"status": kn_02a, "failed": kn_02a_failed},
	"KN-02B": {"status": kn_02b, "failed": kn_02b_failed},
	"TC-01": {"status": tc_01, "failed": tc_01_failed},
	"CC-01": {"status": cc_01},
}
