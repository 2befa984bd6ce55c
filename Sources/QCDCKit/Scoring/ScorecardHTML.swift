import Foundation

/// Scorecard as one self-contained HTML page: no network, no external fonts or scripts; charts
/// as inline SVG; a table that sorts when scripting is on and reads fine without it. Every text
/// from a report is escaped, and a Content-Security-Policy admits only the page's own script
/// (by hash), so markup in report data could not run even if escaping failed.
struct ScorecardHTML {
    let card: Scorecard
    let w: ScorecardWords
    /// A unit's position in ``Scorecard/units``, for links from the squares and the details.
    let anchors: [AnchorKey: Int]
    struct AnchorKey: Hashable { let file: String, code: String, period: Period }

    init(_ card: Scorecard) {
        self.card = card
        self.w = ScorecardWords(lang: card.language)
        var anchors: [AnchorKey: Int] = [:]
        for (i, u) in card.units.enumerated() { anchors[AnchorKey(file: u.source, code: u.unit.code, period: u.period)] = i }
        self.anchors = anchors
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

    /// The page's one script: sortable tables, the search box and the filters (province, band,
    /// kind), and details opened for printing. Without it every section is shown in full.
    static let script = """
    (function () {
      "use strict";
      var each = function (list, f) { Array.prototype.forEach.call(list, f); };
      function fold(s) {
        return s.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
      }
      function key(cell, numeric) {
        var t = cell.textContent.trim();
        if (!numeric) { return t; }
        var v = parseFloat(t);
        return isNaN(v) ? -Infinity : v;
      }
      each(document.querySelectorAll("table.sortable"), function (table) {
        var heads = table.tHead.rows[0].cells;
        each(heads, function (th, col) {
          var button = document.createElement("button");
          button.type = "button";
          button.textContent = th.textContent;
          th.textContent = "";
          th.appendChild(button);
          var numeric = th.classList.contains("n");
          button.addEventListener("click", function () {
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            var dir = th.getAttribute("aria-sort") === "descending" ? 1 : -1;
            if (!numeric) { dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1; }
            each(heads, function (h) { h.removeAttribute("aria-sort"); });
            th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
            var keyed = rows.map(function (r, i) { return [key(r.cells[col], numeric), i, r]; });
            keyed.sort(function (a, b) {
              var c = numeric ? (a[0] - b[0]) : String(a[0]).localeCompare(String(b[0]), "vi");
              return c !== 0 ? c * dir : a[1] - b[1];
            });
            keyed.forEach(function (k) { body.appendChild(k[2]); });
          });
        });
      });
      var bar = document.getElementById("filters");
      if (bar) {
        var q = document.getElementById("f-q"), p = document.getElementById("f-p");
        var b = document.getElementById("f-b"), k = document.getElementById("f-k");
        var count = document.getElementById("f-n");
        var items = Array.prototype.map.call(document.querySelectorAll("[data-p],[data-b]"), function (el) {
          var names = Array.prototype.map.call(el.querySelectorAll(".nm"), function (n) { return n.textContent; });
          var scope = el.closest("[data-k]");
          return { el: el, p: el.getAttribute("data-p"), b: el.getAttribute("data-b"),
                   k: scope ? scope.getAttribute("data-k") : null, text: names.length ? fold(names.join(" ")) : null,
                   row: el.classList.contains("u") };
        });
        var scopes = document.querySelectorAll("[data-k]");
        var groups = document.querySelectorAll(".grp");
        var apply = function () {
          var words = fold(q.value.trim()).split(/\\s+/).filter(Boolean);
          var shown = 0;
          items.forEach(function (it) {
            var ok = (!p.value || it.p === null || it.p === p.value) &&
                     (!b.value || it.b === null || it.b === b.value) &&
                     (!k.value || it.k === null || it.k === k.value) &&
                     (!words.length || it.text === null || words.every(function (w) { return it.text.indexOf(w) >= 0; }));
            it.el.hidden = !ok;
            if (ok && it.row) { shown += 1; }
          });
          each(scopes, function (s) {
            if (k.value && s.getAttribute("data-k") !== k.value) { s.hidden = true; }
            else if (!s.hasAttribute("data-p") && !s.hasAttribute("data-b")) { s.hidden = false; }
          });
          each(groups, function (g) { g.hidden = !g.querySelector("details:not([hidden])"); });
          count.textContent = String(shown);
        };
        [q, p, b, k].forEach(function (el) { el.addEventListener("input", apply); });
        bar.hidden = false;
        if (q.value || p.value || b.value || k.value) { apply(); }
      }
      var opened = [];
      window.addEventListener("beforeprint", function () {
        each(document.querySelectorAll("details:not([open])"), function (d) { d.open = true; opened.push(d); });
      });
      window.addEventListener("afterprint", function () {
        opened.forEach(function (d) { d.open = false; });
        opened = [];
      });
      console.log("qcdc-scorecard-ready");
    })();
    """

    static var scriptHash: String {
        "sha256-" + Data(SHA256.digest(Array(script.utf8))).base64EncodedString()
    }

    /// `h0` (red) … `h10` (green), `hx` without a score: the colour class of a score.
    static func heat(_ score: Double?) -> String {
        guard let s = score else { return "hx" }
        return "h" + String(Int((max(0, min(100, s)) / 10).rounded()))
    }

    /// The colour classes: full colour for squares and bars, a tint for table cells.
    static let heatStyles: String = {
        var o = ".hx { background: #d9d9d9; } td.hx { background: none; }\n"
        for i in 0...10 {
            let c = colour(Double(i * 10))
            o += ".h\(i) { background: \(c); } td.h\(i) { background: \(c)40; }\n"
        }
        return o
    }()

    static let style = """
    :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --accent: #0b5394; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #f5f7fa; overflow-wrap: break-word; }
    header { background: var(--accent); color: #fff; padding: 20px 28px; }
    header h1 { margin: 0 0 4px; font-size: 24px; }
    header p { margin: 0; opacity: .92; }
    header .issuer { font-weight: 600; opacity: 1; text-transform: uppercase; letter-spacing: .02em; margin-bottom: 6px; }
    nav#filters { position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid var(--line); box-shadow: 0 1px 4px rgba(0,0,0,.06); }
    nav#filters div { max-width: 1200px; margin: 0 auto; padding: 8px 24px; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    nav#filters input, nav#filters select { font: inherit; padding: 5px 8px; border: 1px solid #9aa5b1; border-radius: 6px; background: #fff; color: var(--ink); max-width: 100%; }
    nav#filters input { flex: 1 1 220px; }
    nav#filters select { flex: 0 1 auto; min-width: 0; }
    main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
    section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
    h2 { font-size: 18px; margin: 0 0 12px; }
    h3 { font-size: 16px; margin: 18px 0 8px; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; }
    .card { flex: 1 1 160px; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
    .card b { display: block; font-size: 26px; }
    .card span { color: var(--muted); }
    .scroll { overflow-x: auto; max-width: 100%; }
    .scroll.tall { max-height: 75vh; overflow: auto; border: 1px solid var(--line); border-radius: 6px; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; }
    th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
    thead th { position: sticky; top: 0; z-index: 1; background: #fff; box-shadow: inset 0 -1px 0 var(--line); }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
    td.n { white-space: nowrap; }
    td.nm:not(.id) { min-width: 11em; }
    td.pv { min-width: 9em; }
    td.bd { white-space: nowrap; }
    .id, code.id { white-space: nowrap; font-variant-numeric: tabular-nums; }
    code { font-size: 13px; overflow-wrap: anywhere; }
    th button { all: unset; cursor: pointer; font-weight: 600; }
    th button:focus-visible { outline: 2px solid var(--accent); }
    th[aria-sort="ascending"] button::after { content: " ▲"; }
    th[aria-sort="descending"] button::after { content: " ▼"; }
    .hbars { display: grid; grid-template-columns: minmax(90px, 2fr) minmax(80px, 3fr) 3.5em; gap: 6px 10px; align-items: center; }
    .hbars .track { background: #e4e7eb; border-radius: 3px; height: 14px; }
    .hbars .track i { display: block; height: 14px; border-radius: 3px; }
    .hbars .v { text-align: right; font-variant-numeric: tabular-nums; }
    .trend { margin: 12px 0 18px; }
    .tgrid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 4px 28px; }
    .hbars.short { grid-template-columns: max-content minmax(60px, 1fr) 3.5em; }
    .trend h4 { margin: 10px 0 6px; font-size: 15px; }
    .muted { color: var(--muted); }
    .ids { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
    details { border-top: 1px solid var(--line); padding: 6px 0; }
    td details { border: 0; padding: 0; }
    summary { cursor: pointer; }
    .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin-right: 4px; }
    .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 10px; }
    .tile { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
    .tile h4 { margin: 0 0 2px; font-size: 14px; }
    .tile p { margin: 0 0 6px; font-size: 13px; color: var(--muted); }
    .dist { display: flex; height: 8px; border-radius: 2px; overflow: hidden; background: #e4e7eb; margin-bottom: 6px; }
    .sq { display: flex; flex-wrap: wrap; gap: 2px; }
    .sq a { display: block; width: 10px; height: 10px; border-radius: 1px; }
    .warn { color: #a61b1b; }
    [hidden] { display: none !important; }
    section, .grp, .tile { content-visibility: auto; contain-intrinsic-size: auto 600px; }
    .tile { contain-intrinsic-size: auto 140px; }
    @media (max-width: 640px) {
      body { font-size: 14px; }
      header { padding: 14px 12px; }
      header h1 { font-size: 20px; }
      nav#filters { position: static; }
      nav#filters div { padding: 6px 8px; }
      main { padding: 8px 8px 32px; }
      section { padding: 12px 10px; margin: 10px 0; border-radius: 6px; }
      table { font-size: 13px; }
      table.wide { min-width: 600px; }
      th, td { padding: 5px 6px; }
      .card { flex-basis: 40%; padding: 8px 10px; }
      .card b { font-size: 20px; }
      .hbars { grid-template-columns: minmax(80px, 1fr) minmax(60px, 1fr) 3em; }
      .tiles, .tgrid { grid-template-columns: 1fr; }
      .sq a { width: 12px; height: 12px; }
    }
    @media print {
      @page { size: A4 landscape; margin: 12mm; }
      section, .grp, .tile { content-visibility: visible; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { background: #fff; font-size: 10pt; }
      header { background: none; color: #000; padding: 0 0 8px; border-bottom: 2px solid #000; }
      nav#filters, th button::after { display: none !important; }
      main { max-width: none; padding: 0; }
      section { border: 0; padding: 0; margin: 12px 0; }
      .scroll, .scroll.tall { overflow: visible; max-height: none; border: 0; }
      table, table.wide { font-size: 8pt; width: 100%; min-width: 0; }
      th, td { padding: 2px 4px; }
      thead { display: table-header-group; }
      thead th { position: static; box-shadow: none; }
      tr, .tile, details summary { break-inside: avoid; }
      h2, h3, h4 { break-after: avoid; }
      .ranking, #units, .grp { break-before: page; }
      details > summary { list-style: none; font-weight: 600; }
      details::details-content { display: block !important; content-visibility: visible !important; }
      a { color: inherit; text-decoration: none; }
    }
    """

    func render() -> String {
        let lang = card.language
        let title = card.heading.title ?? w[.scGrassrootsDemocracyComplianceScorecard]
        var o = """
        <!DOCTYPE html>
        <html lang="\(lang.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '\(Self.scriptHash)'; img-src data:">
        <title>\(Self.esc(title))</title>
        <style>
        \(Self.style)\(Self.heatStyles)</style>
        </head>
        <body>
        <header>

        """
        if let issuer = card.heading.issuer { o += "<p class=\"issuer\">\(Self.esc(issuer))</p>\n" }
        o += "<h1>\(Self.esc(title))</h1>\n"
        if let date = card.heading.date { o += "<p>\(Self.esc(Message.documentDate(date).text(lang)))</p>\n" }
        o += "<p>\(Self.esc(card.ruleSet.title.text(lang))) · <code>\(Self.esc(card.ruleSet.id)) \(Self.esc(card.ruleSet.version))</code> · \(w[.scScoringModel]) <code>\(card.config.model.urn)</code> · qcdc \(QCDC.version)</p>\n"
        o += "</header>\n" + filterBar() + "<main>\n"
        o += submissionSection() + summarySection() + categorySection() + trendSection()
        o += card.rankings.enumerated().map { rankingSection($0.offset, $0.element) }.joined()
        o += ruleSection() + rollupSection() + unitSection() + invalidSection() + inputSection()
        o += "</main>\n<script>\(Self.script)</script>\n</body>\n</html>\n"
        return o
    }

    /// The search box and filters: hidden until the page's script shows them (and wires them).
    func filterBar() -> String {
        guard !card.units.isEmpty else { return "" }
        let lang = card.language
        var o = "<nav id=\"filters\" aria-label=\"\(w[.scFilters])\" hidden><div>\n"
        o += "<input id=\"f-q\" type=\"search\" placeholder=\"\(Self.esc(w[.scSearch]))\" aria-label=\"\(Self.esc(w[.scSearch]))\" autocomplete=\"off\">\n"
        let provinces = Set(card.units.compactMap(\.province)).sorted()
        o += "<select id=\"f-p\" aria-label=\"\(w[.scProvince])\"><option value=\"\">\(w[.scAllProvinces])</option>"
        for p in provinces { o += "<option value=\"\(Self.esc(p))\">\(Self.esc(card.name(of: p).map { "\($0) (\(p))" } ?? p))</option>" }
        o += "</select>\n<select id=\"f-b\" aria-label=\"\(w[.scBand2])\"><option value=\"\">\(w[.scAllBands])</option>"
        for b in card.config.bands { o += "<option value=\"\(Self.esc(b.id))\">\(Self.esc(b.name.text(lang)))</option>" }
        o += "</select>\n<select id=\"f-k\" aria-label=\"\(w[.scUnit])\"><option value=\"\">\(w[.scAllKinds])</option>"
        var kinds: [UnitKind] = []
        for r in card.rankings where !kinds.contains(r.kind) { kinds.append(r.kind) }
        for k in kinds { o += "<option value=\"\(k.rawValue)\">\(Self.esc(k.name(lang)))</option>" }
        o += "</select>\n<span><b id=\"f-n\">\(card.units.count)</b> \(w[.scUnitsShown])</span>\n</div></nav>\n"
        return o
    }

    /// With `--expect`: reported / expected per province, the missing units collapsible.
    func submissionSection() -> String {
        guard !card.submission.isEmpty else { return "" }
        let lang = card.language
        let cols = Message.submissionColumns.map { Self.esc($0.text(lang)) }
        var o = "<section id=\"submission\">\n<h2>\(Self.esc(Message.submissionTitle.text(lang)))</h2>\n"
        let total = card.submission.reduce(into: (0, 0)) { $0.0 += $1.reported; $0.1 += $1.expected }
        o += "<p><b>\(total.0)/\(total.1)</b></p>\n<div class=\"scroll tall\"><table>\n<thead><tr><th>\(cols[0])</th><th class=\"n\">\(cols[1])</th><th class=\"n\">\(cols[2])</th><th class=\"n\">\(cols[3])</th><th>\(cols[4])</th></tr></thead><tbody>\n"
        for p in card.submission {
            let missing = p.missing.isEmpty ? "—" : "<details><summary>\(p.missing.count)</summary>\(Self.esc(p.missingNames()))</details>"
            o += "<tr data-p=\"\(Self.esc(p.province))\"><td>\(Self.esc(p.label))</td><td class=\"n\">\(p.reported)</td><td class=\"n\">\(p.expected)</td><td class=\"n\">\(p.share)</td><td>\(missing)</td></tr>\n"
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
        if card.excluded > 0 { o += "<p class=\"muted\">\(Self.esc(w[.excludedReports(card.excluded, card.selection)]))</p>\n" }
        // Distribution across bands: a stacked SVG bar.
        let total = max(card.units.count, 1)
        var x = 0.0
        o += "<p class=\"muted\">\(w[.scDistributionAcrossBands])</p>\n"
        o += "<svg role=\"img\" aria-label=\"\(w[.scDistributionAcrossBands])\" viewBox=\"0 0 1000 40\" width=\"100%\" height=\"40\" preserveAspectRatio=\"none\">\n"
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

    /// A bar per row, in HTML so that it reflows on a phone: label, bar, value. `short` labels
    /// (periods) take only their width.
    func bars(_ rows: [(label: String, value: Double?)], short: Bool = false) -> String {
        var o = short ? "<div class=\"hbars short\">\n" : "<div class=\"hbars\">\n"
        for r in rows {
            let width = Value.format(max(0, min(100, r.value ?? 0)), digits: 1)
            o += "<span>\(Self.esc(r.label))</span><span class=\"track\"><i class=\"\(Self.heat(r.value))\" style=\"width:\(width)%\"></i></span><span class=\"v\">\(ScorecardWords.pct(r.value))</span>\n"
        }
        return o + "</div>\n"
    }

    func categorySection() -> String {
        let means = card.categoryMeans
        var o = "<section id=\"categories\">\n<h2>\(w[.scMeanScoreByCategory])</h2>\n"
        o += bars(card.scoredCategories.map { (w.category(card, $0), means[$0]) })
        return o + "</section>\n"
    }

    /// Means per period for each unit kind reported in more than one period (as bars per
    /// category, oldest period first), then each unit's change.
    func trendSection() -> String {
        var byKind: [(UnitKind, [Ranking])] = []
        for r in card.rankings {
            if let i = byKind.firstIndex(where: { $0.0 == r.kind }) { byKind[i].1.append(r) } else { byKind.append((r.kind, [r])) }
        }
        let series = byKind.filter { $0.1.count > 1 }
        guard !series.isEmpty || !card.trends.isEmpty else { return "" }
        var o = "<section id=\"trends\">\n<h2>\(w[.scTrends])</h2>\n"
        for (kind, rankings) in series {
            let ordered = rankings.reversed()
            o += "<div class=\"trend\" data-k=\"\(kind.rawValue)\">\n<h3>\(w[.scMeanByPeriod]): \(Self.esc(kind.name(card.language)))</h3>\n"
            o += "<div class=\"tgrid\">\n<div><h4>\(w[.scOverall])</h4>\n"
            o += bars(ordered.map { ($0.period.description, Scorecard.mean(card.units(of: $0).compactMap(\.score))) }, short: true) + "</div>\n"
            for c in card.scoredCategories {
                let means = ordered.map { r in (r.period.description, Scorecard.mean(card.units(of: r).compactMap { $0.categories[c] ?? nil })) }
                guard means.contains(where: { $0.1 != nil }) else { continue }    // not scored for this kind
                o += "<div><h4>\(Self.esc(w.category(card, c)))</h4>\n"
                o += bars(means, short: true)
                o += "</div>\n"
            }
            o += "</div>\n</div>\n"
        }
        if !card.trends.isEmpty {
            o += "<h3>\(w[.scChangesPerUnit])</h3>\n<div class=\"scroll tall\"><table class=\"sortable wide\"><thead><tr><th>\(w[.scUnit])</th><th>\(w[.scCode])</th><th>\(w[.scFrom])</th><th>\(w[.scTo])</th><th class=\"n\">Δ</th><th>\(w[.scNewlyPassing])</th><th>\(w[.scNewlyFailing])</th></tr></thead>\n<tbody>\n"
            for t in card.trends {
                let d = t.scoreDelta
                o += "<tr\(attributes(t.to, band: false)) data-k=\"\(t.to.unit.kind.rawValue)\"><td class=\"nm\">\(Self.esc(t.to.unit.name))</td><td class=\"id nm\">\(Self.esc(t.to.unit.code))</td><td class=\"id\">\(Self.esc(w.period(t.from.period))): \(ScorecardWords.pct(t.from.score))</td><td class=\"id\">\(Self.esc(w.period(t.to.period))): \(ScorecardWords.pct(t.to.score))</td>"
                o += "<td class=\"n\">\(d.map { ($0 >= 0 ? "+" : "") + Value.format($0, digits: 1) } ?? "—")</td>"
                o += "<td>\(Self.esc(t.newlyPassing.joined(separator: ", ")))</td><td class=\"warn\">\(Self.esc(t.newlyFailing.joined(separator: ", ")))</td></tr>\n"
            }
            o += "</tbody></table></div>\n"
        }
        return o + "</section>\n"
    }

    /// ` data-p="68" data-b="low"`: what the filters read of a unit's element. A unit without a
    /// province has an empty `data-p`, so that choosing a province hides it.
    func attributes(_ u: UnitScore, band: Bool = true) -> String {
        var o = " data-p=\"\(Self.esc(u.province ?? ""))\""
        if band { o += " data-b=\"\(Self.esc(u.band?.id ?? "-"))\"" }
        return o
    }

    /// The province every member of a group shares (empty when they do not).
    func province(of g: GroupSummary) -> String {
        guard let p = g.members.first?.province, g.members.allSatisfy({ $0.province == p }) else { return "" }
        return p
    }

    /// One period and one kind: the groups as small multiples (a square per unit), the groups'
    /// table, and the ranking.
    func rankingSection(_ index: Int, _ ranking: Ranking) -> String {
        let cats = card.scoredCategories
        let units = card.units(of: ranking)
        let groups = card.groups.filter { $0.period == ranking.period && $0.kind == ranking.kind }
        var o = "<section class=\"ranking\" id=\"r-\(index + 1)\" data-k=\"\(ranking.kind.rawValue)\">\n<h2>\(Self.esc(w[.rankingTitle(ranking)]))</h2>\n"
        o += "<p>\(w[.scMeanScore2]) <b>\(ScorecardWords.pct(Scorecard.mean(units.compactMap(\.score))))</b> · \(w[.scMeanCoverage2]) \(ScorecardWords.share(Scorecard.mean(units.compactMap(\.coverage))))</p>\n"
        if groups.count > 1 {
            o += "<h3>\(card.grouping == .parent ? w[.scByProvince] : w[.scByKindTiles])</h3>\n<div class=\"tiles\">\n"
            for g in groups {
                o += "<div class=\"tile\" data-p=\"\(Self.esc(province(of: g)))\"><h4>\(Self.esc(g.name))</h4>"
                o += "<p>\(g.members.count) \(w[.scUnits2]) · \(w[.scMeanScore2]) \(ScorecardWords.pct(g.meanScore))</p><div class=\"dist\">"
                for b in card.config.bands where (g.distribution[b.id] ?? 0) > 0 {
                    o += "<i style=\"flex:\(g.distribution[b.id]!);background:\(Self.colour(b.minimum + 5))\" title=\"\(Self.esc(b.name.text(card.language))): \(g.distribution[b.id]!)\"></i>"
                }
                o += "</div><div class=\"sq\">"
                for m in g.members {
                    o += "<a class=\"\(Self.heat(m.score))\" href=\"#u-\(anchor(m))\" title=\"\(Self.esc(m.unit.name)) (\(Self.esc(m.unit.code))): \(ScorecardWords.pct(m.score))\"></a>"
                }
                o += "</div></div>\n"
            }
            o += "</div>\n"
            o += "<div class=\"scroll\"><table class=\"sortable wide\"><thead><tr><th>\(w[.scGroup])</th><th class=\"n\">\(w[.scUnits])</th><th class=\"n\">\(w[.scMeanScore])</th><th class=\"n\">\(w[.scMeanCoverage])</th>"
            for b in card.config.bands { o += "<th class=\"n\">\(Self.esc(b.name.text(card.language)))</th>" }
            o += "<th>\(w[.scBest])</th></tr></thead>\n<tbody>\n"
            for g in groups {
                o += "<tr data-p=\"\(Self.esc(province(of: g)))\"><td>\(Self.esc(g.name))</td><td class=\"n\">\(g.members.count)</td>"
                o += "<td class=\"n\">\(ScorecardWords.pct(g.meanScore))</td><td class=\"n\">\(ScorecardWords.share(g.meanCoverage))</td>"
                for b in card.config.bands { o += "<td class=\"n\">\(g.distribution[b.id] ?? 0)</td>" }
                o += "<td>\(g.members.first.map { Self.esc($0.unit.name) } ?? "—")</td></tr>\n"
            }
            o += "</tbody></table></div>\n"
        }
        o += "<h3>\(w[.scRanking])</h3>\n<p class=\"muted\">\(w[.scRankingNote])</p>\n<div class=\"scroll tall\"><table class=\"sortable wide\">\n<thead><tr>"
        o += "<th class=\"n\">#</th><th>\(w[.scUnit])</th><th>\(w[.scCode])</th><th>\(w[.scProvince])</th><th class=\"n\">\(w[.scScore])</th><th class=\"n\">\(w[.scCoverage])</th><th>\(w[.scBand])</th>"
        for c in cats { o += "<th class=\"n\">\(Self.esc(w.category(card, c)))</th>" }
        o += "</tr></thead>\n<tbody>\n"
        for (i, u) in zip(ranking.units, units) {
            o += "<tr class=\"u\"\(attributes(u))><td class=\"n\">\(u.rank.map(\.description) ?? "—")</td><td class=\"nm\"><a href=\"#u-\(i + 1)\">\(Self.esc(u.unit.name))</a></td><td class=\"id nm\">\(Self.esc(u.unit.code))</td>"
            o += "<td class=\"pv\">\(Self.esc(u.province.flatMap(card.name(of:)) ?? u.province ?? "—"))</td>"
            o += "<td class=\"n \(Self.heat(u.score))\">\(ScorecardWords.pct(u.score))</td><td class=\"n\">\(ScorecardWords.share(u.coverage))</td><td class=\"bd\">\(Self.esc(w.band(u.band)))</td>"
            for c in cats {
                let s = u.categories[c] ?? nil
                o += "<td class=\"n \(Self.heat(s))\">\(ScorecardWords.pct(s))</td>"
            }
            o += "</tr>\n"
        }
        o += "</tbody></table></div>\n</section>\n"
        return o
    }

    /// The position of a unit in ``Scorecard/units``, plus one: its detail's anchor (`#u-12`).
    func anchor(_ u: UnitScore) -> Int { (anchors[AnchorKey(file: u.source, code: u.unit.code, period: u.period)] ?? 0) + 1 }

    func ruleSection() -> String {
        var o = "<section id=\"rules\">\n<h2>\(w[.scPassRateByRuleWhichRequirement])</h2>\n"
        o += "<div class=\"scroll\"><table class=\"sortable wide\"><thead><tr><th>\(w[.scRule])</th><th>\(w[.scRequirement])</th><th>\(w[.scBasis])</th><th class=\"n\">\(w[.scPass])</th><th class=\"n\">\(w[.scFail])</th><th class=\"n\">\(w[.scMissing])</th><th class=\"n\">\(w[.scPassRate])</th><th>\(w[.scChart])</th></tr></thead>\n<tbody>\n"
        for r in card.rules {
            let rate = r.passRate
            o += "<tr id=\"rule-\(Self.esc(r.rule.id))\"><td><code class=\"id\">\(Self.esc(r.rule.id))</code></td><td>\(Self.esc(r.rule.title.text(card.language)))</td><td>\(Self.esc(Localizer(card.language).basis(r.rule)))<br><span class=\"muted\">\(w.basis(r.rule))</span></td>"
            o += "<td class=\"n\">\(r.pass)</td><td class=\"n\">\(r.fail + r.error)</td><td class=\"n\">\(r.missing)</td>"
            o += "<td class=\"n\">\(ScorecardWords.share(rate))</td>"
            o += "<td><div class=\"hbars\" style=\"display:block\"><span class=\"track\" style=\"display:block;min-width:80px\"><i class=\"\(Self.heat(rate.map { $0 * 100 }))\" style=\"width:\(Value.format((rate ?? 0) * 100, digits: 1))%\"></i></span></div></td></tr>\n"
        }
        o += "</tbody></table></div>\n</section>\n"
        return o
    }

    /// Each contradiction a row: who claims what, what the children's reports allow, and the
    /// contradicting children (collapsible, each with its file and line).
    func rollupSection() -> String {
        guard !card.rollups.isEmpty else { return "" }
        let lang = card.language
        var o = "<section id=\"rollups\">\n<h2>\(w[.scRollUpFiguresContradictedByThe])</h2>\n<div class=\"scroll\"><table class=\"sortable wide\"><thead><tr>"
        o += "<th>\(w[.scReportingUnit])</th><th>\(w[.scFigure])</th><th class=\"n\">\(w[.scClaimed])</th><th>\(w[.scAllowed])</th><th>\(w[.scContradicting])</th></tr></thead>\n<tbody>\n"
        for f in card.rollups {
            let kind = f.kind == .overclaim ? w[.scOverclaim] : w[.scUnderclaim]
            o += "<tr\(attributes(f.parent, band: false))><td><span class=\"nm\">\(Self.esc(f.parent.unit.name))</span> <span class=\"id nm\">\(Self.esc(f.parent.unit.code))</span><br><code>\(Self.esc(f.location.file)):\(f.location.line)</code></td>"
            o += "<td>\(Self.esc(f.declaration.title.text(lang)))<br><span class=\"muted\"><code class=\"id\">\(Self.esc(f.declaration.id))</code> · <code class=\"id\">\(Self.esc(f.declaration.childRule))</code></span></td>"
            o += "<td class=\"n\">\(f.claimed)\(f.total.map { "/\($0)" } ?? "")<br><span class=\"\(f.kind == .overclaim ? "warn" : "muted")\">\(kind)</span></td>"
            o += "<td>\(Self.esc(w[.rollupAllowed(f)]))</td><td>"
            if f.contradicting.isEmpty {
                o += "—"
            } else {
                o += "<details><summary>\(f.contradicting.count)</summary><ul>"
                for c in f.contradicting {
                    o += "<li>\(Self.esc(c.unit.name)) <span class=\"id\">\(Self.esc(c.unit.code))</span>: <code>\(Self.esc(c.location.file)):\(c.location.line)</code></li>"
                }
                o += "</ul></details>"
            }
            o += "</td></tr>\n"
        }
        return o + "</tbody></table></div>\n</section>\n"
    }

    /// Every unit's failed and missing rules: per ranking, per group (a printed page each).
    func unitSection() -> String {
        guard !card.units.isEmpty else { return "" }
        let l = Localizer(card.language)
        var o = "<section id=\"units\">\n<h2>\(w[.scEachUnitInDetail])</h2>\n"
        for ranking in card.rankings {
            o += "<div data-k=\"\(ranking.kind.rawValue)\">\n"
            if card.rankings.count > 1 { o += "<h3>\(Self.esc(w[.rankingTitle(ranking)]))</h3>\n" }
            for g in card.groups where g.period == ranking.period && g.kind == ranking.kind {
                o += "<div class=\"grp\"><h3>\(Self.esc(g.name)) · \(g.members.count) \(w[.scUnits2])</h3>\n"
                for u in g.members {
                    let i = anchor(u)
                    o += "<details id=\"u-\(i)\"\(attributes(u))><summary><b class=\"nm\">\(Self.esc(u.unit.name))</b> <span class=\"id nm\">\(Self.esc(u.unit.code))</span> · \(Self.esc(w.period(u.period))) · #\(u.rank.map(\.description) ?? "—") · \(ScorecardWords.pct(u.score)) · \(w[.scCoverage2]) \(ScorecardWords.share(u.coverage)) · \(u.failed.count) \(w[.scFailed]), \(u.missing.count) \(w[.scMissing2])</summary>\n"
                    o += "<p class=\"muted\"><code>\(Self.esc(u.source))</code></p>\n"
                    if !u.failed.isEmpty {
                        o += "<div class=\"scroll\"><table><thead><tr><th>\(w[.scRule])</th><th>\(w[.scFinding])</th></tr></thead><tbody>\n"
                        for r in u.failed {
                            o += "<tr><td><a class=\"id\" href=\"#rule-\(Self.esc(r.rule.id))\">\(Self.esc(r.rule.id))</a> \(Self.esc(l.severity(r.severity)))</td><td>\(Self.esc(r.message(card.language)))<br><span class=\"muted\">\(r.location.line):\(r.location.column) \(Self.esc(r.location.path))</span></td></tr>\n"
                        }
                        o += "</tbody></table></div>\n"
                    }
                    if !u.missing.isEmpty {
                        o += "<p>\(w[.scMissingEvidence]): <span class=\"ids\">\(Self.esc(u.missing.joined(separator: ", ")))</span></p>\n"
                    }
                    o += "</details>\n"
                }
                o += "</div>\n"
            }
            o += "</div>\n"
        }
        return o + "</section>\n"
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
