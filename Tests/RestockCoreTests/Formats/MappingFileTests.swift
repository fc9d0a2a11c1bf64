import Foundation
import Testing
@testable import RestockCore

@Suite struct MappingFileTests {
    private func mapped(_ data: String, mapping: String, headers: OrderHeaderIndex = OrderHeaderIndex()) throws -> ExportFixture {
        let map = try MappingFile(text: try ExportFixture.text(mapping), name: mapping)
        let section = try #require(map.section(forFileName: data))
        return try ExportFixture(data, delimiter: section.delimiter) { header, line in
            try MappedAdapter(section: section, header: header, headerLine: line, fileName: data, options: ExportOptions(), headers: headers)
        }
    }

    @Test func semicolonsDecimalCommasAndADayFirstDateFormat() throws {
        let f = try mapped("verkauf-2024.csv", mapping: "erp-mapping.txt")
        let first = try #require(f.row(line: 2))
        #expect(first["order_id"] == "R-1")
        #expect(first["ordered_at"] == "2024-04-03T09:15:00")   // 03/04/2024 read day first
        #expect(first["unit_price"] == "12.50")                  // 12,50
        #expect(f.row(line: 3)?["unit_price"] == "1234.00")      // 1.234,00
        #expect(f.orders.first { $0.orderId == "R-2" }?.quantity == 1.5)   // 1,5
        #expect(f.orders.count == 3)
    }

    @Test func aDateTheFormatReadsButTheCalendarLacksIsRejectedOnItsLine() throws {
        let f = try mapped("verkauf-2024.csv", mapping: "erp-mapping.txt")
        // 31/04/2024: April has 30 days.
        #expect(f.rejected.map(\.line) == [5])
        #expect(f.rejected.first?.reason.contains("April 2024 has 30 days") == true)
        #expect(f.everyRecordAccountedFor)
    }

    @Test func tabSeparatedProductsThroughTheSameMapping() throws {
        let f = try mapped("artikel.csv", mapping: "erp-mapping.txt")
        #expect(f.products.map(\.sku) == ["A-100", "A-200"])
        #expect(f.products.map(\.unitCost) == [4.2, 310])
        #expect(f.products.map(\.onHand) == [14, 0])
    }

    @Test func orderLinesJoinTheirHeadersByOrderId() throws {
        let head = try mapped("orders-head.csv", mapping: "marketplace-mapping.txt")
        #expect(head.rows.isEmpty)
        #expect(head.skipped.count == 2)
        let index = try #require(head.adapter as? MappedAdapter).headers
        let f = try mapped("orders-lines.csv", mapping: "marketplace-mapping.txt", headers: index)
        // 04/03/2024 10:00 read month first: 3 April.
        #expect(f.row(line: 2)?["ordered_at"] == "2024-04-03T10:00")
        #expect(f.orders.map(\.lineKey) == ["CUP", "CUP#2", "POT"])
        #expect(f.orders.map(\.quantity) == [1, 1, 1])          // one line per unit
        #expect(f.orders.map(\.unitPrice) == [12.5, 12.5, 40])  // $12.50
        #expect(f.orders.map(\.cancelled) == [false, false, true])
        #expect(f.rejected.map(\.line) == [5])                  // M-9 has no header
        #expect(f.everyRecordAccountedFor)
    }

    @Test func aMappedColumnTheFileLacksRefusesTheFile() throws {
        let map = try MappingFile(text: "[orders]\nfile = x*.csv\norder_id = Nr\nordered_at = Datum\nsku = Art\nquantity = Menge\n", name: "m.txt")
        #expect(throws: CSVError.self) {
            try MappedAdapter(section: map.sections[0], header: ["Nr", "Datum", "Art"], headerLine: 1, fileName: "x1.csv", options: ExportOptions())
        }
    }

    /// Exports name columns `PO #` or `Order #`: in quotes, the `#` is the column's, not a comment.
    @Test func aQuotedColumnNameKeepsItsHashAndAnUnquotedOneIsAComment() throws {
        let map = try MappingFile(text: """
            [receipts]   # a supplier's delivery list
            file = deliveries*.csv
            po_id = "PO / SO #"   # the order number
            sku = Item
            ordered_at = "Sent # date"
            received_at = Delivered
            """, name: "m.txt")
        #expect(map.sections[0].columns["po_id"] == "PO / SO #")
        #expect(map.sections[0].columns["ordered_at"] == "Sent # date")
        #expect(map.sections[0].columns["sku"] == "Item")
        let unquoted = try MappingFile(text: "[receipts]\nfile = d*.csv\npo_id = PO / SO #\nsku = Item\nordered_at = A\nreceived_at = B\n", name: "m.txt")
        #expect(unquoted.sections[0].columns["po_id"] == "PO / SO")
        do {
            _ = try MappedAdapter(section: unquoted.sections[0], header: ["PO / SO #", "Item", "A", "B"], headerLine: 1,
                                  fileName: "d1.csv", options: ExportOptions())
            Issue.record("a mapping naming a column the file lacks was accepted")
        } catch {
            #expect(error.hint.contains("`po_id = \"PO / SO #\"`"))
        }
    }

    @Test func mappingErrorsNameTheirLine() {
        let cases: [(String, Int?)] = [
            ("[sales]\n", 1),
            ("[orders]\nfile = a.csv\norder_id = A\nordered_at = B\nsku = C\n", 1),     // quantity not mapped
            ("[orders]\nfile = a.csv\nweight = W\n", 3),
            ("[orders]\nfile = a.csv\ndate format = %d.%m\n", 3),
            ("[orders]\nfile = a.csv\ndelimiter = |\n", 3),
        ]
        for (text, line) in cases {
            do {
                _ = try MappingFile(text: text, name: "m.txt")
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.line == line, "\(text)")
            }
        }
    }

    @Test func filePatternsMatchWithStars() {
        #expect(MappingFile.matches("verkauf-2024.csv", pattern: "verkauf*.csv"))
        #expect(MappingFile.matches("a-b-c.csv", pattern: "a*b*.csv"))
        #expect(!MappingFile.matches("einkauf.csv", pattern: "verkauf*.csv"))
        #expect(MappingFile.matches("artikel.csv", pattern: "artikel.csv"))
    }
}
