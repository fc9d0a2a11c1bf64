/// The one percentile method restock uses: linear interpolation between closest ranks,
/// inclusive of the ends, as Excel's `PERCENTILE.INC` (README, "The figures": fill_days_p50/p90).
///
/// With the n values sorted ascending as x[0] ... x[n-1] and p in 0...1:
///
///     h = (n - 1) * p,   i = floor(h),   result = x[i] + (h - i) * (x[i+1] - x[i])
///
/// (the result is x[n-1] when i = n-1). This is method 7 of Hyndman & Fan, "Sample Quantiles
/// in Statistical Packages", The American Statistician 50(4), 1996 — also R's default
/// `quantile(type = 7)` and NumPy's default `percentile(method="linear")`.
public enum Percentile {
    /// The p-th percentile of `values` by PERCENTILE.INC; nil when `values` is empty.
    ///
    /// - Parameters:
    ///   - values: the sample, in any order (sorted here); must not contain NaN.
    ///   - p: the fraction 0...1 (0.5 the median, 0.9 the 90th percentile); values outside
    ///     are clamped to 0...1 (Excel would return #NUM!; restock only asks for 0.5 and 0.9).
    public static func inclusive(_ values: [Double], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let fraction = min(max(p, 0), 1)
        let h = Double(sorted.count - 1) * fraction
        let i = Int(h.rounded(.down))
        guard i + 1 < sorted.count else { return sorted[sorted.count - 1] }
        let weight = h - Double(i)
        return sorted[i] + weight * (sorted[i + 1] - sorted[i])
    }
}
