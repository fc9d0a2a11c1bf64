import Foundation

/// Forecasts a SKU's lead time from its receipts, its supplier's, a quote, its backorders'
/// fill times or the run's default, in that order (README, "How the lead time is forecast").
///
/// - **Recency**: each receipt weighs `0.5^(age / halfLifeDays)`, age = as-of minus the day
///   it was received, so a supplier that is slowing down moves the forecast within months.
///   Mean: `m = Σ wᵢ xᵢ / Σ wᵢ`; variance with reliability weights
///   `Σ wᵢ (xᵢ - m)² / (V₁ - V₂/V₁)`, `V₁ = Σ wᵢ`, `V₂ = Σ wᵢ²` (unbiased for i.i.d. values;
///   with equal weights it is the sample variance with n - 1).
/// - **Thin evidence is pooled** (limited-fluctuation credibility): with n < 3 receipts of
///   its own, the SKU's mean is `Z m_own + (1 - Z) m_supplier` with `Z = n / 3`, where the
///   supplier's other SKUs have receipts in the days read; from 3 receipts on the SKU's own mean
///   stands alone.
/// - **The supplier's receipts** are the `SupplierPools.othersRead` (200) most recent
///   receipts of the supplier's other SKUs received in the days read (`SupplierPools.others`):
///   a steady mean and spread without every receipt of a large supplier. They are read only
///   below `supplierReceiptsUnused` (5) usable receipts of the SKU's own
///   (`readsSupplierReceipts`); see `SupplierPools` for why a pool keeps 1,000.
/// - **Few observations** (n < 5 values behind the figure): the standard deviation is the
///   largest of the values' own, the supplier's pooled one (receipts source only) and a
///   floor of 25% of the mean, because 1 to 4 values say little about spread. Quoted and
///   default lead times carry that 25% floor as their standard deviation.
public enum LeadTimeEstimator {
    /// Age at which a receipt weighs half as much as one received on as-of, days. Half a
    /// year: a slowing supplier shows within months, while the receipts of a steady one
    /// still count about 86% as much as unweighted ones (Kish effective size over a year).
    public static let halfLifeDays: Double = 180
    /// Days of receipts a run reads at least, ending at as-of (`RunSettings.receiptDays`:
    /// the window where that is longer). Two years: a SKU reordered every month or two has
    /// 6-12 receipts a year, few to learn a lead time's spread from, and the year before
    /// the window doubles them, while a receipt two years old weighs 1/16 of a new one
    /// (`halfLifeDays`). Measured on the calibration's 24-month worlds with the default
    /// 365-day window (README, "How the lead time is forecast").
    public static let evidenceDays = 730
    /// Receipts of its own from which a SKU's mean is not pooled with its supplier's.
    public static let fullCredibilityReceipts = 3
    /// Observations from which the standard deviation is the observed one alone.
    public static let fewObservations = 5
    /// Floor of the standard deviation where observations are few, as a share of the mean.
    public static let sdFloorShare: Double = 0.25

    /// The lead-time forecast of one SKU.
    ///
    /// - Parameters:
    ///   - own: the SKU's receipts (any dates; only those received in the last `receiptDays`
    ///     days up to as-of count).
    ///   - supplierOthers: receipts of the other SKUs of the SKU's supplier (same filter).
    ///   - quotedDays: products' `lead_time_days`, days.
    ///   - fillDays: fill days of the SKU's backorders fulfilled in the window, days.
    ///   - defaultDays: the run's `--lead-time-days`, days.
    ///   - asOf: the run's as-of day; `receiptDays`: the days of receipts read, ending at
    ///     as-of (a run passes `RunSettings.receiptDays`, at least `evidenceDays`).
    public static func estimate(own: [ReceiptFact], supplierOthers: [ReceiptFact],
                                quotedDays: Double?, fillDays: [Int], defaultDays: Double,
                                asOf: Day, receiptDays: Int) -> LeadTimeForecast {
        let receiptsStart = asOf - receiptDays + 1
        let ownStats = WeightedLeadTimes(received(own, from: receiptsStart, to: asOf), asOf: asOf)
        // Not read with enough receipts of its own (see `readsSupplierReceipts`).
        let supplierStats = ownStats.count >= supplierReceiptsUnused
            ? WeightedLeadTimes([], asOf: asOf)
            : WeightedLeadTimes(received(supplierOthers, from: receiptsStart, to: asOf), asOf: asOf)

        if ownStats.count > 0 { return fromOwnReceipts(ownStats, supplier: supplierStats) }
        if supplierStats.count > 0 { return fromSupplierReceipts(supplierStats) }
        if let quoted = quotedDays, quoted >= 0, quoted <= InputBounds.maxLeadTimeDays {
            return LeadTimeForecast(
                days: quoted, sdDays: sdFloorShare * quoted, source: .quoted, observations: 0,
                explanation: "\(format(quoted)) days as quoted", sample: [])
        }
        if let fills = fromFillTimes(fillDays) { return fills }
        let days = max(0, defaultDays)
        return LeadTimeForecast(
            days: days, sdDays: sdFloorShare * days, source: .default, observations: 0,
            explanation: "\(format(days)) days by default (no receipts, quote or fill times)",
            sample: [])
    }

    /// The receipts received in `first...last` with a lead time within the input bounds, in
    /// order of receipt (then of order).
    private static func received(_ receipts: [ReceiptFact], from first: Day, to last: Day) -> [ReceiptFact] {
        let kept = receipts.filter { $0.receivedDay >= first && $0.receivedDay <= last
            && $0.leadTimeDays >= 0 && Double($0.leadTimeDays) <= InputBounds.maxLeadTimeDays }
        func before(_ a: ReceiptFact, _ b: ReceiptFact) -> Bool {
            (a.receivedDay, a.orderedDay) < (b.receivedDay, b.orderedDay)
        }
        // Receipts usually arrive in order; the sort is stable, so it would keep them as is.
        if kept.indices.dropFirst().allSatisfy({ !before(kept[$0], kept[$0 - 1]) }) { return kept }
        return kept.sorted(by: before)
    }

    /// The forecast from the SKU's own receipts, pooled with the supplier's below
    /// `fullCredibilityReceipts`.
    private static func fromOwnReceipts(_ own: WeightedLeadTimes, supplier: WeightedLeadTimes) -> LeadTimeForecast {
        var mean = own.mean
        var pooledNote = ""
        if own.count < fullCredibilityReceipts, supplier.count > 0 {
            let z = Double(own.count) / Double(fullCredibilityReceipts)
            mean = z * own.mean + (1 - z) * supplier.mean
            pooledNote = ", pooled with \(supplier.count) of the supplier's"
        }
        var sd = own.sd
        if own.count < fewObservations {
            sd = max(sd, supplier.count >= 2 ? supplier.sd : 0, sdFloorShare * mean)
        }
        let noun = own.count == 1 ? "receipt" : "receipts"
        return LeadTimeForecast(
            days: mean, sdDays: sd, source: .receipts, observations: own.count,
            explanation: "\(format(mean)) days from \(own.count) \(noun)\(pooledNote)"
                + (own.count > 1 ? " (recent ones weigh more)" : ""),
            sample: own.values, effectiveObservations: own.effectiveCount)
    }

    /// The forecast from the receipts of the supplier's other SKUs.
    private static func fromSupplierReceipts(_ supplier: WeightedLeadTimes) -> LeadTimeForecast {
        let mean = supplier.mean
        let sd = supplier.count < fewObservations
            ? max(supplier.sd, sdFloorShare * mean) : supplier.sd
        let noun = supplier.count == 1 ? "receipt" : "receipts"
        return LeadTimeForecast(
            days: mean, sdDays: sd, source: .supplier, observations: supplier.count,
            explanation: "\(format(mean)) days from \(supplier.count) \(noun) of the "
                + "supplier's other SKUs",
            sample: supplier.values, effectiveObservations: supplier.effectiveCount)
    }

    /// The forecast from the fill times of the SKU's backorders, nil without any. Fill times
    /// beyond the input bounds (a store written before them) are left out, as negative ones
    /// are, so that a simulation never walks millions of days.
    private static func fromFillTimes(_ fillDays: [Int]) -> LeadTimeForecast? {
        let fills = fillDays.filter { $0 >= 0 && Double($0) <= InputBounds.maxLeadTimeDays }.map(Double.init)
        if fills.isEmpty { return nil }
        let n = Double(fills.count)
        let mean = fills.reduce(0, +) / n
        let variance = fills.count > 1
            ? fills.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 0
        var sd = variance.squareRoot()
        if fills.count < fewObservations { sd = max(sd, sdFloorShare * mean) }
        let noun = fills.count == 1 ? "backorder" : "backorders"
        return LeadTimeForecast(
            days: mean, sdDays: sd, source: .fillTimes, observations: fills.count,
            explanation: "\(format(mean)) days from the fill times of \(fills.count) \(noun)",
            sample: fills)
    }

    /// Own receipts in the days read from which the supplier's receipts are not read: they
    /// count only for pooling (below `fullCredibilityReceipts`), the standard deviation
    /// (below `fewObservations`) or a SKU without receipts.
    static var supplierReceiptsUnused: Int { max(fewObservations, fullCredibilityReceipts) }

    /// Whether `estimate` reads `supplierOthers` for a SKU with these receipts of its own
    /// (the caller may pass none when it does not, and so need not gather them).
    public static func readsSupplierReceipts(own: [ReceiptFact], asOf: Day, receiptDays: Int) -> Bool {
        let receiptsStart = asOf - receiptDays + 1
        var count = 0
        for receipt in own where receipt.receivedDay >= receiptsStart && receipt.receivedDay <= asOf
            && receipt.leadTimeDays >= 0 {
            count += 1
            if count >= supplierReceiptsUnused { return false }
        }
        return true
    }

    /// Days with at most one decimal, without a trailing ".0": 21, 20.6.
    static func format(_ days: Double) -> String {
        let tenths = (days * 10).rounded()
        if tenths.truncatingRemainder(dividingBy: 10) == 0 { return String(Int(saturating: tenths / 10)) }
        // What "%.1f" prints for tenths / 10, without a format string: below 10^14 the double
        // nearest a whole number of tenths is within 0.01 of it, so it prints as those tenths.
        if abs(tenths) < 1e15 { return DecimalText.fixed(Int64(tenths), places: 1) }
        return String(format: "%.1f", tenths / 10)
    }
}

/// Recency-weighted mean and standard deviation of observed lead times (see
/// `LeadTimeEstimator`).
struct WeightedLeadTimes {
    /// Observed lead times, days, oldest receipt first.
    var values: [Double]
    var mean: Double = 0
    /// Reliability-weighted standard deviation; 0 with fewer than two values.
    var sd: Double = 0
    /// Kish's effective number of values, (Σw)² / Σw²: as many equally weighted values would
    /// estimate the mean as precisely (`LeadTimeForecast.effectiveObservations`).
    var effectiveCount: Double = 0
    var count: Int { values.count }

    init(_ receipts: [ReceiptFact], asOf: Day) {
        values = receipts.map { Double($0.leadTimeDays) }
        guard !receipts.isEmpty else { return }
        let weights = receipts.map {
            pow(0.5, Double(max(0, asOf - $0.receivedDay)) / LeadTimeEstimator.halfLifeDays)
        }
        let v1 = weights.reduce(0, +)
        let v2 = weights.reduce(0) { $0 + $1 * $1 }
        mean = zip(weights, values).reduce(0) { $0 + $1.0 * $1.1 } / v1
        effectiveCount = v2 > 0 ? v1 * v1 / v2 : 0
        guard receipts.count > 1 else { return }
        let squares = zip(weights, values).reduce(0) { $0 + $1.0 * ($1.1 - mean) * ($1.1 - mean) }
        let denominator = v1 - v2 / v1
        sd = denominator > 0 ? (squares / denominator).squareRoot() : 0
    }
}
