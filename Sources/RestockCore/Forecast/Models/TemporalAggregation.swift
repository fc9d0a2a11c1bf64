/// Non-overlapping temporal aggregation, shared by `ADIDAModel` and `IMAPAModel`.
///
/// A weekly history y(0 … t−1) is cut into buckets of k consecutive weeks counted back
/// from its last week, so the newest bucket always ends with the newest week; the
/// t mod k oldest weeks that do not fill a bucket are left out (Nikolopoulos et al. 2011,
/// as statsforecast does). Bucket j (oldest first) holds weeks
/// t mod k + j·k … t mod k + j·k + k − 1.
enum TemporalAggregation {
    /// The aggregation level the models use for a history: its average demand interval
    /// (weeks / weeks with demand, the ADI of `DemandClassifier`) rounded to the nearest
    /// whole week (halves up), at least 1 and at most the history's length; 1 for a
    /// history without demand.
    ///
    /// Example: 10 weeks with demand in 3 of them: ADI 3.33 -> k = 3.
    static func level(_ y: UnsafeBufferPointer<Double>) -> Int {
        var demandWeeks = 0
        for x in y where x > 0 { demandWeeks += 1 }
        return level(weeks: y.count, demandWeeks: demandWeeks)
    }

    /// The level of a history of `weeks` weeks of which `demandWeeks` had demand (see above).
    static func level(weeks: Int, demandWeeks: Int) -> Int {
        guard demandWeeks > 0 else { return 1 }
        let adi = Double(weeks) / Double(demandWeeks)
        return min(weeks, max(1, Int(adi.rounded(.toNearestOrAwayFromZero))))
    }

    /// Writes the bucket totals of `y` at level k into `buckets` (oldest first) and returns
    /// how many there are: ⌊y.count / k⌋.
    static func buckets(_ y: UnsafeBufferPointer<Double>, level k: Int,
                        into buckets: UnsafeMutableBufferPointer<Double>) -> Int {
        let count = y.count / k
        let skip = y.count - count * k
        for j in 0..<count {
            var total = 0.0
            for t in (skip + j * k)..<(skip + j * k + k) { total += y[t] }
            buckets[j] = total
        }
        return count
    }
}
