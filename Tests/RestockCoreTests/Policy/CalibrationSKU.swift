import RestockCore

/// One SKU of a calibration world: its true demand and lead-time processes, which run on
/// past the end of the history (day `historyDays` onwards is the future the reorder point
/// is judged on).
struct CalibrationSKU {
    /// Order lines and units of day t (t = 0 is the first day of the history).
    var demand: (Int, inout CalibrationRandom) -> (lines: Int, units: Double)
    /// The lead time, whole days >= 1, of a purchase order placed on day t.
    var leadTime: (Int, inout CalibrationRandom) -> Int
    /// Days of history the SKU has at as-of (the last of them).
    var historyDays: Int
}

/// A family of SKUs with known processes that restock was not tuned on. Each world has its
/// own generator code; they share only the rough line rate and size variability that make
/// a history fall in the class asked for (`ClassProfile`).
protocol CalibrationWorld: Sendable {
    /// A short name for the report: sizes, pattern, lead times, history.
    var name: String { get }
    /// A SKU meant for `demandClass`; the harness draws again when its history falls in
    /// another class.
    func sku(_ demandClass: DemandClass, _ r: inout CalibrationRandom) -> CalibrationSKU
}

/// Order lines a day and whether line sizes vary much, for the class a SKU is meant for:
/// frequent lines (1-4 a day, or 0.3-0.7 with variable sizes) give weeks with demand every
/// week (smooth, erratic); rare lines (0.04-0.13 a day) leave most weeks empty
/// (intermittent, lumpy).
struct ClassProfile {
    var linesPerDay: Double
    var variable: Bool

    init(_ demandClass: DemandClass, _ r: inout CalibrationRandom) {
        switch demandClass {
        case .smooth: (linesPerDay, variable) = (r.uniform(1, 4), false)
        case .erratic: (linesPerDay, variable) = (r.uniform(0.3, 0.7), true)
        case .intermittent: (linesPerDay, variable) = (r.uniform(0.04, 0.13), false)
        default: (linesPerDay, variable) = (r.uniform(0.04, 0.13), true)
        }
    }
}

/// Lines a day from Poisson(rate), each of a size drawn by `size`: the day's (lines, units).
func poissonLines(rate: Double, _ r: inout CalibrationRandom,
                  size: (inout CalibrationRandom) -> Double) -> (lines: Int, units: Double) {
    let lines = r.poisson(max(0, rate))
    var units = 0.0
    for _ in 0..<lines { units += size(&r) }
    return (lines, units)
}

/// A gamma lead time with the given mean and cv, rounded to whole days, at least 1.
func gammaLeadTime(mean: Double, cv: Double, _ r: inout CalibrationRandom) -> Int {
    let shape = 1 / (cv * cv)
    return max(1, Int((r.gamma(shape: shape) * mean / shape).rounded()))
}
