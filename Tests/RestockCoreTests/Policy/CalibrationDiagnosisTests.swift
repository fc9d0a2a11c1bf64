import Testing
@testable import RestockCore

@Suite struct CalibrationDiagnosisTests {
    /// A diagnosis at target 0.95 with the given level, rate ratio (forecast 1 against a true
    /// rate of 1 / ratio), lead-time mean against a true 10 days, and the model's points
    /// given the truth against a smallest sufficient point of 20.
    static func diagnosis(achieved: Double, forecastOverTrue: Double, leadTimeDays: Double,
                          trueLT: Int, trueRate: Int, both: Int) -> CalibrationDiagnosis {
        CalibrationDiagnosis(
            target: 0.95, point: 15, minimal: 20, achieved: achieved, withTrueLeadTime: trueLT,
            withTrueRate: trueRate, withBoth: both, achievedWithBoth: 0.95, forecast: 1,
            historyMean: 1, trueRate: 1 / forecastOverTrue,
            leadTime: LeadTimeForecast(days: leadTimeDays, sdDays: 2, source: .receipts, observations: 8,
                                       explanation: "", sample: []),
            trueLeadMean: 10, trueLeadSD: 2, orderQuantity: 30, bulkDays: 0, oneOffDays: 0, method: "mean")
    }

    @Test func farBelowSKUsAreSummedUpByWhatClosesTheirGap() {
        // Three SKUs at 0.95: two more than 10 points below (0.80 and 0.70), one at 0.90.
        // The far two: forecast 0.6 and 0.8 of the true rate (median 0.7), lead times 8 and
        // 12 days against 10 (median 1.0); the first reaches the smallest sufficient point
        // given the true rate, the second given the true lead times; both given both.
        let far = CalibrationDiagnosis.FarBelow([
            Self.diagnosis(achieved: 0.80, forecastOverTrue: 0.6, leadTimeDays: 8, trueLT: 18, trueRate: 20, both: 21),
            Self.diagnosis(achieved: 0.70, forecastOverTrue: 0.8, leadTimeDays: 12, trueLT: 20, trueRate: 19, both: 20),
            Self.diagnosis(achieved: 0.90, forecastOverTrue: 0.1, leadTimeDays: 1, trueLT: 30, trueRate: 30, both: 30),
        ], target: 0.95)
        #expect(far.skus == 3 && far.farBelow == 2)
        #expect(abs(far.rateRatio! - 0.7) < 1e-9 && abs(far.leadTimeRatio! - 1.0) < 1e-9)
        #expect(far.closedByTrueLeadTime == 1 && far.closedByTrueRate == 1 && far.closedByBoth == 2)
        #expect(far.row(world: "w", demandClass: "smooth", target: 0.95) == "| w | smooth | 0.95 | 3 | 2 | 0.70 | 1.00 | 1 | 1 | 2 |")
    }

    @Test func aCellWithNoSKUFarBelowHasNoRatios() {
        let far = CalibrationDiagnosis.FarBelow([
            Self.diagnosis(achieved: 0.96, forecastOverTrue: 1, leadTimeDays: 10, trueLT: 20, trueRate: 20, both: 20),
        ], target: 0.95)
        #expect(far.farBelow == 0 && far.rateRatio == nil && far.leadTimeRatio == nil)
        // Three far below: the medians are the middle values (0.6 of the rate, 9 / 10 days).
        let three = CalibrationDiagnosis.FarBelow([0.5, 0.9, 0.6].enumerated().map { i, ratio in
            Self.diagnosis(achieved: 0.5, forecastOverTrue: ratio, leadTimeDays: Double(8 + i), trueLT: 0, trueRate: 0, both: 0)
        }, target: 0.95)
        #expect(abs(three.rateRatio! - 0.6) < 1e-9 && abs(three.leadTimeRatio! - 0.9) < 1e-9)
    }
}
