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

    /// Everything but the points the model is asked for.
    struct Inputs {
        var history: CalibrationHarness.History
        var asOf: Int
        var forecast: Double
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
            bulkDays: inputs.history.bulkDays, oneOffDays: inputs.history.oneOffDays)
    }

    static let header = "target s minimal achieved | sTrueLT sTrueRate sBoth achBoth | forecast histMean trueRate"
        + " | LT est mean sd n | LT true mean sd | Q bulkDays oneOffs"

    var line: String {
        String(format: "%.2f %d %d %.3f | %d %d %d %.3f | %.3f %.3f %.3f | %.1f %.1f %d | %.1f %.1f | %.0f %d %d",
               target, point, minimal, achieved, withTrueLeadTime, withTrueRate, withBoth, achievedWithBoth,
               forecast, historyMean, trueRate, leadTime.days, leadTime.sdDays, leadTime.observations,
               trueLeadMean, trueLeadSD, orderQuantity, bulkDays, oneOffDays)
    }
}
