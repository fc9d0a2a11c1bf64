/// Additive damped trend (Gardner & McKenzie 1985), Holt's linear method with the trend
/// fading by φ a week:
///
///   ℓ(t) = α·y(t) + (1 − α)·(ℓ(t−1) + φ·b(t−1))
///   b(t) = β·(ℓ(t) − ℓ(t−1)) + (1 − β)·φ·b(t−1)
///   ŷ(t+h) = ℓ(t) + (φ + φ² + … + φʰ)·b(t), at least 0
///
/// Reference: E. S. Gardner & E. McKenzie (1985), "Forecasting trends in time series",
/// *Management Science* 31(10):1237-1246; Hyndman & Athanasopoulos, *Forecasting:
/// Principles and Practice*, 3rd ed., §8.2.
///
/// - Initialisation: ℓ(0) = y(0), b(0) = 0 (so the first one-step forecast is the first
///   week, as for `ses`). Fixed rather than fitted, so the state at every origin depends
///   only on the weeks before it.
/// - (α, β, φ) is fitted on the grid α ∈ {0.1, 0.2, 0.3, 0.5}, β ∈ {0.05, 0.1, 0.2},
///   φ ∈ {0.8, 0.9, 0.98} as the triple with the least in-sample sum of squared one-step
///   errors, ties to the earlier triple (smaller α, then β, then φ). At each rolling origin
///   the fit uses only the weeks before it; the 36 triples run side by side in one pass.
/// - The trend damps out: the forecast h weeks ahead tends to ℓ + φ/(1 − φ)·b, so a
///   trend is followed over a lead time without being carried on for ever.
/// - Empty history: 0 (`zero`); one week: that week.
public enum DampedTrendModel: ForecastModel {
    static let method = ForecastMethod.dampedTrend
    static let alphas: [Double] = [0.1, 0.2, 0.3, 0.5]
    static let betas: [Double] = [0.05, 0.1, 0.2]
    static let dampings: [Double] = [0.8, 0.9, 0.98]
    static let gridCount = 36

    @inline(__always) static func parameters(_ i: Int) -> (alpha: Double, beta: Double, phi: Double) {
        (alphas[i / 9], betas[(i / 3) % 3], dampings[i % 3])
    }

    /// The one-week-ahead forecast after the last week, units per week; 0 when empty.
    public static func forecast(weekly: [Double]) -> Double {
        RollingForecast.final(of: method, weekly: weekly)
    }

    /// The fitted state after the last week, as a forecast path (level and trend in units
    /// per week, the damping φ); a flat path at 0 for an empty history.
    public static func path(weekly: [Double]) -> ForecastPath {
        weekly.withUnsafeBufferPointer { y in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: y.count + 1) { f in fit(y, into: f) }
        }
    }

    static func rollingForecasts(_ y: UnsafeBufferPointer<Double>, into forecasts: UnsafeMutableBufferPointer<Double>) {
        _ = fit(y, into: forecasts)
    }

    /// Fills the rolling one-step forecasts and returns the best triple's final state.
    static func fit(_ y: UnsafeBufferPointer<Double>, into forecasts: UnsafeMutableBufferPointer<Double>) -> ForecastPath {
        forecasts[0] = 0
        guard !y.isEmpty else { return ForecastPath(level: 0) }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * gridCount) { state in
            // state[i]: level; state[gridCount + i]: trend; state[2 gridCount + i]: SSE so far.
            for i in 0..<gridCount {
                state[i] = y[0]
                state[gridCount + i] = 0
                state[2 * gridCount + i] = 0
            }
            forecasts[1] = max(0, y[0])
            var best = 0
            for t in 1..<max(1, y.count) {
                let x = y[t]
                best = 0
                for i in 0..<gridCount {
                    let (alpha, beta, phi) = parameters(i)
                    let level = state[i], trend = state[gridCount + i]
                    let e = x - (level + phi * trend)
                    state[2 * gridCount + i] += e * e
                    let next = level + phi * trend + alpha * e
                    state[gridCount + i] = beta * (next - level) + (1 - beta) * phi * trend
                    state[i] = next
                    if state[2 * gridCount + i] < state[2 * gridCount + best] { best = i }
                }
                forecasts[t + 1] = max(0, state[best] + parameters(best).phi * state[gridCount + best])
            }
            return ForecastPath(level: state[best], trend: state[gridCount + best], damping: parameters(best).phi)
        }
    }
}
