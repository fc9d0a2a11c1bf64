import Foundation
import RestockCore

/// Why one calibration SKU's reorder point lands where it does (`CALIBRATION_DETAIL=1`
/// prints one line per SKU and target): restock's point against the smallest sufficient
/// one, and the points the model gives when it is handed the truth for one input at a time
/// (the true lead-time distribution, the true rate, both), so a miss is traced to the
/// lead-time estimate, the rate, or the model itself.
struct CalibrationDiagnosis {
    var target: Double
    var point: Int
    var minimal: Int
    var achieved: Double
    /// The model's point with the true lead times (500 drawn), with the true rate, with both.
    var withTrueLeadTime: Int
    var withTrueRate: Int
    var withBoth: Int
    var achievedWithBoth: Double
    var forecast: Double
    var historyMean: Double
    var trueRate: Double
    var leadTime: LeadTimeForecast
    var trueLeadMean: Double
    var trueLeadSD: Double
    var orderQuantity: Double
    var bulkDays: Int
    var oneOffDays: Int
    /// The forecasting method the choice made (`forecast_method`).
    var method: String

    /// Everything but the points the model is asked for.
    struct Inputs {
        var history: CalibrationHarness.History
        var asOf: Int
        var forecast: Double
        var method: String
        var leadTime: LeadTimeForecast
        var orderQuantity: Double
    }

    /// The true lead times as a forecast: the first 500 of the orders placed on the true
    /// processes, their mean and standard deviation.
    static func trueLeadTime(_ truth: TrueCycles) -> LeadTimeForecast {
        let lt = truth.leadTimes.prefix(500)
        let m = lt.reduce(0, +) / Double(max(lt.count, 1))
        let sd = (lt.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(lt.count - 1, 1))).squareRoot()
        return LeadTimeForecast(days: m, sdDays: sd, source: .receipts, observations: lt.count,
                                explanation: "true", sample: Array(lt))
    }

    /// - Parameter points: restock's point, the smallest sufficient one, the model's with
    ///   the true rate and lead times.
    static func make(_ inputs: Inputs, truth: TrueCycles, target: Double,
                     points: (restock: Int, minimal: Int, trueInputs: Int)) -> Self {
        let trueLead = trueLeadTime(truth)
        let (point, minimal, both) = points
        func modelPoint(_ rate: Double, _ lead: LeadTimeForecast) -> Int {
            ReorderPointModel.reorderPoint(
                history: inputs.history.days, historyStart: inputs.history.start, asOf: inputs.asOf,
                forecastDaily: rate, leadTime: lead, orderQuantity: inputs.orderQuantity,
                serviceLevel: target).reorderPoint
        }
        let daily = inputs.history.daily
        return CalibrationDiagnosis(
            target: target, point: point, minimal: minimal, achieved: truth.serviceLevel(point),
            withTrueLeadTime: modelPoint(inputs.forecast, trueLead),
            withTrueRate: modelPoint(truth.demandPerDay, inputs.leadTime), withBoth: both,
            achievedWithBoth: truth.serviceLevel(both), forecast: inputs.forecast,
            historyMean: daily.reduce(0, +) / Double(max(daily.count, 1)), trueRate: truth.demandPerDay,
            leadTime: inputs.leadTime, trueLeadMean: trueLead.days, trueLeadSD: trueLead.sdDays,
            orderQuantity: inputs.orderQuantity,
            bulkDays: inputs.history.bulkDays, oneOffDays: inputs.history.oneOffDays, method: inputs.method)
    }

    static let header = "target s minimal achieved | sTrueLT sTrueRate sBoth achBoth | forecast histMean trueRate"
        + " | LT est mean sd n | LT true mean sd | Q bulkDays oneOffs | method"

    var line: String {
        String(format: "%.2f %d %d %.3f | %d %d %d %.3f | %.3f %.3f %.3f | %.1f %.1f %d | %.1f %.1f | %.0f %d %d | ",
               target, point, minimal, achieved, withTrueLeadTime, withTrueRate, withBoth, achievedWithBoth,
               forecast, historyMean, trueRate, leadTime.days, leadTime.sdDays, leadTime.observations,
               trueLeadMean, trueLeadSD, orderQuantity, bulkDays, oneOffDays) + method
    }
}

extension CalibrationDiagnosis {
    /// What the SKUs of one cell that fall more than 10 points below `target` have in common,
    /// from their diagnoses (printed per cell with `CALIBRATION_DETAIL=1`, see README, "How
    /// the reorder point is reached"): how many there are, the median of their forecast over
    /// the true rate and of their lead-time mean over the true one, and how many of them the
    /// model's point reaches the smallest sufficient one for when it is handed the true lead
    /// times, the true rate, or both. A far-below SKU closed by the true rate but not by the
    /// true lead times points at the forecast; the other way round, at the receipts.
    struct FarBelow: Equatable {
        var skus: Int
        var farBelow: Int
        var rateRatio: Double?
        var leadTimeRatio: Double?
        var closedByTrueLeadTime: Int
        var closedByTrueRate: Int
        var closedByBoth: Int

        init(_ diagnoses: [CalibrationDiagnosis], target: Double) {
            let far = diagnoses.filter { CalibrationHarness.isFarBelow($0.achieved, target: target) }
            skus = diagnoses.count
            farBelow = far.count
            rateRatio = Percentile.inclusive(far.filter { $0.trueRate > 0 }.map { $0.forecast / $0.trueRate }, 0.5)
            leadTimeRatio = Percentile.inclusive(far.filter { $0.trueLeadMean > 0 }.map { $0.leadTime.days / $0.trueLeadMean }, 0.5)
            closedByTrueLeadTime = far.filter { $0.withTrueLeadTime >= $0.minimal }.count
            closedByTrueRate = far.filter { $0.withTrueRate >= $0.minimal }.count
            closedByBoth = far.filter { $0.withBoth >= $0.minimal }.count
        }

        static let header = "| world | class | target | SKUs | > 10 pts below | their forecast / true rate (median)"
            + " | their lead-time mean / true (median) | reach the smallest sufficient point given: the true lead times"
            + " | the true rate | both |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"

        func row(world: String, demandClass: String, target: Double) -> String {
            func ratio(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "-" }
            return "| \(world) | \(demandClass) | \(String(format: "%.2f", target)) | \(skus) | \(farBelow)"
                + " | \(ratio(rateRatio)) | \(ratio(leadTimeRatio)) | \(closedByTrueLeadTime) | \(closedByTrueRate) | \(closedByBoth) |"
        }
    }
}
