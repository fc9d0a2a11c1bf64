import Foundation
import RestockCore

/// `restock generate --out DIR [--skus N] [--days N] [--seed N]`: synthetic data.
enum GenerateCommand: Command {
    static let name = "generate"
    static let help = """
    usage: restock generate --out DIR [--skus N] [--days N] [--seed N] [--end DATE]

    Writes a realistic synthetic data set (orders.csv, backorders.csv, products.csv,
    receipts.csv) into DIR: SKUs of every demand class, an inventory simulation per SKU with
    reorder points (some too low), supplier lead times, backorders and the receipts that fill
    them. The same options give the same bytes.

      --out DIR      the folder to write (created when missing)
      --skus N       number of SKUs (default 1000)
      --days N       days of history (default 730)
      --seed N       the random seed (default 1)
      --end DATE     last day of data, YYYY-MM-DD (default yesterday, UTC)
    """

    static func run(_ a: inout ArgumentList) throws -> Int32 {
        guard let out = try a.option("out") else { throw UsageError("--out DIR is required") }
        let skus = try a.integer("skus", in: 1...10_000_000) ?? 1000
        let days = try a.integer("days", in: 14...36_500) ?? 730
        let seed = try a.option("seed").map { (t: String) throws(UsageError) -> UInt64 in
            guard let v = UInt64(t) else { throw UsageError("--seed must be a whole number of 0 or more, got '\(t)'") }
            return v
        } ?? 1
        let end = try a.option("end").map { (t: String) throws(UsageError) -> Day in try CommonOptions.day(t, option: "end") }
            ?? CommonOptions().yesterday
        try a.finish()
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw RunError("cannot create '\(out)': \(ReportFolder.reason(error))")
        }
        let started = Date()
        let summary: GeneratorSummary
        do {
            summary = try SyntheticDataGenerator.write(config: GeneratorConfig(skus: skus, days: days, seed: seed, endDay: end), to: out)
        } catch {
            throw RunError("cannot write the data set in '\(out)': \(error)")
        }
        FileHandle.standardError.write(Data(String(format: "generated in %.1f s: %@\n", Date().timeIntervalSince(started), "\(summary)").utf8))
        return 0
    }
}
