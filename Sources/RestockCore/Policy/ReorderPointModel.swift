import Foundation

/// The recommended reorder point of a continuous-review (s, nQ) policy, and the expected
/// shortage per order cycle of any reorder point, from a SKU's own history (README, "How the
/// reorder point is reached": `reorder_point`, `safety_stock`, `revenue_at_risk`).
///
/// **What a cycle needs.** Under (s, nQ) the position is ordered up by whole lots of Q as
/// soon as it falls to or below s. The order placed at the end of the triggering day finds
/// the position at `s - U`: the undershoot U >= 0 is how far the day's demand took it
/// below s. If no order crosses it, the stock just before that order arrives is
/// `s - U - D_L`, D_L the demand of the L days after the triggering day (the order is
/// received at the end of day L). A cycle (receipt to receipt) passes with no unit
/// backordered iff `U + D_L <= s`, but for one case counted failed here, on the safe side:
/// where orders overlap, a cycle can end short with no demand in it, its shortage left
/// owed by the cycle before (Sources/CALIBRATION.md, "Why tonight's cycle ran lower"). So
/// the reorder point is the smallest whole s with
/// `P(U + D_L <= s) >= service level`: the service-level quantile of the *cycle demand*
/// `T = U + D_L`. The lead-time-demand quantile alone ignores U and falls short.
///
/// **How T is drawn** (a bootstrap of the SKU's history; no distribution is assumed):
/// - *Undershoot* by renewal theory. In steady state the position before a day is uniform
///   on (s, s + Q] (Hadley and Whitin 1963), so a day with demand d triggers an order
///   with probability min(d, Q)/Q, and then `U = d - X`, X uniform on {1, ..., min(d, Q)}
///   (continuous on (0, min(d, Q)] when quantities are fractional). So the triggering day
///   is drawn from the history's demand days with weight min(d, Q), and X uniformly. Lines
///   larger than Q are handled: such a day always triggers, and several lots are ordered.
/// - *Lead time* L: drawn from `LeadTimeDistribution` (the forecast's observed values,
///   re-centred on its mean and sd and kernel-smoothed, or a lognormal when they are few),
///   so lead-time variability counts, and then rounded to whole days at random, keeping
///   its mean.
/// - *Lead-time demand*: the history's demand over `L x f/h` days, f the forecast and h the
///   history's mean per day: the forecast sets the pace and the history the shape (line
///   sizes, and so the undershoot, stay as observed). Those days are drawn as blocks of 7
///   consecutive days from random starts in the history (the moving-block bootstrap,
///   Künsch 1989), which keeps weekday patterns and short bursts together.
/// - *Estimation error*: one year of history and a handful of receipts estimate the
///   process with an error that a plug-in quantile ignores (it then falls short on
///   average). Each cycle's pace is multiplied by a lognormal factor with mean 1 and the
///   relative standard error of the history's mean (weekly totals; at least 1/√lines), and
///   the lead times are widened to the Student-t predictive spread (see
///   `LeadTimeDistribution`), so the point is the quantile of the predictive distribution.
/// - `cycles(for:)` cycles, at least 2,000 and enough for 50 draws beyond the quantile; the
///   generator is SplitMix64 seeded from a hash of every input, so the same inputs give the
///   same point. Work per SKU is bounded (blocks grow beyond 7 days when a lead time spans
///   more than 32 blocks).
///
/// Edge cases: a forecast of 0 gives s = 0 (no demand is expected). A positive forecast
/// without any demand in the history (nothing to resample) assumes single-unit lines
/// arriving at random: T is Poisson with mean f·L, mixed over the lead-time distribution,
/// and U = 0. A non-positive or non-finite Q counts as one unit.
public struct ReorderPointModel: Sendable {
    /// The recommendation at the model's service level.
    public let result: ReorderPointResult
    /// Cycles simulated (0 when the model is not simulated).
    public let cycles: Int
    private let kind: Kind

    private enum Kind: Sendable {
        case noDemand
        /// Single-unit Poisson demand at `rate` units/day over the lead times.
        case unitPoisson(rate: Double, leadTimes: [Double])
        /// Simulated cycle demands U + D_L, units.
        case simulated([Double], WholeUnitCounts?)
    }

    /// Most days of demand one simulated lead time walks: ten times the longest lead time
    /// (README, "Limits"). Only a pace far beyond any history (a store holding values from
    /// before the input bounds) reaches it; it keeps every cycle finite in time.
    static let maxSimulatedDays = 10 * InputBounds.maxLeadTimeDays

    /// Cycles simulated for a service level: max(2,000, 50 / (1 - level)), at most 50,000.
    public static func cycles(for serviceLevel: Double) -> Int {
        let tail = max(1 - serviceLevel, 0.001)
        return min(50_000, max(2_000, Int((50 / tail).rounded(.up))))
    }

    /// Builds the model of one SKU.
    ///
    /// - Parameters:
    ///   - history: the SKU's days with demand (`OrderDay`); days outside
    ///     historyStart...asOf are ignored.
    ///   - historyStart: the first day of the SKU's history (README, "The figures").
    ///   - asOf: the last day of history.
    ///   - forecastDaily: `forecast_daily`, units/day (>= 0).
    ///   - leadTime: the lead-time forecast.
    ///   - orderQuantity: Q, units (> 0).
    ///   - serviceLevel: the target cycle service level, 0.5...0.999.
    public init(history: [OrderDay], historyStart: Day, asOf: Day, forecastDaily: Double,
                leadTime: LeadTimeForecast, orderQuantity: Double, serviceLevel: Double) {
        let alpha = min(max(serviceLevel.isFinite ? serviceLevel : 0.95, 0), 0.9999)
        let f = forecastDaily.isFinite ? max(0, forecastDaily) : 0
        let leadDays = leadTime.days.isFinite ? max(0, leadTime.days) : 0
        let q = orderQuantity.isFinite && orderQuantity > 0 ? orderQuantity : 1
        let expected = f * leadDays

        func make(_ s: Int, undershoot: Double, basis: ReorderPointResult.Basis) -> ReorderPointResult {
            ReorderPointResult(reorderPoint: s, safetyStock: Double(s) - expected, expectedLeadTimeDemand: expected,
                               meanUndershoot: undershoot, forecastDaily: f, leadTimeDays: leadDays, basis: basis)
        }

        let n = asOf - historyStart + 1
        let (daily, lineCount) = Self.dailyDemand(history, from: historyStart, to: asOf)
        let total = daily.reduce(0, +)

        if f <= 0 {
            kind = .noDemand
            cycles = 0
            result = make(0, undershoot: 0, basis: .noDemand)
            return
        }
        let leadTimes = LeadTimeDistribution(leadTime).values
        if n <= 0 || total <= 0 {
            let s = Self.poissonQuantile(rate: f, leadTimes: leadTimes, level: alpha)
            kind = .unitPoisson(rate: f, leadTimes: leadTimes)
            cycles = 0
            result = make(s, undershoot: 0, basis: .unitPoisson)
            return
        }

        var hash = PolicyInputHash()
        for (i, units) in daily.enumerated() where units > 0 {
            hash.combine(i)
            hash.combine(units)
        }
        for value in [f, leadDays, leadTime.sdDays, q, alpha] { hash.combine(value) }
        for value in leadTime.sample { hash.combine(value) }
        var random = PolicyRandom(seed: hash.value)

        let count = Self.cycles(for: alpha)
        let sample = Self.simulate(daily: daily, total: total, lines: lineCount, forecastDaily: f,
                                   leadTimes: leadTimes, orderQuantity: q, cycles: count,
                                   random: &random)
        let (s, covered, counts) = Self.wholeUnitQuantile(sample, level: alpha, cycles: count)
        kind = .simulated(sample.values, counts)
        cycles = count
        result = make(s, undershoot: sample.meanUndershoot, basis: .simulated(covered: covered, cycles: count))
    }

    /// The history's demand per day from `first` to `last` (units; days outside, and
    /// non-finite or non-positive totals, left out) and its number of order lines.
    static func dailyDemand(_ history: [OrderDay], from first: Day, to last: Day) -> (daily: [Double], lines: Int) {
        var daily = [Double](repeating: 0, count: max(last - first + 1, 0))
        var lineCount = 0
        for day in history where day.day >= first && day.day <= last
            && day.units.isFinite && day.units > 0 {
            daily[day.day - first] += day.units
            lineCount += max(1, day.lines)
        }
        return (daily, lineCount)
    }

    /// The reorder point of a simulated sample: the smallest whole number of units at or above
    /// the `level` quantile of the cycles' demands, the cycles it covers, and the whole-unit
    /// counts when every demand is a whole number (the usual case: counted once, the quantile
    /// and the cycles covered are then read from the counts).
    static func wholeUnitQuantile(_ sample: (values: [Double], meanUndershoot: Double, least: Double, largest: Double), level: Double, cycles count: Int) -> (Int, Int, WholeUnitCounts?) {
        let k = min(count, max(1, Int((level * Double(count)).rounded(.up))))
        return sample.values.withUnsafeBufferPointer { values -> (Int, Int, WholeUnitCounts?) in
            let counts = WholeUnitCounts(values, least: sample.least, largest: sample.largest)
            let kth = counts?.kthSmallest(k - 1)
                ?? Self.kthSmallest(values, k - 1, least: sample.least, largest: sample.largest)
            let s = max(0, Int(saturating: (kth - 1e-9).rounded(.up)))
            let limit = Double(s) + 1e-9
            if let counts { return (s, counts.count(atMost: limit), counts) }
            var covered = 0
            for value in values { covered += value <= limit ? 1 : 0 }
            return (s, covered, counts)
        }
    }

    /// The expected units by which the demand of a cycle exceeds `reorderPoint`: E[(U + D_L
    /// - r)⁺], units >= 0, under the same demand and lead-time model (README,
    /// "revenue_at_risk and backorder_eta"; the caller passes the reorder point in force, or 0
    /// where none is).
    public func expectedShortagePerCycle(reorderPoint: Double) -> Double {
        switch kind {
        case .noDemand:
            return 0
        case .unitPoisson(let rate, let leadTimes):
            return leadTimes.reduce(0) {
                $0 + Self.poissonExcess(mean: rate * $1, over: reorderPoint)
            } / Double(leadTimes.count)
        case .simulated(let values, let counts):
            if let sum = counts?.excessSum(over: reorderPoint) { return sum / Double(values.count) }
            return values.withUnsafeBufferPointer { values in
                var sum = 0.0
                for value in values {
                    // max(0, excess) without a branch (+0 where max gives -0: the same sum).
                    let excess = value - reorderPoint
                    sum += excess > 0 ? excess : 0
                }
                return sum / Double(values.count)
            }
        }
    }

    /// The recommended reorder point of one SKU (see the type's documentation).
    public static func reorderPoint(history: [OrderDay], historyStart: Day, asOf: Day,
                                    forecastDaily: Double, leadTime: LeadTimeForecast,
                                    orderQuantity: Double,
                                    serviceLevel: Double) -> ReorderPointResult {
        ReorderPointModel(history: history, historyStart: historyStart, asOf: asOf,
                          forecastDaily: forecastDaily, leadTime: leadTime,
                          orderQuantity: orderQuantity, serviceLevel: serviceLevel).result
    }

    /// E[(U + D_L - r)⁺] of one SKU for a given reorder point r, units (see
    /// `expectedShortagePerCycle(reorderPoint:)`); simulated with 2,000 cycles.
    public static func expectedShortagePerCycle(reorderPoint: Double, history: [OrderDay],
                                                historyStart: Day, asOf: Day,
                                                forecastDaily: Double,
                                                leadTime: LeadTimeForecast,
                                                orderQuantity: Double) -> Double {
        ReorderPointModel(history: history, historyStart: historyStart, asOf: asOf,
                          forecastDaily: forecastDaily, leadTime: leadTime,
                          orderQuantity: orderQuantity, serviceLevel: 0.95)
            .expectedShortagePerCycle(reorderPoint: reorderPoint)
    }
}

extension ReorderPointModel {
    /// Draws `cycles` cycle demands T = U + D_L (see the type's documentation).
    ///
    /// Each cycle takes its draws in this order: the triggering day (one draw, see
    /// `WeightedPicker`), one draw whose high half gives X and low half rounds the lead
    /// time, one whose halves pick the pace and the lead time, then one draw per two blocks
    /// of lead-time demand (low half, then high half). The cost is a few draws per cycle and
    /// one per two blocks: the first three are read by position (`PolicyRandom.peek`), the
    /// blocks go two at a time. Also returns the least and largest demand.
    static func simulate(daily: [Double], total: Double, lines: Int, forecastDaily: Double,
                         leadTimes: [Double], orderQuantity q: Double, cycles: Int,
                         random: inout PolicyRandom)
        -> (values: [Double], meanUndershoot: Double, least: Double, largest: Double) {
        let n = daily.count
        let pace = forecastDaily / (total / Double(n))
        // Uncertainty of the demand level: each cycle runs at a pace drawn from a lognormal
        // with mean 1 and the relative standard error of the history's mean (16 equally
        // likely nodes), so that the point allows for the level being estimated.
        let relativeError = levelRelativeError(daily: daily, lines: lines)
        let sigma = log(1 + relativeError * relativeError).squareRoot()
        let paceNodes = LeadTimeDistribution.normalNodes.map {
            pace * exp(-sigma * sigma / 2 + sigma * $0)
        }
        var demandDays: [Double] = []
        demandDays.reserveCapacity(n)
        var integral = q == q.rounded()
        for units in daily where units > 0 {
            demandDays.append(units)
            if units != units.rounded() { integral = false }
        }
        let trigger = WeightedPicker(weights: demandDays.map { min($0, q) })
        // The day a column of the picker stands for, and the day of its alias.
        let aliasDays = trigger.alias.map { demandDays[$0] }
        // Prefix sums over the history twice, so a block may wrap around its end.
        var prefix = [Double](repeating: 0, count: 2 * n + 1)
        prefix.withUnsafeMutableBufferPointer { prefix in
            var sum = 0.0
            for i in 0..<n {
                sum += daily[i]
                prefix[i + 1] = sum
            }
            for i in 0..<n {
                sum += daily[i]
                prefix[n + i + 1] = sum
            }
        }
        let baseBlock = min(7, n)
        // floor(u x m) for 0 <= u x m < 2^52 is its truncation (m <= q).
        let truncates = q < 0x1p52

        var undershootSum = 0.0
        let columns = UInt64(demandDays.count)
        let paceCount = UInt64(paceNodes.count), leadCount = UInt64(leadTimes.count)
        let starts = UInt64(n)
        // One 64-bit draw serves two 32-bit choices (uniform32 / index32 below).
        @inline(__always) func uniform32(_ bits: UInt64) -> Double { Double(bits & 0xFFFF_FFFF) * 0x1.0p-32 }
        @inline(__always) func index32(_ bits: UInt64, _ count: UInt64) -> Int {
            Int(truncatingIfNeeded: ((bits & 0xFFFF_FFFF) &* count) >> 32)
        }
        var r = random
        var least = Double.infinity, largest = -Double.infinity
        let values = [Double](unsafeUninitializedCapacity: cycles) { values, initialized in
        demandDays.withUnsafeBufferPointer { demandDays in
        aliasDays.withUnsafeBufferPointer { aliasDays in
        trigger.keep.withUnsafeBufferPointer { keep in
        paceNodes.withUnsafeBufferPointer { paceNodes in
        leadTimes.withUnsafeBufferPointer { leadTimes in
        prefix.withUnsafeBufferPointer { prefix in
            for c in 0..<cycles {
                // The triggering day, weighted by min(d, Q) (`WeightedPicker.pick`), and the
                // undershoot U = d - X.
                let t = r.peek(1)
                let column = Int(truncatingIfNeeded: ((t >> 32) &* columns) >> 32)
                let d = uniform32(t) < keep[column] ? demandDays[column] : aliasDays[column]
                let m = min(d, q)
                let draw = r.peek(2)
                let u = uniform32(draw >> 32)
                let x: Double
                if integral {
                    let um = u * m
                    x = 1 + (truncates ? Double(Int64(um)) : um.rounded(.down))
                } else {
                    x = (1 - u) * m
                }
                let excess = d - x
                let undershoot = excess > 0 ? excess : 0
                undershootSum += undershoot
                // The lead time, in days of history at the forecast's pace, rounded at random.
                let pick = r.peek(3)
                r.skip(3)
                let span = paceNodes[index32(pick >> 32, paceCount)]
                    * leadTimes[index32(pick, leadCount)]
                var days = Int(saturating: Swift.min(span, Self.maxSimulatedDays))
                days += uniform32(draw) < span - Double(days) ? 1 : 0
                let block = max(baseBlock, min(n, (days + 31) / 32))
                // Blocks two at a time; a second block of no days adds +0 (prefix[b] - prefix[b]).
                var demand = 0.0
                while days > 0 {
                    let bits = r.next()
                    let first = min(block, days)
                    let a = index32(bits, starts)
                    demand += prefix[a + first] - prefix[a]
                    days -= first
                    let second = min(block, days)
                    let b = index32(bits >> 32, starts)
                    demand += prefix[b + second] - prefix[b]
                    days -= second
                }
                let value = undershoot + demand
                values.initializeElement(at: c, to: value)
                // One minsd / maxsd each (a NaN is skipped, as Swift.min / max would skip it).
                least = value < least ? value : least
                largest = value > largest ? value : largest
            }
        }
        }
        }
        }
        }
        }
            initialized = cycles
        }
        random = r
        return (values, undershootSum / Double(cycles), least, largest)
    }

    /// Relative standard error of the history's mean demand per day: the coefficient of
    /// variation of its whole 7-day totals over √(weeks) (of its days when it has fewer
    /// than two weeks), and at least 1/√(order lines), the Poisson error of the line rate.
    static func levelRelativeError(daily: [Double], lines: Int) -> Double {
        let width = daily.count >= 14 ? 7 : 1
        let blocks = stride(from: 0, to: daily.count - width + 1, by: width).map {
            daily[$0..<($0 + width)].reduce(0, +)
        }
        let k = Double(blocks.count)
        let mean = blocks.reduce(0, +) / k
        let variance = blocks.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(k - 1, 1)
        let observed = mean > 0 && k > 1 ? variance.squareRoot() / (mean * k.squareRoot()) : 0
        return max(observed, 1 / Double(max(lines, 1)).squareRoot())
    }

    /// The k-th smallest (0-based) of `values` (0 <= k < count), leaving them as they are.
    ///
    /// A bucket select: the values are counted in 512 equal-width buckets between `least`
    /// and `largest` (their minimum and maximum; a value's bucket never decreases as the value grows), the bucket holding
    /// rank k is found from the counts, and only its values are copied and searched
    /// (`select`). Two passes without data-dependent branches instead of a quickselect
    /// over all of them; values that are not finite fall back to the quickselect.
    static func kthSmallest(_ values: UnsafeBufferPointer<Double>, _ k: Int,
                            least: Double, largest: Double) -> Double {
        let width = largest - least
        let buckets = 512
        guard width > 0, width.isFinite, least.isFinite else {
            if least == largest && least.isFinite { return least }
            var copy = Array(values)
            return select(&copy, k)
        }
        let scale = Double(buckets) / width
        @inline(__always) func bucket(_ value: Double) -> Int {
            Swift.min(buckets - 1, Swift.max(0, Int(saturating: (value - least) * scale)))
        }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: buckets) { counts in
            counts.initialize(repeating: 0)
            for value in values { counts[bucket(value)] += 1 }
            var target = 0, below = 0
            while below + counts[target] <= k {
                below += counts[target]
                target += 1
            }
            var inBucket = [Double](repeating: 0, count: counts[target])
            inBucket.withUnsafeMutableBufferPointer { inBucket in
                var count = 0
                for value in values where bucket(value) == target {
                    inBucket[count] = value
                    count += 1
                }
            }
            return select(&inBucket, k - below)
        }
    }

    /// The k-th smallest (0-based) of `values`, reordering them (Hoare's quickselect with a
    /// median-of-three pivot).
    static func select(_ values: inout [Double], _ k: Int) -> Double {
        values.withUnsafeMutableBufferPointer { values in
            var lo = 0, hi = values.count - 1
            while lo < hi {
                let mid = lo + (hi - lo) / 2
                let pivot = Swift.max(Swift.min(values[lo], values[mid]),
                                      Swift.min(Swift.max(values[lo], values[mid]), values[hi]))
                var i = lo, j = hi
                while i <= j {
                    while values[i] < pivot { i += 1 }
                    while values[j] > pivot { j -= 1 }
                    if i <= j {
                        values.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if k <= j { hi = j } else if k >= i { lo = i } else { return values[k] }
            }
            return values[k]
        }
    }

    /// Smallest whole s with the mean over `leadTimes` of P(Poisson(rate x L) <= s) >= level.
    static func poissonQuantile(rate: Double, leadTimes: [Double], level: Double) -> Int {
        var s = 0
        while true {
            let cdf = leadTimes.reduce(0) { $0 + poissonCDF(mean: rate * $1, upTo: s) }
                / Double(leadTimes.count)
            if cdf >= level || s > 100_000 { return s }
            s += 1
        }
    }

    /// P(N <= k) for N ~ Poisson(mean), summed in log space (no underflow for large means).
    static func poissonCDF(mean: Double, upTo k: Int) -> Double {
        guard mean > 0 else { return 1 }
        var sum = 0.0
        for i in 0...k { sum += exp(-mean + Double(i) * log(mean) - lgamma(Double(i) + 1)) }
        return min(1, sum)
    }

    /// E[(N - r)⁺] for N ~ Poisson(mean): mean - r + Σ_{k < r} (r - k) P(N = k).
    static func poissonExcess(mean: Double, over r: Double) -> Double {
        guard mean > 0 else { return max(0, -r) }
        var excess = mean - r
        var k = 0
        while Double(k) < r {
            excess += (r - Double(k)) * exp(-mean + Double(k) * log(mean) - lgamma(Double(k) + 1))
            k += 1
        }
        return max(0, excess)
    }

    /// Units with at most one decimal: 42, 3.5.
    static func format(_ x: Double) -> String { LeadTimeEstimator.format(x) }

    /// A share as a whole percentage, or with one decimal above 99%: "95%", "99.2%".
    static func percent(_ share: Double) -> String {
        let p = share * 100
        if p > 99 && p < 100 { return DecimalText.fixed(Int64((p * 10).rounded(.down)), places: 1) + "%" }
        return "\(Int(p.rounded(.down)))%"
    }
}
