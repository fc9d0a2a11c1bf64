/// The naive (random-walk) forecast: next week as the last one, ŷ(n+1) = y(n).
///
/// Reference: Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed.,
/// §5.2 ("naïve method"). Empty history: 0 (`zero`).
public enum NaiveModel: ForecastModel {
    static let method = ForecastMethod.naive

    /// The last week's demand, units per week; 0 for an empty history.
    public static func forecast(weekly: [Double]) -> Double { weekly.last ?? 0 }

    static func rollingForecasts(_ y: UnsafeBufferPointer<Double>, into forecasts: UnsafeMutableBufferPointer<Double>) {
        forecasts[0] = 0
        for t in 0..<y.count { forecasts[t + 1] = y[t] }
    }
}
