import Foundation
import Testing
@testable import RestockCore

/// A reject restock's row parser makes of a row an adapter rewrote names the export's column
/// and cell, and says what it was read as.
@Suite struct CellOriginsTests {
    private let header = ["po_id", "sku", "supplier", "ordered_at", "received_at", "quantity"]

    /// Origins of restock columns read, in this order, from the cells of one export record.
    private func origins(_ cells: [(String, String, String)]) -> CellOrigins {
        var sources: [String: CellOrigins.Source] = [:]
        for (i, (column, name, _)) in cells.enumerated() { sources[column] = CellOrigins.Source(exportColumn: name, index: i) }
        return CellOrigins(sources: sources, record: cells.map(\.2))
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

    @Test func aCellReadAsWrittenIsShownOnceAndTheReasonBeginsWithTheFilesColumn() {
        let o = origins([("quantity", "Menge", "0")])
        let fields = ["B-3", "A-200", "", "2024-05-02", "2024-05-16", "0"]
        let r = Rejection(file: "w.csv", line: 4, column: "quantity", value: "0", code: .badNumber(.positive))
        let explained = o.explain(r, header: header, fields: fields)
        #expect(explained.column == "Menge")
        #expect(explained.summary == "Menge must be a number greater than 0")
        #expect(explained.reason == "Menge must be a number greater than 0; in the file, quantity is column \"Menge\" (0)")
    }

    @Test func anEmptyCellIsNamedByItsColumnInTheFile() {
        let o = origins([("sku", "Artikel", "")])
        let r = Rejection(file: "w.csv", line: 2, column: "sku", value: "", code: .emptyCell)
        let explained = o.explain(r, header: header, fields: ["B-1", "", "", "", "", ""])
        #expect((explained.column, explained.value) == ("Artikel", ""))
        #expect(explained.reason == "Artikel is required but the cell is empty; in the file, sku is column \"Artikel\" (empty)")
    }

    @Test func rejectsWithoutAKnownSourceStayAsTheParserMadeThem() {
        let shape = Rejection(file: "w.csv", line: 2, column: "", value: "", code: .extraCells)
        #expect(origins([("sku", "Artikel", "A-1")]).explain(shape, header: header, fields: []) == shape)
        let unknown = Rejection(file: "w.csv", line: 2, column: "quantity", value: "0", code: .badNumber(.positive))
        #expect(origins([("sku", "Artikel", "A-1")]).explain(unknown, header: header, fields: []) == unknown)
        #expect(CellOrigins().explain(unknown, header: header, fields: []) == unknown)
        // The column at fault came from elsewhere: no mix of the file's names and restock's.
        let late = Rejection(file: "w.csv", line: 3, column: "received_at", value: "2024-04-05",
                             code: .receivedBeforeOrdered, detail: " (\"2024-04-20\")")
        #expect(origins([("ordered_at", "Bestelldatum", "20.04.2024")]).explain(late, header: header, fields: []) == late)
        #expect(origins([("received_at", "Eingang", "05.04.2024")]).without(["received_at"])
            .explain(late, header: header, fields: []) == late)
    }

    @Test func aColumnNamedOnlyInsideTheRowsOwnQuotedValuesIsNotExplained() {
        let o = origins([("sku", "Artikel", "on_hand"), ("supplier", "Lieferant", "X")])
        let r = Rejection(file: "w.csv", line: 2, column: "sku", value: "on_hand", code: .outOfBounds,
                          reason: "sku is too long, got \"supplier\"")
        let explained = o.explain(r, header: header, fields: ["", "on_hand", "X", "", "", ""])
        #expect(!explained.reason.contains("Lieferant"))
        #expect(CellOrigins.unquoted("a \"b c\" d") == "a  d")
    }

    @Test func aColumnIsNamedOnlyAsAWordOfItsOwn() {
        #expect(CellOrigins.names("sku must not be empty", "sku"))
        #expect(CellOrigins.names("not before ordered_at (\"x\")", "ordered_at"))
        #expect(!CellOrigins.names("two skus", "sku"))
        #expect(!CellOrigins.names("see sku_list", "sku"))
        #expect(!CellOrigins.names("reordered_at", "ordered_at"))
        #expect(CellOrigins.names("reordered_at or ordered_at", "ordered_at"))
    }

    /// An order line takes ordered_at from its order headers file: a reject of it is not put
    /// down to the lines file, whose cells never held it; an empty mapped quantity is
    /// rejected in the lines file's terms instead of read as one unit.
    @Test func anOrderLinesColumnTakenFromItsHeaderIsNotCreditedToTheLinesFile() throws {
        let map = try MappingFile(text: """
            [order headers]
            file = head*.csv
            order_id = Ref
            ordered_at = Placed

            [order lines]
            file = lines*.csv
            order_id = Ref
            sku = Item
            quantity = Qty
            """, name: "m.txt")
        var head = try MappedAdapter(section: map.sections[0], header: ["Ref", "Placed"], headerLine: 1,
                                     fileName: "head.csv", options: ExportOptions())
        var skipped: [AdaptedRow] = []
        try head.adapt(["R-1", "1899-04-03"], line: 2, into: &skipped)   // before restock's limits
        try head.adapt(["R-2", "2024-04-03"], line: 3, into: &skipped)
        var lines = try MappedAdapter(section: map.sections[1], header: ["Ref", "Item", "Qty"], headerLine: 1,
                                      fileName: "lines.csv", options: ExportOptions(), headers: head.headers)
        var out: [AdaptedRow] = []
        try lines.adapt(["R-1", "CUP", "2"], line: 2, into: &out)
        try lines.adapt(["R-2", "POT", ""], line: 3, into: &out)
        let parser = try RowParser(kind: .orders, fileName: "lines.csv", header: lines.columns, headerLine: 1,
                                   dates: DateTimeParser(timeZone: TimeZone(identifier: "UTC")!))
        let rejects: [Rejection] = out.compactMap {
            guard case .row(let line, let fields, let origins) = $0,
                  case .failure(let r) = parser.parse(fields, line: line, columns: lines.columns, origins: origins) else { return nil }
            return r
        }
        #expect(rejects.map(\.line) == [2, 3])
        #expect((rejects[0].column, rejects[0].value) == ("ordered_at", "1899-04-03"))
        #expect(!rejects[0].reason.contains("in the file"))
        #expect((rejects[1].column, rejects[1].value) == ("Qty", ""))
        #expect(rejects[1].reason == "Qty is required but the cell is empty (expected a number other than 0); in the file, quantity is column \"Qty\" (empty)")
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
