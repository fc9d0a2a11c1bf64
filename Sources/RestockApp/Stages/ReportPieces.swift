import Foundation
import RestockCore

/// The report folder's files, written on threads of their own while the starting thread keeps
/// the figures in the store (Sources/PERFORMANCE.md): skus.csv on one, the other tables on a
/// second, report.html (and email.eml) on a third. All write into the staging folder of
/// `ReportFolder`, each to files of its own.
///
/// `Page` is what the report.html piece hands back besides its number of files: the report's
/// model, which summary.json reads.
struct ReportPieces<Page> {
    private let skusCSV: BackgroundWork<Int>
    private let tables: BackgroundWork<Int>
    private let page: BackgroundWork<(page: Page, files: Int)>
    /// Whether `finish` has waited for every piece.
    private(set) var finished = false

    /// Starts the three pieces at once; each returns the number of files it wrote.
    init(skusCSV: @escaping @Sendable () throws -> Int, tables: @escaping @Sendable () throws -> Int,
         page: @escaping @Sendable () throws -> (page: Page, files: Int)) {
        self.skusCSV = BackgroundWork(skusCSV)
        self.tables = BackgroundWork(tables)
        self.page = BackgroundWork(page)
    }

    /// Waits for every piece, then returns the page piece's result and the number of files
    /// written by all three, or throws the first error in the order tables, page, skus.csv
    /// (the order a serial write would have met them in). Call it once.
    mutating func finish() throws -> (page: Page, files: Int) {
        let tablesResult = Result { try tables.wait() }
        Trace.mark("report: CSV files")
        let pageResult = Result { try page.wait() }
        Trace.mark("report: report.html")
        let skusResult = Result { try skusCSV.wait() }
        Trace.mark("report: skus.csv")
        finished = true
        let tableFiles = try tablesResult.get()
        let written = try pageResult.get()
        return (written.page, tableFiles + written.files + (try skusResult.get()))
    }

    /// Waits for the pieces still running, ignoring their errors: after a failure elsewhere,
    /// the staging folder may be removed only once no piece writes into it.
    mutating func abandon() {
        guard !finished else { return }
        _ = try? finish()
    }
}
