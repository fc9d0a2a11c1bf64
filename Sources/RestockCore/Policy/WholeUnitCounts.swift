/// How many values of a sample equal each whole number 0...largest: a reorder-point
/// simulation's cycle demands when every one is a whole number of units (whole-unit order
/// lines and lots, the usual case) and they are not too large.
///
/// The quantile, the count covered by a point and the excess over a point are then read
/// from the counts, with exactly the results of a pass over the values: the counts hold the
/// very values, and the excess is a sum of whole numbers that stays below 2^53, so adding
/// them in any order gives the same double.
struct WholeUnitCounts: Sendable {
    /// Largest value counted (beyond it the values are searched and summed as they are).
    static let maxValue = 4_095

    /// counts[v]: values equal to v.
    private(set) var counts: [Int]

    /// The counts of `values`, nil when one is not a whole number in 0...maxValue.
    /// `least` and `largest` are their minimum and maximum.
    init?(_ values: UnsafeBufferPointer<Double>, least: Double, largest: Double) {
        guard least >= 0, largest <= Double(Self.maxValue) else { return nil }
        let top = Int(largest)
        let topValue = Double(top)
        var whole = true
        var counts = [Int](repeating: 0, count: top + 1)
        counts.withUnsafeMutableBufferPointer { counts in
            for value in values {
                // A value outside 0...largest (or NaN) is counted as 0 and fails `whole`.
                let unit = Int(value >= 0 && value <= topValue ? value : 0)
                whole = whole && Double(unit) == value
                counts[unit] &+= 1
            }
        }
        guard whole else { return nil }
        self.counts = counts
    }

    /// The k-th smallest value (0-based, k < the number of values).
    func kthSmallest(_ k: Int) -> Double {
        var below = 0
        for (value, count) in counts.enumerated() {
            below += count
            if below > k { return Double(value) }
        }
        preconditionFailure("k \(k) is not below the \(below) values counted")
    }

    /// Values <= limit.
    func count(atMost limit: Double) -> Int {
        var total = 0
        for (value, count) in counts.enumerated() where Double(value) <= limit { total += count }
        return total
    }

    /// Σ max(0, v - r) over the values, as a left-to-right double sum of them gives it; nil
    /// when that is not certain to be exact (r not a whole number, or a sum of 2^53 or more).
    func excessSum(over r: Double) -> Double? {
        guard r == r.rounded(), abs(r) < 0x1p52 else { return nil }
        var total = 0
        for (value, count) in counts.enumerated() where Double(value) > r {
            let (term, o1) = count.multipliedReportingOverflow(by: value - Int(r))
            let (sum, o2) = total.addingReportingOverflow(term)
            guard !o1, !o2 else { return nil }
            total = sum
        }
        guard total < 1 << 53 else { return nil }
        return Double(total)
    }
}
