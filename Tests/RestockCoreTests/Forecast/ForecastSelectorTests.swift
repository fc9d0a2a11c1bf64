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

    @Test func steadyDemandTiesEveryMethodAndKeepsTheMean() {
        // 4 a week: every smooth candidate forecasts 4 with no error. The score's tie goes to
        // SES, the class default; no method beats the mean, so the mean rule keeps it.
        let c = Self.select(Array(repeating: 4, count: 20))
        #expect(c.method == "mean" && c.weekly == 4 && c.mae == 0)
        #expect(c.candidates.map(\.method) == ["ses", "damped_trend", "moving_average", "naive", "mean"])
        var scoreOnly = SelectionPolicy.standard
        scoreOnly.meanRule = false
        #expect(ForecastSelector.select(weekly: Array(repeating: 4, count: 20), demandClass: .smooth,
                                        policy: scoreOnly).method == "ses")
    }

    @Test func aSteadyTrendIsFollowedByTheDampedTrend() {
        // 10, 20, …, 200 (smooth): naive misses by 10 every week, a score of 10 (RMSE) + 10
        // (bias) = 20; SES lags further, the moving averages and the mean further still. The
        // damped trend learns the rise and misses by less: it wins, and its path keeps rising
        // over a lead time.
        let y = (1...20).map { Double($0 * 10) }
        let c = Self.select(y)
        let naive = c.candidates.first { $0.method == "naive" }!
        #expect(naive.selectionScore == 20 && naive.mae == 10)
        #expect(c.method == "damped_trend" && c.weekly > 200)
        #expect(c.mae! < 10 && c.candidates[1].selectionScore! < 20)
        #expect(c.path.trend > 0 && c.path.dailyRate(overDays: 14) > c.daily)
    }

    @Test func intermittentDemandCompetesTheCrostonFamily() {
        let y: [Double] = [3, 0, 0, 6, 0, 2, 0, 0, 0, 4, 0, 0, 5, 0, 0, 0, 3, 0, 0, 4]
        let c = Self.select(y)
        #expect(c.candidates.map(\.method) == ["imapa", "adida", "croston_sba", "tsb", "croston", "ses", "mean"])
    }

    @Test func withoutTheMeanRuleTheChosenMethodHasTheLeastSelectionScore() {
        var scoreOnly = SelectionPolicy.standard
        scoreOnly.meanRule = false
        for y in ForecastModelContractTests.series where y.count > 1 {
            let c = ForecastSelector.select(weekly: y, demandClass: DemandClassifier.classify(weekly: y).demandClass,
                                            policy: scoreOnly)
            let least = c.candidates.compactMap(\.selectionScore).min()!
            let first = c.candidates.first { $0.selectionScore == least }!
            #expect(c.method == first.method, "\(y)")
            #expect(c.weekly == first.weekly && c.mae == first.mae)
        }
    }

    @Test func theMeanReplacesTheLeastScoreOnlyWhereTheMeanRuleHolds() {
        // Every contract series: the choice is the least score's method, or the mean where
        // MeanRule, recomputed here from the rolling forecasts, prefers it to that method.
        var changed = 0
        for y in ForecastModelContractTests.series where y.count > 1 {
            let c = Self.select(y)
            let least = c.candidates.compactMap(\.selectionScore).min()!
            let first = c.candidates.first { $0.selectionScore == least }!
            let winner = RollingForecast.all(of: ForecastMethod(rawValue: first.method)!, weekly: y)
            let mean = RollingForecast.all(of: .mean, weekly: y)
            let selection = y.count > 4 ? 4..<y.count : max(1, y.count - 8)..<y.count
            let prefers = first.method != "mean" && c.candidates.contains { $0.method == "mean" }
                && y.withUnsafeBufferPointer { y in mean.withUnsafeBufferPointer { m in winner.withUnsafeBufferPointer { w in
                    MeanRule.prefersMean(y, mean: m, winner: w, selection: selection) } } }
            #expect(c.method == (prefers ? "mean" : first.method), "\(y)")
            if prefers {
                changed += 1
                #expect(c.why.contains("average week (mean)") && c.why.contains(first.method), "\(c.why)")
            }
        }
        #expect(changed > 0, "no contract series exercises the rule")
    }

    @Test func theMeanRuleKeepsTheMeanWhenTheWinnersLeadIsWithinOneStandardError() {
        // Origins 0...3, y = 7, 4, 4, 5, the mean forecasting 5 each time: errors 2, −1, −1, 0
        // (average 0: no drift; their sd √2, standard error √2/2 = 0.707).
        // The winner forecasts 6, 2.5, 3, 5: errors 1, 1.5, 1, 0, mean squared error 1.0625
        // against the mean's 1.5. Differences e² − w²: 3, −1.25, 0, 0: average 0.4375, sample
        // sd √(9.796875/3) = 1.8071, standard error 0.9036. 0.4375 <= 0.9036: the mean stays.
        #expect(Self.prefersMean(y: [7, 4, 4, 5], mean: [5, 5, 5, 5], winner: [6, 2.5, 3, 5]))
    }

    @Test func theMeanRuleYieldsToAWinnerClearlyBetter() {
        // y = 4, 6, 4, 6, the mean 5, the winner 4, 6, 5, 5: errors −1, 1, −1, 1 and 0, 0, −1, 1.
        // Differences 1, 1, 0, 0: average 0.5, sample sd √(1/3) = 0.577, standard error 0.289.
        // 0.5 > 0.289: the winner stays.
        #expect(!Self.prefersMean(y: [4, 6, 4, 6], mean: [5, 5, 5, 5], winner: [4, 6, 5, 5]))
    }

    @Test func theMeanRuleYieldsWhereTheMeansErrorsDrift() {
        // y = 6, 6, 6, 7, the mean 5, the winner 6 each time: the mean's errors 1, 1, 1, 2
        // average 1.25, sd 0.5, standard error 0.25: a level the mean misses. The winner stays.
        #expect(!Self.prefersMean(y: [6, 6, 6, 7], mean: [5, 5, 5, 5], winner: [6, 6, 6, 6]))
        // With fewer than 3 origins there is no standard error: the winner stays.
        #expect(!Self.prefersMean(y: [5, 5], mean: [5, 5], winner: [5, 5]))
    }

    static func prefersMean(y: [Double], mean: [Double], winner: [Double]) -> Bool {
        y.withUnsafeBufferPointer { y in mean.withUnsafeBufferPointer { m in winner.withUnsafeBufferPointer { w in
            MeanRule.prefersMean(y, mean: m, winner: w, selection: 0..<y.count) } } }
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

    @Test func everyOriginWeighsTheSame() {
        // 30 weeks alternating 0/10 then 12 weeks of a steady 8, origins from week 4 on.
        // naive misses by 10 on each of the 26 old origins and is exact on all but the first
        // recent one: RMSE 8.278, mean error −0.053: score 8.331. The mean (5 on the old
        // weeks, creeping to 5.8 on the recent ones) misses by about 5 and then about 2:
        // RMSE 4.537, mean error +0.940: score 5.477 (sums worked out separately). With every
        // origin alike the old weeks count fully, so naive does not win (with 0.85^age
        // weights it did: README, "How the forecast is chosen").
        let y = (0..<30).map { $0 % 2 == 0 ? 0.0 : 10 } + Array(repeating: 8, count: 12)
        let c = ForecastSelector.select(weekly: y, demandClass: .smooth)
        let mean = c.candidates.first { $0.method == "mean" }!
        let naive = c.candidates.first { $0.method == "naive" }!
        #expect(c.method != "naive")
        #expect(abs(mean.selectionScore! - 5.47706) < 1e-5)
        #expect(abs(naive.selectionScore! - 8.33069) < 1e-5)
        var recent = SelectionPolicy.standard
        recent.discount = 0.85
        #expect(ForecastSelector.select(weekly: y, demandClass: .smooth, policy: recent).method != "mean")
    }

    @Test func squaredErrorChoosesTheMeanWhereAbsoluteErrorWouldChooseForecastingLow() {
        // y = 4, 0, 0, 0, 4, 0, 0, 0; zero against mean, every origin from week 4 weighing
        // the same. At weeks 4…7 (actual 4, 0, 0, 0) mean forecasts 4/4, 8/5, 8/6, 8/7.
        // Absolute: zero misses by 4 + 0 + 0 + 0 = 4, mean by 3 + 1.6 + 1.333 + 1.143 = 7.08:
        //   zero would win (the median of mostly empty weeks is 0).
        // Squared: zero √(16/4) = 2 plus its bias |4/4| = 1: 3; mean √((9 + 2.56 + 1.778
        //   + 1.306)/4) = 1.913 plus |3 − 1.6 − 1.333 − 1.143|/4 = 0.269: 2.183. The mean
        //   wins, the rate that a lead time can multiply.
        let y: [Double] = [4, 0, 0, 0, 4, 0, 0, 0]
        let policy = SelectionPolicy(smooth: [.zero, .mean], intermittent: [.zero, .mean], discount: 1)
        let c = ForecastSelector.select(weekly: y, demandClass: .intermittent, policy: policy)
        #expect(c.method == "mean")
        let zero = c.candidates[0], mean = c.candidates[1]
        #expect(zero.selectionScore == 3)
        let squares = 9 + 2.56 + 16.0 / 9 + 64.0 / 49
        let bias = abs(3 - 1.6 - 4.0 / 3 - 8.0 / 7) / 4
        #expect(abs(mean.selectionScore! - ((squares / 4).squareRoot() + bias)) < 1e-12)
        // The same origins by absolute error, from the rolling forecasts: zero is lower.
        let f = RollingForecast.all(of: .mean, weekly: y)
        let meanAbsolute = (4..<8).map { abs(y[$0] - f[$0]) }.reduce(0, +)
        #expect(abs(meanAbsolute - (3 + 1.6 + 4.0 / 3 + 8.0 / 7)) < 1e-12 && meanAbsolute > 4)
    }

    @Test func theScoreAddsTheAbsoluteMeanErrorToTheRootMeanSquare() {
        // y = 2, 6, 2, 6, 2, 6, 2, 6 (smooth); naive against mean, every origin from week 4
        // weighing the same, weeks 4…7 (actual 2, 6, 2, 6).
        // naive forecasts 6, 2, 6, 2: errors −4, 4, −4, 4: RMSE 4, bias 0: score 4.
        // mean forecasts 4, 3.6, 4, 3.714: errors −2, 2.4, −2, 2.286: RMSE 2.18, mean error
        //   +0.171 (high weeks under-forecast slightly more): score 2.18 + 0.171.
        // The mean wins; the bias term adds its small steady offset to its score.
        let y: [Double] = [2, 6, 2, 6, 2, 6, 2, 6]
        let policy = SelectionPolicy(smooth: [.naive, .mean], intermittent: [.naive, .mean], discount: 1)
        let c = ForecastSelector.select(weekly: y, demandClass: .smooth, policy: policy)
        let e: [Double] = [-2, 6 - 18.0 / 5, -2, 6 - 26.0 / 7]
        let rmse = (e.map { $0 * $0 }.reduce(0, +) / 4).squareRoot()
        #expect(c.method == "mean")
        #expect(c.candidates[0].selectionScore == 4)
        #expect(abs(c.candidates[1].selectionScore! - (rmse + abs(e.reduce(0, +)) / 4)) < 1e-12)
    }

    @Test func forecastBiasIsTheMeanSignedErrorAtTheLastEightOrigins() {
        // y = 4, 0, 0, 0, 4, 0, 0, 0 with mean: origins 1…7 forecast 4, 2, 4/3, 1, 8/5, 4/3,
        // 8/7 against 0, 0, 0, 4, 0, 0, 0: bias (12.4095… − 4) / 7 = +1.2014 a week (the
        // mean forecasts high after an order), MAE (12.4095… − 1 + 3) / 7.
        let y: [Double] = [4, 0, 0, 0, 4, 0, 0, 0]
        let policy = SelectionPolicy(smooth: [.mean], intermittent: [.mean])
        let c = ForecastSelector.select(weekly: y, demandClass: .intermittent, policy: policy)
        let forecasts = 4 + 2 + 4.0 / 3 + 1 + 1.6 + 4.0 / 3 + 8.0 / 7
        #expect(abs(c.bias! - (forecasts - 4) / 7) < 1e-12)
        #expect(abs(c.mae! - (forecasts - 1 + 3) / 7) < 1e-12)
        #expect(c.candidates[0].bias == c.bias)
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
