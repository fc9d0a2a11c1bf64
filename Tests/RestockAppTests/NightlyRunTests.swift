import Foundation
import Testing

/// A night (yesterday's store, today's files added, the next as-of) must write what a fresh
/// full run over the same files writes (README, "Performance"): the store's digests and the
/// streamed read may not leave a trace of the order the files came in.
@Suite struct NightlyRunTests {
    @Test func aNightsOutputsAreAFreshFullRunsByteForByte() throws {
        let work = temporaryFolder("restock-night")
        let data = work + "/data", history = work + "/history"
        #expect(try runRestock(["generate", "--out", data, "--skus", "300", "--days", "120", "--seed", "3",
                                "--end", "2026-11-26"]).status == 0)
        // History: everything but the order lines of the last day, which arrive as the night's file.
        try FileManager.default.createDirectory(atPath: history, withIntermediateDirectories: true)
        for name in ["backorders.csv", "products.csv", "receipts.csv"] {
            try FileManager.default.copyItem(atPath: data + "/" + name, toPath: history + "/" + name)
        }
        let lines = try String(contentsOfFile: data + "/orders.csv", encoding: .utf8).split(separator: "\n")
        let column = try #require(lines.first?.split(separator: ",").firstIndex(of: "ordered_at"))
        let last = lines.dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[column].hasPrefix("2026-11-26") }
        let earlier = lines.dropFirst().filter { !$0.split(separator: ",", omittingEmptySubsequences: false)[column].hasPrefix("2026-11-26") }
        #expect(!last.isEmpty && !earlier.isEmpty)
        try ([lines[0]] + earlier).joined(separator: "\n").appending("\n").write(toFile: history + "/orders.csv", atomically: true, encoding: .utf8)
        try ([lines[0]] + last).joined(separator: "\n").appending("\n").write(toFile: work + "/orders-night.csv", atomically: true, encoding: .utf8)

        let nightStore = work + "/night.sqlite", freshStore = work + "/fresh.sqlite"
        #expect(try runRestock(["run", "--data", history, "--db", nightStore, "--out", work + "/before", "--as-of", "2026-11-25", "--quiet"]).status == 0)
        try FileManager.default.copyItem(atPath: work + "/orders-night.csv", toPath: history + "/orders-night.csv")
        #expect(try runRestock(["run", "--data", history, "--db", nightStore, "--out", work + "/night", "--as-of", "2026-11-26", "--quiet"]).status == 0)
        #expect(try runRestock(["run", "--data", history, "--db", freshStore, "--out", work + "/fresh", "--as-of", "2026-11-26", "--quiet"]).status == 0)
        for file in ["skus.csv", "recommendations.csv", "rejects.csv"] {
            let night = try Data(contentsOf: URL(fileURLWithPath: work + "/night/2026-11-26/" + file))
            let fresh = try Data(contentsOf: URL(fileURLWithPath: work + "/fresh/2026-11-26/" + file))
            #expect(night == fresh, "\(file) of the night differs from the fresh run's")
            #expect(night.count > 100 || file == "rejects.csv")
        }
        // The night changed the figures: the run before it wrote another skus.csv.
        let before = try Data(contentsOf: URL(fileURLWithPath: work + "/before/2026-11-25/skus.csv"))
        #expect(try before != Data(contentsOf: URL(fileURLWithPath: work + "/night/2026-11-26/skus.csv")))
    }
}
