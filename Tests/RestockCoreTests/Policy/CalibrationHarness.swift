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
        /// What the model's point reaches, and the stock it holds, when it is handed the true
        /// rate and the true lead times instead of their estimates (the model judged apart
        /// from what one history and a few receipts can tell).
        var achievedTrueInputs: Double
        var onHandTrueInputs: Double
        /// The same SKU judged on the cycle tonight's point answers for (`TonightCycles`):
        /// achieved, what the smallest sufficient point reaches, stock with restock's point
        /// and with the smallest sufficient one.
        var tonight: Judged
        /// The held point's level counted as tonight's judge counts a cycle: failed when the
        /// net stock is below 0 just before its receipt (`TrueCycles.thresholdsAtReceipt`).
        var achievedAtReceipt: Double
        /// Filled when `CALIBRATION_DETAIL` is set.
        var diagnosis: CalibrationDiagnosis?
    }

    /// One point judged by one judge.
    struct Judged {
        var achieved: Double
        var minimalLevel: Double
        var onHand: Double
        var onHandMinimal: Double
    }

    static let diagnoses = ProcessInfo.processInfo.environment["CALIBRATION_DETAIL"] != nil
    /// `CALIBRATION_LONG_RUN=1`: each SKU's point is judged on one path of all its cycles in a
    /// row from as-of (a point held for years), instead of replications of the three cycles
    /// after as-of. Only the stationary and seasonal worlds have a long run to judge.
    static let longRun = ProcessInfo.processInfo.environment["CALIBRATION_LONG_RUN"] != nil

    /// The criterion's "far below": a level more than 10 points under the target.
    static func isFarBelow(_ level: Double, target: Double) -> Bool { level < target - 0.10 }

    /// The SKU's history as restock sees it: the whole weeks ending on as-of from the one
    /// holding the first demand (README, The figures: history), their start day, and the
    /// demand days from that start.
    struct History {
        var weekly: [Double]
        var start: Int
        var days: [OrderDay]
        var daily: [Double]
        /// Days holding a line more than 10 times the usual one, and those set aside as one-offs.
        var bulkDays = 0
        var oneOffDays = 0
    }

    /// The history as the pipeline reads it with `settings` (as-of the last day drawn): the
    /// demand history's whole weeks from the first with demand (`RunSettings.demandWindow`'s
    /// `windowStart` and `weekCount`), one-off bulk lines set aside as `SKUAnalyzer` does (`OneOffBulkRule`),
    /// so the class, the forecast and the reorder point see what they would see in a run.
    static func history(_ drawn: [(lines: Int, units: Double)], settings: RunSettings) -> History? {
        let asOf = settings.asOf
        let demand = settings.demandWindow
        guard let first = drawn.indices.first(where: { $0 >= demand.windowStart && drawn[$0].units > 0 }) else { return nil }
        let weeks = min(demand.weekCount, (asOf - first) / 7 + 1)
        let start = asOf - 7 * weeks + 1
        let ordered = (start...asOf).compactMap { t in
            drawn[t].units > 0 ? OrderDay(day: t, lines: drawn[t].lines, units: drawn[t].units) : nil
        }
        let (days, flagged) = OneOffBulkRule.apply(ordered, recurring: false)
        var daily = [Double](repeating: 0, count: asOf - start + 1)
        for d in days { daily[d.day - start] = d.units }
        let weekly = (0..<weeks).map { w in daily[(7 * w)..<(7 * w + 7)].reduce(0, +) }
        return History(weekly: weekly, start: start, days: days, daily: daily,
                       bulkDays: flagged.count, oneOffDays: flagged.filter(\.isOneOff).count)
    }

    /// 6-10 receipts of orders placed from day 0 to 40 days before as-of, as the store holds
    /// them: an order not yet received at as-of is not a receipt (another order is drawn).
    static func receipts(_ sku: CalibrationSKU, asOf: Int, random r: inout CalibrationRandom) -> [ReceiptFact] {
        let count = r.integer(6, 10)
        var receipts: [ReceiptFact] = []
        while receipts.count < count {
            let ordered = r.integer(0, asOf - 40)
            let l = sku.leadTime(ordered, &r)
            if ordered + l <= asOf { receipts.append(ReceiptFact(supplier: "S", orderedDay: ordered, receivedDay: ordered + l)) }
        }
        return receipts
    }

    /// The SKU's outcome at every target, or nil when its history is not of `demandClass`.
    static func evaluate(_ sku: CalibrationSKU, as demandClass: DemandClass, trueCycles: Int,
                         random r: inout CalibrationRandom) -> [Outcome]? {
        let drawn = (0..<sku.historyDays).map { sku.demand($0, &r) }
        // A run with the default settings: the order lines and receipts of the last 730 days
        // (the 365-day window's figures are not judged here). CALIBRATION_DEMAND_DAYS=0 reads
        // the order lines of the window alone, as restock did until 0.8.8.
        var settings = RunSettings(asOf: sku.historyDays - 1)
        if let days = ProcessInfo.processInfo.environment["CALIBRATION_DEMAND_DAYS"].flatMap({ Int($0) }) {
            settings.demandEvidenceDays = days
        }
        guard let history = history(drawn, settings: settings),
              DemandClassifier.classify(weekly: history.weekly).demandClass == demandClass else { return nil }
        let asOf = settings.asOf
        let forecast = ForecastSelector.select(weekly: history.weekly, demandClass: demandClass)
        let receipts = receipts(sku, asOf: asOf, random: &r)
        let leadTime = LeadTimeEstimator.estimate(
            own: receipts, supplierOthers: [], quotedDays: nil, fillDays: [],
            defaultDays: 14, asOf: asOf, receiptDays: settings.receiptDays)
        // forecast_daily as SKUAnalyzer sets it: the forecast's mean rate over the lead time.
        let rate = forecast.path.dailyRate(overDays: leadTime.days)
        let q = PolicyFigures.orderQuantity(productQty: nil, forecastDaily: rate,
                                            coverDays: 30, casePack: nil)
        // The long run: one path to the last cycle's receipt (400 days a cycle at most).
        let truth = TrueCycles(sku: sku, orderQuantity: q, cycles: trueCycles,
                               receiptsPerRun: longRun ? trueCycles + 1 : 4,
                               maxDays: longRun ? 400 * trueCycles : 5000, random: &r)
        // Its own generator, seeded from a copy of the stream, so the other figures are drawn
        // exactly as without it.
        var copy = r
        var tonightRandom = CalibrationRandom(seed: copy.next() ^ 0x7041_6874_5EED)
        let tonight = TonightCycles(sku: sku, orderQuantity: q, cycles: trueCycles, random: &tonightRandom)
        let n = Double(history.daily.count)
        let mean = history.daily.reduce(0, +) / n
        let sd = (history.daily.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
        let trueLead = CalibrationDiagnosis.trueLeadTime(truth)
        return targets.map { target in
            func point(_ rate: Double, _ lead: LeadTimeForecast) -> Int {
                ReorderPointModel.reorderPoint(
                    history: history.days, historyStart: history.start, asOf: asOf, forecastDaily: rate,
                    leadTime: lead, orderQuantity: q, serviceLevel: target).reorderPoint
            }
            let s = point(rate, leadTime)
            let sTrue = point(truth.demandPerDay, trueLead)
            let minimal = truth.smallestSufficient(target)
            let l = leadTime.days
            let textbook = Int((mean * l + zScores[target]! * (l * sd * sd + mean * mean
                * leadTime.sdDays * leadTime.sdDays).squareRoot()).rounded(.up))
            let diagnosis = diagnoses ? CalibrationDiagnosis.make(
                .init(history: history, asOf: asOf, forecast: rate, method: forecast.method, leadTime: leadTime, orderQuantity: q),
                truth: truth, target: target, points: (s, minimal, sTrue)) : nil
            let tonightMinimal = tonight.smallestSufficient(target)
            let judgedTonight = Judged(
                achieved: tonight.serviceLevel(s), minimalLevel: tonight.serviceLevel(tonightMinimal),
                onHand: tonight.onHand(s), onHandMinimal: tonight.onHand(tonightMinimal))
            return Outcome(achieved: truth.serviceLevel(s), minimalLevel: truth.serviceLevel(minimal),
                           onHand: truth.onHand(s), onHandMinimal: truth.onHand(minimal),
                           textbook: truth.serviceLevel(textbook), achievedTrueInputs: truth.serviceLevel(sTrue),
                           onHandTrueInputs: truth.onHand(sTrue), tonight: judgedTonight,
                           achievedAtReceipt: truth.serviceLevelAtReceipt(s), diagnosis: diagnosis)
        }
    }
}
