import Foundation
import Testing
@testable import RestockApp
import RestockCore

/// Shop exports dropped into the data folder under the names the shop system gave them:
/// recognised by their header line or the folder's mapping file, or skipped with the reason.
@Suite struct UnnamedExportFilesTests {
    static let formats = packageRoot().appendingPathComponent("Tests/RestockCoreTests/Fixtures/Formats").path

    private func fixture(_ name: String) throws -> String {
        try String(contentsOfFile: Self.formats + "/" + name, encoding: .utf8)
    }

    @Test func shopExportsUnderTheirDefaultNamesAreRecognisedByTheirHeader() throws {
        let dir = dataFolder([
            "orders.csv": "order_id,ordered_at,sku,quantity\n1,2026-11-03,A,1\n",
            "inventory_export.csv": try fixture("shopify-inventory.csv"),
            "wc-product-export-3-12-2026.csv": try fixture("woocommerce-products.csv"),
            "bc-orders-2026-12-03.csv": try fixture("bigcommerce-orders.csv"),
            "Thumbs.db": "not a csv",
        ])
        let folder = try DataFolder(paths: [dir], formats: FormatChoice())
        #expect(folder.files.map(\.name) == ["bc-orders-2026-12-03.csv", "inventory_export.csv", "orders.csv", "wc-product-export-3-12-2026.csv"])
        #expect(folder.files.map(\.kind) == [.orders, .products, .orders, .products])
        #expect(folder.skipped.isEmpty)
    }

    @Test func aFolderWhoseOnlyFileIsNotRecognisedSaysWhichFileAndWhy() throws {
        let dir = dataFolder(["getProducts.csv": "a,b\n1,2\n"])
        let work = temporaryFolder()
        let ingest = try runRestock(["ingest", dir, "--db", work + "/s.sqlite"])
        #expect(ingest.status == 1)
        #expect(ingest.stderr.contains("getProducts.csv was not read: its header matches no format restock knows"), "\(ingest.stderr)")
        let run = try runRestock(["run", "--data", dir, "--db", work + "/t.sqlite", "--out", work + "/R", "--as-of", "2026-11-26"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no orders file in") && run.stderr.contains("getProducts.csv was not read"), "\(run.stderr)")
    }

    @Test func aCSVFileThatSaysNothingIsSkippedNamingTheKnownFormats() throws {
        let dir = dataFolder([
            "orders.csv": "order_id,ordered_at,sku,quantity\n1,2026-11-03,A,1\n",
            "notes.csv": "Beleg,Datum,Artikel\n1,2,3\n",
            "sales.csv": "order_id,ordered_at,sku,quantity\n2,2026-11-03,A,1\n",
            "empty.csv": "",
        ])
        let folder = try DataFolder(paths: [dir], formats: FormatChoice())
        #expect(folder.files.map(\.name) == ["orders.csv"])
        #expect(folder.skipped.map(\.file) == ["empty.csv", "notes.csv", "sales.csv"])
        let byName = Dictionary(uniqueKeysWithValues: folder.skipped.map { ($0.file, $0.reason) })
        #expect(byName["notes.csv"]?.contains("matches no format restock knows") == true)
        #expect(byName["notes.csv"]?.contains("shopify-orders") == true)
        #expect(byName["notes.csv"]?.contains("mapping file") == true)
        #expect(byName["sales.csv"]?.contains("name it orders*.csv") == true)
        #expect(byName["empty.csv"]?.contains("empty") == true)
    }

    @Test func theDataFoldersMappingFileIsUsedWithoutMapAndNamesFilesOfAnyEnding() throws {
        let dir = dataFolder([
            DataFolder.mappingFileName: "[orders]\nfile = verkauf*.txt\ndelimiter = ;\norder_id = Beleg\nordered_at = Datum\nsku = Artikel\nquantity = Menge\n",
            "verkauf-2026.txt": "Beleg;Datum;Artikel;Menge\nR1;2026-11-03;A;2\n",
        ])
        let folder = try DataFolder(paths: [dir], formats: FormatChoice())
        #expect(folder.formats.mapping?.sections.count == 1)
        #expect(folder.files.map(\.name) == ["verkauf-2026.txt"])
        #expect(folder.files.map(\.kind) == [.orders])
    }

    @Test func mapOnTheCommandLineWinsOverTheDataFoldersMappingFile() throws {
        let dir = dataFolder([DataFolder.mappingFileName: "[products]\nfile = artikel*.csv\nsku = Nummer\n"])
        let given = try MappingFile(text: "[receipts]\nfile = po*.csv\npo_id = PO\nsku = SKU\nquantity = Qty\nordered_at = Ordered\nreceived_at = Received\n", name: "mine.txt")
        let folder = try DataFolder(paths: [dir], formats: FormatChoice(mapping: given))
        #expect(folder.formats.mapping == given)
    }

    @Test func theIngestsTableRecordsEachFilesFormatAndAnUnchangedFileKeepsIt() throws {
        let dir = dataFolder([
            "orders.csv": "order_id,ordered_at,sku,quantity\n1,2026-11-03,A,1\n",
            "inventory_export.csv": try fixture("shopify-inventory.csv"),
        ])
        func load() throws -> IngestStage.Result {
            let folder = try DataFolder(paths: [dir], formats: FormatChoice())
            let store = try Store(path: dir + "/restock.sqlite")
            try store.checkTimeZone("UTC")
            return try IngestStage(files: folder.files, timeZone: TimeZone(identifier: "UTC")!, reload: false, runId: nil,
                                   formats: folder.formats).run(store: store, progress: Progress(quiet: true))
        }
        #expect(try load().files.map(\.format) == [.shopifyInventory, nil])
        let again = try load()
        #expect(again.files.map { $0.unchangedSinceIngest != nil } == [true, true])
        #expect(again.files.map(\.format) == [.shopifyInventory, nil])
        #expect(try dump(dir + "/restock.sqlite", "SELECT file, format FROM ingests ORDER BY id")
                == [["inventory_export.csv", "shopify-inventory"], ["orders.csv", "NULL"],
                    ["inventory_export.csv", "shopify-inventory"], ["orders.csv", "NULL"]])
    }

    @Test func aMappingFileThatIsANamedPipeStopsTheRunInsteadOfWaitingOnIt() throws {
        let dir = dataFolder(["orders.csv": "order_id,ordered_at,sku,quantity\n1,2026-11-03,A,1\n"])
        #expect(mkfifo(dir + "/" + DataFolder.mappingFileName, 0o600) == 0)
        do {
            _ = try DataFolder(paths: [dir], formats: FormatChoice())
            Issue.record("a named pipe was read as the mapping file")
        } catch let error as RunError {
            #expect(error.message.hasPrefix("restock-map.txt: cannot read the mapping file: it is a named pipe"))
        }
    }

    @Test func aBrokenMappingFileInTheDataFolderStopsTheRunNamingItsLine() throws {
        let dir = dataFolder([DataFolder.mappingFileName: "[orders]\nfile = x*.csv\nwhatever\n"])
        do {
            _ = try DataFolder(paths: [dir], formats: FormatChoice())
            Issue.record("a broken mapping file was accepted")
        } catch let error as RunError {
            #expect(error.message.hasPrefix("restock-map.txt:3:"))
        }
    }
}

/// A marketplace's order-header and order-lines files, joined by a mapping file in the data
/// folder, loaded by the built binary.
@Suite(.serialized) struct JoinedOrderFilesEndToEndTests {
    static let mapping = """
        # restock-map.txt: an ERP's order headers and order lines
        [order headers]
        file = kopf*.csv
        delimiter = ;
        date format = %d.%m.%Y
        order_id = Auftrag
        ordered_at = Datum
        status = Status

        [order lines]
        file = auftragspositionen*.csv
        delimiter = ;
        decimal mark = ,
        order_id = Auftrag
        sku = Artikel
        quantity = Menge
        unit_price = Preis

        """
    // Orders A1 (3 November 2026, day 20760) and A2 (10 November, day 20767, cancelled).
    // The lines file comes first by name ("auftragspositionen" < "kopf"): the join does not
    // depend on the order, as the headers are read before any file is loaded.
    static let headers = "Auftrag;Datum;Status\nA1;03.11.2026;paid\nA2;10.11.2026;cancelled\n"
    static let lines = "Auftrag;Artikel;Menge;Preis\nA1;TASSE;2;12,50\nA1;TELLER;1,5;3,00\nA2;TASSE;1;12,50\nA9;TASSE;1;12,50\n"

    @Test func headerAndLinesFilesLoadJoinedWithTheirDatesStatusesAndDecimalCommas() throws {
        let dir = dataFolder([
            DataFolder.mappingFileName: Self.mapping,
            "kopf-2026-11.csv": Self.headers,
            "auftragspositionen-2026-11.csv": Self.lines,
            "notizen.csv": "Was,Wann\nx,y\n",
        ])
        let work = temporaryFolder()
        let r = try runRestock(["ingest", dir, "--db", work + "/s.sqlite"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: notizen.csv was not read: its header matches no format restock knows"))
        let rows = try dump(work + "/s.sqlite",
                            "SELECT order_id, line_key, sku, day, quantity, unit_price, cancelled FROM order_lines ORDER BY order_id, line_key")
        #expect(rows == [
            ["A1", "TASSE", "TASSE", "20760", "2.0", "12.5", "0"],
            ["A1", "TELLER", "TELLER", "20760", "1.5", "3.0", "0"],
            ["A2", "TASSE", "TASSE", "20767", "1.0", "12.5", "1"],
        ])
        // The line of order A9, which the header file does not have, is rejected on its line.
        let rejects = try dump(work + "/s.sqlite", "SELECT file, line, column_name, value FROM rejects")
        #expect(rejects == [["auftragspositionen-2026-11.csv", "5", "Auftrag", "A9"]])
    }

    @Test func theReportNamesEachFilesFormatInItsDataQuality() throws {
        let dir = dataFolder([
            DataFolder.mappingFileName: Self.mapping,
            "kopf-2026-11.csv": Self.headers,
            "auftragspositionen-2026-11.csv": Self.lines,
        ])
        let work = temporaryFolder()
        let r = try runRestock(["run", "--data", dir, "--db", work + "/s.sqlite", "--out", work + "/R", "--as-of", "2026-11-26", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: work + "/R/2026-11-26/report.html", encoding: .utf8)
        #expect(html.contains("<td>orders (mapped columns)</td>"))
    }
}
