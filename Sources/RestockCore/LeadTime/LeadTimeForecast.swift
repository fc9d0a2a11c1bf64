/// The lead time expected for a SKU's next purchase order (README, "How the lead time is
/// forecast").
public struct LeadTimeForecast: Sendable, Hashable {
    /// Expected lead time, days (>= 0): `lead_time_days`.
    public var days: Double
    /// Its standard deviation, days (>= 0): `lead_time_sd_days`.
    public var sdDays: Double
    /// Where the figure came from: `lead_time_source`.
    public var source: LeadTimeSource
    /// Number of observed lead times behind it (0 for `quoted` and `default`).
    public var observations: Int
    /// The figure in words, for reports: "21 days from 6 receipts (recent ones weigh more)".
    public var explanation: String
    /// The observed lead times (days) of the source used, oldest first, for the demand model;
    /// empty for `quoted` and `default`. `ReorderPointModel` re-centres them on `days` and
    /// rescales them to `sdDays`, so it keeps their shape but follows the forecast.
    public var sample: [Double]

    public init(days: Double, sdDays: Double, source: LeadTimeSource, observations: Int,
                explanation: String, sample: [Double]) {
        self.days = days
        self.sdDays = sdDays
        self.source = source
        self.observations = observations
        self.explanation = explanation
        self.sample = sample
    }
}
