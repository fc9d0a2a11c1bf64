/// Shopify's inventory export (Products > Inventory > Export): one row per SKU and location.
///
/// A SKU's rows become one products row on the line of its first row: `on_hand` is the sum of
/// `On hand (current)` and `on_order` the sum of `Incoming` over its locations; a location
/// marked `not stocked` adds nothing, and a SKU not stocked anywhere gets no on_hand. Its
/// other rows are skipped as added to that line. A row without a SKU is rejected.
struct ShopifyInventoryAdapter: ExportAdapter {
    let format = ExportFormat.shopifyInventory
    let kind = FileKind.products
    let columns = CanonicalColumns.header(for: .products)
    private let reading: ExportReading
    private let sku, title, onHand, incoming: Int?
    private let onHandName, incomingName: String

    private struct Total {
        var line: Int
        var title: String?
        var onHand: Double?
        var incoming: Double?
    }
    private var totals: [String: Total] = [:]
    private var order: [String] = []

    init(header: [String], reading: ExportReading) {
        let c = ExportColumns(header: header)
        self.reading = reading
        sku = c.index("SKU")
        title = c.index("Title")
        onHand = c.index("On hand (current)", "On hand")
        incoming = c.index(header.filter { HeaderMap.normalize($0).hasPrefix("incoming") })
        onHandName = c.name(onHand, header: header)
        incomingName = c.name(incoming, header: header)
    }

    mutating func adapt(_ fields: [String], line: Int, into out: inout [AdaptedRow]) throws(CSVError) {
        let r = ExportRecord(fields: fields, line: line)
        let reading = self.reading
        var counted: (String, Double?, Double?)?
        try reading.record(into: &out) { (out: inout [AdaptedRow]) throws(AdaptFailure) in
            let sku = try reading.required(r.cell(self.sku), column: "SKU", line: line,
                                           why: "restock counts SKUs; give the variant a SKU in Shopify and export again")
            counted = (sku, try Self.stock(r.cell(onHand), onHandName, line, reading),
                       try Self.stock(r.cell(incoming), incomingName, line, reading))
        }
        guard let (sku, onHand, incoming) = counted else { return }
        if var total = totals[sku] {
            total.onHand = Self.add(total.onHand, onHand)
            total.incoming = Self.add(total.incoming, incoming)
            totals[sku] = total
            out.append(.skipped(line: line, reason: "another location of SKU \(sku), added to line \(total.line)"))
        } else {
            totals[sku] = Total(line: line, title: r.cell(title), onHand: onHand, incoming: incoming)
            order.append(sku)
        }
    }

    mutating func finish(into out: inout [AdaptedRow]) throws(CSVError) {
        for sku in order {
            let t = totals[sku]!
            var row = CanonicalRow(kind: .products)
            row["sku"] = sku
            row["name"] = t.title
            row["on_hand"] = t.onHand.map(Self.text)
            row["on_order"] = t.incoming.map(Self.text)
            out.append(.row(line: t.line, fields: row.fields))
        }
    }

    /// A location's count; nil for an empty or `not stocked` cell.
    private static func stock(_ raw: String?, _ column: String, _ line: Int, _ reading: ExportReading) throws(AdaptFailure) -> Double? {
        guard let raw, raw.lowercased() != "not stocked" else { return nil }
        guard let text = try reading.number(raw, column: column, line: line), let value = Double(text) else {
            throw reading.reject(line, column, raw, "\(column) must be a whole number of units or \"not stocked\"")
        }
        return value
    }

    private static func add(_ a: Double?, _ b: Double?) -> Double? {
        guard let a else { return b }
        return a + (b ?? 0)
    }

    /// `12` for whole numbers, else the shortest decimal.
    static func text(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}
