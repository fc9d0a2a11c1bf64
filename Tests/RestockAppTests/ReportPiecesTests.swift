import Foundation
import Testing
@testable import RestockApp
import RestockCore

/// The report folder's files written on three threads while the store keeps the figures
/// (`ReportPieces`): what the concurrent write relies on.
@Suite struct ReportPiecesTests {
    struct PieceFailed: Error, Equatable { var piece: String }

    /// 10,000 SKUs: skus.csv and recommendations.csv are each written in three pieces of
    /// 4,096 rows (4,096 + 4,096 + 1,808), the two files at once.
    static let figures: [SKUFigures] = (0..<10_000).map { i in
        var f = SKUFigures(sku: "SKU-\(i)")
        f.name = i % 7 == 0 ? "Mug, \"large\"" : "Mug \(i)"
        f.revenueAtRisk = Double(i % 101) * 1.25
        f.backorderLines = i % 5
        f.isRecommended = i % 3 != 0
        return f
    }

    func folder() throws -> ReportFolder {
        let folder = ReportFolder(out: temporaryFolder(), name: "2026-11-26")
        try folder.prepare()
        return folder
    }

    func staged(_ folder: ReportFolder, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.staging.appendingPathComponent(name)))
    }

    @Test func filesWrittenAtOnceOnThreeThreadsAreThoseOfASerialWrite() throws {
        let (folder, all) = (try folder(), Self.figures)
        let ranked = SKUTables.ranked(all)
        var pieces = ReportPieces(
            skusCSV: { try folder.write("skus.csv") { try SKUTables.skusCSV(all, rowsPerPiece: 4_096, $0) }; return 1 },
            tables: { try folder.write("recommendations.csv") { try SKUTables.recommendationsCSV(ranked, rowsPerPiece: 4_096, $0) }; return 1 },
            page: { try folder.write("report.html", Array("<p>page</p>".utf8)); return ("page", 1) })
        let written = try pieces.finish()
        #expect(written.files == 3)
        #expect(try staged(folder, "skus.csv") == SKUTables.skusCSV(all))
        #expect(try staged(folder, "recommendations.csv") == SKUTables.recommendationsCSV(ranked))
        #expect(try staged(folder, "report.html") == Array("<p>page</p>".utf8))
        // Two in three SKUs are recommended (i % 3 != 0): 6,666 rows and the header.
        #expect(try staged(folder, "recommendations.csv").count { $0 == 0x0A } == 6_667)
    }

    @Test func aFailedPieceIsThrownOnlyOnceTheOthersHaveFinishedWriting() throws {
        let folder = try folder()
        var pieces = ReportPieces(
            skusCSV: {
                Thread.sleep(forTimeInterval: 0.3)
                try folder.write("skus.csv", Array("sku\n".utf8))
                return 1
            },
            tables: { throw PieceFailed(piece: "tables") },
            page: { ("page", 1) })
        #expect(throws: PieceFailed(piece: "tables")) { try pieces.finish() }
        // skus.csv's piece finished its file before the error came back: the staging
        // folder can now be removed with nothing still writing into it.
        #expect(try staged(folder, "skus.csv") == Array("sku\n".utf8))
        #expect(pieces.finished)
    }

    @Test func ofTwoFailedPiecesTheOneASerialWriteMeetsFirstIsThrown() throws {
        var pieces = ReportPieces<String>(skusCSV: { throw PieceFailed(piece: "skus.csv") },
                                  tables: { 4 },
                                  page: { throw PieceFailed(piece: "page") })
        #expect(throws: PieceFailed(piece: "page")) { try pieces.finish() }
    }

    @Test func abandoningWaitsForEveryPieceStillWriting() throws {
        let folder = try folder()
        var pieces = ReportPieces(
            skusCSV: { 1 },
            tables: {
                Thread.sleep(forTimeInterval: 0.3)
                try folder.write("recommendations.csv", Array("rank\n".utf8))
                return 1
            },
            page: { ("page", 1) })
        pieces.abandon()
        #expect(try staged(folder, "recommendations.csv") == Array("rank\n".utf8))
        pieces.abandon()
    }
}
