import Foundation
import Testing
@testable import RestockApp
import RestockCore

/// The bad-input corpus in `Tests/BadInput/`: one folder per fault with its input file and
/// `expected.txt` (the file-level error with its line, or the rows read and each reject's
/// line and reason). Every case keeps the counts identity; none crashes or hangs.
@Suite struct BadInputCorpusTests {
    static let root = packageRoot().appendingPathComponent("Tests/BadInput").path
    static let cases = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()

    struct Expected {
        var outcome = ""
        var file = ""
        var line = 0
        var messages: [String] = []
        var read = 0
        var rejected = 0
        var rejects: [(line: Int, reason: String)] = []
    }

    static func expected(_ name: String) throws -> Expected {
        var e = Expected()
        for raw in try String(contentsOfFile: root + "/" + name + "/expected.txt", encoding: .utf8).split(separator: "\n") {
            let parts = raw.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "outcome": e.outcome = parts[1]
            case "file": e.file = parts[1]
            case "line": e.line = Int(parts[1]) ?? -1
            case "message": e.messages = parts[1].split(separator: "|").map(String.init)
            case "read": e.read = Int(parts[1]) ?? -1
            case "rejected": e.rejected = Int(parts[1]) ?? -1
            case "reject":
                let r = parts[1].split(separator: " ", maxSplits: 1)
                e.rejects.append((Int(r[0]) ?? -1, String(r[1])))
            default: break
            }
        }
        return e
    }

    @Test func theCorpusIsThere() {
        #expect(Self.cases.count >= 19)
    }

    @Test(arguments: cases)
    func eachFaultHasItsExpectedOutcome(_ name: String) throws {
        let e = try Self.expected(name)
        let db = temporaryFolder() + "/s.sqlite"
        let folder = Self.root + "/" + name
        if e.outcome == "file-error" {
            do {
                _ = try ingest([folder], db: db)
                Issue.record("\(name): expected a file error")
            } catch let error as CSVError {
                #expect(error.file == e.file, "\(name)")
                #expect(error.line == e.line, "\(name): \(error)")
                #expect(e.messages.contains { error.description.contains($0) }, "\(name): \(error)")
            }
            // Nothing was loaded.
            #expect(try storeContents(db).isEmpty)
        } else {
            let result = try ingest([folder], db: db)
            #expect(result.totals.balances, "\(name)")
            #expect(result.totals.rowsRead == e.read, "\(name)")
            #expect(result.totals.rowsRejected == e.rejected, "\(name)")
            #expect(result.rejects.count == e.rejects.count, "\(name): \(result.rejects.map(\.reason))")
            for (got, want) in zip(result.rejects, e.rejects) {
                #expect(got.line == want.line, "\(name)")
                #expect(got.reason.hasPrefix(want.reason), "\(name): \(got.reason)")
            }
        }
    }

    @Test func aTenMegabyteFieldIsReadWithoutTrouble() throws {
        let big = String(repeating: "x", count: 10 << 20)
        let dir = dataFolder(["products.csv": "sku,name\nA,\"\(big)\"\nB,short\n"])
        let result = try ingest([dir], db: temporaryFolder() + "/s.sqlite")
        #expect(result.totals.rowsNew == 2)
    }

    @Test func aLineOfOneHundredThousandColumnsIsRejectedNotFatal() throws {
        let cells = Array(repeating: "1", count: 100_000).joined(separator: ",")
        let dir = dataFolder(["orders.csv": "order_id,ordered_at,sku,quantity\n\(cells)\nO2,2026-11-20,A,1\n"])
        let result = try ingest([dir], db: temporaryFolder() + "/s.sqlite")
        #expect(result.totals.rowsRead == 2)
        #expect(result.totals.rowsRejected == 1)
        #expect(result.rejects[0].reason.contains("100000 cells"))
        // The reject keeps a readable value, not megabytes of cells.
        #expect(result.rejects[0].value.count <= 1_000)
    }
}
