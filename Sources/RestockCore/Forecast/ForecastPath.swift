/// The chosen forecast of the coming weeks: a level and a trend that fades by `damping` a
/// week (README, "How the forecast is chosen"). Every method but `damped_trend` forecasts
/// flat (trend 0): the same rate every week.
///
/// Week h ahead (h = 1, 2, …) is forecast as level + (φ + φ² + … + φʰ)·trend, at least 0,
/// units per week.
public struct ForecastPath: Sendable, Hashable {
    /// Units per week: the level after the last week of history.
    public var level: Double
    /// Units per week gained (negative: lost) per week, before damping.
    public var trend: Double
    /// φ, 0 ... 1: the share of the trend carried into each following week.
    public var damping: Double

    public init(level: Double, trend: Double = 0, damping: Double = 0) {
        self.level = level
        self.trend = trend
        self.damping = damping
    }

    /// The forecast of week `h` ahead (h >= 1), units per week, >= 0.
    public func weekly(ahead h: Int) -> Double {
        var factor = 0.0, power = 1.0
        for _ in 0..<max(1, h) {
            power *= damping
            factor += power
        }
        return max(0, level + factor * trend)
    }

    /// The mean forecast rate, units per day, over the next `days` days (the lead time):
    /// each day counts at its week's forecast / 7. Fewer than one day counts as the first
    /// week; a flat path gives its level / 7 whatever `days`.
    ///
    /// Example: level 70, trend 7, φ 0.5: weeks ahead 73.5 and 75.25 a week; over 10 days,
    /// (7 × 73.5 + 3 × 75.25) / 10 / 7 = 10.5750 a day.
    public func dailyRate(overDays days: Double) -> Double {
        guard trend != 0, days.isFinite, days > 7 else { return weekly(ahead: 1) / 7 }
        let span = min(days, 7 * 520)
        var sum = 0.0, covered = 0.0, factor = 0.0, power = 1.0
        while covered < span {
            let part = min(7, span - covered)
            power *= damping
            factor += power
            sum += part * max(0, level + factor * trend)
            covered += part
        }
        return sum / span / 7
    }
}
