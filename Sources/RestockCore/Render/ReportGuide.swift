/// Plain-words explanations of every figure the report shows and every column of `skus.csv`
/// (CONTRACT.md §3, §4), written for a buyer rather than an analyst.
enum ReportGuide {
    /// One explained term: the column (or figure) name and what it means.
    struct Entry: Sendable {
        var term: String
        var meaning: String
    }

    /// The headline figures at the top of the report.
    static let headline: [Entry] = [
        Entry(term: "SKUs", meaning: "Every SKU in the products file plus every SKU ordered, backordered or received in the window. One row each in skus.csv."),
        Entry(term: "Order lines", meaning: "Order lines in the window, cancelled lines left out."),
        Entry(term: "Backorder rate", meaning: "Of those order lines, the share that could not ship in full from stock and went on backorder."),
        Entry(term: "Open backorder units", meaning: "Units customers are still waiting for at the end of the as-of day."),
        Entry(term: "Revenue at risk", meaning: "Sales a year that the reorder points in force are expected to miss (expected shortfall per order cycle, times order cycles a year, times the unit price). Summed over all SKUs; in the currency of your prices."),
        Entry(term: "SKUs to act on", meaning: "SKUs whose reorder point should rise, or that should be ordered now. They are listed in recommendations.csv, most revenue at risk first."),
    ]

    /// Every column of skus.csv, in file order (CONTRACT.md §4).
    static let skuColumns: [Entry] = [
        Entry(term: "sku", meaning: "The stock-keeping unit, as in your files."),
        Entry(term: "name, category, supplier", meaning: "From the products file (supplier also from receipts); empty when unknown."),
        Entry(term: "order_lines", meaning: "Order lines for the SKU in the window, cancelled lines left out."),
        Entry(term: "ordered_units", meaning: "Units on those order lines: the demand. Backordered units are part of it, never added twice."),
        Entry(term: "backorder_lines", meaning: "Backorders opened in the window."),
        Entry(term: "backordered_units", meaning: "Units on those backorders."),
        Entry(term: "backorder_rate", meaning: "Share (0 to 1) of the SKU's order lines in the window that went on backorder. Empty when it had no order lines."),
        Entry(term: "stockout_days", meaning: "Days in the window that ended with at least one of the SKU's backorders still open: a sign it was out of stock."),
        Entry(term: "open_backorder_units", meaning: "Units still waiting to ship at the end of the as-of day."),
        Entry(term: "lost_units", meaning: "Backordered units the customer cancelled in the window: sales lost to a stockout."),
        Entry(term: "fill_days_p50, fill_days_p90", meaning: "How many days backorders filled in the window took: half took at most the p50, nine in ten at most the p90."),
        Entry(term: "adi", meaning: "Average demand interval: weeks in the SKU's history per week with any demand. 1 means it sells every week; 4 means about one week in four."),
        Entry(term: "cv2", meaning: "How much the size of a week's demand varies, when there is demand (squared coefficient of variation). Above 0.49 counts as variable."),
        Entry(term: "demand_class", meaning: "smooth (regular, steady), erratic (regular, sizes vary), intermittent (often zero, steady sizes), lumpy (often zero, sizes vary), or new (fewer than two weeks with demand)."),
        Entry(term: "forecast_method", meaning: "The forecasting method that predicted the SKU's recent weeks best (smallest squared error, counting any steady over- or under-forecast); it is chosen per SKU."),
        Entry(term: "forecast_daily", meaning: "Expected units a day over the coming lead time."),
        Entry(term: "forecast_mae", meaning: "How far off that method was, on average, in units a week, when it forecast each of the last 8 weeks from the weeks before."),
        Entry(term: "lead_time_days", meaning: "Days expected from placing an order with the supplier to receiving it."),
        Entry(term: "lead_time_sd_days", meaning: "How much that lead time varies (standard deviation, days)."),
        Entry(term: "lead_time_source", meaning: "Where the lead time came from: receipts (this SKU's deliveries), supplier (the supplier's other SKUs), quoted (products file), fill_times (how fast backorders filled), or default (the run's setting)."),
        Entry(term: "service_level", meaning: "The target chance that a stock cycle, from one delivery to the next, passes with no backorder."),
        Entry(term: "safety_stock", meaning: "The part of the reorder point above expected demand over the lead time: the buffer against surprises."),
        Entry(term: "reorder_point", meaning: "Recommended: reorder when the stock position falls to this many units or below, to meet the service level."),
        Entry(term: "reorder_point_in_force", meaning: "The reorder point in your products file today; empty when none is set."),
        Entry(term: "reorder_point_increase", meaning: "How much to raise the reorder point, in units, rounded up to whole case packs; 0 when it is high enough."),
        Entry(term: "order_quantity", meaning: "Units in one order: from the products file, else enough for the order-cover days, in whole case packs."),
        Entry(term: "on_hand, on_order", meaning: "Stock on the shelf and on open purchase orders, from the products file."),
        Entry(term: "inventory_position", meaning: "On hand plus on order minus units owed to customers on open backorders: what the reorder point is compared with."),
        Entry(term: "order_now_units", meaning: "Units to order today (whole order quantities) to lift the position above the recommended reorder point; 0 when no order is needed; empty without stock figures."),
        Entry(term: "unit_price", meaning: "From the products file, else the average price on the SKU's order lines."),
        Entry(term: "revenue_at_risk", meaning: "Sales a year expected to be missed with the reorder point in force (see the headline figure)."),
        Entry(term: "backorder_eta", meaning: "For a SKU with open backorders, the day by which they are expected to ship."),
        Entry(term: "forecast_bias", meaning: "How much that method forecast too high (positive) or too low (negative), on average, in units a week, over the same 8 weeks as forecast_mae."),
    ]
}
