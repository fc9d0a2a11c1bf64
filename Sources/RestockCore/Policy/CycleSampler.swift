import Foundation

/// Draws a SKU's cycle demands T = U + D_L for `ReorderPointModel` (see its documentation for
/// what a cycle is and how each part is drawn), a batch at a time: the model draws until the
/// point is settled (`SettledQuantile`) or the full number of cycles is reached. Drawing n
/// cycles in batches gives exactly the values, running undershoot sum, least and largest of
/// drawing them at once: each cycle takes the same draws from the same random stream.
///
/// Each cycle takes its draws in this order: the triggering day (one draw, see
/// `WeightedPicker`), one draw whose high half gives X and low half rounds the lead time, one
/// whose halves pick the pace and the lead time, then one draw per two blocks of lead-time
/// demand (low half, then high half). The cost is a few draws per cycle and one per two
/// blocks: the first three are read by position (`PolicyRandom.peek`), the blocks go two at a
/// time.
struct CycleSampler {
    /// The cycle demands drawn so far, in order.
    private(set) var values: [Double] = []
    /// Σ U over the cycles drawn so far, added in their order.
    private(set) var undershootSum = 0.0
    /// Least and largest value drawn so far (+inf and -inf before the first).
    private(set) var least = Double.infinity
    private(set) var largest = -Double.infinity

    private let n: Int
    private let q: Double
    private let integral: Bool
    private let demandDays: [Double]
    private let aliasDays: [Double]
    private let keep: [Double]
    private let paceNodes: [Double]
    private let leadTimes: [Double]
    /// Prefix sums over the history twice, so a block may wrap around its end.
    private let prefix: [Double]
    private let baseBlock: Int

    /// - Parameters: as `ReorderPointModel.init` derives them: the history's daily demand
    ///   (`total` > 0), its order lines, the forecast (units/day), the lead-time values and Q.
    ///   `capacity`: the most cycles that will be drawn.
    init(daily: [Double], total: Double, lines: Int, forecastDaily: Double, leadTimes: [Double],
         orderQuantity q: Double, capacity: Int) {
        let n = daily.count
        let pace = forecastDaily / (total / Double(n))
        // Uncertainty of the demand level: each cycle runs at a pace drawn from a lognormal
        // with mean 1 and the relative standard error of the history's mean (16 equally
        // likely nodes), so that the point allows for the level being estimated.
        let relativeError = ReorderPointModel.levelRelativeError(daily: daily, lines: lines)
        let sigma = log(1 + relativeError * relativeError).squareRoot()
        paceNodes = LeadTimeDistribution.normalNodes.map { pace * exp(-sigma * sigma / 2 + sigma * $0) }
        var demandDays: [Double] = []
        demandDays.reserveCapacity(n)
        var integral = q == q.rounded()
        for units in daily where units > 0 {
            demandDays.append(units)
            if units != units.rounded() { integral = false }
        }
        let trigger = WeightedPicker(weights: demandDays.map { min($0, q) })
        // The day a column of the picker stands for, and the day of its alias.
        aliasDays = trigger.alias.map { demandDays[$0] }
        keep = trigger.keep
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
        self.prefix = prefix
        (self.n, self.q, self.integral, self.demandDays, self.leadTimes) = (n, q, integral, demandDays, leadTimes)
        baseBlock = min(7, n)
        values.reserveCapacity(capacity)
    }

    /// Draws `cycles` more cycles.
    mutating func draw(_ cycles: Int, random: inout PolicyRandom) {
        let n = n, q = q, integral = integral, baseBlock = baseBlock
        // floor(u x m) for 0 <= u x m < 2^52 is its truncation (m <= q).
        let truncates = q < 0x1p52
        let columns = UInt64(demandDays.count)
        let paceCount = UInt64(paceNodes.count), leadCount = UInt64(leadTimes.count)
        let starts = UInt64(n)
        // One 64-bit draw serves two 32-bit choices (uniform32 / index32 below).
        @inline(__always) func uniform32(_ bits: UInt64) -> Double { Double(bits & 0xFFFF_FFFF) * 0x1.0p-32 }
        @inline(__always) func index32(_ bits: UInt64, _ count: UInt64) -> Int {
            Int(truncatingIfNeeded: ((bits & 0xFFFF_FFFF) &* count) >> 32)
        }
        var r = random
        var least = least, largest = largest, undershootSum = undershootSum
        let drawn = [Double](unsafeUninitializedCapacity: cycles) { values, initialized in
        demandDays.withUnsafeBufferPointer { demandDays in
        aliasDays.withUnsafeBufferPointer { aliasDays in
        keep.withUnsafeBufferPointer { keep in
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
                var days = Int(saturating: Swift.min(span, ReorderPointModel.maxSimulatedDays))
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
        (self.least, self.largest, self.undershootSum) = (least, largest, undershootSum)
        values.append(contentsOf: drawn)
    }
}
