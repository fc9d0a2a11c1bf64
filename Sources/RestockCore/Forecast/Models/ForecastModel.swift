/// One forecasting model as restock runs it: a pure function from a weekly history to
/// its one-step-ahead forecasts at every origin.
///
/// Every model writes, for each t in 0...n (n = y.count), `forecasts[t]`: its forecast of
/// week t made only from weeks 0..<t, with any parameter refitted on those weeks alone.
/// `forecasts[n]` is thus the forecast of the coming week from the whole history, and
/// `forecasts[t]` for t < n is the honest out-of-sample forecast the rolling-origin
/// evaluation scores. Computing all origins in one pass keeps a model O(n) (O(n × grid)
/// when it fits a parameter on a grid) with no allocation beyond the caller's buffer.
///
/// Contract, checked for every model by `ForecastModelContractTests`: forecasts are finite
/// and >= 0 for non-negative input; `forecasts[0]` (no history) is 0, the `zero` model's
/// answer; the result at t equals the model run on the prefix of length t.
protocol ForecastModel {
    static var method: ForecastMethod { get }
    /// Fills `forecasts` (count y.count + 1) as described on the protocol.
    static func rollingForecasts(_ y: UnsafeBufferPointer<Double>, into forecasts: UnsafeMutableBufferPointer<Double>)
}

/// Runs models over whole arrays, with the scratch space on the stack.
enum RollingForecast {
    /// Fills `forecasts` with `method`'s rolling one-step forecasts of `y`.
    @inline(__always)
    static func run(_ method: ForecastMethod, _ y: UnsafeBufferPointer<Double>,
                    into forecasts: UnsafeMutableBufferPointer<Double>) {
        switch method {
        case .zero: ZeroModel.rollingForecasts(y, into: forecasts)
        case .naive: NaiveModel.rollingForecasts(y, into: forecasts)
        case .mean: MeanModel.rollingForecasts(y, into: forecasts)
        case .movingAverage: MovingAverageModel.rollingForecasts(y, into: forecasts)
        case .ses: SESModel.rollingForecasts(y, into: forecasts)
        case .dampedTrend: DampedTrendModel.rollingForecasts(y, into: forecasts)
        case .croston: CrostonModel.rollingForecasts(y, into: forecasts)
        case .crostonSBA: CrostonSBAModel.rollingForecasts(y, into: forecasts)
        case .tsb: TSBModel.rollingForecasts(y, into: forecasts)
        case .adida: ADIDAModel.rollingForecasts(y, into: forecasts)
        case .imapa: IMAPAModel.rollingForecasts(y, into: forecasts)
        }
    }

    /// All n + 1 rolling forecasts of `weekly` as an array (tests and tools).
    static func all(of method: ForecastMethod, weekly: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: weekly.count + 1)
        weekly.withUnsafeBufferPointer { y in
            out.withUnsafeMutableBufferPointer { run(method, y, into: $0) }
        }
        return out
    }

    /// The forecast of the coming week from the whole history (units per week).
    static func final(of method: ForecastMethod, weekly: [Double]) -> Double {
        weekly.withUnsafeBufferPointer { y in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: y.count + 1) { f in
                run(method, y, into: f)
                return f[y.count]
            }
        }
    }
}
