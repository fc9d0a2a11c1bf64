/// BigCommerce's products export (Products > Export, the default "Bulk Edit" template).
///
/// `Item Type` Product rows are products; SKU rows that follow a product are its variants
/// and take the product's name, category, price and cost where their own cells are empty;
/// Rule rows (pricing rules) are skipped. A product followed by SKU rows is skipped: its
/// variants carry the stock. Columns: `Product Code/SKU`, `Current Stock Level`, `Low Stock
/// Level` (restock's reorder_point: the level at which the shop wants to reorder; 0 means no
/// alert and is left empty), `Cost
/// Price`, `Price`, `Category` (the first of its `;`-separated categories).
struct BigCommerceProductsAdapter: ExportAdapter {
    let format = ExportFormat.bigcommerceProducts
    let kind = FileKind.products
    let columns = CanonicalColumns.header(for: .products)
    private let reading: ExportReading
    private let itemType, sku, name, stock, low, cost, price, category, brand: Int?
    /// The last Product row: its cells, and whether it still waits to know if SKU rows follow.
    private var product: (record: ExportRecord, pending: Bool)?

    init(header: [String], reading: ExportReading) {
        let c = ExportColumns(header: header)
        self.reading = reading
        itemType = c.index("Item Type")
        sku = c.index("Product Code/SKU", "Code")
        name = c.index("Product Name", "Name")
        stock = c.index("Current Stock Level", "Stock Level")
        low = c.index("Low Stock Level")
        cost = c.index("Cost Price")
        price = c.index("Price", "Calculated Price")
        category = c.index("Category")
        brand = c.index("Brand Name", "Brand")
    }

    mutating func adapt(_ fields: [String], line: Int, into out: inout [AdaptedRow]) throws(CSVError) {
        let r = ExportRecord(fields: fields, line: line)
        let type = (r.cell(itemType) ?? "").lowercased()
        if type == "sku", let p = product {
            if p.pending { out.append(.skipped(line: p.record.line, reason: "a product with variants: its SKU rows carry the stock")) }
            product = (p.record, false)
            try emit(r, parent: p.record, into: &out)
            return
        }
        try flush(into: &out)
        if type == "rule" {
            out.append(.skipped(line: line, reason: "a pricing rule row"))
        } else {
            product = (r, true)
        }
    }

    mutating func finish(into out: inout [AdaptedRow]) throws(CSVError) {
        try flush(into: &out)
    }

    /// Emits the last Product row when no SKU row followed it.
    private mutating func flush(into out: inout [AdaptedRow]) throws(CSVError) {
        if let p = product, p.pending { try emit(p.record, parent: nil, into: &out) }
        product = nil
    }

    private func emit(_ r: ExportRecord, parent: ExportRecord?, into out: inout [AdaptedRow]) throws(CSVError) {
        let reading = self.reading
        func cell(_ i: Int?) -> String? { r.cell(i) ?? parent?.cell(i) }
        try reading.record(into: &out) { (out: inout [AdaptedRow]) throws(AdaptFailure) in
            var row = CanonicalRow(kind: .products)
            row["sku"] = try reading.required(r.cell(sku), column: "Product Code/SKU", line: r.line, why: "restock counts SKUs")
            row["name"] = cell(name)
            row["category"] = cell(category).map { String($0.split(separator: ";").first ?? "").trimmingBlanks }
            row["supplier"] = cell(brand)
            row["on_hand"] = try reading.number(r.cell(stock), column: "Current Stock Level", line: r.line)
            // 0 is BigCommerce's "no low-stock alert", not a reorder point of 0.
            row["reorder_point"] = try reading.number(r.cell(low), column: "Low Stock Level", line: r.line).flatMap { Double($0) == 0 ? nil : $0 }
            row["unit_cost"] = try reading.number(cell(cost), column: "Cost Price", line: r.line)
            row["unit_price"] = try reading.number(cell(price), column: "Price", line: r.line)
            row["item_type"] = r.cell(itemType)
            out.append(.row(line: r.line, fields: row.fields))
        }
    }
}

extension String {
    /// Without surrounding spaces.
    var trimmingBlanks: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
