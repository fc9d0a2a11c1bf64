/// IMAPA, the intermittent multiple aggregation prediction algorithm: forecast the
/// history at every aggregation level from 1 to K weeks, bring each forecast back to
/// units per week, and average them with equal weights.
///
/// Reference: F. Petropoulos & N. Kourentzes (2015), "Forecast combinations for
/// intermittent demand", *Journal of the Operational Research Society* 66(6):914-924.
///
///   K = the history's average demand interval, rounded (`TemporalAggregation.level`)
///   for k = 1 … K: Y_k = totals of k weeks counted back from the last week,
///                  F_k = SBA(Y_k) when Y_k is intermittent (ADI >= 1.32 with at least
///                        2 non-empty buckets), else SES(Y_k)
///   ŷ = (1/K) Σ F_k / k units per week
///
/// - As in the paper, each level gets the method the Syntetos-Boylan-Croston scheme
///   suggests for it: SBA (`CrostonSBAModel`, α = 0.1) for intermittent totals, SES
///   (`SESModel`, α fitted on 0.10 … 0.30) for totals that are no longer intermittent.
///   Combining levels averages away the error of any single choice of k.
/// - Empty history: 0 (`zero`); a history without demand: 0; one week: that week.
public enum IMAPAModel: ForecastModel {
    static let method = ForecastMethod.imapa

    /// The IMAPA forecast after the last week, units per week; 0 for an empty history.
    /// Computed afresh from the whole history (the definition `rollingForecasts` keeps to).
    public static func forecast(weekly: [Double]) -> Double {
        guard !weekly.isEmpty else { return 0 }
        return weekly.withUnsafeBufferPointer { y in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: y.count + 1) { forecast(y, scratch: $0) }
        }
    }

    /// Every origin's forecast, the buckets kept running from origin to origin (`RollingAggregation`).
    static func rollingForecasts(_ y: UnsafeBufferPointer<Double>, into forecasts: UnsafeMutableBufferPointer<Double>) {
        RollingAggregation.rolling(y, into: forecasts) { running, t, levels in
            var sum = 0.0
            for k in 1...levels { sum += running.imapaLevel(origin: t, level: k) / Double(k) }
            return sum / Double(levels)
        }
    }

    /// The forecast from the whole of a non-empty `y`, with `scratch` (>= y.count + 1).
    static func forecast(_ y: UnsafeBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>) -> Double {
        let levels = TemporalAggregation.level(y)
        var sum = 0.0
        for k in 1...levels {
            let count = TemporalAggregation.buckets(y, level: k, into: scratch)
            sum += levelForecast(UnsafeBufferPointer(rebasing: scratch[0..<count])) / Double(k)
        }
        return sum / Double(levels)
    }

    /// SBA or SES on one level's bucket totals (see the type's documentation).
    static func levelForecast(_ totals: UnsafeBufferPointer<Double>) -> Double {
        var nonEmpty = 0
        for x in totals where x > 0 { nonEmpty += 1 }
        // ADI >= 1.32 compared exactly: 100 · buckets >= 132 · non-empty buckets.
        guard nonEmpty >= 2, 100 * totals.count >= 132 * nonEmpty else {
            return SESModel.fittedLevel(totals, grid: SESModel.aggregateGrid)
        }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: totals.count + 1) { f in
            CrostonSBAModel.rollingForecasts(totals, into: f)
            return f[totals.count]
        }
    }
}
