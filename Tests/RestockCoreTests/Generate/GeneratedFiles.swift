import Foundation
@testable import RestockCore

/// A generated folder read back for the tests: each file as its header and rows (a minimal
/// RFC 4180 reader, enough for what the generator writes).
struct GeneratedFiles {
    let directory: String
    let summary: GeneratorSummary
    let config: GeneratorConfig

    /// Generates `config` into a fresh temporary folder.
    static func make(_ config: GeneratorConfig) throws -> GeneratedFiles {
        let directory = NSTemporaryDirectory() + "restock-generate-" + UUID().uuidString
        let summary = try SyntheticDataGenerator.write(config: config, to: directory)
        return GeneratedFiles(directory: directory, summary: summary, config: config)
    }

    /// 300 SKUs x 400 days ending 2026-11-26: small enough for a debug build, big enough
    /// for every class, splits and cancellations.
    static let standardConfig = GeneratorConfig(
        skus: 300, days: 400, seed: 11, endDay: CivilDate.day(year: 2026, month: 11, day: 26))

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func bytes(_ file: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: directory + "/" + file))
    }

    /// The header and the rows of `file`, each row a column name -> value dictionary.
    func table(_ file: String) throws -> (header: [String], rows: [[String: String]]) {
        let text = String(decoding: try bytes(file), as: UTF8.self)
        let records = GeneratedFiles.parse(text)
        let header = records[0]
        let rows = records.dropFirst().map { record in
            Dictionary(uniqueKeysWithValues: zip(header, record + Array(repeating: "", count: max(0, header.count - record.count))))
        }
        return (header, rows)
    }

    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\n" {
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.append(c)
            }
        }
        if !record.isEmpty || !field.isEmpty { record.append(field); records.append(record) }
        return records
    }

    /// Seconds since 1970 of `2026-03-14T10:22:31Z` or `2026-03-14T11:22:31+01:00`.
    static func instant(_ text: String) -> Int64? {
        let c = Array(text.utf8)
        guard c.count >= 20 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int {
            c[from..<(from + count)].reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        let day = CivilDate.day(year: number(0, 4), month: number(5, 2), day: number(8, 2))
        var seconds = Int64(day) * 86_400 + Int64(number(11, 2) * 3_600 + number(14, 2) * 60 + number(17, 2))
        if c.count == 25 && c[19] == UInt8(ascii: "+") {
            seconds -= Int64(number(20, 2) * 3_600 + number(23, 2) * 60)
        } else if !(c.count == 20 && c[19] == UInt8(ascii: "Z")) {
            return nil
        }
        return seconds
    }
}
