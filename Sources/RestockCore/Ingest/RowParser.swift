import Foundation

/// Turns the cells of one CSV record into a valid input row or a `Rejection`
/// (README, "Input files": types, ranges, keys and their fallbacks).
///
/// Built once per file from its header; `parse` is then called for every record.
public struct RowParser: Sendable {
    public let kind: FileKind
    public let fileName: String
    let columnCount: Int
    /// The position in the record of each known column present in the header, -1 for one
    /// absent: `positions[column.rawValue]` (`InputColumn`).
    let positions: [Int]
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
        var positions = [Int](repeating: -1, count: InputColumn.allCases.count)
        for name in kind.knownColumns {
            guard let column = InputColumn(name: name) else { preconditionFailure("\(name) is not an InputColumn") }
            if let index = map.index(of: name) { positions[column.rawValue] = index }
        }
        self.positions = positions
        self.columnCount = header.count
    }

    /// Parses one record; `line` is the record's first physical line.
    public func parse(_ fields: [String], line: Int) -> Result<InputRow, Rejection> {
        if fields.count > columnCount {
            return .failure(Rejection(file: fileName, line: line, column: "", value: Rejection.clip(fields[columnCount...].joined(separator: ",")),
                                      code: .extraCells, reason: "row has \(fields.count) cells but the header has \(columnCount) columns"))
        }
        var cells = Cells(fields: fields, positions: positions, fileName: fileName, line: line, dates: dates)
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
        let orderId = try c.requiredText(.orderId)
        let sku = try c.requiredText(.sku)
        let orderedAt = try c.requiredDate(.orderedAt)
        let quantity = try c.requiredNumber(.quantity, rule: .nonZero)
        let unitPrice = try c.number(.unitPrice, rule: .nonNegative)
        let fulfilment = try parseFulfilment(&c)
        let status = c.text(.status)
        let lineId = c.text(.lineId)
        let cancelled = status.map { s in
            let lower = s.lowercased()
            return lower == "cancelled" || lower == "canceled"
        } ?? false
        // A credit without a line_id is keyed apart from the sale of its sku in the same order
        // (README, "Returns and cancellations").
        let key = lineId ?? (quantity < 0 ? sku + OrderRow.creditKeySuffix : sku)
        var row = OrderRow(orderId: orderId, lineKey: key, lineKeyIsLineId: lineId != nil, sku: sku,
                           orderedAt: orderedAt, quantity: quantity, unitPrice: unitPrice, cancelled: cancelled,
                           stocked: c.yesNo(.stocked))
        row.fulfilment = fulfilment
        return row
    }

    /// An order line's fulfilment columns (README, "Backorders inferred from orders"); the
    /// statuses are never rejected, the dates and quantities as any other.
    private func parseFulfilment(_ c: inout Cells) throws(Rejection) -> LineFulfilmentRecord {
        LineFulfilmentRecord(
            fulfilledAt: try c.date(.fulfilledAt), cancelledAt: try c.date(.cancelledAt),
            shipped: ShippingStatus.shipped(lineStatus: c.text(.lineFulfillmentStatus), orderStatus: c.text(.fulfillmentStatus)),
            shippedUnits: try c.number(.shippedQuantity, rule: .nonNegative),
            backorderedUnits: try c.number(.backorderedQuantity, rule: .nonNegative))
    }

    private func parseBackorder(_ c: inout Cells) throws(Rejection) -> BackorderRow {
        let backorderId = c.text(.backorderId)
        let orderId = try c.requiredText(.orderId)
        let sku = try c.requiredText(.sku)
        let quantity = try c.requiredNumber(.quantity, rule: .positive)
        let backorderedAt = try c.requiredDate(.backorderedAt)
        let fulfilledAt = try c.date(.fulfilledAt)
        let cancelledAt = try c.date(.cancelledAt)
        if fulfilledAt != nil && cancelledAt != nil {
            throw c.reject(.cancelledAt, .fulfilledAndCancelled, "; fulfilled_at is \"\(c.text(.fulfilledAt) ?? "")\"")
        }
        if let fulfilledAt, !fulfilledAt.isAtOrAfter(backorderedAt) {
            throw c.reject(.fulfilledAt, .fulfilledBeforeBackordered, " (\"\(c.text(.backorderedAt) ?? "")\")")
        }
        if let fulfilledAt, let problem = InputBounds.problem(column: "fulfilled_at", from: backorderedAt.day, to: fulfilledAt.day,
                                                              startColumn: "backordered_at", raw: c.text(.fulfilledAt) ?? "") {
            throw c.reject(.fulfilledAt, problem)
        }
        if let cancelledAt, !cancelledAt.isAtOrAfter(backorderedAt) {
            throw c.reject(.cancelledAt, .cancelledBeforeBackordered, " (\"\(c.text(.backorderedAt) ?? "")\")")
        }
        let key = backorderId ?? "\(orderId)\u{1F}\(sku)\u{1F}\(backorderedAt.day)"
        return BackorderRow(key: key, keyIsBackorderId: backorderId != nil, orderId: orderId, sku: sku, quantity: quantity,
                            backorderedAt: backorderedAt, fulfilledAt: fulfilledAt, cancelledAt: cancelledAt)
    }

    private func parseProduct(_ c: inout Cells) throws(Rejection) -> ProductRow {
        let sku = try c.requiredText(.sku)
        var p = ProductFact(sku: sku)
        p.name = c.text(.name)
        p.category = c.text(.category)
        p.supplier = c.text(.supplier)
        p.unitCost = try c.number(.unitCost, rule: .nonNegative)
        p.unitPrice = try c.number(.unitPrice, rule: .nonNegative)
        p.onHand = try c.number(.onHand, rule: .any)
        p.onOrder = try c.number(.onOrder, rule: .nonNegative)
        p.reorderPoint = try c.number(.reorderPoint, rule: .nonNegative)
        p.orderQuantity = try c.number(.orderQuantity, rule: .positive)
        p.leadTimeDays = try c.number(.leadTimeDays, rule: .nonNegative)
        p.serviceLevel = try c.number(.serviceLevel, rule: .serviceLevel)
        p.casePack = try c.number(.casePack, rule: .casePack).map { Int($0) }
        p.stocked = c.yesNo(.stocked)
        return ProductRow(product: p)
    }

    private func parseReceipt(_ c: inout Cells) throws(Rejection) -> ReceiptRow {
        let poId = try c.requiredText(.poId)
        let sku = try c.requiredText(.sku)
        let supplier = c.text(.supplier)
        let orderedAt = try c.requiredDate(.orderedAt)
        let receivedAt = try c.requiredDate(.receivedAt)
        let quantity = try c.number(.quantity, rule: .positive)
        if !receivedAt.isAtOrAfter(orderedAt) {
            throw c.reject(.receivedAt, .receivedBeforeOrdered, " (\"\(c.text(.orderedAt) ?? "")\")")
        }
        if let problem = InputBounds.problem(column: "received_at", from: orderedAt.day, to: receivedAt.day,
                                             startColumn: "ordered_at", raw: c.text(.receivedAt) ?? "") {
            throw c.reject(.receivedAt, problem)
        }
        return ReceiptRow(poId: poId, sku: sku, supplier: supplier, orderedAt: orderedAt, receivedAt: receivedAt, quantity: quantity)
    }
}

/// The cells of one record, looked up by column (README, "Input files").
struct Cells {
    let fields: [String]
    /// `RowParser.positions`.
    let positions: [Int]
    let fileName: String
    let line: Int
    let dates: DateTimeParser

    /// The trimmed value of a column; nil when the column is absent or the cell empty.
    func text(_ column: InputColumn) -> String? {
        let index = positions[column.rawValue]
        guard index >= 0, index < fields.count else { return nil }
        let value = fields[index]
        return value.isEmpty ? nil : value
    }

    /// A reject of `column` for `code`; its reason is the code's summary, then `detail`.
    func reject(_ column: InputColumn, _ code: Rejection.Code, _ detail: String = "") -> Rejection {
        Rejection(file: fileName, line: line, column: column.name, value: Rejection.clip(text(column) ?? ""), code: code, detail: detail)
    }

    /// A value outside restock's limits (`InputBounds`): the reason is the limit's sentence.
    func reject(_ column: InputColumn, _ problem: String) -> Rejection {
        Rejection(file: fileName, line: line, column: column.name, value: Rejection.clip(text(column) ?? ""), code: .outOfBounds,
                  reason: problem)
    }

    /// A yes/no column (`stocked`): false for `no`, `n`, `false` or `0` (any case), true for
    /// any other value, nil for an empty cell (README, "Non-stock lines"). Never rejected.
    func yesNo(_ column: InputColumn) -> Bool? {
        guard let value = text(column) else { return nil }
        return !["no", "n", "false", "0"].contains(value.lowercased())
    }

    func requiredText(_ column: InputColumn) throws(Rejection) -> String {
        guard let value = text(column) else { throw reject(column, .emptyCell) }
        return value
    }

    func number(_ column: InputColumn, rule: NumberRule) throws(Rejection) -> Double? {
        guard let raw = text(column) else { return nil }
        guard let value = NumberParser.parse(raw) else {
            throw reject(column, .badNumber(rule), ", got \"\(Rejection.clip(raw, to: 60))\" (write numbers like 12, 2.5 or 1e3, without thousands separators)")
        }
        if !rule.allows(value) {
            throw reject(column, .badNumber(rule), ", got \"\(Rejection.clip(raw, to: 60))\"")
        }
        if let problem = InputBounds.problem(column: column.name, value: value, raw: Rejection.clip(raw, to: 60)) {
            throw reject(column, problem)
        }
        return value
    }

    func requiredNumber(_ column: InputColumn, rule: NumberRule) throws(Rejection) -> Double {
        guard let value = try number(column, rule: rule) else {
            throw reject(column, .emptyNumber(rule))
        }
        return value
    }

    func date(_ column: InputColumn) throws(Rejection) -> Stamp? {
        guard let raw = text(column) else { return nil }
        let parsed: ParsedDateTime
        do {
            parsed = try dates.parse(raw)
        } catch {
            throw reject(column, .badDate, ", got \"\(Rejection.clip(raw, to: 60))\": \(error)")
        }
        if let problem = InputBounds.problem(column: column.name, day: parsed.day, raw: Rejection.clip(raw, to: 60)) {
            throw reject(column, problem)
        }
        return Stamp(day: parsed.day, instant: parsed.instant)
    }

    func requiredDate(_ column: InputColumn) throws(Rejection) -> Stamp {
        guard let value = try date(column) else { throw reject(column, .emptyCell) }
        return value
    }
}
