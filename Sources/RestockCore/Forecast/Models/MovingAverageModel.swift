/// The moving average of the last w weeks, w fitted: ŷ(n+1) = (1/w) Σ y(n−w+1 … n).
///
/// Reference: Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed.,
/// §3.3; Syntetos & Boylan (2005) use a 13-period moving average as a benchmark for
/// intermittent demand, hence 13 among the windows.
///
/// The window w is chosen from 2, 4, 8, 13, 26 and 52 weeks as the one with the least
/// in-sample sum of squared one-step errors over the history (squared, because the
/// forecast is a mean rate); ties go to the shorter window. While fewer than w weeks
/// exist, the average of all of them is used. Empty history: 0 (`zero`); one week: that
/// week (`naive`, which every window equals there).
public enum MovingAverageModel: ForecastModel {
    static let method = ForecastMethod.movingAverage
    /// Candidate windows, weeks.
    static let windows = [2, 4, 8, 13, 26, 52]

    /// The fitted moving average of the history, units per week; 0 for an empty history.
    public static func forecast(weekly: [Double]) -> Double {
        RollingForecast.final(of: method, weekly: weekly)
    }

    static func rollingForecasts(_ y: UnsafeBufferPointer<Double>, into forecasts: UnsafeMutableBufferPointer<Double>) {
        let count = windows.count
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * count) { state in
            // state[i]: sum of the last min(t, w_i) weeks; state[count + i]: in-sample SSE.
            for i in 0..<(2 * count) { state[i] = 0 }
            forecasts[0] = 0
            for t in 0..<y.count {
                // Here the window sums hold weeks ..<t; score each window on week t, then move it on.
                let x = y[t]
                if t > 0 {
                    for i in 0..<count {
                        let e = x - state[i] / Double(min(t, windows[i]))
                        state[count + i] += e * e
                    }
                }
                var best = 0
                for i in 0..<count {
                    let w = windows[i]
                    state[i] += x
                    if t - w >= 0 { state[i] -= y[t - w] }
                    if state[count + i] < state[count + best] { best = i }
                }
                forecasts[t + 1] = max(0, state[best] / Double(min(t + 1, windows[best])))
            }
        }
    }
}
