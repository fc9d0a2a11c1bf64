/// The days a replay decides on and the days it plays (README, "Replay").
///
/// Decisions are made on `from`, `from + every`, ... up to `to`; each is in force until the
/// next one. Demand is played from `from` to `to`, both included.
public struct ReplayPlan: Sendable, Hashable {
    public var from: Day
    public var to: Day
    public var every: Int

    /// Default period: the 52 weeks (364 days) ending on as-of, decisions every 28 days.
    public static let defaultDays = 364
    public static let defaultEvery = 28

    public init(from: Day, to: Day, every: Int) {
        self.from = from
        self.to = to
        self.every = every
    }

    /// The plan for as-of with the defaults for what is not given.
    public init(asOf: Day, from: Day?, to: Day?, every: Int?) {
        let end = to ?? asOf
        self.init(from: from ?? end - ReplayPlan.defaultDays + 1, to: end, every: every ?? ReplayPlan.defaultEvery)
    }

    /// The decision days, first to last.
    public var decisionDays: [Day] {
        guard from <= to, every > 0 else { return [] }
        return Array(stride(from: from, through: to, by: every))
    }

    /// Days played.
    public var days: Int { max(0, to - from + 1) }
}

/// The plain mean and population standard deviation of a SKU's daily demand over a window,
/// days without demand counted as 0: the d and σd of the textbook normal formula.
public struct DailyDemandMoments: Sendable, Hashable {
    public var mean: Double
    public var sd: Double

    public init(orderDays: [OrderDay], first: Day, last: Day) {
        let n = Double(max(1, last - first + 1))
        var sum = 0.0, squares = 0.0
        for d in orderDays where d.day >= first && d.day <= last {
            sum += d.units
            squares += d.units * d.units
        }
        mean = sum / n
        sd = max(0, squares / n - mean * mean).squareRoot()
    }
}
