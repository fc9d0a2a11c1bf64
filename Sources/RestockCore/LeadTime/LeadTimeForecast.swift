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
    /// How many equally weighted observations would estimate `days` as precisely as the
    /// recency-weighted ones do (Kish's effective sample size, (Σw)² / Σw²; README, "How the
    /// reorder point is reached"): `observations` when every value weighs the same (fill
    /// times), fewer when old receipts weigh less. `LeadTimeDistribution` widens the spread
    /// for a mean estimated from this many.
    public var effectiveObservations: Double

    public init(days: Double, sdDays: Double, source: LeadTimeSource, observations: Int,
                explanation: String, sample: [Double], effectiveObservations: Double? = nil) {
        self.days = days
        self.sdDays = sdDays
        self.source = source
        self.observations = observations
        self.explanation = explanation
        self.sample = sample
        self.effectiveObservations = effectiveObservations ?? Double(observations)
    }
}
