import RestockCore

/// Calibration world: Poisson order lines with geometric sizes, no calendar pattern, gamma
/// lead times, one year of history. The plainest world, close to textbook assumptions.
///
/// - Sizes 1 + Geometric: mean 1.5-4 (steady) or 6-16 (variable, cv near 1).
/// - Lead times gamma, mean 7-21 days, cv 0.2-0.5.
struct GeometricWorld: CalibrationWorld {
    let name = "geometric sizes, gamma lead times, 12 months"

    func sku(_ demandClass: DemandClass, _ r: inout CalibrationRandom) -> CalibrationSKU {
        let profile = ClassProfile(demandClass, &r)
        let extra = profile.variable ? r.uniform(5, 15) : r.uniform(0.5, 3)
        let rate = profile.linesPerDay
        let mean = r.uniform(7, 21), cv = r.uniform(0.2, 0.5)
        return CalibrationSKU(
            demand: { _, r in poissonLines(rate: rate, &r) { $0.geometric(extra: extra) } },
            leadTime: { _, r in gammaLeadTime(mean: mean, cv: cv, &r) },
            historyDays: 364)
    }
}
