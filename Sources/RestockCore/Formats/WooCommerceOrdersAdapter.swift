/// A WooCommerce orders export with one row per item, as the common export plugins write it
/// (column titles such as `Order Number`, `Order Date`, `Order Status`, `SKU`, `Quantity`,
/// `Item Cost`, or their `order_id`, `order_date`, `status`, `item_sku`, `item_quantity`,
/// `item_total` forms; WooCommerce itself exports no orders).
///
/// Each row is one line; the line id is the SKU (`SKU#2` for its second line in the order).
/// `Backordered` (the units WooCommerce put on backorder, written by plugins that export item
/// meta) and `Completed Date` are kept. Status `cancelled` or `failed` (a payment that never
/// went through) marks the line cancelled; a `wc-` prefix is ignored.
struct WooCommerceOrdersAdapter: ExportAdapter {
    let format = ExportFormat.woocommerceOrders
    let kind = FileKind.orders
    let columns = CanonicalColumns.header(for: .orders)

    static let orderId = ["Order Number", "Order ID", "order_number", "order_id"]
    static let date = ["Order Date", "order_date"]
    static let sku = ["SKU", "Item SKU", "item_sku"]
    static let quantity = ["Quantity", "Qty", "Item Quantity", "item_quantity"]
    /// The columns that identify the format: one spelling of each.
    static let signature = [orderId, date, sku, quantity]

    private let reading: ExportReading
    private let idIndex, dateIndex, skuIndex, quantityIndex, status, price, backordered, completed, refunded: Int?
    private let names: (id: String, date: String, sku: String, quantity: String)
    private var lines = LineNumbering()

    init(header: [String], reading: ExportReading) {
        let c = ExportColumns(header: header)
        self.reading = reading
        idIndex = c.index(Self.orderId)
        dateIndex = c.index(Self.date)
        skuIndex = c.index(Self.sku)
        quantityIndex = c.index(Self.quantity)
        status = c.index("Order Status", "status")
        price = c.index("Item Cost", "Item Price", "item_price", "item_cost")
        backordered = c.index("Backordered", "backordered")
        completed = c.index("Completed Date", "Date Completed", "completed_date")
        refunded = c.index("Order Refund", "Refund Amount", "order_refunds", "refunded_total")
        names = (c.name(idIndex, header: header), c.name(dateIndex, header: header),
                 c.name(skuIndex, header: header), c.name(quantityIndex, header: header))
    }

    mutating func adapt(_ fields: [String], line: Int, into out: inout [AdaptedRow]) throws(CSVError) {
        let r = ExportRecord(fields: fields, line: line)
        let lineId = r.cell(idIndex).flatMap { o in r.cell(skuIndex).map { lines.lineId(order: o, sku: $0) } }
        let s = self
        try reading.record(into: &out) { (out: inout [AdaptedRow]) throws(AdaptFailure) in
            var row = CanonicalRow(kind: .orders)
            row["order_id"] = try s.reading.required(r.cell(s.idIndex), column: s.names.id, line: line, why: "the order's number is needed")
            row["ordered_at"] = try s.reading.date(r.cell(s.dateIndex), column: s.names.date, line: line)
            row["sku"] = try s.reading.required(r.cell(s.skuIndex), column: s.names.sku, line: line, why: "restock counts SKUs")
            row["line_id"] = lineId
            row["quantity"] = try s.reading.number(r.cell(s.quantityIndex), column: s.names.quantity, line: line)
            row["unit_price"] = try s.reading.number(r.cell(s.price), column: "Item Cost", line: line)
            let status = r.cell(s.status).map { $0.lowercased().hasPrefix("wc-") ? String($0.dropFirst(3)) : $0 }
            row["fulfillment_status"] = status
            row["status"] = status.map { ["cancelled", "failed"].contains($0.lowercased()) ? "cancelled" : $0 }
            row["backordered_quantity"] = try s.reading.number(r.cell(s.backordered), column: "Backordered", line: line)
            row["fulfilled_at"] = try s.reading.date(r.cell(s.completed), column: "Completed Date", line: line)
            row["refunded_amount"] = try s.reading.number(r.cell(s.refunded), column: "Order Refund", line: line)
            out.append(.row(line: line, fields: row.fields))
        }
    }
}
