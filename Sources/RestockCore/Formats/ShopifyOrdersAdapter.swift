/// Shopify's orders export (`orders_export.csv`, Orders > Export): one row per line item.
///
/// Order-level columns (`Created at`, `Financial Status`, `Fulfillment Status`,
/// `Fulfilled at`, `Cancelled at`, `Refunded Amount`) are filled on the first row of an order
/// only; they are carried to the order's next rows, which follow it and share its `Name`.
/// The order id is `Name` (`#1001`); the line id is the SKU (`SKU#2` for its second line in
/// the order). An order with `Cancelled at`, or `Financial Status` voided, is cancelled. A
/// refunded order (`Financial Status` refunded) is cancelled where the line never shipped;
/// a line that shipped stays a sale and is followed by a refund note of its units,
/// `#1001 refund` (a return, README "Returns and cancellations"). A line without `Lineitem sku` is
/// rejected: restock counts SKUs. A line with `Lineitem requires shipping` false is not
/// stock: `stocked` = no, and skipped when it has no SKU (README, "Non-stock lines").
struct ShopifyOrdersAdapter: ExportAdapter {
    let format = ExportFormat.shopifyOrders
    let kind = FileKind.orders
    let columns = CanonicalColumns.header(for: .orders)
    private let reading: ExportReading
    private let name, sku, quantity, price, lineStatus, requiresShipping, vendor: Int?
    /// Order-level columns, by restock column: the export's position.
    private let orderLevel: [(column: String, source: String, index: Int?, isDate: Bool)]
    private var current: (name: String, values: [String: String])?
    private var lines = LineNumbering()

    init(header: [String], reading: ExportReading) {
        let c = ExportColumns(header: header)
        self.reading = reading
        name = c.index("Name")
        sku = c.index("Lineitem sku")
        quantity = c.index("Lineitem quantity")
        price = c.index("Lineitem price")
        lineStatus = c.index("Lineitem fulfillment status")
        requiresShipping = c.index("Lineitem requires shipping")
        vendor = c.index("Vendor")
        orderLevel = [("ordered_at", "Created at", true), ("financial_status", "Financial Status", false),
                      ("fulfillment_status", "Fulfillment Status", false), ("fulfilled_at", "Fulfilled at", true),
                      ("cancelled_at", "Cancelled at", true), ("refunded_amount", "Refunded Amount", false)]
            .map { ($0.0, $0.1, c.index($0.1), $0.2) }
    }

    mutating func adapt(_ fields: [String], line: Int, into out: inout [AdaptedRow]) throws(CSVError) {
        let record = ExportRecord(fields: fields, line: line)
        let orderName = record.cell(name)
        // The order's earlier row carries its order-level columns; a row without a Name (nil)
        // continues no order, not even when no order came before it (nil == nil).
        var values: [String: String] = [:]
        if let orderName, let current, current.name == orderName { values = current.values }
        for level in orderLevel {
            if let v = record.cell(level.index) { values[level.column] = v }
        }
        if let orderName { current = (orderName, values) }
        let reading = self.reading
        let lineId = orderName.flatMap { o in record.cell(sku).map { lines.lineId(order: o, sku: $0) } }
        // A line that needs no shipping is not stock (README, "Non-stock lines"); without a
        // SKU (a gift card, a tip, a service) it holds nothing for restock at all.
        let notShipped = record.cell(requiresShipping).map { $0.lowercased() == "false" } ?? false
        if notShipped && record.cell(sku) == nil {
            out.append(.skipped(line: line, reason: "a line that needs no shipping and has no SKU (a gift card, a tip or a service): not stock"))
            return
        }
        try reading.record(into: &out) { (out: inout [AdaptedRow]) throws(AdaptFailure) in
            var row = CanonicalRow(kind: .orders)
            row["order_id"] = try reading.required(orderName, column: "Name", line: line, why: "the order's name (#1001) is needed")
            row["sku"] = try reading.required(record.cell(sku), column: "Lineitem sku", line: line,
                                              why: "restock counts SKUs; give the product a SKU in Shopify and export again")
            row["line_id"] = lineId
            row["quantity"] = try reading.number(record.cell(quantity), column: "Lineitem quantity", line: line)
            row["unit_price"] = try reading.number(record.cell(price), column: "Lineitem price", line: line)
            for level in orderLevel {
                row[level.column] = level.isDate ? try reading.date(values[level.column], column: level.source, line: line) : values[level.column]
            }
            let refund = ShopifyRefund(financialStatus: values["financial_status"], lineStatus: record.cell(lineStatus),
                                       fulfilledAt: values["fulfilled_at"], cancelledAt: values["cancelled_at"])
            row["status"] = refund.cancelsTheLine ? "cancelled" : values["financial_status"]
            row["refunded_amount"] = try reading.number(values["refunded_amount"], column: "Refunded Amount", line: line)
            row["line_fulfillment_status"] = record.cell(lineStatus)
            row["requires_shipping"] = record.cell(requiresShipping)
            row["stocked"] = notShipped ? "no" : nil
            row["vendor"] = record.cell(vendor)
            out.append(.row(line: line, fields: row.fields))
            if refund.returnsTheLine { out.append(.row(line: line, fields: refund.note(of: row).fields)) }
        }
    }
}
