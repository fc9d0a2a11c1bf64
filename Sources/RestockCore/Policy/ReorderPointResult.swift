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
    /// The point in words: "63 = 42 lead-time demand (3/day x 14 days) + 21 safety stock; ...".
    public var explanation: String

    public init(reorderPoint: Int, safetyStock: Double, expectedLeadTimeDemand: Double,
                meanUndershoot: Double, explanation: String) {
        self.reorderPoint = reorderPoint
        self.safetyStock = safetyStock
        self.expectedLeadTimeDemand = expectedLeadTimeDemand
        self.meanUndershoot = meanUndershoot
        self.explanation = explanation
    }
}
