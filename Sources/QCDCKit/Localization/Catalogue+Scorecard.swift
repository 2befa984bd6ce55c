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
    static let scHeatMapUnitsCategories = Message("scorecard.heat_map_units_categories", vi: "Bản đồ nhiệt: đơn vị × nhóm tiêu chí", en: "Heat map: units × categories")
    static let scRed0ThroughYellow50To = Message("scorecard.red0_through_yellow50_to", vi: "Màu từ đỏ (0) qua vàng (50) đến xanh (100); xám: không có quy tắc áp dụng.", en: "Red (0) through yellow (50) to green (100); grey: no applicable rule.")
    static let scHeatMap = Message("scorecard.heat_map", vi: "Bản đồ nhiệt", en: "Heat map")
    static let scScore = Message("scorecard.score", vi: "Điểm", en: "Score")
    static let scRanking = Message("scorecard.ranking", vi: "Xếp hạng", en: "Ranking")
    static let scClickAColumnHeadingToSort = Message("scorecard.click_a_column_heading_to_sort", vi: "Nhấn tiêu đề cột để sắp xếp.", en: "Click a column heading to sort.")
    static let scUnit = Message("scorecard.unit", vi: "Đơn vị", en: "Unit")
    static let scCode = Message("scorecard.code", vi: "Mã", en: "Code")
    static let scPeriod = Message("scorecard.period", vi: "Kỳ", en: "Period")
    static let scCoverage = Message("scorecard.coverage", vi: "Độ phủ", en: "Coverage")
    static let scBand = Message("scorecard.band", vi: "Nhóm", en: "Band")
    static let scByParentUnit = Message("scorecard.by_parent_unit", vi: "Theo đơn vị cấp trên", en: "By parent unit")
    static let scByUnitKind = Message("scorecard.by_unit_kind", vi: "Theo loại đơn vị", en: "By unit kind")
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
    static let scByGroup = Message("scorecard.by_group", vi: "Theo nhóm đơn vị", en: "By group")
    static let scPassRateByRuleLowestFirst = Message("scorecard.pass_rate_by_rule_lowest_first", vi: "Tỷ lệ đạt theo quy tắc (thấp nhất trước)", en: "Pass rate by rule (lowest first)")
    static let scTrends2 = Message("scorecard.trends2", vi: "Xu hướng", en: "Trends")

    /// A parent's claim its children contradict (texts already escaped for the format).
    static func rollup(_ f: RollupFinding, parent: String, title: LocalizedText, rule: String, names: String) -> Message {
        switch f.kind {
        case .overclaim:
            let total = f.total.map { "/\($0)" } ?? ""
            return Message("scorecard.rollup.overclaim",
                           vi: "\(parent) báo cáo \(f.claimed)\(total) — \(title.vi); nhưng báo cáo của các đơn vị sau cho kết quả không đạt \(rule): \(names)",
                           en: "\(parent) reports \(f.claimed)\(f.total.map { " of \($0)" } ?? "") — \(title.en); but these units' own reports fail \(rule): \(names)")
        case .underclaim:
            return Message("scorecard.rollup.underclaim",
                           vi: "\(parent) báo cáo \(f.claimed) — \(title.vi); nhưng \(f.childrenPassing) đơn vị cấp dưới đạt \(rule) theo báo cáo của chính họ",
                           en: "\(parent) reports \(f.claimed) — \(title.en); but \(f.childrenPassing) units pass \(rule) in their own reports")
        }
    }

    /// The CSV scorecard's fixed columns: ten before the categories, three after.
    static let csvColumns: [Message] = [
        Message("scorecard.csv.rank", vi: "hạng", en: "rank"),
        Message("scorecard.csv.code", vi: "mã", en: "code"),
        Message("scorecard.csv.name", vi: "tên", en: "name"),
        Message("scorecard.csv.kind", vi: "loại", en: "kind"),
        Message("scorecard.csv.parent", vi: "cấp trên", en: "parent"),
        Message("scorecard.csv.period_from", vi: "từ ngày", en: "period_from"),
        Message("scorecard.csv.period_to", vi: "đến ngày", en: "period_to"),
        Message("scorecard.csv.score", vi: "điểm", en: "score"),
        Message("scorecard.csv.coverage", vi: "độ phủ", en: "coverage"),
        Message("scorecard.csv.band", vi: "xếp loại", en: "band"),
        Message("scorecard.csv.failed_rules", vi: "quy tắc không đạt", en: "failed_rules"),
        Message("scorecard.csv.missing_rules", vi: "quy tắc thiếu dữ liệu", en: "missing_rules"),
        Message("scorecard.csv.file", vi: "tệp", en: "file"),
    ]
}
