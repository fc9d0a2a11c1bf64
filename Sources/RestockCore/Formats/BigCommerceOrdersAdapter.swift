/// BigCommerce's default orders export (Orders > Export, template "Default"): one row per
/// order, its lines packed into `Product Details` (`ProductDetails`).
///
/// Each line becomes an orders row on the order's export line: order id `Order ID`, ordered
/// at `Order Date`, SKU `Product SKU`, quantity `Product Qty`, price `Product Unit Price`,
/// line id the SKU (`SKU#2` for its second line in the order). `Order Status` Cancelled,
/// Declined or Incomplete (an abandoned checkout) marks every line cancelled; other statuses
/// (Shipped, Refunded, ...) are kept with `Date Shipped`, `Total Quantity` and `Total Shipped`
/// for the rules on returns and backorders. An order whose details hold no line, or a line
/// without a SKU, is rejected.
struct BigCommerceOrdersAdapter: ExportAdapter {
    let format = ExportFormat.bigcommerceOrders
    let kind = FileKind.orders
    let columns = CanonicalColumns.header(for: .orders)
    private let reading: ExportReading
    private let order: BigCommerceOrderColumns
    private let details: Int?

    init(header: [String], reading: ExportReading) {
        self.reading = reading
        order = BigCommerceOrderColumns(header: header)
        details = ExportColumns(header: header).index("Product Details")
    }

    mutating func adapt(_ fields: [String], line: Int, into out: inout [AdaptedRow]) throws(CSVError) {
        let r = ExportRecord(fields: fields, line: line)
        let (reading, order, details) = (self.reading, self.order, self.details)
        try reading.record(into: &out) { (out: inout [AdaptedRow]) throws(AdaptFailure) in
            let base = try order.row(r, reading: reading)
            let lines = ProductDetails.lines(r.cell(details) ?? "")
            if lines.isEmpty {
                throw reading.reject(line, "Product Details", r.cell(details) ?? "", "Product Details holds no line with Product SKU and Product Qty")
            }
            var numbering = LineNumbering()
            var made: [AdaptedRow] = []
            for item in lines {
                let sku = try reading.required(item["Product SKU"].flatMap { $0.isEmpty ? nil : $0 }, column: "Product Details", line: line,
                                               why: "a line of \(item["Product Name"] ?? "the order") has no Product SKU; restock counts SKUs")
                var row = base
                row["sku"] = sku
                row["line_id"] = numbering.lineId(order: "", sku: sku)
                row["quantity"] = try reading.number(item["Product Qty"], column: "Product Details", line: line)
                row["unit_price"] = try reading.number(item["Product Unit Price"], column: "Product Details", line: line)
                row["shipped_quantity"] = Self.shippedUnits(line: row["quantity"], lines: lines.count,
                                                            orderUnits: base["order_units"], orderShipped: base["order_units_shipped"])
                made.append(.row(line: line, fields: row.fields))
            }
            out += made
        }
    }
}

extension BigCommerceOrdersAdapter {
    /// A line's shipped units, where the order's totals tell them (README, "Backorders
    /// inferred from orders"): none when `Total Shipped` is 0, all when it equals `Total
    /// Quantity`, the total itself for an order of one line; nil otherwise (which lines of a
    /// partly shipped order shipped is not in the export).
    static func shippedUnits(line: String?, lines: Int, orderUnits: String?, orderShipped: String?) -> String? {
        guard let shipped = orderShipped.flatMap(Double.init) else { return nil }
        if shipped == 0 { return "0" }
        if lines == 1 { return orderShipped }
        if let total = orderUnits.flatMap(Double.init), shipped == total { return line }
        return nil
    }
}

/// The order columns BigCommerce writes on every row of both order exports.
struct BigCommerceOrderColumns {
    let id, date, status, shipped, units, unitsShipped: Int?
    static let cancelledStatuses: Set<String> = ["cancelled", "declined", "incomplete"]

    init(header: [String]) {
        let c = ExportColumns(header: header)
        id = c.index("Order ID")
        date = c.index("Order Date")
        status = c.index("Order Status")
        shipped = c.index("Date Shipped")
        units = c.index("Total Quantity")
        unitsShipped = c.index("Total Shipped")
    }

    /// An orders row with the order's own columns filled in.
    func row(_ r: ExportRecord, reading: ExportReading) throws(AdaptFailure) -> CanonicalRow {
        var row = CanonicalRow(kind: .orders)
        row["order_id"] = try reading.required(r.cell(id), column: "Order ID", line: r.line, why: "the order's id is needed")
        row["ordered_at"] = try reading.date(r.cell(date), column: "Order Date", line: r.line)
        let status = r.cell(self.status)
        row["fulfillment_status"] = status
        row["status"] = status.map { Self.cancelledStatuses.contains($0.lowercased()) ? "cancelled" : $0 }
        row["fulfilled_at"] = try reading.date(r.cell(shipped), column: "Date Shipped", line: r.line)
        row["order_units"] = try reading.number(r.cell(units), column: "Total Quantity", line: r.line)
        row["order_units_shipped"] = try reading.number(r.cell(unitsShipped), column: "Total Shipped", line: r.line)
        return row
    }
}
