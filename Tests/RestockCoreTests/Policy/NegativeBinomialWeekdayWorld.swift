import RestockCore

/// Calibration world: negative-binomial line sizes, a weekday pattern, gamma lead times,
/// two years of history.
///
/// - Lines per day: Poisson(rate × weekday factor); factors 1.3 Monday to Friday, 0.5 on
///   Saturday, 0 on Sunday, divided by their mean so the rate is kept.
/// - Sizes 1 + NegativeBinomial(mean m, size k): steady m 1-4, k 5-20; variable m 4-12,
///   k 0.3-0.8 (cv above 1).
/// - Lead times gamma, mean 5-25 days, cv 0.15-0.6.
struct NegativeBinomialWeekdayWorld: CalibrationWorld {
    let name = "negative-binomial sizes, weekday pattern, gamma lead times, 24 months"
    static let weekday: [Double] = {
        let raw = [1.3, 1.3, 1.3, 1.3, 1.3, 0.5, 0]
        let mean = raw.reduce(0, +) / 7
        return raw.map { $0 / mean }
    }()

    func sku(_ demandClass: DemandClass, _ r: inout CalibrationRandom) -> CalibrationSKU {
        let profile = ClassProfile(demandClass, &r)
        let (m, k) = profile.variable ? (r.uniform(4, 12), r.uniform(0.3, 0.8)) : (r.uniform(1, 4), r.uniform(5, 20))
        let rate = profile.linesPerDay
        let offset = r.integer(0, 6)
        let mean = r.uniform(5, 25), cv = r.uniform(0.15, 0.6)
        return CalibrationSKU(
            demand: { t, r in
                poissonLines(rate: rate * Self.weekday[(t + offset) % 7], &r) {
                    1 + Double($0.negativeBinomial(mean: m, size: k))
                }
            },
            leadTime: { _, r in gammaLeadTime(mean: mean, cv: cv, &r) },
            historyDays: 728)
    }
}
