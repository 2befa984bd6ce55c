import Foundation

/// Scorecard as one self-contained HTML page: no network, no external fonts or scripts; charts
/// as inline SVG; a table that sorts when scripting is on and reads fine without it. Every text
/// from a report is escaped, and a Content-Security-Policy admits only the page's own script
/// (by hash), so markup in report data could not run even if escaping failed.
struct ScorecardHTML {
    let card: Scorecard
    let w: ScorecardWords
    init(_ card: Scorecard) {
        self.card = card
        self.w = ScorecardWords(lang: card.language)
    }

    /// Escapes text for HTML content and attribute values (also inside SVG).
    static func esc(_ s: String) -> String { MarkupEscape.escape(s) }

    /// Red (0) through yellow (50) to green (100); grey when there is no score.
    static func colour(_ score: Double?) -> String {
        guard let s = score else { return "#d9d9d9" }
        let t = max(0, min(100, s)) / 100
        let (a, b, u): ((Double, Double, Double), (Double, Double, Double), Double) =
            t < 0.5 ? ((215, 48, 39), (254, 224, 139), t / 0.5) : ((254, 224, 139), (26, 152, 80), (t - 0.5) / 0.5)
        func c(_ x: Double, _ y: Double) -> String {
            let v = Int((x + (y - x) * u).rounded())
            let h = String(v, radix: 16)
            return h.count == 1 ? "0" + h : h
        }
        return "#" + c(a.0, b.0) + c(a.1, b.1) + c(a.2, b.2)
    }

    static let script = """
    (function () {
      "use strict";
      function key(cell) {
        var v = cell.getAttribute("data-v");
        if (v !== null && v !== "") { return parseFloat(v); }
        return cell.textContent.trim();
      }
      var tables = document.querySelectorAll("table.sortable");
      Array.prototype.forEach.call(tables, function (table) {
        var heads = table.tHead.rows[0].cells;
        Array.prototype.forEach.call(heads, function (th, col) {
          var button = document.createElement("button");
          button.type = "button";
          button.textContent = th.textContent;
          th.textContent = "";
          th.appendChild(button);
          button.addEventListener("click", function () {
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            var dir = th.getAttribute("aria-sort") === "descending" ? 1 : -1;
            Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
            th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
            rows.sort(function (a, b) {
              var x = key(a.cells[col]), y = key(b.cells[col]);
              if (typeof x === "number" && typeof y === "number") { return (x - y) * dir; }
              if (typeof x === "number") { return -1; }
              if (typeof y === "number") { return 1; }
              return String(x).localeCompare(String(y), "vi") * dir;
            });
            rows.forEach(function (r) { body.appendChild(r); });
          });
        });
      });
      console.log("qcdc-scorecard-ready");
    })();
    """

    static var scriptHash: String {
        "sha256-" + Data(SHA256.digest(Array(script.utf8))).base64EncodedString()
    }

    func render() -> String {
        let lang = card.language
        let title = w[.scGrassrootsDemocracyComplianceScorecard]
        var o = """
        <!DOCTYPE html>
        <html lang="\(lang.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '\(Self.scriptHash)'; img-src data:">
        <title>\(Self.esc(title))</title>
        <style>
        :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --accent: #0b5394; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #f5f7fa; }
        header { background: var(--accent); color: #fff; padding: 20px 28px; }
        header h1 { margin: 0 0 4px; font-size: 24px; }
        header p { margin: 0; opacity: .9; }
        main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
        h2 { font-size: 18px; margin: 0 0 12px; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; }
        .card { flex: 1 1 160px; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
        .card b { display: block; font-size: 26px; }
        .card span { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        th button { all: unset; cursor: pointer; font-weight: 600; }
        th[aria-sort="ascending"] button::after { content: " ▲"; }
        th[aria-sort="descending"] button::after { content: " ▼"; }
        .bar { background: #e4e7eb; border-radius: 3px; height: 10px; min-width: 120px; }
        .bar i { display: block; height: 10px; border-radius: 3px; }
        .muted { color: var(--muted); }
        details { border-top: 1px solid var(--line); padding: 6px 0; }
        summary { cursor: pointer; }
        .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin-right: 4px; }
        .scroll { overflow-x: auto; }
        code { font-size: 13px; }
        .warn { color: #a61b1b; }
        </style>
        </head>
        <body>
        <header>
        <h1>\(Self.esc(title))</h1>
        <p>\(Self.esc(card.ruleSet.title.text(lang))) · <code>\(Self.esc(card.ruleSet.id)) \(Self.esc(card.ruleSet.version))</code> · \(w[.scScoringModel]) <code>\(card.config.model.urn)</code> · qcdc \(QCDC.version)</p>
        </header>
        <main>

        """
        o += submissionSection() + summarySection() + categorySection() + heatmapSection() + rankingSection() + groupSection() + ruleSection()
        o += rollupSection() + trendSection() + unitSection() + invalidSection() + inputSection()
        o += "</main>\n<script>\(Self.script)</script>\n</body>\n</html>\n"
        return o
    }

    /// With `--expect`: reported / expected per province, the missing units collapsible.
    func submissionSection() -> String {
        guard !card.submission.isEmpty else { return "" }
        let lang = card.language
        let cols = Message.submissionColumns.map { Self.esc($0.text(lang)) }
        var o = "<section id=\"submission\">\n<h2>\(Self.esc(Message.submissionTitle.text(lang)))</h2>\n"
        let total = card.submission.reduce(into: (0, 0)) { $0.0 += $1.reported; $0.1 += $1.expected }
        o += "<p><b>\(total.0)/\(total.1)</b></p>\n<div class=\"scroll\"><table>\n<thead><tr><th>\(cols[0])</th><th class=\"n\">\(cols[1])</th><th class=\"n\">\(cols[2])</th><th class=\"n\">\(cols[3])</th><th>\(cols[4])</th></tr></thead><tbody>\n"
        for p in card.submission {
            let missing = p.missing.isEmpty ? "—" : "<details><summary>\(p.missing.count)</summary>\(Self.esc(p.missingNames()))</details>"
            o += "<tr><td>\(Self.esc(p.label))</td><td class=\"n\">\(p.reported)</td><td class=\"n\">\(p.expected)</td><td class=\"n\">\(p.share)</td><td>\(missing)</td></tr>\n"
        }
        return o + "</tbody></table></div>\n</section>\n"
    }

    func summarySection() -> String {
        var o = "<section id=\"summary\">\n<h2>\(w[.scSummary])</h2>\n<div class=\"cards\">\n"
        o += "<div class=\"card\"><b>\(card.units.count)</b><span>\(w[.scUnitsScored])</span></div>\n"
        o += "<div class=\"card\"><b>\(ScorecardWords.pct(card.meanScore))</b><span>\(w[.scMeanScoreOfMaximum])</span></div>\n"
        o += "<div class=\"card\"><b>\(ScorecardWords.share(card.meanCoverage))</b><span>\(w[.scMeanCoverageShareOfRulesThat])</span></div>\n"
        o += "<div class=\"card\"><b>\(card.invalid.count)</b><span>\(w[.scInvalidReportsNotScored])</span></div>\n"
        o += "</div>\n"
        // Distribution across bands: a stacked SVG bar.
        let total = max(card.units.count, 1)
        var x = 0.0
        o += "<p class=\"muted\">\(w[.scDistributionAcrossBands])</p>\n"
        o += "<svg role=\"img\" aria-label=\"\(w[.scDistributionAcrossBands])\" viewBox=\"0 0 1000 40\" width=\"100%\" height=\"40\">\n"
        var legend = ""
        for b in card.config.bands {
            let n = card.units.filter { $0.band?.id == b.id }.count
            let width = Double(n) / Double(total) * 1000
            let colour = Self.colour(b.minimum + 5)
            if width > 0 {
                o += "<rect x=\"\(Value.format(x, digits: 2))\" y=\"0\" width=\"\(Value.format(width, digits: 2))\" height=\"40\" fill=\"\(colour)\"><title>\(Self.esc(b.name.text(card.language))): \(n)</title></rect>\n"
            }
            x += width
            legend += "<span><i class=\"swatch\" style=\"background:\(colour)\"></i>\(Self.esc(b.name.text(card.language))) (≥ \(Value.format(b.minimum))): <b>\(n)</b></span> &nbsp; "
        }
        o += "</svg>\n<p>\(legend)</p>\n</section>\n"
        return o
    }

    func categorySection() -> String {
        let cats = card.scoredCategories
        let means = card.categoryMeans
        let rowH = 34
        var o = "<section id=\"categories\">\n<h2>\(w[.scMeanScoreByCategory])</h2>\n"
        o += "<svg role=\"img\" aria-label=\"\(w[.scScoresByCategory])\" viewBox=\"0 0 1000 \(cats.count * rowH + 10)\" width=\"100%\">\n"
        for (i, c) in cats.enumerated() {
            let y = i * rowH + 5
            let m = means[c]
            let width = (m ?? 0) / 100 * 560
            o += "<text x=\"0\" y=\"\(y + 20)\" font-size=\"15\" fill=\"#1f2933\">\(Self.esc(w.category(card, c)))</text>\n"
            o += "<rect x=\"360\" y=\"\(y + 4)\" width=\"560\" height=\"22\" fill=\"#e4e7eb\" rx=\"3\"/>\n"
            o += "<rect x=\"360\" y=\"\(y + 4)\" width=\"\(Value.format(width, digits: 1))\" height=\"22\" fill=\"\(Self.colour(m))\" rx=\"3\"><title>\(Self.esc(w.category(card, c))): \(ScorecardWords.pct(m))</title></rect>\n"
            o += "<text x=\"930\" y=\"\(y + 20)\" font-size=\"15\" fill=\"#1f2933\">\(ScorecardWords.pct(m))</text>\n"
        }
        o += "</svg>\n</section>\n"
        return o
    }

    func heatmapSection() -> String {
        let cats = card.scoredCategories
        let rowH = 22, labelW = 300, colW = 64, top = 190
        let height = top + 10 + card.units.count * rowH
        let width = labelW + 90 + cats.count * colW + 160
        var o = "<section id=\"heatmap\">\n<h2>\(w[.scHeatMapUnitsCategories])</h2>\n"
        o += "<p class=\"muted\">\(w[.scRed0ThroughYellow50To])</p>\n"
        o += "<div class=\"scroll\"><svg role=\"img\" aria-label=\"\(w[.scHeatMap])\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" font-size=\"12\">\n"
        o += "<text x=\"\(labelW + 4)\" y=\"\(top - 6)\" font-weight=\"600\">\(w[.scScore])</text>\n"
        for (j, c) in cats.enumerated() {
            let x = labelW + 90 + j * colW + 8
            o += "<text x=\"\(x)\" y=\"\(top - 6)\" font-weight=\"600\" transform=\"rotate(-35 \(x) \(top - 6))\">\(Self.esc(w.category(card, c)))</text>\n"
        }
        for (i, u) in card.units.enumerated() {
            let y = top + i * rowH
            let label = "\(i + 1). \(u.unit.name)"
            o += "<text x=\"0\" y=\"\(y + 15)\">\(Self.esc(String(label.prefix(42))))<title>\(Self.esc(u.unit.name)) (\(Self.esc(u.unit.code))), \(Self.esc(w.period(u.period)))</title></text>\n"
            o += "<rect x=\"\(labelW)\" y=\"\(y)\" width=\"84\" height=\"\(rowH - 2)\" fill=\"\(Self.colour(u.score))\"/>"
            o += "<text x=\"\(labelW + 6)\" y=\"\(y + 15)\">\(ScorecardWords.pct(u.score))</text>\n"
            for (j, c) in cats.enumerated() {
                let s = u.categories[c] ?? nil
                let x = labelW + 90 + j * colW
                o += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(colW - 4)\" height=\"\(rowH - 2)\" fill=\"\(Self.colour(s))\"><title>\(Self.esc(u.unit.name)) — \(Self.esc(w.category(card, c))): \(ScorecardWords.pct(s))</title></rect>"
                o += "<text x=\"\(x + 6)\" y=\"\(y + 15)\">\(ScorecardWords.pct(s))</text>\n"
            }
        }
        o += "</svg></div>\n</section>\n"
        return o
    }

    func rankingSection() -> String {
        let cats = card.scoredCategories
        var o = "<section id=\"ranking\">\n<h2>\(w[.scRanking])</h2>\n"
        o += "<p class=\"muted\">\(w[.scClickAColumnHeadingToSort])</p>\n<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>"
        o += "<th class=\"n\">#</th><th>\(w[.scUnit])</th><th>\(w[.scCode])</th><th>\(w[.scPeriod])</th><th class=\"n\">\(w[.scScore])</th><th class=\"n\">\(w[.scCoverage])</th><th>\(w[.scBand])</th>"
        for c in cats { o += "<th class=\"n\">\(Self.esc(w.category(card, c)))</th>" }
        o += "</tr></thead>\n<tbody>\n"
        for (i, u) in card.units.enumerated() {
            o += "<tr><td class=\"n\" data-v=\"\(i + 1)\">\(i + 1)</td><td><a href=\"#u-\(i + 1)\">\(Self.esc(u.unit.name))</a></td><td>\(Self.esc(u.unit.code))</td><td>\(Self.esc(w.period(u.period)))</td>"
            o += "<td class=\"n\" data-v=\"\(u.score.map { Value.format($0, digits: 3) } ?? "-1")\">\(ScorecardWords.pct(u.score))</td>"
            o += "<td class=\"n\" data-v=\"\(u.coverage.map { Value.format($0, digits: 3) } ?? "-1")\">\(ScorecardWords.share(u.coverage))</td><td>\(Self.esc(w.band(u.band)))</td>"
            for c in cats {
                let s = u.categories[c] ?? nil
                o += "<td class=\"n\" data-v=\"\(s.map { Value.format($0, digits: 3) } ?? "-1")\" style=\"background:\(Self.colour(s))33\">\(ScorecardWords.pct(s))</td>"
            }
            o += "</tr>\n"
        }
        o += "</tbody></table></div>\n</section>\n"
        return o
    }

    func groupSection() -> String {
        var o = "<section id=\"groups\">\n<h2>\(card.grouping == .parent ? w[.scByParentUnit] : w[.scByUnitKind])</h2>\n"
        o += "<table class=\"sortable\"><thead><tr><th>\(w[.scGroup])</th><th class=\"n\">\(w[.scUnits])</th><th class=\"n\">\(w[.scMeanScore])</th><th class=\"n\">\(w[.scMeanCoverage])</th>"
        for b in card.config.bands { o += "<th class=\"n\">\(Self.esc(b.name.text(card.language)))</th>" }
        o += "<th>\(w[.scBest])</th></tr></thead>\n<tbody>\n"
        for g in card.groups {
            o += "<tr><td>\(Self.esc(g.name))</td><td class=\"n\" data-v=\"\(g.members.count)\">\(g.members.count)</td>"
            o += "<td class=\"n\" data-v=\"\(g.meanScore.map { Value.format($0, digits: 3) } ?? "-1")\">\(ScorecardWords.pct(g.meanScore))</td>"
            o += "<td class=\"n\" data-v=\"\(g.meanCoverage.map { Value.format($0, digits: 3) } ?? "-1")\">\(ScorecardWords.share(g.meanCoverage))</td>"
            for b in card.config.bands { o += "<td class=\"n\" data-v=\"\(g.distribution[b.id] ?? 0)\">\(g.distribution[b.id] ?? 0)</td>" }
            o += "<td>\(g.members.first.map { Self.esc($0.unit.name) } ?? "—")</td></tr>\n"
        }
        o += "</tbody></table>\n</section>\n"
        return o
    }

    func ruleSection() -> String {
        var o = "<section id=\"rules\">\n<h2>\(w[.scPassRateByRuleWhichRequirement])</h2>\n"
        o += "<table class=\"sortable\"><thead><tr><th>\(w[.scRule])</th><th>\(w[.scRequirement])</th><th>\(w[.scBasis])</th><th class=\"n\">\(w[.scPass])</th><th class=\"n\">\(w[.scFail])</th><th class=\"n\">\(w[.scMissing])</th><th class=\"n\">\(w[.scPassRate])</th><th>\(w[.scChart])</th></tr></thead>\n<tbody>\n"
        for r in card.rules {
            let rate = r.passRate
            o += "<tr><td><code>\(Self.esc(r.rule.id))</code></td><td>\(Self.esc(r.rule.title.text(card.language)))</td><td>\(w.basis(r.rule))</td>"
            o += "<td class=\"n\" data-v=\"\(r.pass)\">\(r.pass)</td><td class=\"n\" data-v=\"\(r.fail + r.error)\">\(r.fail + r.error)</td><td class=\"n\" data-v=\"\(r.missing)\">\(r.missing)</td>"
            o += "<td class=\"n\" data-v=\"\(rate.map { Value.format($0, digits: 4) } ?? "-1")\">\(ScorecardWords.share(rate))</td>"
            o += "<td><div class=\"bar\"><i style=\"width:\(Value.format((rate ?? 0) * 100, digits: 1))%;background:\(Self.colour((rate ?? 0) * 100))\"></i></div></td></tr>\n"
        }
        o += "</tbody></table>\n</section>\n"
        return o
    }

    func rollupSection() -> String {
        guard !card.rollups.isEmpty else { return "" }
        var o = "<section id=\"rollups\">\n<h2>\(w[.scRollUpFiguresContradictedByThe])</h2>\n<ul>\n"
        for f in card.rollups {
            let parent = "\(Self.esc(f.parent.unit.name)) (<code>\(Self.esc(f.location.file)):\(f.location.line)</code>)"
            let names = f.contradicting.map { "\(Self.esc($0.unit.name)) (<code>\(Self.esc($0.location.file)):\($0.location.line)</code>)" }.joined(separator: ", ")
            let title = LocalizedText(vi: Self.esc(f.declaration.title.vi), en: Self.esc(f.declaration.title.en))
            let text = Message.rollup(f, parent: parent, title: title, rule: Self.esc(f.declaration.childRule), names: names)
            o += (f.kind == .overclaim ? "<li class=\"warn\">" : "<li>") + w[text] + "</li>\n"
        }
        o += "</ul>\n</section>\n"
        return o
    }

    func trendSection() -> String {
        guard !card.trends.isEmpty else { return "" }
        var o = "<section id=\"trends\">\n<h2>\(w[.scTrends])</h2>\n"
        o += "<table class=\"sortable\"><thead><tr><th>\(w[.scUnit])</th><th>\(w[.scFrom])</th><th>\(w[.scTo])</th><th class=\"n\">Δ</th><th>\(w[.scNewlyPassing])</th><th>\(w[.scNewlyFailing])</th></tr></thead>\n<tbody>\n"
        for t in card.trends {
            let d = t.scoreDelta
            o += "<tr><td>\(Self.esc(t.to.unit.name))</td><td>\(Self.esc(w.period(t.from.period))): \(ScorecardWords.pct(t.from.score))</td><td>\(Self.esc(w.period(t.to.period))): \(ScorecardWords.pct(t.to.score))</td>"
            o += "<td class=\"n\" data-v=\"\(d.map { Value.format($0, digits: 3) } ?? "0")\">\(d.map { ($0 >= 0 ? "+" : "") + Value.format($0, digits: 1) } ?? "—")</td>"
            o += "<td>\(Self.esc(t.newlyPassing.joined(separator: ", ")))</td><td class=\"warn\">\(Self.esc(t.newlyFailing.joined(separator: ", ")))</td></tr>\n"
        }
        o += "</tbody></table>\n</section>\n"
        return o
    }

    func unitSection() -> String {
        var o = "<section id=\"units\">\n<h2>\(w[.scEachUnitInDetail])</h2>\n"
        for (i, u) in card.units.enumerated() {
            o += "<details id=\"u-\(i + 1)\"><summary><b>\(i + 1). \(Self.esc(u.unit.name))</b> (\(Self.esc(u.unit.code)), \(Self.esc(w.period(u.period)))) — \(ScorecardWords.pct(u.score)) · \(w[.scCoverage2]) \(ScorecardWords.share(u.coverage)) · \(u.failed.count) \(w[.scFailed]), \(u.missing.count) \(w[.scMissing2])</summary>\n"
            o += "<p class=\"muted\"><code>\(Self.esc(u.file))</code></p>\n"
            if !u.failed.isEmpty {
                o += "<table><thead><tr><th>\(w[.scRule])</th><th>\(w[.scFinding])</th><th>\(w[.scBasis])</th></tr></thead><tbody>\n"
                for r in u.failed {
                    let l = Localizer(card.language)
                    o += "<tr><td><code>\(Self.esc(r.rule.id))</code> \(Self.esc(l.severity(r.severity)))</td><td>\(Self.esc(r.message(card.language)))<br><span class=\"muted\">\(Self.esc(r.location.description))</span></td><td>\(Self.esc(l.basis(r.rule)))</td></tr>\n"
                }
                o += "</tbody></table>\n"
            }
            if !u.missing.isEmpty {
                o += "<p>\(w[.scMissingEvidence]): " + u.missing.map { "<code>\(Self.esc($0))</code>" }.joined(separator: ", ") + "</p>\n"
            }
            o += "</details>\n"
        }
        o += "</section>\n"
        return o
    }

    func invalidSection() -> String {
        guard !card.invalid.isEmpty else { return "" }
        var o = "<section id=\"invalid\">\n<h2>\(w[.scInvalidReportsNotScored2])</h2>\n<ul>\n"
        for r in card.invalid {
            let first = r.diagnostics.first { $0.severity == .error }
            o += "<li><code>\(Self.esc(r.file))</code>: \(Self.esc(first.map { "\($0.location.line):\($0.location.column) \($0.message.text(card.language))" } ?? ""))</li>\n"
        }
        o += "</ul>\n</section>\n"
        return o
    }

    /// Problems with the inputs as a whole (the rule set, the waiver file, a missing path),
    /// shown as `qcdc check` shows them.
    func inputSection() -> String {
        let problems = card.diagnostics.sorted().filter { $0.severity != .note }
        guard !problems.isEmpty else { return "" }
        var o = "<section id=\"input\">\n<h2>\(w[.scInputErrorsAndWarnings])</h2>\n<ul>\n"
        for d in problems {
            o += "<li><code>\(Self.esc(d.location.description))</code> <b>\(Self.esc(d.code.rawValue))</b>: \(Self.esc(d.message.text(card.language)))</li>\n"
        }
        o += "</ul>\n</section>\n"
        return o
    }
}
