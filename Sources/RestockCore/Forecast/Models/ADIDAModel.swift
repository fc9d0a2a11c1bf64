/// ADIDA, the aggregate-disaggregate intermittent demand approach: add the weekly history
/// up into buckets of k weeks, forecast the bucket totals with SES, divide by k.
///
/// Reference: K. Nikolopoulos, A. A. Syntetos, J. E. Boylan, F. Petropoulos &
/// V. Assimakopoulos (2011), "An aggregate-disaggregate intermittent demand approach
/// (ADIDA) to forecasting: an empirical proposition and analysis", *Journal of the
/// Operational Research Society* 62(3):544-554.
///
///   k = the history's average demand interval, rounded (`TemporalAggregation.level`)
///   Y(j) = the j-th total of k weeks, counted back from the last week
///   ŷ = SES(Y) / k units per week
///
/// - SES is restock's (`SESModel`): level initialised on the first bucket, α fitted on
///   0.10 … 0.30 (`SESModel.aggregateGrid`) by the least in-sample squared error of the buckets.
/// - Aggregating removes most of the zeros, so SES sees a smoother, less intermittent
///   series and its forecast is not pulled towards 0 after a run of empty weeks.
/// - Empty history: 0 (`zero`); a history without demand: 0; one week: that week.
public enum ADIDAModel: ForecastModel {
    static let method = ForecastMethod.adida

    /// The ADIDA forecast after the last week, units per week; 0 for an empty history.
    /// Computed afresh from the whole history (the definition `rollingForecasts` keeps to).
    public static func forecast(weekly: [Double]) -> Double {
        guard !weekly.isEmpty else { return 0 }
        return weekly.withUnsafeBufferPointer { y in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: y.count + 1) { forecast(y, scratch: $0) }
        }
    }

    /// Every origin's forecast, the buckets kept running from origin to origin (`RollingAggregation`).
    static func rollingForecasts(_ y: UnsafeBufferPointer<Double>, into forecasts: UnsafeMutableBufferPointer<Double>) {
        RollingAggregation.rolling(y, into: forecasts) { running, t, k in
            running.sesLevel(origin: t, level: k) / Double(k)
        }
    }

    /// The forecast from the whole of a non-empty `y`, with `scratch` (>= y.count) for the buckets.
    static func forecast(_ y: UnsafeBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>) -> Double {
        let k = TemporalAggregation.level(y)
        let count = TemporalAggregation.buckets(y, level: k, into: scratch)
        let totals = UnsafeBufferPointer(rebasing: scratch[0..<count])
        return SESModel.fittedLevel(totals, grid: SESModel.aggregateGrid) / Double(k)
    }
}
