/// One candidate method's record in a SKU's forecast selection.
public struct CandidateScore: Sendable, Hashable {
    /// The method's short name (`ForecastMethod.rawValue`).
    public var method: String
    /// The score the choice was made on (units per week): the root mean squared
    /// one-week-ahead error over the selection origins plus the absolute mean error; nil
    /// when there was no selection origin.
    public var selectionScore: Double?
    /// Mean absolute one-week-ahead error over the last 8 origins (units per week): what
    /// `forecast_mae` would be had this method been chosen; nil without an origin.
    public var mae: Double?
    /// Mean of forecast − actual over the same last 8 origins (units per week; negative:
    /// forecasting low): what `forecast_bias` would be; nil without an origin.
    public var bias: Double?
    /// The method's forecast of the coming week from the whole history, units per week.
    public var weekly: Double

    public init(method: String, selectionScore: Double?, mae: Double?, bias: Double?, weekly: Double) {
        self.method = method
        self.selectionScore = selectionScore
        self.mae = mae
        self.bias = bias
        self.weekly = weekly
    }
}

/// The forecast chosen for one SKU, with the evidence for the choice (README, "How the
/// forecast is chosen": forecast_method, forecast_daily, forecast_mae, forecast_bias).
public struct ForecastChoice: Sendable {
    /// The chosen method's short name as written in `skus.csv` (`ForecastMethod.rawValue`).
    public var method: String
    /// Forecast demand of the coming week, units per week, >= 0.
    public var weekly: Double
    /// Forecast demand of the coming week, units per day: weekly / 7.
    public var daily: Double
    /// The forecast of every coming week: flat at `weekly` except for `damped_trend`.
    /// `forecast_daily` is its mean over the lead time (`ForecastPath.dailyRate(overDays:)`).
    public var path: ForecastPath
    /// `forecast_mae`: the chosen method's mean absolute error, units per week, of its
    /// one-week-ahead forecasts of each of the last 8 weeks, each made only from the weeks
    /// before it (fewer weeks when the history is shorter); nil for a history of fewer
    /// than 2 weeks, where no week has a week before it.
    public var mae: Double?
    /// `forecast_bias`: the mean of forecast − actual over the same forecasts as `mae`,
    /// units per week (negative: the method forecast low); nil where `mae` is.
    public var bias: Double?
    /// Every method that competed, in the order tried (the class's default first).
    public var candidates: [CandidateScore]
    /// Why this method, in one plain sentence.
    public var why: String

    public init(method: String, weekly: Double, daily: Double, mae: Double?, bias: Double?,
                candidates: [CandidateScore], why: String, path: ForecastPath? = nil) {
        self.method = method
        self.weekly = weekly
        self.daily = daily
        self.path = path ?? ForecastPath(level: weekly)
        self.mae = mae
        self.bias = bias
        self.candidates = candidates
        self.why = why
    }
}

/// Chooses each SKU's forecasting method by how well each candidate would have forecast
/// that SKU's own past, one week ahead, from rolling origins (never by in-sample fit).
///
/// 1. The demand class decides the candidates (`SelectionPolicy.standard`): smooth and
///    erratic demand compete SES, damped trend, moving average, naive and mean (the damped
///    trend is not offered for intermittent and lumpy demand: a trend fitted on weeks that
///    are mostly 0 follows the last quiet weeks, and on the calibration worlds its rates
///    ran low, README, "How the forecast is chosen"); intermittent and lumpy
///    demand compete IMAPA, ADIDA, Croston-SBA, TSB, Croston, SES and mean; `new` (fewer
///    than 2 weeks with demand) is not compared: the average week (`mean`); a history
///    without any demand: `zero`.
/// 2. Every candidate forecasts each week t of the history from weeks 0..<t only, its
///    parameters refitted on those weeks (`ForecastModel`).
/// 3. Its score is the root mean **squared** error plus the absolute mean error (its
///    bias) over the **selection origins**, every week with at least 4 weeks before it
///    (every week with one week before it when the history is too short), every origin
///    weighing the same.
/// 4. The least score wins; ties go to the earlier candidate (the class default first).
///    A one-week history has no origin: the class default.
/// 5. **The mean, unless the evidence is against it** (the one-standard-error rule of model
///    selection: Breiman, Friedman, Olshen and Stone 1984; Hastie, Tibshirani and Friedman
///    2009, section 7.10). When another method won, `mean` (the steadiest candidate: it
///    rests on every week, where the others rest on the last few) is chosen instead if
///    both hold over the selection origins (`MeanRule`): the winner's mean squared error
///    is lower than the mean's by at most one standard error of the per-origin difference,
///    and the mean's own errors average 0 within one standard error (no drift it misses).
///    Why: with one or two years of history the winner of a close race is often the method
///    that followed the last quiet or busy weeks, and its rate is then further from the
///    SKU's true one than the plain average; on the calibration worlds (README, "How the
///    reorder point is reached") this left stationary intermittent and erratic SKUs far
///    below their target more often, and erratic SKUs held 1.3 x the stock they needed.
///
/// **Why squared.** The forecast is a rate that the reorder point multiplies by a lead
/// time, so it must be the *mean* of the coming weeks: the squared error is least for the
/// mean, while the absolute error is least for the median, which for intermittent demand
/// is 0 or near it, so choosing on MAE rewards forecasting low (README, forecast section,
/// measures it). Dividing the score by a scale common to all candidates (the in-sample
/// error of the naive forecast, as the RMSSE of the M5 competition does) would not change
/// the choice, so the score is left in units per week. The bias term counts a systematic
/// offset once more than the squared error does, so that of two methods with similar
/// spread the one that is not steadily high or low wins (on the real series in the README
/// it lowers both RMSSE and MAE).
///
/// **Why every origin alike.** Weighting recent origins more (0.85^age, as restock did
/// before) makes the choice follow the last few weeks: after a quiet month the method
/// that forecast low wins, and with skewed demand quiet months are the common case, so the
/// chosen rate ran low on stationary demand (README, "How the reorder point is reached").
/// The forecasting methods themselves still adapt to a changed level.
///
/// `forecast_mae` and `forecast_bias` are the chosen method's plain mean absolute error and
/// mean signed error (forecast − actual) at the last 8 origins (t = n−8 … n−1, each
/// forecast from weeks 0..<t; fewer when the history is shorter; nil for a history of
/// fewer than 2 weeks, which has no origin with a prior week). Those weeks are also the
/// heaviest in the selection score, so they somewhat flatter the winner (selection bias).
/// The zero forecast is never a candidate: 0 is not the rate of a SKU that has sold.
///
/// Cost: O(n × 19) for SES, O(n × 36) for the damped trend, O(n × 6) for the moving
/// average, O(n × K) for ADIDA and IMAPA (K their largest aggregation level; the buckets
/// of each level and phase are kept running from origin to origin, `RollingAggregation`)
/// and O(n) for every other candidate.
public enum ForecastSelector {
    /// Number of last weekly origins `forecast_mae` and `forecast_bias` average over.
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
        var meanRuled = false
        weekly.withUnsafeBufferPointer { y in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * (n + 1)) { buffers in
                // f: the candidate being scored; winner: the best one's forecasts so far.
                let f = UnsafeMutableBufferPointer(rebasing: buffers[0...n])
                let winner = UnsafeMutableBufferPointer(rebasing: buffers[(n + 1)...])
                for (index, method) in candidates.enumerated() {
                    RollingForecast.run(method, y, into: f)
                    let score = score(y, f, selection: selection, discount: policy.discount, biasWeight: policy.biasWeight)
                    // The rule only matters where the mean would lose on its score.
                    if method == .mean, index != best, policy.meanRule, score.map({ $0 >= bestScore }) ?? true,
                       MeanRule.prefersMean(y, mean: UnsafeBufferPointer(f), winner: UnsafeBufferPointer(winner),
                                            selection: selection) {
                        best = index
                        bestScore = score ?? bestScore
                        meanRuled = true
                    } else if let score, score < bestScore {
                        best = index
                        bestScore = score
                    }
                    // The best so far (the first candidate too, whatever its score) for the rule.
                    if policy.meanRule, best == index, method != .mean { _ = winner.update(fromContentsOf: f) }
                    var absolute = 0.0, signed = 0.0
                    for t in reported {
                        absolute += abs(y[t] - f[t])
                        signed += f[t] - y[t]
                    }
                    let origins = Double(reported.count)
                    scores.append(CandidateScore(
                        method: method.rawValue, selectionScore: score,
                        mae: reported.isEmpty ? nil : absolute / origins,
                        bias: reported.isEmpty ? nil : signed / origins,
                        weekly: f[n]))
                }
            }
        }
        let chosen = scores[best]
        let path = candidates[best] == .dampedTrend ? DampedTrendModel.path(weekly: weekly) : ForecastPath(level: chosen.weekly)
        return ForecastChoice(
            method: chosen.method, weekly: chosen.weekly, daily: chosen.weekly / 7, mae: chosen.mae,
            bias: chosen.bias, candidates: scores,
            why: explanation(demandClass: demandClass, hasDemand: hasDemand, scores: scores, best: best,
                             meanRuled: meanRuled), path: path)
    }

    /// The selection score of forecasts `f` against `y` over `selection`: the weighted root
    /// mean squared error plus `biasWeight` x the absolute weighted mean error (the newest
    /// origin weighs 1, each older one `discount` times the next); nil for no origin.
    static func score(_ y: UnsafeBufferPointer<Double>, _ f: UnsafeMutableBufferPointer<Double>,
                      selection: Range<Int>, discount: Double, biasWeight: Double) -> Double? {
        guard !selection.isEmpty else { return nil }
        var weighted = 0.0, signed = 0.0, weights = 0.0, weight = 1.0
        for t in selection.reversed() {
            let e = y[t] - f[t]
            weighted += weight * e * e
            signed += weight * e
            weights += weight
            weight *= discount
        }
        return (weighted / weights).squareRoot() + biasWeight * abs(signed / weights)
    }

    /// One plain sentence on the choice.
    static func explanation(demandClass: DemandClass, hasDemand: Bool, scores: [CandidateScore], best: Int,
                            meanRuled: Bool = false) -> String {
        let chosen = scores[best]
        if !hasDemand { return "No demand in the history, so the forecast is zero." }
        if scores.count == 1 {
            return "With fewer than 2 weeks of demand there is too little to compare methods, so the forecast is the average week of the history."
        }
        guard let error = chosen.selectionScore else {
            return "One week of history is too little to compare methods, so \(chosen.method), the first choice for \(demandClass.rawValue) demand."
        }
        if meanRuled, let lowest = scores.filter({ $0.selectionScore != nil }).min(by: { $0.selectionScore! < $1.selectionScore! }),
           let lowestScore = lowest.selectionScore {
            return "For \(demandClass.rawValue) demand, \(lowest.method) forecast this SKU's weeks best one week ahead "
                + "(\(format(lowestScore)) against \(format(error)) units a week for the average week), but not by more than "
                + "the weeks' own scatter can tell, so the forecast is the average week (mean), the steadiest rate."
        }
        let others = scores.indices.filter { $0 != best }.map { scores[$0].method }.joined(separator: ", ")
        return "For \(demandClass.rawValue) demand, \(chosen.method) forecast this SKU's weeks best one week ahead, "
            + "scoring \(format(error)) units a week (root-mean-square error plus absolute mean error), against \(others)."
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
    /// Weight of an origin's error relative to the next week's, 0 < discount <= 1
    /// (1: every origin alike, as restock runs; tests vary it).
    var discount = 1.0
    /// Weight of the absolute weighted mean error added to the root mean squared error.
    var biasWeight = 1.0
    /// Whether `MeanRule` may prefer the mean over a winner that is not clearly better
    /// (restock runs with it; tests turn it off to show why).
    var meanRule = true

    func candidates(_ demandClass: DemandClass) -> [ForecastMethod] {
        switch demandClass {
        case .smooth, .erratic: smooth
        case .intermittent, .lumpy: intermittent
        case .new: [.mean]
        }
    }

    static let standard = SelectionPolicy(
        smooth: [.ses, .dampedTrend, .movingAverage, .naive, .mean],
        intermittent: [.imapa, .adida, .crostonSBA, .tsb, .croston, .ses, .mean])
}
