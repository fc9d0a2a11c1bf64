import Foundation
import RestockCore

/// Runs restock's chain on one calibration SKU, from its history only, and judges the
/// reorder points on its true future: classify, choose the forecast, estimate the lead
/// time from 6-10 receipts, order quantity of 30 days, reorder point; then (s, nQ) on the
/// true processes (`TrueCycles`).
enum CalibrationHarness {
    static let targets = [0.90, 0.95, 0.99]
    /// z of the textbook formula at the targets (standard normal quantiles).
    static let zScores = [0.90: 1.2816, 0.95: 1.6449, 0.99: 2.3263]

    /// One SKU at one target.
    struct Outcome {
        var achieved: Double
        /// The level the smallest sufficient whole-unit point reaches (>= target).
        var minimalLevel: Double
        var onHand: Double
        var onHandMinimal: Double
        /// What the textbook normal formula's point achieves.
        var textbook: Double
    }

    /// The SKU's history as restock sees it: the whole weeks ending on as-of from the one
    /// holding the first demand (README, The figures: history), their start day, and the
    /// demand days from that start.
    struct History {
        var weekly: [Double]
        var start: Int
        var days: [OrderDay]
        var daily: [Double]
    }

    static func history(_ drawn: [(lines: Int, units: Double)]) -> History? {
        let asOf = drawn.count - 1
        guard let first = drawn.firstIndex(where: { $0.units > 0 }) else { return nil }
        let weeks = min(drawn.count / 7, (asOf - first) / 7 + 1)
        let start = asOf - 7 * weeks + 1
        let weekly = (0..<weeks).map { w in drawn[(start + 7 * w)..<(start + 7 * w + 7)].reduce(0) { $0 + $1.units } }
        let days = (start...asOf).compactMap { t in
            drawn[t].units > 0 ? OrderDay(day: t, lines: drawn[t].lines, units: drawn[t].units) : nil
        }
        return History(weekly: weekly, start: start, days: days, daily: drawn[start...].map(\.units))
    }

    /// The SKU's outcome at every target, or nil when its history is not of `demandClass`.
    static func evaluate(_ sku: CalibrationSKU, as demandClass: DemandClass, trueCycles: Int,
                         random r: inout CalibrationRandom) -> [Outcome]? {
        let drawn = (0..<sku.historyDays).map { sku.demand($0, &r) }
        guard let history = history(drawn),
              DemandClassifier.classify(weekly: history.weekly).demandClass == demandClass else { return nil }
        let asOf = sku.historyDays - 1
        let forecast = ForecastSelector.select(weekly: history.weekly, demandClass: demandClass)
        let receipts: [ReceiptFact] = (0..<r.integer(6, 10)).map { _ in
            let ordered = r.integer(0, asOf - 40)
            let l = min(sku.leadTime(ordered, &r), asOf - ordered)
            return ReceiptFact(supplier: "S", orderedDay: ordered, receivedDay: ordered + l)
        }
        let leadTime = LeadTimeEstimator.estimate(
            own: receipts, supplierOthers: [], quotedDays: nil, fillDays: [],
            defaultDays: 14, asOf: asOf, windowDays: sku.historyDays)
        // forecast_daily as SKUAnalyzer sets it: the forecast's mean rate over the lead time.
        let rate = forecast.path.dailyRate(overDays: leadTime.days)
        let q = PolicyFigures.orderQuantity(productQty: nil, forecastDaily: rate,
                                            coverDays: 30, casePack: nil)
        let truth = TrueCycles(sku: sku, orderQuantity: q, cycles: trueCycles, random: &r)
        let n = Double(history.daily.count)
        let mean = history.daily.reduce(0, +) / n
        let sd = (history.daily.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
        return targets.map { target in
            let s = ReorderPointModel.reorderPoint(
                history: history.days, historyStart: history.start, asOf: asOf,
                forecastDaily: rate, leadTime: leadTime, orderQuantity: q,
                serviceLevel: target).reorderPoint
            let minimal = truth.smallestSufficient(target)
            let l = leadTime.days
            let textbook = Int((mean * l + zScores[target]! * (l * sd * sd + mean * mean
                * leadTime.sdDays * leadTime.sdDays).squareRoot()).rounded(.up))
            return Outcome(achieved: truth.serviceLevel(s), minimalLevel: truth.serviceLevel(minimal),
                           onHand: truth.onHand(s), onHandMinimal: truth.onHand(minimal),
                           textbook: truth.serviceLevel(textbook))
        }
    }
}
