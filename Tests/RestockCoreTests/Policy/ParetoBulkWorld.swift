import RestockCore

/// Calibration world: heavy-tailed (Pareto) line sizes, several lines on one day from the
/// same burst, and rare bulk orders far larger than the usual line; gamma lead times; one
/// year of history.
///
/// - Order days: Poisson(rate / c) a day, each bringing 1 + Poisson(c − 1) lines
///   (c 1.5-3 lines per order day on average), so the line rate is kept.
/// - Sizes round(Pareto(minimum 1-3, index a)): a 3.5-5 (steady) or 1.5-2.2 (variable,
///   infinite variance below 2).
/// - Bulk: each line is, with probability 2-5%, 10-30 times its drawn size.
/// - Lead times gamma, mean 7-21 days, cv 0.2-0.5.
struct ParetoBulkWorld: CalibrationWorld {
    let name = "Pareto sizes, bursts of lines, rare bulk orders, gamma lead times, 12 months"

    func sku(_ demandClass: DemandClass, _ r: inout CalibrationRandom) -> CalibrationSKU {
        let profile = ClassProfile(demandClass, &r)
        let minimum = r.uniform(1, 3)
        let index = profile.variable ? r.uniform(1.5, 2.2) : r.uniform(3.5, 5)
        let burst = r.uniform(1.5, 3), bulk = r.uniform(0.02, 0.05), bulkFactor = r.uniform(10, 30)
        let rate = profile.linesPerDay
        let mean = r.uniform(7, 21), cv = r.uniform(0.2, 0.5)
        return CalibrationSKU(
            demand: { _, r in
                var lines = 0, units = 0.0
                for _ in 0..<r.poisson(rate / burst) {
                    for _ in 0...r.poisson(burst - 1) {
                        var size = r.pareto(minimum: minimum, index: index).rounded()
                        if r.chance(bulk) { size = (size * bulkFactor).rounded() }
                        lines += 1
                        units += size
                    }
                }
                return (lines, units)
            },
            leadTime: { _, r in gammaLeadTime(mean: mean, cv: cv, &r) },
            historyDays: 364)
    }
}
