@testable import RestockCore

/// Rolling one-step-ahead evaluation over the last `holdout` periods of many series: every
/// single method, and the automatic selection applied to each prefix.
struct HoldoutBenchmark {
    static let holdout = 8

    struct Tally {
        var absolute = 0.0
        var signed = 0.0
        var count = 0
        var mae: Double { absolute / Double(max(count, 1)) }
        /// Mean forecast − actual (units per period): negative means under-forecasting.
        var bias: Double { -signed / Double(max(count, 1)) }
        mutating func merge(_ other: Tally) {
            absolute += other.absolute
            signed += other.signed
            count += other.count
        }
        mutating func add(actual: Double, forecast: Double) {
            absolute += abs(actual - forecast)
            signed += actual - forecast
            count += 1
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

    /// Scores `histories` (each from its first demand on). Only origins with at least one
    /// prior period count, the same ones for every method.
    static func run(_ histories: [[Double]], policy: SelectionPolicy = .standard) -> HoldoutBenchmark {
        var result = HoldoutBenchmark()
        for h in histories {
            let n = h.count
            let targets = max(1, n - holdout)..<max(1, n)
            guard !targets.isEmpty else { continue }
            result.series += 1
            for method in ForecastMethod.allCases {
                let f = RollingForecast.all(of: method, weekly: h)
                for t in targets { result.single[method, default: Tally()].add(actual: h[t], forecast: f[t]) }
            }
            for t in targets {
                let prefix = Array(h[0..<t])
                let demandClass = DemandClassifier.classify(weekly: prefix).demandClass
                let choice = ForecastSelector.select(weekly: prefix, demandClass: demandClass, policy: policy)
                result.automatic.add(actual: h[t], forecast: choice.weekly)
                result.chosen[choice.method, default: 0] += 1
                if let mae = choice.mae {
                    result.reportedMAE.add(actual: mae, forecast: 0)
                    result.nextError.add(actual: h[t], forecast: choice.weekly)
                }
            }
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

    /// Best single method among the selectable ones (zero is a reference only).
    var bestSingle: (method: ForecastMethod, mae: Double) {
        let rows = single.filter { $0.key != .zero }.map { ($0.key, $0.value.mae) }
        return rows.min { $0.1 < $1.1 }!
    }

    func markdown(title: String) -> String {
        let total = chosen.values.reduce(0, +)
        var lines = ["\(title): \(series) series, \(automatic.count) forecasts", "",
                     "| method | MAE | bias | chosen |", "| --- | ---: | ---: | ---: |"]
        func pct(_ c: Int) -> String { total == 0 ? "0%" : String(format: "%.1f%%", 100 * Double(c) / Double(total)) }
        for method in ForecastMethod.allCases {
            guard let tally = single[method] else { continue }
            let name = method == .zero ? "zero (reference, never chosen)" : method.rawValue
            lines.append("| \(name) | \(String(format: "%.4f", tally.mae)) | \(String(format: "%+.4f", tally.bias)) | \(pct(chosen[method.rawValue] ?? 0)) |")
        }
        lines.append("| **automatic** | **\(String(format: "%.4f", automatic.mae))** | \(String(format: "%+.4f", automatic.bias)) | 100% |")
        lines.append("")
        lines.append("forecast_mae as reported averages \(String(format: "%.4f", reportedMAE.mae)); "
            + "the next period's error of the same forecasts averages \(String(format: "%.4f", nextError.mae)).")
        return lines.joined(separator: "\n")
    }
}
