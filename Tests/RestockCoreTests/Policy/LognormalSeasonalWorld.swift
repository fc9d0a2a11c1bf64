import Foundation
import RestockCore

/// Calibration world: lognormal line sizes, a yearly season, bimodal lead times (sea or
/// air freight), two years of history.
///
/// - Lines per day: Poisson(rate × (1 + A sin(2π (t + φ) / 365))), A 0.3-0.6, φ random.
/// - Sizes max(1, round(lognormal)), mean 2-6 with cv 0.3-0.6 (steady) or mean 4-15 with
///   cv 1.0-2.0 (variable).
/// - Lead times: by sea (probability 0.6-0.85) gamma with mean 30-45 days and cv 0.15,
///   else by air, 3-8 days uniform.
struct LognormalSeasonalWorld: CalibrationWorld {
    let name = "lognormal sizes, yearly season, sea/air lead times, 24 months"

    func sku(_ demandClass: DemandClass, _ r: inout CalibrationRandom) -> CalibrationSKU {
        let profile = ClassProfile(demandClass, &r)
        let (mean, cv) = profile.variable ? (r.uniform(4, 15), r.uniform(1.0, 2.0)) : (r.uniform(2, 6), r.uniform(0.3, 0.6))
        let rate = profile.linesPerDay
        let amplitude = r.uniform(0.3, 0.6), phase = r.uniform(0, 365)
        let sea = r.uniform(0.6, 0.85), seaDays = r.uniform(30, 45)
        return CalibrationSKU(
            demand: { t, r in
                let season = 1 + amplitude * sin(2 * .pi * (Double(t) + phase) / 365)
                return poissonLines(rate: rate * season, &r) { max(1, $0.lognormal(mean: mean, cv: cv).rounded()) }
            },
            leadTime: { _, r in
                r.chance(sea) ? gammaLeadTime(mean: seaDays, cv: 0.15, &r) : r.integer(3, 8)
            },
            historyDays: 728)
    }
}
