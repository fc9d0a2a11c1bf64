import Foundation
@testable import RestockCore

/// Rolling one-step-ahead evaluation over the last `holdout` periods of many series: every
/// single method, and the automatic selection applied to each prefix.
struct HoldoutBenchmark {
    static let holdout = 8

    struct Tally {
        var absolute = 0.0
        var signed = 0.0
        var actual = 0.0
        var count = 0
        /// Sum over series of each series' RMSSE, and how many series have one.
        var rmsseSum = 0.0
        var rmsseSeries = 0
        var mae: Double { absolute / Double(max(count, 1)) }
        /// Mean forecast − actual (units per period): negative means under-forecasting.
        var bias: Double { -signed / Double(max(count, 1)) }
        /// The bias as a share of the mean actual demand.
        var relativeBias: Double { actual > 0 ? -signed / actual : 0 }
        /// Mean over series of the root mean squared scaled error (M5): each series' RMSE
        /// over its holdout divided by the RMSE of the naive one-step forecast in its
        /// training part (the periods before the holdout).
        var rmsse: Double { rmsseSum / Double(max(rmsseSeries, 1)) }
        mutating func merge(_ other: Tally) {
            absolute += other.absolute
            signed += other.signed
            actual += other.actual
            count += other.count
            rmsseSum += other.rmsseSum
            rmsseSeries += other.rmsseSeries
        }
        mutating func add(actual: Double, forecast: Double) {
            absolute += abs(actual - forecast)
            signed += actual - forecast
            self.actual += actual
            count += 1
        }
        /// Adds one series' holdout: actuals and forecasts, and its naive scale (MSE).
        mutating func add(actuals: [Double], forecasts: [Double], scale: Double?) {
            var squares = 0.0
            for (a, f) in zip(actuals, forecasts) {
                add(actual: a, forecast: f)
                squares += (a - f) * (a - f)
            }
            if let scale {
                rmsseSum += (squares / Double(actuals.count) / scale).squareRoot()
                rmsseSeries += 1
            }
        }
    }

    var single: [ForecastMethod: Tally] = [:]
    var automatic = Tally()
    var chosen: [String: Int] = [:]
    /// The `forecast_mae` the selector reported at each origin (selection-biased)...
    var reportedMAE = Tally()
    /// ...and the error of the very next period (out of sample), over the same origins.
    var nextError = Tally()
    var series = 0

    /// The in-sample mean squared error of the naive one-step forecast over `training`
    /// (M5's RMSSE denominator); nil when it is 0 or there are fewer than 2 periods.
    static func naiveScale(_ training: ArraySlice<Double>) -> Double? {
        guard training.count >= 2 else { return nil }
        var squares = 0.0
        for t in (training.startIndex + 1)..<training.endIndex {
            squares += (training[t] - training[t - 1]) * (training[t] - training[t - 1])
        }
        let scale = squares / Double(training.count - 1)
        return scale > 0 ? scale : nil
    }

    /// Scores `histories` (each from its first demand on). Only origins with at least one
    /// prior period count, the same ones for every method.
    static func run(_ histories: [[Double]], policy: SelectionPolicy = .standard) -> HoldoutBenchmark {
        var result = HoldoutBenchmark()
        for h in histories {
            let n = h.count
            let targets = max(1, n - holdout)..<max(1, n)
            guard !targets.isEmpty else { continue }
            result.series += 1
            let actuals = Array(h[targets])
            let scale = naiveScale(h[0..<targets.lowerBound])
            for method in ForecastMethod.allCases {
                let f = RollingForecast.all(of: method, weekly: h)
                result.single[method, default: Tally()].add(actuals: actuals, forecasts: Array(f[targets]), scale: scale)
            }
            var automatic: [Double] = []
            for t in targets {
                let prefix = Array(h[0..<t])
                let demandClass = DemandClassifier.classify(weekly: prefix).demandClass
                let choice = ForecastSelector.select(weekly: prefix, demandClass: demandClass, policy: policy)
                automatic.append(choice.weekly)
                result.chosen[choice.method, default: 0] += 1
                if let mae = choice.mae {
                    result.reportedMAE.add(actual: mae, forecast: 0)
                    result.nextError.add(actual: h[t], forecast: choice.weekly)
                }
            }
            result.automatic.add(actuals: actuals, forecasts: automatic, scale: scale)
        }
        return result
    }

    /// Adds another benchmark's tallies (pooling data sets).
    mutating func merge(_ other: HoldoutBenchmark) {
        for (method, tally) in other.single { single[method, default: Tally()].merge(tally) }
        automatic.merge(other.automatic)
        for (method, count) in other.chosen { chosen[method, default: 0] += count }
        reportedMAE.merge(other.reportedMAE)
        nextError.merge(other.nextError)
        series += other.series
    }

    /// The selectable single methods (zero is a reference only).
    var selectable: [(method: ForecastMethod, tally: Tally)] {
        single.filter { $0.key != .zero }.map { ($0.key, $0.value) }
    }

    func markdown(title: String) -> String {
        let total = chosen.values.reduce(0, +)
        let mean = automatic.actual / Double(max(automatic.count, 1))
        var lines = ["\(title): \(series) series, \(automatic.count) forecasts, mean demand "
                     + String(format: "%.4f", mean) + " a period; RMSSE over \(automatic.rmsseSeries) series", "",
                     "| method | MAE | RMSSE | bias | bias / mean demand | chosen |",
                     "| --- | ---: | ---: | ---: | ---: | ---: |"]
        func pct(_ c: Int) -> String { total == 0 ? "0%" : String(format: "%.1f%%", 100 * Double(c) / Double(total)) }
        func row(_ name: String, _ tally: Tally, _ chosen: String) -> String {
            "| \(name) | \(String(format: "%.4f", tally.mae)) | \(String(format: "%.4f", tally.rmsse))"
                + " | \(String(format: "%+.4f", tally.bias)) | \(String(format: "%+.1f%%", 100 * tally.relativeBias)) | \(chosen) |"
        }
        for method in ForecastMethod.allCases {
            guard let tally = single[method] else { continue }
            let name = method == .zero ? "zero (reference, never a candidate)" : method.rawValue
            lines.append(row(name, tally, pct(chosen[method.rawValue] ?? 0)))
        }
        lines.append(row("**automatic**", automatic, "100%"))
        lines.append("")
        lines.append("forecast_mae as reported averages \(String(format: "%.4f", reportedMAE.mae)); "
            + "the next period's error of the same forecasts averages \(String(format: "%.4f", nextError.mae)).")
        return lines.joined(separator: "\n")
    }
}
