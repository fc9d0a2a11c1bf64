/// The historical mean: ŷ(n+1) = (1/n) Σ y(t) over the whole history.
///
/// Reference: Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed.,
/// §5.2 ("mean method"). The unbiased estimate of a stationary demand rate, and what the
/// selector uses for a `new` SKU. Empty history: 0 (`zero`).
public enum MeanModel: ForecastModel {
    static let method = ForecastMethod.mean

    /// The average weekly demand of the history, units per week; 0 for an empty history.
    public static func forecast(weekly: [Double]) -> Double {
        RollingForecast.final(of: method, weekly: weekly)
    }

    static func rollingForecasts(_ y: UnsafeBufferPointer<Double>, into forecasts: UnsafeMutableBufferPointer<Double>) {
        forecasts[0] = 0
        var sum = 0.0
        for t in 0..<y.count {
            sum += y[t]
            forecasts[t + 1] = sum / Double(t + 1)
        }
    }
}
