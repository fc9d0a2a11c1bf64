import Foundation
import Testing
import RestockCore

/// Every reject carries a code set where it is made; the report counts rejects by it.
@Suite struct RejectionCodeTests {
    static let utc = DateTimeParser(timeZone: TimeZone(identifier: "UTC")!)

    /// The reject of one `kind` row under `header`, which must be rejected.
    static func reject(_ kind: FileKind, _ header: String, _ row: String) throws -> Rejection {
        let file = "\(kind.rawValue).csv"
        let parser = try RowParser(kind: kind, fileName: file, header: header.components(separatedBy: ","), headerLine: 1, dates: utc)
        guard case .failure(let rejection) = parser.parse(row.components(separatedBy: ","), line: 2) else {
            throw CSVError(kind: .badHeader, file: file, line: 2, problem: "row was not rejected", hint: "")
        }
        return rejection
    }

    /// One row for every code the parser gives, with the reason it writes.
    static let examples: [(kind: FileKind, header: String, row: String, code: Rejection.Code, reason: String)] = [
        (.orders, "order_id,ordered_at,sku,quantity", "O1,2026-11-20,A,1,x,y", .extraCells,
         "row has 6 cells but the header has 4 columns"),
        (.orders, "order_id,ordered_at,sku,quantity", ",2026-11-20,A,1", .emptyCell,
         "order_id is required but the cell is empty"),
        (.orders, "order_id,ordered_at,sku,quantity", "O1,2026-11-20,A,", .emptyNumber(.nonZero),
         "quantity is required but the cell is empty (expected a number other than 0)"),
        (.orders, "order_id,ordered_at,sku,quantity", "O1,2026-11-20,A,0", .badNumber(.nonZero),
         "quantity must be a number other than 0, got \"0\""),
        (.orders, "order_id,ordered_at,sku,quantity,unit_price", "O1,2026-11-20,A,1,1.5.0", .badNumber(.nonNegative),
         "unit_price must be a number of 0 or more, got \"1.5.0\" (write numbers like 12, 2.5 or 1e3, without thousands separators)"),
        (.products, "sku,service_level", "A,0.3", .badNumber(.serviceLevel),
         "service_level must be a number from 0.5 to 0.999, got \"0.3\""),
        (.products, "sku,case_pack", "A,2.5", .badNumber(.casePack),
         "case_pack must be a whole number of 1 or more, got \"2.5\""),
        (.orders, "order_id,ordered_at,sku,quantity", "O1,2026-02-30,A,1", .badDate,
         "ordered_at must be a date (YYYY-MM-DD) or ISO 8601 date-time, got \"2026-02-30\": 2026-02-30 is not a date: February 2026 has 28 days"),
        (.backorders, "order_id,sku,quantity,backordered_at,fulfilled_at,cancelled_at", "O1,A,1,2026-11-20,2026-11-21,2026-11-22",
         .fulfilledAndCancelled, "a backorder cannot be both fulfilled and cancelled; fulfilled_at is \"2026-11-21\""),
        (.backorders, "order_id,sku,quantity,backordered_at,fulfilled_at", "O1,A,1,2026-11-20,2026-11-19",
         .fulfilledBeforeBackordered, "fulfilled_at must not be before backordered_at (\"2026-11-20\")"),
        (.backorders, "order_id,sku,quantity,backordered_at,cancelled_at", "O1,A,1,2026-11-20,2026-11-19",
         .cancelledBeforeBackordered, "cancelled_at must not be before backordered_at (\"2026-11-20\")"),
        (.receipts, "po_id,sku,ordered_at,received_at", "P1,A,2026-11-10,2026-11-01",
         .receivedBeforeOrdered, "received_at must not be before ordered_at (\"2026-11-10\")"),
    ]

    @Test func everyRejectGetsTheCodeOfItsFaultAndTheReasonItAlwaysHad() throws {
        for e in Self.examples {
            let r = try Self.reject(e.kind, e.header, e.row)
            #expect(r.code == e.code, "\(e.row)")
            #expect(r.reason == e.reason)
        }
    }

    @Test func aReasonIsItsSummaryAndTheRowsOwnValuesExceptForExtraCells() throws {
        for e in Self.examples where e.code != .extraCells {
            let r = try Self.reject(e.kind, e.header, e.row)
            #expect(r.reason.hasPrefix(r.summary), "\(r.reason)")
            #expect(!r.summary.contains("\""), "a summary holds no value of the row: \(r.summary)")
        }
        let extra = try Self.reject(.orders, "order_id,ordered_at,sku,quantity", "O1,2026-11-20,A,1,x")
        #expect(extra.summary == "row has more cells than the header has columns")
    }

    @Test func rejectsOfOneFaultInOneColumnShareASummaryWhateverTheirValues() throws {
        let header = "order_id,ordered_at,sku,quantity"
        let negative = try Self.reject(.orders, header, "O1,2026-11-20,A,0")
        let text = try Self.reject(.orders, header, "O1,2026-11-20,A,lots")
        #expect(negative.reason != text.reason)
        #expect(negative.summary == "quantity must be a number other than 0")
        #expect(text.summary == negative.summary)
        let month = try Self.reject(.orders, header, "O1,2026-13-01,A,1")
        let day = try Self.reject(.orders, header, "O1,2026-02-30,A,1")
        #expect(month.summary == "ordered_at must be a date (YYYY-MM-DD) or ISO 8601 date-time")
        #expect(day.summary == month.summary)
    }

    @Test func everyCodeHasItsOwnStoredNameAndIsFoundByIt() {
        let names = Rejection.Code.allCases.map(\.stored)
        // 2 + 6 empty numbers + 6 bad numbers + 5 + bad_export_value + out_of_bounds = 21 codes.
        #expect(names.count == 21)
        #expect(Set(names).count == names.count)
        for code in Rejection.Code.allCases { #expect(Rejection.Code(stored: code.stored) == code) }
        #expect(Rejection.Code(stored: "bad_number:positive") == .badNumber(.positive))
        #expect(Rejection.Code(stored: "bad_number:any") == .badNumber(.any))   // on_hand that is no number
        #expect(Rejection.Code(stored: "") == nil)
    }
}
