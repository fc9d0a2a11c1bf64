/// Croston's method with the Syntetos-Boylan approximation (SBA), which removes most of
/// Croston's upward bias: ŷ = (1 − α/2) · z / p.
///
/// Reference: A. A. Syntetos & J. E. Boylan (2005), "The accuracy of intermittent demand
/// estimates", *International Journal of Forecasting* 21(2):303-314.
///
/// z, p, α = 0.1, initialisation and fallbacks as `CrostonModel` (so ŷ = 0.95 · z / p).
public enum CrostonSBAModel: ForecastModel {
    static let method = ForecastMethod.crostonSBA

    /// The SBA forecast after the last week, units per week; 0 before any demand.
    public static func forecast(weekly: [Double]) -> Double {
        RollingForecast.final(of: method, weekly: weekly)
    }

    static func rollingForecasts(_ y: UnsafeBufferPointer<Double>, into forecasts: UnsafeMutableBufferPointer<Double>) {
        CrostonModel.rolling(y, into: forecasts, alpha: CrostonModel.alpha, factor: 1 - CrostonModel.alpha / 2)
    }
}
