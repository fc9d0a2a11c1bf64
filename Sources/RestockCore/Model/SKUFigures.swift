/// Every figure of one SKU: one row of `skus.csv`, in its column order (README, "The
/// figures"). Optional values are written as empty cells.
public struct SKUFigures: Sendable, Hashable {
    public var sku: String
    public var name: String?
    public var category: String?
    public var supplier: String?
    // Backorders and service.
    public var orderLines: Int = 0
    public var orderedUnits: Double = 0
    public var backorderLines: Int = 0
    public var backorderedUnits: Double = 0
    /// Share 0...1 of order lines with a backorder; nil without order lines.
    public var backorderRate: Double?
    public var stockoutDays: Int = 0
    public var openBackorderUnits: Double = 0
    public var lostUnits: Double = 0
    /// Units returned in the window (README, "Returns and cancellations").
    public var returnedUnits: Double = 0
    /// Where the backorder figures came from (README, "Backorders inferred from orders").
    public var backorderSource: BackorderSource = .none
    public var fillDaysP50: Double?
    public var fillDaysP90: Double?
    // Demand and forecast.
    public var adi: Double?
    public var cv2: Double?
    public var demandClass: DemandClass = .new
    public var forecastMethod: String = ""
    /// Units per day.
    public var forecastDaily: Double = 0
    /// Units per week.
    public var forecastMAE: Double?
    /// Units per week, forecast − actual (negative: forecasting low); written after the
    /// contract's columns.
    public var forecastBias: Double?
    // Lead time.
    public var leadTimeDays: Double = 0
    public var leadTimeSDDays: Double = 0
    public var leadTimeSource: LeadTimeSource = .default
    // Policy.
    public var serviceLevel: Double = 0.95
    public var safetyStock: Double = 0
    public var reorderPoint: Double = 0
    public var reorderPointInForce: Double?
    public var reorderPointIncrease: Double = 0
    public var orderQuantity: Double = 0
    public var onHand: Double?
    public var onOrder: Double?
    public var inventoryPosition: Double?
    public var orderNowUnits: Double?
    public var unitPrice: Double?
    public var revenueAtRisk: Double = 0
    /// Day by which open backorders are expected to ship; nil without open backorders.
    public var backorderETA: Day?
    /// Units of the demand history's one-off bulk lines that the forecast and the reorder point do
    /// not see (`OneOffBulkRule`; README, "One-off bulk orders").
    public var oneOffUnits: Double = 0
    /// Why the SKU is left out of the advice as not stock; nil for a stock SKU (README,
    /// "Non-stock lines").
    public var leftOut: NonStock?
    /// Whether restock knows the SKU's stock settings: on_hand or a reorder point in force
    /// (README, "Advice without stock levels").
    public var stockKnown: Bool = true
    /// Whether the SKU's stock settings are not known and it needs a reorder point set up
    /// (`reorder_points_to_set_up.csv`).
    public var isToSetUp: Bool = false
    /// Whether the SKU is a recommendation (reorder point should rise or order now).
    public var isRecommended: Bool = false
    /// Why, in words, with the figures behind it (recommendations.csv `reason`).
    public var reason: String = ""

    public init(sku: String) { self.sku = sku }
}
