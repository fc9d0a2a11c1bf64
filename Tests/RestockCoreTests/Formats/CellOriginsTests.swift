import Foundation
import Testing
@testable import RestockCore

/// A reject restock's row parser makes of a row an adapter rewrote names the export's column
/// and cell, and says what it was read as.
@Suite struct CellOriginsTests {
    private let header = ["po_id", "sku", "supplier", "ordered_at", "received_at", "quantity"]

    private func origins(_ cells: [(String, String, String)]) -> CellOrigins {
        var o = CellOrigins()
        for (column, name, text) in cells { o.note(column, exportColumn: name, text: text) }
        return o
    }

    @Test func aRejectOfARewrittenDateNamesTheFilesColumnsAndCells() {
        let o = origins([("received_at", "Eingang", "05.04.2024"), ("ordered_at", "Bestelldatum", "20.04.2024"),
                         ("sku", "Artikel", "A-100")])
        let fields = ["B-2", "A-100", "", "2024-04-20", "2024-04-05", "6"]
        let parser = Rejection(file: "w.csv", line: 3, column: "received_at", value: "2024-04-05",
                               code: .receivedBeforeOrdered, detail: " (\"2024-04-20\")")
        let explained = o.explain(parser, header: header, fields: fields)
        #expect(explained.column == "Eingang")
        #expect(explained.value == "05.04.2024")
        #expect(explained.reason == "received_at must not be before ordered_at (\"2024-04-20\"); in the file, "
                + "received_at is column \"Eingang\" (05.04.2024, read as 2024-04-05) and "
                + "ordered_at is column \"Bestelldatum\" (20.04.2024, read as 2024-04-20)")
        #expect(explained.code == .receivedBeforeOrdered)
        #expect((explained.file, explained.line) == ("w.csv", 3))
    }

    @Test func aCellReadAsWrittenIsShownOnce() {
        let o = origins([("quantity", "Menge", "0")])
        let fields = ["B-3", "A-200", "", "2024-05-02", "2024-05-16", "0"]
        let r = Rejection(file: "w.csv", line: 4, column: "quantity", value: "0", code: .badNumber(.positive))
        let explained = o.explain(r, header: header, fields: fields)
        #expect(explained.column == "Menge")
        #expect(explained.reason.hasSuffix("; in the file, quantity is column \"Menge\" (0)"))
    }

    @Test func rejectsWithoutAKnownSourceStayAsTheParserMadeThem() {
        let shape = Rejection(file: "w.csv", line: 2, column: "", value: "", code: .extraCells)
        #expect(origins([("sku", "Artikel", "A-1")]).explain(shape, header: header, fields: []) == shape)
        let unknown = Rejection(file: "w.csv", line: 2, column: "quantity", value: "0", code: .badNumber(.positive))
        #expect(origins([("sku", "Artikel", "A-1")]).explain(unknown, header: header, fields: []) == unknown)
        #expect(CellOrigins().explain(unknown, header: header, fields: []) == unknown)
    }

    @Test func aColumnIsNamedOnlyAsAWordOfItsOwn() {
        #expect(CellOrigins.names("sku must not be empty", "sku"))
        #expect(CellOrigins.names("not before ordered_at (\"x\")", "ordered_at"))
        #expect(!CellOrigins.names("two skus", "sku"))
        #expect(!CellOrigins.names("see sku_list", "sku"))
        #expect(!CellOrigins.names("reordered_at", "ordered_at"))
        #expect(CellOrigins.names("reordered_at or ordered_at", "ordered_at"))
    }

    /// The fixture read end to end through its mapping, as the ingest reads it.
    @Test func aMappedReceiptsFileRejectsInItsOwnTerms() throws {
        let name = "wareneingang-2024.csv"
        let map = try MappingFile(text: try ExportFixture.text("supplier-mapping.txt"), name: "supplier-mapping.txt")
        let section = try #require(map.section(forFileName: name))
        let f = try ExportFixture(name, delimiter: section.delimiter) { header, line in
            try MappedAdapter(section: section, header: header, headerLine: line, fileName: name, options: ExportOptions())
        }
        #expect(f.everyRecordAccountedFor)
        #expect(f.parsed.count == 3)
        let rejects = f.rejected.sorted { $0.line < $1.line }
        #expect(rejects.map(\.line) == [3, 4])
        #expect(rejects.map(\.column) == ["Eingang", "Menge"])
        #expect(rejects.map(\.value) == ["05.04.2024", "0,0"])
        #expect(rejects.first?.reason.contains("received_at is column \"Eingang\" (05.04.2024, read as 2024-04-05)") == true)
        #expect(rejects.last?.reason.contains("quantity is column \"Menge\" (0,0, read as 0.0)") == true)
    }
}
