import Foundation
import RestockCore

/// Small builders for the end-to-end tests of the demand rules (README, "Non-stock lines",
/// "One-off bulk orders", "Advice without stock levels").
enum DemandFixture {
    static let asOf = CivilDate.day(year: 2026, month: 11, day: 26)

    /// `count` order lines of `sku`, one every 7 days back from as-of, each of `units` at `price`:
    /// `order_id,ordered_at,sku,quantity,unit_price` rows, order ids `<sku>-<i>`.
    static func weekly(_ sku: String, count: Int, units: Double, price: Double) -> String {
        (0 ..< count).map { i in
            "\(sku)-\(i),\(CivilDate.string(asOf - 7 * i)),\(sku),\(CSVWriter.format(units)),\(CSVWriter.format(price))\n"
        }.joined()
    }

    /// A CSV file of the report folder as rows of column -> cell, keyed by sku. Splits at
    /// every comma: for the columns before the first quoted cell (reason) only.
    static func table(_ path: String) throws -> [String: [String: String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var rows: [String: [String: String]] = [:]
        var header: [String] = []
        for line in text.split(separator: "\n") {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if header.isEmpty { header = cells; continue }
            let row = Dictionary(zip(header, cells), uniquingKeysWith: { a, _ in a })
            rows[row["sku"] ?? ""] = row
        }
        return rows
    }

    /// The JSON object of a run's summary.json.
    static func summary(_ folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
