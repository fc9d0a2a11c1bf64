import Testing
@testable import RestockCore

@Suite struct ForecastSelectorTests {
    static func select(_ weekly: [Double]) -> ForecastChoice {
        ForecastSelector.select(weekly: weekly, demandClass: DemandClassifier.classify(weekly: weekly).demandClass)
    }

    @Test func emptyHistoryForecastsZeroWithoutError() {
        let c = ForecastSelector.select(weekly: [], demandClass: .new)
        #expect(c.method == "zero" && c.weekly == 0 && c.daily == 0 && c.mae == nil)
    }

    @Test func historyWithoutDemandForecastsZero() {
        let c = ForecastSelector.select(weekly: [0, 0, 0], demandClass: .new)
        #expect(c.method == "zero" && c.weekly == 0 && c.mae == 0)
    }

    @Test func newSKUGetsTheAverageWeekAndItsRollingError() {
        // [5, 0, 0, 0]: one demand week, class new -> mean, 5/4 = 1.25 a week.
        // Origins t = 1, 2, 3 forecast 5, 2.5, 5/3 against 0: MAE = (5 + 2.5 + 5/3)/3 = 55/18.
        let c = Self.select([5, 0, 0, 0])
        #expect(c.method == "mean")
        #expect(c.weekly == 1.25)
        #expect(c.daily == 1.25 / 7)
        #expect(abs(c.mae! - 55.0 / 18) < 1e-12)
    }

    @Test func oneWeekOfHistoryHasNoErrorToReport() {
        let c = ForecastSelector.select(weekly: [6], demandClass: .new)
        #expect(c.method == "mean" && c.weekly == 6 && c.mae == nil)
    }

    @Test func steadyDemandTiesEveryMethodAndKeepsTheClassDefault() {
        // 4 a week: every smooth candidate forecasts 4 with no error; ties go to SES.
        let c = Self.select(Array(repeating: 4, count: 20))
        #expect(c.method == "ses" && c.weekly == 4 && c.mae == 0)
        #expect(c.candidates.map(\.method) == ["ses", "moving_average", "naive", "mean"])
    }

    @Test func aSteadyTrendIsForecastBestByTheLastWeek() {
        // 10, 20, …, 200 (smooth): naive misses by 10 every week; SES at α = 0.95 lags by
        // 10·0.05/0.95 more; moving averages and the mean lag further. naive: 200.
        let y = (1...20).map { Double($0 * 10) }
        let c = Self.select(y)
        #expect(c.method == "naive" && c.weekly == 200)
        #expect(c.mae == 10)
    }

    @Test func intermittentDemandCompetesTheCrostonFamily() {
        let y: [Double] = [3, 0, 0, 6, 0, 2, 0, 0, 0, 4, 0, 0, 5, 0, 0, 0, 3, 0, 0, 4]
        let c = Self.select(y)
        #expect(c.candidates.map(\.method) == ["croston_sba", "tsb", "croston", "ses", "mean"])
    }

    @Test func theChosenMethodHasTheLeastSelectionScore() {
        for y in ForecastModelContractTests.series where y.count > 1 {
            let c = Self.select(y)
            let least = c.candidates.compactMap(\.selectionMAE).min()!
            let first = c.candidates.first { $0.selectionMAE == least }!
            #expect(c.method == first.method, "\(y)")
            #expect(c.weekly == first.weekly && c.mae == first.mae)
        }
    }

    @Test func forecastMAEIsThePlainErrorAtTheLastEightOrigins() {
        // README, "The figures" (forecast_mae): weeks n−8 … n−1, each forecast from the weeks
        // before it.
        for y in ForecastModelContractTests.series where y.count > 1 {
            let c = Self.select(y)
            let method = ForecastMethod(rawValue: c.method)!
            let f = RollingForecast.all(of: method, weekly: y)
            let origins = max(1, y.count - 8)..<y.count
            let mae = origins.map { abs(y[$0] - f[$0]) }.reduce(0, +) / Double(origins.count)
            #expect(abs(c.mae! - mae) < 1e-12, "\(y)")
            #expect(c.weekly == f[y.count])
        }
    }

    @Test func theChoiceFollowsRecentWeeksOverOldOnes() {
        // 30 weeks alternating 0/10 then 12 weeks of a steady 8: on the old weeks the mean
        // (5) wins and naive misses by 10; on the recent weeks naive is exact after the
        // first and the mean creeps from 5 towards 8, missing by about 2.5. Weighted
        // 0.85^age, the 12 recent weeks carry (1 − 0.85¹²) / (1 − 0.85³⁸) ≈ 86% of the
        // score: naive scores 1.45 against 2.81 for the mean (weighted sums worked out separately).
        // Naive, SES or the 2-week average wins, forecasting 8 or nearly.
        let y = (0..<30).map { $0 % 2 == 0 ? 0.0 : 10 } + Array(repeating: 8, count: 12)
        let c = ForecastSelector.select(weekly: y, demandClass: .smooth)
        let mean = c.candidates.first { $0.method == "mean" }!
        #expect(c.method != "mean")
        #expect(c.candidates.first { $0.method == c.method }!.selectionMAE! < mean.selectionMAE!)
        #expect(abs(c.weekly - 8) < 0.5)
        #expect(abs(mean.selectionMAE! - 2.80798) < 1e-5)
        #expect(abs(c.candidates.first { $0.method == "naive" }!.selectionMAE! - 1.45485) < 1e-5)
    }

    @Test func whyNamesTheChoiceAndTheRivals() {
        let c = Self.select((1...20).map { Double($0 * 10) })
        #expect(c.why.contains("naive") && c.why.contains("ses") && c.why.contains("smooth"))
        #expect(c.why.hasSuffix("."))
    }

    @Test func figuresInWhyHaveAtMostTwoDecimals() {
        #expect(ForecastSelector.format(3) == "3")
        #expect(ForecastSelector.format(1.5) == "1.5")
        #expect(ForecastSelector.format(2.345678) == "2.35")
        #expect(ForecastSelector.format(0.05) == "0.05")
    }
}
