// The catalogue: the words of scorecards (HTML, Markdown, CSV).
extension Message {
    static let scGrassrootsDemocracyComplianceScorecard = Message("scorecard.grassroots_democracy_compliance_scorecard", vi: "Bảng điểm tuân thủ dân chủ ở cơ sở", en: "Grassroots-democracy compliance scorecard")
    static let scScoringModel = Message("scorecard.scoring_model", vi: "mô hình chấm điểm", en: "scoring model")
    static let scSummary = Message("scorecard.summary", vi: "Tổng quan", en: "Summary")
    static let scUnitsScored = Message("scorecard.units_scored", vi: "đơn vị được chấm điểm", en: "units scored")
    static let scMeanScoreOfMaximum = Message("scorecard.mean_score_of_maximum", vi: "điểm trung bình (% tối đa)", en: "mean score (% of maximum)")
    static let scMeanCoverageShareOfRulesThat = Message("scorecard.mean_coverage_share_of_rules_that", vi: "độ phủ trung bình: phần quy tắc đánh giá được", en: "mean coverage: share of rules that could be evaluated")
    static let scInvalidReportsNotScored = Message("scorecard.invalid_reports_not_scored", vi: "báo cáo không hợp lệ (không chấm)", en: "invalid reports (not scored)")
    static let scDistributionAcrossBands = Message("scorecard.distribution_across_bands", vi: "Phân bố theo nhóm điểm", en: "Distribution across bands")
    static let scMeanScoreByCategory = Message("scorecard.mean_score_by_category", vi: "Điểm trung bình theo nhóm tiêu chí", en: "Mean score by category")
    static let scScoresByCategory = Message("scorecard.scores_by_category", vi: "Điểm theo nhóm tiêu chí", en: "Scores by category")
    static let scScore = Message("scorecard.score", vi: "Điểm", en: "Score")
    static let scRanking = Message("scorecard.ranking", vi: "Xếp hạng", en: "Ranking")
    static let scUnit = Message("scorecard.unit", vi: "Đơn vị", en: "Unit")
    static let scCode = Message("scorecard.code", vi: "Mã", en: "Code")
    static let scPeriod = Message("scorecard.period", vi: "Kỳ", en: "Period")
    static let scCoverage = Message("scorecard.coverage", vi: "Độ phủ", en: "Coverage")
    static let scBand = Message("scorecard.band", vi: "Nhóm", en: "Band")
    static let scGroup = Message("scorecard.group", vi: "Nhóm", en: "Group")
    static let scUnits = Message("scorecard.units", vi: "Số đơn vị", en: "Units")
    static let scMeanScore = Message("scorecard.mean_score", vi: "Điểm TB", en: "Mean score")
    static let scMeanCoverage = Message("scorecard.mean_coverage", vi: "Độ phủ TB", en: "Mean coverage")
    static let scBest = Message("scorecard.best", vi: "Cao nhất", en: "Best")
    static let scPassRateByRuleWhichRequirement = Message("scorecard.pass_rate_by_rule_which_requirement", vi: "Tỷ lệ đạt theo quy tắc — quy tắc nào bị vi phạm nhiều nhất", en: "Pass rate by rule — which requirement fails most often")
    static let scRule = Message("scorecard.rule", vi: "Quy tắc", en: "Rule")
    static let scRequirement = Message("scorecard.requirement", vi: "Yêu cầu", en: "Requirement")
    static let scBasis = Message("scorecard.basis", vi: "Căn cứ", en: "Basis")
    static let scPass = Message("scorecard.pass", vi: "Đạt", en: "Pass")
    static let scFail = Message("scorecard.fail", vi: "Không đạt", en: "Fail")
    static let scMissing = Message("scorecard.missing", vi: "Thiếu", en: "Missing")
    static let scPassRate = Message("scorecard.pass_rate", vi: "Tỷ lệ đạt", en: "Pass rate")
    static let scChart = Message("scorecard.chart", vi: "Biểu đồ", en: "Chart")
    static let scRollUpFiguresContradictedByThe = Message("scorecard.roll_up_figures_contradicted_by_the", vi: "Số liệu tổng hợp mâu thuẫn với báo cáo cấp dưới", en: "Roll-up figures contradicted by the units' own reports")
    static let scTrends = Message("scorecard.trends", vi: "Xu hướng theo thời gian", en: "Trends")
    static let scFrom = Message("scorecard.from", vi: "Từ", en: "From")
    static let scTo = Message("scorecard.to", vi: "Đến", en: "To")
    static let scNewlyPassing = Message("scorecard.newly_passing", vi: "Mới đạt", en: "Newly passing")
    static let scNewlyFailing = Message("scorecard.newly_failing", vi: "Mới không đạt", en: "Newly failing")
    static let scEachUnitInDetail = Message("scorecard.each_unit_in_detail", vi: "Chi tiết từng đơn vị", en: "Each unit in detail")
    static let scCoverage2 = Message("scorecard.coverage2", vi: "độ phủ", en: "coverage")
    static let scFailed = Message("scorecard.failed", vi: "không đạt", en: "failed")
    static let scMissing2 = Message("scorecard.missing2", vi: "thiếu dữ liệu", en: "missing")
    static let scFinding = Message("scorecard.finding", vi: "Phát hiện", en: "Finding")
    static let scMissingEvidence = Message("scorecard.missing_evidence", vi: "Thiếu dữ liệu", en: "Missing evidence")
    static let scInvalidReportsNotScored2 = Message("scorecard.invalid_reports_not_scored2", vi: "Báo cáo không hợp lệ (không chấm điểm)", en: "Invalid reports (not scored)")
    static let scInputErrorsAndWarnings = Message("scorecard.input_errors_and_warnings", vi: "Lỗi và cảnh báo về dữ liệu đầu vào", en: "Input errors and warnings")
    static let scRuleSet = Message("scorecard.rule_set", vi: "Bộ quy tắc", en: "Rule set")
    static let scModel = Message("scorecard.model", vi: "mô hình", en: "model")
    static let scMissingEvidenceCountsAsFailed = Message("scorecard.missing_evidence_counts_as_failed", vi: "thiếu dữ liệu tính là không đạt", en: "missing evidence counts as failed")
    static let scMissingEvidenceLeftOutOfThe = Message("scorecard.missing_evidence_left_out_of_the", vi: "thiếu dữ liệu không tính vào mẫu số", en: "missing evidence left out of the denominator")
    static let scUnits2 = Message("scorecard.units2", vi: "đơn vị", en: "units")
    static let scMeanScore2 = Message("scorecard.mean_score2", vi: "điểm trung bình", en: "mean score")
    static let scMeanCoverage2 = Message("scorecard.mean_coverage2", vi: "độ phủ trung bình", en: "mean coverage")
    static let scInvalidReports = Message("scorecard.invalid_reports", vi: "báo cáo không hợp lệ", en: "invalid reports")
    static let scBand2 = Message("scorecard.band2", vi: "Nhóm điểm", en: "Band")
    static let scCategory = Message("scorecard.category", vi: "Nhóm tiêu chí", en: "Category")
    static let scMeanScore3 = Message("scorecard.mean_score3", vi: "Điểm trung bình", en: "Mean score")
    static let scPassRateByRuleLowestFirst = Message("scorecard.pass_rate_by_rule_lowest_first", vi: "Tỷ lệ đạt theo quy tắc (thấp nhất trước)", en: "Pass rate by rule (lowest first)")
    static let scTrends2 = Message("scorecard.trends2", vi: "Xu hướng", en: "Trends")

    /// The CSV scorecard's fixed columns: twelve before the categories, three after.
    static let csvColumns: [Message] = [
        Message("scorecard.csv.rank", vi: "hạng", en: "rank"),
        Message("scorecard.csv.code", vi: "mã", en: "code"),
        Message("scorecard.csv.name", vi: "tên", en: "name"),
        Message("scorecard.csv.kind", vi: "loại", en: "kind"),
        Message("scorecard.csv.parent", vi: "cấp trên", en: "parent"),
        Message("scorecard.csv.province", vi: "mã tỉnh", en: "province"),
        Message("scorecard.csv.province_name", vi: "tỉnh", en: "province_name"),
        Message("scorecard.csv.period_from", vi: "từ ngày", en: "period_from"),
        Message("scorecard.csv.period_to", vi: "đến ngày", en: "period_to"),
        Message("scorecard.csv.score", vi: "điểm", en: "score"),
        Message("scorecard.csv.coverage", vi: "độ phủ", en: "coverage"),
        Message("scorecard.csv.band", vi: "xếp loại", en: "band"),
        Message("scorecard.csv.failed_rules", vi: "quy tắc không đạt", en: "failed_rules"),
        Message("scorecard.csv.missing_rules", vi: "quy tắc thiếu dữ liệu", en: "missing_rules"),
        Message("scorecard.csv.file", vi: "tệp", en: "file"),
    ]

    // The national scorecard: rankings per period and kind, filters, roll-ups as a table, trend charts.
    static let scSearch = Message("scorecard.filter.search", vi: "Tìm đơn vị (tên hoặc mã)", en: "Search units (name or code)")
    static let scAllProvinces = Message("scorecard.filter.all_provinces", vi: "Mọi tỉnh, thành phố", en: "All provinces")
    static let scAllBands = Message("scorecard.filter.all_bands", vi: "Mọi nhóm điểm", en: "All bands")
    static let scAllKinds = Message("scorecard.filter.all_kinds", vi: "Mọi loại đơn vị", en: "All unit kinds")
    static let scFilters = Message("scorecard.filter.label", vi: "Lọc", en: "Filter")
    static let scUnitsShown = Message("scorecard.filter.units_shown", vi: "đơn vị đang hiển thị", en: "units shown")
    static let scProvince = Message("scorecard.province", vi: "Tỉnh, thành phố", en: "Province")
    static let scByProvince = Message("scorecard.by_province", vi: "Theo tỉnh, thành phố (mỗi ô một đơn vị, tốt nhất trước)", en: "By province (one square per unit, best first)")
    static let scByKindTiles = Message("scorecard.by_kind_tiles", vi: "Theo loại đơn vị (mỗi ô một đơn vị, tốt nhất trước)", en: "By unit kind (one square per unit, best first)")
    static let scRankingNote = Message("scorecard.ranking_note", vi: "Đơn vị có điểm bằng nhau (làm tròn 0,1) cùng hạng, ghi “1=”. Nhấn tiêu đề cột để sắp xếp.", en: "Units with equal scores (to 0.1 point) share a place, shown “1=”. Click a column heading to sort.")
    static let scReportingUnit = Message("scorecard.rollup.reporting_unit", vi: "Đơn vị báo cáo", en: "Reporting unit")
    static let scFigure = Message("scorecard.rollup.figure", vi: "Số liệu", en: "Figure")
    static let scClaimed = Message("scorecard.rollup.claimed", vi: "Báo cáo", en: "Claimed")
    static let scAllowed = Message("scorecard.rollup.allowed", vi: "Báo cáo cấp dưới cho phép", en: "What the children's reports allow")
    static let scContradicting = Message("scorecard.rollup.contradicting", vi: "Đơn vị cấp dưới mâu thuẫn", en: "Contradicting children")
    static let scOverclaim = Message("scorecard.rollup.overclaim_label", vi: "Báo cáo cao hơn", en: "Over-claim")
    static let scUnderclaim = Message("scorecard.rollup.underclaim_label", vi: "Báo cáo thấp hơn", en: "Under-claim")
    static let scMeanByPeriod = Message("scorecard.trend.mean_by_period", vi: "Điểm trung bình theo kỳ, từng nhóm tiêu chí", en: "Mean score by period, per category")
    static let scOverall = Message("scorecard.trend.overall", vi: "Điểm chung", en: "Overall")
    static let scChangesPerUnit = Message("scorecard.trend.changes_per_unit", vi: "Thay đổi của từng đơn vị", en: "Changes per unit")
    static let scDate = Message("scorecard.date", vi: "Ngày", en: "Date")

    /// `Xếp hạng cấp xã — kỳ 2026 (3248 đơn vị)`.
    static func rankingTitle(_ r: Ranking) -> Message {
        let n = r.units.count
        return Message("scorecard.ranking_title", vi: "Xếp hạng: \(r.kind.name(.vi)) — kỳ \(r.period) (\(n) đơn vị)",
                       en: "Ranking: \(r.kind.name(.en)) — \(r.period) (\(n) \(n == 1 ? "unit" : "units"))")
    }

    /// How many children a parent's figure may be, by its children's reports: `2 to 5 (of 6 reporting)`.
    static func rollupAllowed(_ f: RollupFinding) -> Message {
        let range = f.childrenPassing == f.atMost ? "\(f.atMost)" : nil
        return Message("scorecard.rollup.allowed_range",
                       vi: "\(range ?? "từ \(f.childrenPassing) đến \(f.atMost)") (\(f.childrenInRun) đơn vị có báo cáo)",
                       en: "\(range ?? "\(f.childrenPassing) to \(f.atMost)") (\(f.childrenInRun) reporting)")
    }

    /// The reports a selection left out.
    static func excludedReports(_ n: Int, _ s: ScorecardSelection) -> Message {
        let what = [s.period.map { "--period \($0)" }, s.kind.map { "--kind \($0.rawValue)" }].compactMap { $0 }.joined(separator: " ")
        return Message("scorecard.excluded", vi: "\(n) báo cáo hợp lệ nằm ngoài phạm vi đã chọn (\(what)), không được chấm.",
                       en: "\(n) valid reports are outside the selection (\(what)) and not scored.")
    }

    /// `Ngày 24 tháng 11 năm 2026` / `24 November 2026`: the date of an official document.
    static func documentDate(_ d: Day) -> Message {
        let c = d.components
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return Message("scorecard.document_date", vi: "Ngày \(c.day) tháng \(c.month) năm \(c.year)", en: "\(c.day) \(months[c.month - 1]) \(c.year)")
    }

    static let xlsxUnitsSheet = Message("scorecard.xlsx.units", vi: "Đơn vị", en: "Units")
    static let xlsxRulesSheet = Message("scorecard.xlsx.rules", vi: "Quy tắc", en: "Rules")
    static let xlsxLongSheet = Message("scorecard.xlsx.long", vi: "Đơn vị × quy tắc", en: "Units × rules")
    static let xlsxNotSubmittedSheet = Message("scorecard.xlsx.not_submitted", vi: "Chưa nộp", en: "Not submitted")

    /// The long CSV's columns.
    static let csvLongColumns: [Message] = [
        Message("scorecard.csv.period_from", vi: "từ ngày", en: "period_from"),
        Message("scorecard.csv.period_to", vi: "đến ngày", en: "period_to"),
        Message("scorecard.csv.kind", vi: "loại", en: "kind"),
        Message("scorecard.csv.province", vi: "mã tỉnh", en: "province"),
        Message("scorecard.csv.province_name", vi: "tỉnh", en: "province_name"),
        Message("scorecard.csv.code", vi: "mã", en: "code"),
        Message("scorecard.csv.name", vi: "tên", en: "name"),
        Message("scorecard.csv.rule", vi: "quy tắc", en: "rule"),
        Message("scorecard.csv.category", vi: "nhóm tiêu chí", en: "category"),
        Message("scorecard.csv.status", vi: "kết quả", en: "status"),
        Message("scorecard.csv.weight", vi: "trọng số", en: "weight"),
        Message("scorecard.csv.file", vi: "tệp", en: "file"),
    ]
}
