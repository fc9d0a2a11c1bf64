import Foundation
import Testing
@testable import RestockApp
import RestockCore
import SQLite

/// A fresh temporary folder per test, inside `testScratch` (removed when the tests end).
func temporaryFolder(_ label: String = "restock") -> String {
    let url = URL(fileURLWithPath: testScratch).appendingPathComponent("\(label)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// The one folder under the temporary directory that holds every folder this test process
/// makes; it is removed when the process exits, so that `swift test` leaves nothing behind
/// (a run used to leave a hundred folders, some of 45 MB, each time).
let testScratch: String = {
    let path = testScratchPath()
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: testScratchPath()) }
    return path
}()

private func testScratchPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("restock-tests-\(getpid())").path
}

/// Writes `files` (name -> content) into a new data folder and returns its path.
func dataFolder(_ files: [String: String]) -> String {
    let dir = temporaryFolder("restock-data")
    for (name, content) in files {
        try? Data(content.utf8).write(to: URL(fileURLWithPath: dir).appendingPathComponent(name))
    }
    return dir
}

/// Runs the ingest stage on `paths` into the store at `db`.
func ingest(_ paths: [String], db: String, timeZone: String = "UTC", reload: Bool = false) throws -> IngestStage.Result {
    let store = try Store(path: db)
    try store.checkTimeZone(timeZone)
    let files = try InputFile.collect(paths)
    return try IngestStage(files: files, timeZone: TimeZone(identifier: timeZone)!, reload: reload, runId: nil)
        .run(store: store, progress: Progress(quiet: true))
}

/// Every row of a query, each column as text ("NULL" for NULL), for comparing store contents.
func dump(_ db: String, _ sql: String) throws -> [[String]] {
    let connection = try Connection(path: db)
    let s = try connection.prepare(sql)
    var rows: [[String]] = []
    while try s.step() {
        rows.append((0..<s.columnCount).map { i in s.isNull(i) ? "NULL" : (s.text(i) ?? "") })
    }
    return rows
}

/// The whole store's loaded rows (all four kinds), for "unchanged" checks.
func storeContents(_ db: String) throws -> [[String]] {
    try dump(db, "SELECT 'o', order_id, line_key, sku, day, at, quantity, unit_price, cancelled, version FROM order_lines ORDER BY 2, 3")
        + dump(db, "SELECT 'b', key, order_id, sku, quantity, b_day, b_at, f_day, f_at, c_day, c_at, version FROM backorders ORDER BY 2")
        + dump(db, "SELECT 'p', sku, name, category, supplier, unit_cost, unit_price, on_hand, on_order, reorder_point, order_quantity, lead_time_days, service_level, case_pack, version FROM products ORDER BY 2")
        + dump(db, "SELECT 'r', po_id, sku, supplier, o_day, o_at, r_day, r_at, quantity, version FROM receipts ORDER BY 2, 3")
}

/// The built `restock` executable beside the test bundle.
func restockBinary() throws -> URL {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("restock")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    let root = packageRoot()
    for sub in [".build/debug/restock", ".build/release/restock"] {
        let candidate = root.appendingPathComponent(sub)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw RunError("the restock binary was not found near \(CommandLine.arguments[0]); run 'swift build' first")
}

/// The package's root folder (Tests/RestockAppTests/../..).
func packageRoot() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// The result of running the binary.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built binary with `arguments` in `directory`.
func runRestock(_ arguments: [String], in directory: String? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = try restockBinary()
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes to the end before waiting, so a full pipe cannot block the child.
    let group = DispatchGroup()
    let errBox = DataBox()
    group.enter()
    DispatchQueue.global().async {
        errBox.data = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errBox.data, as: UTF8.self))
}

/// `@unchecked Sendable`: written by one thread before `group.wait()`, read after it.
final class DataBox: @unchecked Sendable {
    var data = Data()
}
