extension RuleSetFileReader {
    func parseScoring(_ node: Node, reading r: inout NodeReading) -> ScoringConfig? {
        guard r.mapping(node, "scoring", known: ["model", "missing", "bands"]) else { return nil }
        var config = ScoringConfig()
        if let m = r.string(node["model"], "scoring.model") {
            if let model = ScoringConfig.Model(rawValue: m) { config.model = model } else {
                r.error("invalid_value", .mustBeOneOf(.path("scoring.model"), ScoringConfig.Model.allCases.map(\.rawValue)),
                        node["model"]!.mark, Suggest.note(for: m, in: ScoringConfig.Model.allCases.map(\.rawValue)))
            }
        }
        if let m = r.string(node["missing"], "scoring.missing") {
            if let p = ScoringConfig.MissingPolicy(rawValue: m) { config.missing = p } else {
                r.error("invalid_value", .mustBeOneOf(.path("scoring.missing"), ["fail", "exclude"]), node["missing"]!.mark)
            }
        }
        if node["bands"] != nil {
            var bands: [ScoringConfig.Band] = []
            for b in r.list(node["bands"], "scoring.bands") {
                guard r.mapping(b, "scoring.bands", known: ["id", "name", "min"], required: ["id", "name", "min"]),
                      let id = r.string(b["id"], "scoring.bands.id"), let name = r.localized(b["name"], "scoring.bands.name"),
                      let min = r.number(b["min"], "scoring.bands.min") else { continue }
                if !(0...100).contains(min) { r.error("invalid_value", .bandMinimum(.path("scoring.bands.min")), b["min"]!.mark) }
                bands.append(ScoringConfig.Band(id: id, name: name, minimum: min))
            }
            if !bands.contains(where: { $0.minimum == 0 }), !bands.isEmpty {
                r.error("invalid_value", .lowestBandAtZero, node["bands"]!.mark)
            }
            config.bands = bands.sorted { $0.minimum > $1.minimum }
        }
        return config
    }

    /// `calendar: {fixed_days_off: ["01-01"], lunar_new_year: [2027-02-06], years: {2026: {days_off: {2026-02-17: name}, working_days: [2026-01-10], source: …}}}`
    func parseCalendar(_ node: Node, reading r: inout NodeReading) -> WorkCalendar {
        var cal = WorkCalendar()
        guard r.mapping(node, "calendar", known: ["description", "fixed_days_off", "lunar_new_year", "years"]) else { return cal }
        for item in r.list(node["fixed_days_off"], "calendar.fixed_days_off") {
            let parts = (r.string(item, "calendar.fixed_days_off") ?? "").split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, Day(year: 2024, month: parts[0], day: parts[1]) != nil else {
                r.error("invalid_value", .monthDayFormat, item.mark)
                continue
            }
            cal.fixedDaysOff.append((parts[0], parts[1]))
        }
        for item in r.list(node["lunar_new_year"], "calendar.lunar_new_year") {
            if let d = r.date(item, "calendar.lunar_new_year") { cal.lunarNewYear[d.year] = d }
        }
        if let years = node["years"], r.mapping(years, "calendar.years", known: years.entries?.map(\.key) ?? []) {
            for e in years.entries ?? [] {
                let what = "calendar.years.\(e.key)"
                guard let year = Int(e.key), (1990...2100).contains(year) else {
                    r.error("invalid_value", .calendarYear(r.subject(what)), e.keyMark)
                    continue
                }
                guard r.mapping(e.value, what, known: ["days_off", "working_days", "source"], required: ["days_off", "source"]) else { continue }
                cal.scheduledYears.insert(year)
                if let off = e.value["days_off"], r.mapping(off, what + ".days_off", known: off.entries?.map(\.key) ?? []) {
                    for d in off.entries ?? [] {
                        guard let day = Day(iso: d.key), day.year == year else {
                            r.error("invalid_date", .notADateOf(r.subject(what + ".days_off"), d.key, year: year), d.keyMark)
                            continue
                        }
                        cal.daysOff[day] = r.string(d.value, what + ".days_off.\(d.key)") ?? ""
                    }
                }
                for item in r.list(e.value["working_days"], what + ".working_days") {
                    if let d = r.date(item, what + ".working_days") {
                        if d.year != year { r.error("invalid_date", .notADateOf(r.subject(what + ".working_days"), d.description, year: year), item.mark) }
                        cal.workingDays.insert(d)
                    }
                }
            }
        }
        return cal
    }

    func parseRollup(_ node: Node, reading r: inout NodeReading) -> (RollupDeclaration, Node)? {
        guard r.mapping(node, "rollups", known: ["id", "title", "parent_fact", "total_fact", "child_kind", "child_rule"],
                        required: ["id", "title", "parent_fact", "child_kind", "child_rule"]),
              let id = r.string(node["id"], "rollups.id"), let title = r.localized(node["title"], "rollups.title"),
              let parentFact = r.string(node["parent_fact"], "rollups.parent_fact"),
              let kindText = r.string(node["child_kind"], "rollups.child_kind"),
              let childRule = r.string(node["child_rule"], "rollups.child_rule") else { return nil }
        guard let kind = UnitKind(rawValue: kindText) else {
            r.error("invalid_value", .unknownUnitKind(kindText), node["child_kind"]!.mark, [.unitKinds(UnitKind.allCases)])
            return nil
        }
        return (RollupDeclaration(id: id, title: title, parentFact: parentFact, totalFact: r.string(node["total_fact"], "rollups.total_fact"),
                                  childKind: kind, childRule: childRule, location: node.mark.located(in: r.file)), node)
    }
}
