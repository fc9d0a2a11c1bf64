import RestockCore

/// Calibration world: a product's launch or decline, negative-binomial or lognormal sizes,
/// bimodal lead times, one year of history.
///
/// - Launch (half the SKUs): the rate ramps linearly from 0 on day 0 to full on day
///   90-180, then stays full (also after as-of).
/// - Decline: full on day 0, falling linearly to 40-70% at as-of and on at the same slope
///   (at least 20% of full).
/// - Sizes 1 + NegativeBinomial(mean 1-4, size 5-20) (steady) or lognormal mean 4-15,
///   cv 1.0-1.8 (variable).
/// - Lead times: 5-9 days uniform with probability 0.5-0.8, else 20-30 days uniform.
struct LifecycleWorld: CalibrationWorld {
    let name = "launch or decline, bimodal lead times, 12 months"
    static let days = 364

    func sku(_ demandClass: DemandClass, _ r: inout CalibrationRandom) -> CalibrationSKU {
        let profile = ClassProfile(demandClass, &r)
        let variable = profile.variable
        let (a, b) = variable ? (r.uniform(4, 15), r.uniform(1.0, 1.8)) : (r.uniform(1, 4), r.uniform(5, 20))
        let rate = profile.linesPerDay
        let launch = r.chance(0.5)
        let ramp = r.uniform(90, 180), left = r.uniform(0.4, 0.7)
        let fast = r.uniform(0.5, 0.8)
        return CalibrationSKU(
            demand: { t, r in
                let day = Double(t), end = Double(Self.days - 1)
                let factor = launch ? min(1, day / ramp) : max(0.2, 1 - (1 - left) * day / end)
                return poissonLines(rate: rate * factor, &r) {
                    variable ? max(1, $0.lognormal(mean: a, cv: b).rounded())
                        : 1 + Double($0.negativeBinomial(mean: a, size: b))
                }
            },
            leadTime: { _, r in r.chance(fast) ? r.integer(5, 9) : r.integer(20, 30) },
            historyDays: Self.days)
    }
}
