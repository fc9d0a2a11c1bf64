extension Rejection {
    /// The kinds of fault that make a row a reject, without the row's own values.
    ///
    /// `RowParser` gives every reject one; the store keeps it beside the reason (`stored`,
    /// in `rejects.code`), and the report counts rejects by code and column (`summary`).
    public enum Code: Sendable, Hashable, Codable, CaseIterable {
        /// The row has more cells than the header has columns.
        case extraCells
        /// A required cell (text or date) is empty.
        case emptyCell
        /// A required number's cell is empty.
        case emptyNumber(NumberRule)
        /// A number that does not parse, or breaks its rule.
        case badNumber(NumberRule)
        /// A date or date-time that does not parse.
        case badDate
        /// A backorder with both fulfilled_at and cancelled_at.
        case fulfilledAndCancelled
        /// A backorder fulfilled before it was opened.
        case fulfilledBeforeBackordered
        /// A backorder cancelled before it was opened.
        case cancelledBeforeBackordered
        /// A receipt received before it was ordered.
        case receivedBeforeOrdered
        /// A shop export's cell that its format does not allow (a packed `Product Details`
        /// without a line, an inventory count that is not a number, an unreadable export
        /// date or number; README, "Input files from your shop system").
        case badExportValue
        /// A number or date outside restock's limits (README, "Limits").
        case outOfBounds

        public static var allCases: [Code] {
            [.extraCells, .emptyCell] + NumberRule.allCases.map(Code.emptyNumber) + NumberRule.allCases.map(Code.badNumber)
                + [.badDate, .fulfilledAndCancelled, .fulfilledBeforeBackordered, .cancelledBeforeBackordered, .receivedBeforeOrdered,
                   .badExportValue, .outOfBounds]
        }

        /// The code's name in the store: `extra_cells`, `bad_number:positive` and so on.
        public var stored: String {
            switch self {
            case .extraCells: "extra_cells"
            case .emptyCell: "empty_cell"
            case .emptyNumber(let rule): "empty_number:" + rule.rawValue
            case .badNumber(let rule): "bad_number:" + rule.rawValue
            case .badDate: "bad_date"
            case .fulfilledAndCancelled: "fulfilled_and_cancelled"
            case .fulfilledBeforeBackordered: "fulfilled_before_backordered"
            case .cancelledBeforeBackordered: "cancelled_before_backordered"
            case .receivedBeforeOrdered: "received_before_ordered"
            case .badExportValue: "bad_export_value"
            case .outOfBounds: "out_of_bounds"
            }
        }

        /// The code named `stored`; nil for a name no code has.
        public init?(stored: String) {
            guard let code = Self.allCases.first(where: { $0.stored == stored }) else { return nil }
            self = code
        }

        /// The fault in words, for a reject of `column`: the line the report counts such
        /// rejects under. A reason is this summary followed by the row's own values, except
        /// for `extraCells`, whose reason counts the cells and the columns.
        public func summary(column: String) -> String {
            switch self {
            case .extraCells: "row has more cells than the header has columns"
            case .emptyCell: "\(column) is required but the cell is empty"
            case .emptyNumber(let rule): "\(column) is required but the cell is empty (expected \(rule.expectation))"
            case .badNumber(let rule): "\(column) must be \(rule.expectation)"
            case .badDate: "\(column) must be a date (YYYY-MM-DD) or ISO 8601 date-time"
            case .fulfilledAndCancelled: "a backorder cannot be both fulfilled and cancelled"
            case .fulfilledBeforeBackordered: "fulfilled_at must not be before backordered_at"
            case .cancelledBeforeBackordered: "cancelled_at must not be before backordered_at"
            case .receivedBeforeOrdered: "received_at must not be before ordered_at"
            case .badExportValue: "\(column) holds a value its export's format does not allow"
            case .outOfBounds: "\(column) is outside restock's limits"
            }
        }
    }
}
