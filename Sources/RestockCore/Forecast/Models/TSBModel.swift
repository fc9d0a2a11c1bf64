/// The Teunter-Syntetos-Babai (TSB) method: smooth the probability of demand every week
/// and the demand size in demand weeks, forecast their product.
///
/// Reference: R. H. Teunter, A. A. Syntetos & M. Z. Babai (2011), "Intermittent demand:
/// Linking forecasting to inventory obsolescence", *European Journal of Operational
/// Research* 214(3):606-615.
///
/// Every week:                 π ← π + β·(1[y(t) > 0] − π)   (probability of demand)
/// In a week with y(t) > 0:    z ← z + α·(y(t) − z)          (demand size)
/// Forecast of every coming week: ŷ = π · z units per week. Unlike Croston, the forecast
/// decays through a run of zero weeks, so a SKU that stopped selling is forecast down.
///
/// - α = 0.1 and β = 0.05, fixed. β is the smaller because π is updated every week and z
///   only in demand weeks; with β = α the probability would react several times faster
///   than the size and chase single orders.
/// - Initialisation at the second demand week j (the first being i): z = (y(i) + y(j)) / 2,
///   π = 1 / (j − i), one demand per observed interval (as `CrostonModel`: the week of the
///   first order starts a restock history, so it says nothing about the probability);
///   the recursion runs from the week after j.
/// - Until the second demand week: the average week so far (`mean`; 0 for an empty or
///   all-zero history, `zero`).
public enum TSBModel: ForecastModel {
    static let method = ForecastMethod.tsb
    /// Smoothing constant of the demand size.
    static let alpha = 0.1
    /// Smoothing constant of the demand probability.
    static let beta = 0.05

    /// The TSB forecast after the last week, units per week; 0 before any demand.
    public static func forecast(weekly: [Double]) -> Double {
        RollingForecast.final(of: method, weekly: weekly)
    }

    static func rollingForecasts(_ y: UnsafeBufferPointer<Double>, into forecasts: UnsafeMutableBufferPointer<Double>) {
        rolling(y, into: forecasts, alpha: alpha, beta: beta)
    }

    static func rolling(_ y: UnsafeBufferPointer<Double>, into forecasts: UnsafeMutableBufferPointer<Double>,
                        alpha: Double, beta: Double) {
        var size = 0.0, probability = 0.0
        var first = -1, demands = 0  // first demand week; demand weeks so far
        var total = 0.0              // units so far, for the `mean` fallback before the 2nd demand
        forecasts[0] = 0
        for t in 0..<y.count {
            let x = y[t]
            total += x
            if demands >= 2 {
                probability += beta * ((x > 0 ? 1 : 0) - probability)
                if x > 0 { size += alpha * (x - size) }
            } else if x > 0 {
                if demands == 0 {
                    first = t
                } else {
                    size = (y[first] + x) / 2
                    probability = 1 / Double(t - first)
                }
            }
            if x > 0 { demands += 1 }
            forecasts[t + 1] = demands >= 2 ? probability * size : total / Double(t + 1)
        }
    }
}
