/// One candidate method's record in a SKU's forecast selection.
public struct CandidateScore: Sendable, Hashable {
    /// The method's short name (`ForecastMethod.rawValue`).
    public var method: String
    /// Mean absolute one-week-ahead error over the selection origins (units per week), the
    /// score the choice was made on; nil when there was no selection origin.
    public var selectionMAE: Double?
    /// Mean absolute one-week-ahead error over the last 8 origins (units per week): what
    /// `forecast_mae` would be had this method been chosen; nil without an origin.
    public var mae: Double?
    /// The method's forecast of the coming week from the whole history, units per week.
    public var weekly: Double

    public init(method: String, selectionMAE: Double?, mae: Double?, weekly: Double) {
        self.method = method
        self.selectionMAE = selectionMAE
        self.mae = mae
        self.weekly = weekly
    }
}

/// The forecast chosen for one SKU, with the evidence for the choice (CONTRACT.md §3,
/// forecast_method, forecast_daily, forecast_mae).
public struct ForecastChoice: Sendable {
    /// The chosen method's short name as written in `skus.csv` (`ForecastMethod.rawValue`).
    public var method: String
    /// Forecast demand, units per week, >= 0 (the same for every coming week).
    public var weekly: Double
    /// Forecast demand, units per day: weekly / 7 (contract `forecast_daily`).
    public var daily: Double
    /// Contract `forecast_mae`: the chosen method's mean absolute error, units per week, of
    /// its one-week-ahead forecasts of each of the last 8 weeks, each made only from the
    /// weeks before it (fewer weeks when the history is shorter); nil for a history of
    /// fewer than 2 weeks, where no week has a week before it.
    public var mae: Double?
    /// Every method that competed, in the order tried (the class's default first).
    public var candidates: [CandidateScore]
    /// Why this method, in one plain sentence.
    public var why: String

    public init(method: String, weekly: Double, daily: Double, mae: Double?,
                candidates: [CandidateScore], why: String) {
        self.method = method
        self.weekly = weekly
        self.daily = daily
        self.mae = mae
        self.candidates = candidates
        self.why = why
    }
}

/// Chooses each SKU's forecasting method by how well each candidate would have forecast
/// that SKU's own past, one week ahead, from rolling origins (never by in-sample fit).
///
/// 1. The demand class decides the candidates (`SelectionPolicy.standard`): smooth and
///    erratic demand compete SES, moving average, naive and mean; intermittent and lumpy
///    demand compete Croston-SBA, TSB, Croston, SES and mean; `new` (fewer than 2 weeks
///    with demand) is not compared: the average week (`mean`); a history without any
///    demand: `zero`.
/// 2. Every candidate forecasts each week t of the history from weeks 0..<t only, its
///    parameters refitted on those weeks (`ForecastModel`).
/// 3. Its score is a recency-weighted mean absolute error over the **selection origins**,
///    every week with at least 4 weeks before it (every week with one week before it when
///    the history is too short): the error at week t weighs 0.85^(n−1−t), a half-life of
///    about 4 weeks, so a SKU whose demand has changed is judged on its recent weeks.
/// 4. The least score wins; ties go to the earlier candidate (the class default first).
///    A one-week history has no origin: the class default.
///
/// `forecast_mae` (CONTRACT.md §3) is the chosen method's plain MAE at the last 8 origins
/// (t = n−8 … n−1, each forecast from weeks 0..<t; fewer when the history is shorter;
/// nil for a history of fewer than 2 weeks, which has no origin with a prior week). Those
/// weeks are also the heaviest in the selection score, so `forecast_mae` is the winner's
/// error and somewhat flatters it (selection bias): README, forecast section, gives the
/// measured size. Selecting only on weeks before the last 8 would keep it honest but
/// forecast worse on real data (same section).
///
/// MAE is the criterion because it is the figure restock reports and it is robust to the
/// single huge orders of lumpy SKUs. The zero forecast is never a candidate: restock's
/// forecast is a mean rate that a lead time multiplies, and 0 minimises MAE on most
/// intermittent series without being a rate.
///
/// Cost: O(n × 19) for SES, O(n × 6) for the moving average and O(n) for every other
/// candidate; no heap allocation beyond the result (rolling forecasts in one stack buffer).
public enum ForecastSelector {
    /// Number of last weekly origins `forecast_mae` averages over (CONTRACT.md §3).
    public static let reportedOrigins = 8

    /// Chooses and runs the forecast for one SKU's weekly history (units per week, oldest
    /// first, the last element the week ending on as-of, values >= 0).
    public static func select(weekly: [Double], demandClass: DemandClass) -> ForecastChoice {
        select(weekly: weekly, demandClass: demandClass, policy: .standard)
    }

    static func select(weekly: [Double], demandClass: DemandClass, policy: SelectionPolicy) -> ForecastChoice {
        let n = weekly.count
        let hasDemand = weekly.contains { $0 > 0 }
        let candidates: [ForecastMethod] = hasDemand ? policy.candidates(demandClass) : [.zero]
        let reported = max(1, n - reportedOrigins)..<max(1, n)
        let selection = policy.warmup < n ? max(1, policy.warmup)..<n : reported

        var scores: [CandidateScore] = []
        scores.reserveCapacity(candidates.count)
        var best = 0
        var bestScore = Double.infinity
        weekly.withUnsafeBufferPointer { y in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: n + 1) { f in
                for (index, method) in candidates.enumerated() {
                    RollingForecast.run(method, y, into: f)
                    var weighted = 0.0, weights = 0.0, weight = 1.0
                    for t in selection.reversed() {
                        weighted += weight * abs(y[t] - f[t])
                        weights += weight
                        weight *= policy.discount
                    }
                    var reportedError = 0.0
                    for t in reported { reportedError += abs(y[t] - f[t]) }
                    let selectionScore = selection.isEmpty ? nil : weighted / weights
                    if let selectionScore, selectionScore < bestScore {
                        best = index
                        bestScore = selectionScore
                    }
                    scores.append(CandidateScore(
                        method: method.rawValue, selectionMAE: selectionScore,
                        mae: reported.isEmpty ? nil : reportedError / Double(reported.count),
                        weekly: f[n]))
                }
            }
        }
        let chosen = scores[best]
        return ForecastChoice(
            method: chosen.method, weekly: chosen.weekly, daily: chosen.weekly / 7, mae: chosen.mae,
            candidates: scores,
            why: explanation(demandClass: demandClass, hasDemand: hasDemand, scores: scores, best: best))
    }

    /// One plain sentence on the choice.
    static func explanation(demandClass: DemandClass, hasDemand: Bool, scores: [CandidateScore], best: Int) -> String {
        let chosen = scores[best]
        if !hasDemand { return "No demand in the history, so the forecast is zero." }
        if scores.count == 1 {
            return "With fewer than 2 weeks of demand there is too little to compare methods, so the forecast is the average week of the history."
        }
        guard let error = chosen.selectionMAE else {
            return "One week of history is too little to compare methods, so \(chosen.method), the first choice for \(demandClass.rawValue) demand."
        }
        let others = scores.indices.filter { $0 != best }.map { scores[$0].method }.joined(separator: ", ")
        return "For \(demandClass.rawValue) demand, \(chosen.method) forecast this SKU's recent weeks best one week ahead, "
            + "missing by \(format(error)) units a week on average (recent weeks weighted most), against \(others)."
    }

    /// A figure with at most 2 decimals and no trailing zeros.
    static func format(_ value: Double) -> String {
        let hundredths = Int(saturating: (value * 100).rounded())
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// How `ForecastSelector` picks: the candidates per class and how origins are weighed.
/// `standard` is what restock runs; tests vary it to show why.
struct SelectionPolicy: Sendable {
    /// Candidates for smooth and erratic demand, the default first.
    var smooth: [ForecastMethod]
    /// Candidates for intermittent and lumpy demand, the default first.
    var intermittent: [ForecastMethod]
    /// Origins need at least this many weeks before them to be scored (unless none would be).
    var warmup = 4
    /// Weight of an origin's error relative to the next week's, 0 < discount <= 1.
    var discount = 0.85

    func candidates(_ demandClass: DemandClass) -> [ForecastMethod] {
        switch demandClass {
        case .smooth, .erratic: smooth
        case .intermittent, .lumpy: intermittent
        case .new: [.mean]
        }
    }

    static let standard = SelectionPolicy(
        smooth: [.ses, .movingAverage, .naive, .mean],
        intermittent: [.crostonSBA, .tsb, .croston, .ses, .mean])
}
