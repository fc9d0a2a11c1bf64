/// A SKU's recommended reorder point and the figures behind it (README, "How the reorder point
/// is reached").
public struct ReorderPointResult: Sendable, Hashable {
    /// The recommended reorder point, whole units >= 0: `reorder_point`.
    public var reorderPoint: Int
    /// `reorder_point - forecast_daily x lead_time_days`, units (may be negative):
    /// `safety_stock`.
    public var safetyStock: Double
    /// `forecast_daily x lead_time_days`, units.
    public var expectedLeadTimeDemand: Double
    /// Mean undershoot: how far, on average, the position is below the reorder point when a
    /// reorder is triggered, units.
    public var meanUndershoot: Double
    /// The forecast the point was reached with, units/day (>= 0).
    public var forecastDaily: Double
    /// The lead time the point was reached with, days (>= 0).
    public var leadTimeDays: Double
    /// How the point was reached.
    public var basis: Basis

    /// How `ReorderPointModel` reached the point.
    public enum Basis: Sendable, Hashable {
        /// No demand is forecast: the point is 0.
        case noDemand
        /// No demand in the history: single-unit Poisson demand is assumed.
        case unitPoisson
        /// Simulated: `covered` of `cycles` simulated cycles pass without a backorder.
        case simulated(covered: Int, cycles: Int)
    }

    public init(reorderPoint: Int, safetyStock: Double, expectedLeadTimeDemand: Double, meanUndershoot: Double,
                forecastDaily: Double, leadTimeDays: Double, basis: Basis) {
        self.reorderPoint = reorderPoint
        self.safetyStock = safetyStock
        self.expectedLeadTimeDemand = expectedLeadTimeDemand
        self.meanUndershoot = meanUndershoot
        self.forecastDaily = forecastDaily
        self.leadTimeDays = leadTimeDays
        self.basis = basis
    }

    /// The point in words: "63 = 42 lead-time demand (3/day x 14 days) + 21 safety stock; ...".
    /// Written when asked (`restock sku`), not for every SKU of a run.
    public var explanation: String {
        let format = ReorderPointModel.format
        let ss = safetyStock
        return "\(reorderPoint) = \(format(expectedLeadTimeDemand)) lead-time demand "
            + "(\(format(forecastDaily))/day x \(LeadTimeEstimator.format(leadTimeDays)) days) "
            + "\(ss < 0 ? "-" : "+") \(format(abs(ss))) safety stock; \(how)"
    }

    /// How the point was reached, in words (the end of `explanation`).
    private var how: String {
        switch basis {
        case .noDemand:
            return "no demand is forecast"
        case .unitPoisson:
            return "no demand in the history, so single-unit orders at random (Poisson) are assumed"
        case .simulated(let covered, let cycles):
            return "\(ReorderPointModel.percent(Double(covered) / Double(cycles))) of \(cycles) "
                + "simulated cycles pass without a backorder (mean undershoot "
                + "\(ReorderPointModel.format(meanUndershoot)))"
        }
    }
}
