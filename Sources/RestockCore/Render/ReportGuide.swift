/// Plain-words explanations of every figure the report shows and every column of `skus.csv`
/// (README, "The figures"), written for a buyer rather than an analyst.
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
        Entry(term: "Backorder lines", meaning: "Backorders opened in the window. One order line may have several (a line filled in parts), so they can outnumber the order lines that went on backorder."),
        Entry(term: "Revenue at risk", meaning: "Sales a year that would go on backorder, waiting or lost, with the reorder points in force (expected shortfall per order cycle, times order cycles a year, times the unit price; at most a year's forecast sales). Summed over all SKUs; in the currency of your prices."),
        Entry(term: "SKUs to act on", meaning: "SKUs whose reorder point should rise, or that should be ordered now. They are listed in recommendations.csv, most revenue at risk first. Only SKUs whose stock on hand or reorder point restock knows can be SKUs to act on."),
        Entry(term: "Reorder points to set up", meaning: "SKUs whose stock on hand and reorder point restock does not know (no products file, or no such columns in it), that need a reorder point: the one to enter in your shop system is in reorder_points_to_set_up.csv, most backordered first, then best-selling. They have no revenue at risk: it cannot be known without stock levels."),
    ]

    /// The figures of each recommendation's card, in the card's words.
    static let card: [Entry] = [
        Entry(term: "Chart", meaning: "Units ordered per week over the window (the largest week named as peak …/wk), the forecast per week, and the weeks with a backorder marked."),
        Entry(term: "Reorder point: in force → recommended", meaning: "The point in your products file and restock's. In brackets the rise; where your case packs round it up, the rise in whole packs too."),
        Entry(term: "Order now", meaning: "Units to order today, in whole order quantities, to lift the stock position above the recommended point; no when it is above already."),
        Entry(term: "Backorder rate", meaning: "The share of the SKU's order lines that went on backorder, and how many backorders were opened."),
        Entry(term: "Open backorders, ETA", meaning: "Units customers are waiting for, and the day by which they are expected to be there to ship (backorder_eta). Each waiting customer's days are in open_backorders.csv."),
        Entry(term: "Forecast", meaning: "Units a day over the coming lead time, the demand class and the forecasting method: mean (the weeks' average), ses (exponential smoothing), moving_average, naive (last week), damped_trend (a trend that fades); for demand with many empty weeks croston, croston_sba and tsb (size and interval apart), adida and imapa (the same on weeks added up into longer periods)."),
        Entry(term: "Lead time", meaning: "Days from placing an order to receiving it, ± its standard deviation, and where it came from (receipts, supplier, quoted, fill_times, default)."),
        Entry(term: "On hand / on order / position", meaning: "From your products file; the stock position is on hand plus on order minus units owed to waiting customers: what the reorder point is compared with."),
    ]

    /// The columns of open_backorders.csv.
    static let openBackorders: [Entry] = [
        Entry(term: "order_id, sku, name, units, waiting_since", meaning: "One row per backorder open at the end of the as-of day, first in, first out per SKU; waiting_since is the day it went on backorder."),
        Entry(term: "expected_ship_date, ships_by_50, ships_by_90", meaning: "When the goods for it are expected in: the expected day, and the days by which they are there with an even chance and with nine chances in ten. They count the supplier's lead time only, not the days to pack and ship."),
        Entry(term: "supply", meaning: "What fills it: on_hand (stock now), on_order (a purchase order already placed) or next_order (one not placed yet)."),
    ]

    /// Every column of skus.csv, in file order, as `SKUColumn.all` explains them: a column
    /// without a meaning of its own joins the term before it ("on_hand, on_order").
    static let skuColumns: [Entry] = SKUColumn.all.reduce(into: []) { entries, column in
        if let meaning = column.meaning {
            entries.append(Entry(term: column.name, meaning: meaning))
        } else {
            entries[entries.count - 1].term += ", " + column.name
        }
    }
}
