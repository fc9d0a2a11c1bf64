import Testing
@testable import RestockCore

@Suite struct ForecastPathTests {
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test func aFlatPathGivesItsLevelEveryWeekAndOverAnyLeadTime() {
        let p = ForecastPath(level: 14)
        #expect(p.weekly(ahead: 1) == 14 && p.weekly(ahead: 9) == 14)
        #expect(p.dailyRate(overDays: 3) == 2 && p.dailyRate(overDays: 45.5) == 2)
    }

    @Test func theTrendFadesByTheDampingEachWeek() {
        // Level 70, trend 7, φ 0.5: week 1 = 70 + 0.5·7 = 73.5; week 2 = 70 + 0.75·7 = 75.25;
        // week 3 = 70 + 0.875·7 = 76.125.
        let p = ForecastPath(level: 70, trend: 7, damping: 0.5)
        #expect(p.weekly(ahead: 1) == 73.5 && p.weekly(ahead: 2) == 75.25 && p.weekly(ahead: 3) == 76.125)
    }

    @Test func theLeadTimeRateAveragesTheWeeksItSpans() {
        // The same path over 10 days: 7 days of week 1, 3 of week 2:
        // (7·73.5 + 3·75.25) / 10 / 7 = 740.25 / 70 = 10.575 a day.
        let p = ForecastPath(level: 70, trend: 7, damping: 0.5)
        #expect(Self.close(p.dailyRate(overDays: 10), 10.575))
        // A week or less: week 1's rate, 73.5 / 7 = 10.5.
        #expect(p.dailyRate(overDays: 7) == 10.5 && p.dailyRate(overDays: 0) == 10.5)
    }

    @Test func aFallingPathNeverForecastsBelowZero() {
        // Level 10, trend −20, φ 0.5: week 1 = 10 − 10 = 0; week 2 = 10 − 15 → 0.
        let p = ForecastPath(level: 10, trend: -20, damping: 0.5)
        #expect(p.weekly(ahead: 1) == 0 && p.weekly(ahead: 2) == 0 && p.dailyRate(overDays: 14) == 0)
    }
}
