/// WooCommerce's own product exporter (Products > Export; a byte-order mark and one row per
/// product or variation).
///
/// `SKU`, `Name`, `Stock` (on_hand; empty when stock is not managed), `Low stock amount`
/// (reorder_point), `Regular price` (unit_price, as the shop's locale writes it: see
/// `ExportNumber`), `Backorders allowed?` (kept), `Categories` (the first category path, `A > B`).
/// A variation takes its parent's categories when its own are empty (`Parent` names the
/// parent as `id:123` or by SKU). Rows of type variable, grouped and external are skipped:
/// their variations or linked products carry the stock. A row without a SKU is rejected.
struct WooCommerceProductsAdapter: ExportAdapter {
    let format = ExportFormat.woocommerceProducts
    let kind = FileKind.products
    let columns = CanonicalColumns.header(for: .products)
    private let reading: ExportReading
    private let id, type, sku, name, stock, low, backorders, price, categories, parent: Int?
    private var parentCategories: [String: String] = [:]

    init(header: [String], reading: ExportReading) {
        let c = ExportColumns(header: header)
        self.reading = reading
        id = c.index("ID")
        type = c.index("Type")
        sku = c.index("SKU")
        name = c.index("Name")
        stock = c.index("Stock")
        low = c.index("Low stock amount")
        backorders = c.index("Backorders allowed?")
        price = c.index("Regular price")
        categories = c.index("Categories")
        parent = c.index("Parent")
    }

    mutating func adapt(_ fields: [String], line: Int, into out: inout [AdaptedRow]) throws(CSVError) {
        let r = ExportRecord(fields: fields, line: line)
        let types = (r.cell(type) ?? "").lowercased()
        let category = r.cell(categories).map(Self.firstCategory)
        if let category {
            if let i = r.cell(id) { parentCategories["id:\(i)"] = category }
            if let s = r.cell(sku) { parentCategories[s] = category }
        }
        if let container = ["variable", "grouped", "external"].first(where: { types.contains($0) }) {
            out.append(.skipped(line: line, reason: "a \(container) product: \(container == "variable" ? "its variations carry the stock" : "it holds no stock of its own")"))
            return
        }
        let reading = self.reading
        let inherited = category ?? r.cell(parent).flatMap { parentCategories[$0] }
        let (sku, name, stock, low, backorders, price, type) = (self.sku, self.name, self.stock, self.low, self.backorders, self.price, self.type)
        try reading.record(into: &out) { (out: inout [AdaptedRow]) throws(AdaptFailure) in
            var row = CanonicalRow(kind: .products)
            row["sku"] = try reading.required(r.cell(sku), column: "SKU", line: line, why: "restock counts SKUs; give the product a SKU in WooCommerce and export again")
            row["name"] = r.cell(name)
            row["category"] = inherited
            row["on_hand"] = try reading.number(r.cell(stock), column: "Stock", line: line)
            row["reorder_point"] = try reading.number(r.cell(low), column: "Low stock amount", line: line)
            row["unit_price"] = try reading.number(r.cell(price), column: "Regular price", line: line)
            row["backorders_allowed"] = r.cell(backorders)
            row["item_type"] = r.cell(type)
            out.append(.row(line: line, fields: row.fields))
        }
    }

    /// `Clothing > Hoodies` from `Clothing > Hoodies, Clothing` (a comma inside a category
    /// name is written `\,`).
    static func firstCategory(_ cell: String) -> String {
        var out = ""
        var escaped = false
        for c in cell {
            if escaped { out.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "," { break }
            out.append(c)
        }
        return out.trimmingBlanks
    }
}
