import RestockCore

/// Calibration world: a linear trend up or down that carries on after as-of, lead times
/// that drift, six months of history.
///
/// - Lines per day: Poisson(rate × max(0.1, 1 + g (t − H) / 365)), H the history's length
///   (the factor is 1 at as-of), g ±0.3-0.8 a year (up or down with equal chance).
/// - Sizes 1 + Geometric with mean 0.5-3 (steady), or lognormal mean 4-12, cv 1.0-1.6.
/// - Lead times gamma with cv 0.3 and a mean that drifts: m₀ (8-16 days) at the start of
///   the history, changing by ±20-40% a year of order day.
struct TrendWorld: CalibrationWorld {
    let name = "trend up or down, drifting lead times, 6 months"
    static let days = 182

    func sku(_ demandClass: DemandClass, _ r: inout CalibrationRandom) -> CalibrationSKU {
        let profile = ClassProfile(demandClass, &r)
        let variable = profile.variable
        let (a, b) = variable ? (r.uniform(4, 12), r.uniform(1.0, 1.6)) : (r.uniform(0.5, 3), 0)
        let rate = profile.linesPerDay
        let slope = (r.chance(0.5) ? 1 : -1) * r.uniform(0.3, 0.8)
        let start = r.uniform(8, 16), drift = (r.chance(0.5) ? 1 : -1) * r.uniform(0.2, 0.4)
        return CalibrationSKU(
            demand: { t, r in
                let factor = max(0.1, 1 + slope * Double(t - Self.days) / 365)
                return poissonLines(rate: rate * factor, &r) {
                    variable ? max(1, $0.lognormal(mean: a, cv: b).rounded()) : $0.geometric(extra: a)
                }
            },
            leadTime: { t, r in
                gammaLeadTime(mean: max(2, start * (1 + drift * Double(t) / 365)), cv: 0.3, &r)
            },
            historyDays: Self.days)
    }
}
