/// BigCommerce's orders export with the one-row-per-product template: the order's columns
/// repeated on every row, each row one line (`Product SKU`, `Product Qty`, `Product Unit
/// Price`, and `Product Qty Shipped` where the template has it). Statuses and dates as in
/// `BigCommerceOrdersAdapter`.
struct BigCommerceOrderLinesAdapter: ExportAdapter {
    let format = ExportFormat.bigcommerceOrderLines
    let kind = FileKind.orders
    let columns = CanonicalColumns.header(for: .orders)
    private let reading: ExportReading
    private let order: BigCommerceOrderColumns
    private let sku, quantity, price, shippedQuantity: Int?
    private var lines = LineNumbering()

    init(header: [String], reading: ExportReading) {
        let c = ExportColumns(header: header)
        self.reading = reading
        order = BigCommerceOrderColumns(header: header)
        sku = c.index("Product SKU")
        quantity = c.index("Product Qty")
        price = c.index("Product Unit Price")
        shippedQuantity = c.index("Product Qty Shipped", "Product Shipped Qty")
    }

    mutating func adapt(_ fields: [String], line: Int, into out: inout [AdaptedRow]) throws(CSVError) {
        let r = ExportRecord(fields: fields, line: line)
        let lineId = r.cell(order.id).flatMap { o in r.cell(sku).map { lines.lineId(order: o, sku: $0) } }
        let s = self
        try reading.record(into: &out) { (out: inout [AdaptedRow]) throws(AdaptFailure) in
            var row = try s.order.row(r, reading: s.reading)
            row["sku"] = try s.reading.required(r.cell(s.sku), column: "Product SKU", line: line, why: "restock counts SKUs")
            row["line_id"] = lineId
            row["quantity"] = try s.reading.number(r.cell(s.quantity), column: "Product Qty", line: line)
            row["unit_price"] = try s.reading.number(r.cell(s.price), column: "Product Unit Price", line: line)
            row["shipped_quantity"] = try s.reading.number(r.cell(s.shippedQuantity), column: "Product Qty Shipped", line: line)
            out.append(.row(line: line, fields: row.fields))
        }
    }
}
