/// Croston's method for intermittent demand: smooth the demand sizes and the intervals
/// between demands separately, forecast their ratio.
///
/// Reference: J. D. Croston (1972), "Forecasting and stock control for intermittent
/// demands", *Operational Research Quarterly* 23(3):289-303.
///
/// Only in a week with demand y(t) > 0, with q the weeks since the previous demand week:
///   z ← z + α·(y(t) − z)      (demand size)
///   p ← p + α·(q − p)         (inter-demand interval, weeks)
/// and the forecast of every coming week is ŷ = z / p units per week.
///
/// - α = 0.1, fixed: inside the 0.05…0.2 range Syntetos & Boylan (2005) study for
///   intermittent demand; a history of a year holds few demand weeks, and fitting α on
///   them is noisier than it helps.
/// - Initialisation at the second demand week j (the first being i): z = (y(i) + y(j)) / 2,
///   p = j − i. Not at the first: a restock history starts with the week of the SKU's
///   first order (README, "The figures"), so the weeks before it say nothing about the interval,
///   and p = i + 1 = 1 would forecast one demand a week until α wears it off.
/// - Until the second demand week: the average week so far (`mean`; 0 for an empty or
///   all-zero history, `zero`).
public enum CrostonModel: ForecastModel {
    static let method = ForecastMethod.croston
    /// The smoothing constant for sizes and intervals.
    static let alpha = 0.1

    /// Croston's forecast after the last week, units per week; 0 before any demand.
    public static func forecast(weekly: [Double]) -> Double {
        RollingForecast.final(of: method, weekly: weekly)
    }

    static func rollingForecasts(_ y: UnsafeBufferPointer<Double>, into forecasts: UnsafeMutableBufferPointer<Double>) {
        rolling(y, into: forecasts, alpha: alpha, factor: 1)
    }

    /// Croston's recursion with the forecast multiplied by `factor` (1 for Croston,
    /// 1 − α/2 for SBA).
    static func rolling(_ y: UnsafeBufferPointer<Double>, into forecasts: UnsafeMutableBufferPointer<Double>,
                        alpha: Double, factor: Double) {
        var size = 0.0, interval = 0.0
        var first = -1, last = -1  // first and last demand weeks so far; -1 before any
        var total = 0.0            // units so far, for the `mean` fallback before the 2nd demand
        forecasts[0] = 0
        for t in 0..<y.count {
            let x = y[t]
            total += x
            if x > 0 {
                if first < 0 {
                    first = t
                } else if last == first {
                    size = (y[first] + x) / 2
                    interval = Double(t - first)
                } else {
                    size += alpha * (x - size)
                    interval += alpha * (Double(t - last) - interval)
                }
                last = t
            }
            forecasts[t + 1] = last > first ? factor * size / interval : total / Double(t + 1)
        }
    }
}
