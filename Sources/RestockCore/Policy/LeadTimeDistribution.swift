import Foundation

/// The lead times a reorder-point simulation draws from: equally likely values, days, with
/// mean `LeadTimeForecast.days` and standard deviation `sdDays` (up to clamping at 0).
///
/// - With 5 or more observed values that differ, their shape is kept: each value is moved
///   and scaled to the forecast's mean and the predictive sd (`yᵢ = (xᵢ - x̄) sd' / sdₓ`,
///   sd' = sd x `predictiveInflation`, which counts that the mean and sd themselves were
///   estimated from few values), then smoothed
///   with a Gaussian kernel of Silverman's bandwidth `h = 1.06 sd n^(-1/5)` and shrunk back
///   to the same variance: `m + (yᵢ + h zⱼ) / √(1 + h²/sd²)` (the shrunk smoothed
///   bootstrap, Silverman 1986), so that draws are not limited to the few values seen.
/// - Otherwise a lognormal with the forecast's mean and sd (right-skewed, never negative):
///   `σ² = ln(1 + sd²/m²)`, `μ = ln m - σ²/2`, values `exp(μ + σ zⱼ)`.
/// The `zⱼ` are 16 standard-normal quantiles at (j - 0.5)/16, rescaled to unit variance.
struct LeadTimeDistribution: Sendable {
    /// Equally likely lead times, days, each >= 0.
    var values: [Double]

    /// Standard-normal quantiles at (j - 0.5)/16, j = 1...16 (upper half; the lower half is
    /// the mirror image), before rescaling to unit variance.
    static let upperNormalQuantiles: [Double] = [
        0.0784124127, 0.2372021093, 0.4022500653, 0.5791321623,
        0.7764217611, 1.0099901692, 1.3180108973, 1.8627318674,
    ]
    /// The 16 nodes, symmetric, mean 0 and population variance exactly 1.
    static let normalNodes: [Double] = {
        let all = upperNormalQuantiles.reversed().map { -$0 } + upperNormalQuantiles
        let variance = all.reduce(0) { $0 + $1 * $1 } / Double(all.count)
        return all.map { $0 / variance.squareRoot() }
    }()
    /// At most this many observed values are kept (evenly spaced order statistics).
    static let maxSample = 64

    /// Factor on the standard deviation for the uncertainty of a mean and sd estimated from
    /// n values: the Student-t predictive sd over the plain one,
    /// `√((1 + 1/n)(n - 1)/(n - 3))` (n >= 5; 1.39 at n = 6, 1.19 at n = 10, 1.04 at 60).
    /// Recency-weighted values estimate the mean as n' = (Σw)²/Σw² equal ones would (Kish), so
    /// the formula takes n' (`effective`), at least 5 and at most n: eight receipts spread
    /// over two years weigh as about 5.6 (1.45 instead of 1.25), over one year as 7.2.
    /// (`LeadTimeForecast.effectiveObservations`, the count itself where values weigh alike).
    static func predictiveInflation(observations n: Int, effective: Double) -> Double {
        guard n >= 5 else { return 1 }
        let x = min(Double(n), max(5, effective))
        return ((1 + 1 / x) * (x - 1) / (x - 3)).squareRoot()
    }

    init(_ forecast: LeadTimeForecast) {
        let m = max(0, forecast.days.isFinite ? forecast.days : 0)
        let sd = max(0, forecast.sdDays.isFinite ? forecast.sdDays : 0)
        guard m > 0, sd > 0 else {
            values = [m]
            return
        }
        var sample = forecast.sample.filter(\.isFinite).sorted()
        if sample.count > Self.maxSample {
            let n = sample.count
            sample = (0..<Self.maxSample).map {
                sample[min(n - 1, Int((Double($0) + 0.5) * Double(n) / Double(Self.maxSample)))]
            }
        }
        let n = Double(sample.count)
        let sampleMean = sample.reduce(0, +) / max(n, 1)
        let sampleSD = (sample.reduce(0) { $0 + ($1 - sampleMean) * ($1 - sampleMean) }
            / max(n, 1)).squareRoot()
        if sample.count >= LeadTimeEstimator.fewObservations, sampleSD > 0 {
            let spread = sd * Self.predictiveInflation(observations: forecast.sample.count,
                                                           effective: forecast.effectiveObservations)
            let h = 1.06 * spread * pow(n, -0.2)
            let shrink = (1 + h * h / (spread * spread)).squareRoot()
            var out: [Double] = []
            out.reserveCapacity(sample.count * Self.normalNodes.count)
            for x in sample {
                let y = (x - sampleMean) * spread / sampleSD
                for z in Self.normalNodes { out.append(max(0, m + (y + h * z) / shrink)) }
            }
            values = out
        } else {
            let sigma2 = log(1 + sd * sd / (m * m))
            let mu = log(m) - sigma2 / 2
            values = Self.normalNodes.map { exp(mu + sigma2.squareRoot() * $0) }
        }
    }
}
