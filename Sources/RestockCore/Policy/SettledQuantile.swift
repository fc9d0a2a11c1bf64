/// When a reorder-point simulation may stop before its full number of cycles (README, "How
/// the reorder point is reached"): the point is a whole number of units, and once a sample
/// places it far enough from both of its neighbours' edges, more cycles would only confirm it.
///
/// After each `batch` of cycles whose demands are all whole units, with s the whole-unit
/// quantile of the n drawn so far: the share of cycles at or below s must exceed the level,
/// and the share at or below s - 1 fall short of it, each by `margin` standard errors of a
/// share at the level, √(level (1 - level) / n). Each share is then more than 3 standard
/// errors from where it would have to be for the full simulation's point to differ, so
/// that happens about once in 700 looks or less. Slow movers, whose cycle demand jumps
/// from one whole unit to the next in large steps of probability, stop after 500 or 1,000
/// cycles; fast movers, whose point sits among many close units, run the full number.
enum SettledQuantile {
    /// Cycles drawn before the first look, and between looks.
    static let batch = 500
    /// Standard errors by which both shares must clear the level.
    static let margin = 3.0

    /// Whether the whole-unit point of the `drawn` values counted in `counts` is settled at
    /// `level` (0 < level < 1).
    static func isSettled(_ counts: WholeUnitCounts, drawn n: Int, level: Double) -> Bool {
        guard n > 0, level > 0, level < 1 else { return false }
        let k = min(n, max(1, Int((level * Double(n)).rounded(.up))))
        let s = counts.kthSmallest(k - 1)
        let at = Double(counts.count(atMost: s)) / Double(n)
        let below = Double(counts.count(atMost: s - 1)) / Double(n)
        let error = (level * (1 - level) / Double(n)).squareRoot()
        return at - level >= margin * error && level - below >= margin * error
    }
}
