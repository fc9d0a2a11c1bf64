/// `open_backorders.csv` (README, "When each waiting customer gets the goods"): one row per
/// open backorder, ready for a mail merge.
public enum OpenBackorderTable {
    /// The columns, in order.
    public static let columns = [
        "order_id", "sku", "name", "units", "waiting_since", "expected_ship_date", "ships_by_50", "ships_by_90", "supply",
    ]

    /// The file: SKUs in the order given (skus.csv's), each SKU's backorders first in, first out.
    public static func csv(_ skus: [(figures: SKUFigures, open: [OpenBackorderDates])]) -> [UInt8] {
        var w = CSVWriter(header: columns)
        for (f, open) in skus {
            for b in open {
                w.append([.text(b.orderId), .text(f.sku), .text(f.name), .number(b.units), .text(CivilDate.string(b.waitingSince)),
                          .text(CivilDate.string(b.expected)), .text(CivilDate.string(b.shipsByP50)),
                          .text(CivilDate.string(b.shipsByP90)), .text(b.supply.rawValue)])
            }
        }
        return w.bytes
    }
}
