/// Simple exponential smoothing with a fitted smoothing constant:
/// ℓ(t) = α·y(t) + (1 − α)·ℓ(t−1), ŷ(n+1) = ℓ(n).
///
/// Reference: R. G. Brown (1959), *Statistical Forecasting for Inventory Control*;
/// Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., §8.1.
///
/// - Initialisation: ℓ(0) = y(0), the first week (so the first one-step error is
///   y(1) − y(0)). Fixed rather than fitted, so the level at every origin depends only on
///   the weeks before it.
/// - α is fitted on the grid 0.05, 0.10, …, 0.95 as the value with the least in-sample sum
///   of squared one-step errors (squared, because the forecast is a mean rate); ties go
///   to the smaller α. At each rolling origin the fit uses only the weeks before it; all
///   19 grid levels run side by side in one pass, so every origin costs O(19).
/// - Empty history: 0 (`zero`); one week: that week (`naive`).
public enum SESModel: ForecastModel {
    static let method = ForecastMethod.ses
    /// Grid of smoothing constants: 0.05 … 0.95 in steps of 0.05.
    static let gridCount = 19
    /// The grid the temporal-aggregation models fit α on: 0.10 … 0.30 (indices 1 … 5), the
    /// bounds statsforecast uses for its ADIDA and IMAPA: a few bucket totals cannot
    /// support a fast-reacting α, and 5 values keep the per-origin refit cheap.
    static let aggregateGrid = 1..<6
    @inline(__always) static func alpha(_ i: Int) -> Double { Double(i + 1) / 20 }

    /// The fitted SES level after the last week, units per week; 0 for an empty history.
    public static func forecast(weekly: [Double]) -> Double {
        RollingForecast.final(of: method, weekly: weekly)
    }

    /// The smoothing constant the fit picks for the whole history (nil when empty).
    public static func fittedAlpha(weekly: [Double]) -> Double? {
        guard !weekly.isEmpty else { return nil }
        var best = (index: 0, sse: Double.infinity)
        for i in 0..<gridCount {
            var level = weekly[0], sse = 0.0
            for x in weekly.dropFirst() {
                let e = x - level
                sse += e * e
                level += alpha(i) * e
            }
            if sse < best.sse { best = (i, sse) }
        }
        return alpha(best.index)
    }

    /// The SES level after the last value of `y` with α fitted (least in-sample SSE, ties
    /// to the smaller α) on the grid values `grid` (indices into 0.05 … 0.95), >= 0; 0 for
    /// an empty `y`. The temporal-aggregation models run it on bucket totals.
    static func fittedLevel(_ y: UnsafeBufferPointer<Double>, grid: Range<Int>) -> Double {
        guard !y.isEmpty else { return 0 }
        var best = (level: y[0], sse: Double.infinity)
        for i in grid {
            var level = y[0], sse = 0.0
            for t in 1..<y.count {
                let e = y[t] - level
                sse += e * e
                level += alpha(i) * e
            }
            if sse < best.sse { best = (level, sse) }
        }
        return max(0, best.level)
    }

    static func rollingForecasts(_ y: UnsafeBufferPointer<Double>, into forecasts: UnsafeMutableBufferPointer<Double>) {
        forecasts[0] = 0
        guard !y.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * gridCount) { state in
            // state[i]: level with α_i; state[gridCount + i]: its in-sample SSE so far.
            for i in 0..<gridCount {
                state[i] = y[0]
                state[gridCount + i] = 0
            }
            forecasts[1] = max(0, y[0])
            guard y.count > 1 else { return }
            for t in 1..<y.count {
                let x = y[t]
                var best = 0
                for i in 0..<gridCount {
                    let e = x - state[i]
                    state[gridCount + i] += e * e
                    state[i] += alpha(i) * e
                    if state[gridCount + i] < state[gridCount + best] { best = i }
                }
                forecasts[t + 1] = max(0, state[best])
            }
        }
    }
}
