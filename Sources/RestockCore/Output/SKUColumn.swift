/// One column of `skus.csv`, declared once: its name, what it means (the report's guide to
/// the columns), and its cell for a SKU's figures.
public struct SKUColumn: Sendable {
    /// The column's name in the header.
    public let name: String
    /// What the column means, in plain words for a buyer; nil when the column is explained
    /// together with the one before it (the guide lists them as one term, "on_hand, on_order").
    public let meaning: String?
    /// The column's cell for one SKU.
    public let cell: @Sendable (SKUFigures) -> CSVCell

    public init(_ name: String, _ meaning: String?, _ cell: @escaping @Sendable (SKUFigures) -> CSVCell) {
        self.name = name
        self.meaning = meaning
        self.cell = cell
    }
}

extension SKUColumn {
    /// Every column of `skus.csv`, in order (README, "The figures").
    public static let all: [SKUColumn] = [
        SKUColumn("sku", "The stock-keeping unit, as in your files.") { .text($0.sku) },
        SKUColumn("name", "From the products file (supplier also from receipts); empty when unknown.") { .text($0.name) },
        SKUColumn("category", nil) { .text($0.category) },
        SKUColumn("supplier", nil) { .text($0.supplier) },
        SKUColumn("order_lines", "Order lines for the SKU in the window, cancelled lines left out.") { .integer($0.orderLines) },
        SKUColumn("ordered_units", "Units on those order lines: the demand. Backordered units are part of it, never added twice.") { .number($0.orderedUnits) },
        SKUColumn("backorder_lines", "Backorders opened in the window.") { .integer($0.backorderLines) },
        SKUColumn("backordered_units", "Units on those backorders.") { .number($0.backorderedUnits) },
        SKUColumn("backorder_rate", "Share (0 to 1) of the SKU's order lines in the window that went on backorder. Empty when it had no order lines.") { .number($0.backorderRate) },
        SKUColumn("stockout_days", "Days in the window that ended with at least one of the SKU's backorders still open: a sign it was out of stock.") { .integer($0.stockoutDays) },
        SKUColumn("open_backorder_units", "Units still waiting to ship at the end of the as-of day.") { .number($0.openBackorderUnits) },
        SKUColumn("lost_units", "Backordered units the customer cancelled in the window: sales lost to a stockout.") { .number($0.lostUnits) },
        SKUColumn("fill_days_p50", "How many days backorders filled in the window took: half took at most the p50, nine in ten at most the p90.") { .number($0.fillDaysP50) },
        SKUColumn("fill_days_p90", nil) { .number($0.fillDaysP90) },
        SKUColumn("adi", "Average demand interval: weeks in the SKU's history per week with any demand. 1 means it sells every week; 4 means about one week in four.") { .number($0.adi) },
        SKUColumn("cv2", "How much the size of a week's demand varies, when there is demand (squared coefficient of variation). 0.49 or more counts as variable.") { .number($0.cv2) },
        SKUColumn("demand_class", "smooth (regular, steady), erratic (regular, sizes vary), intermittent (often zero, steady sizes), lumpy (often zero, sizes vary), or new (fewer than two weeks with demand).") { .text($0.demandClass.rawValue) },
        SKUColumn("forecast_method", "The forecasting method that predicted the SKU's weeks best one week ahead (smallest squared error, counting any steady over- or under-forecast; the mean unless the weeks clearly say otherwise); it is chosen per SKU.") { .text($0.forecastMethod) },
        SKUColumn("forecast_daily", "Expected units a day over the coming lead time.") { .number($0.forecastDaily) },
        SKUColumn("forecast_mae", "How far off that method was, on average, in units a week, when it forecast each of the last 8 weeks from the weeks before.") { .number($0.forecastMAE) },
        SKUColumn("lead_time_days", "Days expected from placing an order with the supplier to receiving it.") { .number($0.leadTimeDays) },
        SKUColumn("lead_time_sd_days", "How much that lead time varies (standard deviation, days).") { .number($0.leadTimeSDDays) },
        SKUColumn("lead_time_source", "Where the lead time came from: receipts (this SKU's deliveries), supplier (the supplier's other SKUs), quoted (products file), fill_times (how fast backorders filled), or default (the run's setting).") { .text($0.leadTimeSource.rawValue) },
        SKUColumn("service_level", "The target chance that a stock cycle, from one delivery to the next, passes with no backorder.") { .number($0.serviceLevel) },
        SKUColumn("safety_stock", "The part of the reorder point above expected demand over the lead time: the buffer against surprises.") { .number($0.safetyStock) },
        SKUColumn("reorder_point", "Recommended: reorder when the stock position falls to this many units or below, to meet the service level.") { .number($0.reorderPoint) },
        SKUColumn("reorder_point_in_force", "The reorder point in your products file today; empty when none is set.") { .number($0.reorderPointInForce) },
        SKUColumn("reorder_point_increase", "How much to raise the reorder point, in units, rounded up to whole case packs; 0 when it is high enough; the recommended point itself (not rounded) when none is in force.") { .number($0.reorderPointIncrease) },
        SKUColumn("order_quantity", "Units in one order: from the products file, else enough for the order-cover days, in whole case packs.") { .number($0.orderQuantity) },
        SKUColumn("on_hand", "Stock on the shelf and on open purchase orders, from the products file (on_hand below 0: units the shop system sold without stock).") { .number($0.onHand) },
        SKUColumn("on_order", nil) { .number($0.onOrder) },
        SKUColumn("inventory_position", "On hand plus on order minus units owed to customers on open backorders (a negative on_hand counts as 0 on hand and its units as owed, the larger of the two owed counts taken once): what the reorder point is compared with.") { .number($0.inventoryPosition) },
        SKUColumn("order_now_units", "Units to order today (whole order quantities) to lift the position above the recommended reorder point; 0 when no order is needed; empty without stock figures.") { .number($0.orderNowUnits) },
        SKUColumn("unit_price", "From the products file, else the average price on the SKU's order lines.") { .number($0.unitPrice) },
        SKUColumn("revenue_at_risk", "Sales a year expected to go on backorder (waiting or lost) with the reorder point in force, at most a year's forecast sales (see the headline figure); empty when restock knows neither the SKU's stock on hand nor its reorder point.") { .number($0.stockKnown ? $0.revenueAtRisk : nil) },
        SKUColumn("backorder_eta", "For a SKU with open backorders, the day by which they are expected to ship.") { .text($0.backorderETA.map(CivilDate.string)) },
        SKUColumn("forecast_bias", "How much that method forecast too high (positive) or too low (negative), on average, in units a week, over the same 8 weeks as forecast_mae.") { .number($0.forecastBias) },
        SKUColumn("returned_units", "Units customers returned in the window (order lines with a negative quantity that cancel no sale of their order). Already taken out of ordered_units, like cancelled units.") { .number($0.returnedUnits) },
        SKUColumn("backorder_source", "Where the backorder figures come from: file (your backorders file lists this SKU), inferred (order lines not shipped within the handling days, see the note under the headline figures), or none (no backorder known).") { .text($0.backorderSource.rawValue) },
        SKUColumn("one_off_units", "Units of the demand history's one-off bulk lines (more than 10 times the SKU's usual line) that the forecast and the reorder point count at the usual size; ordered_units keeps what was ordered in the window. 0 when none.") { .number($0.oneOffUnits) },
        SKUColumn("left_out", "Why the SKU is left out of the advice as not stock (postage, a fee, a discount, a gift card, a service), and who said so; empty for stock.") { .text($0.leftOut?.why) },
    ]

    /// The column named `name`; nil when skus.csv has none.
    public static func named(_ name: String) -> SKUColumn? { all.first { $0.name == name } }
}
