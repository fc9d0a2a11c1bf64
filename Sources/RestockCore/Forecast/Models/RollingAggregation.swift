/// The bucket series of `TemporalAggregation` at every rolling origin, kept running instead
/// of rebuilt for each origin: what makes ADIDA's and IMAPA's rolling forecasts O(n × K)
/// instead of O(n² × K) per history (K the largest aggregation level of any origin).
///
/// **Why it can run.** At origin t (weeks 0..<t seen) the buckets of level k start at week
/// t mod k: bucket j holds weeks t mod k + j·k … t mod k + j·k + k − 1, and there are ⌊t/k⌋
/// of them. Every origin with the same k and the same phase r = t mod k sees the same
/// buckets, each next such origin (t + k) one bucket more. So each (k, r) series is read
/// once, bucket after bucket, and the SES fit and the Croston-SBA recursion over its first
/// m buckets are the states after its m-th bucket.
///
/// **Why the figures do not change.** Each bucket total is added up over its weeks in the
/// same order, and each state goes through exactly the operations the per-origin code
/// (`SESModel.fittedLevel`, `CrostonModel.rolling`, `IMAPAModel.levelForecast`) performs on
/// the same values, so every forecast is the same double; `TemporalAggregationTests` checks
/// this origin by origin against `ADIDAModel.forecast(weekly:)` and `IMAPAModel.forecast(weekly:)`,
/// which compute each forecast afresh from its prefix.
struct RollingAggregation {
    private let y: UnsafeBufferPointer<Double>
    /// The α indices SES is fitted on (`SESModel.aggregateGrid`).
    private let grid = SESModel.aggregateGrid
    /// Per series (index `series(k, r)`): buckets read so far, non-empty ones, the first
    /// bucket's total and that of the first non-empty one.
    private var buckets: [Int]
    private var nonEmpty: [Int]
    private var firstTotal: [Double]
    private var firstDemandTotal: [Double]
    /// Per series and grid α (index series × grid.count + α): SES level and in-sample SSE.
    private var sesLevel: [Double]
    private var sesError: [Double]
    /// Per series, Croston's recursion on the totals (as `CrostonModel.rolling`).
    private var size: [Double]
    private var interval: [Double]
    private var total: [Double]
    private var firstDemand: [Int]
    private var lastDemand: [Int]

    /// Running series for every level up to `maxLevel` (>= 1) of the weekly history `y`.
    init(_ y: UnsafeBufferPointer<Double>, maxLevel: Int) {
        self.y = y
        let count = Self.series(maxLevel + 1, 0)
        buckets = [Int](repeating: 0, count: count)
        nonEmpty = buckets
        firstDemand = [Int](repeating: -1, count: count)
        lastDemand = firstDemand
        firstTotal = [Double](repeating: 0, count: count)
        firstDemandTotal = firstTotal
        size = firstTotal
        interval = firstTotal
        total = firstTotal
        sesLevel = [Double](repeating: 0, count: count * grid.count)
        sesError = sesLevel
    }

    /// The index of the series of level k (>= 1) and phase r (0 ..< k).
    @inline(__always) private static func series(_ k: Int, _ r: Int) -> Int { k * (k - 1) / 2 + r }

    /// The largest aggregation level of any origin 1 ... y.count (1 for an empty history).
    static func maxLevel(_ y: UnsafeBufferPointer<Double>) -> Int {
        var demandWeeks = 0, top = 1
        for t in 0..<y.count {
            if y[t] > 0 { demandWeeks += 1 }
            top = max(top, TemporalAggregation.level(weeks: t + 1, demandWeeks: demandWeeks))
        }
        return top
    }

    /// Fills `forecasts` (count y.count + 1) with `forecast(origin)` at every origin t >= 1
    /// and 0 at t = 0, handing it the origin's aggregation level (`TemporalAggregation.level`).
    static func rolling(_ y: UnsafeBufferPointer<Double>, into forecasts: UnsafeMutableBufferPointer<Double>,
                        forecast: (inout RollingAggregation, _ origin: Int, _ level: Int) -> Double) {
        forecasts[0] = 0
        guard !y.isEmpty else { return }
        var running = RollingAggregation(y, maxLevel: maxLevel(y))
        var demandWeeks = 0
        for t in 1...y.count {
            if y[t - 1] > 0 { demandWeeks += 1 }
            forecasts[t] = forecast(&running, t, TemporalAggregation.level(weeks: t, demandWeeks: demandWeeks))
        }
    }

    /// SES fitted on the level-k buckets of origin t (`SESModel.fittedLevel`), per bucket.
    mutating func sesLevel(origin t: Int, level k: Int) -> Double {
        let s = advance(origin: t, level: k)
        return fittedLevel(s)
    }

    /// IMAPA's forecast of one level at origin t (`IMAPAModel.levelForecast`), per bucket.
    mutating func imapaLevel(origin t: Int, level k: Int) -> Double {
        let s = advance(origin: t, level: k)
        let m = buckets[s]
        guard nonEmpty[s] >= 2, 100 * m >= 132 * nonEmpty[s] else { return fittedLevel(s) }
        return lastDemand[s] > firstDemand[s]
            ? (1 - CrostonModel.alpha / 2) * size[s] / interval[s]
            : total[s] / Double(m)
    }

    /// Reads the series of level k and phase t mod k up to its ⌊t/k⌋ buckets; its index.
    private mutating func advance(origin t: Int, level k: Int) -> Int {
        let r = t % k, s = Self.series(k, r)
        while buckets[s] < t / k {
            let start = r + buckets[s] * k
            var sum = 0.0
            for week in start..<(start + k) { sum += y[week] }
            absorb(sum, into: s)
        }
        return s
    }

    /// One more bucket total of series s, through SES at every grid α and Croston's recursion.
    private mutating func absorb(_ x: Double, into s: Int) {
        let j = buckets[s]
        let base = s * grid.count
        for (offset, i) in grid.enumerated() {
            if j == 0 {
                sesLevel[base + offset] = x
                sesError[base + offset] = 0
            } else {
                let e = x - sesLevel[base + offset]
                sesError[base + offset] += e * e
                sesLevel[base + offset] += SESModel.alpha(i) * e
            }
        }
        if j == 0 { firstTotal[s] = x }
        total[s] += x
        if x > 0 {
            nonEmpty[s] += 1
            let alpha = CrostonModel.alpha
            if firstDemand[s] < 0 {
                firstDemand[s] = j
                firstDemandTotal[s] = x
            } else if lastDemand[s] == firstDemand[s] {
                size[s] = (firstDemandTotal[s] + x) / 2
                interval[s] = Double(j - firstDemand[s])
            } else {
                size[s] += alpha * (x - size[s])
                interval[s] += alpha * (Double(j - lastDemand[s]) - interval[s])
            }
            lastDemand[s] = j
        }
        buckets[s] = j + 1
    }

    /// The SES level with the least SSE over the grid, ties to the smaller α, >= 0.
    private func fittedLevel(_ s: Int) -> Double {
        let base = s * grid.count
        var best = (level: firstTotal[s], sse: Double.infinity)
        for offset in 0..<grid.count where sesError[base + offset] < best.sse {
            best = (sesLevel[base + offset], sesError[base + offset])
        }
        return max(0, best.level)
    }
}
