import Testing
@testable import RestockCore

/// The contract every forecasting model keeps (`ForecastModel`), run over all of them.
@Suite struct ForecastModelContractTests {
    /// Short, odd and real-looking series: smooth, intermittent, lumpy, trending, fractional.
    static let series: [[Double]] = [
        [5, 6, 4, 5, 7, 5, 6, 4],
        [3, 0, 0, 6, 0, 2, 0, 0, 0, 4],
        [1, 0, 0, 0, 120, 0, 0, 1, 0, 0, 0, 0, 0, 60, 0],
        Array(stride(from: 1.0, through: 30, by: 1)),
        [0.5, 0, 0.25, 0, 0, 1.75, 0.5],
        [9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        (0..<104).map { Double(($0 * 37) % 11 < 3 ? ($0 * 13) % 29 : 0) },
    ]

    @Test(arguments: ForecastMethod.allCases)
    func emptyHistoryForecastsZero(method: ForecastMethod) {
        #expect(method.forecast(weekly: []) == 0)
    }

    @Test(arguments: ForecastMethod.allCases)
    func allZeroHistoryForecastsZero(method: ForecastMethod) {
        #expect(method.forecast(weekly: [0]) == 0)
        #expect(method.forecast(weekly: [0, 0, 0, 0, 0, 0]) == 0)
    }

    @Test(arguments: ForecastMethod.allCases)
    func singleWeekForecastsThatWeek(method: ForecastMethod) {
        // One week of 7 units: every rate model's only evidence is 7 a week (Croston and
        // TSB fall back to `mean` before a second demand week); zero stays 0.
        #expect(method.forecast(weekly: [7]) == (method == .zero ? 0 : 7))
    }

    @Test(arguments: ForecastMethod.allCases)
    func constantDemandForecastsThatConstant(method: ForecastMethod) {
        // 4 units every week. SBA deliberately deflates Croston by 1 − α/2 = 0.95: 3.8.
        let expected: Double = switch method {
        case .zero: 0
        case .crostonSBA: 4 * 0.95
        default: 4
        }
        let forecast = method.forecast(weekly: Array(repeating: 4, count: 12))
        #expect(abs(forecast - expected) < 1e-12)
    }

    @Test(arguments: ForecastMethod.allCases)
    func forecastsAreFiniteAndNonNegative(method: ForecastMethod) {
        for y in Self.series {
            for f in RollingForecast.all(of: method, weekly: y) {
                #expect(f.isFinite && f >= 0, "\(method) on \(y): \(f)")
            }
        }
    }

    @Test(arguments: ForecastMethod.allCases)
    func rollingForecastAtEachOriginEqualsTheModelRunOnThePrefix(method: ForecastMethod) {
        // The rolling-origin evaluation relies on this: origin t sees weeks 0..<t only.
        for y in Self.series {
            let rolling = RollingForecast.all(of: method, weekly: y)
            for t in 0...y.count {
                #expect(rolling[t] == method.forecast(weekly: Array(y[0..<t])), "\(method) at \(t) of \(y)")
            }
        }
    }

    @Test(arguments: ForecastMethod.allCases)
    func forecastScalesWithTheUnits(method: ForecastMethod) {
        // Counting in dozens changes no choice of parameter: f(12·y) = 12·f(y).
        for y in Self.series {
            let f = method.forecast(weekly: y)
            let scaled = method.forecast(weekly: y.map { 12 * $0 })
            #expect(abs(scaled - 12 * f) <= 1e-9 * max(1, scaled), "\(method) on \(y)")
        }
    }

    @Test(arguments: ForecastMethod.allCases)
    func forecastStaysWithinTheRangeOfTheHistory(method: ForecastMethod) {
        // Every model but the damped trend averages past weeks (or past sizes over
        // intervals >= 1 week), so its forecast never exceeds the largest week; the damped
        // trend carries a rise on beyond it (on 1, 2, …, 30 it forecasts above 30).
        guard method != .dampedTrend else {
            #expect(method.forecast(weekly: Array(stride(from: 1.0, through: 30, by: 1))) > 30)
            return
        }
        for y in Self.series {
            #expect(method.forecast(weekly: y) <= y.max()! + 1e-12, "\(method) on \(y)")
        }
    }
}
