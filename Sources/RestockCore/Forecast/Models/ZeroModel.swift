/// The zero forecast: no demand expected, ŷ = 0.
///
/// The fallback of every model for an empty history. Not offered by the selector:
/// restock's forecast is a mean rate (it is multiplied by a lead time), and 0 is never
/// an estimate of the mean of a SKU that has sold; it is the median of most intermittent
/// series, which is why it scores well on MAE (see the README's forecast section).
public enum ZeroModel: ForecastModel {
    static let method = ForecastMethod.zero

    /// Always 0 units per week.
    public static func forecast(weekly: [Double]) -> Double { 0 }

    static func rollingForecasts(_ y: UnsafeBufferPointer<Double>, into forecasts: UnsafeMutableBufferPointer<Double>) {
        for t in 0...y.count { forecasts[t] = 0 }
    }
}
