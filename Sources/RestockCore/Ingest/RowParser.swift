import Foundation

/// Turns the cells of one CSV record into a valid input row or a `Rejection`
/// (README, "Input files": types, ranges, keys and their fallbacks).
///
/// Built once per file from its header; `parse` is then called for every record.
public struct RowParser: Sendable {
    public let kind: FileKind
    public let fileName: String
    let columnCount: Int
    /// Index of every known column present in the header, by its README name.
    let columns: [String: Int]
    let dates: DateTimeParser

    /// Matches the header; throws a `CSVError` naming the missing required columns.
    public init(kind: FileKind, fileName: String, header: [String], headerLine: Int, dates: DateTimeParser) throws(CSVError) {
        self.kind = kind
        self.fileName = fileName
        self.dates = dates
        let map = HeaderMap(header)
        if let duplicated = map.duplicates.first(where: { kind.knownColumns.contains($0) }) {
            throw CSVError(kind: .badHeader, file: fileName, line: headerLine,
                           problem: "column '\(duplicated)' appears more than once in the header",
                           hint: "remove or rename the extra column")
        }
        let missing = map.missing(required: kind.requiredColumns)
        if !missing.isEmpty {
            let list = missing.map { "'\($0)'" }.joined(separator: ", ")
            throw CSVError(kind: .badHeader, file: fileName, line: headerLine,
                           problem: "missing required column\(missing.count > 1 ? "s" : "") \(list) for a \(kind.rawValue) file",
                           hint: "the header must name \(kind.requiredColumns.joined(separator: ", ")); check the export or the file name")
        }
        var columns: [String: Int] = [:]
        for name in kind.knownColumns {
            if let index = map.index(of: name) { columns[name] = index }
        }
        self.columns = columns
        self.columnCount = header.count
    }

    /// Parses one record; `line` is the record's first physical line.
    public func parse(_ fields: [String], line: Int) -> Result<InputRow, Rejection> {
        if fields.count > columnCount {
            return .failure(Rejection(file: fileName, line: line, column: "", value: Rejection.clip(fields[columnCount...].joined(separator: ",")),
                                      code: .extraCells, reason: "row has \(fields.count) cells but the header has \(columnCount) columns"))
        }
        var cells = Cells(fields: fields, columns: columns, fileName: fileName, line: line, dates: dates)
        do {
            switch kind {
            case .orders: return .success(.order(try parseOrder(&cells)))
            case .backorders: return .success(.backorder(try parseBackorder(&cells)))
            case .products: return .success(.product(try parseProduct(&cells)))
            case .receipts: return .success(.receipt(try parseReceipt(&cells)))
            }
        } catch {
            return .failure(error)
        }
    }

    private func parseOrder(_ c: inout Cells) throws(Rejection) -> OrderRow {
        let orderId = try c.requiredText("order_id")
        let sku = try c.requiredText("sku")
        let orderedAt = try c.requiredDate("ordered_at")
        let quantity = try c.requiredNumber("quantity", rule: .nonZero)
        let unitPrice = try c.number("unit_price", rule: .nonNegative)
        let fulfilment = try parseFulfilment(&c)
        let status = c.text("status")
        let lineId = c.text("line_id")
        let cancelled = status.map { s in
            let lower = s.lowercased()
            return lower == "cancelled" || lower == "canceled"
        } ?? false
        // A credit without a line_id is keyed apart from the sale of its sku in the same order
        // (README, "Returns and cancellations").
        let key = lineId ?? (quantity < 0 ? sku + OrderRow.creditKeySuffix : sku)
        var row = OrderRow(orderId: orderId, lineKey: key, lineKeyIsLineId: lineId != nil, sku: sku,
                           orderedAt: orderedAt, quantity: quantity, unitPrice: unitPrice, cancelled: cancelled,
                           stocked: c.yesNo("stocked"))
        row.fulfilment = fulfilment
        return row
    }

    /// An order line's fulfilment columns (README, "Backorders inferred from orders"); the
    /// statuses are never rejected, the dates and quantities as any other.
    private func parseFulfilment(_ c: inout Cells) throws(Rejection) -> LineFulfilmentRecord {
        LineFulfilmentRecord(
            fulfilledAt: try c.date("fulfilled_at"), cancelledAt: try c.date("cancelled_at"),
            shipped: ShippingStatus.shipped(lineStatus: c.text("line_fulfillment_status"), orderStatus: c.text("fulfillment_status")),
            shippedUnits: try c.number("shipped_quantity", rule: .nonNegative),
            backorderedUnits: try c.number("backordered_quantity", rule: .nonNegative))
    }

    private func parseBackorder(_ c: inout Cells) throws(Rejection) -> BackorderRow {
        let backorderId = c.text("backorder_id")
        let orderId = try c.requiredText("order_id")
        let sku = try c.requiredText("sku")
        let quantity = try c.requiredNumber("quantity", rule: .positive)
        let backorderedAt = try c.requiredDate("backordered_at")
        let fulfilledAt = try c.date("fulfilled_at")
        let cancelledAt = try c.date("cancelled_at")
        if fulfilledAt != nil && cancelledAt != nil {
            throw c.reject("cancelled_at", .fulfilledAndCancelled, "; fulfilled_at is \"\(c.text("fulfilled_at") ?? "")\"")
        }
        if let fulfilledAt, !fulfilledAt.isAtOrAfter(backorderedAt) {
            throw c.reject("fulfilled_at", .fulfilledBeforeBackordered, " (\"\(c.text("backordered_at") ?? "")\")")
        }
        if let fulfilledAt, let problem = InputBounds.problem(column: "fulfilled_at", from: backorderedAt.day, to: fulfilledAt.day,
                                                              startColumn: "backordered_at", raw: c.text("fulfilled_at") ?? "") {
            throw c.reject("fulfilled_at", problem)
        }
        if let cancelledAt, !cancelledAt.isAtOrAfter(backorderedAt) {
            throw c.reject("cancelled_at", .cancelledBeforeBackordered, " (\"\(c.text("backordered_at") ?? "")\")")
        }
        let key = backorderId ?? "\(orderId)\u{1F}\(sku)\u{1F}\(backorderedAt.day)"
        return BackorderRow(key: key, keyIsBackorderId: backorderId != nil, orderId: orderId, sku: sku, quantity: quantity,
                            backorderedAt: backorderedAt, fulfilledAt: fulfilledAt, cancelledAt: cancelledAt)
    }

    private func parseProduct(_ c: inout Cells) throws(Rejection) -> ProductRow {
        let sku = try c.requiredText("sku")
        var p = ProductFact(sku: sku)
        p.name = c.text("name")
        p.category = c.text("category")
        p.supplier = c.text("supplier")
        p.unitCost = try c.number("unit_cost", rule: .nonNegative)
        p.unitPrice = try c.number("unit_price", rule: .nonNegative)
        p.onHand = try c.number("on_hand", rule: .nonNegative)
        p.onOrder = try c.number("on_order", rule: .nonNegative)
        p.reorderPoint = try c.number("reorder_point", rule: .nonNegative)
        p.orderQuantity = try c.number("order_quantity", rule: .positive)
        p.leadTimeDays = try c.number("lead_time_days", rule: .nonNegative)
        p.serviceLevel = try c.number("service_level", rule: .serviceLevel)
        p.casePack = try c.number("case_pack", rule: .casePack).map { Int($0) }
        p.stocked = c.yesNo("stocked")
        return ProductRow(product: p)
    }

    private func parseReceipt(_ c: inout Cells) throws(Rejection) -> ReceiptRow {
        let poId = try c.requiredText("po_id")
        let sku = try c.requiredText("sku")
        let supplier = c.text("supplier")
        let orderedAt = try c.requiredDate("ordered_at")
        let receivedAt = try c.requiredDate("received_at")
        let quantity = try c.number("quantity", rule: .positive)
        if !receivedAt.isAtOrAfter(orderedAt) {
            throw c.reject("received_at", .receivedBeforeOrdered, " (\"\(c.text("ordered_at") ?? "")\")")
        }
        if let problem = InputBounds.problem(column: "received_at", from: orderedAt.day, to: receivedAt.day,
                                             startColumn: "ordered_at", raw: c.text("received_at") ?? "") {
            throw c.reject("received_at", problem)
        }
        return ReceiptRow(poId: poId, sku: sku, supplier: supplier, orderedAt: orderedAt, receivedAt: receivedAt, quantity: quantity)
    }
}

/// The cells of one record, looked up by column name (README, "Input files").
struct Cells {
    let fields: [String]
    let columns: [String: Int]
    let fileName: String
    let line: Int
    let dates: DateTimeParser

    /// The trimmed value of a column; nil when the column is absent or the cell empty.
    func text(_ column: String) -> String? {
        guard let index = columns[column], index < fields.count else { return nil }
        let value = fields[index]
        return value.isEmpty ? nil : value
    }

    /// A reject of `column` for `code`; its reason is the code's summary, then `detail`.
    func reject(_ column: String, _ code: Rejection.Code, _ detail: String = "") -> Rejection {
        Rejection(file: fileName, line: line, column: column, value: Rejection.clip(text(column) ?? ""), code: code, detail: detail)
    }

    /// A value outside restock's limits (`InputBounds`): the reason is the limit's sentence.
    func reject(_ column: String, _ problem: String) -> Rejection {
        Rejection(file: fileName, line: line, column: column, value: Rejection.clip(text(column) ?? ""), code: .outOfBounds,
                  reason: problem)
    }

    /// A yes/no column (`stocked`): false for `no`, `n`, `false` or `0` (any case), true for
    /// any other value, nil for an empty cell (README, "Non-stock lines"). Never rejected.
    func yesNo(_ column: String) -> Bool? {
        guard let value = text(column) else { return nil }
        return !["no", "n", "false", "0"].contains(value.lowercased())
    }

    func requiredText(_ column: String) throws(Rejection) -> String {
        guard let value = text(column) else { throw reject(column, .emptyCell) }
        return value
    }

    func number(_ column: String, rule: NumberRule) throws(Rejection) -> Double? {
        guard let raw = text(column) else { return nil }
        guard let value = NumberParser.parse(raw) else {
            throw reject(column, .badNumber(rule), ", got \"\(Rejection.clip(raw, to: 60))\" (write numbers like 12, 2.5 or 1e3, without thousands separators)")
        }
        if !rule.allows(value) {
            throw reject(column, .badNumber(rule), ", got \"\(Rejection.clip(raw, to: 60))\"")
        }
        if let problem = InputBounds.problem(column: column, value: value, raw: Rejection.clip(raw, to: 60)) {
            throw reject(column, problem)
        }
        return value
    }

    func requiredNumber(_ column: String, rule: NumberRule) throws(Rejection) -> Double {
        guard let value = try number(column, rule: rule) else {
            throw reject(column, .emptyNumber(rule))
        }
        return value
    }

    func date(_ column: String) throws(Rejection) -> Stamp? {
        guard let raw = text(column) else { return nil }
        let parsed: ParsedDateTime
        do {
            parsed = try dates.parse(raw)
        } catch {
            throw reject(column, .badDate, ", got \"\(Rejection.clip(raw, to: 60))\": \(error)")
        }
        if let problem = InputBounds.problem(column: column, day: parsed.day, raw: Rejection.clip(raw, to: 60)) {
            throw reject(column, problem)
        }
        return Stamp(day: parsed.day, instant: parsed.instant)
    }

    func requiredDate(_ column: String) throws(Rejection) -> Stamp {
        guard let value = try date(column) else { throw reject(column, .emptyCell) }
        return value
    }
}
