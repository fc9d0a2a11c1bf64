import Foundation
import Testing
@testable import RestockCore

/// A fixture export read end to end as the ingest reads it: header, format, adapter, then
/// restock's row parser on every adapted row.
struct ExportFixture {
    /// Every data record's line in the export.
    var recordLines: [Int] = []
    var format: ExportFormat?
    var outcomes: [AdaptedRow] = []
    /// Rows as restock column -> value, with their export line.
    var rows: [(line: Int, values: [String: String])] = []
    /// What the row parser made of the rows.
    var parsed: [(line: Int, row: Result<InputRow, Rejection>)] = []
    /// The adapter after the whole file (a mapping's order headers live in it).
    var adapter: (any ExportAdapter)?

    var rejected: [Rejection] {
        outcomes.compactMap { if case .rejected(let r) = $0 { r } else { nil } }
            + parsed.compactMap { if case .failure(let r) = $0.row { r } else { nil } }
    }
    var skipped: [(line: Int, reason: String)] {
        outcomes.compactMap { if case .skipped(let l, let why) = $0 { (l, why) } else { nil } }
    }
    var orders: [OrderRow] { parsed.compactMap { if case .success(.order(let o)) = $0.row { o } else { nil } } }
    var products: [ProductFact] { parsed.compactMap { if case .success(.product(let p)) = $0.row { p.product } else { nil } } }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/Formats")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// Reads `name` from the fixtures, recognising its format, or through `adapter` when given.
    init(_ name: String, options: ExportOptions = ExportOptions(), delimiter: CSVDelimiter = .comma,
         adapter make: (([String], Int) throws -> any ExportAdapter)? = nil) throws {
        let bytes = Array(try Data(contentsOf: ExportFixture.folder.appendingPathComponent(name)))
        let reader = CSVReader(bytes: bytes, fileName: name, delimiter: delimiter)
        var fields: [String] = []
        let headerLine = try #require(try reader.next(into: &fields))
        let header = fields
        var adapter: any ExportAdapter
        if let make {
            adapter = try make(header, headerLine)
        } else {
            format = ExportFormat.recognise(header: header)
            adapter = try #require(format?.adapter(header: header, fileName: name, options: options))
        }
        while let line = try reader.next(into: &fields) {
            recordLines.append(line)
            try adapter.adapt(fields, line: line, into: &outcomes)
        }
        try adapter.finish(into: &outcomes)
        self.adapter = adapter
        let parser = try RowParser(kind: adapter.kind, fileName: name, header: adapter.columns, headerLine: headerLine,
                                   dates: DateTimeParser(timeZone: TimeZone(identifier: "UTC")!))
        for case .row(let line, let cells, let origins) in outcomes {
            rows.append((line, Dictionary(uniqueKeysWithValues: zip(adapter.columns, cells).filter { !$1.isEmpty })))
            parsed.append((line, parser.parse(cells, line: line, columns: adapter.columns, origins: origins)))
        }
    }

    /// Whether every record of the export has an outcome, and no outcome names another line.
    var everyRecordAccountedFor: Bool {
        Set(outcomes.map(\.line)) == Set(recordLines)
    }

    func row(line: Int) -> [String: String]? { rows.first { $0.line == line }?.values }
}
