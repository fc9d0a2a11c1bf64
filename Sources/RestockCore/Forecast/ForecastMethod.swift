/// A forecasting method restock can use, by the short name written in `skus.csv`'s
/// `forecast_method` column (README, "How the forecast is chosen").
public enum ForecastMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// Always 0 (`ZeroModel`); the fallback for an empty history.
    case zero
    /// The last week's demand (`NaiveModel`).
    case naive
    /// The average week of the history (`MeanModel`).
    case mean
    /// The average of the last w weeks, w fitted (`MovingAverageModel`).
    case movingAverage = "moving_average"
    /// Simple exponential smoothing, smoothing constant fitted (`SESModel`).
    case ses
    /// Damped trend, Gardner & McKenzie (1985), parameters fitted (`DampedTrendModel`).
    case dampedTrend = "damped_trend"
    /// Croston (1972) (`CrostonModel`).
    case croston
    /// Croston with the Syntetos-Boylan (2005) bias correction (`CrostonSBAModel`).
    case crostonSBA = "croston_sba"
    /// Teunter-Syntetos-Babai (2011) (`TSBModel`).
    case tsb
    /// Aggregate-disaggregate intermittent demand approach, Nikolopoulos et al. (2011) (`ADIDAModel`).
    case adida
    /// Intermittent multiple aggregation prediction algorithm, Petropoulos & Kourentzes (2015) (`IMAPAModel`).
    case imapa

    /// The one-step-ahead forecast of weekly demand (units per week, the same for every
    /// future week) that this method makes from a weekly history (oldest first).
    public func forecast(weekly: [Double]) -> Double {
        RollingForecast.final(of: self, weekly: weekly)
    }
}
