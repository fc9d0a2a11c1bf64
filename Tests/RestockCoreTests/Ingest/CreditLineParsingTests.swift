import Foundation
import Testing
@testable import RestockCore

/// Order lines with a negative quantity are returns and cancellations, kept as data (README,
/// "Returns and cancellations").
@Suite struct CreditLineParsingTests {
    static func order(_ header: String, _ row: String) throws -> OrderRow? {
        let parser = try RowParser(kind: .orders, fileName: "orders.csv", header: header.components(separatedBy: ","),
                                   headerLine: 1, dates: DateTimeParser(timeZone: TimeZone(identifier: "UTC")!))
        guard case .success(.order(let o)) = parser.parse(row.components(separatedBy: ","), line: 2) else { return nil }
        return o
    }

    @Test func aNegativeQuantityIsKeptAndKeyedApartFromTheSaleOfItsSKU() throws {
        let header = "order_id,ordered_at,sku,quantity"
        let credit = try #require(try Self.order(header, "O1,2026-11-20,A,-2"))
        let sale = try #require(try Self.order(header, "O1,2026-11-20,A,5"))
        #expect(credit.quantity == -2)
        #expect(sale.lineKey == "A")
        #expect(credit.lineKey == "A" + OrderRow.creditKeySuffix)
        #expect(!credit.lineKeyIsLineId)
    }

    @Test func aCreditWithALineIdKeepsIt() throws {
        let credit = try #require(try Self.order("order_id,line_id,ordered_at,sku,quantity", "O1,7,2026-11-20,A,-1"))
        #expect(credit.lineKey == "7")
        #expect(credit.lineKeyIsLineId)
    }

    @Test func aZeroQuantityIsStillRejected() throws {
        #expect(try Self.order("order_id,ordered_at,sku,quantity", "O1,2026-11-20,A,0") == nil)
    }
}
